"""The extraction cache: each article's extraction, kept under a hash of its text, its metadata and
the extractor's version, so an article that did not change is never extracted again.

One SQLite file (``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else
``~/.cache/kg``: ``extract.sqlite``), shared by every build of the user. The
version is a hash of the installed ``kg/extract`` tree (rules, lexicons,
models), ``kg/model.py``, the package version and the extractor's settings
(``home``, ``disable``): changing any of them misses the cache. Entries are
slim ``Doc`` objects (``slim``: what resolve, RDF and the view read, no tokens
or working data), pickled and compressed. The file stays under a size limit
(``KG_CACHE_LIMIT`` MB, default 2048): after each build the least recently used
entries go. ``kg cache`` shows it, ``kg cache --prune MB`` / ``--clear`` trim it.

>>> import tempfile
>>> from kg.model import Article, Doc
>>> c = ExtractionCache(Path(tempfile.mkdtemp()) / "x.sqlite")
>>> k = article_key(Article("a", "正文"), "v1")
>>> c.put([(k, pack(Doc(Article("a", "正文"), date="2024-01-02")))]); c.get([k])[k].date
'2024-01-02'
>>> c.get([article_key(Article("a", "正文"), "v2")])
{}
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .model import Article, Doc

FILE = "extract.sqlite"
DEFAULT_LIMIT_MB = 2048


def cache_dir() -> Path:
    """Where the cache lives."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kg"


def limit_bytes() -> int:
    """The size limit of the cache file, in bytes."""
    try:
        return int(float(os.environ.get("KG_CACHE_LIMIT", DEFAULT_LIMIT_MB)) * 2 ** 20)
    except ValueError:
        return DEFAULT_LIMIT_MB * 2 ** 20


# Files the package makes for itself (the trained tagger model and its lock), named by MODEL_VERSION instead.
_GENERATED = (".crfsuite", ".lock")


@lru_cache(maxsize=None)
def tree_hash(root: str, *extra: str) -> str:
    """SHA-256 over the names and bytes of every source and data file under ``root`` (and ``extra`` files)."""
    h = hashlib.sha256()
    base = Path(root)
    files = sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                   and p.suffix not in _GENERATED)
    for p in [*files, *map(Path, extra)]:
        h.update(str(p.relative_to(base.parent) if p.is_relative_to(base.parent) else p.name).encode("utf-8"))
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def package_version() -> str:
    try:
        return metadata.version("kg")
    except metadata.PackageNotFoundError:
        return "0"


def extractor_version(extractor: object) -> str:
    """The version of ``extractor``: its code and data, the package version and its settings."""
    return settings_version(getattr(extractor, "home", None), getattr(extractor, "disable", ()),
                            getattr(extractor, "accurate", False))


def settings_version(home: str | None, disable: Iterable[str] | None = (), accurate: bool = False) -> str:
    """The version of an extractor with these settings (``extractor_version`` without making one)."""
    from . import divisions, extract, gazetteer, model
    from .extract.tagger import MODEL_VERSION
    # The extractor's package and the modules of kg it reads (a change in any of them is another extractor).
    code = tree_hash(str(Path(extract.__file__).parent), model.__file__, gazetteer.__file__,
                     divisions.__file__) + " " + MODEL_VERSION
    settings: dict = {"home": home, "disable": sorted(disable or ())}
    if accurate:                       # the accurate mode's tagger and its version (the default's keys unchanged)
        settings["accurate"] = extract.accurate_identity(accurate)
    return hashlib.sha256(f"kg-extract {package_version()} {code} "
                          f"{json.dumps(settings, ensure_ascii=False, sort_keys=True)}".encode("utf-8")).hexdigest()


def article_key(article: Article, version: str) -> str:
    """The cache key of ``article``: its text and metadata under extractor ``version``.

    The source path is left out (the extractor does not read it): an article moved
    to another file is still found; the doc taken from the cache gets its current path.
    """
    fields = [article.id, article.text, article.title, article.date, article.home]
    return hashlib.sha256(f"{version}\n{json.dumps(fields, ensure_ascii=False)}".encode("utf-8")).hexdigest()


