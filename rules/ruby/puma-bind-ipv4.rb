# ruleid: v6lint.ruby.puma-bind-ipv4
bind "tcp://0.0.0.0:3000"
# ok: v6lint.ruby.puma-bind-ipv4
bind "tcp://[::]:3000"
# ok: v6lint.ruby.puma-bind-ipv4
bind "unix:///tmp/puma.sock"

port ENV.fetch("PORT") { 3000 }
# ruleid: v6lint.ruby.puma-bind-ipv4
bind "tcp://0.0.0.0:#{ENV.fetch('PORT', 3000)}"
# ok: v6lint.ruby.puma-bind-ipv4
bind "tcp://[::]:#{ENV.fetch('PORT', 3000)}"
# The default is "tcp://0.0.0.0:9292" (a comment: ok)
# ok: v6lint.ruby.puma-bind-ipv4
workers 2

module Server
  DEFAULTS = {
    # ruleid: v6lint.ruby.puma-bind-ipv4
    binds: ['tcp://0.0.0.0:9292'.freeze],
    # ruleid: v6lint.ruby.puma-bind-ipv4
    tcp_host: '0.0.0.0'.freeze,
    # ok: v6lint.ruby.puma-bind-ipv4
    control_url: 'tcp://127.0.0.1:9293',
    # ok: v6lint.ruby.puma-bind-ipv4
    redirect_url: 'http://0.0.0.0.example.net/',
  }
end
