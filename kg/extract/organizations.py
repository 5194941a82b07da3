"""Organisations: a known ending (有限公司, 大学, 医院 …) and the name words before it, items of a
…等企业 list, national academies by their short names, and the partners of a joint piece of work."""
from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from ..divisions import divisions
from ..gazetteer import Gazetteer
from .context import seat
from .lexicon import alternation, table, word_set, words
from .lists import list_items, lists
from .names import TokenIndex, name_like
from .registry import rule
from .spans import Candidate
from .ending_names import (LEVEL_PREFIX, ORGANIZATION, Walk, after_adverbs, drop, ending_start, ends_word,
                           plain_name, proper, propose_list_ellipses, specific, suffix_candidate, walks)
from .place_names import generic_word
from .tokenize import word_freq, word_tags

if TYPE_CHECKING:
    from .state import Work

_KIND_BEFORE = re.compile(r"(?:[0-9一二两三四五六七八九十百千几多余]+(?:所|家|个|座|批|类|处|支|条|名|级)|各|每|该|本|这|那|一批|多家|多所|更换|新建|组建|建设|建成|设立|打造|申报)$")
_RANKED = re.compile(r"(?:国家级|省级|市级|县级|区级|国家|省|市|县|[\u4e00-\u9fff]{0,4}(?:建设|建成|打造|申报|创建|认定|设立|命名))")
_COUNT_AFTER = re.compile(r"[0-9０-９一二两三四五六七八九十百千几多余]+(?:所|家|个|座|处|类|批)")
_CONFERRED = ("全国", "全省", "全市", "首批", "第一批")     # 全国科普教育基地: a title conferred on bodies
_LIST_START = "、，,。；：和与及在到赴"


@rule("organization.suffix", stage="organization", produces=("Organization",), requires=("tokens", "Place"))
def suffix_bodies(w: Work) -> None:
    """A body named by the words before a known ending (东山县第一中学, 甲乙科技有限公司)."""
    place_at = {p.start: p for p in w.proposed("Place")}
    for wk in walks(w, ORGANIZATION):
        wk = _with_bank(w, _without_verb_ending(w, wk))
        if wk.start < wk.s and not _level_prefixed(w, wk) and plain_name(w.text, wk):
            w.propose(suffix_candidate(w, wk, "Organization", place_at))


def _with_bank(w: Work, wk: Walk) -> Walk:
    """A branch's walk with the bank's short name before it, a rare word of two characters in 行 that jieba may
    take for a verb (甲行|东山|分行); not a pronoun (该行, 本行) nor a common word (进行, 同行)."""
    k = w.index.ending_at(wk.start)
    if wk.suffix not in ("分行", "支行") or k is None or wk.start == wk.s:
        return wk
    ts, _, word = w.index.tokens[k]
    if len(word) == 2 and word[1] == "行" and word_freq(word) < 500 and not (word_tags().get(word) or "").startswith("r"):
        return Walk(wk.s, wk.end, wk.suffix, ts, wk.cut, wk.chain)
    return wk


# An ending that is also a verb (控股), after a body's own ending: 由甲集团|控股, 甲集团|控股|乙公司.
_VERB_ENDING = re.compile(r"(?:集团|公司|银行)(控股)$")
_CONTINUED = re.compile(r"[（(]|有限|股份|集团|公司")


def _without_verb_ending(w: Work, wk: Walk) -> Walk:
    """The walk without an ending that is the verb of the clause: 由甲集团控股 (by whom), 甲集团控股乙公司 (a name
    follows) name 甲集团; 甲集团控股有限公司 and 甲控股 keep it."""
    text = w.text
    m = _VERB_ENDING.search(text, wk.start, wk.end)
    if m is None or m.end() != wk.end or _CONTINUED.match(text, wk.end):
        return wk
    t = w.index.covering(wk.end)
    named = t is not None and w.index.tokens[t][0] == wk.end and proper(w.index.tokens[t][2])
    if not named and not (wk.start > 0 and text[wk.start - 1] in "由被"):
        return wk
    inner = m.group(0)[:-2]
    return Walk(m.start(1) - len(inner), m.start(1), inner, wk.start, wk.cut, wk.chain)


