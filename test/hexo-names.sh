#!/usr/bin/env bash
# Hostile names and front matter, end to end: a generated corpus of titles, authors and category names
# (quotes of both kinds, `---`, `: `, `#`, `{% raw %}`, `{{ }}`, `%`, line breaks, RTL marks, NUL and other
# C0/C1 controls, lone surrogates, 2,000-character titles, Windows reserved names, `..`, `.` and `/`) goes
# through the real command and the real Hexo, and every post must land inside _posts, read back as YAML to
# the intended values, and be built by Hexo 8 with the title and date the store holds.
#
#   test/hexo-names.sh [--quick]
#
# Environment: GLEANER_JAR (default target/gleaner.jar, built when absent), NAMES_SEED (default 20220521;
# the corpus and the sample follow from it), SAMPLE (default 50: posts whose Hexo page is read, besides two
# per class of hostile text), HEXO_DIR (a folder to install Hexo in and keep, so that a second run skips
# `npm ci`; default: a temporary folder), KEEP=1 (keep the temporary folder; it is always kept on a fault).
# --quick or CI=true: 16 feeds (about 160 items) instead of 48 (about 650).
#
# Steps:
#   1. test/hostile_names.py gen writes a workspace: gleaner.yml whose category tree has hostile names at
#      every level (explicit YAML keys, double-quoted with escapes, so any text can be a name) and hostile
#      authors, and local feeds (JSON Feed for the text XML cannot carry: NUL, C0 controls, lone
#      surrogates, U+FFFE; RSS 2.0 and Atom 1.0 for the rest) with dates in a dozen formats; backlog is
#      large enough that every item is published;
#   2. `gleaner run --all --config WS/gleaner.yml` must exit 0 and print no "post not written";
#   3. FrontMatterDump (src/test/java/dev/gleaner/publish/hexo/, run with the jar on the class path) reads
#      every post's front matter with SnakeYAML;
#   4. Hexo 8 is installed from the npm registry with ../shared/bench/hexo's package.json, package-lock.json
#      and _config.yml (`npm ci`, as ../shared/bench/run_hexo.sh does); hexo-front-matter reads every
#      post's front matter (js-yaml, YAML 1.2, exactly as Hexo does), then `hexo clean && hexo generate`
#      builds the posts (TZ=UTC);
#   5. hostile_names.py check: no file outside _posts (real paths) but the store, the configuration, the
#      feeds and the HTML site; one post per entry written in the store and every item written; the
#      post's title is the feed's title under the rules of post-format.md, the stored date is the feed's;
#      each post's layout, and its front matter as SnakeYAML and js-yaml read it: the seven keys in order,
#      title = the stored title under the rules, categories = the levels of the path, author = the
#      configured author (else the site level), date = the stored date; Hexo's log has no ERROR, WARN,
#      FATAL or YAMLException and it exits 0; db.json holds every post with that title, date, author and
#      category chain; one post page per post; and for the sample, the page's <title>, <h1> and
#      <time datetime> show that title and date (no <h1> where a category name holds '<': Hexo's
#      list_categories writes names as raw HTML, so "<!--" hides the rest of the page).
# Without ../shared, step 4 and the Hexo checks are skipped with a message; without node and npm, or with
# a Node.js older than Hexo 8's 20.19, they are a fault. Category names stay within 250 bytes: Hexo makes
# a folder public/categories/<name>/ of each, and a longer one fails with ENAMETOOLONG.
# Prints up to 100 faults (all in faults.txt of the kept folder), the faults by kind, then
# "hexo-names: N posts, M categories, K sampled, F faults" (K: sampled pages read); exits 1 on a fault.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

quick=false
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    -h|--help) sed -n '2,43p' "$0"; exit 0 ;;
    *) echo "hexo-names: unknown argument $arg" >&2; exit 2 ;;
  esac
done
[ "${CI:-}" = true ] && quick=true
seed=${NAMES_SEED:-20220521}
sample=${SAMPLE:-50}

