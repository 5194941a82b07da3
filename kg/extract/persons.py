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
from .bylines import BYLINE, inside_word, name_run
from .lexicon import alternation, rows, word_set, words
from .personal_names import (FOLLOW_CHARS, PERSON_FOLLOW, cjk, foreign_name, name_at, name_ends, names_list,
                             person_surnames, plausible_words, speech_verbs, transliteration_at, verb_given)
from .registry import rule
from .spans import Candidate, occupancy, occurrences
from .titles import Title, bodies_by_end, roles, title_phrase
from .tokenize import is_common_word, word_tags

if TYPE_CHECKING:
    from .state import Work

_SPACED_NAME = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff](?=[）)\s，,、]|$)")
_PHOTO = re.compile(r"(?:^|\n|[。”])\s*((?:[\u4e00-\u9fff]{2,3}\s+){0,4}[\u4e00-\u9fff]{2,3})\s*摄\s*(?:$|\n)")
_SIGNATURE = re.compile(r"[（(]([\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3}){0,4})[)）]\s*(?:$|\n)")


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
            if not no_given_name(w.text, s, e):
                add_hit(w, s, _to_address(w.text, s, e), titles, strong=True)


def no_given_name(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a one-character surname before a count or time word (敬|昨日), or a verb, adverb or
    preposition before a verb (来|宣布, 曾|承诺), not a name? A word opening with a character of given names
    (王|国庆, 李|永年) may be one."""
    given = text[s + 1:e]
    if len(given) < 2 or given[0] in word_set("given_name_chars.txt"):
        return False
    tag = word_tags().get(given, "")
    return tag.startswith(("m", "t")) or tag.startswith("v") and word_tags().get(text[s], "").startswith(("v", "d", "p", "c"))


def _to_address(text: str, s: int, e: int) -> int:
    """The end of the name ``text[s:e]`` when one more character reaches a form of address after it: the name
    runs up to 先生 (董事长孙立科先生, not 孙立), unless that character is its own surname (总监孙立孙女士: 孙立)."""
    sl = 2 if text[s:s + 2] in person_surnames() else 1
    if e - s == sl + 1 and e + 1 < len(text) and cjk(text[e]) and text[e] not in FOLLOW_CHARS and text[e] != text[s] \
            and _after_name().match(text, e + 1) and not _after_name().match(text, e):
        return e + 1
    return e


def _byline_names(w: Work, i: int) -> Iterator[tuple[int, int]]:
    """The names after a byline word at ``i`` (记者 王明 李峰; 记者王明李峰上海报道; 文/图 马 丽), up to other text."""
    text = w.text
    while True:
        while i < len(text) and text[i] in " 、":
            i += 1
        run = name_run(w, i)
        spaced = _SPACED_NAME.match(text, i) if run is None else None
        if spaced:            # 记者 马 丽: a two-character name written with a space
            run = [spaced.span()]
        elif run is None:
            return
        yield from run
        i = run[-1][1]
        more = BYLINE.match(text, i)
        if more:
            i = more.end()
        elif i >= len(text) or text[i] not in " 、":
            return            # the byline ends in a dateline or a credit (记者王明上海报道)


@rule("person.byline", stage="person", produces=("Person",), requires=("tokens", "bodies"), assigns=("hits",))
def byline(w: Work) -> None:
    """Reporters named after a byline word, up to the byline's end (本报记者 王明 通讯员 李峰; 记者王明李峰北京报道)."""
    for m in BYLINE.finditer(w.text):
        if inside_word(w, m):
            continue
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
    """A name right after a word for a kind of person (村民王建华, 负责人李明, 主教练多纳)."""
    for i in sorted({e for _, e, _, _ in context_words().find_all(w.text)}):
        e = _free_name(w, i)
        if e is None and i < len(w.text) and not _in_hit(w, i):
            e = transliteration_at(w.text, w.index, i)
        if e is not None and context_words().match_before(w.text, i, 4) is not None and not no_given_name(w.text, i, e):
            add_hit(w, i, e)


@rule("person.speech-verb", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def speech_verb(w: Work) -> None:
    """A name that is no ordinary word right before a verb of speech (王建华表示, 李明说)."""
    starts: set[int] = set()
    for vs, _, _, _ in speech_verbs().find_all(w.text):
        starts.update(vs - n for n in (2, 3, 4) if vs - n >= 0)
    for i in sorted(starts):
        e = _free_name(w, i)
        if e is None and not _in_hit(w, i):
            e = transliteration_at(w.text, w.index, i)          # 萨维奥表示
        if e is None or speech_verbs().match_at(w.text, e) is None:
            continue
        tag = word_tags().get(w.text[i:e])
        if (tag is None or tag.startswith("nr")) and not _no_speaker(w, i, e):
            add_hit(w, i, e)


def _no_speaker(w: Work, i: int, e: int) -> bool:
    """Is ``text[i:e]`` before a verb of speech no name: a count (150|余人参加), a title alone (置业顾问告诉),
    or no given name (黄信|敬昨日表示)?"""
    text = w.text
    if i > 0 and (text[i - 1].isdigit() or text[i - 1] in _NUMERALS):
        return True
    role = roles().match_at(text, i) or context_words().match_at(text, i)
    return role is not None and role[1] >= e or no_given_name(text, i, e)


_NUMERALS = "一二三四五六七八九十百千万两几数"
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][a-z]*[A-Za-z](?:[ ·.]?[A-Z][a-z]+){0,2}(?![A-Za-z0-9])")
_CLAUSE_OPEN = "，,。；;：:！？\n（(“\" "


_SPEAKER_AT = re.compile(r"(?:^|(?<=[\n。！？!?]))\s*")


@rule("person.speaker", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def speaker(w: Work) -> None:
    """A name that opens a line or a sentence before a colon: who speaks in a transcript (王建华：我们要…)."""
    text = w.text
    for m in _SPEAKER_AT.finditer(text):
        i = m.end()
        ends = [e for e in name_ends(text, i) if text[e:e + 1] in ("：", ":")] if not _in_hit(w, i) else []
        if ends and not is_common_word(text[i:ends[0]]) and plausible_words(w.index, i, ends[0]):
            add_hit(w, i, ends[0])


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
            if i >= 0 and e in name_ends(text, i) and not is_common_word(text[i:e]) and not _bare_surname(w, i, e) \
                    and (i == 0 or not cjk(text[i - 1]) or w.index.ending_at(i) is not None):
                add_hit(w, i, e, [Title(m.group(0), None, e)] if m.group(0) in _titles_after_name() else None)
                break


def _bare_surname(w: Work, i: int, e: int) -> bool:
    """Is ``text[i:e]`` a word, a function word or a title's end and then a surname alone before a form of
    address (职员|孙先生, 向|赵先生, 设计师|钱先生), not a name (王建华先生)?"""
    if w.text[e - 1] not in person_surnames():
        return False
    if _role_before(w.text, e - 1):
        return True
    if e - 1 not in w.index.start_set:
        return False
    t = w.index.ending_at(e - 1)
    if t is None or w.index.tokens[t][0] > i:
        return False
    word = w.index.tokens[t][2]
    tag = word_tags().get(word) or ""
    return len(word) >= 2 and is_common_word(word) or tag.startswith(("p", "c", "d", "u", "r")) \
        or _role_before(w.text, e - 1)


def _role_before(text: str, i: int) -> bool:
    """Does a title or a word for a kind of person end at ``i`` (鉴赏师|姚先生, 顾问|姜先生)?"""
    return roles().match_before(text, i, 6) is not None or context_words().match_before(text, i, 6) is not None


@rule("person.dictionary", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def dictionary(w: Work) -> None:
    """Three-character people jieba's dictionary knows by name, its nrfg entries (周敦颐)."""
    for s, e, t in w.tokens:
        if len(t) == 3 and word_tags().get(t) == "nrfg" and t[0] in person_surnames() and t[-1] not in "说等" \
                and not _in_hit(w, s):
            add_hit(w, s, e)


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
    from .tagged import P_BOUNDARY, P_PERSON, longest_forms, person_spans
    spans = person_spans(w)
    for s, e, p in spans:
        if (s, e) not in w.hit_at:
            _mend_hit(w, s, e, p)
    found = set()
    for s, e, p in longest_forms(w, spans):
        sure = p >= P_BOUNDARY and _crossed(w, s, e) or p >= P_PERSON and _guessed_place(w, s, e)
        if (s, e) in w.hit_at:
            w.hit_at[(s, e)].strong |= sure
        elif not any(hs < e and s < he for hs, he in w.hit_at):
            add_hit(w, s, e, strong=sure)
            found.add(w.text[s:e])
    repeat_names(w, found)


def _mend_hit(w: Work, s: int, e: int, p: float) -> None:
    """Move a name a rule found to the tagger's span ``[s, e)`` (probability ``p``) where that mends it: a foreign
    name jieba cut, an end one character off, a start on the sentence's conjunction."""
    from .tagged import P_FOREIGN, P_PERSON
    if p >= P_FOREIGN and foreign_name(w.text[s:e]):      # 甲乙|科夫, 丙丁|尔德: jieba cut a foreign name
        hit = next((h for (hs, he), h in w.hit_at.items() if s <= hs and he <= e), None)
        if hit is not None:
            _respan(w, hit, s, e)
        return
    hit = next((h for (hs, he), h in w.hit_at.items() if hs == s and he != e), None)
    if hit is not None and _mends(w, hit, e, p):
        _respan(w, hit, s, e)
    hit = w.hit_at.get((s - 1, e))
    if hit is not None and p >= P_PERSON and not hit.strong and _opening_conjunction(w, s - 1):
        _respan(w, hit, s, e)                          # 。但|王建华表示: the sentence's conjunction is no surname


def _opening_conjunction(w: Work, i: int) -> bool:
    """Is ``text[i]`` a one-character conjunction or adverb that opens a clause (。但…, ，而…; not 向, 于: surnames
    as much as prepositions)?"""
    return (i == 0 or w.text[i - 1] in _CLAUSE_OPEN) and word_tags().get(w.text[i], "").startswith(("c", "d"))


def _mends(w: Work, hit: PersonHit, e: int, p: float) -> bool:
    """Does the tagger's end ``e`` (probability ``p``) mend the name of ``hit``, one character off: sure of a
    cut (王建作|报告 → 王建), or fairly sure of a character the rule left out (吴桂|如 → 吴桂如) that begins no
    next word (王建|难以) and may end a name, or that jieba's unknown word holds (王建年)?"""
    from .tagged import P_BOUNDARY, P_EXTEND
    if abs(hit.cand.end - e) != 1:
        return False
    if e < hit.cand.end:
        return p >= P_BOUNDARY and not (_repeated(w, hit) or _name_follows(w, hit))
    name = w.text[hit.cand.start:e]
    if any(hs == e - 1 for hs, _ in w.hit_at):
        return False                                   # 钱立|孙伟: the character opens the next name found
    t = w.index.covering(e - 1)
    opens_word = t is not None and w.index.tokens[t][0] == e - 1 and w.index.tokens[t][1] > e \
        and is_common_word(w.index.tokens[t][2])
    return p >= P_EXTEND and w.text[e - 1] not in FOLLOW_CHARS and not opens_word and not is_common_word(name) \
        and (e in name_ends(w.text, hit.cand.start) or p >= P_BOUNDARY and _one_new_word(w, hit.cand.start, e))


def _one_new_word(w: Work, s: int, e: int) -> bool:
    """Did jieba make ``text[s:e]`` one word its dictionary does not know or knows as a name, not ending in its own
    surname (王建年: a name, whatever its last character; not 王建王|总)?"""
    t = w.index.covering(s)
    return t is not None and w.index.tokens[t][:2] == (s, e) and word_tags().get(w.text[s:e], "nr").startswith("nr") \
        and w.text[e - 1] != w.text[s]


# Place rules that guess from a name's shape (王家山 a hill, 李家河 a river): a surname-led name the tagger
# takes for a person is one (法院判处陈永山…).
_SHAPE_PLACES = ("place.nature", "place.dictionary")


def _guessed_place(w: Work, s: int, e: int) -> bool:
    """Is ``[s, e)``, a surname and a given name, chosen as a place only by its shape (陈永|山, 刘德|川)?"""
    return w.text[s:s + 1] in person_surnames() and e - s in (2, 3) \
        and any(c.type == "Place" and (c.start, c.end) == (s, e) and c.rule in _SHAPE_PLACES for c in w.bodies)


def _crossed(w: Work, s: int, e: int) -> bool:
    """Does a chosen place or organisation cut across ``[s, e)`` (签证官江|德力: a bogus place took a name's start)?"""
    return any(c.type in ("Place", "Organization") and (c.start < s < c.end < e or s < c.start < e < c.end)
               for c in w.bodies)


def _repeated(w: Work, hit: PersonHit) -> bool:
    """Is the name of ``hit`` found elsewhere in the article too (the longest form it repeats: 常恩平等 stays 常恩平)?"""
    return any(h is not hit and h.cand.label == hit.cand.label for h in w.hit_at.values())


def _name_follows(w: Work, hit: PersonHit) -> bool:
    """Does another name found start right where ``hit`` ends (记者钱永才孙丽娜: 才 is no name's but 钱永才's)?"""
    return any(hs == hit.cand.end for hs, _ in w.hit_at)


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
    sur = person_surnames()
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