def _level_prefixed(w: Work, wk: Walk) -> bool:
    """Is the name 市 or 省 alone before a long ending, at the start of a list item (、市科技馆、)?"""
    text = w.text
    return text[wk.start:wk.s] in LEVEL_PREFIX and len(wk.suffix) >= 3 and wk.start in w.index.start_set \
        and (wk.start == 0 or text[wk.start - 1] in _LIST_START)


@rule("organization.not-a-kind", stage="organization", requires=("tokens", "Place"))
def not_a_kind(w: Work) -> None:
    """A kind of body (科技企业孵化器, 国家级众创空间) named by a suffix is no body, unless a place in it says whose."""
    places = w.proposed("Place")
    drop(w, "organization.suffix", lambda c: (_generic_body(w.text[c.start:c.end]) or _described(w.index, c)
                                              or _action(w.index, c))
         and not any(p.start >= c.start and p.end <= ending_start(c) for p in places))


# Words that describe a kind: distinctives (大型, 国有), -性/-型 nouns (综合性), a verb opening the name (改建|民宿;
# not 乡村|治理|研究院); never adjectives (宏远). Beside them only common nouns and place words (村里).
_BESIDE = frozenset(("n", "s", "f"))           # the common nouns and place words beside them (村里|改建|民宿)
_KIND_ADJ = re.compile(r"^[\u4e00-\u9fff]{2,}[性型]$")     # 综合性, 外向型


def _described(idx: TokenIndex, c: Candidate) -> bool:
    """Is the name before the ending only a description (省属|大型|国有|企业集团, 综合性|集团, 改建|民宿)?
    Not 青丝|造型|理发店 (造型 is a noun); a proper word or one the dictionary does not know makes a name."""
    tags = word_tags()
    end = ending_start(c)
    lo, hi = bisect.bisect_left(idx.starts, c.start), bisect.bisect_left(idx.starts, end)
    toks = [t[2][:end - t[0]] for t in idx.tokens[lo:hi]]                     # 企业|集团: the part before it
    if not toks or sum(map(len, toks)) != end - c.start:
        return False
    kind = [tags.get(t) == "b" or bool(_KIND_ADJ.search(t)) and tags.get(t) == "n"
            or tags.get(t) == "v" and all(tags.get(x) in ("s", "f") for x in toks[:i]) for i, t in enumerate(toks)]
    return any(kind) and all(k or tags.get(t) in _BESIDE for k, t in zip(kind, toks)) and all(len(t) >= 2 for t in toks)


def _action(idx: TokenIndex, c: Candidate) -> bool:
    """Are the words before the ending only verbs and adjectives, a plain verb among them (建设|新|厂: what is done,
    no name)? The verbs of names (服务, 管理) and one dictionary word holding the ending (甲乙银行) do not count."""
    toks = [t[2] for t in idx.within(c.start, ending_start(c))]
    tags = [word_tags().get(t) or "" for t in toks]
    return len(toks) >= 2 and idx.tokens[idx.covering(c.start)][1] <= ending_start(c) \
        and all(g.startswith(("v", "a", "d")) for g in tags) \
        and any(g.startswith("v") and t not in word_set("org_words.txt") for t, g in zip(toks, tags))


def _generic_body(name: str) -> bool:
    """Is ``name`` a kind of body (社区卫生服务站), perhaps after a rank or a verb (国家级科技企业孵化器)?"""
    generic = word_set("generic_bodies.txt")
    return any(name[-n:] in generic and (len(name) == n or _RANKED.fullmatch(name[:-n]))
               for n in range(2, min(len(name), 9) + 1))


@rule("organization.not-a-market", stage="select-bodies", requires=("tokens", "Organization"))
def not_a_market(w: Work) -> None:
    """A market of goods or of a place (二手车市场, 家电市场, 东山市场) is a trade, not a body; one with a name of its
    own (甲乙木材市场) is. Run before the choice: a list of projects may still name one (甲、乙交易市场等项目)."""
    drop(w, "organization.suffix", lambda c: c.attrs["_suffix"] == "市场"
         and not any(_own_name(t[2][:ending_start(c) - t[0]]) for t in w.index.within(c.start, ending_start(c))))


