"""inspected, attended and investigatedBy: the rules that turn the events of ``visits.py`` into facts.

Trigger words come from ``data/relation_verbs.tsv``; who the subject is and what is in reach of the
trigger is decided once per article by :func:`~kg.extract.relations.visits.event_frames`.
"""
from __future__ import annotations

from ..registry import rule
from ..state import Work
from ...model import EventRecord
from .common import fact_date
from .gatherings import Gathering, gatherings
from .visits import Event, event_frames

_NEEDS = ("mentions", "holdsPosition", "reported")


def _record(w: Work, events: list[Event], pred: str) -> None:
    """Every subject of each event ``pred`` every target (confidence 0.6)."""
    for ev in events:
        for p in ev.subjects:
            for t in ev.targets:
                w.fact(p.label, pred, t.label, ev.sent.start, 0.6)


@rule("relation.inspected.visit-verb", stage="event", produces=("inspected",), requires=_NEEDS)
def visit_verb(w: Work) -> None:
    """An official named before a visit verb visited the places in its reach (县长王建华在东山县调研)."""
    _record(w, event_frames(w).of("inspected", "verb"), "inspected")


@rule("relation.inspected.continued-visit", stage="event", produces=("inspected",), requires=_NEEDS)
def continued_visit(w: Work) -> None:
    """A sentence that goes on with the paragraph's visit has the same visitors (随后来到甲公司调研)."""
    _record(w, event_frames(w).of("inspected", "continued"), "inspected")


@rule("relation.inspected.companion", stage="event", produces=("inspected",), requires=_NEEDS)
def companion(w: Work) -> None:
    """Who goes along on a visit visited what it visited (县长王建华到青河镇调研，副县长李明陪同)."""
    _record(w, event_frames(w).of("inspected", "companion"), "inspected")


@rule("relation.attended.visit-party", stage="event", produces=("attended",), requires=_NEEDS)
def visit_party(w: Work) -> None:
    """Who takes part in a visit attended what it visited (县长王建华到县住建局调研。局长李明参加调研)."""
    _record(w, event_frames(w).of("attended", "party"), "attended")


@rule("relation.attended.lecture", stage="event", produces=("attended",), requires=_NEEDS)
def lecture(w: Work) -> None:
    """A visit to give a talk is attendance (书记王建华来到东山县委党校授课)."""
    _record(w, event_frames(w).of("inspected", "verb", "continued", lecture=True), "attended")


@rule("relation.attended.attend-verb", stage="event", produces=("attended",), requires=_NEEDS)
def attend_verb(w: Work) -> None:
    """An official named before an attend verb attended the body or place after it (县长王建华出席东山县…会议)."""
    _record(w, event_frames(w).of("attended", "verb"), "attended")


@rule("relation.attended.event-before", stage="event", produces=("attended",), requires=_NEEDS)
def event_before(w: Work) -> None:
    """Attending with no venue named attends the paragraph's last event (东山县召开…会。县长王建华出席)."""
    _record(w, event_frames(w).of("attended", "before"), "attended")


@rule("relation.inspected.site-visit", stage="event", produces=("inspected",), requires=_NEEDS)
def site_visit(w: Work) -> None:
    """A sentence set at a site has its officials visit it (在甲公司项目现场，县长王建华详细了解…)."""
    _record(w, event_frames(w).of("inspected", "site"), "inspected")


@rule("relation.attended.lecture-site", stage="event", produces=("attended",), requires=_NEEDS)
def lecture_site(w: Work) -> None:
    """A sentence set at a place where an official teaches is attendance (在东山县委党校，书记王建华作报告)."""
    _record(w, event_frames(w).of("inspected", "site", lecture=True), "attended")


@rule("relation.investigatedBy.discipline-body", stage="event", produces=("investigatedBy",),
      requires=("mentions",))
def discipline_body(w: Work) -> None:
    """A person in a sentence of an investigation is investigated by its discipline bodies (东山县纪委监委对王建华立案审查)."""
    sents = w.sents
    for k, sent in enumerate(sents.sents):
        if "investigated" not in sents.triggers[k]:
            continue
        ms = sents.mentions[k]
        bodies = [m for m in ms if m.type == "Agency" and ("纪" in m.label or "监" in m.label)]
        for p in [m for m in ms if m.type == "Person"]:
            for b in bodies:
                w.fact(p.label, "investigatedBy", b.label, sent.start, 0.8)


@rule("relation.attended.event-frame", stage="event", produces=("attended", "events"), requires=_NEEDS)
def event_frame(w: Work) -> None:
    """Who takes part in an event attended its venue and hosts (…会议在东山宾馆举行。县长王建华主持会议); the event
    itself is kept on the doc with its name, date, venue, hosts and participants."""
    for g in gatherings(w):
        for p, sent in g.participants:
            context = () if sent is g.sent else (g.sent,)      # the sentence that named the event
            for o in g.objects():
                w.fact(p.label, "attended", o.label, sent.start, 0.6, context=context)
        if g.participants or g.venue or g.hosts:
            w.doc.events.append(_record_of(w, g))


def _record_of(w: Work, g: Gathering) -> EventRecord:
    """The doc's record of an event: entity labels, each once, and its sentences in text order."""
    people = list(dict.fromkeys(p.label for p, _ in g.participants))
    sents = sorted({s.start: s for s in [g.sent, *(s for _, s in g.participants)]}.values(), key=lambda s: s.start)
    return EventRecord(g.name, fact_date(w.doc, g.sent, g.end), list(dict.fromkeys(v.label for v in g.venue)),
                       list(dict.fromkeys(h.label for h in g.hosts)), people, sents, w.rule)
