#!/usr/bin/env bash
# Site build benchmark: `gleaner build` beside Hugo and Hexo on the same generated posts, in one run.
#
#   bench/site.sh [--quick]
#
# For each N (1,000 and 10,000; --quick or CI=true: 1,000 with one run and no Hexo), the posts that
# ../shared/bench/gen_posts.py writes for the Hexo and Hugo anchors (/tmp/posts-rfc1123-N, seed 42)
# are turned back into the feeds they came from (bench/site/posts_to_feeds.py) and stored by
# `gleaner run --all --no-build` (untimed). Then, each timed by ../shared/bench/measure.py (wall time
# and peak RSS, median of RUNS):
#   gleaner  `gleaner build --full` into an empty folder (pre-step: rm -rf site/public; sync)
#   hugo     ../shared/bench/run_hugo.sh time N  (`hugo --quiet`, Debian's Hugo)
#   hexo     ../shared/bench/run_hexo.sh time N  (`hexo clean && hexo generate`, Hexo 8 from npm)
# and at N = 10,000 two incremental builds: `gleaner build` after 50 new items were stored (the
# pre-step adds them to five feeds and runs `gleaner run --all --no-build`), and after nothing new.
#
# Environment: GLEANER_JAR (default target/gleaner.jar, built when absent), GLEANER_JAVA_OPTS
# (default the launcher's: -XX:+UseSerialGC -XX:TieredStopAtLevel=1), RUNS (default 3), WORK (a
# scratch folder; default a new one under /tmp, kept), HEXO_DIR / HUGO_DIR (passed to the anchors).
# Goals: full build of 10,000 posts <= 1/2 of Hugo's wall time and <= 1/20 of Hexo's, peak RSS
# < 1 GB; incremental build of 50 new items < 2 s wall, JVM start included.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
shared="${GLEANER_SHARED:-$root/../shared}"
if [ ! -f "$shared/bench/gen_posts.py" ]; then
  echo "site: skipped: the anchor scripts are not in $shared/bench"
  exit 0
fi
quick=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "site: unknown argument $arg" >&2; exit 2 ;;
  esac
done
[ "${CI:-}" = true ] && quick=true
if $quick; then ns=(1000); runs=${RUNS:-1}; else ns=(1000 10000); runs=${RUNS:-3}; fi

jar="${GLEANER_JAR:-target/gleaner.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
java_opts="${GLEANER_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/gleaner-site-bench.XXXXXX")}"
mkdir -p "$work"
# The anchors run from a copy, so that measure.py's results land in the scratch folder.
rm -rf "$work/anchor"; cp -r "$shared/bench" "$work/anchor"
results="$work/results.jsonl"; : > "$results"
measure() { python3 "$work/anchor/measure.py" --out "$results" --log "$work/logs" "$@"; }
gleaner() { java $java_opts -jar "$jar" "$@"; }

echo "site: java $(java -version 2>&1 | head -1 | cut -d'"' -f2) ($java_opts), $(nproc) cores, runs $runs, work $work"
for n in "${ns[@]}"; do
  posts="/tmp/posts-rfc1123-$n"
  [ -d "$posts" ] || python3 "$shared/bench/gen_posts.py" "$posts" "$n" --seed 42 --seed-post >/dev/null
  dir="$work/n$n"; rm -rf "$dir"
  python3 bench/site/posts_to_feeds.py "$posts" "$dir" | sed "s/^/site: N=$n: /"
  (cd "$dir" && gleaner run --all --no-build -q --config gleaner.yml)
  stored=$(python3 -c "import sqlite3; print(sqlite3.connect('$dir/gleaner.db').execute(\"SELECT COUNT(*) FROM entry WHERE status = 'written'\").fetchone()[0])")
  [ "$stored" -eq "$n" ] || { echo "site: N=$n: the store holds $stored items, expected $n" >&2; exit 1; }

  measure --label "gleaner-N$n" --runs "$runs" --cwd "$dir" --pre 'rm -rf site/public; sync' -- \
    "java $java_opts -jar $jar build --full -q --config gleaner.yml"
  echo "  gleaner N=$n: $(find "$dir/site/public" -name '*.html' | wc -l) html files, $(du -sh "$dir/site/public" | cut -f1)"
  RUNS=$runs bash "$work/anchor/run_hugo.sh" time "$n" 2>&1 | grep -v '^  hugo.* run [0-9]' || true
  if $quick && [ "$n" -gt 1000 ]; then continue; fi
  RUNS=$runs bash "$work/anchor/run_hexo.sh" time "$n" 2>&1 | grep -v '^  hexo.* run [0-9]' || true

  if [ "$n" -eq 10000 ]; then
    # Each timed run gets its own 50 new items, stored by an untimed run, so every build does real work.
    echo 0 > "$work/batch"
    measure --label "gleaner-incremental-50-N$n" --runs "$runs" --cwd "$dir" \
      --pre "b=\$((\$(cat $work/batch) + 1)); echo \$b > $work/batch; python3 $root/bench/site/add_items.py . \$b && java $java_opts -jar $jar run --all --no-build -q --config gleaner.yml" -- \
      "java $java_opts -jar $jar build --config gleaner.yml"
    measure --label "gleaner-incremental-none-N$n" --runs "$runs" --cwd "$dir" -- \
      "java $java_opts -jar $jar build --config gleaner.yml"
    grep -h '^site:' "$work/logs/gleaner-incremental-50-N$n".run*.out | sed 's/^/  incremental: /'
  fi
