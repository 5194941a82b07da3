"""Rules that read the statistical tagger (``tagger.py``): its spans become candidates only where they agree
with the rules' evidence or fill a gap the rules left, above a threshold on their probability.

A plain union of the tagger's spans costs precision; so a person needs a surname, a body a kind the
lexicons know its type from (Agency, Organization) or a confident span on free text, a place free text.
The rules keep deciding type, canonical name and home context: a tagger span never replaces a rule's
candidate that it cuts across.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .lexicon import alternation, surnames, words
from .registry import rule
from .spans import Candidate
from .tagger import Tagged, tag_article
from .tokenize import is_common_word

if TYPE_CHECKING:
    from .state import Work

# Thresholds on the span's probability (the product of its characters' marginals).
P_PERSON = 0.55          # a surname-led name on free text
P_PERSON_WORD = 0.9      # ... that is also an ordinary word (王建设 is not, 高峰 is)
P_PLACE = 0.8            # a place no place rule found
P_BODY_TYPED = 0.5       # a body whose ending says its type
P_BODY_BARE = 0.85       # a body without a known ending (万通地产)
# A name never runs on into the verb or particle after it.
_TRAILING = re.compile(r"[由在说作和与及的是将对从向为把被]$")


def tagged(w: Work) -> list[Tagged]:
    """The tagger's spans of the article (tagged once, over the sentences and jieba's words)."""
    if w.tagged is None:
        w.tagged = tag_article(w.text, [(s.start, s.end) for s in w.doc.sentences], w.tokens)
    return w.tagged


@cache
def _ends() -> tuple[re.Pattern, re.Pattern]:
    """Endings of agencies and of what only ends like one (``data/agency_kinds.txt``, ``!`` marks the latter)."""
    ws = words("agency_kinds.txt")
    return (re.compile(alternation([x for x in ws if not x.startswith("!")]) + "$"),
            re.compile(alternation([x[1:] for x in ws if x.startswith("!")]) + "$"))


@cache
def _org_end() -> re.Pattern:
    return re.compile(alternation(words("org_suffixes.txt")) + "$")


def body_type(name: str) -> tuple[str, bool]:
    """Agency or Organization by the ending of ``name``, and whether a lexicon knows that ending.

    >>> body_type("美国国防部"), body_type("足球俱乐部"), body_type("某某科技有限公司"), body_type("万通地产")
    (('Agency', True), ('Organization', False), ('Organization', True), ('Organization', False))
    """
    agency, not_agency = _ends()
    a = agency.search(name)
    o = _org_end().search(name)
    if a and not not_agency.search(name) and (not o or len(a.group()) > len(o.group())):
        return "Agency", True
    return "Organization", bool(o)


def _free(w: Work, s: int, e: int, *types: str) -> bool:
    return not any(c.start < e and s < c.end for c in w.candidates if not types or c.type in types)


def _trim(w: Work, t: Tagged) -> tuple[int, int]:
    """The span without a verb or particle the tagger let it swallow."""
    s, e = t.start, t.end
    while e - s > 2 and _TRAILING.search(w.text[s:e]):
        e -= 1
    return s, e


@rule("place.tagger", stage="place", produces=("Place",), requires=("tokens",), assigns=("tagged",))
def place_tagger(w: Work) -> None:
    """Places the tagger is sure of where no place rule found one, not ordinary words (p ≥ 0.8)."""
    for t in tagged(w):
        if t.kind != "Place" or t.prob < P_PLACE:
            continue
        s, e = _trim(w, t)
        name = w.text[s:e]
        if len(name) < 2 or is_common_word(name) and not name.endswith(("省", "市", "县", "区", "州", "国")) \
                or not _free(w, s, e):
            continue
        w.propose(Candidate(s, e, "Place", name, {name}, {}))


@rule("organization.tagger", stage="organization", produces=("Organization", "Agency"),
      requires=("tokens", "Place", "Agency"))
def organization_tagger(w: Work) -> None:
    """Bodies the tagger finds: typed by their ending (Agency, Organization), or confident ones on free text;
    a longer form of a rule's organisation with the same ending (甲地|乙机械有限公司 → 甲地乙机械有限公司)."""
    for t in tagged(w):
        if t.kind != "Organization":
            continue
        s, e = _trim(w, t)
        name = w.text[s:e]
        if len(name) < 2:
            continue
        inside = [c for c in w.candidates if c.start < e and s < c.end]
        if any(c.start < s or c.end > e for c in inside):
            continue                                  # cuts across a rule's span: the rules decide
        if any(c.type in ("Agency", "Organization", "Project") and c.end == e and c.start == s for c in inside):
            continue
        typ, known_end = body_type(name)
        if inside:
            last = max(inside, key=lambda c: c.end)
            if not (known_end and last.end == e and last.type == typ and typ == "Organization" and t.prob >= P_BODY_TYPED):
                continue
        elif t.prob < (P_BODY_TYPED if known_end else P_BODY_BARE):
            continue
        w.propose(Candidate(s, e, typ, name, {name}, {}, weight=1))


def person_spans(w: Work) -> list[tuple[int, int]]:
    """People the tagger proposes that a surname confirms (or a transcribed name with ·)."""
    sur = surnames()
    out = []
    for t in tagged(w):
        if t.kind != "Person" or t.prob < P_PERSON:
            continue
        s, e = _trim(w, t)
        name = w.text[s:e]
        if "·" in name:
            ok = len(name) >= 3
        else:
            ok = 2 <= len(name) <= 4 and (name[0] in sur or name[:2] in sur) \
                and (t.prob >= P_PERSON_WORD or not is_common_word(name))
        if ok:
            out.append((s, e))
    return out


@rule("organization.longest-form", stage="organization", produces=("Organization",), requires=("tokens",))
def longest_form(w: Work) -> None:
    """A body's name found once is the name wherever the article repeats it, whatever jieba cut there
    (甲地乙机械有限公司 five times: each one, not 乙机械有限公司 and a place)."""
    text = w.text
    seen: set[str] = set()
    for c in sorted(w.proposed("Organization"), key=lambda c: c.start - c.end):
        surface = text[c.start:c.end]
        if len(surface) < 4 or surface in seen:
            continue
        seen.add(surface)
        for m in re.finditer(re.escape(surface), text):
            s, e = m.span()
            if s == c.start or any(x.start <= s and e <= x.end and x.type == "Organization" for x in w.candidates):
                continue
            if any(x.start < s < x.end or x.start < e < x.end for x in w.candidates if x.type != "Place"):
                continue                               # would cut across another body or project
            w.propose(Candidate(s, e, "Organization", c.label, set(c.aliases), dict(c.attrs), weight=c.weight))
