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
