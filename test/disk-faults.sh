#!/usr/bin/env bash
# Disk faults: `gleaner run` when posts cannot be written (the output folder not writable, a path
# blocked by a file, the disk full, a file size limit) and when the store itself hits a full disk or
# the size limit. In every case the run reports the error, keeps what it could not publish pending,
# and the next healthy run publishes exactly that.
#
#   test/disk-faults.sh [CASE...]        (default: every case; -l lists them; store-disk-full-SIZE
#                                         takes any SIZE of free space, like 640k or 3m)
#
# Environment: GLEANER_JAR (default target/gleaner.jar, built when absent), KEEP=1 (keep the temporary
# workspace; it is always kept when a fault is found).
#
# Each case works on its own folder of local feeds (paths relative to its gleaner.yml):
#   1. a healthy `run --all` over 9 items in 3 feeds;
#   2. the feeds gain items (some large, depending on the case) and a 4th subscription in a new
#      category appears; the fault is made;
#   3. `run --all` with the fault present must: exit 1; say on standard error, for each post it could
#      not write, the file and the system's reason (a store failure: the store and the reason); keep
#      those entries pending (store read with sqlite3); leave no partial post (every post file equals
#      the clean build's), no post without a written entry, no *.gleaner-tmp file; pass
#      PRAGMA integrity_check;
#   4. the fault is removed (what it left is checked then, so that reading the store needs no space);
#   5. a healthy run (plain `run`: the pending entries need no fetch; `run --all` after a store fault,
#      which may have recorded nothing for some feeds) must exit 0, write exactly the missing posts
#      (its "posts written" count, the new files, the files already there untouched) and leave the
#      store and the posts tree equal to a clean build's (same feeds, healthy disk).
#
# Faults that need privileges are made when the machine allows (root, or passwordless sudo): chmod is
# tried as an unprivileged user (root ignores it), chattr +i, read-only bind mounts and small tmpfs
# mounts. A case the machine cannot make is reported as skipped with the reason, never as passed.
# Prints one line per case, then "disk-faults: C cases, F faults" (skipped cases are not counted) and
# "P passed, F failed, S skipped"; exits 1 on a fault.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_cases=(read-only-chmod read-only-immutable read-only-mount blocked-by-file disk-full file-size-limit
  store-disk-full-0k store-disk-full-256k store-disk-full-1m store-disk-full-3m store-file-size-limit)
selected=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    -l|--list) printf '%s\n' "${all_cases[@]}"; exit 0 ;;
    -*) echo "disk-faults: unknown option $arg" >&2; exit 2 ;;
    *) if printf '%s\n' "${all_cases[@]}" | grep -qx -- "$arg" || [[ "$arg" =~ ^store-disk-full-[0-9]+[km]$ ]]; then
         selected+=("$arg")
       else echo "disk-faults: unknown case $arg (-l lists them)" >&2; exit 2; fi ;;
  esac
