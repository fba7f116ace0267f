def url(host, port, name, count)
  # ruleid: v6lint.ruby.host-port-interpolation
  a = "http://#{host}:#{port}/"
  # ruleid: v6lint.ruby.host-port-interpolation
  b = "ssl://#{@config.host}:#{@config.port}?verify=none"
  # ok: v6lint.ruby.host-port-interpolation
  c = "#{name}:#{count}"
  # ok: v6lint.ruby.host-port-interpolation
  key = "#{host}:#{port}"
  # ok: v6lint.ruby.host-port-interpolation
  d = "http://[#{host}]:#{port}/"
  host_uri = host.include?(':') ? "[#{host}]" : host
  # ok: v6lint.ruby.host-port-interpolation
  e = "tcp://#{host_uri}:#{port}"
  [a, b, c, d, e, key]
end

class HttpServer
  def initialize(scheme, addr, port)
    @addr = addr
    @port = port
    # ruleid: v6lint.ruby.host-port-interpolation
    @uri = URI("#{scheme}://#{@addr}:#{@port}").to_s
  end
end

def proxy_for(uri)
  # ruleid: v6lint.ruby.host-port-interpolation
  URI.parse("#{uri.scheme}://#{uri.hostname}").find_proxy
end

def proxy_for_ok(uri)
  # ok: v6lint.ruby.host-port-interpolation
  URI.parse("#{uri.scheme}://#{uri.host}").find_proxy
end

def mail_link(config)
  # ok: v6lint.ruby.host-port-interpolation
  "https://#{config.hostname}/unsubscribe"
end

def log_listeners(ios, logger)
  ios.each do |io|
    # ruleid: v6lint.ruby.host-port-interpolation
    addr = io.local_address.ip_unpack.join(':')
    logger.log "* Listening on tcp://#{addr}"
  end
end

def log_listeners_ok(ios, logger)
  ios.each do |io|
    ip, port = io.local_address.ip_unpack
    # ok: v6lint.ruby.host-port-interpolation
    addr = io.local_address.ipv6? ? "[#{ip}]:#{port}" : [ip, port].join(':')
    logger.log "* Listening on tcp://#{addr}"
  end
end

class RequestHeader
  def set_host_header
    if @request_uri.port == @request_uri.default_port
      # ok: v6lint.ruby.host-port-interpolation
      set('Host', "#{@request_uri.host}")
    else
      # ruleid: v6lint.ruby.host-port-interpolation
      set('Host', "#{@request_uri.hostname}:#{@request_uri.port}")
    end
  end

  def bracketed_host_header(uri)
    # ok: v6lint.ruby.host-port-interpolation
    "#{uri.host}:#{uri.port}"
  end

  def machine_label(port)
    # ok: v6lint.ruby.host-port-interpolation
    "#{Socket.gethostname}:#{port}"
  end
end

class AbsoluteRequestLine
  def path_for_proxy(path)
    # ok: v6lint.ruby.host-port-interpolation
    "#{ @request_uri.scheme }://#{ @request_uri.host }:#{ @request_uri.port }#{ path }"
  end
end

def local_address_label(io)
  addr = io.to_io.local_address
  if addr.ipv6?
    "[#{addr.ip_unpack[0]}]:#{addr.ip_unpack[1]}"
  else
    # ok: v6lint.ruby.host-port-interpolation
    addr.ip_unpack.join(':')
  end
end

def server_uri(scheme, addr, port)
  ip_literal = addr.include?(":") ? "[#{addr}]" : addr
  # ok: v6lint.ruby.host-port-interpolation
  URI("#{scheme}://#{ip_literal}:#{port}").to_s
end

class TestRackServer
  HOST = "127.0.0.1"

  def setup
    # A class constant is not propagated into the method: still reported.
    # ruleid: v6lint.ruby.host-port-interpolation
    @tcp = "http://#{HOST}:#{@port}"
  end

  def test_control_url
    host = "localhost"
    # ok: v6lint.ruby.host-port-interpolation
    url = "tcp://#{host}:#{port}/"
    control_host = "127.0.0.1"
    # ok: v6lint.ruby.host-port-interpolation
    control_url = "ssl://#{control_host}:#{control_port}?#{ssl_query}"
    [url, control_url]
  end

  def test_v6_control_url
    host = "::1"
    # ruleid: v6lint.ruby.host-port-interpolation
    url = "tcp://#{host}:#{port}/"
    url
  end

  def test_env_host
    host = ENV.fetch("HOST", "localhost")
    # ruleid: v6lint.ruby.host-port-interpolation
    url = "tcp://#{host}:#{port}/"
    url
  end

  def test_given_host(host)
    # ruleid: v6lint.ruby.host-port-interpolation
    "http://#{host}:#{port}/test"
  end
end
