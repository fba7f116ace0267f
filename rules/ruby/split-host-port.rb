def parse(host_port, line)
  # ruleid: v6lint.ruby.split-host-port
  host, port = host_port.split(':')
  # ok: v6lint.ruby.split-host-port
  key, value = line.split(':')
  [host, port, key, value]
end
