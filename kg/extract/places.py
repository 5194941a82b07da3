"""Places: divisions from the dataset, towns/villages/streets by suffix, countries, foreign cities, sites."""
from __future__ import annotations

import gettext
import re
from functools import cache

from ..model import Doc
from .registry import rule
from ..divisions import Division, divisions
from ..gazetteer import Gazetteer
from .lexicon import alternation, rows, table, word_set, words
from .names import TokenIndex
from .spans import Candidate
from .tokenize import is_common_word, word_freq, word_tags

# Below the county: the suffix says what it is.
_NATURE = re.compile(r"(?:山|川|河|湖|江|峡|岭|沟|湾)(?![区县市镇乡村])")   # not inside 河镇, 山区 …
_TOWN = re.compile(r"(?:街道|镇|乡)")
_VILLAGE = re.compile(r"(?:社区|村|居委会)")
_ROAD = r"快速路|高速公路|高速(?![发增度运化列动铁磁])|环路|[东西南北]大街|大街|大道|[东西南北中]路|[东西南北中]街|路|街"
_SITE = re.compile(r"(?:" + _ROAD + r"|桥|小区|公寓|石窟|纪念碑|广场|城市群|" + alternation(words("zone_kinds.txt")) + ")")
_NAME_STOP = set("的在了和与及等是为对到从向把被将于给以由其该本这那此各每全我你他她们也都就又还已并而但让使"
                 "着之有二三四五六七八九十两几多个外好再更最很省市县区乡镇村街路进驻入出来去回返至往赴共同近远号")
_GEO = set("山河江湖川峡岭峰沟谷岛湾海泉洞窟寺庙塔桥关口坝渠原林水池滩洲")
_FOOT = frozenset("山麓 山脚 河畔 湖畔 江畔 河边 湖边 江边".split())   # 吕梁|山麓: the suffix of a name, then its foot
# 中国创新创业大赛: a country opening the name of a contest or fair is part of that name
_EVENT_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:大赛|博览会|交易会|洽谈会|论坛|峰会|运动会)")
_CLAUSE_ENDS = frozenset("。！？；：，、\n")
_LEVEL_OF_KIND = {"镇": "town", "乡": "town", "街道": "town", "村": "village", "社区": "village", "居委会": "village"}


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


def _aligned(idx: TokenIndex, s: int, e: int) -> bool:
    """A name is not the inside of a longer known word (阳城 in 太阳城, 中国 in 中国式)."""
    for pos in (s, e - 1):
        t = idx.covering(pos)
        if t is None:
            continue
        ts, te, w = idx.tokens[t]
        if ts == e - 1 and te > e and w[0] in "省市县区州旗盟":
            continue          # 朝阳|区委书记, 海淀|区长: the level character begins a title, the name is whole
        if (ts < s or te > e) and word_tags().get(w) is not None:
            return False
    return True


def _division_ok(doc: Doc, surface: str, d: Division, s: int = 0, e: int = 0) -> bool:
    """Accept a division match? Short forms must not be ordinary words and, below city level, be local."""
    if surface == d.name and (d.level != "county" or len(d.name) >= 3 or d.province == doc.province):
        if d.name in ("城区", "郊区", "矿区") and doc.home and d.parent != doc.home:
            return False
        return True
    local = bool(doc.province) and d.province == doc.province
    if d.level == "county" and not local and (surface != d.name or len(d.name) < 3 and doc.text[max(0, s - 8):s].find(d.parent or "-") < 0):
        return False                  # 和县 far away only right after its city (马鞍山市和县)
    ordinary = is_common_word(surface) and word_tags().get(surface) != "ns" and word_freq(surface) >= 300
    if ordinary or d.level == "city" and not local:
        # a far-away city, or a short name that is also a word (大同), only where the text lists places
        text = doc.text
        nxt, prev = text[e:e + 1], text[s - 1:s] if s else ""
        return (not nxt or not "\u4e00" <= nxt <= "\u9fff" or nxt in "、等和与至到及") or prev in ("、", "和", "与", "及", "至", "到")
    return True


