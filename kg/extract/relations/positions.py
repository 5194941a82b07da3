"""holdsPosition from the title phrases the person rules parsed; reported from bylines and credits."""
from __future__ import annotations

from ...model import Doc
from ..lexicon import keys, rows, word_set
from ..registry import rule
from ..titles import Title, government_body, seat
from .common import level_place


def title_org(doc: Doc, t: Title) -> tuple[str | None, str | None]:
    """(type, label) of the body a title belongs to."""
    if t.org is not None and t.org.type == "Place":
        gov = government_body(t.role, seat(t.org))   # 芮城县副县长 → 芮城县人民政府
        if gov:
            return "Agency", gov
        if t.role in keys("leader_roles.txt"):
            return "Place", t.org.label
    elif t.org is not None:
        return t.org.type, t.org.label
    gov = government_body(t.role, lambda level: level_place(doc, level, t.start))   # a bare 县长: the county's
    if gov:
        return "Agency", gov
    base = t.role.removeprefix("代")      # 代县长: acting head of the same government
    for role, level in rows("leader_roles.txt"):
        if role == base:
            place = level_place(doc, level, t.start)
            if place:
                return "Place", place
    return None, None


@rule("relation.holdsPosition.title", stage="position", produces=("holdsPosition",),
      requires=("hits", "title_bodies"))
def positions(w) -> None:
    """A title phrase before a name gives one post per role, with the body it names (东山县副县长王建华)."""
    for h in w.hits:
        for t in h.titles:
            if t.role in word_set("degree_titles.txt"):
                continue          # 博士 is a degree, not a post
            org = t.body[1]
            w.fact(h.cand.label, "holdsPosition", None, h.cand.start, 0.9 if org else 0.7,
                   role=t.role, org=org, former=t.former)


@rule("relation.reported.byline", stage="position", produces=("reported",), requires=("hits",))
def reported(w) -> None:
    """The reporters a byline or a credit names reported the article (本报记者 王明; 李华 摄)."""
    for h in w.hits:
        if h.reporter:
            w.fact(h.cand.label, "reported", w.doc.article.id, h.cand.start, 0.9)
