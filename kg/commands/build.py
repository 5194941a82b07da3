"""``kg build SRC... -o OUT``: every stage, all output files."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from .common import add_sources, warn


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="articles → graph.ttl, graph.trig, graph.html, extractions.jsonl")
    add_sources(b)
    b.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    b.add_argument("--base", default=None, help="base IRI of entity IRIs")
    b.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..pipeline import build
    t0 = time.perf_counter()
    summary = build(a.sources, Path(a.output), home=a.home, warn=warn, progress=not a.quiet, base=a.base)
    seconds = time.perf_counter() - t0
    types = ", ".join(f"{k} {v}" for k, v in summary["entities"].items())
    print(f"kg: {summary['articles']} articles; entities: {types}; "
          f"{summary['relations']} relations; {summary['triples']} triples; {seconds:.1f} s → {a.output}")
    return 0
