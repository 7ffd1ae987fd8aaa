#!/usr/bin/env bash
# Site build: `gleaner build` beside Hugo and Hexo on the same generated posts, in one run, given as
# ratios (see bench/README.md).
#
#   bench/site.sh             N = 1,000 and 10,000, RUNS=3 (about 10-15 minutes on 2 cores)
#   bench/site.sh --quick     N = 1,000 only, RUNS=1 (also when CI=true): a smoke test, no goals
#
# For each N, the posts that ../shared/bench/gen_posts.py writes for the Hexo and Hugo anchors
# (/tmp/posts-rfc1123-N, seed 42) are turned back into the feeds they came from
# (bench/site/posts_to_feeds.py) and stored by `gleaner run --all --no-build` (untimed; the store must
# then hold N items). Then, each under ../shared/bench/measure.py (wall and CPU time, peak RSS; RUNS runs):
#   gleaner build --full            into an empty folder (untimed pre-step: rm -rf site/public; sync)
#   gleaner build --full, warm      the same over the previous output (renders all, writes nothing)
#   hugo                            ../shared/bench/run_hugo.sh time N   (`hugo --quiet`, Debian's)
#   hexo                            ../shared/bench/run_hexo.sh time N   (`hexo clean && hexo generate`)
# and at the largest N, incremental builds: `gleaner build` after 50 new items (each run's untimed
# pre-step appends its own 50 items to five feeds and runs `gleaner run --all --no-build`), and
# `gleaner build` with nothing new. Every Gleaner run goes through the launcher (./gleaner, with
# GLEANER_JAR=JAR): JVM start-up included, with the class data archive an untimed first build makes.
#
# Goals (N = 10,000): a full build in at most 1/2 of Hugo's wall time and 1/20 of Hexo's, with a
# peak RSS under 1 GB; an incremental build of 50 new items in under 2 s of wall time (medians).
#
# Environment (all optional):
#   GLEANER_JAR=target/gleaner.jar   the jar (built with `mvn -B -q -DskipTests package` when absent)
#   GLEANER_JAVA_OPTS                JVM options of every Gleaner run; default the launcher's
#                                    (./gleaner): -XX:+UseSerialGC -XX:TieredStopAtLevel=1
#   GLEANER_CDS=off                  no class data archive
#   RUNS=3                           runs per measurement, the same for every tool
#   WORK=/tmp/gleaner-site-bench     scratch folder (stores, sites, the anchors' folders), kept;
#                                    each run's figures go to WORK/results/<date-time>/;
#                                    WORK=/dev/shm/... puts all three tools on tmpfs
#   HEXO_DIR, HUGO_DIR               the anchors' working folders (default WORK/hexo, WORK/hugo;
#                                    /dev/shm/... runs them on tmpfs)
#   SIZES="1000 10000"               the numbers of posts (the incremental builds use the last)
#   TOOLS="gleaner hugo hexo"        the tools to time
#   GLEANER_SHARED=../shared         the shared folder beside the checkout
#   STRICT=1                         exit 1 when a goal is not met (default: report only)
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
SHARED="${GLEANER_SHARED:-$ROOT/../shared}"
if [ ! -f "$SHARED/bench/gen_posts.py" ] || [ ! -f "$SHARED/bench/measure.py" ]; then
  echo "site.sh: skipped: the anchor scripts (gen_posts.py, measure.py, run_hexo.sh, run_hugo.sh) are" \
       "not in $SHARED/bench; they come with the shared folder beside the checkout (GLEANER_SHARED=DIR names another)"
  exit 0
fi
SHARED="$(cd "$SHARED" && pwd)"

quick=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    -h|--help) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "site.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done
[ "${CI:-}" = true ] && quick=true
if $quick; then sizes=(1000); runs="${RUNS:-1}"; else sizes=(1000 10000); runs="${RUNS:-3}"; fi
[ -n "${SIZES:-}" ] && read -r -a sizes <<< "$SIZES"
largest="${sizes[${#sizes[@]}-1]}"
tools=" ${TOOLS:-gleaner hugo hexo} "

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
if $hexo && { ! command -v node >/dev/null || ! command -v npm >/dev/null; }; then
  if is_root; then
    say "Node.js or npm is missing (Hexo needs both): installing Debian's nodejs and npm"
    apt_install nodejs npm || { say "apt-get could not install nodejs npm: Hexo is left out"; hexo=false; }
  else
    say "Node.js and npm are missing: Hexo is left out (sudo apt-get install nodejs npm)"; hexo=false
  fi
