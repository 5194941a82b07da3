"""Events the bodies of an article host (由甲主办、乙承办的…会召开) and the story each one is about."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Doc, Sentence
from ..lexicon import word_pattern
from ..titles import roles
from ..spans import Candidate
from .common import BODY

if TYPE_CHECKING:
    from ..state import Work

_EVENT_HELD = re.compile(r"(?:会|活动|论坛|展|赛)[^，。；]{0,12}?(?:召开|举行|举办|开幕|启动)")


def heads_title(doc: Doc, body: Candidate) -> bool:
    """A body written right before a title (某某局局长) speaks through a person; it is no owner or host."""
    return roles().match_at(doc.text, body.end) is not None


def hosted_events(w: Work) -> dict[int, list[str]]:
    """The hosts of each event held (…会召开), by the start of its sentence (found once, kept on ``w``)."""
    if w.hosted is None:
        sents, doc = w.sents, w.doc
        w.hosted = {sent.start: _hosts(doc, sent, [m for m in sents.mentions[k] if m.type in BODY])
                    for k, sent in enumerate(sents.sents) if _EVENT_HELD.search(sent.text)}
    return w.hosted


def _hosts(doc: Doc, sent: Sentence, bodies: list[Candidate]) -> list[str]:
    """The bodies of a sentence followed by a hosting word (由甲主办、乙承办的…), each once."""
    hosts: list[str] = []
    hosting = word_pattern("hosting_verbs.txt")
    for b in bodies:
        m = hosting.match(doc.text, b.end) or hosting.match(doc.text, b.end + 1) if b.end < sent.end else None
        if m and not heads_title(doc, b) and b.label not in hosts:
            hosts.append(b.label)
    return hosts


def story_end(doc: Doc, pos: int) -> int:
    """Where the story around ``pos`` ends: its end, or an earlier headline-like paragraph (short, no full stop)."""
    end = next((b for a, b, _ in doc.stories if a <= pos < b), len(doc.text))
    for m in re.finditer(r"\n\s*\n([^\n]{1,40})(?=\n)", doc.text[pos:end]):
        if not re.search(r"[。！？.!?]", m.group(1)):
            return pos + m.start()
    return end
