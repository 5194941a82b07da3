"""Where a name starts: walking left from a suffix over the words that can belong to it."""
from __future__ import annotations

import bisect
import re
from operator import itemgetter

from ..model import Doc
from .lexicon import words
from .tokenize import word_tags

# Part-of-speech tags (jieba) of words that may be part of a proper name.
_NAME_TAGS = ("n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "eng", "b", "a", "x", "l", "i", "g", "s", "k", "h")
_STOP_WORDS = set("的 在 了 和 与 及 或 暨 等 是 为 对 到 从 向 把 被 将 于 给 以 由 其 该 本 这 那 此 各 每 全 我 你 他 她 们 也 都 "
                  "就 又 还 已 并 而 但 让 使 如 像 着 过 之 共 同 跟 据 按 经 请 位 个 家 所 名 年 月 日 时 处 做 作 成 有 无 没 不 "
                  "要 会 能 可 近 后".split())
_CONNECTIVES = ("特别是", "尤其是", "其中", "包括", "以及", "并且", "同时", "通过", "围绕", "依托")   # jieba may glue them to a name
_GLUED = set("从在对向把被将于给与和及")
_PREPOSITIONS = set("由从在对把被将给")        # never the first character of a body's name after another body
_CJK = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z·（）()\-—+.]+$")


class TokenIndex:
    """Look up the jieba words of a ``Doc`` by character offset."""

    def __init__(self, tokens: list[tuple[int, int, str]]) -> None:
        self.tokens = tokens
        self.starts = list(map(itemgetter(0), tokens))
        self.ends = list(map(itemgetter(1), tokens))
        self.start_set = set(self.starts)
        self.end_set = set(self.ends)

    def ending_at(self, pos: int) -> int | None:
        """Index of the token that ends exactly at ``pos``."""
        i = bisect.bisect_left(self.ends, pos)
        return i if i < len(self.ends) and self.ends[i] == pos else None

    def covering(self, pos: int) -> int | None:
        """Index of the token containing character ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and self.tokens[i][0] <= pos < self.tokens[i][1] else None

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The words from the one holding ``start`` on, that start before ``end``.

        >>> [w for _, _, w in TokenIndex([(0, 2, "东山"), (2, 4, "银行"), (4, 5, "。")]).within(1, 4)]
        ['东山', '银行']
        """
        t = self.covering(start)
        out = []
        while t is not None and t < len(self.tokens) and self.tokens[t][0] < end:
            out.append(self.tokens[t])
            t += 1
        return out


def name_like(word: str, extra_tags: tuple[str, ...] = ()) -> bool:
    """Can ``word`` be part of a proper name (not a verb, particle, pronoun, number, punctuation)?

    ``extra_tags`` admits more parts of speech (projects take 建设, 改造 …).
    """
    if word in _STOP_WORDS or not _CJK.match(word) or word.startswith(_CONNECTIVES):
        return False
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", word):
        return "m" in extra_tags and bool(re.search(r"[0-9+\-—]", word))   # 100 and + in 20万吨+10万吨…项目
    if extra_tags and (word in words("project_words.txt") or word in words("org_words.txt")):
        return True
    if re.match(r"^第[一二三四五六七八九十0-9]+$", word):
        return True
    tag = word_tags().get(word)
    if tag is None:
        return not word[0].isdigit() or bool(extra_tags)   # unknown to the dictionary: often part of a name
    return tag.startswith(_NAME_TAGS + extra_tags)


def expand_left(doc: Doc, idx: TokenIndex, start: int, floor: int, max_chars: int = 16,
                max_tokens: int = 6, extra_tags: tuple[str, ...] = ()) -> int:
    """The leftmost start of a name whose last part begins at ``start``.

    Walks left over name-like words, never past ``floor`` (a sentence start or
    a mention already found).
    """
    best = start
    i = idx.ending_at(start)
    n = 0
    while i is not None and i >= 0 and n < max_tokens:
        s, e, w = idx.tokens[i]
        if (w == "与" and extra_tags or w == "和" and "m" in extra_tags) and _joins_two_fields(idx, i, s, floor):
            best, n, i = s, n + 1, i - 1      # 文物与博物馆学系, 煤矿和石料矿山扩能项目: two fields of one name
            continue
        if s < floor or start - s > max_chars or not name_like(w, extra_tags):
            break
        if len(w) == 2 and w[0] in _GLUED and (word_tags().get(w) or "")[:1] in ("d", "p", "c") \
                or _glued_after_body(idx, i, w):
            best = s + 1          # jieba glued a preposition to the name's first character (从中|鼎物流园)
            break
        best = s
        n += 1
        i -= 1
        if i >= 0 and idx.tokens[i][1] != s:
            break
    return trim_leading(idx, best, start, extra_tags)


def _glued_after_body(idx: TokenIndex, i: int, w: str) -> bool:
    """Is token ``i`` a word jieba made up of a preposition and the start of a name, right after another
    body's name (甲有限公司|由乙|投资集团控股: 由 opens no name; 于/向/和 are left alone, they start names)?"""
    return len(w) >= 2 and w[0] in _PREPOSITIONS and word_tags().get(w) is None and i > 0 \
        and idx.tokens[i - 1][1] == idx.tokens[i][0] and re.search(_BODY_END, idx.tokens[i - 1][2]) is not None


def _joins_two_fields(idx: TokenIndex, i: int, s: int, floor: int) -> bool:
    """Is the 与 at token ``i`` inside a name: a plain noun before it (not a body: 甲大学与乙大学) and after it?"""
    if i == 0 or i + 1 >= len(idx.tokens) or idx.tokens[i - 1][1] != s or idx.tokens[i - 1][0] < floor:
        return False
    before, after = idx.tokens[i - 1][2], idx.tokens[i + 1][2]
    noun = lambda w: len(w) >= 2 and (word_tags().get(w) or "").startswith(("n", "vn")) \
        and not (word_tags().get(w) or "").startswith(("nr", "ns", "nt"))
    return noun(before) and noun(after) and not re.search(_BODY_END, before)


_BODY_END = r"(?:学|院|司|局|委|会|厅|部|校|所|团|行|馆|站|心|队|社|室|厂|处|办|园|区|县|市|省)$"


def trim_leading(idx: TokenIndex, best: int, end: int, extra_tags: tuple[str, ...] = ()) -> int:
    """Move a name's start past the verbs, adverbs and counts that stand before it (依托…, 二是…)."""
    while best < end:
        t = idx.covering(best)
        if t is None:
            break
        w = idx.tokens[t][2]
        tag = word_tags().get(w) or ""
        if tag.startswith(("v", "d", "p", "c", "q")) and not (tag.startswith("vn") and "m" in extra_tags) \
                and w not in words("project_words.txt") and w not in words("org_words.txt") \
                or tag.startswith("m") and not re.search(r"[0-9]", w) or w in ("二是", "一是", "三是"):
            best = idx.tokens[t][1]
        else:
            break
    return best
