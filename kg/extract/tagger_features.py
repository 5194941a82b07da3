"""The features of the character tagger (``tagger.py``), the same at training and at tagging time.

One feature list per character: the character and its neighbours, the two-character windows around it,
where it lies in jieba's word (shared with the ``prepare.tokenize`` pass, so no second segmentation) with
that word's dictionary tag, its kind (digit, Latin, punctuation) and whether it is a surname.

>>> f = features("王建设说", [(0, 3, "王建设"), (3, 4, "说")])
>>> f[0][:3], "s" in f[0], f[3][-1]
(['c王', 'l^', 'r建'], True, 'wS:v')
"""
from __future__ import annotations

from functools import cache

from .lexicon import surnames
from .tokenize import word_tags

FEATURES_VERSION = 1      # bump when the features change: a model trained on other features is stale


@cache
def _single_surnames() -> frozenset[str]:
    return frozenset(s for s in surnames() if len(s) == 1)


def _kind(c: str) -> str:
    if c.isdigit():
        return "d"
    if c.isascii() and c.isalpha():
        return "a"
    if "\u4e00" <= c <= "\u9fff":
        return ""
    return "p"


def word_shapes(n: int, tokens: list[tuple[int, int, str]], offset: int = 0) -> list[str]:
    """For each of ``n`` characters from ``offset``, its place in jieba's word (B, M, E, S) and the word's tag.

    >>> word_shapes(3, [(0, 2, "人民"), (2, 3, "路")])
    ['wB:n', 'wE:n', 'wS:n']
    """
    tags = word_tags()
    out = [""] * n
    for s, e, word in tokens:
        s -= offset
        e -= offset
        if e <= 0 or s >= n:
            continue
        t = tags.get(word, "x")
        if e - s == 1:
            out[s] = "wS:" + t
            continue
        for i in range(max(s, 0), min(e, n)):
            out[i] = ("wB:" if i == s else "wE:" if i == e - 1 else "wM:") + t
    return out


def features(text: str, tokens: list[tuple[int, int, str]], offset: int = 0) -> list[list[str]]:
    """The feature lists of the characters of ``text`` (a sentence at ``offset`` of the article)."""
    n = len(text)
    pad = "^^" + text + "$$"
    sur = _single_surnames()
    shapes = word_shapes(n, tokens, offset)
    out = [["c" + pad[i + 2], "l" + pad[i + 1], "r" + pad[i + 3], "L" + pad[i], "R" + pad[i + 4],
            "b" + pad[i + 1:i + 3], "a" + pad[i + 2:i + 4], "x" + pad[i + 1] + pad[i + 3]] for i in range(n)]
    for i, c in enumerate(text):
        f = out[i]
        if not "\u4e00" <= c <= "\u9fff":
            k = _kind(c)
            if k:
                f.append("k" + k)
        elif c in sur:
            f.append("s")
        f.append(shapes[i])
    return out
