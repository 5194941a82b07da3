"""Stage 4, rdf: a resolved ``Graph`` → an RDF dataset against ``ontology/kg.ttl``.

``build_dataset`` maps the graph (one named graph per article, see
``mapping``); ``turtle`` writes it as deterministic Turtle/TriG; ``validate``
checks a graph against ``ontology/shapes.ttl``.
"""
from __future__ import annotations

from .dataset import RdfDataset
from .mapping import build_dataset

__all__ = ["RdfDataset", "build_dataset"]
