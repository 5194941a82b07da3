"""locatedIn: where an organisation or project is, from the place before it, the verb after it
(位于 …, the ``located`` row of ``data/relation_verbs.tsv``), its name, or the district or zone of its story.

The rules run in the order below; after the first two, a rule places only what is not placed yet
(:func:`located_subjects`).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ...divisions import divisions
from ...model import Doc, Sentence
from ..lexicon import alternation, words, zone_kinds
from ..names import TokenIndex
from ..places import pick_division
from ..registry import rule
from ..spans import Candidate
from ..tokenize import word_tags
from .common import body_info, trigger_words
from .containment import entity_level

if TYPE_CHECKING:
    from ..state import Work

_PLACED = ("Organization", "Project")                       # what the locatedIn rules place


def _verbs() -> tuple[str, ...]:
    """The verbs that say where a thing lies (位于, 坐落于 …), without the bare prepositions 在 and 于."""
    return tuple(v for v in trigger_words("located") if len(v) > 1)


# 东山县的甲公司, 位于东山县的甲公司: what may stand between a place and the thing it holds
_AFTER_PLACE = re.compile(r"[的之\s]?")
_BEFORE_PLACE = re.compile(alternation(trigger_words("located")) + "$")
# 甲公司位于…, 甲项目将落户…: a name followed by where it lies
_LIES_IN = re.compile(r"(?:项目|工程)?(?:将|已|拟)?" + alternation(_verbs()))
# 该项目位于…: a sentence about the project named before it
_THIS_PROJECT = re.compile(r"(?:该|这一?|此)(?:项目|工程)[^，。]{0,6}?" + alternation(_verbs()))
# 东山县将…, 青石镇也已建成…: what a district plans or has built
_PLANS = re.compile(r"(?:也|还|又|已经?|先后|相继|陆续|正在|共){0,3}" + alternation(words("plan_words.txt")))
_JOINED_BEFORE = re.compile(r"[与和同跟]|邀请|联合|携手")
_CLAUSE_HEAD = re.compile(r"[，,。；;：:！？\n][\u4e00-\u9fff]{0,3}$")
_NO_PLACE_IN_NAME = re.compile(alternation(words("unplaced_name_ends.txt")) + "$")   # 东山大学: not where it is
_NATIONAL = words("national_prefixes.txt")                              # 中国…, 国家…: national, not local


def located_subjects(doc: Doc) -> set[str]:
    """What is already placed (the subjects of the locatedIn facts made so far)."""
    return {r.s for r in doc.relations if r.p == "locatedIn"}


def _level(doc: Doc, m: Candidate) -> str | None:
    """The level of a place mention: its entity's, else its own."""
    return (doc.entities.get(("Place", m.label)) or m).attrs.get("level")


def _clause_subject(doc: Doc, idx: TokenIndex, pos: int) -> bool:
    """Does a mention at ``pos`` open its clause (at most a short noun before it: 高新区|甲开发区坚持…)?"""
    m = _CLAUSE_HEAD.search(doc.text, max(0, pos - 4), pos)
    if m is None:
        return False
    t = idx.covering(m.start()) or 0                  # the clause mark, then the words up to the mention
    before = [w for a, _, w in idx.tokens[t:t + 5] if m.start() < a < pos]
    return all((word_tags().get(w) or "n").startswith(("n", "j")) for w in before)


def _place_before(doc: Doc, places: list[Candidate], sent: Sentence, m: Candidate) -> Candidate | None:
    """The last place of ``m``'s clause written right before it (东山县甲公司) or after 位于/在 (在东山县建设甲项目)."""
    text = doc.text
    clause_start = max([sent.start] + [i + 1 for i in range(sent.start, m.start) if text[i] in "，,；;"])
    before = [p for p in places if clause_start <= p.start and p.end <= m.start
              and _level(doc, p) not in ("province", "country")
              and (_AFTER_PLACE.fullmatch(text[p.end:m.start])
                   or _BEFORE_PLACE.search(text[max(0, p.start - 3):p.start]))]
    return before[-1] if before else None


