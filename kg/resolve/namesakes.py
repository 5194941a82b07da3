"""Telling namesakes apart: the same personal name in different cities is two people.

A person's *city* comes from the bodies of their posts in an article (strong
evidence: 太原市委书记 → 太原市) or, failing that, from the paper's home city
(weak evidence). Mentions with different strong cities stay apart; a mention
with weak evidence joins the one strong reading that shares its city, or the
only strong reading there is.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..divisions import divisions
from ..model import Doc


def city_of(place: str | None) -> str | None:
    """The prefecture-level city (or province, for provincial bodies) a place belongs to.

    >>> city_of("灵石县"), city_of("晋中市"), city_of("山西省")
    ('晋中市', '晋中市', '山西省')
    """
    if not place:
        return None
    d = divisions().get(place)
    if d is None:
        return None
    if d.level == "county":
        return d.parent
    return d.name


def person_cities(doc: Doc) -> dict[str, set[str]]:
    """For each person of ``doc``, the cities of the bodies of their posts."""
    juris = {label: body.jurisdiction for label, body in doc.bodies.items()}
    out: dict[str, set[str]] = defaultdict(set)
    for r in doc.relations:
        if r.p == "holdsPosition" and r.org:
            place = juris.get(r.org) or (r.org if ("Place", r.org) in doc.entities else None)
            city = city_of(place)
            if city:
                out[r.s].add(city)
    return out


def qualifiers(docs: Iterable[Doc]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """``(article, name) → city`` for persons that must be told apart, and the decision text for each."""
    strong: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))   # name → city → articles
    weak: dict[str, dict[str, str | None]] = defaultdict(dict)                        # name → article → home
    for doc in docs:
        cities = person_cities(doc)
        for (t, label) in doc.entities:
            if t != "Person":
                continue
            cs = cities.get(label)
            if cs and len(cs) == 1:
                strong[label][next(iter(cs))].add(doc.article.id)
            else:
                weak[label][doc.article.id] = city_of(doc.home)
    qual: dict[tuple[str, str], str] = {}
    why: dict[tuple[str, str], str] = {}
    for name, by_city in strong.items():
        if len(by_city) < 2:
            continue
        for city, arts in by_city.items():
            for a in arts:
                qual[a, name] = city
                why[a, name] = f"{name}: posts in {city}; namesakes with posts in {', '.join(sorted(set(by_city) - {city}))} kept apart"
        for a, home in weak.get(name, {}).items():
            if home in by_city:
                qual[a, name] = home
                why[a, name] = f"{name}: no post here; joined the {home} reading (the paper's home city)"
            else:
                why[a, name] = f"{name}: no post here and home {home} matches no reading; left unqualified"
    return qual, why
