"""Project attributes from the sentence that names the project: investment, capacity, status, date."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .lexicon import rows
from .registry import rule
from .relations.common import fact_date

if TYPE_CHECKING:
    from .state import Work

_INVEST = re.compile(r"(?:总投资|计划投资|估算投资|投资额|投资)(?:约|达|超过|近|逾|为|了)?\s*(\d+(?:\.\d+)?)\s*(亿|万)?元")
_CAPACITY = re.compile(r"(\d+(?:\.\d+)?)\s*(万千瓦|兆瓦|千瓦|MW|GW|万吨|吨|万平方米|平方米|公里|千米|亩|套|万台|台)")
_UNIT = {"亿": 1e8, "万": 1e4, None: 1.0}


@cache
def _status_words() -> tuple[tuple[str, str], ...]:
    return tuple((w, s) for w, s in rows("project_status.tsv"))


def investment(text: str) -> tuple[float, str] | None:
    """The investment a text states, in yuan, with the words that said it.

    >>> investment("项目总投资12.5亿元，占地300亩")
    (1250000000.0, '总投资12.5亿元')
    """
    m = _INVEST.search(text)
    if not m:
        return None
    return float(m.group(1)) * _UNIT[m.group(2)], m.group(0)


def amount_text(said: str) -> str:
    """The amount of an investment phrase: 总投资12.5亿元 → 12.5亿元."""
    m = re.search(r"\d+(?:\.\d+)?\s*(?:亿|万)?元", said)
    return m.group(0).replace(" ", "") if m else said


def capacity(text: str) -> str | None:
    """A capacity such as 200兆瓦 or 年产20万吨.

    >>> capacity("建设200兆瓦风电")
    '200兆瓦'
    """
    m = _CAPACITY.search(text)
    return m.group(0).replace(" ", "") if m else None


def status(text: str) -> str | None:
    """The latest stage a text gives a project (signed, started, in_operation, completed …).

    >>> status("项目去年签约，今年3月开工")
    'started'
    """
    best, pos = None, -1
    for w, st in _status_words():
        i = text.rfind(w)
        if i > pos:
            best, pos = st, i
    return best


@rule("project.attributes", stage="entity", requires=("mentions",))
def project_attributes(w: Work) -> None:
    """A project's investment, capacity, status and date, from its sentence."""
    doc = w.doc
    for m in doc.mentions:
        if m.type != "Project":
            continue
        ent = doc.entities.get(("Project", m.label))
        sent = doc.sentence_at(m.start)
        if ent is None or sent is None:
            continue
        after = sent.text[m.end - sent.start:]
        found = investment(after) or investment(sent.text)
        if found:
            ent.attrs.setdefault("investment", amount_text(found[1]))
        cap = capacity(m.label) or capacity(after[:12])
        if cap:
            ent.attrs.setdefault("capacity", cap)
        st = status(sent.text)
        if st:
            ent.attrs.setdefault("status", st)
            date = fact_date(doc, sent, m.start)
            if date:
                ent.attrs.setdefault("date", date)
