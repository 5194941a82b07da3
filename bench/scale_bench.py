"""Scale benchmark, measured in one run: --jobs 1, --jobs 2 and a Dask LocalCluster of 2 workers on the
same corpus; push to an Oxigraph server (whole graph, then a 1 % change); a GROUP BY on the server vs the
embedded store; the embedded store's bulk-load rate.

    nice -n 10 python bench/scale_bench.py [--articles 5000] [--keep DIR]

The corpus is bench/corpus.py's: recombined paragraphs of the seeds, each article with an official and a
company of its own (so the shared descriptions grow with the corpus). Builds run in fresh processes with
--no-cache (every article extracted); phase times come from kg's progress phases. Needs the test extra
(distributed, oxigraph). Binds 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fresh_names, pool_corpus, write_jsonl  # noqa: E402
from phases import PHASE_TIMER  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

RUN = PHASE_TIMER + r"""
import json, sys
from contextlib import ExitStack
from pathlib import Path
from kg.pipeline import build
src, out, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
with ExitStack() as stack:
    started = 0.0
    if mode == "dask":
        from kg.cluster import dask_extraction
        t = time.perf_counter()
        stack.enter_context(dask_extraction(None, 2))
        started = time.perf_counter() - t
    t = time.perf_counter()
    s = build([src], out, jobs=1 if mode == "1" else 2, cache=mode == "cached")
    s["seconds"] = time.perf_counter() - t
s["cluster_start"] = started
s["phases"] = phases
print(json.dumps(s, default=str))
"""

GROUP_BY = ("SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
            "SELECT ?p (COUNT(?f) AS ?n) WHERE { ?f a kg:Fact ; rdf:subject ?p } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 10")


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def kg_build(src: Path, out: Path, mode: str) -> dict:
    p = subprocess.run([sys.executable, "-c", RUN, str(src), str(out), mode], capture_output=True, text=True,
                       cwd=ROOT)
    if p.returncode:
        raise SystemExit(p.stderr[-3000:])
    return json.loads(p.stdout.splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: Path) -> tuple[subprocess.Popen, str]:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("oxigraph server did not start")


def timed_push(out: Path, url: str) -> tuple[float, object]:
    from kg.remote.endpoint import Endpoint
    from kg.remote.push import push
    t = time.perf_counter()
    r = push(out, Endpoint.of(url, "oxigraph", timeout=600))
    return time.perf_counter() - t, r


def query_latency(out: Path, url: str, sparql: str, runs: int = 5) -> tuple[float, float, bool]:
    """Median seconds of ``sparql`` on the server and on the embedded store, and whether they agree."""
    from kg.remote.endpoint import Endpoint
    from kg.remote.query import RemoteStore
    from kg.store import open_store
    from kg.store.query import run_query
    remote = RemoteStore(Endpoint.of(url, "oxigraph", timeout=600))
    server, embedded = [], []
    with open_store(out, read_only=True) as store:
        for _ in range(runs):
            t = time.perf_counter()
            a = run_query(remote, sparql)
            server.append(time.perf_counter() - t)
            t = time.perf_counter()
            b = run_query(store, sparql)
            embedded.append(time.perf_counter() - t)
    return statistics.median(server), statistics.median(embedded), a == b


def store_load_rate(out: Path, work: Path) -> tuple[int, float]:
    """Quads of OUT's store bulk-loaded into a new store: (quads, seconds)."""
    import pyoxigraph as ox
    with open_store_ro(out) as store:
        data = b"".join(str(q).encode("utf-8") + b" .\n" for q in store)
    target = ox.Store(str(work / "load-test"))
    t = time.perf_counter()
    target.bulk_load(data, ox.RdfFormat.N_QUADS)
    target.flush()
    return data.count(b"\n"), time.perf_counter() - t


def open_store_ro(out: Path):
    from kg.store import open_store
    return open_store(out, read_only=True)


