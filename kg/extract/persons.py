"""People: names after titles (市委书记王建华), in bylines (本报记者 李华明), before speech verbs.

Each rule adds the names it finds to ``Work.hits`` (kept in text order); a later rule skips what an
earlier one found. A hit made by a *strong* rule (title, byline, photo credit, signature) beats any body
it overlaps in the selection (``select.py``); the others only take free text. Where a name ends is
decided in ``personal_names.py``, title phrases are parsed in ``titles.py``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..gazetteer import Gazetteer
from .lexicon import alternation, rows, surnames, words
from .personal_names import PERSON_FOLLOW, cjk, name_at, name_ends, names_list, speech_verbs, verb_given
from .registry import rule
from .spans import Candidate, occupancy, occurrences
from .titles import Title, bodies_by_end, roles, title_phrase
from .tokenize import is_common_word, word_tags

if TYPE_CHECKING:
    from .state import Work

_BYLINE = re.compile(alternation([w for w, k in rows("byline_words.tsv") if k == "source"]) + "?(?:"
                     + alternation([w for w, k in rows("byline_words.tsv") if k == "role"])
                     + r"|文\s*[/／]\s*图|图\s*[/／]\s*文)[\s:：]*")
_SPACED_NAME = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff](?=[）)\s，,、]|$)")
_PHOTO = re.compile(r"(?:^|\n|[。”])\s*((?:[\u4e00-\u9fff]{2,3}\s+){0,4}[\u4e00-\u9fff]{2,3})\s*摄\s*(?:$|\n)")
_SIGNATURE = re.compile(r"[（(]([\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3}){0,4})[)）]\s*(?:$|\n)")
_ANONYMISED = re.compile(r"某某?(?![些种个项地处样人单])")
# What may stand before a surname + 某 that opens a word: a function word (对张某, 由王某某).
_BEFORE_ANONYMISED = "对从在向把被将给与和及由"


@dataclass
class PersonHit:
    """A person found, with the roles of the title phrase around it and what the finding rules said of it."""
    cand: Candidate
    titles: list[Title] = field(default_factory=list)
    reporter: bool = False
    strong: bool = False      # found by a rule whose finds beat the bodies they overlap


def add_hit(w: Work, s: int, e: int, titles: list[Title] | None = None, reporter: bool = False,
            strong: bool = False) -> None:
    """Record the name ``text[s:e]`` as found by the running rule (or add titles to the hit already there)."""
    hit = w.hit_at.get((s, e))
    if hit is None:
        name = w.text[s:e].replace(" ", "")
        hit = w.hit_at[(s, e)] = PersonHit(Candidate(s, e, "Person", name, {name}, {}, w.rule, weight=2))
        bisect.insort(w.hits, hit, key=lambda h: (h.cand.start, h.cand.end))
    if titles:
        hit.titles.extend(titles)
    hit.reporter = hit.reporter or reporter
    hit.strong = hit.strong or strong


def _in_hit(w: Work, i: int) -> bool:
    """Does a name found so far cover offset ``i``?"""
    return any(s <= i < e for s, e in w.hit_at)


@rule("person.title", stage="person", produces=("Person",), requires=("tokens", "bodies"), assigns=("hits",))
def title(w: Work) -> None:
    """Names right after a title phrase, with its roles (市委书记王建华; 副县长李明、赵刚)."""
    by_end = bodies_by_end(w.bodies)
    for _, end, _, _ in roles().finditer(w.text):
        names = names_list(w.text, w.index, end)
        if not names or names[0][0] - end > 1:
            continue
        titles = title_phrase(w.text, end, by_end)
        for s, e in names:
            add_hit(w, s, e, titles, strong=True)


def _byline_names(w: Work, i: int) -> Iterator[tuple[int, int]]:
    """The names after a byline word at ``i`` (记者 王明 李峰; 文/图 马 丽), up to other text."""
    text = w.text
    while True:
        while i < len(text) and text[i] in " 、":
            i += 1
        e = name_at(text, w.index, i, strict=False)
        spaced = _SPACED_NAME.match(text, i) if e is None else None
        if spaced:            # 记者 马 丽: a two-character name written with a space
            e = spaced.end()
        elif e is None or (e < len(text) and cjk(text[e]) and not _BYLINE.match(text, e)
                           and text[e] != "摄" and not text.startswith("报道", e)):
            return
        yield i, e
        i = e
        if _BYLINE.match(text, i):
            i = _BYLINE.match(text, i).end()


@rule("person.byline", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def byline(w: Work) -> None:
    """Reporters named after a byline word (本报记者 王明 通讯员 李峰)."""
    for m in _BYLINE.finditer(w.text):
        for s, e in _byline_names(w, m.end()):
            add_hit(w, s, e, reporter=True, strong=True)


def _credited(w: Work, pattern: re.Pattern) -> None:
    """The names of a credit line ``pattern`` matches (its group 1), each a reporter."""
    for m in pattern.finditer(w.text):
        for n in re.finditer(r"[\u4e00-\u9fff]{2,3}", m.group(1)):
            s, e = m.start(1) + n.start(), m.start(1) + n.end()
            if name_at(w.text, w.index, s, strict=False) == e:
                add_hit(w, s, e, reporter=True, strong=True)


@rule("person.photo-credit", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def photo_credit(w: Work) -> None:
    """Photographers on a line of their own before 摄 (王明 李峰 摄)."""
    _credited(w, _PHOTO)


@rule("person.signature", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def signature(w: Work) -> None:
    """Authors in brackets at the end of a line (（王明、李峰）)."""
    _credited(w, _SIGNATURE)


@cache
def context_words() -> Gazetteer[int]:
    """Words right before a name that say a person follows (``data/person_context.txt``)."""
    return Gazetteer({w: 1 for w in words("person_context.txt")})


def _free_name(w: Work, i: int) -> int | None:
    """The end of a name starting at a word start ``i`` that no earlier rule found, or None."""
    if i >= len(w.text) or _in_hit(w, i):
        return None
    e = name_at(w.text, w.index, i)
    if e is None:
        return None
    tok = w.index.covering(i)
    if tok is None or w.index.tokens[tok][0] != i or verb_given(w.index, i, e):
        return None
    return e


@rule("person.context-word", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def context_word(w: Work) -> None:
    """A name right after a word for a kind of person (村民王建华, 负责人李明)."""
    for i in sorted({e for _, e, _, _ in context_words().find_all(w.text)}):
        e = _free_name(w, i)
        if e is not None and context_words().match_before(w.text, i, 4) is not None:
            add_hit(w, i, e)


@rule("person.speech-verb", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def speech_verb(w: Work) -> None:
    """A name that is no ordinary word right before a verb of speech (王建华表示, 李明说)."""
    starts: set[int] = set()
    for vs, _, _, _ in speech_verbs().find_all(w.text):
        starts.update(vs - n for n in (2, 3, 4) if vs - n >= 0)
    for i in sorted(starts):
        e = _free_name(w, i)
        if e is None or speech_verbs().match_at(w.text, e) is None:
            continue
        tag = word_tags().get(w.text[i:e])
        if tag is None or tag.startswith("nr"):
            add_hit(w, i, e)


_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][a-z]*[A-Za-z](?:[ ·.]?[A-Z][a-z]+){0,2}(?![A-Za-z0-9])")
_CLAUSE_OPEN = "，,。；;：:！？\n（(“\" "


@rule("person.latin", stage="person", produces=("Person",), requires=("tokens",))
def latin(w: Work) -> None:
    """A name in Latin letters where a person stands: after a title or a word for a kind of person
    (制作人JohnSmith, 队长Anna), or opening a clause before a verb of speech (Smith表示)."""
    text = w.text
    for m in _LATIN_NAME.finditer(text):
        s, e = m.span()
        name = m.group()
        if len(name.replace(" ", "")) < 3 or name.isupper() and len(name) <= 3 or _in_hit(w, s):
            continue
        titled = roles().match_before(text, s, 6) is not None or context_words().match_before(text, s, 6) is not None
        speaks = name[0].isupper() and (s == 0 or text[s - 1] in _CLAUSE_OPEN) \
            and speech_verbs().match_at(text, e) is not None
        if titled or speaks:
            add_hit(w, s, e)


@cache
def _after_name() -> re.Pattern:
    """The words of ``data/after_name.tsv``, or a sex between commas (，男，)."""
    return re.compile(alternation([r[0] for r in rows("after_name.tsv")]) + r"|[，,]\s*[男女]\s*[，,]")


@cache
def _titles_after_name() -> frozenset[str]:
    return frozenset(r[0] for r in rows("after_name.tsv") if r[1] == "title")


@rule("person.honorific", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def honorific(w: Work) -> None:
    """A name before a form of address or a title written after it (王建华先生, 赵刚，男，, 某某总理)."""
    text = w.text
    for m in _after_name().finditer(text):
        e = m.start()
        for n in (3, 2, 4):
            i = e - n
            if i >= 0 and e in name_ends(text, i) \
                    and (i == 0 or not cjk(text[i - 1]) or w.index.ending_at(i) is not None):
                add_hit(w, i, e, [Title(m.group(0), None, e)] if m.group(0) in _titles_after_name() else None)
                break


@rule("person.dictionary", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def dictionary(w: Work) -> None:
    """Three-character people jieba's dictionary knows by name, its nrfg entries (周敦颐)."""
    for s, e, t in w.tokens:
        if len(t) == 3 and word_tags().get(t) == "nrfg" and t[0] in surnames() and t[-1] not in "说等" \
                and not _in_hit(w, s):
            add_hit(w, s, e)


