"""Focused views: the part of a ``Graph`` around one entity, or limited to some types, relations or dates.

>>> from kg.view.sample import sample_graph
>>> g = sample_graph()
>>> sorted(n.label for n in ego(g, find_node(g, "刘市长"), 1).nodes.values())[:3]
['中共晋中市委员会', '刘星', '太谷数字经济产业园']
>>> sorted(f.p for f in since(g, parse_since("2024")).facts)
['investigatedBy', 'partOf']
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import networkx as nx

from ..errors import KgError
from ..model import Graph
from .payload import fact_target, fact_when, nx_graph


def find_node(graph: Graph, name: str) -> str:
    """Key of the entity called ``name``: its key, label or an alias, else the only label containing it.

    Raises ``KgError`` E016 when nothing matches, E021 when several entities do.
    """
    if name in graph.nodes:
        return name
    for field in ("label", "alias", "part"):
        if field == "label":
            hits = [k for k, n in graph.nodes.items() if n.label == name]
        elif field == "alias":
            hits = [k for k, n in graph.nodes.items() if name in n.aliases]
        else:
            hits = [k for k, n in graph.nodes.items() if name and name in n.label]
        if len(hits) == 1:
            return hits[0]
        if hits:
            hits.sort()
            shown = ", ".join(hits[:5]) + (", …" if len(hits) > 5 else "")
            raise KgError("E021", name=name, matches=shown, example=hits[0])
    raise KgError("E016", name=name)


def subgraph(graph: Graph, keys: Iterable[str]) -> Graph:
    """The nodes ``keys`` with the facts among them (and their ``reported`` facts) and the articles cited.

    >>> from kg.view.sample import sample_graph
    >>> [f.p for f in subgraph(sample_graph(), ["person/张建国", "agency/晋中市纪委监委"]).facts]
    ['investigatedBy']
    """
    keep = set(keys) & set(graph.nodes)
    facts = [f for f in graph.facts if f.s in keep
             and (fact_target(f) in keep or fact_target(f) not in graph.nodes)
             and (f.org is None or f.org in keep or f.org not in graph.nodes)]
    used = {f.article for f in facts} | {a for k in keep for a in graph.nodes[k].articles}
    return Graph(nodes={k: graph.nodes[k] for k in sorted(keep)}, facts=facts,
                 articles={a: graph.articles[a] for a in sorted(used) if a in graph.articles},
                 docs={})


def ego(graph: Graph, key: str, depth: int = 1) -> Graph:
    """The ego network of ``key``: every entity at most ``depth`` links away, and the facts among them."""
    G = nx_graph(graph)
    near = nx.single_source_shortest_path_length(G, key, cutoff=max(0, depth)) if key in G else {key: 0}
    return subgraph(graph, near)


def _linked(graph: Graph, facts: list, keep_always: Iterable[str] = ()) -> Graph:
    """``graph`` with only ``facts``, and only the nodes those facts still link (plus ``keep_always``)."""
    keys = set(keep_always) & set(graph.nodes)
    for f in facts:
        for k in (f.s, fact_target(f), f.org):
            if k in graph.nodes:
                keys.add(k)
    g = subgraph(graph, keys)
    kept = {id(f) for f in facts}
    g.facts = [f for f in g.facts if id(f) in kept]
    return g


def by_types(graph: Graph, types: Iterable[str], keep_always: Iterable[str] = ()) -> Graph:
    """Only the entities of ``types`` (and ``keep_always``), with the facts among them.

    >>> from kg.view.sample import sample_graph
    >>> sorted(n.label for n in by_types(sample_graph(), ["Project"]).nodes.values())
    ['太谷数字经济产业园', '潇河新城建设项目']
    """
    wanted = set(types)
    return subgraph(graph, [k for k, n in graph.nodes.items() if n.type in wanted] + list(keep_always))


def by_relations(graph: Graph, relations: Iterable[str], keep_always: Iterable[str] = ()) -> Graph:
    """Only facts of ``relations``, and the entities they link.

    >>> from kg.view.sample import sample_graph
    >>> sorted(n.label for n in by_relations(sample_graph(), ["undertakes"]).nodes.values())
    ['晋中城投集团', '潇河新城建设项目']
    """
    wanted = set(relations)
    return _linked(graph, [f for f in graph.facts if f.p in wanted], keep_always)


def parse_since(value: str) -> str:
    """Check a ``--since`` date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and return it.

    >>> parse_since("2023-05")
    '2023-05'
    >>> parse_since("May 2023")
    Traceback (most recent call last):
    kg.errors.KgError: --since: invalid date 'May 2023' (use YYYY-MM-DD, YYYY-MM or YYYY)
    """
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}", v):
            return v
        if re.fullmatch(r"\d{4}-\d{2}", v):
            dt.date(int(v[:4]), int(v[5:]), 1)
            return v
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            dt.date.fromisoformat(v)
            return v
    except ValueError:
        pass
    raise KgError("E020", value=value)


def since(graph: Graph, date: str, keep_always: Iterable[str] = ()) -> Graph:
    """Only facts dated ``date`` or later (compared at the coarser of the two precisions), and the entities they link.

    A fact's date is its own date, else its tenure start, else its article's date; undated facts are dropped.
    """
    def recent(f) -> bool:
        when = fact_when(f, graph)
        if not when:
            return False
        n = min(len(when), len(date))
        return when[:n] >= date[:n]
    return _linked(graph, [f for f in graph.facts if recent(f)], keep_always)
