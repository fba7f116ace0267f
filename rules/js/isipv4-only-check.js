const net = require('net');

function check(addr) {
  // ruleid: v6lint.js.isipv4-only-check
  if (!net.isIPv4(addr)) {
    throw new Error('invalid address');
  }
  // ok: v6lint.js.isipv4-only-check
  if (!net.isIPv4(addr) && !net.isIPv6(addr)) {
    throw new Error('invalid address');
  }
  // ok: v6lint.js.isipv4-only-check
  if (net.isIP(addr) === 0) {
    throw new Error('invalid address');
  }
  // ruleid: v6lint.js.isipv4-only-check
  return validator.isIP(addr, 4);
}

function checkHost(headers) {
  const hostname = parseHost(headers.host);
  // ruleid: v6lint.js.isipv4-only-check
  if (ip.isV4Format(hostname)) return true;
  return allowed.includes(hostname);
}

function checkHostBoth(headers) {
  const hostname = parseHost(headers.host);
  // ok: v6lint.js.isipv4-only-check
  if (ip.isV4Format(hostname) || ip.isV6Format(hostname)) return true;
  return allowed.includes(hostname);
}

function family(address) {
  // ok: v6lint.js.isipv4-only-check
  if (ip.isV4Format(address)) {
    return 4;
  } else if (ip.isV6Format(address)) {
    return 6;
  }
  return 0;
}
