"""Loaders for the lexicons and pattern tables kept as data files in ``data/``.

>>> "刘" in surnames() and "欧阳" in surnames()
True
>>> table("departments.tsv")["工信局"]
'工业和信息化局'
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of a one-per-line (or space-separated) list, longest first, no duplicates."""
    seen = dict.fromkeys(w for ln in _lines(name) for w in ln.split())
    return tuple(sorted(seen, key=lambda w: (-len(w), w)))


@cache
def word_set(name: str) -> frozenset[str]:
    """The words of a list as a set, for membership tests on hot paths."""
    return frozenset(words(name))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column TSV as a dict (first column → second)."""
    out: dict[str, str] = {}
    for ln in _lines(name):
        k, _, v = ln.partition("\t")
        out.setdefault(k.strip(), v.strip())
    return out


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A TSV as tuples of its columns."""
    return tuple(tuple(c.strip() for c in ln.split("\t")) for ln in _lines(name))


@cache
def word_pattern(name: str, template: str = "{}") -> re.Pattern:
    """A regex of the words of a list (longest first), put in ``template`` at ``{}``.

    >>> bool(word_pattern("lecture_words.txt", "^{}").match("宣讲政策"))
    True
    """
    return re.compile(template.replace("{}", alternation(words(name))))


@cache
def keys(name: str) -> frozenset[str]:
    """The first column of a TSV (the words it is keyed by).

    >>> "市长" in keys("government_roles.txt") and "home" not in keys("government_roles.txt")
    True
    """
    return frozenset(r[0] for r in rows(name))


@cache
def surnames() -> frozenset[str]:
    """Chinese surnames, single and compound."""
    return frozenset(words("surnames.txt"))


@cache
def zone_kinds() -> re.Pattern:
    """A name that ends in a kind of zone (``data/zone_kinds.txt``).

    >>> bool(zone_kinds().search("青石开发区")), bool(zone_kinds().search("青石市"))
    (True, False)
    """
    return re.compile(alternation(words("zone_kinds.txt")) + "$")


def alternation(ws: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of ``ws``, longest first so the longest match wins; a long one opens with a
    look-ahead at the first characters, so a search skips the places none of them starts at quickly.

    >>> alternation(["局", "局长"])
    '(?:局长|局)'
    >>> alternation([f"{c}国" for c in "甲乙丙丁戊己庚辛"])[:17]
    '(?=[丁丙乙己庚戊甲辛])(?:'
    """
    ws = sorted(set(ws), key=lambda w: (-len(w), w))
    body = "(?:" + "|".join(re.escape(w) for w in ws) + ")"
    if len(ws) < _LOOKAHEAD_MIN or not all(ws):
        return body
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in ws})) + "])" + body


_LOOKAHEAD_MIN = 8       # shorter alternations are tried fast enough as they are
