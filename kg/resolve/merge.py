"""Merging entities across articles into graph nodes."""
from __future__ import annotations

import sys
from collections.abc import Iterable

from ..model import Doc, Fact, Graph, Node, fact_id
from .events import graph_events
from .namesakes import qualifiers


def node_key(type: str, label: str, qualifier: str | None = None) -> str:
    """The stable key of an entity: its type and canonical label (plus a qualifier for namesakes).

    >>> node_key("Person", "王建华"), node_key("Person", "王建华", "白沙市")
    ('person/王建华', 'person/王建华@白沙市')
    """
    key = f"{type.lower()}/{label}"
    return f"{key}@{qualifier}" if qualifier else key


def placeless(doc: Doc, label: str) -> bool:
    """A body named by a bare level word (市委, 县政府) whose place the article did not settle: it is
    that article's own and never merged with another article's.

    >>> from kg.model import Article, Body
    >>> d = Doc(Article("a", "")); d.bodies["市委"] = Body(core="委员会")
    >>> placeless(d, "市委"), placeless(d, "中共青石市委员会")
    (True, False)
    """
    body = doc.bodies.get(label)
    return body is not None and body.jurisdiction is None and label[:1] in "省市县区州盟旗镇乡村"


def _intern(text: str | None) -> str | None:
    """One copy of a string many facts repeat (rule names, roles, dates, evidence of repeated text)."""
    return sys.intern(text) if text else text


def light_doc(doc: Doc) -> Doc:
    """What the RDF and the view read of a doc besides its entities and relations: the article,
    the home, the date and the first story heading (a stand-in title).

    >>> from kg.model import Article
    >>> d = light_doc(Doc(Article("a", ""), stories=[(0, 3, ""), (3, 9, "标题")], date="2024-01-02"))
    >>> d.stories, d.date
    ([(3, 9, '标题')], '2024-01-02')
    """
    heading = next(((s, e, h) for s, e, h in doc.stories if h and h.strip()), None)
    return Doc(doc.article, stories=[heading] if heading else [], home=doc.home, province=doc.province,
               locale=doc.locale, source=doc.source, date=doc.date)


def resolve(docs: Iterable[Doc]) -> Graph:
    """Merge the entities of ``docs`` into nodes and turn their relations into facts.

    Same type and canonical label → one node, except persons, which namesakes.py merges only on evidence
    (the reason is kept in the node's ``resolution`` attribute), and bodies named by a bare level word whose
    place is unknown, which stay their article's own.
    """
    docs = list(docs)
    return merge(docs, *qualifiers(docs))


def merge(docs: Iterable[Doc], qual: dict[tuple[str, str], str], why: dict[tuple[str, str], str],
          light: bool = False) -> Graph:
    """The graph of ``docs`` (any iterable: read once, in order) given the namesake decisions ``qual`` and
    ``why`` (see ``namesakes.qualifiers``); ``light`` keeps of each doc only what later stages read
    (``light_doc``), so the docs can stream through."""
    g = Graph()
    for doc in docs:
        g.articles[doc.article.id] = doc.article
        g.docs[doc.article.id] = light_doc(doc) if light else doc
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
                s=s, p=r.p, o=o, article=doc.article.id, role=_intern(r.role),
                org=label2key.get(r.org) if r.org else None, former=r.former, start=r.start,
                end=r.end, date=_intern(r.date or doc.date), confidence=r.confidence, rule=_intern(r.rule),
                evidence=_intern(sent.text) if sent else None,
                evidence_start=sent.start if sent else None, evidence_end=sent.end if sent else None,
                context=tuple((c.text, c.start, c.end) for c in r.context),
                id=fact_id(doc.article.id, r.s, r.p, r.o, r.role, r.org)))
    return g
