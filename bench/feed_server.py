#!/usr/bin/env python3
"""A loopback HTTP server with many small RSSHub-style feeds, for bench/poll.sh (see bench/README.md).

    feed_server.py serve  --feeds 10000 --port-file FILE [--parent PID] [--max-seconds 1800]
    feed_server.py config --feeds 10000 --port PORT --dir DIR [--drop KEY ...]  > gleaner.yml
    feed_server.py stats  --port PORT [--reset]     prints the counts (below) as JSON
    feed_server.py load   --port PORT [--feeds 10000] [--concurrency 64]   (a quick load test)

Feed i (0 <= i < feeds) lives at /bench/s{i // 100:03d}/f{i % 100:02d}.xml. What it does is derived
from a hash of its path, so every run and every machine sees the same thing:

  2%  answer 500, 2% answer 404 (a short text body, at once)
  1%  are slow: they answer after 1-2 s
  about half of the others (and of the slow ones) send an ETag and answer 304 Not Modified when
      If-None-Match carries it; the rest send no validator and always answer 200 with the same body
  every 200 is an RSS 2.0 document of 5 items (about 3 KB; gzip when the client accepts it)

Only the Python 3 standard library is used (asyncio, one thread). Every response is prepared at start
up, so answering costs little more than parsing the request. The server counts requests by status and
the most requests in flight at once (from the end of the request head to the end of the response);
GET /_stats answers them as JSON, with the times of the first request and of the end of the last response
(seconds since the counts began), and /_stats?reset=1 starts new counts (neither is counted). It binds
127.0.0.1 only, on a free port written to --port-file, and stops by itself when the process --parent
is gone, after --max-seconds, or on SIGTERM/SIGINT.
"""
import argparse
import asyncio
import gzip
import hashlib
import json
import os
import random
import signal
import socket
import sys
import time
from email.utils import formatdate

PER_SITE = 100
SITES_PER_CATEGORY = 10
BASE_TIME = 1764000000  # 2025-11-24T16:00:00Z: item dates are fixed, so bodies never change
HEAD_LIMIT = 16384


def feed_path(i):
    return "/bench/s%03d/f%02d.xml" % (i // PER_SITE, i % PER_SITE)


def behaviour(path):
    """(kind, delay in s, etag or None) of the feed at path; kind is 200, 404 or 500."""
    h = int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big")
    bucket = h % 100
    kind = 500 if bucket < 2 else 404 if bucket < 4 else 200
    delay = 1.0 + ((h >> 16) % 1000) / 1000.0 if bucket == 4 else 0.0
    etag = '"%016x"' % (h >> 1) if (h >> 8) % 2 == 0 else None
    return kind, delay, etag


WORDS = ("热榜 开源 发布 更新 社区 项目 版本 性能 安全 数据 模型 框架 工具 文档 测试 服务 用户 平台 "
         "release update community project performance security data model framework tool "
         "document test service user platform kernel compiler network storage").split()


def sentence(rnd, n):
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def document(i, path, port):
    """The RSS 2.0 document of feed i, shaped like RSSHub's output."""
    rnd = random.Random(path)
    site, feed = i // PER_SITE, i % PER_SITE
    link = "https://example.org/s%03d/f%02d" % (site, feed)
    newest = BASE_TIME - rnd.randrange(0, 86400)
    items = []
    for n in range(5):
        at = newest - n * rnd.randrange(600, 7200)
        item_link = "%s/items/%d" % (link, 1000 - n)
        body = "".join("<p>%s，%s。</p>" % (sentence(rnd, 12), sentence(rnd, 8)) for _ in range(2))
        items.append(
            "<item>\n"
            "<title><![CDATA[%s]]></title>\n"
            "<description><![CDATA[%s<img src=\"https://example.org/img/%d-%d.jpg\" "
            "referrerpolicy=\"no-referrer\"><br><a href=\"%s\">原文</a>]]></description>\n"
            "<pubDate>%s</pubDate>\n"
            "<guid isPermaLink=\"false\">%s</guid>\n"
            "<link>%s</link>\n"
            "<author><![CDATA[作者%02d]]></author>\n"
            "</item>\n" % (sentence(rnd, 5), body, i, n, item_link, formatdate(at, usegmt=True),
                           item_link, item_link, rnd.randrange(100)))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">\n<channel>\n'
        "<title><![CDATA[站点 %03d - 频道 %02d]]></title>\n"
        "<link>%s</link>\n"
        '<atom:link href="http://127.0.0.1:%d%s" rel="self" type="application/rss+xml" />\n'
        "<description><![CDATA[站点 %03d 频道 %02d - Made with love by RSSHub(https://github.com/DIYgod/RSSHub)]]>"
        "</description>\n"
        "<generator>RSSHub</generator>\n<webMaster>contact@rsshub.app (RSSHub)</webMaster>\n"
        "<language>zh-cn</language>\n<lastBuildDate>%s</lastBuildDate>\n<ttl>5</ttl>\n%s"
        "</channel>\n</rss>\n" % (site, feed, link, port, path, site, feed, formatdate(newest, usegmt=True),
                                  "".join(items))).encode("utf-8")


