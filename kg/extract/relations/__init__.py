"""Relations between the entities of one article, each with its evidence sentence, date, rule and confidence.

One module per family of predicates:

- ``positions``: holdsPosition (from the parsed title phrases) and reported (bylines);
- ``containment``: jurisdiction, partOf and locatedIn (names, division data, the text);
- ``events``: inspected, attended, investigatedBy (trigger words, ``data/relation_verbs.tsv``);
- ``ventures``: undertakes and partnerOf.
"""
from __future__ import annotations

from ...model import Doc, Relation
from ..persons import PersonHit
from ..spans import Candidate
from .common import Sentences, body_info, fact_date
from .containment import home_entities, jurisdiction, located, part_of
from .events import events
from .positions import positions, reported
from .ventures import ventures

__all__ = ["find_relations", "fact_date", "body_info"]


def find_relations(doc: Doc) -> Doc:
    """Component: fill ``doc.relations``."""
    mentions: list[Candidate] = doc.user_data.get("candidates", [])
    sents = Sentences(doc, mentions)
    hits: list[PersonHit] = doc.user_data.get("person_hits", [])

    def rel(s: str, p: str, o: str | None, pos: int | None, rule: str, conf: float, **kw) -> None:
        sent = sents.at(pos) if pos is not None else None
        doc.add_relation(Relation(s=s, p=p, o=o, rule=rule, confidence=conf, sentence=sent,
                                  date=fact_date(doc, sent, pos), **kw))

    home_entities(doc)
    positions(doc, hits, rel)
    reported(doc, hits, rel)
    jurisdiction(doc, mentions, rel)
    part_of(doc, mentions, sents, rel)
    events(doc, mentions, sents, rel)
    located(doc, mentions, sents, rel)
    ventures(doc, mentions, sents, rel)
    return doc
