#!/usr/bin/env bash
# Parse throughput of Gleaner against stock ROME 2.1.0, in one JMH run (see bench/README.md).
#
#   bench/parse.sh            from a fresh checkout: install gleaner, generate the corpus, build and
#                             run the benchmarks (about 4 minutes on 2 cores), print items/s and ratios
#
# Environment (all optional):
#   FILES=200                 documents in the corpus (50 RSSHub-style items each)
#   FORKS=2 WARMUP=5 MEASURE=5 ITERATION=2s
#                             JMH forks, warm-up and measured iterations per fork, iteration length
#   GLEANER_BUILD_DIR=/tmp/build-bench
#                             build folder of the root project, so that other builds of the checkout
#                             are left alone
#   GLEANER_SHARED=../shared  the shared folder beside the checkout (for bench/gen_feeds.py)
#   STRICT=1                  exit 1 when a goal is not met (default: report only)
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
SHARED="${GLEANER_SHARED:-$ROOT/../shared}"
BUILD_DIR="${GLEANER_BUILD_DIR:-/tmp/build-bench}"
FILES="${FILES:-200}"
ITEMS=50 # fixed: ParseBenchmark.ITEMS_PER_DOCUMENT
FORKS="${FORKS:-2}"
WARMUP="${WARMUP:-5}"
MEASURE="${MEASURE:-5}"
ITERATION="${ITERATION:-2s}"

GENERATOR="$SHARED/bench/gen_feeds.py"
[ -f "$GENERATOR" ] || { echo "parse.sh: $GENERATOR not found (set GLEANER_SHARED=DIR)" >&2; exit 2; }

FEEDS="$(mktemp -d "${TMPDIR:-/tmp}/gleaner-bench-feeds.XXXXXX")"
BUILD_LOG="$(mktemp "${TMPDIR:-/tmp}/gleaner-bench-build.XXXXXX")"
trap 'rm -rf "$FEEDS" "$BUILD_LOG"' EXIT
RESULTS="$BENCH/target/jmh-result.json"
LOG="$BENCH/target/jmh.log"
started=$(date +%s)

quietly() {  # runs a build step, showing its output only when it fails
  "$@" > "$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG" >&2; echo "parse.sh: failed: $*" >&2; exit 1; }
}

echo "== 1/4 installing gleaner into the local Maven repository (build folder $BUILD_DIR)"
quietly mvn -f "$ROOT/pom.xml" -q -B -Dstyle.color=never -DskipTests -Dgleaner.buildDir="$BUILD_DIR" install

echo "== 2/4 generating $FILES x $ITEMS items into $FEEDS"
PYTHONDONTWRITEBYTECODE=1 python3 "$GENERATOR" "$FEEDS" --files "$FILES" --items "$ITEMS"

echo "== 3/4 building bench/target/benchmarks.jar"
quietly mvn -f "$BENCH/pom.xml" -q -B -Dstyle.color=never package

echo "== 4/4 running JMH: $FORKS forks x ($WARMUP warm-up + $MEASURE measured) x $ITERATION per benchmark; log in $LOG"
java -jar "$BENCH/target/benchmarks.jar" 'dev.gleaner.bench.ParseBenchmark' \
    -p feeds="$FEEDS" -f "$FORKS" -wi "$WARMUP" -w "$ITERATION" -i "$MEASURE" -r "$ITERATION" \
    -rf json -rff "$RESULTS" > "$LOG" 2>&1 || { tail -40 "$LOG" >&2; exit 1; }
sed -n '/^Benchmark /,$p' "$LOG"

echo
echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores, gleaner $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)'), $(( $(date +%s) - started )) s in all"
python3 - "$RESULTS" "${STRICT:-0}" <<'PY'
import json, sys

results = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
rows = [("(a)", "gleanerParse", "Gleaner parse"),
        ("(b)", "gleanerParseAndSanitize", "Gleaner parse + sanitize"),
        ("(c)", "romeParse", "ROME 2.1.0 SyndFeedInput")]
print()
print("%-4s %-26s %12s %10s" % ("", "", "items/s", "± 99.9%"))
for tag, name, label in rows:
    m = results[name]
    print("%-4s %-26s %12s %10s" % (tag, label, "{:,.0f}".format(m["score"]), "{:,.0f}".format(m["scoreError"])))
    if m["scoreError"] > 0.1 * m["score"]:
        print("     noisy: the error is %.0f%% of the score; rerun on an idle machine" % (100 * m["scoreError"] / m["score"]))
rome = results["romeParse"]["score"]
missed = 0
print()
for tag, name, goal in (("(a)", "gleanerParse", 8.0), ("(b)", "gleanerParseAndSanitize", 2.0)):
    ratio = results[name]["score"] / rome
    met = ratio >= goal
    missed += not met
    print("%s/(c) = %.2fx   goal >= %.0fx: %s" % (tag, ratio, goal, "met" if met else "NOT met"))
sys.exit(1 if missed and sys.argv[2] == "1" else 0)
PY
