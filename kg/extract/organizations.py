"""Organisations and projects: a known ending (有限公司, 大学, 项目 …) and the name words before it."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..model import Doc
from ..divisions import divisions
from ..gazetteer import Gazetteer
from .lexicon import table, word_set, words
from .names import TokenIndex, expand_left, name_like
from .places import generic_word
from .registry import rule
from .spans import Candidate
from .tokenize import is_common_word, word_freq, word_tags

_LEAD_STOP = set("的在了和与及等是为对到从向把被将于给以由其该本这那此各每全我你他她们也都就又还已并而但让使、，。：；")
_NOT_PROJECT = re.compile(r"(?:行动|计划项目|战略|工程师|专项|攻坚|大会|会议|活动|政策|民生工程|系统工程|千万工程|重点项目|重大项目|该项目|此项目|这个项目|项目建设|好项目|大项目|新项目|一批项目|签约项目|招商项目)$")
_INVESTS = re.compile(r"(?:(?<=公司|集团|股份|企业|银行|大学|学院)|(?<=研究院|研究所))"
                      r"(?:投资建设|投资兴建|出资建设|投资|投建|承建|建设|实施|打造|科研团队|研究团队|团队|课题组)")
_KIND_BEFORE = re.compile(r"(?:[0-9一二两三四五六七八九十百千几多余]+(?:所|家|个|座|批|类|处|支|条|名|级)|各|每|该|本|这|那|一批|多家|多所|更换|新建|组建|建设|建成|设立|打造|申报)$")
_COUNTED = re.compile(r"(?<![块段期区号])[一二两三四五六七八九十几多0-9]+(?:个|大|项|批)?(?:项目|工程)$")
_ROAD_WORKS = re.compile(r"(?:改扩建工程|改造工程|建设工程|拓宽改造|提升改造|改扩建|建设|改造|拓宽)(?![\u4e00-\u9fff]{0,2}(?:项目|工程))")
_COMPANY_INSIDE = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团公司|(?<![^\u4e00-\u9fff])集团(?![有股]))")
_INVESTED = re.compile(r"(?:总投资|计划投资|投资|总额)[约达超逾近]?[0-9.一二两三四五六七八九十百千万亿]+[多余]?(?:万|亿)?元的$")   # 总投资8亿元的…项目
_QUOTED_IS_PROJECT = re.compile(r"“([^”]{2,20})”(?:是|为|作为)[^。；！？]{0,40}?(?:项目|工程)")
_CATEGORY_AFTER = re.compile(r"\s*[0-9一二两三四五六七八九十百千几多]+余?(?:个|项|批|处)")   # 创业项目33项: a kind, counted
_EVENT = re.compile(r"会议|峰会|大会|论坛|活动|对接会|推介会|洽谈会")
_COMPLEMENT = set("强优大精特新实细好")      # 做强做优, 做大做强: a verb's complement, not a name's start
_RANKED = re.compile(r"(?:国家级|省级|市级|县级|区级|国家|省|市|县|[\u4e00-\u9fff]{0,4}(?:建设|建成|打造|申报|创建|认定|设立|命名))")
_LEVEL_PREFIX = {"市": "home", "省": "province"}


@cache
def org_suffixes() -> Gazetteer[str]:
    return Gazetteer({w: "Organization" for w in words("org_suffixes.txt")})


@cache
def project_suffixes() -> Gazetteer[str]:
    return Gazetteer({w: "Project" for w in words("project_suffixes.txt")})


def _sentence_start(doc: Doc, pos: int) -> int:
    sent = doc.sentence_at(pos)
    return sent.start if sent else 0


def _named(doc: Doc, idx: TokenIndex, gaz: Gazetteer[str], etype: str, max_chars: int, max_tokens: int,
           places: list[Candidate], extra_tags: tuple[str, ...] = ()) -> list[Candidate]:
    """Names that end in one of ``gaz``'s endings, walked left over the words that can belong to them."""
    text = doc.text
    place_at = {p.start: p for p in places}
    out = []
    for s, e, suffix, _ in _suffix_matches(gaz, text):
        if text.startswith("大学城", e - 2):
            continue          # 山西大学城 is a district of campuses (a place), not a university
        if e not in idx.end_set and e < len(text) and "\u4e00" <= text[e] <= "\u9fff":
            t = idx.covering(e - 1)
            if t is None or idx.tokens[t][1] != e and word_tags().get(idx.tokens[t][2]) is not None:
                continue
        t = idx.covering(s)
        head = s
        if t is not None and idx.tokens[t][0] < s:
            head = idx.tokens[t][0]
            if not name_like(text[head:s], extra_tags) and not name_like(idx.tokens[t][2], extra_tags):
                continue
        paren = re.search(r"[（(](?:集团|控股|股份)[)）]$", text[max(0, head - 4):head])
        if paren:                 # 太原钢铁（集团）有限公司: the bracketed word belongs to the name
            head -= len(paren.group(0))
        start = expand_left(doc, idx, head, floor=_sentence_start(doc, s), max_chars=max_chars, max_tokens=max_tokens,
                            extra_tags=extra_tags)
        for p in places:      # never start inside a place name (和顺县北城社区…)
            if p.start < start < p.end:
                start = p.start
        while start < s and text[start] in _LEAD_STOP and start + 1 in idx.start_set:
            start += 1
        if start < s and text[start] in "名个家所位批支" and start and re.match(r"[0-9一二两三四五六七八九十百千多余几]", text[start - 1]):
            start += 1        # 12名|省科技博士服务团: the classifier of a count
        cut = None
        if etype == "Project":    # 甲公司投资建设乙项目: the project starts after the company's verb
            for v in _INVESTS.finditer(text, start, s):
                cut = v.end()
            if cut is None:       # 甲有限公司年产…项目: the company is a body of its own, not part of the project
                for c in _COMPANY_INSIDE.finditer(text, start, s):
                    start = c.end()
            if cut is not None:
                start = cut       # the body before the verb makes the project a particular one
            start = _after_project_verb(text, idx, start, s)
        # a chain of places before a name keeps only the nearest one (左权县石匣乡马厰村… → 马厰村…);
        # the places dropped are entities of their own
        chain: list[Candidate] = []
        while start in place_at and place_at[start].end in place_at and place_at[start].end < s \
                and not _province_short(place_at[start]):    # 山西庞泉沟…保护区 keeps its 山西
            chain.append(place_at[start])
            start = place_at[start].end
        town = place_at.get(start)
        if etype == "Organization" and town is not None and town.attrs.get("level") == "town" and s - town.end >= 2 \
                and _specific(idx, town.end, s, []):
            chain.append(town)        # 北滘镇|美的集团: the town is where the company is, not part of its name
            start = town.end
        name = text[start:e]
        prefix = text[start:s]
        shared = _list_prefix(out, text, s, suffix)
        if shared and start == s:
            # 晋中市图书馆、博物馆、科技馆: later items of a list share the first one's prefix
            out.append(Candidate(s, e, etype, shared + suffix, {suffix, shared + suffix}, {"_suffix": suffix}, "list-ellipsis"))
            continue
        if etype == "Organization" and prefix in _LEVEL_PREFIX and len(suffix) >= 3 and start in idx.start_set \
                and (start == 0 or text[start - 1] in "、，,。；：和与及在到赴"):
            place = doc.home if _LEVEL_PREFIX[prefix] == "home" else doc.province
            if place:         # 、市科技馆、: the home city's
                out.append(Candidate(start, e, etype, place + suffix, {name, place + suffix}, {"_suffix": suffix},
                                     "level-prefix"))
            continue
        if len(prefix) < 2 or generic_word(prefix) and len(prefix) <= 2 or is_common_word(name) and len(name) <= 3:
            continue
        if etype == "Organization" and _generic_body(name) and not any(p.start >= start and p.end <= s for p in places):
            continue          # 科技企业孵化器, 国家级众创空间: a kind of body, not one body
        if etype == "Organization" and name.startswith(("全国", "全省", "全市", "首批", "第一批")):
            continue          # 全国科普教育基地: a title conferred on bodies, not the name of one
        if etype == "Organization" and _KIND_BEFORE.search(text[max(0, start - 6):start]) and not _specific(idx, start, e, places):
            continue          # 50所寄宿制学校, 各社区卫生服务中心: a kind of body, not the name of one
        if etype == "Project" and (_NOT_PROJECT.search(name) or _EVENT.search(name) or "等" in name
                                   or _COUNTED.search(name)
                                   or cut is None and not _specific(idx, start, s, places) and not _INVESTED.search(text, max(0, start - 20), start)
                                   or _CATEGORY_AFTER.match(text, e) or text[start - 1:start] == "等"):
            continue
        label = name
        level = _LEVEL_PREFIX.get(text[start]) if text[start] in _LEVEL_PREFIX and start + 1 in idx.start_set else None
        if level:             # 省|科技…服务团: 省 stands alone for the home province
            place = doc.home if level == "home" else doc.province
            if place:
                label = place + name[1:]
        als = {name}
        if chain and start in place_at and s - place_at[start].end >= 2:
            als.add(text[place_at[start].end:e])      # 离石区永聚煤业 is also 永聚煤业
            chain.append(place_at[start])
        attrs = {"_chain": chain, "_suffix": suffix} if chain else {"_suffix": suffix}
        out.append(Candidate(start, e, etype, label, als, attrs, f"suffix:{suffix}"))
    return out


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


