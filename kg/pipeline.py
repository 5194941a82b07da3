"""The whole path, stage after stage: read → extract → resolve → rdf → store, export → view.

``build`` holds the lock of OUT from start to end and changes OUT only in its
last phase (the store update and the files moved in, Ctrl-C held back), which
starts by deleting ``OUT/build.json`` and ends by writing it: a build killed
at any moment leaves either the previous build whole, or an OUT the next build
repairs (``kg check`` tells which).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .errors import KgError, Warn
from .model import ENTITY_TYPES, Article, Doc, Graph
from .progress import Phase


def _open_cache(use: bool):
    """The extraction cache, or None when disabled or when it cannot be opened (a warning-free fallback)."""
    if not use:
        return None
    import sqlite3
    from .cache import ExtractionCache
    try:
        return ExtractionCache()
    except (OSError, sqlite3.Error):
        return None


def _close_cache(cache) -> None:
    if cache is None:
        return
    import sqlite3
    from .cache import limit_bytes
    try:
        cache.prune(limit_bytes())
    except sqlite3.Error:
        pass
    cache.close()


def iter_docs(articles: Iterable[Article], home: str | None = None, progress: bool = False,
              jobs: int | None = None, cache: bool = True, total: int | None = None,
              stats: dict | None = None, disable: Iterable[str] = (), accurate: bool = False) -> Iterator[Doc]:
    """The slim docs of ``articles`` in order (cached ones from the cache, the rest extracted on ``jobs`` cores,
    less the ``disable``d rules, with LAC's when ``accurate``)."""
    from .extraction import default_jobs, extract_corpus
    store = _open_cache(cache)
    try:
        with Phase("extract", total, "articles", progress) as phase:
            yield from extract_corpus(articles, home=home, jobs=jobs or default_jobs(), cache=store,
                                      phase=phase, stats=stats, disable=disable, accurate=accurate)
    finally:
        _close_cache(store)


def extract_docs(sources: Iterable[str | Path], home: str | None = None, warn: Warn | None = None,
                 progress: bool = False, exclude: Iterable[str | Path] = (), jobs: int | None = None,
                 cache: bool = True, disable: Iterable[str] = (), accurate: bool = False) -> list[Doc]:
    """Read ``sources`` (not looking into ``exclude``) and run the extractor (less the ``disable``d rules)
    on every article.

    Raises ``KgError`` E009 when no article could be read.
    """
    from .read import read_sources
    articles = list(read_sources(sources, warn, exclude=exclude))
    if not articles:
        raise KgError("E009")
    return list(iter_docs(articles, home=home, progress=progress, jobs=jobs, cache=cache, total=len(articles),
                          disable=disable, accurate=accurate))


def _input_key(sources: list, exclude: tuple, home: str | None, base: str | None,
               warn: Warn | None, disable: tuple[str, ...] = (), corrections=None,
               accurate: bool = False) -> tuple[str | None, int]:
    """A hash of everything a build's outputs depend on (the kg code, options, every article), and the
    number of articles; (None, 0) when no article can be read. Reads the sources once, keeping nothing."""
    from . import __file__ as kg_init
    from .cache import article_key, tree_hash
    from .extract.tagger import MODEL_VERSION
    from .extract import accurate_identity
    h = hashlib.sha256(f"kg-build {tree_hash(str(Path(kg_init).parent))} {MODEL_VERSION} {home} {base} "
                       f"{sorted(disable)} {corrections.digest if corrections else None}"
                       f"{accurate_identity(accurate)}\n".encode("utf-8"))
    n = 0
    for a in _read(sources, warn or (lambda e: None), exclude, corrections):
        h.update(article_key(a, "").encode("ascii"))
        n += 1
    return (h.hexdigest(), n) if n else (None, 0)


def _read(sources: list, warn: Warn, exclude: tuple, corrections=None) -> Iterator[Article]:
    """The articles of ``sources``, with the homes the corrections give them."""
    from .correct import with_homes
    from .read import read_sources
    articles = read_sources(sources, warn, exclude=exclude)
    return with_homes(articles, corrections) if corrections is not None else articles


def build(sources: Iterable[str | Path], out: Path, home: str | None = None, warn: Warn | None = None,
          progress: bool = False, base: str | None = None, jobs: int | None = None,
          cache: bool = True, disable: Iterable[str] = (), corrections: str | Path | None = None,
          accurate: bool = False) -> dict[str, Any]:
    """Run every stage and write the outputs into ``out``; return a summary. ``corrections`` is the
    corrections file (default: ``corrections.toml`` beside the first source, if there is one).

    Raises ``KgError`` E080 when another kg process holds OUT, E011 on an OS error, E100–E106 for a
    bad corrections file (before anything is written).
    """
    from .correct import default_path, load
    from .outdir import lock_out, os_detail
    sources = list(sources)
    path = corrections if corrections is not None else default_path(sources)
    corr = load(path) if path is not None else None
    with lock_out(out) as created:
        try:
            return _build(sources, out, home, warn, progress, base, jobs, cache, tuple(disable), corr, accurate)
        except BaseException as e:
            if created:                      # a failed first build leaves no OUT behind
                shutil.rmtree(out, ignore_errors=True)
            if isinstance(e, OSError):
                raise KgError("E011", path=out, detail=os_detail(e)) from e
            raise


def _store_clean(out: Path, record: dict) -> bool:
    """Is the store as the recorded build left it (no update begun since, as many quads)?"""
    from .store import open_store
    from .store.db import store_path
    from .store.sync import DIGESTS
    if not (store_path(out) / DIGESTS).is_file():
        return False
    with open_store(out, read_only=True) as store:
        return len(store) == record.get("summary", {}).get("quads")


def _build(sources: list, out: Path, home: str | None, warn: Warn | None, progress: bool,
           base: str | None, jobs: int | None, cache: bool, disable: tuple[str, ...] = (),
           corr=None, accurate: bool = False) -> dict[str, Any]:
    from .export.files import write_graph_files
    from .export.jsonl import stream_extractions
    from .outdir import (SCRATCH, changed_files, forget_record, interrupts_deferred, move_in, read_record,
                         remove_leftovers, write_record)
    from .rdf import build_dataset
    from .correct import apply as correct, warn_orphans
    from .resolve import resolve
    from .store import EarlyLoad, open_store, sync_checked
    from .view import write_graph_json

    remove_leftovers(out)            # scratch folders of builds that were killed
    exclude = (out,)                 # kg build . -o out must not read its own output
    from .extract import Extractor
    disable = Extractor(home=home, disable=disable, accurate=accurate).disable   # an unknown rule fails now
    key, n = _input_key(sources, exclude, home, base, warn, disable, corr, accurate) if cache else (None, 0)
    record = read_record(out)
    if (key is not None and record is not None and record.get("key") == key and _store_clean(out, record)
            and not changed_files(out, record)):
        summary = dict(record["summary"])            # nothing changed: nothing to do
        summary["entities"] = {t: summary.get("entities", {}).get(t, 0) for t in ENTITY_TYPES}
        summary["store"] = {"unchanged": summary.pop("store_graphs", n)}
        summary.pop("quads", None)
        summary["up_to_date"] = True
        warn_orphans(record["summary"].get("corrections"), warn)
        return summary

    stats: dict[str, Any] = {}
    quiet = (lambda e: None) if cache else warn      # the key's pass has warned already
    docs = list(iter_docs(_read(sources, quiet, exclude, corr), home=home, progress=progress,
                          jobs=jobs, cache=cache, total=n or None, stats=stats, disable=disable,
                          accurate=accurate))
    if not docs:
        raise KgError("E009")
    with Phase("resolve", None, "", progress):
        graph: Graph = resolve(docs)
    if corr is not None:
        with Phase("correct", None, "", progress):
            outcome = correct(graph, corr)
    with open_store(out, create=True) as store, ThreadPoolExecutor(1) as pool:
        # A new (empty) store loads article graphs in a background thread while the
        # RDF is mapped (pyoxigraph releases the GIL); a store with content waits for the commit.
        early = EarlyLoad(store, pool)
        if early.active:
            forget_record(out)
        with Phase("rdf", len(graph.articles), "articles", progress) as phase:
            def mapped(g: str, nquads: str) -> None:
                early(g, nquads)
                phase.advance()
            dataset = build_dataset(graph, base=base, on_graph=mapped)
        early.flush()
        with tempfile.TemporaryDirectory(prefix=SCRATCH, dir=out) as tmp:
            scratch = Path(tmp)
            with Phase("files", None, "", progress):
                triples = write_graph_files(dataset, scratch)
                stream_extractions(docs, scratch / "extractions.jsonl")
                write_graph_json(graph, scratch / "graph.json")
            with Phase("view", None, "", progress):
                _write_view(graph, scratch, out, record)
            counts = Counter(n.type for n in graph.nodes.values())
            summary = {"articles": len(docs), "entities": {t: counts.get(t, 0) for t in ENTITY_TYPES},
                       "relations": len(graph.facts), "triples": triples, "store_graphs": len(dataset.digests)}
            if corr is not None:
                summary["corrections"] = outcome.report(str(corr.path))
                warn_orphans(summary["corrections"], warn)
            # Only now does OUT change: Ctrl-C waits until the store and the files are one build again.
            with interrupts_deferred():
                forget_record(out)
                with Phase("store", None, "", progress):
                    early.check()
                    stored = sync_checked(store, dataset, early.loaded)
                summary["quads"] = len(store)
                names = move_in(scratch, out)
                kept = ["graph.html"] if "graph.html" not in names and (out / "graph.html").is_file() else []
                write_record(out, key, summary, names + kept)
    summary = {k: v for k, v in summary.items() if k not in ("store_graphs", "quads")}
    summary["store"] = vars(stored)
    summary["extraction"] = stats
    summary["home_unknown"] = [(d.article.id, d.source.level if d.source else "unknown") for d in docs if not d.home]
    return summary


def _write_view(graph: Graph, scratch: Path, out: Path, record: dict | None) -> None:
    """Write ``graph.html`` into ``scratch`` unless the one in ``out`` already shows this very graph."""
    from .outdir import file_digest
    from .view import write_html
    if record is not None and (out / "graph.html").is_file():
        files = record.get("files", {})
        same_graph = files.get("graph.json") == file_digest(scratch / "graph.json")
        if same_graph and files.get("graph.html") == file_digest(out / "graph.html"):
            return
    write_html(graph, scratch / "graph.html")
