"""Where a personal name ends: a surname from ``data/surnames.txt`` and one or two characters,
with jieba's words deciding between them (刘|建宇, 周|志强, 马立|群到)."""
from __future__ import annotations

import re
from functools import cache

from ..gazetteer import Gazetteer
from .lexicon import alternation, surnames, word_set, words
from .names import TokenIndex
from .titles import roles
from .tokenize import is_common_word, word_freq, word_tags

# Characters that, right after a two-character name, begin the next word rather than end the name.
FOLLOW_CHARS = set("在说等和与的了是到来对为将也都就又还已从向于以并被把一同及或率带")
_BAD_GIVEN = set("们的了等在是市县区省局委镇乡村部厅办处科员院校馆站所队组团社年号个名位副"
                 "说表示要将已把被对以与及或并但而这那哪些")
# What follows a person acting (王某一行, 王某出席, 王某、李某等出席): a name that is also a word counts there.
PERSON_FOLLOW = re.compile(alternation(words("person_acts.txt")) + r"|、[\u4e00-\u9fff]{2,3}(?:、|等|出席|参加)")
_DOTTED_HEAD = re.compile(r"([\u4e00-\u9fff]{1,6})(?:[·•][\u4e00-\u9fff]{1,6})*[·•]")
# jieba's frequency from which a word that starts with a surname is that word and no name's start (银行, 员工).
_FREQUENT = 1500
# Parts of speech of a one-character word that is no part of a name (prepositions, conjunctions …).
_FUNCTION_TAGS = ("p", "c", "u", "v", "d", "r", "f")
# A pause after a name: a clause or list ends there.
_PAUSE = re.compile(r"[，,。：:；;、）)！!？?”]")
# Characters that end a clause after a name (王明说：, 王明称，, 王明等。, 交给王明了。, 来到王明家。): never a
# name's last character there.
_CLAUSE_FINAL = set("说称道曰问答笑讲叹喊想看听走哭等的了是到来也都在去过着们呢吗啊吧呀哦么家处")
# Parts of speech of a lone character before a pause that is a word after the name, unless it is common in given
# names: nouns, localisers, measure words, particles (王明|家, 利维|时, 屈原|杯).
_NOT_LAST_TAGS = ("n", "f", "q", "u", "y", "e", "m", "t", "s")
# Characters that stand between a person and the verb of speech after the name: adverbs, particles, prepositions
# (王明|还|表示, 王明|等|指出, 王明|在|谈到, 会见王明|时|表示), localisers (贺信|中|说); and the parts of speech of
# such words.
_BEFORE_VERB = set("还曾将则就更都也又亦均已便即仍却才只另先早再并正刚共皆总遂乃竟首同一亲特等的在为所时们中上下里内外前后")
_NOT_BEFORE_VERB_TAGS = ("d", "u", "p", "r", "c", "f")


def cjk(c: str) -> bool:
    """Is ``c`` one Chinese character?"""
    return "\u4e00" <= c <= "\u9fff"


@cache
def person_surnames() -> frozenset[str]:
    """The surnames a personal name may start with: ``surnames.txt`` (which the tagger's features read too)
    and ``rare_surnames.txt`` (傅, 赖, 濮 …)."""
    return surnames() | word_set("rare_surnames.txt")


@cache
def _compound_surnames() -> frozenset[str]:
    return frozenset(s for s in person_surnames() if len(s) == 2)


@cache
def speech_verbs() -> Gazetteer[int]:
    """The verbs of speech a name may stand before (王某说, 王某表示)."""
    return Gazetteer({w: 1 for w in words("speech_verbs.txt")})


@cache
def _follow_words() -> frozenset[str]:
    return frozenset(w for w in words("speech_verbs.txt") if len(w) == 2)


@cache
def _address_forms() -> Gazetteer[int]:
    """Forms of address after a bare surname (``data/address_forms.txt``)."""
    return Gazetteer({w: 1 for w in words("address_forms.txt")})