jar="${GLEANER_JAR:-target/gleaner.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
shared="$root/../shared"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-hexo-names.XXXXXX")
keep=false
cleanup() {
  local status=$?
  if $keep || [ "$status" -ne 0 ] || [ "${KEEP:-}" = 1 ]; then
    echo "hexo-names: files kept in $tmp"
  else
    rm -rf "$tmp"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$(date +%s)
ws="$tmp/sandbox/ws"  # alone in sandbox/, so anything written beside it shows
mkdir -p "$ws"
python3 test/hostile_names.py gen --dir "$ws" --expected "$tmp/expected.json" --seed "$seed" \
  $($quick && echo --quick) | sed "s|$tmp/||"

# 2. The real command.
status=0
step=$(date +%s)
java -jar "$jar" run --all --config "$ws/gleaner.yml" >"$tmp/run.out" 2>"$tmp/run.err" || status=$?
echo "hexo-names: gleaner run: exit $status in $(( $(date +%s) - step )) s"
posts="$ws/site/source/_posts"
[ -d "$posts" ] || mkdir -p "$posts"  # so that the checks can say what is missing
run_faults=0
if [ "$status" -ne 0 ]; then
  echo "FAULT gleaner run exited $status:"; tail -20 "$tmp/run.err" | sed 's/^/    /'
  run_faults=$((run_faults + 1))
fi
if grep -q "post not written" "$tmp/run.err"; then
  echo "FAULT gleaner could not write $(grep -c "post not written" "$tmp/run.err") post(s):"
  grep "post not written" "$tmp/run.err" | head -20 | sed 's/^/    /'
  run_faults=$((run_faults + 1))
fi
grep -E '^ *(items seen|posts written)' "$tmp/run.out" | sed 's/^ */hexo-names: gleaner: /' || true

# 3. SnakeYAML, from the jar.
java -cp "$jar" src/test/java/dev/gleaner/publish/hexo/FrontMatterDump.java "$posts" "$tmp/snakeyaml.jsonl" | sed 's/^/hexo-names: /'

# 4. The real Hexo.
hexo_args=()
if [ ! -d "$shared/bench/hexo" ]; then
  echo "hexo-names: ../shared/bench/hexo (beside the checkout) is absent: Hexo is not installed and its checks are skipped"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "FAULT node and npm are needed for the Hexo checks: Node.js 20.19 or later (Hexo 8's engines; Debian 12's own nodejs is 18, NodeSource's nodejs 20 or 22 bundles npm)"
  run_faults=$((run_faults + 1))
elif [ "$(node -p 'const [a, b] = process.versions.node.split(".").map(Number); a > 20 || (a === 20 && b >= 19)')" != true ]; then
  echo "FAULT Hexo 8 needs Node.js 20.19 or later, this is $(node --version) (Debian 12's own nodejs is 18: use NodeSource's)"
  run_faults=$((run_faults + 1))
else
  hexo="${HEXO_DIR:-$tmp/hexo}"
  mkdir -p "$hexo"
  hexo=$(cd "$hexo" && pwd)
  cp "$shared/bench/hexo/package.json" "$shared/bench/hexo/_config.yml" "$shared/bench/hexo/package-lock.json" "$hexo/"
  npm_started=$(date +%s)
  if [ ! -x "$hexo/node_modules/.bin/hexo" ]; then
    (cd "$hexo" && npm ci --no-audit --no-fund --loglevel=error) >"$tmp/npm.log" 2>&1 \
      || { echo "hexo-names: npm ci failed:"; tail -20 "$tmp/npm.log"; keep=true; exit 1; }
  fi
  echo "hexo-names: node $(node --version), npm $(npm --version), hexo $(cd "$hexo" && node -p "require('hexo/package.json').version") (installed in $(( $(date +%s) - npm_started )) s)"
  mkdir -p "$hexo/scaffolds"
  printf -- '---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n' > "$hexo/scaffolds/post.md"
  printf -- '---\ntitle: {{ title }}\n---\n' > "$hexo/scaffolds/draft.md"
  printf -- '---\ntitle: {{ title }}\ndate: {{ date }}\n---\n' > "$hexo/scaffolds/page.md"
  rm -rf "$hexo/source" "$hexo/public" "$hexo/db.json"
  mkdir -p "$hexo/source/_posts"
  cp -r "$posts/." "$hexo/source/_posts/"
  # What Hexo's own front matter reader (hexo-front-matter, on js-yaml) reads in every post.
  cat > "$hexo/front-matter-dump.js" <<'JS'
// node front-matter-dump.js POSTS_DIR OUT: each post's front matter as Hexo reads it, one JSON line per post,
// every character outside ASCII escaped (lone surrogates included).
const fs = require('fs');
const path = require('path');
const { parse } = require('hexo-front-matter');
const [postsDir, outFile] = process.argv.slice(2);
const ascii = s => s.replace(/[\u007f-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const lines = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      walk(p);
    } else if (e.name.endsWith('.md')) {
      const rel = path.relative(postsDir, p).split(path.sep).join('/');
      let line;
      try {
        const data = parse(fs.readFileSync(p, 'utf8'));
        delete data._content;
        line = { path: rel, fm: data };
      } catch (err) {
        line = { path: rel, error: String((err && err.message) || err) };
      }
      lines.push(ascii(JSON.stringify(line)));
    }
  }
})(postsDir);
fs.writeFileSync(outFile, lines.join('\n') + '\n');
console.log('hexo-front-matter: ' + lines.length + ' posts read');
JS
  (cd "$hexo" && node front-matter-dump.js source/_posts "$tmp/js-yaml.jsonl") | sed 's/^/hexo-names: /'
  hexo_status=0
  step=$(date +%s)
  (cd "$hexo" && export TZ=UTC && ./node_modules/.bin/hexo clean && ./node_modules/.bin/hexo generate) \
    >"$tmp/hexo.log" 2>&1 || hexo_status=$?
  echo "hexo-names: hexo generate: exit $hexo_status, $(grep -c 'Generated:' "$tmp/hexo.log" || true) files in $(( $(date +%s) - step )) s"
  hexo_args=(--jsyaml "$tmp/js-yaml.jsonl" --hexo "$hexo" --hexo-log "$tmp/hexo.log" --hexo-status "$hexo_status")
fi

# 5. The checks.
status=0
python3 test/hostile_names.py check --dir "$ws" --expected "$tmp/expected.json" --snake "$tmp/snakeyaml.jsonl" \
  "${hexo_args[@]}" --seed "$seed" --sample "$sample" --faults "$tmp/faults.txt" --prior-faults "$run_faults" \
  || status=$?
echo "hexo-names: $(( $(date +%s) - started )) s, seed $seed$($quick && echo ', quick')"
if [ "$status" -ne 0 ] || [ "$run_faults" -ne 0 ]; then
  keep=true
  exit 1
fi
