"""Where things are: jurisdiction and partOf from names and the division data, locatedIn from the text."""
from __future__ import annotations

import re
from collections import Counter

from ...model import Doc
from ...divisions import divisions
from ..lexicon import rows, words, zone_kinds
from ..places import pick_division
from ..names import TokenIndex
from ..spans import Candidate
from ..tokenize import word_tags
from ..registry import rule
from .common import Rel, Sentences, body_info, level_place




_CLAUSE_HEAD = re.compile(r"[，,。；;：:！？\n][\u4e00-\u9fff]{0,3}$")


def _clause_subject(doc: Doc, idx: TokenIndex, pos: int) -> bool:
    """Does a mention at ``pos`` open its clause (at most a short noun before it: 综改区|晋中开发区坚持…)?"""
    m = _CLAUSE_HEAD.search(doc.text, max(0, pos - 4), pos)
    if m is None:
        return False
    t = idx.covering(m.start()) or 0                  # the clause mark, then the words up to the mention
    before = [w for a, _, w in idx.tokens[t:t + 5] if m.start() < a < pos]
    return all((word_tags().get(w) or "n").startswith(("n", "j")) for w in before)


_THIS_PROJECT = re.compile(r"(?:该|这一?|此)(?:项目|工程)[^，。]{0,6}?(?:位于|落户|坐落于|坐落在|选址|建在|落地)")


def _chained(places: list[Candidate]) -> bool:
    """Places written one after another (太原市万柏林区): the last is the most precise."""
    return all(a.end == b.start for a, b in zip(places, places[1:]))


_PLANS = re.compile(r"(?:将|要|正|已|今年|持续|全力|加快|集中|重点|计划)")


_LIES_IN = re.compile(r"(?:项目|工程)?(?:将|已|拟)?(?:位于|坐落于|坐落在|地处|落户于|落户|选址于|选址在|建在|设在)")


def jurisdiction(doc: Doc, mentions: list[Candidate], rel: Rel) -> None:
    for (etype, label), ent in list(doc.entities.items()):
        if etype != "Agency":
            continue
        place = body_info(doc, label).jurisdiction
        if place:
            doc.add_entity("Place", place)
            pos = next((m.start for m in mentions if m.label == label), None)
            rel(label, "jurisdiction", place, pos, "agency-name", 0.9)


