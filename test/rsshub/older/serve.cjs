// Serve an older, Koa-based RSSHub build (installed by ../install.sh older) on 127.0.0.1.
// Builds of this age answer 200 whenever If-Modified-Since comes beside If-None-Match; the tests
// fetch from it to prove that an unchanged feed still costs a 304.
//
// Usage:  node serve.cjs [PORT]     (any Node >= 18; PORT 0 or none = a free port)
// Prints one line, "listening on http://127.0.0.1:PORT", once it accepts connections.
'use strict';
const os = require('node:os');
const path = require('node:path');

const port = Number(process.argv[2] ?? process.env.PORT ?? '0');
const home = path.resolve(process.env.RSSHUB_HOME
    || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'gleaner-rsshub-older'));
process.env.NODE_ENV ??= 'production';
process.env.CACHE_TYPE ??= 'memory';
process.env.NO_LOGFILES ??= 'true';
process.env.LOGGER_LEVEL ??= 'warn';

const realStdout = process.stdout.write.bind(process.stdout);
// RSSHub logs to the console; stdout carries only the line that says where it listens.
console.log = console.info = (...args) => process.stderr.write(args.join(' ') + '\n');

const app = require(path.join(home, 'node_modules', 'rsshub', 'lib', 'app.js'));
const server = app.listen(port, '127.0.0.1', () => {
    realStdout(`listening on http://127.0.0.1:${server.address().port}\n`);
});
server.on('error', (err) => {
    process.stderr.write(`serve.cjs: cannot listen: ${err.message}\n`);
    process.exit(1);
});
const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
