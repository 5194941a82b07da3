"""Careers: résumé sentences (历任, 曾任, 时任 …) and dated résumé lines give one former post each;
appointment notices (任命…为, 免去…职务) give the post taken or left.

    王某，1965年出生。历任东山县副县长、甲市财政局局长，2016年任甲市政府副秘书长。
    2008.03—2012.06 甲市财政局局长

Each item becomes a holdsPosition fact with ``former`` set and the years the
text gives as ``start`` and ``end``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Doc
from .lexicon import alternation, rows
from .registry import rule
from .spans import Candidate
from .titles import government_body, roles, seat

if TYPE_CHECKING:
    from .state import Work


def _words(kind: str) -> str:
    """The words of ``data/career_words.tsv`` of one kind, as a regex alternation."""
    return alternation([w for w, k in rows("career_words.tsv") if k == kind])


_TRIGGER = re.compile(_words("list"))
_START = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月)?\s*(?:起)?\s*" + _words("year"))
_RANGE = re.compile(r"((?:19|20)\d{2})(?:[.年]\s*\d{1,2}\s*月?)?\s*[-—–~至]+\s*((?:19|20)\d{2})?(?:[.年]\s*\d{1,2}\s*月?)?\s*(?:今)?")
_DATED_LINE = re.compile(r"^\s*" + _RANGE.pattern + r"(.+)$", re.M)
_APPOINT = re.compile(r"(?P<verb>" + _words("appoint") + "|" + _words("remove") + r")"
                      r"(?:(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:同志)?(?:为|的)|其)"
                      r"(?P<post>[^，。；;、（(]{2,30}?)(?=职务|[，。；;、（(]|$)")
_TAKES_POST = re.compile(r"(?:同志)?" + _words("takes") + r"(?P<post>[^，。；;、（(]{2,30}?)(?=[，。；;、（(]|$)")
_SPLIT = re.compile(r"[、，,；;。]")
_REMOVE = frozenset(w for w, k in rows("career_words.tsv") if k == "remove")


@dataclass
class _Posts:
    """The mentions a résumé rule reads: bodies and places by end offset, people in text order."""
    by_end: dict[int, Candidate]
    places_by_end: dict[int, Candidate]
    persons: list[Candidate]

    @classmethod
    def of(cls, mentions: list[Candidate]) -> _Posts:
        return cls({m.end: m for m in mentions if m.type in ("Agency", "Organization")},
                   {m.end: m for m in mentions if m.type == "Place"},
                   [m for m in mentions if m.type == "Person"])

    def subject(self, text: str, pos: int) -> Candidate | None:
        """The last person named before ``pos`` in the same paragraph."""
        para = text.rfind("\n\n", 0, pos)
        before = [p for p in self.persons if para <= p.start < pos]
        return before[-1] if before else None


def _post(doc: Doc, a: int, b: int, by_end: dict[int, Candidate],
          places_by_end: dict[int, Candidate]) -> tuple[str, str | None] | None:
    """The (role, body) written in ``text[a:b]``: a title at the end, the body right before it."""
    text = doc.text
    end = b
    while end > a and not "\u4e00" <= text[end - 1] <= "\u9fff":
        end -= 1
    m = roles().match_before(text, end, 8)
    if not m or m[0] < a:
        return None
    rs = m[0]
    for k in range(a, end):             # prefer a body that ends where a shorter title starts (甘亭镇党委|书记)
        if k in by_end and by_end[k].start >= a and roles().get(text[k:end]):
            return text[k:end], by_end[k].label
    body = next((by_end[k].label for k in range(rs, a - 1, -1) if k in by_end and by_end[k].start >= a), None)
    if body is None:
        body = government_body(text[rs:end], seat(places_by_end.get(rs)))
    return text[rs:end], body


def _add(w: Work, posts: _Posts, person: Candidate, a: int, b: int, sent_pos: int, start: str | None = None,
         end: str | None = None, former: bool = True, confidence: float = 0.75) -> None:
    """A holdsPosition fact for the post written in ``text[a:b]`` (none when no title is there)."""
    post = _post(w.doc, a, b, posts.by_end, posts.places_by_end)
    if post is None:
        return
    role, body = post
    w.fact(person.label, "holdsPosition", None, sent_pos, confidence, role=role, org=body, former=former,
           start=start, end=end, date=w.doc.date)


@rule("relation.holdsPosition.career-list", stage="career", produces=("holdsPosition",), requires=("mentions",))
def career_list(w: Work) -> None:
    """Each item of a résumé list after 历任, 曾任, 时任 … is a former post (历任东山县副县长、甲市财政局局长)."""
    text, posts = w.text, _Posts.of(w.mentions)
    for m in _TRIGGER.finditer(text):
        person = posts.subject(text, m.start())
        if person is None:
            continue
        stop = min([i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
        a = m.end()
        for sep in [*_SPLIT.finditer(text, m.end(), stop + 1)]:
            _add(w, posts, person, a, sep.start(), m.start())
            a = sep.end()


@rule("relation.holdsPosition.career-year", stage="career", produces=("holdsPosition",), requires=("mentions",))
def career_year(w: Work) -> None:
    """A year and a post taken then is a former post from that year (2015年任甲市财政局局长)."""
    text, posts = w.text, _Posts.of(w.mentions)
    for m in _START.finditer(text):
        person = posts.subject(text, m.start())
        if person is None:
            continue
        stop = _SPLIT.search(text, m.end())
        _add(w, posts, person, m.end(), stop.start() if stop else len(text), m.start(), start=m.group(1))


@rule("relation.holdsPosition.appointment", stage="career", produces=("holdsPosition",), requires=("mentions",))
def appointment(w: Work) -> None:
    """An appointment notice gives the post taken (任命王建华为甲市财政局局长) or left (免去李明的…职务)."""
    text, posts = w.text, _Posts.of(w.mentions)
    by_start = {p.start: p for p in posts.persons}
    for m in _APPOINT.finditer(text):
        person = by_start.get(m.start("name")) if m.group("name") else posts.subject(text, m.start())
        if person is not None:
            _add(w, posts, person, m.start("post"), m.end("post"), m.start("post"),
                 former=m.group("verb") in _REMOVE, confidence=0.85)


@rule("relation.holdsPosition.takes-post", stage="career", produces=("holdsPosition",), requires=("mentions",))
def takes_post(w: Work) -> None:
    """A person followed by 任, 担任, 兼任 and a post holds it now (王建华同志任东山县委书记)."""
    text, posts = w.text, _Posts.of(w.mentions)
    for p in posts.persons:
        m = _TAKES_POST.match(text, p.end)
        if m:
            _add(w, posts, p, m.start("post"), m.end("post"), m.start("post"), former=False, confidence=0.85)


@rule("relation.holdsPosition.dated-line", stage="career", produces=("holdsPosition",), requires=("mentions",))
def dated_line(w: Work) -> None:
    """A résumé line that starts with a span of years is a former post held then (2008.03—2012.06 甲市财政局局长)."""
    text, posts = w.text, _Posts.of(w.mentions)
    for m in _DATED_LINE.finditer(text):
        person = posts.subject(text, m.start())
        if person is not None:
            _add(w, posts, person, m.start(3), m.end(3), m.start(), start=m.group(1), end=m.group(2))
