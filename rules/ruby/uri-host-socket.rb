require "socket"
require "uri"
require "net/http"

class ControlClient
  def initialize(control_url)
    @control_url = control_url
  end

  def send_request(command)
    uri = URI.parse(@control_url)
    # ruleid: v6lint.ruby.uri-host-socket
    sock = TCPSocket.new(uri.host, uri.port)
    sock << "GET /#{command} HTTP/1.0\r\n\r\n"
    sock.read
  end

  def send_hostname(command)
    uri = URI.parse(@control_url)
    # ok: v6lint.ruby.uri-host-socket
    sock = TCPSocket.new(uri.hostname, uri.port)
    sock.read
  end

  def send_stripped(command)
    uri = URI.parse(@control_url)
    host = uri.host
    host = host[1..-2] if host&.start_with?("[")
    # ok: v6lint.ruby.uri-host-socket
    TCPSocket.new host, uri.port
  end
end

class Binder
  def parse(binds)
    binds.each do |str|
      uri = URI.parse str
      case uri.scheme
      when "tcp"
        # ruleid: v6lint.ruby.uri-host-socket
        io = add_tcp_listener uri.host, uri.port
        @ios << io
      when "ssl"
        # ruleid: v6lint.ruby.uri-host-socket
        io = add_ssl_listener uri.host, uri.port, ssl_context(uri)
        @ios << io
      end
    end
  end

  def add_tcp_listener(host, port)
    TCPServer.new(host, port)
  end
end

def fetch_status(endpoint)
  target = URI(endpoint)
  # ruleid: v6lint.ruby.uri-host-socket
  http = Net::HTTP.new(target.host, target.port)
  http.use_ssl = target.scheme == "https"
  http.get(target.request_uri)
end

def fetch_status_ok(endpoint)
  target = URI(endpoint)
  # ok: v6lint.ruby.uri-host-socket
  Net::HTTP.start(target.hostname, target.port) { |http| http.head("/") }
end

def ping(service_uri)
  # ruleid: v6lint.ruby.uri-host-socket
  Socket.tcp(service_uri.host, service_uri.port, connect_timeout: 2).close
end

def open_from_config(config)
  # ok: v6lint.ruby.uri-host-socket
  TCPSocket.new(config.host, config.port)
end

def build_link(uri)
  # ok: v6lint.ruby.uri-host-socket
  URI::HTTP.build(host: uri.host, port: uri.port, path: "/status")
end

def log_target(uri)
  # ok: v6lint.ruby.uri-host-socket
  logger.info("connecting", uri.scheme, uri.host)
end

class NetHttpAdapter
  def net_http_connection(env)
    if (proxy = env[:request][:proxy])
      # ruleid: v6lint.ruby.uri-host-socket
      Net::HTTP::Proxy(proxy[:uri].host, proxy[:uri].port, proxy[:user], proxy[:password])
    else
      Net::HTTP
    end
  end

  def direct(env)
    # ruleid: v6lint.ruby.uri-host-socket
    Net::HTTP.new(env[:url].host, env[:url].port)
  end

  def through_proxy(env, proxy_uri)
    # ruleid: v6lint.ruby.uri-host-socket
    Net::HTTP.new(env[:url].hostname, env[:url].port, proxy_uri.host, proxy_uri.port)
  end

  def proxied_by_name(env)
    # ok: v6lint.ruby.uri-host-socket
    Net::HTTP::Proxy(env[:proxy].hostname, env[:proxy].port)
  end

  def header_value(env)
    # ok: v6lint.ruby.uri-host-socket
    env[:request_headers]["Host"] = env[:url].host
  end
end

class BinderLike
  def parse(binds)
    binds.each do |str|
      uri = URI.parse(str)
      # ok: v6lint.ruby.uri-host-socket
      add_tcp_listener uri.host, uri.port
      # ruleid: v6lint.ruby.uri-host-socket
      add_raw_listener uri.host, uri.port
    end
  end

  def add_tcp_listener(host, port)
    host = host[1..-2] if host&.start_with?("[")
    TCPServer.new(host, port)
  end

  def add_raw_listener(host, port)
    TCPServer.new(host, port)
  end
end

class InheritingBinder
  def parse(binds)
    binds.each do |str|
      uri = URI.parse(str)
      # The helper takes the host and never reads it: nothing is resolved from it.
      # ok: v6lint.ruby.uri-host-socket
      io = inherit_tcp_listener uri.host, uri.port, @fds[str]
      # ruleid: v6lint.ruby.uri-host-socket
      io = open_tcp_listener uri.host, uri.port
    end
  end

  def inherit_tcp_listener(host, port, fd)
    s = fd.kind_of?(::TCPServer) ? fd : ::TCPServer.for_fd(fd)
    @ios << s
    s
  end

  def open_tcp_listener(host, port)
    s = TCPServer.new(host, port)
    @ios << s
    s
  end
end
