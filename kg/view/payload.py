"""The data the page is given: nodes with style, size and position, edges by relation, facts as timelines.

Everything a user sees comes from here; the page's script only draws it.
Text from articles (labels, aliases, evidence) is passed as data, never as markup.

>>> from kg.model import Graph, Node, Fact
>>> g = Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华"),
...                  "agency/青石市人民政府": Node("agency/青石市人民政府", "Agency", "青石市人民政府")},
...           facts=[Fact("person/王建华", "holdsPosition", None, "a1", role="市长", org="agency/青石市人民政府",
...                       date="2024-03-01")])
>>> d = view_data(g)
>>> [n["label"] for n in d["nodes"]], [e["label"] for e in d["edges"]]
(['青石市人民政府', '王建华'], ['市长'])
>>> d["nodes"][1]["posts"]
['市长 · 青石市人民政府']
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import networkx as nx

from ..model import ENTITY_TYPES, PREDICATES, Fact, Graph
from .graphjson import plain_value, article_meta, fact_sort_key
from .bound import MAX_NODES, bounded
from .events import EVENT_RELATIONS, EVENT_TYPE, with_events
from .layout import layout
from .style import ARTICLE_TYPE, KEY_ATTRS, attr_label, relation_label, relation_style, type_style

PHYSICS_MAX = 500      # graphs up to this many nodes are polished by the browser's physics when opened
LIVE_PHYSICS_MAX = 150  # ... and up to this many keep it running afterwards (dragging pulls neighbours along)
HIDE_UNLINKED_FROM = 200   # on graphs this big, entities with no link start hidden (the slider shows them)
ARTICLE_PREFIX = "article/"   # keys of the article nodes the view adds


def fact_target(f: Fact) -> str | None:
    """The node a fact links its subject to: the post's organisation, else the object.

    >>> fact_target(Fact("person/王建华", "holdsPosition", None, "a", role="市长", org="agency/市政府"))
    'agency/市政府'
    """
    return f.org if f.p == "holdsPosition" and f.org else f.o


def fact_when(f: Fact, graph: Graph) -> str | None:
    """The date a fact is placed at on a timeline: its own date, tenure start, or its article's date.

    >>> from kg.model import Graph, Fact, Article
    >>> g = Graph(articles={"a": Article("a", "", date="2024-05-06")})
    >>> fact_when(Fact("x", "inspected", "y", "a"), g), fact_when(Fact("x", "holdsPosition", None, "a", start="2019"), g)
    ('2024-05-06', '2019')
    """
    if f.date:
        return str(f.date)
    if f.start:
        return str(f.start)
    return article_meta(graph, f.article).get("date") if f.article in graph.articles else None


def nx_graph(graph: Graph) -> nx.Graph:
    """The undirected networkx graph of node keys linked by facts (for degree, centrality, communities).

    >>> from kg.view.sample import sample_graph
    >>> G = nx_graph(sample_graph())
    >>> G.number_of_nodes(), G.degree("person/王建华")
    (15, 4)
    """
    G = nx.Graph()
    G.add_nodes_from(sorted(graph.nodes))
    for f in graph.facts:
        t = fact_target(f)
        if t and t != f.s and t in graph.nodes and f.s in graph.nodes:
            G.add_edge(f.s, t)
    return G


def centrality(G: nx.Graph, measure: str = "degree") -> dict[str, float]:
    """Per-node score: ``degree`` (number of neighbours) or ``betweenness`` (sampled above 1,000 nodes, fixed seed).

    >>> centrality(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    if measure == "betweenness":
        k = None if len(G) <= 1000 else 300
        return nx.betweenness_centrality(G, k=k, seed=0)
    return {v: float(d) for v, d in G.degree()}


def _display(value: Any) -> str:
    """An attribute value as one line of text."""
    value = plain_value(value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _order(keys: list[str], first: tuple[str, ...]) -> list[str]:
    return [k for k in first if k in keys] + sorted(k for k in keys if k not in first)


def article_node_key(aid: str) -> str:
    """Key of the node that stands for article ``aid`` in the view (entity keys never start with ``article/``).

    >>> article_node_key("004.txt")
    'article/004.txt'
    """
    return ARTICLE_PREFIX + aid


def view_target(f: Fact, graph: Graph) -> str | None:
    """The node a fact's edge ends at in the view: ``fact_target``, or the article node of a ``reported`` fact.

    >>> from kg.model import Graph, Article
    >>> view_target(Fact("person/记者", "reported", "a1", "a1"), Graph(articles={"a1": Article("a1", "")}))
    'article/a1'
    """
    t = fact_target(f)
    if t in graph.nodes:
        return t
    if f.p == "reported" and f.o in graph.articles:
        return article_node_key(f.o)
    return None


def correction_note(graph: Graph, cid: str) -> dict[str, str]:
    """What the panel shows of correction ``cid``: its kind, author, reason and note.

    >>> correction_note(Graph(corrections={"merge-1": {"kind": "merge", "who": "李编辑", "why": "同一人"}}), "merge-1")
    {'id': 'merge-1', 'kind': 'merge', 'who': '李编辑', 'why': '同一人'}
    """
    desc = graph.corrections.get(cid, {})
    return {"id": cid, **{k: str(desc[k]) for k in ("kind", "who", "why", "note") if desc.get(k)}}


def correction_text(graph: Graph, cid: str) -> str:
    """Correction ``cid`` in one line: ``merge · 李编辑: 同一人``."""
    n = correction_note(graph, cid)
    return f"{n.get('kind', cid)} · {n.get('who', '?')}: {n.get('why', '')}" + (f"（{n['note']}）" if n.get("note") else "")


def view_data(graph: Graph, title: str = "知识图谱", size_by: str = "degree", focus: str | None = None,
              max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """The JSON-ready data of the page for ``graph`` (deterministic); ``focus`` marks the entity a focused view is about.
    Above ``max_nodes`` entities only the most connected are shown (``bound.bounded``; ``shown`` says how many)."""
    graph, shown = bounded(with_events(graph), max_nodes, [focus] if focus else [])
    facts = sorted((f for f in graph.facts if f.s in graph.nodes), key=fact_sort_key)
    G = nx_graph(graph)
    # Articles that facts point at (reporters → what they reported) become nodes of their own.
    article_nodes: dict[str, str] = {}
    for f in facts:
        t = view_target(f, graph)
        if t and t.startswith(ARTICLE_PREFIX) and t not in graph.nodes:
            article_nodes[t] = f.o or ""
            G.add_edge(f.s, t)
    G.add_nodes_from(article_nodes)
    keys = sorted(set(graph.nodes) | set(article_nodes))
    score = centrality(G, size_by)
    top = max(score.values(), default=0.0) or 1.0
    pos = layout(keys, sorted(G.edges()))
    metas = {aid: {k: v for k, v in article_meta(graph, aid).items() if k != "home"} for aid in sorted(graph.articles)}
    labels = {k: graph.nodes[k].label for k in graph.nodes}
    labels.update({k: metas[aid].get("title") or aid for k, aid in article_nodes.items()})

    # Facts, each placed on a timeline; per node the facts it takes part in.
    fact_rows: list[dict[str, Any]] = []
    touching: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        row: dict[str, Any] = {"p": f.p, "s": f.s}
        t = view_target(f, graph)
        for name in ("o", "role", "org", "start", "end", "date", "evidence", "article"):
            v = getattr(f, name)
            if v is not None:
                row[name] = str(v)
        if t:
            row["t"] = t
        if f.context:                   # the other sentences of its frame (an event named before)
            row["context"] = [str(c[0]) for c in f.context]
        if f.former:
            row["former"] = True
        when = fact_when(f, graph)
        if when:
            row["when"] = when
        row["confidence"] = round(float(f.confidence), 2)
        if f.id:
            row["id"] = f.id
        if f.corrections:           # made, changed or checked by the user's corrections: shown with who and why
            row["corrected"] = [correction_note(graph, cid) for cid in f.corrections]
        fact_rows.append(row)
        for k in {f.s, t, f.org}:
            if k in labels:
                touching[k].append(i)
    for k, ids in touching.items():
        ids.sort(key=lambda i: (fact_rows[i].get("when") or "9999", PREDICATES.index(fact_rows[i]["p"])
                                if fact_rows[i]["p"] in PREDICATES else 99, i))

    # Edges: one per (subject, target, relation), listing the roles and counting the facts.
    grouped: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        t = fact_rows[i].get("t")
        if t and t != f.s:
            grouped[(f.s, t, f.p)].append(i)
    relations = sorted({p for _, _, p in grouped} | {f.p for f in facts},
                       key=lambda p: (PREDICATES.index(p) if p in PREDICATES else 99, p))
    edges = []
    for n, ((s, t, p), ids) in enumerate(sorted(grouped.items())):
        roles = sorted({facts[i].role for i in ids if facts[i].role})
        label = "、".join(roles[:2]) + ("…" if len(roles) > 2 else "") if roles else relation_label(p)
        corrected = any(facts[i].corrections for i in ids)
        edges.append({"id": n, "from": s, "to": t, "p": p, "label": ("✎ " if corrected else "") + label,
                      "facts": ids, "former": all(facts[i].former for i in ids), "corrected": corrected})

    nodes = []
    for k in keys:
        if k in graph.nodes:
            node = graph.nodes[k]
            type_, label, aliases, articles = node.type, node.label, sorted(node.aliases), sorted(node.articles)
            attrs = [[attr_label(a), _display(node.attrs[a])] for a in _order(list(node.attrs), KEY_ATTRS)
                     if a != "corrections"]
            attrs += [["更正 corrected", "；".join(correction_text(graph, cid) for cid in node.attrs["corrections"])]
                      ] if node.attrs.get("corrections") else []
        else:
            aid = article_nodes[k]
            type_, label, aliases, articles = ARTICLE_TYPE, labels[k], [], [aid]
            attrs = [["编号 id", aid]] + [[attr_label(a), metas[aid][a]] for a in ("date", "source") if metas[aid].get(a)]
        st = type_style(type_)
        posts = []
        for i in touching.get(k, []):
            f = facts[i]
            if f.p == "holdsPosition" and f.s == k and f.role:
                org = labels.get(f.org or "", f.org or "")
                text = f"{f.role} · {org}" if org else f.role
                text += "（原）" if f.former else ""
                if text not in posts:
                    posts.append(text)
        when = [fact_rows[i]["when"] for i in touching.get(k, []) if "when" in fact_rows[i]]
        x, y = pos[k]
        nodes.append({
            "id": k, "label": label, "type": type_, "shape": st["shape"], "color": st["color"],
            "aliases": aliases, "attrs": attrs, "posts": posts,
            "degree": G.degree(k), "score": round(score.get(k, 0.0), 4),
            "size": round(9 + 23 * math.sqrt(score.get(k, 0.0) / top), 1),
            "x": x, "y": y, "facts": touching.get(k, []), "articles": articles,
            "first": min(when) if when else None, "last": max(when) if when else None,
        })

    counts = defaultdict(int)
    for n in nodes:
        counts[n["type"]] += 1
    types = ([t for t in ENTITY_TYPES if counts[t]] + sorted(t for t in counts if t not in ENTITY_TYPES
                                                           and t != ARTICLE_TYPE) + [t for t in (ARTICLE_TYPE,) if counts[t]])
    rel_counts = defaultdict(int)
    for e in edges:
        rel_counts[e["p"]] += 1
    return {
        "title": title,
        "shown": shown,
        "focus": focus if focus in graph.nodes else None,
        "physics": len(nodes) <= PHYSICS_MAX,
        "live": len(nodes) <= LIVE_PHYSICS_MAX,
        # positions are precomputed: the browser only polishes them, less the more nodes there are
        "stabilize": max(50, min(200, 20000 // max(1, len(nodes)))),
        "min_degree": 1 if len(nodes) > HIDE_UNLINKED_FROM and any(n["degree"] == 0 for n in nodes) else 0,
        "types": [{"type": t, **type_style(t), "count": counts[t]} for t in types],
        "relations": [{"p": p, **relation_style(p), "count": rel_counts[p]} for p in relations if rel_counts[p]],
        # every known style, so that pages can be compared and legends agree whatever a view holds
        "palette": {"types": {t: type_style(t) for t in (*ENTITY_TYPES, EVENT_TYPE, ARTICLE_TYPE)},
                    "relations": {p: relation_style(p) for p in (*PREDICATES, *EVENT_RELATIONS)}},
        "nodes": nodes, "edges": edges, "facts": fact_rows, "articles": metas,
    }
