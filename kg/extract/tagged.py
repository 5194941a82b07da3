"""Rules that read the statistical tagger (``tagger.py``): its spans become candidates only where they agree
with the rules' evidence or fill a gap the rules left, above a threshold on their probability.

A plain union of the tagger's spans costs precision; so a person needs a surname, a body a kind the
lexicons know its type from (Agency, Organization) or a confident span on free text, a place free text.
The rules keep deciding type, canonical name and home context: a tagger span never replaces a rule's
candidate that it cuts across.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..gazetteer import Gazetteer
from .lexicon import alternation, rows, table, word_set, words
from .personal_names import addressed, end_at_pause, foreign_chars, foreign_end, foreign_name, person_surnames
from .registry import rule
from .spans import Candidate, occurrences
from .tagger import Tagged, tag_article
from .tokenize import is_common_word, word_tags

if TYPE_CHECKING:
    from .state import Work

# Thresholds on the span's probability (the product of its characters' marginals).
P_PERSON = 0.4           # a surname-led name on free text
P_BOUNDARY = 0.8         # a name's end the tagger moves by one character
P_EXTEND = 0.4           # ... on by one character a rule left out (吴桂|如 → 吴桂如)
P_FOREIGN = 0.35         # a transliterated foreign name (three or more transliteration characters)
P_FOREIGN_SHORT = 0.6    # ... of two characters (多纳, 卡西)
P_PERSON_WORD = 0.9      # ... that is also an ordinary word (王建设 is not, 高峰 is)
P_PERSON_SUPPORTED = 0.1  # a name right after a title or a word for a kind of person, or before a speech verb
P_PLACE = 0.8            # a place no place rule found
P_PLACE_SUFFIXED = 0.4   # ... that ends in a place suffix (和平村, 东风路)
P_BODY_TYPED = 0.5       # a body whose ending says its type
P_AGENCY = 0.3           # ... an agency's ending (局, 委员会, 法院) after a place that opens it
P_BODY_LONGER = 0.3      # a longer form of a rule's organisation, with its ending
P_BODY_BARE = 0.85       # a body without a known ending (远洋地产)
# A name never runs on into the verb or particle after it.
_TRAILING = re.compile(r"[由在说作和与及的是将对从向为把被]$")
_LEADING = re.compile(r"[您你我他她它]们?[与和及同跟]?")
# A numbered congress (十六大, 第五次代表大会) is an event, not a body.
_CONGRESS = re.compile(r"[一二三四五六七八九十]+(?:大|届|次)[\u4e00-\u9fff]{0,6}$")
# What a name written before it is not the name of a person in (a doctrine: 某某思想, 某某理论).
_DOCTRINE = re.compile(r"思想|理论|主义")
_NUMERAL = "一二三四五六七八九十"
_HONORIFIC = re.compile(r"(?:先生|小姐|女士|太太|夫人)$")
_AFTER_NUMERAL = re.compile(r"[一二三四五六七八九十〇零百千万\d月日年号时点多余]")


def tagged(w: Work) -> list[Tagged]:
    """The tagger's spans of the article (tagged once, over the sentences and jieba's words)."""
    if w.tagged is None:
        w.tagged = tag_article(w.text, [(s.start, s.end) for s in w.doc.sentences], w.tokens)
    return w.tagged


@cache
def _ends() -> tuple[re.Pattern, re.Pattern]:
    """Endings of agencies and of what only ends like one (``data/agency_kinds.txt``, ``!`` marks the latter)."""
    ws = words("agency_kinds.txt")
    cores = [k for k in table("departments.tsv") if len(k) >= 2 or k == "委"]
    return (re.compile(alternation([x for x in ws if not x.startswith("!")] + cores) + "$"),
            re.compile(alternation([x[1:] for x in ws if x.startswith("!")]) + "$"))


@cache
def _org_end() -> re.Pattern:
    return re.compile(alternation(words("org_suffixes.txt")) + "$")


def body_type(name: str) -> tuple[str, bool]:
    """Agency or Organization by the ending of ``name``, and whether a lexicon knows that ending.

    >>> body_type("美国国防部"), body_type("足球俱乐部"), body_type("某某科技有限公司"), body_type("远洋地产")
    (('Agency', True), ('Organization', False), ('Organization', True), ('Organization', False))
    """
    agency, not_agency = _ends()
    a = agency.search(name)
    o = _org_end().search(name)
    if a and not not_agency.search(name) and (not o or len(a.group()) > len(o.group())):
        return "Agency", True
    return "Organization", bool(o)


@cache
def _bare_kinds() -> frozenset[str]:
    """Names that are only a kind of body (办公室, 组织部, 联盟): the rules name a body by what comes before."""
    return frozenset(x.lstrip("!") for x in words("agency_kinds.txt")) | word_set("org_suffixes.txt") \
        | frozenset(table("departments.tsv")) | word_set("generic_bodies.txt")


def _free(w: Work, s: int, e: int, *types: str) -> bool:
    return not any(c.start < e and s < c.end for c in w.candidates if not types or c.type in types)


def _trim(w: Work, t: Tagged) -> tuple[int, int]:
    """The span without a verb or particle the tagger let it swallow, nor the start of an ordinary word after
    it (王五十|分 → 王五); ``(s, s)`` when it starts inside a word (住|建委)."""
    s, e = t.start, t.end
    idx = w.index
    k = idx.covering(s)
    if k is not None and idx.tokens[k][0] < s and is_common_word(idx.tokens[k][2]):
        return s, s
    while e - s > 2 and _TRAILING.search(w.text[s:e]) and not word_tags().get(w.text[s:e], "").startswith("nr"):
        e -= 1                                         # 王建说 → 王建; 张国立 (a name in jieba's dictionary) stays
    m = _LEADING.match(w.text, s, e)
    if m and e - m.end() >= 2:
        s = m.end()                                    # 您与|甲公司: a pronoun and a conjunction are no name
    k = idx.covering(e - 1)
    if k is not None:
        ts, te, word = idx.tokens[k]
        if ts > s and te > e and is_common_word(word) and ts - s >= 2:
            e = ts
    return s, e


def _place_suffix(name: str) -> bool:
    """Does ``name`` end in a town, village or site suffix, with a name before it (和平村; not 村)?"""
    from .place_names import SITE, TOWN, VILLAGE
    return any((m := p.search(name)) is not None and m.end() == len(name) and m.start() >= 2
               for p in (TOWN, VILLAGE, SITE))


@rule("place.tagger", stage="place", produces=("Place",), requires=("tokens", "home", "division_matches"),
      assigns=("tagged",))
def place_tagger(w: Work) -> None:
    """Places the tagger is sure of on free text (西康路; 福山 → 福山市, the division nearest the home city).

    Countries and ordinary words are left to the place rules, as is a county far from home.
    """
    from .places import _aligned, _division_ok, division_attrs, named_places, pick_division
    divs = {(s, e): cands for s, e, _, cands in w.division_matches or ()}
    for t in tagged(w):
        if t.kind != "Place" or t.prob < P_PLACE_SUFFIXED:
            continue
        s, e = _trim(w, t)
        name = w.text[s:e]
        if t.prob < P_PLACE and not _place_suffix(name):
            continue
        if len(name) < 2 or not _free(w, s, e) or name in named_places():
            continue
        if (s, e) in divs:
            d = pick_division(w.doc, divs[(s, e)])
            if _aligned(w.index, s, e) and (d.level != "county" or _division_ok(w.doc, name, d, s, e)):
                w.propose(Candidate(s, e, "Place", d.name, {name}, division_attrs(d)))
        elif name not in word_tags() or _place_suffix(name):
            w.propose(Candidate(s, e, "Place", name, {name}, {}))      # a dictionary word (宝藏) only with a suffix


@rule("organization.tagger", stage="project", produces=("Organization", "Agency"),
      requires=("tokens", "Place", "Agency", "Organization"))
def organization_tagger(w: Work) -> None:
    """Bodies the tagger finds, typed by their ending or sure on free text (远洋地产, 甲国文化部 → Agency).

    It also proposes a longer form of a rule's organisation with the same ending (甲地|乙机械有限公司 →
    甲地乙机械有限公司); a span that cuts across a rule's span is left to the rules.
    """
    for t in tagged(w):
        if t.kind != "Organization":
            continue
        s, e = _trim(w, t)
        opener = w.text[s - 1] if s > 0 else ""
        if opener in ("《", "“") and w.text.count(_OPENERS[opener], s, e) > w.text.count(opener, s, e):
            s -= 1                                     # 《甲乙》杂志社: the title opens the name
        name = w.text[s:e]
        if len(name) < 2 or name in _bare_kinds() or _CONGRESS.search(name) or _unbalanced(name):
            continue
        if t.prob >= P_BOUNDARY:
            _cut_left(w, s, e)
        typ, known_end = body_type(name)
        if not _body_ok(w, s, e, typ, known_end, t.prob):
            continue
        if typ == "Agency":
            w.propose(_placed_agency(w, s, e))
            continue
        for kind in _types_at_end(w, s, e) or {typ}:   # the rules' type of the same name (a listed project)
            w.propose(Candidate(s, e, kind, name, {name}, {}, weight=1))


_OPENERS = {"（": "）", "(": ")", "《": "》", "“": "”"}


def _unbalanced(name: str) -> bool:
    """Does ``name`` close a bracket it does not open, or open one it does not close (东山）有限公司)?"""
    return any(name.count(a) != name.count(b) for a, b in _OPENERS.items())


# jieba tags of words no organisation's name opens with or runs over: adverbs, verbs, idioms, pronouns …
_NOT_IN_NAME = ("d", "l", "v", "p", "c", "r", "u", "y", "i", "m")


def _cut_left(w: Work, s: int, e: int) -> None:
    """Start a rule's organisation where the tagger's sure span of the same end starts, when the words the
    rule walked over before it are no name's (甲地正是|乙银行, 值得一提的是|乙银行, 甲银行投资|乙银行)."""
    tags = word_tags()
    for c in w.candidates:
        if c.type != "Organization" or c.end != e or not c.start < s or s not in w.index.start_set:
            continue
        lo = w.index.covering(c.start)
        hi = w.index.covering(s)
        if lo is None or hi is None:
            continue
        over = [tags.get(tok[2], "") for tok in w.index.tokens[lo:hi]]
        if any(t.startswith(_NOT_IN_NAME) and not t.startswith("nr") for t in over) \
                and c.label == w.text[c.start:c.end]:
            c.start, c.label = s, w.text[s:e]
            c.aliases = {c.label}