def pick_division(doc: Doc, cands: list[Division]) -> Division:
    """Among same-named divisions, the one nearest the home city."""
    for pick in (lambda d: d.parent == doc.home, lambda d: d.name == doc.home,
                 lambda d: d.province == doc.province, lambda d: d.level != "county"):
        found = [d for d in cands if pick(d)]
        if found:
            return found[0]
    return cands[0]


def division_attrs(d: Division) -> dict:
    return {"level": d.level, "adcode": d.code, "parent": d.parent}


def find_places(doc: Doc, idx: TokenIndex, matches: list) -> list[Candidate]:
    """Place candidates in ``doc.text``."""
    text = doc.text
    out: list[Candidate] = []
    stops = words("place_stop_phrases.txt")
    for s, e, surface, cands in matches:
        d = pick_division(doc, cands)
        if not _division_ok(doc, surface, d, s, e) or not _aligned(idx, s, e):
            continue
        if surface != d.name and _ROAD_SUFFIX.match(text, e):
            continue          # 长治路, 北京东路: a road named after a city, not the city
        out.append(Candidate(s, e, "Place", d.name, {surface}, division_attrs(d), "division"))
    for s, e, surface, (kind, country) in named_places().finditer(text):
        if not _aligned(idx, s, e) or any(text.startswith(p, s) for p in stops) or kind == "country" and _EVENT_NAME.match(text, e):
            continue
        label = country if kind == "country" and country else surface
        attrs = {"level": kind}
        if kind == "city":
            attrs["parent"] = country
        if kind == "region":
            attrs["level"] = "site"
        out.append(Candidate(s, e, "Place", label, {surface}, attrs, "region" if kind == "region" else "foreign"))
    barriers = [(c.start, c.end) for c in out if c.attrs.get("level") in ("city", "county", "province")]
    towns = _suffix_places(doc, idx, _TOWN, "town", barriers, 4)
    out.extend(towns)
    barriers += [(c.start, c.end) for c in towns]
    out.extend(_suffix_places(doc, idx, _VILLAGE, "village", barriers, 4))
    out.extend(_suffix_places(doc, idx, _SITE, "site", barriers, 6))
    out.extend(_suffix_places(doc, idx, _NATURE, "nature", barriers, 3))
    out.extend(_dictionary_places(doc, idx))
    for m in re.finditer(r"我市|本市|我省|本省", text):
        place = doc.home if m.group(0)[1] == "市" else doc.province
        if place:   # deictic words stand for the home city or province, and are never its aliases
            out.append(Candidate(m.start(), m.end(), "Place", place, set(), {"_deictic": True}, "deictic"))
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]{1,60}》", text)]
    if titles:            # 《中华人民共和国关税法》: a place in the title of a law or a book names no place
        out = [c for c in out if not any(a < c.start and c.end < b for a, b in titles)]
    return out


