"""JSON-LD of a dataset: the shared nodes, then one ``@graph`` object per article graph; compact IRIs, sorted.

>>> from kg.rdf.dataset import RdfDataset
>>> ds = RdfDataset("http://x/")
>>> ds.add("http://x/article/a", "<http://x/person/王建华>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"王建华"@zh')
>>> doc = json.loads(jsonld(ds))
>>> doc["@graph"][0]["@graph"]
[{'@id': 'person:王建华', 'rdfs:label': [{'@value': '王建华', '@language': 'zh'}]}]
"""
from __future__ import annotations

import json
from typing import Any

from ..rdf.dataset import RdfDataset, Subjects
from ..rdf.namespaces import RDF, XSD, prefixes
from ..rdf.terms import literal_parts

_RDF_TYPE = f"<{RDF}type>"


class _Names:
    """IRIs → compact IRIs (``prefix:rest``) when a prefix matches."""

    def __init__(self, names: dict[str, str]) -> None:
        self.ns = sorted(((ns, p) for p, ns in names.items()), key=lambda x: -len(x[0]))
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        out = self.cache.get(iri)
        if out is None:
            out = iri
            for ns, p in self.ns:
                if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                    out = f"{p}:{iri[len(ns):]}"
                    break
            self.cache[iri] = out
        return out


def _value(term: str, name: _Names) -> dict[str, Any]:
    if term[0] == "<":
        return {"@id": name(term[1:-1])}
    if term.startswith("_:"):
        return {"@id": term}
    value, lang, dt = literal_parts(term)
    if lang:
        return {"@value": value, "@language": lang}
    if dt and dt != XSD + "string":
        return {"@value": value, "@type": name(dt)}
    return {"@value": value}


def _nodes(subjects: Subjects, name: _Names) -> list[dict[str, Any]]:
    out = []
    for s in sorted(subjects):
        node: dict[str, Any] = {"@id": name(s[1:-1]) if s[0] == "<" else s}
        for p, o in sorted(subjects[s]):
            if p == _RDF_TYPE and o[0] == "<":
                node.setdefault("@type", []).append(name(o[1:-1]))
            else:
                node.setdefault(name(p[1:-1]), []).append(_value(o, name))
        out.append(node)
    return out


def jsonld(ds: RdfDataset) -> str:
    """The JSON-LD document of ``ds`` (named graphs kept), deterministic."""
    names = prefixes(ds.base)
    name = _Names(names)
    graphs = _nodes(ds.shared, name)
    graphs += [{"@id": name(g), "@graph": _nodes(ds.graphs[g], name)} for g in sorted(ds.graphs)]
    doc = {"@context": dict(sorted(names.items())), "@graph": graphs}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
