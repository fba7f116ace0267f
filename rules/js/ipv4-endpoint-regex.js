module.exports = {
  // ruleid: v6lint.js.ipv4-endpoint-regex
  monitorLine: /^[0-9]{10,11}\.[0-9]+ \[[0-9]{1,3} [0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}:[0-9]{1,5}\].*/,
  // ruleid: v6lint.js.ipv4-endpoint-regex
  peer: /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}):(\d+)$/,
  // ruleid: v6lint.js.ipv4-endpoint-regex
  node: new RegExp('^((?:\\d{1,3}\\.){3}\\d{1,3}):(\\d+)@'),
  // ok: v6lint.js.ipv4-endpoint-regex
  monitorAny: /^[0-9]{10,11}\.[0-9]+ \[[0-9]{1,3} (.(?!\]))+.\]( ".+?")+$/,
  // ok: v6lint.js.ipv4-endpoint-regex
  plainIPv4: /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/,
  // ok: v6lint.js.ipv4-endpoint-regex
  both: /^(?:\[([0-9a-fA-F:]+)\]|(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})):(\d+)$/,
  // ok: v6lint.js.ipv4-endpoint-regex
  version: /^v(\d+)\.(\d+)\.(\d+)$/,
};
