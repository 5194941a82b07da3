"""The accurate mode (``--accurate``): LAC's spans (``lac.py``) as one more candidate source.

Off unless asked for (:data:`ACCURATE_RULES` in ``kg.extract``). Each rule runs the evidence of its
``*.tagger`` counterpart (``tagged.py``, ``persons.py``) on LAC's spans instead of the CRF's: a person needs
a surname, a body an ending that types it or a confident span on free text, a place free text and the
CRF's agreement; a span
that cuts across a rule's span is left to the rules. What they propose goes to the same selection.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from .lexicon import surnames, word_set
from .registry import rule
from .tagger import Tagged

if TYPE_CHECKING:
    from .state import Work


# jieba's tags of the dictionary words that name a body (工行, 央视: abbreviations, bodies, proper nouns).
_BODY_TAGS = ("j", "nt", "nz")
# What closes a list of people or addresses a group (王建华等, 李明们): never the end of a name.
_GROUP_END = "等们"


def lac_spans(w: Work) -> list:
    """LAC's spans of the article's sentences that could be names (tagged once)."""
    if w.lac is None:
        from .lac import lac_sentences
        spans = lac_sentences(w.text, [(s.start, s.end) for s in w.doc.sentences])
        crf = {(t.start, t.end, t.kind): t.prob for t in w.tagged or ()}      # what the *.tagger rules read
        w.lac = [_agreed(x, crf) for x in (_trimmed(w.text, t) for t in spans)
                 if x is not None and (x.kind != "Place" or (x.start, x.end, x.kind) in crf)]
    return w.lac


def _agreed(t: Tagged, crf: dict[tuple[int, int, str], float]) -> Tagged:
    """A span both taggers propose (same span, same kind) with the chance that either is right (noisy-or).

    >>> _agreed(Tagged(0, 3, "Person", 0.5), {(0, 3, "Person"): 0.6}).prob
    0.8
    """
    other = crf.get((t.start, t.end, t.kind))
    return t if other is None else Tagged(t.start, t.end, t.kind, round(1 - (1 - t.prob) * (1 - other), 6))


def _trimmed(text: str, t: Tagged) -> Tagged | None:
    """A span without the group word LAC let a person's name swallow (王建华等 → 王建华); None for what is no name.

    None for a surname with a way of addressing (王先生, 李主任, 陈副…) or letters (杨xx), and for a body that
    is only an ordinary word without an ending that types it (团队, 机关), which LAC tags freely. (A place
    needs the CRF's agreement, same span: :func:`lac_spans`.)

    >>> _trimmed("王建华等人", Tagged(0, 4, "Person", 0.9)).end, _trimmed("机关干部", Tagged(0, 2, "Organization", 0.9))
    (3, None)
    >>> _trimmed("李主任说", Tagged(0, 3, "Person", 0.9)), _trimmed("陈副市长", Tagged(0, 2, "Person", 0.9))
    (None, None)
    """
    from .tagged import body_type
    from .tokenize import is_common_word, word_tags
    e = t.end
    while t.kind == "Person" and e > t.start and text[e - 1] in _GROUP_END:
        e -= 1
    name = text[t.start:e]
    if t.kind == "Organization" and is_common_word(name) and word_tags()[name] not in _BODY_TAGS \
            and not body_type(name)[1]:
        return None
    if t.kind == "Person" and (_addressed(name) or not all("\u4e00" <= c <= "\u9fff" or c in "·•" for c in name)):
        return None
    return Tagged(t.start, e, t.kind, t.prob) if e - t.start >= 2 else None


@cache
def _address_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that address a person after the surname, and their first characters (陈副|市长 cut inside)."""
    ws = word_set("address_words.txt") | word_set("titles.txt") | word_set("title_modifiers.txt")
    return ws, frozenset(x[0] for x in ws)


def _addressed(name: str) -> bool:
    """Is ``name`` a surname with a way of addressing (王先生, 欧阳主任, 陈副)?"""
    ws, firsts = _address_words()
    sur = surnames()
    return any(name[:k] in sur and (name[k:] in ws or len(name) == k + 1 and name[k:] in firsts) for k in (1, 2))


@contextmanager
def _lac_as_tagger(w: Work) -> Iterator[None]:
    """Within the block, the tagger rules' helpers read LAC's spans in place of the CRF's."""
    spans = lac_spans(w)
    saved = w.tagged
    w.tagged = spans
    try:
        yield
    finally:
        w.tagged = saved


def _with_lac(w: Work, tagger_rule: Callable[[Work], None]) -> None:
    with _lac_as_tagger(w):
        tagger_rule(w)


@rule("place.lac", stage="place", produces=("Place",), requires=("tokens", "home", "division_matches"),
      assigns=("lac",))
def place_lac(w: Work) -> None:
    """Places LAC and the CRF both tag (the same span), as ``place.tagger`` takes them (来到梅花洲 → 梅花洲)."""
    from .tagged import place_tagger
    _with_lac(w, place_tagger)


@rule("organization.lac", stage="project", produces=("Organization", "Agency"),
      requires=("tokens", "Place", "Agency", "Organization"))
def organization_lac(w: Work) -> None:
    """Bodies LAC finds, typed by their ending, as ``organization.tagger`` takes them (甲国文化部 → Agency)."""
    from .tagged import organization_tagger
    _with_lac(w, organization_tagger)


@rule("person.lac", stage="person", produces=("Person",), requires=("tokens",), assigns=("hits",))
def person_lac(w: Work) -> None:
    """Names LAC proposes that a surname confirms where no rule found one, as ``person.tagger`` takes them (欧阳春晓).

    Unlike ``person.tagger`` it never moves the end of a name found: that is left to the CRF.
    """
    from .persons import add_hit, repeat_names
    from .tagged import longest_forms, person_spans
    with _lac_as_tagger(w):
        spans = person_spans(w)
    found = set()
    for s, e, _ in longest_forms(w, spans):
        if not any(hs < e and s < he for hs, he in w.hit_at):
            add_hit(w, s, e)
            found.add(w.text[s:e])
    repeat_names(w, found)
