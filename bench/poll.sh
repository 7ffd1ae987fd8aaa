#!/usr/bin/env bash
# One `gleaner run --all` over 10,000 subscriptions served on loopback (see bench/README.md).
#
#   bench/poll.sh             from a fresh checkout: build the jar, start bench/feed_server.py, run a
#                             warm-up pass and a measured pass, print wall time, peak RSS, requests/s
#
# Environment (all optional):
#   FEEDS=10000               subscriptions (and feeds served), 100 per site, 10 sites per category
#   CONCURRENCY=64            fetch.concurrency and fetch.per_host (high enough not to bind)
#   GLEANER_JAVA_OPTS=-Xmx256m
#                             JVM options of both runs (the heap goal is for -Xmx256m)
#   GLEANER_BUILD_DIR=target  build folder of `mvn package` (-Dgleaner.buildDir), so that a benchmark
#                             need not touch the checkout's own target/ while others build there
#   GLEANER_JAR=FILE          use this jar and build nothing
#   RUN_TIMEOUT=900           seconds after which a run is stopped (and counts as failed)
#   PROFILE=1                 take a thread dump (jcmd Thread.print) every second of the measured run
#                             into bench/target/poll/threads.txt and print the busiest frames
#   STRICT=1                  exit 1 when a goal is not met (default: only when a run fails)
#
# Logs of the last run (outputs, GNU time, GC, server counts) stay in bench/target/poll/.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
FEEDS="${FEEDS:-10000}"
CONCURRENCY="${CONCURRENCY:-64}"
JAVA_OPTS="${GLEANER_JAVA_OPTS:--Xmx256m}"
BUILD_DIR="${GLEANER_BUILD_DIR:-$ROOT/target}"
JAR="${GLEANER_JAR:-}"
RUN_TIMEOUT="${RUN_TIMEOUT:-900}"
KEEP="$BENCH/target/poll"  # where the logs of the last run are left
SERVER="$BENCH/feed_server.py"
export PYTHONDONTWRITEBYTECODE=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/gleaner-poll.XXXXXX")"
LOGS="$WORK/logs"  # kept apart while running, so that two runs of this script do not mix their files
mkdir -p "$LOGS"
server_pid=""
run_pid=""
cleanup() {
  if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then  # a run still going: stop it through timeout(1)
    for pid in $(pgrep -P "$run_pid" || true); do kill "$pid" 2>/dev/null || true; done
    wait "$run_pid" 2>/dev/null || true
  fi
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [ -d "$LOGS" ]; then  # the logs replace those of the previous run, in one rename
    mkdir -p "$(dirname "$KEEP")"
    rm -rf "$KEEP.$$" && cp -r "$LOGS" "$KEEP.$$" && rm -rf "$KEEP" && mv "$KEEP.$$" "$KEEP" || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
started=$(date +%s)

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "== installing GNU time (apt-get install -y time)"
    apt-get install -y -qq time > "$LOGS/apt.log" 2>&1 \
      || { apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq time > "$LOGS/apt.log" 2>&1; } \
      || { cat "$LOGS/apt.log" >&2; exit 1; }
  else
    echo "poll.sh: /usr/bin/time (GNU time) is missing; install it (Debian: apt-get install time)" >&2; exit 1
  fi
fi

if [ -z "$JAR" ]; then
  echo "== 1/4 building the jar (mvn package, build folder $BUILD_DIR)"
  mvn -f "$ROOT/pom.xml" -q -B -Dstyle.color=never -DskipTests -Dgleaner.buildDir="$BUILD_DIR" package \
    > "$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log" >&2; echo "poll.sh: the build failed" >&2; exit 1; }
  JAR="$BUILD_DIR/gleaner.jar"
else
  echo "== 1/4 using $JAR (GLEANER_JAR; nothing built)"
fi
[ -f "$JAR" ] || { echo "poll.sh: no jar at $JAR" >&2; exit 1; }

echo "== 2/4 starting bench/feed_server.py with $FEEDS feeds on 127.0.0.1"
python3 "$SERVER" serve --feeds "$FEEDS" --port-file "$WORK/port" --parent $$ \
  --max-seconds $(( 2 * RUN_TIMEOUT + 300 )) > "$LOGS/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do  # at most 60 s
  [ -s "$WORK/port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$LOGS/server.log" >&2; echo "poll.sh: the server died" >&2; exit 1; }
  sleep 0.1
