"""The graph as a network for Gephi and Cytoscape: GraphML, or nodes.csv + edges.csv.

Nodes are the entities (persons, agencies, organisations, projects, places);
edges are the relations between them, named as in the extraction contract
(``holdsPosition`` goes from the person to the post's organisation, with the
role). ``weight`` counts the articles that state the edge.

>>> from kg.rdf.dataset import RdfDataset
>>> ds = RdfDataset("http://x/")
>>> P, K = "<http://x/person/王建华>", "https://kg.example.org/ontology#"
>>> ds.add_shared(P, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{K}Person>")
>>> ds.add_shared(P, "<http://www.w3.org/2000/01/rdf-schema#label>", '"王建华"@zh')
>>> ds.add("http://x/article/a", "<http://x/article/a>", "<https://schema.org/mentions>", P)
>>> nodes, edges = network(ds)
>>> nodes[0]["id"], nodes[0]["label"], nodes[0]["type"], nodes[0]["articles"]
('person/王建华', '王建华', 'Person', 1)
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..rdf.dataset import RdfDataset
from ..rdf.mapping import ALT, CLASS_TERMS, LABEL, PRED_TERMS
from ..rdf.namespaces import KG, ORG, RDF, SCHEMA
from ..rdf.terms import literal_parts

_TYPE = f"<{RDF}type>"
_FACT = f"<{KG}Fact>"
_MENTIONS = f"<{SCHEMA}mentions>"
_SPO = (f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>")
_CLASS = {v: k for k, v in CLASS_TERMS.items()}
# Predicate term → relation name: the inverse of the mapping's table, plus what it writes in other ways.
_RELATIONS = {**{term: p for p, term in PRED_TERMS.items()},
              f"<{SCHEMA}containedInPlace>": "locatedIn", f"<{ORG}memberOf>": "holdsPosition"}
_HOLDS = {f"<{ORG}holds>": False, f"<{KG}formerlyHeld>": True}
_POST_IN = (f"<{ORG}postIn>", f"<{KG}postInPlace>")
_ROLE = f"<{ORG}role>"
_ATTRS = {f"<{KG}adminLevel>": "level", f"<{KG}adcode>": "adcode", f"<{KG}investmentYuan>": "investment_yuan",
          f"<{KG}status>": "status"}
NODE_FIELDS = ["id", "label", "type", "aliases", "articles", "level", "adcode", "investment_yuan", "status"]
EDGE_FIELDS = ["source", "target", "relation", "role", "former", "weight"]


def _text(term: str) -> str:
    if term[0] == "<":
        iri = term[1:-1]
        return iri.rsplit("#", 1)[-1] if iri.startswith(KG) else iri
    return literal_parts(term)[0]


def network(ds: RdfDataset) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(nodes, edges) of the entity network of ``ds``, sorted."""
    union = ds.union()
    seen: Counter[str] = Counter()          # entity → articles that mention it
    stated: Counter[tuple[str, str, str]] = Counter()   # (s, p, o) → articles with a fact of it
    for g, subjects in ds.graphs.items():
        facts = set()
        article = f"<{g}>"
        for s, pos in subjects.items():
            if s == article:
                seen.update(o for p, o in pos if p == _MENTIONS)
            elif (_TYPE, _FACT) in pos:
                spo = [next((o for p, o in pos if p == x), None) for x in _SPO]
                if spo[1] in _HOLDS or spo[1] in _RELATIONS:
                    facts.add(tuple(spo))
        stated.update(facts)
    ids = {}
    nodes = []
    for s in sorted(union):
        pos = union[s]
        types = sorted(_CLASS[o] for p, o in pos if p == _TYPE and o in _CLASS)
        if not types:
            continue
        ids[s] = s[1:-1][len(ds.base):] if s[1:-1].startswith(ds.base) else s[1:-1]
        node = {"id": ids[s], "label": "", "type": types[0], "aliases": "", "articles": seen[s]}
        node["label"] = next((literal_parts(o)[0] for p, o in sorted(pos) if p == LABEL), ids[s])
        node["aliases"] = "|".join(sorted(literal_parts(o)[0] for p, o in pos if p == ALT))
        for p, o in sorted(pos):
            if p in _ATTRS:
                node[_ATTRS[p]] = _text(o)
        nodes.append(node)
    edges = []
    for s in sorted(ids):
        for p, o in sorted(union[s]):
            if p in _RELATIONS and o in ids:
                edges.append({"source": ids[s], "target": ids[o], "relation": _RELATIONS[p], "role": "",
                              "former": "", "weight": stated[(s, p, o)]})
            elif p in _HOLDS:
                post = union.get(o, set())
                org = next((x for q, x in sorted(post) if q in _POST_IN), None)
                if org in ids:
                    role = next((literal_parts(x)[0] for q, x in sorted(post) if q == LABEL), "")
                    role_iri = next((x for q, x in sorted(post) if q == _ROLE), None)
                    if role_iri in union:
                        role = next((literal_parts(x)[0] for q, x in sorted(union[role_iri]) if q == LABEL), role)
                    edges.append({"source": ids[s], "target": ids[org], "relation": "holdsPosition", "role": role,
                                  "former": "true" if _HOLDS[p] else "false", "weight": stated[(s, p, o)]})
    return nodes, edges


def network_csv(ds: RdfDataset) -> tuple[str, str]:
    """(nodes.csv, edges.csv) texts; Gephi reads the Id/Label/Source/Target/Weight columns."""
    nodes, edges = network(ds)
    out = []
    for rows, fields, head in ((nodes, NODE_FIELDS, ["Id", "Label"] + NODE_FIELDS[2:]),
                               (edges, EDGE_FIELDS, ["Source", "Target", "Label", "role", "former", "Weight"])):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(head)
        for r in rows:
            w.writerow([r.get(f, "") for f in fields])
        out.append(buf.getvalue())
    return out[0], out[1]


def graphml(ds: RdfDataset) -> str:
    """A GraphML document (directed) with node and edge attributes."""
    nodes, edges = network(ds)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for f in NODE_FIELDS[1:]:
        kind = "int" if f == "articles" else "string"
        lines.append(f'  <key id="{f}" for="node" attr.name="{f}" attr.type="{kind}"/>')
    for f in EDGE_FIELDS[2:]:
        kind = "int" if f == "weight" else "string"
        lines.append(f'  <key id="{f}" for="edge" attr.name="{f}" attr.type="{kind}"/>')
    lines.append('  <graph id="kg" edgedefault="directed">')
    for n in nodes:
        data = "".join(f'<data key="{f}">{escape(str(n[f]))}</data>' for f in NODE_FIELDS[1:] if n.get(f, "") != "")
        lines.append(f"    <node id={quoteattr(n['id'])}>{data}</node>")
    for i, e in enumerate(edges):
        data = "".join(f'<data key="{f}">{escape(str(e[f]))}</data>' for f in EDGE_FIELDS[2:] if e.get(f, "") != "")
        lines.append(f"    <edge id=\"e{i}\" source={quoteattr(e['source'])} target={quoteattr(e['target'])}>{data}</edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)
