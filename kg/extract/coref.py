"""Short names of bodies and projects named in full elsewhere in the article (远帆公司 → 湖南远帆投资控股集团有限公司)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Doc
from .registry import rule

if TYPE_CHECKING:
    from .state import Work

_ENDING = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|分公司|公司|集团|股份)$")
# The legal form a company's full name adds to the name it goes by (甲银行 → 甲银行股份有限公司).
_FORM = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)")


def short_forms(doc: Doc) -> dict[str, str]:
    """``short label → full label`` for organisations whose short name is inside a longer one's.

    >>> from kg.model import Article, Doc
    >>> d = Doc(Article("a", ""))
    >>> _ = d.add_entity("Organization", "湖南远帆投资控股集团有限公司"); _ = d.add_entity("Organization", "远帆公司")
    >>> _ = d.add_entity("Organization", "甲乙银行"); _ = d.add_entity("Organization", "甲乙银行股份有限公司")
    >>> _ = d.add_entity("Organization", "丙丁分行"); _ = d.add_entity("Organization", "甲乙银行丙丁分行")
    >>> short_forms(d)
    {'远帆公司': '湖南远帆投资控股集团有限公司', '甲乙银行': '甲乙银行股份有限公司', '丙丁分行': '甲乙银行丙丁分行'}
    """
    orgs = sorted((label for (t, label) in doc.entities if t == "Organization"), key=len)
    out: dict[str, str] = {}
    for short in orgs:
        core = _ENDING.sub("", short)
        whole = [o for o in orgs if len(o) > len(short) and (_FORM.fullmatch(o[len(short):]) and o.startswith(short)
                                                             or o.endswith(short) and o[:len(o) - len(short)] in orgs)]
        if len(whole) == 1 and len(short) >= 4:
            out[short] = whole[0]     # 甲银行 and 甲银行股份有限公司; 乙分行 after 甲银行乙分行
            continue
        if len(core) < 2 or core == short and not _ENDING.search(short):
            continue
        full = [o for o in orgs if o != short and len(o) > len(short) and core in o and _ENDING.search(o)
                and not o.startswith(short)]
        if len(full) == 1:
            out[short] = full[0]
    return out


@rule("organization.short-form", stage="entity", produces=("Organization",), requires=("mentions",))
def resolve_short_forms(w: Work) -> None:
    """A body's short name (远帆公司) is an alias of the one named in full elsewhere in the article."""
    _merge(w, "Organization", short_forms(w.doc))


def project_short_forms(doc: Doc, heads: set[str]) -> dict[str, str]:
    """``short label → full label`` for projects named elsewhere with one of ``heads`` (the names of bodies and
    places) before the name.

    >>> from kg.model import Article, Doc
    >>> d = Doc(Article("a", ""))
    >>> _ = d.add_entity("Project", "甲乙集团丙丁产业园项目")
    >>> _ = d.add_entity("Project", "丙丁产业园项目"); _ = d.add_entity("Project", "戊己产业园项目")
    >>> project_short_forms(d, {"甲乙集团"}), project_short_forms(d, set())
    ({'丙丁产业园项目': '甲乙集团丙丁产业园项目'}, {})
    """
    projects = [label for (t, label) in doc.entities if t == "Project"]
    out: dict[str, str] = {}
    for short in projects:
        whole = [p for p in projects if len(p) > len(short) and p.endswith(short) and p[:len(p) - len(short)] in heads]
        if len(whole) == 1 and len(short) >= 4:
            out[short] = whole[0]
    return out


@rule("project.short-form", stage="entity", produces=("Project",), requires=("mentions",))
def resolve_project_short_forms(w: Work) -> None:
    """A project named without its owner or place (丙丁产业园项目) is the one named with it (甲乙集团丙丁产业园项目)."""
    heads = {n for c in w.candidates if c.type in ("Organization", "Agency", "Place") for n in (c.label, *c.aliases)}
    heads |= {n for (t, label), e in w.doc.entities.items() if t != "Project" for n in (label, *e.aliases)}
    _merge(w, "Project", project_short_forms(w.doc, heads))


def _merge(w: Work, etype: str, mapping: dict[str, str]) -> None:
    """Make each short label of ``mapping`` an alias of its full label: entity, mentions and candidates."""
    doc = w.doc
    for short, full in mapping.items():
        ent = doc.entities.pop((etype, short))
        target = doc.entities[(etype, full)]
        target.aliases.update(ent.aliases | {short})
        for k, v in ent.attrs.items():
            target.attrs.setdefault(k, v)
    if mapping:
        for m in doc.mentions:
            if m.type == etype and m.label in mapping:
                m.label = mapping[m.label]
        for c in w.mentions:
            if c.type == etype and c.label in mapping:
                c.label = mapping[c.label]
