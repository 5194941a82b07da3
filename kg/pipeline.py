"""The whole path, stage after stage: read → extract → resolve → rdf → store, export → view."""
from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .errors import KgError, Warn
from .model import ENTITY_TYPES, Article, Doc, Graph


def _progress(items: list[Article], enabled: bool) -> Iterable[Article]:
    """Yield ``items``, drawing a progress bar on stderr for long runs on a terminal."""
    n = len(items)
    show = enabled and n >= 20 and sys.stderr.isatty()
    for i, item in enumerate(items, 1):
        yield item
        if show and (i == n or i % max(1, n // 100) == 0):
            done = int(30 * i / n)
            print(f"\r[{'#' * done}{'.' * (30 - done)}] {i}/{n} articles", end="", file=sys.stderr, flush=True)
    if show:
        print(file=sys.stderr)


def extract_docs(sources: Iterable[str | Path], home: str | None = None, warn: Warn | None = None,
                 progress: bool = False, exclude: Iterable[str | Path] = (), disable: Iterable[str] = ()) -> list[Doc]:
    """Read ``sources`` (not looking into ``exclude``) and run the extractor (less the ``disable``d rules) on every article.

    Raises ``KgError`` E009 when no article could be read.
    """
    from .extract import Extractor
    from .read import read_sources
    extractor = Extractor(home=home, disable=disable)      # an unknown rule fails before the reading
    articles = list(read_sources(sources, warn, exclude=exclude))
    if not articles:
        raise KgError("E009")
    return [extractor(a) for a in _progress(articles, progress)]


def build(sources: Iterable[str | Path], out: Path, home: str | None = None, warn: Warn | None = None,
          progress: bool = False, base: str | None = None) -> dict[str, Any]:
    """Run every stage and write the outputs into ``out``; return a summary."""
    from .export.files import write_graph_files
    from .export.jsonl import extractions_text
    from .rdf import build_dataset
    from .resolve import resolve
    from .store import EarlyLoad, open_store, sync
    from .view import write_graph_json, write_html

    # OUT is skipped when walking a source folder (kg build . -o out must not read its own output).
    docs = extract_docs(sources, home=home, warn=warn, progress=progress, exclude=(out,))
    graph: Graph = resolve(docs)
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        # The store (OUT/store) is updated in place, article by article: unchanged
        # articles are skipped by content hash, each graph update is a transaction.
        # It loads in a background thread (pyoxigraph releases the GIL): a new store
        # already while the RDF is mapped, then while the files are written.
        # Everything else is written into a scratch folder first, then moved over
        # file by file with a rename, so an existing OUT never holds a half-written file.
        with open_store(out, create=True) as store, ThreadPoolExecutor(1) as pool:
            early = EarlyLoad(store, pool)
            dataset = build_dataset(graph, base=base, on_graph=early)
            early.flush()
            pending = pool.submit(sync, store, dataset, early.loaded)
            with tempfile.TemporaryDirectory(prefix=".kg-build-", dir=out) as tmp:
                scratch = Path(tmp)
                triples = write_graph_files(dataset, scratch)
                (scratch / "extractions.jsonl").write_text(extractions_text(docs), encoding="utf-8")
                write_html(graph, scratch / "graph.html")
                write_graph_json(graph, scratch / "graph.json")
                early.check()
                stored = pending.result()
                for f in sorted(scratch.iterdir()):
                    if f.is_file():
                        f.replace(out / f.name)
                    elif f.is_dir():
                        target = out / f.name
                        if target.exists():
                            shutil.rmtree(target)
                        f.replace(target)
    except BaseException as e:
        if created:                      # a failed first build leaves no empty OUT behind
            shutil.rmtree(out, ignore_errors=True)
        if isinstance(e, OSError):
            where = f"{e.strerror or type(e).__name__}: {e.filename}" if e.filename else (e.strerror or str(e))
            raise KgError("E011", path=out, detail=where) from e
        raise
    counts = Counter(n.type for n in graph.nodes.values())
    unknown = [(d.article.id, d.source.level if d.source else "unknown") for d in docs if not d.home]
    return {"articles": len(docs), "entities": {t: counts.get(t, 0) for t in ENTITY_TYPES},
            "relations": len(graph.facts), "triples": triples, "store": vars(stored), "home_unknown": unknown}
