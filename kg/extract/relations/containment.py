"""What governs and what contains: jurisdiction from agencies' names, partOf from the division data,
written chains of places, the story's county or town, zones' names and the names of bodies.

The partOf rules run in the order below; a later rule gives a parent only to what has none yet
(:func:`part_of_subjects`), so the surer rules come first.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...divisions import divisions
from ...model import Doc
from ..implied import zone_division
from ..places import _aligned as aligned, pick_division
from ..lexicon import alternation, rows, word_set, words, zone_kinds
from ..registry import rule
from ..spans import Candidate
from .common import body_info, level_place

if TYPE_CHECKING:
    from ..state import Work

# 甲银行股份有限公司 is 甲银行 under its legal name, not a part of it
_LEGAL_FORM = re.compile(r"(?:集团)?(?:股份)?(?:有限)?(?:责任)?(?:公司)?")
# 东山大学实验学校, 东山学院附属中学: a school a college founded or runs beside it, not one of its parts
_ATTACHED_SCHOOL = re.compile(r"(?:实验|附属|附设)(?:学校|中学|小学|幼儿园)$|附[中小]$")
_ORG_END = re.compile(alternation(words("org_suffixes.txt")) + "$")    # a body's full name (甲集团, 乙大学)
_BRANCH = re.compile(r"分(?:行|公司|局|院|社|厂|所|中心)$|支行$|办事处$")       # 甲银行东山分行: a branch
_ROAD_END = re.compile(alternation(words("road_ends.txt")) + "$")     # a road's name (东风路, 滨河大道, 渭河桥)


def place_labels(doc: Doc) -> set[str]:
    """The labels of the article's Place entities."""
    return {label for (t, label) in doc.entities if t == "Place"}


def part_of_subjects(doc: Doc) -> set[str]:
    """What already has a parent (the subjects of the partOf facts made so far)."""
    return {r.s for r in doc.relations if r.p == "partOf"}


# the level a village or town name's last word gives when no place rule set one (a name the tagger found)
_LEVEL_ENDS = (("village", re.compile(r"..(?:村|社区|嘎查)$")), ("town", re.compile(r"..(?:镇|乡|街道|苏木)$")))


def entity_level(doc: Doc, label: str) -> str | None:
    """The division level (``county``, ``town``, ``site`` …) of the Place entity ``label``, if any; a
    village or town the tagger found without a level gets the one its name's last word gives (南坡村)."""
    ent = doc.entities.get(("Place", label))
    if ent is None or ent.attrs.get("level"):
        return None if ent is None else ent.attrs.get("level")
    return next((level for level, end in _LEVEL_ENDS if end.search(label)), None)


def place_mentions(w: Work) -> list[Candidate]:
    """The Place mentions that are whole words (not 南坡村 cut out of 南坡村规民约) and do not end in another
    place of the article after words that name none (划走青石镇, a verb run into 青石镇, is no place of its own)."""
    labels = place_labels(w.doc)
    starts, ends = {m.start for m in w.mentions if m.type == "Place"}, set(place_ends(w.mentions))
    return [m for m in w.mentions if m.type == "Place"
            and (aligned(w.index, m.start, m.end) or m.end in starts or m.start in ends)   # 东山县青石镇南坡村
            and not any(m.label[-k:] in labels for k in range(2, len(m.label)))]   # a shorter place it ends in


def place_ends(mentions: list[Candidate]) -> dict[int, Candidate]:
    """Place mentions by the offset where they end (to find a place written right after another)."""
    return {m.end: m for m in mentions if m.type == "Place"}


@rule("relation.jurisdiction.agency-name", stage="jurisdiction", produces=("jurisdiction",),
      requires=("mentions", "Agency", "bodies"))
def jurisdiction_agency_name(w: Work) -> None:
    """An agency governs the place its name opens with (东山县人民政府 → 东山县)."""
    doc = w.doc
    for (etype, label) in list(doc.entities):
        place = body_info(doc, label).jurisdiction if etype == "Agency" else None
        if place:
            pos = next((m.start for m in w.mentions if m.label == label), None)
            w.fact(label, "jurisdiction", place, pos, 0.9)


@rule("relation.partOf.division-data", stage="partOf", produces=("partOf",), requires=("Place",))
def part_of_division_data(w: Work) -> None:
    """A division is part of its nearest ancestor the article names (青石镇 → 东山县, both named)."""
    doc, divs = w.doc, divisions()
    places = place_labels(doc)
    for label in sorted(places):
        d = divs.get(label, doc.province, doc.locale)
        if d is None or d.name != label:
            continue
        parent = next((anc for anc in divs.parent_chain(d) if anc in places), None)
        if parent:
            w.fact(label, "partOf", parent, None, 0.95)