def slim(doc: Doc) -> Doc:
    """What later stages read of ``doc``: every field but the article text, the sentences and the mentions
    (relations keep their own evidence sentence)."""
    a = doc.article
    return dataclasses.replace(doc, article=Article(a.id, "", a.title, a.date, a.source, a.home), text="",
                               sentences=[], mentions=[], _relation_keys={}, _sentence_starts=[])


def pack(doc: Doc) -> bytes:
    """A slim doc as cache bytes."""
    return zlib.compress(pickle.dumps(slim(doc), protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: bytes) -> Doc:
    return pickle.loads(zlib.decompress(data))


class ExtractionCache:
    """Key → packed slim ``Doc`` in one SQLite file (several processes may share it).

    Each operation opens and closes its own connection: no connection is open
    while worker processes are forked (SQLite connections must not cross a fork).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / FILE
        self._used: list[str] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, data BLOB NOT NULL, "
                       "used INTEGER NOT NULL)")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            yield db
        finally:
            db.close()

    def get(self, keys: Iterable[str]) -> dict[str, Doc]:
        """The cached docs of ``keys`` that are there (an unreadable entry counts as missing).

        Reading does not write: the entries found are marked used when the cache is closed (``close``).
        """
        keys = list(keys)
        found: dict[str, Doc] = {}
        with self._db() as db:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = db.execute(f"SELECT key, data FROM docs WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, data in rows:
                    try:
                        found[key] = unpack(data)
                    except Exception:          # noqa: BLE001 - a stale or damaged entry is a miss
                        pass
        self._used.extend(found)
        return found

    def mark_used(self) -> None:
        """Record the entries ``get`` found as just used (for the LRU bound)."""
        if not self._used:
            return
        now = time.time_ns()
        with self._db() as db:
            db.execute("BEGIN")
            db.executemany("UPDATE docs SET used = ? WHERE key = ?", [(now, k) for k in self._used])
            db.execute("COMMIT")
        self._used = []

    def put(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store packed docs (one transaction)."""
        now = time.time_ns()
        rows = [(k, d, now) for k, d in items]
        with self._db() as db:
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO docs (key, data, used) VALUES (?, ?, ?)", rows)
            db.execute("COMMIT")

    def size(self) -> tuple[int, int]:
        """(entries, bytes of data)."""
        with self._db() as db:
            n, size = db.execute("SELECT count(*), coalesce(sum(length(data)), 0) FROM docs").fetchone()
        return n, size

    def prune(self, limit: int) -> int:
        """Drop the least recently used entries until the data is under ``limit`` bytes; return how many went."""
        n, size = self.size()
        if size <= limit:
            return 0
        keys = []
        with self._db() as db:
            for key, length in db.execute("SELECT key, length(data) FROM docs ORDER BY used, key"):
                if size <= limit:
                    break
                keys.append(key)
                size -= length
            db.execute("BEGIN")
            db.executemany("DELETE FROM docs WHERE key = ?", [(k,) for k in keys])
            db.execute("COMMIT")
            db.execute("VACUUM")
        return len(keys)

    def clear(self) -> None:
        with self._db() as db:
            db.execute("DELETE FROM docs")
            db.execute("VACUUM")

    def close(self) -> None:
        """Mark what was read as used (nothing else stays open between operations)."""
        self.mark_used()


MEMO_FILE = "memo.sqlite"


class Memo:
    """Results of later stages under a hash of their inputs, in ``memo.sqlite`` next to the extraction
    cache, with the same size bound and pruning: each article's share of the RDF
    (``kg.rdf.mapping.ArticleRdf.cached``, keys ``rdf:…``) and the view's layouts (``layout:…``)."""

    def __init__(self, path: Path | None = None) -> None:
        self.store = ExtractionCache(path or cache_dir() / MEMO_FILE)

    def get(self, keys: list[str]) -> dict[str, tuple]:
        return self.store.get(keys)      # type: ignore[return-value]

    def put(self, items: list[tuple[str, tuple]]) -> None:
        self.store.put((k, zlib.compress(pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL), 1)) for k, v in items)

    def close(self) -> None:
        import sqlite3
        try:
            self.store.mark_used()
            self.store.prune(limit_bytes())
        except sqlite3.Error:
            pass
        self.store.close()