def _own_name(word: str) -> bool:
    """Is ``word`` a name of its own: unknown to jieba or a proper name, not a division or a country (甲乙, 某某路;
    not 债券, 东山)?"""
    from .places import place_word
    tag = word_tags().get(word)
    return (tag is None and len(word) >= 2 or (tag or "").startswith(("nz", "nr", "nt", "ns"))) and not place_word(word)


@rule("organization.bracketed-seat", stage="organization", requires=("Place",))
def bracketed_seat(w: Work) -> None:
    """A company's seat in brackets before its ending (…（东山）有限公司) is part of its name, no place of its own."""
    text = w.text
    w.candidates[:] = [c for c in w.candidates if not (
        c.type == "Place" and 0 < c.start and c.end < len(text) and text[c.start - 1] in "（(" and text[c.end] in "）)"
        and ORGANIZATION.gazetteer().match_at(text, c.end + 1) is not None)]


@rule("organization.not-a-title", stage="organization", requires=("tokens",))
def not_a_title(w: Work) -> None:
    """A title conferred on bodies (全国科普教育基地, 首批示范学校) is not the name of one."""
    drop(w, "organization.suffix", lambda c: w.text[c.start:c.end].startswith(_CONFERRED))


@rule("organization.not-counted", stage="organization", requires=("tokens", "Place"))
def not_counted(w: Work) -> None:
    """A counted or quantified kind of body (50所寄宿制学校, 各社区卫生服务中心, 开办乡村书店8家) is not one body."""
    places = w.proposed("Place")
    drop(w, "organization.suffix", lambda c: bool(_KIND_BEFORE.search(w.text[max(0, c.start - 6):c.start])
                                                  or _COUNT_AFTER.match(w.text, c.end))
         and not specific(w.index, c.start, c.end, places))


@rule("organization.no-adverb", stage="select-bodies", requires=("Organization",))
def no_adverb(w: Work) -> None:
    """Filter (any source, before the choice): a body's name holds no adverb that opens a predicate; it starts after
    one (甲公司充分发挥|乙科技公司) or, when only a kind is left, is none (园区经常|饭店)."""
    keep = []
    for c in w.candidates:
        start = after_adverbs(w.index, c.start, c.end) if c.type == "Organization" else c.start
        if start > c.start and c.label == w.text[c.start:c.end]:
            if c.end - start < 4 or w.text[start:c.end] in word_set("org_suffixes.txt"):
                continue
            c.start, c.label, c.aliases = start, w.text[start:c.end], {w.text[start:c.end]}
        keep.append(c)
    w.candidates[:] = keep


@rule("organization.level-prefix", stage="organization", produces=("Organization",), requires=("tokens", "Place"))
def level_prefix(w: Work) -> None:
    """市 or 省 alone before a body's ending in a list is the home city's or province's (、市科技馆、 → 东山市科技馆)."""
    for wk in walks(w, ORGANIZATION):
        if wk.start < wk.s and _level_prefixed(w, wk):
            place = seat(w.doc, w.text[wk.start])
            if place:
                label = place + wk.suffix
                w.propose(Candidate(wk.start, wk.end, "Organization", label, {w.text[wk.start:wk.end], label},
                                    {"_suffix": wk.suffix}))


@rule("organization.shared-level", stage="organization", produces=("Organization",), requires=("tokens", "Place"))
def shared_level(w: Work) -> None:
    """The bodies listed after one of 市 or 省 alone are the same city's or province's too
    (市交投集团、水务集团、城建集团 → 东山市水务集团, 东山市城建集团)."""
    text = w.text
    place_by_end = {c.end: c.label[: len(c.label) - (c.end - c.start - 1)] for c in w.proposed("Organization")
                    if text[c.start] in LEVEL_PREFIX and c.label != text[c.start:c.end]
                    and c.label.endswith(text[c.start + 1:c.end])}
    placed = {p.start for p in w.proposed("Place")}
    for wk in walks(w, ORGANIZATION):
        place = place_by_end.get(wk.start - 1)
        if place is None or text[wk.start - 1] != "、" or wk.start == wk.s or wk.start in placed or wk.chain:
            continue          # a bare ending (、博物馆) is the list ellipsis's; 、运城老年大学 names its own place
        surface = text[wk.start:wk.end]
        w.propose(Candidate(wk.start, wk.end, "Organization", place + surface, {surface, place + surface},
                            {"_suffix": wk.suffix}, weight=1))
        place_by_end[wk.end] = place


