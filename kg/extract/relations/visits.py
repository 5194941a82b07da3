"""Who visited or attended what, sentence by sentence: the subjects of the trigger words and the places in reach.

A paragraph is a thread: each sentence passes on to the next one of its paragraph who visited last
(随后来到… continues with the same visitors) and where the last event was (某县召开…会。书记某某出席:
the meeting the county convened). :func:`event_frames` walks the sentences once per article and
lists the :class:`Event` s; the rules of ``events.py`` turn them into facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ...model import Doc, Sentence
from ..lexicon import word_pattern, words
from ..spans import Candidate
from .hosting import heads_title

if TYPE_CHECKING:
    from ..state import Work
    from .common import Sentences

_REPORTED_SPEECH = re.compile(r"(?:学习|贯彻|落实|按照|根据|遵循|领会|践行)[^，。]{0,6}$")
_CONVENES = re.compile(r"(?:召开|举行|举办)[^，。；]{0,30}(?:会|会议|活动|仪式|论坛)"
                       r"|(?:第[一二三四五六七八九十]+次)?(?:全体|常务委员会|常委会)?会议[^，。；]{0,20}?(?:开幕|闭幕|召开|举行)")
_SITE = (re.compile(r"^在(.{2,40}?)现场"), re.compile(r"^在([^，,。；]{2,40}?)[，,]"))


@dataclass
class Thread:
    """What one sentence passes on to the next sentence of its paragraph."""
    para: int = -1                                             # where the paragraph starts
    visitors: list[Candidate] = field(default_factory=list)   # the subjects of its last visit
    venue: list[Candidate] = field(default_factory=list)      # where its last event was
    visited: list[Candidate] = field(default_factory=list)    # what its last visit visited

    def at(self, para: int) -> Thread:
        """The thread for a sentence of the paragraph at ``para``: this one, or a new one."""
        return self if para == self.para else Thread(para)


# How an event was found: verb: subjects named before the trigger; continued: the paragraph's visitors;
# before: the venue of an earlier sentence of the paragraph; site: 在X现场，某某…;
# companion: 某某陪同 (visited what the visit visited); party: 某某参加调研 (attended it)
How = Literal["verb", "continued", "before", "site", "companion", "party"]
# a person's part in someone else's visit: companion (陪同, 陪同调研) or party (参加调研, 一同考察)
_ACCOMPANIED = re.compile(r"在([^，,。；]{2,40}?)(?:等)?(?:同志)?的?(?:陪同|带领|引导)下")
_PARTY = re.compile(r"(?:等)?(?:(?P<companion>陪同|随同)|(?P<party>参加|一同|一起|共同))(?P<visit>调研|考察|检查|视察|督导|督查|走访|暗访)?")


@dataclass(frozen=True)
class Event:
    """People who visited or attended places or bodies, as one sentence says."""
    sent: Sentence
    pred: str                   # the predicate of the trigger word: inspected or attended (a site: inspected)
    how: How
    subjects: list[Candidate]
    targets: list[Candidate]
    lecture: bool               # the sentence is about teaching (went there to give a talk)


@dataclass
class EventFrames:
    """The events of one article, in sentence order."""
    events: list[Event] = field(default_factory=list)

    def of(self, pred: str, *how: How, lecture: bool = False) -> list[Event]:
        """The events of a trigger predicate made in one of the ways ``how``, in sentence order."""
        return [e for e in self.events if e.pred == pred and e.how in how and e.lecture == lecture]


def event_frames(w: Work) -> EventFrames:
    """The events of the article (found once, kept on ``w``)."""
    if w.event_frames is None:
        w.event_frames = _frames(w.doc, w.sents)
    return w.event_frames


def _frames(doc: Doc, sents: Sentences) -> EventFrames:
    """Walk the sentences in order, passing each paragraph's :class:`Thread` on."""
    reporters = {r.s for r in doc.relations if r.p == "reported"}
    titled = {r.s for r in doc.relations if r.p == "holdsPosition"}
    out = EventFrames()
    thread = Thread()
    for k, sent in enumerate(sents.sents):
        thread = thread.at(doc.text.rfind("\n", 0, sent.start) + 1)
        out.events += _sentence_events(doc, sent, sents.mentions[k], sents.triggers[k], thread, reporters, titled)
    return out


