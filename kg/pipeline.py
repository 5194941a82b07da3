"""The whole path, stage after stage: read → extract → resolve → rdf → store, export → view.

``build`` holds the lock of OUT from start to end and changes OUT only in its
last phase (the store update and the files moved in, Ctrl-C held back), which
starts by deleting ``OUT/build.json`` and ends by writing it: a build killed
at any moment leaves either the previous build whole, or an OUT the next build
repairs (``kg check`` tells which).

Memory is bounded by what the resolved graph needs, not by the corpus: the
articles stream through extraction (each doc's ``extractions.jsonl`` line is
written and the doc spilled to the scratch folder), resolution reads the
spilled docs back one at a time (``kg.resolve.stream``), and the RDF is made
one article graph at a time, written to ``graph.ttl``/``graph.trig`` and to the
store's update and dropped (``kg.rdf.stream``); ``graph.json`` and
``graph.html`` are written meanwhile by a forked child (``kg.view.job``).
What stays is the graph (nodes, facts, a light doc per article), the shared
descriptions and a hash per article graph.
"""
from __future__ import annotations

import hashlib
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
        cache.mark_used()
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
    from .correct import warn_orphans
    from .outdir import SCRATCH, changed_files, read_record, remove_leftovers

    remove_leftovers(out)            # scratch folders of builds that were killed
    exclude = (out,)                 # kg build . -o out must not read its own output
    from .extract import Extractor
    disable = Extractor(home=home, disable=disable, accurate=accurate).disable   # an unknown rule fails now
    key, n = _input_key(sources, exclude, home, base, warn, disable, corr, accurate) if cache else (None, 0)
    record = read_record(out)
    if (key is not None and record is not None and record.get("key") == key and _store_clean(out, record)
            and not changed_files(out, record)):
        warn_orphans(record["summary"].get("corrections"), warn)
        return _up_to_date(record, n)                # nothing changed: nothing to do

    stats: dict[str, Any] = {}
    quiet = (lambda e: None) if cache else warn      # the key's pass has warned already
    with tempfile.TemporaryDirectory(prefix=SCRATCH, dir=out) as tmp:
        scratch = Path(tmp)
        (scratch / WORK).mkdir()
        resolver, unknown = _extract_pass(_read(sources, quiet, exclude, corr), scratch, home, progress,
                                          jobs, cache, n, stats, disable, accurate)
        graph = _resolve_pass(resolver, progress)
        extra = _correct(graph, corr, warn, progress)
        summary = _write_outputs(graph, scratch, out, record, key, base, progress, cache, extra)
    summary = {k: v for k, v in summary.items() if k not in ("store_graphs", "quads")}
    summary["extraction"] = stats
    summary["home_unknown"] = unknown
    return summary


WORK = "work"            # the scratch subfolder of what is not an output (spilled docs and N-Quads)


def _up_to_date(record: dict, n: int) -> dict[str, Any]:
    """The summary of a build that found nothing to do."""
    summary = dict(record["summary"])
    summary["entities"] = {t: summary.get("entities", {}).get(t, 0) for t in ENTITY_TYPES}
    summary["store"] = {"unchanged": summary.pop("store_graphs", n)}
    summary.pop("quads", None)
    summary["up_to_date"] = True
    return summary


