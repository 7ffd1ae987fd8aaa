#!/usr/bin/env bash
# Crash consistency (issue 6, point 1): kills `gleaner run --all` with SIGKILL at random moments over a
# workload of many small feeds served on loopback, lets a second run finish the work, then checks the
# store and the posts tree against a clean build of the same feeds.
#
#   test/crash.sh [--quick]
#
# Environment: GLEANER_JAR (default target/gleaner.jar, built when absent), CYCLES (default 50; 10
# with --quick or CI=true), FEEDS (default 100, 5 items each; 4% of them answer 404 or 500), CRASH_SEED (the random kill moments),
# KEEP=1 (keep the temporary workspace; it is always kept when a fault is found).
#
# A cycle starts from an empty store and posts folder, so every kill interrupts real work:
#   1. `run --all` in the background, SIGKILL after a random delay in [0.05 s, the clean run's time];
#   2. what the kill left is noted (posts, entries by status, temporary files);
#   3. `run --all` to completion (must exit 0);
#   4. checks: every item in the store once and the same set of items as the clean build; no entry
#      left pending that the clean build wrote; no two entries share a post path; one post file per
#      written entry and every entry's post path exists; every post complete (starts with "\n---\n",
#      has its closing "---" line, ends with the body's closing bytes); no *.gleaner-tmp file anywhere
#      in the workspace; the posts tree (relative paths and bytes) equals the clean build's; the HTML
#      site (site/public, which `run` brings up to date at its end) equals the clean build's too.
# Every served item has a pubDate, so the clean build's dates do not depend on when it ran.
# Prints one line per cycle, then "crash: N cycles, M faults" and "P passed, F failed"; exits 1 on a fault.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

quick=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "crash: unknown argument $arg" >&2; exit 2 ;;
  esac
done
[ "${CI:-}" = true ] && quick=true
if [ -n "${CYCLES:-}" ]; then cycles=$CYCLES; elif $quick; then cycles=10; else cycles=50; fi
feeds=${FEEDS:-100}
seed=${CRASH_SEED:-$RANDOM$RANDOM}

jar="${GLEANER_JAR:-target/gleaner.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

