"""Names that end in a known ending (有限公司, 大学, 项目 …): where each one starts, walked once per article.

Organisations and projects both take their names from the words before an ending of their gazetteer.
The walk left (:func:`walks`) is shared and cached on :attr:`Work.named`; the rules that turn walks into
candidates live in ``organizations.py`` and ``projects.py``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..divisions import divisions
from ..gazetteer import Gazetteer
from ..model import Doc
from .context import seat
from .lexicon import keys, word_set, words
from .names import TokenIndex, expand_left, name_like
from .place_names import generic_word
from .places import place_word
from .spans import Candidate
from .tokenize import is_common_word, word_tags

if TYPE_CHECKING:
    from .state import Work

_DIVISION_END = set("省市县区镇乡村")       # the last character of a division's name
_LEAD_STOP = set("的在了和与及等是为对到从向把被将于给以由其该本这那此各每全我你他她们也都就又还已并而但让使、，。：；")
_INVESTS = re.compile(r"(?:(?<=公司|集团|股份|企业|银行|大学|学院)|(?<=研究院|研究所))"
                      r"(?:投资建设|投资兴建|出资建设|投资|投建|承建|建设|实施|打造|科研团队|研究团队|团队|课题组)")
_COMPANY_INSIDE = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团公司|(?<![^\u4e00-\u9fff])集团(?![有股]))")
_COMPLEMENT = set("强优大精特新实细好")      # 做强做优, 做大做强: a verb's complement, not a name's start
_COUNT_BEFORE = re.compile(r"[0-9一二两三四五六七八九十百千多余几]")
_BRACKETED = re.compile(r"[（(](?:集团|控股|股份)[)）]$")
_BRACKETED_PLACE = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[)）]$")
LEVEL_PREFIX = {"市": "home", "省": "province"}     # 市 or 省 standing alone: the home city's, the province's


@dataclass(frozen=True)
class Family:
    """How one entity type takes names from its endings."""
    type: str
    suffixes: str                 # the data file of its endings
    max_chars: int                # how far left a name may reach
    max_tokens: int
    extra_tags: tuple[str, ...]   # parts of speech its names admit beyond nouns (建设, 100 …)

    def gazetteer(self) -> Gazetteer[str]:
        return _gazetteer(self.suffixes, self.type)


ORGANIZATION = Family("Organization", "org_suffixes.txt", 16, 6, ("vn", "d"))
PROJECT = Family("Project", "project_suffixes.txt", 24, 9, ("vn", "m", "mq", "q"))


@cache
def _gazetteer(name: str, etype: str) -> Gazetteer[str]:
    """The endings listed in the data file ``name``, each marking an ``etype``."""
    return Gazetteer({w: etype for w in words(name)})


def project_suffixes() -> Gazetteer[str]:
    """The endings of project names (项目, 工程, 电站 …)."""
    return PROJECT.gazetteer()


@dataclass
class Walk:
    """A name walked left from an ending: ``text[start:end]``, the ending being ``text[s:end]``."""
    s: int
    end: int
    suffix: str
    start: int
    cut: bool = False             # a project that starts after its owner's verb (甲公司投资建设|乙项目)
    chain: list[Candidate] = field(default_factory=list)   # places dropped before the name (entities of their own)


def walks(w: Work, fam: Family) -> list[Walk]:
    """Every name ending in one of ``fam``'s endings, in order of their ends; walked once per article."""
    if fam.type not in w.named:
        w.named[fam.type] = _walk_all(w, fam)
    return w.named[fam.type]


def _walk_all(w: Work, fam: Family) -> list[Walk]:
    """Walk left from every ending that ends a word, over the words that can belong to a name."""
    doc, idx, text = w.doc, w.index, w.text
    places = w.proposed("Place")
    place_at = {p.start: p for p in places}
    out = []
    for s, e, suffix, _ in suffix_matches(fam.gazetteer(), text):
        if text.startswith("大学城", e - 2) or not ends_word(text, idx, e):
            continue          # 青石大学城 is a district of campuses (a place), not a university
        head = _head(text, idx, s, fam.extra_tags)
        if head is None:
            continue
        start = _name_start(doc, idx, head, s, places, fam)
        cut = False
        if fam.type == "Project":
            start, cut = _project_start(text, idx, start, s)
        start, chain = _after_places(idx, place_at, start, s, fam.type)
        out.append(Walk(s, e, suffix, start, cut, chain))
    return out


