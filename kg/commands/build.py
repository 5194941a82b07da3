"""``kg build SRC... -o OUT``: every stage, all output files."""
from __future__ import annotations

import argparse
import time

from .common import add_jobs, add_sources, check_output_dir, output_path, warn


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="articles → graph.ttl, graph.trig, graph.html, extractions.jsonl")
    add_sources(b)
    b.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    b.add_argument("--base", default=None, help="base IRI of entity IRIs")
    add_jobs(b)
    b.set_defaults(func=run)


def summary_line(summary: dict, seconds: float, out: str) -> str:
    """The one line ``kg build`` prints when done.

    >>> summary_line({"articles": 2, "entities": {"Person": 1, "Place": 3}, "relations": 4, "triples": 9}, 0.25, "out")
    'kg: 2 articles; entities: Person 1, Place 3; 4 relations; 9 triples; 0.2 s → out'
    >>> summary_line({"articles": 2, "entities": {}, "relations": 0, "triples": 9,
    ...               "store": {"added": 1, "replaced": 0, "removed": 0, "unchanged": 1}}, 0.25, "out")
    'kg: 2 articles; entities: ; 0 relations; 9 triples; store: 1 added, 1 unchanged; 0.2 s → out'
    >>> summary_line({"articles": 2, "entities": {}, "relations": 0, "triples": 9, "store": {"unchanged": 2},
    ...               "up_to_date": True}, 0.25, "out")
    'kg: 2 articles; entities: ; 0 relations; 9 triples; store: 2 unchanged; up to date, nothing rebuilt; 0.2 s → out'
    """
    types = ", ".join(f"{k} {v}" for k, v in summary["entities"].items())
    store = summary.get("store")      # articles added/replaced/removed/unchanged in OUT/store
    changes = f"; store: {', '.join(f'{v} {k}' for k, v in store.items() if v)}" if store and any(store.values()) else ""
    ex = summary.get("extraction")    # articles extracted now / taken from the extraction cache
    if summary.get("up_to_date"):
        changes += "; up to date, nothing rebuilt"
    elif ex and ex.get("cached"):
        changes += f"; {ex.get('extracted', 0)} extracted, {ex['cached']} from the cache"
    return (f"kg: {summary['articles']} articles; entities: {types}; "
            f"{summary['relations']} relations; {summary['triples']} triples{changes}; {seconds:.1f} s → {out}")


def run(a: argparse.Namespace) -> int:
    from ..pipeline import build
    from .common import one_line
    t0 = time.perf_counter()
    out = output_path(a.output)
    check_output_dir(out)           # before the long part, not after it
    from ..rdf.iri import check_base
    check_base(a.base)
    summary = build(a.sources, out, home=a.home, warn=warn, progress=not a.quiet, base=a.base,
                    jobs=a.jobs, cache=not a.no_cache)
    print(one_line(summary_line(summary, time.perf_counter() - t0, a.output)))
    return 0