def address_at(text: str, j: int) -> bool:
    """Does a form of address, a kin word or 某 start at ``j`` (a surname before it is no name: 张先生, 王总, 李某)?"""
    return _address_forms().match_at(text, j) is not None


def addressed(name: str) -> bool:
    """Is ``name`` a surname and a form of address (王先生, 欧阳总, 李某)?

    >>> addressed("王先生"), addressed("王建华")
    (True, False)
    """
    sl = 2 if name[:2] in _compound_surnames() else 1 if name[:1] in person_surnames() else 0
    return bool(sl) and address_at(name, sl)


def name_ends(text: str, i: int) -> list[int]:
    """Possible ends of a name starting at ``i`` (surname + one or two characters), longest first.

    A surname before a form of address is none (张先生, 王总), nor is a given name that is a title (刘行长),
    and a name does not run into its own surname before a form of address (吴启|吴总).

    >>> name_ends("王小明说", 0), name_ends("王先生说", 0), name_ends("刘行长说", 0), name_ends("吴启吴总说", 0)
    ([3, 2], [], [2], [2])
    """
    sl = 2 if text[i:i + 2] in _compound_surnames() else 1 if text[i:i + 1] in person_surnames() else 0
    if not sl or address_at(text, i + sl):
        return []
    options = []
    for gl in (2, 1):
        e = i + sl + gl
        given = text[i + sl:e]
        if len(given) == gl and all(cjk(c) and c not in _BAD_GIVEN for c in given) \
                and not (gl == 2 and (given in roles() or _own_surname_again(text, i, e))):
            options.append(e)
    return options


def _own_surname_again(text: str, i: int, e: int) -> bool:
    """Does the name ``text[i:e]`` end in its own surname before a form of address or a title (吴启吴|总)?"""
    return text[e - 1] == text[i] and (address_at(text, e) or roles().match_at(text, e) is not None)


@cache
def foreign_chars() -> frozenset[str]:
    """The characters of transliterated foreign names (``data/transliteration_chars.txt``)."""
    return frozenset("".join(words("transliteration_chars.txt")))


def foreign_name(name: str) -> bool:
    """Is ``name`` three or more characters of transliteration, one other allowed from four on (科瓦连科)?"""
    odd = sum(c not in foreign_chars() for c in name)
    return len(name) >= 3 and (odd == 0 or odd == 1 and len(name) >= 4)


def foreign_end(text: str, idx: TokenIndex, s: int, e: int) -> int:
    """The end of a transliterated name read short at ``e`` (罗伯特|森表示 → 罗伯特森): over the transliteration
    characters after it that begin no ordinary word, up to ten characters (a Russian name and patronymic written
    together: 阿纳托利斯捷潘诺维奇)."""
    while e < len(text) and text[e] in foreign_chars() and e - s < 10:
        k = idx.covering(e)
        if k is not None and idx.tokens[k][0] == e and len(idx.tokens[k][2]) > 1 and is_common_word(idx.tokens[k][2]):
            break
        e += 1
    return e


def name_at(text: str, idx: TokenIndex, i: int, strict: bool = True) -> int | None:
    """End of a personal name starting at ``i``, or None; ``strict`` refuses a common word (高度重视)."""
    if i >= len(text):
        return None
    dotted = _dotted_name(idx, text, i)
    if dotted is not None:
        return dotted
    options = name_ends(text, i)
    if not options:
        return None
    sl = 2 if text[i:i + 2] in _compound_surnames() else 1
    end = _by_words(idx, i, sl, options)
    if end is None:
        end = _by_text(text, options)
    if all(c in foreign_chars() for c in text[i:end]):
        end = foreign_end(text, idx, i, end)      # 贝尔托|拉奇: a transliteration runs on
    if strict and _only_a_word(text, i, end):
        return None
    return end if plausible_words(idx, i, end) else None