def change_one_percent(rows: list[dict]) -> list[dict]:
    """1 % of the articles with a sentence added (a new official in each)."""
    step = 100
    return [dict(r, text=r["text"] + f"\n副县长甄{'一二三四五六七八九十'[i // step % 10]}明{i}到现场检查工作。")
            if i % step == 0 else r for i, r in enumerate(rows)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--keep", help="work in this folder and keep it")
    a = ap.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="kg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = fresh_names(pool_corpus(a.articles))
    src = write_jsonl(rows, work / "corpus.jsonl")
    chars = sum(len(r["text"]) for r in rows)
    print(f"{len(rows)} articles, {chars:,} characters ({src.stat().st_size / 2 ** 20:.1f} MB); {load()}", flush=True)
    res: dict = {"articles": len(rows), "characters": chars}
    try:
        for mode in ("1", "2", "dask"):
            out = work / f"out-{mode}"
            shutil.rmtree(out, ignore_errors=True)
            s = kg_build(src, out, mode)
            res[mode] = {"seconds": s["seconds"], "phases": s["phases"], "cluster_start": s["cluster_start"],
                         "triples": s["triples"]}
            ph = s["phases"]
            print(f"build {mode:>4}: {s['seconds']:7.1f} s (extract {ph.get('extract', 0):.1f} s, resolve "
                  f"{ph.get('resolve', 0):.1f}, rdf {ph.get('rdf', 0):.1f}, files {ph.get('files', 0):.1f}, view "
                  f"{ph.get('view', 0):.1f}, store {ph.get('store', 0):.1f})"
                  + (f"; cluster start {s['cluster_start']:.1f} s" if mode == "dask" else "") + f"; {load()}",
                  flush=True)
        same = all((work / "out-1" / f).read_bytes() == (work / f"out-{m}" / f).read_bytes()
                   for m in ("2", "dask") for f in ("graph.trig", "graph.ttl", "extractions.jsonl", "graph.json"))
        e1, e2, ed = (res[m]["phases"]["extract"] for m in ("1", "2", "dask"))
        print(f"outputs byte-identical: {same}; extraction --jobs 2 vs 1: {e1 / e2:.2f}x; dask(2) vs 1: "
              f"{e1 / ed:.2f}x; whole build --jobs 2 vs 1: {res['1']['seconds'] / res['2']['seconds']:.2f}x, "
              f"dask(2) vs 1: {res['1']['seconds'] / res['dask']['seconds']:.2f}x", flush=True)
        print(f"per core: {len(rows) / e1:.1f} articles/s extracted ({chars / e1:,.0f} characters/s); "
              f"the rest of the build (resolve, rdf, files, view, store): "
              f"{len(rows) / (res['1']['seconds'] - e1):.1f} articles/s", flush=True)
        quads, secs = store_load_rate(work / "out-1", work)
        res["store_load"] = {"quads": quads, "seconds": secs}
        print(f"embedded store bulk load: {quads:,} quads in {secs:.1f} s = {quads / secs:,.0f} quads/s", flush=True)

        server, url = start_oxigraph(work / "server")
        try:
            t, r = timed_push(work / "out-1", url)
            res["push_full"] = {"seconds": t, "sent": r.sent}
            print(f"push, whole graph: {r.sent} graphs ({quads:,} quads) in {t:.1f} s = {quads / t:,.0f} quads/s; "
                  f"{load()}", flush=True)
            changed = write_jsonl(change_one_percent(rows), work / "corpus-1pct.jsonl")
            b = kg_build(changed, work / "out-1", "cached")
            t1, r1 = timed_push(work / "out-1", url)
            res["push_1pct"] = {"seconds": t1, "sent": r1.sent, "dropped": r1.dropped, "unchanged": r1.unchanged,
                                "rebuild_seconds": b["seconds"]}
            print(f"1 % changed ({len(rows) // 100} articles): rebuild {b['seconds']:.1f} s, push {t1:.2f} s "
                  f"({r1.sent} graphs sent, {r1.dropped} dropped, {r1.unchanged} unchanged); "
                  f"push 1 % vs whole: {t / t1:.1f}x faster", flush=True)
            for q in GROUP_BY:
                s_, e_, agree = query_latency(work / "out-1", url, q)
                res.setdefault("group_by", []).append({"query": q, "server": s_, "embedded": e_, "agree": agree})
                print(f"GROUP BY: server {s_ * 1000:.0f} ms, embedded {e_ * 1000:.0f} ms ({s_ / e_:.2f}x), "
                      f"same answer: {agree}  [{q[:60]}…]", flush=True)
        finally:
            server.terminate()
            server.wait(10)
        print(json.dumps(res, default=str), flush=True)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
