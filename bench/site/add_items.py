#!/usr/bin/env python3
"""Add new items to the feeds posts_to_feeds.py wrote, for an incremental build in bench/site.sh.

    add_items.py OUT_DIR BATCH [--count 50]

Appends COUNT items, spread over five feeds, dated after every generated post (2031, minutes apart
by BATCH), so each batch is new to the store. Stdlib only.
"""
import argparse
import glob
import os
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("batch", type=int)
    ap.add_argument("--count", type=int, default=50)
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.out, "feeds", "*.xml")))
    chosen = files[a.batch % 7::max(1, len(files) // 5)][:5]
    start = datetime(2031, 1, 1, tzinfo=timezone.utc) + timedelta(hours=a.batch)
    for f, path in enumerate(chosen):
        share = a.count // len(chosen) + (1 if f < a.count % len(chosen) else 0)
        items = []
        for i in range(share):
            link = "https://example.org/new/%d/%d/%d" % (a.batch, f, i)
            date = format_datetime(start + timedelta(minutes=f * 10 + i))
            items.append("<item><title>新条目 %d-%d-%d：增量构建</title><link>%s</link><guid>%s</guid>"
                         "<pubDate>%s</pubDate><description><![CDATA[<p>第 %d 批新条目的正文，"
                         "with some Latin text.</p>]]></description></item>" % (a.batch, f, i, link, link, date, a.batch))
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace("</channel>", "\n".join(items) + "</channel>", 1))


if __name__ == "__main__":
    main()
