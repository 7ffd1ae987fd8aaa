#!/usr/bin/env bash
# Serve load: `gleaner serve` under wrk on a store of 50,000 items in 200 subscriptions while its
# scheduler polls, beside a plain static server on the same page, and its resident memory at rest
# (see bench/README.md).
#
#   bench/serve-load.sh          the whole run (about 5 minutes on 2 cores once the store is made;
#                                making it takes 2-3 minutes more, once)
#
# 1. The store: the posts of ../shared/bench/gen_posts.py (seed 42, cached in /tmp/posts-rfc1123-N,
#    as bench/site.sh does) turned into FEEDS feeds (bench/site/posts_to_feeds.py --split) and stored
#    slice by slice (bench/site/store.sh, the store step of bench/site.sh), then `gleaner build`; kept
#    in WORK and reused while the jar's store can open it and it holds ITEMS to ITEMS + 5%.
# 2. The feeds are served on loopback by `python3 -m http.server` (allowed by fetch: allow), and the
#    account's password is set with `gleaner passwd` (from standard input).
# 3. Under load: `gleaner serve` with every interval POLL (the scheduler fetches all the feeds every
#    POLL, and NEW_ITEMS new items come to five feeds every NEW_EVERY seconds, so that it also stores,
#    publishes and rebuilds the site during the load); once its first pass is over, wrk (THREADS
#    threads, CONNECTIONS connections; WARMUP untimed, then DURATION; before each, the script waits
#    until the server has answered what the last one left waiting) against:
#      item page   an item page of the built site (/item/....html)
#      site index  the site's first list page (/)
#      /app/       the reader's list, with a session signed in through /app/login
#      /v1/entries the Miniflux API, /v1/entries?limit=100 with HTTP Basic
# 4. At rest: `gleaner serve` with every interval 1d; once its first pass is over and IDLE seconds
#    have passed with nothing due, its VmRSS (/proc/PID/status).
# 5. The anchors: the same item page from nginx (2 workers, when installed; Debian's nginx-light is
#    installed when the script runs as root) and `python3 -m http.server`, so that the item page
#    reads as a ratio of a plain static server on the same machine.
# A table of requests per second, p99 latency and errors (non-2xx answers and socket errors) for each,
# the idle RSS, and the goals of issue 15 beside them: an item page at >= 2,000 requests/s with p99
# under 50 ms and no errors, the server at rest under 150 MB resident.
#
# Environment (all optional):
#   GLEANER_JAR=target/gleaner.jar   the jar (built with `mvn -B -q -DskipTests package` when absent)
#   GLEANER_JAVA_OPTS                the server's JVM options; default the launcher's (./gleaner serve)
#   WORK=/dev/shm/gleaner-serve-bench  scratch folder, kept (the store, its site, the feeds); the
#                                    default is under $TMPDIR (or /tmp) when /dev/shm is missing
#   ITEMS=50000, FEEDS=200, SLICE=20000   the store: items, subscriptions (a multiple of 40), posts per slice
#   THREADS=2, CONNECTIONS=32, WARMUP=5s, DURATION=20s, TIMEOUT=10s   wrk's settings (an answer
#                                    slower than TIMEOUT is a socket error; one not given before the
#                                    end is not counted at all: see "answered" in the table)
#   FEED_ITEMS=20                    items in each served feed document
#   POLL=20s                         the subscriptions' interval under load
#   NEW_ITEMS=10, NEW_EVERY=10       new items during the load, and how often (seconds; 0 items: none)
#   IDLE=30                          seconds at rest before the RSS is read
#   ANCHORS="nginx python"           the static servers to measure beside it
#   GLEANER_SHARED=../shared         the shared folder beside the checkout (gen_posts.py)
#   STRICT=1                         exit 1 when a goal is not met (default: report only)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
# shellcheck source=site/store.sh
. "$BENCH/site/store.sh"
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "serve-load.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done
say() { echo "serve-load.sh: $*"; }
die() { say "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {  # apt_install PACKAGE... (root only)
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

items="${ITEMS:-50000}" feeds="${FEEDS:-200}" slice="${SLICE:-20000}"
threads="${THREADS:-2}" connections="${CONNECTIONS:-32}" warmup="${WARMUP:-5s}" duration="${DURATION:-20s}"
timeout="${TIMEOUT:-10s}" poll="${POLL:-20s}" new_items="${NEW_ITEMS:-10}" new_every="${NEW_EVERY:-10}" idle="${IDLE:-30}"
anchors=" ${ANCHORS:-nginx python} "
[ $((feeds % 40)) = 0 ] && [ "$feeds" -ge 40 ] || die "FEEDS=$feeds: a multiple of 40 (the generated posts have 40 category paths)"
split=$((feeds / 40))

# --- tools ----------------------------------------------------------------------------------------
command -v java >/dev/null || die "needs Java 17 (java is not on the PATH)"
command -v python3 >/dev/null || die "needs python3"
command -v curl >/dev/null || die "needs curl"
if ! command -v wrk >/dev/null; then
  if is_root && command -v apt-get >/dev/null; then say "wrk is missing: installing Debian's wrk"; apt_install wrk || true; fi
  command -v wrk >/dev/null || die "needs wrk (Debian: sudo apt-get install wrk)"
fi
if [ ! -x /usr/bin/time ]; then  # the store step runs gleaner under /usr/bin/time
  if is_root && command -v apt-get >/dev/null; then say "GNU time is missing: installing Debian's time"; apt_install time || true; fi
  [ -x /usr/bin/time ] || die "needs GNU time (Debian: sudo apt-get install time)"
fi
nginx_bin="$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)"
if [[ $anchors == *" nginx "* ]] && [ -z "$nginx_bin" ]; then
  if is_root && command -v apt-get >/dev/null; then
    say "nginx is missing (an anchor): installing Debian's nginx-light"
    apt_install nginx-light || say "apt-get could not install nginx-light: the nginx anchor is left out"
    nginx_bin="$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)"
  else
    say "nginx is missing: the nginx anchor is left out (sudo apt-get install nginx-light)"
  fi
fi
[ -n "$nginx_bin" ] || anchors="${anchors/ nginx / }"

SHARED="${GLEANER_SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/bench/gen_posts.py" ]; then
  say "skipped: the post generator gen_posts.py is not in $SHARED/bench; it comes with the shared folder" \
      "beside the checkout (GLEANER_SHARED=DIR names another)"
  exit 0
