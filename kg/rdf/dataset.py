"""The RDF dataset of a build: one named graph per article, triples as N-Triples strings.

>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", ("<http://x/s>", "<http://x/p>", '"o"'))
>>> ds.add("http://x/article/b", ("<http://x/s>", "<http://x/p>", '"o"'))
>>> len(ds), ds.union()
(2, [('<http://x/s>', '<http://x/p>', '"o"')])
"""
from __future__ import annotations

from dataclasses import dataclass, field

Triple = tuple[str, str, str]


@dataclass
class RdfDataset:
    """Named graphs (graph IRI → set of triples) plus each graph's content digest."""
    base: str
    graphs: dict[str, dict[Triple, None]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)

    def add(self, graph: str, triple: Triple) -> None:
        """Add ``triple`` to the named graph ``graph``."""
        g = self.graphs.get(graph)
        if g is None:
            g = self.graphs[graph] = {}
        g[triple] = None

    def __len__(self) -> int:
        """The number of quads (a triple in two graphs counts twice)."""
        return sum(len(g) for g in self.graphs.values())

    def sorted_graph(self, graph: str) -> list[Triple]:
        """The triples of ``graph`` in sorted order."""
        return sorted(self.graphs[graph])

    def union(self) -> list[Triple]:
        """The merged graph: every distinct triple of every named graph, sorted."""
        if len(self.graphs) == 1:
            return sorted(next(iter(self.graphs.values())))
        merged: set[Triple] = set()
        for g in self.graphs.values():
            merged.update(g)
        return sorted(merged)
