function clientIp(req) {
  // ruleid: v6lint.js.mapped-address-mangling
  const a = req.socket.remoteAddress.replace(/^.*:/, '');
  // ruleid: v6lint.js.mapped-address-mangling
  const b = req.connection.remoteAddress.substr(7);
  // ruleid: v6lint.js.mapped-address-mangling
  const c = req.ip.split(':').pop();
  // ok: v6lint.js.mapped-address-mangling
  const d = req.socket.remoteAddress.replace('::ffff:', '');
  // ok: v6lint.js.mapped-address-mangling
  const e = name.substr(7);
  return [a, b, c, d, e];
}

class ServerInfo {
  get port() {
    // ok: v6lint.js.mapped-address-mangling
    const port = this.address.split(':').pop();
    return port ? Number.parseInt(port, 10) : 27017;
  }
}
