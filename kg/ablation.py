"""What each extraction rule is worth: the scores with that rule alone disabled, against the full pipeline.

A rule whose removal *raises* a score costs more than it gives. The articles are read once; each rule's
run re-extracts them all, in worker processes when ``jobs`` > 1.
"""
from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from .evaluate import score
from .model import ENTITY_TYPES, PREDICATES, Article

# What the worker processes share (set before they fork).
_ARTICLES: list[Article] = []
_GOLDS: list[dict] = []
_HOME: str | None = None


@dataclass
class Row:
    """The change in the scores when one rule is disabled (negative: the rule helps)."""
    rule: str
    stage: str
    entity: float                 # Δ entity macro F1
    relation: float               # Δ relation micro F1
    most: tuple[str, float]       # the entity type or predicate whose F1 (or the org accuracy) changes most


def _scores(disable: tuple[str, ...]) -> dict[str, Any]:
    from .extract import Extractor
    ex = Extractor(home=_HOME, disable=disable)
    return score(_GOLDS, [ex(a).to_contract() for a in _ARTICLES])


def _row(name: str, stage: str, base: dict[str, Any], res: dict[str, Any]) -> Row:
    deltas = {t: res["entities"][t]["f1"] - base["entities"][t]["f1"] for t in ENTITY_TYPES}
    deltas.update({p: res["relations"][p]["f1"] - base["relations"][p]["f1"] for p in PREDICATES})
    deltas["holdsPosition org accuracy"] = res["holdsPosition_org_accuracy"] - base["holdsPosition_org_accuracy"]
    most = max(sorted(deltas.items()), key=lambda kv: abs(kv[1]))
    if abs(most[1]) < 5e-5:
        most = ("-", 0.0)                   # no score moved
    return Row(name, stage, round(res["entity_macro_f1"] - base["entity_macro_f1"], 4),
               round(res["relations_micro"]["f1"] - base["relations_micro"]["f1"], 4), (most[0], round(most[1], 4)))


def ablate(articles: list[Article], golds: list[dict], home: str | None = None, jobs: int = 1,
           progress: bool = False) -> tuple[dict[str, Any], list[Row]]:
    """The full pipeline's scores, and a :class:`Row` for every rule that can be disabled, most valuable first."""
    from .extract.registry import registry
    global _ARTICLES, _GOLDS, _HOME
    _ARTICLES, _GOLDS, _HOME = articles, golds, home
    rules = [r for r in registry().values() if r.optional]
    base = _scores(())
    results: dict[str, dict[str, Any]] = {}
    if jobs > 1:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
            for i, (r, res) in enumerate(zip(rules, pool.map(_scores, [(r.name,) for r in rules])), 1):
                results[r.name] = res
                _tick(progress, i, len(rules))
    else:
        for i, r in enumerate(rules, 1):
            results[r.name] = _scores((r.name,))
            _tick(progress, i, len(rules))
    rows = [_row(r.name, r.stage, base, results[r.name]) for r in rules]
    return base, sorted(rows, key=lambda x: (x.entity + x.relation, x.rule))


def _tick(show: bool, i: int, n: int) -> None:
    if show and sys.stderr.isatty():
        print(f"\r{i}/{n} rules", end="" if i < n else "\n", file=sys.stderr, flush=True)


def table(base: dict[str, Any], rows: list[Row]) -> str:
    """The rows as a table: one line per rule, the change when it alone is disabled.

    >>> print(table({"entity_macro_f1": 0.5, "relations_micro": {"f1": 0.4}}, [Row("a.b", "place", -0.1, 0.0, ("Place", -0.5))]))
    full pipeline: entity macro F1 0.500, relation micro F1 0.400; Δ = score without the rule − score with it
    rule                                      stage           Δentity  Δrelation  most changed
    a.b                                       place           -0.1000    +0.0000  Place -0.5000
    """
    lines = [f"full pipeline: entity macro F1 {base['entity_macro_f1']:.3f}, relation micro F1 "
             f"{base['relations_micro']['f1']:.3f}; Δ = score without the rule − score with it",
             f"{'rule':41} {'stage':13} {'Δentity':>9} {'Δrelation':>10}  most changed"]
    for r in rows:
        most = f"{r.most[0]} {r.most[1]:+.4f}" if r.most[0] != "-" else "-"
        lines.append(f"{r.rule:41} {r.stage:13} {r.entity:+9.4f} {r.relation:+10.4f}  {most}")
    return "\n".join(lines)
