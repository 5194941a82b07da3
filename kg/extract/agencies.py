"""Agencies: party committees, governments and their departments, congresses, CPPCC, courts …

A name is a place (or a level word: 省, 市, 县 …) followed by a core from
``data/departments.tsv`` (委, 政府, 工信局 …); the place is resolved to its full
name (市 → the home city) and the core to its canonical form, giving names
such as 中共晋中市委员会 or 太原市小店区工业和信息化局.
"""
from __future__ import annotations

import re
from functools import cache

from ..model import Doc
from ..divisions import divisions
from ..gazetteer import Gazetteer
from .lexicon import rows, table, words, zone_kinds
from .names import TokenIndex, expand_left
from .persons import roles
from .spans import Candidate
from .tokenize import word_tags
from .registry import rule

_LEVEL_CHARS = {"省": "province", "市": "city", "州": "city", "盟": "city", "县": "county", "区": "county", "旗": "county",
                "镇": "town", "乡": "town",
                "村": "village", "街道": "town", "社区": "village"}
_PREV_OK = set("原由在到从向对和与及经据被将为请、前驻")   # one-character words that may stand before 市委, 县政府 …
_PARTY = ("委员会", "工作委员会", "总支部委员会", "支部委员会")
_GOVERNMENT_TAIL = re.compile(r"(?:局|厅|委员会|办公室|中心|署|队|所)$")
_SESSION = re.compile(r"第[一二三四五六七八九十]+届(?P<core>委员会|人民代表大会(?:常务委员会)?)")
_FALLBACK_CHARS = re.compile(r"[\u4e00-\u9fff]{2,12}?")


@cache
def cores() -> Gazetteer[str]:
    """Agency cores (工信局, 委, 政府 …) → canonical core."""
    return Gazetteer(table("departments.tsv"))


@cache
def national() -> Gazetteer[tuple[str, str]]:
    """National bodies (中共中央, 国务院 …) → (canonical name, jurisdiction)."""
    return Gazetteer({r[0]: (r[1], r[2]) for r in rows("national_bodies.tsv")})


@cache
def _suffix_re() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in words("agency_suffixes.txt"))
    return re.compile(rf"[\u4e00-\u9fff]{{1,10}}?(?:{alt})")


def canonical(place: str | None, place_kind: str | None, core: str, city: str | None = None) -> str:
    """The full name of the body ``core`` of ``place``.

    >>> canonical("晋中市", "city", "委员会")
    '中共晋中市委员会'
    >>> canonical("太原市", "city", "政协")
    '中国人民政治协商会议太原市委员会'
    >>> canonical("小店区", "county", "工业和信息化局", city="太原市")
    '太原市小店区工业和信息化局'
    """
    p = place or ""
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
    """Other names the same body goes by (晋中市委, 中共晋中市委, 市委 …)."""
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
    return out


