"""Files and folders → articles, one reader per format; bad files become warnings."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import KgError
from ..model import Article
from .decode import decode_bytes
from .html import html_to_text

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(path).parts))
        elif path.exists():
            yield path
        else:
            raise KgError("E001", path=path)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise KgError("E008", path=path, detail=e.strerror or e) from None
    return decode_bytes(raw, path)


def _jsonl(path: Path, warn: Callable[[KgError], None]) -> Iterator[Article]:
    seen: set[str] = set()
    for n, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            warn(KgError("E005", path=path, line=n, detail=e.msg))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            warn(KgError("E006", path=path, line=n))
            continue
        aid = str(obj.get("id") or f"{path.stem}-{n}")
        if aid in seen:
            warn(KgError("E015", path=path, line=n, id=aid))
            continue
        date = obj.get("date")
        if date is not None and not (isinstance(date, str) and _DATE.match(date)):
            warn(KgError("E014", path=f"{path}:{n}", value=date))
            date = None
        seen.add(aid)
        yield Article(id=aid, text=obj["text"], title=_opt(obj.get("title")), date=date,
                      source=_opt(obj.get("source")) or str(path), home=_opt(obj.get("home")))


def _opt(v: object) -> str | None:
    return str(v).strip() or None if v is not None else None


def _one(path: Path, warn: Callable[[KgError], None]) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl(path, warn)
    elif suffix in (".html", ".htm"):
        text, title = html_to_text(_read_text(path))
        if not text.strip():
            raise KgError("E010", path=path)
        yield Article(id=path.name, text=text, title=title, source=str(path))
    elif suffix in (".txt", ".md", ""):
        yield Article(id=path.name, text=_read_text(path), source=str(path))
    else:
        raise KgError("E007", path=path, suffix=suffix)


def read_sources(paths: Iterable[str | Path], warn: Callable[[KgError], None] | None = None) -> Iterator[Article]:
    """Yield the articles of ``paths`` (files or folders, read in sorted order).

    A file that cannot be read is reported to ``warn`` and skipped; with no
    ``warn`` the first error is raised.
    """
    def _raise(e: KgError) -> None:
        raise e
    warn = warn or _raise
    ids: set[str] = set()
    for path in _files_safe(paths, warn):
        try:
            for art in _one(path, warn):
                if art.id in ids:
                    warn(KgError("E015", path=path, line=0, id=art.id))
                    continue
                ids.add(art.id)
                yield art
        except KgError as e:
            warn(e)


def _files_safe(paths: Iterable[str | Path], warn: Callable[[KgError], None]) -> Iterator[Path]:
    for p in paths:
        try:
            yield from _files([p])
        except KgError as e:
            warn(e)
