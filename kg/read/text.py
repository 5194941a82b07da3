"""Decoded text → text every later stage can take: no control characters, no lone surrogates."""
from __future__ import annotations

import re

# C0 controls but tab/newline/CR, DEL, C1 controls, and stray byte-order marks.
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")
_BREAKS = re.compile("[\f\v\x85\u2028\u2029]")


def clean_str(s: str) -> str:
    """Replace lone surrogates (valid JSON, invalid Unicode text) with U+FFFD.

    >>> clean_str("a\\ud800b"), clean_str("\\ud83d\\ude00")
    ('a\ufffdb', '😀')
    """
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def tidy(text: str) -> str:
    """``text`` without control characters; form feed, NEL and Unicode line separators become ``\\n``.

    They break the XML, Turtle and HTML written later and carry no meaning here.

    >>> tidy("第一页\\f第二页\\x00\\x1b[0m\\ufeff完")
    '第一页\\n第二页[0m完'
    """
    return _JUNK.sub("", _BREAKS.sub("\n", clean_str(text)))
