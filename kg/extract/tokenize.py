"""Word segmentation with jieba, taught the names of divisions, bodies and titles."""
from __future__ import annotations

import logging
import os
from functools import cache

import jieba
import jieba.posseg

from ..divisions import divisions
from .lexicon import table, words
from .registry import rule

jieba.setLogLevel(logging.WARNING)


@cache
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer of our own (the global one is left alone) with the domain words added."""
    tk = jieba.Tokenizer()
    # jieba caches its dictionary in /tmp/jieba.cache; a file of our own per user avoids
    # "Dump cache file failed" when that one belongs to somebody else.
    tk.cache_file = f"jieba.kg.{os.getuid() if hasattr(os, 'getuid') else 'user'}.cache"
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
    out = []
    pos = 0
    for w in tokenizer().cut(text, HMM=True):
        out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


@rule("prepare.tokenize", stage="prepare", assigns=("tokens",), optional=False)
def _tokenize(w) -> None:
    """jieba's words over the whole text, with offsets."""
    w.tokens = tokenize(w.text)
