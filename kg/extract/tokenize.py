"""Word segmentation with jieba, taught the names of divisions, bodies and titles."""
from __future__ import annotations

import logging
import os
from functools import cache

import jieba
import jieba.posseg

from ..model import Doc
from .divisions import divisions
from .lexicon import table, words

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


def tokenize(doc: Doc) -> Doc:
    """Component: fill ``doc.tokens`` with ``(start, end, word)`` over the whole text.

    jieba itself splits at punctuation and line ends, so one call is enough.
    """
    out = []
    pos = 0
    for w in tokenizer().cut(doc.text, HMM=True):
        out.append((pos, pos + len(w), w))
        pos += len(w)
    doc.tokens = out
    return doc
