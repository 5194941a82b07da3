"""``graph.json``: the resolved ``Graph`` as deterministic JSON, so ``kg view``/``kg stats`` can reread a build.

Nodes are sorted by key, facts by (s, p, o, role, org, article), articles by id;
empty fields are left out. Article texts and per-article docs are not kept.

>>> from kg.model import Graph, Node, Fact
>>> g = Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华", {"王市长"})},
...           facts=[Fact("person/王建华", "holdsPosition", None, "a1", role="市长", org="agency/青石市人民政府")])
>>> text = dumps(g)
>>> loads(text).nodes["person/王建华"].aliases
{'王市长'}
>>> dumps(loads(text)) == text
True
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from ..errors import KgError
from ..fsutil import atomic_write
from ..model import Article, Fact, Graph, GraphEvent, Node

FORMAT = "kg-graph/1"


def plain_value(value: Any) -> Any:
    """A JSON-ready, order-stable copy of an attribute value (sets become sorted lists)."""
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((plain_value(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def fact_sort_key(f: Fact) -> tuple:
    """The order facts are written in (and shown in, when dates tie)."""
    return (f.s, f.p, f.o or "", f.role or "", f.org or "", f.article, f.date or "", f.evidence or "")


def article_meta(graph: Graph, aid: str) -> dict[str, str]:
    """Title, date, source and home of article ``aid``; when its metadata has no title or date,
    the first story heading and the date the extractor found in the text (``graph.docs``) stand in.

    >>> from kg.model import Graph, Article, Doc
    >>> a = Article("a1", "正文", source="seeds/a1.txt")
    >>> article_meta(Graph(articles={"a1": a}, docs={"a1": Doc(a, stories=[(0, 9, "市委常委会召开会议")], date="2022-04-13")}), "a1")
    {'title': '市委常委会召开会议', 'date': '2022-04-13', 'source': 'seeds/a1.txt'}
    """
    a = graph.articles[aid]
    doc = graph.docs.get(aid) if graph.docs else None
    meta = {"title": a.title, "date": a.date, "source": a.source, "home": a.home}
    if doc is not None:
        if not meta["title"]:
            meta["title"] = next((h.strip() for _, _, h in doc.stories if h and h.strip()), None)
        meta["date"] = meta["date"] or doc.date
    return {k: str(v) for k, v in meta.items() if v}


def to_dict(graph: Graph) -> dict[str, Any]:
    """``graph`` as a plain dict in a fixed order.

    >>> to_dict(Graph())
    {'format': 'kg-graph/1', 'nodes': [], 'facts': [], 'articles': []}
    """
    nodes = []
    for key in sorted(graph.nodes):
        n = graph.nodes[key]
        d: dict[str, Any] = {"key": n.key, "type": n.type, "label": n.label}
        if n.aliases:
            d["aliases"] = sorted(n.aliases)
        if n.attrs:
            d["attrs"] = plain_value(n.attrs)
        if n.articles:
            d["articles"] = sorted(n.articles)
        nodes.append(d)
    facts = [fact_dict(f) for f in sorted(graph.facts, key=fact_sort_key)]
    articles = [{"id": aid, **article_meta(graph, aid)} for aid in sorted(graph.articles)]
    d = {"format": FORMAT, "nodes": nodes, "facts": facts, "articles": articles}
    if graph.rejected:                  # facts a correction rejected: kept, shown apart
        d["rejected"] = [fact_dict(f) for f in sorted(graph.rejected, key=fact_sort_key)]
    if graph.corrections:               # what each correction was, who made it, why, and whether it applied
        d["corrections"] = [{"id": k, **plain_value(v)} for k, v in sorted(graph.corrections.items())]
    if graph.events:                    # the events the articles name (kg/view/events.py draws them)
        d["events"] = [plain_value(dataclasses.asdict(e)) for e in sorted(graph.events, key=lambda e: e.key)]
    return d


def fact_dict(f: Fact) -> dict[str, Any]:
    """A fact as a dict, empty fields left out."""
    d = {}
    for fld in dataclasses.fields(Fact):
        v = getattr(f, fld.name)
        if v is None or v == [] or v == () or v == "" or (fld.name == "former" and not v):
            continue
        d[fld.name] = plain_value(v)
    return d


def dumps(graph: Graph) -> str:
    """``graph`` as JSON text, one node/fact/article per line, UTF-8 characters unescaped."""
    d = to_dict(graph)
    parts = ['{"format": ' + json.dumps(FORMAT)]
    for name in ("nodes", "facts", "articles", "rejected", "corrections", "events"):
        if name not in d:
            continue
        rows = ",\n  ".join(json.dumps(x, ensure_ascii=False, sort_keys=False) for x in d[name])
        parts.append(f'"{name}": [\n  {rows}\n]' if rows else f'"{name}": []')
    return ",\n".join(parts) + "}\n"


def from_dict(d: dict[str, Any]) -> Graph:
    """The ``Graph`` of a dict made by ``to_dict`` (unknown fields are ignored)."""
    fact_fields = {f.name for f in dataclasses.fields(Fact)}
    g = Graph()
    for n in d.get("nodes", []):
        g.nodes[n["key"]] = Node(n["key"], n["type"], n["label"], set(n.get("aliases", [])),
                                 dict(n.get("attrs", {})), set(n.get("articles", [])))
    for f in d.get("facts", []):
        g.facts.append(Fact(**{"o": None, **{k: v for k, v in f.items() if k in fact_fields}}))
    for f in d.get("rejected", []):
        g.rejected.append(Fact(**{"o": None, **{k: v for k, v in f.items() if k in fact_fields}}))
    for c in d.get("corrections", []):
        g.corrections[c["id"]] = {k: v for k, v in c.items() if k != "id"}
    for a in d.get("articles", []):
        g.articles[a["id"]] = Article(a["id"], "", a.get("title"), a.get("date"), a.get("source"), a.get("home"))
    event_fields = {f.name for f in dataclasses.fields(GraphEvent)}
    for e in d.get("events", []):
        ev = GraphEvent(**{k: v for k, v in e.items() if k in event_fields})
        ev.sentences = [tuple(x) for x in ev.sentences]
        g.events.append(ev)
    return g


def loads(text: str) -> Graph:
    """Parse JSON text made by ``dumps``; raises ``ValueError``/``KeyError``/``TypeError`` on bad input."""
    d = json.loads(text)
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    return from_dict(d)


def write_graph_json(graph: Graph, path: Path) -> None:
    """Write ``graph`` to ``path`` (atomically, UTF-8).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "graph.json"
    >>> write_graph_json(Graph(), p); read_graph(p).nodes
    {}
    """
    atomic_write(path, dumps(graph))


def read_graph(out: str | Path) -> Graph:
    """The graph of the build output folder ``out`` (its ``graph.json``).

    Raises ``KgError``: E001 when ``out`` does not exist, E012 when it holds no
    ``graph.json``, E019 when that file is not one ``kg build`` wrote.
    """
    out = Path(out)
    if not out.exists():
        raise KgError("E001", path=out)
    path = out / "graph.json" if out.is_dir() else out
    if not path.is_file():
        raise KgError("E012", path=out, missing="graph.json")
    try:
        return loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as e:
        raise KgError("E019", path=path, detail=str(e).splitlines()[0][:120] if str(e) else type(e).__name__) from None