ws=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-crash.XXXXXX")
server_pid=
run_pid=
faults=0
cleanup() {
  local status=$?
  if [ -n "$run_pid" ]; then kill -KILL "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "$faults" -gt 0 ] || [ "${KEEP:-}" = 1 ]; then
    echo "crash: workspace kept in $ws"
  else
    rm -rf "$ws"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The checker: python3 check.py CLEAN_DIR DIR -> prints "ok ..." or one "FAULT ..." line per fault.
# python3 check.py --state DIR -> a short description of what a killed run left.
cat > "$ws/check.py" <<'PY'
import hashlib, os, sqlite3, sys

TMP = ".gleaner-tmp"
HEAD = b"\n---\n"
TAIL = b"  \n</div>\n" + b" " * 12


def posts(d):
    base = os.path.join(d, "site", "source", "_posts")
    out = {}
    for top, _, names in os.walk(base):
        for n in names:
            p = os.path.join(top, n)
            rel = os.path.relpath(p, base)
            if not n.endswith(TMP):
                with open(p, "rb") as f:
                    out[rel] = f.read()
    return base, out


def site(d):
    base = os.path.join(d, "site", "public")
    out = {}
    for top, _, names in os.walk(base):
        for n in names:
            p = os.path.join(top, n)
            if not n.endswith(TMP):
                with open(p, "rb") as f:
                    out[os.path.relpath(p, base)] = f.read()
    return out


def temps(d):
    return sorted(os.path.relpath(os.path.join(t, n), d)
                  for t, _, ns in os.walk(d) for n in ns if n.endswith(TMP))


def entries(d):
    db = os.path.join(d, "gleaner.db")
    if not os.path.exists(db):
        return None
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return c.execute("SELECT entry_key, status, post_path FROM entry").fetchall()
    except sqlite3.OperationalError:  # killed before the schema was made
        return None
    finally:
        c.close()


def state(d):
    _, files = posts(d)
    rows = entries(d)
    if rows is None:
        store = "no store"
    else:
        by = {}
        for _, s, p in rows:
            by[s] = by.get(s, 0) + 1
        reserved = sum(1 for _, s, p in rows if s == "pending" and p)
        store = "entries %s, %d pending with a reserved path" % (
            " ".join("%s=%d" % kv for kv in sorted(by.items())) or "none", reserved)
    t = temps(d)
    return "posts=%d, %s, temp files=%d%s" % (len(files), store, len(t), (" " + ",".join(t)) if t else "")


def complete(b):
    if not b.startswith(HEAD) or not b.endswith(TAIL):
        return False
    return b"\n---\n" in b[len(HEAD):]  # the front matter's closing line


def check(clean, d):
    faults = []
    db = os.path.join(d, "gleaner.db")
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    n, distinct = c.execute("SELECT COUNT(*), COUNT(DISTINCT entry_key) FROM entry").fetchone()
    if n != distinct:
        faults.append("store: %d entries but %d distinct keys" % (n, distinct))
    shared = c.execute("SELECT post_path, COUNT(*) FROM entry WHERE post_path IS NOT NULL "
                       "GROUP BY post_path HAVING COUNT(*) > 1").fetchall()
    for p, k in shared:
        faults.append("store: %d entries share post_path %s" % (k, p))
    rows = c.execute("SELECT entry_key, status, post_path FROM entry").fetchall()
    c.close()
    ref = {k: (s, p) for k, s, p in entries(clean)}
    got = {k: (s, p) for k, s, p in rows}
    if set(got) != set(ref):
        faults.append("store: %d items missing, %d extra vs the clean build"
                      % (len(set(ref) - set(got)), len(set(got) - set(ref))))
    for k, (s, p) in sorted(got.items()):
        if k in ref and s != ref[k][0]:
            faults.append("store: entry %s is %s, clean build has %s (path %s)" % (k, s, ref[k][0], p))
    base, files = posts(d)
    written = [p for _, s, p in rows if s == "written"]
    if len(files) != len(written):
        faults.append("posts: %d files but %d written entries" % (len(files), len(written)))
    for k, s, p in rows:
        if p is not None and not os.path.isfile(os.path.join(base, p)):
            faults.append("posts: entry %s (%s) has post_path %s, no such file" % (k, s, p))
    owned = {p for _, _, p in rows if p}
    for rel in sorted(set(files) - owned):
        faults.append("posts: file %s belongs to no entry" % rel)
    for rel, b in sorted(files.items()):
        if not complete(b):
            faults.append("posts: %s is incomplete (%d bytes, ends %r)" % (rel, len(b), b[-24:]))
    for t in temps(d):
        faults.append("temp file left: %s" % t)
    _, ref_files = posts(clean)
    for rel in sorted(set(ref_files) - set(files)):
        faults.append("tree: %s missing (in the clean build)" % rel)
    for rel in sorted(set(files) - set(ref_files)):
        faults.append("tree: %s extra (not in the clean build)" % rel)
    for rel in sorted(set(files) & set(ref_files)):
        if files[rel] != ref_files[rel]:
            faults.append("tree: %s differs from the clean build" % rel)
    pages, ref_pages = site(d), site(clean)
    if not ref_pages:
        faults.append("site: the clean build has no site")
    for rel in sorted(set(ref_pages) - set(pages)):
        faults.append("site: %s missing (in the clean build)" % rel)
    for rel in sorted(set(pages) - set(ref_pages)):
        faults.append("site: %s extra (not in the clean build)" % rel)
    for rel in sorted(set(pages) & set(ref_pages)):
        if pages[rel] != ref_pages[rel]:
            faults.append("site: %s differs from the clean build" % rel)
    if faults:
        for f in faults:
            print("FAULT " + f)
    else:
        print("ok: %d entries, %d posts, %d site files" % (n, len(files), len(pages)))


if sys.argv[1] == "--state":
    print(state(sys.argv[2]))
else:
    check(sys.argv[1], sys.argv[2])
PY

# The loopback server; it stops by itself if this script dies without the trap.
python3 bench/feed_server.py serve --feeds "$feeds" --port-file "$ws/port" --parent $$ 2>"$ws/server.log" &
server_pid=$!
for _ in $(seq 200); do [ -s "$ws/port" ] && break; sleep 0.05; done
[ -s "$ws/port" ] || { echo "crash: the feed server did not start" >&2; cat "$ws/server.log" >&2; exit 1; }
port=$(cat "$ws/port")

configure() {  # configure DIR: a fresh workspace DIR and its DIR.yml
  rm -rf "$1"; mkdir -p "$1"
  python3 bench/feed_server.py config --feeds "$feeds" --port "$port" --dir "$1" \
    --per-host 16 --concurrency 16 > "$1.yml"
}

gleaner() {  # gleaner CONFIG LOG: one `run --all`, in the background; its pid in run_pid
  java -jar "$jar" run --all --config "$1" -q >"$2" 2>&1 &
  run_pid=$!
}

# The clean build: one full run without a kill, which also gives the typical run time.
configure "$ws/clean"
started=$(date +%s.%N)
gleaner "$ws/clean.yml" "$ws/clean.log"
clean_status=0; wait "$run_pid" || clean_status=$?; run_pid=
took=$(python3 -c "import time; print('%.2f' % (float('$(date +%s.%N)') - $started))")
if [ "$clean_status" -ne 0 ]; then
  echo "crash: the clean run exited $clean_status" >&2; cat "$ws/clean.log" >&2; faults=1; exit 1
fi
# The first run of the JVM is the slowest (cold caches); a second, warm run in a scratch workspace
# gives the time the kill moments are drawn under: the shorter of the two.
configure "$ws/timing"
started=$(date +%s.%N)
gleaner "$ws/timing.yml" "$ws/timing.log"
wait "$run_pid" || true; run_pid=
took=$(python3 -c "import time; print('%.2f' % min($took, float('$(date +%s.%N)') - $started))")
rm -rf "$ws/timing"
echo "crash: $feeds feeds on 127.0.0.1:$port, full run $took s: $(python3 "$ws/check.py" --state "$ws/clean"), seed $seed"
python3 "$ws/check.py" "$ws/clean" "$ws/clean" | sed 's/^/crash: clean build self-check: /'

# The kill moments, uniform in [0.05 s, the clean run's time].
mapfile -t delays < <(python3 -c "
import random; r = random.Random($seed)
for _ in range($cycles): print('%.3f' % r.uniform(0.05, max(0.06, $took)))")

passed=0; failed=0
for i in $(seq 1 "$cycles"); do
  d=${delays[$((i - 1))]}
  dir="$ws/c"
  configure "$dir"
  gleaner "$dir.yml" "$dir.kill.log"
  sleep "$d"
  if kill -KILL "$run_pid" 2>/dev/null; then how="killed at $d s"; else how="finished before $d s"; fi
  wait "$run_pid" 2>/dev/null || true; run_pid=
  left=$(python3 "$ws/check.py" --state "$dir")
  gleaner "$dir.yml" "$dir.log"
  status=0; wait "$run_pid" || status=$?; run_pid=
  result=$(python3 "$ws/check.py" "$ws/clean" "$dir" 2>&1) || result="FAULT checker failed: $result"
  [ "$status" -eq 0 ] || result="FAULT completion run exited $status: $(tail -3 "$dir.log" | tr '\n' ' ')
$result"
  if grep -q '^FAULT' <<<"$result"; then
    n=$(grep -c '^FAULT' <<<"$result")
    faults=$((faults + n)); failed=$((failed + 1))
    echo "cycle $i/$cycles: $how; left: $left; $n fault(s):"
    grep '^FAULT' <<<"$result" | head -20 | sed 's/^/    /'
    cp -r "$dir" "$ws/fault-$i"; cp "$dir.kill.log" "$dir.log" "$ws/fault-$i/" 2>/dev/null || true
  else
    passed=$((passed + 1))
    echo "cycle $i/$cycles: $how; left: $left; after completion $result"
  fi
done

echo "crash: $cycles cycles, $faults faults"
echo "$passed passed, $failed failed"
[ "$faults" -eq 0 ]
