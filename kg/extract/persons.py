"""People: names after titles (市委书记刘星), in bylines (本报记者 杨星宇), before speech verbs.

A name is a surname from ``data/surnames.txt`` and one or two characters;
jieba's words decide where it ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..model import Doc
from ..gazetteer import Gazetteer
from .lexicon import keys, rows, surnames, words
from .names import TokenIndex
from .registry import rule
from .spans import Candidate
from .tokenize import is_common_word, word_tags

# Characters that, right after a two-character name, begin the next word rather than end the name.
_FOLLOW_CHAR = set("在说等和与的了是到来对为将也都就又还已从向于以并被把一同及或率带")
_BAD_GIVEN = set("们的了等在是市县区省局委镇乡村部厅办处科员院校馆站所队组团社年号个名位"
                 "说表示要将已把被对以与及或并但而这那哪些")
_BYLINE = re.compile(r"(?:本报|本刊|特约)?(?:记者|通讯员|实习生|见习记者|摄影记者|摄影|文\s*[/／]\s*图|图\s*[/／]\s*文)[\s:：]*")


_PHOTO = re.compile(r"(?:^|\n|[。”])\s*((?:[\u4e00-\u9fff]{2,3}\s+){0,4}[\u4e00-\u9fff]{2,3})\s*摄\s*(?:$|\n)")
_SIGNATURE = re.compile(r"[（(]([\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3}){0,4})[)）]\s*(?:$|\n)")
_POSTFIX = re.compile(r"先生|女士|同志|老人|大爷|大娘|老汉|阿姨|奶奶|爷爷|总书记|总理|委员长|院士|简历|[，,]\s*[男女]\s*[，,]")


@dataclass
class Title:
    """One role of a title phrase; ``org`` is the mention it belongs to, if any."""
    role: str
    org: Candidate | None
    start: int
    former: bool = False
    body: tuple[str | None, str | None] = (None, None)   # (type, label) of the post's body, once resolved


# Person rules whose finds beat any body they overlap (the others only take free text).
STRONG_RULES = ("title", "byline", "photo", "signature")


@dataclass
class PersonHit:
    """A person found with the title phrase before it."""
    cand: Candidate
    titles: list[Title] = field(default_factory=list)
    reporter: bool = False

    @property
    def strong(self) -> bool:
        """Found by a rule whose finds beat the bodies they overlap."""
        return self.cand.rule in STRONG_RULES


@cache
def roles() -> Gazetteer[str]:
    """Titles, also with their modifiers (副, 常务副, 党组 …)."""
    g: Gazetteer[str] = Gazetteer()
    mods = words("title_modifiers.txt")
    for t in words("titles.txt"):
        g.add(t, t)
        for m in mods:
            g.add(m + t, m + t)
    for t in keys("leader_roles.txt") | keys("government_roles.txt"):
        g.add(t, t)
    return g


@cache
def _compound_surnames() -> frozenset[str]:
    return frozenset(s for s in surnames() if len(s) == 2)


def name_ends(text: str, i: int) -> list[int]:
    """Possible ends of a name starting at ``i`` (surname + one or two characters), longest first.

    >>> name_ends("王小明说", 0)
    [3, 2]
    """
    sl = 2 if text[i:i + 2] in _compound_surnames() else 1 if text[i:i + 1] in surnames() else 0
    if not sl:
        return []
    options = []
    for gl in (2, 1):
        e = i + sl + gl
        given = text[i + sl:e]
        if len(given) == gl and all("\u4e00" <= c <= "\u9fff" and c not in _BAD_GIVEN for c in given):
            options.append(e)
    return options


def name_at(doc: Doc, idx: TokenIndex, i: int, strict: bool = True) -> int | None:
    """End of a personal name starting at ``i``, or None."""
    text = doc.text
    if i >= len(text):
        return None
    dotted = _dotted_name(idx, text, i)
    if dotted is not None:
        return dotted
    options = name_ends(text, i)
    if not options:
        return None
    sl = 2 if text[i:i + 2] in _compound_surnames() else 1
    cand = _by_words(idx, i, sl, options)
    if cand is None:
        for e in options:
            nxt = text[e:e + 1]
            if not nxt or not "\u4e00" <= nxt <= "\u9fff":
                cand = e
                break
    if cand is None:
        cand = options[0]
        if len(options) == 2:
            short = options[1]
            if text[short] in _FOLLOW_CHAR or text[short:short + 2] in _follow_words():
                cand = short
    name = text[i:cand]
    if strict and is_common_word(name) and not word_tags().get(name, "").startswith("nr") \
            and not (len(name) == 2 and _PERSON_FOLLOW.match(text, cand) and (word_tags().get(name) or "")[:1] in ("a", "n")):
        return None           # 高度重视 is no name, but 市委书记温暖一行 is
    return cand if plausible_words(idx, i, cand) else None


_SPACED_NAME = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff](?=[）)\s，,、]|$)")
_PERSON_FOLLOW = re.compile(r"(?:一行|同志|率队|带队|主持召开|出席|深入|来到|先后来到|、[\u4e00-\u9fff]{2,3}(?:、|等|出席|参加))")
_DOTTED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6})*·")


def _dotted_name(idx: TokenIndex, text: str, i: int) -> int | None:
    """End of a transcribed name with · (巴赫特·苏尔坦, 阿依古丽·艾买提) starting at ``i``: the last part
    runs over unknown words, nouns and single characters, up to a verb or a function word."""
    m = _DOTTED_HEAD.match(text, i)
    if m is None:
        return None
    end = m.end()
    t = idx.covering(end)
    while t is not None and t < len(idx.tokens) and end - m.end() < 6:
        a, b, w = idx.tokens[t]
        tag = word_tags().get(w)
        if a != end or not "\u4e00" <= w[0] <= "\u9fff" or tag is not None and not tag.startswith("n") \
                and not (len(w) == 1 and not tag.startswith(("v", "p", "c", "u", "d", "r", "f"))):
            break
        end = b
        t += 1
    return end if end > m.end() else None


def _verb_given(idx: TokenIndex, i: int, e: int) -> bool:
    """With only context to go on, a 'given name' that is one verb or adverb (富|起来) is no name."""
    t = idx.covering(e - 1)
    if t is None or idx.tokens[t][0] <= i or idx.tokens[t][1] != e:
        return False
    return (word_tags().get(idx.tokens[t][2]) or "n")[:1] in ("v", "d", "u", "p", "c", "f", "q", "r")


def plausible_name_word(w: str) -> bool:
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
    if ts == i and len(w) >= 2 and te <= e and not plausible_name_word(w) and te - ts < e - i \
            and not (len(w) == 2 and w[0] in surnames() and (tag or "").startswith(("n", "t"))):
        return False          # …but 王家|春: a surname glued to a character of the given name
    if ts == i and te > e and tag is not None and not tag.startswith("nr"):
        return False
    if ts == i and len(w) == 1 and ((tag or "").startswith(("p", "c", "u", "d", "r")) or w in "要是有会能可将让使把被") and te < e \
            and not plausible_name_word("".join(x for _, _, x in idx.tokens[t + 1:t + 3])[: e - te]):
        return False
    t2 = idx.covering(e - 1)
    if t2 is not None and idx.tokens[t2][1] > e and not plausible_name_word(idx.tokens[t2][2]) \
            and not (idx.tokens[t2][1] == e + 1 and idx.tokens[t2][2].endswith("等")):   # 常恩|平等
        return False
    return True


def text_at(idx: TokenIndex, pos: int) -> str:
    """The character at ``pos`` (read from the token that holds it)."""
    t = idx.covering(pos)
    return idx.tokens[t][2][pos - idx.tokens[t][0]] if t is not None else ""


def _by_words(idx: TokenIndex, i: int, sl: int, options: list[int]) -> int | None:
    """Where jieba's words say the name ends (刘|星宇, 周|志强, 欧阳明|辉), or None."""
    t = idx.covering(i)
    if t is None or idx.tokens[t][0] != i:
        return None
    tok_end = idx.tokens[t][1]
    if tok_end in options:
        nxt = t + 1 < len(idx.tokens) and idx.tokens[t + 1]
        if nxt and nxt[1] - nxt[0] == 1 and nxt[1] in options and nxt[2] not in _FOLLOW_CHAR \
                and not (word_tags().get(nxt[2]) or "x").startswith(("p", "c", "u", "v", "d", "r", "f")):
            return nxt[1]
        if nxt and nxt[1] - nxt[0] == 2 and tok_end + 1 in options and nxt[2][1] == "等" \
                and (word_tags().get(nxt[2]) or "").startswith(("a", "v", "d", "b")):
            return tok_end + 1            # 常恩|平等|出席 → 常恩平等: a list of names ends in 等
        if nxt and nxt[1] - nxt[0] == 2 and tok_end + 1 in options and word_tags().get(nxt[2]) is None \
                and nxt[2][1] in _FOLLOW_CHAR:
            return tok_end + 1            # 马立|群到 → 马立群 (jieba glued the last character to the next word)
        tag = word_tags().get(idx.tokens[t][2])
        if tag is None and tok_end - 1 in options and text_at(idx, tok_end - 1) in _FOLLOW_CHAR:
            return tok_end - 1    # 张华到|芮城县: jieba glued the next word's character to the name
        return tok_end if tag is None or tag.startswith("nr") else None
    if tok_end == i + sl and t + 1 < len(idx.tokens):
        gs, ge, gw = idx.tokens[t + 1]
        if ge in options:
            tag = word_tags().get(gw)
            if tag is None or tag.startswith(("nr", "n", "a", "ns", "nz", "j")) or len(gw) == 2 and not tag.startswith(("v", "p", "c", "u", "d", "r")):
                return ge
    return None