def head(status, reason, headers):
    lines = ["HTTP/1.1 %d %s" % (status, reason)] + ["%s: %s" % kv for kv in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class Feed:
    __slots__ = ("kind", "delay", "etag", "plain", "gzipped", "not_modified", "error")

    def __init__(self, i, path, port):
        self.kind, self.delay, self.etag = behaviour(path)
        common = [("Server", "feed_server.py"), ("Cache-Control", "public, max-age=300")]
        if self.kind != 200:
            text = b"Not Found\n" if self.kind == 404 else b"Internal Server Error\n"
            self.error = head(self.kind, "Not Found" if self.kind == 404 else "Internal Server Error",
                              [("Content-Type", "text/plain; charset=utf-8"),
                               ("Content-Length", str(len(text)))]) + text
            return
        body = document(i, path, port)
        packed = gzip.compress(body, 6, mtime=0)
        validators = [("ETag", self.etag)] if self.etag else []
        headers = common + validators + [("Content-Type", "application/xml; charset=utf-8")]
        self.plain = head(200, "OK", headers + [("Content-Length", str(len(body)))]) + body
        self.gzipped = head(200, "OK", headers + [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding"),
                                                  ("Content-Length", str(len(packed)))]) + packed
        self.not_modified = head(304, "Not Modified", common + validators) if self.etag else None


class Stats:
    def __init__(self):
        self.reset()
        self.in_flight = 0

    def reset(self):
        self.started = time.monotonic()
        self.requests = 0
        self.by_status = {}
        self.max_in_flight = 0
        self.connections = 0
        self.bytes = 0
        self.first_request = None  # seconds from the reset to the first feed request
        self.last_response = None  # seconds from the reset to the end of the last feed response

    def snapshot(self):
        return {"requests": self.requests, "by_status": {str(k): v for k, v in sorted(self.by_status.items())},
                "max_in_flight": self.max_in_flight, "connections": self.connections, "bytes": self.bytes,
                "first_request": self.first_request, "last_response": self.last_response,
                "seconds": round(time.monotonic() - self.started, 3), "in_flight": self.in_flight}


NOT_FOUND = head(404, "Not Found", [("Content-Type", "text/plain"), ("Content-Length", "10")]) + b"Not Found\n"


def header(lines, name):
    prefix = name + b":"
    for line in lines:
        if line[:len(prefix)].lower() == prefix:
            return line[len(prefix):].strip()
    return None


def etag_matches(value, etag):
    if value is None:
        return False
    tags = [t.strip() for t in value.decode("latin-1").split(",")]
    return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)


