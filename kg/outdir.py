"""The output folder of a build: its lock, the record of the last finished build, leftovers of
interrupted ones, and moving new files in.

A build holds ``OUT/.kg-lock`` (an ``flock``, released by the system when the
process ends, however it ends) from start to end, so two builds — or a build
and a ``kg remove`` — never write one OUT at once. ``OUT/build.json`` records
the last build that finished: its input key, its summary and a hash of every
file; it is deleted before the store or any file changes and written again
last, so its presence means "store and files are one build".

>>> import tempfile
>>> out = Path(tempfile.mkdtemp()) / "out"
>>> with lock_out(out) as created:
...     created, (out / LOCK).is_file()
(True, True)
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import crash
from .errors import KgError
from .fsutil import atomic_write, fsync_dir

_held: set[int] = set()      # descriptors of the locks this process holds

LOCK = ".kg-lock"
RECORD = "build.json"
SCRATCH = ".kg-build-"
# temporary files of ``atomic_write`` for the files kg writes into OUT (``.graph.ttl.x1y2.tmp``)
TEMP_PREFIXES = tuple(f".{n}." for n in ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl",
                                          RECORD, "graph.nt", "graph.nq", "graph.jsonld", "graph.graphml",
                                          "nodes.csv", "edges.csv"))


@contextmanager
def lock_out(out: Path, create: bool = True) -> Iterator[bool]:
    """Hold the lock of ``out`` (created when ``create``); yield whether ``out`` was created.

    E080 when another kg process holds it; E011 when ``out`` cannot be written.
    """
    created = not out.exists()
    try:
        if created:
            if not create:
                raise KgError("E001", path=out)
            out.mkdir(parents=True)
        fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as e:
        raise KgError("E011", path=out, detail=os_detail(e)) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise KgError("E080", path=out, pid=holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        _held.add(fd)
        yield created
    finally:
        _held.discard(fd)
        os.close(fd)          # releases the lock


def release_inherited_locks() -> None:
    """In a forked worker: close the lock descriptors inherited from the parent, so that the
    lock goes with the parent (a worker outliving a killed build must not keep OUT locked)."""
    for fd in list(_held):
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


def os_detail(e: OSError) -> str:
    """The part of an OS error a user needs: the reason and, when known, the file.

    >>> os_detail(OSError(13, "Permission denied", "/x/y"))
    'Permission denied: /x/y'
    """
    reason = e.strerror or str(e) or type(e).__name__
    return f"{reason}: {e.filename}" if e.filename else reason


def leftovers(out: Path) -> list[Path]:
    """Scratch folders and temporary files an interrupted run left in ``out``."""
    if not out.is_dir():
        return []
    return sorted(p for p in out.iterdir()
                  if (p.name.startswith(SCRATCH) and p.is_dir())
                  or (p.name.startswith(TEMP_PREFIXES) and p.name.endswith(".tmp") and p.is_file()))


def remove_leftovers(out: Path) -> None:
    """Delete what ``leftovers`` finds (call it holding the lock)."""
    for p in leftovers(out):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def read_record(out: Path) -> dict[str, Any] | None:
    """The record of the last finished build in ``out``; None when there is none (or it is unreadable)."""
    try:
        record = json.loads((out / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and isinstance(record.get("files"), dict) else None


def forget_record(out: Path) -> None:
    """Delete the record: from now on, until ``write_record``, OUT is between two builds."""
    f = out / RECORD
    if f.exists():
        f.unlink()
        fsync_dir(out)
        crash.step("record forgotten")


def write_record(out: Path, key: str | None, summary: dict[str, Any], names: list[str]) -> None:
    """Record a finished build: its input ``key``, ``summary`` and the hash of each file in ``names``."""
    files = {n: file_digest(out / n) for n in sorted(names) if (out / n).is_file()}
    atomic_write(out / RECORD, json.dumps({"format": "kg-build/1", "key": key, "summary": summary, "files": files},
                                          ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    fsync_dir(out)
    crash.step("record written")


def changed_files(out: Path, record: dict[str, Any]) -> list[str]:
    """The files of ``record`` that are missing from ``out`` or differ from what the build wrote."""
    bad = []
    for name, digest in sorted(record["files"].items()):
        f = out / name
        try:
            if file_digest(f) != digest:
                bad.append(name)
        except OSError:
            bad.append(name)
    return bad


def move_in(scratch: Path, out: Path) -> list[str]:
    """Rename every file of ``scratch`` over its namesake in ``out``; return their names."""
    names = []
    for f in sorted(scratch.iterdir()):
        if f.is_file():
            f.replace(out / f.name)
            names.append(f.name)
            crash.step(f"moved {f.name}")
    fsync_dir(out)
    return names


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) while OUT is updated; raise it once the update is complete.

    Outside the main thread (where signals cannot be caught) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda sig, frame: caught.append(sig))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
