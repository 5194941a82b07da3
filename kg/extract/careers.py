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

from .lexicon import alternation, rows
from .registry import rule
from .spans import Candidate
from .resume import LINE_END, Chain, Post, blocks, entries
from .titles import roles

if TYPE_CHECKING:
    from .state import Work


def _words(kind: str) -> str:
    """The words of ``data/career_words.tsv`` of one kind, as a regex alternation."""
    return alternation([w for w, k in rows("career_words.tsv") if k == kind])


_TRIGGER = re.compile(f"(?P<now>{_words('now')})|{_words('list')}")
_START = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*(?P<month>\d{1,2})\s*月)?\s*(?P<since>起)?\s*" + _words("year"))
_APPOINT = re.compile(r"(?P<verb>" + _words("appoint") + "|" + _words("remove") + r")"
                      r"(?:(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:同志)?(?:为|的)|其)"
                      r"(?P<post>[^，。；;（(]{2,40}?)(?=职务|[，。；;（(]|$)")
_TAKES_POST = re.compile(r"(?:同志)?(?P<was>原|曾|在|又|现|先后)?(?:" + _words("takes") + r"|是)"
                         + r"(?P<post>[^，。；;（(]{2,60}?)(?=期间|时[，。]|[，。；;（(]|$)")
_PRONOUN = re.compile(r"(?:^|(?<=[，。；;\n]))(?:他|她|该同志)(?:[^，。；;]{0,12}，)?")
_SAYS = re.compile(r"(?:说|表示|指出|认为|称|介绍|强调)，$")
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

    def in_line(self, text: str, pos: int) -> Candidate | None:
        """The last person named before ``pos`` in the same line (他 …: that person)."""
        line = text.rfind("\n", 0, pos)
        before = [p for p in self.persons if line < p.start < pos]
        return before[-1] if before else None

    def owner(self, pos: int) -> Candidate | None:
        """The person a résumé that starts at ``pos`` belongs to: the last one named shortly before it
        (a heading or blank lines may stand between)."""
        before = [p for p in self.persons if pos - _RESUME_REACH <= p.start < pos]
        return before[-1] if before else None

    def named_in(self, a: int, b: int) -> bool:
        return any(a <= p.start < b for p in self.persons)

    def chain(self, w: Work) -> Chain:
        return Chain(w.doc, self.by_end, self.places_by_end)


_RESUME_REACH = 400      # how far before a résumé its person may be named


def _record(w: Work, person: Candidate, post: Post, former: bool, start: str | None = None,
            end: str | None = None, confidence: float = 0.75) -> None:
    """A holdsPosition fact for ``post``; a body the chain named in full becomes an entity."""
    org = post.org
    if org and post.org_type and not any(k[1] == org for k in w.doc.entities):
        w.entity(post.org_type, org)
    w.fact(person.label, "holdsPosition", None, post.pos, confidence, role=post.role, org=org, former=former,
           start=start, end=end, date=w.doc.date)


def _add(w: Work, posts: _Posts, person: Candidate, a: int, b: int, start: str | None = None,
         end: str | None = None, former: bool = True, confidence: float = 0.75) -> None:
    """A holdsPosition fact for each post written in ``text[a:b]`` (none when no title is there)."""
    for post in posts.chain(w).posts(a, b):
        if not _names_next(w, posts, post):
            _record(w, person, post, former, start, end, confidence)


def _names_next(w: Work, posts: _Posts, post: Post) -> bool:
    """Is the title followed by a name (时任甲局局长王某: that person's post, not the résumé's)?"""
    end = post.pos + w.text[post.pos:].find(post.role) + len(post.role)
    return any(p.start == end for p in posts.persons)


