"""Projects: a known ending (项目, 工程, 电站 …) and the name words before it, items of a …等项目 list,
works on a named road, a joint technology, and quoted names (“…”项目)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import alternation, word_pattern, words
from .lists import list_items, lists
from .organizations import cooperations
from .registry import rule
from .spans import Candidate, select
from .ending_names import (PROJECT, Walk, drop, plain_name, project_suffixes, propose_list_ellipses, specific,
                           suffix_candidate, walks)

if TYPE_CHECKING:
    from .state import Work

_NOT_PROJECT = re.compile(alternation(words("not_project_names.txt")) + "$")
_EVENT = re.compile(alternation(words("event_words.txt")))
_COUNTED = re.compile(r"(?<![块段期区号])[一二两三四五六七八九十几多0-9]+(?:个|大|项|批)?(?:项目|工程)$")
_INVESTED = re.compile(r"(?:总投资|计划投资|投资|总额)[约达超逾近]?[0-9.一二两三四五六七八九十百千万亿]+[多余]?(?:万|亿)?元的$")   # 总投资8亿元的…项目
_CATEGORY_AFTER = re.compile(r"\s*[0-9一二两三四五六七八九十百千几多]+余?(?:个|项|批|处)")   # 创业项目33项: a kind, counted


@rule("project.suffix", stage="project", produces=("Project",), requires=("tokens", "Place"))
def suffix_projects(w: Work) -> None:
    """A project named by the words before a known ending (东山县年产5万吨饲料项目, 西河治理工程)."""
    places = w.proposed("Place")
    place_at = {p.start: p for p in places}
    for wk in walks(w, PROJECT):
        if wk.start < wk.s and plain_name(w.text, wk) and _particular(w, wk, places):
            w.propose(suffix_candidate(w, wk, "Project", place_at))


def _particular(w: Work, wk: Walk, places: list[Candidate]) -> bool:
    """Is the project a particular one: its owner's verb before it (甲公司投资建设|…), something particular
    in its name (a place, a number, a name: 西河治理工程, not 基础设施项目) or its investment (总投资8亿元的…)?"""
    return wk.cut or specific(w.index, wk.start, wk.s, places) \
        or bool(_INVESTED.search(w.text, max(0, wk.start - 20), wk.start))


@rule("project.not-a-kind", stage="project", requires=("tokens",))
def not_a_kind(w: Work) -> None:
    """A kind of work, a plan or a campaign (重点项目, 民生工程, …提升行动) is not one project."""
    drop(w, "project.suffix", lambda c: bool(_NOT_PROJECT.search(w.text[c.start:c.end])))


@rule("project.not-an-event", stage="project", requires=("tokens",))
def not_an_event(w: Work) -> None:
    """A meeting or an event (项目推介会, 工程建设论坛) is not a project."""
    drop(w, "project.suffix", lambda c: bool(_EVENT.search(w.text[c.start:c.end])))


@rule("project.not-counted", stage="project", requires=("tokens",))
def not_counted(w: Work) -> None:
    """Counted projects (3个项目, 十大工程, 创业项目20项) are a number of projects, not one."""
    drop(w, "project.suffix", lambda c: bool(_COUNTED.search(w.text[c.start:c.end]) or _CATEGORY_AFTER.match(w.text, c.end)))


@rule("project.not-a-list", stage="project", requires=("tokens",))
def not_a_list(w: Work) -> None:
    """A name with 等 in it or before it (甲、乙等项目) is the tail of a list (project.listed-project reads it)."""
    drop(w, "project.suffix", lambda c: "等" in w.text[c.start:c.end] or w.text[c.start - 1:c.start] == "等")


@rule("project.not-a-road", stage="project", requires=("tokens",))
def not_a_road(w: Work) -> None:
    """A road named on its own (甲乙公路) is a place; a segment between two ends (甲路至乙公路) or works on it are projects."""
    drop(w, "project.suffix", lambda c: bool(_ROAD.search(c.attrs.get("_suffix", ""))) and not _SEGMENT.match(c.label))


_SEGMENT = re.compile(r"^[^至到]{2,}[至到—\-－][^至到]{2,}")          # 甲乙至丙丁公路, not 东至|丙丁公路


# 投资80万元|建设…: the money a sentence spends, before the name of what it builds
_SPENT = re.compile(r"(?:(?:总|计划|共|累计|还|又)?投资)?[约达超逾近]?[0-9.一二两三四五六七八九十百千万亿]+[多余]?(?:万|亿)?元[，,]?")


def _name_start(w: Work, s: int, e: int) -> int:
    """Where a project's name starts after the money spent and the words of pushing or building written before it
    (投资80万元建设|北岭光伏电站); only at jieba's word boundaries (建设路改造工程 keeps its road)."""
    while True:
        m = _SPENT.match(w.text, s, e) or _LEAD.match(w.text, s, e)
        if not m or e - m.end() < 4 or m.end() not in w.index.start_set:
            return s
        s = m.end()


