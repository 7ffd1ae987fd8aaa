#!/usr/bin/env python3
"""The tables of a bench/site.sh run: every figure, then every goal (goal, figure, met or not).

    report.py RUN_DIR [--no-goals WHY] [--failed "LABEL ..."]

Reads RUN_DIR/results.jsonl (measure.py's lines, and the store step's summary), RUN_DIR/store-N*.json
(the store's size) and RUN_DIR/notes.txt (what was left out, and why), and prints both tables in
Markdown; --no-goals prints WHY in place of the goals. Exits 1 when a measurement failed, 2 when a goal is not met, 0 otherwise. Stdlib only.
"""
import argparse
import glob
import json
import os
import re
import sys

GB = 1024  # MB


def load(run_dir):
    rows = {}
    for line in open(os.path.join(run_dir, "results.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r.get("summary"):
            rows[r["label"]] = r
    stores = {}
    for path in glob.glob(os.path.join(run_dir, "store-N*.json")):
        s = json.load(open(path, encoding="utf-8"))
        stores[s["n"]] = s
    notes_path = os.path.join(run_dir, "notes.txt")
    notes = [l.strip() for l in open(notes_path, encoding="utf-8")] if os.path.exists(notes_path) else []
    return rows, stores, [n for n in notes if n]


def files_written(run_dir, label):
    """'W written' of the build's own line, per run."""
    out = []
    for i in range(1, 100):
        p = os.path.join(run_dir, "logs", "%s.run%d.out" % (label, i))
        if not os.path.exists(p):
            break
        m = re.search(r"\((\d+) written, (\d+) unchanged, (\d+) removed\)", open(p, encoding="utf-8").read())
        out.append(m.group(1) if m else "?")
    return out


def seconds(s):
    return "%.2f s" % s if s < 100 else "%.0f s (%.1f min)" % (s, s / 60)


def wall(r):
    if r["n_runs"] == 1:
        return seconds(r["wall_median_s"])
    return "%s (%.2f-%.2f)" % (seconds(r["wall_median_s"]), r["wall_min_s"], r["wall_max_s"])


def cpu(r):
    return seconds(r["user_median_s"] + r["sys_median_s"])


LISTING = [  # (what, label prefix); the label is prefix + "-N<n>"
    ("gleaner store step (gleaner run --all --no-build per slice)", "gleaner-store"),
    ("gleaner build --full", "gleaner-full"),
    ("gleaner build --full, over its output", "gleaner-full-warm"),
    ("hugo", "hugo-rfc1123"),
    ("hexo", "hexo"),
    ("gleaner build, nothing new", "gleaner-incremental-none"),
    ("gleaner build, 50 new items", "gleaner-incremental-50"),
    ("gleaner build, 1,000 new items", "gleaner-incremental-1000"),
    ("gleaner run, nothing due (with its build)", "gleaner-run-idle"),
    ("gleaner run --no-build, nothing due", "gleaner-run-idle-nobuild"),
    ("gleaner status", "gleaner-status"),
]


def figures(run_dir, rows, stores):
    print()
    print("| N | what | wall, median (min-max) | CPU user+sys | peak RSS (max) | gleaner / tool, wall |")
    print("|---|---|---|---|---|---|")
    sizes = sorted({int(m.group(1)) for m in (re.search(r"-N(\d+)$", k) for k in rows) if m} | set(stores))
    for n in sizes:
        g = rows.get("gleaner-full-N%d" % n)
        for what, prefix in LISTING:
            label = "%s-N%d" % (prefix, n)
            r = rows.get(label)
            if not r:
                continue
            ratio = ""
            if prefix in ("hugo-rfc1123", "hexo") and g:
                q = g["wall_median_s"] / r["wall_median_s"]
                ratio = "%.3f (1/%.1f)" % (q, 1 / q) if q < 1 else "%.2f" % q
            note = ""
            if prefix == "gleaner-store":
                note = " [%d slices, at most %d items in one document; %.0f items/s; %s with the conversion]" % (
                    r["slices"], r["max_items"], n / r["wall_median_s"], seconds(r["loop_wall_s"]))
            elif prefix.startswith("gleaner-incremental") or prefix == "gleaner-full":
                w = files_written(run_dir, label)
                if w:
                    note = " [files written: %s]" % ", ".join(w)
            print("| %s | %s%s | %s | %s | %.0f MB | %s |" % (format(n, ","), what, note, wall(r), cpu(r),
                                                             r["rss_max_mb"], ratio))
    s = rows.get("gleaner-start")
    if s:
        print("| | gleaner --version (JVM start-up) | %s | %s | %.0f MB | |" % (wall(s), cpu(s), s["rss_max_mb"]))
    if stores:
        print()
        print("| N | store on disk | body_html | summary | content | store / all bodies | store / body_html | largest tables |")
        print("|---|---|---|---|---|---|---|---|")
        for n in sorted(stores):
            s = stores[n]
            bodies = s["body_html"] + s["summary"] + s["content"]
            tables = ", ".join("%s %.0f" % (k, v / 1e6) for k, v in list(s.get("tables", {}).items())[:4])
            print("| %s | %.0f MB | %.0f MB | %.0f MB | %.0f MB | %.2fx | %.2fx | %s |" % (
                format(n, ","), s["on_disk"] / 1e6, s["body_html"] / 1e6, s["summary"] / 1e6, s["content"] / 1e6,
                s["on_disk"] / bodies, s["on_disk"] / max(1, s["body_html"]), tables + " MB" if tables else "?"))


class Goals:
    def __init__(self, rows, notes):
        self.rows = rows
        self.lines = []
        self.verdicts = []
        self.notes = notes

    def judge(self, goal, figure, ok, n=None):
        self.verdicts.append(ok)
        self.lines.append((goal, figure, self.hugo(n), "yes" if ok else "**no**"))

    def missing(self, goal, why, n=None):
        self.lines.append((goal, why, self.hugo(n), "no figure"))

    def hugo(self, n):
        """Hugo's build of the same N posts (it has no incremental build: it always builds everything)."""
        if n is None:
            return ""
        r = self.rows.get("hugo-rfc1123-N%d" % n)
        if r:
            return "%s, %.0f MB" % (seconds(r["wall_median_s"]), r["rss_max_mb"])
        return self.why(n, "Hugo", "not timed").split(": ")[0]  # the reason is in the notes above

    def why(self, n, tool, fallback):
        """What notes.txt says of the tool at N, or the fallback."""
        for note in self.notes:
            if note.startswith("N=%d:" % n) and tool in note:
                return note.split(": ", 1)[1]
        return fallback

    def print(self):
        print()
        print("| goal | figure | Hugo on the same posts | met |")
        print("|---|---|---|---|")
        for line in self.lines:
            print("| %s | %s | %s | %s |" % line)


def below(goals, rows, label, goal, limit, n):
    r = rows.get(label)
    if r:
        runs = "one run" if r["n_runs"] == 1 else "median of %d; slowest %s" % (r["n_runs"], seconds(r["wall_max_s"]))
        goals.judge(goal, "%s (%s)" % (seconds(r["wall_median_s"]), runs), r["wall_median_s"] < limit, n)
    else:
        goals.missing(goal, goals.why(n, "Gleaner", "not measured (N=%s not in this run)" % format(n, ",")), n)


def ratio(goals, rows, n, tool, label, limit, goal):
    g, t = rows.get("gleaner-full-N%d" % n), rows.get(label)
    if g and t:
        q = g["wall_median_s"] / t["wall_median_s"]
        goals.judge(goal, "%s / %s = %.3f (1/%.1f)" % (seconds(g["wall_median_s"]), seconds(t["wall_median_s"]), q, 1 / q),
                    q <= limit, n)
    elif g:
        goals.missing(goal, "no %s figure: %s" % (tool, goals.why(n, tool, "not measured")), n)
    else:
        goals.missing(goal, goals.why(n, "Gleaner", "not measured (N=%s not in this run)" % format(n, ",")), n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run_dir")
    ap.add_argument("--no-goals", default="", metavar="WHY")
    ap.add_argument("--failed", default="")
    a = ap.parse_args()
    rows, stores, notes = load(a.run_dir)
    figures(a.run_dir, rows, stores)
    if notes:
        print()
        for note in notes:
            print("- " + note)

    if a.no_goals:
        print()
        print("goals: not judged (%s)" % a.no_goals)
    else:
        goals = Goals(rows, notes)
        below(goals, rows, "gleaner-incremental-none-N100000", "build, nothing new, 100,000 items: < 1 s", 1, 100000)
        below(goals, rows, "gleaner-incremental-none-N1000000", "build, nothing new, 1,000,000 items: < 1 s", 1, 1000000)
        below(goals, rows, "gleaner-incremental-1000-N1000000", "build after 1,000 new items, 1,000,000: < 5 s", 5, 1000000)
        below(goals, rows, "gleaner-incremental-50-N10000", "build after 50 new items, 10,000: < 1 s", 1, 10000)
        ratio(goals, rows, 100000, "Hugo", "hugo-rfc1123-N100000", 0.2, "build --full, 100,000: <= 1/5 of Hugo")
        below(goals, rows, "gleaner-full-N1000000", "build --full, 1,000,000: < 5 min", 300, 1000000)
        ratio(goals, rows, 10000, "Hugo", "hugo-rfc1123-N10000", 0.5, "build --full, 10,000: <= 1/2 of Hugo")
        ratio(goals, rows, 10000, "Hexo", "hexo-N10000", 0.05, "build --full, 10,000: <= 1/20 of Hexo")
        sizes = sorted({int(m.group(1)) for m in (re.search(r"^gleaner-.*-N(\d+)$", k) for k in rows) if m})
        for n in sizes:
            builds = {k: r for k, r in rows.items()
                      if re.fullmatch(r"gleaner-(full|full-warm|incremental-\w+)-N%d" % n, k)}
            if builds:
                worst = max(builds, key=lambda k: builds[k]["rss_max_mb"])
                goals.judge("peak RSS of every build, %s: < 1 GB" % format(n, ","),
                            "%.0f MB (%s)" % (builds[worst]["rss_max_mb"], worst), builds[worst]["rss_max_mb"] < GB, n)
        below(goals, rows, "gleaner-run-idle-N1000000", "run, nothing due (with its build), 1,000,000: < 1 s", 1, 1000000)
        below(goals, rows, "gleaner-status-N1000000", "status, 1,000,000: < 1 s", 1, 1000000)
        below(goals, rows, "gleaner-store-N1000000", "store step, 1,000,000 items: in minutes (< 20 min)", 1200, 1000000)
        for n in sorted(stores):
            s = stores[n]
            bodies = s["body_html"] + s["summary"] + s["content"]
            goals.judge("store on disk, %s: <= 1.5x the bodies it keeps" % format(n, ","),
                        "%.0f MB / %.0f MB = %.2fx (%.2fx body_html alone)" % (
                            s["on_disk"] / 1e6, bodies / 1e6, s["on_disk"] / bodies, s["on_disk"] / max(1, s["body_html"])),
                        s["on_disk"] <= 1.5 * bodies)
        goals.print()
        failed = a.failed.split()
        if failed:
            print("failed: %s (see the logs)" % " ".join(failed))
            return 1
        return 2 if False in goals.verdicts else 0
    return 1 if a.failed.split() else 0


if __name__ == "__main__":
    sys.exit(main())
