#!/usr/bin/env python3
"""Turn posts in the reference Hexo format back into the feeds they came from, for bench/site.sh.

    posts_to_feeds.py POSTS_DIR OUT_DIR [--site-url URL] [--slice POSTS] [--ahead K] [--max-mib M] [--split K]

Reads every *.md in POSTS_DIR (as ../shared/bench/gen_posts.py writes them; seed-post.md is left
out, as the Hexo and Hugo anchors leave it out), groups the posts by their three categories into
feeds, and writes OUT_DIR/gleaner.yml subscribing to one file per feed, OUT_DIR/feeds/feed-NN.xml,
under the same category tree, with the posts' author per feed and a backlog above the number of
posts, so that `gleaner run --all` stores every post once. With --split K (default 1) every category
path is cut into K feeds (the post numbered n goes to part n mod K), named after the path's last
level and the part ("热搜榜 3"), in OUT_DIR/feeds/feed-NNN.xml: 40 paths and --split 5 make 200
subscriptions.

The feeds come in slices, so that no document grows with the number of posts (the fetcher refuses
a body over its size cap): the posts are taken in the order they were generated (the number in
their name) and cut into runs of --slice posts (default 20,000); slice K is a folder
OUT_DIR/slices/KKKKK/ holding one RSS 2.0 document per feed with that feed's posts of the slice
(title, link https://example.org/<slug>/<n>, guid, pubDate = the post's date, author, and the body
as the description in CDATA). Storing the slices one after the other, each replacing the feed files,
leaves the store holding every post under the same 40 subscriptions as one document per feed would.

A slice folder appears (renamed from a temporary name) only when it is complete, and at most --ahead
(default 3) wait at once: the script writes the next one when one is taken away, so that storing can
start before all are written and the slices never take more room than a few documents. With
--watch PID it stops when that process has ended. When all are written, OUT_DIR/slices/done holds
one JSON object: posts, feeds, slices, the most items of one feed in one slice (max_items) and the
largest document (max_bytes). A document over --max-mib (default 10 MiB, half the fetcher's cap) is
an error: use a smaller --slice. Prints the same figures in words at the end. Stdlib only.
"""
import argparse
import json
import os
import re
import shutil
import sys
import time
from xml.sax.saxutils import escape

NAME = re.compile(r"(.+)-(\d+)\.md")


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
    levels = tuple(meta["categories"])
    if len(levels) != 3:
        raise ValueError("%s: expected three categories, got %r" % (path, levels))
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


def slug_and_number(name):
    m = NAME.fullmatch(name)
    return (m.group(1), int(m.group(2))) if m else (name[:-3], 0)


class Feeds:
    """The feeds of a folder of posts: their category paths, files and authors, known before any body is read."""

    def __init__(self, posts_dir, names, split=1):
        # A feed is a category path. Every post of a slug (the name without its number) shares one in
        # the posts gen_posts.py writes, so the first post of each slug gives the whole tree at the
        # cost of one read per slug; every post read later is checked against it.
        first = {}
        for name in names:
            first.setdefault(slug_and_number(name)[0], name)
        self.levels_of_slug = {}
        by_levels = {}
        for slug, name in first.items():
            meta, _ = read_post(os.path.join(posts_dir, name))
            levels = tuple(meta["categories"])
            self.levels_of_slug[slug] = levels
            by_levels.setdefault(levels, (slug, meta.get("author") or levels[1]))
        self.paths = sorted(by_levels)
        self.split = split
        self.slug = {levels: by_levels[levels][0] for levels in self.paths}
        self.author = {levels: by_levels[levels][1] for levels in self.paths}
        # A feed is a (category path, part) pair; with one part, the path alone names it.
        self.all = [(levels, part) for levels in self.paths for part in range(split)]
        self.number = {feed: n for n, feed in enumerate(self.all)}

    def of(self, levels, number):
        """The feed a post of this category path and number goes to."""
        return levels, number % self.split

    def name(self, feed):
        levels, part = feed
        return levels[2] if self.split == 1 else "%s %d" % (levels[2], part + 1)

    def file(self, feed):
        return ("feeds/feed-%02d.xml" if self.split == 1 else "feeds/feed-%03d.xml") % self.number[feed]


def document(feeds, feed, items):
    levels = feed[0]
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title>%s</title><link>https://example.org/%s/</link><description>%s</description>\n%s\n"
            "</channel></rss>\n" % (escape(feeds.name(feed)), feeds.slug[levels], escape(" / ".join(levels)),
                                    "\n".join(items)))