@rule("project.no-lead-verb", stage="project", requires=("tokens",))
def no_lead_verb(w: Work) -> None:
    """Filter: a project's name does not open with the money spent or a verb of building (投资80万元建设甲电站 → 甲电站)."""
    for c in w.candidates:
        s = _name_start(w, c.start, c.end) if c.type == "Project" and c.rule == "project.suffix" else c.start
        if s != c.start:
            c.start, c.label = s, w.text[s:c.end]
            c.aliases = {a for a in c.aliases if a in c.label} | {c.label}
            if "_chain" in c.attrs:
                c.attrs["_chain"] = [p for p in c.attrs["_chain"] if p.start >= s]


@rule("project.split-ji", stage="project", produces=("Project",), requires=("tokens",))
def split_ji(w: Work) -> None:
    """Two projects joined by 暨 are two names (甲物流园项目暨乙检测中心项目 → 甲物流园项目, 乙检测中心项目)."""
    for c in [c for c in w.candidates if c.type == "Project" and "暨" in c.label]:
        i = c.start + c.label.rindex("暨")
        head, tail = w.text[c.start:i], w.text[i + 1:c.end]
        ending = project_suffixes().match_at(head, len(head) - 2)
        if len(tail) >= 4 and ending is not None:
            start = c.start
            c.start, c.label, c.aliases = i + 1, tail, {tail}
            c.attrs.pop("_chain", None)
            if not any(o.type == "Project" and (o.start, o.end) == (start, i) for o in w.candidates):
                w.propose(Candidate(start, i, "Project", head, {head}, {"_suffix": ending[2]}, weight=c.weight))


_ABBREVIATION = re.compile(r"[（(]([A-Za-z][A-Za-z0-9]{1,9})[）)]")       # …检测中心（ABC）: a name's short form


@rule("project.ji-mate", stage="project", produces=("Project",), requires=("tokens",))
def ji_mate(w: Work) -> None:
    """A name joined to a project by 暨 is a project too, up to the predicate or event word after it
    (甲物流园项目暨乙检测中心（ABC）今日动工 → 乙检测中心, also written 乙检测中心（ABC） and ABC)."""
    text = w.text
    for c in [c for c in w.candidates if c.type == "Project" and text.startswith("暨", c.end)]:
        span = _mate_end(w, c.end + 1)
        if span is None:
            continue
        e, brackets = span
        s = c.end + 1
        name = text[s:e]
        for m in brackets:
            name = name.replace(m.group(0), "")
        if not 4 <= len(name) <= 20 or not _mate_name(w, s, e, name):
            continue
        aliases = {name, text[s:e]} | {m.group(1) for m in brackets}
        w.propose(Candidate(s, e, "Project", name, aliases, weight=1))


def _mate_end(w: Work, s: int) -> tuple[int, list[re.Match]] | None:
    """Where the name that starts at ``s`` ends: before a governing predicate, an event word or a word that
    cannot be in a name, whatever jieba glued to its first word; a bracketed Latin short form is kept apart."""
    from .ending_names import PROJECT
    from .names import name_like
    text, idx = w.text, w.index
    t = idx.covering(s)
    if t is None:
        return None
    e, brackets = s, []
    while t < len(idx.tokens) and e - s <= 24:
        a, b, word = idx.tokens[t]
        a, word = max(a, s), word[max(a, s) - a:]     # jieba may glue 暨 to the name (暨乙|…)
        short = _ABBREVIATION.match(text, a)
        if short:
            brackets.append(short)
            e = short.end()
            t = idx.covering(e) if e < len(text) else len(idx.tokens)
            if t is None or idx.tokens[t][0] != e:
                return None
            continue
        if _governing().match(text, a) or _EVENT_HEAD.match(text, a) or not name_like(word, PROJECT.extra_tags):
            break
        e, t = b, t + 1
    return (e, brackets) if e > s else None


