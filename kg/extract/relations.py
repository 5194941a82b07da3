"""Relation extraction (placeholder, being written)."""
from __future__ import annotations

from ..model import Doc


def find_relations(doc: Doc) -> Doc:
    return doc