fi
if $hugo && ! command -v hugo >/dev/null && ! is_root; then
  say "Hugo is missing: it is left out (sudo apt-get install hugo)"; hugo=false
fi

jar="${GLEANER_JAR:-$ROOT/target/gleaner.jar}"
if [ ! -f "$jar" ]; then
  say "building $jar"
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests package)
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
java_opts="${GLEANER_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
# Through the launcher, as a user runs it: its JVM options and its class data archive, which the
# first (untimed) build below makes. GLEANER_CDS=off leaves the archive out.
gleaner="env GLEANER_JAR=$jar $ROOT/gleaner"

# --- folders --------------------------------------------------------------------------------------
work="${WORK:-${TMPDIR:-/tmp}/gleaner-site-bench}"
mkdir -p "$work"; work="$(cd "$work" && pwd)"
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

measure() { python3 "$anchor/measure.py" --out "$results" --log "$run_dir/logs" "$@"; }
anchor_run() {  # anchor_run hexo|hugo N: the anchor's own script, with this run's settings
  env -u "RUNS_$2" -u LABEL_SUFFIX RUNS="$runs" DATES=rfc1123 bash "$anchor/run_$1.sh" time "$2" \
    > "$run_dir/logs/$1-N$2.log" 2>&1
}
failed=()

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
{
  echo "date: $(date -Is)"
  echo "gleaner: $commit, $jar"
  echo "java: $(java -version 2>&1 | head -1), options: ${java_opts:-none}, class data archive: ${GLEANER_CDS:-on}"
  echo "hugo: $(hugo version 2>/dev/null | cut -d' ' -f2 || echo missing); node: $(node --version 2>/dev/null || echo missing)"
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2 " GB"}'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "runs: $runs per measurement; sizes: ${sizes[*]}; HEXO_DIR=$HEXO_DIR HUGO_DIR=$HUGO_DIR"
} | tee "$run_dir/setup.txt" | sed 's/^/site.sh: /'

gleaner_full() {  # gleaner_full N: store the N posts, then time full builds
  local n=$1 dir="$work/n$1" stored
  rm -rf "$dir"
  say "N=$n: $(python3 "$BENCH/site/posts_to_feeds.py" "$posts" "$dir"), storing them (untimed)"
  (cd "$dir" && $gleaner run --all --no-build -q --config gleaner.yml)
  # A first build makes the launcher's class data archive, as a user's first run does.
  (cd "$dir" && $gleaner build -q --config gleaner.yml >/dev/null)
  stored=$(python3 - "$dir/gleaner.db" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM entry WHERE status <> 'skipped'").fetchone()[0])
PY
)
  if [ "$stored" != "$n" ]; then
    say "N=$n: the store holds $stored items, not $n: the comparison would be unfair, stopping" >&2
    exit 1
  fi

  say "N=$n: gleaner build --full ($runs runs)"
  measure --label "gleaner-full-N$n" --runs "$runs" --cwd "$dir" --pre 'rm -rf site/public; sync' -- \
    "$gleaner build --full --config gleaner.yml" || failed+=("gleaner-full-N$n")
  say "  $(tail -1 "$run_dir/logs/gleaner-full-N$n.run1.out"): $(find "$dir/site/public" -name '*.html' | wc -l) html files, $(du -sh "$dir/site/public" | cut -f1)"
  measure --label "gleaner-full-warm-N$n" --runs "$runs" --cwd "$dir" -- \
    "$gleaner build --full --config gleaner.yml" || failed+=("gleaner-full-warm-N$n")
}

