require "uri"

class ClientOptions
  def parse_url(url, defaults)
    uri = URI(url)
    case uri.scheme
    when "redis", "rediss"
      defaults[:scheme] = uri.scheme
      # ruleid: v6lint.ruby.uri-host-option
      defaults[:host] = uri.host if uri.host
      defaults[:port] = uri.port if uri.port
    end
    defaults
  end

  def parse_fixed(url, defaults)
    uri = URI(url)
    # ok: v6lint.ruby.uri-host-option
    defaults[:host] = uri.hostname
    defaults[:port] = uri.port
    defaults
  end

  def header_only(uri, headers)
    # ok: v6lint.ruby.uri-host-option
    headers[:host] = uri.host
    headers
  end
end

class Site
  attr_accessor :scheme, :host, :port

  def initialize(uri = nil)
    if uri
      @scheme = uri.scheme
      # ruleid: v6lint.ruby.uri-host-option
      @host = uri.host
      @port = uri.port.to_i
    else
      @scheme = "tcp"
      # ok: v6lint.ruby.uri-host-option
      @host = "0.0.0.0"
      @port = 0
    end
  end
end

class Target
  def initialize(endpoint)
    parsed = URI.parse(endpoint)
    # ok: v6lint.ruby.uri-host-option
    @host = parsed.hostname
    @port = parsed.port
  end
end

def connect_redis(redis_url)
  uri = URI.parse(redis_url)
  # ruleid: v6lint.ruby.uri-host-option
  Redis.new(host: uri.host, port: uri.port, db: 0)
end

def status_link(uri)
  # ok: v6lint.ruby.uri-host-option
  URI::HTTP.build(host: uri.host, port: uri.port, path: "/status")
end

def cache_key(config)
  # ok: v6lint.ruby.uri-host-option
  Cache.new(host: config.host, port: config.port)
end

class ServerRequest
  def setup_forwarded_info
    # ok: v6lint.ruby.uri-host-option
    @host = @request_uri.host
    @port = @request_uri.port
  end
end
