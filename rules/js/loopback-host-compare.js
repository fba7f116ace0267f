function isLocal(req) {
  // ruleid: v6lint.js.loopback-host-compare
  return req.socket.remoteAddress === '127.0.0.1';
}

function needsLookup(config) {
  // ruleid: v6lint.js.loopback-host-compare
  return config.host !== 'localhost' && config.host !== '127.0.0.1';
}

function isLocalBoth(req) {
  const addr = req.socket.remoteAddress;
  // ok: v6lint.js.loopback-host-compare
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

function laterV6(host) {
  // ok: v6lint.js.loopback-host-compare
  if (host === '127.0.0.1') return true;
  if (host === '::1') return true;
  return false;
}

const arrow = (hostname) => {
  // ok: v6lint.js.loopback-host-compare
  const local = hostname === '127.0.0.1' || hostname === '[::1]';
  return local;
};

function notAnAddress(version, label) {
  // ok: v6lint.js.loopback-host-compare
  return label === '127.0.0.1';
}

function parsedEntries(result) {
  // ok: v6lint.js.loopback-host-compare
  const first = result.entries.find(e => e.source.host === '127.0.0.1');
  // ok: v6lint.js.loopback-host-compare
  assert.ok(first.source.host === '127.0.0.1');
  return first;
}
