"""Calling one extraction rule on a prepared document.

``run_rule(name, text, home=None)`` runs every rule before ``name`` on ``text``, then ``name`` alone,
and returns a :class:`Made` view of what that one rule made. Sentences in rule tests are written for
the tests (never copied from ``seeds/`` or the evaluation articles).
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from kg.extract import Extractor
from kg.extract.registry import registry
from kg.extract.state import Work
from kg.model import Article


@dataclass
class Made:
    """What one rule made on one text."""
    work: Work
    rule: str

    @property
    def labels(self) -> list[str]:
        """Labels of the candidates (or person hits) the rule proposed, in text order."""
        cands = [c for c in self.work.candidates if c.rule == self.rule]
        cands += [h.cand for h in self.work.hits if h.cand.rule == self.rule]
        return [c.label for c in sorted(cands, key=lambda c: (c.start, c.end))]

    @property
    def entities(self) -> set[tuple[str, str]]:
        """(type, label) of the entities the rule added."""
        return {(e.type, e.label) for e in self.work.doc.entities.values() if e.rule == self.rule}

    @property
    def facts(self) -> set[tuple]:
        """(s, p, o) — (s, p, role, org) for holdsPosition — of the facts the rule made."""
        return {(r.s, r.p, r.role, r.org) if r.p == "holdsPosition" else (r.s, r.p, r.o)
                for r in self.work.doc.relations if r.rule == self.rule}


def _run(name: str, text: str, home: str | None = None) -> Made:
    rule = registry()[name]
    w = Extractor(home=home).prepare(Article("t.txt", text), until=name)
    w.rule = name
    rule.func(w)
    return Made(w, name)


@pytest.fixture
def run_rule():
    return _run
