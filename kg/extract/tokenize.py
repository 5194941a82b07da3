"""Word segmentation with jieba, taught the names of divisions, bodies and titles.

The words come from ``jieba-next`` (jieba's algorithm and dictionary, its word graph, best route and HMM
in compiled code: about 3× jieba's own speed; on 2.3 million characters of news and MSRA text it cuts 6
texts otherwise, runs of dashes and two rare ties); the dictionary's part-of-speech tags come from jieba.
"""
from __future__ import annotations

import logging
from functools import cache
from itertools import accumulate

import jieba
import jieba.posseg
import jieba_next

from ..divisions import divisions
from .lexicon import table, words
from .registry import rule

jieba.setLogLevel(logging.WARNING)
logging.getLogger("jieba_next").setLevel(logging.WARNING)


@cache
def tokenizer() -> jieba_next.Tokenizer:
    """A tokenizer of our own (the global one is left alone) with the domain words added; its dictionary
    cache is the user's (``~/.cache/jieba-next``)."""
    tk = jieba_next.Tokenizer()
    tk.initialize()
    for d in divisions().all:
        tk.add_word(d.name, 2000, "ns")
    for w in table("departments.tsv"):
        if len(w) >= 2:
            tk.add_word(w, 2000, "nt")
    for w in words("titles.txt"):
        tk.add_word(w, 2000, "n")
    return tk


@cache
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word (``nr`` person, ``ns`` place …)."""
    if not jieba.posseg.dt.word_tag_tab:
        jieba.posseg.dt.initialize()
    return {**jieba.posseg.dt.word_tag_tab, **table("tag_fixes.tsv")}    # a copy: jieba's own is left alone


def word_freq(w: str) -> int:
    """jieba's dictionary frequency of ``w`` (0 when unknown)."""
    return tokenizer().FREQ.get(w, 0) if w in word_tags() else 0


def is_common_word(w: str) -> bool:
    """True when ``w`` is in jieba's dictionary as something other than a person's name."""
    tag = word_tags().get(w)
    return tag is not None and not tag.startswith("nr")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """jieba's words of ``text`` as ``(start, end, word)``; jieba splits at punctuation and line ends itself.

    >>> tokenize("张三来到")[0]
    (0, 2, '张三')
    """
    ws = tokenizer().lcut(text, HMM=True)
    ends = list(accumulate(map(len, ws)))
    return list(zip([0, *ends], ends, ws))


@rule("prepare.tokenize", stage="prepare", assigns=("tokens",), optional=False)
def _tokenize(w) -> None:
    """jieba's words over the whole text, with offsets."""
    w.tokens = tokenize(w.text)
