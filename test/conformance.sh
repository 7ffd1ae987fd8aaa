#!/usr/bin/env bash
# Scores `gleaner parse --json` against the feedparser-derived conformance suite in the shared
# folder, prints its table, and fails when the score falls below what the project holds itself to:
# 97% of the counted cases, and every case of the sanitizer's safety classes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shared="${GLEANER_SHARED:-../shared}"
suite="$shared/conformance"
if [ ! -f "$suite/run_conformance.py" ]; then
  echo "conformance: skipped, $suite is absent (set GLEANER_SHARED to the shared folder)"
  exit 0
fi
jar="${GLEANER_JAR:-target/gleaner.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# The runner exits non-zero when any case fails; the thresholds below decide instead.
python3 "$suite/run_conformance.py" "$suite/feedparser/cases.json" "$suite/feedparser/corpus" \
  "java -jar $jar parse --json {files}" --by-folder --show-failures 20 | tee "$out" || true

python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
failures = []
last = re.findall(r"^(\d+) passed, (\d+) failed$", text, re.M)
if not last:
    sys.exit("conformance: no closing line from the runner")
passed, failed = map(int, last[-1])
rate = passed / (passed + failed)
if rate < 0.97:
    failures.append(f"{rate:.1%} of counted cases pass, below 97%")
for cls in ("sanitize", "sanitize_removed", "sanitize_text"):
    row = re.search(rf"^{cls}\s+(\d+)\s+(\d+)\s", text, re.M)
    if not row or row.group(1) != row.group(2):
        failures.append(f"class {cls} is not at 100%")
if failures:
    sys.exit("conformance: " + "; ".join(failures))
print(f"conformance: {rate:.1%} of counted cases, and all of sanitize, sanitize_removed, sanitize_text")
PY
