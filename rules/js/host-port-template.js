function urls(host, port, name, count, opts, req) {
  // ruleid: v6lint.js.host-port-template
  const b = `http://${opts.hostname}:${opts.port}/api`;
  // ruleid: v6lint.js.host-port-template
  const c = 'http://' + host + ':' + port;
  // ruleid: v6lint.js.host-port-template
  req.headers.host = opts.host + ':' + opts.port;
  // ruleid: v6lint.js.host-port-template
  const u = new URL(`${host}:${port}`, base);
  // ok: v6lint.js.host-port-template
  const key = `${node.host}:${node.port}`;
  // ok: v6lint.js.host-port-template
  debug('connected to ' + host + ':' + port);
  // ok: v6lint.js.host-port-template
  const d = `${name}:${count}`;
  // ok: v6lint.js.host-port-template
  const e = `http://[${host}]:${port}/`;
  return [b, c, d, e, u, key];
}

function socketUrl(obj, options, protocol) {
  // ruleid: v6lint.js.host-port-template
  obj.id = obj.protocol + '://' + obj.host + ':' + obj.port;
  // ruleid: v6lint.js.host-port-template
  const uri = protocol + "://" + options.host + ":" + options.port + "/";
  // ok: v6lint.js.host-port-template
  const label = obj.name + ':' + obj.count;
  return uri + label;
}
