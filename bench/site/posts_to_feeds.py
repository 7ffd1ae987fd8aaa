#!/usr/bin/env python3
"""Turn posts in the reference Hexo format back into the feeds they came from, for bench/site.sh.

    posts_to_feeds.py POSTS_DIR OUT_DIR [--site-url URL]

Reads every *.md in POSTS_DIR (as ../shared/bench/gen_posts.py writes them; seed-post.md is left
out, as the Hexo and Hugo anchors leave it out), groups the posts by their three categories and
writes one RSS 2.0 document per feed, OUT_DIR/feeds/feed-NN.xml, with every post of that feed as an
item (title, link https://example.org/<slug>/<n>, guid, pubDate = the post's date, author, and the
body as the description in CDATA). OUT_DIR/gleaner.yml subscribes to those files under the same
category tree, with the posts' author per feed and a backlog above the number of posts, so that
`gleaner run --all` stores every post once. Prints "<posts> posts in <feeds> feeds". Stdlib only.
"""
import argparse
import json
import os
import re
import sys
from xml.sax.saxutils import escape


def read_post(path):
    """(front matter as a dict, body) of one post; categories is a list."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or lines[0] != "---":
        raise ValueError("%s: does not start with a front matter" % path)
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise ValueError("%s: the front matter does not end" % path) from None
    meta = {"categories": []}
    for line in lines[1:end]:
        if line.startswith(" - "):
            meta["categories"].append(line[3:].strip())
        elif ":" in line:
            key, _, value = line.partition(":")
            if key.strip() != "categories":
                meta[key.strip()] = unquote(value.strip())
    for key in ("title", "date"):
        if not meta.get(key):
            raise ValueError("%s: no %s in the front matter" % (path, key))
    return meta, "\n".join(lines[end + 1:]).strip()


def unquote(value):
    """A YAML scalar as gen_posts.py writes them: 'single quoted' ('' for '), or plain."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value)
    return value


def cdata(text):
    """Text in CDATA; a "]]>" inside is split over two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def yaml_string(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("posts")
    ap.add_argument("out")
    ap.add_argument("--site-url", default="http://127.0.0.1:4000/")
    a = ap.parse_args()

    feeds = {}  # (level1, level2, level3) -> [(slug, number, meta, body)]
    for name in sorted(os.listdir(a.posts)):
        if not name.endswith(".md") or name == "seed-post.md":
            continue
        path = os.path.join(a.posts, name)
        meta, body = read_post(path)
        levels = tuple(meta["categories"])
        if len(levels) != 3:
            raise ValueError("%s: expected three categories, got %r" % (path, levels))
        m = re.fullmatch(r"(.+)-(\d+)\.md", name)
        slug, number = (m.group(1), int(m.group(2))) if m else (name[:-3], 0)
        feeds.setdefault(levels, []).append((slug, number, meta, body))
    if not feeds:
        raise SystemExit("posts_to_feeds: no posts in %s" % a.posts)

    os.makedirs(os.path.join(a.out, "feeds"), exist_ok=True)
    tree = {}
    count = 0
    for n, (levels, posts) in enumerate(sorted(feeds.items())):
        file = "feeds/feed-%02d.xml" % n
        items = []
        for slug, number, meta, body in posts:
            link = "https://example.org/%s/%d" % (slug, number)
            items.append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid>"
                         "<pubDate>%s</pubDate><author>%s</author><description>%s</description></item>"
                         % (escape(meta["title"]), link, link, escape(meta["date"]),
                            escape(meta.get("author", "")), cdata(body)))
        count += len(posts)
        with open(os.path.join(a.out, file), "w", encoding="utf-8", newline="\n") as f:
            f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                    "<title>%s</title><link>https://example.org/%s/</link><description>%s</description>\n%s\n"
                    "</channel></rss>\n" % (escape(levels[2]), posts[0][0], escape(" / ".join(levels)),
                                            "\n".join(items)))
        author = posts[0][2].get("author") or levels[1]
        tree.setdefault(levels[0], {}).setdefault(levels[1], {})[levels[2]] = (file, author)

    with open(os.path.join(a.out, "gleaner.yml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("site: {title: 信息流, output: site, url: %s}\n" % yaml_string(a.site_url))
        f.write("storage: jdbc:sqlite:gleaner.db\n")
        f.write("backlog: %d\n" % max(1000000, 2 * count))
        f.write("subscriptions:\n")
        for l1, sites in tree.items():
            f.write("  %s:\n" % yaml_string(l1))
            for l2, leaves in sites.items():
                f.write("    %s:\n" % yaml_string(l2))
                for l3, (file, author) in leaves.items():
                    f.write("      %s: {url: %s, author: %s}\n" % (yaml_string(l3), file, yaml_string(author)))
    print("%d posts in %d feeds" % (count, len(feeds)))


if __name__ == "__main__":
    sys.exit(main())
