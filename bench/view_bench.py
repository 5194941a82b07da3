"""How fast a big ``graph.html`` opens and responds, measured in headless Chromium.

    .venv/bin/python bench/view_bench.py                 # 5,000 and 20,000 nodes, twice as many facts
    .venv/bin/python bench/view_bench.py --nodes 2000

Builds random typed graphs (kg.view.sample.random_graph, fixed seed), writes
their views, opens them from disk and reports: Python time (layout, page), page
size, time until the network is drawn and usable (``body[data-ready]``), the
labels drawn at first sight, the cost of one full redraw (what a pan or zoom
frame costs) with the page's batched drawing and, in the same page, with
vis-network's own (their ratio), and how long a search-and-focus and filters
take. Targets: 5,000 nodes usable in ≤ 2 s, 20,000 open in ≤ 5 s with redraws
≤ 100 ms. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.view.browser import browser_missing, chromium
from kg.view.html import render
from kg.view.payload import view_data
from kg.view.sample import random_graph


TARGETS = {5000: ("usable", 2.0), 20000: ("open", 5.0)}   # seconds from navigation to ready
REDRAW_TARGET_MS = 100

REDRAWS = """(z) => { const n = kgView.network, out = []; n.fit(); const f = n.getScale();
    for (let i = 0; i < 7; i++) { n.moveTo({scale: f * z * (1 + 0.05 * i)});
      const t = performance.now(); n.redraw(); out.push(performance.now() - t); }
    n.fit(); return out; }"""


def bench_one(n: int, facts: int, seed: int, screenshot: str | None) -> tuple[list[tuple[str, str]], bool]:
    """Rows of figures for one graph of ``n`` nodes, and whether it met its targets."""
    graph = random_graph(n, facts, seed=seed)
    t0 = time.perf_counter()
    data = view_data(graph, max_nodes=0)        # the whole graph: what a browser can take
    t1 = time.perf_counter()
    page = render(data)
    t2 = time.perf_counter()
    path = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "graph.html"
    path.write_text(page, encoding="utf-8")
    rows = [("graph", f"{len(data['nodes'])} nodes, {len(data['edges'])} edges, {len(data['facts'])} facts"),
            ("python: view data incl. layout", f"{t1 - t0:.2f} s"),
            ("python: render page", f"{t2 - t1:.2f} s"),
            ("page size", f"{len(page.encode('utf-8')) / 1e6:.1f} MB")]

    with chromium() as ctx:
        pg = ctx.new_page()
        errors: list[str] = []
        remote: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        opens = []      # the first open pays for a cold browser; the target is judged on the median of three
        for i in range(3):
            if i:
                pg.close()
                pg = ctx.new_page()
            t = time.perf_counter()
            pg.goto(path.as_uri())
            pg.wait_for_selector("body[data-ready='1']", timeout=300_000)
            opens.append((time.perf_counter() - t, pg.evaluate("kgView.readyAt") / 1000))
        wall = statistics.median(w for w, _ in opens)
        ready = statistics.median(r for _, r in opens)
        shown = pg.evaluate("kgView.shownNodes()")
        labels = pg.evaluate("kgView.labelsShown()")
        frames = {zoom: pg.evaluate(REDRAWS, zoom) for zoom in (1, 4, 16)}
        pg.evaluate("kgView.fastDraw(false)")
        vis_frames = pg.evaluate(REDRAWS, 1)
        pg.evaluate("kgView.fastDraw(true)")
        label = data["nodes"][len(data["nodes"]) // 2]["label"]
        search = pg.evaluate("""(q) => { const t = performance.now(); const hits = kgView.search(q);
            kgView.focusNode(hits[0].node.id); kgView.network.redraw(); return performance.now() - t; }""", label)
        filt = pg.evaluate("""() => { const t = performance.now(); kgView.setType('Person', false);
            kgView.network.redraw(); const a = performance.now() - t; kgView.setType('Person', true); return a; }""")
        deg = pg.evaluate("""() => { const t = performance.now(); kgView.setMinDegree(3);
            kgView.network.redraw(); const a = performance.now() - t; kgView.setMinDegree(0); return a; }""")
        if screenshot:
            pg.screenshot(path=screenshot)
    worst = max(statistics.median(v) for v in frames.values())
    fast1, vis1 = statistics.median(frames[1]), statistics.median(vis_frames)
    rows += [("browser: open → drawn and usable (wall, median of 3)", f"{wall:.2f} s"),
             ("browser: navigation → ready (page clock, median of 3)", f"{ready:.2f} s"),
             ("... each open (page clock; the first in a cold browser)", " ".join(f"{r:.2f}" for _, r in opens) + " s"),
             ("nodes drawn / labels drawn at first sight", f"{shown} / {labels}"),
             *((f"one redraw (a pan/zoom frame) at {z}× the fit scale, median", f"{statistics.median(v):.0f} ms")
               for z, v in frames.items()),
             ("... at 1× with vis-network's own drawing, median", f"{vis1:.0f} ms (batched is {vis1 / fast1:.1f}× faster)"),
             ("search + focus + panel + redraw", f"{search:.0f} ms"),
             ("hide a type + redraw", f"{filt:.0f} ms"),
             ("min. connections 3 + redraw", f"{deg:.0f} ms"),
             ("console errors / remote requests", f"{len(errors)} / {len(remote)}")]
    ok = not errors and not remote and shown == len(data["nodes"])
    if n in TARGETS:
        what, limit = TARGETS[n]
        met = ready <= limit and worst <= REDRAW_TARGET_MS
        rows.append((f"target: {what} ≤ {limit:.0f} s, redraws ≤ {REDRAW_TARGET_MS} ms",
                     f"{'met' if met else 'MISSED'} ({ready:.2f} s, worst redraw {worst:.0f} ms)"))
        ok = ok and met
    return rows, ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, action="append", help="graph size (repeatable; default 5000 and 20000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--screenshot", metavar="PNG", help="save a screenshot of the last opened page")
    a = ap.parse_args(argv)
    why = browser_missing()
    if why:
        print(f"bench: {why}", file=sys.stderr)
        return 1
    sizes = a.nodes or [5000, 20000]
    all_ok = True
    for i, n in enumerate(sizes):
        rows, ok = bench_one(n, 2 * n, a.seed, a.screenshot if i == len(sizes) - 1 else None)
        all_ok = all_ok and ok
        w = max(len(k) for k, _ in rows)
        print("\n".join(f"{k:<{w}}  {v}" for k, v in rows) + "\n")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
