"""Arguments and output shared by several subcommands."""
from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from ..errors import KgError


def one_line(text: str) -> str:
    """``text`` with line breaks and other unprintable characters escaped, so it prints on one line.

    >>> one_line("a\\nb.txt: bad"), one_line("x\\udcff")
    ('a\\\\nb.txt: bad', 'x\\\\udcff')
    """
    return "".join(ch if ch.isprintable() else " " if ch == "\t" else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   for ch in text)


def warn(e: KgError) -> None:
    """Print a skipped-input warning on one line."""
    print(f"kg: warning: {one_line(str(e))}", file=sys.stderr)


def add_sources(p: argparse.ArgumentParser, nargs: str = "+") -> None:
    """``SRC...``, ``--home`` and ``-q``, as every reading command takes them."""
    p.add_argument("sources", nargs=nargs, metavar="SRC", help="article files or folders (.txt .md .html .jsonl)")
    p.add_argument("--home", help="where the papers were published: a province, city or county (株洲市, 岳西县, 天津市); "
                        "else what the text shows (我县, 本市, its paper's name), else unknown")
    # SUPPRESS: `kg -q build` and `kg build -q` both work; the subparser must not reset the flag.
    p.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress bar")


def add_disable(p: argparse.ArgumentParser) -> None:
    """``--disable RULE[,RULE]``: run the extractor without these rules (``kg rules`` lists them)."""
    p.add_argument("--disable", action="append", default=[], metavar="RULE[,RULE]",
                   help="extraction rules to switch off (names or family.*; kg rules lists them)")
    p.add_argument("--accurate", action="store_true",
                   help="also run the slower, stronger LAC tagger (needs the extra: pip install 'kg[accurate]')")


def disabled(a: argparse.Namespace) -> tuple[str, ...]:
    """The rule names given to ``--disable`` (repeated or comma-separated).

    >>> disabled(argparse.Namespace(disable=["a.b,c.*", "d.e"]))
    ('a.b', 'c.*', 'd.e')
    """
    return tuple(r.strip() for arg in getattr(a, "disable", []) for r in arg.split(",") if r.strip())


def jobs_count(text: str) -> int:
    """``--jobs N``: a whole number ≥ 1 (argparse type).

    >>> jobs_count("2")
    2
    """
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes ≥ 1, got {text!r}")
    return n


def add_jobs(p: argparse.ArgumentParser) -> None:
    """``--jobs N`` and ``--no-cache``, as the extracting commands take them."""
    p.add_argument("-j", "--jobs", type=jobs_count, default=None, metavar="N",
                   help="extract on N processes (default: all cores); the output does not depend on N")
    p.add_argument("--no-cache", action="store_true",
                   help="extract every article again (do not read or fill the extraction cache)")


def output_path(arg: str) -> Path:
    """The ``-o`` argument as a path; an empty one is refused (``Path('')`` is the current folder).

    >>> output_path("out"), output_path(".")
    (PosixPath('out'), PosixPath('.'))
    >>> output_path("")
    Traceback (most recent call last):
    kg.errors.KgError: '': cannot write (empty output path)
    """
    if not arg:
        raise KgError("E011", path="''", detail="empty output path")
    return Path(arg)


def _writable_parent(path: Path) -> None:
    """Raise E011 unless the nearest existing folder above ``path`` is a writable folder."""
    parent = path.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise KgError("E011", path=path, detail=f"{parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise KgError("E011", path=path, detail=f"no permission to write in {parent}")


def check_output_dir(path: Path) -> None:
    """Fail early (E011) when ``path`` cannot become the output folder of ``kg build``.

    >>> import tempfile; f = Path(tempfile.mkdtemp()) / "f"; _ = f.write_text("x")
    >>> check_output_dir(f)
    Traceback (most recent call last):
    kg.errors.KgError: ...: cannot write (exists and is not a folder)
    """
    if path.exists() and not path.is_dir():
        raise KgError("E011", path=path, detail="exists and is not a folder")
    if path.is_dir():
        if not os.access(path, os.W_OK | os.X_OK):
            raise KgError("E011", path=path, detail="no permission to write in it")
        return
    _writable_parent(path)


def is_stream(path: Path) -> bool:
    """Is ``path`` written in place as a stream (``-``, a pipe, a device, ``/dev/stdout``), not replaced?

    >>> is_stream(Path("-")), is_stream(Path("/dev/null")), is_stream(Path("out.jsonl"))
    (True, True, False)
    """
    if str(path) == "-":
        return True
    if str(path.absolute()).startswith(("/dev/", "/proc/")) or os.path.realpath(path).startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def check_output_file(path: Path) -> None:
    """Fail early (E011) when ``path`` cannot be written as one output file.

    >>> import tempfile; check_output_file(Path(tempfile.mkdtemp()))
    Traceback (most recent call last):
    kg.errors.KgError: ...: cannot write (is a folder; give a file name)
    """
    if path.is_dir():
        raise KgError("E011", path=path, detail="is a folder; give a file name")
    if is_stream(path):
        return
    if path.is_file() and not os.access(path, os.W_OK):
        raise KgError("E011", path=path, detail="permission denied")
    _writable_parent(path)
