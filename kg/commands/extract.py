"""``kg extract SRC... --format jsonl -o FILE``: only the per-article extraction."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import KgError
from .common import add_disable, add_jobs, add_sources, check_output_file, disabled, is_stream, output_path, warn


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("extract", help="articles → extraction JSON Lines only")
    add_sources(e)
    add_disable(e)
    add_jobs(e)
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    e.add_argument("-o", "--output", required=True, metavar="FILE", help="output file; - for standard output")
    e.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..export.jsonl import extractions_text, write_extractions
    from ..pipeline import extract_docs
    out = output_path(a.output)
    check_output_file(out)          # before the long part, not after it
    if any(_same(s, out) for s in a.sources):
        raise KgError("E036", path=out)
    docs = extract_docs(a.sources, home=a.home, warn=warn, progress=not a.quiet, exclude=(out,),
                        jobs=a.jobs, cache=not a.no_cache, disable=disabled(a), accurate=a.accurate)
    try:
        if str(out) == "-":
            sys.stdout.flush()
            stream = getattr(sys.stdout, "buffer", None)
            if stream is None:
                sys.stdout.write(extractions_text(docs))
            else:                     # UTF-8 whatever the locale says
                stream.write(extractions_text(docs).encode("utf-8"))
                stream.flush()
        elif is_stream(out):          # a pipe or device (/dev/stdout) is written, never replaced
            with open(out, "w", encoding="utf-8") as fh:
                fh.write(extractions_text(docs))
        else:
            write_extractions(docs, out)  # atomic: a failed write leaves an old FILE as it was
    except OSError as e:
        if isinstance(e, BrokenPipeError):
            raise
        raise KgError("E011", path=out, detail=e.strerror or type(e).__name__) from None
    return 0


def _same(a: str | Path, b: Path) -> bool:
    """Are ``a`` and ``b`` the same existing file?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
