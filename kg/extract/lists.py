"""Lists of names before a kind word (甲、乙和丙等企业; 甲、乙3个重大项目): where each list and each item is."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Doc
from .names import TokenIndex, expand_left
from .tokenize import word_tags

_CLAUSE_MARKS = "，。；：,;:！？!?\n"
_OPENING = "“\"'（("
_CLOSING = "”\"'"
_PHASE = re.compile(r"[（(][^（）()]{1,6}[）)]$")     # …示范站（一期）


def lists(text: str, tail: re.Pattern) -> Iterator[tuple[int, int, re.Match]]:
    """(start, end, tail match) of each list before a ``tail``: from the clause start (or the last list's end)."""
    floor = 0
    for m in tail.finditer(text):
        a = max(floor, m.start() - 90, *(text.rfind(c, 0, m.start()) + 1 for c in _CLAUSE_MARKS))
        floor = m.end()
        if m.start() - a >= 2:
            yield a, m.start(), m


def list_items(doc: Doc, idx: TokenIndex, start: int, end: int, extra_tags: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of the items of the 甲、乙和丙 list in ``text[start:end]``."""
    text = doc.text
    out = []
    for k, (s, e) in enumerate(_raw_items(text, start, end)):
        while s < e and text[s] in _OPENING:
            s += 1
        while e > s and text[e - 1] in _CLOSING:
            e -= 1
        if k == 0 and "m" in extra_tags:     # the first item starts after the verb that introduces the list
            s = _first_project_start(doc, idx, s, e, extra_tags)
        elif k == 0:
            s = _after_last_verb(idx, s, e)
        if 2 <= e - s <= 30 and "的" not in text[s:e]:
            out.append((s, e))
    return out


def _raw_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans between the 、 of ``text[start:end]``; the last two items may be joined by 和 (…市场和…产业园)."""
    listed = text[start:end]
    items = [(start + x.start(), start + x.end()) for x in re.finditer(r"[^、]+", listed)]
    if items:
        a, b = items[-1]
        j = text.find("和", a, b) - a
        if j >= 4 and b - a - j - 1 >= 4:
            items[-1:] = [(a, a + j), (a + j + 1, b)]
    return items


def _first_project_start(doc: Doc, idx: TokenIndex, s: int, e: int, extra_tags: tuple[str, ...]) -> int:
    """Where the first project of a list starts: the name walked left from the item's end."""
    phase = _PHASE.search(doc.text[s:e])
    head_end = e - len(phase.group(0)) if phase else e
    for back in range(4):    # over the item's last word if jieba took it for a verb (示范|站)
        left = expand_left(doc, idx, head_end - back, floor=s, max_chars=30, max_tokens=12, extra_tags=extra_tags)
        if left < head_end - back or head_end - back - 1 <= s:
            break
    return max(s, left)


def _after_last_verb(idx: TokenIndex, s: int, e: int) -> int:
    """Where a list's first body starts: after the last verb or preposition of two or more
    characters before it (中国科协决定命名|甲博物馆) and the particle right after it (引进了|甲公司); other one-character
    words may belong to the name (振|东安…)."""
    start = s
    t = idx.covering(s)
    while t is not None and t < len(idx.tokens) and idx.tokens[t][1] <= e:
        a, b, w = idx.tokens[t]
        tag = word_tags().get(w) or ""
        if len(w) >= 2 and (tag.startswith(("v", "p", "c", "d")) and not tag.startswith("vn")) \
                or a == start > s and len(w) == 1 and tag.startswith("u"):
            start = b         # 引进|了|甲公司: an aspect particle after the verb opens no name either
        t += 1
    return start
