"""Place rules: divisions from the dataset, countries and foreign cities, named regions, towns, villages,
sites and natural features by suffix, dictionary place names, 我市/本省, and the filter for book titles.

The rules run in the order of their ``def``s; the suffix rules start names after the places found before
them (``place_names.py`` holds their grammar).
"""
from __future__ import annotations

import gettext
import re
from functools import cache
from typing import TYPE_CHECKING

from ..divisions import Division, divisions
from ..gazetteer import Gazetteer
from ..model import Doc
from .context import former_names, seat
from .lexicon import rows, table, words
from .names import TokenIndex
from .registry import rule
from .spans import Candidate
from .place_names import NATURE, ROAD_SUFFIX, SITE, TOWN, VILLAGE, Barriers, suffix_places
from .tokenize import is_common_word, word_freq, word_tags

if TYPE_CHECKING:
    from .state import Work

__all__ = ["named_places", "pick_division", "division_attrs"]

_GEO = set("山河江湖川峡岭峰沟谷岛湾海泉洞窟寺庙塔桥关口坝渠原林水池滩洲")
# 中国创新创业大赛: a country opening the name of a contest or fair is part of that name
_EVENT_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:大赛|博览会|交易会|洽谈会|论坛|峰会|运动会)")
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,60}》")
_DEICTIC = re.compile(r"[我本](?:省|市|县|区|州|盟|旗)(?![长委域份场])")
# A name found by its suffix starts after (never inside) a division, a foreign city or a town found before it.
_BARRIER_LEVELS = ("province", "city", "county", "town")


@cache
def named_places() -> Gazetteer[tuple[str, str | None]]:
    """Countries (pycountry's Chinese names), major foreign cities and China's named regions → (kind, country)."""
    import pycountry
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    g: Gazetteer[tuple[str, str | None]] = Gazetteer()
    for c in pycountry.countries:
        name = zh.gettext(c.name)
        if name != c.name and not name.startswith("中国"):
            g.add(name, ("country", None))
    for alias, name in table("country_aliases.tsv").items():
        g.add(alias, ("country", name))
    for city, country in rows("world_cities.tsv"):
        g.add(city, ("city", country))
    for region in words("regions.txt"):
        g.add(region, ("region", "中国"))
    g.add("中国", ("country", None))
    g.add("中华人民共和国", ("country", "中国"))
    return g


def place_word(word: str) -> bool:
    """Is ``word`` a division or a named place (a country, a world city, a region)?

    >>> place_word("株洲市"), place_word("越南"), place_word("地产")
    (True, True, False)
    """
    return bool(divisions().lookup(word)) or word in named_places()


def _aligned(idx: TokenIndex, s: int, e: int) -> bool:
    """A name is not the inside of a longer known word (阳城 in 太阳城, 中国 in 中国式)."""
    for pos in (s, e - 1):
        t = idx.covering(pos)
        if t is None:
            continue
        ts, te, w = idx.tokens[t]
        if ts == e - 1 and te > e and w[0] in "省市县区州旗盟":
            continue          # 朝阳|区委书记, 海淀|区长: the level character begins a title, the name is whole
        if ts in (s, s - 2) and te > e and w[:s - ts] in ("", "中共") and _body_core(w[e - ts:]):
            continue          # 福建省委, 中共福建省委 as one word: the place and its body's core
        if _division_pair(w, s - ts, e - ts) or ts == s and te == e + 1 and w[-1] == "人" and divisions().lookup(w[:-1]):
            continue          # 江西南昌, 山西太原 as one word: two divisions side by side; 南昌人: a native of it
        if (ts < s or te > e) and word_tags().get(w) is not None:
            return False
    return True


def _division_pair(word: str, a: int, b: int) -> bool:
    """Is ``word`` two division names side by side, one of them ``word[a:b]`` (江西|南昌)?

    >>> _division_pair("江西南昌", 2, 4), _division_pair("太阳城", 1, 3)
    (True, False)
    """
    if (a == 0) == (b == len(word)):
        return False
    rest = word[b:] if a == 0 else word[:a]
    return len(rest) >= 2 and bool(divisions().lookup(rest)) and bool(divisions().lookup(word[a:b]))


def _body_core(rest: str) -> bool:
    """``rest`` is an agency core (委, 政府, 财政局 …)."""
    from .agency_names import cores
    return rest in cores()