done
[ -s "$WORK/port" ] || { echo "poll.sh: the server did not start within 60 s" >&2; exit 1; }
PORT="$(cat "$WORK/port")"
stats() { python3 "$SERVER" stats --port "$PORT" --reset; }  # the counts since the last call
server_cpu() {  # user + system clock ticks of the server so far
  awk '{ print $14 + $15 }' "/proc/$server_pid/stat" 2>/dev/null || echo 0
}
stats > /dev/null

dropped=()
write_config() {
  local drop=()
  for key in "${dropped[@]}"; do drop+=(--drop "$key"); done
  python3 "$SERVER" config --feeds "$FEEDS" --port "$PORT" --dir "$WORK" --backlog 5 \
    --per-host "$CONCURRENCY" --concurrency "$CONCURRENCY" --timeout 10s "${drop[@]}" > "$WORK/gleaner.yml"
}
write_config
cp "$WORK/gleaner.yml" "$LOGS/gleaner.yml"

# run LABEL: one `gleaner run --all` under GNU time; its outputs, times and the server's counts in $LOGS
run() {
  local label="$1" rc=0 before after threads_pid=""
  stats > /dev/null
  before=$(server_cpu)
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options, as in ./gleaner
  /usr/bin/time -v -o "$LOGS/$label.time" \
    timeout --kill-after=10 "$RUN_TIMEOUT" \
    java $JAVA_OPTS -Xlog:gc:file="$LOGS/$label.gc.log" -jar "$JAR" run --all --config "$WORK/gleaner.yml" \
    > "$LOGS/$label.out" 2> "$LOGS/$label.err" &
  run_pid=$!
  if [ "$label" = measured ] && [ "${PROFILE:-0}" = 1 ]; then
    sample_threads "$run_pid" & threads_pid=$!
  fi
  wait "$run_pid" || rc=$?
  run_pid=""
  [ -z "$threads_pid" ] || wait "$threads_pid" || true
  after=$(server_cpu)
  stats > "$LOGS/$label.stats.json" || echo '{}' > "$LOGS/$label.stats.json"
  echo "$(( after - before )) $(getconf CLK_TCK) $rc" > "$LOGS/$label.server-cpu"
  return "$rc"
}

sample_threads() {  # a thread dump of the run's JVM every second, while it runs (at most RUN_TIMEOUT)
  local parent="$1" jvm=""
  for _ in $(seq "$RUN_TIMEOUT"); do
    kill -0 "$parent" 2>/dev/null || return 0
    [ -n "$jvm" ] || jvm="$(pgrep -P "$(pgrep -P "$parent" | head -1)" 2>/dev/null | head -1 || true)"
    [ -z "$jvm" ] || { echo "=== $(date +%T.%N)"; jcmd "$jvm" Thread.print 2>/dev/null; } >> "$LOGS/threads.txt"
    sleep 1
  done
}

echo "== 3/4 warm-up run: gleaner run --all ($FEEDS subscriptions, java $JAVA_OPTS)"
warm_rc=0
for _ in 1 2 3 4 5 6; do
  warm_rc=0
  run warm-up || warm_rc=$?
  [ "$warm_rc" = 2 ] || break
  key="$(sed -n 's/.*: \(fetch\.\)\{0,1\}\([a-z_]*\): unknown key.*/\2/p' "$LOGS/warm-up.err" | head -1)"
  [ -n "$key" ] || break
  echo "   this build does not know the key '$key': dropped from the configuration, trying again"
  dropped+=("$key")
  write_config
  cp "$WORK/gleaner.yml" "$LOGS/gleaner.yml"
done

measured_rc=skipped
if [ "$warm_rc" = 0 ] || [ "$warm_rc" = 1 ]; then
  echo "== 4/4 measured run: gleaner run --all again (the store now holds every validator)"
  measured_rc=0
  run measured || measured_rc=$?
else
  echo "== 4/4 skipped: the warm-up run did not complete (exit $warm_rc)"
fi

echo
if [ -n "${GLEANER_JAR:-}" ]; then
  what="the jar $JAR"
else
  what="gleaner $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  [ -z "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ] || what="$what (with uncommitted changes)"
