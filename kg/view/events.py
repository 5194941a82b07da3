"""Events in the view: each event a node of its own, linked to its participants, venue and hosts.

The view draws what the graph's facts link; an event (``Graph.events``) is turned into a node of type
``Event`` and facts of the view's own relations (参加活动 participatedIn, 举办地 heldAt, 主办 hostedBy), each
with the sentences that state the event as evidence.

>>> from kg.model import Graph, GraphEvent, Node
>>> g = Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华"), "place/东山县": Node("place/东山县", "Place", "东山县")},
...           events=[GraphEvent("event/1", "招商推介会", "a1", "2024-05-06", ["place/东山县"], [], ["person/王建华"],
...                              [("招商推介会在东山县举行，王建华出席。", 0, 17)])])
>>> v = with_events(g)
>>> v.nodes["event/1"].type, sorted((f.s, f.p, f.o) for f in v.facts)
('Event', [('event/1', 'heldAt', 'place/东山县'), ('person/王建华', 'participatedIn', 'event/1')])
"""
from __future__ import annotations

import dataclasses

from ..model import Fact, Graph, GraphEvent, Node

EVENT_TYPE = "Event"
EVENT_RELATIONS = ("participatedIn", "heldAt", "hostedBy")


def with_events(graph: Graph) -> Graph:
    """``graph`` plus a node per event and the facts that link it (``graph`` itself when it has no events)."""
    if not graph.events:
        return graph
    nodes, facts = dict(graph.nodes), list(graph.facts)
    for e in graph.events:
        nodes[e.key] = Node(e.key, EVENT_TYPE, e.name, attrs={"date": e.date} if e.date else {}, articles={e.article})
        facts += _event_facts(e, graph)
    return dataclasses.replace(graph, nodes=nodes, facts=facts)


def _event_facts(e: GraphEvent, graph: Graph) -> list[Fact]:
    """The view's facts of one event: its sentences in text order, the last as evidence, the others as context."""
    *before, (text, start, end) = e.sentences or [(None, None, None)]
    kw = dict(article=e.article, date=e.date, rule=e.rule, evidence=text, evidence_start=start, evidence_end=end,
              context=tuple(before))
    out = [Fact(p, "participatedIn", e.key, **kw) for p in e.participants if p in graph.nodes]
    out += [Fact(e.key, "heldAt", v, **kw) for v in e.venue if v in graph.nodes]
    out += [Fact(e.key, "hostedBy", h, **kw) for h in e.hosts if h in graph.nodes]
    return out
