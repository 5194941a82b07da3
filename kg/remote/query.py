"""SPARQL queries sent to a server (the SPARQL 1.1 Protocol), answered as pyoxigraph results.

``RemoteStore(endpoint).query(text, prefixes=…)`` behaves like
``pyoxigraph.Store.query`` for ``kg.store.query.run_query``: SELECT and ASK
come back as SPARQL JSON results parsed by pyoxigraph, CONSTRUCT and DESCRIBE
as N-Triples parsed into triples, so the tables, CSV and JSON printed are
those of the embedded store.
"""
from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from ..errors import KgError
from .endpoint import Endpoint

ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
          "application/sparql-results+xml;q=0.5")
_RDF = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
        "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}
_RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
            "application/sparql-results+xml": ox.QueryResultsFormat.XML}


def with_prefixes(text: str, prefixes: dict[str, str] | None) -> str:
    """``text`` after a PREFIX line for each of ``prefixes`` (the query's own declarations come later and win).

    >>> with_prefixes("ASK {}", {"kg": "http://x/#"})
    'PREFIX kg: <http://x/#>\\nASK {}'
    """
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or {}).items()) + text


class RemoteStore:
    """The server at ``endpoint`` seen as a read-only store that answers SPARQL."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    def query(self, text: str, prefixes: dict[str, str] | None = None, use_default_graph_as_union: bool = True):
        """Run ``text`` on the server; E013 when the server rejects it as a query, E093/E094 otherwise.

        The default graph is the union of all graphs through the server preset's
        parameters (``use_default_graph_as_union`` is what the preset gives).
        """
        e = self.endpoint
        form = urllib.parse.urlencode([("query", with_prefixes(text, prefixes)), *e.params]).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT}
        try:
            ctype, body = e.request("POST", e.query, form, headers)
        except KgError as err:
            if err.code == "E094" and err.fields.get("status") == 400:
                raise KgError("E013", detail=str(err.fields.get("detail", ""))[:100]) from None
            raise
        kind = ctype.split(";")[0].strip().lower()
        try:
            if kind in _RESULTS:
                return ox.parse_query_results(body, format=_RESULTS[kind])
            if kind in _RDF:
                return [t.triple if isinstance(t, ox.Quad) else t for t in ox.parse(body, format=_RDF[kind])]
        except (SyntaxError, ValueError) as err:
            raise KgError("E093", url=e.query, detail=f"unreadable answer: {err}"[:200]) from None
        raise KgError("E093", url=e.query, detail=f"unexpected answer of type {kind or 'unknown'}")
