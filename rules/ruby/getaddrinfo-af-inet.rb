require "socket"

class RedisConnection
  def self.connect(host, port, timeout)
    # Limit the lookup to IPv4 for now.
    # ruleid: v6lint.ruby.getaddrinfo-af-inet
    addr = ::Socket.getaddrinfo(host, nil, Socket::AF_INET)
    sock = new(::Socket.const_get(addr[0][0]), Socket::SOCK_STREAM, 0)
    sock.connect(::Socket.pack_sockaddr_in(port, addr[0][3]))
    sock
  end

  def resolve(name)
    # ruleid: v6lint.ruby.getaddrinfo-af-inet
    Addrinfo.getaddrinfo(name, 80, :INET, :STREAM).map(&:ip_address)
  end

  def first_address(host, port)
    # ruleid: v6lint.ruby.getaddrinfo-af-inet
    Socket.getaddrinfo(host, port, Socket::Constants::AF_INET, Socket::SOCK_STREAM).first
  end

  def any_family(host, port)
    # ok: v6lint.ruby.getaddrinfo-af-inet
    Socket.getaddrinfo(host, port, Socket::AF_UNSPEC, Socket::SOCK_STREAM)
  end

  def default_family(host)
    # ok: v6lint.ruby.getaddrinfo-af-inet
    Addrinfo.getaddrinfo(host, nil, nil, :STREAM)
  end

  def per_family(host, port)
    # ok: v6lint.ruby.getaddrinfo-af-inet
    v4 = Socket.getaddrinfo(host, port, Socket::AF_INET)
    v6 = Socket.getaddrinfo(host, port, Socket::AF_INET6)
    v6 + v4
  end

  def family_of(addr, port)
    if addr.ipv4?
      # ok: v6lint.ruby.getaddrinfo-af-inet
      Addrinfo.getaddrinfo(addr.ip_address, port, :INET)
    else
      Addrinfo.getaddrinfo(addr.ip_address, port, :INET6)
    end
  end

  def chosen(host, port, family)
    # ok: v6lint.ruby.getaddrinfo-af-inet
    Socket.getaddrinfo(host, port, family)
  end
end