fi

jar="${GLEANER_JAR:-$ROOT/target/gleaner.jar}"
if [ ! -f "$jar" ]; then
  say "building $jar"
  (cd "$ROOT" && nice mvn -B -q -Dstyle.color=never -DskipTests package)
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
store_opts="${STORE_JAVA_OPTS:-}"   # the store step: the launcher's options, as bench/site.sh runs it
gleaner() { GLEANER_JAR="$jar" "$ROOT/gleaner" "$@"; }
serve_opts="${GLEANER_JAVA_OPTS-}"

# --- folders and clean-up -------------------------------------------------------------------------
if [ -z "${WORK:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK=/dev/shm/gleaner-serve-bench; else WORK="${TMPDIR:-/tmp}/gleaner-serve-bench"; fi
fi
mkdir -p "$WORK"; work="$(cd "$WORK" && pwd)"
exec 9>"$work/.lock"
flock -n 9 || die "another bench/serve-load.sh is using $work (WORK=DIR names another)"
run_dir="$work/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir/logs"
logs="$run_dir/logs"

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
wait_for() {  # wait_for SECONDS WHAT COMMAND...: until COMMAND succeeds
  local limit=$1 what=$2 t=0
  shift 2
  until "$@" >/dev/null 2>&1; do
    t=$((t + 1)); [ "$t" -le $((limit * 5)) ] || die "no $what after $limit s"
    sleep 0.2
  done
}

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
{
  echo "date: $(date -Is)"
  echo "gleaner: $commit, $jar"
  echo "java: $(java -version 2>&1 | head -1); serve options: ${serve_opts:-those of the launcher}"
  echo "wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); nginx: $([ -n "$nginx_bin" ] && "$nginx_bin" -v 2>&1 | sed 's/.*: //' || echo missing); python: $(python3 --version | cut -d' ' -f2)"
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2 " GB"}'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "store: $items items, $feeds subscriptions; wrk -t$threads -c$connections -d$duration (after $warmup); poll every $poll, $new_items new items every $new_every s; idle $idle s"
  echo "WORK=$work"
} | tee "$run_dir/setup.txt" | sed 's/^/serve-load.sh: /'

