"""The part of a big graph a page draws: the most connected entities and the links among them.

A browser cannot open the page of a whole large corpus (16,630 articles gave a
566 MB ``graph.html``), so above ``MAX_NODES`` entities the page shows the
``MAX_NODES`` with most neighbours (ties by key: the choice depends on the graph
only) and the facts among them, the ``FACTS_PER_LINK`` latest of each link (the
facts, with their evidence, are most of a page's bytes), and says so; ``graph.json`` and the RDF stay
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

from ..model import Fact, Graph

MAX_NODES = 3000   # graph.html above this many entities shows this many (``kg view --max-nodes`` changes it)
FACTS_PER_LINK = 5   # ... and of the facts behind one link (or one entity's facts with no target) the latest this many


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
    ``max_nodes`` most connected entities (``keep`` first) with the facts among them — the ``FACTS_PER_LINK``
    latest of each link — and what was shown: ``{"nodes", "of_nodes", "links", "of_links", "facts", "of_facts",
    "per_link"}``. Links to articles (``reported``) are left out too."""
    if max_nodes <= 0 or len(graph.nodes) <= max_nodes:
        return graph, None
    from .focus import subgraph
    from .payload import fact_target, nx_graph
    G = nx_graph(graph)
    first = set(keep)
    chosen = sorted(graph.nodes, key=lambda k: (k not in first, -G.degree(k), k))[:max_nodes]
    part = subgraph(graph, chosen)
    part.facts = _latest([f for f in part.facts if f.p != "reported" or fact_target(f) in part.nodes])
    return part, {"nodes": len(part.nodes), "of_nodes": len(graph.nodes),
                  "links": link_count(part), "of_links": link_count(graph),
                  "facts": len(part.facts), "of_facts": len(graph.facts), "per_link": FACTS_PER_LINK}


def _latest(facts: list[Fact]) -> list[Fact]:
    """The ``FACTS_PER_LINK`` latest facts (by date, then the written order) of each subject, target and relation.

    >>> fs = [Fact("person/王建华", "inspected", "place/东山县", "a", date=f"2024-0{m}-01") for m in range(1, 9)]
    >>> [f.date[5:7] for f in _latest(fs)]
    ['04', '05', '06', '07', '08']
    """
    from .graphjson import fact_sort_key
    from .payload import fact_target
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        groups.setdefault((f.s, fact_target(f), f.p), []).append(f)
    kept = []
    for group in groups.values():
        group.sort(key=lambda f: (str(f.date or f.start or ""), fact_sort_key(f)))
        kept += group[-FACTS_PER_LINK:]
    return sorted(kept, key=fact_sort_key)
