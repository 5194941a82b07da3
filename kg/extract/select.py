"""The one selection step: which of the overlapping candidate spans become mentions, of which type.

Entity rules only *propose* scored candidates (``Work.candidates``, ``Work.hits``); a policy decides.
The policy is swappable (``Extractor(policy=...)``): anything with the two methods of :class:`Policy`.
A later candidate source (a statistical tagger, a gazetteer scan) plugs in by proposing candidates too.

The default, :class:`LongestSpan`:

1. *bodies* — among places, agencies, organisations and projects the longest span wins (plus its
   ``weight``); on equal length the more specific type (Agency > Project > Organization > Place);
2. *people* — a person found by a strong rule (a title, a byline) beats any body it overlaps;
   a weak one (a context word, a repeat) only takes free text;
3. *people before projects* — a name the article gives a person is never a project elsewhere in it;
4. *boundaries* — a company written right before its project opens the project's name
   (甲股份|年产20万吨…项目 → 甲股份年产20万吨…项目) and stays an entity of its own.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from ..model import Body, Doc, Mention
from .lexicon import zone_kinds
from .registry import rule
from .spans import Candidate, occupancy, select

if TYPE_CHECKING:
    from .persons import PersonHit
    from .state import Work

# Candidate attributes the later rules use that are no attributes of the entity itself.
INTERNAL = ("core", "jurisdiction", "parent")


class Policy(Protocol):
    """What a selection policy decides."""

    def bodies(self, w: Work) -> list[Candidate]:
        """The non-person spans kept (before people are found: titles need them)."""

    def people(self, w: Work) -> tuple[list[Candidate], list[PersonHit]]:
        """The final spans in text order, and the person hits kept."""


class LongestSpan:
    """The default policy (see the module docstring)."""

    def bodies(self, w: Work) -> list[Candidate]:
        return select(w.candidates)

    def people(self, w: Work) -> tuple[list[Candidate], list[PersonHit]]:
        hits = w.hits
        strong = [h.cand for h in hits if h.strong]
        taken = occupancy(len(w.text), strong)
        chosen = [c for c in w.bodies if not any(taken[c.start:c.end])]
        taken = occupancy(len(w.text), chosen)
        strong_ids = {id(c) for c in strong}
        weak = [h.cand for h in hits if id(h.cand) not in strong_ids and not any(taken[h.cand.start:h.cand.end])]
        persons = strong_ids | {id(c) for c in weak}
        kept = [h for h in hits if id(h.cand) in persons]
        names = {w.text[h.cand.start:h.cand.end] for h in kept}
        chosen = [c for c in chosen if not (c.type == "Project" and _bare_project(w.text[c.start:c.end]) in names)]
        final = owner_in_project_name(w.text, sorted(chosen + strong + weak, key=lambda c: (c.start, c.end)))
        return final, kept


_PROJECT_DRESS = re.compile(r"[“”\"《》]|(?:项目|工程)$")


def _bare_project(surface: str) -> str:
    """A project's name without quotes and its ending (“甲乙”项目 → 甲乙).

    >>> _bare_project("“王五”项目")
    '王五'
    """
    return _PROJECT_DRESS.sub("", surface)


def owner_in_project_name(text: str, final: list[Candidate]) -> list[Candidate]:
    """A company written right before its project is part of the project's name; it stays an entity of its own.

    >>> a = Candidate(0, 2, "Organization", "甲厂"); b = Candidate(2, 6, "Project", "扩建项目")
    >>> [c.label for c in owner_in_project_name("甲厂扩建项目", [a, b])]
    ['甲厂', '甲厂扩建项目']
    """
    out: list[Candidate] = []
    for c in final:
        prev = out[-1] if out else None
        if c.type == "Project" and prev is not None and prev.type == "Organization" and prev.end == c.start \
                and not c.label.startswith(prev.label):
            name = text[prev.start:c.start] + c.label
            c = Candidate(prev.start, c.end, "Project", name, {name, *c.aliases}, dict(c.attrs), c.rule, c.weight)
        out.append(c)
    return out


@rule("select.bodies", stage="select-bodies", requires=("Place", "Agency", "Organization", "Project"),
      assigns=("bodies",), optional=False)
def select_bodies(w: Work) -> None:
    """The policy keeps the best of the overlapping non-person candidates."""
    w.bodies = w.policy.bodies(w)


@rule("select.people", stage="select-people", requires=("bodies", "Person"), assigns=("mentions", "hits"),
      optional=False)
def select_people(w: Work) -> None:
    """The policy decides people against bodies; the chosen spans become mentions and entities."""
    w.mentions, w.hits = w.policy.people(w)
    doc = w.doc
    for c in w.mentions:
        doc.mentions.append(Mention(c.start, c.end, doc.text[c.start:c.end], c.type, c.label, c.rule))
        attrs = {k: v for k, v in c.attrs.items() if v is not None and not k.startswith("_") and k not in INTERNAL}
        doc.add_entity(c.type, c.label, *c.aliases, rule=c.rule, **attrs)
        _record_body(doc, c)
        for p in c.attrs.get("_chain", ()):
            doc.add_entity(p.type, p.label, *p.aliases, rule=c.rule,
                           **{k: v for k, v in p.attrs.items() if v is not None and k not in INTERNAL})
            _record_body(doc, p)


def _record_body(doc: Doc, c: Candidate) -> None:
    """What the relation rules need to know of an agency, not an attribute of it (jurisdiction, core, parent)."""
    if c.type == "Agency":
        body = doc.bodies.setdefault(c.label, Body())
        for k in INTERNAL:
            if c.attrs.get(k) and getattr(body, k) is None:
                setattr(body, k, c.attrs[k])


# What may follow a body's name inside the same name: 集团|有限公司 is one company, not two.
_CONTINUATIONS = ("有限", "股份", "(", "（", "集团", "控股", "公司", "分公司", "实业")


@rule("organization.leading-body", stage="entity", produces=("Organization", "Place", "Agency"), requires=("mentions",))
def leading_body(w: Work) -> None:
    """A body (or zone) named at the start of a longer name is an entity too (甲大学 in 甲大学化学学院; 甲省纪委 in
    甲省纪委网站, the website of an agency)."""
    bodies_at: dict[int, list[Candidate]] = {}
    for inner in w.candidates:
        if inner.type in ("Organization", "Agency") or inner.type == "Place" and inner.attrs.get("level") == "site" and zone_kinds().search(inner.label):
            bodies_at.setdefault(inner.start, []).append(inner)
    for c in w.mentions:
        if c.type not in ("Organization", "Project"):
            continue
        website = c.label.endswith("网站")
        for inner in [x for x in bodies_at.get(c.start, ()) if x.type != "Agency" or website]:
            rest = w.text[inner.end:c.end]
            if inner.end < c.end and (inner.end in w.index.end_set or inner.type == "Place") \
                    and len(rest) >= (2 if inner.type == "Place" else 3) \
                    and not rest.startswith(_CONTINUATIONS):
                w.entity(inner.type, inner.label, *inner.aliases, **({"level": "site"} if inner.type == "Place" else {}))
                _record_body(w.doc, inner)
