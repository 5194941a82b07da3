"""JSON Lines → articles: one ``{"id", "text", "title"?, "date"?, "source"?, "home"?}`` per line.

The file is read line by line (so a large file is never held whole); a bad
line is reported with its number and skipped, the others are read.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..divisions import divisions
from ..errors import KgError, Warn
from ..model import Article
from .dates import iso_date
from .decode import best_encoding, decode_bytes, looks_binary
from .text import clean_str, tidy

MAX_LINE = 32 * 1024 * 1024
MAX_WARNINGS = 20            # per file; a pretty-printed JSON file would give one per line
_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false",
          type(None): "null"}


def _lines(fh: BinaryIO, path: Path, warn: Warn) -> Iterator[tuple[int, bytes]]:
    """Numbered raw lines of ``fh``; an over-long line is reported and skipped."""
    n = 0
    while True:
        line = fh.readline(MAX_LINE + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(MAX_LINE)
            warn(KgError("E023", path=f"{path}: line {n}", size=f"> {MAX_LINE >> 20}", limit=MAX_LINE >> 20))
            continue
        yield n, line


def _texts(fh: BinaryIO, path: Path, warn: Warn) -> Iterator[tuple[int, str]]:
    """Numbered decoded lines: UTF-8, else one legacy encoding guessed once for the file."""
    head = fh.read(8192)
    fh.seek(0)
    wide = head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head     # UTF-16/32, or binary
    if not wide and looks_binary(head):
        raise KgError("E003", path=path)
    if wide:
        # UTF-16/32 lines cannot be split as bytes: decode the file whole (it is size-checked).
        data = fh.read(MAX_LINE + 1)
        if len(data) > MAX_LINE:
            raise KgError("E023", path=path, size=f"> {MAX_LINE >> 20}", limit=MAX_LINE >> 20)
        text = decode_bytes(data, path)
        for n, line in enumerate(text.split("\n"), 1):
            yield n, line
        return
    legacy: str | None = None
    for n, raw in _lines(fh, path, warn):
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            yield n, raw.decode("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        if legacy is None:
            legacy = best_encoding(raw)[0]
        try:
            yield n, raw.decode(legacy or "utf-8")
        except UnicodeDecodeError:
            try:
                yield n, decode_bytes(raw, f"{path}: line {n}")
            except KgError as e:
                warn(e)


def _kind(obj: Any) -> str:
    return _KINDS.get(type(obj), type(obj).__name__)


def read_jsonl(fh: BinaryIO, path: Path, warn: Warn) -> Iterator[tuple[Article, int]]:
    """Yield ``(article, line number)`` for every good line of the JSONL file ``fh``.

    Bad lines are reported to ``warn`` (at most ``MAX_WARNINGS``, then a
    count); a file without any line raises E002.
    """
    hidden = 0

    def line_warn(e: KgError) -> None:
        nonlocal hidden
        hidden += 1
        if hidden <= MAX_WARNINGS:
            warn(e)

    lines = 0
    try:
        for art, n in _read(fh, path, line_warn):
            lines += 1
            yield art, n
    finally:
        if hidden > MAX_WARNINGS:
            warn(KgError("E035", path=path, count=hidden - MAX_WARNINGS))
    if not lines and not hidden:
        raise KgError("E002", path=path)


def _read(fh: BinaryIO, path: Path, warn: Warn) -> Iterator[tuple[Article, int]]:
    seen: set[str] = set()
    for n, line in _texts(fh, path, warn):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except RecursionError:
            warn(KgError("E005", path=path, line=n, detail="nested too deeply"))
            continue
        except ValueError as e:
            detail = f"{e.msg} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else str(e)
            warn(KgError("E005", path=path, line=n, detail=detail))
            continue
        if not isinstance(obj, dict):
            warn(KgError("E024", path=path, line=n, kind=_kind(obj)))
            continue
        art = _article(obj, path, n, warn)
        if art is None:
            continue
        if art.id in seen:
            warn(KgError("E015", path=path, line=n, id=art.id))
            continue
        seen.add(art.id)
        yield art, n


def _article(obj: dict, path: Path, n: int, warn: Warn) -> Article | None:
    """The article of one JSON object, or None (after a warning) when it has none."""
    text = obj.get("text")
    if isinstance(text, str):
        text = tidy(text)
    if not isinstance(text, str) or not text.strip():
        warn(KgError("E006", path=path, line=n))
        return None
    aid = obj.get("id")
    if aid is None:
        aid = f"{path.stem}-{n}"
    elif isinstance(aid, bool) or not isinstance(aid, (str, int)) or not str(aid).strip():
        warn(KgError("E025", path=path, line=n))
        return None
    fields: dict[str, str | None] = {}
    for key in ("title", "source", "home"):
        v = obj.get(key)
        if v is not None and not isinstance(v, str):
            warn(KgError("E026", path=path, line=n, field=key))
            v = None
        fields[key] = tidy(v).strip() or None if v else None
    if fields["home"] and not divisions().lookup(fields["home"]):
        warn(KgError("E062", path=path, line=n, home=fields["home"]))
        fields["home"] = None          # inferred from the text instead
    date = obj.get("date")
    if date is not None and date != "":
        iso = iso_date(date)
        if iso is None:
            warn(KgError("E014", path=f"{path}: line {n}", value=date))
        date = iso
    else:
        date = None
    return Article(id=clean_str(str(aid)), text=text, title=fields["title"], date=date,
                   source=fields["source"] or str(path), home=fields["home"])