done
[ ${#selected[@]} -gt 0 ] || selected=("${all_cases[@]}")

jar="${GLEANER_JAR:-target/gleaner.jar}"
[ -f "$jar" ] || mvn -B -q -DskipTests package
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
started=$(date +%s)

ws=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-disk.XXXXXX")
# An unprivileged user runs the chmod case: it needs to reach the jar and its folder.
chmod 755 "$ws"
cp "$jar" "$ws/gleaner.jar"
chmod 644 "$ws/gleaner.jar"
jar="$ws/gleaner.jar"

faults=0
mounts=()      # mount points to undo, innermost last
immutable=()   # trees with chattr +i to undo
release() {  # undoes the mounts and chattr +i a case left
  local i
  for ((i = ${#immutable[@]} - 1; i >= 0; i--)); do $sudo chattr -R -i "${immutable[$i]}" 2>/dev/null || true; done
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do $sudo umount "${mounts[$i]}" 2>/dev/null || true; done
  immutable=(); mounts=()
}
cleanup() {
  local status=$?
  release
  if [ "$faults" -gt 0 ] || [ "${KEEP:-}" = 1 ]; then
    echo "disk-faults: workspace kept in $ws"
  else
    rm -rf "$ws" 2>/dev/null || $sudo rm -rf "$ws" || true
  fi
  exit "$status"
}
sudo=
trap cleanup EXIT
trap 'exit 130' INT TERM

# What the machine allows. sudo: the prefix for privileged commands ("" as root).
if [ "$(id -u)" -eq 0 ]; then
  privileged=true
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  privileged=true; sudo="sudo -n"
else
  privileged=false
fi

# The feeds and configuration of a case: python3 feeds.py DIR STAGE PROFILE LAYOUT.
# PROFILE says which of the items added in stage 2 are large and how; LAYOUT "disk" puts the store
# beside the output folder in DIR/disk (a mount point), "plain" keeps both in DIR.
cat > "$ws/feeds.py" <<'PY'
import os, sys
from email.utils import formatdate

# category, site, feed, file, items in stage 1, items added in stage 2
FEEDS = [
    ("社交媒体", "知乎", "热榜", "zhihu-hot", 3, 3),
    ("社交媒体", "知乎", "日报", "zhihu-daily", 3, 3),
    ("社交媒体", "微博", "热搜", "weibo", 3, 3),
    ("编程", "开源中国", "资讯", "oschina", 0, 4),
]
# name: (bytes of each large body, how many of the new items are large, what they hold)
# "braces": the store keeps the body as it came, the post escapes each { and } as &#123; and &#125;,
# so the post is six times its stored size and a file size limit can fall between the two.
PROFILES = {
    "small": (0, 0, "text"),
    "large": (200_000, 6, "text"),
    "braces": (1_500_000, 2, "braces"),
}


def body(feed, n, size, kind):
    if not size:
        return '<p>第 %d 条，来自 %s。</p><p><img src="https://img.example.org/%s/%d.png"></p>' % (n, feed, feed, n)
    if kind == "braces":
        return "<p>" + "{}" * (size // 2) + "</p>"
    line = "<p>%s 第 %d 条：一段长文，一再重复，直到够长。</p>\n" % (feed, n)
    return line * (size // len(line.encode()) + 1)


def main(out, stage, profile, layout):
    size, count, kind = PROFILES[profile]
    os.makedirs(os.path.join(out, "feeds"), exist_ok=True)
    # The large ones are taken in turn from each feed, so every feed has some.
    added = [(i, f[4] + r) for r in range(1, 5) for i, f in enumerate(FEEDS) if r <= f[5]]
    large = set(added[:count])
    tree = {}
    for i, (category, site, name, stem, first, more) in enumerate(FEEDS):
        total = first + (more if stage >= 2 else 0)
        if total == 0:
            continue
        items = []
        for n in range(total, 0, -1):
            when = formatdate(1650000000 + i * 86400 + n * 3600, usegmt=True)
            items.append("    <item><title>%s %s 第 %d 条</title><link>https://example.org/%s/%d</link>"
                         "<guid>https://example.org/%s/%d</guid><pubDate>%s</pubDate>\n"
                         "      <description><![CDATA[%s]]></description></item>"
                         % (site, name, n, stem, n, stem, n, when,
                            body(stem, n, size if (i, n) in large else 0, kind)))
        with open(os.path.join(out, "feeds", stem + ".xml"), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>%s</title>'
                    "<link>https://example.org/%s</link><description>%s</description>\n%s\n</channel></rss>\n"
                    % (name, stem, name, "\n".join(items)))
        tree.setdefault(category, {}).setdefault(site, []).append((name, stem))
    home = "disk/" if layout == "disk" else ""
    lines = ["site:", "  title: 测试", "  output: %ssite" % home, "storage: jdbc:sqlite:%sgleaner.db" % home,
             "subscriptions:"]
    for category, sites in tree.items():
        lines.append("  %s:" % category)
        for site, feeds in sites.items():
            lines.append("    %s:" % site)
            lines.extend("      %s: feeds/%s.xml" % (name, stem) for name, stem in feeds)
    with open(os.path.join(out, "gleaner.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
PY

# The checker: python3 check.py fault|healed|snapshot ... prints "ok: ..." or one "FAULT ..." line per
# fault. The store is read from a copy, so that reading it never writes beside it (a -shm file that
# the user of the runs could not open, or on a full disk).
cat > "$ws/check.py" <<'PY'
import argparse, json, os, re, shutil, sqlite3, sys, tempfile

TMP = ".gleaner-tmp"


def files(posts):
    out = {}
    for top, _, names in os.walk(posts):
        for n in names:
            if not n.endswith(TMP):
                p = os.path.join(top, n)
                with open(p, "rb") as f:
                    out[os.path.relpath(p, posts)] = f.read()
    return out


def temps(root):
    return sorted(os.path.relpath(os.path.join(t, n), root)
                  for t, _, ns in os.walk(root) for n in ns if n.endswith(TMP))


def store(db):
    """(rows {key: (status, post_path)}, integrity) from a copy of the store."""
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("", "-wal"):
            if os.path.exists(db + suffix):
                shutil.copyfile(db + suffix, os.path.join(tmp, "s.db" + suffix))
        c = sqlite3.connect(os.path.join(tmp, "s.db"))
        try:
            integrity = "; ".join(r[0] for r in c.execute("PRAGMA integrity_check"))
            rows = {k: (s, p) for k, s, p in c.execute("SELECT entry_key, status, post_path FROM entry")}
        finally:
            c.close()
    return rows, integrity


def reference(clean):
    rows, _ = store(os.path.join(clean, "gleaner.db"))
    return rows, files(os.path.join(clean, "site", "source", "_posts"))


def differs(got, want):
    if want.startswith(got):
        return "partial (%d of %d bytes)" % (len(got), len(want))
    return "differs from the clean build (%d bytes, clean %d)" % (len(got), len(want))


def check_fault(a, faults):
    ref_rows, ref_files = reference(a.clean)
    rows, integrity = store(a.db)
    tree = files(a.posts)
    err = open(a.err, encoding="utf-8", errors="replace").read().splitlines()
    out = open(a.out, encoding="utf-8", errors="replace").read()
    reason = re.compile(a.expect)
    if a.rc != 1:
        faults.append("the run exited %d, not 1" % a.rc)
    if integrity != "ok":
        faults.append("store integrity_check: %s" % integrity)
    for t in temps(a.root):
        faults.append("temp file left: %s" % t)
    pending = {k: p for k, (s, p) in rows.items() if s == "pending"}
    written = {k: p for k, (s, p) in rows.items() if s == "written"}
    for k, (s, p) in sorted(rows.items()):
        if k not in ref_rows:
            faults.append("store: entry %s (%s) is not in the clean build" % (k, s))
        elif s not in ("pending", "written") or ref_rows[k][0] != "written":
            faults.append("store: entry %s is %s, the clean build has it %s" % (k, s, ref_rows[k][0]))
    for k, p in sorted(written.items()):
        if p is None or p not in tree:
            faults.append("store: entry %s is marked written but its post %s is missing" % (k, p))
    owners = {p: k for k, (s, p) in rows.items() if p}
    for rel, b in sorted(tree.items()):
        if rel not in ref_files:
            faults.append("posts: %s is not in the clean build" % rel)
        elif b != ref_files[rel]:
            faults.append("posts: %s is %s" % (rel, differs(b, ref_files[rel])))
        if rel not in owners:
            faults.append("posts: %s belongs to no entry" % rel)
        elif owners[rel] in pending and not a.store_fault:
            faults.append("posts: %s exists but its entry is still pending" % rel)
    said = [line for line in err if line.startswith("gleaner: ")]
    if not a.store_fault:
        # Every post that failed: one line naming its file and the system's reason.
        if not pending:
            faults.append("no entry left pending: the fault stopped no post (stderr: %s)" % " | ".join(said[:3]))
        lines = [line for line in said if line.startswith("gleaner: post not written: ")]
        if len(lines) != len(pending):
            faults.append("%d 'post not written' lines for %d pending entries" % (len(lines), len(pending)))
        for line in lines:
            m = re.search(r"cannot write (%s/\S.*?\.md): (.*)$" % re.escape(os.path.abspath(a.posts)), line)
            if not m or not reason.search(m.group(2)):
                faults.append("stderr does not name the file and the reason /%s/: %s" % (a.expect, line))
        m = re.search(r"posts failed +(\d+)", out)
        if not m or int(m.group(1)) != len(pending):
            faults.append("summary says %s posts failed, the store has %d pending"
                          % (m.group(1) if m else "no", len(pending)))
    else:
        if not any(reason.search(line) for line in said):
            faults.append("no error line gives the reason /%s/: %s" % (a.expect, " | ".join(said[:4]) or "none"))
        for line in said:
            if line.startswith("gleaner: store ") and not reason.search(line):
                faults.append("store error without its reason: %s" % line)
    with open(a.state, "w") as f:
        json.dump({"pending": len(pending), "files": len(tree)}, f)
    return "exit %d, %d written, %d pending, %d posts; stderr: %s" % (
        a.rc, len(written), len(pending), len(tree), said_summary(said, reason))


def said_summary(said, reason):
    """The error lines by kind and reason: "13 post not written (Permission denied), ..."."""
    counts = {}
    for line in said:
        kind = next((k for k in ("post not written", "store", "site not built") if line.startswith("gleaner: " + k)),
                    "other")
        m = reason.search(line)
        key = "%s (%s)" % (kind, m.group(0) if m else line[-60:])
        counts[key] = counts.get(key, 0) + 1
    return ", ".join("%d %s" % (n, k) for k, n in counts.items()) or "nothing"


def snapshot(posts):
    out = {}
    for rel in files(posts):
        st = os.stat(os.path.join(posts, rel))
        out[rel] = [st.st_ino, st.st_mtime_ns, st.st_size]
    return out


def check_healed(a, faults):
    ref_rows, ref_files = reference(a.clean)
    rows, integrity = store(a.db)
    tree = files(a.posts)
    before = json.load(open(a.snapshot))
    out = open(a.out, encoding="utf-8", errors="replace").read()
    if a.rc != 0:
        err = open(a.err, encoding="utf-8", errors="replace").read().strip().splitlines()
        faults.append("the healthy run exited %d: %s" % (a.rc, " | ".join(err[-3:])))
    if integrity != "ok":
        faults.append("store integrity_check: %s" % integrity)
    for t in temps(a.root):
        faults.append("temp file left: %s" % t)
    if set(rows) != set(ref_rows):
        faults.append("store: %d entries missing, %d extra vs the clean build"
                      % (len(set(ref_rows) - set(rows)), len(set(rows) - set(ref_rows))))
    for k in sorted(set(rows) & set(ref_rows)):
        if rows[k] != ref_rows[k]:
            faults.append("store: entry %s is %s at %s, clean build %s at %s" % ((k,) + rows[k] + ref_rows[k]))
    for rel in sorted(set(ref_files) - set(tree)):
        faults.append("tree: %s missing" % rel)
    for rel in sorted(set(tree) - set(ref_files)):
        faults.append("tree: %s extra" % rel)
    for rel in sorted(set(tree) & set(ref_files)):
        if tree[rel] != ref_files[rel]:
            faults.append("tree: %s %s" % (rel, differs(tree[rel], ref_files[rel])))
    now = snapshot(a.posts)
    for rel, was in sorted(before.items()):
        if now.get(rel) != was:
            faults.append("posts: %s was rewritten or removed by the healthy run" % rel)
    added = len(set(now) - set(before))
    m = re.search(r"posts written +(\d+)", out)
    if not m or int(m.group(1)) != added:
        faults.append("summary says %s posts written, %d files appeared" % (m.group(1) if m else "no", added))
    state = json.load(open(a.state))
    if not a.store_fault and added != state["pending"]:
        faults.append("%d posts written, %d were pending" % (added, state["pending"]))
    return "exit %d, %d posts written, tree and store equal to the clean build's" % (a.rc, added)


p = argparse.ArgumentParser()
p.add_argument("mode", choices=["fault", "healed", "snapshot"])
p.add_argument("--clean")
p.add_argument("--root")
p.add_argument("--posts")
p.add_argument("--db")
p.add_argument("--out")
p.add_argument("--err")
p.add_argument("--rc", type=int)
p.add_argument("--expect", default=".")
p.add_argument("--state")
p.add_argument("--snapshot")
p.add_argument("--store-fault", action="store_true")
a = p.parse_args()
if a.mode == "snapshot":
    json.dump(snapshot(a.posts), sys.stdout)
    sys.exit(0)
faults = []
try:
    summary = (check_fault if a.mode == "fault" else check_healed)(a, faults)
except Exception as e:  # an unreadable store or tree is a fault of the run, not of this checker
    faults.append("cannot check: %s: %s" % (type(e).__name__, e))
for f in faults:
    print("FAULT " + f)
if not faults:
    print("ok: " + summary)
PY

# gleaner DIR NAME ARGS...: `gleaner ARGS --config DIR/gleaner.yml`, as the user in `as` and under the
# file size limit `limit` (KiB) when set; output in DIR/NAME.out and DIR/NAME.err, exit status in rc.
as=()
as_user=
limit=
rc=0
gleaner() {
  local dir=$1 name=$2
  shift 2
  rc=0
  (
    if [ -n "$limit" ]; then ulimit -f "$limit"; fi
    exec ${as[@]+"${as[@]}"} java -XX:-UsePerfData -jar "$jar" "$@" --config "$dir/gleaner.yml"
  ) >"$dir/$name.out" 2>"$dir/$name.err" || rc=$?
}

# owned DIR: what the script made in DIR belongs to the user the runs are made as.
owned() {
  if [ ${#as[@]} -gt 0 ]; then chown -R "$as_user" "$1"; fi
}

# A clean build per profile: the same two stages on a healthy disk.
clean() {  # clean PROFILE: prints the folder
  local dir="$ws/clean-$1" as=() limit=   # healthy: as the script's user, no size limit
  if [ ! -d "$dir" ]; then
    python3 "$ws/feeds.py" "$dir" 1 "$1" plain
    gleaner "$dir" 1-first run --all
    [ "$rc" -eq 0 ] || { echo "disk-faults: clean build $1: first run exited $rc" >&2; cat "$dir/1-first.err" >&2; return 1; }
    python3 "$ws/feeds.py" "$dir" 2 "$1" plain
    gleaner "$dir" 2-second run --all
    [ "$rc" -eq 0 ] || { echo "disk-faults: clean build $1: second run exited $rc" >&2; cat "$dir/2-second.err" >&2; return 1; }
  fi
  echo "$dir"
}

passed=0; failed=0; skipped=0; skipped_names=()
report() {  # report CASE FAULT_TEXT OK_TEXT
  if [ -n "$2" ]; then
    local n
    n=$(grep -c . <<<"$2")
    faults=$((faults + n)); failed=$((failed + 1))
    echo "$1: $n fault(s):"
    sed 's/^/    /' <<<"$2"
  else
    passed=$((passed + 1))
    echo "$1: ok: $3"
  fi
}
skip() {  # skip CASE REASON
  skipped=$((skipped + 1)); skipped_names+=("$1")
  echo "$1: SKIPPED: $2"
}

# exercise CASE PROFILE LAYOUT KIND REASON PREPARE MAKE REMOVE
# KIND: "post" (posts cannot be written) or "store" (the store is on the faulty disk too).
# PREPARE DIR runs before the first run (a mount under the output folder), MAKE DIR makes the fault,
# REMOVE DIR takes it away; each is a function name or "true".
exercise() {
  local name=$1 profile=$2 layout=$3 kind=$4 expect=$5 prepare=$6 make=$7 remove=$8
  local dir="$ws/$name" ref home posts db problems="" fault_result healed_result
  ref=$(clean "$profile") || { report "$name" "FAULT the clean build failed" ""; return; }
  home=$dir; [ "$layout" = disk ] && home="$dir/disk"
  posts="$home/site/source/_posts"; db="$home/gleaner.db"
  python3 "$ws/feeds.py" "$dir" 1 "$profile" "$layout"
  mkdir -p "$home/site"
  $prepare "$dir"
  owned "$dir"
  gleaner "$dir" 1-first run --all
  if [ "$rc" -ne 0 ]; then
    cp -r "$dir" "$ws/fault-$name" 2>/dev/null || true
    report "$name" "FAULT the first, healthy run exited $rc: $(tail -2 "$dir/1-first.err" | tr '\n' ' ')" ""
    return
  fi
  python3 "$ws/feeds.py" "$dir" 2 "$profile" "$layout"
  owned "$dir"
  $make "$dir"
  gleaner "$dir" 2-fault run --all
  local fault_rc=$rc
  $remove "$dir"
  local store_flag=()
  [ "$kind" = store ] && store_flag=(--store-fault)
  fault_result=$(python3 "$ws/check.py" fault --clean "$ref" --root "$dir" --posts "$posts" \
    --db "$db" --out "$dir/2-fault.out" --err "$dir/2-fault.err" --rc "$fault_rc" --expect "$expect" \
    --state "$dir/fault.json" ${store_flag[@]+"${store_flag[@]}"} 2>&1) || fault_result="FAULT checker failed: $fault_result"
  python3 "$ws/check.py" snapshot --posts "$posts" > "$dir/snapshot.json"
  if [ "$kind" = store ]; then gleaner "$dir" 3-healed run --all; else gleaner "$dir" 3-healed run; fi
  healed_result=$(python3 "$ws/check.py" healed --clean "$ref" --root "$dir" --posts "$posts" \
    --db "$db" --out "$dir/3-healed.out" --err "$dir/3-healed.err" --rc "$rc" --snapshot "$dir/snapshot.json" \
    --state "$dir/fault.json" ${store_flag[@]+"${store_flag[@]}"} 2>&1) || healed_result="FAULT checker failed: $healed_result"
  problems=$( (grep '^FAULT' <<<"$fault_result" | sed 's/^FAULT /faulty run: /'
               grep '^FAULT' <<<"$healed_result" | sed 's/^FAULT /healthy run: /') || true)
  if [ -n "$problems" ]; then
    cp -r "$dir" "$ws/fault-$name" 2>/dev/null || true
  fi
  report "$name" "$problems" "faulty run: ${fault_result#ok: }; healthy run: ${healed_result#ok: }"
}

# Probes: can this machine make the fault?
probe_dir="$ws/probe"
mkdir -p "$probe_dir"
can_mount() {
  $privileged || { why="needs root or passwordless sudo to mount"; return 1; }
  mkdir -p "$probe_dir/m"
  if ! out=$($sudo mount -t tmpfs -o size=64k gleaner-probe "$probe_dir/m" 2>&1); then
    why="mount -t tmpfs is not permitted here: ${out%%$'\n'*}"; return 1
  fi
  $sudo umount "$probe_dir/m"
}
mount_tmpfs() {  # mount_tmpfs DIR SIZE
  $sudo mount -t tmpfs -o "size=$2,mode=0755,uid=$(id -u),gid=$(id -g)" gleaner-disk "$1"
  mounts+=("$1")
}
unmount() {  # unmount DIR
  $sudo umount "$1"
  local keep=() m
  for m in "${mounts[@]}"; do [ "$m" = "$1" ] || keep+=("$m"); done
  mounts=(${keep[@]+"${keep[@]}"})
}

# 1. The posts folder and everything in it not writable (chmod -R a-w), for an unprivileged user.
case_read_only_chmod() {
  local name=read-only-chmod user_dir
  as=()
  if [ "$(id -u)" -eq 0 ]; then
    # Root writes through any mode: the run is made as nobody (uid 65534), if that user can run java.
    if ! command -v setpriv >/dev/null; then skip "$name" "running as root and setpriv is missing to drop to an unprivileged user"; return; fi
    as=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
    as_user=65534:65534
  fi
  user_dir="$ws/$name"
  mkdir -p "$user_dir/probe"
  owned "$user_dir"
  if ! ${as[@]+"${as[@]}"} java -XX:-UsePerfData -version >/dev/null 2>&1; then
    skip "$name" "java does not run as uid $(${as[@]+"${as[@]}"} id -u 2>/dev/null || echo 65534)"; as=(); return
  fi
  chmod 555 "$user_dir/probe"
  if ${as[@]+"${as[@]}"} touch "$user_dir/probe/x" 2>/dev/null; then
    skip "$name" "chmod 555 does not stop writes of uid $(${as[@]+"${as[@]}"} id -u) here"; as=(); return
  fi
  rmdir "$user_dir/probe"
  exercise "$name" small plain post "Permission denied" true chmod_make chmod_remove
  as=()
}
chmod_make() { chmod -R a-w "$1/site/source/_posts"; }
chmod_remove() { chmod -R u+w "$1/site/source/_posts"; }

# 2. A category's folder tree immutable (chattr -R +i): root cannot write it either; others go on.
case_read_only_immutable() {
  local name=read-only-immutable
  $privileged || { skip "$name" "chattr +i needs root or passwordless sudo"; return; }
  touch "$probe_dir/i"
  if ! out=$($sudo chattr +i "$probe_dir/i" 2>&1); then
    skip "$name" "chattr +i is not supported or not permitted on $(df -T "$ws" | awk 'NR==2{print $2}') here: ${out%%$'\n'*}"; return
  fi
  $sudo chattr -i "$probe_dir/i"
  exercise "$name" small plain post "Operation not permitted" true immutable_make immutable_remove
}
immutable_make() { $sudo chattr -R +i "$1/site/source/_posts/社交媒体"; immutable+=("$1/site/source/_posts/社交媒体"); }
immutable_remove() { $sudo chattr -R -i "$1/site/source/_posts/社交媒体"; immutable=(); }

# 3. The output folder mounted read-only (a read-only bind mount of itself): posts and site both fail.
case_read_only_mount() {
  local name=read-only-mount why=
  can_mount || { skip "$name" "$why"; return; }
  exercise "$name" small plain post "Read-only file system" true ro_make ro_remove
}
ro_make() {
  $sudo mount --bind "$1/site" "$1/site"
  mounts+=("$1/site")
  $sudo mount -o remount,bind,ro "$1/site"
}
ro_remove() { unmount "$1/site"; }

# 4. A regular file where the new subscription's category folder goes.
case_blocked_by_file() {
  exercise blocked-by-file small plain post "Not a directory|File exists" true blocked_make blocked_remove
}
blocked_make() { echo "not a folder" > "$1/site/source/_posts/编程"; }
blocked_remove() { rm "$1/site/source/_posts/编程"; }

# 5. The output folder on a tmpfs shrunk, after the first run, to 256 KiB more than it holds: the new
# posts (6 of 200 KB) overflow it; the store is elsewhere. The fault is removed by growing the file
# system back, as freeing space would.
case_disk_full() {
  local name=disk-full why=
  can_mount || { skip "$name" "$why"; return; }
  exercise "$name" large plain post "No space left on device" full_prepare full_make full_remove
}
full_prepare() { mount_tmpfs "$1/site" 64m; }
full_make() {
  local used
  used=$(df -k --output=used "$1/site" | tail -1 | tr -d ' ')
  $sudo mount -o remount,size=$((used + 256))k "$1/site"
}
full_remove() { $sudo mount -o remount,size=64m "$1/site"; }

# 6. A file size limit (ulimit -f 8 MiB): the two posts of 9 MB fail with EFBIG ("File too large"; the
# JVM ignores SIGXFSZ), while the store (under 8 MiB: it keeps those bodies unescaped) and every other
# file stay within it. Needs no privilege.
case_file_size_limit() {
  limit_case file-size-limit post 8192 "File too large"
}
limit_make() { limit=$fault_limit; }
limit_remove() { limit=; }
limit_case() {  # limit_case CASE KIND KIB REASON
  fault_limit=$3
  # Stage 1 writes little; the limit applies to the faulty run only.
  exercise "$1" braces plain "$2" "$4" true limit_make limit_remove
}

# 7. The store and the output folder on one 64 MiB tmpfs, filled by another file until only SIZE is
# left; the fault is removed by deleting that file. 0k: the store cannot even open; 256k: it fails
# while recording the fetched feeds; 1m: some feeds are recorded, then it fails; 3m: everything is
# recorded and the disk fills while publishing (post files, path reservations, "written" marks).
store_full_case() {  # store_full_case CASE FREE (like 96k or 3m)
  local name=$1 why=
  can_mount || { skip "$name" "$why"; return; }
  ballast_free=$2
  exercise "$name" large disk store "No space left on device|database or disk is full|disk I/O error" \
    store_prepare ballast_make ballast_remove
}
store_prepare() { mkdir -p "$1/disk"; mount_tmpfs "$1/disk" 64m; mkdir -p "$1/disk/site"; }
ballast_make() {
  dd if=/dev/zero of="$1/disk/ballast" bs=64k 2>/dev/null || true   # until the disk is full
  truncate -s "-${ballast_free^^}" "$1/disk/ballast"
}
ballast_remove() { rm -f "$1/disk/ballast"; }

# 8. The store under a file size limit too (ulimit -f 2 MiB): the store outgrows it while recording
# the two large items. Needs no privilege.
case_store_file_size_limit() {
  limit_case store-file-size-limit store 2048 "File too large|database or disk is full|disk I/O error"
}

echo "disk-faults: uid $(id -u)$($privileged && [ -n "$sudo" ] && echo ' (sudo)'), workspace on $(df -T "$ws" | awk 'NR==2{print $2}'), jar $jar"
for c in "${selected[@]}"; do
  case "$c" in
    read-only-chmod) case_read_only_chmod ;;
    read-only-immutable) case_read_only_immutable ;;
    read-only-mount) case_read_only_mount ;;
    blocked-by-file) case_blocked_by_file ;;
    disk-full) case_disk_full ;;
    file-size-limit) case_file_size_limit ;;
    store-disk-full-*) store_full_case "$c" "${c#store-disk-full-}" ;;
    store-file-size-limit) case_store_file_size_limit ;;
  esac
  release
done

ran=$((passed + failed))
echo "disk-faults: $ran cases, $faults faults"
echo "$passed passed, $failed failed, $skipped skipped${skipped_names[0]+": ${skipped_names[*]}"} ($(( $(date +%s) - started )) s)"
[ "$faults" -eq 0 ]
