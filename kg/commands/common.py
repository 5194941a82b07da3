"""Arguments and output shared by several subcommands."""
from __future__ import annotations

import argparse
import sys

from ..errors import KgError


def warn(e: KgError) -> None:
    """Print a skipped-input warning on one line."""
    print(f"kg: warning: {e}", file=sys.stderr)


def add_sources(p: argparse.ArgumentParser) -> None:
    """``SRC...`` and ``--home``, as every reading command takes them."""
    p.add_argument("sources", nargs="+", metavar="SRC", help="article files or folders (.txt .md .html .jsonl)")
    p.add_argument("--home", help="home city of the paper (e.g. 晋中市); inferred from the text when omitted")
