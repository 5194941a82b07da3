"""The part of a big graph a page draws: the most connected entities and the links among them.

A browser cannot open the page of a whole large corpus (16,630 articles gave a
566 MB ``graph.html``), so above ``MAX_NODES`` entities the page shows the
``MAX_NODES`` with most neighbours (ties by key: the choice depends on the graph
only) and the facts among them, and says so; ``graph.json`` and the RDF stay
complete, and ``kg view OUT --focus NAME`` draws any entity's neighbourhood.

>>> from kg.view.sample import sample_graph
>>> part, shown = bounded(sample_graph(), 4)
>>> sorted(part.nodes), shown["nodes"], shown["of_nodes"]
(['agency/青石市人民政府', 'person/王建华', 'place/南塘区', 'place/青石市'], 4, 15)
>>> bounded(sample_graph(), 20)[1] is None
True
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Graph

MAX_NODES = 3000   # graph.html above this many entities shows this many (``kg view --max-nodes`` changes it)


def link_count(graph: Graph) -> int:
    """The links the page would draw between ``graph``'s entities: one per subject, target and relation.

    >>> from kg.view.sample import sample_graph
    >>> link_count(sample_graph())
    17
    """
    from .payload import fact_target
    return len({(f.s, t, f.p) for f in graph.facts
                if (t := fact_target(f)) and t != f.s and t in graph.nodes and f.s in graph.nodes})


def bounded(graph: Graph, max_nodes: int = MAX_NODES, keep: Iterable[str] = ()) -> tuple[Graph, dict | None]:
    """``graph`` itself and None when it has at most ``max_nodes`` entities (or ``max_nodes`` ≤ 0); else its
    ``max_nodes`` most connected entities (``keep`` first) with the facts among them, and what was left out:
    ``{"nodes", "of_nodes", "links", "of_links"}``. Links to articles (``reported``) are left out too."""
    if max_nodes <= 0 or len(graph.nodes) <= max_nodes:
        return graph, None
    from .focus import subgraph
    from .payload import fact_target, nx_graph
    G = nx_graph(graph)
    first = set(keep)
    chosen = sorted(graph.nodes, key=lambda k: (k not in first, -G.degree(k), k))[:max_nodes]
    part = subgraph(graph, chosen)
    part.facts = [f for f in part.facts if f.p != "reported" or fact_target(f) in part.nodes]
    return part, {"nodes": len(part.nodes), "of_nodes": len(graph.nodes),
                  "links": link_count(part), "of_links": link_count(graph)}
