"""holdsPosition from the title phrases the person rules parsed; reported from bylines and credits."""
from __future__ import annotations

import re
from functools import cache

from ...model import Doc
from ..lexicon import alternation, keys, rows, word_set, words
from ..registry import rule
from ..spans import Candidate
from ..titles import Title, bodies_by_end, government_body, roles, seat, title_phrase
from .common import level_place


def title_org(doc: Doc, t: Title) -> tuple[str | None, str | None]:
    """(type, label) of the body a title belongs to."""
    if t.org is not None and t.org.type == "Place":
        gov = government_body(t.role, seat(t.org))   # 芮城县副县长 → 芮城县人民政府
        if gov:
            return "Agency", gov
        if t.role in keys("leader_roles.txt"):
            return "Place", t.org.label
        organ = party_organ(t.role)
        if organ:                                    # 某村党委书记 → 中共某村委员会
            return "Agency", f"中共{t.org.label}{_PARTY_COMMITTEES[organ]}"
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


_PARTY_COMMITTEES = {"党委": "委员会", "党工委": "工作委员会", "党总支": "总支部委员会", "党支部": "支部委员会"}


def party_organ(role: str) -> str | None:
    """The party organ a role of a place opens with (党委书记 → 党委), when the rest is a role.

    >>> party_organ("党委副书记"), party_organ("党组书记"), party_organ("党委")
    ('党委', None, None)
    """
    return next((o for o in _PARTY_COMMITTEES if role.startswith(o) and roles().get(role[len(o):])), None)


def _then(text: str, start: int) -> bool:
    """Is a title phrase written as held then (时任甲局局长王某, 曾任…)?"""
    return text[max(0, start - 2):start] in ("时任", "曾任", "原任", "前任")


@rule("relation.holdsPosition.title", stage="position", produces=("holdsPosition",),
      requires=("hits", "title_bodies"))
def positions(w) -> None:
    """A title phrase before a name gives one post per role, with the body it names (东山县副县长王建华)."""
    for h in w.hits:
        for t in h.titles:
            if t.role in word_set("degree_titles.txt"):
                continue          # 博士 is a degree, not a post
            org = t.body[1]
            organ = party_organ(t.role) if org and org.startswith("中共") else None
            w.fact(h.cand.label, "holdsPosition", None, h.cand.start, 0.9 if org else 0.7,
                   role=t.role[len(organ):] if organ else t.role, org=org,
                   former=t.former or _then(w.text, h.titles[0].start))


@rule("relation.reported.byline", stage="position", produces=("reported",), requires=("hits",))
def reported(w) -> None:
    """The reporters a byline or a credit names reported the article (本报记者 王明; 李峰 摄)."""
    for h in w.hits:
        if h.reporter:
            w.fact(h.cand.label, "reported", w.doc.article.id, h.cand.start, 0.9)


_SEPARATORS = "、，, \u3000"


def _listed(text: str, persons: dict[int, Candidate], pos: int) -> list[Candidate]:
    """The people listed from ``pos`` on, joined by 、，, or spaces (王建华、李明，赵刚); a short item the
    person rules missed is passed over when names follow it."""
    out = []
    while True:
        if pos not in persons:
            k = pos
            while k < len(text) and "\u4e00" <= text[k] <= "\u9fff" and k - pos < 4:
                k += 1
            if not (out and 2 <= k - pos <= 3 and text[k:k + 1] == "、"):
                return out
            pos = k
        else:
            out.append(persons[pos])
            pos = persons[pos].end
        if text[pos:pos + 1] not in tuple(_SEPARATORS):
            return out
        while pos < len(text) and text[pos] in _SEPARATORS:
            pos += 1


def _record(w, person: Candidate, role: str, org: tuple[str | None, str | None], pos: int, former: bool = False) -> None:
    """A holdsPosition fact; a body the rule named becomes an entity of the article."""
    otype, label = org
    if label and otype and not any(k[1] == label for k in w.doc.entities):
        w.entity(otype, label)
    w.fact(person.label, "holdsPosition", None, pos, 0.8 if label else 0.65, role=role, org=label, former=former)


_COLON = re.compile(r"(?:[^，。；;：:\n]{0,14}?的)?(?:有|是|为|包括|分别是)?\s*[：:]\s*")


def _session_body(w, pos: int) -> tuple[str | None, str | None]:
    """The congress whose session a role of the session belongs to: the last one named before ``pos``."""
    found = [m for m in w.mentions if m.type == "Agency" and m.start < pos
             and (m.label.endswith("代表大会") or m.label.startswith("中国人民政治协商会议"))]
    return ("Agency", found[-1].label) if found else (None, None)


@rule("relation.holdsPosition.colon-list", stage="position", produces=("holdsPosition",), requires=("mentions", "bodies"))
def colon_list(w) -> None:
    """A title and a colon before a list of names gives each the post (大会执行主席是：王建华、李明)."""
    text = w.text
    persons = {m.start: m for m in w.mentions if m.type == "Person"}
    by_end = bodies_by_end(w.bodies)
    for s, e, _, _ in roles().finditer(text):
        m = _COLON.match(text, e)
        word = w.index.covering(e - 1)
        if not m or word is None or w.index.tokens[word][1] != e or not _listed(text, persons, m.end()):
            continue            # 主席|台 is no title
        titles = title_phrase(text, e, by_end) or [Title(text[s:e], None, s)]
        for t in titles:
            org = title_org(w.doc, t)
            if org[1] is None and t.role in word_set("session_roles.txt"):
                org = _session_body(w, s)
            for p in _listed(text, persons, m.end()):
                _record(w, p, t.role, org, p.start, t.former)


@cache
def _collective() -> re.Pattern:
    """The collective words of ``data/collective_roles.txt`` (领导, 班子成员 …)."""
    return re.compile(alternation(list(words("collective_roles.txt"))))


@rule("relation.holdsPosition.body-members", stage="career", produces=("holdsPosition",), requires=("mentions",))
def body_members(w) -> None:
    """A body, a collective word and the names after it: each is one of its leaders (甲局领导王建华、李明).

    Run with the résumé rules, after the event frames: a collective word is no title that makes its
    people the visitors of a visit they only took part in (甲局领导王某、李某参加调研).
    """
    text = w.text
    persons = {m.start: m for m in w.mentions if m.type == "Person"}
    pattern = _collective()
    for b in w.mentions:
        if b.type not in ("Agency", "Organization"):
            continue
        m = pattern.match(text, b.end)
        if m:
            for p in _listed(text, persons, m.end()):
                _record(w, p, m.group(0), (b.type, b.label), p.start)


_CHAIN_OPENS = "，。；;：:、\n与和及同并由"


@rule("relation.holdsPosition.comma-chain", stage="position", produces=("holdsPosition",),
      requires=("hits", "title_bodies", "bodies"))
def comma_chain(w) -> None:
    """Titles a comma joins to a name's title phrase are its too (与甲省委常委、副省长，乙区党工委书记王建华会谈)."""
    text, by_end = w.text, bodies_by_end(w.bodies)
    for h in w.hits:
        if not h.titles or h.reporter:
            continue
        pos = min(t.start - (1 if t.former else 0) for t in h.titles)
        while pos > 0 and text[pos - 1] in "，,":
            before = title_phrase(text, pos - 1, by_end)
            first = before[0].start - (1 if before and before[0].former else 0) if before else 0
            if not before or first > 0 and text[first - 1] not in _CHAIN_OPENS:
                break
            for t in before:
                _record(w, h.cand, t.role, title_org(w.doc, t), h.cand.start, t.former)
            pos = first
