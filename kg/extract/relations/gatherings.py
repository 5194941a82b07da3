"""Events as frames: a meeting, ceremony or forum the text names, with its venue, hosts and date, and the
people who took part in it — who may be named sentences after the event (…会议在东山宾馆举行。主任某某主持会议).

:func:`gatherings` finds the frames once per article; the rules of ``events.py`` turn them into
``attended`` facts (a participant attended the venue and each host) and keep them on the doc.
An event is announced where its name meets a verb of taking place (``data/event_held_verbs.txt``), a
hosting word (由甲主办), or a verb of taking part (出席…仪式); it then lasts until the next event
announced or the end of its story.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...model import Doc, Sentence
from ..lexicon import word_pattern
from ..spans import Candidate
from .common import BODY
from .hosting import heads_title, story_end

if TYPE_CHECKING:
    from ..state import Work
    from .common import Sentences

_TIME = r"(?:\d{1,2}月\d{1,2}日|\d{1,2}日|[今昨前明]天|[今昨前明]日|日前|近日|当天|当日|上午|下午|晚上|晚|早上|中午|[，,])*"
# where a name starts: after a clause boundary, 的, 在, or a verb that takes the event as its object
_NAME_START = re.compile(r"[，,。；;：:！？!?、\n]|的|在|于|(?:召开|举行|举办|出席|参加|主持|列席|启动|开展|宣布)了?")
# a head word that goes on as a longer name (人民代表大会第一次会议, 会议室, 大会堂) names no event
_HEAD_GOES_ON = re.compile(r"第?[一二三四五六七八九十\d]+次|常务委员会|常委会|[室厅堂场馆所精神纪要中心期间]")
_TAKE_PART_MORE = re.compile(r"作[^，,。；]{0,30}?(?:报告|说明|讲话|发言|解读|辅导)")
_REFERENCES = ("会议", "大会", "会上", "主席台", "会场", "仪式", "现场", "活动")
_NAMED_IN_LIST = re.compile(r"的[^，,。；：:]{0,6}?有[：:]?")     # 就座的有：甲、乙; 出席会议的市领导还有甲、乙
# a session's name opens with its body (东山县第十届人大常委会第五次会议, 东山县十届政协三次会议)
_SESSION_BODY = re.compile(r"第?[一二三四五六七八九十]+届(人民代表大会常务委员会|人民代表大会|人大常委会|人大|政协)")
_CORES = {"人大常委会": "人民代表大会常务委员会", "人大": "人民代表大会"}
_WHOLE_LEVEL = re.compile(r"^[全本我]?([省市县区州])[^委政长]")   # 全市…大会: held by the home city
_TIME_RE = re.compile(_TIME)
_AT_SITE = re.compile(r"[”\"]?(?:现场|上)")
# Patterns around an event's name, built once from the word lists ({} is where the list's words go):
_JOINT = r"暨[^，,。；]{1,30}?(?:{})"                                          # …会议暨…大会
_HELD_AFTER = r"(?:在([^，,。；]{1,30}?))?" + _TIME + r"(?:隆重|顺利|正式|盛大|胜利|成功|)(?:{})"   # …在X举行
_HELD_BEFORE = r"在([^，,。；]{1,30}?)" + _TIME + r"(?:隆重|顺利|正式|盛大|)(?:{})了?的$"       # 在X举行的…
_CONVENED = r"(?:在([^，,。；]{1,30}?))?" + _TIME + r"(?:主持)?(?:{})了?$"                  # A在X召开…


@dataclass
class Gathering:
    """One event: its name, where it is in the text, venue, hosts, and who took part (with their sentences)."""
    name: str
    start: int                   # the name in the text
    end: int
    head: str                    # the word the name ends with: 会议, 仪式, 推介会 …
    sent: Sentence               # the sentence that announces it
    venue: list[Candidate] = field(default_factory=list)
    hosts: list[Candidate] = field(default_factory=list)
    participants: list[tuple[Candidate, Sentence]] = field(default_factory=list)
    scope_end: int = 0           # where its story (or the next event's announcement) starts

    def objects(self) -> list[Candidate]:
        """What taking part in it attends: its venue, then its hosts, each once."""
        seen: set[str] = set()
        return [c for c in [*self.venue, *self.hosts] if not (c.label in seen or seen.add(c.label))]


def gatherings(w: Work) -> list[Gathering]:
    """The events of the article, in text order (found once, kept on ``w``)."""
    if w.gatherings is None:
        w.gatherings = _find(w.doc, w.sents)
    return w.gatherings


def _find(doc: Doc, sents: Sentences) -> list[Gathering]:
    """Announced events, each with the participants of the sentences in its scope."""
    found: list[Gathering] = []
    for k, sent in enumerate(sents.sents):
        for g in _announced(doc, sent, sents.mentions[k]):
            if not any(f.name == g.name and f.sent.story == g.sent.story for f in found):
                found.append(g)
    reporters = {r.s for r in doc.relations if r.p == "reported"}
    for i, g in enumerate(found):
        nxt = next((f.sent.start for f in found[i + 1:] if f.sent.start > g.sent.start), len(doc.text))
        g.scope_end = min(story_end(doc, g.sent.start), nxt)
        for k, sent in enumerate(sents.sents):
            if g.sent.start <= sent.start < g.scope_end and (sent is g.sent or _refers(sent.text, g)):
                g.participants += [(p, sent) for p in _taking_part(doc, sent, sents.mentions[k], reporters)]
    return found


def _heads() -> re.Pattern:
    return word_pattern("event_heads.txt")


def _announced(doc: Doc, sent: Sentence, ms: list[Candidate]) -> list[Gathering]:
    """The events a sentence announces (…在X举行, A召开…会议, 由A主办的…, 出席…仪式, 在…现场)."""
    text, out = doc.text, []
    for m in _heads().finditer(text, sent.start, sent.end):
        if _HEAD_GOES_ON.match(text, m.end()) or any(o.start <= m.start() < o.end for o in out):
            continue
        start = _name_start(text, sent.start, m.start())
        start = max([start] + [p.end for p in ms if p.type == "Person" and start <= p.start < m.start()])  # no name holds a person
        joint = word_pattern("event_heads.txt", _JOINT).match(text, m.end())
        end = joint.end() if joint else m.end()
        g = Gathering(text[start:end], start, end, m.group(0), sent)
        if _frame(doc, sent, ms, g, bare=m.start() - start < 2):
            out.append(g)
    return out


def _name_start(text: str, lo: int, head: int) -> int:
    """Where the name ending at ``head`` starts: after the last boundary before it (≤ 40 characters)."""
    lo = max(lo, head - 40)
    last = lo
    for b in _NAME_START.finditer(text, lo, head):
        last = b.end()
    t = _TIME_RE.match(text, last, head)
    return t.end() if t else last


def _frame(doc: Doc, sent: Sentence, ms: list[Candidate], g: Gathering, bare: bool) -> bool:
    """Fill venue and hosts from the words around the name; is the event announced here?
    A bare name (会议, 扩大会议) is an event only with the body that convenes it (东山县委召开扩大会议)."""
    text = doc.text
    a = word_pattern("event_held_verbs.txt", _HELD_AFTER).match(text, g.end)
    b = word_pattern("event_held_verbs.txt", _HELD_BEFORE).search(text, max(sent.start, g.start - 40), g.start)
    if a and a.group(1):
        g.venue = _inside(ms, a.start(1), a.end(1), ("Place", *BODY))
    elif b:
        g.venue = _inside(ms, b.start(1), b.end(1), ("Place", *BODY))
    held_before, convener, conv_venue = _convener(doc, sent, ms, g)
    g.venue = g.venue or conv_venue
    g.hosts = _inside(ms, g.start, g.end, BODY) + convener + _sponsors(doc, sent, ms, g) + _named_host(doc, g)
    g.hosts = [h for h in g.hosts if all(h.label != v.label for v in g.venue)]
    if bare:
        return bool(convener) or held_before and bool(g.hosts)
    taking_part = word_pattern("event_roles.txt", "(?:{})了?$").search(text, max(sent.start, g.start - 7), g.start)
    at_site = _AT_SITE.match(text, g.end) and text[g.start - 1:g.start] == "在"
    return bool(a or b or held_before or taking_part or at_site or _sponsors(doc, sent, ms, g))


def _named_host(doc: Doc, g: Gathering) -> list[Candidate]:
    """The host a name implies: the body of a numbered session (甘肃省十三届人大常委会第五次会议 → 甘肃省人民代表大会
    常务委员会), or the home a 全市… event is held by; only when the article knows that entity."""
    from ..agency_names import canonical
    from .common import level_place
    label = None
    s = _SESSION_BODY.search(g.name)
    if s:
        place = next((m for m in doc.mentions if m.type == "Place" and m.end == g.start + s.start()), None)
        core = _CORES.get(s.group(1), s.group(1))
        if place is not None:
            label = canonical(place.label, None, core)
    elif (w := _WHOLE_LEVEL.match(g.name)) and not any(m.start == g.start for m in doc.mentions):
        place_label = level_place(doc, w.group(1), g.start)
        label = place_label if ("Place", place_label) in doc.entities else None
    if label is None or not any(k[1] == label for k in doc.entities):
        return []
    kind = next(t for t, lab in doc.entities if lab == label)
    return [Candidate(g.start, g.end, kind, label)]


def _inside(ms: list[Candidate], a: int, b: int, types: tuple[str, ...]) -> list[Candidate]:
    """The mentions of ``types`` within [a, b)."""
    return [m for m in ms if m.type in types and a <= m.start and m.end <= b]


def _convener(doc: Doc, sent: Sentence, ms: list[Candidate], g: Gathering
              ) -> tuple[bool, list[Candidate], list[Candidate]]:
    """A verb of holding right before the name (…召开…会议): is there one, the body or place right before it
    (东山县人民政府召开…, 东山县在青河宾馆举办…), and the venue of its 在 (王建华在县行政中心主持召开…)."""
    m = word_pattern("event_held_verbs.txt", _CONVENED).search(doc.text, max(sent.start, g.start - 40), g.start)
    if m is None:
        return False, [], []
    bodies = [c for c in ms if c.type in ("Place", *BODY) and c.end == m.start() and not heads_title(doc, c)]
    venue = _inside(ms, m.start(1), m.end(1), ("Place", *BODY)) if m.group(1) else []
    return True, bodies, venue


def _sponsors(doc: Doc, sent: Sentence, ms: list[Candidate], g: Gathering) -> list[Candidate]:
    """The bodies of 由甲主办、乙承办的 before the name."""
    hosting = word_pattern("hosting_verbs.txt")
    return [c for c in ms if c.type in BODY and c.end <= g.start and sent.start <= c.start
            and (hosting.match(doc.text, c.end) or hosting.match(doc.text, c.end + 1))
            and not heads_title(doc, c)]


def _refers(text: str, g: Gathering) -> bool:
    """Does a later sentence speak of the event (主持会议, 在主席台就座, 研讨会上)?"""
    return g.head in text or any(r in text for r in _REFERENCES) or _heads().search(text) is not None


def _taking_part(doc: Doc, sent: Sentence, ms: list[Candidate], reporters: set[str]) -> list[Candidate]:
    """The people a sentence names as taking part: before a verb of taking part (主持会议, 出席, 作…报告),
    or listed after it (就座的有：甲、乙)."""
    text = doc.text
    roles = word_pattern("event_roles.txt")
    verbs = [m.start() for m in roles.finditer(text, sent.start, sent.end)]
    verbs += [m.start() for m in _TAKE_PART_MORE.finditer(text, sent.start, sent.end)]
    verbs = [t for t in verbs if not _negated(text, sent.start, t)]
    if not verbs:
        return []
    people = [m for m in ms if m.type == "Person" and m.label not in reporters]
    statement = word_pattern("statement_verbs.txt")
    listed = _NAMED_IN_LIST.search(text, min(verbs), sent.end)
    out = []
    for p in people:
        before = any(t >= p.end and not statement.search(text, p.end, t) and not _quoting(text, sent.start, p)
                     for t in verbs)
        if before or listed and p.start >= listed.end():
            out.append(p)
    return out


def _negated(text: str, lo: int, t: int) -> bool:
    """A verb negated (没有出席) or only on paper (书面听取…作报告)."""
    neg = word_pattern("negation_words.txt", "(?:{})$")
    return bool(neg.search(text, max(lo, t - 3), t)) or "书面" in text[max(lo, t - 40):t]


def _quoting(text: str, lo: int, p: Candidate) -> bool:
    """A person only quoted (学习贯彻某某…讲话精神, 某某关于…的讲话) takes no part."""
    return bool(re.search(r"(?:学习|贯彻|落实|传达|按照|根据|领会)[^，。]{0,8}$", text[max(lo, p.start - 12):p.start])) \
        or text.startswith(("关于", "的", "总书记"), p.end)

