def url(host, port, name, count)
  # ruleid: v6lint.ruby.host-port-interpolation
  a = "http://#{host}:#{port}/"
  # ruleid: v6lint.ruby.host-port-interpolation
  b = "ssl://#{@config.host}:#{@config.port}?verify=none"
  # ok: v6lint.ruby.host-port-interpolation
  c = "#{name}:#{count}"
  # ok: v6lint.ruby.host-port-interpolation
  key = "#{host}:#{port}"
  # ok: v6lint.ruby.host-port-interpolation
  d = "http://[#{host}]:#{port}/"
  host_uri = host.include?(':') ? "[#{host}]" : host
  # ok: v6lint.ruby.host-port-interpolation
  e = "tcp://#{host_uri}:#{port}"
  [a, b, c, d, e, key]
end
