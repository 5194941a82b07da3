"""Incremental updates: each article's named graph is replaced only when its content hash changed.

The store holds the layout of ``RdfDataset``: shared descriptions in the
default graph, one named graph per article. When an article changes or goes,
its graph is replaced or dropped, and the shared descriptions of everything it
mentions (``schema:mentions``) are rewritten from the build. The shared graph
is kept in step by a hash per subject (``store/kg-shared.json``): exactly the
subjects whose description changed, appeared or went are rewritten, whatever
the reason (a new article, sources in another order, a new resolver). The hash
of an article graph is stored in the graph itself (``<article> kg:contentHash
"…"``); hashes are written last, so an interrupted update is redone next time.

>>> import pyoxigraph as ox
>>> from kg.rdf.dataset import RdfDataset
>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/article/a>", "<https://schema.org/mentions>", "<http://x/s>")
>>> ds.add_shared("<http://x/s>", "<http://x/p>", '"o"')
>>> ds.digests["http://x/article/a"] = "h1"; ds.mentions["http://x/article/a"] = {"<http://x/s>"}
>>> store = ox.Store()
>>> sync(store, ds)
SyncReport(added=1, replaced=0, removed=0, unchanged=0)
>>> sync(store, ds)
SyncReport(added=0, replaced=0, removed=0, unchanged=1)
>>> len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
1
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .. import crash
from ..fsutil import atomic_write, fsync_dir
from ..rdf.dataset import RdfDataset
from ..rdf.mapping import graph_nquads
from ..rdf.namespaces import KG, RDF, SCHEMA

CONTENT_HASH = f"<{KG}contentHash>"
DIGESTS = "kg-shared.json"          # in the store folder: subject → hash of its shared description
MENTIONS = ox.NamedNode(SCHEMA + "mentions")
DEFAULT = ox.DefaultGraph()
BULK_QUADS = 20_000       # above this many new quads, load without a transaction (much faster)


@dataclass
class SyncReport:
    """What ``sync`` did, counted in article graphs."""
    added: int = 0
    replaced: int = 0
    removed: int = 0
    unchanged: int = 0


def stored_digests(store: ox.Store) -> dict[str, str]:
    """Graph IRI → content hash of every named graph that has one."""
    q = f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g {CONTENT_HASH} ?h }} }}"
    return {row["g"].value: row["h"].value for row in store.query(q)}


def sync(store: ox.Store, ds: RdfDataset, preloaded: Collection[str] = (), spilled: Path | None = None) -> SyncReport:
    """Make the store equal to ``ds``, touching only changed articles and changed descriptions.

    ``preloaded`` are article graphs an ``EarlyLoad`` already put into an empty store;
    ``spilled`` is a file with the N-Quads (hash quads excluded) of every changed article
    graph not preloaded, when ``ds`` streamed its graphs out (``RdfDataset.release``).
    Crash-safe: before the first change the description hashes (``kg-shared.json``)
    are deleted, and they are written again only once every change is in; a sync
    that finds them missing rewrites the whole shared graph, and an article graph
    without its hash is replaced. So whatever moment a build is killed at, the
    next sync ends with the store equal to its dataset.
    """
    old = stored_digests(store)
    existing = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)} - set(preloaded)
    report = SyncReport()
    changed = []
    for g, digest in ds.digests.items():
        if old.get(g) == digest:
            report.unchanged += 1
            continue
        changed.append(g)
        if g in existing:
            report.replaced += 1
        else:
            report.added += 1
    report.removed = sum(g not in ds.digests for g in existing)
    digests = subject_digests(ds)
    before = _read_digests(store)      # None: unknown (a new store, or an update was interrupted)
    drop = sorted(g for g in existing if g not in ds.digests or g in changed)
    if not changed and not drop and before == digests:
        return report                                  # nothing to do: the store is not touched
    forget_digests(store)                              # from here on the store is "being updated"
    crash.step("store: update begins")
    if not report.unchanged and not preloaded and _has_quads(store):
        store.clear()                                  # nothing to keep: start from an empty store
        crash.step("store: cleared")
        before = None
    else:
        for g in drop:
            store.remove_graph(ox.NamedNode(g))
        crash.step("store: old article graphs dropped")
    if before is None:                                 # unknown state: rewrite the whole shared graph
        store.clear_graph(DEFAULT)
        subjects = sorted(ds.shared)
    else:
        gone = sorted({s for s, d in before.items() if digests.get(s) != d})
        for i in range(0, len(gone), 500):             # drop their old descriptions, in the store
            store.update("DELETE { ?s ?p ?o } WHERE { VALUES ?s { %s } ?s ?p ?o }" % " ".join(gone[i:i + 500]))
        subjects = sorted(s for s, d in digests.items() if before.get(s) != d)
    crash.step("store: old descriptions dropped")
    shared = [f"{x} {p} {o} .\n" for x in subjects for p, o in sorted(ds.shared[x])]
    if changed or shared:
        body, hashes = _nquads(ds, sorted(changed), set(preloaded), spilled is not None)
        if spilled is not None and spilled.stat().st_size:
            _load(store, spilled, spilled.stat().st_size // 150)
        _load(store, (body + "".join(shared)).encode("utf-8"))
        crash.step("store: new quads loaded")
        store.load(hashes.encode("utf-8"), ox.RdfFormat.N_QUADS)
        crash.step("store: article hashes written")
    if report.removed and hasattr(store, "optimize"):
        store.optimize()                               # give back the space of what was dropped
        if hasattr(store, "compact"):
            store.compact = True
        crash.step("store: compacted")
    _write_digests(store, digests)                     # the store is consistent again
    crash.step("store: description hashes written")
    return report


def sync_checked(store: ox.Store, ds: RdfDataset, preloaded: Collection[str] = (), spilled: Path | None = None,
                 trig: Path | None = None) -> SyncReport:
    """``sync``, then count the store's quads: when they are not the dataset's (a store changed
    behind kg's back, or damaged), rebuild it whole from ``ds`` — or, when ``ds`` streamed its
    article graphs out, from ``trig`` (the build's ``graph.trig``, which holds them all)."""
    report = sync(store, ds, preloaded, spilled)
    if len(store) != len(ds):
        forget_digests(store)
        store.clear()
        if ds.released and trig is not None:
            store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG, lenient=True)
            _write_digests(store, subject_digests(ds))
        else:
            report = sync(store, ds)
        report.repaired = 1          # reported as "store: 1 repaired" (not a field: rare)
    return report


def _load(store: ox.Store, data: bytes | Path, lines: int | None = None) -> None:
    """Load N-Quads (bytes or a file): in bulk, without a transaction, when there are many."""
    if isinstance(data, Path):
        if (lines or 0) > BULK_QUADS:
            store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS, lenient=True)
        else:
            store.load(path=str(data), format=ox.RdfFormat.N_QUADS)
    elif data:
        if data.count(b"\n") > BULK_QUADS:
            store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
        else:
            store.load(data, ox.RdfFormat.N_QUADS)


