"""Résumé entries and the posts they list, read the way a résumé chains them.

An entry opens with a date or a span of dates at the start of a line or after ；/。 and runs to the
next entry (or the end of its line or sentence)::

    2008年3月  东山县委副书记，县政府代县长
    1990年7月起任甲市财政局副局长
    2015.03—2018.06 东山县委副书记兼政法委书记；2018.06—至今 甲市副市长
    2011年至2014年，先后任乙县县长、县委书记

The posts of an entry are split at 、，；兼; a post written without a body belongs to the body before it
(县委副书记、县长 … 兼政法委书记 → the same county's), and a unit written alone (城南分行, 选煤二厂,
组织部) belongs to the body the entry named before it (甲银行行长助理兼城南分行行长 → 甲银行城南分行).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..divisions import divisions
from ..model import Doc
from .lexicon import alternation, rows, words
from .spans import Candidate
from .relations.common import body_info
from .titles import government_body, roles, roles_imply_body, seat

# Fullwidth digits and marks read as their ASCII forms (one character for one: offsets are kept).
WIDE = str.maketrans("０１２３４５６７８９．－～／", "0123456789.-~/")

_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:0?[1-9]|1[0-2])(?!\d)"
_DATE = (r"(?P<Y>" + _YEAR + r")(?:\s*(?:年|[./-])\s*(?P<M>" + _MONTH + r")\s*月?(?:\s*\d{1,2}\s*日)?|\s*年)?")
_HEAD = re.compile(
    r"(?:^|(?<=[；;。\n]))[ \t\u3000]*" + _DATE.replace("<Y>", "<y1>").replace("<M>", "<m1>")
    + r"(?:\s*(?:[-—–~―─]+|至|到)\s*(?:" + _DATE.replace("<Y>", "<y2>").replace("<M>", "<m2>") + r"|(?P<now>至今|今|现在))?)?"
    + r"\s*(?:起|以来|后|至今)?\s*[，,：:]?\s*", re.M)
LINE_END = re.compile(r"[。；;\n]")       # where a résumé entry or a dated sentence ends
_PAREN = re.compile(r"[（(][^）)]*[）)]")
_SPLIT = re.compile(r"[、，,；;]|兼任?")


def _verbs(kind: str) -> list[str]:
    return [w for w, k in rows("career_words.tsv") if k == kind]


_LEAD = re.compile(r"(?:" + alternation(_verbs("list") + _verbs("now") + _verbs("year") + _verbs("appoint") + _verbs("remove")
                                         + ["先后", "起", "又", "并", "其", "为"]) + r")*")


@dataclass
class Entry:
    """One dated résumé entry: the text of its posts and the dates around them."""
    start: int            # where the date is written
    body: int             # where its posts start
    end: int              # where it ends
    since: str | None     # 2008 or 2008-03
    until: str | None     # None when open (至今) or not written
    closed: bool          # an end date (or 至今) was written
    removal: bool         # 免去…职务: the posts are left


def _date(m: re.Match, y: str, mo: str) -> str | None:
    if not m.group(y):
        return None
    return m.group(y) + (f"-{int(m.group(mo)):02d}" if m.group(mo) else "")


def entries(text: str) -> list[Entry]:
    """The dated résumé entries of ``text``, in order.

    >>> [(e.since, e.until) for e in entries("2008.03—2012.06 甲县县长；2012.06— 乙市副市长")]
    [('2008-03', '2012-06'), ('2012-06', None)]
    """
    wide = text.translate(WIDE)
    heads = [m for m in _HEAD.finditer(wide) if m.end() < len(wide) and "\u4e00" <= wide[m.end()] <= "\u9fff"
             or m.end() < len(wide) and wide[m.end()] in "（("]
    out = []
    for i, m in enumerate(heads):
        stop = LINE_END.search(wide, m.end())
        end = stop.start() if stop else len(wide)
        if i + 1 < len(heads):
            end = min(end, heads[i + 1].start())
        removal = any(wide.startswith(v, m.end()) for v in _verbs("remove"))
        out.append(Entry(m.start(), m.end(), end, _date(m, "y1", "m1"), _date(m, "y2", "m2"),
                         bool(m.group("y2") or m.group("now")), removal))
    return out


def blocks(found: list[Entry], text: str) -> Iterator[list[Entry]]:
    """Runs of entries with nothing but spaces and punctuation between them."""
    run: list[Entry] = []
    for e in found:
        if run and text[run[-1].end:e.start].strip(" \t\u3000\n；;。，,") != "":
            yield run
            run = []
        run.append(e)
    if run:
        yield run


@cache
def _unit_end() -> re.Pattern:
    """A unit that may be written without the body above it (分行, 事业部, 组织部, 政法委)."""
    return re.compile(alternation(list(words("unit_words.txt"))) + "$")


_LEGAL = re.compile(r"(?:公司|集团|银行|大学|学院|医院|研究院|人民政府|委员会|局|厅|署|电视台|广播电台)$")
_LEVELS = "省市县区州旗盟镇乡村"
_AGENCY_END = re.compile(r"(?:人民政府|委员会)$")
_GENERIC = frozenset(("公司", "集团", "银行", "大学", "学院", "医院", "委员会", "人民政府"))
_PARTY_ORGANS = ("党工委", "党总支", "党支部", "党委", "党组")
_GOVERNED = re.compile(r"中共(.+?[省市县区旗镇乡村])委员会|(.+?[省市县区旗镇乡村])人民政府")


def is_unit(name: str) -> bool:
    """Is ``name`` a unit written without the body above it (城南分行, 选煤二厂; not 东山县财政局, 甲公司)?

    >>> is_unit("城南分行"), is_unit("组织部"), is_unit("东山县委组织部"), is_unit("乙油田有限责任公司")
    (True, True, False, False)
    """
    if not _unit_end().search(name) or _LEGAL.search(name):
        return False
    return not any(name[k - 1] in _LEVELS and divisions().lookup(name[:k]) for k in range(len(name), 1, -1))


_ORGANS = re.compile(r"(?:部|委|办|办公室|局|处|科|室|股|队)$")


def _unit_type(parent: str | None, unit: str) -> str:
    """An agency's organ (组织部, 办公室, 处) is an agency; any other unit (厂, 分行, 事业部) an organisation."""
    return "Agency" if parent == "Agency" and _ORGANS.search(unit) else "Organization"