def find_agencies(doc: Doc, idx: TokenIndex, places: list[Candidate]) -> list[Candidate]:
    """Agency candidates; ``places`` are the place candidates that may prefix them."""
    text = doc.text
    out: list[Candidate] = []
    anchors: list[tuple[int, int, str | None, str | None, str | None]] = []   # start, end, place, kind, city
    for p in places:
        kind = p.attrs.get("level")
        if kind in ("province", "city", "county", "town", "village"):
            city = p.attrs.get("parent") if kind == "county" else None
            anchors.append((p.start, p.end, p.label, kind, city))
        elif kind == "site" and zone_kinds().search(p.label):      # 运城经济技术开发区党工委, …管委会
            anchors.append((p.start, p.end, p.label, "zone", None))
    place_ends = {a[1] for a in anchors}
    for m in re.finditer("街道|社区|[省市州盟县区旗镇乡村]", text):
        s, e = m.start(), m.end()
        if e in place_ends or s in place_ends and text[s] != "市":
            continue
        if s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and s not in idx.start_set and text[s - 1] not in _PREV_OK:
            continue
        place, city = resolve_level(doc, places, m.group(0), s)
        anchors.append((s, e, place, _LEVEL_CHARS[m.group(0)], city))
    for s, e, place, kind, city in anchors:
        found = cores().match_at(text, e)
        if found:
            _, ce, core_surface, core = found
            if ce < len(text) and text[ce] in "员长" and core_surface.endswith(("委", "部")):
                continue       # 委员, 部长: a title, not a body
            if core_surface == "委" and text[ce:ce + 1] in ("书", "副", "常", "委") and kind == "village":
                continue
            start = s - 2 if text[max(0, s - 2):s] == "中共" else s
            label = canonical(place, kind, core, city) if place else text[start:ce]
            als = aliases(text[start:ce], place, core_surface, core) if place else {text[start:ce]}
            attrs = {"jurisdiction": place, "core": core}
            out.append(Candidate(start, ce, "Agency", label, als, attrs, "agency"))
            continue
        m = _suffix_re().match(text, e)
        if m and place and m.end() in idx.end_set and not re.search(r"[的在了和是对等以为把被将与及从向于首]", m.group(0)[:-1]) \
                and _ends_with_suffix_word(idx, m.end(), m.group(0)) \
                and not any(cores().match_at(text, k) and text[k - 1] in _LEVEL_CHARS for k in range(m.start() + 1, m.end())):
            start = s - 2 if text[max(0, s - 2):s] == "中共" else s
            core = m.group(0)
            label = canonical(place, kind, core, city)
            out.append(Candidate(start, m.end(), "Agency", label, {text[start:m.end()]},
                                 {"jurisdiction": place, "core": core}, "agency-suffix", weight=-1))
    if doc.home:          # a bureau named bare in a local paper (由商务局主办) is the home city's
        anchored = {a[1] for a in anchors}
        for s, e, surface, core in cores().finditer(text):
            if surface.endswith("局") and len(surface) >= 3 and s not in anchored \
                    and (s == 0 or text[s - 1] in _PREV_OK or not "\u4e00" <= text[s - 1] <= "\u9fff") \
                    and s in idx.start_set:
                label = canonical(doc.home, "city", core)
                out.append(Candidate(s, e, "Agency", label, {surface}, {"jurisdiction": doc.home, "core": core},
                                     "bare-bureau", weight=-1))
    place_by_end = {p.end: p for p in places if p.attrs.get("level") in ("province", "city", "county")}
    for m in _SESSION.finditer(text):       # 政协大同市第十届委员会, 大同市第十六届人民代表大会: the standing body
        p = place_by_end.get(m.start())
        if p is None:
            continue
        cppcc = next((w for w in ("中国人民政治协商会议", "政协") if text.startswith(w, p.start - len(w))), "")
        if m.group("core") == "委员会" and not cppcc:
            continue
        core = "政协" if cppcc else m.group("core")
        out.append(Candidate(p.start - len(cppcc), m.end(), "Agency", canonical(p.label, p.attrs.get("level"), core),
                             {text[p.start - len(cppcc):m.end()]}, {"jurisdiction": p.label, "core": core},
                             "agency-session", weight=1))
    for s, e, surface, (name, juris) in national().finditer(text):
        if surface.endswith("部") and text[e:e + 1] == "门":
            continue          # 人社部门: the departments of a kind, not the ministry
        out.append(Candidate(s, e, "Agency", name, {surface}, {"jurisdiction": juris, "core": name}, "national", weight=1))
    for m in re.finditer(r"海关", text):
        s0 = expand_left(doc, idx, m.start(), floor=max(0, m.start() - 6), max_chars=4, max_tokens=2)
        if m.start() - s0 >= 2:
            name = text[s0:m.end()]
            out.append(Candidate(s0, m.end(), "Agency", name, {name}, {"core": "海关"}, "customs"))
    out.extend(_shared_place(doc, out))
    for m in re.finditer(r"中国人民银行([\u4e00-\u9fff]{2,4}?)(?:市)?(?:中心)?(分行|支行)", text):
        out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), {m.group(0)},
                             {"jurisdiction": _division_name(doc, m.group(1)), "core": m.group(2)}, "central-bank", weight=1))
    return out


def _shared_place(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A bare core in a compound title takes the place of the body before it:
    某开发区党工委书记、管委会主任 → 某开发区管理委员会."""
    text = doc.text
    by_end = {c.end: c for c in found}
    out = []
    for s, e, surface, core in cores().finditer(text):
        if s < 2 or text[s - 1] != "、" or s in by_end or len(surface) < 2:
            continue
        m = roles().match_before(text, s - 1, 8)
        prev = next((by_end[k] for k in range(m[0], s - 1) if k in by_end and roles().get(text[k:s - 1])), None) if m else None
        place = prev.attrs.get("jurisdiction") if prev else None
        if place and roles().match_at(text, e):
            out.append(Candidate(s, e, "Agency", canonical(place, None, core), {surface},
                                 {"jurisdiction": place, "core": core}, "agency-shared"))
    return out


def _ends_with_suffix_word(idx: TokenIndex, end: int, name: str) -> bool:
    """The last word of a name must be its suffix (…管理局), not a verb that ends in one (签署)."""
    t = idx.ending_at(end)
    if t is None:
        return False
    w = idx.tokens[t][2]
    if w in words("agency_suffixes.txt"):
        return True
    tag = word_tags().get(w)
    if tag is not None and len(w) <= 2:
        return False          # 全部, 格局: an ordinary word that happens to end like a body
    return not (tag or "").startswith(("v", "a", "d")) or (tag or "").startswith("vn")


def _division_name(doc: Doc, name: str) -> str | None:
    d = divisions().get(name, doc.province, doc.home)
    return d.name if d else None


def resolve_level(doc: Doc, places: list[Candidate], level: str, pos: int) -> tuple[str | None, str | None]:
    """What a bare level word means here: 市 → home city, 省 → its province, 县 → the county of the story."""
    kind = _LEVEL_CHARS[level]
    if kind == "city":
        return doc.home, None
    if kind == "province":
        return doc.province, None
    story = next(((a, b) for a, b, _ in doc.stories if a <= pos < b), (0, len(doc.text)))
    best = None
    for p in places:
        if p.attrs.get("level") == kind and story[0] <= p.start < pos and (kind != "county" or p.label.endswith(level)):
            best = p
    if best is None:
        return None, None
    return best.label, best.attrs.get("parent") if kind == "county" else None


@rule("agency.all", stage="agency", produces=("Agency",), requires=("tokens", "Place"))
def _agencies(w) -> None:
    """Agency candidates (coarse, to be split)."""
    w.candidates.extend(find_agencies(w.doc, w.index, w.proposed("Place")))
