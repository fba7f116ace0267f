'use strict';

const internalIp = require('internal-ip');

function createDomain(options, server) {
  let hostname;
  if (options.useLocalIp) {
    // ruleid: v6lint.js.internal-ip-v4-only
    hostname = internalIp.v4.sync() || '0.0.0.0';
  } else {
    hostname = server.address().address;
  }
  return hostname;
}

async function localUrl(port) {
  // ruleid: v6lint.js.internal-ip-v4-only
  const ip = await internalIp.v4();
  return `http://${ip}:${port}`;
}

function both() {
  // ok: v6lint.js.internal-ip-v4-only
  return internalIp.v4.sync() || internalIp.v6.sync() || 'localhost';
}

function byFamily(family) {
  // ok: v6lint.js.internal-ip-v4-only
  return family === 'IPv6' ? internalIp.v6.sync() : internalIp.v4.sync();
}

const other = { v4: { sync: () => '10.0.0.1' } };
// ok: v6lint.js.internal-ip-v4-only
const unrelated = other.v4.sync();