def _sentence_events(doc: Doc, sent: Sentence, ms: list[Candidate], trig: dict[str, list[int]], thread: Thread,
                     reporters: set[str], titled: set[str]) -> list[Event]:
    """The events of one sentence (with targets), in the order inspected, attended, site visit."""
    others = [m for m in ms if m.type == "Person" and m.label not in reporters]
    host = [m for m in ms if m.type in ("Agency", "Organization", "Place") and _CONVENES.match(doc.text, m.end)]
    if host and not others:
        thread.venue = host[:1]          # 某县召开…会。书记某某出席并讲话: the meeting the county held
    people = [m for m in others if m.label in titled and not _quoted(doc, sent, m)]
    teaching = bool(word_pattern("lecture_words.txt").search(sent.text))
    trig = _without_adverbs(doc, trig)
    party, trig = _visit_party(doc, sent, others, trig)
    people = [p for p in people if all(p is not q for q, _ in party)]
    found = [_event(doc, sent, ms, people, trig[pred], pred, thread, teaching and pred == "inspected")
             for pred in ("inspected", "attended") if pred in trig]
    found.append(_site_visit(doc, sent, ms, people, teaching))
    found += _party_events(sent, party, thread)
    return [ev for ev in found if ev is not None and ev.targets]


def _without_adverbs(doc: Doc, trig: dict[str, list[int]]) -> dict[str, list[int]]:
    """The triggers less 深入 used as an adverb (深入贯彻落实: thoroughly, no visit; 深入基层 is one)."""
    adverb = word_pattern("adverb_verbs.txt", "深入(?:{})")
    if "inspected" not in trig:
        return trig
    kept = [t for t in trig["inspected"] if not adverb.match(doc.text, t)]
    return {**{p: ts for p, ts in trig.items() if p != "inspected"}, **({"inspected": kept} if kept else {})}


def _visit_party(doc: Doc, sent: Sentence, people: list[Candidate], trig: dict[str, list[int]]
                 ) -> tuple[list[tuple[Candidate, How]], dict[str, list[int]]]:
    """The people who went along on a visit (李明陪同调研, 张强参加调研) and the triggers left once their words are
    taken out (the 调研 of 陪同调研 is no visit of theirs to start)."""
    text = doc.text
    party: list[tuple[Candidate, How]] = []
    taken: set[int] = set()
    starts = sorted(t for pred in ("inspected", "attended") for t in trig.get(pred, ()))
    for p in [p for p in people if not _quoted(doc, sent, p)]:
        m = _party_word(text, sent, p, starts)
        if m is None:
            continue
        party.append((p, "companion" if m.group("companion") else "party"))
        taken.update(range(m.start(), m.end()))
    for m in _ACCOMPANIED.finditer(text, sent.start, sent.end):     # 在李明的陪同下，王建华…
        party += [(p, "companion") for p in people if m.start(1) <= p.start and p.end <= m.end(1)]
    if not taken:
        return party, trig
    return party, {pred: kept for pred, ts in trig.items() if (kept := [t for t in ts if t not in taken])}


def _party_word(text: str, sent: Sentence, p: Candidate, starts: list[int]) -> re.Match | None:
    """The word that makes ``p`` one of a visit's party: the next 陪同 or 参加调研 of the clause, with no visit
    or attend verb of ``p``'s own before it."""
    m = next((m for m in _PARTY.finditer(text, p.end, sent.end) if not m.group("party") or m.group("visit")), None)
    if m is None or m.start() - p.end > 120 or re.search(r"[。；;]", text[p.end:m.start()]) \
            or any(p.end <= t < m.start() for t in starts):
        return None
    return m


def _party_events(sent: Sentence, party: list[tuple[Candidate, How]], thread: Thread) -> list[Event]:
    """Companions visited what the visit visited; the others of its party attended it."""
    out = []
    for how, pred in (("companion", "inspected"), ("party", "attended")):
        who = [p for p, h in party if h == how]
        if who and thread.visited:
            out.append(Event(sent, pred, how, who, thread.visited, False))
    return out


def _quoted(doc: Doc, sent: Sentence, m: Candidate) -> bool:
    """A person only quoted (学习贯彻某某…讲话, 某某关于…的) is no subject."""
    end = m.end + 3 if doc.text.startswith("总书记", m.end) else m.end
    return bool(_REPORTED_SPEECH.search(doc.text[max(sent.start, m.start - 12):m.start])) \
        or doc.text.startswith(("关于", "的"), end)


def _subjects(doc: Doc, people: list[Candidate], starts: list[int]) -> list[Candidate]:
    """People with a (not negated) trigger after them and no "he stressed" in between."""
    live = [t for t in starts if not word_pattern("negation_words.txt", "{}$").search(doc.text[max(0, t - 3):t])]
    return [p for p in people if any(t > p.start and not word_pattern("statement_verbs.txt").search(doc.text[p.end:t]) for t in live)]


def _continues(doc: Doc, sent: Sentence, people: list[Candidate], starts: list[int], thread: Thread) -> bool:
    """A sentence with nobody named that goes on with the paragraph's visit (随后来到…)."""
    return bool(thread.visitors) and not people and bool(word_pattern("continuation_words.txt", "^{}").search(sent.text)) \
        and not word_pattern("statement_verbs.txt").search(doc.text[sent.start:starts[0]])


