# Sourced by bench/site.sh and bench/serve-load.sh: a store of generated posts, filled slice by slice.
#
#   store_slices POSTS DIR SLICE LOG [posts_to_feeds.py options...]
#       turns the posts in POSTS into feeds (bench/site/posts_to_feeds.py, in slices of SLICE posts,
#       written in the background at most a few ahead) and stores each slice in turn into a new store
#       in DIR (emptied first) with `gleaner run --all --no-build`, each slice replacing the feed files.
#       LOG.times gets one line per slice (wall, user, sys, peak RSS in KB, items), LOG.out the runs'
#       output, LOG.feeds the converter's; STORE_STARTED and STORE_ENDED are set (epoch seconds).
#   store_check N DIR
#       stops the script unless the backlog was above the largest feed's share of a slice, no document
#       came near the fetcher's cap, and the store in DIR holds exactly N items.
#   store_count DB
#       the items the store holds (skipped ones left out).
#
# The caller defines say (its messages), ROOT (the checkout), BENCH (its bench/), jar (the jar) and
# store_opts (the JVM options of the runs, empty for the launcher's).

store_slices() {
  local posts=$1 dir=$2 slice=$3 log=$4 k=0 producer items s
  shift 4
  rm -rf "$dir"; mkdir -p "$dir"
  : > "$log.times"
  # The converter writes the slices in the background (at most a few ahead, and it stops when this
  # script does); each slice replaces the feed files (touched, so that the file's validator changes
  # even within a millisecond) and is stored while the next ones are written.
  { python3 "$BENCH/site/posts_to_feeds.py" "$posts" "$dir" --slice "$slice" --watch $$ "$@" \
      || touch "$dir/.feeds-failed"; } > "$log.feeds" 2>&1 &
  producer=$!
  STORE_STARTED=$(date +%s.%N)
  while :; do
    s="$dir/slices/$(printf %05d "$k")"
    if [ -d "$s" ]; then
      mv "$s"/*.xml "$dir/feeds/"; touch "$dir"/feeds/*.xml; rmdir "$s"
      items=$(cat "$dir"/feeds/*.xml | grep -o '<item>' | wc -l)
      (cd "$dir" && GLEANER_JAR="$jar" GLEANER_JAVA_OPTS="$store_opts" \
         /usr/bin/time -f "%e %U %S %M $items" -a -o "$log.times" \
         "$ROOT/gleaner" run --all --no-build -q --config gleaner.yml) >> "$log.out" 2>&1 \
        || { say "gleaner run failed on slice $k of $posts (see $log.out)" >&2; exit 1; }
      k=$((k + 1))
    elif [ -f "$dir/slices/done" ]; then
      [ -d "$s" ] || break  # the last slice may have come just before the mark
    elif [ -f "$dir/.feeds-failed" ]; then
      say "posts_to_feeds.py stopped: $(tail -3 "$log.feeds")" >&2; exit 1
    else
      sleep 0.2
    fi
  done
  STORE_ENDED=$(date +%s.%N)
  wait "$producer"
}

store_check() {
  local n=$1 dir=$2 backlog stored
  backlog=$(sed -n 's/^backlog: //p' "$dir/gleaner.yml")
  python3 - "$dir/slices/done" "$backlog" "${0##*/}" <<'PY' || exit 1
import json, sys
done, backlog, me = json.load(open(sys.argv[1])), int(sys.argv[2]), sys.argv[3]
if backlog <= done["max_items"]:
    sys.exit(me + ": backlog %d is not above the %d items of the largest slice of a feed: the first slice would hold some back" % (backlog, done["max_items"]))
if done["max_bytes"] > 10 * 1048576:
    sys.exit(me + ": a feed document of %.1f MiB: over half the fetcher's 20 MiB cap" % (done["max_bytes"] / 1048576))
PY
  stored=$(store_count "$dir/gleaner.db")
  if [ "$stored" != "$n" ]; then
    say "N=$n: the store holds $stored items, not $n: the comparison would be unfair, stopping" >&2
    exit 1
  fi
}

store_count() {
  python3 - "$1" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM entry WHERE status <> 'skipped'").fetchone()[0])
PY
}
