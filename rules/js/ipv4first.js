const dns = require('node:dns');

// ruleid: v6lint.js.ipv4first
dns.setDefaultResultOrder('ipv4first');
// ok: v6lint.js.ipv4first
dns.setDefaultResultOrder('verbatim');
// ruleid: v6lint.js.ipv4first
const args = ['--dns-result-order=ipv4first', 'server.js'];