def part_of(doc: Doc, mentions: list[Candidate], sents: Sentences, rel: Rel) -> None:
    """partOf from the division data, written chains, the story's county or town, zones' names,
    departments of a government and bodies named after the body they belong to."""
    places = {label for (t, label) in doc.entities if t == "Place"}
    divs = divisions()
    # divisions: the nearest ancestor named in the article
    for label in sorted(places):
        d = divs.get(label, doc.province, doc.home)
        if d is None or d.name != label:
            continue
        for anc in divs.parent_chain(d):
            if anc in places:
                rel(label, "partOf", anc, None, "division-data", 0.95)
                break
    # foreign cities in their country (塔什干 → 乌兹别克斯坦)
    for city, country in rows("world_cities.tsv"):
        if city in places and country in places:
            rel(city, "partOf", country, None, "world-cities", 0.9)
    # towns, villages, sites written right after their parent (灵石县静升镇)
    by_end = {m.end: m for m in mentions if m.type == "Place"}
    for m in mentions:
        if m.type == "Place" and m.start in by_end and by_end[m.start].label != m.label:
            parent = by_end[m.start]
            if divs.get(m.label) is None:
                rel(m.label, "partOf", parent.label, m.start, "adjacent-place", 0.85)
    # towns and villages in a county story: part of the county named before them
    for m in mentions:
        lvl = doc.entities.get(("Place", m.label))
        if m.type != "Place" or lvl is None or lvl.attrs.get("level") not in ("town",) or m.start in by_end:
            continue
        same = [p for p in mentions if p.type == "Place" and p is not m and sents.at(p.start) is sents.at(m.start)
                and (doc.entities.get(("Place", p.label)) or p).attrs.get("level") == "county"]
        parent = same[0].label if len({p.label for p in same}) == 1 else level_place(doc, "county", m.start)
        if parent:
            rel(m.label, "partOf", parent, m.start, "story-county", 0.6)
    # villages of a town story: part of the town named before them
    has_parent = {r.s for r in doc.relations if r.p == "partOf"}
    for m in mentions:
        ent = doc.entities.get(("Place", m.label))
        if m.type != "Place" or ent is None or ent.attrs.get("level") != "village" or m.label in has_parent:
            continue
        parent = level_place(doc, "town", m.start)
        if parent and parent != m.label:
            rel(m.label, "partOf", parent, m.start, "story-town", 0.55)
            has_parent.add(m.label)
    # zones named after their division (古交启动区 → 古交市, 晋中开发区 → 晋中市)
    for label in sorted(places - has_parent):
        ent = doc.entities.get(("Place", label))
        if ent is None or ent.attrs.get("level") != "site" or not zone_kinds().search(label):
            continue
        m = divs.gazetteer.match_at(label, 0)
        if m and m[1] < len(label) - 2:
            d = pick_division(doc, m[3])
            if d.name != label and d.level != "province" and (d.province == doc.province or m[2] == d.name):
                doc.add_entity("Place", d.name, m[2], level=d.level, adcode=d.code)
                rel(label, "partOf", d.name, None, "zone-name", 0.7)
                has_parent.add(label)
    # streets and roads named with no parent in a local paper: the district of the story, else the home city
    for m in mentions:
        ent = doc.entities.get(("Place", m.label))
        if m.type == "Place" and ent is not None and doc.home and m.label not in has_parent \
                and re.search(r"(?:路|街|大街|大道|高速|桥)$", m.label) and ent.attrs.get("level") == "site":
            county = level_place(doc, "county", m.start)
            if county:
                rel(m.label, "partOf", county, m.start, "story-county", 0.5)
            else:
                rel(m.label, "partOf", doc.home, m.start, "local-street", 0.5)
            has_parent.add(m.label)
    # departments of a government / party committee named in the article
    agencies = {label: ent for (t, label), ent in doc.entities.items() if t == "Agency"}
    for label, ent in agencies.items():
        place = body_info(doc, label).jurisdiction
        core = body_info(doc, label).core or ""
        if not place or core in ("人民政府", "委员会") or core in words("independent_bodies.txt") \
                or core.endswith("委员会") and label.startswith("中共"):
            continue
        parent = f"中共{place}委员会" if label.startswith("中共") else f"{place}人民政府"
        if parent in agencies and parent != label:
            rel(label, "partOf", parent, None, "department-of", 0.8)
    # organisations named after the body they belong to (太原理工大学航空学院 → 太原理工大学)
    orgs = sorted(label for (t, label) in doc.entities if t == "Organization")
    for a in orgs:
        for b in orgs:
            if a != b and a.startswith(b) and len(a) - len(b) >= 2:
                rel(a, "partOf", b, None, "name-prefix", 0.8)


