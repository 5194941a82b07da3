"""``kg stats``: counts by type, the most connected officials, agencies with most projects, communities.

>>> from kg.view.sample import sample_graph
>>> s = graph_stats(sample_graph())
>>> s["types"]["Person"], s["officials"][0]["label"]
(4, '王建华')
>>> print(table(["名称", "n"], [["王建华", 4], ["Ann", 12]]))
名称    n
------  --
王建华   4
Ann     12
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import networkx as nx

from ..model import ENTITY_TYPES, PREDICATES, Graph
from ..textwidth import width      # terminal columns, as kg query's tables count them
from .payload import fact_target, nx_graph
from .style import relation_label, type_style


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table; numbers are right-aligned, text left-aligned."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    numeric = [all(isinstance(r[i], (int, float)) for r in rows) and bool(rows) for i in range(len(headers))]
    widths = [max(width(r[i]) for r in cells) for i in range(len(headers))]

    def line(r: list[str]) -> str:
        out = []
        for i, c in enumerate(r):
            pad = " " * (widths[i] - width(c))
            out.append(pad + c if numeric[i] and r is not cells[0] else c + pad)
        return "  ".join(out).rstrip()
    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]])


def _posts(graph: Graph, key: str) -> list[str]:
    posts = []
    for f in graph.facts:
        if f.s == key and f.p == "holdsPosition" and f.role:
            org = graph.nodes[f.org].label if f.org in graph.nodes else ""
            text = (f"{f.role} · {org}" if org else f.role) + ("（原）" if f.former else "")
            if text not in posts:
                posts.append(text)
    return sorted(posts)


def graph_stats(graph: Graph, top: int = 10) -> dict[str, Any]:
    """The figures ``kg stats`` prints, as plain data (deterministic)."""
    G = nx_graph(graph)
    types = Counter(n.type for n in graph.nodes.values())
    relations = Counter(f.p for f in graph.facts)
    people = sorted((k for k, n in graph.nodes.items() if n.type == "Person"),
                    key=lambda k: (-G.degree(k), graph.nodes[k].label, k))
    officials = [{"key": k, "label": graph.nodes[k].label, "degree": G.degree(k),
                  "facts": sum(1 for f in graph.facts if k in (f.s, fact_target(f))),
                  "posts": _posts(graph, k)} for k in people[:top]]
    projects: dict[str, set[str]] = {}
    for f in graph.facts:
        for a, b in ((f.s, fact_target(f)), (fact_target(f), f.s)):
            na, nb = graph.nodes.get(a or ""), graph.nodes.get(b or "")
            if na and nb and na.type in ("Agency", "Organization") and nb.type == "Project":
                projects.setdefault(a, set()).add(b)
    agencies = [{"key": k, "label": graph.nodes[k].label, "type": graph.nodes[k].type, "projects": len(v),
                 "examples": sorted(graph.nodes[p].label for p in v)[:3]}
                for k, v in sorted(projects.items(), key=lambda kv: (-len(kv[1]), graph.nodes[kv[0]].label, kv[0]))][:top]
    core = G.subgraph([v for v in G if G.degree(v) > 0])
    comms = [sorted(c) for c in nx.community.louvain_communities(core, seed=0)] if len(core) else []
    comms.sort(key=lambda c: (-len(c), c[0]))
    communities = []
    for i, c in enumerate(comms[:top], 1):
        hubs = sorted(c, key=lambda k: (-G.degree(k), k))[:4]
        mix = Counter(graph.nodes[k].type for k in c)
        communities.append({"id": i, "size": len(c), "members": [graph.nodes[k].label for k in hubs],
                            "types": {t: mix[t] for t in ENTITY_TYPES if mix[t]}})
    return {
        "nodes": len(graph.nodes), "facts": len(graph.facts), "articles": len(graph.articles),
        "types": {t: types.get(t, 0) for t in ENTITY_TYPES} | {t: c for t, c in sorted(types.items()) if t not in ENTITY_TYPES},
        "relations": {p: relations[p] for p in PREDICATES if relations[p]}
                     | {p: c for p, c in sorted(relations.items()) if p not in PREDICATES},
        "officials": officials, "agencies": agencies, "communities": communities,
        "community_count": len(comms), "isolated": len(G) - len(core),
    }


def format_stats(s: dict[str, Any]) -> str:
    """The report ``kg stats`` prints: one titled table per figure.

    >>> from kg.view.sample import sample_graph
    >>> print(format_stats(graph_stats(sample_graph())).splitlines()[0])
    15 entities, 18 facts, 4 articles
    """
    parts = [f"{s['nodes']} entities, {s['facts']} facts, {s['articles']} articles"]
    parts.append("\n实体类型 Entities by type\n" + table(
        ["type", "count"], [[type_style(t)["name"], c] for t, c in s["types"].items()]))
    if s["relations"]:
        parts.append("\n关系 Facts by relation\n" + table(
            ["relation", "count"], [[f"{relation_label(p)} {p}", c] for p, c in s["relations"].items()]))
    if s["officials"]:
        parts.append("\n关系最多的官员 Most connected officials\n" + table(
            ["#", "name", "links", "facts", "posts"],
            [[i, o["label"], o["degree"], o["facts"], "、".join(o["posts"][:3]) + ("…" if len(o["posts"]) > 3 else "")]
             for i, o in enumerate(s["officials"], 1)]))
    if s["agencies"]:
        parts.append("\n项目最多的机关单位 Agencies with most projects\n" + table(
            ["#", "agency", "type", "projects", "e.g."],
            [[i, a["label"], a["type"], a["projects"], "、".join(a["examples"])] for i, a in enumerate(s["agencies"], 1)]))
    if s["communities"]:
        more = s["community_count"] - len(s["communities"])
        parts.append(f"\n社群 Communities ({s['community_count']} found by Louvain"
                     + (f"; {s['isolated']} unlinked entities" if s["isolated"] else "") + ")\n" + table(
            ["#", "size", "central members", "types"],
            [[c["id"], c["size"], "、".join(c["members"]), " ".join(f"{t} {n}" for t, n in c["types"].items())]
             for c in s["communities"]]) + (f"\n… and {more} smaller" if more > 0 else ""))
    return "\n".join(parts) + "\n"
