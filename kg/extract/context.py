"""Article context: home city (what 我市/市委 mean), its province, the article date."""
from __future__ import annotations

from ..model import Doc


def set_context(doc: Doc, home: str | None = None) -> Doc:
    """Component: fill ``doc.home``, ``doc.province`` and ``doc.date``."""
    doc.home = home or doc.article.home
    doc.date = doc.article.date
    return doc