@cache
def _context_words() -> Gazetteer[int]:
    return Gazetteer({w: 1 for w in words("person_context.txt")})


@cache
def _speech_verbs() -> Gazetteer[int]:
    return Gazetteer({w: 1 for w in words("speech_verbs.txt")})


@cache
def _follow_words() -> frozenset[str]:
    return frozenset(w for w in words("speech_verbs.txt") if len(w) == 2)


def _names_list(doc: Doc, idx: TokenIndex, i: int) -> list[tuple[int, int]]:
    """Names separated by 、 (or spaces) starting at ``i``."""
    text = doc.text
    out = []
    while True:
        j = i
        while j < len(text) and text[j] == " ":
            j += 1
        e = name_at(doc, idx, j)
        if e is None:
            break
        out.append((j, e))
        if e < len(text) and text[e] in "、 " and e + 1 < len(text):
            i = e + 1
            continue
        break
    return out


def _title_phrase(doc: Doc, end: int, mentions_by_end: dict[int, Candidate]) -> list[Title]:
    """The roles (with their bodies) of a title phrase that ends at ``end``; [] when none."""
    text = doc.text
    found: list[Title] = []
    pos = end
    while pos > 0:
        m = roles().match_before(text, pos, 8)
        if not m:
            break
        rs = m[0]
        # prefer the longest role that is not swallowing a body's core (市委书记 → 市委 + 书记)
        org = None
        for k in range(rs, pos):
            if k in mentions_by_end and roles().get(text[k:pos]):
                org, rs = mentions_by_end[k], k
                break
        if org is None and rs in mentions_by_end:
            org = mentions_by_end[rs]
        inner_former = org is None and text[rs - 1:rs] == "原" and rs - 1 in mentions_by_end
        if inner_former:      # 某县政协原副主席: 原 between the body and the title
            org = mentions_by_end[rs - 1]
        role = text[rs:pos]
        start = org.start if org else rs
        former = inner_former or text[max(0, start - 1):start] == "原"
        found.append(Title(role, org, start, former))
        pos = start - (1 if former else 0)
        if pos > 0 and text[pos - 1] in "、兼":      # 党组书记、主任; 董事长兼总经理
            pos -= 1
            continue
        break
    found.reverse()
    # a role with no body of its own shares the body of the role before it (党组书记、副主席)
    for a, b in zip(found, found[1:]):
        if b.org is None and a.org is not None and not roles_imply_body(b.role):
            b.org = a.org
    return found


