#!/usr/bin/env bash
# Scores `gleaner parse --json` against the feedparser-derived conformance suite in the shared
# folder, prints its table, and fails when the score falls below what the project holds itself to:
# 97% of the counted cases, and every case of the sanitizer's safety classes. Cases where we differ
# from feedparser by policy (test/conformance-policy.tsv) are reported apart and not counted.
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
report=$(mktemp)
trap 'rm -f "$out" "$report"' EXIT
# The runner exits non-zero when any case fails; the thresholds below decide instead.
python3 "$suite/run_conformance.py" "$suite/feedparser/cases.json" "$suite/feedparser/corpus" \
  "java -jar $jar parse --json {files}" --by-folder --show-failures 20 --report "$report" | tee "$out" || true

python3 - "$out" "$report" test/conformance-policy.tsv <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
if not re.findall(r"^(\d+) passed, (\d+) failed$", text, re.M):
    sys.exit("conformance: no closing line from the runner")
policies = []
for line in open(sys.argv[3], encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        file_pattern, path_pattern, why = line.rstrip("\n").split("\t")
        policies.append((re.compile(file_pattern), re.compile(path_pattern), why))

def policy(case):
    for file_pattern, path_pattern, why in policies:
        if file_pattern.search(case["file"]) and path_pattern.search(case.get("path") or ""):
            return why
    return None

cases = json.load(open(sys.argv[2], encoding="utf-8"))
counted = [c for c in cases if not c.get("soft") and policy(c) is None]
apart = [c for c in cases if not c.get("soft") and policy(c) is not None]
passed = sum(c["passed"] for c in counted)
rate = passed / len(counted)
print()
print(f"differs by policy: {len(apart)} cases, reported apart ({sum(not c['passed'] for c in apart)} differ)")
for c in apart:
    print(f"  {'same' if c['passed'] else 'differs'}  {c['file']} {c['path']}: {policy(c)}")
print(f"counted: {passed} passed, {len(counted) - passed} failed of {len(counted)} ({rate:.1%})")
failures = []
if rate < 0.97:
    failures.append(f"{rate:.1%} of counted cases pass, below 97%")
for cls in ("sanitize", "sanitize_removed", "sanitize_text"):
    if any(c["class"] == cls and not c["passed"] for c in cases):
        failures.append(f"class {cls} is not at 100%")
if failures:
    sys.exit("conformance: " + "; ".join(failures))
print(f"conformance: {rate:.1%} of counted cases, and all of sanitize, sanitize_removed, sanitize_text;"
      f" {len(apart)} differ by policy")
PY
