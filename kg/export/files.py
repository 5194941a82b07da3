"""The graph files of a build: ``graph.ttl`` (the merged graph) and ``graph.trig`` (shared
descriptions in the default graph, one named graph per article).

Both are sorted and prefixed, so two builds of the same input give the same bytes.

>>> import tempfile, pathlib
>>> from kg.rdf.dataset import RdfDataset
>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/person/刘星>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"刘星"@zh')
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_graph_files(ds, d)
1
>>> print((d / "graph.trig").read_text(encoding="utf-8"), end="")
@prefix article: <http://x/article/> .
@prefix person: <http://x/person/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<BLANKLINE>
article:a {
    person:刘星 rdfs:label "刘星"@zh .
}
"""
from __future__ import annotations

from pathlib import Path

from ..fsutil import atomic_write
from ..rdf.dataset import RdfDataset
from ..rdf.namespaces import prefixes
from ..rdf.turtle import trig, turtle


def write_graph_files(ds: RdfDataset, out: Path) -> int:
    """Write ``graph.ttl`` and ``graph.trig`` of ``ds`` into ``out``; return the merged triple count."""
    union = ds.union()
    p = prefixes(ds.base)
    atomic_write(out / "graph.ttl", turtle(union, p))
    atomic_write(out / "graph.trig", trig(ds.graphs, p, ds.shared))
    return sum(len(pos) for pos in union.values())
