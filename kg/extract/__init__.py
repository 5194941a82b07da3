"""Stage 2, extract: an ``Article`` → a ``Doc`` with entities and relations.

Like a spaCy pipeline: one shared ``Doc`` passes through named components,
each a small callable ``(doc) -> doc``. Lexicons and patterns are data files
under ``data/`` read by ``lexicon.py``.

>>> from kg.model import Article
>>> doc = Extractor(home="晋中市")(Article("a.txt", "市委书记张三来到榆次区调研。"))
>>> sorted(e.label for e in doc.entities.values())
['中共晋中市委员会', '张三', '晋中市', '榆次区']
>>> [(r.s, r.role, r.org) for r in doc.relations if r.p == "holdsPosition"]
[('张三', '书记', '中共晋中市委员会')]
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Article, Doc
from .clean import clean
from .segment import segment

Component = Callable[[Doc], Doc]


class Extractor:
    """The default extraction pipeline; ``names`` lists its components in order."""

    def __init__(self, home: str | None = None) -> None:
        from .context import set_context
        from .tokenize import tokenize
        from .entities import find_entities
        from .attributes import project_attributes
        from .careers import find_careers
        from .coref import resolve_short_forms
        from .relations import find_relations
        self.home = home
        self.components: list[tuple[str, Component]] = [
            ("clean", clean),
            ("segment", segment),
            ("context", lambda d: set_context(d, self.home)),
            ("tokenize", tokenize),
            ("entities", find_entities),
            ("short forms", resolve_short_forms),
            ("relations", find_relations),
            ("careers", find_careers),
            ("attributes", project_attributes),
        ]

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.components]

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article)
        for _, component in self.components:
            doc = component(doc)
        return doc
