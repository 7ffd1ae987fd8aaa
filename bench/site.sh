#!/usr/bin/env bash
# Site build: `gleaner build` beside Hugo and Hexo on the same generated posts, in one run, given as
# ratios, from 1,000 up to 1,000,000 items (see bench/README.md).
#
#   bench/site.sh               N = 1,000 and 10,000, RUNS=3 (about 15 minutes on 2 cores)
#   bench/site.sh --scale       N = 10,000, 100,000 and 1,000,000 (hours: RUNS_1000000=1 shortens it)
#   bench/site.sh --quick       N = 1,000 only, RUNS=1 (also when CI=true): a smoke test, no goals
#   bench/site.sh --store-only  store the N items and time that, nothing else
#
# For each N, the posts that ../shared/bench/gen_posts.py writes for the Hexo and Hugo anchors
# (/tmp/posts-rfc1123-N, seed 42) are turned back into the feeds they came from
# (bench/site/posts_to_feeds.py: 40 feeds, the posts' category tree) in slices of SLICE posts, so
# that no feed document grows with N; `gleaner run --all --no-build` stores each slice in turn, each
# replacing the feed files, while the next slices are written (timed as one step: gleaner-store-N;
# the store must then hold N items). Then, each under ../shared/bench/measure.py (wall and CPU time,
# peak RSS; RUNS runs):
#   gleaner build --full            into an empty folder (untimed pre-step: rm -rf site/public; sync)
#   gleaner build --full, warm      the same over the previous output (N <= 100,000)
#   gleaner build, nothing new
#   gleaner build after 50 new items, and after 1,000 (N >= 10,000): each run's untimed pre-step
#                                   appends its own items to five feeds and runs gleaner run --all --no-build
#   gleaner run, nothing due        (pre-step: gleaner run --all --no-build), with and without its build
#   gleaner status
#   hugo                            ../shared/bench/run_hugo.sh time N (`hugo --quiet`, Debian's), N <= HUGO_MAX
#   hexo                            ../shared/bench/run_hexo.sh time N, N <= HEXO_MAX
# and the store's size on disk beside the bytes of the bodies it keeps. Every Gleaner run goes through
# the launcher (./gleaner, with GLEANER_JAR=JAR): JVM start-up included, with the class data archive
# an untimed first build makes. At the end, a table of every figure and one of the goals (goal,
# figure, met or not).
#
# Environment (all optional):
#   GLEANER_JAR=target/gleaner.jar   the jar (built with `mvn -B -q -DskipTests package` when absent)
#   GLEANER_JAVA_OPTS                JVM options of every Gleaner run; default the launcher's
#                                    (./gleaner): -XX:+UseSerialGC -XX:TieredStopAtLevel=1
#   STORE_JAVA_OPTS                  JVM options of the store step only; default GLEANER_JAVA_OPTS's
#   GLEANER_CDS=off                  no class data archive
#   RUNS=3, RUNS_<N>                 runs per measurement (RUNS_<N> at that N), the same for every tool
#   SIZES="1000 10000"               the numbers of posts
#   SLICE=20000                      posts per slice of the store step
#   TOOLS="gleaner hugo hexo"        the tools to time
#   HUGO_MAX=100000, HEXO_MAX=10000  the largest N the anchors are timed at (more is said, not timed)
#   HUGO_TIMEOUT=1800                seconds one Hugo run may take before it is stopped
#   WORK=/tmp/gleaner-site-bench     scratch folder (stores, sites, the anchors' folders), kept;
#                                    each run's figures go to WORK/results/<date-time>/;
#                                    WORK=/dev/shm/... puts all three tools on tmpfs
#   SPILL=/tmp/gleaner-site-bench    where an N goes that WORK has no room for (about 40 KB an item)
#   HEXO_DIR, HUGO_DIR               the anchors' working folders (default WORK/hexo, WORK/hugo)
#   GLEANER_SHARED=../shared         the shared folder beside the checkout
#   STRICT=1                         exit 1 when a goal is not met (default: report only)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
# shellcheck source=site/store.sh
. "$BENCH/site/store.sh"
quick=false scale=false store_only=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --scale) scale=true ;;
    --store-only) store_only=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "site.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done