def _types_at_end(w: Work, s: int, e: int) -> set[str]:
    """The types the rules gave a name inside ``[s, e)`` that ends at ``e`` (Organization, Project)."""
    return {c.type for c in w.candidates if s <= c.start and c.end == e and c.type in ("Organization", "Project")}


def _body_ok(w: Work, s: int, e: int, typ: str, known_end: bool, prob: float) -> bool:
    """Does a tagger body agree with the rules' spans: on free text, or a longer form of their organisation?"""
    inside = [c for c in w.candidates if c.start < e and s < c.end]
    if any(c.start < s or c.end > e for c in inside):
        return False                                   # cuts across a rule's span: the rules decide
    placed = [c for c in inside if c.type == "Place" and c.start == s and c.end < e]   # 甲国|文化部
    inside = [c for c in inside if c not in placed]
    if any(c.type != "Place" and c.start == s and c.end == e for c in inside):
        return False
    if not inside:                                     # an agency named after its place needs less (甲市|规划局)
        return prob >= (P_AGENCY if typ == "Agency" and placed else P_BODY_TYPED if known_end else P_BODY_BARE)
    return known_end and typ == "Organization" and prob >= P_BODY_LONGER and _longer_form(w, inside, e)


def _longer_form(w: Work, inside: list[Candidate], e: int) -> bool:
    """Is the span a longer form of the rules' organisation ending at ``e``, not two bodies with a verb between them
    (甲银行|投资|乙银行)?"""
    last = max(inside, key=lambda c: c.end)
    return last.type == "Organization" and last.end == e and not any(
        c.end <= last.start and c.type in ("Organization", "Agency")
        and any((word_tags().get(t[2]) or "").startswith("v") for t in w.index.within(c.end, last.start))
        for c in inside)