def _by_text(text: str, options: list[int]) -> int:
    """Where the text says the name ends when jieba's words do not: before a non-Chinese character,
    else the longest option unless the next word begins on its last character (王明|说)."""
    for e in options:
        nxt = text[e:e + 1]
        if not nxt or not cjk(nxt):
            return e
    if len(options) == 2:
        short = options[1]
        if text[short] in FOLLOW_CHARS or text[short:short + 2] in _follow_words():
            return short
    return options[0]


def _only_a_word(text: str, i: int, e: int) -> bool:
    """高度重视 is a word and no name, but 市委书记温暖一行 is a name (a person acts)."""
    name = text[i:e]
    if not is_common_word(name) or word_tags().get(name, "").startswith("nr"):
        return False
    return not (len(name) == 2 and PERSON_FOLLOW.match(text, e) and (word_tags().get(name) or "")[:1] in ("a", "n"))


def _odd_chars(part: str) -> int:
    """How many characters of ``part`` are no transliteration characters."""
    return sum(c not in foreign_chars() for c in part)


def _dotted_name(idx: TokenIndex, text: str, i: int) -> int | None:
    """End of a transcribed name with · (巴赫特·苏尔坦, 阿依古丽·艾买提) starting at ``i``: its first part is
    transliteration (one other character allowed from three on), the last part runs over unknown words,
    nouns and single characters, up to a verb, a function word or a word of other characters."""
    m = _DOTTED_HEAD.match(text, i)
    if m is None or _odd_chars(m.group(1)) > (len(m.group(1)) >= 3):
        return None                               # 的女婿|安德烈·罗斯: the name starts later
    end = m.end()
    t = idx.covering(end)
    while t is not None and t < len(idx.tokens) and end - m.end() < 6:
        a, b, w = idx.tokens[t]
        tag = word_tags().get(w)
        if a != end or not cjk(w[0]) or tag is not None and not tag.startswith("n") \
                and not (len(w) == 1 and not tag.startswith(_FUNCTION_TAGS)) \
                or len(w) > 1 and is_common_word(w) and _odd_chars(w):
            break                                 # 桑德斯|坐镇, 罗兰|同名
        end = b
        t += 1
    return end if end > m.end() else None


def verb_given(idx: TokenIndex, i: int, e: int) -> bool:
    """With only context to go on, a 'given name' that is one verb or adverb (富|起来) is no name; a lone last
    character may be one (钱国|凡|表示)."""
    t = idx.covering(e - 1)
    if t is None or idx.tokens[t][0] <= i or idx.tokens[t][1] != e \
            or idx.tokens[t][0] == e - 1 > i + 1 and _before_speech(idx, t) and _last_of_speaker(idx.tokens[t][2]):
        return False
    return (word_tags().get(idx.tokens[t][2]) or "n")[:1] in ("v", "d", "u", "p", "c", "f", "q", "r")


def plausible_name_word(w: str) -> bool:
    """Can the jieba word ``w`` be (part of) a name: unknown, a name, or one character."""
    tag = word_tags().get(w)
    return tag is None or tag.startswith("nr") or len(w) == 1


def plausible_words(idx: TokenIndex, i: int, e: int) -> bool:
    """A name neither starts nor ends inside an ordinary word (幸福|指数, 安全|培训), nor starts with one (关于)."""
    t = idx.covering(i)
    if t is None:
        return False
    ts, te, w = idx.tokens[t]
    tag = word_tags().get(w)
    if ts < i and tag is not None:
        return False
    if ts == i and (_word_starts_name(w, tag, te - ts < e - i and te <= e) or te > e and tag is not None
                    and not tag.startswith("nr") or _function_word_starts_name(idx, t, e)):
        return False
    t2 = idx.covering(e - 1)
    return not (t2 is not None and idx.tokens[t2][1] > e and not plausible_name_word(idx.tokens[t2][2])
                and not (idx.tokens[t2][1] == e + 1 and idx.tokens[t2][2].endswith("等")))   # 常恩|平等


