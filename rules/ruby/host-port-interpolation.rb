def url(host, port, name, count)
  # ruleid: v6lint.ruby.host-port-interpolation
  a = "http://#{host}:#{port}/"
  # ruleid: v6lint.ruby.host-port-interpolation
  b = "#{@config.host}:#{@config.port}"
  # ok: v6lint.ruby.host-port-interpolation
  c = "#{name}:#{count}"
  [a, b, c]
end
