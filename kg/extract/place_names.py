"""Place names made of a few characters and a suffix (柳溪镇, 石桥村, 青年大街, 云台山): where such a name begins.

The suffix rules of ``places.py`` (``place.town``, ``place.village``, ``place.site``, ``place.nature``) share
this grammar: the suffix must not be part of an ordinary word, and the name is the longest run of characters
before the suffix that begins at a clear left boundary (punctuation, a function word, another place).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..divisions import divisions
from ..model import Doc
from .lexicon import alternation, table, word_set, words
from .names import TokenIndex
from .spans import Candidate
from .tokenize import is_common_word, word_freq, word_tags

# The suffixes: what the last characters say a place is.
NATURE = re.compile(r"(?:山|川|河|湖|江|峡|岭|沟|湾)(?![区县市镇乡村])")   # not inside 河镇, 山区 …
TOWN = re.compile(r"(?:街道|镇|乡)")
VILLAGE = re.compile(r"(?:社区|村|居委会)")
_ROAD = r"快速路|高速公路|一级公路|公路|高速(?![发增度运化列动铁磁])|环路|[东西南北]大街|大街|大道|[东西南北中]路|[东西南北中]街|路|街"
ROAD_SUFFIX = re.compile(_ROAD)
SITE = re.compile(r"(?:" + _ROAD + r"|火车站|高铁站|地铁站|汽车站|客运站|机场|码头|水库|风景区|景区|商业圈|商圈"
                  r"|桥|小区|公寓|石窟|纪念碑|广场|城市群|" + alternation(words("zone_kinds.txt")) + ")")

# Characters no name holds (function words, numbers, level characters, motion verbs).
_NAME_STOP = set("的在了和与及等是为对到从向把被将于给以由其该本这那此各每全我你他她们也都就又还已并而但让使"
                 "着之有二三四五六七八九十两几多个外好再更最很省市县区乡镇村街路进驻入出来去回返至往赴共同近远号")
_CLAUSE_ENDS = frozenset("。！？；：，、\n")
_FUNCTION_TAGS = ("p", "c", "u", "v", "d", "r", "f", "q", "m", "y", "e", "o", "t", "a")


@dataclass(frozen=True)
class Barriers:
    """Places already found that a new name may start right after (or at) but never inside."""
    ends: frozenset[int]
    starts: frozenset[int]
    inside: frozenset[int]

    @classmethod
    def of(cls, places: list[Candidate]) -> Barriers:
        """The barriers the spans of ``places`` make."""
        return cls(frozenset(c.end for c in places), frozenset(c.start for c in places),
                   frozenset(i for c in places for i in range(c.start + 1, c.end)))


def suffix_places(doc: Doc, idx: TokenIndex, pattern: re.Pattern, kind: str,
                  barriers: Barriers, max_name: int) -> list[Candidate]:
    """Names of at most ``max_name`` characters before a suffix of ``pattern`` (柳溪镇, 石桥村, 南关街).

    ``kind`` is ``town``, ``village``, ``site`` or ``nature``; the candidates carry no rule yet.
    """
    text = doc.text
    out = []
    for m in pattern.finditer(text):
        s, e = m.start(), m.end()
        road = kind == "site" and ROAD_SUFFIX.fullmatch(m.group(0)) is not None
        if _suffix_in_word(text, idx, s, e, road):
            continue
        j = _name_start(doc, idx, s, max_name, barriers, road, kind == "site")
        if j is None or _not_a_name(idx, text[j:s], text[j:e], j, s, kind, road):
            continue
        attrs = {"level": table("level_words.tsv").get(m.group(0), "site")}
        k = _inner_road(text, j, s) if road else None
        if k is not None:                              # 人民大道|青石路: two roads, each its own place
            if not any(c.start == j and c.end == k for c in out):
                out.append(Candidate(j, k, "Place", text[j:k], {text[j:k]}, dict(attrs), weight=-1))
            j = k
        out.append(Candidate(j, e, "Place", text[j:e], {text[j:e]}, attrs, weight=-1))
    return out


def _inner_road(text: str, j: int, s: int) -> int | None:
    """Where a road's name ends inside the name of the road after it (人民大道|青石路), or None.

    >>> _inner_road("人民大道青石路", 0, 6)
    4
    """
    for k in range(s - 2, j + 2, -1):
        m = ROAD_SUFFIX.search(text, j, k)
        if m is not None and m.end() == k and m.start() - j >= 2 and len(m.group(0)) >= 2:
            return k
    return None


def _suffix_in_word(text: str, idx: TokenIndex, s: int, e: int, road: bool) -> bool:
    """The suffix ``[s, e)`` is part of an ordinary word (乡 of 美丽乡村, 村 of 村民, 路 of 公路, 路线)."""
    return _suffix_begins_word(text, idx, s, e) or _suffix_starts_longer_word(text, idx, s, e) \
        or _suffix_ends_word(idx, s, e, road)


def _suffix_begins_word(text: str, idx: TokenIndex, s: int, e: int) -> bool:
    """A one-character suffix begins an ordinary word (乡 of 美丽乡村, 村 of 村民), not a foot (山麓)."""
    pair = text[s:s + 2]
    return is_common_word(pair) and not word_tags().get(pair, "").startswith(("ns", "nz")) \
        and e - s == 1 and e not in idx.end_set and pair not in word_set("place_foot_words.txt")


def _suffix_starts_longer_word(text: str, idx: TokenIndex, s: int, e: int) -> bool:
    """The suffix is the start of a longer known word (乡村, 路线) and no place-like word ends before it."""
    if e in idx.end_set or e >= len(text) or not "\u4e00" <= text[e] <= "\u9fff":
        return False
    t = idx.covering(e - 1)
    return (t is None or word_tags().get(idx.tokens[t][2]) is not None) and not _name_word_ends_at(idx, s) \
        and idx.tokens[t][2] not in word_set("place_foot_words.txt")


def _suffix_ends_word(idx: TokenIndex, s: int, e: int, road: bool) -> bool:
    """The suffix is the end of an ordinary word (公路, 城中村, 上山), not of a road's name (光华路)."""
    t = idx.covering(s)
    if t is None or idx.tokens[t][0] >= s or idx.tokens[t][1] != e:
        return False
    w = idx.tokens[t][2]
    return is_common_word(w) and (not word_tags().get(w, "").startswith(("ns", "nz", "nr")) or word_freq(w) >= 300) \
        and not (road and _road_name_word(w))