async def serve(args):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    started = time.monotonic()
    feeds = {}
    for i in range(args.feeds):
        path = feed_path(i)
        feeds[path.encode()] = Feed(i, path, port)
    stats = Stats()
    stop = asyncio.get_running_loop().create_future()

    async def answer(writer, response, status, delay):
        if stats.first_request is None:
            stats.first_request = round(time.monotonic() - stats.started, 3)
        stats.requests += 1
        stats.by_status[status] = stats.by_status.get(status, 0) + 1
        stats.in_flight += 1
        stats.max_in_flight = max(stats.max_in_flight, stats.in_flight)
        try:
            if delay:
                await asyncio.sleep(delay)
            writer.write(response)
            stats.bytes += len(response)
            await writer.drain()
        finally:
            stats.in_flight -= 1
            stats.last_response = round(time.monotonic() - stats.started, 3)

    async def connection(reader, writer):
        counted = False
        try:
            while True:
                try:
                    raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), args.idle)
                except (asyncio.IncompleteReadError, asyncio.TimeoutError, asyncio.LimitOverrunError,
                        ConnectionError):
                    return
                lines = raw.split(b"\r\n")
                parts = lines[0].split(b" ")
                if len(parts) != 3:
                    return
                method, target, version = parts
                headers = lines[1:]
                length = header(headers, b"content-length")
                if length and length.isdigit() and int(length) > 0:  # GETs have none; read and ignore
                    await reader.readexactly(min(int(length), HEAD_LIMIT))
                path, _, query = target.partition(b"?")
                if path != b"/_stats" and not counted:
                    stats.connections += 1  # connections that carried a feed request
                    counted = True
                if path == b"/_stats":
                    body = json.dumps(stats.snapshot()).encode()
                    if b"reset=1" in query:
                        stats.reset()
                    writer.write(head(200, "OK", [("Content-Type", "application/json"),
                                                  ("Content-Length", str(len(body)))]) + body)
                    await writer.drain()
                else:
                    feed = feeds.get(path)
                    if feed is None:
                        await answer(writer, NOT_FOUND, 404, 0)
                    elif feed.kind != 200:
                        await answer(writer, feed.error, feed.kind, feed.delay)
                    elif feed.etag and etag_matches(header(headers, b"if-none-match"), feed.etag):
                        await answer(writer, feed.not_modified, 304, feed.delay)
                    else:
                        encoding = header(headers, b"accept-encoding") or b""
                        await answer(writer, feed.gzipped if b"gzip" in encoding else feed.plain, 200, feed.delay)
                connection_header = (header(headers, b"connection") or b"").lower()
                if connection_header == b"close" or (version == b"HTTP/1.0" and connection_header != b"keep-alive"):
                    return
        except (ConnectionError, asyncio.CancelledError):  # the client left, or the server is stopping
            return
        finally:
            writer.close()

    child = args.parent and os.getppid() == args.parent

    async def watchdog():
        deadline = started + args.max_seconds
        while not stop.done():
            if time.monotonic() > deadline:
                print("feed_server: --max-seconds reached, stopping", file=sys.stderr)
                break
            if child and os.getppid() != args.parent:  # the parent died, even if not yet reaped
                print("feed_server: parent %d is gone, stopping" % args.parent, file=sys.stderr)
                break
            if args.parent and not child:
                try:
                    os.kill(args.parent, 0)
                except ProcessLookupError:
                    print("feed_server: parent %d is gone, stopping" % args.parent, file=sys.stderr)
                    break
                except PermissionError:
                    pass
            await asyncio.sleep(0.5)
        if not stop.done():
            stop.set_result(None)

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    server = await asyncio.start_server(connection, sock=sock, backlog=1024)
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.port_file)
    print("feed_server: %d feeds on http://127.0.0.1:%d/ (ready in %.1f s)"
          % (args.feeds, port, time.monotonic() - started), file=sys.stderr)
    guard = asyncio.create_task(watchdog())
    await stop
    guard.cancel()
    server.close()
    print("feed_server: stopped; last counts %s" % json.dumps(stats.snapshot()), file=sys.stderr)


