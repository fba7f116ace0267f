function parse(hostPort, line, req) {
  // ruleid: v6lint.js.split-host-port
  const [host, port] = hostPort.split(':');
  // ruleid: v6lint.js.split-host-port
  const last = req.socket.remoteAddress.split(':').pop();
  // ok: v6lint.js.split-host-port
  const [k, v] = line.split(':');
  // ok: v6lint.js.split-host-port
  const i = hostPort.lastIndexOf(':');
  return [host, port, last, k, v, i];
}
