"""The features of the character tagger (``tagger.py``), the same at training and at tagging time.

One feature list per character: the character and its neighbours, the two-character windows around it,
where it lies in jieba's word (shared with the ``prepare.tokenize`` pass, so no second segmentation) with
that word's dictionary tag, and its kind (digit, Latin, punctuation) or whether it is a surname.

The lists are built column by column (``map`` over the sentence) from strings kept per character and per
word, not character by character: this runs for every character the extractor reads.

>>> f = features("王建设说", [(0, 3, "王建设"), (3, 4, "说")])
>>> f[0][:3], "s" in f[0], f[3][-1]
(('c王', 'l^', 'r建'), True, 'wS:v')
"""
from __future__ import annotations

import re
from functools import cache
from itertools import chain
from operator import itemgetter

from .lexicon import surnames
from .tokenize import word_tags

FEATURES_VERSION = 1      # bump when the features change: a model trained on other features is stale
Features = list[tuple[str, ...]]


def _kind(c: str) -> str:
    """The class of a character that is not a CJK ideograph: d(igit), a (Latin letter), p (anything else)."""
    if c.isdigit():
        return "kd"
    if c.isascii() and c.isalpha():
        return "ka"
    return "kp"


@cache
def _marked() -> re.Pattern:
    """The characters that get a class feature: all but CJK ideographs, and single-character surnames."""
    single = "".join(sorted(s for s in surnames() if len(s) == 1))
    return re.compile(f"[^\u4e00-\u9fff]|[{re.escape(single)}]")


class _Shapes(dict):
    """Per word: the shape feature of each of its characters (place in the word, B M E S, and the word's tag)."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        t = word_tags().get(word, "x")
        n = len(word)
        v = ("wS:" + t,) if n == 1 else ("wB:" + t,) + ("wM:" + t,) * (n - 2) + ("wE:" + t,)
        self[word] = v
        return v


_SHAPES = _Shapes()


def word_shapes(n: int, tokens: list[tuple[int, int, str]], offset: int = 0) -> list[str]:
    """For each of ``n`` characters from ``offset``, its place in jieba's word (B, M, E, S) and the word's tag.

    ``tokens`` are contiguous (as ``tokenize`` gives them); a character no word covers gets ``""``.

    >>> word_shapes(3, [(0, 2, "人民"), (2, 3, "路")])
    ['wB:n', 'wE:n', 'wS:n']
    """
    if not tokens:
        return [""] * n
    out: list[str] = list(chain.from_iterable(map(_SHAPES.__getitem__, map(itemgetter(2), tokens))))
    if len(out) != tokens[-1][1] - tokens[0][0]:       # not contiguous: fill the gaps, so the offsets stay right
        out = []
        pos = tokens[0][0]
        for s, e, word in tokens:
            out.extend([""] * (s - pos))
            out.extend(_SHAPES[word])
            pos = e
    skip = offset - tokens[0][0]
    if skip > 0:
        out = out[skip:skip + n]
    elif skip < 0:
        out = [""] * -skip + out[:n + skip]
    return out + [""] * (n - len(out)) if len(out) < n else out[:n]


def features(text: str, tokens: list[tuple[int, int, str]], offset: int = 0) -> Features:
    """The feature lists of the characters of ``text`` (a sentence at ``offset`` of the article)."""
    pad = "^^" + text + "$$"
    grams = list(map(str.__add__, pad, pad[1:]))      # grams[i]: characters i - 2 and i - 1 of the text
    rows = list(zip(map("c".__add__, text), map("l".__add__, pad[1:]), map("r".__add__, pad[3:]),
                    map("L".__add__, pad), map("R".__add__, pad[4:]), map("b".__add__, grams[1:]),
                    map("a".__add__, grams[2:]), map(str.__add__, map("x".__add__, pad[1:]), pad[3:]),
                    word_shapes(len(text), tokens, offset)))
    for m in _marked().finditer(text):
        i = m.start()
        c = text[i]
        rows[i] += ("s",) if "\u4e00" <= c <= "\u9fff" else (_kind(c),)
    return rows
