#!/usr/bin/env bash
# A look in a real browser: builds the site of the bundled example configuration, serves it with
# `gleaner preview`, and takes screenshots in headless Chromium (Debian's package).
#
#   bench/screenshots.sh
#
# Pages: the front page, a top category, a feed's category, an item, the archive and the 404 page,
# at 1280x900 (desktop) and 390x844 (phone), and the front page and the item in dark mode.
# Environment: GLEANER_JAR (default target/gleaner.jar, built when absent), OUT (the folder for the
# PNG files; default a new one under /tmp), PORT (default 4321).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk >/dev/null
  else
    echo "screenshots: needs Debian's chromium: sudo apt-get install chromium fonts-noto-cjk" >&2
    exit 1
  fi
fi
jar="${GLEANER_JAR:-target/gleaner.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
port=${PORT:-4321}
out="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/gleaner-screenshots.XXXXXX")}"
mkdir -p "$out"
ws=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-screenshots-site.XXXXXX")
preview_pid=
cleanup() {
  [ -n "$preview_pid" ] && kill "$preview_pid" 2>/dev/null || true
  rm -rf "$ws"
}
trap cleanup EXIT

cp -r gleaner.yml examples "$ws/"
sed -i "s|^  output: site\(.*\)|  output: site\1\n  url: http://127.0.0.1:$port/|" "$ws/gleaner.yml"
java -jar "$jar" run -q --config "$ws/gleaner.yml"
java -jar "$jar" preview --port "$port" --config "$ws/gleaner.yml" > "$ws/preview.log" 2>&1 &
preview_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/" >/dev/null || { echo "screenshots: preview did not start" >&2; cat "$ws/preview.log" >&2; exit 1; }

base="http://127.0.0.1:$port"
item=$(grep -o 'href="/item/[^"]*"' "$ws/site/public/index.html" | head -1 | cut -d'"' -f2)
top=$(python3 -c "import urllib.parse; print(urllib.parse.quote('/c/社交媒体/'))")
feed=$(python3 -c "import urllib.parse; print(urllib.parse.quote('/c/社交媒体/知乎/知乎热榜/'))")

shoot() {  # shoot NAME SIZE URL [extra flags]
  local name=$1 size=$2 url=$3; shift 3
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-quic \
    --user-data-dir="$ws/chromium" --window-size="$size" --virtual-time-budget=2000 "$@" \
    --screenshot="$out/$name.png" "$url" >/dev/null 2>&1
  local bytes; bytes=$(stat -c %s "$out/$name.png" 2>/dev/null || echo 0)
  if [ "$bytes" -lt 10000 ]; then echo "screenshots: $name.png is missing or blank ($bytes bytes)" >&2; return 1; fi
  echo "  $name.png ($((bytes / 1024)) KB) <- $url"
}
for view in desktop:1280,900 phone:390,844; do
  size=${view#*:}; v=${view%%:*}
  shoot "home-$v" "$size" "$base/"
  shoot "category-$v" "$size" "$base$top"
  shoot "feed-$v" "$size" "$base$feed"
  shoot "item-$v" "$size" "$base$item"
  shoot "archive-$v" "$size" "$base/archives/"
  shoot "404-$v" "$size" "$base/no/such/page"
done
shoot home-dark 1280,900 "$base/" --force-dark-mode --blink-settings=preferredColorScheme=0
shoot item-dark 390,844 "$base$item" --force-dark-mode --blink-settings=preferredColorScheme=0
echo "screenshots: $(ls "$out"/*.png | wc -l) in $out"