gleaner_incremental() {  # gleaner_incremental N: time incremental builds over the store of N posts
  local n=$1 dir="$work/n$1" f
  say "N=$n: gleaner build after 50 new items ($runs runs, each with its own 50)"
  echo 0 > "$work/batch"
  measure --label "gleaner-incremental-50-N$n" --runs "$runs" --cwd "$dir" \
    --pre "b=\$((\$(cat '$work/batch') + 1)); echo \$b > '$work/batch'; python3 '$BENCH/site/add_items.py' . \$b && $gleaner run --all --no-build -q --config gleaner.yml" -- \
    "$gleaner build --config gleaner.yml" || failed+=("gleaner-incremental-50-N$n")
  for f in "$run_dir/logs/gleaner-incremental-50-N$n".run*.out; do say "  $(tail -1 "$f")"; done
  say "N=$n: gleaner build with nothing new ($runs runs)"
  measure --label "gleaner-incremental-none-N$n" --runs "$runs" --cwd "$dir" -- \
    "$gleaner build --config gleaner.yml" || failed+=("gleaner-incremental-none-N$n")
  say "  $(tail -1 "$run_dir/logs/gleaner-incremental-none-N$n.run1.out")"
}

# --- per N ----------------------------------------------------------------------------------------
for n in "${sizes[@]}"; do
  posts="/tmp/posts-rfc1123-$n"   # the anchors' cache of the same posts: the same path, the same seed
  if [ "$(find "$posts" -maxdepth 1 -name '*.md' ! -name seed-post.md 2>/dev/null | wc -l)" != "$n" ]; then
    rm -rf "$posts"
    python3 "$SHARED/bench/gen_posts.py" "$posts" "$n" --seed 42 --seed-post
  fi
  if $gleaner_on; then gleaner_full "$n"; fi
  if $hugo; then
    say "N=$n: hugo ($runs runs)"
    anchor_run hugo "$n" || failed+=("hugo-N$n")
    grep -E '^(hugo|  hugo N)' "$run_dir/logs/hugo-N$n.log" | sed 's/^ */  /' || true
  fi
  if $hexo && ! { $quick && [ "$n" -gt 1000 ]; }; then
    say "N=$n: hexo ($runs runs)"
    anchor_run hexo "$n" || failed+=("hexo-N$n")
    grep -E '^(hexo|  hexo N)' "$run_dir/logs/hexo-N$n.log" | sed 's/^ */  /' || true
  fi

  if $gleaner_on && [ "$n" = "$largest" ]; then gleaner_incremental "$n"; fi
done
if $gleaner_on; then
  measure --label "gleaner-start" --runs "$runs" -- "$gleaner --version" >/dev/null 2>&1 || true
fi
mv "$results" "$run_dir/results.jsonl"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$run_dir/setup.txt" | sed 's/^/site.sh: /'
say "every tool waits for the CPU when the load average is above $(nproc): compare CPU times too, or run again on an idle machine"

# --- the table ------------------------------------------------------------------------------------
set +e
python3 - "$run_dir" "$quick" "$largest" "${failed[*]:-}" <<'PY' | tee "$run_dir/table.md"
import json, os, re, sys
run_dir, quick, largest, failed = sys.argv[1], sys.argv[2] == "true", int(sys.argv[3]), sys.argv[4].split()
rows = {}
for line in open(os.path.join(run_dir, "results.jsonl"), encoding="utf-8"):
    r = json.loads(line)
    if r.get("summary"):
        rows[r["label"]] = r

def files_written(label):
    """'W written' of the build's own line, per run."""
    out = []
    for i in range(1, 100):
        p = os.path.join(run_dir, "logs", "%s.run%d.out" % (label, i))
        if not os.path.exists(p):
            break
        m = re.search(r"\((\d+) written, (\d+) unchanged, (\d+) removed\)", open(p, encoding="utf-8").read())
        out.append(m.group(1) if m else "?")
    return out

def wall(r):
    if r["n_runs"] == 1:
        return "%.2f s" % r["wall_median_s"]
    return "%.2f s (%.2f-%.2f)" % (r["wall_median_s"], r["wall_min_s"], r["wall_max_s"])