def _province_short(p: Candidate) -> bool:
    """A province written in its short form (山西, not 山西省): the usual first word of a body's name."""
    return p.attrs.get("level") == "province" and p.label not in p.aliases


def _generic_body(name: str) -> bool:
    """Is ``name`` a kind of body (社区卫生服务站), perhaps after a rank or a verb (国家级科技企业孵化器)?"""
    generic = word_set("generic_bodies.txt")
    return any(name[-n:] in generic and (len(name) == n or _RANKED.fullmatch(name[:-n]))
               for n in range(2, min(len(name), 9) + 1))


def _list_prefix(found: list[Candidate], text: str, s: int, suffix: str) -> str | None:
    """The prefix a bare list item (…、博物馆) takes from the item before it (晋中市图书馆)."""
    if s == 0 or text[s - 1] != "、":
        return None
    prev = next((c for c in reversed(found) if c.end == s - 1), None)
    if prev is None or prev.attrs.get("_suffix") is None:
        return None
    prefix = prev.label[: len(prev.label) - len(prev.attrs["_suffix"])]
    return prefix if len(prefix) >= 2 else None


def _suffix_matches(gaz: Gazetteer[str], text: str) -> list[tuple[int, int, str, str]]:
    """Every suffix occurrence (overlapping ones too: 晋中学院 has 中学 and 学院), longest per end."""
    best: dict[int, tuple[int, int, str, str]] = {}
    for m in gaz.find_all(text):
        if m[1] not in best or m[0] < best[m[1]][0]:
            best[m[1]] = m
    return [best[e] for e in sorted(best)]


