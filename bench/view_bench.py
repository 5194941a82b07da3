"""How fast a big ``graph.html`` opens and responds, measured in headless Chromium.

    .venv/bin/python bench/view_bench.py                 # 5,000 nodes / 10,000 facts
    .venv/bin/python bench/view_bench.py --nodes 2000 --facts 6000

Builds a random typed graph (kg.view.sample.random_graph, fixed seed), writes
its view, opens it from disk and reports: Python time (layout, page), page
size, time until the network is drawn and usable (``body[data-ready]``), the
cost of one full redraw (what a pan or zoom frame costs), and how long a
search-and-focus and a type filter take. Not part of the test suite.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--facts", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--screenshot", metavar="PNG", help="save a screenshot of the opened page")
    a = ap.parse_args(argv)
    why = browser_missing()
    if why:
        print(f"bench: {why}", file=sys.stderr)
        return 1

    graph = random_graph(a.nodes, a.facts, seed=a.seed)
    t0 = time.perf_counter()
    data = view_data(graph)
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
        t = time.perf_counter()
        pg.goto(path.as_uri())
        pg.wait_for_selector("body[data-ready='1']", timeout=300_000)
        wall = time.perf_counter() - t
        ready = pg.evaluate("kgView.readyAt") / 1000
        shown = pg.evaluate("kgView.shownNodes()")
        frames = {zoom: pg.evaluate("""(z) => { const n = kgView.network, out = []; n.fit(); const f = n.getScale();
            for (let i = 0; i < 7; i++) { n.moveTo({scale: f * z * (1 + 0.05 * i)});
              const t = performance.now(); n.redraw(); out.push(performance.now() - t); }
            n.fit(); return out; }""", zoom) for zoom in (1, 4, 16)}
        label = data["nodes"][len(data["nodes"]) // 2]["label"]
        search = pg.evaluate("""(q) => { const t = performance.now(); const hits = kgView.search(q);
            kgView.focusNode(hits[0].node.id); kgView.network.redraw(); return performance.now() - t; }""", label)
        filt = pg.evaluate("""() => { const t = performance.now(); kgView.setType('Person', false);
            kgView.network.redraw(); const a = performance.now() - t; kgView.setType('Person', true); return a; }""")
        deg = pg.evaluate("""() => { const t = performance.now(); kgView.setMinDegree(3);
            kgView.network.redraw(); const a = performance.now() - t; kgView.setMinDegree(0); return a; }""")
        if a.screenshot:
            pg.screenshot(path=a.screenshot)
    rows += [("browser: open → drawn and usable (wall)", f"{wall:.2f} s"),
             ("browser: navigation → ready (page clock)", f"{ready:.2f} s"),
             ("nodes drawn", f"{shown}"),
             *((f"one redraw (a pan/zoom frame) at {z}× the fit scale, median", f"{statistics.median(v):.0f} ms")
               for z, v in frames.items()),
             ("search + focus + panel + redraw", f"{search:.0f} ms"),
             ("hide a type + redraw", f"{filt:.0f} ms"),
             ("min. connections 3 + redraw", f"{deg:.0f} ms"),
             ("console errors / remote requests", f"{len(errors)} / {len(remote)}")]
    w = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{w}}  {v}")
    return 1 if errors or remote or shown != len(data["nodes"]) else 0


if __name__ == "__main__":
    sys.exit(main())
