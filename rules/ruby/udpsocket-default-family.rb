require "socket"
require "ipaddr"

class ForwardInput
  def start
    # ruleid: v6lint.ruby.udpsocket-default-family
    @usock = UDPSocket.new
    @usock.bind(@bind, @port)
  end
end

class SyslogOutput
  def send_message(host, port, msg)
    # ruleid: v6lint.ruby.udpsocket-default-family
    sock = UDPSocket.new(Socket::AF_INET)
    sock.send(msg, 0, host, port)
  end

  def heartbeat(nodes)
    # ruleid: v6lint.ruby.udpsocket-default-family
    UDPSocket.open do |s|
      nodes.each { |n| s.send("", 0, n.host, n.port) }
    end
  end
end

module SocketUtil
  def create_udp_socket(host)
    if IPAddr.new(host).ipv4?
      # ok: v6lint.ruby.udpsocket-default-family
      UDPSocket.new
    else
      UDPSocket.new(Socket::AF_INET6)
    end
  end

  def create_for(family)
    # ok: v6lint.ruby.udpsocket-default-family
    sock = family == :v6 ? UDPSocket.new(Socket::AF_INET6) : UDPSocket.new
    sock
  end

  def v6_socket
    # ok: v6lint.ruby.udpsocket-default-family
    UDPSocket.new(Socket::AF_INET6)
  end

  def from_addrinfo(host, port)
    ai = Addrinfo.udp(host, port)
    # ok: v6lint.ruby.udpsocket-default-family
    UDPSocket.new(ai.afamily)
  end
end

BIND_ADDRESS = "127.0.0.1"

class LoopbackClients
  def send_to_loopback(port, msg)
    # ok: v6lint.ruby.udpsocket-default-family
    u = UDPSocket.new
    u.connect('127.0.0.1', port)
    u.send(msg, 0)
  end

  def bind_loopback_then_connect(port)
    # ok: v6lint.ruby.udpsocket-default-family
    sock = UDPSocket.new(Socket::AF_INET)
    sock.bind("127.0.0.1", 0)
    sock.connect("127.0.0.1", port)
  end

  def send_datagram(port)
    # ok: v6lint.ruby.udpsocket-default-family
    s = UDPSocket.new
    s.send("ping", 0, "127.0.0.1", port)
  end

  def port_bindable?(port)
    # ok: v6lint.ruby.udpsocket-default-family
    u = UDPSocket.new(::Socket::AF_INET)
    u.bind(BIND_ADDRESS, port)
    true
  end

  def send_to_name(port)
    # "localhost" resolves with the socket's family: 127.0.0.1 only, none on an IPv6-only host.
    # ruleid: v6lint.ruby.udpsocket-default-family
    s = UDPSocket.new
    s.send("ping", 0, "localhost", port)
  end

  def send_to_configured(host, port)
    # ruleid: v6lint.ruby.udpsocket-default-family
    s = UDPSocket.new
    s.connect(host, port)
    # A literal in a message is no address.
    s.send("10.0.0.1", 0)
  end

  def bind_any(port)
    # ruleid: v6lint.ruby.udpsocket-default-family
    s = UDPSocket.new
    s.bind("0.0.0.0", port)
  end
end