def _specific(idx: TokenIndex, start: int, end: int, places: list[Candidate]) -> bool:
    """Does ``text[start:end]`` hold something particular (a name, a place, a number, an unknown word)?

    重点工业项目 or 基础设施项目 do not; 年产20万吨工业硅项目 or 屯兰河治理工程 do.
    """
    if any(start <= p.start and p.end <= end for p in places):
        return True
    t = idx.covering(start)
    while t is not None and t < len(idx.tokens) and idx.tokens[t][0] < end:
        w = idx.tokens[t][2]
        tag = word_tags().get(w)
        if tag is None and len(w) >= 2 or re.search(r"[0-9A-Za-z]", w) or (tag or "").startswith(("ns", "nr", "nz", "nt", "m", "eng", "j")) \
                or len(w) >= 2 and divisions().lookup(w):
            return True
        t += 1
    return False


def find_organizations(doc: Doc, idx: TokenIndex, places: list[Candidate]) -> list[Candidate]:
    """Organisation candidates (companies, schools, hospitals, museums, parks, items of a …等企业 list,
    partners of a joint piece of work, national academies)."""
    return _named(doc, idx, org_suffixes(), "Organization", 16, 6, places, ("vn", "d")) + _listed_bodies(doc, idx) \
        + _known_bodies(doc) + [c for c in _cooperations(doc, idx) if c.type == "Organization"]


@cache
def known_bodies() -> Gazetteer[str]:
    """Short and full names of national academies (中科院 → 中国科学院)."""
    return Gazetteer(table("org_aliases.tsv"))


def _known_bodies(doc: Doc) -> list[Candidate]:
    return [Candidate(s, e, "Organization", full, {surface, full}, {}, "known-body")
            for s, e, surface, full in known_bodies().finditer(doc.text)]


# 甲与乙、丙合作的丁技术: the bodies that work together and what they make
COOPERATION = re.compile(r"(?:^|(?<=[，,。；;：:\s])|(?<=其中))([\u4e00-\u9fff]{2,12}?)(?:与|和|同)([\u4e00-\u9fff、]{2,30}?)"
                         r"(?:合作|联合|共同)(?:研发|开发|攻关|实施|承担|完成|建设|研制)?的[“\"]?([^，。；、“”\"]{4,40}?技术)")


