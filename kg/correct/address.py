"""Finding what a correction names: an entity by key, name or alias; a fact by id or by what it says."""
from __future__ import annotations

from ..model import Fact, Graph


def find_entity(graph: Graph, name: str, type: str | None = None) -> tuple[str | None, str]:
    """The key of the one entity ``name`` stands for (a key, else a label, else an alias), or None and why.

    >>> from kg.model import Node
    >>> g = Graph(nodes={"person/王斌@东山县": Node("person/王斌@东山县", "Person", "王斌"),
    ...                  "person/王斌@西山县": Node("person/王斌@西山县", "Person", "王斌"),
    ...                  "place/东山县": Node("place/东山县", "Place", "东山县", {"东山"})})
    >>> find_entity(g, "东山")[0], find_entity(g, "person/王斌@东山县")[0]
    ('place/东山县', 'person/王斌@东山县')
    >>> find_entity(g, "王斌")
    (None, '王斌 names several entities: person/王斌@东山县, person/王斌@西山县')
    """
    if name in graph.nodes and (type is None or graph.nodes[name].type == type):
        return name, ""
    for field in ("label", "aliases"):
        hits = sorted(k for k, n in graph.nodes.items() if (type is None or n.type == type)
                      and (n.label == name if field == "label" else name in n.aliases))
        if len(hits) == 1:
            return hits[0], ""
        if hits:
            return None, f"{name} names several entities: {', '.join(hits[:4])}"
    return None, f"no entity {name}"


def label(graph: Graph, key: str | None) -> str | None:
    """What a user sees of a node key (its label; the text itself for a literal object)."""
    if key is None:
        return None
    node = graph.nodes.get(key)
    return node.label if node is not None else key


def _same(graph: Graph, key: str | None, name: str | None) -> bool:
    """Does the node ``key`` answer to ``name`` (its key, label or an alias)?"""
    if name is None:
        return True
    if key is None:
        return False
    node = graph.nodes.get(key)
    return key == name or (node is not None and (node.label == name or name in node.aliases))


def find_facts(graph: Graph, c_fields: dict) -> list[Fact]:
    """The facts of ``graph`` a correction addresses: by ``fact`` id, else by article, s, p (o, role, org)."""
    fid = c_fields.get("fact")
    if fid:
        return [f for f in graph.facts if f.id == fid]
    return [f for f in graph.facts if f.article == c_fields["article"] and f.p == c_fields["p"]
            and _same(graph, f.s, c_fields["s"]) and _same(graph, f.o, c_fields.get("o"))
            and (c_fields.get("role") is None or f.role == c_fields["role"])
            and _same(graph, f.org, c_fields.get("org"))]
