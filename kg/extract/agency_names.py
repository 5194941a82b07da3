"""How agency names are built: cores (委, 政府, 工信局 …), the anchors a name starts at, canonical names.

A name is a place (or a level word: 省, 市, 县 …) followed by a core from ``data/departments.tsv``; the place
is resolved to its full name (市 → the home city) and the core to its canonical form, giving names such as
中共青石市委员会 or 株洲市荷塘区工业和信息化局. The anchors are found once per article
(:func:`agency_anchors`) for the agency rules of ``agencies.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..divisions import divisions
from ..gazetteer import Gazetteer
from ..model import Doc
from .context import seat
from .lexicon import table, zone_kinds
from .names import TokenIndex
from .spans import Candidate

if TYPE_CHECKING:
    from .state import Work

_LEVEL_WORD = re.compile("街道|社区|自治区|[省市州盟县区旗镇乡村]")
_CHAIN_WORDS = ("省", "自治区", "市", "州", "盟", "县", "区", "旗")    # level words the home's chain may hold
PREV_OK = set("原由在到从向对和与及经据被将为请、前驻")   # one-character words that may stand before 市委, 县政府 …
_PARTY = ("委员会", "工作委员会", "总支部委员会", "支部委员会")

CoreMatch = tuple[int, int, str, str]      # start, end, surface, canonical core


@cache
def cores() -> Gazetteer[str]:
    """Agency cores (工信局, 委, 政府 …) → canonical core (``data/departments.tsv``, ``data/agency_short_forms.tsv``)."""
    return Gazetteer({**table("agency_short_forms.tsv"), **table("departments.tsv")})


@dataclass(frozen=True)
class Anchor:
    """Where an agency name may start: a place or a level word, what it stands for, the core after it."""
    start: int
    end: int
    place: str | None          # full name of the place (市 → the home city); None when unknown
    kind: str | None           # province, city, county, town, village or zone
    city: str | None           # a county's city (株洲市 of 荷塘区)
    core: CoreMatch | None     # the core right after the anchor (委, 政府, 工信局 …), if any


@dataclass(frozen=True)
class AgencyAnchors:
    """What several agency rules start from, found once per article."""
    anchors: list[Anchor]
    ends: frozenset[int]           # where an anchor ends
    cores: list[CoreMatch]         # every core named in the text (bare ones included)


def agency_anchors(w: Work) -> AgencyAnchors:
    """The anchors and cores of the article, computed on first use from the place candidates."""
    if w.agency_anchors is None:
        text, places = w.text, w.proposed("Place")
        found = _place_anchors(places)
        found += _level_anchors(w.doc, w.index, places, {a[1] for a in found})
        anchors = [Anchor(s, e, place, kind, city, cores().match_at(text, e)) for s, e, place, kind, city in found]
        w.agency_anchors = AgencyAnchors(anchors, frozenset(a.end for a in anchors), list(cores().finditer(text)))
    return w.agency_anchors


def _place_anchors(places: list[Candidate]) -> list[tuple]:
    """Divisions, towns, villages, zones (运城经济技术开发区|党工委, …|管委会) and foreign countries a body's name
    may start with."""
    out = []
    for p in places:
        kind = p.attrs.get("level")
        if kind in ("province", "city", "county", "town", "village"):
            out.append((p.start, p.end, p.label, kind, p.attrs.get("parent") if kind == "county" else None))
        elif kind == "country" and p.label != "中国":
            out.append((p.start, p.end, p.label, kind, None))     # 甲国|金融管理局: a suffix name only
        elif kind == "site" and zone_kinds().search(p.label):
            out.append((p.start, p.end, p.label, "zone", None))
    return out


def _level_anchors(doc: Doc, idx: TokenIndex, places: list[Candidate], place_ends: set[int]) -> list[tuple]:
    """Level words standing for a place (市|委 → the home city, 县|政府 → the story's county)."""
    text, out = doc.text, []
    for m in _LEVEL_WORD.finditer(text):
        s, e = m.start(), m.end()
        if e in place_ends or s in place_ends and text[s] != "市":
            continue
        if s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and s not in idx.start_set and text[s - 1] not in PREV_OK:
            continue
        place, city = resolve_level(doc, places, m.group(0), s)
        if place is None and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in PREV_OK:
            s = _unknown_place_start(idx, places, s)   # 丙丁|州政府: a place no gazetteer knows
            if s is None:
                continue
            place = text[s:e]
        out.append((s, e, place, table("level_words.tsv")[m.group(0)], city))
    return out


_NAME_TAGS = ("ns", "nr", "nz", "j")


def _unknown_place_start(idx: TokenIndex, places: list[Candidate], pos: int) -> int | None:
    """Where the name of a place written before a level word at ``pos`` starts (丙丁|区, 黔南|州), or None
    when the word before is no name (各|县政府)."""
    from .tokenize import word_tags
    place = next((p for p in places if p.end == pos), None)
    if place is not None:
        return place.start
    k = idx.ending_at(pos)
    if k is None:
        return None
    word = idx.tokens[k][2]
    tag = word_tags().get(word)
    return idx.tokens[k][0] if len(word) >= 2 and (tag is None or tag.startswith(_NAME_TAGS)) else None


def resolve_level(doc: Doc, places: list[Candidate], level: str, pos: int) -> tuple[str | None, str | None]:
    """What a bare level word means: the place of the home's chain at that level (县委 in a county paper,
    市委 in a 天津 paper, 自治区党委), else the last place of that level the story named before it."""
    kind = table("level_words.tsv")[level]
    home_seat = seat(doc, level[-1]) if level in _CHAIN_WORDS else None
    if home_seat:
        d = divisions().get(home_seat)
        return home_seat, d.parent if d and d.level == "county" else None
    story = next(((a, b) for a, b, _ in doc.stories if a <= pos < b), (0, len(doc.text)))
    best = None
    for p in places:
        have = p.attrs.get("level")
        if story[0] <= p.start < pos and p.label.endswith(level) \
                and (have == kind or kind == "city" and have == "province" and level == "市"):
            best = p
    if best is None:
        return None, None
    return best.label, best.attrs.get("parent") if kind == "county" else None


def canonical(place: str | None, place_kind: str | None, core: str, city: str | None = None) -> str:
    """The full name of the body ``core`` of ``place``.

    >>> canonical("青石市", "city", "委员会")
    '中共青石市委员会'
    >>> canonical("青石市", "city", "委宣传部")
    '中共青石市委员会宣传部'
    >>> canonical("白沙市", "city", "政协")
    '中国人民政治协商会议白沙市委员会'
    >>> canonical("荷塘区", "county", "工业和信息化局", city="株洲市")
    '株洲市荷塘区工业和信息化局'
    """
    p = place or ""
    if core.startswith("委") and core.endswith("部") and len(core) > 2:
        return f"中共{p}委员会{core[1:]}"           # 中共东山县委员会宣传部 (also 中共东山县委宣传部)
    if core in _PARTY or core.startswith("委"):
        return f"中共{p}{core}"
    if core == "政协":
        return f"中国人民政治协商会议{p}委员会"
    if core in ("村民委员会", "居民委员会"):
        return f"{p}{core}"
    if city and place_kind == "county" and p.endswith("区") and core not in ("人民政府", "人民代表大会常务委员会", "人民代表大会"):
        return f"{city}{p}{core}"
    return f"{p}{core}"


def aliases(surface: str, place: str | None, core_surface: str, core: str) -> set[str]:
    """Other names the same body goes by (青石市委, 中共青石市委, 市委 …)."""
    out = {surface}
    if place:
        out.add(place + core_surface)
        if core in _PARTY and core_surface in ("委", "党委"):
            out.add(f"中共{place}委")
            out.add(f"{place}委")
        if core == "政协":
            out.add(f"政协{place}委员会")
        if core != core_surface and core not in _PARTY:
            out.add(place + core)
        if core.startswith("委") and core.endswith("部") and len(core) > 2:
            out.add(f"中共{place}{core}")
    return out


def party_start(text: str, s: int) -> int:
    """A name at ``s`` opens with 中共 written before it (中共|青石市委)."""
    return s - 2 if text[max(0, s - 2):s] == "中共" else s
