"""Comparing the store of a build with its files: the store must hold exactly the quads of
``graph.trig`` (and its merged graph exactly the triples of ``graph.ttl``).

>>> import tempfile, pathlib
>>> from kg.rdf.example import sample_graph
>>> from kg.rdf import build_dataset
>>> from kg.export.files import write_graph_files
>>> from kg.store import open_store, sync
>>> out = pathlib.Path(tempfile.mkdtemp()); ds = build_dataset(sample_graph())
>>> with open_store(out, create=True) as store:
...     _ = sync(store, ds)
>>> _ = write_graph_files(ds, out)
>>> with open_store(out, read_only=True) as store:
...     compare(store, out).differences
0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox


@dataclass
class Comparison:
    """What differs between the store and the graph files (as N-Quads / N-Triples lines)."""
    quads: int = 0                                    # quads in the store
    only_store: list[str] = field(default_factory=list)    # in the store, not in graph.trig
    only_trig: list[str] = field(default_factory=list)     # in graph.trig, not in the store
    only_union: list[str] = field(default_factory=list)    # in the store's merged graph, not in graph.ttl
    only_ttl: list[str] = field(default_factory=list)      # in graph.ttl, not in the store's merged graph

    @property
    def differences(self) -> int:
        return len(self.only_store) + len(self.only_trig) + len(self.only_union) + len(self.only_ttl)

    def subjects(self) -> int:
        """How many subjects the differing statements are about."""
        return len({line.split(" ", 1)[0] for part in (self.only_store, self.only_trig, self.only_union,
                                                         self.only_ttl) for line in part})


def _file_quads(path: Path, fmt: ox.RdfFormat) -> set[str]:
    return {str(q) for q in ox.parse(path=str(path), format=fmt)}


def compare(store: ox.Store, out: Path) -> Comparison:
    """Compare ``store`` with ``out/graph.trig`` and ``out/graph.ttl`` (a missing file counts as empty)."""
    c = Comparison()
    stored: set[str] = set()
    merged: set[str] = set()
    for q in store.quads_for_pattern(None, None, None, None):
        stored.add(str(q))
        merged.add(str(ox.Triple(q.subject, q.predicate, q.object)))
    c.quads = len(stored)
    trig = out / "graph.trig"
    in_trig = _file_quads(trig, ox.RdfFormat.TRIG) if trig.is_file() else set()
    c.only_store, c.only_trig = sorted(stored - in_trig), sorted(in_trig - stored)
    del stored, in_trig
    ttl = out / "graph.ttl"
    in_ttl = {str(ox.Triple(q.subject, q.predicate, q.object))
              for q in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)} if ttl.is_file() else set()
    c.only_union, c.only_ttl = sorted(merged - in_ttl), sorted(in_ttl - merged)
    return c