def cpu(r):
    return "%.2f s" % (r["user_median_s"] + r["sys_median_s"])

print()
print("| N | tool | wall, median (min-max) | CPU user+sys | peak RSS (max) | gleaner / tool, wall |")
print("|---|---|---|---|---|---|")
sizes = sorted({int(m.group(1)) for m in (re.search(r"-N(\d+)$", k) for k in rows) if m})
for n in sizes:
    g = rows.get("gleaner-full-N%d" % n)
    listing = [("gleaner build --full", "gleaner-full-N%d" % n),
               ("gleaner build --full, over its output", "gleaner-full-warm-N%d" % n),
               ("hugo", "hugo-rfc1123-N%d" % n), ("hexo", "hexo-N%d" % n),
               ("gleaner build, 50 new items", "gleaner-incremental-50-N%d" % n),
               ("gleaner build, nothing new", "gleaner-incremental-none-N%d" % n)]
    for tool, label in listing:
        r = rows.get(label)
        if not r:
            continue
        ratio = ""
        if tool in ("hugo", "hexo") and g:
            q = g["wall_median_s"] / r["wall_median_s"]
            ratio = "%.3f (1/%.1f)" % (q, 1 / q)
        note = ""
        if "incremental" in label or label.startswith("gleaner-full-N"):
            w = files_written(label)
            if w:
                note = " [files written: %s]" % ", ".join(w)
        print("| %s | %s%s | %s | %s | %.0f MB | %s |" % (format(n, ","), tool, note, wall(r), cpu(r), r["rss_max_mb"], ratio))
s = rows.get("gleaner-start")
if s:
    print("| | gleaner --version (JVM start-up) | %s | %s | %.0f MB | |" % (wall(s), cpu(s), s["rss_max_mb"]))

print()
goals = []
def goal(text, ok):
    goals.append(ok)
    print("goal: %-70s %s" % (text, "PASS" if ok else "FAIL"))
N = 10000
g, hugo, hexo = rows.get("gleaner-full-N%d" % N), rows.get("hugo-rfc1123-N%d" % N), rows.get("hexo-N%d" % N)
inc = rows.get("gleaner-incremental-50-N%d" % N)
if quick or not g:
    print("goals: not measured (they are for N = 10,000; run without --quick)")
else:
    if hugo:
        q = g["wall_median_s"] / hugo["wall_median_s"]
        goal("full build of 10,000 <= 1/2 of Hugo: %.2f s / %.2f s = %.3f" % (g["wall_median_s"], hugo["wall_median_s"], q), q <= 0.5)
    else:
        print("goal: full build of 10,000 <= 1/2 of Hugo: no Hugo figure")
    if hexo:
        q = g["wall_median_s"] / hexo["wall_median_s"]
        goal("full build of 10,000 <= 1/20 of Hexo: %.2f s / %.2f s = %.3f" % (g["wall_median_s"], hexo["wall_median_s"], q), q <= 0.05)
    else:
        print("goal: full build of 10,000 <= 1/20 of Hexo: no Hexo figure")
    peak = max(rows[k]["rss_max_mb"] for k in rows if k.startswith("gleaner-") and k.endswith("-N%d" % N))
    goal("peak RSS of the Gleaner builds of 10,000 < 1 GB: %.0f MB" % peak, peak < 1024)
    if inc:
        goal("incremental build of 50 new items < 2 s: median %.2f s (slowest %.2f s)" % (inc["wall_median_s"], inc["wall_max_s"]),
             inc["wall_median_s"] < 2)
    else:
        print("goal: incremental build of 50 new items < 2 s: no figure")
if failed:
    print("failed: %s (see the logs)" % " ".join(failed))
sys.exit(1 if failed else (2 if False in goals else 0))
PY
verdict=${PIPESTATUS[0]}
set -e
say "raw figures: $run_dir/results.jsonl (one line per run, a summary line per measurement); table: $run_dir/table.md; logs: $run_dir/logs/"
[ "$verdict" = 1 ] && exit 1
[ "$verdict" = 2 ] && [ "${STRICT:-0}" = 1 ] && exit 1
exit 0