# --- the store ------------------------------------------------------------------------------------
dir="$work/store-$items-$feeds"
key="$items $feeds $slice"
if [ -f "$dir/.made" ] && [ "$(cat "$dir/.made")" = "$key" ]; then
  have=$(store_count "$dir/gleaner.db" 2>/dev/null || echo 0)
  if [ "$have" -lt "$items" ] || [ "$have" -gt $((items + items / 20)) ]; then
    say "the store in $dir holds $have items: made again"; rm -f "$dir/.made"
  fi
fi
if [ ! -f "$dir/.made" ] || [ "$(cat "$dir/.made")" != "$key" ]; then
  posts="/tmp/posts-rfc1123-$items"   # bench/site.sh's cache of the same posts
  if [ "$(find "$posts" -maxdepth 1 -name '*.md' ! -name seed-post.md 2>/dev/null | wc -l)" != "$items" ]; then
    rm -rf "$posts"
    say "generating $items posts (once; cached in $posts)"
    nice python3 "$SHARED/bench/gen_posts.py" "$posts" "$items" --seed 42 --seed-post > "$logs/gen_posts.log"
  fi
  say "storing $items items in $feeds subscriptions (slices of $slice), in $dir"
  store_slices "$posts" "$dir" "$slice" "$logs/store" --split "$split"
  store_check "$items" "$dir"
  say "  $(tail -1 "$logs/store.feeds"); stored in $(python3 -c "import sys; print('%.0f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$STORE_STARTED" "$STORE_ENDED") s"
  say "building the site"
  (cd "$dir" && gleaner build -q --config gleaner.yml) > "$logs/build.out" 2>&1 || die "gleaner build failed (see $logs/build.out)"
  echo 0 > "$dir/.batch"
  echo "$key" > "$dir/.made"
fi
have=$(store_count "$dir/gleaner.db")
site="$dir/site/public"
# The item page: the middle one of the item pages in name order when the store was made, so the same
# on every run (later runs add pages).
[ -s "$dir/.page" ] && [ -f "$site/$(cat "$dir/.page")" ] \
  || (cd "$site" && find item -name '*.html' | sort | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}') > "$dir/.page"
page="$(cat "$dir/.page")"
[ -n "$page" ] || die "no item page in $site/item"
say "store: $have items in $(grep -c '{url: ' "$dir/gleaner.yml") subscriptions, $(du -sm "$dir/gleaner.db" | cut -f1) MB; site: $(find "$site" -type f | wc -l) files; item page /$page ($(stat -c %s "$site/$page") bytes)"

# --- the feeds, the configurations, the account ---------------------------------------------------
# The feeds as a server gives them: the last FEED_ITEMS items of each document the store step left
# (every item is in the store already), in DIR/serve/feeds/, made again each run.
rm -rf "$dir/serve"; mkdir -p "$dir/serve/feeds"
python3 - "$dir/feeds" "$dir/serve/feeds" "${FEED_ITEMS:-20}" <<'PY'
import os, re, sys
src, out, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
for name in sorted(os.listdir(src)):
    text = open(os.path.join(src, name), encoding="utf-8").read()
    head, _, rest = text.partition("<item>")
    items = ["<item>" + i for i in rest.split("<item>")] if rest else []
    tail = ""
    if items:
        last, _, tail = items[-1].rpartition("</item>")
        items[-1] = last + "</item>"
        tail = tail if tail.strip() else "\n</channel></rss>\n"
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(head + "".join(i.rstrip() + "\n" for i in items[-keep:]) + tail.lstrip("\n"))
PY
feed_port=$(free_port)
python3 -u -m http.server "$feed_port" --bind 127.0.0.1 --directory "$dir/serve" > "$logs/feeds.log" 2>&1 &
pids+=($!)
wait_for 10 "feed server on port $feed_port" curl -sf -o /dev/null "http://127.0.0.1:$feed_port/feeds/feed-000.xml"

# The two configurations name the feed server differently (127.0.0.1 and localhost): a subscription
# whose URL changed is due at once, so that each server's first pass fetches all of them.
configure() {  # configure NAME HOST INTERVAL MIN_INTERVAL: DIR/NAME.yml, the store's with the feeds over HTTP
  python3 - "$dir/gleaner.yml" "$dir/$1.yml" "$2:$feed_port" "$3" "$4" <<'PY'
import re, sys
src, out, port, interval, least = sys.argv[1:]
lines = []
for line in open(src, encoding="utf-8"):
    if line.startswith("subscriptions:"):
        lines.append("fetch: {allow: [127.0.0.1, localhost], per_host: 16, concurrency: 16, min_gap: 0ms}\n")
        lines.append("schedule: {min_interval: %s}\n" % least)
    line = re.sub(r"\{url: (feeds/[^,]+),", r"{url: http://%s/\1, interval: %s," % (port, interval), line)
    lines.append(line)
open(out, "w", encoding="utf-8").writelines(lines)
PY
}
configure serve-load 127.0.0.1 "$poll" 1s
configure serve-idle localhost 1d 1m
password="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
printf '%s\n' "$password" | gleaner passwd --config "$dir/serve-load.yml" > "$logs/passwd.out" 2>&1 \
  || die "gleaner passwd failed (see $logs/passwd.out)"
basic="$(printf 'admin:%s' "$password" | base64 -w0)"

serve_pid=""
serve_port=""
start_server() {  # start_server NAME: gleaner serve on DIR/NAME.yml, until its first pass is over
  serve_port=$(free_port)
  GLEANER_JAVA_OPTS="$serve_opts" GLEANER_JAR="$jar" \
    "$ROOT/gleaner" serve --port "$serve_port" --config "$dir/$1.yml" > "$logs/$1.out" 2>&1 &
  serve_pid=$!
  pids+=("$serve_pid")
  wait_for 60 "gleaner serve on port $serve_port (see $logs/$1.out)" curl -sf -o /dev/null "http://127.0.0.1:$serve_port/healthz"
  wait_for 300 "first pass of gleaner serve (see $logs/$1.out)" \
    sh -c "curl -sf http://127.0.0.1:$serve_port/healthz | grep -q '\"last_pass\":\"2'"
}
stop_server() {
  kill "$serve_pid" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
}
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# The JVM's launcher: without GLEANER_JAVA_OPTS, the options ./gleaner gives serve.
jvm_flags() { tr '\0' ' ' < "/proc/$1/cmdline" | sed 's/ -jar .*//; s/^[^ ]* //'; }

# --- under load -----------------------------------------------------------------------------------
say "under load: gleaner serve, every interval $poll"
start_server serve-load
load_flags="$(jvm_flags "$serve_pid")"
base="http://127.0.0.1:$serve_port"
# A session signed in through the form, as a browser does: the login page's csrf field and cookie.
cookies="$run_dir/cookies.txt"
csrf="$(curl -sf -c "$cookies" "$base/app/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)"
[ -n "$csrf" ] || die "no csrf field on $base/app/login"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookies" -c "$cookies" --data-urlencode "csrf=$csrf" \
  --data-urlencode username=admin --data-urlencode "password=$password" "$base/app/login")
