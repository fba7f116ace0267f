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
