"""Entity recognition (placeholder, being written)."""
from __future__ import annotations

from ..model import Doc


def find_entities(doc: Doc) -> Doc:
    return doc
