"""The RDF dataset of a build: shared descriptions plus one named graph per article.

* the **default graph** (``shared``) holds what is true whichever article says
  it, merged: entity descriptions (type, name, aliases, attributes), posts,
  roles, memberships, and each asserted relation once;
* the **named graph of an article** holds what only that article says: the
  article itself, ``schema:mentions`` of everything it describes, and one
  ``kg:Fact`` per fact with its provenance.

The two never share a triple, so their union — the merged graph of
``graph.ttl`` — has no duplicates, and SPARQL over the union sees each triple
once. Terms are N-Triples strings, grouped by subject (graph → subject →
{(predicate, object)}), which is what the Turtle writer needs.

>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/article/a>", "<http://x/p>", '"o"')
>>> ds.add_shared("<http://x/s>", "<http://x/p>", '"o"')
>>> len(ds), ds.union_size(), ds.triples("http://x/article/a")
(2, 2, [('<http://x/article/a>', '<http://x/p>', '"o"')])
"""
from __future__ import annotations

from dataclasses import dataclass, field

Triple = tuple[str, str, str]
Subjects = dict[str, set[tuple[str, str]]]


@dataclass
class RdfDataset:
    """Shared triples, article graphs, and per article its content hash, N-Quads and mentions."""
    base: str
    graphs: dict[str, Subjects] = field(default_factory=dict)
    shared: Subjects = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    nquads: dict[str, str] = field(default_factory=dict)      # graph → its sorted N-Quads, hash quad excluded
    mentions: dict[str, set[str]] = field(default_factory=dict)  # graph → shared subjects it describes
    released: int = 0          # quads of the article graphs handed on and dropped (``release``)
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

    def add_shared(self, s: str, p: str, o: str) -> None:
        """Add the triple ``s p o`` to the shared (default) graph."""
        self._union = None
        pos = self.shared.get(s)
        if pos is None:
            pos = self.shared[s] = set()
        pos.add((p, o))

    def __len__(self) -> int:
        """The number of quads (default graph and released graphs included)."""
        return self.released + sum(len(pos) for g in [self.shared, *self.graphs.values()] for pos in g.values())

    def release(self, graph: str) -> Subjects:
        """Take the named graph ``graph`` out of the dataset (streaming: it was written elsewhere);
        its quads still count in ``len``, its hash stays in ``digests``."""
        self._union = None
        subjects = self.graphs.pop(graph, {})
        self.mentions.pop(graph, None)
        self.released += sum(len(pos) for pos in subjects.values())
        return subjects

    def __contains__(self, quad: tuple[str | None, str, str, str]) -> bool:
        """Whether ``(graph, s, p, o)`` is in the dataset (graph None: the shared graph)."""
        g, s, p, o = quad
        subjects = self.shared if g is None else self.graphs.get(g, {})
        return (p, o) in subjects.get(s, ())

    def triples(self, graph: str | None) -> list[Triple]:
        """The triples of ``graph`` (None: the shared graph), sorted."""
        subjects = self.shared if graph is None else self.graphs[graph]
        return [(s, p, o) for s, pos in sorted(subjects.items()) for p, o in sorted(pos)]

    def union(self) -> Subjects:
        """The merged graph: every distinct triple, by subject (cached; read-only: its sets may be the graphs')."""
        if self._union is not None:
            return self._union
        # A subject described in one graph only (most of them) shares that graph's set: no copy.
        merged: Subjects = dict(self.shared)
        own: set[str] = set()               # subjects whose set was made here, so may be extended
        for subjects in self.graphs.values():
            for s, pos in subjects.items():
                have = merged.get(s)
                if have is None:
                    merged[s] = pos
                elif s in own:
                    have |= pos
                else:
                    merged[s] = have | pos
                    own.add(s)
        self._union = merged
        return merged

    def union_size(self) -> int:
        """The number of distinct triples over all graphs."""
        return sum(len(pos) for pos in self.union().values())
