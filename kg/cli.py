"""The ``kg`` command line: build, extract and the tools around the graph."""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .errors import KgError


def _warn(e: KgError) -> None:
    print(f"kg: warning: {e}", file=sys.stderr)


def _add_sources(p: argparse.ArgumentParser) -> None:
    p.add_argument("sources", nargs="+", metavar="SRC", help="article files or folders (.txt .md .html .jsonl)")
    p.add_argument("--home", help="home city of the paper (e.g. 晋中市); inferred from the text when omitted")


def _cmd_extract(a: argparse.Namespace) -> int:
    from .pipeline import extract_docs
    from .export.jsonl import write_extractions
    docs = extract_docs(a.sources, home=a.home, warn=_warn, progress=not a.quiet)
    write_extractions(docs, Path(a.output))
    return 0


def _cmd_build(a: argparse.Namespace) -> int:
    from .pipeline import build
    t0 = time.perf_counter()
    summary = build(a.sources, Path(a.output), home=a.home, warn=_warn, progress=not a.quiet, base=a.base)
    summary["seconds"] = time.perf_counter() - t0
    types = ", ".join(f"{k} {v}" for k, v in summary["entities"].items())
    print(f"kg: {summary['articles']} articles; entities: {types}; "
          f"{summary['relations']} relations; {summary['triples']} triples; {summary['seconds']:.1f} s → {a.output}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``kg`` and its subcommands."""
    ap = argparse.ArgumentParser(prog="kg", description="Chinese local-government news → knowledge graph")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    sub = ap.add_subparsers(dest="cmd", required=True)

    b = sub.add_parser("build", help="articles → graph.ttl, graph.trig, graph.html, extractions.jsonl")
    _add_sources(b)
    b.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    b.add_argument("--base", default=None, help="base IRI of entity IRIs")
    b.set_defaults(func=_cmd_build)

    e = sub.add_parser("extract", help="articles → extraction JSON Lines only")
    _add_sources(e)
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.set_defaults(func=_cmd_extract)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg``; return the exit status (0 ok, 1 nothing built, 2 usage)."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