def _word_starts_name(w: str, tag: str | None, shorter: bool) -> bool:
    """An ordinary word of two or more characters that is only the start of the name (关于|某, 项目|多),
    but not 王家|春: a surname glued to a character of the given name, in a word no more frequent than that."""
    return len(w) >= 2 and shorter and not plausible_name_word(w) \
        and not (len(w) == 2 and w[0] in person_surnames() and (tag or "").startswith(("n", "t"))
                 and word_freq(w) < _FREQUENT)


def _function_word_starts_name(idx: TokenIndex, t: int, e: int) -> bool:
    """The name would start with a one-character function word (要|是…) followed by no name word."""
    ts, te, w = idx.tokens[t]
    if len(w) != 1 or te >= e:
        return False
    tag = word_tags().get(w) or ""
    if not (tag.startswith(("p", "c", "u", "d", "r")) or w in "要是有会能可将让使把被"):
        return False
    return not plausible_name_word("".join(x for _, _, x in idx.tokens[t + 1:t + 3])[: e - te])


def text_at(idx: TokenIndex, pos: int) -> str:
    """The character at ``pos`` (read from the token that holds it)."""
    t = idx.covering(pos)
    return idx.tokens[t][2][pos - idx.tokens[t][0]] if t is not None else ""


def _by_words(idx: TokenIndex, i: int, sl: int, options: list[int]) -> int | None:
    """Where jieba's words say the name ends (刘|建宇, 周|志强, 欧阳明|辉), or None."""
    t = idx.covering(i)
    if t is None or idx.tokens[t][0] != i:
        return None
    if idx.tokens[t][1] in options:
        return _name_word_end(idx, t, options)
    if idx.tokens[t][1] == i + sl and t + 1 < len(idx.tokens):
        return _given_word_end(idx.tokens[t + 1], options)
    return None


def _name_word_end(idx: TokenIndex, t: int, options: list[int]) -> int | None:
    """The end of a name when jieba's word ``t`` is the whole name, or glued to a neighbour's character."""
    tok_end = idx.tokens[t][1]
    if t + 1 < len(idx.tokens):
        e = _glued_to_next(idx.tokens[t + 1], tok_end, options) or _last_before_pause(idx, t + 1, options) \
            or _last_before_speech(idx, t + 1, options)
        if e is not None:
            return e
    tag = word_tags().get(idx.tokens[t][2])
    if tag is None and tok_end - 1 in options and text_at(idx, tok_end - 1) in FOLLOW_CHARS:
        return tok_end - 1    # 张华到|芮城县: jieba glued the next word's character to the name
    return tok_end if tag is None or tag.startswith("nr") else None


def _glued_to_next(nxt: tuple[int, int, str], tok_end: int, options: list[int]) -> int | None:
    """The name runs into the next jieba word ``nxt`` (its last character, or all of a one-character word)."""
    ns, ne, nw = nxt
    tag = word_tags().get(nw)
    if ne - ns == 1 and ne in options and nw not in FOLLOW_CHARS and not (tag or "x").startswith(_FUNCTION_TAGS):
        return ne
    if ne - ns == 2 and tok_end + 1 in options:
        if nw[1] == "等" and (tag or "").startswith(("a", "v", "d", "b")):
            return tok_end + 1            # 常恩|平等|出席 → 常恩平等: a list of names ends in 等
        if tag is None and nw[1] in FOLLOW_CHARS:
            return tok_end + 1            # 马立|群到 → 马立群 (jieba glued the last character to the next word)
    return None


def _last_before_pause(idx: TokenIndex, t: int, options: list[int]) -> int | None:
    """The end of a name whose last character jieba left alone before a pause (钱国|如|：, 孙立|一|）): the name runs
    over it, unless it is a particle or a word that ends a clause (王明|说|：, 王明|等|。) or a noun (屈原|杯|，)."""
    ns, ne, nw = idx.tokens[t]
    if ne - ns != 1 or ne not in options:
        return None
    if t + 1 < len(idx.tokens) and idx.tokens[t + 1][0] == ne and not _PAUSE.match(idx.tokens[t + 1][2]):
        return None
    return ne if _may_end_name(nw) else None