def located(doc: Doc, mentions: list[Candidate], sents: Sentences, rel: Rel, idx: TokenIndex) -> None:
    """Organisations and projects: the place named before them in the clause, or the place in their name."""
    divs = divisions()
    located: set[str] = set()
    places = [m for m in mentions if m.type == "Place"]
    for m in mentions:
        if m.type not in ("Organization", "Project"):
            continue
        sent = sents.at(m.start)
        if sent is None:
            continue
        clause_start = max([sent.start] + [i + 1 for i in range(sent.start, m.start) if doc.text[i] in "，,；;"])
        before = [p for p in places if clause_start <= p.start and p.end <= m.start
                  and (doc.entities.get(("Place", p.label)) or p).attrs.get("level") not in ("province", "country")
                  and (re.fullmatch(r"[的之\s]?", doc.text[p.end:m.start])
                       or re.search(r"(?:位于|坐落于|坐落在|地处|落户|落地|在|于)$", doc.text[max(0, p.start - 3):p.start]))]
        if before:
            rel(m.label, "locatedIn", before[-1].label, m.start, "place-before", 0.6)
            located.add(m.label)
            continue
        where = _LIES_IN.match(doc.text, m.end)
        if where:             # 甲公司位于乙区丙镇: the most precise place of the chain after the verb
            chain = []
            for p in places:
                if p.start == (chain[-1].end if chain else where.end()):
                    chain.append(p)
            if chain:
                rel(m.label, "locatedIn", chain[-1].label, m.start, "lies-in", 0.7)
                located.add(m.label)
    # 该项目位于某区: the project named last before it
    for k, sent in enumerate(sents.sents):
        ref = _THIS_PROJECT.match(sent.text)
        if not ref:
            continue
        where = [p for p in sents.mentions[k] if p.type == "Place" and p.start >= sent.start + ref.end() - 2]
        earlier = [m for m in mentions if m.type == "Project" and m.end <= sent.start and sent.start - m.end < 300]
        if where and earlier and earlier[-1].label not in located:
            rel(earlier[-1].label, "locatedIn", where[-1].label if _chained(where) else where[0].label,
                sent.start, "this-project", 0.6)
            located.add(earlier[-1].label)
    for (t, label), ent in sorted(doc.entities.items()):
        if t not in ("Organization", "Project") or label in located:
            continue
        m = divs.gazetteer.match_at(label, 0)
        if m and not re.search(r"(?:大学|学院|报|台|网)$", label):   # 太原理工大学 says nothing of where it is
            d = pick_division(doc, m[3])
            if d.level != "province" and d.province == doc.province and ("Place", d.name) in doc.entities:
                rel(label, "locatedIn", d.name, None, "name-prefix", 0.5)
                located.add(label)
                continue
    # 晋源区将…推进甲项目、乙项目: the projects a county-level district plans in its own clause are in it
    for k, sent in enumerate(sents.sents):
        ms = sents.mentions[k]
        for p in ms:
            ent = doc.entities.get(("Place", p.label))
            if p.type != "Place" or ent is None or ent.attrs.get("level") != "county" or not _clause_subject(doc, idx, p.start) \
                    or not _PLANS.match(doc.text, p.end):
                continue
            for m in ms:
                if m.type == "Project" and m.start > p.end and m.label not in located:
                    rel(m.label, "locatedIn", p.label, sent.start, "district-plans", 0.5)
                    located.add(m.label)
    # a story about one development zone (the subject of its clauses): its bodies and projects are in it
    for a, b, _ in doc.stories:
        zones = Counter(m.label for m in places if a <= m.start < b and zone_kinds().search(m.label)
                        and (doc.entities.get(("Place", m.label)) or m).attrs.get("level") == "site"
                        and _clause_subject(doc, idx, m.start))
        if not zones:
            continue
        (zone, n), *rest = zones.most_common(2) + [("", 0)]
        if n < 2 or rest[0][1] == n:
            continue
        for m in mentions:
            if a <= m.start < b and m.type in ("Organization", "Project") and m.label not in located \
                    and not divs.gazetteer.match_at(m.label, 0) and not m.label.startswith(("中国", "国家", "全国")):
                rel(m.label, "locatedIn", zone, m.start, "story-zone", 0.4)
                located.add(m.label)


def _legacy(w):
    """rel(s, p, o, pos, rule, conf, **kw) for the coarse rules below (to be split)."""
    return lambda s, p, o, pos, rule, conf, **kw: w.fact(s, p, o, pos, conf, rule=rule, **kw)


@rule("relation.jurisdiction.all", stage="jurisdiction", produces=("jurisdiction",), requires=("mentions",))
def _jurisdiction(w) -> None:
    """jurisdiction (coarse, to be split)."""
    jurisdiction(w.doc, w.mentions, _legacy(w))


@rule("relation.partOf.all", stage="partOf", produces=("partOf",), requires=("mentions",))
def _part_of(w) -> None:
    """partOf (coarse, to be split)."""
    part_of(w.doc, w.mentions, w.sents, _legacy(w))


@rule("relation.locatedIn.all", stage="locatedIn", produces=("locatedIn",), requires=("mentions",))
def _located(w) -> None:
    """locatedIn (coarse, to be split)."""
    located(w.doc, w.mentions, w.sents, _legacy(w), w.index)
