"""The ``kg`` command line; each subcommand lives in ``kg/commands/<name>.py``."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .commands import COMMANDS
from .errors import KgError


def parser() -> argparse.ArgumentParser:
    """The argument parser of ``kg`` and its subcommands."""
    ap = argparse.ArgumentParser(prog="kg", description="Chinese local-government news → knowledge graph")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    sub = ap.add_subparsers(dest="cmd", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg``; return the exit status (0 ok, 1 error, 2 usage)."""
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