def _has_quads(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, None)), None) is not None


def subject_digests(ds: RdfDataset) -> dict[str, str]:
    """Subject → a short hash of its description in the shared graph.

    >>> from kg.rdf.dataset import RdfDataset
    >>> ds = RdfDataset("http://x/"); ds.add_shared("<http://x/s>", "<http://x/p>", '"o"')
    >>> subject_digests(ds)
    {'<http://x/s>': 'f8c5ffac1423119680b6'}
    """
    return {s: hashlib.blake2b("\n".join(f"{p} {o}" for p, o in sorted(pos)).encode("utf-8"),
                               digest_size=10).hexdigest() for s, pos in ds.shared.items()}


def _digests_file(store) -> Path | None:
    path = getattr(store, "path", None)
    return Path(path) / DIGESTS if path is not None else None


def _read_digests(store) -> dict[str, str] | None:
    """The subject hashes the store was last synced with; None when unknown."""
    f = _digests_file(store)
    if f is None or not f.is_file():
        return None
    try:
        return json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_digests(store, digests: dict[str, str]) -> None:
    f = _digests_file(store)
    if f is not None:
        atomic_write(f, json.dumps(digests, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def forget_digests(store) -> None:
    """Mark the shared graph's hashes unknown (after ``remove_article``): the next sync rewrites it."""
    f = _digests_file(store)
    if f is not None and f.exists():
        f.unlink()
        fsync_dir(f.parent)


class EarlyLoad:
    """Bulk-loads article graphs into an *empty* store while the mapping still runs.

    Pass it as ``build_dataset(…, on_graph=early)``; the loads run on ``pool``
    (pyoxigraph releases the GIL), then ``sync(store, ds, early.loaded)`` adds
    the shared graph and the hashes. On a store that has content it does nothing.
    """

    def __init__(self, store: ox.Store, pool: Executor, batch: int = 200_000) -> None:
        self.store, self.pool, self.batch = store, pool, batch
        self.active = next(iter(store), None) is None
        self.loaded: set[str] = set()
        self._buf: list[str] = []
        self._n = 0
        self._futures: list[Future] = []

    def __call__(self, graph: str, nquads: str) -> None:
        if not self.active:
            return
        self._buf.append(nquads)
        self.loaded.add(graph)
        self._n += nquads.count("\n")
        if self._n >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Start loading what is buffered."""
        if self._buf:
            if not self._futures:
                forget_digests(self.store)
            data = "".join(self._buf).encode("utf-8")
            self._buf, self._n = [], 0
            self._futures.append(self.pool.submit(self._load, data))

    def _load(self, data: bytes) -> None:
        self.store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
        crash.step("store: early load")

    def check(self) -> None:
        """Raise what a load raised."""
        for f in self._futures:
            f.result()


def _nquads(ds: RdfDataset, graphs: list[str], skip: Collection[str] = (), hashes_only: bool = False) -> tuple[str, str]:
    """N-Quads of ``graphs``: the content (but of ``skip``), and apart from it their content-hash quads."""
    body, hashes = [], []
    for g in graphs:
        hashes.append(f'<{g}> {CONTENT_HASH} "{ds.digests[g]}" <{g}> .\n')
        if g in skip or hashes_only:
            continue
        block = ds.nquads.get(g)
        if block is None:
            subjects = {s: {po for po in pos if po[0] != CONTENT_HASH} for s, pos in ds.graphs[g].items()}
            block = graph_nquads(g, subjects)
        body.append(block)
    return "".join(body), "".join(hashes)


def remove_article(store: ox.Store, graph: str) -> bool:
    """Drop the named graph ``graph``, the relations only it stated and what only it mentioned.

    False when the store has no such graph. Aliases or attributes only this
    article gave stay in the shared descriptions until the next build.
    """
    node = ox.NamedNode(graph)
    if not store.contains_named_graph(node):
        return False
    forget_digests(store)                 # the shared graph changes below
    crash.step("remove: update begins")
    mentioned = [q.object for q in store.quads_for_pattern(node, MENTIONS, None, node)]
    stated = [_spo(store, q.subject, node)
              for q in store.quads_for_pattern(None, _TYPE, _FACT, node)]
    store.remove_graph(node)
    for s, p, o in stated:
        if s is not None and p is not None and o is not None and not _stated_elsewhere(store, s, p, o):
            store.remove(ox.Quad(s, p, o, DEFAULT))
    for x in mentioned:
        if not any(True for _ in store.quads_for_pattern(None, MENTIONS, x, None)):
            for q in list(store.quads_for_pattern(x, None, None, DEFAULT)):
                store.remove(q)
    return True


_TYPE = ox.NamedNode(RDF + "type")
_FACT = ox.NamedNode(KG + "Fact")
_S, _P, _O = (ox.NamedNode(RDF + x) for x in ("subject", "predicate", "object"))


def _spo(store: ox.Store, fact, graph) -> tuple:
    """(subject, predicate, object) a fact resource reifies."""
    return tuple(next((q.object for q in store.quads_for_pattern(fact, x, None, graph)), None) for x in (_S, _P, _O))


def _stated_elsewhere(store: ox.Store, s, p, o) -> bool:
    """Whether some article graph still has a fact of ``s p o``."""
    for q in store.quads_for_pattern(None, _S, s, None):
        g = q.graph_name
        if isinstance(g, ox.NamedNode) and _spo(store, q.subject, g) == (s, p, o):
            return True
    return False