[ "$code" = 303 ] || die "signing in at /app/login answered $code, not 303"
session="$(awk '$6 == "gleaner_session" {print $7}' "$cookies" | tail -1)"
[ -n "$session" ] || die "no gleaner_session cookie after signing in"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "gleaner_session=$session" "$base/app/")
[ "$code" = 200 ] || die "/app/ with the session answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Basic $basic" "$base/v1/entries?limit=100")
[ "$code" = 200 ] || die "/v1/entries with HTTP Basic answered $code"

# New items while the load runs: the scheduler finds them at the feeds' next fetch.
adding=""
if [ "$new_items" -gt 0 ]; then
  (
    while sleep "$new_every"; do
      b=$(( $(cat "$dir/.batch") + 1 )); echo "$b" > "$dir/.batch"
      python3 "$BENCH/site/add_items.py" "$dir/serve" "$b" --count "$new_items" --feeds 5 || exit 1
    done
  ) > "$logs/add_items.log" 2>&1 &
  adding=$!
  pids+=("$adding")
fi

# wrk's Lua: every answer outside 2xx is an error (wrk alone counts 3xx as success: a session that
# expired would pass), and one line of figures at the end.
lua="$run_dir/count.lua"
cat > "$lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format("FIGURES rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx=%d socket=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, bad, e.connect + e.read + e.write + e.timeout))
end
LUA
results="$run_dir/results.txt"
: > "$results"
# The server goes on answering what wrk left waiting when it stopped: before each wrk, wait (up to
# two minutes) until a call that needs the store answers within a second again.
settle() {
  [ -n "${base:-}" ] || return 0
  local t=0
  until curl -sf -m 1 -o /dev/null -H "Authorization: Basic $basic" "$base/v1/me"; do
    t=$((t + 1)); [ "$t" -le 120 ] || { say "  the server still has requests waiting after 2 minutes"; return 0; }
    sleep 1
  done
  [ "$t" = 0 ] || say "  (waited $t s for the server to answer what the last wrk left)"
}
load() {  # load LABEL URL [HEADER]: wrk, WARMUP untimed then DURATION; a line in results.txt
  local label=$1 url=$2 header=${3:-} args=(-t"$threads" -c"$connections" --latency --timeout "$timeout" -s "$lua")
  [ -n "$header" ] && args+=(-H "$header")
  settle
  wrk "${args[@]}" -d"$warmup" "$url" > "$logs/wrk-$label-warmup.txt" 2>&1 || true
  settle
  wrk "${args[@]}" -d"$duration" "$url" > "$logs/wrk-$label.txt" 2>&1 || die "wrk failed on $url (see $logs/wrk-$label.txt)"
  local figures
  figures="$(grep '^FIGURES' "$logs/wrk-$label.txt" | sed 's/^FIGURES //')"
  [ -n "$figures" ] || die "no figures from wrk on $url (see $logs/wrk-$label.txt)"
  echo "$label $figures" >> "$results"
  say "  $label: $(echo "$figures" | sed 's/ requests=[0-9]*//')"
}
feed_requests() { grep -c '"GET ' "$logs/feeds.log" || true; }
curl -sf "$base/metrics" > "$logs/metrics-before.txt" || true
before_feeds=$(feed_requests) before_t=$(date +%s)

