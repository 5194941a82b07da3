"""Agency rules for the bodies the place-anchored rules of ``agencies.py`` do not reach: the units inside a
body (甲市公安局刑侦支队), armed forces (海军, 武警) and international or foreign bodies named without a
country (联合国, 白宫).

They run after ``agencies.py``: a unit extends an agency those rules proposed.
"""
from __future__ import annotations

import re
from functools import cache
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..gazetteer import Gazetteer
from .agency_names import PREV_OK, agency_anchors
from .lexicon import rows, surnames, words
from .registry import rule
from .spans import Candidate
from .tokenize import word_tags

if TYPE_CHECKING:
    from .state import Work

_UNIT_PIECE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
# jieba tags a unit's name never holds: adverbs, pronouns, prepositions, conjunctions, particles …
_NOT_IN_UNIT = ("d", "r", "p", "c", "u", "y", "e", "f", "t", "q", "m")
_MAX_UNIT = 10           # characters of one unit's name
_TITLE_NEXT = frozenset("长员")   # 副部|长, 科|员: a title, not a unit
# A numbered formation after a force (一二九师, 第三军): a unit of troops, not the body itself.
_FORMATION = re.compile(r"第?[0-9一二三四五六七八九十百零〇]+(?:师|军|团|旅|营|连|集团军)")
_STATIONED = re.compile(r"驻[\u4e00-\u9fff]{0,3}$")


@cache
def _units() -> tuple[tuple[str, ...], frozenset[str]]:
    """Endings of units (longest first) and the ordinary words that only end like one (``data/sub_units.txt``)."""
    ws = words("sub_units.txt")
    return tuple(w for w in ws if not w.startswith("!")), frozenset(w[1:] for w in ws if w.startswith("!"))


def _is_unit(word: str) -> bool:
    """Does a word end a unit's name (新闻处, 支队; not 判处, 公司, 好处)?"""
    ends, not_units = _units()
    if not word.endswith(ends) or any(word.endswith(x) for x in not_units):
        return False
    tag = word_tags().get(word, "")
    return word in ends or tag == "" or tag.startswith(("n", "j"))


def unit_end(w: Work, end: int) -> int:
    """Where the units written right after a body ending at ``end`` end (``end`` when there are none)."""
    idx, text = w.index, w.text
    k = idx.covering(end)
    if k is None:
        return end
    pieces = [(end, idx.tokens[k][1])] + [(s, e) for s, e, _ in idx.tokens[k + 1:k + 6]]
    last, verb = end, False
    for s, e in pieces:
        word = text[s:e]
        tag, unit = word_tags().get(word, ""), _is_unit(word)
        if not _UNIT_PIECE.fullmatch(word) or e - last > _MAX_UNIT or verb and not unit \
                or tag.startswith(_NOT_IN_UNIT) and not unit:
            break                                      # a verb only right before the unit's ending (缉毒|支队)
        verb = tag.startswith("v") and not tag.startswith("vn")
        if unit and text[e:e + 1] not in _TITLE_NEXT:
            last = e
    return last


@cache
def _forces() -> Gazetteer[str]:
    """Armed forces (``data/armed_forces.txt``) and international bodies (``data/world_bodies.tsv``) → canonical name."""
    g: Gazetteer[str] = Gazetteer({w: w for w in words("armed_forces.txt")})
    for printed, name in rows("world_bodies.tsv"):
        g.add(printed, name)
    return g


def _aligned(w: Work, s: int, e: int) -> bool:
    """Do ``s`` and ``e`` fall on jieba's word boundaries (吴海军 holds no 海军)?"""
    text, idx = w.text, w.index
    ascii_ok = text[s:e].isascii() and not (text[s - 1:s].isalnum() and text[s - 1:s].isascii()
                                            or text[e:e + 1].isalnum() and text[e:e + 1].isascii())
    return ascii_ok or (s == 0 or s in idx.start_set) and (e == len(text) or e in idx.end_set)