@rule("relation.holdsPosition.career-list", stage="career", produces=("holdsPosition",), requires=("mentions",))
def career_list(w: Work) -> None:
    """Each item of a list after 历任, 曾任 … is a former post (历任东山县副县长、甲市财政局局长); after 现任, a current one."""
    text, posts = w.text, _Posts.of(w.mentions)
    for m in _TRIGGER.finditer(text):
        person = posts.subject(text, m.start())
        if person is None:
            continue
        stop = min([i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
        nxt = next((p.start for p in posts.persons if m.end() <= p.start < stop), stop)
        if nxt < stop and roles().match_before(text, nxt, 8):
            continue            # 时任甲县县长王某: the title phrase of the name after it
        _add(w, posts, person, m.end(), nxt, former=not m.group("now"))


@rule("relation.holdsPosition.career-year", stage="career", produces=("holdsPosition",), requires=("mentions",))
def career_year(w: Work) -> None:
    """A year and a post taken then is a former post from that year (2015年任甲市财政局局长); written with 起
    (since), the post is still held (2015年2月起任甲县县长)."""
    text, posts = w.text, _Posts.of(w.mentions)
    for m in _START.finditer(text):
        person = posts.subject(text, m.start())
        if person is None:
            continue
        stop, later = LINE_END.search(text, m.end()), _START.search(text, m.end())
        end = min(stop.start() if stop else len(text), later.start() if later else len(text))
        start = f"{m.group(1)}-{int(m.group('month')):02d}" if m.group("month") else m.group(1)
        _add(w, posts, person, m.end(), end, start=start,
             former=not m.group("since"))


@rule("relation.holdsPosition.appointment", stage="career", produces=("holdsPosition",), requires=("mentions",))
def appointment(w: Work) -> None:
    """An appointment notice gives the post taken (任命王建华为甲市财政局局长) or left (免去李明的…职务)."""
    text, posts = w.text, _Posts.of(w.mentions)
    by_start = {p.start: p for p in posts.persons}
    for m in _APPOINT.finditer(text):
        person = by_start.get(m.start("name")) if m.group("name") else posts.subject(text, m.start())
        if person is not None:
            _add(w, posts, person, m.start("post"), m.end("post"), former=m.group("verb") in _REMOVE,
                 confidence=0.85)


@rule("relation.holdsPosition.takes-post", stage="career", produces=("holdsPosition",), requires=("mentions",))
def takes_post(w: Work) -> None:
    """A person (or 他/她) followed by 任, 担任 … holds the posts listed (王建华同志任东山县委书记、县长; 在任…期间: former)."""
    text, posts = w.text, _Posts.of(w.mentions)
    subjects = [(p.end, p) for p in posts.persons]
    subjects += [(m.end(), posts.in_line(text, m.start())) for m in _PRONOUN.finditer(text) if not _SAYS.search(m.group(0))]
    for at, p in subjects:
        m = _TAKES_POST.match(text, at) if p is not None else None
        if m and not posts.named_in(m.start("post"), m.end("post") + 1):
            former = text.startswith(("期间", "时"), m.end("post")) or m.group("was") in ("原", "曾")
            _add(w, posts, p, m.start("post"), m.end("post"), former=former, confidence=0.85)


@rule("relation.holdsPosition.dated-line", stage="career", produces=("holdsPosition",), requires=("mentions",))
def dated_line(w: Work) -> None:
    """Each post of a dated résumé entry, with its dates (2008.03—2012.06 东山县委副书记兼政法委书记).

    A post is former when its end is written, when a later entry follows, or when the entry removes it (免去…).
    """
    text, posts = w.text, _Posts.of(w.mentions)
    for block in blocks(entries(text), text):
        person = posts.owner(block[0].start)
        if person is None:
            continue
        for i, e in enumerate(block):
            if posts.named_in(e.body, e.end):
                continue            # a dated sentence about someone, not a résumé entry
            former = e.until is not None or e.removal or (i + 1 < len(block) and not e.closed)
            _add(w, posts, person, e.body, e.end, start=e.since, end=e.until, former=former)