SHARED="${GLEANER_SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/bench/gen_posts.py" ] || [ ! -f "$SHARED/bench/measure.py" ]; then
  echo "site.sh: skipped: the anchor scripts (gen_posts.py, measure.py, run_hexo.sh, run_hugo.sh) are" \
       "not in $SHARED/bench; they come with the shared folder beside the checkout (GLEANER_SHARED=DIR names another)"
  exit 0
fi
SHARED="$(cd "$SHARED" && pwd)"

[ "${CI:-}" = true ] && quick=true
if $quick; then sizes=(1000); runs="${RUNS:-1}"
elif $scale; then sizes=(10000 100000 1000000); runs="${RUNS:-3}"
else sizes=(1000 10000); runs="${RUNS:-3}"; fi
[ -n "${SIZES:-}" ] && read -r -a sizes <<< "$SIZES"
tools=" ${TOOLS:-gleaner hugo hexo} "
slice="${SLICE:-20000}"
hugo_max="${HUGO_MAX:-100000}" hexo_max="${HEXO_MAX:-10000}" hugo_timeout="${HUGO_TIMEOUT:-1800}"
runs_at() { local v="RUNS_$1"; echo "${!v:-$runs}"; }

say() { echo "site.sh: $*"; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {  # apt_install PACKAGE... (root only)
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

# --- tools ----------------------------------------------------------------------------------------
command -v python3 >/dev/null || { say "needs python3" >&2; exit 1; }
command -v java >/dev/null || { say "needs Java 17" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then  # measure.py runs /usr/bin/time -v
  if is_root; then say "GNU time is missing: installing Debian's time"; apt_install time
  else say "needs GNU time: sudo apt-get install time" >&2; exit 1; fi
fi
hexo=false hugo=false gleaner_on=false
[[ $tools == *" hexo "* ]] && hexo=true
[[ $tools == *" hugo "* ]] && hugo=true
[[ $tools == *" gleaner "* ]] && gleaner_on=true
if $store_only; then hexo=false hugo=false gleaner_on=true; fi
if $hexo && { ! command -v node >/dev/null || ! command -v npm >/dev/null; }; then
  if is_root; then
    say "Node.js or npm is missing (Hexo needs both): installing Debian's nodejs and npm"
    apt_install nodejs npm || { say "apt-get could not install nodejs npm: Hexo is left out"; hexo=false; }
  else
    say "Node.js and npm are missing: Hexo is left out (sudo apt-get install nodejs npm)"; hexo=false
  fi
fi
if $hugo && ! command -v hugo >/dev/null; then
  if is_root; then
    say "Hugo is missing: installing Debian's hugo"
    apt_install hugo || { say "apt-get could not install hugo: Hugo is left out"; hugo=false; }
  else
    say "Hugo is missing: it is left out (sudo apt-get install hugo)"; hugo=false
  fi
fi

jar="${GLEANER_JAR:-$ROOT/target/gleaner.jar}"
if [ ! -f "$jar" ]; then
  say "building $jar"
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package)
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
java_opts="${GLEANER_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
store_opts="${STORE_JAVA_OPTS:-$java_opts}"
# Through the launcher, as a user runs it: its JVM options and its class data archive, which the
# first (untimed) build below makes. GLEANER_CDS=off leaves the archive out.
gleaner="env GLEANER_JAR=$jar $ROOT/gleaner"

# --- folders --------------------------------------------------------------------------------------
work="${WORK:-${TMPDIR:-/tmp}/gleaner-site-bench}"
mkdir -p "$work"; work="$(cd "$work" && pwd)"
spill="${SPILL:-${TMPDIR:-/tmp}/gleaner-site-bench}"
exec 9>"$work/.lock"
flock -n 9 || { say "another bench/site.sh is using $work (WORK=DIR names another)" >&2; exit 1; }
export HEXO_DIR="${HEXO_DIR:-$work/hexo}" HUGO_DIR="${HUGO_DIR:-$work/hugo}"
run_dir="$work/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir/logs"
# The anchors run from a copy, so that their measure.py writes its results in this run's folder
# (the shared folder may be read-only) and every tool's figures land in one file.
anchor="$run_dir/anchor"
mkdir -p "$anchor"
cp -r "$SHARED/bench/gen_posts.py" "$SHARED/bench/measure.py" "$SHARED/bench/run_hexo.sh" \
      "$SHARED/bench/run_hugo.sh" "$SHARED/bench/hexo" "$SHARED/bench/hugo" "$anchor/"
results="$anchor/results/results.jsonl"
mkdir -p "$(dirname "$results")"; : > "$results"
# Hugo runs under a time limit: `hugo` on the anchor's PATH is a wrapper that stops it after
# HUGO_TIMEOUT seconds (exit 124, which the table reports as not finished).
if $hugo; then
  mkdir -p "$run_dir/bin"
  printf '#!/bin/sh\nexec timeout %s %s "$@"\n' "$hugo_timeout" "$(command -v hugo)" > "$run_dir/bin/hugo"
  chmod +x "$run_dir/bin/hugo"
fi

measure() { python3 "$anchor/measure.py" --out "$results" --log "$run_dir/logs" "$@"; }
anchor_run() {  # anchor_run hexo|hugo N: the anchor's own script, with this run's settings
  env -u "RUNS_$2" -u LABEL_SUFFIX PATH="$run_dir/bin:$PATH" RUNS="$(runs_at "$2")" DATES=rfc1123 \
    bash "$anchor/run_$1.sh" time "$2" > "$run_dir/logs/$1-N$2.log" 2>&1
}
note() { echo "$*" >> "$run_dir/notes.txt"; say "$*"; }  # what the table says of a figure it lacks
failed=()
: > "$run_dir/notes.txt"

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
{
  echo "date: $(date -Is)"
  echo "gleaner: $commit, $jar"
  echo "java: $(java -version 2>&1 | head -1), options: ${java_opts:-none}, store step: ${store_opts:-none}, class data archive: ${GLEANER_CDS:-on}"
  echo "hugo: $(hugo version 2>/dev/null | cut -d' ' -f2 || echo missing); node: $(node --version 2>/dev/null || echo missing)"
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2 " GB"}'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "runs: $runs per measurement$(for n in "${sizes[@]}"; do [ "$(runs_at "$n")" != "$runs" ] && printf ', %s at N=%s' "$(runs_at "$n")" "$n"; done); sizes: ${sizes[*]}; slice: $slice posts"
  echo "WORK=$work SPILL=$spill HEXO_DIR=$HEXO_DIR HUGO_DIR=$HUGO_DIR"
} | tee "$run_dir/setup.txt" | sed 's/^/site.sh: /'

hugo_memory() {  # hugo_memory N: what Hugo's peak RSS at the sizes timed says of N
  python3 - "$results" "$1" "$(free -m | awk '/^Mem:/ {print $2}')" <<'PY'
import json, re, sys
results, n, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
timed = {}
for line in open(results):
    r = json.loads(line)
    m = re.fullmatch(r"hugo-rfc1123-N(\d+)", r.get("label", ""))
    if m and r.get("summary"):
        timed[int(m.group(1))] = r["rss_max_mb"]
if not timed:
    print("its peak RSS grows with N (0.7 GB at 10,000)")
else:
    at = max(timed)
    need = timed[at] * n / at
    print("its peak RSS grows with N: %.1f GB at %s, so about %.1f GB at %s, %s this machine's %d GB"
          % (timed[at] / 1024, format(at, ","), need / 1024, format(n, ","), "over" if need > total else "within",
             total // 1024))
PY
}

free_kb() { df -Pk "$1" | awk 'NR == 2 {print $4}'; }

# place N: the folder the store and site of N go to, WORK when it has room for them, else SPILL;
# nothing when neither has. About 40 KB an item: the store (11), the posts (7) and the site (16)
# measured at 10,000, and the slices waiting to be stored.
place() {
  local n=$1 need=$(( $1 * 40 + 600000 )) at old
  for at in "$work" "$spill"; do
    mkdir -p "$at"
    old=0; [ -d "$at/n$n" ] && old=$(du -sk "$at/n$n" | cut -f1)
    if [ $(( $(free_kb "$at") + old )) -ge "$need" ]; then echo "$at/n$n"; return; fi
  done
}

# --- the store ------------------------------------------------------------------------------------
# The slices are stored by bench/site/store.sh (store_slices, store_check, store_count).
store_posts() {  # store_posts N DIR: the N posts into a new store in DIR, slice by slice; timed
  local n=$1 dir=$2 started ended
  store_slices "$posts" "$dir" "$slice" "$run_dir/logs/store-N$n"
  started=$STORE_STARTED ended=$STORE_ENDED
  say "N=$n: $(tail -1 "$run_dir/logs/store-N$n.feeds")"
  store_check "$n" "$dir"
  python3 - "$run_dir/logs/store-N$n.times" "$started" "$ended" "$n" "$results" "$dir/slices/done" <<'PY'
import json, sys
times, started, ended, n, out, done = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
rows = [l.split() for l in open(times) if l.strip() and l.split()[0][0].isdigit()]
wall = sum(float(r[0]) for r in rows)
s = {"label": "gleaner-store-N%d" % n, "summary": True, "n_runs": 1, "slices": len(rows),
     "wall_median_s": wall, "wall_min_s": wall, "wall_max_s": wall, "loop_wall_s": ended - started,
     "user_median_s": sum(float(r[1]) for r in rows), "sys_median_s": sum(float(r[2]) for r in rows),
     "rss_max_mb": max(int(r[3]) for r in rows) / 1024, "slice_wall_s": [float(r[0]) for r in rows],
     "slice_items": [int(r[4]) for r in rows], "max_items": json.load(open(done))["max_items"]}
with open(out, "a") as f:
    f.write(json.dumps(s) + "\n")
print("site.sh: N=%d: stored in %.1f s over %d slices (%.1f s of gleaner run, %.0f items/s; CPU %.1f s; peak RSS %.0f MB)"
      % (n, ended - started, len(rows), wall, n / wall, s["user_median_s"] + s["sys_median_s"], s["rss_max_mb"]))
PY
}

store_size() {  # store_size N DIR: the store's files on disk beside the bytes of what it keeps
  python3 - "$1" "$2" "$run_dir/store-N$1.json" <<'PY'
import glob, json, os, sqlite3, sys
n, dir, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
db = os.path.join(dir, "gleaner.db")
files = {os.path.basename(p): os.path.getsize(p) for p in glob.glob(db + "*")}
c = sqlite3.connect(db)
# Bytes, not characters: length() of TEXT counts characters, and the bodies are mostly Chinese.
cols = ("body_html", "summary", "content", "title")
sums = c.execute("SELECT " + ", ".join("coalesce(sum(length(CAST(%s AS BLOB))), 0)" % k for k in cols)
                 + ", count(*) FROM entry").fetchone()
r = dict(zip(cols, sums[:-1]))
r.update({"n": n, "entries": sums[-1], "files": files, "on_disk": sum(files.values())})
try:
    r["tables"] = dict(c.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall())
except sqlite3.Error:
    pass  # SQLite built without the dbstat table
c.close()
json.dump(r, open(out, "w"))
bodies = r["body_html"] + r["summary"] + r["content"]
print("site.sh: N=%d: store %.0f MB on disk; bodies %.0f MB (body_html %.0f, summary %.0f, content %.0f): %.2fx all bodies, %.2fx body_html"
      % (n, r["on_disk"] / 1e6, bodies / 1e6, r["body_html"] / 1e6, r["summary"] / 1e6, r["content"] / 1e6,
         r["on_disk"] / bodies, r["on_disk"] / max(1, r["body_html"])))
PY
}

# --- Gleaner's measurements -----------------------------------------------------------------------
gleaner_site() {  # gleaner_site N DIR: time builds, runs and status over the store of N posts
  local n=$1 dir=$2 r f k
  r=$(runs_at "$n")
  # A first build makes the launcher's class data archive, as a user's first run does; later sizes
  # find it made.
  if [ "${GLEANER_CDS:-on}" != off ] && ! compgen -G "$(dirname "$jar")/.gleaner-cds-*.jsa" >/dev/null; then
    say "N=$n: a first build (untimed) makes the class data archive"
    (cd "$dir" && $gleaner build -q --config gleaner.yml >/dev/null)
  fi

  say "N=$n: gleaner build --full ($r runs)"
  measure --label "gleaner-full-N$n" --runs "$r" --cwd "$dir" --pre 'rm -rf site/public; sync' -- \
    "$gleaner build --full --config gleaner.yml" || failed+=("gleaner-full-N$n")
  say "  $(tail -1 "$run_dir/logs/gleaner-full-N$n.run1.out"): $(find "$dir/site/public" -type f | wc -l) files, $(du -sh "$dir/site/public" | cut -f1)"
  if [ "$n" -le 100000 ]; then
    measure --label "gleaner-full-warm-N$n" --runs "$r" --cwd "$dir" -- \
      "$gleaner build --full --config gleaner.yml" || failed+=("gleaner-full-warm-N$n")
  fi

  say "N=$n: gleaner build with nothing new ($r runs)"
  measure --label "gleaner-incremental-none-N$n" --runs "$r" --cwd "$dir" -- \
    "$gleaner build --config gleaner.yml" || failed+=("gleaner-incremental-none-N$n")
  say "  $(tail -1 "$run_dir/logs/gleaner-incremental-none-N$n.run1.out")"

  echo 0 > "$dir/.batch"
  for k in 50 1000; do
    if [ "$k" = 1000 ] && { $quick || [ "$n" -lt 10000 ]; }; then continue; fi
    say "N=$n: gleaner build after $k new items ($r runs, each with its own $k)"
    measure --label "gleaner-incremental-$k-N$n" --runs "$r" --cwd "$dir" \
      --pre "b=\$((\$(cat .batch) + 1)); echo \$b > .batch; python3 '$BENCH/site/add_items.py' . \$b --count $k && $gleaner run --all --no-build -q --config gleaner.yml" -- \
      "$gleaner build --config gleaner.yml" || failed+=("gleaner-incremental-$k-N$n")
    for f in "$run_dir/logs/gleaner-incremental-$k-N$n".run*.out; do say "  $(tail -1 "$f")"; done
  done

  # Nothing due: the untimed pre-step fetches every feed, so each is due again only after its interval.
  say "N=$n: gleaner run with nothing due, with its build and without; gleaner status ($r runs)"
  measure --label "gleaner-run-idle-N$n" --runs "$r" --cwd "$dir" \
    --pre "$gleaner run --all --no-build -q --config gleaner.yml" -- \
    "$gleaner run --config gleaner.yml" || failed+=("gleaner-run-idle-N$n")
  say "  $(tr '\n' ' ' < "$run_dir/logs/gleaner-run-idle-N$n.run1.out" | cut -c1-200)"
  measure --label "gleaner-run-idle-nobuild-N$n" --runs "$r" --cwd "$dir" \
    --pre "$gleaner run --all --no-build -q --config gleaner.yml" -- \
    "$gleaner run --no-build --config gleaner.yml" || failed+=("gleaner-run-idle-nobuild-N$n")
  measure --label "gleaner-status-N$n" --runs "$r" --cwd "$dir" -- \
    "$gleaner status --config gleaner.yml" || failed+=("gleaner-status-N$n")

  store_size "$n" "$dir"
}

# --- per N ----------------------------------------------------------------------------------------
for n in "${sizes[@]}"; do
  posts="/tmp/posts-rfc1123-$n"   # the anchors' cache of the same posts: the same path, the same seed
  if [ "$(find "$posts" -maxdepth 1 -name '*.md' ! -name seed-post.md 2>/dev/null | wc -l)" != "$n" ]; then
    rm -rf "$posts"
    say "N=$n: generating the posts (once; cached in $posts)"
    t0=$(date +%s)
    python3 "$SHARED/bench/gen_posts.py" "$posts" "$n" --seed 42 --seed-post
    say "  in $(( $(date +%s) - t0 )) s"
  fi
  if $gleaner_on; then
    dir=$(place "$n")
    if [ -z "$dir" ]; then
      note "N=$n: Gleaner left out: its store and site need about $(( n * 40 / 1000000 + 1 )) GB, more than $work or $spill has free"
    else
      [ "$dir" != "$work/n$n" ] && note "N=$n: in $dir: $work has not the room (about $(( n * 40 / 1000000 + 1 )) GB)"
      say "N=$n: storing the posts (slices of $slice)"
      store_posts "$n" "$dir"
      if $store_only; then store_size "$n" "$dir"; else gleaner_site "$n" "$dir"; fi
    fi
  fi
  if $hugo; then
    if [ "$n" -gt "$hugo_max" ]; then
      note "N=$n: Hugo left out (HUGO_MAX=$hugo_max): $(hugo_memory "$n")"
    else
      say "N=$n: hugo ($(runs_at "$n") runs, each stopped after $hugo_timeout s)"
      anchor_run hugo "$n" || failed+=("hugo-N$n")
      if grep -q 'rc 124' "$run_dir/logs/hugo-N$n.log"; then
        note "N=$n: Hugo did not finish within HUGO_TIMEOUT=$hugo_timeout s"
      fi
      grep -E '^(hugo|  hugo N)' "$run_dir/logs/hugo-N$n.log" | sed 's/^ */  /' || true
    fi
  fi
  if $hexo; then
    if [ "$n" -gt "$hexo_max" ] || { $quick && [ "$n" -gt 1000 ]; }; then
      note "N=$n: Hexo left out (HEXO_MAX=$hexo_max): it takes over a minute at 10,000 and grows faster than N"
    else
      say "N=$n: hexo ($(runs_at "$n") runs)"
      anchor_run hexo "$n" || failed+=("hexo-N$n")
      grep -E '^(hexo|  hexo N)' "$run_dir/logs/hexo-N$n.log" | sed 's/^ */  /' || true
    fi
  fi
done
if $gleaner_on && ! $store_only; then
  measure --label "gleaner-start" --runs "$runs" -- "$gleaner --version" >/dev/null 2>&1 || true
fi
mv "$results" "$run_dir/results.jsonl"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run_dir/setup.txt" | sed 's/^/site.sh: /'
say "every tool waits for the CPU when the load average is above $(nproc): compare CPU times too, or run again on an idle machine"

# --- the tables -----------------------------------------------------------------------------------
set +e
no_goals=""
$quick && no_goals="a smoke test; they are for N = 10,000 to 1,000,000"
$store_only && no_goals="only the store step was timed"
python3 "$BENCH/site/report.py" "$run_dir" --no-goals "$no_goals" --failed "${failed[*]:-}" | tee "$run_dir/table.md"
verdict=${PIPESTATUS[0]}
set -e
say "raw figures: $run_dir/results.jsonl (one line per run, a summary line per measurement); tables: $run_dir/table.md; logs: $run_dir/logs/"
[ "$verdict" = 1 ] && exit 1
[ "$verdict" = 2 ] && [ "${STRICT:-0}" = 1 ] && exit 1
exit 0