def _event(doc: Doc, sent: Sentence, ms: list[Candidate], people: list[Candidate], starts: list[int],
           pred: str, thread: Thread, lecture: bool) -> Event | None:
    """The event one trigger predicate makes of a sentence; updates the paragraph's ``thread``."""
    subj = _subjects(doc, people, starts)
    how: How = "verb"
    if not subj and pred == "inspected" and _continues(doc, sent, people, starts, thread):
        subj, how = thread.visitors, "continued"
    if not subj:
        return None
    targets = _targets(doc, sent, ms, subj, starts, pred)
    if len(subj) > 1 and any("分别" in doc.text[max(sent.start, t - 4):t] for t in starts):
        targets = []            # 甲、乙分别前往A、B、C: who went where the sentence does not say
    if pred == "inspected":
        thread.visitors = subj
        thread.visited = targets or thread.visited
    if targets:
        thread.venue = targets
    elif pred == "attended" and thread.venue:
        targets, how = [t for t in thread.venue if t.type != "Project"][:1], "before"   # 市领导某某参加: the event before
    if lecture:
        targets = _most_precise(targets)    # 来到某区某镇…授课: where the talk was
    return Event(sent, pred, how, subj, targets, lecture)


def _targets(doc: Doc, sent: Sentence, ms: list[Candidate], subj: list[Candidate], starts: list[int],
             pred: str) -> list[Candidate]:
    """What the subjects visited or attended: mentions after them, in reach of a trigger, not part of a title."""
    inside = [p for p in subj if p.start >= sent.start]     # bodies between listed people belong to titles
    after = max(p.end for p in inside) if inside else sent.start
    kinds = ("Place", "Agency", "Organization") if pred == "attended" else ("Place", "Agency", "Organization", "Project")
    return [m for m in ms if m.type in kinds and m.start > after and not _topic(doc, m)
            and not _is_title_body(m, subj) and not heads_title(doc, m) and _in_reach(doc, m, starts)]


def _topic(doc: Doc, m: Candidate) -> bool:
    """我市 in 调研我市住房工作 names the topic, not a place visited (来到我市, 在我市 do visit it)."""
    before = doc.text[max(0, m.start - 2):m.start]
    return bool(m.attrs.get("_deictic")) and not any(before.endswith(w) for w in (*words("motion_verbs.txt"), "在", "到", "赴"))


def _most_precise(targets: list[Candidate]) -> list[Candidate]:
    """Of a chain of places (北湖区柳溪乡), only the most precise."""
    return [t for t in targets if not any(u.start == t.end and u.type == "Place" for u in targets)]


def _is_title_body(m: Candidate, people: list[Candidate]) -> bool:
    """A body right before a person's name is part of the title, not a place visited."""
    return any(0 <= p.start - m.end <= 8 for p in people)


def _in_reach(doc: Doc, m: Candidate, trigger_starts: list[int]) -> bool:
    """A visited place is before its activity verb (在X调研) or right after a motion verb (来到X、Y)."""
    for t in trigger_starts:
        word = next((w for w in words("motion_verbs.txt") if doc.text.startswith(w, t)), None)
        if word is None:
            if m.end <= t or 0 <= m.start - t <= 12:
                return True
        elif m.start > t and _reaches(doc.text[t + len(word):m.start]):
            return True
    return False


def _reaches(gap: str) -> bool:
    """A motion verb reaches a place after ``gap``: close, or in the same clause with no 的/了/着 between."""
    return len(gap) <= 2 or len(gap) <= 40 and re.fullmatch(r"[^，。；]*", gap) is not None \
        and not re.search(r"[的了着]", gap)


def _site_visit(doc: Doc, sent: Sentence, ms: list[Candidate], people: list[Candidate],
                lecture: bool) -> Event | None:
    """在某某项目现场，某某详细了解…; 在某公司，某某认真听取…: the people there visited the place named."""
    site = _SITE[0].match(sent.text) or _SITE[1].match(sent.text)
    if not site or not people:
        return None
    at_site = site.group(0).endswith("现场")
    a, b = sent.start + site.start(1), sent.start + site.end(1)
    visitors = [p for p in people if p.start - (sent.start + site.end()) <= 4 or at_site]
    inside = [m for m in ms if m.type in ("Organization", "Project", "Place") and a <= m.start and m.end <= b]
    if not at_site:
        inside = inside[-1:]         # 在某区某镇，…: the most precise place named
    return Event(sent, "inspected", "site", visitors, inside, lecture) if visitors and inside else None
