"""inspected, attended and investigatedBy: trigger words, their subjects and the places in reach."""
from __future__ import annotations

import re

from ...model import Doc
from ..spans import Candidate
from ..registry import rule
from .common import Rel, Sentences

_REPORTED_SPEECH = re.compile(r"(?:学习|贯彻|落实|按照|根据|遵循|领会|践行)[^，。]{0,6}$")
_NEGATED = re.compile(r"(?:未|没有|没|并未|不曾|不再|拒绝|缺席)$")
_SPEECH = re.compile(r"强调|指出|要求|表示|认为|希望")
_CONVENES = re.compile(r"(?:召开|举行|举办)[^，。；]{0,30}(?:会|会议|活动|仪式|论坛)"
                       r"|(?:第[一二三四五六七八九十]+次)?(?:全体|常务委员会|常委会)?会议[^，。；]{0,20}?(?:开幕|闭幕|召开|举行)")
_LECTURE = re.compile(r"授课|宣讲|讲座|讲授|讲党课|作报告|为题|辅导报告")
_MOTION = ("来到", "深入", "走进", "前往", "赴")


def _in_reach(doc: Doc, m: Candidate, trigger_starts: list[int]) -> bool:
    """A visited place is before its activity verb (在X调研) or right after a motion verb (来到X、Y)."""
    for t in trigger_starts:
        word = next((w for w in _MOTION if doc.text.startswith(w, t)), None)
        if word is None and m.end <= t:
            return True
        if word is not None and 0 <= m.start - (t + len(word)) <= 2:
            return True
        if word is not None and m.start > t:
            gap = doc.text[t + len(word):m.start]
            if re.fullmatch(r"[^，。；]*", gap) and len(gap) <= 40 and not re.search(r"[的了着]", gap):
                return True
        if word is None and m.start >= t and m.start - t <= 12:
            return True
    return False


_CONTINUES = re.compile(r"^(?:随后|之后|其间|期间|先后|还|并|他|她|其|一行|同时|接着|在)")


def events(doc: Doc, mentions: list[Candidate], sents: Sentences, rel: Rel) -> None:
    """inspected / attended / investigatedBy from trigger words in a sentence.

    The subject is a titled person before the trigger (not one quoted in 学习贯彻…讲话);
    a following sentence of the same paragraph (随后来到…) continues with the same subject.
    """
    reporters = {r.s for r in doc.relations if r.p == "reported"}
    titled = {r.s for r in doc.relations if r.p == "holdsPosition"}
    last_targets: tuple[int, list[Candidate]] = (-1, [])     # (paragraph start, targets of the last event)
    last_subj: tuple[int, list[Candidate]] = (-1, [])        # (paragraph start, subject of the last visit)
    for k, sent in enumerate(sents.sents):
        ms, trig = sents.mentions[k], sents.triggers[k]
        para = doc.text.rfind("\n", 0, sent.start) + 1
        host = [m for m in ms if m.type in ("Agency", "Organization", "Place") and _CONVENES.match(doc.text, m.end)]
        if host and not [m for m in ms if m.type == "Person" and m.label not in reporters]:
            last_targets = (para, host[:1])      # 某县召开…会。书记某某出席并讲话: the meeting the county held
        people = [m for m in ms if m.type == "Person" and m.label not in reporters and m.label in titled
                  and not _REPORTED_SPEECH.search(doc.text[max(sent.start, m.start - 12):m.start])
                  and not doc.text.startswith(("关于", "的"), m.end + 3 if doc.text.startswith("总书记", m.end) else m.end)]
        for pred in ("inspected", "attended"):
            if pred not in trig:
                continue
            # subjects: people with a trigger after them and no "he stressed" in between
            trig_pos = [t for t in trig[pred] if not _NEGATED.search(doc.text[max(0, t - 3):t])]
            subj = [p for p in people
                    if any(t > p.start and not _SPEECH.search(doc.text[p.end:t]) for t in trig_pos)]
            if not subj and pred == "inspected" and last_subj[0] == para and (not people) and _CONTINUES.search(sent.text) \
                    and not _SPEECH.search(doc.text[sent.start:trig[pred][0]]):
                subj = last_subj[1]
            if not subj:
                continue
            inside = [p for p in subj if p.start >= sent.start]     # bodies between listed people belong to titles
            after = max(p.end for p in inside) if inside else sent.start
            targets = [m for m in ms if m.type in ("Place", "Agency", "Organization", "Project") and m.start > after
                       and not _is_title_body(doc, m, subj) and _in_reach(doc, m, trig[pred])]
            if pred == "attended":
                targets = [m for m in targets if m.type != "Project"]
            if pred == "inspected":
                last_subj = (para, subj)
            if targets:
                last_targets = (para, targets)
            elif pred == "attended" and last_targets[0] == para:
                targets = [t for t in last_targets[1] if t.type != "Project"][:1]   # 市领导某某参加: the event before
            said = "attended" if pred == "inspected" and _LECTURE.search(sent.text) else pred   # went there to teach
            targets = [t for t in targets if not any(u.start == t.end and u.type == "Place" for u in targets)] \
                if said != pred else targets     # 榆次区张庆乡: the most precise place of a chain
            for p in subj:
                for t in targets:
                    rel(p.label, said, t.label, sent.start, f"trigger:{pred}", 0.6)
        site = re.match(r"^在(.{2,40}?)现场", sent.text) or re.match(r"^在([^，,。；]{2,40}?)[，,]", sent.text)
        if site and people:                  # 在某某项目现场，某某详细了解…; 在某公司，某某认真听取…
            a, b = sent.start + site.start(1), sent.start + site.end(1)
            visitors = [p for p in people if p.start - (sent.start + site.end()) <= 4 or site.group(0).endswith("现场")]
            inside = [m for m in ms if m.type in ("Organization", "Project", "Place") and a <= m.start and m.end <= b]
            if not site.group(0).endswith("现场"):
                inside = inside[-1:]         # 在太谷区番茄小镇，…: the most precise place named
            for t in inside:
                for p in visitors:
                    rel(p.label, "attended" if _LECTURE.search(sent.text) else "inspected", t.label, sent.start,
                        "site-visit", 0.6)
        if "investigated" in trig:
            bodies = [m for m in ms if m.type == "Agency" and ("纪" in m.label or "监" in m.label)]
            for p in [m for m in ms if m.type == "Person"]:
                for b in bodies:
                    rel(p.label, "investigatedBy", b.label, sent.start, "trigger:investigation", 0.8)


def _is_title_body(doc: Doc, m: Candidate, people: list[Candidate]) -> bool:
    """A body right before a person's name is part of the title, not a place visited."""
    return any(0 <= p.start - m.end <= 8 for p in people)


@rule("relation.event.all", stage="event", produces=("inspected", "attended", "investigatedBy"),
      requires=("mentions", "holdsPosition", "reported"))
def _events(w) -> None:
    """inspected, attended, investigatedBy (coarse, to be split)."""
    events(w.doc, w.mentions, w.sents, lambda s, p, o, pos, rule, conf, **kw: w.fact(s, p, o, pos, conf, rule=rule, **kw))
