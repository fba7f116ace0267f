require 'socket'

# ruleid: v6lint.ruby.bind-ipv4-any
server = TCPServer.new('0.0.0.0', 2000)
# ok: v6lint.ruby.bind-ipv4-any
TCPServer.open("127.0.0.1", 8080)
# ok: v6lint.ruby.bind-ipv4-any
server6 = TCPServer.new('::', 2000)
# ok: v6lint.ruby.bind-ipv4-any
sockets = Socket.tcp_server_sockets(2000)
u = UDPSocket.new
# ruleid: v6lint.ruby.bind-ipv4-any
u.bind('0.0.0.0', 5353)
# ruleid: v6lint.ruby.bind-ipv4-any
set :bind, '0.0.0.0'
# ok: v6lint.ruby.bind-ipv4-any
set :port, 4567