@rule("relation.partOf.world-cities", stage="partOf", produces=("partOf",), requires=("Place",))
def part_of_world_cities(w: Work) -> None:
    """A foreign city is part of its country when both are named (大阪 → 日本; ``data/world_cities.tsv``)."""
    places = place_labels(w.doc)
    for city, country in rows("world_cities.tsv"):
        if city in places and country in places:
            w.fact(city, "partOf", country, None, 0.9)


@rule("relation.partOf.adjacent-place", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_adjacent_place(w: Work) -> None:
    """A town, village or site written right after a place is part of it (东山县青石镇 → 东山县); a road before it is
    its address, not its parent, so it is part of the place before the road (东山县东风路南坡村 → 东山县)."""
    by_end = place_ends(w.mentions)
    for m in place_mentions(w):
        parent = by_end.get(m.start)
        while parent is not None and _ROAD_END.search(parent.label):
            parent = by_end.get(parent.start)
        if parent is not None and parent.label != m.label and divisions().get(m.label) is None:
            w.fact(m.label, "partOf", parent.label, m.start, 0.85)


# what a place named after another one can be part of: a site of a town or village, a village of a town
_NAMED_AFTER = {"site": ("town", "village"), None: ("town", "village"), "village": ("town",)}
_LEVEL_WORD = re.compile(r"(?:镇|乡|村|社区|街道|苏木|嘎查)$")


def _named_after(doc: Doc, label: str, places: set[str]) -> str | None:
    """The place of the article ``label`` is named after: the one before its ``·`` (青石·南湾 → 青石), else the
    town or village whose name without its level word opens it (青石公寓 → 青石社区, 青石村 → 青石乡)."""
    head = label.split("·")[0]
    if "·" in label and head in places:
        return head
    wanted = _NAMED_AFTER.get(entity_level(doc, label), ())
    found = [p for p in places if p != label and entity_level(doc, p) in wanted
             and len(core := _LEVEL_WORD.sub("", p)) >= 2 and label.startswith(core) and len(label) > len(core)]
    return found[0] if len(found) == 1 else None


@rule("relation.partOf.named-after", stage="partOf", produces=("partOf",), requires=("Place",))
def part_of_named_after(w: Work) -> None:
    """A place with no parent yet, named after a town, village or place of the article, is part of it
    (青石社区…青石公寓 → 青石社区; 南湾·青石苑 → 南湾)."""
    doc = w.doc
    places, has_parent = place_labels(doc), part_of_subjects(doc)
    for label in sorted(places - has_parent):
        parent = _named_after(doc, label, places)
        if parent:
            w.fact(label, "partOf", parent, None, 0.6)


def _sentence_county(w: Work, m: Candidate) -> str | None:
    """The one county the sentence of ``m`` names, else the last county the story named before ``m``."""
    doc, sents = w.doc, w.sents
    same = [p for p in w.mentions if p.type == "Place" and p is not m and sents.at(p.start) is sents.at(m.start)
            and (doc.entities.get(("Place", p.label)) or p).attrs.get("level") == "county"]
    return same[0].label if len({p.label for p in same}) == 1 else level_place(doc, "county", m.start)


@rule("relation.partOf.story-county", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_story_county(w: Work) -> None:
    """A town with no parent yet, not written after one, is part of the county its sentence or story names
    (东山县…青石镇)."""
    by_end, has_parent = place_ends(w.mentions), part_of_subjects(w.doc)
    for m in place_mentions(w):
        if entity_level(w.doc, m.label) != "town" or m.start in by_end or m.label in has_parent:
            continue
        parent = _sentence_county(w, m)
        if parent and parent != m.label:
            w.fact(m.label, "partOf", parent, m.start, 0.6)
            has_parent.add(m.label)


@rule("relation.partOf.story-town", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_story_town(w: Work) -> None:
    """A village with no parent yet is part of the last town the story named (青石镇…南坡村 → 青石镇)."""
    doc = w.doc
    has_parent = part_of_subjects(doc)
    for m in place_mentions(w):
        if entity_level(doc, m.label) != "village" or m.label in has_parent:
            continue
        parent = level_place(doc, "town", m.start)
        if parent and parent != m.label:
            w.fact(m.label, "partOf", parent, m.start, 0.55)
            has_parent.add(m.label)


@rule("relation.partOf.zone-name", stage="partOf", produces=("partOf",), requires=("Place",))
def part_of_zone_name(w: Work) -> None:
    """A zone with no parent yet is part of the division it is named after (东山经济开发区 → 东山县)."""
    doc = w.doc
    for label in sorted(place_labels(doc) - part_of_subjects(doc)):
        named = zone_division(doc, label)
        if named:
            w.fact(label, "partOf", named[0].name, None, 0.7)


@rule("relation.partOf.site-name", stage="partOf", produces=("partOf",), requires=("Place",))
def part_of_site_name(w: Work) -> None:
    """A station, square or other site with no parent yet, named after a division the article names, is part of
    it (东山火车站 → 东山县, both named); roads are not (a 南京路 need not be in 南京)."""
    doc = w.doc
    places = place_labels(doc)
    for label in sorted(places - part_of_subjects(doc)):
        if entity_level(doc, label) != "site" or _ROAD_END.search(label) or zone_kinds().search(label):
            continue
        m = divisions().gazetteer.match_at(label, 0)
        d = pick_division(doc, m[3]) if m and m[1] <= len(label) - 2 else None
        if d is not None and d.name in places and d.name != label:
            w.fact(label, "partOf", d.name, None, 0.6)


@rule("relation.partOf.bracketed-zone", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_bracketed_zone(w: Work) -> None:
    """A zone written in brackets right after a zone or region is part of it (东南经济区（青山片区） → 东南经济区)."""
    by_end, text = place_ends(w.mentions), w.text
    for m in place_mentions(w):
        outer = by_end.get(m.start - 1)
        if outer is not None and outer.label != m.label and text[m.start - 1] in "（(" \
                and text[m.end:m.end + 1] in ("）", ")") and zone_kinds().search(m.label) \
                and entity_level(w.doc, outer.label) in ("site", "region", None):
            w.fact(m.label, "partOf", outer.label, outer.start, 0.7)


# 甲城市群涵盖的A、B、C五市, 甲经济区包括A、B: a region and the places it is made of
_COVERS = re.compile(r"(?:涵盖|包括|包含|覆盖|辖)(?:了|的)?")


@rule("relation.partOf.region-members", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_region_members(w: Work) -> None:
    """The places listed after a region that 涵盖/包括 them are part of it (东部城市群涵盖的甲市、乙市 → 东部城市群)."""
    doc, sents = w.doc, w.sents
    for k, sent in enumerate(sents.sents):
        places = [m for m in sents.mentions[k] if m.type == "Place"]
        for r, first in zip(places, places[1:]):
            covers = _COVERS.fullmatch(doc.text[r.end:first.start])
            if not covers or entity_level(doc, r.label) not in ("site", "region", None):
                continue
            run, end = [], r.end + covers.end()
            for p in places[places.index(first):]:
                if p.start != end and not re.fullmatch(r"[、和及与]", doc.text[end:p.start]):
                    break
                run.append(p)
                end = p.end
            for p in run if len(run) >= 2 else ():
                w.fact(p.label, "partOf", r.label, sent.start, 0.7)


@rule("relation.partOf.story-site", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_story_site(w: Work) -> None:
    """A mountain, valley or other named site with no parent yet is part of the county its sentence or story names
    (东山县消息，该县在青龙山启动巡护 → 青龙山 in 东山县); zones and roads have rules of their own."""
    doc = w.doc
    has_parent = part_of_subjects(doc)
    for m in place_mentions(w):
        if entity_level(doc, m.label) != "site" or m.label in has_parent \
                or zone_kinds().search(m.label) or _ROAD_END.search(m.label) or m.rule != "place.nature":
            continue
        parent = _sentence_county(w, m)
        if parent and parent != m.label:
            w.fact(m.label, "partOf", parent, m.start, 0.5)
            has_parent.add(m.label)


@rule("relation.partOf.local-street", stage="partOf", produces=("partOf",), requires=("mentions", "home"))
def part_of_local_street(w: Work) -> None:
    """A local paper's street with no parent is in the story's county, else the home city (东风路 → 东山县)."""
    doc = w.doc
    if not doc.home:
        return
    has_parent = part_of_subjects(doc)
    for m in place_mentions(w):
        if m.label in has_parent or not _ROAD_END.search(m.label) or entity_level(doc, m.label) != "site" \
                or w.text[m.start - 1:m.start] == "“" and w.text[m.end:m.end + 1] == "”":   # 架起“连心桥”: a figure
            continue
        w.fact(m.label, "partOf", level_place(doc, "county", m.start) or doc.home, m.start, 0.5)
        has_parent.add(m.label)


def _government_of(doc: Doc, label: str) -> str | None:
    """The government or party committee an agency is a department of (东山县财政局 → 东山县人民政府)."""
    info = body_info(doc, label)
    core = info.core or ""
    if not info.jurisdiction or core in ("人民政府", "委员会") or core in word_set("independent_bodies.txt") \
            or core.endswith("委员会") and label.startswith("中共"):
        return None
    return f"中共{info.jurisdiction}委员会" if label.startswith("中共") else f"{info.jurisdiction}人民政府"


@rule("relation.partOf.department-of", stage="body-parts", produces=("partOf",), requires=("Agency", "bodies"))
def part_of_department(w: Work) -> None:
    """A department is part of the government or party committee of its place, when named (东山县财政局)."""
    agencies = [label for (t, label) in w.doc.entities if t == "Agency"]
    named = set(agencies)
    for label in agencies:
        parent = _government_of(w.doc, label)
        if parent in named and parent != label and not any(label.startswith(b) and b not in (label, parent) for b in named):
            w.fact(label, "partOf", parent, None, 0.8)      # a unit named after its body: agency-prefix


@rule("relation.partOf.agency-prefix", stage="body-parts", produces=("partOf",), requires=("Agency",))
def part_of_agency_prefix(w: Work) -> None:
    """An agency with no parent yet, named after another agency, is part of it: a standing committee of its
    congress, an office of its department (东山县人民代表大会常务委员会 → 东山县人民代表大会)."""
    doc = w.doc
    agencies = sorted(label for (t, label) in doc.entities if t == "Agency")
    has_parent = part_of_subjects(doc)
    for a in agencies:
        parents = [b for b in agencies if a != b and a.startswith(b) and len(a) - len(b) >= 2]
        if parents and a not in has_parent:
            pos = next((m.start for m in w.mentions if m.label == a), None)
            w.fact(a, "partOf", max(parents, key=len), pos, 0.8)


# 甲集团旗下的乙公司, 甲局内设的乙科: a body and the part it holds; 乙公司是甲集团的全资子公司: said the other way
_HOLDS = re.compile(r"(?:旗下|下属|所属|控股|内设|下设|设立)的?(?:子公司|企业|公司|机构|单位)?")
_IS_PART = re.compile(r"是|为|系")
_PART_WORD = re.compile(r"的?(?:全资|控股)?(?:子公司|分公司|下属企业|下属单位|内设机构|派出机构|分支机构)")


@rule("relation.partOf.subsidiary", stage="partOf", produces=("partOf",), requires=("mentions",))
def part_of_subsidiary(w: Work) -> None:
    """A subsidiary or an internal office is part of the body that holds it (甲集团旗下的乙公司; 乙公司是甲集团的
    全资子公司; 甲局内设的乙科)."""
    text = w.text
    bodies = [m for m in w.mentions if m.type in ("Organization", "Agency")]
    for a, b in zip(bodies, bodies[1:]):
        between = text[a.end:b.start]
        if a.type != b.type or a.label == b.label:
            continue
        if _HOLDS.fullmatch(between):
            w.fact(b.label, "partOf", a.label, a.start, 0.7)
        elif _IS_PART.fullmatch(between) and _PART_WORD.match(text, b.end):
            w.fact(a.label, "partOf", b.label, a.start, 0.7)


@rule("relation.partOf.name-prefix", stage="body-parts", produces=("partOf",), requires=("Organization",))
def part_of_name_prefix(w: Work) -> None:
    """An organisation named after another body is part of the longest such one (东山大学化学学院 → 东山大学;
    东山油田采油二厂 → 东山油田), unless the rest is only its legal form (东山银行股份有限公司 is 东山银行) or it is
    a school the other runs (东山大学附属中学)."""
    orgs = sorted(label for (t, label) in w.doc.entities if t == "Organization")
    bodies = sorted({*orgs, *(label for (t, label) in w.doc.entities if t == "Agency")})
    for a in orgs:
        parents = [b for b in bodies if a != b and a.startswith(b) and len(a) - len(b) >= 2
                   and not _LEGAL_FORM.fullmatch(a[len(b):]) and named_alone(w.text, b, bodies)]
        if parents and not _ATTACHED_SCHOOL.search(a):
            w.fact(a, "partOf", max(parents, key=len), None, 0.8)


def named_alone(text: str, name: str, names: list[str]) -> bool:
    """Whether the text writes ``name`` outside the longer ``names`` that open with it, or, if not, ``name`` is a
    body's full name (ending in a kind of body) and those are not its branches (甲银行 named only inside
    甲银行东山分行 is no body of the story; 甲大学 named only inside 甲大学化学学院 is)."""
    longer = sorted((n for n in names if n != name and n.startswith(name)), key=len, reverse=True)
    rest = text
    for n in longer:
        rest = rest.replace(n, "|")
    if name in rest:
        return True
    return bool(_ORG_END.search(name)) and not any(_BRANCH.search(n) for n in longer)
