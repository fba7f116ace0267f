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

function transformNodeAddress(address) {
  const indexOfColon = address.indexOf(':'),
    // ruleid: v6lint.js.split-host-port
    host = address.substring(0, indexOfColon);
  return { host, port: Number(address.substring(indexOfColon + 1)) };
}

function checkHost(headers) {
  const hostHeader = headers.host;
  const idx = hostHeader.indexOf(":");
  // ruleid: v6lint.js.split-host-port
  const hostname = idx >= 0 ? hostHeader.substr(0, idx) : hostHeader;
  return hostname;
}

function fromSpec(spec) {
  // ruleid: v6lint.js.split-host-port
  const [host, port] = spec.split(':');
  return net.connect({ host, port: Number(port) });
}

function lookAlikes(entry, host, line) {
  // ok: v6lint.js.split-host-port
  const [key, value] = entry.split(':');
  // ok: v6lint.js.split-host-port
  const [hours, minutes] = line.split(':');
  const i = host.lastIndexOf(':');
  // ok: v6lint.js.split-host-port
  const h = host.slice(0, i);
  const j = line.indexOf(':');
  // ok: v6lint.js.split-host-port
  const scheme = line.slice(0, j);
  // ok: v6lint.js.split-host-port
  const bracketed = host.indexOf(':') >= 0 ? `[${host}]` : host;
  return [key, value, hours, minutes, h, scheme, bracketed];
}

function pickBroker(list, index) {
  const broker = list[index % list.length];
  let host, port;
  // ruleid: v6lint.js.split-host-port
  host = broker.split(':')[0];
  // ruleid: v6lint.js.split-host-port
  port = Number(broker.split(':')[1]);
  // ruleid: v6lint.js.split-host-port
  const serverHost = entry.split(':')[0];
  return { host, port, serverHost };
}

function notHosts(line, pair) {
  // ok: v6lint.js.split-host-port
  const key = pair.split(':')[0];
  // ok: v6lint.js.split-host-port
  const minutes = parseInt(line.split(':')[1], 10);
  // ok: v6lint.js.split-host-port
  const hostLabel = `${pair}`;
  return [key, minutes, hostLabel];
}

class Description {
  get port() {
    // ok: v6lint.js.split-host-port
    const port = this.address.split(':').pop();
    return port ? Number.parseInt(port, 10) : 27017;
  }
}

function portOf(address) {
  // ok: v6lint.js.split-host-port
  return Number.parseInt(address.split(':').pop(), 10);
}