def _name_start(doc: Doc, idx: TokenIndex, s: int, max_name: int, barriers: Barriers,
                road: bool, site: bool) -> int | None:
    """Where the name before the suffix at ``s`` begins: the longest run that starts at a clear boundary.

    A road's name may be one noun (人民|路); a site's may start where another place starts.
    """
    text = doc.text
    leads = word_set("place_lead_words.txt")
    for k in range(min(max_name, s), 0, -1):
        j = s - k
        if _bad_first(text, idx, j, s, barriers, leads):
            continue
        after_lead = text[max(0, j - 2):j] in leads or text[max(0, j - 3):j] in leads     # 东至|文昌大街
        if (left_boundary(doc, idx, j, barriers.ends) or after_lead or road and _noun_token(idx, j, s)
                or j in barriers.starts and site) \
                and (j in barriers.ends or inner_words_ok(idx, j, s)):
            return j
    return None


def _bad_first(text: str, idx: TokenIndex, j: int, s: int, barriers: Barriers, leads: frozenset[str]) -> bool:
    """``text[j:s]`` cannot be a name: a stop character, a verb or adjective first, inside a place or lead word."""
    first = j + 1 if _numeral_led(text, idx, j, s) else j
    return any(ch in _NAME_STOP or not "\u4e00" <= ch <= "\u9fff" for ch in text[first:s]) or _verb_first(idx, j) \
        or j in barriers.inside or _in_lead(text, j, leads) or _adjective_first(idx, j, s)


_NUMERALS = "一二三四五六七八九十两"


def _numeral_led(text: str, idx: TokenIndex, j: int, s: int) -> bool:
    """Does a name open with a numeral that counts nothing (八仙桥|水库, 五龙|山; not 三条|河, 第二|村)?
    The numeral begins a word of two or more characters jieba does not take for a number."""
    t = idx.covering(j)
    if text[j] not in _NUMERALS or s - j < 3 or t is None or idx.tokens[t][0] != j or len(idx.tokens[t][2]) < 2:
        return False
    w = idx.tokens[t][2]
    before = text[j - 1] if j else ""
    return not word_tags().get(w, "").startswith(("m", "q")) and w[1] not in _NUMERALS + "个条座家所名位处批项次年月日号" \
        and not (before.isdigit() or before in _NUMERALS + "第")


