"""Deterministic Turtle and TriG: prefixed names, one block per subject, sorted.

Works on subject-grouped N-Triples term strings (see ``terms``), which is much
faster than building rdflib objects for large graphs.

>>> t = {"<http://x/person/王建华>": {("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://kg.example.org/ontology#Person>"),
...                                ("<http://www.w3.org/2000/01/rdf-schema#label>", '"王建华"@zh')}}
>>> print(turtle(t, {"kg": "https://kg.example.org/ontology#", "person": "http://x/person/",
...                  "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}), end="")
@prefix kg: <https://kg.example.org/ontology#> .
@prefix person: <http://x/person/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<BLANKLINE>
person:王建华 a kg:Person ;
    rdfs:label "王建华"@zh .
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from .dataset import Subjects
from .namespaces import RDF, XSD

RDF_TYPE = f"<{RDF}type>"
CACHE_MAX = 200_000     # terms a Compactor remembers (beyond, it starts again: same output, bounded memory)

_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_CHARS = _BASE + "_0-9\\-\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_LOCAL = re.compile(rf"(?:[{_BASE}_:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?")
_ESCAPE = re.compile(r"([~!$&'()*+,;=/?#@]|%(?![0-9A-Fa-f]{2}))")
_BARE = {f"<{XSD}integer>": re.compile(r"[+-]?\d+"), f"<{XSD}decimal>": re.compile(r"[+-]?\d*\.\d+"),
         f"<{XSD}boolean>": re.compile(r"true|false")}


def local_name(text: str) -> str | None:
    """``text`` as the local part of a prefixed name (escaped), or None if it cannot be one.

    >>> local_name("王建华@白沙市"), local_name("a.b"), local_name("x."), local_name("a b")
    ('王建华\\\\@白沙市', 'a.b', None, None)
    """
    if not text:
        return ""
    esc = _ESCAPE.sub(r"\\\1", text)
    if esc[0] in ".-":
        esc = "\\" + esc
    if esc.endswith("."):     # allowed as "\\." but not every parser takes it
        return None
    return esc if _LOCAL.fullmatch(esc) else None


class Compactor:
    """Turns N-Triples terms into Turtle terms with the given prefixes (memoised); ``used`` collects the
    prefixes the terms asked for so far."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = dict(prefixes)
        self._ns = sorted(((ns, p) for p, ns in self.prefixes.items()), key=lambda x: -len(x[0]))
        self._cache: dict[str, tuple[str, str | None]] = {}
        self.used: set[str] = set()

    def __call__(self, term: str) -> str:
        if term[0] == '"' and term[-1] != ">":          # a plain or language-tagged literal: as it is
            return term
        hit = self._cache.get(term)
        if hit is None:
            if len(self._cache) >= CACHE_MAX:            # a corpus's IRIs are unbounded, the memory is not
                self._cache.clear()
            hit = self._cache[term] = self._compact(term)
        if hit[1] is not None:
            self.used.add(hit[1])
        return hit[0]

    def _iri(self, value: str) -> tuple[str, str | None]:
        for ns, p in self._ns:
            if value.startswith(ns):
                local = local_name(value[len(ns):])
                if local is not None:
                    return f"{p}:{local}", p
        return f"<{value}>", None

    def _compact(self, term: str) -> tuple[str, str | None]:
        if term[0] == "<":
            return self._iri(term[1:-1])
        if term.endswith(">") and '"^^<' in term:
            value, _, dt = term.rpartition("^^")
            bare = _BARE.get(dt)
            if bare is not None and bare.fullmatch(value[1:-1]):
                return value[1:-1], None
            name, p = self._iri(dt[1:-1])
            return f"{value}^^{name}", p
        return term, None

    def header(self) -> str:
        """``@prefix`` lines of the prefixes used so far, sorted by name."""
        return "".join(f"@prefix {p}: <{self.prefixes[p]}> .\n" for p in sorted(self.used))


def _block(s: str, pos: list[tuple[str, str]], c: Compactor, indent: str) -> str:
    """The Turtle block of subject ``s`` with its sorted (p, o) pairs, rdf:type first."""
    if pos[0][0] != RDF_TYPE:
        types = [x for x in pos if x[0] == RDF_TYPE]
        if types:
            pos = types + [x for x in pos if x[0] != RDF_TYPE]
    parts = [indent, c(s)]
    prev = None
    sep = f" ;\n{indent}    "
    for p, o in pos:
        if p == prev:
            parts.append(", ")
        else:
            parts.append(" " if prev is None else sep)
            parts.append("a " if p == RDF_TYPE else c(p) + " ")
            prev = p
        parts.append(c(o))
    parts.append(" .\n")
    return "".join(parts)


def _body(subjects: Subjects, c: Compactor, indent: str = "") -> str:
    return "\n".join([_block(s, sorted(subjects[s]), c, indent) for s in sorted(subjects)])


def turtle(subjects: Subjects, prefixes: Mapping[str, str]) -> str:
    """A Turtle document of ``subjects`` (subject → {(p, o)}), sorted."""
    c = Compactor(prefixes)
    body = _body(subjects, c)
    return c.header() + "\n" + body


def trig(graphs: Mapping[str, Subjects], prefixes: Mapping[str, str], default: Subjects | None = None) -> str:
    """A TriG document: the ``default`` graph's triples first, then one ``GRAPH { … }`` block per named graph."""
    c = Compactor(prefixes)
    chunks = [_body(default, c)] if default else []
    chunks += [f"{c(f'<{g}>')} {{\n{_body(graphs[g], c, '    ')}}}\n" for g in sorted(graphs)]
    return c.header() + "\n" + "\n".join(chunks)