def _division_ok(doc: Doc, surface: str, d: Division, s: int = 0, e: int = 0) -> bool:
    """Accept a division match? Short forms must not be ordinary words and, below city level, be local."""
    if surface == d.name and (d.level != "county" or len(d.name) >= 3 or d.province == doc.province):
        return not (d.name in ("城区", "郊区", "矿区") and doc.locale and d.parent != doc.locale)
    local = bool(doc.province) and d.province == doc.province
    if d.level == "county" and not local and (surface != d.name or len(d.name) < 3 and doc.text[max(0, s - 8):s].find(d.parent or "-") < 0):
        return False                  # 和县 far away only right after its city (马鞍山市和县)
    ordinary = is_common_word(surface) and word_tags().get(surface) != "ns" and word_freq(surface) >= 300
    if ordinary or d.level == "city" and not local:     # listed (a word among places: not 大同、规划落实) or after its province
        return _listed(doc.text, s, e) and (not ordinary or _beside_place(doc.text, s, e)) \
            or not ordinary and _after_parent(doc.text, s, d)
    return True


def _beside_place(text: str, s: int, e: int) -> bool:
    """Unless a list joins ``text[s:e]`` to its neighbour (、和与及), true; else: is the neighbour a division?

    >>> _beside_place("大同、太原", 0, 2), _beside_place("大同、规划落实", 0, 2), _beside_place("到大同。", 1, 3)
    (True, False, True)
    """
    nxt, prev = text[e:e + 1], text[s - 1:s] if s else ""
    after, before = bool(nxt) and nxt in "、和与及", bool(prev) and prev in "、和与及"
    if not after and not before:
        return True
    gaz = divisions().gazetteer
    return after and gaz.match_at(text, e + 1) is not None or before and gaz.match_before(text, s - 1, 8) is not None


def _after_parent(text: str, s: int, d: Division) -> bool:
    """Is the division at ``s`` written right after its parent's name, full or short (江西|南昌, 江西省|南昌市)?"""
    parent = divisions().lookup(d.parent or "-")
    return any(text.endswith(p.name, 0, s) or len(p.short) >= 2 and text.endswith(p.short, 0, s) for p in parent)