def _placed_agency(w: Work, s: int, e: int) -> Candidate:
    """An agency the tagger found, named as the agency rules name it when a division and a core make it
    (甲省委 → 中共甲省委员会; the division nearest the home city), else by its surface."""
    from ..divisions import divisions
    from .agency_names import aliases, canonical, cores
    from .places import pick_division
    surface = w.text[s:e]
    name = surface[2:] if surface.startswith("中共") else surface
    for k in range(len(name) - 1, 1, -1):
        found = divisions().lookup(name[:k])
        core = cores().get(name[k:])
        if found and core:
            d = pick_division(w.doc, found)
            city = d.parent if d.level == "county" else None
            return Candidate(s, e, "Agency", canonical(d.name, d.level, core, city),
                             aliases(surface, d.name, name[k:], core), {"jurisdiction": d.name, "core": core}, weight=1)
    return Candidate(s, e, "Agency", surface, {surface}, {}, weight=1)


def person_spans(w: Work) -> list[tuple[int, int, float]]:
    """People the tagger proposes that a surname confirms (or a foreign name), with their probability."""
    text = w.text
    out = []
    for t in tagged(w):
        if t.kind != "Person" or t.prob < P_PERSON_SUPPORTED:
            continue
        s, e = _trim(w, t)
        supported = _person_context(w, s, e) or _plain_name(w, s, e)
        if t.prob < P_PERSON and not supported:
            continue
        if e - s > 2 and text[e - 1] in _NUMERAL and _AFTER_NUMERAL.match(text, e):
            e -= 1                                     # 王五十一月: the name stops before the date
        e = foreign_end(text, w.index, s, e) if foreign_name(text[s:e]) else end_at_pause(text, s, e)
        s, e = _joined_parts(text, s, e)
        name = text[s:e]
        k = w.index.covering(s)
        if _DOCTRINE.match(text, e) or k is not None and w.index.tokens[k][0] < s \
                and w.index.tokens[k][2] in word_tags():
            continue                                   # 某某思想; 小李|和 (a name starts inside no word; 民赵|建平 is none)
        if f"“{name}”" in text and t.prob < P_BOUNDARY and not supported or _HONORIFIC.search(name) \
                or addressed(name) or _not_a_person(w, s, e):
            continue                                   # a quoted brand (“某宝”APP); 王先生, 王总 are no names
        if _name_ok(text, s, e, t.prob, supported):
            out.append((s, e, t.prob))
    return out


