"""Agency rules: party committees, governments and their departments, congresses, CPPCC, courts, national
bodies, customs houses and central-bank branches.

Most names start at an anchor (a place or a level word, ``agency_names.py``) found once per article.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..divisions import divisions
from ..gazetteer import Gazetteer
from .agency_names import PREV_OK, agency_anchors, aliases, canonical, cores, party_start
from .lexicon import alternation, rows, table, words
from .names import TokenIndex, expand_left
from .titles import roles
from .registry import rule
from .spans import Candidate
from .tokenize import word_tags

if TYPE_CHECKING:
    from .state import Work

_SESSION = re.compile(r"第[一二三四五六七八九十]+届(?P<core>委员会|人民代表大会(?:常务委员会)?)")
_CUSTOMS = re.compile(r"海关")
_CENTRAL_BANK = re.compile(r"中国人民银行([\u4e00-\u9fff]{2,4}?)(?:市)?(?:中心)?(分行|支行)")
_NOT_IN_SUFFIX_NAME = re.compile(r"[的在了和是对等以为把被将与及从向于首]")


@cache
def national() -> Gazetteer[tuple[str, str]]:
    """National bodies (中共中央, 国务院 …) → (canonical name, jurisdiction)."""
    return Gazetteer({r[0]: (r[1], r[2]) for r in rows("national_bodies.tsv")})


@cache
def renamed_cores() -> dict[str, tuple[str, int]]:
    """Department cores renamed in the 2018 reform → (the new core, the year), ``data/renamed_departments.tsv``."""
    return {old: (new, int(year)) for old, new, year in rows("renamed_departments.tsv")}


@cache
def _suffix_re() -> re.Pattern:
    alt = "|".join(re.escape(w) for w in words("agency_suffixes.txt"))
    return re.compile(rf"[\u4e00-\u9fff]{{1,10}}?(?:{alt})")


@rule("agency.place-core", stage="agency", produces=("Agency",), requires=("tokens", "Place"))
def place_core(w: Work) -> None:
    """A place or level word and an agency core (东山县委; 县政府 → 东山县人民政府; 东山县工信局); not 县委员."""
    text = w.text
    for a in agency_anchors(w).anchors:
        if a.core is None or a.kind == "country":
            continue                  # a foreign state's bodies are no 人民政府 (agency.state-body)
        _, ce, core_surface, core = a.core
        if ce < len(text) and text[ce] in "员长" and core_surface.endswith(("委", "部")):
            continue       # 委员, 部长: a title, not a body
        if core_surface == "委" and text[ce:ce + 1] in ("书", "副", "常", "委") and a.kind == "village":
            continue
        start = party_start(text, a.start)
        label = canonical(a.place, a.kind, core, a.city) if a.place else text[start:ce]
        als = aliases(text[start:ce], a.place, core_surface, core) if a.place else {text[start:ce]}
        attrs = {"jurisdiction": a.place, "core": core}
        later = renamed_cores().get(core)
        if later and a.place:         # 环保局 before the 2018 reform; after it, the 生态环境局 it became
            now = canonical(a.place, a.kind, later[0], a.city)
            attrs["renamed"] = {"old": label, "now": now, "year": later[1]}
            if w.doc.date and int(w.doc.date[:4]) > later[1]:
                label, als, attrs["core"] = now, als | {label}, later[0]
        w.propose(Candidate(start, ce, "Agency", label, als, attrs))


@rule("agency.place-suffix", stage="agency", produces=("Agency",), requires=("tokens", "Place"))
def place_suffix(w: Work) -> None:
    """A place and a name ending in an agency suffix, no known core (东山县林草管理局)."""
    text, idx = w.text, w.index
    for a in agency_anchors(w).anchors:
        m = _suffix_re().match(text, a.end) if a.core is None and a.place else None
        if m and m.end() in idx.end_set and _suffix_name_ok(text, idx, m):
            start = party_start(text, a.start)
            core = m.group(0)
            w.propose(Candidate(start, m.end(), "Agency", canonical(a.place, a.kind, core, a.city),
                                {text[start:m.end()]}, {"jurisdiction": a.place, "core": core}, weight=-1))


def _suffix_name_ok(text: str, idx: TokenIndex, m: re.Match) -> bool:
    """No function word inside, a suffix word last, and no level word and core inside (县|工信局)."""
    return not _NOT_IN_SUFFIX_NAME.search(_joined_name(m.group(0))[:-1]) and _ends_with_suffix_word(idx, m.end(), m.group(0)) \
        and not any(cores().match_at(text, k) and text[k - 1] in table("level_words.tsv") for k in range(m.start() + 1, m.end()))


def _joined_name(name: str) -> str:
    """A name with one 和 joining two fields of one body taken out (城市管理和综合执法局 → 城市管理综合执法局);
    a 和 after a whole body's name (财政局和税务局) stays: two bodies.

    >>> _joined_name("城市管理和综合执法局"), _joined_name("财政局和税务局")
    ('城市管理综合执法局', '财政局和税务局')
    """
    head, sep, tail = name.partition("和")
    if not sep or len(head) < 2 or len(tail) < 3 or cores().match_before(head, len(head), 8) \
            or head.endswith(tuple(words("agency_suffixes.txt"))):
        return name
    return head + tail


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


@rule("agency.bare-bureau", stage="agency", produces=("Agency",), requires=("tokens", "home", "Place"))
def bare_bureau(w: Work) -> None:
    """A bureau named without its place in a local paper is the home's (由商务局主办 → 东山市商务局)."""
    home, text = w.doc.home, w.text
    if not home:
        return
    found = agency_anchors(w)
    d = divisions().get(home)
    kind, city = (d.level, d.parent if d.level == "county" else None) if d else ("city", None)
    for s, e, surface, core in found.cores:
        if (surface.endswith("局") or core.endswith("委员会") and surface.endswith("委")) and len(surface) >= 3 \
                and s not in found.ends \
                and (s == 0 or text[s - 1] in PREV_OK or not "\u4e00" <= text[s - 1] <= "\u9fff") \
                and s in w.index.start_set:
            w.propose(Candidate(s, e, "Agency", canonical(home, kind, core, city), {surface},
                                {"jurisdiction": home, "core": core}, weight=-1))


