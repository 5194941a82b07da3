"""``kg cache [--prune MB | --clear]``: the extraction cache and the memo of later stages (where they are,
their size; trim or empty them)."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("cache", help="show, prune or clear the extraction cache",
                       description="The extraction cache keeps each article's extraction under a hash of its "
                                   "text, metadata and the extractor's version ($KG_CACHE_DIR, else "
                                   "~/.cache/kg); its memo keeps each article's RDF and the view's layouts "
                                   "under a hash of their inputs. Builds keep each under $KG_CACHE_LIMIT MB "
                                   "(default 2048), dropping the least recently used entries.")
    g = c.add_mutually_exclusive_group()
    g.add_argument("--prune", type=float, metavar="MB", help="drop least recently used entries down to MB")
    g.add_argument("--clear", action="store_true", help="drop every entry")
    c.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    import sqlite3
    from ..cache import MEMO_FILE, ExtractionCache, cache_dir, limit_bytes
    from ..errors import KgError
    lines = []
    try:
        for what, cache in (("articles", ExtractionCache()), ("entries", ExtractionCache(cache_dir() / MEMO_FILE))):
            try:
                if a.clear:
                    cache.clear()
                elif a.prune is not None:
                    gone = cache.prune(int(a.prune * 2 ** 20))
                    print(f"kg: pruned {gone} entries from {cache.path.name}")
                n, size = cache.size()
            finally:
                cache.close()
            lines.append(f"kg: {cache.path}: {n} {what}, {size / 2 ** 20:.1f} MB (limit {limit_bytes() / 2 ** 20:.0f} MB)")
    except (OSError, sqlite3.Error) as e:
        raise KgError("E083", path=cache_dir(), detail=str(e).splitlines()[0] if str(e) else type(e).__name__) \
            from None
    print("\n".join(lines))
    return 0