_PART_JOINS = "·•-－"


def _joined_parts(text: str, s: int, e: int) -> tuple[int, int]:
    """A transliterated name with the parts joined to it by a dot or a hyphen (约翰|•桑德斯, 罗宾|-加西亚)."""
    fc = foreign_chars()
    if not all(c in fc for c in text[s:e]):
        return s, e
    while e + 1 < len(text) and text[e] in _PART_JOINS and text[e + 1] in fc:
        e += 1
        while e < len(text) and text[e] in fc:
            e += 1
    while s >= 2 and text[s - 1] in _PART_JOINS and text[s - 2] in fc:
        s -= 1
        while s > 0 and text[s - 1] in fc:
            s -= 1
    return s, e


# jieba tags of a word no name opens with (谢谢|钱老师): verbs, adverbs, conjunctions, prepositions, pronouns …
_NOT_OPENING = ("v", "d", "c", "p", "r", "u", "y", "e", "l", "i")


def _not_a_person(w: Work, s: int, e: int) -> bool:
    """Do the surroundings say the tagger's name at ``[s, e)`` is none: the title of a work (《某某》), the body
    of a role before its holder (某某主帅|王五: a club), a firm's short name before its trade (某某|期货), a
    club's name (某某某|主场), or a span that opens with a doubled character or a verb or particle
    (谢谢|钱, 据说|王)?"""
    from .persons import context_words
    from .titles import roles
    text = w.text
    if s > 0 and text[s - 1] == "《" or text[s] == text[s + 1]:
        return True                                    # 《某某》; 谢谢|钱 (no name opens with a doubled character)
    role = roles().match_at(text, e) or context_words().match_at(text, e)
    if role is not None and any(t.kind == "Person" and t.start == role[1] for t in tagged(w)):
        return True
    k = w.index.covering(s)
    word = w.index.tokens[k][2] if k is not None and w.index.tokens[k][0] == s else ""
    if firm_name(w, s, e) or _club(w, s, e):
        return True                                    # 某某|期货 (not 记者王五|证券时报): a firm's short name
    return len(word) >= 2 and len(word) <= e - s and is_common_word(word) and word_tags()[word].startswith(_NOT_OPENING)


def firm_name(w: Work, s: int, e: int) -> bool:
    """Is ``[s, e)`` a firm's short name: a trade word right after it (某某|期货, 某某|咨询) and no title, word for
    a person or reporter's role right before it (not 记者王五|证券时报)?"""
    return firm_trades().match_at(w.text, e) is not None and not _person_context(w, s, e) \
        and reporter_words().match_before(w.text, s, 6) is None


def _club(w: Work, s: int, e: int) -> bool:
    """Is the transliterated name at ``[s, e)`` a sports club's: a word only a club is right before it (老东家|某某某),
    or right after it a team, a club's role or a team's match word (某某某|主教练, 某某某|主场), with no title
    before it? (A player is beaten too: 战胜|某某某 says nothing.)"""
    if not foreign_name(w.text[s:e]) or _person_context(w, s, e):
        return False
    before, after = _club_words()
    return before.match_before(w.text, s, 4) is not None or after.match_at(w.text, e) is not None


@cache
def _club_words() -> tuple[Gazetteer[int], Gazetteer[int]]:
    """The words before and after a club's name (``data/club_context.tsv``)."""
    table_ = rows("club_context.tsv")
    return (Gazetteer({x: 1 for x, side in table_ if side == "before"}),
            Gazetteer({x: 1 for x, side in table_ if side == "after"}))


