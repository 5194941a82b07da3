"""Opening the store folder ``OUT/store``, with one-line errors when that fails.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with open_store(out, create=True) as store:
...     len(store)
0
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from ..errors import KgError

STORE_DIR = "store"


def store_path(out: Path) -> Path:
    """The store folder of the build output ``out``."""
    return Path(out) / STORE_DIR


class StoreHandle:
    """A pyoxigraph ``Store`` that lets go of the database when closed.

    pyoxigraph closes a store only when the last reference goes, so callers get
    this proxy and the ``with`` block of ``open_store`` drops the real store.
    """

    def __init__(self, store: ox.Store, path: Path | None = None) -> None:
        self._store: ox.Store | None = store
        self.path = path             # the store folder
        self.compact = False         # set when much was removed: reopened once closed, to give space back

    def __getattr__(self, name: str):
        if self._store is None:
            raise ValueError("store is closed")
        return getattr(self._store, name)

    def __len__(self) -> int:
        return len(self.store)

    def __iter__(self):
        return iter(self.store)

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise ValueError("store is closed")
        return self._store

    def close(self) -> None:
        self._store = None


@contextmanager
def open_store(out: Path, create: bool = False, read_only: bool = False) -> Iterator[StoreHandle]:
    """The store of ``out``; E012 when there is none and ``create`` is false.

    Read-only opening works while another process writes (``kg query`` during a
    ``kg build``); a second writer gets E030.
    """
    path = store_path(out)
    if not create and not path.is_dir():
        raise KgError("E012", path=str(out), missing=f"{STORE_DIR}/")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    if not read_only:
        for old_log in path.glob("LOG.old.*"):      # RocksDB's info logs of earlier opens pile up
            old_log.unlink(missing_ok=True)
    try:
        store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        detail = str(e).splitlines()[0] if str(e) else type(e).__name__
        if "lock" in detail.lower():
            raise KgError("E030", path=str(path), detail=detail) from None
        raise KgError("E031", path=str(path), detail=detail) from None
    handle = StoreHandle(store, path)
    del store
    try:
        yield handle
        if not read_only:
            handle.flush()
    finally:
        handle.close()
    if handle.compact:          # reopening drops the write-ahead log of what was removed
        with open_store(out, read_only=False):
            pass