load "item-page" "$base/$page"
load "site-index" "$base/"
load "app-list" "$base/app/" "Cookie: gleaner_session=$session"
load "v1-entries" "$base/v1/entries?limit=100" "Authorization: Basic $basic"

after_t=$(date +%s)
polled="$(( $(feed_requests) - before_feeds )) feed requests in $(( after_t - before_t )) s"
curl -sf "$base/metrics" > "$logs/metrics-after.txt" || true
# What the counters of /metrics say the server did meanwhile (the samples that changed).
changed="$(python3 - "$logs/metrics-before.txt" "$logs/metrics-after.txt" <<'PY'
import re, sys
def samples(path):
    out = {}
    for line in open(path):
        m = re.match(r"([a-zA-Z_:]+(?:_total|_count))(\{[^}]*\})? ([0-9.eE+-]+)$", line.strip())
        if m and not m.group(1).startswith(("jvm_", "process_")) and "_bucket" not in m.group(1):
            out[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return out
a, b = samples(sys.argv[1]), samples(sys.argv[2])
print(", ".join("%s +%g" % (k, b[k] - a.get(k, 0)) for k in sorted(b) if b[k] != a.get(k, 0)))
PY
)"
load_rss=$(rss_mb "$serve_pid") load_hwm=$(hwm_mb "$serve_pid")
say "  while it was loaded: $polled; counters: ${changed:-none changed}"
say "  VmRSS after the load $load_rss MB (peak $load_hwm MB); JVM: $load_flags"
[ -n "$adding" ] && kill "$adding" 2>/dev/null
stop_server
base=""

# --- at rest --------------------------------------------------------------------------------------
say "at rest: gleaner serve, every interval 1d; its first pass, then $idle s with nothing due"
start_server serve-idle
idle_flags="$(jvm_flags "$serve_pid")"
sleep "$idle"
idle_rss=$(rss_mb "$serve_pid") idle_hwm=$(hwm_mb "$serve_pid")
grep -E '^(VmRSS|VmHWM|Threads)' "/proc/$serve_pid/status" > "$logs/idle-status.txt"
say "  VmRSS $idle_rss MB (peak $idle_hwm MB), $(awk '/^Threads/ {print $2}' "/proc/$serve_pid/status") threads; JVM: $idle_flags"
stop_server

# --- the anchors: the same page from plain static servers -----------------------------------------
if [[ $anchors == *" nginx "* ]]; then
  port=$(free_port)
  mkdir -p "$run_dir/nginx"
  cat > "$run_dir/nginx/nginx.conf" <<EOF