@cache
def firm_trades() -> Gazetteer[int]:
    """Trade words right after a firm's short name (``data/firm_trades.txt``: 期货, 咨询, 传媒 …)."""
    return Gazetteer({x: 1 for x in words("firm_trades.txt")})


@cache
def reporter_words() -> Gazetteer[int]:
    """The roles of a byline a reporter's name follows (记者, 通讯员: ``data/byline_words.tsv``)."""
    return Gazetteer({x: 1 for x, kind in rows("byline_words.tsv") if kind == "role"})


def _name_ok(text: str, s: int, e: int, prob: float, supported: bool) -> bool:
    """Is ``text[s:e]`` a name: a dotted foreign name, a transliteration, or a surname and a given name?
    A span below :data:`P_PERSON` (taken on context alone) is neither dotted nor cut inside a transliteration."""
    name = text[s:e]
    if prob < P_PERSON and ("·" in name or "•" in name or e < len(text) and text[e] in foreign_chars()
                            and foreign_name(name)):
        return False                                   # 阿特金|森: the tagger stopped inside the name
    if "·" in name or "•" in name:
        return len(name) >= 3
    if foreign_name(name):          # jieba's dictionary has many a foreign person as a place (巴拉克 ns)
        return (prob >= P_FOREIGN or supported) and (not is_common_word(name) or _placed_name(name)
                                                      and (supported or prob >= P_BOUNDARY))
    if len(name) == 2 and all(c in foreign_chars() for c in name) and name[0] not in person_surnames():
        return prob >= P_FOREIGN_SHORT and not is_common_word(name)     # 多纳, 卡西: a short transliteration
    return 2 <= len(name) <= 4 and (name[0] in person_surnames() or name[:2] in person_surnames()) \
        and (prob >= P_PERSON_WORD or not is_common_word(name))   # a dictionary word (高峰) only if sure


def _placed_name(name: str) -> bool:
    """Does jieba's dictionary know ``name`` as a place or other proper name (ns, nz)?"""
    return word_tags().get(name, "").startswith(("ns", "nz"))


def _person_context(w: Work, s: int, e: int) -> bool:
    """Does the text say a person stands at ``[s, e)``: a title or a word for a kind of person right before it
    (总经理|王建华, 主教练|马丁内斯), or a verb of speech right after it (王建华|表示)?"""
    from .persons import context_words
    from .personal_names import speech_verbs
    from .titles import roles
    text = w.text
    return roles().match_before(text, s, 6) is not None or context_words().match_before(text, s, 6) is not None \
        or speech_verbs().match_at(text, e) is not None


def _plain_name(w: Work, s: int, e: int) -> bool:
    """Is ``[s, e)`` a surname and two characters common in given names (``data/given_name_chars.txt``) that
    jieba's words and the name reader agree on, and no ordinary word (王治平; not 马铃薯, 高压线)?"""
    from .personal_names import name_at
    text = w.text
    return e - s == 3 and text[s] in person_surnames() and all(c in word_set("given_name_chars.txt") for c in text[s + 1:e]) \
        and s in w.index.start_set and e in w.index.end_set \
        and not is_common_word(text[s:e]) and name_at(text, w.index, s) == e


def longest_forms(w: Work, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The spans whose name is no part of a longer name of the article's people (立恒 beside 徐立恒)."""
    text = w.text
    names = {text[s:e] for s, e, _ in spans} | {text[s:e] for s, e in w.hit_at}
    return [(s, e, p) for s, e, p in spans if not any(len(n) > e - s and text[s:e] in n for n in names)]


@rule("organization.longest-form", stage="project", produces=("Organization",),
      requires=("tokens", "Organization"))
def longest_form(w: Work) -> None:
    """A body's name found once is its name wherever the article repeats it (宏达机械、…等企业 … 宏达机械的).

    Whatever jieba cut at the other occurrences: 甲地乙机械有限公司 five times is five times that name, not
    乙机械有限公司 and a place.
    """
    text = w.text
    seen: set[str] = set()
    for c in sorted(w.proposed("Organization"), key=lambda c: c.start - c.end):
        surface = text[c.start:c.end]
        if len(surface) < 4 or surface in seen:
            continue
        seen.add(surface)
        for s, e in occurrences(text, surface):
            if s == c.start or any(x.start <= s and e <= x.end and x.type != "Place" for x in w.candidates):
                continue
            if any(x.start < s < x.end or x.start < e < x.end for x in w.candidates if x.type != "Place"):
                continue                               # would cut across another body or project
            kind = "Project" if "Project" in _types_at_end(w, s, e) else "Organization"
            w.propose(Candidate(s, e, kind, c.label, set(c.aliases), dict(c.attrs), weight=c.weight))
