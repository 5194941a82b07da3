"""holdsPosition from the title phrases the person recogniser parsed; reported from bylines."""
from __future__ import annotations

from ...model import Doc
from ..lexicon import keys, rows, word_set
from ..persons import PersonHit, Title, government_body
from .common import Rel, level_place


def title_org(doc: Doc, t: Title) -> tuple[str | None, str | None]:
    """(type, label) of the body a title belongs to."""
    if t.org is not None and t.org.type == "Place":
        gov = government_body(t.role, t.org)         # 芮城县副县长 → 芮城县人民政府
        if gov:
            return "Agency", gov
        if t.role in keys("leader_roles.txt"):
            return "Place", t.org.label
    elif t.org is not None:
        return t.org.type, t.org.label
    base = t.role.removeprefix("代")      # 代县长: acting head of the same government
    for role, level, body in rows("government_roles.txt"):
        if role == base:
            place = level_place(doc, level, t.start)
            if place:
                return "Agency", body.replace("X", place)
    for role, level in rows("leader_roles.txt"):
        if role == base:
            place = level_place(doc, level, t.start)
            if place:
                return "Place", place
    return None, None


def positions(doc: Doc, hits: list[PersonHit], rel: Rel) -> None:
    for h in hits:
        for t in h.titles:
            if t.role in word_set("degree_titles.txt"):
                continue          # 博士 is a degree, not a post
            otype, org = title_org(doc, t)
            if otype == "Agency" and org and not any(k[1] == org for k in doc.entities):
                doc.add_entity("Agency", org)
                if org.endswith("人民政府"):
                    doc.user_data.setdefault("bodies", {}).setdefault(org, {"jurisdiction": org[:-4], "core": "人民政府"})
            if otype == "Place" and org:
                doc.add_entity("Place", org)
            rel(h.cand.label, "holdsPosition", None, h.cand.start, "title-apposition", 0.9 if org else 0.7,
                role=t.role, org=org, former=t.former)


def reported(doc: Doc, hits: list[PersonHit], rel: Rel) -> None:
    for h in hits:
        if h.reporter:
            rel(h.cand.label, "reported", doc.article.id, h.cand.start, f"byline:{h.cand.rule}", 0.9)