@rule("organization.list-ellipsis", stage="organization", produces=("Organization",), requires=("tokens", "Place"))
def list_ellipsis(w: Work) -> None:
    """A bare ending after 、 shares the prefix of the body before it (东山县图书馆、博物馆 → 东山县博物馆)."""
    propose_list_ellipses(w, ORGANIZATION)


# the tail of a list of bodies: 等…企业 (the list itself runs back to the clause start)
_BODY_TAIL = re.compile(r"等(?:[0-9一二两三四五六七八九十百千多几余]+(?:家|所|个))?[\u4e00-\u9fff、]{0,8}?"
                        + alternation(words("body_kinds.txt")))
_KIND_WORD = re.compile(alternation(words("body_kinds.txt")) + "$")
_SECTORS = re.compile(r"领域|行业|产业|方面|类")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff·]+")


@rule("organization.listed-body", stage="organization", produces=("Organization",), requires=("tokens",))
def listed_bodies(w: Work) -> None:
    """Items of a list that ends in 等企业/等高校/等单位 … are organisations (甲公司、乙大学等单位)."""
    text, idx = w.text, w.index
    for a, b, m in lists(text, _BODY_TAIL):
        if _SECTORS.search(m.group(0)):
            continue          # 新材料、生物医药等领域企业: a list of sectors
        for s, e in list_items(w.doc, idx, a, b, ORGANIZATION.extra_tags):
            name = text[s:e]
            if _HAN_NAME.fullmatch(name) and (specific(idx, s, e, []) or len(name) >= 3 and word_freq(name) < 500
                                              and not _KIND_WORD.search(name) and not _activity(idx, s, e)):
                full = known_bodies().get(name) or name        # 中经社 → 中国经济信息社
                w.propose(Candidate(s, e, "Organization", full, {name, full}))


