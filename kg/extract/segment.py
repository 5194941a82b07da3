"""Sentences with character offsets into the cleaned text."""
from __future__ import annotations

import re

from ..model import Doc, Sentence
from .registry import rule

# A sentence ends at 。！？ (with closing quotes after it), at ; between clauses, or at a line end.
_SENT = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』)）]*|\n|$)")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text``.

    >>> t = "王建华来到东山县。他说：“好！”\\n记者 张三"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['王建华来到东山县。', '他说：“好！”', '记者 张三']
    """
    spans = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \n#":
            s += 1
        while e > s and text[e - 1] in " \n":
            e -= 1
        if e > s:
            spans.append((s + offset, e + offset))
    return spans


def segment(doc: Doc) -> Doc:
    """Component: fill ``doc.sentences`` story by story."""
    out = []
    for i, (start, end, _) in enumerate(doc.stories or [(0, len(doc.text), "")]):
        for s, e in split_sentences(doc.text[start:end], start):
            out.append(Sentence(s, e, doc.text[s:e], i))
    doc.sentences = out
    return doc



@rule("prepare.segment", stage="prepare", assigns=("sentences",), optional=False)
def _segment(w) -> None:
    """Sentences with offsets, story by story."""
    segment(w.doc)