@rule("person.anonymised", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def anonymised(w: Work) -> None:
    """A name a notice keeps anonymous: a surname and 某 at a word start (对张某, 王某某); not 某些."""
    text = w.text
    for m in _ANONYMISED.finditer(text):
        for sl in (2, 1):
            i = m.start() - sl
            if i >= 0 and text[i:m.start()] in surnames() \
                    and (i in w.index.start_set or not cjk(text[i - 1]) or text[i - 1] in _BEFORE_ANONYMISED) \
                    and not _in_hit(w, i):
                add_hit(w, i, m.end())
                break


@rule("person.repeat", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def repeat(w: Work) -> None:
    """Other occurrences of a name found before; one that is also a word only where a person acts (温暖一行)."""
    repeat_names(w, {w.text[s:e] for s, e in w.hit_at})


def repeat_names(w: Work, names: set[str]) -> None:
    """Add the other occurrences of ``names`` (a name that is also a word only where a person acts)."""
    text = w.text
    for name in sorted(names, key=len, reverse=True):
        word = is_common_word(name) and not word_tags().get(name, "").startswith("nr")
        for ms, me in occurrences(text, name):
            if not any(s < me and ms < e for s, e in w.hit_at) \
                    and (not word or PERSON_FOLLOW.match(text, me) or speech_verbs().match_at(text, me)):
                add_hit(w, ms, me)


@rule("person.tagger", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def tagger(w: Work) -> None:
    """Names the statistical tagger proposes that a surname confirms, where no rule found a name (村民王建设说).

    Where it is sure, it also mends the end of a name a rule found (王建|设说 → 王建设; 王建作|报告 → 王建),
    and it finds the other occurrences of the names it adds.
    """
    from .tagged import P_BOUNDARY, P_FOREIGN, foreign_name, longest_forms, person_spans
    spans = person_spans(w)
    for s, e, p in spans:
        if (s, e) in w.hit_at:
            continue
        if p >= P_FOREIGN and foreign_name(w.text[s:e]):      # 谢尔久|科夫, 维特|尔德: jieba cut a foreign name
            hit = next((h for (hs, he), h in w.hit_at.items() if s <= hs and he <= e), None)
            if hit is not None:
                _respan(w, hit, s, e)
            continue
        hit = next((h for (hs, he), h in w.hit_at.items() if hs == s and he != e), None)
        if hit is not None and p >= P_BOUNDARY and abs(hit.cand.end - e) == 1 \
                and not (e < hit.cand.end and _repeated(w, hit)):
            _respan(w, hit, s, e)
    found = set()
    for s, e, p in longest_forms(w, spans):
        sure = p >= P_BOUNDARY and _crossed(w, s, e)
        if (s, e) in w.hit_at:
            w.hit_at[(s, e)].strong |= sure
        elif not any(hs < e and s < he for hs, he in w.hit_at):
            add_hit(w, s, e, strong=sure)
            found.add(w.text[s:e])
    repeat_names(w, found)


def _crossed(w: Work, s: int, e: int) -> bool:
    """Does a chosen place or organisation cut across ``[s, e)`` (签证官江|德力: a bogus place took a name's start)?"""
    return any(c.type in ("Place", "Organization") and (c.start < s < c.end < e or s < c.start < e < c.end)
               for c in w.bodies)


def _repeated(w: Work, hit: PersonHit) -> bool:
    """Is the name of ``hit`` found elsewhere in the article too (the longest form it repeats: 常恩平等 stays 常恩平)?"""
    return any(h is not hit and h.cand.label == hit.cand.label for h in w.hit_at.values())


def _respan(w: Work, hit: PersonHit, start: int, end: int) -> None:
    """Move a name found to ``[start, end)``."""
    c = hit.cand
    del w.hit_at[(c.start, c.end)]
    c.start, c.end = start, end
    c.label = w.text[start:end].replace(" ", "")
    c.aliases = {c.label}
    w.hit_at[(start, end)] = hit
    w.hits.sort(key=lambda h: (h.cand.start, h.cand.end))


_LIST_END = "、，,。；;：:和及与等 \n（(）)"


@rule("person.list-mate", stage="person", produces=("Person",), requires=("tokens", "bodies"), assigns=("hits",))
def list_mate(w: Work) -> None:
    """The other items of a 、 list of people are people too, when a surname opens them (王建华、李国栋、赵刚).

    An item that is an ordinary word, a division or part of a body is none.
    """
    from ..divisions import divisions
    text = w.text
    taken = occupancy(len(text), w.bodies)
    sur = surnames()
    todo = sorted(w.hit_at)
    seen: set[tuple[int, int]] = set(todo)
    found: set[str] = set()
    while todo:
        s, e = todo.pop()
        for j, k in _neighbours(w, s, e):
            item = text[j:k]
            if (j, k) in seen or not 2 <= len(item) <= (4 if item[:2] in sur else 3) \
                    or not (item[0] in sur or item[:2] in sur) or is_common_word(item) or any(taken[j:k]) \
                    or divisions().lookup(item) or any(hs < k and j < he for hs, he in w.hit_at):
                continue
            seen.add((j, k))
            add_hit(w, j, k)
            todo.append((j, k))
            found.add(item)
    repeat_names(w, found)


def _neighbours(w: Work, s: int, e: int) -> list[tuple[int, int]]:
    """The list items right before and after ``text[s:e]`` when 、 joins them; the last item of a list ends
    where jieba's word ends (、赵刚都到了 → 赵刚)."""
    text = w.text
    out = []
    if e < len(text) and text[e] == "、":
        k = e + 1
        while k < len(text) and text[k] not in _LIST_END and k - e <= 5:
            k += 1
        if (k == len(text) or text[k] in _LIST_END) and k - e <= 4:
            out.append((e + 1, k))
        else:
            t = w.index.covering(e + 1)
            if t is not None and w.index.tokens[t][0] == e + 1 and 2 <= w.index.tokens[t][1] - e - 1 <= 3:
                out.append((e + 1, w.index.tokens[t][1]))
    if s > 0 and text[s - 1] == "、":
        j = s - 1
        while j > 0 and text[j - 1] not in _LIST_END and s - j <= 5:
            j -= 1
        if j == 0 or text[j - 1] in _LIST_END:
            out.append((j, s - 1))
    return out
