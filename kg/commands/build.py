"""``kg build SRC... -o OUT``: every stage, all output files."""
from __future__ import annotations

import argparse
import time

from .common import add_disable, add_jobs, add_sources, check_output_dir, disabled, output_path, warn


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("build", help="articles → graph.ttl, graph.trig, graph.html, extractions.jsonl")
    add_sources(b)
    b.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    b.add_argument("--base", default=None, help="base IRI of entity IRIs")
    add_jobs(b)
    add_disable(b)
    b.add_argument("--corrections", metavar="FILE", default=None,
                   help="the corrections file (default: corrections.toml beside the first source, when there is one)")
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
                    jobs=a.jobs, cache=not a.no_cache, disable=disabled(a), corrections=a.corrections,
                    accurate=a.accurate)
    print(one_line(summary_line(summary, time.perf_counter() - t0, a.output)))
    if summary.get("corrections"):
        c = summary["corrections"]
        print(one_line(f"kg: corrections from {c['file']}: {c['applied']} applied, {c['orphaned']} orphaned"))
    if summary.get("home_unknown"):
        print(one_line(home_line(summary["home_unknown"], summary["articles"])))
    return 0


def home_line(unknown: list[tuple[str, str]], total: int) -> str:
    """The one line that says which articles have no home (their text shows none, or a national source).

    >>> home_line([("a.txt", "unknown"), ("b.txt", "national")], 3)
    'kg: home unknown (null) in 2 of 3 articles: a.txt, b.txt (national source); give --home to set it'
    """
    shown = ", ".join(f"{aid} (national source)" if level == "national" else aid for aid, level in unknown[:12])
    more = f" and {len(unknown) - 12} more" if len(unknown) > 12 else ""
    return f"kg: home unknown (null) in {len(unknown)} of {total} articles: {shown}{more}; give --home to set it"