def _suffix_places(doc: Doc, idx: TokenIndex, pattern: re.Pattern, rule: str,
                   barriers: list[tuple[int, int]], max_name: int) -> list[Candidate]:
    """Names made of a few characters and a place suffix (静升镇, 马厰村, 经北街).

    The name is the longest run of characters before the suffix that begins
    at a clear left boundary (punctuation, a function word, another place).
    """
    text = doc.text
    ends = {e for _, e in barriers}
    inside = {i for b, e in barriers for i in range(b + 1, e)}
    starts = {b for b, _ in barriers}
    leads = word_set("place_lead_words.txt")
    out = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        if is_common_word(text[s:s + 2]) and not word_tags().get(text[s:s + 2], "").startswith(("ns", "nz")) \
                and len(m.group(0)) == 1 and e not in idx.end_set and text[s:s + 2] not in _FOOT:
            continue          # 乡 of 美丽乡村, 村 of 村民: the suffix begins an ordinary word
        if e not in idx.end_set and e < len(text) and "\u4e00" <= text[e] <= "\u9fff":
            t = idx.covering(e - 1)
            if (t is None or word_tags().get(idx.tokens[t][2]) is not None) and not _name_word_ends_at(idx, s) \
                    and idx.tokens[t][2] not in _FOOT:
                continue      # the suffix is the start of a longer known word (乡村, 路线)
        road = rule == "site" and _ROAD_SUFFIX.fullmatch(m.group(0)) is not None
        t = idx.covering(s)
        if t is not None and idx.tokens[t][0] < s and idx.tokens[t][1] == e:
            w = idx.tokens[t][2]
            if is_common_word(w) and (not word_tags().get(w, "").startswith(("ns", "nz", "nr")) or word_freq(w) >= 300) \
                    and not (road and _road_name_word(w)):
                continue      # the suffix is the end of an ordinary word (公路, 乡村, 城中村, 上山), not a road (机场路)
        for k in range(min(max_name, s), 0, -1):
            j = s - k
            name = text[j:s]
            if any(ch in _NAME_STOP or not "\u4e00" <= ch <= "\u9fff" for ch in name) or _verb_first(idx, j) \
                    or j in inside or _in_lead(text, j, leads) or _adjective_first(idx, j, s):
                continue
            after_lead = text[max(0, j - 2):j] in leads or text[max(0, j - 3):j] in leads     # 东至|鸣谦大街
            if (left_boundary(doc, idx, j, ends) or after_lead or road and _noun_token(idx, j, s)
                    or j in starts and rule == "site") \
                    and (j in ends or inner_words_ok(idx, j, s)):
                break
        else:
            continue
        full = text[j:e]
        if full in word_set("generic_places.txt") or rule == "nature" and divisions().lookup(full) \
                or road and full in word_set("road_words.txt"):
            continue          # 老旧小区, 行政村: a kind of place; 佛山, 黄山: a division's name, not a mountain
        if road and (_road_name_word(full) or _noun_token(idx, j, s)):
            pass              # 人民路, 机场东路: an ordinary noun names a road
        elif is_common_word(full) and not word_tags().get(full, "").startswith("ns") or generic_word(name):
            continue
        attrs = {"level": _LEVEL_OF_KIND.get(m.group(0), "site")}
        out.append(Candidate(j, e, "Place", full, {full}, attrs, rule, weight=-1))
    return out


_ROAD_SUFFIX = re.compile(_ROAD)


def _road_name_word(w: str) -> bool:
    """A rare dictionary noun ending in a road suffix names one road (机场路), unlike 主干路 or 公路."""
    tag, freq = word_tags().get(w, ""), word_freq(w)
    return len(w) >= 3 and tag.startswith("n") and (freq < 50 or tag in ("nz", "nt", "ns") and freq < 2000) \
        and not any(w.endswith(r) for r in words("road_words.txt") if len(r) >= 2)


def _noun_token(idx: TokenIndex, j: int, s: int) -> bool:
    """``[j, s)`` is exactly one noun token (人民 of 人民路, 机场 of 机场东路)."""
    t = idx.covering(j)
    if t is None or idx.tokens[t][0] != j or idx.tokens[t][1] != s:
        return False
    return word_tags().get(idx.tokens[t][2], "").startswith(("n", "ns", "nz")) and idx.tokens[t][2] not in word_set("road_words.txt")


def _dictionary_places(doc: Doc, idx: TokenIndex) -> list[Candidate]:
    """Words jieba's dictionary knows as place names (太行山, 黄河, 云冈石窟) that are no division."""
    out = []
    for s, e, w in idx.tokens:
        if len(w) >= 3 and w[-1] in "麓畔" and word_tags().get(w[:-1]) == "ns":
            w, e = w[:-1], e - 1          # 太行山麓, 汾河畔: the foot or bank of a named place
        if len(w) >= 2 and word_tags().get(w) == "ns" and w[-1] in _GEO and not divisions().lookup(w) \
                and named_places().get(w) is None and (word_freq(w) < 1000 or len(w) == 2) and not (len(w) == 2 and w[0] in "上下高大小古老新深"):
            out.append(Candidate(s, e, "Place", w, {w}, {"level": "site"}, "dictionary", weight=-1))
    return out


