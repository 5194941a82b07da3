"""Files and folders → articles, one reader per format; bad files become warnings."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import KgError, Warn
from ..model import Article
from .decode import decode_bytes
from .files import SUFFIXES, source_files
from .html import declared_charset, read_html
from .jsonl import read_jsonl
from .text import tidy

MAX_BYTES = 32 * 1024 * 1024      # one .txt/.md/.html article; far above any real page


def _open(path: Path):
    """Open ``path`` for reading bytes; OS errors become catalogue errors."""
    try:
        return open(path, "rb")
    except OSError as e:
        raise KgError("E008", path=path, detail=e.strerror or type(e).__name__) from None


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing files over ``MAX_BYTES``."""
    with _open(path) as fh:
        try:
            raw = fh.read(MAX_BYTES + 1)
        except OSError as e:
            raise KgError("E008", path=path, detail=e.strerror or type(e).__name__) from None
    if len(raw) > MAX_BYTES:
        size = f"{path.stat().st_size / 2 ** 20:.1f}"
        raise KgError("E023", path=path, size=size, limit=MAX_BYTES >> 20)
    return raw


def _one(path: Path, aid: str, warn: Warn) -> Iterator[tuple[Article, str]]:
    """Yield ``(article, where)`` for the file ``path`` (``where`` names it in messages)."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with _open(path) as fh:
            try:
                for art, n in read_jsonl(fh, path, warn):
                    yield art, f"{path}: line {n}"
            except OSError as e:
                raise KgError("E008", path=path, detail=e.strerror or type(e).__name__) from None
    elif suffix in (".html", ".htm"):
        raw = _read_bytes(path)
        text, title, date = read_html(tidy(decode_bytes(raw, path, declared=declared_charset(raw))))
        if not text.strip():
            raise KgError("E010", path=path)
        yield Article(id=aid, text=text, title=title, date=date, source=str(path)), str(path)
    elif suffix in (".txt", ".md", ""):
        text = tidy(decode_bytes(_read_bytes(path), path))
        if not text.strip():
            raise KgError("E002", path=path)
        yield Article(id=aid, text=text, source=str(path)), str(path)
    else:
        raise KgError("E007", path=path, suffix=suffix)


def read_sources(paths: Iterable[str | Path], warn: Warn | None = None,
                 exclude: Iterable[str | Path] = ()) -> Iterator[Article]:
    """Yield the articles of ``paths`` (files or folders, read in sorted order).

    A file (or JSONL line) that cannot be read is reported to ``warn`` and
    skipped; with no ``warn`` the first problem is raised. Article ids are
    unique: a later article with an id already read is skipped. Folder walks
    do not enter ``exclude`` (the run's own output, e.g. ``kg build . -o out``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "b.txt").write_bytes("县长来到村里。".encode("gbk"))
    >>> _ = (d / "a.jsonl").write_text('{"id": "x1", "text": "市长来到县里。", "date": "2024年3月5日"}\\n[1]\\n')
    >>> [(a.id, a.text, a.date) for a in read_sources([d], lambda e: print(str(e)[len(str(d)) + 1:]))]
    a.jsonl: line 2: expected a JSON object, got an array
    [('x1', '市长来到县里。', '2024-03-05'), ('b.txt', '县长来到村里。', None)]
    """
    def _raise(e: KgError) -> None:
        raise e
    warn = warn or _raise
    first: dict[str, str] = {}
    for path, aid in source_files(paths, warn, exclude):
        try:
            for art, where in _one(path, aid, warn):
                if art.id in first:
                    warn(KgError("E028", path=where, id=art.id, first=first[art.id]))
                    continue
                first[art.id] = where
                yield art
        except KgError as e:
            warn(e)


__all__ = ["read_sources", "SUFFIXES", "MAX_BYTES"]
