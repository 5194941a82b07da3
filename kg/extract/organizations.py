"""Organisations and projects: a known ending (有限公司, 大学, 项目 …) and the name words before it."""
from __future__ import annotations

import re
from functools import cache

from ..model import Doc
from .gazetteer import Gazetteer
from .lexicon import words
from .names import TokenIndex, expand_left, name_like
from .places import generic_word
from .spans import Candidate
from .tokenize import is_common_word, word_tags

_LEAD_STOP = set("的在了和与及等是为对到从向把被将于给以由其该本这那此各每全我你他她们也都就又还已并而但让使、，。：；")
_NOT_PROJECT = re.compile(r"(?:行动|战略|工程师|专项|攻坚|大会|会议|活动|政策|民生工程|系统工程|千万工程|重点项目|重大项目|该项目|此项目|这个项目|项目建设|好项目|大项目|新项目|一批项目|签约项目|招商项目)$")
_LEVEL_PREFIX = {"市": "home", "省": "province"}


@cache
def org_suffixes() -> Gazetteer[str]:
    return Gazetteer({w: "Organization" for w in words("org_suffixes.txt")})


@cache
def project_suffixes() -> Gazetteer[str]:
    return Gazetteer({w: "Project" for w in words("project_suffixes.txt")})


def _sentence_start(doc: Doc, pos: int) -> int:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.start
    return 0


def _named(doc: Doc, idx: TokenIndex, gaz: Gazetteer[str], etype: str, max_chars: int, max_tokens: int,
           places: list[Candidate]) -> list[Candidate]:
    text = doc.text
    place_at = {p.start: p for p in places}
    out = []
    for s, e, suffix, _ in gaz.finditer(text):
        if e not in idx.end_set and e < len(text) and "\u4e00" <= text[e] <= "\u9fff":
            t = idx.covering(e - 1)
            if t is None or idx.tokens[t][1] != e and word_tags().get(idx.tokens[t][2]) is not None:
                continue
        t = idx.covering(s)
        head = s
        if t is not None and idx.tokens[t][0] < s:
            head = idx.tokens[t][0]
            if not name_like(text[head:s]) and not name_like(idx.tokens[t][2]):
                continue
        start = expand_left(doc, idx, head, floor=_sentence_start(doc, s), max_chars=max_chars, max_tokens=max_tokens)
        while start < s and text[start] in _LEAD_STOP:
            start += 1
        # a chain of places before a name keeps only the nearest one (左权县石匣乡马厰村… → 马厰村…)
        while start in place_at and place_at[start].end in place_at and place_at[start].end < s:
            start = place_at[start].end
        name = text[start:e]
        prefix = text[start:s]
        if len(prefix) < 2 or generic_word(prefix) and len(prefix) <= 2 or is_common_word(name) and len(name) <= 3:
            continue
        if etype == "Project" and _NOT_PROJECT.search(name):
            continue
        label = name
        level = _LEVEL_PREFIX.get(text[start]) if text[start] in _LEVEL_PREFIX and start in idx.start_set else None
        if level and (t0 := idx.covering(start)) is not None and idx.tokens[t0][2] == text[start]:
            place = doc.home if level == "home" else doc.province
            if place:
                label = place + name[1:]
        out.append(Candidate(start, e, etype, label, {name}, {}, f"suffix:{suffix}"))
    return out


def find_organizations(doc: Doc, idx: TokenIndex, places: list[Candidate]) -> list[Candidate]:
    """Organisation candidates (companies, schools, hospitals, museums, parks …)."""
    return _named(doc, idx, org_suffixes(), "Organization", 16, 6, places)


def find_projects(doc: Doc, idx: TokenIndex, places: list[Candidate]) -> list[Candidate]:
    """Project candidates (…项目, …工程, …电站)."""
    cands = _named(doc, idx, project_suffixes(), "Project", 24, 9, places)
    for m in re.finditer(r"“([^”]{2,30})”(项目|工程)", doc.text):
        name = m.group(1) + m.group(2)
        cands.append(Candidate(m.start(), m.end(), "Project", name, {name, m.group(1), m.group(0)}, {}, "quoted", weight=1))
    return cands
