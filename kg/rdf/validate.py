"""SHACL validation of a graph against ``ontology/shapes.ttl`` (pySHACL).

The ontology ``ontology/kg.ttl`` is mixed into the data graph so that
subclasses count (a ``kg:Agency`` is an ``org:Organization``). Problems come
back as readable lines: ``focus node — property: message``.

>>> ok, problems = validate_text('''
... @prefix kg: <https://kg.example.org/ontology#> .
... <http://x/person/a> a kg:Person .''')
>>> ok, problems
(False, ['<http://x/person/a> — rdfs:label: needs exactly one Chinese name (rdfs:label with @zh)'])
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import KgError
from .iri import article_base
from .namespaces import DEFAULT_BASE, SCHEMA, SH, prefixes


def ontology_dir() -> Path:
    """The folder of ``kg.ttl`` and ``shapes.ttl``: the source tree's ``ontology/`` (an editable
    install), else the copy a regular install puts in ``<prefix>/share/kg/ontology``."""
    source = Path(__file__).resolve().parents[2] / "ontology"
    installed = Path(sys.prefix) / "share" / "kg" / "ontology"
    return source if (source / "shapes.ttl").is_file() or not (installed / "shapes.ttl").is_file() else installed


ONTOLOGY_DIR = ontology_dir()
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"


def validate_text(turtle: str, base: str | None = None) -> tuple[bool, list[str]]:
    """Validate a Turtle document; return (conforms, sorted problem lines)."""
    import rdflib
    data = rdflib.Graph()
    data.parse(data=turtle, format="turtle")
    return validate_graph(data, base)


def validate_file(path: Path, base: str | None = None) -> tuple[bool, list[str], int]:
    """Validate the Turtle file ``path``; return (conforms, problem lines, triple count).

    Raises ``KgError`` E034 when the file is not valid Turtle.
    """
    import rdflib
    data = rdflib.Graph()
    try:
        data.parse(path, format="turtle")
    except Exception as e:   # rdflib raises many kinds of syntax errors
        raise KgError("E034", path=str(path), detail=str(e).splitlines()[0][:200]) from None
    ok, problems = validate_graph(data, base)
    return ok, problems, len(data)


def validate_graph(data, base: str | None = None) -> tuple[bool, list[str]]:
    """Validate an rdflib graph against the shapes; return (conforms, sorted problem lines)."""
    import pyshacl
    import rdflib
    from rdflib.namespace import RDF
    for f in (SHAPES, ONTOLOGY):
        if not f.is_file():
            raise KgError("E001", path=str(f))
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
                                           inference="none", allow_warnings=True)
    sh = rdflib.Namespace(SH)
    # Longest namespace first, sorted once (show runs for every term of every result).
    names = sorted(prefixes(base or _base_of(data) or DEFAULT_BASE).items(), key=lambda x: -len(x[1]))

    def show(term) -> str:
        if term is None:
            return "-"
        if isinstance(term, rdflib.URIRef):
            for p, ns in names:
                if str(term).startswith(ns) and str(term) != ns:
                    return f"{p}:{str(term)[len(ns):]}"
            return f"<{term}>"
        return term.n3()

    problems = set()
    for r in report.subjects(RDF.type, sh.ValidationResult):
        focus = show(report.value(r, sh.focusNode))
        path = report.value(r, sh.resultPath)
        msg = report.value(r, sh.resultMessage)
        line = f"{focus} — {show(path)}: {msg}" if path is not None else f"{focus}: {msg}"
        value = report.value(r, sh.value)
        if value is not None and str(value) not in str(msg):
            line += f" (value {show(value)})"
        problems.add(line)
    return bool(conforms), sorted(problems)


def _base_of(data) -> str | None:
    """The base IRI of a built graph, read off an article's IRI and identifier."""
    import rdflib
    for a, ident in data.subject_objects(rdflib.URIRef(SCHEMA + "identifier")):
        base = article_base(str(a), str(ident))
        if base is not None:
            return base
    return None