def _mate_name(w: Work, s: int, e: int, name: str) -> bool:
    """Is the 暨 mate a name: a noun at its end, not a company (the owner), a kind, an event, a person or a body?"""
    from .tokenize import word_tags
    last = w.index.ending_at(e)
    tag = word_tags().get(w.index.tokens[last][2], "n") if last is not None else "n"
    return (tag[:1] in ("n", "x") or bool(_PHASE_END.search(name))) and bool(re.match(r"[\u4e00-\u9fffA-Za-z]{2}", name)) \
        and not (_OWNER_END.search(name) or _NOT_PROJECT.search(name) or _EVENT.search(name)) \
        and not any(c.start < e and s < c.end and c.type in ("Agency", "Person") for c in w.candidates)


_PHASE_END = re.compile(r"[一二三四五六七八九十0-9]期$")          # 乙产业园二期
_EVENT_HEAD = re.compile(alternation(words("event_heads.txt")))
_ITEM_BEFORE = re.compile(r"[，,；;：:。\s、“”]")


@rule("project.list-mates", stage="project", produces=("Project",), requires=("tokens", "Place"))
def list_mates(w: Work) -> None:
    """The particular names listed right before a project take its type (甲全产业链、乙技改项目稳步推进 → 甲全产业链)."""
    text, idx = w.text, w.index
    for c in [c for c in w.candidates if c.type == "Project" and c.rule == "project.suffix"]:
        e = c.start - 1
        while e > 0 and text[e] == "、":
            s = e
            while s > 0 and not _ITEM_BEFORE.match(text[s - 1]) and e - s < 16:
                s -= 1
            name = text[s:e]
            if not (4 <= len(name) <= 16 and s in idx.start_set and e in idx.end_set and specific(idx, s, e, [])) \
                    or _NOT_PROJECT.search(name) or _COMPANY.search(name) or _LEAD.match(name) \
                    or any(o.start < e and s < o.end for o in w.candidates):
                break
            w.propose(Candidate(s, e, "Project", name, {name}, weight=1))
            e = s - 1


@rule("project.list-ellipsis", stage="project", produces=("Project",), requires=("tokens", "Place"))
def list_ellipsis(w: Work) -> None:
    """A bare ending after 、 shares the prefix of the project before it (西河治理工程、绿化工程 → 西河绿化工程)."""
    propose_list_ellipses(w, PROJECT)


# the tail of a list of projects: 等…项目 / 甲、乙3个重大项目 (the list itself runs back to the clause start)
_PROJECT_TAIL = re.compile(r"(等?[0-9一二两三四五六七八九十]+个|等)[\u4e00-\u9fff]{0,6}?(?:项目|工程)")
_COMPANY = re.compile(r"(?:集团|公司|股份|银行|大学|学院|医院)$")
# 等项目单位, 等项目建设主体: the bodies of the projects, not the projects
_PROJECT_ROLE = re.compile(r"(?:建设|承建|实施|运营)?(?:单位|业主|方|企业|主体|负责人|法人)")


@rule("project.listed-project", stage="project", produces=("Project",), requires=("tokens",))
def listed_projects(w: Work) -> None:
    """Items of a list that ends in 等…项目 or a count of projects are projects (甲园区、乙基地等重点项目)."""
    text, idx = w.text, w.index
    named = {(c.start, c.end) for c in w.candidates if c.type == "Organization"}
    for a, b, m in lists(text, _PROJECT_TAIL):
        if m.group(1) != "等" and "、" not in text[a:b] or _PROJECT_ROLE.match(text, m.end()):
            continue          # 甲、乙、丙3个重大项目 lists; 建成1个项目 does not; nor 甲、乙等项目单位 (bodies)
        for s, e in list_items(w.doc, idx, a, b, ("vn", "m", "mq", "q", "d")):
            s = _segment_start(w, a, _after_lead(text, s, e))
            name = text[s:e]
            if not _COMPANY.search(name) and (specific(idx, s, e, []) or _names_its_kind(name) or (s, e) in named):
                w.propose(Candidate(s, e, "Project", name, {name}, weight=1))   # a named 甲康养中心 of a list of projects


def _segment_start(w: Work, floor: int, s: int) -> int:
    """Where a road segment named by its two ends starts (甲路至|乙路 → 甲路至乙路), else ``s``."""
    roads = {c.end: c for c in w.proposed("Place") if _ROAD.search(c.label) and c.start >= floor}
    while w.text[s - 1:s] in ("至", "到") and s - 1 in roads:
        s = roads[s - 1].start
    return s


def _after_lead(text: str, s: int, e: int) -> int:
    """Where a list item's name starts after the words of pushing that open it (全力服务保障|甲总部)."""
    m = _LEAD.match(text, s, e)
    while m and e - m.end() >= 4:
        s = m.end()
        m = _LEAD.match(text, s, e)
    return s


