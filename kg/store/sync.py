"""Incremental updates: each article's named graph is replaced only when its content hash changed.

The hash of a graph is stored in the graph itself (``<article> kg:contentHash
"…"``) and written last, so an interrupted update leaves a graph without a hash,
which the next build replaces.

>>> import pyoxigraph as ox
>>> from kg.rdf.dataset import RdfDataset
>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/s>", "<http://x/p>", '"o"')
>>> ds.digests["http://x/article/a"] = "h1"
>>> store = ox.Store()
>>> sync(store, ds)
SyncReport(added=1, replaced=0, removed=0, unchanged=0)
>>> sync(store, ds)
SyncReport(added=0, replaced=0, removed=0, unchanged=1)
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ..rdf.dataset import RdfDataset
from ..rdf.mapping import graph_nquads
from ..rdf.namespaces import KG

CONTENT_HASH = f"<{KG}contentHash>"
BULK_QUADS = 20_000      # above this many new quads, load without a transaction (much faster)


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


def sync(store: ox.Store, ds: RdfDataset) -> SyncReport:
    """Make the named graphs of ``store`` equal to those of ``ds``, touching only what changed."""
    old = stored_digests(store)
    existing = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
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
    for g in sorted(existing):
        if g not in ds.digests or g in changed:
            store.remove_graph(ox.NamedNode(g))
            report.removed += g not in ds.digests
    if changed:
        body, hashes = _nquads(ds, sorted(changed))
        if body.count("\n") > BULK_QUADS:
            store.bulk_load(body.encode("utf-8"), ox.RdfFormat.N_QUADS, lenient=True)
        else:
            store.load(body.encode("utf-8"), ox.RdfFormat.N_QUADS)
        store.load(hashes.encode("utf-8"), ox.RdfFormat.N_QUADS)
    return report


def _nquads(ds: RdfDataset, graphs: list[str]) -> tuple[str, str]:
    """N-Quads of ``graphs``: the content, and apart from it their content-hash quads."""
    body, hashes = [], []
    for g in graphs:
        block = ds.nquads.get(g)
        if block is None:
            subjects = {s: {po for po in pos if po[0] != CONTENT_HASH} for s, pos in ds.graphs[g].items()}
            block = graph_nquads(g, subjects)
        body.append(block)
        hashes.append(f'<{g}> {CONTENT_HASH} "{ds.digests[g]}" <{g}> .\n')
    return "".join(body), "".join(hashes)


def remove_article(store: ox.Store, graph: str) -> bool:
    """Drop the named graph ``graph``; False when the store has no such graph."""
    node = ox.NamedNode(graph)
    if not store.contains_named_graph(node):
        return False
    store.remove_graph(node)
    return True
