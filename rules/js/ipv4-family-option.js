const dns = require('dns');
const net = require('net');

// ruleid: v6lint.js.ipv4-family-option
dns.lookup(host, { family: 4 }, cb);
// ruleid: v6lint.js.ipv4-family-option
const sock = net.connect({ host, port, autoSelectFamily: false });
// ok: v6lint.js.ipv4-family-option
dns.lookup(host, { family: 0, all: true }, cb);
// ok: v6lint.js.ipv4-family-option
dns.lookup(host, { all: true }, cb);
// ok: v6lint.js.ipv4-family-option
const opts = { family: 6 };
// ok: v6lint.js.ipv4-family-option
const v4 = Object.values(os.networkInterfaces()).flat().filter((i) => i.family === 'IPv4');

function legacyClient(options, host, cb) {
  // ruleid: v6lint.js.ipv4-family-option
  const net_client = net.createConnection({
    port: options.port,
    'family': options.family || 'IPv4',
  });
  // ruleid: v6lint.js.ipv4-family-option
  require('dns').lookup(host, 4, function (err, address) { cb(err, address); });
  // ok: v6lint.js.ipv4-family-option
  require('dns').lookup(host, 0, cb);
  // ok: v6lint.js.ipv4-family-option
  const retries = { count: options.retries || 4 };
  return net_client;
}

function fakeLookup(hostname, options, callback) {
  // ok: v6lint.js.ipv4-family-option
  callback(null, [{ address: '127.0.0.1', family: 4 }]);
}
