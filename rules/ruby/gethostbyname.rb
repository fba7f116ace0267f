require 'socket'

# ruleid: v6lint.ruby.gethostbyname
info = Socket.gethostbyname('example.com')
# ok: v6lint.ruby.gethostbyname
addrs = Addrinfo.getaddrinfo('example.com', 80, nil, :STREAM)
# ok: v6lint.ruby.gethostbyname
resolver.gethostbyname('example.com')