def _cooperations(doc: Doc, idx: TokenIndex) -> list[Candidate]:
    """Bodies named as the partners of a joint technology (甲与乙合作的…制备技术) and that technology."""
    out: list[Candidate] = []
    for m in COOPERATION.finditer(doc.text):
        spans = [(m.start(1), m.end(1))]
        pos = m.start(2)
        for part in m.group(2).split("、"):
            spans.append((pos, pos + len(part)))
            pos += len(part) + 1
        if m.group(1).startswith("其中"):
            spans[0] = (m.start(1) + 2, m.end(1))
        for s, e in spans:
            name = doc.text[s:e]
            if 2 <= len(name) <= 12 and _specific(idx, s, e, []) and all(
                    name_like(w) or word_tags().get(w) is None or divisions().lookup(w) for w in _words_in(idx, s, e)):
                full = known_bodies().get(name) or name
                out.append(Candidate(s, e, "Organization", full, {name, full}, {}, "cooperation"))
        s, e = m.start(3), m.end(3)
        if e - s >= 6:        # what two bodies develop together is a particular piece of work
            out.append(Candidate(s, e, "Project", m.group(3), {m.group(3)}, {}, "cooperation", weight=1))
    return out


def _words_in(idx: TokenIndex, s: int, e: int) -> list[str]:
    """The jieba words that make up ``text[s:e]``."""
    t = idx.covering(s)
    out = []
    while t is not None and t < len(idx.tokens) and idx.tokens[t][0] < e:
        out.append(idx.tokens[t][2])
        t += 1
    return out


# the tail of a list: 等…项目 / 甲、乙3个重大项目; 等…企业 (the list itself runs back to the clause start)
_PROJECT_TAIL = re.compile(r"(等?[0-9一二两三四五六七八九十]+个|等)[\u4e00-\u9fff]{0,6}?(?:项目|工程)")
_BODY_TAIL = re.compile(r"等(?:[0-9一二两三四五六七八九十百千多几余]+(?:家|所|个))?[\u4e00-\u9fff、]{0,8}?"
                        r"(?:企业|公司|高校|院校|单位|医院|学校|银行|科研院所|机构|媒体|商业综合体|合作社|协会|商会)")
_KIND_WORD = re.compile(r"(?:企业|公司|高校|院校|单位|医院|学校|银行|机构|媒体|合作社|协会|商会)$")
_CLAUSE_MARKS = "，。；：,;:！？!?\n"


def _lists(text: str, tail: re.Pattern) -> Iterator[tuple[int, int, re.Match]]:
    """(start, end, tail match) of each list before a ``tail``: from the clause start (or the last list's end)."""
    floor = 0
    for m in tail.finditer(text):
        a = max(floor, m.start() - 90, *(text.rfind(c, 0, m.start()) + 1 for c in _CLAUSE_MARKS))
        floor = m.end()
        if m.start() - a >= 2:
            yield a, m.start(), m


_COMPANY = re.compile(r"(?:集团|公司|股份|银行|大学|学院|医院)$")


