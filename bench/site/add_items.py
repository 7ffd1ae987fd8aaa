#!/usr/bin/env python3
"""Add new items to the feeds that posts_to_feeds.py wrote, for the incremental builds of bench/site.sh.

    add_items.py OUT_DIR BATCH [--count 50] [--feeds 5]

Appends COUNT items to FEEDS of the feed files in OUT_DIR/feeds/ (a different choice of feeds for
each BATCH), dated after every generated post (those end on 30 June 2024): batch B is dated
1 January 2025 plus B hours, the items minutes apart. Each batch has its own links and guids, so it
is new to the store. Stdlib only.
"""
import argparse
import glob
import os
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("batch", type=int)
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--feeds", type=int, default=5)
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.out, "feeds", "*.xml")))
    if not files:
        raise SystemExit("add_items: no feeds in %s" % os.path.join(a.out, "feeds"))
    k = max(1, min(a.feeds, len(files)))
    step = len(files) // k
    chosen = [files[(a.batch + i * step) % len(files)] for i in range(k)]
    start = datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(hours=a.batch)
    for f, path in enumerate(chosen):
        share = a.count // k + (1 if f < a.count % k else 0)
        items = []
        for i in range(share):
            link = "https://example.org/new/%d/%d/%d" % (a.batch, f, i)
            date = format_datetime(start + timedelta(minutes=f * 10 + i), usegmt=True)
            items.append("<item><title>新条目 %d-%d-%d：增量构建 incremental build</title><link>%s</link>"
                         "<guid isPermaLink=\"true\">%s</guid><pubDate>%s</pubDate><description><![CDATA[<div>"
                         "<p>第 %d 批的新条目，正文很短。A short body with some Latin text.</p></div>]]>"
                         "</description></item>" % (a.batch, f, i, link, link, date, a.batch))
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if "</channel>" not in text:
            raise SystemExit("add_items: %s has no </channel>" % path)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text.replace("</channel>", "\n".join(items) + "\n</channel>", 1))


if __name__ == "__main__":
    main()