@dataclass
class Post:
    """One post of an entry: the role, its body's (type, label), where it is written."""
    role: str
    org_type: str | None
    org: str | None
    pos: int


class Chain:
    """The posts of résumé text, each with the body the chain gives it (see the module's docstring)."""

    def __init__(self, doc: Doc, by_end: dict[int, Candidate], places_by_end: dict[int, Candidate]):
        self.doc, self.text, self.by_end, self.places_by_end = doc, doc.text, by_end, places_by_end
        self.starts = {c.start: c for c in by_end.values()}
        self.root: tuple[str | None, str | None] = (None, None)   # the last body written in full
        self.last: tuple[str | None, str | None] = (None, None)   # the body of the post before

    def posts(self, a: int, b: int) -> list[Post]:
        """The posts written in ``text[a:b]`` (a parenthesis is skipped)."""
        self.root = self.last = (None, None)
        masked = _PAREN.sub(lambda m: " " * len(m.group(0)), self.text[a:b])
        out, pos = [], a
        for sep in [*_SPLIT.finditer(masked), None]:
            stop = a + sep.start() if sep else b
            post = self.post(pos, stop)
            if post:
                out.append(post)
            pos = a + sep.end() if sep else b
        return out

    def post(self, a: int, b: int) -> Post | None:
        """The post written in ``text[a:b]``: a title at its end, its body (if any) before it."""
        text = self.text
        while b > a and not "\u4e00" <= text[b - 1] <= "\u9fff":
            b -= 1
        if text[a:b].endswith("职务"):
            b -= 2
        lead = _LEAD.match(text, a, b)
        a = lead.end() if lead else a
        m = roles().match_before(text, b, 8)
        if not m or m[0] < a:
            return None
        rs = m[0]
        a = max(a, text.rfind("的", a, rs) + 1)        # 东山县的县委书记: the body is written after 的
        for k in range(a, b):             # a body that ends where a shorter title starts (甘亭镇党委|书记)
            if k in self.by_end and self.by_end[k].start >= a and roles().get(text[k:b]):
                rs = k
                break
        rs = self._party_organ(a, rs, b)
        role = text[rs:b]
        self.last = self._org(a, rs, role)
        organ = next((o for o in _PARTY_ORGANS[:4] if role.startswith(o) and roles().get(role[len(o):])), None)
        if organ and (self.last[1] or "").startswith("中共"):
            role = role[len(organ):]          # 某镇党委委员: 委员 of 中共某镇委员会
        return Post(role, *self.last, a)

    def _party_organ(self, a: int, rs: int, b: int) -> int:
        """Where the role starts once a company's party organ joins it (某公司党委|副书记 → 党委副书记 of the
        company); a place's party committee is a body of its own (某乡党委|书记 → 中共某乡委员会)."""
        text, m = self.text, self.by_end.get(rs)
        if m is not None and (m.label.startswith("中共") or m.type == "Place"):
            return rs
        for mod in _PARTY_ORGANS:
            k = rs - len(mod)
            if k > a and text.startswith(mod, k) and roles().get(mod + text[rs:b]) and k not in self.places_by_end:
                return k
        return rs

    def _org(self, a: int, rs: int, role: str) -> tuple[str | None, str | None]:
        """The body of a post whose title starts at ``rs`` and whose body is written in ``text[a:rs]``."""
        written = self.text[a:rs]
        if not written:                   # 县委副书记、县长: the body before, or the government of its place
            gov = roles_imply_body(role) and self._government(role)
            place = self._chain_place()
            if not gov and place and role.startswith(_PARTY_ORGANS[:4]) and not self.last[1].startswith("中共"):
                gov = f"中共{place}委员会"     # 某镇镇长、党委委员: the town's party committee
            return ("Agency", gov) if gov else self.last
        found = self._mentioned(a, rs, role, written)
        if found is not None:
            self.root = found
            return found
        if not _unit_end().search(written):
            if _LEGAL.search(written) and written not in _GENERIC:    # a full name the entity rules missed
                self.root = ("Agency" if _AGENCY_END.search(written) else "Organization", written)
                return self.root
            return None, None
        return self._unit(a, rs, written)

    def _mentioned(self, a: int, rs: int, role: str, written: str) -> tuple[str, str] | None:
        """The body a mention written right before the title names (乙市财政局|局长; 东山县|副县长)."""
        m = self.by_end.get(rs)
        if (m is None or m.label == written) and written[0] in _LEVELS and len(written) <= 8:
            short = self._level_body(written)           # 市人民政府 after 某市委副书记: that city's
            if short:
                return short
        if m is not None and self._after_places(a, m.start) \
                and not (m.label == written and is_unit(written) and self.root[1]):   # 某县|某乡党委|书记
            whole = _LEGAL.search(written) and m.label != written and m.label.endswith(written)
            return (m.type, written if whole else m.label)     # not a longer name the entity rules ran on to
        place = self.places_by_end.get(rs)
        gov = government_body(role, seat(place)) if place is not None and self._after_places(a, place.start) else None
        return ("Agency", gov) if gov else None

    def _after_places(self, a: int, start: int) -> bool:
        """Is ``text[a:start]`` empty or a run of places (某市|某镇)?"""
        while start > a:
            p = self.places_by_end.get(start)
            if p is None or p.start < a:
                return False
            start = p.start
        return start == a

    def _chain_place(self) -> str | None:
        """The place the chain's last body governs."""
        label = self.last[1] or self.root[1]
        if not label:
            return None
        named = _GOVERNED.fullmatch(label)
        return body_info(self.doc, label).jurisdiction or (named and (named.group(1) or named.group(2)))

    def _level_body(self, written: str) -> tuple[str, str] | None:
        """A body written with a bare level word (市委, 县政府, 区财政局) in the place of the chain at that level."""
        place = self._chain_place()
        if not place or not place.endswith(written[0]):
            return None
        rest = written[1:]
        if rest == "委":
            return "Agency", f"中共{place}委员会"
        if rest in ("政府", "人民政府"):
            return "Agency", f"{place}人民政府"
        return ("Agency", place + rest) if _unit_end().search(rest) or _LEGAL.search(rest) else None

    def _unit(self, a: int, rs: int, written: str) -> tuple[str | None, str | None]:
        """A unit: of the body that opens it (乙管理局|选煤二厂), else of the body the entry named before."""
        head = self.starts.get(a)
        rest = written[head.end - a:] if head is not None and head.end < rs else ""
        if head is not None and rest and is_unit(rest):
            self.root = (_unit_type(head.type, rest), head.label + rest)
        elif self.root[1] and is_unit(written):
            return _unit_type(self.root[0], written), self.root[1] + written        # (甲银行…兼)城南分行
        else:
            self.root = ("Organization", written)
        return self.root

    def _government(self, role: str) -> str | None:
        """The government of the place the body before governs (某省委副书记，省长 → 某省人民政府)."""
        place = self._chain_place()
        if not place:
            return None
        return government_body(role, lambda level: place if place.endswith(level) else None)
