"""A visit clause is no part of a project's name: 市委书记张华到东山县调研光伏发电项目 names the project
光伏发电项目 that was visited, not a project 东山县调研光伏发电项目 (nor 市委书记张华到…)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import alternation, words
from ..registry import rule
from .common import trigger_words

if TYPE_CHECKING:
    from ..spans import Candidate
    from ..state import Work

@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a visit clause: someone goes to a place to look at a thing, 到东山县调研, 赴青河镇考察, 深入企业检查;
    a look verb; a motion verb ending a text), from the trigger words of
    ``data/relation_verbs.tsv`` (inspected) and ``data/motion_verbs.txt``."""
    motion = words("motion_verbs.txt")
    look = alternation(tuple(w for w in trigger_words("inspected") if w not in motion))
    clause = re.compile(rf"(?:{alternation((*motion, '到', '在'))})[^，,。；、]{{1,20}}?(?:{look})")
    return clause, re.compile(look), re.compile(rf"(?:{alternation((*motion, '到'))})$")


@rule("project.no-visit-clause", stage="project", produces=("Project",), requires=("tokens",))
def no_visit_clause(w: Work) -> None:
    """A project name holding a visit clause starts after it (张华到东山县调研光伏发电项目 → 光伏发电项目)."""
    text, kept = w.text, []
    for c in w.candidates:
        cut = _after_visit(text, c) if c.type == "Project" else None
        if cut is None:
            kept.append(c)
        elif c.end - cut >= 4:
            name = text[cut:c.end]
            chain = [p for p in c.attrs.get("_chain", ()) if p.start >= cut]
            attrs = {**c.attrs, "_chain": chain} if chain else {k: v for k, v in c.attrs.items() if k != "_chain"}
            kept.append(replace(c, start=cut, label=name, aliases={name}, attrs=attrs))
    w.candidates[:] = kept


def _after_visit(text: str, c: Candidate) -> int | None:
    """Where a project candidate's name starts once the visit clauses in it are cut off, or None."""
    clause, look, motion_before = _patterns()
    first = look.match(text, c.start)          # 深入南平市|检查西河治理工程: the verb opens the name
    last = first.end() if first else None
    for m in clause.finditer(text, c.start, c.end):
        last = m.end()
    if motion_before.search(text, max(0, c.start - 2), c.start):    # 深入|东山县督导光伏发电项目
        for m in look.finditer(text, c.start, c.end):
            last = max(last or 0, m.end())
    return last
