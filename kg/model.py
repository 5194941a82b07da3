"""The objects that flow through the pipeline.

read → ``Article``; extract → ``Doc`` (one per article, with its own entity
labels, as in the contract of the evaluation guide); resolve → ``Graph``
(entities merged across articles, each with a stable key); rdf/export/view
all read a ``Graph``.
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("Person", "Agency", "Organization", "Project", "Place")
PREDICATES = ("holdsPosition", "inspected", "attended", "investigatedBy", "partOf",
              "jurisdiction", "locatedIn", "undertakes", "partnerOf", "reported")


@dataclass
class Article:
    """One article as read from a source file."""
    id: str                      # file name (``000_x.txt``) or the JSONL ``id``
    text: str
    title: str | None = None
    date: str | None = None      # ISO date from metadata, if any
    source: str | None = None    # the file it came from
    home: str | None = None      # home city given by the user or the JSONL line


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned article text, with character offsets into it."""
    start: int
    end: int
    text: str
    story: int = 0               # index of the story (heading + body) it belongs to


@dataclass
class Mention:
    """A span of the cleaned text recognised as an entity of ``type``."""
    start: int
    end: int
    text: str
    type: str
    label: str                   # canonical name this surface form resolves to
    rule: str = ""


@dataclass
class Entity:
    """An entity as one article knows it: canonical label plus the surface forms used."""
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, Any] = field(default_factory=dict)
    rule: str = ""               # the rule that first made it (a registered rule name, see ``kg rules``)


@dataclass
class Relation:
    """A fact between entity labels of one article, with its evidence sentence."""
    s: str
    p: str
    o: str | None = None
    role: str | None = None
    org: str | None = None
    former: bool = False
    start: str | None = None     # tenure start year (careers)
    end: str | None = None
    date: str | None = None      # ISO date of the fact
    confidence: float = 0.8
    rule: str = ""
    sentence: Sentence | None = None
    context: tuple[Sentence, ...] = ()   # the other sentences of the frame it came from (an event named before)

    def key(self) -> tuple:
        """Identity of the fact inside one article (used to drop duplicates)."""
        return (self.s, self.p, self.o, self.role, self.org)


@dataclass
class EventRecord:
    """An event one article names (a meeting, a ceremony, a forum): its name, date, and the entity labels of its
    venue, hosts and participants, with the sentences that say so (the one that announces it first)."""
    name: str
    date: str | None = None
    venue: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    rule: str = ""

    def to_json(self) -> dict[str, Any]:
        """The event as the JSON output gives it (evidence: each sentence with its offsets)."""
        return {"name": self.name, "date": self.date, "venue": self.venue, "hosts": self.hosts,
                "participants": self.participants, "rule": self.rule,
                "evidence": [{"text": s.text, "start": s.start, "end": s.end} for s in self.sentences]}


@dataclass
class Body:
    """What extraction learnt of an agency that later stages need: the place it governs and its name core."""
    jurisdiction: str | None = None      # 青石市 for 中共青石市委员会
    core: str | None = None              # the kind of body: 人民政府, 纪委监委, 商务局 …
    parent: str | None = None            # the division the jurisdiction lies in, when known


@dataclass(frozen=True)
class SourceContext:
    """Where an article was published: the place, its level, its parent chain (nearest first) and why.

    ``level`` is county, prefecture, province, municipality, autonomous-region, autonomous-prefecture,
    league, national (national media: no home) or unknown (nothing in the text settles it).
    """
    place: str | None
    level: str
    chain: tuple[str, ...] = ()          # the place, then its ancestors: (某县, 某市, 某省)
    evidence: tuple[str, ...] = ()       # what settled it: "given", "我县×3", "本报 = 东山日报" …
    given: bool = False                  # from metadata (--home, the JSONL home)


