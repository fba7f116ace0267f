const http = require('http');
const app = require('express')();

// ruleid: v6lint.js.listen-ipv4-any
app.listen(3000, '0.0.0.0', () => console.log('up'));
// ok: v6lint.js.listen-ipv4-any
http.createServer(handler).listen(8080, "127.0.0.1");
// ruleid: v6lint.js.listen-ipv4-any
fastify.listen({ port: 3000, host: '0.0.0.0' });
// ok: v6lint.js.listen-ipv4-any
app.listen(3000, () => console.log('up'));
// ok: v6lint.js.listen-ipv4-any
app.listen(3000, '::');
// ok: v6lint.js.listen-ipv4-any
fastify.listen({ port: 3000, host: '::' });
// ok: v6lint.js.listen-ipv4-any
emitter.on('0.0.0.0', cb);