fi
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores, $what, $(( $(date +%s) - started )) s in all; logs in ${KEEP#"$ROOT"/}"
[ ${#dropped[@]} = 0 ] || echo "keys left out of the configuration (unknown to this build): ${dropped[*]}"
report_rc=0
python3 - "$LOGS" "$FEEDS" "${STRICT:-0}" "$warm_rc" "$measured_rc" "$JAVA_OPTS" <<'PY' || report_rc=$?
import collections, json, os, re, sys

logs, feeds, strict = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
codes = {"warm-up": sys.argv[4], "measured": sys.argv[5]}
java_opts = sys.argv[6]
GOAL_S, GOAL_HEAP_MB = 20.0, 256


def read(name, default=""):
    try:
        with open(os.path.join(logs, name), encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return default


def figures(label):
    time = read(label + ".time")
    if not time:
        return None
    def field(name):
        m = re.search(r"^\s*" + re.escape(name) + r".*?: (.*)$", time, re.M)
        return m.group(1).strip() if m else ""
    parts = [float(p) for p in field("Elapsed (wall clock) time").split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts))) if parts else float("nan")
    stats = json.loads(read(label + ".stats.json", "{}") or "{}")
    ticks, hz, _ = (read(label + ".server-cpu", "0 100 0").split() + ["0", "100", "0"])[:3]
    gc = read(label + ".gc.log")
    before = [int(x) for x in re.findall(r"\) (\d+)M->\d+M\(\d+M\)", gc)]
    committed = [int(x) for x in re.findall(r"\d+M->\d+M\((\d+)M\)", gc)]
    out, err = read(label + ".out"), read(label + ".err")
    return {
        "wall": wall,
        "rss": int(field("Maximum resident set size") or 0) / 1024,
        "cpu": float(field("User time (seconds)") or 0) + float(field("System time (seconds)") or 0),
        "requests": stats.get("requests", 0),
        "by_status": stats.get("by_status", {}),
        "max_in_flight": stats.get("max_in_flight", 0),
        "first": stats.get("first_request"),
        "last": stats.get("last_response"),
        "connections": stats.get("connections", 0),
        "server_cpu": int(ticks) / int(hz),
        "heap_peak": max(before) if before else None,
        "heap_max": max(committed) if committed else None,
        "gcs": len(before),
        "full_gcs": gc.count("Pause Full"),
        "oom": "OutOfMemoryError" in err or "OutOfMemoryError" in out,
        "out": out,
        "err": err,
        "rc": codes[label],
    }


runs = {label: figures(label) for label in ("warm-up", "measured")}
present = [l for l in runs if runs[l]]


def row(name, fmt, key, goal=""):
    cells = []
    for label in ("warm-up", "measured"):
        f = runs[label]
        value = key(f) if f else None
        cells.append("-" if value is None else fmt.format(value))
    print("%-34s %12s %12s   %s" % (name, cells[0], cells[1], goal))


print()
print("%-34s %12s %12s   %s" % ("", "warm-up", "measured", "goal (measured run)"))
row("wall time (s)", "{:.1f}", lambda f: f["wall"], "< %.0f s" % GOAL_S)
row("  start to first request (s)", "{:.1f}", lambda f: f["first"])
row("  first request to last response", "{:.1f}", lambda f: None if f["first"] is None else f["last"] - f["first"])
row("  last response to exit (s)", "{:.1f}", lambda f: None if f["last"] is None else f["wall"] - f["last"])
row("requests/s (server count / wall)", "{:,.0f}", lambda f: f["requests"] / f["wall"] if f["wall"] else None)
row("requests/s while fetching", "{:,.0f}",
    lambda f: f["requests"] / (f["last"] - f["first"]) if f["first"] is not None and f["last"] > f["first"] else None)
row("requests served", "{:,}", lambda f: f["requests"], "%d subscriptions" % feeds)
for status in ("200", "304", "404", "500"):
    row("  answered " + status, "{:,}", lambda f, s=status: f["by_status"].get(s, 0))
row("max requests in flight (server)", "{}", lambda f: f["max_in_flight"])
row("connections opened", "{:,}", lambda f: f["connections"])
row("peak RSS (MB)", "{:.0f}", lambda f: f["rss"])
row("heap peak before GC (MB)", "{}", lambda f: f["heap_peak"], "< %d MB (java %s)" % (GOAL_HEAP_MB, java_opts))
row("GC pauses (full)", "{}", lambda f: "%d (%d)" % (f["gcs"], f["full_gcs"]))
row("gleaner CPU user+sys (s)", "{:.1f}", lambda f: f["cpu"])
row("server CPU (s)", "{:.1f}", lambda f: f["server_cpu"])
row("exit code", "{}", lambda f: f["rc"])

SUMMARY_FAILURE = re.compile(r"^    \S.*: (.*)$")
for label in present:
    f = runs[label]
    print("\n%s run, gleaner's summary:" % label)
    reasons = collections.Counter()
    for line in f["out"].splitlines():
        m = SUMMARY_FAILURE.match(line)
        if m:
            reasons[re.sub(r"\d+(\.\d+)? s\b", "N s", m.group(1))] += 1
        else:
            print("  " + line)
    for reason, n in reasons.most_common(8):
        print("      %6d x %s" % (n, reason))
    other = [l for l in f["err"].splitlines() if not l.startswith("gleaner: ") or ": post not written" in l]
    if other:
        print("  standard error: %d other lines, the first:" % len(other))
        for line in other[:5]:
            print("    " + line[:160])
    if f["oom"]:
        print("  OutOfMemoryError on standard error or output")

missed = []
m = runs["measured"]
if not m:
    missed.append("no measured run")
else:
    done = codes["measured"] in ("0", "1")
    served = m["requests"] >= feeds
    fast = done and m["wall"] < GOAL_S and served
    small = done and not m["oom"] and (m["heap_peak"] or 0) < GOAL_HEAP_MB
    print("\ngoal: %d subscriptions polled in < %.0f s: %s (%.1f s, %d requests served)"
          % (feeds, GOAL_S, "met" if fast else "NOT met", m["wall"], m["requests"]))
    print("goal: heap < %d MB: %s (java %s%s; peak before GC %s MB)"
          % (GOAL_HEAP_MB, "met" if small else "NOT met", java_opts,
             ", no OutOfMemoryError" if not m["oom"] else ", OutOfMemoryError",
             "-" if m["heap_peak"] is None else m["heap_peak"]))
    if not served:
        print("      the server saw fewer requests than subscriptions: feeds were refused or skipped before "
              "any request (see the summary's reasons)")
    if m["server_cpu"] > 0.8 * m["wall"]:
        print("      the server was busy %.0f%% of the time: it may be the bottleneck" % (100 * m["server_cpu"] / m["wall"]))
    missed += [] if fast else ["time"]
    missed += [] if small else ["heap"]
sys.exit(1 if missed and strict else 0)
PY

if [ "${PROFILE:-0}" = 1 ] && [ -s "$LOGS/threads.txt" ]; then
  echo
  echo "thread dumps of the measured run: $(grep -c '^===' "$LOGS/threads.txt") samples (${KEEP#"$ROOT"/}/threads.txt)"
  echo "  the main thread, by its innermost Gleaner method:"
  awk '/^"main"/ { on = 1; first = ""; next }
       on && /^\tat dev\.gleaner\./ && first == "" { first = $2; sub(/\(.*/, "", first) }
       on && /^$/ { print (first == "" ? "(no Gleaner frame)" : first); on = 0 }' "$LOGS/threads.txt" \
    | sort | uniq -c | sort -rn | head -8
  echo "  the other threads that were RUNNABLE, by their top frame:"
  awk '/^"/ { main = ($1 == "\"main\""); state = ""; top = 0 }
       /java.lang.Thread.State:/ { state = $2; top = 1; next }
       top && !main && state == "RUNNABLE" && /^\tat / { sub(/^\tat /, ""); sub(/\(.*/, ""); print; top = 0 }' \
    "$LOGS/threads.txt" | grep -v -e 'waitForReferencePendingList$' -e 'EPoll.wait$' \
    | sort | uniq -c | sort -rn | head -8 || true
fi

case "$warm_rc/$measured_rc" in
  [01]/[01]) exit "$report_rc" ;;
  *) echo "poll.sh: a run did not complete (warm-up exit $warm_rc, measured exit $measured_rc; 124 = stopped after ${RUN_TIMEOUT} s)" >&2; exit 1 ;;
esac