done

# The table: medians, the ratios against the anchors of the same run, and the goals.
python3 - "$results" "$work/anchor/results/results.jsonl" "$quick" <<'PY'
import json, os, sys
rows = {}
for path in sys.argv[1:3]:
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if r.get("summary"):
                rows[r["label"]] = r
quick = sys.argv[3] == "true"
def get(label):
    return rows.get(label)
print()
print("| N | tool | wall (median) | peak RSS | gleaner / tool |")
print("|---|---|---|---|---|")
goals = []
for n in (1000, 10000):
    g = get("gleaner-N%d" % n)
    if not g:
        continue
    for tool, label in (("gleaner build --full", "gleaner-N%d" % n), ("hugo", "hugo-rfc1123-N%d" % n),
                        ("hexo", "hexo-N%d" % n)):
        r = get(label)
        if not r:
            continue
        ratio = "" if tool.startswith("gleaner") else "%.3f (1/%.1f)" % (g["wall_median_s"] / r["wall_median_s"],
                                                                       r["wall_median_s"] / g["wall_median_s"])
        print("| %d | %s | %.2f s | %.0f MB | %s |" % (n, tool, r["wall_median_s"], r["rss_median_mb"], ratio))
    for label, name in (("gleaner-incremental-50-N%d" % n, "gleaner build, 50 new items"),
                        ("gleaner-incremental-none-N%d" % n, "gleaner build, nothing new")):
        r = get(label)
        if r:
            print("| %d | %s | %.2f s | %.0f MB | |" % (n, name, r["wall_median_s"], r["rss_median_mb"]))
g, hugo, hexo = get("gleaner-N10000"), get("hugo-rfc1123-N10000"), get("hexo-N10000")
inc = get("gleaner-incremental-50-N10000")
print()
def goal(text, ok):
    print("goal: %s: %s" % (text, "PASS" if ok else "FAIL"))
    goals.append(ok)
if g and hugo:
    goal("full build of 10,000 <= 1/2 of Hugo (%.2f s vs %.2f s)" % (g["wall_median_s"], hugo["wall_median_s"]),
         g["wall_median_s"] <= hugo["wall_median_s"] / 2)
if g and hexo:
    goal("full build of 10,000 <= 1/20 of Hexo (%.2f s vs %.2f s)" % (g["wall_median_s"], hexo["wall_median_s"]),
         g["wall_median_s"] <= hexo["wall_median_s"] / 20)
if g:
    goal("peak RSS of the full build < 1 GB (%.0f MB)" % g["rss_max_mb"], g["rss_max_mb"] < 1024)
if inc:
    goal("incremental build of 50 new items < 2 s (%.2f s, slowest %.2f s)" % (inc["wall_median_s"], inc["wall_max_s"]),
         inc["wall_median_s"] < 2)
if quick:
    print("(quick run: N = 1,000 only; the goals are measured by the full run)")
sys.exit(0)
PY
echo "site: raw figures in $results and $work/anchor/results/results.jsonl"
