"""Careers: résumé sentences (历任, 曾任, 时任 …) and dated résumé lines give one former post each;
appointment notices (任命…为, 免去…职务) give the post taken or left.

    乔某，1965年出生。历任芮城县副县长、运城市财政局局长，2016年任运城市政府副秘书长。
    2008.03—2012.06 运城市财政局局长

Each item becomes a holdsPosition fact with ``former`` set and the years the
text gives as ``start`` and ``end``.
"""
from __future__ import annotations

import re

from ..model import Doc, Relation
from .registry import rule
from .spans import Candidate
from .titles import government_body, roles, seat

_TRIGGER = re.compile(r"(?:历任|曾任|先后任|先后担任|曾担任|时任|原任)")
_START = re.compile(r"((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月)?\s*(?:起)?\s*(?:任|担任|调任|升任|转任)")
_RANGE = re.compile(r"((?:19|20)\d{2})(?:[.年]\s*\d{1,2}\s*月?)?\s*[-—–~至]+\s*((?:19|20)\d{2})?(?:[.年]\s*\d{1,2}\s*月?)?\s*(?:今)?")
_APPOINT = re.compile(r"(?P<verb>任命|免去|聘任)(?:(?P<name>[\u4e00-\u9fff·]{2,8}?)(?:同志)?(?:为|的)|其)"
                      r"(?P<post>[^，。；;、（(]{2,30}?)(?=职务|[，。；;、（(]|$)")
_TAKES_POST = re.compile(r"(?:同志)?(?:任|担任|出任|兼任)(?P<post>[^，。；;、（(]{2,30}?)(?=[，。；;、（(]|$)")
_SPLIT = re.compile(r"[、，,；;。]")


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


@rule("relation.holdsPosition.career", stage="career", produces=("holdsPosition",), requires=("mentions",))
def find_careers(w) -> None:
    """Former posts from résumé sentences and dated lines (coarse, to be split)."""
    doc = w.doc
    mentions: list[Candidate] = w.mentions
    by_end = {m.end: m for m in mentions if m.type in ("Agency", "Organization")}
    places_by_end = {m.end: m for m in mentions if m.type == "Place"}
    persons = [m for m in mentions if m.type == "Person"]
    text = doc.text

    def subject(pos: int) -> Candidate | None:
        para = text.rfind("\n\n", 0, pos)
        before = [p for p in persons if para <= p.start < pos]
        return before[-1] if before else None

    def add(person: Candidate, a: int, b: int, start: str | None, end: str | None, sent_pos: int, rule: str,
            former: bool = True, confidence: float = 0.75) -> None:
        post = _post(doc, a, b, by_end, places_by_end)
        if post is None:
            return
        role, body = post
        sent = doc.sentence_at(sent_pos)
        doc.add_relation(Relation(s=person.label, p="holdsPosition", role=role, org=body, former=former,
                                  start=start, end=end, rule=rule, confidence=confidence, sentence=sent, date=doc.date))

    for m in _TRIGGER.finditer(text):
        person = subject(m.start())
        if person is None:
            continue
        stop = min([i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
        a = m.end()
        for sep in [*_SPLIT.finditer(text, m.end(), stop + 1)]:
            add(person, a, sep.start(), None, None, m.start(), "career:" + m.group(0))
            a = sep.end()
    for m in _START.finditer(text):
        person = subject(m.start())
        if person is None:
            continue
        stop = _SPLIT.search(text, m.end())
        add(person, m.end(), stop.start() if stop else len(text), m.group(1), None, m.start(), "career:year")
    # appointment notices: 任命甲为…局长 (a post now), 免去乙的…职务 / 免去其…职务 (a post left)
    by_start = {p.start: p for p in persons}
    for m in _APPOINT.finditer(text):
        person = by_start.get(m.start("name")) if m.group("name") else subject(m.start())
        if person is not None:
            add(person, m.start("post"), m.end("post"), None, None, m.start("post"), "appointment:" + m.group("verb"),
                former=m.group("verb") == "免去", confidence=0.85)
    for p in persons:         # 某某同志任…书记
        m = _TAKES_POST.match(text, p.end)
        if m:
            add(p, m.start("post"), m.end("post"), None, None, m.start("post"), "appointment:任",
                former=False, confidence=0.85)
    for m in re.finditer(r"^\s*" + _RANGE.pattern + r"(.+)$", text, re.M):
        person = subject(m.start())
        if person is None:
            continue
        add(person, m.start(3), m.end(3), m.group(1), m.group(2), m.start(), "career:dated-line")
