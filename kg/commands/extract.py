"""``kg extract SRC... --format jsonl -o FILE``: only the per-article extraction."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import add_sources, warn


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("extract", help="articles → extraction JSON Lines only")
    add_sources(e)
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..export.jsonl import write_extractions
    from ..pipeline import extract_docs
    docs = extract_docs(a.sources, home=a.home, warn=warn, progress=not a.quiet)
    write_extractions(docs, Path(a.output))
    return 0
