"""Source paths → the article files to read, in a fixed order.

Folders are walked recursively in sorted order; hidden files and folders
are skipped, symbolic links are followed but never twice into the same
folder (so a link loop ends), and anything that is not a regular file
(a FIFO, a device) is reported instead of being opened.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import KgError, Warn

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def _kind(mode: int) -> str:
    """A short name for a non-regular file type.

    >>> _kind(stat.S_IFIFO), _kind(stat.S_IFCHR)
    ('a named pipe', 'a character device')
    """
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file or folder"


def _stat(path: Path) -> os.stat_result:
    """``os.stat`` with its errors turned into catalogue messages."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise KgError("E008", path=path, detail="broken symbolic link") from None
        raise KgError("E001", path=path) from None
    except OSError as e:
        raise KgError("E008", path=path, detail=e.strerror or type(e).__name__) from None


def _ids(paths: Iterable[str | Path]) -> set[tuple[int, int]]:
    """(device, inode) of those ``paths`` that exist."""
    out = set()
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            continue
        out.add((st.st_dev, st.st_ino))
    return out


def source_files(paths: Iterable[str | Path], warn: Warn,
                 exclude: Iterable[str | Path] = ()) -> Iterator[tuple[Path, str]]:
    """Yield ``(file, article id)`` for every readable-looking file under ``paths``.

    A file named directly keeps its name as id; a file found in a folder gets
    its path relative to that folder. The same file is yielded only once.
    Files and folders in ``exclude`` (our own outputs) are not looked into
    when walking a folder.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "b").mkdir(); (d / ".git").mkdir()
    >>> for name in ("b/2.txt", "a.md", ".hidden.txt", ".git/x.txt", "pic.png"):
    ...     _ = (d / name).write_text("市长")
    >>> [i for _, i in source_files([d, d / "a.md"], print)]
    ['a.md', 'b/2.txt']
    """
    seen: set[tuple[int, int]] = set()
    skip = _ids(exclude)
    for p in paths:
        path = Path(p)
        try:
            if not str(p):                    # Path("") would be the current folder
                raise KgError("E001", path="''")
            st = _stat(path)
            if stat.S_ISDIR(st.st_mode):
                found = list(_walk(path, warn, skip))
                if not found:
                    warn(KgError("E027", path=path))
                items = found
            elif stat.S_ISREG(st.st_mode):
                items = [(path, path.name, st)]
            else:
                raise KgError("E022", path=path, kind=_kind(st.st_mode))
        except KgError as e:
            warn(e)
            continue
        for f, aid, fst in items:
            if (fst.st_dev, fst.st_ino) not in seen:
                seen.add((fst.st_dev, fst.st_ino))
                yield f, aid


def _walk(root: Path, warn: Warn, skip: set[tuple[int, int]]) -> Iterator[tuple[Path, str, os.stat_result]]:
    """The supported files under folder ``root``, sorted by relative path, except those in ``skip``."""
    found: list[tuple[tuple[str, ...], Path, os.stat_result]] = []
    rst = os.stat(root)
    visited = {(rst.st_dev, rst.st_ino)} | skip
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            warn(KgError("E008", path=folder, detail=e.strerror or type(e).__name__))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            supported = path.suffix.lower() in SUFFIXES
            try:
                st = os.stat(path)
            except OSError as e:
                if supported:
                    detail = "broken symbolic link" if isinstance(e, FileNotFoundError) else e.strerror
                    warn(KgError("E008", path=path, detail=detail or type(e).__name__))
                continue
            if stat.S_ISDIR(st.st_mode):
                if (st.st_dev, st.st_ino) not in visited:
                    visited.add((st.st_dev, st.st_ino))
                    stack.append((path, rel + (entry.name,)))
            elif (st.st_dev, st.st_ino) in skip:
                continue
            elif supported and stat.S_ISREG(st.st_mode):
                found.append((rel + (entry.name,), path, st))
            elif supported:
                warn(KgError("E022", path=path, kind=_kind(st.st_mode)))
    for parts, path, st in sorted(found, key=lambda t: t[0]):
        yield path, "/".join(parts), st