def suffix_matches(gaz: Gazetteer[str], text: str) -> list[tuple[int, int, str, str]]:
    """Every suffix occurrence (overlapping ones too: 汉中学院 has 中学 and 学院), longest per end."""
    best: dict[int, tuple[int, int, str, str]] = {}
    for m in gaz.find_all(text):
        if m[1] not in best or m[0] < best[m[1]][0]:
            best[m[1]] = m
    return [best[e] for e in sorted(best)]


def ends_word(text: str, idx: TokenIndex, e: int) -> bool:
    """Does an ending at ``e`` end a word too (not the 大学 of 大学生)?"""
    if e not in idx.end_set and e < len(text) and "\u4e00" <= text[e] <= "\u9fff":
        t = idx.covering(e - 1)
        if t is None or idx.tokens[t][1] != e and word_tags().get(idx.tokens[t][2]) is not None:
            return False
    return True


def _head(text: str, idx: TokenIndex, s: int, extra_tags: tuple[str, ...]) -> int | None:
    """Where the walk left starts: the word the ending begins in, if it can belong to a name."""
    t = idx.covering(s)
    head = s
    if t is not None and idx.tokens[t][0] < s:
        head = idx.tokens[t][0]
        if not name_like(text[head:s], extra_tags) and not name_like(idx.tokens[t][2], extra_tags):
            return None
    paren = _BRACKETED.search(text[max(0, head - 4):head])
    if paren:                 # 青石钢铁（集团）有限公司: the bracketed word belongs to the name
        head -= len(paren.group(0))
    return head


