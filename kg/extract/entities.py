"""Entity recognition: run the recognisers, choose among overlapping spans, record entities."""
from __future__ import annotations

import re

from ..model import Doc, Mention
from .agencies import find_agencies
from .names import TokenIndex
from .organizations import find_organizations, find_projects
from .persons import find_persons
from .places import find_places
from .spans import Candidate, occupancy, select


# Candidate attributes the later rules use that are no attributes of the entity itself.
_INTERNAL = ("core", "jurisdiction", "parent")

# Zones whose name opens a body's name are places of their own (山西大学城 in 山西大学城众创空间).
_ZONE = re.compile(r"(?:大学城|开发区|示范区|园区|新区|高新区|片区|启动区)$")

# What may follow a body's name inside the same name: 集团|有限公司 is one company, not two.
_CONTINUATIONS = ("有限", "股份", "(", "（", "集团", "控股", "公司", "分公司", "实业")


def _owner_in_project_name(doc: Doc, final: list[Candidate]) -> list[Candidate]:
    """A company written right before its project is part of the project's name
    (甲股份|年产20万吨…项目 → 甲股份年产20万吨…项目); the company stays an entity of its own."""
    out: list[Candidate] = []
    for c in final:
        prev = out[-1] if out else None
        if c.type == "Project" and prev is not None and prev.type == "Organization" and prev.end == c.start \
                and not c.label.startswith(prev.label):
            name = doc.text[prev.start:c.start] + c.label
            c = Candidate(prev.start, c.end, "Project", name, {name, *c.aliases}, dict(c.attrs), c.rule, c.weight)
        out.append(c)
    return out


def find_entities(doc: Doc) -> Doc:
    """Component: fill ``doc.mentions`` and ``doc.entities``; person titles go to ``doc.user_data``."""
    idx = doc.user_data["token_index"] = TokenIndex(doc)      # the later components look words up in it too
    places = find_places(doc, idx)
    cands = places + find_agencies(doc, idx, places) + find_organizations(doc, idx, places) + find_projects(doc, idx, places)
    chosen = select(cands)
    hits = find_persons(doc, idx, chosen)
    strong = [h.cand for h in hits if h.cand.rule in ("title", "byline", "photo", "signature")]
    taken = occupancy(len(doc.text), strong)
    chosen = [c for c in chosen if not any(taken[c.start:c.end])]
    taken = occupancy(len(doc.text), chosen)
    strong_ids = {id(c) for c in strong}
    weak = [h.cand for h in hits if id(h.cand) not in strong_ids and not any(taken[h.cand.start:h.cand.end])]
    persons = strong_ids | {id(c) for c in weak}
    hits = [h for h in hits if id(h.cand) in persons]
    final: list[Candidate] = _owner_in_project_name(doc, sorted(chosen + strong + weak, key=lambda c: (c.start, c.end)))
    for c in final:
        doc.mentions.append(Mention(c.start, c.end, doc.text[c.start:c.end], c.type, c.label, c.rule))
        attrs = {k: v for k, v in c.attrs.items() if v is not None and not k.startswith("_") and k not in _INTERNAL}
        doc.add_entity(c.type, c.label, *c.aliases, **attrs)
        if c.type == "Agency":    # what the relation rules need to know of a body, not an attribute of it
            info = doc.user_data.setdefault("bodies", {}).setdefault(c.label, {})
            for k in _INTERNAL:
                if c.attrs.get(k) and k not in info:
                    info[k] = c.attrs[k]
        for p in c.attrs.get("_chain", ()):
            doc.add_entity(p.type, p.label, *p.aliases,
                           **{k: v for k, v in p.attrs.items() if v is not None and k not in _INTERNAL})
    # a body named at the start of a longer one is an entity too (太原理工大学 in 太原理工大学航空学院) …
    bodies_at: dict[int, list[Candidate]] = {}
    for inner in cands:      # … and so is a zone (山西大学城 in 山西大学城众创空间)
        if inner.type == "Organization" or inner.type == "Place" and inner.rule == "site" and _ZONE.search(inner.label):
            bodies_at.setdefault(inner.start, []).append(inner)
    for c in final:
        if c.type not in ("Organization", "Project"):
            continue
        for inner in bodies_at.get(c.start, ()):
            rest = doc.text[inner.end:c.end]
            if inner.end < c.end and (inner.end in idx.end_set or inner.type == "Place") \
                    and len(rest) >= (2 if inner.type == "Place" else 3) \
                    and not rest.startswith(_CONTINUATIONS):
                doc.add_entity(inner.type, inner.label, *inner.aliases,
                               **({"level": "site"} if inner.type == "Place" else {}))
    doc.user_data["person_hits"] = hits
    doc.user_data["candidates"] = final
    return doc
