"""``kg query 'SPARQL' [--out OUT] [--format table|csv|json]``: SPARQL over the store of a build."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    q = sub.add_parser("query", help="SPARQL query over the store of a build (OUT/store)",
                       description="Run a SPARQL query over the union of all article graphs in OUT/store. "
                                   "Prefixes kg: org: schema: prov: skos: rdfs: person: place: … are predeclared; "
                                   "GRAPH ?article { … } reaches one article's graph.")
    q.add_argument("sparql", metavar="SPARQL", help="the query text, @FILE to read it from a file, or - for stdin")
    q.add_argument("--out", default="out", metavar="OUT", help="output folder of kg build (default: out)")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="table (default), SPARQL CSV or SPARQL JSON results")
    q.add_argument("--include-rejected", action="store_true",
                   help="also see the facts a correction rejected (the named graph graph/rejected)")
    q.set_defaults(func=run)


def read_query(arg: str) -> str:
    """The query text: the argument itself, a file (``@FILE``) or standard input (``-``)."""
    from ..errors import KgError
    if arg == "-":
        return sys.stdin.read()
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KgError("E001", path=str(path)) from None
        except (OSError, UnicodeDecodeError) as e:
            raise KgError("E008", path=str(path), detail=str(e)) from None
    return arg


def run(a: argparse.Namespace) -> int:
    from ..store import open_store
    from ..store.query import run_query
    text = read_query(a.sparql)
    with open_store(Path(a.out), read_only=True) as store:
        sys.stdout.write(run_query(store, text, a.format, include_rejected=a.include_rejected))
    return 0
