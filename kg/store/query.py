"""SPARQL over the store: the default graph is the merged graph (shared descriptions and
every article graph, which never overlap); ``GRAPH ?g`` reaches one article's graph.

Prefixes of the ontology (``kg:``, ``org:``, ``schema:`` …) and of the entity
namespaces (``person:``, ``place:`` …) are predeclared.

>>> import pyoxigraph as ox
>>> from kg.rdf.namespaces import RDFS
>>> s = ox.Store()
>>> s.add(ox.Quad(ox.NamedNode("https://kg.example.org/id/person/王建华"), ox.NamedNode(RDFS + "label"),
...               ox.Literal("王建华", language="zh")))
>>> print(run_query(s, "SELECT ?p ?name WHERE { ?p rdfs:label ?name }"), end="")
p              name
-------------  ------
person:王建华  王建华
(1 row)
"""
from __future__ import annotations

import json

import pyoxigraph as ox

from ..errors import KgError
from ..rdf.dataset import RdfDataset
from ..rdf.namespaces import DEFAULT_BASE, prefixes
from ..rdf.turtle import Compactor, turtle
from ..textwidth import width
from .read import store_base

def _graphs(store: ox.Store, base: str, include_rejected: bool) -> dict:
    """The dataset a query sees: every graph, less the rejected facts' graph unless ``include_rejected``."""
    from ..rdf.mapping import REJECTED_GRAPH
    rejected = ox.NamedNode(base + REJECTED_GRAPH)
    if not hasattr(store, "contains_named_graph"):   # a server (RemoteStore): kg push never sends that graph
        return {"use_default_graph_as_union": True}
    if include_rejected or not store.contains_named_graph(rejected):
        return {"use_default_graph_as_union": True}
    named = sorted((g for g in store.named_graphs() if g != rejected), key=str)
    return {"default_graph": [ox.DefaultGraph(), *named], "named_graphs": named}


def run_query(store: ox.Store, text: str, fmt: str = "table", include_rejected: bool = False) -> str:
    """Run the SPARQL ``text``; return the result as a table, CSV or SPARQL JSON. The facts a correction
    rejected (graph/rejected) are left out unless ``include_rejected``.

    SELECT gives rows, ASK ``true``/``false``, CONSTRUCT/DESCRIBE Turtle.
    Raises ``KgError`` E013 for a query that does not parse or cannot run.
    """
    base = store_base(store) or DEFAULT_BASE
    names = prefixes(base)
    try:
        result = store.query(text, prefixes=names, **_graphs(store, base, include_rejected))
        if isinstance(result, ox.QueryBoolean):
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": bool(result)}) + "\n"
            return ("true" if result else "false") + "\n"
        if not isinstance(result, ox.QuerySolutions):        # triples (a server's are a list)
            ds = RdfDataset(base)
            for t in result:
                ds.add("g", str(t.subject), str(t.predicate), str(t.object))
            return turtle(ds.graphs.get("g", {}), names)
        if fmt == "csv":
            return result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
        if fmt == "json":
            return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
        head = [v.value for v in result.variables]
        c = Compactor(names)
        rows = [[_cell(sol[v], c) for v in head] for sol in result]
    except (SyntaxError, OSError, ValueError, RuntimeError) as e:
        detail = " ".join(str(e).split())
        raise KgError("E013", detail=detail if len(detail) <= 100 else detail[:99] + "…") from None
    return table(head, rows)


def _cell(term, c: Compactor) -> str:
    """A result value as shown in a table: prefixed IRI, bare literal text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return c(str(term))
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def table(head: list[str], rows: list[list[str]]) -> str:
    """An aligned text table with a row count."""
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(head)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip() + "\n"

    out = [line(head), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})\n")
    return "".join(out)
