"""The rule registry: every extraction rule is a small function registered under a dotted name.

The name is the tag the rule leaves on what it makes (``Mention.rule``, ``Entity.rule``, ``Relation.rule``,
the ``rule`` of each line of ``extractions.jsonl``), so ``grep -rn 'person.byline' kg/extract`` leads from
a tag in the output to its ``def``. A rule declares the stage it runs in, what it produces (entity types or
predicates) and what it needs (fields of :class:`~kg.extract.state.Work` or products of earlier rules), in
the way spaCy's ``Language.factory`` declares ``assigns`` and ``requires``; :func:`check_order` verifies that
every need is met by an earlier stage.

>>> r = registry()["relation.reported.byline"]
>>> r.stage, r.produces
('position', ('reported',))
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

# The stages, in the order they run. Within a stage, rules run in the order of their modules in
# ``_MODULES``, then of their ``def``s in the module.
STAGES = (
    "prepare",        # clean text, sentences, home context, jieba words
    "place", "agency", "organization", "project",   # entity rules propose scored candidates
    "select-bodies",  # the selection policy chooses among overlapping candidates
    "person",         # person rules (titles need the chosen bodies)
    "select-people",  # the selection policy decides people against bodies; mentions and entities recorded
    "entity",         # entities that follow from the chosen mentions (short forms, bodies a title implies …)
    "position", "jurisdiction", "partOf", "event", "locatedIn", "venture", "career",   # relation rules
    "body-parts",     # the parts of bodies, once the résumés have named every body
)

# What each stage provides to the later ones besides what its rules declare.
_STAGE_PROVIDES = {
    "select-bodies": ("bodies",),
    "select-people": ("mentions", "hits", "entities", "Person", "Place", "Agency", "Organization", "Project"),
}

# Modules that register rules, in the order their rules run within a stage.
_MODULES = (
    "clean", "segment", "tokenize", "context",
    "places", "agencies", "agency_units", "organizations", "projects", "relations.visit_clauses", "tagged", "persons", "accurate",
    "select", "coref", "implied", "attributes",
    "relations.positions", "relations.containment", "relations.located", "relations.events", "relations.ventures", "careers",
)

_NAME = re.compile(r"^[a-z]+(?:\.[a-zA-Z][a-zA-Z0-9-]*)+$")
_RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class Rule:
    """One registered rule: a callable on the article's :class:`Work`."""
    name: str                          # dotted, e.g. ``relation.inspected.visit-verb``: the tag it leaves
    func: Callable[[Any], None]         # called with the article's ``Work`` (state.py)
    stage: str
    produces: tuple[str, ...] = ()     # entity types or predicates it makes
    requires: tuple[str, ...] = ()     # Work fields or products of earlier stages it reads
    assigns: tuple[str, ...] = ()      # Work fields it fills for later rules
    optional: bool = True              # False: the pipeline cannot run without it (``--disable`` refuses)

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring."""
        return (self.func.__doc__ or "").strip().split("\n")[0]


def rule(name: str, stage: str, produces: Iterable[str] = (), requires: Iterable[str] = (),
         assigns: Iterable[str] = (), optional: bool = True) -> Callable[[Callable], Callable]:
    """Decorator: register ``func`` as the rule ``name`` of ``stage``.

    >>> @rule("doc.example", stage="entity", produces=("Place",))
    ... def example(w):
    ...     '''An example rule.'''
    >>> registry()["doc.example"].summary
    'An example rule.'
    >>> _ = _RULES.pop("doc.example")
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r} for rule {name!r}")
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} is not dotted lowercase (family.what)")

    def deco(func: Callable) -> Callable:
        if name in _RULES and _RULES[name].func.__qualname__ != func.__qualname__:
            raise ValueError(f"rule {name!r} registered twice")
        _RULES[name] = Rule(name, func, stage, tuple(produces), tuple(requires), tuple(assigns), optional)
        return func
    return deco


@cache
def _load() -> None:
    for m in _MODULES:
        importlib.import_module(f"{__package__}.{m}")


def registry() -> dict[str, Rule]:
    """Every registered rule by name, in running order (stage, then registration)."""
    _load()
    stage = {s: i for i, s in enumerate(STAGES)}
    module = {f"{__package__}.{m}": i for i, m in enumerate(_MODULES)}

    def key(r: Rule) -> tuple:
        return stage[r.stage], module.get(r.func.__module__, len(module)), r.func.__code__.co_firstlineno
    return {r.name: r for r in sorted(_RULES.values(), key=key)}


def check_order(rules: Iterable[Rule]) -> None:
    """Raise ``ValueError`` when a rule needs something no earlier stage provides.

    >>> check_order([Rule("a.b", print, "entity", requires=("nothing",))])
    Traceback (most recent call last):
    ValueError: rule a.b needs 'nothing', which no earlier stage provides
    """
    have: set[str] = {"text", "sentences", "stories", "home", "date"}
    by_stage: dict[str, list[Rule]] = {}
    for r in rules:
        by_stage.setdefault(r.stage, []).append(r)
    for stage in STAGES:
        have.update(_STAGE_PROVIDES.get(stage, ()))
        for r in by_stage.get(stage, ()):
            missing = [x for x in r.requires if x not in have]
            if missing:
                raise ValueError(f"rule {r.name} needs {missing[0]!r}, which no earlier stage provides")
        for r in by_stage.get(stage, ()):
            have.update(r.produces)
            have.update(r.assigns)


def expand(patterns: Iterable[str]) -> set[str]:
    """Rule names from names or ``family.*`` patterns; ``KeyError`` names an unknown one.

    >>> sorted(expand(["relation.reported.*"]))
    ['relation.reported.byline']
    """
    rules = registry()
    out: set[str] = set()
    for p in patterns:
        p = p.strip()
        if not p:
            continue
        found = [n for n in rules if n == p or p.endswith(".*") and n.startswith(p[:-1])]
        if not found:
            raise KeyError(p)
        out.update(found)
    return out
