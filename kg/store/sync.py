"""Incremental updates: each article's named graph is replaced only when its content hash changed.

The store holds the article graphs as named graphs and their union (the
merged graph, what ``graph.ttl`` holds) as the default graph, so queries see
each merged triple once. The hash of a graph is stored in the graph itself
(``<article> kg:contentHash "…"``) and written last, so an interrupted update
leaves a graph without a hash, which the next build replaces.

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
>>> len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph())))
1
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ..rdf.dataset import RdfDataset
from ..rdf.mapping import graph_nquads
from ..rdf.namespaces import KG

CONTENT_HASH = f"<{KG}contentHash>"
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


def sync(store: ox.Store, ds: RdfDataset) -> SyncReport:
    """Make the store equal to ``ds`` (named graphs and their union), touching only what changed."""
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
    union = ds.union()
    gone: dict[str, ox.Triple] = {}      # triples of the graphs dropped now, by N-Triples text
    for g in sorted(existing):
        if g not in ds.digests or g in changed:
            node = ox.NamedNode(g)
            for q in store.quads_for_pattern(None, None, None, node):
                gone[f"{q.subject} {q.predicate} {q.object}"] = q.triple
            store.remove_graph(node)
            report.removed += g not in ds.digests
    for text, t in gone.items():         # the merged graph loses what no article states any more
        if (str(t.predicate), str(t.object)) not in union.get(str(t.subject), ()):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    if changed:
        body, hashes = _nquads(ds, sorted(changed))
        if existing:
            merged = [f"{s} {p} {o} .\n" for g in changed for s, pos in ds.graphs[g].items() for p, o in pos]
        else:
            merged = [f"{s} {p} {o} .\n" for s, pos in union.items() for p, o in pos]
        data = (body + "".join(merged)).encode("utf-8")
        if len(merged) > BULK_QUADS:
            store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
        else:
            store.load(data, ox.RdfFormat.N_QUADS)
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
    """Drop the named graph ``graph`` and what only it stated from the merged graph.

    False when the store has no such graph.
    """
    node = ox.NamedNode(graph)
    if not store.contains_named_graph(node):
        return False
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, node)]
    store.remove_graph(node)
    for t in triples:
        if not any(isinstance(q.graph_name, ox.NamedNode)
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    return True
