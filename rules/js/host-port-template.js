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

function clientEntry(options, protocol) {
  // ruleid: v6lint.js.host-port-template
  const entry = protocol + '://' + (options.public || (options.host + ':' + options.port));
  // ok: v6lint.js.host-port-template
  const safe = protocol + '://' + (options.public || formatHost(options.host, options.port));
  return [entry, safe];
}

function pollingUri(schema, query) {
  let port = '';
  if (this.port && this.port != 80) port = ':' + this.port;
  // ruleid: v6lint.js.host-port-template
  const uri = schema + '://' + this.hostname + port + this.path + query;
  // ok: v6lint.js.host-port-template
  const bracketed = schema + '://' + (isIPv6(this.hostname) ? '[' + this.hostname + ']' : this.hostname) + port;
  // ok: v6lint.js.host-port-template
  const withPath = schema + '://' + this.hostname + this.path;
  return [uri, bracketed, withPath];
}

function bracketedFirst(obj, path) {
  const ipv6 = obj.host.indexOf(':') !== -1;
  const host = ipv6 ? '[' + obj.host + ']' : obj.host;
  // ok: v6lint.js.host-port-template
  obj.id = obj.protocol + '://' + host + ':' + obj.port + path;
  return obj;
}

async function bracketedTemplate(server) {
  const address = server.address();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // ok: v6lint.js.host-port-template
  return fetch(`http://${host}:${address.port}/`);
}