def _name_word_ends_at(idx: TokenIndex, s: int) -> bool:
    """A place-like word (风陵渡) ends right before the suffix."""
    t = idx.ending_at(s)
    if t is None:
        return False
    w = idx.tokens[t][2]
    tag = word_tags().get(w)
    return len(w) >= 2 and (tag is None or tag.startswith(("ns", "nz", "nr", "j")))


def _in_lead(text: str, j: int, leads: frozenset[str]) -> bool:
    """Position ``j`` begins or sits inside a lead word (紧邻|马练营路, 下|穿|机场路)."""
    return any(text[i:i + n] in leads for n in (2, 3) for i in range(max(0, j - n + 1), j + 1))


def _adjective_first(idx: TokenIndex, j: int, s: int) -> bool:
    """A name does not begin with a frequent adjective or adverb (优秀专职社区)."""
    t = idx.covering(j)
    if t is None or idx.tokens[t][0] != j or idx.tokens[t][1] >= s:
        return False
    w = idx.tokens[t][2]
    return len(w) >= 2 and word_tags().get(w, "").startswith(("a", "d")) and word_freq(w) >= 1000


def _verb_first(idx: TokenIndex, j: int) -> bool:
    """A name does not begin with a one-character verb or preposition (跨太榆路, 像云冈石窟)."""
    t = idx.covering(j)
    if t is None or idx.tokens[t][0] != j:
        return False
    w = idx.tokens[t][2]
    tag = word_tags().get(w) or ""
    if len(w) == 1:
        if tag.startswith("q") and (t == 0 or idx.tokens[t - 1][2] in _CLAUSE_ENDS):
            return False      # no classifier opens a clause: 。道|坪|村 is a name
        return tag.startswith(("v", "p", "c", "q", "m")) or w == "沿"       # 沿|人民路
    return tag.startswith(("v", "p", "c", "d")) and not tag.startswith("vn") and word_freq(w) >= 50   # 紧邻|马练营路


def generic_word(w: str) -> bool:
    """A frequent ordinary word (重点, 优秀) that is a description, not a name."""
    return is_common_word(w) and word_tags().get(w, "")[:2] not in ("ns", "nz", "nr", "j") and word_freq(w) >= 4000


_FUNCTION_TAGS = ("p", "c", "u", "v", "d", "r", "f", "q", "m", "y", "e", "o", "t", "a")


def inner_words_ok(idx: TokenIndex, j: int, s: int) -> bool:
    """No verb, preposition, number or pronoun inside a name, and ``j`` does not split a known word."""
    t = idx.covering(j)
    if t is not None and idx.tokens[t][0] < j and word_tags().get(idx.tokens[t][2]) is not None:
        return False
    for a, b, w in idx.tokens[t:] if t is not None else ():
        if a >= s:
            break
        if w == "沿" and a > j:
            return False          # 车队沿|人民路: along, not a name's character
        if b <= s and a >= j and len(w) >= 2:
            tag = word_tags().get(w)
            if tag and tag.startswith(_FUNCTION_TAGS + ("vn",)) and not tag.startswith(("a", "f")) and word_freq(w) >= 50:
                return False      # a rare word (解愁) is more likely part of a name than a verb
    return True


def left_boundary(doc: Doc, idx: TokenIndex, j: int, ends: set[int]) -> bool:
    """Can a name start at ``j``? (sentence start, punctuation, a place before it, a function word)."""
    if j == 0 or j in ends:
        return True
    prev = doc.text[j - 1]
    if not ("\u4e00" <= prev <= "\u9fff"):
        return True
    t = idx.ending_at(j)
    if t is None:
        return False
    w = idx.tokens[t][2]
    tag = word_tags().get(w)
    return tag is not None and tag.startswith(_FUNCTION_TAGS) and not tag.startswith("vn")


@rule("place.all", stage="place", produces=("Place",), requires=("tokens", "division_matches"))
def _places(w) -> None:
    """Place candidates (coarse, to be split)."""
    w.candidates.extend(find_places(w.doc, w.index, w.division_matches))