def write_config(out, feeds, count, site_url):
    tree = {}
    for feed in feeds.all:
        levels = feed[0]
        tree.setdefault(levels[0], {}).setdefault(levels[1], {})[feeds.name(feed)] = feed
    path = os.path.join(out, "gleaner.yml")
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write("site: {title: 信息流, output: site, url: %s}\n" % yaml_string(site_url))
        f.write("storage: jdbc:sqlite:gleaner.db\n")
        f.write("backlog: %d\n" % max(1000000, 2 * count))
        f.write("subscriptions:\n")
        for l1, sites in tree.items():
            f.write("  %s:\n" % yaml_string(l1))
            for l2, leaves in sites.items():
                f.write("    %s:\n" % yaml_string(l2))
                for l3, feed in leaves.items():
                    f.write("      %s: {url: %s, author: %s}\n"
                            % (yaml_string(l3), feeds.file(feed), yaml_string(feeds.author[feed[0]])))
    os.replace(path + ".tmp", path)


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("posts")
    ap.add_argument("out")
    ap.add_argument("--site-url", default="http://127.0.0.1:4000/")
    ap.add_argument("--slice", type=int, default=20000, help="posts per slice (default 20,000)")
    ap.add_argument("--ahead", type=int, default=3, help="slices written ahead of the one being stored")
    ap.add_argument("--max-mib", type=float, default=10.0, help="the largest document allowed, in MiB")
    ap.add_argument("--watch", type=int, help="stop when the process of this id has ended (the one storing the slices)")
    ap.add_argument("--split", type=int, default=1, help="feeds per category path (default 1)")
    a = ap.parse_args()
    if a.slice < 1 or a.ahead < 1 or a.split < 1:
        raise SystemExit("posts_to_feeds: --slice, --ahead and --split must be at least 1")

    names = [n for n in os.listdir(a.posts) if n.endswith(".md") and n != "seed-post.md"]
    if not names:
        raise SystemExit("posts_to_feeds: no posts in %s" % a.posts)
    # The order they were generated in, so that every slice holds a share of every feed.
    names.sort(key=lambda n: (slug_and_number(n)[1], n))
    feeds = Feeds(a.posts, names, a.split)
    os.makedirs(os.path.join(a.out, "feeds"), exist_ok=True)
    slices_dir = os.path.join(a.out, "slices")
    shutil.rmtree(slices_dir, ignore_errors=True)
    os.makedirs(slices_dir)
    write_config(a.out, feeds, len(names), a.site_url)

    limit = int(a.max_mib * 1024 * 1024)
    max_items = max_bytes = 0
    slices = 0
    for start in range(0, len(names), a.slice):
        items = {feed: [] for feed in feeds.all}
        for name in names[start:start + a.slice]:
            path = os.path.join(a.posts, name)
            meta, body = read_post(path)
            slug, number = slug_and_number(name)
            levels = tuple(meta["categories"])
            if levels != feeds.levels_of_slug[slug]:
                raise SystemExit("posts_to_feeds: %s is in %s, other posts named %s-* in %s"
                                 % (path, "/".join(levels), slug, "/".join(feeds.levels_of_slug[slug])))
            link = "https://example.org/%s/%d" % (slug, number)
            items[feeds.of(levels, number)].append("<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid>"
                                 "<pubDate>%s</pubDate><author>%s</author><description>%s</description></item>"
                                 % (escape(meta["title"]), link, link, escape(meta["date"]),
                                    escape(meta.get("author", "")), cdata(body)))
        # At most `ahead` slices wait: the next is written when the oldest has been taken away.
        while sum(1 for e in os.listdir(slices_dir) if e.isdigit()) >= a.ahead:
            if a.watch and not alive(a.watch):
                raise SystemExit("posts_to_feeds: process %d, which stores the slices, has ended" % a.watch)
            time.sleep(0.2)
        partial = os.path.join(slices_dir, ".%05d.tmp" % slices)
        os.makedirs(partial)
        for feed in feeds.all:
            data = document(feeds, feed, items[feed]).encode("utf-8")
            if len(data) > limit:
                raise SystemExit("posts_to_feeds: %s of slice %d would be %.1f MiB, over %.1f MiB: use a smaller --slice"
                                 % (feeds.file(feed), slices, len(data) / 1048576, a.max_mib))
            with open(os.path.join(partial, os.path.basename(feeds.file(feed))), "wb") as f:
                f.write(data)
            max_items = max(max_items, len(items[feed]))
            max_bytes = max(max_bytes, len(data))
        os.rename(partial, os.path.join(slices_dir, "%05d" % slices))
        slices += 1

    summary = {"posts": len(names), "feeds": len(feeds.all), "slices": slices, "max_items": max_items,
               "max_bytes": max_bytes}
    with open(os.path.join(slices_dir, "done.tmp"), "w", encoding="utf-8") as f:
        json.dump(summary, f)
    os.replace(os.path.join(slices_dir, "done.tmp"), os.path.join(slices_dir, "done"))
    print("%d posts in %d feeds, %d slice%s (at most %d items, %.1f MiB, in one document)"
          % (len(names), len(feeds.all), slices, "" if slices == 1 else "s", max_items, max_bytes / 1048576))


if __name__ == "__main__":
    sys.exit(main())