def _not_a_name(idx: TokenIndex, name: str, full: str, j: int, s: int, kind: str, road: bool) -> bool:
    """``full`` (``name`` + suffix) is a kind of place, a division, or an ordinary word, not a name."""
    if full in word_set("generic_places.txt") or kind == "nature" and divisions().lookup(full) \
            or road and full in word_set("road_words.txt"):
        return True           # 老旧小区, 行政村: a kind of place; 佛山, 黄山: a division's name, not a mountain
    if kind == "nature" and name[-1] in "前后上下里内外边旁":
        return True           # 农舍|后山, 村|前河: the hill behind, the river in front, no name
    if road and (len(full) < 3 or word_tags().get(name, "")[:1] in ("l", "i") or _verb_glued(idx, s)):
        return True           # 拦|路, 村民拦路, 发家致富|路: a verb or a set phrase before 路 is a figure of speech
    if road and (_road_name_word(full) or _noun_token(idx, j, s)):
        return False          # 人民路, 车站东路: an ordinary noun names a road
    return is_common_word(full) and not word_tags().get(full, "").startswith("ns") or generic_word(name)


def _verb_glued(idx: TokenIndex, s: int) -> bool:
    """Does a one-character verb form one unknown word with the suffix at ``s`` (村民|拦路: blocking roads)?"""
    t = idx.covering(s - 1) if s else None
    if t is None:
        return False
    a, b, w = idx.tokens[t]
    return a == s - 1 and b > s and len(w) == 2 and w not in word_tags() and word_tags().get(w[0], "").startswith("v")


def _road_name_word(w: str) -> bool:
    """A rare dictionary noun ending in a road suffix names one road (光华路), unlike 主干路 or 公路."""
    tag, freq = word_tags().get(w, ""), word_freq(w)
    return len(w) >= 3 and tag.startswith("n") and (freq < 50 or tag in ("nz", "nt", "ns") and freq < 2000) \
        and not any(w.endswith(r) for r in words("road_words.txt") if len(r) >= 2)


def _noun_token(idx: TokenIndex, j: int, s: int) -> bool:
    """``[j, s)`` is exactly one noun token (人民 of 人民路, 车站 of 车站东路)."""
    t = idx.covering(j)
    if t is None or idx.tokens[t][0] != j or idx.tokens[t][1] != s:
        return False
    return word_tags().get(idx.tokens[t][2], "").startswith(("n", "ns", "nz")) and idx.tokens[t][2] not in word_set("road_words.txt")


def _name_word_ends_at(idx: TokenIndex, s: int) -> bool:
    """A place-like word (风陵渡) ends right before the suffix."""
    t = idx.ending_at(s)
    if t is None:
        return False
    w = idx.tokens[t][2]
    tag = word_tags().get(w)
    return len(w) >= 2 and (tag is None or tag.startswith(("ns", "nz", "nr", "j")))


def _in_lead(text: str, j: int, leads: frozenset[str]) -> bool:
    """Position ``j`` begins or sits inside a lead word (紧邻|柳荫路, 下|穿|光华路)."""
    return any(text[i:i + n] in leads for n in (2, 3) for i in range(max(0, j - n + 1), j + 1))


def _adjective_first(idx: TokenIndex, j: int, s: int) -> bool:
    """A name does not begin with a frequent adjective or adverb (优秀专职社区)."""
    t = idx.covering(j)
    if t is None or idx.tokens[t][0] != j or idx.tokens[t][1] >= s:
        return False
    w = idx.tokens[t][2]
    return len(w) >= 2 and word_tags().get(w, "").startswith(("a", "d")) and word_freq(w) >= 1000


def _verb_first(idx: TokenIndex, j: int) -> bool:
    """A name does not begin with a one-character verb or preposition (跨柳荫路, 像龙门石窟)."""
    t = idx.covering(j)
    if t is None or idx.tokens[t][0] != j:
        return False
    w = idx.tokens[t][2]
    tag = word_tags().get(w) or ""
    if len(w) == 1:
        if tag.startswith("q") and (t == 0 or idx.tokens[t - 1][2] in _CLAUSE_ENDS):
            return False      # no classifier opens a clause: 。道|坪|村 is a name
        return tag.startswith(("v", "p", "c", "q", "m")) or w == "沿"       # 沿|人民路
    return tag.startswith(("v", "p", "c", "d")) and not tag.startswith("vn") and word_freq(w) >= 50   # 紧邻|柳荫路


def generic_word(w: str) -> bool:
    """A frequent ordinary word (重点, 优秀) that is a description, not a name."""
    return is_common_word(w) and word_tags().get(w, "")[:2] not in ("ns", "nz", "nr", "j") and word_freq(w) >= 4000


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


def left_boundary(doc: Doc, idx: TokenIndex, j: int, ends: frozenset[int] | set[int]) -> bool:
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
