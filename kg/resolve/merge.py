"""Merging entities across articles into graph nodes."""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Doc, Fact, Graph, Node, fact_id
from .events import graph_events
from .namesakes import qualifiers


def node_key(type: str, label: str, qualifier: str | None = None) -> str:
    """The stable key of an entity: its type and canonical label (plus a qualifier for namesakes).

    >>> node_key("Person", "刘星"), node_key("Person", "刘星", "太原市")
    ('person/刘星', 'person/刘星@太原市')
    """
    key = f"{type.lower()}/{label}"
    return f"{key}@{qualifier}" if qualifier else key


def placeless(doc: Doc, label: str) -> bool:
    """A body named by a bare level word (市委, 县政府) whose place the article did not settle: it is
    that article's own and never merged with another article's.

    >>> from kg.model import Article, Body
    >>> d = Doc(Article("a", "")); d.bodies["市委"] = Body(core="委员会")
    >>> placeless(d, "市委"), placeless(d, "中共晋中市委员会")
    (True, False)
    """
    body = doc.bodies.get(label)
    return body is not None and body.jurisdiction is None and label[:1] in "省市县区州盟旗镇乡村"


def resolve(docs: Iterable[Doc]) -> Graph:
    """Merge the entities of ``docs`` into nodes and turn their relations into facts.

    Same type and canonical label → one node, except persons, which namesakes.py merges only on evidence
    (the reason is kept in the node's ``resolution`` attribute), and bodies named by a bare level word whose
    place is unknown, which stay their article's own.
    """
    docs = list(docs)
    qual, why = qualifiers(docs)
    g = Graph()
    for doc in docs:
        g.articles[doc.article.id] = doc.article
        g.docs[doc.article.id] = doc
        label2key: dict[str, str] = {}
        for (etype, label), ent in sorted(doc.entities.items()):
            q = qual.get((doc.article.id, label)) if etype == "Person" else \
                doc.article.id if etype == "Agency" and placeless(doc, label) else None
            key = node_key(etype, label, q)
            node = g.nodes.get(key)
            if node is None:
                node = g.nodes[key] = Node(key, etype, label)
            if etype == "Person" and (doc.article.id, label) in why:
                said = node.attrs.get("resolution", "")
                if why[doc.article.id, label] not in said:
                    node.attrs["resolution"] = f"{said}; {why[doc.article.id, label]}" if said else why[doc.article.id, label]
            node.aliases.update(ent.aliases)
            for k, v in sorted(ent.attrs.items()):
                node.attrs.setdefault(k, v)
            node.articles.add(doc.article.id)
            label2key.setdefault(label, key)
        g.events += graph_events(doc, label2key)
        for r in doc.relations:
            s = label2key.get(r.s)
            if s is None:
                continue
            o = r.o if r.p == "reported" else label2key.get(r.o or "")
            if o is None and r.p != "holdsPosition":
                continue
            sent = r.sentence
            g.facts.append(Fact(
                s=s, p=r.p, o=o, article=doc.article.id, role=r.role,
                org=label2key.get(r.org) if r.org else None, former=r.former, start=r.start,
                end=r.end, date=r.date or doc.date, confidence=r.confidence, rule=r.rule,
                evidence=sent.text if sent else None,
                evidence_start=sent.start if sent else None, evidence_end=sent.end if sent else None,
                context=tuple((c.text, c.start, c.end) for c in r.context),
                id=fact_id(doc.article.id, r.s, r.p, r.o, r.role, r.org)))
    return g
