def parse(host_port, line)
  # ruleid: v6lint.ruby.split-host-port
  host, port = host_port.split(':')
  # ok: v6lint.ruby.split-host-port
  key, value = line.split(':')
  [host, port, key, value]
end

class RpcServer
  def initialize(endpoint)
    # ruleid: v6lint.ruby.split-host-port
    bind, port = endpoint.split(':')
    @bind = bind
    @port = port.to_i
  end
end

class CacheNode
  def initialize(attribs)
    # ruleid: v6lint.ruby.split-host-port
    (@hostname, @port, @weight) = attribs.split(':')
    @weight = (@weight || 1).to_i
  end
end

def forwarded(header)
  # ruleid: v6lint.ruby.split-host-port
  @forwarded_host, @forwarded_port = header.split(":", 2)
  @forwarded_port
end

def parse_host_header(env, host)
  # ruleid: v6lint.ruby.split-host-port
  if colon = host.index(":")
    env["SERVER_NAME"] = host[0, colon]
    env["SERVER_PORT"] = host[colon + 1, host.bytesize]
  end
end

def look_alikes(entry, time, ref)
  # ok: v6lint.ruby.split-host-port
  hours, minutes = time.split(":")
  # ok: v6lint.ruby.split-host-port
  user, password = entry.split(":", 2)
  # ok: v6lint.ruby.split-host-port
  name, version = ref.split(":")
  # ok: v6lint.ruby.split-host-port
  host, _, port = entry.rpartition(":")
  [hours, minutes, user, password, name, version, host, port]
end

class HeaderRequest
  def parse_host
    if self["host"]
      # ruleid: v6lint.ruby.split-host-port
      host, port = self['host'].split(":", 2)
    end
    # ruleid: v6lint.ruby.split-host-port
    name = env["HTTP_HOST"].split(":").first
    # ok: v6lint.ruby.split-host-port
    kind, value = self["content-type"].split(":", 2)
    # ok: v6lint.ruby.split-host-port
    user, pass = params[:credentials].split(":")
    [host, port, name, kind, value, user, pass]
  end
end

def normalize(env)
  host = env["HTTP_HOST"]
  if colon = host.rindex("]:")
    env["SERVER_NAME"] = host[0, colon + 1]
  # ok: v6lint.ruby.split-host-port
  elsif !host.start_with?("[") && colon = host.index(":")
    env["SERVER_NAME"] = host[0, colon]
  end
end

def forwarded(host_port)
  if host_port =~ /\A(\[[0-9a-fA-F:]+\])(?::(\d+))?\z/
    host, port = $1, $2
  else
    # ok: v6lint.ruby.split-host-port
    host, port = host_port.split(":", 2)
  end
  [host, port]
end
