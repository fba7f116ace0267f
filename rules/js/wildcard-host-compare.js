const url = require('url');

const urlParts = url.parse(resourceQuery.substr(1));
let hostname = urlParts.hostname;
// ruleid: v6lint.js.wildcard-host-compare
if (urlParts.hostname === '0.0.0.0') {
  hostname = self.location.hostname;
}

function displayHost(bindAddress) {
  // ruleid: v6lint.js.wildcard-host-compare
  return bindAddress == '0.0.0.0' ? 'localhost' : bindAddress;
}

function bothWildcards(host) {
  // ok: v6lint.js.wildcard-host-compare
  if (host === '0.0.0.0' || host === '::') {
    return 'localhost';
  }
  return host;
}

function laterCheck(address) {
  // ok: v6lint.js.wildcard-host-compare
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '::1';
  return address;
}

const pretty = (host) => {
  // ok: v6lint.js.wildcard-host-compare
  const wild = host === '0.0.0.0' || host === '[::]';
  return wild ? 'localhost' : host;
};

function notAHost(version) {
  // ok: v6lint.js.wildcard-host-compare
  return version === '0.0.0.0';
}
