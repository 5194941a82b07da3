"""Stage 3, resolve: per-article ``Doc`` objects → one ``Graph`` of merged nodes.

The same official, agency or place named in several articles becomes one
node; each node key is stable (same input, same key).

>>> from kg.model import Article, Doc
>>> a, b = Doc(Article("a", "")), Doc(Article("b", ""))
>>> _ = a.add_entity("Place", "东山县"); _ = b.add_entity("Place", "东山县", "东山")
>>> g = resolve([a, b])
>>> [(n.key, sorted(n.aliases), sorted(n.articles)) for n in g.nodes.values()]
[('place/东山县', ['东山'], ['a', 'b'])]
"""
from __future__ import annotations

from .merge import resolve, node_key

__all__ = ["resolve", "node_key"]