def _list_items(doc: Doc, idx: TokenIndex, start: int, end: int, extra_tags: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the items of the 甲、乙和丙 list in ``text[start:end]``."""
    text = doc.text
    listed = text[start:end]
    items = [(x.start(), x.end()) for x in re.finditer(r"[^、]+", listed)]
    if items:              # the last two items may be joined by 和 (…市场和…产业园)
        a, b = items[-1]
        last = listed[a:b]
        j = last.find("和")
        if j >= 4 and len(last) - j - 1 >= 4:
            items[-1:] = [(a, a + j), (a + j + 1, b)]
    out = []
    base = start
    for k, (a, b) in enumerate(items):
        s, e = base + a, base + b
        while s < e and text[s] in "“\"'（(":
            s += 1
        while e > s and text[e - 1] in "”\"'":
            e -= 1
        if k == 0 and "m" in extra_tags:     # the first item starts after the verb that introduces the list
            phase = re.search(r"[（(][^（）()]{1,6}[）)]$", text[s:e])     # …示范站（一期）
            head_end = e - len(phase.group(0)) if phase else e
            for back in range(4):    # over the item's last word if jieba took it for a verb (示范|站)
                left = expand_left(doc, idx, head_end - back, floor=s, max_chars=30, max_tokens=12, extra_tags=extra_tags)
                if left < head_end - back or head_end - back - 1 <= s:
                    break
            s = max(s, left)
        elif k == 0:
            s = _after_last_verb(idx, s, e)
        if 2 <= e - s <= 30 and "的" not in text[s:e]:
            out.append((s, e))
    return out


def _after_last_verb(idx: TokenIndex, s: int, e: int) -> int:
    """Where a list's first body starts: after the last verb or preposition of two or more
    characters before it (中国科协决定命名|甲博物馆); one-character words may belong to the name (振|东安…)."""
    start = s
    t = idx.covering(s)
    while t is not None and t < len(idx.tokens) and idx.tokens[t][1] <= e:
        a, b, w = idx.tokens[t]
        tag = word_tags().get(w) or ""
        if len(w) >= 2 and (tag.startswith(("v", "p", "c", "d")) and not tag.startswith("vn")):
            start = b
        t += 1
    return start


def _listed_projects(doc: Doc, idx: TokenIndex) -> list[Candidate]:
    """Items of a list that ends in 等…项目 or a count of projects (甲、乙和丙等重点项目, 甲、乙4个重大项目) are projects."""
    out = []
    for a, b, m in _lists(doc.text, _PROJECT_TAIL):
        if m.group(1) != "等" and "、" not in doc.text[a:b]:
            continue          # 甲、乙、丙3个重大项目 lists; 建成1个项目 does not
        for s, e in _list_items(doc, idx, a, b, ("vn", "m", "mq", "q", "d")):
            name = doc.text[s:e]
            if not _COMPANY.search(name) and (_specific(idx, s, e, []) or len(name) >= 6 and project_suffixes().match_at(name, len(name) - 2)
                                               and not _NOT_PROJECT.search(name)):
                # a long item of a list of projects that names its own kind (…产能提升项目) is one
                out.append(Candidate(s, e, "Project", name, {name}, {}, "listed-project", weight=1))
    return out


def _listed_bodies(doc: Doc, idx: TokenIndex) -> list[Candidate]:
    """Items of a list that ends in 等企业/等高校/等单位 … are organisations (甲、乙等企业)."""
    out = []
    for a, b, m in _lists(doc.text, _BODY_TAIL):
        if re.search(r"领域|行业|产业|方面|类", m.group(0)):
            continue          # 新材料、生物医药等领域企业: a list of sectors
        for s, e in _list_items(doc, idx, a, b, ("vn", "d")):
            name = doc.text[s:e]
            if re.fullmatch(r"[\u4e00-\u9fff·]+", name) and (_specific(idx, s, e, []) or len(name) >= 3
                                                             and word_freq(name) < 500 and not _KIND_WORD.search(name)):
                full = known_bodies().get(name) or name        # 中经社 → 中国经济信息社
                out.append(Candidate(s, e, "Organization", full, {name, full}, {}, "listed-body"))
    return out


def find_projects(doc: Doc, idx: TokenIndex, places: list[Candidate]) -> list[Candidate]:
    """Project candidates (…项目, …工程, …电站, items of a …等项目 list)."""
    cands = _named(doc, idx, project_suffixes(), "Project", 24, 9, places, ("vn", "m", "mq", "q"))
    cands += _listed_projects(doc, idx)
    for p in places:          # 经北街建设, 人民路改造: works on a named road
        w = _ROAD_WORKS.match(doc.text, p.end)
        if w and p.attrs.get("level") == "site" and re.search(r"(?:路|街|大道|桥|高速)$", p.label):
            name = doc.text[p.start:w.end()]
            cands.append(Candidate(p.start, w.end(), "Project", name, {name}, {}, "road-works"))
    cands += [c for c in _cooperations(doc, idx) if c.type == "Project"]
    for m in re.finditer(r"“([^”]{2,30})”(项目|工程)", doc.text):
        name = m.group(1) + m.group(2)
        cands.append(Candidate(m.start(), m.end(), "Project", name, {name, m.group(1), m.group(0)}, {}, "quoted", weight=1))
    quoted = {m.group(1) for m in _QUOTED_IS_PROJECT.finditer(doc.text)}     # “解忧杂货铺”是…的一个志愿服务项目
    if quoted:
        for m in re.finditer(r"“([^”]{2,20})”", doc.text):
            if m.group(1) in quoted and not _NOT_PROJECT.search(m.group(1)):
                cands.append(Candidate(m.start(1), m.end(1), "Project", m.group(1), {m.group(1)}, {}, "quoted-is-project", weight=1))
    return cands


@rule("organization.all", stage="organization", produces=("Organization",), requires=("tokens", "Place"))
def _organizations(w) -> None:
    """Organisation candidates (coarse, to be split)."""
    w.candidates.extend(find_organizations(w.doc, w.index, w.proposed("Place")))


@rule("project.all", stage="project", produces=("Project",), requires=("tokens", "Place"))
def _projects(w) -> None:
    """Project candidates (coarse, to be split)."""
    w.candidates.extend(find_projects(w.doc, w.index, w.proposed("Place")))
