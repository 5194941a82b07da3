"""Focused views: the part of a ``Graph`` around one entity, or limited to some types, relations or dates.

>>> from kg.view.sample import sample_graph
>>> g = sample_graph()
>>> sorted(n.label for n in ego(g, find_node(g, "王市长"), 1).nodes.values())[:3]
['中共青石市委员会', '南塘数字经济产业园', '王建华']
>>> sorted((f.p, f.role or f.o) for f in between(g, parse_date("2024")).facts)[:2]   # a post held since 2021 still holds
[('holdsPosition', '市长'), ('investigatedBy', 'agency/青石市纪委监委')]
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import networkx as nx

from ..errors import KgError
from ..model import Fact, Graph
from .graphjson import article_meta
from .payload import fact_target, nx_graph


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
    >>> [f.p for f in subgraph(sample_graph(), ["person/张建国", "agency/青石市纪委监委"]).facts]
    ['investigatedBy']
    """
    keep = set(keys) & set(graph.nodes)
    facts = [f for f in graph.facts if f.s in keep
             and (fact_target(f) in keep or fact_target(f) not in graph.nodes)
             and (f.org is None or f.org in keep or f.org not in graph.nodes)]
    used = {f.article for f in facts} | {a for k in keep for a in graph.nodes[k].articles}
    return Graph(nodes={k: graph.nodes[k] for k in sorted(keep)}, facts=facts,
                 articles={a: graph.articles[a] for a in sorted(used) if a in graph.articles},
                 docs={}, corrections=graph.corrections)


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
    ['南塘数字经济产业园', '白鹭新城建设项目']
    """
    wanted = set(types)
    return subgraph(graph, [k for k, n in graph.nodes.items() if n.type in wanted] + list(keep_always))


def by_relations(graph: Graph, relations: Iterable[str], keep_always: Iterable[str] = ()) -> Graph:
    """Only facts of ``relations``, and the entities they link.

    >>> from kg.view.sample import sample_graph
    >>> sorted(n.label for n in by_relations(sample_graph(), ["undertakes"]).nodes.values())
    ['白鹭新城建设项目', '青石城投集团']
    """
    wanted = set(relations)
    return _linked(graph, [f for f in graph.facts if f.p in wanted], keep_always)


def parse_date(value: str, option: str = "--since") -> str:
    """Check a ``--since``/``--until`` date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and return it.

    >>> parse_date("2023-05")
    '2023-05'
    >>> parse_date("May 2023", "--until")
    Traceback (most recent call last):
    kg.errors.KgError: --until: invalid date 'May 2023' (use YYYY-MM-DD, YYYY-MM or YYYY)
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
    raise KgError("E020", option=option, value=value)


def fact_span(f: Fact, graph: Graph) -> tuple[str | None, str | None] | None:
    """When a fact held, by its own dates: an event its date, a tenure its start–end (an end left open is
    ``None``); only a fact with none of these falls back to its article's date. ``None`` when nothing dates it.

    >>> from kg.model import Article
    >>> g = Graph(articles={"a": Article("a", "", date="2024-05-06")})
    >>> fact_span(Fact("x", "holdsPosition", None, "a", start="1998", end="2003"), g)
    ('1998', '2003')
    >>> fact_span(Fact("x", "inspected", "y", "a"), g), fact_span(Fact("x", "holdsPosition", None, "a", start="2019"), g)
    (('2024-05-06', '2024-05-06'), ('2019', None))
    """
    if f.date:
        return str(f.date), str(f.date)
    if f.start or f.end:
        return (str(f.start) if f.start else None), (str(f.end) if f.end else None)
    when = article_meta(graph, f.article).get("date") if f.article in graph.articles else None
    return (when, when) if when else None


def compare_dates(a: str, b: str) -> int:
    """Compare two dates at the coarser of their precisions (``2024`` equals ``2024-03-05``): -1, 0 or 1.

    >>> compare_dates("2024", "2024-03-05"), compare_dates("2023-12", "2024")
    (0, -1)
    """
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def in_window(span: tuple[str | None, str | None] | None, since: str | None, until: str | None) -> bool:
    """Whether a fact's ``span`` overlaps the window ``since``–``until`` (either may be open).

    >>> in_window(("1998", "2003"), "2024-03", None), in_window(("2019", None), "2024-03", None)
    (False, True)
    >>> in_window(("2023-06-18", "2023-06-18"), "2023", "2023-06"), in_window(None, None, "2020")
    (True, False)
    """
    if span is None:
        return False
    start, end = span
    if since and end is not None and compare_dates(end, since) < 0:
        return False
    if until and start is not None and compare_dates(start, until) > 0:
        return False
    return True


def between(graph: Graph, since: str | None = None, until: str | None = None,
            keep_always: Iterable[str] = ()) -> Graph:
    """Only the facts that held between ``since`` and ``until`` (``in_window`` of their ``fact_span``),
    and the entities they link; undated facts are dropped."""
    return _linked(graph, [f for f in graph.facts if in_window(fact_span(f, graph), since, until)], keep_always)
