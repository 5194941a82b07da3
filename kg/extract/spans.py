"""Candidate entity spans and the choice among overlapping ones."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# On equal length, the more specific reading wins.
PRIORITY = {"Person": 5, "Agency": 4, "Project": 3, "Organization": 2, "Place": 1}


@dataclass
class Candidate:
    """A span that one recogniser proposes as an entity."""
    start: int
    end: int
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    weight: int = 0           # extra priority (e.g. a lexicon hit beats a guess)

    @property
    def text(self) -> str:
        return self.attrs.get("_surface", "")


def select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates: longest first, then by type priority.

    >>> a = Candidate(0, 3, "Place", "青石市"); b = Candidate(0, 6, "Organization", "青石市图书馆")
    >>> [c.label for c in select([a, b])]
    ['青石市图书馆']
    """
    order = sorted(cands, key=lambda c: (-(c.end - c.start) - c.weight, -PRIORITY[c.type], c.start, c.label))
    taken = bytearray(max((c.end for c in cands), default=0))
    out = []
    for c in order:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.end))


def occurrences(text: str, sub: str) -> Iterator[tuple[int, int]]:
    """The spans of ``sub`` in ``text``, left to right, not overlapping: what ``re.finditer(re.escape(sub), text)``
    finds, without compiling a pattern for every name (that filled Python's pattern cache and cost 4 %).

    >>> list(occurrences("甲乙甲乙甲", "甲乙")), list(occurrences("甲甲甲", "甲甲"))
    ([(0, 2), (2, 4)], [(0, 2)])
    """
    if not sub:
        raise ValueError("empty substring")
    n = len(sub)
    i = text.find(sub)
    while i >= 0:
        yield i, i + n
        i = text.find(sub, i + n)


def occupancy(n: int, spans: list[Candidate]) -> bytearray:
    """One byte per character of a text of length ``n``: 1 where one of ``spans`` lies.

    >>> list(occupancy(4, [Candidate(1, 3, "Place", "x")]))
    [0, 1, 1, 0]
    """
    taken = bytearray(n)
    for c in spans:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    return taken
