"""Entities the chosen mentions imply without naming them: the home city, the body a title belongs to,
the place an agency governs, the division a zone is named after."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ..divisions import Division, divisions
from ..model import Body, Doc
from .context import as_of
from .lexicon import word_set, zone_kinds
from .tokenize import tokenize, word_tags
from .places import pick_division
from .registry import rule
from .relations.common import body_info
from .relations.positions import title_org

if TYPE_CHECKING:
    from .state import Work


@rule("place.home", stage="entity", produces=("Place",))
def home(w: Work) -> None:
    """The home city is always an entity (what 我市, 全市 refer to)."""
    doc = w.doc
    if doc.home:
        d = divisions().get(doc.home)
        named = as_of(doc.home, doc.date)     # a 2005 襄阳 paper's home is 襄樊市
        w.entity("Place", named, d.short if d and named == doc.home else "",
                 **({"level": d.level, "adcode": d.code} if d else {}))


@rule("agency.title-body", stage="entity", produces=("Agency", "Place"), requires=("hits", "mentions"),
      assigns=("title_bodies",))
def title_body(w: Work) -> None:
    """The body a title names or implies (芮城县副县长 → 芮城县人民政府; a bare 市长 → the home city's)."""
    doc = w.doc
    bodies_of: dict[tuple[int, str], tuple[str | None, str | None]] = {}   # (sentence, base role) → its body
    for h in sorted(w.hits, key=lambda h: h.cand.start):
        sent = doc.sentence_at(h.cand.start)
        for t in h.titles:
            if t.role in word_set("degree_titles.txt"):
                continue          # 博士 is a degree, not a post
            t.body = otype, org = title_org(doc, t)
            key = (sent.start if sent else -1, _base_role(t.role))
            if org is None and t.org is None and key in bodies_of:
                t.body = otype, org = bodies_of[key]    # 甲人大常委会主任某主持，副主任某某: the same body's deputy
            elif org is not None:
                bodies_of.setdefault(key, t.body)
            if otype == "Agency" and org and not any(k[1] == org for k in doc.entities):
                w.entity("Agency", org)
                for gov in ("人民政府", "行政公署"):      # 县长 → 某县人民政府, 盟长 → 某盟行政公署
                    if org.endswith(gov):
                        doc.bodies.setdefault(org, Body(jurisdiction=org[:-len(gov)], core=gov))
            if otype == "Place" and org:
                w.entity("Place", org)


def _base_role(role: str) -> str:
    """A role without its deputy or acting marks (常务副主任, 副主任, 代主任 → 主任)."""
    for mark in ("常务副", "执行副", "副", "代"):
        if role.startswith(mark) and len(role) > len(mark) + 1:
            return role[len(mark):]
    return role


@rule("place.jurisdiction", stage="entity", produces=("Place",), requires=("Agency", "bodies"))
def jurisdiction(w: Work) -> None:
    """The place an agency governs is a place of the article (东山县财政局 → 东山县)."""
    doc = w.doc
    for (etype, label) in list(doc.entities):
        place = body_info(doc, label).jurisdiction if etype == "Agency" else None
        if place:
            w.entity("Place", place)


def zone_division(doc: Doc, label: str) -> tuple[Division, str] | None:
    """The division a zone's name opens with and the words naming it (东山经济开发区 → 东山县, 东山).

    Only for a zone (a site whose name ends in a zone kind) that names more than its division, in the
    article's province unless written in full.
    """
    ent = doc.entities.get(("Place", label))
    if ent is None or ent.attrs.get("level") != "site" or not zone_kinds().search(label):
        return None
    m = divisions().gazetteer.match_at(label, 0)
    if not m or m[1] >= len(label) - 2:
        return None
    d = pick_division(doc, m[3])
    if d.name != label and d.level != "province" and (d.province == doc.province or m[2] == d.name):
        return d, m[2]
    return None


@rule("place.zone-division", stage="entity", produces=("Place",), requires=("Place",))
def zone_division_place(w: Work) -> None:
    """The division a zone is named after is a place of the article (东山经济开发区 → 东山县)."""
    doc = w.doc
    for label in sorted(label for (t, label) in doc.entities if t == "Place"):
        named = zone_division(doc, label)
        if named:
            d, surface = named
            w.entity("Place", d.name, surface, level=d.level, adcode=d.code)


_NOT_OWNER = re.compile(r"[0-9０-９a-zA-Z（）()“”《》·、的和与及]|^(?:新建|扩建|改建|续建|建设|实施|推进|年产|总投资)")


def _short(label: str) -> str | None:
    """The short name of a division (东山县 → 东山), else None."""
    d = divisions().get(label)
    return d.short if d is not None and d.name == label else None


def _owner_head(label: str, places: list[str]) -> str | None:
    """The words before the first place named inside a project's name (甲能源|东山|风电 → 甲能源), if a name."""
    hits = [i for i in (label.find(p, 2) for p in places) if i >= 2]
    if not hits:
        return None
    head = label[:min(hits)]
    if not 3 <= len(head) <= 8 or _NOT_OWNER.search(head) or divisions().gazetteer.match_at(head, 0):
        return None
    tags = [word_tags().get(word, "n") for _, _, word in tokenize(head)]
    return head if tags and tags[-1][:1] in ("n", "j") and not any(t[:1] in ("v", "p", "c", "u", "m") for t in tags) \
        else None


@rule("organization.project-owner", stage="entity", produces=("Organization",), requires=("Project", "Place"))
def project_owner(w: Work) -> None:
    """The body a project's name opens with, before the place it names, is an organisation
    (甲能源东山正沟风电 → 甲能源, when 东山 is a place of the article)."""
    doc = w.doc
    places = sorted({n for (t, label), e in doc.entities.items() if t == "Place" for n in (label, *e.aliases, _short(label))
                     if n and len(n) >= 2}, key=len, reverse=True)
    taken = {label for (_, label) in doc.entities}
    for (t, label) in sorted(doc.entities):
        head = _owner_head(label, places) if t == "Project" else None
        if head and head not in taken:
            w.entity("Organization", head)
