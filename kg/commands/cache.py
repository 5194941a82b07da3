"""``kg cache [--prune MB | --clear]``: the extraction cache (where it is, its size; trim or empty it)."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("cache", help="show, prune or clear the extraction cache",
                       description="The extraction cache keeps each article's extraction under a hash of its "
                                   "text, metadata and the extractor's version ($KG_CACHE_DIR, else "
                                   "~/.cache/kg). Builds keep it under $KG_CACHE_LIMIT MB (default 2048), "
                                   "dropping the least recently used entries.")
    g = c.add_mutually_exclusive_group()
    g.add_argument("--prune", type=float, metavar="MB", help="drop least recently used entries down to MB")
    g.add_argument("--clear", action="store_true", help="drop every entry")
    c.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    import sqlite3
    from ..cache import ExtractionCache, cache_dir, limit_bytes
    from ..errors import KgError
    try:
        cache = ExtractionCache()
        try:
            if a.clear:
                cache.clear()
            elif a.prune is not None:
                gone = cache.prune(int(a.prune * 2 ** 20))
                print(f"kg: pruned {gone} entries")
            n, size = cache.size()
        finally:
            cache.close()
    except (OSError, sqlite3.Error) as e:
        raise KgError("E083", path=cache_dir(), detail=str(e).splitlines()[0] if str(e) else type(e).__name__) \
            from None
    print(f"kg: {cache.path}: {n} articles, {size / 2 ** 20:.1f} MB (limit {limit_bytes() / 2 ** 20:.0f} MB)")
    return 0
