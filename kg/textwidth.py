"""Display width of text in a terminal, shared by the text tables of ``kg query`` and ``kg stats``.

>>> width("王建华"), width("ab")
(6, 2)
"""
from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK (wide and full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