@rule("relation.locatedIn.place-before", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_place_before(w: Work) -> None:
    """A body or project is in the place named just before it in its clause (东山县甲公司, 在东山县建设乙项目)."""
    places = [m for m in w.mentions if m.type == "Place"]
    for m in w.mentions:
        sent = w.sents.at(m.start) if m.type in _PLACED else None
        p = _place_before(w.doc, places, sent, m) if sent is not None else None
        if p is not None:
            w.fact(m.label, "locatedIn", p.label, m.start, 0.6)
            for q in _joined_places(w.doc, places, p) if m.type == "Project" else ():
                w.fact(m.label, "locatedIn", q.label, m.start, 0.55)


_PLACES_JOIN = ("和", "与", "及", "、", "以及")


def _joined_places(doc: Doc, places: list[Candidate], p: Candidate) -> list[Candidate]:
    """The places joined by 和/与/、 before ``p``'s chain, each the last of its own chain
    (东山县与青石市西山区的甲绿道工程 → 东山县 for 西山区)."""
    at_end = {q.end: q for q in places}
    out: list[Candidate] = []
    first = p
    while True:
        while first.start in at_end:                 # the chain 青石市西山区 starts at 青石市
            first = at_end[first.start]
        join = next((j for j in _PLACES_JOIN if doc.text.endswith(j, 0, first.start)), None)
        prev = at_end.get(first.start - len(join)) if join else None
        if prev is None or _level(doc, prev) in ("province", "country"):
            return out
        out.append(prev)
        first = prev


def _chain_at(places: list[Candidate], start: int) -> list[Candidate]:
    """The places written one after another from ``start`` (东山县青石镇)."""
    chain: list[Candidate] = []
    for p in places:
        if p.start == (chain[-1].end if chain else start):
            chain.append(p)
    return chain


@rule("relation.locatedIn.lies-in", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_lies_in(w: Work) -> None:
    """A body or project followed by 位于 … is in the most precise place after it (甲公司位于东山县青石镇 → 青石镇)."""
    places = [m for m in w.mentions if m.type == "Place"]
    for m in w.mentions:
        where = _LIES_IN.match(w.text, m.end) if m.type in _PLACED else None
        sent = w.sents.at(m.start) if where else None
        if sent is None or _place_before(w.doc, places, sent, m) is not None:
            continue                  # no verb after the name, or placed by the place before it
        chain = _chain_at(places, where.end())
        if chain:
            w.fact(m.label, "locatedIn", chain[-1].label, m.start, 0.7)


def _chained(places: list[Candidate]) -> bool:
    """Places written one after another (东山县青石镇): the last is the most precise."""
    return all(a.end == b.start for a, b in zip(places, places[1:]))


# 甲公司（东山县人民路5号）, 甲公司，地址：东山县…: the address written right after a body
_ADDRESS = re.compile(r"\s*(?:[（(](?:地址|住址|地点)?[:：]?|[，,]?(?:办公|注册|联系|通讯)?(?:地址|住所)(?:为|是|在|[:：]))\s*")


@rule("relation.locatedIn.address", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_address(w: Work) -> None:
    """A body whose address follows its name is in each place of that address below the province
    (甲公司（东山县人民路5号）→ 东山县, 人民路)."""
    places = [m for m in w.mentions if m.type == "Place"]
    for m in w.mentions:
        where = _ADDRESS.match(w.text, m.end) if m.type in _PLACED or m.type == "Agency" else None
        chain = _chain_at(places, where.end()) if where else []
        governs = body_info(w.doc, m.label).jurisdiction if m.type == "Agency" else None
        for p in chain:
            if _level(w.doc, p) not in ("province", "country") and p.label != governs:
                w.fact(m.label, "locatedIn", p.label, m.start, 0.7)


# 甲项目在东山县铜陵镇|开工: a project whose works start, end or land in a place
_IN = re.compile(r"(?:将|已|拟|正式|日前|近日|昨天|今天)?在")
_WORKS = re.compile(r"(?:正式|顺利|集中|全面)?(?:" + alternation(words("governing_predicates.txt")) + r"|动工|建设)")


@rule("relation.locatedIn.works-at", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_works_at(w: Work) -> None:
    """A project said to start, land or be finished in a place is there (甲项目在东山县铜陵镇开工 → 铜陵镇)."""
    places = [m for m in w.mentions if m.type == "Place"]
    for m in w.mentions:
        at = _IN.match(w.text, m.end) if m.type == "Project" else None
        chain = _chain_at(places, at.end()) if at else []
        if chain and _WORKS.match(w.text, chain[-1].end):
            w.fact(m.label, "locatedIn", chain[-1].label, m.start, 0.7)


# 开工仪式在…, 竣工典礼于…: a ceremony held on a project's site (a signing ceremony may be held anywhere)
_CEREMONY = re.compile(r"(?:集中)?(?:奠基|开工|竣工|投产|竣工投产|落成|开园)(?:仪式|典礼)(?:将|已|今天|昨天)?(?:在|于)")
_HELD = re.compile(r"(?:隆重|正式|顺利)?" + alternation(words("event_held_verbs.txt")))


@rule("relation.locatedIn.ceremony-venue", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_ceremony_venue(w: Work) -> None:
    """A project whose ground-breaking or opening ceremony is held at a place is there, with the projects joined
    to it by 暨 (甲工程暨乙水厂竣工典礼于东山县青石镇举办 → 青石镇; …在东山新区丙物流园举行 → 东山新区)."""
    places = [m for m in w.mentions if m.type == "Place"]
    ms = w.mentions
    for i, m in enumerate(ms):
        c = _CEREMONY.match(w.text, m.end) if m.type == "Project" else None
        where = _venue_place(w, places, c.end()) if c else None
        if where is None:
            continue
        group, j = [m], i
        while j > 0 and ms[j - 1].type == "Project" and w.text[ms[j - 1].end:ms[j].start] == "暨":
            j -= 1
            group.append(ms[j])
        for pr in group:
            w.fact(pr.label, "locatedIn", where, m.start, 0.6)


def _venue_place(w: Work, places: list[Candidate], pos: int) -> str | None:
    """The place an event at ``pos`` is held in: the last of the places written there (东山县青石镇|举行), or the
    place a venue's name opens with (东山新区|丙物流园|举行), when a verb of holding follows."""
    chain = _chain_at(places, pos)
    if chain and _HELD.match(w.text, chain[-1].end):
        return chain[-1].label
    venue = next((m for m in w.mentions if m.start == pos and m.type == "Organization"), None)
    lead = next((c for c in w.candidates if venue is not None and c.type == "Place" and c.start == pos
                 and c.end < venue.end and ("Place", c.label) in w.doc.entities), None)
    if lead is not None and _HELD.match(w.text, venue.end) and _level(w.doc, lead) not in ("province", "country"):
        return lead.label
    return None


@rule("relation.locatedIn.this-project", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_this_project(w: Work) -> None:
    """该项目位于某地: the project named last before the sentence is in that place (该项目位于东山县)."""
    sents, located = w.sents, located_subjects(w.doc)
    for k, sent in enumerate(sents.sents):
        ref = _THIS_PROJECT.match(sent.text)
        if not ref:
            continue
        where = [p for p in sents.mentions[k] if p.type == "Place" and p.start >= sent.start + ref.end() - 2]
        earlier = [m for m in w.mentions if m.type == "Project" and m.end <= sent.start and sent.start - m.end < 300]
        if where and earlier and earlier[-1].label not in located:
            w.fact(earlier[-1].label, "locatedIn", where[-1].label if _chained(where) else where[0].label,
                   sent.start, 0.6)
            located.add(earlier[-1].label)


_LOCAL_LEVELS = ("county", "town", "village")                # what a sentence's own place may be
# 邀请甲大学、乙学院…, 选派甲团成员来我市: bodies that come from elsewhere, not bodies here
_FROM_ELSEWHERE = re.compile(r"(?:邀请|来自|引进|选派|外地|省外|市外|县外|赴|到)[^，。；：]{0,30}$")


def _local_places(doc: Doc, ms: list[Candidate]) -> list[Candidate]:
    """The places below the city a sentence names itself (not through 我市): counties, towns, villages, zones."""
    return [m for m in ms if m.type == "Place" and not m.attrs.get("_deictic")
            and (_level(doc, m) in _LOCAL_LEVELS or _level(doc, m) == "site" and zone_kinds().search(m.label))]


def _one_place(doc: Doc, ms: list[Candidate]) -> str | None:
    """The one place below the city a sentence names (the last of a chain 东山县青石镇), else None."""
    places = _local_places(doc, ms)
    if not places:
        return None
    labels = {p.label for p in places}
    if len(labels) == 1:
        return places[0].label
    return places[-1].label if _chained(places) else None


@rule("relation.locatedIn.deictic-sentence", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_deictic_sentence(w: Work) -> None:
    """A body or project of a sentence that speaks of 我市/我省 and names no smaller place is there
    (我省入选的单位包括甲馆、乙园 → 甲馆 in the province; 实地查看我市甲基地 → in the home city)."""
    doc, sents, located = w.doc, w.sents, located_subjects(w.doc)
    for k, sent in enumerate(sents.sents):
        ms = sents.mentions[k]
        here = [m.label for m in ms if m.type == "Place" and m.attrs.get("_deictic")]
        if len(set(here)) != 1 or _local_places(doc, ms):
            continue
        for m in ms:
            if m.type in _PLACED and m.label not in located and not m.label.startswith(_NATIONAL) \
                    and not _FROM_ELSEWHERE.search(doc.text, sent.start, m.start):
                w.fact(m.label, "locatedIn", here[0], m.start, 0.45)
                located.add(m.label)


def _district_plans(doc: Doc, idx: TokenIndex, p: Candidate) -> bool:
    """Is ``p`` a county-level place opening its clause with a plan (东山县将…, 东山县加快…)?"""
    ent = doc.entities.get(("Place", p.label))
    return p.type == "Place" and ent is not None and ent.attrs.get("level") in _LOCAL_LEVELS \
        and _clause_subject(doc, idx, p.start) and _PLANS.match(doc.text, p.end) is not None


def _in_clause(doc: Doc, p: Candidate, m: Candidate) -> bool:
    """Is ``m`` in the clause ``p`` opens, not joined to another body (东山镇建成甲园; not 东山镇与甲公司签约)?"""
    between = doc.text[p.end:m.start]
    return not re.search(r"[，,；;。]", between) and not _JOINED_BEFORE.search(between)


@rule("relation.locatedIn.district-plans", stage="locatedIn", produces=("locatedIn",), requires=("mentions", "tokens"))
def located_district_plans(w: Work) -> None:
    """The projects a district, town or village plans or builds in its own sentence are in it, with the bodies it
    builds in that clause (东山县将推进甲项目、乙项目; 青石镇已建成甲度假村)."""
    sents, located = w.sents, located_subjects(w.doc)
    for k, sent in enumerate(sents.sents):
        ms = sents.mentions[k]
        for p in ms:
            if not _district_plans(w.doc, w.index, p):
                continue
            for m in ms:
                if m.start > p.end and m.label not in located \
                        and (m.type == "Project" or m.type == "Organization" and _in_clause(w.doc, p, m)):
                    w.fact(m.label, "locatedIn", p.label, sent.start, 0.5)
                    located.add(m.label)


def _agency_places(doc: Doc, ms: list[Candidate]) -> list[str]:
    """The counties and towns the agencies of a sentence govern (东山县工信局局长说 → 东山县)."""
    out = []
    for m in ms:
        place = body_info(doc, m.label).jurisdiction if m.type == "Agency" else None
        d = divisions().get(place) if place else None
        if place and (entity_level(doc, place) or (d.level if d else "")) in _LOCAL_LEVELS[:2]:
            out.append(place)
    return out


@rule("relation.locatedIn.sentence-place", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_sentence_place(w: Work) -> None:
    """A project of a sentence that names one place below the city, itself or as the place of its agencies, is
    there (甲项目、乙工程集中开工，标志着东山新区建设…; 东山县发改局局长说，要推进甲项目)."""
    doc, sents, located = w.doc, w.sents, located_subjects(w.doc)
    for k, sent in enumerate(sents.sents):
        ms = sents.mentions[k]
        place = _one_place(doc, ms)
        if place is None and not _local_places(doc, ms) and len(set(_agency_places(doc, ms))) == 1:
            place = _agency_places(doc, ms)[0]
        for m in ms if place else ():
            if m.type == "Project" and m.label not in located and not _FROM_ELSEWHERE.search(doc.text, sent.start, m.start):
                w.fact(m.label, "locatedIn", place, m.start, 0.45)
                located.add(m.label)


def _named_after_local_division(doc: Doc, label: str) -> bool:
    """Does ``label`` open with a city, county or town of the article's province (东山县甲公司)? A province's name
    (山西甲产业园) or another province's says nothing of where in the province a body is."""
    m = divisions().gazetteer.match_at(label, 0)
    if not m:
        return False
    d = pick_division(doc, m[3])
    return d.level != "province" and d.province == doc.province


def _story_zone(w: Work, places: list[Candidate], a: int, b: int) -> str | None:
    """The one zone a story is about: the subject of at least two of its clauses, more often than any other."""
    doc = w.doc
    zones = Counter(m.label for m in places if a <= m.start < b and zone_kinds().search(m.label)
                    and _level(doc, m) == "site" and _clause_subject(doc, w.index, m.start))
    if not zones:
        return None
    (zone, n), *rest = zones.most_common(2) + [("", 0)]
    return None if n < 2 or rest[0][1] == n else zone


@rule("relation.locatedIn.story-zone", stage="locatedIn", produces=("locatedIn",), requires=("mentions", "tokens"))
def located_story_zone(w: Work) -> None:
    """In a story about one zone (the subject of its clauses), its bodies and projects are in it (东山开发区…甲公司)."""
    located = located_subjects(w.doc)
    places = [m for m in w.mentions if m.type == "Place"]
    for a, b, _ in w.doc.stories:
        zone = _story_zone(w, places, a, b)
        for m in w.mentions if zone else ():
            if a <= m.start < b and m.type in _PLACED and m.label not in located \
                    and not _named_after_local_division(w.doc, m.label) and not m.label.startswith(_NATIONAL):
                w.fact(m.label, "locatedIn", zone, m.start, 0.4)
                located.add(m.label)


def _opening_place(w: Work, a: int, b: int) -> str | None:
    """The one place below the city a story's opening (its heading and first two sentences) names."""
    sents = w.sents.sents
    k = next((i for i, sent in enumerate(sents) if sent.end > a), len(sents))
    ms = [m for i in range(k, min(k + 3, len(sents))) if sents[i].start < b for m in w.sents.mentions[i]]
    return _one_place(w.doc, ms)


@rule("relation.locatedIn.story-opening", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_story_opening(w: Work) -> None:
    """The projects of a story whose opening names one place below the city are there, when nothing else placed
    them, unless named after another place or said of the whole city (东山县：甲小区年底交付。…乙项目开工 → 乙项目
    in 东山县; not …全市推进丙工程)."""
    located = located_subjects(w.doc)
    for a, b, _ in w.doc.stories:
        place = _opening_place(w, a, b)
        for m in w.mentions if place else ():
            if a <= m.start < b and m.type == "Project" and m.label not in located \
                    and not _named_after_local_division(w.doc, m.label) and not _WIDER.search(_sentence_text(w, m)):
                w.fact(m.label, "locatedIn", place, m.start, 0.4)
                located.add(m.label)


# 全市推进甲工程: a sentence about the whole city or province, wider than the place of its story
_WIDER = re.compile(r"[全我本](?:市|省|州|盟|自治区)")


def _sentence_text(w: Work, m: Candidate) -> str:
    sent = w.sents.at(m.start)
    return sent.text if sent is not None else ""


@rule("relation.locatedIn.name-prefix", stage="locatedIn", produces=("locatedIn",),
      requires=("Organization", "Project", "Place"))
def located_name_prefix(w: Work) -> None:
    """A body or project not placed yet is in the named division its name opens with (东山县甲公司 → 东山县)."""
    doc, divs = w.doc, divisions()
    located = located_subjects(doc)
    for (t, label) in sorted(doc.entities):
        m = divs.gazetteer.match_at(label, 0) if t in _PLACED and label not in located else None
        if not m or _NO_PLACE_IN_NAME.search(label):
            continue
        d = pick_division(doc, m[3])
        if d.level != "province" and d.province == doc.province and ("Place", d.name) in doc.entities:
            w.fact(label, "locatedIn", d.name, None, 0.5)
            located.add(label)


@rule("relation.locatedIn.list-siblings", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_list_siblings(w: Work) -> None:
    """The bodies listed after a placed one (甲、乙) share its place when nothing placed them
    (东山县甲公司、乙公司、丙公司 → 乙公司 and 丙公司 in 东山县 too)."""
    doc = w.doc
    where = {r.s: r.o for r in doc.relations if r.p == "locatedIn"}
    bodies = [m for m in w.mentions if m.type in _PLACED]
    for a, b in zip(bodies, bodies[1:]):
        if a.label in where and b.label not in where and doc.text[a.end:b.start] in ("、", "和", "及", "以及"):
            w.fact(b.label, "locatedIn", where[a.label], b.start, 0.45)
            where[b.label] = where[a.label]


@rule("relation.locatedIn.zone-county", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def located_zone_county(w: Work) -> None:
    """What is in a zone is also in the county the zone is part of (甲项目 in 东山启动区, part of 东山县 → 东山县)."""
    doc = w.doc
    county = {r.s: r.o for r in doc.relations if r.p == "partOf" and _zone_level(doc, r.s) == "site"
              and _zone_level(doc, r.o) == "county"}
    for r in [r for r in doc.relations if r.p == "locatedIn" and r.o in county]:
        w.fact(r.s, "locatedIn", county[r.o], r.sentence.start if r.sentence else None, 0.45)


def _zone_level(doc: Doc, label: str) -> str | None:
    """The level of a Place entity (``site`` for a zone), if any."""
    ent = doc.entities.get(("Place", label))
    return None if ent is None else ent.attrs.get("level")
