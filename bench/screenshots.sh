#!/usr/bin/env bash
# A look in a real browser: builds the site of the bundled example configuration, serves it with
# `gleaner preview` and takes screenshots of it in headless Chromium (Debian's package).
#
#   bench/screenshots.sh                 PNG files in a new folder under the system's temp folder
#   OUT=/tmp/shots bench/screenshots.sh  PNG files in /tmp/shots
#
# gleaner.yml and examples/ are copied into a temporary workspace, site.url is set to a free port on
# 127.0.0.1, `gleaner run` fetches the example feeds and builds the site, and `gleaner preview`
# serves it (stopped when the script ends). Pages: the front page, a top category (/c/社交媒体/), a
# feed (/c/社交媒体/知乎/知乎热榜/), two items linked from the front page (the first, and the longest:
# item-long), the archive and the 404 page, each at 1280x900 (desktop) and 390x844 (phone); and the
# front page and both items in dark mode (prefers-color-scheme: dark) at both sizes. Every PNG must exist and be over 10 KB; a dark
# shot identical to its light one fails too. Remote images (covers, pictures in the bodies) do not
# load without a network, which is expected.
#
# Environment (all optional):
#   GLEANER_JAR=target/gleaner.jar   the jar (built with `mvn -B -q -DskipTests package` when absent)
#   GLEANER_JAVA_OPTS                JVM options; default the launcher's
#   OUT                              the folder for the PNG files
#   PORT                             the port (default: a free one)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
say() { echo "screenshots.sh: $*"; }
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) say "unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium and fonts-noto-cjk"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk >/dev/null
  else
    say "needs Debian's Chromium and CJK fonts: sudo apt-get install chromium fonts-noto-cjk" >&2
    exit 1
  fi
fi
if command -v fc-list >/dev/null && ! fc-list :lang=zh family | grep -q .; then
  say "warning: no Chinese font is installed (apt-get install fonts-noto-cjk): Chinese text will show as boxes" >&2
fi

jar="${GLEANER_JAR:-$ROOT/target/gleaner.jar}"
if [ ! -f "$jar" ]; then
  say "building $jar"
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package)
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
java_opts="${GLEANER_JAVA_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
tmp="${TMPDIR:-/tmp}"
out="${OUT:-$(mktemp -d "$tmp/gleaner-screenshots.XXXXXX")}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
ws="$(mktemp -d "$tmp/gleaner-screenshots-site.XXXXXX")"
preview_pid=
cleanup() {
  if [ -n "$preview_pid" ]; then kill "$preview_pid" 2>/dev/null || true; wait "$preview_pid" 2>/dev/null || true; fi
  rm -rf "$ws"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
base="http://127.0.0.1:$port"

# The example configuration, with site.url on that port.
cp -r "$ROOT/gleaner.yml" "$ROOT/examples" "$ws/"
python3 - "$ws/gleaner.yml" "$base/" <<'PY'
import re, sys
path, url = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
start = lines.index("site:")
end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
for i in range(start + 1, end):
    if re.match(r"\s+url:", lines[i]):
        lines[i] = "  url: %s" % url
        break
else:
    lines.insert(start + 1, "  url: %s" % url)
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
say "building the example site in $ws"
(cd "$ws" && java $java_opts -jar "$jar" run -q --config gleaner.yml)
(cd "$ws" && exec java $java_opts -jar "$jar" preview --port "$port" --config gleaner.yml) > "$ws/preview.log" 2>&1 &
preview_pid=$!
for _ in $(seq 150); do
  curl -sf -o /dev/null "$base/" && break
  kill -0 "$preview_pid" 2>/dev/null || break
  sleep 0.2
done
curl -sf -o /dev/null "$base/" || { say "gleaner preview does not answer on $base/" >&2; cat "$ws/preview.log" >&2; exit 1; }
say "$(head -1 "$ws/preview.log")"

quote() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
# Two items linked from the front page: the first one, and the longest (the richest body).
items=$(curl -sf "$base/" | grep -o 'href="/item/[^"]*"' | cut -d'"' -f2 | awk '!seen[$0]++' || true)
item=$(echo "$items" | head -1)
[ -n "$item" ] || { say "the front page links to no item" >&2; exit 1; }
long=$(for i in $items; do echo "$(curl -sf "$base$i" | wc -c) $i"; done | sort -rn | head -1 | cut -d' ' -f2)
top=$(quote "/c/社交媒体/")
feed=$(quote "/c/社交媒体/知乎/知乎热榜/")
for path in "$top" "$feed" "$item" "$long" /archives/; do
  curl -sf -o /dev/null "$base$path" || { say "$base$path does not answer 200" >&2; exit 1; }
done

shots=0
shoot() {  # shoot NAME WIDTH,HEIGHT PATH [chromium flags...]
  local name=$1 size=$2 url=$base$3; shift 3
  rm -f "$out/$name.png"
  timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --no-default-browser-check --disable-background-networking --disable-component-update --disable-sync \
    --disable-extensions --user-data-dir="$ws/chromium" --virtual-time-budget=3000 \
    --window-size="$size" "$@" --screenshot="$out/$name.png" "$url" >> "$ws/chromium.log" 2>&1 || true
  local bytes; bytes=$(stat -c %s "$out/$name.png" 2>/dev/null || echo 0)
  if [ "$bytes" -le 10240 ]; then
    say "$name.png is missing or nearly empty ($bytes bytes) for $url" >&2
    tail -20 "$ws/chromium.log" >&2
    exit 1
  fi
  shots=$((shots + 1))
  printf '  %-26s %4d KB  %s  %s\n' "$name.png" $((bytes / 1024)) "${size/,/x}" "$url"
}
# Dark mode: Blink's preferredColorScheme 0 is dark: `prefers-color-scheme: dark` matches, nothing else is
# recoloured (Chromium 150: --force-dark-mode does the same; neither turns on automatic darkening).
dark=(--blink-settings=preferredColorScheme=0)
for view in desktop:1280,900 phone:390,844; do
  v=${view%%:*} size=${view#*:}
  shoot "home-$v" "$size" /
  shoot "category-$v" "$size" "$top"
  shoot "feed-$v" "$size" "$feed"
  shoot "item-$v" "$size" "$item"
  shoot "item-long-$v" "$size" "$long"
  shoot "archive-$v" "$size" /archives/
  shoot "404-$v" "$size" /no/such/page
  shoot "home-dark-$v" "$size" / "${dark[@]}"
  shoot "item-dark-$v" "$size" "$item" "${dark[@]}"
  shoot "item-long-dark-$v" "$size" "$long" "${dark[@]}"
  for page in home item item-long; do
    if cmp -s "$out/$page-$v.png" "$out/$page-dark-$v.png"; then
      say "$page-dark-$v.png is the same picture as $page-$v.png: Chromium ignored ${dark[*]}" >&2
      exit 1
    fi
  done
done
say "$shots screenshots in $out"