def yaml_string(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def config(args):
    """Writes a gleaner.yml with one subscription per feed: category > site > feed."""
    fetch = {"allow": "[127.0.0.1]", "per_host": str(args.per_host), "concurrency": str(args.concurrency),
             "min_gap": "0ms", "timeout": args.timeout}
    for key in args.drop or []:
        fetch.pop(key, None)
    out = ["# written by bench/feed_server.py config: %d feeds on 127.0.0.1:%d" % (args.feeds, args.port),
           "site:", "  title: poll benchmark", "  output: %s" % yaml_string(os.path.join(args.dir, "site")),
           "storage: %s" % yaml_string("jdbc:sqlite:" + os.path.join(args.dir, "gleaner.db")),
           ] + ([] if "backlog" in (args.drop or []) else ["backlog: %d" % args.backlog])
    if fetch:
        out.append("fetch: {%s}" % ", ".join("%s: %s" % kv for kv in fetch.items()))
    out.append("subscriptions:")
    category = site = None
    for i in range(args.feeds):
        s = i // PER_SITE
        if s // SITES_PER_CATEGORY != category:
            category = s // SITES_PER_CATEGORY
            out.append("  分类%02d:" % category)
        if s != site:
            site = s
            out.append("    站点%03d:" % s)
        out.append("      频道%02d: http://127.0.0.1:%d%s" % (i % PER_SITE, args.port, feed_path(i)))
    sys.stdout.write("\n".join(out) + "\n")


def print_stats(args):
    import urllib.request
    url = "http://127.0.0.1:%d/_stats%s" % (args.port, "?reset=1" if args.reset else "")
    with urllib.request.urlopen(url, timeout=10) as response:
        sys.stdout.write(response.read().decode() + "\n")


def load(args):
    """Fetches every feed once with plain blocking sockets in threads; prints requests per second."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor
    import threading
    local = threading.local()

    def get(i):
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        local.conn.request("GET", feed_path(i), headers={"Accept-Encoding": "gzip"})
        response = local.conn.getresponse()
        response.read()
        return response.status

    started = time.monotonic()
    with ThreadPoolExecutor(args.concurrency) as pool:
        statuses = list(pool.map(get, range(args.feeds)))
    took = time.monotonic() - started
    print("%d requests in %.2f s: %.0f/s; %s" % (len(statuses), took, len(statuses) / took,
                                                 {s: statuses.count(s) for s in sorted(set(statuses))}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("serve")
    s.add_argument("--feeds", type=int, default=10000)
    s.add_argument("--port-file", required=True)
    s.add_argument("--parent", type=int, default=0, help="stop when this process is gone")
    s.add_argument("--max-seconds", type=float, default=1800)
    s.add_argument("--idle", type=float, default=60, help="close a connection idle this long")
    c = commands.add_parser("config")
    c.add_argument("--feeds", type=int, default=10000)
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--dir", required=True, help="folder of the store and the site")
    c.add_argument("--backlog", type=int, default=5)
    c.add_argument("--per-host", type=int, default=64)
    c.add_argument("--concurrency", type=int, default=64)
    c.add_argument("--timeout", default="10s")
    c.add_argument("--drop", action="append", help="leave this key of fetch (or backlog) out")
    st = commands.add_parser("stats")
    st.add_argument("--port", type=int, required=True)
    st.add_argument("--reset", action="store_true", help="start new counts after reading these")
    lo = commands.add_parser("load")
    lo.add_argument("--feeds", type=int, default=10000)
    lo.add_argument("--port", type=int, required=True)
    lo.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    if args.command == "serve":
        asyncio.run(serve(args))
    elif args.command == "config":
        config(args)
    elif args.command == "stats":
        print_stats(args)
    else:
        load(args)


if __name__ == "__main__":
    main()