@rule("agency.session", stage="agency", produces=("Agency",), requires=("Place",))
def session(w: Work) -> None:
    """A division's numbered congress or CPPCC is its standing body (东山县第十届人民代表大会 → 东山县人民代表大会)."""
    text = w.text
    place_by_end = {p.end: p for p in w.proposed("Place") if p.attrs.get("level") in ("province", "city", "county")}
    for m in _SESSION.finditer(text):
        p = place_by_end.get(m.start())
        if p is None:
            continue
        cppcc = next((x for x in ("中国人民政治协商会议", "政协") if text.startswith(x, p.start - len(x))), "")
        if m.group("core") == "委员会" and not cppcc:
            continue
        core = "政协" if cppcc else m.group("core")
        w.propose(Candidate(p.start - len(cppcc), m.end(), "Agency", canonical(p.label, p.attrs.get("level"), core),
                            {text[p.start - len(cppcc):m.end()]}, {"jurisdiction": p.label, "core": core}, weight=1))


@rule("agency.national", stage="agency", produces=("Agency",), requires=("Place",))
def national_body(w: Work) -> None:
    """National bodies by their names (国务院, 中共中央, 发改委 → 国家发展和改革委员会); not 人社部门; after
    another place, that place's body of the name (甲国财政部, 甲地证监会)."""
    text = w.text
    before = {p.end: p for p in w.proposed("Place") if p.label not in _OWN_STATE}
    for s, e, surface, (name, juris) in national().finditer(text):
        if surface.endswith("部") and text[e:e + 1] == "门" or surface.endswith("党") and text[e:e + 1] == "员":
            continue          # 人社部门: the departments of a kind, not the ministry; 共产党员: a member
        p = before.get(s)
        s0 = p.start if p is not None else s - 1 if _short_country_before(w, s) else s
        if s0 < s:          # 甲国|财政部, 俄|国防部: that country's ministry
            w.propose(Candidate(s0, e, "Agency", text[s0:e], {text[s0:e]}, {"jurisdiction": p.label if p else None}))
            continue
        w.propose(Candidate(s, e, "Agency", name, {surface}, {"jurisdiction": juris, "core": name}, weight=1))


_OWN_STATE = frozenset(("中国", "中华人民共和国"))


_FUNCTION_TAGS = ("p", "v", "d", "c")      # 以 (by), 加 (add), 越 (the more), 印 (print)


@cache
def _shorts() -> frozenset[str]:
    return frozenset(x for x, kind in rows("state_bodies.tsv") if kind == "short-name")


def _short_country_before(w: Work, s: int) -> bool:
    """Is a one-character short name of a country written as a word right before ``s`` (俄|国防部发言人)?"""
    k = w.index.covering(s - 1) if s else None
    return w.text[s - 1:s] in _shorts() and k is not None and w.index.tokens[k][0] == s - 1 \
        and not _short_is_a_word(w, s - 1)


def _short_is_a_word(w: Work, s: int) -> bool:
    """Is the one-character short name at ``s`` an ordinary word there (他以|国防部的名义, 8日|央行): the day of
    a date, or a word of another part of speech after a word (not after the start, punctuation or 对, 与 …)?"""
    c, text = w.text[s], w.text
    if s > 0 and text[s - 1] in _DATE_END:
        return True                   # 8日|中国人民银行: the day of a date
    return (word_tags().get(c) or "").startswith(_FUNCTION_TAGS) and s > 0 \
        and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in PREV_OK


