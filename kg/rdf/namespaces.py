"""IRIs of the vocabularies the graph uses, and the prefixes written in Turtle.

The ontology namespace is fixed; entity IRIs live under a configurable base
(``--base``), one path segment per entity type.

>>> KG + "Person", DEFAULT_BASE + "person/王建华"
('https://kg.example.org/ontology#Person', 'https://kg.example.org/id/person/王建华')
"""
from __future__ import annotations

KG = "https://kg.example.org/ontology#"
DEFAULT_BASE = "https://kg.example.org/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
TIME = "http://www.w3.org/2006/time#"
SH = "http://www.w3.org/ns/shacl#"

VOCABULARIES: dict[str, str] = {
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "prov": PROV,
    "org": ORG, "schema": SCHEMA, "dcterms": DCTERMS, "time": TIME, "kg": KG,
}

# Path segments under the base: entity types (from node keys) and helper resources.
SEGMENTS = ("person", "agency", "organization", "project", "place",
            "article", "post", "role", "membership", "interval", "instant", "fact",
            "correction", "agent")


def prefixes(base: str) -> dict[str, str]:
    """All prefixes of a graph built under ``base``: vocabularies, then one per segment.

    >>> p = prefixes("http://x.org/")
    >>> p["kg"], p["person"]
    ('https://kg.example.org/ontology#', 'http://x.org/person/')
    """
    out = dict(VOCABULARIES)
    out.update({seg: f"{base}{seg}/" for seg in SEGMENTS})
    return out