def _last_before_speech(idx: TokenIndex, t: int, options: list[int]) -> int | None:
    """The end of a name whose last character jieba left alone before a verb of speech (钱国|敬|介绍): the name runs
    over it, unless it is an adverb, a particle or a preposition there (王明|还|表示, 王明|等|指出, 王明|在|谈到)."""
    ns, ne, nw = idx.tokens[t]
    if ne - ns != 1 or ne not in options or not _before_speech(idx, t) \
            or not plausible_name_word(idx.tokens[t - 1][2]) and len(idx.tokens[t - 1][2]) > 1:
        return None                   # 生机|和|希望: an ordinary word, no name before the character
    return ne if _last_of_speaker(nw) else None


def _before_speech(idx: TokenIndex, t: int) -> bool:
    """Is jieba's word after word ``t`` a verb of speech?"""
    return t + 1 < len(idx.tokens) and speech_verbs().match_at(idx.tokens[t + 1][2], 0) is not None


def _last_of_speaker(c: str) -> bool:
    """Can ``c``, alone between a name and a verb of speech, be the name's last character?"""
    if c in _BEFORE_VERB or c in _CLAUSE_FINAL:
        return False
    return not (word_tags().get(c) or "x").startswith(_NOT_BEFORE_VERB_TAGS) or c in word_set("given_name_chars.txt")


def _may_end_name(c: str) -> bool:
    """Can ``c``, alone between a name and a pause, be the name's last character?"""
    return c not in _CLAUSE_FINAL and (not (word_tags().get(c) or "x").startswith(_NOT_LAST_TAGS)
                                       or c in word_set("given_name_chars.txt"))


def end_at_pause(text: str, s: int, e: int) -> int:
    """The end of the name ``text[s:e]`` read one character short of a pause (钱国如：, not 钱国|如：)."""
    if e + 1 in name_ends(text, s) and (e + 1 == len(text) or _PAUSE.match(text, e + 1)) and _may_end_name(text[e]):
        return e + 1
    return e


def _given_word_end(given: tuple[int, int, str], options: list[int]) -> int | None:
    """The end of the given name when jieba split off the surname and the next word may be the given name."""
    gs, ge, gw = given
    if ge not in options:
        return None
    tag = word_tags().get(gw)
    if tag is None or tag.startswith(("nr", "n", "a", "ns", "nz", "j")) \
            or len(gw) == 2 and not tag.startswith(("v", "p", "c", "u", "d", "r")):
        return ge
    return None


def transliteration_at(text: str, idx: TokenIndex, i: int) -> int | None:
    """The end of a transliterated name of two to six characters that whole jieba words make at ``i``, no
    ordinary word (球星|多纳, 主帅|贝尔托拉奇), or None."""
    e = foreign_end(text, idx, i, i)
    name = text[i:e]
    if not 2 <= len(name) <= 6 or i not in idx.start_set or e not in idx.end_set:
        return None
    return None if is_common_word(name) and not word_tags()[name].startswith(("ns", "nz")) else e


def names_list(text: str, idx: TokenIndex, i: int) -> list[tuple[int, int]]:
    """Names separated by 、 (or spaces) starting at ``i``: Chinese names, or transliterations (总统|多纳)."""
    out = []
    while True:
        j = i
        while j < len(text) and text[j] == " ":
            j += 1
        e = name_at(text, idx, j)
        if e is None:
            e = transliteration_at(text, idx, j) if j < len(text) else None
        if e is None:
            break
        out.append((j, e))
        if e < len(text) and text[e] in "、 " and e + 1 < len(text):
            i = e + 1
            continue
        break
    return out