def _extract_pass(articles: Iterable[Article], scratch: Path, home: str | None, progress: bool, jobs: int | None,
                  cache: bool, n: int, stats: dict, disable: tuple[str, ...], accurate: bool = False):
    """Extract (or take from the cache) every article, streaming: its line of ``extractions.jsonl`` is
    written, its doc spilled for resolution; what stays is the namesake index and the articles
    whose home is unknown. Raises ``KgError`` E009 when there is no article."""
    from .export.jsonl import stream_extractions
    from .resolve.stream import StreamedResolve
    resolver = StreamedResolve(scratch / WORK / "docs.bin")
    unknown: list[tuple[str, str]] = []

    def indexed(docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            resolver.add(doc)
            if not doc.home:
                unknown.append((doc.article.id, doc.source.level if doc.source else "unknown"))
            yield doc
    stream_extractions(indexed(iter_docs(articles, home=home, progress=progress, jobs=jobs, cache=cache,
                                         total=n or None, stats=stats, disable=disable, accurate=accurate)),
                       scratch / "extractions.jsonl")
    if not len(resolver):
        raise KgError("E009")
    return resolver, unknown


def _resolve_pass(resolver, progress: bool) -> Graph:
    """The resolved graph of the spilled docs."""
    with Phase("resolve", len(resolver), "articles", progress) as phase:
        return resolver.graph(on_doc=phase.advance)


def _correct(graph: Graph, corr, warn: Warn | None, progress: bool) -> dict[str, Any]:
    """Apply the user's corrections (if any) to the resolved graph; what they add to the summary."""
    if corr is None:
        return {}
    from .correct import apply as correct, warn_orphans
    with Phase("correct", None, "", progress):
        outcome = correct(graph, corr)
    report = outcome.report(str(corr.path))
    warn_orphans(report, warn)
    return {"corrections": report}


def _write_outputs(graph: Graph, scratch: Path, out: Path, record: dict | None, key: str | None,
                   base: str | None, progress: bool, cache: bool = True, extra: dict | None = None) -> dict[str, Any]:
    """Write the graph's files into ``scratch`` — graph.json and graph.html in a child process while the RDF
    is mapped and written here — then, Ctrl-C held back, update the store and move the files into ``out``
    (``extra``: more of the summary, recorded with it)."""
    from .outdir import forget_record, interrupts_deferred, move_in, write_record
    from .store import EarlyLoad, open_store, sync_checked
    from .view.job import ViewJob
    view = ViewJob(graph, scratch, out, record, _open_memo(cache))   # forked before the store's threads start
    try:
        with open_store(out, create=True) as store, ThreadPoolExecutor(1) as pool:
            # A new (empty) store loads article graphs in a background thread while the
            # RDF is mapped (pyoxigraph releases the GIL); a store with content waits for the commit.
            early = EarlyLoad(store, pool)
            if early.active:
                forget_record(out)
            dataset, triples, spilled = _write_rdf(graph, store, early, scratch, base, progress, cache)
            with Phase("view", None, "", progress):
                view.result()
            counts = Counter(n.type for n in graph.nodes.values())
            summary = {"articles": len(graph.articles), "entities": {t: counts.get(t, 0) for t in ENTITY_TYPES},
                       "relations": len(graph.facts), "triples": triples, "store_graphs": len(dataset.digests),
                       **(extra or {})}
            # Only now does OUT change: Ctrl-C waits until the store and the files are one build again.
            with interrupts_deferred():
                forget_record(out)
                with Phase("store", None, "", progress):
                    early.check()
                    stored = sync_checked(store, dataset, early.loaded, spilled, scratch / "graph.trig")
                summary["quads"] = len(store)
                names = move_in(scratch, out)
                kept = ["graph.html"] if "graph.html" not in names and (out / "graph.html").is_file() else []
                write_record(out, key, summary, names + kept)
    finally:
        view.cancel()
    summary["store"] = vars(stored)
    return summary


def _write_rdf(graph: Graph, store, early, scratch: Path, base: str | None, progress: bool, cache: bool = True):
    """Map ``graph`` to RDF one article graph at a time (taken from the RDF memo when the article's inputs
    did not change): each is written to graph.ttl and graph.trig, loaded early into an empty store or,
    when the store holds another version of it, spilled for the store update, then dropped.
    Returns (dataset without article graphs, triples, spilled N-Quads)."""
    from .rdf import build_dataset
    from .rdf.iri import check_base
    from .rdf.stream import GraphFiles
    from .store.sync import stored_digests
    old = {} if early.active else stored_digests(store)
    files = GraphFiles(scratch, check_base(base))
    spilled = scratch / WORK / "changed.nq"
    memo = _open_memo(cache)
    try:
        with open(spilled, "w", encoding="utf-8") as changed, \
                Phase("rdf", len(graph.articles), "articles", progress) as phase:
            def sink(part) -> None:
                files.part(part)
                if early.active:
                    early(part.graph, part.nquads)
                elif old.get(part.graph) != part.digest:
                    changed.write(part.nquads)
                phase.advance()
            dataset = build_dataset(graph, base=base, sink=sink, memo=memo)
            early.flush()
    except BaseException:
        files.abort()
        raise
    finally:
        if memo is not None:
            memo.close()
    with Phase("files", None, "", progress):            # the shared graph, then the article graphs' bodies
        triples = files.finish(dataset.shared)
    return dataset, triples, spilled


def _open_memo(use: bool):
    """The memo of later stages (kg.cache.Memo), or None when the cache is off or cannot be opened."""
    if not use:
        return None
    import sqlite3
    from .cache import Memo
    try:
        return Memo()
    except (OSError, sqlite3.Error):
        return None