@rule("agency.customs", stage="agency", produces=("Agency",), requires=("tokens",))
def customs(w: Work) -> None:
    """A customs house named by its place (东山海关); not a bare 海关."""
    text, idx = w.text, w.index
    for m in _CUSTOMS.finditer(text):
        s0 = expand_left(w.doc, idx, m.start(), floor=max(0, m.start() - 6), max_chars=4, max_tokens=2)
        if m.start() - s0 >= 2:
            name = text[s0:m.end()]
            w.propose(Candidate(s0, m.end(), "Agency", name, {name}, {"core": "海关"}))


@rule("agency.shared-place", stage="agency", produces=("Agency",), requires=("tokens", "Place"))
def shared_place(w: Work) -> None:
    """A bare core in a compound title takes the place of the body before it (甲开发区党工委书记、管委会主任).

    Runs after the other agency rules: 管委会 is 甲开发区管理委员会 when 甲开发区党工委 was found.
    """
    text = w.text
    by_end = {c.end: c for c in w.proposed("Agency")}
    for s, e, surface, core in agency_anchors(w).cores:
        if s < 2 or text[s - 1] != "、" or s in by_end or len(surface) < 2:
            continue
        place = _place_of_title_before(text, s - 1, by_end)
        if place and roles().match_at(text, e):
            w.propose(Candidate(s, e, "Agency", canonical(place, None, core), {surface},
                                {"jurisdiction": place, "core": core}))


def _place_of_title_before(text: str, end: int, by_end: dict[int, Candidate]) -> str | None:
    """The jurisdiction of the body whose title ends at ``end`` (东山县委|书记、)."""
    m = roles().match_before(text, end, 8)
    if not m:
        return None
    prev = next((by_end[k] for k in range(m[0], end) if k in by_end and roles().get(text[k:end])), None)
    return prev.attrs.get("jurisdiction") if prev else None


@rule("agency.central-bank", stage="agency", produces=("Agency",), requires=("home",))
def central_bank(w: Work) -> None:
    """Branches of the central bank (中国人民银行东山市中心支行), of the division they name."""
    for m in _CENTRAL_BANK.finditer(w.text):
        w.propose(Candidate(m.start(), m.end(), "Agency", m.group(0), {m.group(0)},
                            {"jurisdiction": _division_name(w, m.group(1)), "core": m.group(2)}, weight=1))


def _division_name(w: Work, name: str) -> str | None:
    """The full name of the division ``name`` (short or full), nearest the home city."""
    d = divisions().get(name, w.doc.province, w.doc.locale)
    return d.name if d else None


@cache
def _state_bodies() -> re.Pattern:
    """A country's full or one-character name and a body of its state (data/state_bodies.tsv)."""
    from .places import named_places
    table_ = rows("state_bodies.tsv")
    shorts = [w for w, k in table_ if k == "short-name"]
    after_country = [w for w, k in table_ if k in ("country", "both")]
    after_short = [w for w, k in table_ if k in ("short", "both")]
    countries = [n for n, (kind, _) in named_places().values.items() if kind == "country" and n != "中国"]
    c = alternation(countries)
    return re.compile(f"{c}(?:驻{c})?{alternation(after_country)}|{alternation(shorts)}{alternation(after_short)}")


_DATE_END = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十廿卅")


@rule("agency.state-body", stage="agency", produces=("Agency",), requires=("tokens",))
def state_body(w: Work) -> None:
    """A body of a foreign state named after its country (美国政府, 日本国防部) or its short name (美军, 俄海军)."""
    text, idx = w.text, w.index
    for m in _state_bodies().finditer(text):
        s, e = m.span()
        if text[s] in _shorts() and _short_is_a_word(w, s) or s > 0 and text[s - 1] in _DATE_END:
            continue                  # 18日|央行: the day of a date, not a short name; 以|国防部名义
        if (s in idx.start_set or s == 0) and (e in idx.end_set or e == len(text)):
            w.propose(Candidate(s, e, "Agency", m.group(), {m.group()}, {}))


@rule("agency.printed-prefix", stage="agency", requires=("Place",))
def printed_prefix(w: Work) -> None:
    """An agency printed after the places above it keeps that form as an alias (甲省|乙市公安局 → 甲省乙市公安局)."""
    places = {p.end: p for p in w.proposed("Place") if p.attrs.get("level") in _PREFIX_LEVELS}
    text = w.text
    for c in w.proposed("Agency"):
        start = c.start
        while start in places and places[start].start < start:      # 甲省|乙市|丙县人民法院: up the chain
            start = places[start].start
        if start == c.start:
            start -= next((len(p) for p in _STATE_PREFIXES if text.startswith(p, c.start - len(p))), 0)
        if start < c.start:
            c.aliases.add(text[start:c.end])


_STATE_PREFIXES = ("中华人民共和国", "中国", "国家")        # 中国|证监会, 国家|教育部: the state printed before
_PREFIX_LEVELS = frozenset(("country", "province", "city", "county"))