worker_processes $(nproc);
pid $run_dir/nginx/nginx.pid;
error_log $run_dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { text/html html; }
  client_body_temp_path $run_dir/nginx; proxy_temp_path $run_dir/nginx; fastcgi_temp_path $run_dir/nginx;
  uwsgi_temp_path $run_dir/nginx; scgi_temp_path $run_dir/nginx;
  server { listen 127.0.0.1:$port; root $site; }
}
EOF
  "$nginx_bin" -p "$run_dir/nginx" -c "$run_dir/nginx/nginx.conf" -g 'daemon off;' > "$logs/nginx.out" 2>&1 &
  pids+=($!)
  wait_for 10 "nginx on port $port (see $logs/nginx.out)" curl -sf -o /dev/null "http://127.0.0.1:$port/$page"
  say "anchor: nginx $(nproc) workers"
  load "nginx-item-page" "http://127.0.0.1:$port/$page"
  kill "${pids[-1]}" 2>/dev/null || true
fi
if [[ $anchors == *" python "* ]]; then
  port=$(free_port)
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" > "$logs/python-anchor.log" 2>&1 &
  pids+=($!)
  wait_for 10 "python3 -m http.server on port $port" curl -sf -o /dev/null "http://127.0.0.1:$port/$page"
  say "anchor: python3 -m http.server"
  load "python-item-page" "http://127.0.0.1:$port/$page"
  kill "${pids[-1]}" 2>/dev/null || true
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run_dir/setup.txt" | sed 's/^/serve-load.sh: /'

# --- the table ------------------------------------------------------------------------------------
set +e
python3 - "$results" "$idle_rss" "$idle_hwm" "$load_rss" "$page" "$have" "$feeds" "$polled" \
    "wrk -t$threads -c$connections -d$duration --timeout $timeout --latency" <<'PY' | tee "$run_dir/table.md"
import sys
results, idle_rss, idle_hwm, load_rss, page, have, feeds, polled, wrk = sys.argv[1:]
rows = {}
for line in open(results):
    label, *pairs = line.split()
    rows[label] = {k: float(v) for k, v in (p.split("=") for p in pairs)}
names = {
    "item-page": "item page `/%s`" % page,
    "site-index": "site index `/`",
    "app-list": "reader list `/app/` (signed in)",
    "v1-entries": "Miniflux `/v1/entries?limit=100` (Basic)",
    "nginx-item-page": "anchor: nginx, the same item page",
    "python-item-page": "anchor: `python3 -m http.server`, the same item page",
}
item = rows.get("item-page")
print()
print("%s items, %s subscriptions, the scheduler polling (%s); `%s`" % (format(int(have), ","), feeds, polled, wrk))
print()
print("| endpoint | requests/s | p50 | p99 | errors (non-2xx + socket) | answered | item page / this |")
print("|---|---|---|---|---|---|---|")
for label, name in names.items():
    r = rows.get(label)
    if not r:
        continue
    ratio = ""
    if item and label.endswith("-item-page") and r["rps"]:
        ratio = "%.2f" % (item["rps"] / r["rps"])
    print("| %s | %s | %.1f ms | %.1f ms | %d + %d | %s | %s |" % (name, format(round(r["rps"]), ","), r["p50_ms"],
          r["p99_ms"], r["non2xx"], r["socket"], format(int(r["requests"]), ","), ratio))
print()
print("| goal | figure | met |")
print("|---|---|---|")
verdict = 0
def goal(text, figure, met):
    global verdict
    if met is None:
        print("| %s | %s | no figure |" % (text, figure)); verdict = max(verdict, 2); return
    print("| %s | %s | %s |" % (text, figure, "yes" if met else "**no**"))
    if not met:
        verdict = max(verdict, 2)
if item:
    goal("item page: >= 2,000 requests/s", format(round(item["rps"]), ","), item["rps"] >= 2000)
    goal("item page: p99 < 50 ms", "%.1f ms" % item["p99_ms"], item["p99_ms"] < 50)
    goal("item page: no errors", "%d non-2xx, %d socket" % (item["non2xx"], item["socket"]),
         item["non2xx"] == 0 and item["socket"] == 0 and item["requests"] > 0)
else:
    goal("item page", "not measured", None)
goal("at rest (%s subscriptions, nothing due): VmRSS < 150 MB" % feeds,
     "%s MB (peak %s MB; %s MB after the load)" % (idle_rss, idle_hwm, load_rss), int(idle_rss) < 150)
sys.exit(verdict)
PY
verdict=${PIPESTATUS[0]}
set -e
say "figures: $results; table: $run_dir/table.md; logs: $logs/"
[ "$verdict" = 1 ] && exit 1
[ "$verdict" = 2 ] && [ "${STRICT:-0}" = 1 ] && exit 1
exit 0
