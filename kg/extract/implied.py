"""Entities the chosen mentions imply without naming them: the home city, the body a title belongs to."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..divisions import divisions
from ..model import Body
from .lexicon import word_set
from .registry import rule
from .relations.positions import title_org

if TYPE_CHECKING:
    from .state import Work


@rule("place.home", stage="entity", produces=("Place",))
def home(w: Work) -> None:
    """The home city is always an entity (what 我市, 全市 refer to)."""
    doc = w.doc
    if doc.home:
        d = divisions().get(doc.home)
        w.entity("Place", doc.home, d.short if d else "", **({"level": d.level, "adcode": d.code} if d else {}))


@rule("agency.title-body", stage="entity", produces=("Agency", "Place"), requires=("hits", "mentions"))
def title_body(w: Work) -> None:
    """The body a title names or implies (芮城县副县长 → 芮城县人民政府; a bare 市长 → the home city's)."""
    doc = w.doc
    for h in w.hits:
        for t in h.titles:
            if t.role in word_set("degree_titles.txt"):
                continue          # 博士 is a degree, not a post
            t.body = otype, org = title_org(doc, t)
            if otype == "Agency" and org and not any(k[1] == org for k in doc.entities):
                w.entity("Agency", org)
                if org.endswith("人民政府"):
                    doc.bodies.setdefault(org, Body(jurisdiction=org[:-4], core="人民政府"))
            if otype == "Place" and org:
                w.entity("Place", org)