@rule("agency.world-body", stage="agency", produces=("Agency",), requires=("tokens", "Place"))
def world_body(w: Work) -> None:
    """Armed forces and international bodies named without a country (海军, 武警, 联合国, 白宫); a country
    printed before one is part of its name (甲国海军); not troops stationed somewhere (驻地武警)."""
    text = w.text
    countries = {p.end: p for p in w.proposed("Place") if p.attrs.get("level") == "country"}
    for s, e, surface, name in _joined(_forces().finditer(text)):
        if not _aligned(w, s, e) or _STATIONED.search(text[max(0, s - 4):s]) or _FORMATION.match(text, e) \
                or _after_surname(w, s):
            continue
        s0 = _owner_start(w, countries, s)
        w.propose(Candidate(s0, e, "Agency", text[s0:s] + name, {text[s0:e]}, {}))


def _after_surname(w: Work, s: int) -> bool:
    """Is a force's name the given name of a person, after a one-character surname word (张|海军)?"""
    k = w.index.ending_at(s)
    c = w.text[s - 1:s]
    return k is not None and w.index.tokens[k][0] == s - 1 and c in surnames() and c not in PREV_OK


def _owner_start(w: Work, countries: dict[int, Candidate], s: int) -> int:
    """Where the name of a force's country or owner written before it starts (甲国|海军, 甲国国民警卫队|空军), else ``s``."""
    if s in countries:
        return countries[s].start
    k = w.index.ending_at(s)
    if k is None or s < 2 or w.text[s - 1] in PREV_OK:
        return s
    word = w.index.tokens[k][2]
    tag = word_tags().get(word)
    return w.index.tokens[k][0] if len(word) >= 2 and (tag or "").startswith(("ns", "nt", "nz", "j")) else s


def _joined(found: Iterable[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Names written together are one (国民革命军|海军 → 国民革命军海军: the navy of that army)."""
    out: list[tuple[int, int, str, str]] = []
    for s, e, surface, name in found:
        if out and out[-1][1] == s:
            ps, _, psurf, pname = out.pop()
            s, surface, name = ps, psurf + surface, pname + surface
        out.append((s, e, surface, name))
    return out


# Bodies never named alone as a body of their own: a committee (管委会, 党委) or a department of the party
# (宣传部) of the place the text is about.
_NOT_ALONE = ("会", "部", "党委", "党工委", "两委")


@rule("agency.bare-core", stage="agency", produces=("Agency",), requires=("tokens", "home", "Place"))
def bare_core(w: Work) -> None:
    """A department named on its own in a text that shows no home is named as printed (由统计局发布 → 统计局);
    a local paper's are the home's (``agency.bare-bureau``)."""
    if w.doc.home:
        return
    idx = w.index
    found = agency_anchors(w)
    for s, e, surface, core in found.cores:
        if len(surface) >= 3 and not surface.endswith(_NOT_ALONE) and s not in found.ends \
                and s in idx.start_set and e in idx.end_set and _no_name_before(w, s):
            w.propose(Candidate(s, e, "Agency", surface, {surface}, {"core": core}, weight=-1))


def _no_name_before(w: Work, s: int) -> bool:
    """Is the word before ``s`` no name a body could belong to (由|统计局, 随后|发改委; not 甲乙|统计局, 新桥|派出所)?"""
    text = w.text
    if s == 0 or text[s - 1] in PREV_OK or not "\u4e00" <= text[s - 1] <= "\u9fff":
        return True
    k = w.index.ending_at(s)
    word = w.index.tokens[k][2] if k is not None else ""
    tag = word_tags().get(word)
    return len(word) >= 2 and tag is not None and not tag.startswith(("n", "j"))


@rule("agency.sub-unit", stage="agency", produces=("Agency",), requires=("tokens",))
def sub_unit(w: Work) -> None:
    """A unit written right after its body is named with it (甲市公安局刑侦支队, 甲部预算司); not 甲局局长.

    The body stays an entity of its own.
    """
    text = w.text
    bodies = [c for c in w.proposed("Agency") if c.rule in ("agency.place-core", "agency.national")]
    for c in w.proposed("Agency"):
        e = unit_end(w, c.end)
        if e == c.end or any(c.end <= b.start < e for b in bodies):
            continue                # 甲县纪委和乙县人社局, 中央纪委监察部: a body of its own, no unit
        unit = text[c.end:e]
        als = {a + unit for a in c.aliases} | {text[c.start:e]}
        w.propose(Candidate(c.start, e, "Agency", c.label + unit, als,
                            {"jurisdiction": c.attrs.get("jurisdiction"), "core": unit, "_chain": [c]}, weight=c.weight))
