"""The ``kg`` command line; each subcommand lives in ``kg/commands/<name>.py``."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
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
    """Run ``kg``; return the exit status (0 ok, 1 error, 2 usage).

    Every failure ends in one line on stderr; the traceback of an unexpected
    one only with ``KG_DEBUG=1``.
    """
    from .commands.common import one_line
    for stream in (sys.stdout, sys.stderr):
        try:                      # a path or label the terminal cannot show must not crash the run
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    try:
        args = parser().parse_args(argv)
        return args.func(args)
    except KgError as e:
        print(f"kg: error: {one_line(str(e))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as e:          # a disk, permission or file problem no command caught: still one line
        from .outdir import os_detail
        if os.environ.get("KG_DEBUG") == "1":
            traceback.print_exc()
        print(f"kg: error: {one_line(os_detail(e))}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - the last resort: never a traceback for users
        if os.environ.get("KG_DEBUG") == "1":
            traceback.print_exc()
        print(f"kg: internal error: {type(e).__name__}: {one_line(str(e))} (KG_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so exiting does not complain again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