def government_body(role: str, place: Candidate | None) -> str | None:
    """芮城县 + 副县长 → 芮城县人民政府: a government title right after its place names the government."""
    if place is None or place.type != "Place":
        return None
    role = role.removeprefix("代")      # 代县长: acting, of the same government
    level_of_place = place.attrs.get("level")
    for r, level, body in rows("government_roles.txt"):
        if r == role and (level_of_place in (("province",) if level == "province" else
                                             ("city",) if level == "home" else
                                             ("county", "city") if level == "county" else ("town",))
                          or level == "home" and level_of_place == "county" and place.label.endswith("市")):
            return body.replace("X", place.label)      # 和龙市市长: a county-level city has a 市长 too
    return None


def roles_imply_body(role: str) -> bool:
    """市长, 县长 … name their own body (the people's government)."""
    role = role.removeprefix("代")
    return role in keys("government_roles.txt") or role in keys("leader_roles.txt")


def find_persons(doc: Doc, idx: TokenIndex, mentions: list[Candidate]) -> list[PersonHit]:
    """People in ``doc``; ``mentions`` are the bodies already found (for titles)."""
    text = doc.text
    by_end = {m.end: m for m in mentions if m.type in ("Agency", "Organization")}
    for m in mentions:        # 太原市|副市长: a place right before a title is the seat of its body
        if m.type == "Place" and m.end not in by_end:
            by_end[m.end] = m
    hits: dict[tuple[int, int], PersonHit] = {}

    def add(s: int, e: int, rule: str, titles: list[Title] | None = None, reporter: bool = False) -> None:
        key = (s, e)
        hit = hits.get(key)
        if hit is None:
            name = text[s:e].replace(" ", "")
            hit = hits[key] = PersonHit(Candidate(s, e, "Person", name, {name}, {}, rule, weight=2))
        if titles:
            hit.titles.extend(titles)
        hit.reporter = hit.reporter or reporter

    # 1. title + name(s)
    for rs, re_, role, _ in roles().finditer(text):
        names = _names_list(doc, idx, re_)
        if not names or names[0][0] - re_ > 1:
            continue
        titles = _title_phrase(doc, re_, by_end)
        for s, e in names:
            add(s, e, "title", titles)
    # 2. bylines
    for m in _BYLINE.finditer(text):
        i = m.end()
        while True:
            while i < len(text) and text[i] in " 、":
                i += 1
            e = name_at(doc, idx, i, strict=False)
            spaced = _SPACED_NAME.match(text, i) if e is None else None
            if spaced:            # 记者 马 丽: a two-character name written with a space
                e = spaced.end()
            elif e is None or (e < len(text) and "\u4e00" <= text[e] <= "\u9fff" and not _BYLINE.match(text, e)
                               and text[e] != "摄" and not text.startswith("报道", e)):
                break
            add(i, e, "byline", reporter=True)
            i = e
            if _BYLINE.match(text, i):
                i = _BYLINE.match(text, i).end()
    for rule, pattern in (("photo", _PHOTO), ("signature", _SIGNATURE)):   # 某某 某某 摄 / （某某、某某）
        for m in pattern.finditer(text):
            for n in re.finditer(r"[\u4e00-\u9fff]{2,3}", m.group(1)):
                s, e = m.start(1) + n.start(), m.start(1) + n.end()
                if name_at(doc, idx, s, strict=False) == e:
                    add(s, e, rule, reporter=True)
    # 3. context words before (村民王某), speech verbs after (王某说)
    starts: set[int] = {e for _, e, _, _ in _context_words().find_all(text)}
    for vs, _, _, _ in _speech_verbs().find_all(text):
        starts.update(vs - n for n in (2, 3, 4) if vs - n >= 0)
    for i in sorted(starts):
        if i >= len(text) or any(s <= i < e for s, e in hits):
            continue
        e = name_at(doc, idx, i)
        if e is None:
            continue
        tok = idx.covering(i)
        at_boundary = tok is not None and idx.tokens[tok][0] == i
        before = _context_words().match_before(text, i, 4) is not None
        after = _speech_verbs().match_at(text, e) is not None
        tag = word_tags().get(text[i:e])
        if at_boundary and (before or after and (tag is None or tag.startswith("nr"))) and not _verb_given(idx, i, e):
            add(i, e, "context")
    # 3b. honorifics and titles after the name (田某先生, 习某某总书记)
    for m in re.finditer(_POSTFIX, text):
        e = m.start()
        for n in (3, 2, 4):
            i = e - n
            if i >= 0 and e in name_ends(text, i) \
                    and (i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" or idx.ending_at(i) is not None):
                add(i, e, "postfix", [Title(m.group(0), None, e)] if m.group(0) in ("总书记", "总理", "委员长") else None)
                break
    # 3c. people jieba's dictionary knows by name (its nrfg entries: 习近平, 余秋雨 …)
    for s, e, w in idx.tokens:
        if len(w) == 3 and word_tags().get(w) == "nrfg" and w[0] in surnames() and w[-1] not in "说等" \
                and not any(a <= s < b for a, b in hits):
            add(s, e, "dictionary")
    # 3d. names a notice keeps anonymous (张某, 王某某): a surname and 某 at a word start
    for m in re.finditer(r"某某?(?![些种个项地处样人单])", text):
        for sl in (2, 1):
            i = m.start() - sl
            if i >= 0 and text[i:m.start()] in surnames() \
                    and (i in idx.start_set or not "\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in "对从在向把被将给与和及由") \
                    and not any(a <= i < b for a, b in hits):
                add(i, m.end(), "anonymized")
                break
    # 4. every other occurrence of a name found above
    known = {text[s:e] for s, e in hits}
    for name in sorted(known, key=len, reverse=True):
        word = is_common_word(name) and not word_tags().get(name, "").startswith("nr")
        for m in re.finditer(re.escape(name), text):
            if not any(s < m.end() and m.start() < e for s, e in hits) \
                    and (not word or _PERSON_FOLLOW.match(text, m.end()) or _speech_verbs().match_at(text, m.end())):
                add(m.start(), m.end(), "repeat")     # a name that is also a word (温暖) only where a person acts
    return [hits[k] for k in sorted(hits)]


@rule("person.all", stage="person", produces=("Person",), requires=("tokens", "bodies"), assigns=("hits",))
def _persons(w) -> None:
    """Person candidates (coarse, to be split)."""
    w.hits = find_persons(w.doc, w.index, w.bodies)