def _listed(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` stands where the text lists places: before punctuation or 、等和与至, or after 、和与及至到."""
    nxt, prev = text[e:e + 1], text[s - 1:s] if s else ""
    opens = nxt in "《“‘（(【"             # 海东《纲要》: a name before a title or a quote qualifies it
    return (not nxt or not "\u4e00" <= nxt <= "\u9fff" and not opens or nxt in "、等和与至到及") \
        or prev in ("、", "和", "与", "及", "至", "到")


def pick_division(doc: Doc, cands: list[Division]) -> Division:
    """Among same-named divisions, the one nearest the home city. A short form shared by a city and its
    namesake county is the city's: the county is written in full (邵阳 → 邵阳市, never 邵阳县)."""
    names = {d.name for d in cands}
    cands = [d for d in cands if not (d.level == "county" and d.parent in names)] or cands
    for pick in (lambda d: d.parent == doc.locale, lambda d: d.name == doc.locale,
                 lambda d: d.province == doc.province, lambda d: d.level != "county"):
        found = [d for d in cands if pick(d)]
        if found:
            return found[0]
    return cands[0]


def division_attrs(d: Division) -> dict:
    """The attributes of a division's place candidate (level, adcode, parent)."""
    return {"level": d.level, "adcode": d.code, "parent": d.parent}


def _named_matches(w: Work) -> list[tuple[int, int, str, tuple[str, str | None]]]:
    """Countries, foreign cities and regions named in the text (one scan for the two rules that read it)."""
    if w.named_place_matches is None:
        w.named_place_matches = list(named_places().finditer(w.text))
    return w.named_place_matches


def _named_ok(w: Work, s: int, e: int, kind: str) -> bool:
    """A named place stands alone: not inside a word, a stop phrase, or (a country) a contest's name."""
    text = w.text
    return _aligned(w.index, s, e) and not any(text.startswith(p, s) for p in words("place_stop_phrases.txt")) \
        and not (kind == "country" and _EVENT_NAME.match(text, e))


def _suffix_rule(w: Work, pattern: re.Pattern, kind: str, max_name: int) -> list[Candidate]:
    """Propose the names ``pattern``'s suffixes end, starting after the places found so far."""
    barriers = Barriers.of([c for c in w.proposed("Place") if c.attrs.get("level") in _BARRIER_LEVELS])
    return [w.propose(c) for c in suffix_places(w.doc, w.index, pattern, kind, barriers, max_name)]


@rule("place.division", stage="place", produces=("Place",), requires=("tokens", "home", "division_matches"))
def division(w: Work) -> None:
    """Administrative divisions of the dataset, full or short (东山县; 东山 → 东山县), nearest the home city."""
    doc, text = w.doc, w.text
    parents_at = {s: {d.parent for d in cands} for s, _, _, cands in w.division_matches or ()}
    for s, e, surface, cands in w.division_matches or ():
        above = [d for d in cands if d.name in parents_at.get(e, ())]      # 江西|南昌: the province of the city after it
        d = above[0] if above else pick_division(doc, cands)
        if not _division_ok(doc, surface, d, s, e) or not _aligned(w.index, s, e):
            continue
        if surface != d.name and ROAD_SUFFIX.match(text, e):
            continue          # 长治路, 北京东路: a road named after a city, not the city
        w.propose(Candidate(s, e, "Place", d.name, {surface}, division_attrs(d)))


@rule("place.former-division", stage="place", produces=("Place",), requires=("tokens", "division_matches"))
def former_division(w: Work) -> None:
    """A division by a former name is the place as named at the article's date (襄樊市 in 2005, else 襄阳市).

    The candidate keeps today's name and the year of the change (萧山市 → 萧山区, 2001) in ``renamed``."""
    doc, year = w.doc, int(w.doc.date[:4]) if w.doc.date else None
    taken = {(s, e) for s, e, _, _ in w.division_matches or ()}
    for s, e, surface, renamed in former_names().finditer(w.text):
        r = next((r for r in renamed if r.province == doc.province), renamed[0])
        d = divisions().get(r.now, r.province)
        if d is None or (s, e) in taken or not _aligned(w.index, s, e):
            continue
        then = r.year is not None and year is not None and year < r.year
        label = surface if then else d.name
        attrs = {**division_attrs(d), "renamed": {"old": surface, "now": d.name, "year": r.year}}
        w.propose(Candidate(s, e, "Place", label, {surface, d.name}, attrs, weight=1))


@rule("place.foreign", stage="place", produces=("Place",), requires=("tokens",))
def foreign(w: Work) -> None:
    """Countries and major foreign cities (德国, 美国; 东京, a city of 日本)."""
    for s, e, surface, (kind, country) in _named_matches(w):
        if kind == "region" or not _named_ok(w, s, e, kind):
            continue
        label = country if kind == "country" and country else surface
        attrs = {"level": kind, "parent": country} if kind == "city" else {"level": kind}
        w.propose(Candidate(s, e, "Place", label, {surface}, attrs))


@rule("place.region", stage="place", produces=("Place",), requires=("tokens",))
def region(w: Work) -> None:
    """China's named regions that are no division (长三角, 京津冀, 雄安新区)."""
    for s, e, surface, (kind, _) in _named_matches(w):
        if kind == "region" and _named_ok(w, s, e, kind):
            w.propose(Candidate(s, e, "Place", surface, {surface}, {"level": "site"}))


@rule("place.town", stage="place", produces=("Place",), requires=("tokens",))
def town(w: Work) -> None:
    """Towns, townships and subdistricts by their suffix (东山县|青石镇, 白水乡, 城关街道)."""
    _suffix_rule(w, TOWN, "town", 4)


@rule("place.village", stage="place", produces=("Place",), requires=("tokens",))
def village(w: Work) -> None:
    """Villages and communities by their suffix (青石镇|马家村, 东关社区)."""
    _suffix_rule(w, VILLAGE, "village", 4)


@rule("place.site", stage="place", produces=("Place",), requires=("tokens",))
def site(w: Work) -> None:
    """Roads, bridges, estates, squares and zones by their suffix (人民路, 东山大桥, 东山经济开发区)."""
    _suffix_rule(w, SITE, "site", 6)


_NUMBERED_ROAD = re.compile(r"(?<![0-9A-Za-z])(?:[GSXY]?[0-9]{1,4})(?:国道|省道|县道|乡道|高速公路|高速)")


@rule("place.numbered-road", stage="place", produces=("Place",))
def numbered_road(w: Work) -> None:
    """Roads named by their number, with its letter (208国道, G5高速, S20省道)."""
    for m in _NUMBERED_ROAD.finditer(w.text):
        w.propose(Candidate(m.start(), m.end(), "Place", m.group(), {m.group()}, {"level": "site"}))


@rule("place.nature", stage="place", produces=("Place",), requires=("tokens",))
def nature(w: Work) -> None:
    """Mountains, rivers and lakes by their suffix, no division's name (青龙山, 白水河; not 佛山)."""
    _suffix_rule(w, NATURE, "nature", 3)


_SUFFIX_RULES = ("place.town", "place.village", "place.site", "place.nature", "place.region")


@rule("place.article-form", stage="place", produces=("Place",), requires=("tokens",))
def article_form(w: Work) -> None:
    """A place's name is the form the article gives it (划走|青石镇 beside other 青石镇s; 五|龙潭水库 after 五龙潭水库).

    A verb before a town the article names elsewhere is cut; a shorter form after the longer one is the longer
    one; 兰白新区 after 甘肃兰白新区 is that place, the province's name dropped."""
    text = w.text
    cands = [c for c in w.candidates if c.type == "Place" and c.rule in _SUFFIX_RULES and c.label == text[c.start:c.end]]
    at: dict[str, list[Candidate]] = {}
    for c in cands:
        at.setdefault(c.label, []).append(c)
    for label in sorted(at, key=len, reverse=True):
        for short in [x for x in at if 3 <= len(x) < len(label) and label.endswith(x) and label in at]:
            _one_place(w, at, label, short)
    for c in cands:        # 五|龙潭水库 → 五龙潭水库: the longer name the article gives what ends here
        longer = [x for x in at if len(x) > len(c.label) and x.endswith(c.label) and text.endswith(x, 0, c.end)]
        if longer and c.label == text[c.start:c.end]:
            c.start, c.label, c.aliases = c.end - len(longer[0]), longer[0], {longer[0]}


def _one_place(w: Work, at: dict[str, list[Candidate]], label: str, short: str) -> None:
    """``short`` and ``label`` (= lead + short) name one place: the short form is an alias of the long one when the
    lead is a province or city; the long one is cut to the short form when the lead is no name's and the short
    form stands after other words elsewhere."""
    lead = label[: len(label) - len(short)]
    if any(d.level in ("province", "city") for d in divisions().lookup(lead)):
        for c in at[short]:                                # 兰白新区 → 甘肃兰白新区
            c.label, c.aliases = label, c.aliases | {short}
    elif _loose_lead(lead) and len({w.text[max(0, c.start - 2):c.start] for c in at[short]}) >= 2:
        for c in at.pop(label):                            # 划走|青石镇 → 青石镇
            c.start, c.label, c.aliases = c.start + len(lead), short, {short}


def _loose_lead(lead: str) -> bool:
    """Are the characters before a name no part of one (a verb, a common noun, not a place or a proper word)?"""
    tag = word_tags().get(lead)
    return not divisions().lookup(lead) and (tag is None and len(lead) <= 2 or tag is not None
                                             and not tag.startswith(("ns", "nr", "nz", "nt", "j")))


@rule("place.repeat", stage="place", produces=("Place",), requires=("tokens",))
def repeat(w: Work) -> None:
    """A town or village named by its suffix is that place wherever it is written again (青石|镇西|坡村 → 西坡村).

    jieba may cut the same name differently elsewhere, where the suffix rules cannot see it."""
    from .spans import occurrences
    text = w.text
    named = {c.label: c for c in w.candidates if c.type == "Place" and c.rule in ("place.town", "place.village")
             and c.label == text[c.start:c.end] and len(c.label) >= 3}
    have = {(c.start, c.end) for c in w.candidates if c.type == "Place"}
    for label in sorted(named):
        c = named[label]
        for s, e in occurrences(text, label):
            if (s, e) not in have:
                w.propose(Candidate(s, e, "Place", label, {label}, {"level": c.attrs.get("level")}, weight=c.weight))


@rule("place.dictionary", stage="place", produces=("Place",), requires=("tokens",))
def dictionary(w: Work) -> None:
    """Words jieba's dictionary tags as place names that are no division (长白山, 黄河; 鄱阳湖畔 → 鄱阳湖)."""
    tags = word_tags()
    for s, e, word in w.tokens:
        if len(word) >= 3 and word[-1] in "麓畔" and tags.get(word[:-1]) == "ns":
            word, e = word[:-1], e - 1          # 鄱阳湖畔, 松花江畔: the foot or bank of a named place
        if len(word) >= 2 and tags.get(word) == "ns" and word[-1] in _GEO and not divisions().lookup(word) \
                and named_places().get(word) is None and (word_freq(word) < 1000 or len(word) == 2) \
                and not (len(word) == 2 and word[0] in "上下前后高大小古老新深"):
            w.propose(Candidate(s, e, "Place", word, {word}, {"level": "site"}, weight=-1))


@rule("place.deictic", stage="place", produces=("Place",), requires=("home",))
def deictic(w: Work) -> None:
    """我市, 我县, 本区 … stand for the place of the home's chain at that level (never their aliases)."""
    doc = w.doc
    for m in _DEICTIC.finditer(w.text):
        place = seat(doc, m.group(0)[1])
        if place:
            w.propose(Candidate(m.start(), m.end(), "Place", place, set(), {"_deictic": True}))


@rule("place.not-in-book-title", stage="place")
def not_in_book_title(w: Work) -> None:
    """Filter (runs after the place rules): a place inside a 《title》 names no place (《东山县志》, 《甲国关税法》)."""
    titles = [(m.start(), m.end()) for m in _BOOK_TITLE.finditer(w.text)]
    if titles:
        w.candidates = [c for c in w.candidates
                        if c.type != "Place" or not any(a < c.start and c.end < b for a, b in titles)]
