"""The RDF dataset of a build: one named graph per article, terms as N-Triples strings.

Triples are kept grouped by subject (graph → subject → {(predicate, object)}),
which is what the Turtle writer needs and avoids sorting a million triples.

>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/s>", "<http://x/p>", '"o"')
>>> ds.add("http://x/article/b", "<http://x/s>", "<http://x/p>", '"o"')
>>> len(ds), ds.union_size(), ds.triples("http://x/article/b")
(2, 1, [('<http://x/s>', '<http://x/p>', '"o"')])
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

Triple = tuple[str, str, str]
Subjects = dict[str, set[tuple[str, str]]]


@dataclass
class RdfDataset:
    """Named graphs (graph IRI → subject → {(p, o)}), each graph's content hash and N-Quads."""
    base: str
    graphs: dict[str, Subjects] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    nquads: dict[str, str] = field(default_factory=dict)   # graph IRI → its sorted N-Quads, hash quad excluded
    _union: Subjects | None = field(default=None, repr=False, compare=False)

    def add(self, graph: str, s: str, p: str, o: str) -> None:
        """Add the triple ``s p o`` to the named graph ``graph``."""
        self._union = None
        subjects = self.graphs.get(graph)
        if subjects is None:
            subjects = self.graphs[graph] = {}
        pos = subjects.get(s)
        if pos is None:
            pos = subjects[s] = set()
        pos.add((p, o))

    def __len__(self) -> int:
        """The number of quads (a triple in two graphs counts twice)."""
        return sum(len(pos) for g in self.graphs.values() for pos in g.values())

    def __contains__(self, quad: tuple[str, str, str, str]) -> bool:
        """Whether ``(graph, s, p, o)`` is in the dataset."""
        g, s, p, o = quad
        return (p, o) in self.graphs.get(g, {}).get(s, ())

    def triples(self, graph: str) -> list[Triple]:
        """The triples of ``graph``, sorted."""
        return [(s, p, o) for s, pos in sorted(self.graphs[graph].items()) for p, o in sorted(pos)]

    def union(self) -> Subjects:
        """The merged graph: every distinct triple of every named graph, by subject (cached)."""
        if self._union is not None:
            return self._union
        merged: Subjects = {}
        for subjects in self.graphs.values():
            for s, pos in subjects.items():
                have = merged.get(s)
                if have is None:
                    merged[s] = set(pos)
                else:
                    have |= pos
        self._union = merged
        return merged

    def union_size(self) -> int:
        """The number of distinct triples over all graphs."""
        return sum(len(pos) for pos in self.union().values())


def sorted_blocks(subjects: Subjects) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """``(subject, sorted (p, o) pairs)`` in subject order: the input of the Turtle writer."""
    for s in sorted(subjects):
        yield s, sorted(subjects[s])
