"""Candidate entity spans and the choice among overlapping ones."""
from __future__ import annotations

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

    >>> a = Candidate(0, 3, "Place", "晋中市"); b = Candidate(0, 6, "Organization", "晋中市图书馆")
    >>> [c.label for c in select([a, b])]
    ['晋中市图书馆']
    """
    order = sorted(cands, key=lambda c: (-(c.end - c.start) - c.weight, -PRIORITY[c.type], c.start, c.label))
    taken: list[tuple[int, int]] = []
    out = []
    for c in order:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.end))
