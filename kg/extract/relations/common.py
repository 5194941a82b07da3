"""What every relation rule shares: sentences with their mentions and trigger words, fact dates."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from ...model import Body, Doc, Sentence
from ...divisions import divisions
from ...gazetteer import Gazetteer
from ..lexicon import rows
from ..spans import Candidate

_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")
BODY = ("Agency", "Organization")

# rel(subject, predicate, object, position, rule, confidence, **fields): records one fact
Rel = Callable[..., None]


@cache
def all_triggers() -> Gazetteer[tuple[str, ...]]:
    """Every trigger word → the predicates it triggers (one pass over the text finds them all)."""
    out: dict[str, tuple[str, ...]] = {}
    for p, ws in rows("relation_verbs.tsv"):
        for w in ws.split():
            out[w] = out.get(w, ()) + (p,)
    return Gazetteer(out)


def trigger_words(row: str) -> tuple[str, ...]:
    """The words of one row of ``data/relation_verbs.tsv``, as written.

    >>> "位于" in trigger_words("located")
    True
    """
    return next((tuple(ws.split()) for p, ws in rows("relation_verbs.tsv") if p == row), ())


class Sentences:
    """The sentences of a doc with, for each, its mentions and the trigger words in it (found once)."""

    def __init__(self, doc: Doc, mentions: list[Candidate]) -> None:
        self.sents = doc.sentences
        self.starts = [s.start for s in doc.sentences]
        self.mentions: list[list[Candidate]] = [[] for _ in self.sents]
        for m in mentions:
            i = self.index(m.start)
            if i is not None:
                self.mentions[i].append(m)
        self.triggers: list[dict[str, list[int]]] = [{} for _ in self.sents]
        for s, _, _, preds in all_triggers().find_all(doc.text):
            i = self.index(s)
            if i is not None:
                for pred in preds:
                    self.triggers[i].setdefault(pred, []).append(s)

    def index(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.sents[i].end else None

    def at(self, pos: int) -> Sentence | None:
        i = self.index(pos)
        return None if i is None else self.sents[i]


def fact_date(doc: Doc, sent: Sentence | None, pos: int | None = None) -> str | None:
    """The date a sentence gives (11月21日), completed with the article's year; else the article date.

    With several dates, the last one before ``pos`` (the fact's position) wins.
    """
    if sent is not None and doc.date:
        found = [m for m in _MD.finditer(sent.text) if 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31]
        if pos is not None:
            found = [m for m in found if sent.start + m.start() < pos] or found
        if found:
            m = found[-1]
            return f"{doc.date[:4]}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    return doc.date


def body_info(doc: Doc, label: str) -> Body:
    """What the recognisers learnt of an agency: its ``jurisdiction`` and name ``core``."""
    return doc.bodies.get(label) or Body()


def level_place(doc: Doc, level: str, pos: int) -> str | None:
    """What a bare level word at ``pos`` means (县长, 市领导): the place of the home's chain at that level
    (:func:`~kg.extract.context.seat`), else the last place of that level the story named before ``pos``
    (as a place or as the place of an agency). ``county`` and ``town`` ask for the story's county or town."""
    from ..context import seat
    if len(level) == 1:
        home_seat = seat(doc, level)
        if home_seat or level in "镇乡":
            return home_seat or level_place(doc, "town", pos)
        want, level = (level,), {"省": "province", "市": "city", "州": "city", "盟": "city"}.get(level, "county")
    else:
        want = {"county": ("县", "区", "市", "旗"), "town": ("镇", "乡", "街道")}[level]
        if level == "county":        # in a county paper, the home county when the story names no other
            return _last_named(doc, want, level, pos) or seat_of_level(doc, "county")
    return _last_named(doc, want, level, pos)


def seat_of_level(doc: Doc, level: str) -> str | None:
    """The home itself when it is of ``level`` (a county paper's county)."""
    d = divisions().get(doc.home) if doc.home else None
    return d.name if d is not None and d.level == level else None


def _last_named(doc: Doc, want: tuple[str, ...], level: str, pos: int) -> str | None:
    """The last place of ``level`` ending in one of ``want`` the story named before ``pos``."""
    best = None
    story = next(((a, b) for a, b, _ in doc.stories if a <= pos < b), (0, len(doc.text)))
    for m in doc.mentions:
        if not story[0] <= m.start < pos:
            continue
        # a place, or the place an agency is named after (朝阳区委书记某、区长某: 朝阳区)
        label = m.label if m.type == "Place" else body_info(doc, m.label).jurisdiction if m.type == "Agency" else None
        if label and label.endswith(want) and label != doc.home:
            d = divisions().get(label, doc.province, doc.locale)
            if level == "town" or (d and (d.level == level or level == "city" and d.kind == "直辖市")):
                best = label
    return best