def _activity(idx: TokenIndex, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a line of business, common words with a verb among them (食品加工, 家政服务), no name?"""
    return any((word_tags().get(t[2]) or "").startswith("v") for t in idx.within(s, e))


@cache
def known_bodies() -> Gazetteer[str]:
    """Short and full names of national academies (中科院 → 中国科学院)."""
    return Gazetteer(table("org_aliases.tsv"))


@rule("organization.known-body", stage="organization", produces=("Organization",))
def known_body(w: Work) -> None:
    """A national body by its full or short name, from the list of aliases (中科院 → 中国科学院)."""
    for s, e, surface, full in known_bodies().finditer(w.text):
        w.propose(Candidate(s, e, "Organization", full, {surface, full}))


# 甲与乙、丙合作的丁技术: the bodies that work together and what they make
COOPERATION = re.compile(r"(?:^|(?<=[，,。；;：:\s])|(?<=其中))([\u4e00-\u9fff]{2,12}?)(?:与|和|同)([\u4e00-\u9fff、]{2,30}?)"
                         r"(?:合作|联合|共同)(?:研发|开发|攻关|实施|承担|完成|建设|研制)?的[“\"]?([^，。；、“”\"]{4,40}?技术)")


def cooperations(w: Work) -> list[Candidate]:
    """The partners (organisations) and the technology (a project) of each joint piece of work, found once."""
    if w.cooperations is None:
        w.cooperations = _find_cooperations(w.text, w.index)
    return w.cooperations


def _find_cooperations(text: str, idx: TokenIndex) -> list[Candidate]:
    out: list[Candidate] = []
    for m in COOPERATION.finditer(text):
        for s, e in _partners(m):
            name = text[s:e]
            if 2 <= len(name) <= 12 and specific(idx, s, e, []) and all(
                    name_like(x) or word_tags().get(x) is None or divisions().lookup(x) for _, _, x in idx.within(s, e)):
                full = known_bodies().get(name) or name
                out.append(Candidate(s, e, "Organization", full, {name, full}))
        s, e = m.start(3), m.end(3)
        if e - s >= 6:        # what two bodies develop together is a particular piece of work
            out.append(Candidate(s, e, "Project", m.group(3), {m.group(3)}, weight=1))
    return out


def _partners(m: re.Match) -> list[tuple[int, int]]:
    """The spans of the partners of a joint piece of work: 甲 and each of 乙、丙."""
    spans = [(m.start(1), m.end(1))]
    pos = m.start(2)
    for part in m.group(2).split("、"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    if m.group(1).startswith("其中"):
        spans[0] = (m.start(1) + 2, m.end(1))
    return spans


@rule("organization.cooperation", stage="organization", produces=("Organization",), requires=("tokens",),
      assigns=("cooperations",))
def cooperation_partners(w: Work) -> None:
    """The partners of a joint technology are organisations (甲研究院与乙大学合作的…制备技术)."""
    for c in cooperations(w):
        if c.type == "Organization":
            w.propose(c)


# A news outlet named where it is a source: 据甲网报道, 来源：甲日报, 甲报记者, 甲网讯, 甲网某地5月1日电.
_OUTLET_END = re.compile(r"(?:网站|网|报|电视台|广播电台|电台|通讯社|新闻社|杂志|客户端)》?(?=记者|讯|消息|报道|评论员|特约|通讯员|"
                         r"获悉|援引|独家|[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日(?:专?电|报道|消息|讯)|[）)】]?\s*$|[）)】]\s*\n)")
_OUTLET_CUE = re.compile(r"(?:据|来源[:：]?|来自|转自|转载自|援引|引自|刊登于|发表于)\s*《?$")
_OWN_SITE = re.compile(r"(?:门户网站|官网|官方网站|政府网站|政务网)$")     # a body's own website is the body's
_NOT_OUTLET = re.compile(r"^(?:本|该|此|我|各|全|其|这|那|上述|有关|相关|多家|当地|一|据|日)")


@rule("organization.news-outlet", stage="organization", produces=("Organization",), requires=("tokens",))
def news_outlet(w: Work) -> None:
    """A news outlet where the text cites it or its reporters (据甲网报道, 乙日报记者, 来源：丙报, 丁网讯)."""
    text = w.text
    for m in _OUTLET_END.finditer(text):
        e = m.end() - (1 if text[m.end() - 1] == "》" else 0)
        s = _outlet_start(w.index, e)
        if s is None:
            continue
        if text.startswith("网站", e - 2):       # 处分|甲省纪委监委网站: a body's website starts at the body
            s = min((c.start for c in w.candidates if s <= c.start and c.end <= e - 2 and c.type != "Person"), default=s)
        name = text[s:e]
        cited = _OUTLET_CUE.search(text[max(0, s - 6):s]) or s == 0 or text[s - 1] in "，,。；;：:\n（(【《 " \
            or text.startswith("讯", e)          # 甲网讯: a dateline names its outlet wherever a line break went
        if cited and not _NOT_OUTLET.match(name) and name not in _generic_outlets() and not _OWN_SITE.search(name):
            w.propose(Candidate(s, e, "Organization", name, {name}, {}))


def _outlet_start(idx: TokenIndex, e: int) -> int | None:
    """The start of an outlet's name ending at ``e``: the word holding its ending and at most one name word
    before it when that word is short or a kind (新华网, 天山|网, 西江|新闻网), or None."""
    t = idx.covering(e - 1)
    if t is None or idx.tokens[t][1] != e and not (idx.tokens[t][1] == e + 1 and idx.tokens[t][2].endswith("讯")):
        return None           # the ending ends a word, or jieba glued the 讯 of a dateline to it (西江|网讯)
    s = idx.tokens[t][0]
    if _NOT_OUTLET.match(idx.tokens[t][2]):
        return None           # 详见|本报: this paper, no outlet's name
    if idx.tokens[t][2] == "网站":      # 据|甲省纪委监委|网站|消息: a body's website, named after the whole body
        while t > 0 and idx.tokens[t - 1][1] == s and e - idx.tokens[t - 1][0] <= 14 and name_like(idx.tokens[t - 1][2]):
            t -= 1
            s = idx.tokens[t][0]
        return s if e - s >= 4 else None
    if (e - s <= 2 or idx.tokens[t][2] in _generic_outlets()) and t > 0 and idx.tokens[t - 1][1] == s and name_like(idx.tokens[t - 1][2]) \
            and 1 <= len(idx.tokens[t - 1][2]) <= 4:
        s = idx.tokens[t - 1][0]
    return s if e - s >= 3 else None


@cache
def _generic_outlets() -> frozenset[str]:
    """Words for kinds of outlet that name none (官网, 电视台, 晚报)."""
    return frozenset(("官网", "网站", "电视台", "日报", "晚报", "晨报", "官方网站", "门户网站", "客户端", "公众号",
                      "互联网", "新闻网", "广播电台", "报纸", "画报", "学报", "快报", "简报", "通报", "情报", "电报",
                      "海报", "举报", "汇报", "上报", "申报", "预报", "公报", "周报", "月报", "年报", "党报"))


# The parts of speech of a firm's brand word before its trade (甲乙|地产): a proper name or a word jieba does not know
# (not nt: 某部|食品 is a body's sector, not a firm).
_BRAND_TAGS = ("nz", "j", "nr", "ns", "eng")
_NOT_IN_BRAND = set("的在了过着和与及而是为对到从向把被将于给以由其该本这那此各每全我你他她们也都就又还已并但让使")


@rule("organization.trade-name", stage="organization", produces=("Organization",), requires=("tokens", "Place"))
def trade_names(w: Work) -> None:
    """A firm's short name: a brand word and the trade word after it (甲乙|地产, 丙丁|证券, 东山|戊己|律师事务所).

    Not a place nor a common word before the trade (北京|地产, 商业|地产), nor a person a title names (总经理|王五|咨询).
    """
    from .tagged import firm_name, firm_trades
    text, idx = w.text, w.index
    for s, e, _, _ in firm_trades().find_all(text):
        k = idx.ending_at(s)
        if k is None or s not in idx.start_set or not (ends_word(text, idx, e) or _role_at(text, e)):
            continue          # 律师事务所|律师: jieba glues the title after it to the trade
        if ORGANIZATION.gazetteer().match_at(text, e):
            continue          # 甲乙科技|有限公司: the suffix rules name the whole firm
        bs, _, brand = idx.tokens[k]
        if not _brand(brand) or not firm_name(w, bs, s):
            continue
        if k > 0 and idx.tokens[k - 1][1] == bs and divisions().lookup(idx.tokens[k - 1][2]):
            bs = idx.tokens[k - 1][0]           # 东山|戊己|律师事务所: the firm's division opens its name
        w.propose(Candidate(bs, e, "Organization", text[bs:e], {text[bs:e]}))


def _role_at(text: str, i: int) -> bool:
    """Does a title or a word for a kind of person start at ``i`` (总经理, 律师)?"""
    from .persons import context_words
    from .titles import roles
    return roles().match_at(text, i) is not None or context_words().match_at(text, i) is not None


def _brand(word: str) -> bool:
    """Can ``word`` be a firm's brand: two characters or more of a name jieba knows as one or does not know, no
    place (国瑞, 海通; not 北京, 美国, 商业), no particle at either end (做过, 而云锡)?"""
    from .places import place_word
    tag = word_tags().get(word)
    return len(word) >= 2 and _HAN_NAME.fullmatch(word) is not None and (tag is None or tag.startswith(_BRAND_TAGS)) \
        and word[0] not in _NOT_IN_BRAND and word[-1] not in _NOT_IN_BRAND and not place_word(word) \
        and not generic_word(word)
