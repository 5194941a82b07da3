"""An article's events, with the node keys of their venue, hosts and participants."""
from __future__ import annotations

import hashlib

from ..model import Doc, GraphEvent


def graph_events(doc: Doc, label2key: dict[str, str]) -> list[GraphEvent]:
    """The events of ``doc`` as graph events (labels the article does not know are left out)."""
    person_key = {lab: label2key[lab] for t, lab in doc.entities if t == "Person" and lab in label2key
                  and label2key[lab].startswith("person/")}
    out = []
    for e in doc.events:
        first = e.sentences[0].start if e.sentences else 0
        digest = hashlib.sha256(f"{doc.article.id}\x1f{e.name}\x1f{first}".encode("utf-8")).hexdigest()[:16]
        out.append(GraphEvent(
            f"event/{digest}", e.name, doc.article.id, e.date or doc.date,
            [label2key[x] for x in e.venue if x in label2key], [label2key[x] for x in e.hosts if x in label2key],
            [person_key[x] for x in e.participants if x in person_key],
            [(s.text, s.start, s.end) for s in e.sentences], e.rule))
    return out
