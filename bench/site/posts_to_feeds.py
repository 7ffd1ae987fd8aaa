#!/usr/bin/env python3
"""Turn posts in the reference Hexo format into the feeds they came from, for bench/site.sh.

    posts_to_feeds.py POSTS_DIR OUT_DIR [--site-url URL]

Reads every *.md under POSTS_DIR (but seed-post.md), groups the posts by their three categories and
writes one RSS 2.0 document per feed in OUT_DIR/feeds/, plus OUT_DIR/gleaner.yml subscribing to
them under the same category tree, so that `gleaner run` stores exactly those posts. Stdlib only.
"""
import argparse
import json
import os
import re
import sys
from xml.sax.saxutils import escape


def front_matter(text, path):
    lines = text.lstrip("\n").split("\n")
    if not lines or lines[0] != "---":
        raise ValueError("%s: no front matter" % path)
    end = lines.index("---", 1)
    meta = {"categories": []}
    for line in lines[1:end]:
        if line.startswith(" - "):
            meta["categories"].append(line[3:].strip())
        elif ":" in line:
            key, _, value = line.partition(":")
            if key.strip() != "categories":
                meta[key.strip()] = unquote(value.strip())
    body = "\n".join(lines[end + 1:]).strip()
    return meta, body


def unquote(value):
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value)
    return value


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("posts")
    ap.add_argument("out")
    ap.add_argument("--site-url", default="http://localhost:4000/")
    a = ap.parse_args()
    feeds = {}
    for top, _, names in os.walk(a.posts):
        for name in sorted(names):
            if not name.endswith(".md") or name == "seed-post.md":
                continue
            path = os.path.join(top, name)
            with open(path, encoding="utf-8") as f:
                meta, body = front_matter(f.read(), path)
            levels = tuple(meta["categories"])
            if len(levels) != 3:
                raise ValueError("%s: expected three categories, got %r" % (path, levels))
            feeds.setdefault(levels, []).append((name, meta, body))
    os.makedirs(os.path.join(a.out, "feeds"), exist_ok=True)
    tree = {}
    count = 0
    for n, (levels, posts) in enumerate(sorted(feeds.items())):
        file = "feeds/feed-%02d.xml" % n
        items = []
        for i, (name, meta, body) in enumerate(posts):
            link = "https://example.org/feed-%02d/%d" % (n, i)
            items.append("<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>"
                         "<author>%s</author><description>%s</description></item>"
                         % (escape(meta["title"]), link, link, escape(meta["date"]), escape(meta.get("author", "")),
                            cdata(body)))
            count += 1
        with open(os.path.join(a.out, file), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>%s</title>'
                    "<link>https://example.org/feed-%02d</link>%s</channel></rss>\n"
                    % (escape(levels[2]), n, "\n".join(items)))
        author = posts[0][1].get("author", levels[1])
        tree.setdefault(levels[0], {}).setdefault(levels[1], {})[levels[2]] = {"url": file, "author": author}
    with open(os.path.join(a.out, "gleaner.yml"), "w", encoding="utf-8") as f:
        f.write("site: {title: 信息流, output: site, url: %s}\n" % json.dumps(a.site_url))
        f.write("storage: jdbc:sqlite:gleaner.db\n")
        f.write("backlog: %d\n" % (count + 1000))
        f.write("subscriptions:\n")
        for l1, sites in tree.items():
            f.write("  %s:\n" % json.dumps(l1, ensure_ascii=False))
            for l2, leaves in sites.items():
                f.write("    %s:\n" % json.dumps(l2, ensure_ascii=False))
                for l3, leaf in leaves.items():
                    f.write("      %s: {url: %s, author: %s}\n" % (json.dumps(l3, ensure_ascii=False),
                                                               leaf["url"], json.dumps(leaf["author"], ensure_ascii=False)))
    print("%d posts in %d feeds" % (count, len(feeds)))


if __name__ == "__main__":
    sys.exit(main())
