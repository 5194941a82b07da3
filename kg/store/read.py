"""Reading the store back as an ``RdfDataset`` (to rewrite the graph files after ``kg remove``)."""
from __future__ import annotations

import pyoxigraph as ox

from ..rdf.dataset import RdfDataset
from ..rdf.iri import article_base
from ..rdf.namespaces import DEFAULT_BASE, KG, SCHEMA

CONTENT_HASH = f"{KG}contentHash"


def dataset_from_store(store: ox.Store, base: str | None = None) -> RdfDataset:
    """Every named graph of ``store`` as an ``RdfDataset`` (terms as N-Triples strings).

    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://x/article/a"), ox.NamedNode(SCHEMA + "identifier"),
    ...               ox.Literal("a"), ox.NamedNode("http://x/article/a")))
    >>> ds = dataset_from_store(s)
    >>> ds.base, list(ds.graphs)
    ('http://x/', ['http://x/article/a'])
    """
    ds = RdfDataset(base or DEFAULT_BASE)
    ident = f"<{SCHEMA}identifier>"
    mentions = f"<{SCHEMA}mentions>"
    found = None
    for q in store.quads_for_pattern(None, None, None, None):
        g = q.graph_name
        t = (str(q.subject), str(q.predicate), str(q.object))
        if not isinstance(g, ox.NamedNode):
            ds.add_shared(*t)
            continue
        ds.add(g.value, *t)
        if q.subject != g:
            continue
        if t[1] == mentions:
            ds.mentions.setdefault(g.value, set()).add(t[2])
        elif q.predicate.value == CONTENT_HASH:
            ds.digests[g.value] = q.object.value
        elif found is None and t[1] == ident:
            found = article_base(g.value, q.object.value)
    base = base or found
    if base:
        ds.base = base
    return ds


def store_base(store: ox.Store) -> str | None:
    """The base IRI the store's graphs were built under (from any article), or None."""
    q = f"SELECT ?g ?id WHERE {{ GRAPH ?g {{ ?g <{SCHEMA}identifier> ?id }} }} LIMIT 1"
    for row in store.query(q):
        base = article_base(row["g"].value, row["id"].value)
        if base is not None:
            return base
    return None
