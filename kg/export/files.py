"""The graph files of a build: ``graph.ttl`` (the merged graph) and ``graph.trig`` (shared
descriptions in the default graph, one named graph per article).

Both are sorted and prefixed, so two builds of the same input give the same bytes; a build
writes them as its article graphs come (``kg.rdf.stream``), this writes them from a whole dataset.

>>> import tempfile, pathlib
>>> from kg.rdf.dataset import RdfDataset
>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/person/王建华>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"王建华"@zh')
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_graph_files(ds, d)
1
>>> print((d / "graph.trig").read_text(encoding="utf-8"), end="")
@prefix article: <http://x/article/> .
@prefix person: <http://x/person/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<BLANKLINE>
article:a {
    person:王建华 rdfs:label "王建华"@zh .
}
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..rdf.dataset import RdfDataset
from ..rdf.stream import GraphFiles


def write_graph_files(ds: RdfDataset, out: Path) -> int:
    """Write ``graph.ttl`` and ``graph.trig`` of ``ds`` into ``out``; return the triple count."""
    files = GraphFiles(out, ds.base)
    try:
        for g in sorted(ds.graphs):
            files.graph(g, ds.graphs[g])
    except BaseException:
        files.abort()
        raise
    return files.finish(ds.shared)


def write_graph_file(ds: RdfDataset, name: str, dest: Path) -> None:
    """Write ``ds`` as ``name`` (``graph.ttl`` or ``graph.trig``, the bytes a build writes) to the file ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kg-build-export-", dir=dest.parent) as tmp:
        write_graph_files(ds, Path(tmp))
        os.replace(Path(tmp) / name, dest)