@dataclass
class Doc:
    """One article as extraction leaves it: cleaned text, sentences, context, mentions, entities, relations.

    Working data of the extraction rules (tokens, candidates, …) lives in ``kg.extract.state.Work``
    and is dropped when extraction ends; what later stages read is here.
    """
    article: Article
    text: str = ""                       # cleaned text
    sentences: list[Sentence] = field(default_factory=list)
    stories: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, heading)
    home: str | None = None              # the publishing place at its own level (青石市, 某县, 上海市); None if unknown
    province: str | None = None          # the province of the home, else of the region the text is about
    locale: str | None = None            # the city the text is most about (to choose among namesake places only)
    source: SourceContext | None = None  # the home's level, its parent chain and the evidence for it
    date: str | None = None              # article date (metadata or latest full date in text)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)  # (type, label)
    relations: list[Relation] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)  # agency label → what resolve and the rules need of it
    events: list[EventRecord] = field(default_factory=list)   # the events it names, as frames
    _relation_keys: dict[tuple, Relation] = field(default_factory=dict, repr=False, compare=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def add_entity(self, type: str, label: str, *aliases: str, rule: str = "", **attrs: Any) -> Entity:
        """Add (or extend) the entity ``(type, label)`` and return it; ``rule`` names the rule that made it."""
        ent = self.entities.get((type, label))
        if ent is None:
            ent = self.entities[(type, label)] = Entity(type, label, rule=rule)
        ent.aliases.update(a for a in aliases if a and a != label)
        for k, v in attrs.items():
            ent.attrs.setdefault(k, v)
        return ent

    def add_relation(self, rel: Relation) -> None:
        """Add ``rel``; when the same fact is already there, fill in the years it lacked."""
        keys = self._relation_keys
        old = keys.get(rel.key())
        if old is None:
            keys[rel.key()] = rel
            self.relations.append(rel)
        else:
            old.start = old.start or rel.start
            old.end = old.end or rel.end

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence that holds character ``pos`` (None between sentences).

        >>> d = Doc(Article("a", ""), text="甲。乙。", sentences=[Sentence(0, 2, "甲。"), Sentence(2, 4, "乙。")])
        >>> d.sentence_at(2).text
        '乙。'
        """
        starts = self._sentence_starts
        if len(starts) != len(self.sentences):
            starts[:] = [x.start for x in self.sentences]
        i = bisect.bisect_right(starts, pos) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i].end else None

    def to_contract(self) -> dict[str, Any]:
        """The per-article JSON object of the evaluation guide's output contract, plus the ``rule`` of each
        entity and relation (a registered rule name; the scorer ignores it)."""
        ents = sorted(self.entities.values(), key=lambda e: (ENTITY_TYPES.index(e.type), e.label))
        rels = []
        for r in sorted(self.relations, key=lambda r: (PREDICATES.index(r.p), r.s, r.o or "", r.role or "", r.org or "")):
            d: dict[str, Any] = {"s": r.s, "p": r.p}
            if r.p == "holdsPosition":
                d["role"] = r.role
                d["org"] = r.org
                if r.former:
                    d["former"] = True
                if r.start:
                    d["start"] = r.start
                if r.end:
                    d["end"] = r.end
            else:
                d["o"] = r.o
            if r.date:
                d["date"] = r.date
            d["confidence"] = round(r.confidence, 2)
            if r.sentence is not None:
                d["evidence"] = r.sentence.text
            if r.context:
                d["context"] = [{"text": c.text, "start": c.start, "end": c.end} for c in r.context]
            d["rule"] = r.rule
            rels.append(d)
        return {
            "article": self.article.id,
            "home": self.home,
            **({"home_context": {"level": self.source.level, "chain": list(self.source.chain),
                                 "evidence": list(self.source.evidence)}} if self.source else {}),
            "date": self.date,
            "entities": [{"type": e.type, "label": e.label, "aliases": sorted(e.aliases),
                          **({"attrs": dict(sorted(e.attrs.items()))} if e.attrs else {}), "rule": e.rule}
                         for e in ents],
            "relations": rels,
            **({"events": [e.to_json() for e in self.events]} if self.events else {}),
        }


@dataclass
class Node:
    """An entity of the whole graph: merged across articles, with a stable key."""
    key: str                     # stable identifier, used for IRIs and node ids
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict[str, Any] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)


@dataclass
class Fact:
    """A relation of the whole graph between node keys, traced to its article."""
    s: str
    p: str
    o: str | None
    article: str
    role: str | None = None
    org: str | None = None       # node key of the post's organisation
    former: bool = False
    start: str | None = None
    end: str | None = None
    date: str | None = None
    confidence: float = 0.8
    rule: str = ""
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    context: tuple[tuple[str, int, int], ...] = ()   # other sentences of its frame: (text, start, end)
    id: str = ""                 # stable: see ``fact_id``
    corrections: list[str] = field(default_factory=list)   # ids of the corrections that made or changed it


def fact_id(article: str, s: str, p: str, o: str | None, role: str | None = None, org: str | None = None) -> str:
    """The id of a fact from what a user sees of it: its article, the names of its subject, object and
    organisation, its predicate and role — no offsets or dates, so an unchanged fact keeps its id across builds.

    >>> fact_id("a.txt", "王建华", "holdsPosition", None, "县长", "东山县人民政府")
    '9066ea808e13b151'
    """
    raw = "\x1f".join("" if x is None else x for x in (article, s, p, o, role, org))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


@dataclass
class GraphEvent:
    """An event of the whole graph: an article's :class:`EventRecord` with node keys for its labels."""
    key: str                     # event/<hash of article, name, first sentence start>
    name: str
    article: str
    date: str | None = None
    venue: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    sentences: list[tuple[str, int, int]] = field(default_factory=list)   # (text, start, end), in text order
    rule: str = ""


@dataclass
class Graph:
    """The resolved knowledge graph: what the RDF, export and view stages read."""
    nodes: dict[str, Node] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    events: list[GraphEvent] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    docs: dict[str, Doc] = field(default_factory=dict)
    rejected: list[Fact] = field(default_factory=list)            # facts a correction rejected (kept, not asserted)
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)  # correction id → kind, who, why, status
