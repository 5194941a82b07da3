"""Where the names of a byline end: reporters written together (记者王明张峰), before a dateline
(记者王明上海报道, 记者王明发自北京) or a credit (王明/文, 王明 摄).

A run of names is read from the byline word on: each name a surname and one or two characters, the run
ending where the byline does; the reading with the fewest names wins, longest names first
(陈丽华张峰 → 陈丽华 | 张峰).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import alternation, rows
from .personal_names import FOLLOW_CHARS, cjk, name_at, name_ends
from .tokenize import is_common_word, word_tags

if TYPE_CHECKING:
    from .state import Work

BYLINE = re.compile(alternation([w for w, k in rows("byline_words.tsv") if k == "source"]) + "?(?:"
                    + alternation([w for w, k in rows("byline_words.tsv") if k == "role"])
                    + r"|文\s*[/／]\s*图|图\s*[/／]\s*文)[\s:：]*")
# What ends a byline right after a name: a report's dateline verb, a credit (王明/文, 王明 摄, 赵刚文/摄).
_STOP = re.compile(r"报道|发自|摄|文?\s*[/／]|文(?=$|\n)")
_DATELINE = re.compile(r"报道|发自|电")
_MAX_NAMES = 6


def byline_stop(w: Work, e: int) -> bool:
    """Does the byline end at ``e``: the text's end, no Chinese, another byline word, a credit or a
    dateline, also after the places it names (上海报道, 南宁、福州报道)?"""
    text = w.text
    return e >= len(text) or not cjk(text[e]) or BYLINE.match(text, e) is not None \
        or _STOP.match(text, e) is not None or _dateline_after_places(w, e)


def inside_word(w: Work, m: re.Match) -> bool:
    """Is the byline word of ``m`` only the start of an ordinary word (摄影|师, 记者|站)?"""
    end = m.start() + len(m.group().rstrip(" \t\n:："))
    t = w.index.covering(end - 1)
    return t is not None and w.index.tokens[t][1] > end and is_common_word(w.index.tokens[t][2])


def _place_ends(w: Work) -> dict[int, int]:
    """Where the places named in the text start and end: divisions, countries and foreign cities, chosen places."""
    out = {c.start: c.end for c in w.bodies if c.type == "Place"}
    for s, e, _, _ in (w.division_matches or []) + (w.named_place_matches or []):
        out[s] = max(out.get(s, e), e)
    return out


def _dateline_after_places(w: Work, e: int) -> bool:
    """Do places named in the text (joined by 、) run from ``e`` to 报道, 发自 or 电 (上海报道, 南宁、福州报道)?"""
    starts = _place_ends(w)
    k, n = e, 0
    while k in starts:
        k, n = starts[k], n + 1
        if w.text.startswith("、", k) and k + 1 in starts:
            k += 1
    return n > 0 and _DATELINE.match(w.text, k) is not None


def _ends(w: Work, i: int, first: bool) -> list[int]:
    """The ends a name starting at ``i`` may have: where jieba's words end it first, then by the text alone
    (jieba cuts run-on names anywhere: 陈丽|华李|明); a name after another opens with no character that
    begins the next word (王明|和张峰)."""
    text = w.text
    if not first and text[i:i + 1] in FOLLOW_CHARS:
        return []
    at = name_at(text, w.index, i, strict=False)
    out = [at] if at is not None else []
    out += [e for e in name_ends(text, i) if e not in out and _plain(w, i, e)]
    return out


def _plain(w: Work, i: int, e: int) -> bool:
    """Can ``text[i:e]``, read by the text alone, be a name: no ordinary word (unless a byline word follows:
    高峰|实习生), no given name that is a noun (王敏|金证券), no verb or adverb of jieba's ending it (王|去过)?"""
    text = w.text
    if is_common_word(text[i:e]) and not BYLINE.match(text, e):
        return False
    if e - i == 3 and (word_tags().get(text[i + 1:e]) or "").startswith("n") \
            and not word_tags()[text[i + 1:e]].startswith("nr"):
        return False
    t = w.index.covering(e - 1)
    if t is None:
        return True
    ts, te, word = w.index.tokens[t]
    return not (ts > i and te == e and len(word) > 1 and is_common_word(word)
                and word_tags()[word][:1] in ("v", "d", "p", "c", "u", "r"))


def name_run(w: Work, i: int) -> list[tuple[int, int]] | None:
    """The names from ``i`` to the byline's end, the reading with the fewest names (王明张峰上海报道 →
    王明, 张峰; 王明华上海报道 → 王明华, not 王明 and 华上海), or None when no reading ends it."""
    for n in range(1, _MAX_NAMES + 1):
        run = _run_of(w, i, n, True)
        if run:
            return run
    return None


def _run_of(w: Work, i: int, n: int, first: bool) -> list[tuple[int, int]] | None:
    """A reading of exactly ``n`` names from ``i`` to the byline's end, or None."""
    if i >= len(w.text):
        return None
    for e in _ends(w, i, first):
        if n == 1 and byline_stop(w, e):
            return [(i, e)]
        rest = _run_of(w, e, n - 1, False) if n > 1 else None
        if rest:
            return [(i, e), *rest]
    return None
