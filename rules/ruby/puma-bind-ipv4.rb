# ruleid: v6lint.ruby.puma-bind-ipv4
bind "tcp://0.0.0.0:3000"
# ok: v6lint.ruby.puma-bind-ipv4
bind "tcp://[::]:3000"
# ok: v6lint.ruby.puma-bind-ipv4
bind "unix:///tmp/puma.sock"