_LEAD = re.compile(alternation(words("list_lead_words.txt")))


def _names_its_kind(name: str) -> bool:
    """A long item of a list of projects that names its own kind (…产能提升项目) is one."""
    return len(name) >= 6 and project_suffixes().match_at(name, len(name) - 2) is not None \
        and not _NOT_PROJECT.search(name)


_ROAD_WORKS = re.compile(alternation(words("road_works.txt")) + r"(?![\u4e00-\u9fff]{0,2}(?:项目|工程))")
_ROAD = re.compile(alternation(words("road_ends.txt")) + "$")      # a road, street or bridge


@rule("project.road-works", stage="project", produces=("Project",), requires=("Place",))
def road_works(w: Work) -> None:
    """Works on a named road are a project (人民路改造, 东山大桥建设)."""
    for p in w.proposed("Place"):
        m = _ROAD_WORKS.match(w.text, p.end)
        if m and p.attrs.get("level") == "site" and _ROAD.search(p.label):
            name = w.text[p.start:m.end()]
            w.propose(Candidate(p.start, m.end(), "Project", name, {name}))


@rule("project.cooperation", stage="project", produces=("Project",), requires=("tokens",))
def cooperation_work(w: Work) -> None:
    """The technology two bodies develop together is a project (甲研究院与乙大学合作的新型电池制备技术)."""
    for c in cooperations(w):
        if c.type == "Project":
            w.propose(c)


_QUOTED = re.compile(r"“([^”]{2,30})”(项目|工程)")
# 两项课题——“甲”与“乙”, 三项工程：“甲”、“乙”: quoted names set after the projects they are
_APPOSED = re.compile(r"(?:项目|工程|课题)[，,]?(?:——|—|：|:)[“]")
_QUOTE_RUN = re.compile(r"“([^“”]{4,40})”(?:[、与和及]|以及)?")


@rule("project.quoted-apposition", stage="project", produces=("Project",))
def quoted_apposition(w: Work) -> None:
    """The quoted names set after a mention of projects by a dash or colon are those projects
    (牵头的两项课题——“甲乙保水试验”与“丙丁防治研究” → 甲乙保水试验, 丙丁防治研究)."""
    text = w.text
    for a in _APPOSED.finditer(text):
        pos = a.end() - 1
        while (m := _QUOTE_RUN.match(text, pos)) is not None:
            name = m.group(1)
            if not (_NUMBERED_SLOGAN.match(name) or _NOT_PROJECT.search(name) or _EVENT.search(name)):
                w.propose(Candidate(m.start(), m.start() + len(name) + 2, "Project", name, {name}, weight=1))
            if m.end() == m.start() + len(name) + 2:
                break             # no joining word after this one: the list ends
            pos = m.end()


_QUOTED_IS_PROJECT = re.compile(r"“([^”]{2,20})”(?:是|为|作为)[^。；！？]{0,40}?(?:项目|工程)")
_QUOTE = re.compile(r"“([^”]{2,20})”")


# “四好”, “两新一重”: numbered slogans (a count and a word or two, once or more), not projects
_NUMBERED_SLOGAN = re.compile(r"(?:[一二两三四五六七八九十百千万]+[\u4e00-\u9fff]{1,2}){1,3}$")
# 5座“甲乙”, 几处“甲乙”: a quoted word counted, a kind of thing
_COUNTED_QUOTE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百千几多首]+)[条个座项批处家所类种][\u4e00-\u9fff]{0,3}“([^”]{2,20})”")


def _counted_quotes(text: str) -> set[str]:
    """The quoted words the article counts somewhere (新修了5座“甲乙”): kinds, not names."""
    return {m.group(1) for m in _COUNTED_QUOTE.finditer(text)}


@rule("project.quoted", stage="project", produces=("Project",))
def quoted(w: Work) -> None:
    """A quoted name before 项目 or 工程 is a project (“绿色家园”工程), unless it is a numbered slogan (“四好”)
    or a kind the article counts (5座“甲乙”)."""
    kinds = _counted_quotes(w.text)
    for m in _QUOTED.finditer(w.text):
        if _NUMBERED_SLOGAN.match(m.group(1)) or m.group(1) in kinds:
            continue
        name = m.group(1) + m.group(2)
        w.propose(Candidate(m.start(), m.end(), "Project", name, {name, m.group(1), m.group(0)}, weight=1))


