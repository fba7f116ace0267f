require 'socket'

# ruleid: v6lint.ruby.gethostbyname
info = Socket.gethostbyname('example.com')
# ok: v6lint.ruby.gethostbyname
addrs = Addrinfo.getaddrinfo('example.com', 80, nil, :STREAM)
# ok: v6lint.ruby.gethostbyname
resolver.gethostbyname('example.com')
# Only the canonical name is kept.
# ok: v6lint.ruby.gethostbyname
name = Socket.gethostbyname(Socket.gethostname).first
# ok: v6lint.ruby.gethostbyname
name = Socket.gethostbyname(Socket.gethostname)[0]
# The addresses are read.
# ruleid: v6lint.ruby.gethostbyname
addr = Socket.gethostbyname(Socket.gethostname).last
# ruleid: v6lint.ruby.gethostbyname
ip = TCPSocket.gethostbyname(host)[3]
