#!/usr/bin/env bash
# Whether two builds of Gleaner write the same bytes: `run` with each jar on the bundled example and on
# the crash test's corpus (100 feeds served on loopback by bench/feed_server.py), each in the same
# folder so that file: URLs agree, and the posts and the site compared with diff -r. For refactors that
# must not change what a user gets.
#
# Usage: test/same-output.sh OLD.jar NEW.jar   (exit 0 when both trees agree, 1 with the diff otherwise)
# The bundled example has items without a date, whose posts carry the time of the run: the clock is
# frozen with faketime (Debian package faketime) when it is installed, else those lines are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 OLD.jar NEW.jar" >&2; exit 2; }
old=$(realpath "$1"); new=$(realpath "$2")
ws=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-same.XXXXXX")
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$ws"' EXIT

frozen=()
if command -v faketime > /dev/null; then
  frozen=(env DONT_FAKE_MONOTONIC=1 faketime -f "@2026-01-01 10:00:00 x0")
fi

compare() {  # compare NAME: diff the two trees kept under $ws/NAME.old and $ws/NAME.new
  local filter=(cat)
  [ ${#frozen[@]} -eq 0 ] && filter=(grep -v '^[<>] date: ')
  local out
  out=$(diff -r "$ws/$1.old/site" "$ws/$1.new/site" | "${filter[@]}" | grep -v '^---$' | grep -v '^[0-9,]*c[0-9,]*$' || true)
  local files
  files=$(find "$ws/$1.new/site" -type f | wc -l)
  if [ -z "$out" ]; then
    echo "same-output: $1: the same $files files"
  else
    echo "same-output: $1: differs"; echo "$out" | head -40; return 1
  fi
}

status=0
for jar in old new; do
  rm -rf "$ws/w"; mkdir -p "$ws/w"
  git archive HEAD gleaner.yml examples | tar -x -C "$ws/w"
  (cd "$ws/w" && "${frozen[@]}" java -jar "${!jar}" run -q --config gleaner.yml 2> /dev/null)
  mv "$ws/w" "$ws/example.$jar"
done
compare example || status=1

python3 bench/feed_server.py serve --feeds 100 --port-file "$ws/port" --parent $$ 2> "$ws/server.log" &
server_pid=$!
for _ in $(seq 200); do [ -s "$ws/port" ] && break; sleep 0.05; done
for jar in old new; do
  rm -rf "$ws/w"; mkdir -p "$ws/w"
  python3 bench/feed_server.py config --feeds 100 --port "$(cat "$ws/port")" --dir "$ws/w" \
    --per-host 16 --concurrency 16 > "$ws/w.yml"
  java -jar "${!jar}" run --all -q --config "$ws/w.yml" > "$ws/$jar.log" 2>&1 || true
  mv "$ws/w" "$ws/corpus.$jar"
done
compare corpus || status=1
exit $status