@rule("project.quoted-is-project", stage="project", produces=("Project",))
def quoted_is_project(w: Work) -> None:
    """A quoted name said to be a project is one, wherever it is quoted (“暖心驿站”是…的一个服务项目)."""
    said = {m.group(1) for m in _QUOTED_IS_PROJECT.finditer(w.text)}
    if not said:
        return
    for m in _QUOTE.finditer(w.text):
        if m.group(1) in said and not _NOT_PROJECT.search(m.group(1)):
            w.propose(Candidate(m.start(1), m.end(1), "Project", m.group(1), {m.group(1)}, weight=1))


_GOVERNED_BEFORE = re.compile(r"[\s，。；：、“”（）()]")
_NOT_GOVERNED = re.compile(r"[0-9一二两三四五六七八九十几多个该这此本各全其]|项目$|工程$")
_OWNER_END = re.compile(r"(?:公司|集团|股份|企业|厂|银行|大学|学院|学校|医院)$")   # the owner, not the work


@rule("project.governed", stage="project", produces=("Project",), requires=("tokens",))
def governed(w: Work) -> None:
    """A name that opens its clause right before 开工, 奠基, 竣工, 投产, 落地 … is a project (甲中心奠基)."""
    from .tokenize import word_tags
    text, idx = w.text, w.index
    for m in _governing().finditer(text):
        e = m.start()
        s = _clause_start(text, e)
        name = text[s:e]
        if not 4 <= len(name) <= 12 or s not in idx.start_set or e not in idx.end_set or _NOT_GOVERNED.search(name):
            continue
        first, last = idx.tokens[idx.covering(s)][2], idx.tokens[idx.ending_at(e)][2]
        if word_tags().get(last, "n")[:1] not in ("n", "x") or word_tags().get(first, "n")[:1] in ("v", "d", "p", "c") \
                or _OWNER_END.search(name):
            continue               # a verb phrase (推动…|落地), an adverb (顺利|开工), or a company: the owner
        if any(c.start < e and s < c.end and (c.start < s or c.end > e or c.type in ("Agency", "Person"))
               for c in w.candidates):
            continue
        inner = select([c for c in w.proposed("Place") if s <= c.start and c.end <= e])
        w.propose(Candidate(s, e, "Project", name, {name}, {"_chain": inner} if inner else {}, weight=1))   # 甲县|…


def _clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts (after punctuation, a space or a line start)."""
    s = end
    while s > 0 and not _GOVERNED_BEFORE.match(text[s - 1]) and end - s <= 12:
        s -= 1
    return s


def _governing() -> re.Pattern:
    return word_pattern("governing_predicates.txt")      # built once, not for every article


# 开工建设|甲会展中心，: predicates whose object is the project they build
_BUILDS_OBJECT = re.compile(r"(?:集中|正式|全面|同步|陆续|相继|现场|成功)?(?:开工建设|投资建设|投资兴建|开工兴建|新建|兴建|动工兴建|开建"
                            r"|签约(?!仪式|活动|现场|项目))")
_OBJECT_END = re.compile(r"[，,。；;！？、\n]|(?:和|及|等)")


@rule("project.governed-after", stage="project", produces=("Project",), requires=("tokens",))
def governed_after(w: Work) -> None:
    """The names a building predicate governs up to its clause's end are projects (开工建设甲会展中心和乙物流园，…)."""
    text = w.text
    for m in _BUILDS_OBJECT.finditer(text):
        s = m.end()
        while True:
            end = _OBJECT_END.search(text, s, s + 17)
            if end is None or not _object_name(w, s, end.start()):
                break
            w.propose(Candidate(s, end.start(), "Project", text[s:end.start()], {text[s:end.start()]}, weight=1))
            if end.group(0) not in "、和及":
                break
            s = end.end()


def _object_name(w: Work, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a name no other rule claims: whole words, a noun at its end, not a company or a kind?"""
    from .tokenize import word_tags
    idx, name = w.index, w.text[s:e]
    if not 4 <= len(name) <= 16 or s not in idx.start_set or e not in idx.end_set or _NOT_GOVERNED.search(name) \
            or _OWNER_END.search(name) or _NOT_PROJECT.search(name) or _ROAD.search(name):
        return False               # a company is the owner; a road named on its own is a place
    first, last = idx.tokens[idx.covering(s)][2], idx.tokens[idx.ending_at(e)][2]
    if word_tags().get(last, "n")[:1] != "n" or word_tags().get(first, "n")[:1] in ("v", "d", "p", "c", "u", "r"):
        return False               # 开工建设|以来 …: not a name
    return not any(c.start < e and s < c.end and (c.start < s or c.end > e or c.type in ("Agency", "Person"))
                   for c in w.candidates)
