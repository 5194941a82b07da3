"""Whole-build benchmarks, each measured in one run (ratios, with the load average at the time).

    python bench/build_bench.py rebuild [--articles N]    # fresh vs unchanged vs +1 % (whole kg build)
    python bench/build_bench.py jobs [--articles N]       # extraction phase and whole build, --jobs 2 vs 1
    python bench/build_bench.py memory [--sizes 1000,5000,20000] [--fresh-names]   # peak RSS by corpus size
    python bench/build_bench.py file JSONL                # one build of a given file: time and peak RSS

Corpora are recombined paragraphs of the seeds (bench/corpus.py): the entities
come from a fixed pool. ``--fresh-names`` adds an official and a company of
its own to every article. Each build runs in a fresh process; peak RSS is that
process's, and its largest worker's under ``--jobs``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import fresh_names, pool_corpus, write_jsonl  # noqa: E402
from phases import PHASE_TIMER  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

RUN = PHASE_TIMER + r"""
import json, resource, sys
from pathlib import Path
from kg.pipeline import build
t = time.perf_counter()
s = build([sys.argv[1]], Path(sys.argv[2]), jobs=int(sys.argv[3]), cache=sys.argv[4] == "1", base=None)
s["seconds"] = time.perf_counter() - t
s["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
s["worker_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
s["phases"] = phases
print(json.dumps(s))
"""


def build(src: Path, out: Path, jobs: int = 2, cache: bool = True) -> dict:
    """One ``kg build`` in a fresh process: its summary, wall time and peak RSS."""
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", RUN, str(src), str(out), str(jobs), "1" if cache else "0"],
                       capture_output=True, text=True, cwd=ROOT)
    if p.returncode:
        raise SystemExit(p.stderr)
    s = json.loads(p.stdout.splitlines()[-1])
    s["wall"] = time.perf_counter() - t          # with interpreter start, as a user waits for it
    return s


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def rebuild(a: argparse.Namespace, work: Path) -> None:
    rows = pool_corpus(a.articles)
    src = write_jsonl(rows, work / "c.jsonl")
    grown = write_jsonl(rows + pool_corpus(max(1, a.articles // 100), start=a.articles), work / "g.jsonl")
    print(f"{a.articles} articles ({src.stat().st_size / 2 ** 20:.1f} MB); {load()}")
    fresh = build(src, work / "out")
    same = build(src, work / "out")
    more = build(grown, work / "out")
    page = (work / "out" / "graph.html").stat().st_size / 2 ** 20
    print(f"fresh build:        {fresh['wall']:6.1f} s  (store: {fresh['store']}; {sum(fresh['entities'].values()):,} "
          f"entities, graph.html {page:.1f} MB after the +1 % build)")
    print(f"unchanged rebuild:  {same['wall']:6.2f} s  → {fresh['wall'] / same['wall']:.1f}x faster")
    print(f"+1 % articles:      {more['wall']:6.2f} s  → {more['wall'] / fresh['wall']:.0%} of the fresh build "
          f"({more['extraction']})")
    for name, s in (("fresh", fresh), ("+1 %", more)):
        print(f"  {name} phases: " + ", ".join(f"{k} {v:.1f} s" for k, v in s["phases"].items())
              + f"; outside them (interpreter, imports, the key's pass): {s['wall'] - sum(s['phases'].values()):.1f} s")
    print(load())


def jobs(a: argparse.Namespace, work: Path) -> None:
    from kg.extraction import extract_corpus
    from kg.read import read_sources
    rows = pool_corpus(a.articles)
    src = write_jsonl(rows, work / "c.jsonl")
    arts = list(read_sources([src]))
    from kg.extract import Extractor
    from kg.model import Article
    Extractor()(Article("w", "市长到县里调研。"))               # dictionaries loaded before timing
    print(f"{len(arts)} articles, {sum(len(x.text) for x in arts):,} characters; {load()}")
    times = {}
    for n in (1, 2, 1, 2):                                     # alternate, keep the best of two
        t = time.perf_counter()
        docs = list(extract_corpus(arts, jobs=n))
        times[n] = min(times.get(n, 1e9), time.perf_counter() - t)
        assert len(docs) == len(arts)
    print(f"extraction: --jobs 1 {times[1]:.1f} s, --jobs 2 {times[2]:.1f} s → {times[1] / times[2]:.2f}x")
    whole = {n: build(src, work / f"o{n}", jobs=n, cache=False) for n in (1, 2)}
    print(f"whole build (no cache): --jobs 1 {whole[1]['wall']:.1f} s, --jobs 2 {whole[2]['wall']:.1f} s → "
          f"{whole[1]['wall'] / whole[2]['wall']:.2f}x; {load()}")


def memory(a: argparse.Namespace, work: Path) -> None:
    print(f"{'articles':>8} {'MB in':>7} {'seconds':>8} {'peak RSS MB':>12} {'per article KB':>15} "
          f"{'worker MB':>10} {'triples':>10}  {load()}")
    for n in [int(x) for x in a.sizes.split(",")]:
        rows = pool_corpus(n)
        if a.fresh_names:
            rows = fresh_names(rows)
        src = write_jsonl(rows, work / f"m{n}.jsonl")
        s = build(src, work / f"m{n}", jobs=a.jobs, cache=False)
        print(f"{n:>8} {src.stat().st_size / 2 ** 20:>7.1f} {s['wall']:>8.1f} {s['peak_rss_mb']:>12.0f} "
              f"{s['peak_rss_mb'] * 1024 / n:>15.1f} {s['worker_peak_rss_mb']:>10.0f} {s['triples']:>10}", flush=True)
        shutil.rmtree(work / f"m{n}", ignore_errors=True)
        src.unlink()
    print(load())


def one_file(a: argparse.Namespace, work: Path) -> None:
    print(f"{a.file} ({Path(a.file).stat().st_size / 2 ** 20:.0f} MB); {load()}")
    s = build(Path(a.file), work / "out", jobs=a.jobs, cache=False)
    print(f"{s['articles']} articles, {s['triples']} triples: {s['wall']:.0f} s, peak RSS {s['peak_rss_mb']:.0f} MB "
          f"(largest worker {s['worker_peak_rss_mb']:.0f} MB); {load()}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["rebuild", "jobs", "memory", "file"])
    ap.add_argument("file", nargs="?")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--fresh-names", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    os.environ["KG_CACHE_DIR"] = str(work / "cache")
    try:
        {"rebuild": rebuild, "jobs": jobs, "memory": memory, "file": one_file}[a.what](a, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