def _sentence_start(doc: Doc, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (a name never reaches past it)."""
    sent = doc.sentence_at(pos)
    return sent.start if sent else 0


def _name_start(doc: Doc, idx: TokenIndex, head: int, s: int, places: list[Candidate], fam: Family) -> int:
    """The start of the name: left over name-like words, never inside a place, past particles and counts."""
    text = doc.text
    start = expand_left(doc, idx, head, floor=_sentence_start(doc, s), max_chars=fam.max_chars,
                        max_tokens=fam.max_tokens, extra_tags=fam.extra_tags)
    bracket = _BRACKETED_PLACE.search(text, max(0, start - 10), start) if fam.type == "Organization" else None
    if bracket and bracket.end() == start and place_word(bracket.group(1)):
        before = expand_left(doc, idx, bracket.start(), floor=_sentence_start(doc, s), max_chars=fam.max_chars,
                             max_tokens=fam.max_tokens, extra_tags=fam.extra_tags)
        start = before if before < bracket.start() else start   # 甲乙（东山）|置业有限公司: the seat in brackets
    for p in places:          # never start inside a place name (东山县南关社区…)
        if p.start < start < p.end:
            start = p.start
    for p in places:          # 青石镇|西坡村… where jieba cut 镇西|坡村: the name starts at the place, as after 青石镇
        if start < p.start < s and p.start not in idx.start_set and text[p.start - 1] in _DIVISION_END:
            start = p.start
    if fam.type == "Organization":
        start = _stem_start(text, idx, places, start, s)
    while start < s and text[start] in _LEAD_STOP and (start + 1 in idx.start_set or _glued_stop(idx, start)):
        start += 1            # 及|市交投集团 (jieba's unknown word 及市): a conjunction opens no name
    if fam.type == "Organization":
        start = _after_intro(idx, after_adverbs(idx, _after_posts(text, start, s), s), s)
    if start < s and text[start] in "名个家所位批支" and start and _COUNT_BEFORE.match(text[start - 1]):
        start += 1            # 12名|省科技专家服务团: the classifier of a count
    return start


def _stem_start(text: str, idx: TokenIndex, places: list[Candidate], start: int, s: int) -> int:
    """A name never starts inside the name of a place of the article: 甲乙村 … 甲|乙森林公园 (jieba cut 甲乙
    apart there) starts at 甲, when 甲 opens a word (not 延长|安全… beside a place 长安镇)."""
    here = text[start] if start < len(text) else ""
    for p in places:
        stem = text[p.start:p.end - 1] if text[p.end - 1] in _DIVISION_END else ""
        if here not in stem[1:]:
            continue          # the name's first character is no inner character of this stem
        for j in range(1, len(stem)):
            if len(stem) >= 2 and start - j >= 0 and text.startswith(stem, start - j) and start - j + len(stem) < s \
                    and start - j in idx.start_set:
                return start - j
    return start


def _glued_stop(idx: TokenIndex, start: int) -> bool:
    """Is ``start`` the first character of a two-character word jieba made up (及市, 市城), no word of its own?"""
    t = idx.covering(start)
    return t is not None and idx.tokens[t][0] == start and len(idx.tokens[t][2]) == 2 \
        and word_tags().get(idx.tokens[t][2]) is None


@cache
def _career_words() -> Gazetteer[str]:
    """The résumé words that stand before posts (时任, 历任, 现任): never inside a body's name."""
    return Gazetteer({k: "career" for k in keys("career_words.tsv")})


# A body's ending, right before a post of it (甲股份有限公司|副总裁兼…).
_ENDS_BODY = re.compile(r"(?:公司|集团|局|厂|院|所|大学|学院|学校|银行|行|委员会|委|部|厅|办|中心|会|社|台|站)$")


def _after_posts(text: str, start: int, s: int) -> int:
    """Where a body's name starts after the posts written before it: 伙同时任|甲市电视台, 甲股份有限公司副总裁兼|乙有限公司
    (a post and 兼 after another body's ending)."""
    from .titles import roles
    best = start
    for _, b, _, _ in _career_words().find_all(text[start:s]):
        best = max(best, start + b)
    for a, b, _, _ in roles().find_all(text[start:s]):
        if b - a >= 2 and _ENDS_BODY.search(text[start:start + a]) and text.startswith("兼", start + b):
            best = max(best, start + b + 1)
    return best if best < s else start


# jieba tags of the words that introduce a name rather than belong to it (联系, 值得一提的是, 上述, 正是 …).
_INTRO_TAGS = ("v", "l", "d", "p", "c", "b")
_PROPER_TAGS = ("ns", "nz", "nr", "nt", "j", "eng")


def _after_intro(idx: TokenIndex, start: int, s: int) -> int:
    """Where a body's name starts after the words that introduce it: a person or a predicate, then the proper name
    (市民|联系|甲乙银行, 原告|甲乙公司, 上述|甲银行, 甲银行|投资|乙丙|银行). Not 东山|建设|银行 (the verb is in the name)
    nor 甲乙|和|丙丁|地产 (a word between two parts of a name)."""
    toks = idx.within(start, s)
    last = max((i for i, (_, _, w) in enumerate(toks) if _introduces(w, toks[i - 1][2] if i else None)), default=None)
    if last is None:
        return start
    for a, _, w in toks[last + 1:]:
        if proper(w):
            return a
        if ORGANIZATION.gazetteer().match_at(w, 0) or word_tags().get(w) is None:
            break             # 建设|银行|株洲市: the verb and an ending make a name of their own
    return start


def _introduces(w: str, before: str | None) -> bool:
    """Is ``w`` a word before a body's name, not in it: a person opening the walk (记者, 原告) or a predicate
    (联系, 上述) at the start or after a whole body (甲银行|投资), not after a part of a name (甲乙|和|丙丁)?"""
    from .persons import context_words
    from .tagged import reporter_words
    if w in words("org_words.txt") or before is not None and proper(before) and not _WHOLE_BODY.search(before):
        return False          # 预防, 服务: verbs that are part of names
    tag = word_tags().get(w) or ""
    return tag.startswith(_INTRO_TAGS) or before is None and (w in context_words() or w in reporter_words())


_WHOLE_BODY = re.compile(r"(?:学|院|司|局|委|会|厅|部|校|所|团|行|馆|站|心|队|社|室|厂|处|办)$")


def proper(w: str) -> bool:
    """Is ``w`` a proper name jieba knows or a word it does not (甲乙, 东山, 工商银行)?"""
    tag = word_tags().get(w)
    return tag is None and len(w) >= 2 and not w[0].isdigit() or (tag or "").startswith(_PROPER_TAGS)


def after_adverbs(idx: TokenIndex, start: int, s: int) -> int:
    """Where a body's name starts after an adverb that opens a predicate (园区经常|饭店, 甲公司充分发挥|乙公司)."""
    adverbs = word_set("clause_adverbs.txt")
    t = idx.covering(start)
    best = start
    while t is not None and t < len(idx.tokens) and idx.tokens[t][1] <= s:
        w = idx.tokens[t][2]
        if len(w) >= 2 and (w in adverbs or len(w) >= 4 and (w[:2] in adverbs or w[:3] in adverbs)):
            best = idx.tokens[t][1]
        t += 1
    return best


def _project_start(text: str, idx: TokenIndex, start: int, s: int) -> tuple[int, bool]:
    """Where a project's name starts after its owner (甲公司投资建设|乙项目), and whether an owner's verb cut it."""
    cut = None
    for v in _INVESTS.finditer(text, start, s):
        cut = v.end()
    if cut is None:           # 甲有限公司年产…项目: the company is a body of its own, not part of the project
        for c in _COMPANY_INSIDE.finditer(text, start, s):
            start = c.end()
    else:
        start = cut           # the body before the verb makes the project a particular one
    return _after_project_verb(text, idx, start, s), cut is not None


def _after_project_verb(text: str, idx: TokenIndex, start: int, s: int) -> int:
    """A project verb (建设, 新建 …) before a number, or a complement (做优), is not part of the name:
    建设|100千瓦…电站, 做强做优|国家…工程."""
    t = idx.covering(start)
    if t is None or idx.tokens[t][0] != start or idx.tokens[t][1] >= s or t + 1 >= len(idx.tokens):
        return start
    w, nxt = idx.tokens[t][2], idx.tokens[t + 1]
    if len(w) == 1 and w in _COMPLEMENT and start > 0 and text[start - 1] in "做打建搞":
        return nxt[0]
    while t + 1 < len(idx.tokens) and idx.tokens[t + 1][0] < s:
        w, nxt = idx.tokens[t][2], idx.tokens[t + 1]
        if (word_tags().get(w) or "").startswith("v") and w in words("project_words.txt") \
                and re.match(r"[0-9]", nxt[2]):
            start = nxt[0]
        t += 1
    return start


def _after_places(idx: TokenIndex, place_at: dict[int, Candidate], start: int, s: int,
                  etype: str) -> tuple[int, list[Candidate]]:
    """A chain of places before a name keeps only the nearest one (东山县柳溪乡石桥村… → 石桥村…); a town
    before a company is where it is (北滘镇|美的集团). The places dropped are entities of their own."""
    chain: list[Candidate] = []
    while start in place_at and place_at[start].end in place_at and place_at[start].end < s \
            and not _province_short(place_at[start]):    # 山西青龙沟…保护区 keeps its 山西
        chain.append(place_at[start])
        start = place_at[start].end
    town = place_at.get(start)
    if etype == "Organization" and town is not None and town.attrs.get("level") == "town" and s - town.end >= 2 \
            and specific(idx, town.end, s, []):
        chain.append(town)
        start = town.end
    return start, chain


def _province_short(p: Candidate) -> bool:
    """A province written in its short form (山西, not 山西省): the usual first word of a body's name."""
    return p.attrs.get("level") == "province" and p.label not in p.aliases


def plain_name(text: str, wk: Walk) -> bool:
    """Does the walk hold a name: two or more characters before the ending, not a common word (中学, 公园)?"""
    prefix, name = text[wk.start:wk.s], text[wk.start:wk.end]
    return not (len(prefix) < 2 or generic_word(prefix) and len(prefix) <= 2 or is_common_word(name) and len(name) <= 3)


def suffix_candidate(w: Work, wk: Walk, etype: str, place_at: dict[int, Candidate]) -> Candidate:
    """The candidate of a walked name; 省|科技…服务团 takes the home province, a place chain gives an alias."""
    text, start = w.text, wk.start
    name = label = text[start:wk.end]
    if text[start] in LEVEL_PREFIX and (start + 1 in w.index.start_set or _glued_stop(w.index, start)):
        place = seat(w.doc, text[start])   # 市 or 省 written alone: the home chain's
        if place:             # 省|科技…服务团: 省 stands alone for the home province
            label = place + name[1:]
    als = {name}
    chain = list(wk.chain)
    if chain and start in place_at and wk.s - place_at[start].end >= 2:
        als.add(text[place_at[start].end:wk.end])      # 北湖区宏达煤业 is also 宏达煤业
        chain.append(place_at[start])
    attrs = {"_chain": chain, "_suffix": wk.suffix} if chain else {"_suffix": wk.suffix}
    return Candidate(start, wk.end, etype, label, als, attrs)


def ending_start(c: Candidate) -> int:
    """Where the ending of a suffixed candidate begins (the 大学 of 东山大学)."""
    return c.end - len(c.attrs["_suffix"])


def drop(w: Work, made_by: str, unwanted: Callable[[Candidate], bool]) -> None:
    """Remove the candidates of the rule ``made_by`` that are ``unwanted`` (a filter rule's step)."""
    w.candidates[:] = [c for c in w.candidates if c.rule != made_by or not unwanted(c)]


def propose_list_ellipses(w: Work, fam: Family) -> None:
    """Propose the bare items of a list (…、博物馆) with the prefix of the item before them (青石市图书馆)."""
    by_end = {c.end: c for c in w.candidates if c.type == fam.type and "_suffix" in c.attrs}
    for wk in walks(w, fam):
        if wk.start != wk.s:
            continue
        shared = _list_prefix(by_end, w.text, wk.s)
        if shared:
            label = shared + wk.suffix
            by_end[wk.end] = w.propose(Candidate(wk.s, wk.end, fam.type, label, {wk.suffix, label},
                                                 {"_suffix": wk.suffix}))


def _list_prefix(by_end: dict[int, Candidate], text: str, s: int) -> str | None:
    """The prefix a bare list item at ``s`` takes from the suffixed item that ends right before its 、."""
    if s == 0 or text[s - 1] != "、":
        return None
    prev = by_end.get(s - 1)
    if prev is None:
        return None
    prefix = prev.label[: len(prev.label) - len(prev.attrs["_suffix"])]
    return prefix if len(prefix) >= 2 else None


def specific(idx: TokenIndex, start: int, end: int, places: list[Candidate]) -> bool:
    """Does ``text[start:end]`` hold something particular (a name, a place, a number, an unknown word)?

    重点工业项目 or 基础设施项目 do not; 年产20万吨电解铝项目 or 白水河治理工程 do.
    """
    if any(start <= p.start and p.end <= end for p in places):
        return True
    return any(_particular(w) for _, _, w in idx.within(start, end))


def _particular(w: str) -> bool:
    """Is the word a name, a number or unknown to the dictionary (not a plain word like 重点)?"""
    tag = word_tags().get(w)
    return tag is None and len(w) >= 2 or bool(re.search(r"[0-9A-Za-z]", w)) \
        or (tag or "").startswith(("ns", "nr", "nz", "nt", "m", "eng", "j")) or len(w) >= 2 and bool(divisions().lookup(w))
