"""``kg stats OUT``: counts by type, most connected officials, agencies with most projects, communities."""
from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("stats", help="build output → tables: counts, most connected officials, agencies, communities")
    s.add_argument("out", metavar="OUT", help="output folder of kg build (or its graph.json)")
    s.add_argument("--top", type=int, default=10, metavar="N", help="rows per table (default 10)")
    s.add_argument("--json", action="store_true", help="print the figures as JSON instead of tables")
    s.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..view import read_graph
    from ..view.stats import format_stats, graph_stats
    figures = graph_stats(read_graph(a.out), top=max(1, a.top))
    print(json.dumps(figures, ensure_ascii=False, indent=1) if a.json else format_stats(figures), end="\n" if a.json else "")
    return 0
