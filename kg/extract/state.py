"""What the rules of one article pass on to each other, typed; dropped when extraction ends.

The :class:`~kg.model.Doc` keeps only what later stages read (text, sentences, mentions, entities,
relations, bodies); jieba's words, candidate spans and person hits live here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Doc, Relation
from .names import TokenIndex
from .spans import Candidate

if TYPE_CHECKING:
    from .agency_names import AgencyAnchors
    from .persons import PersonHit
    from .relations.common import Sentences
    from .relations.gatherings import Gathering
    from .relations.visits import EventFrames


@dataclass
class Work:
    """The working state of one article's extraction.

    >>> from kg.model import Article
    >>> w = Work(Doc(Article("a", "")))
    >>> w.rule = "place.example"; _ = w.propose(Candidate(0, 2, "Place", "甲地"))
    >>> [(c.label, c.rule) for c in w.candidates]
    [('甲地', 'place.example')]
    """
    doc: Doc
    rule: str = ""                                   # the rule now running: the tag on what it makes
    home_hint: str | None = None                     # the home the user gave (``--home``)
    tokens: list[tuple[int, int, str]] = field(default_factory=list)   # jieba words with offsets
    division_matches: list[Any] | None = None        # division names in the text (found once)
    candidates: list[Candidate] = field(default_factory=list)   # spans the entity rules propose
    bodies: list[Candidate] = field(default_factory=list)       # non-person spans the selection kept
    hits: list[PersonHit] = field(default_factory=list)         # people found, with their title phrases
    hit_at: dict[tuple[int, int], PersonHit] = field(default_factory=dict)   # the person rules' hits by span
    mentions: list[Candidate] = field(default_factory=list)     # the final spans, in text order
    cooperations: list[Any] | None = None            # joint pieces of work (甲与乙合作的…), found once
    # countries, foreign cities and regions named in the text: (start, end, surface, (kind, country)), found once
    named_place_matches: list[tuple[int, int, str, tuple[str, str | None]]] | None = None
    agency_anchors: AgencyAnchors | None = None      # places and level words agency names start at (found once)
    named: dict[str, list[Any]] = field(default_factory=dict)   # names walked left from an ending, per type (found once)
    event_frames: EventFrames | None = None          # who visited or attended what (relations/visits.py), found once
    gatherings: list[Gathering] | None = None      # events as frames (relations/gatherings.py), found once
    hosted: dict[int, list[str]] | None = None       # the hosts of each event held, by sentence start, found once
    tagged: list[Any] | None = None                  # the statistical tagger's spans (tagger.py), tagged once
    lac: list[Any] | None = None                     # the accurate mode's LAC spans (lac.py), tagged once
    policy: Any = None                               # the selection policy (select.py)
    _index: TokenIndex | None = None
    _sents: Sentences | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def index(self) -> TokenIndex:
        """jieba's words looked up by character offset."""
        if self._index is None or self._index.tokens is not self.tokens:
            self._index = TokenIndex(self.tokens)
        return self._index

    @property
    def sents(self) -> Sentences:
        """The sentences with their mentions and trigger words (for relation rules)."""
        if self._sents is None:
            from .relations.common import Sentences
            self._sents = Sentences(self.doc, self.mentions)
        return self._sents

    def propose(self, c: Candidate) -> Candidate:
        """Add a candidate span, tagged with the running rule."""
        c.rule = self.rule
        self.candidates.append(c)
        return c

    def proposed(self, *types: str) -> list[Candidate]:
        """The candidates proposed so far of the given types."""
        return [c for c in self.candidates if c.type in types]

    def entity(self, type: str, label: str, *aliases: str, **attrs: Any):
        """Add (or extend) an entity, tagged with the running rule when it is new."""
        return self.doc.add_entity(type, label, *aliases, rule=self.rule, **attrs)

    def fact(self, s: str, p: str, o: str | None, pos: int | None, conf: float, **kw: Any) -> None:
        """Record a fact with the sentence at ``pos`` as evidence, dated, tagged with the running rule."""
        from .relations.common import fact_date
        sent = self.doc.sentence_at(pos) if pos is not None else None
        kw.setdefault("date", fact_date(self.doc, sent, pos))
        kw.setdefault("rule", self.rule)
        self.doc.add_relation(Relation(s=s, p=p, o=o, confidence=conf, sentence=sent, **kw))
