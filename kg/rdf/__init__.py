"""Stage 4, rdf: a resolved ``Graph`` → an RDF dataset (placeholder, being written)."""
from __future__ import annotations

from rdflib import Dataset

from ..model import Graph


def build_dataset(graph: Graph, base: str | None = None) -> Dataset:
    return Dataset()
