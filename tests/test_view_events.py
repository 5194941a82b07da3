"""Events in the view: a node of their own type and colour, linked to participants, venue and host; a fact from a
frame shows every sentence of it; events survive graph.json and follow corrections."""
from __future__ import annotations

from pathlib import Path

from kg.correct import apply
from kg.correct.file import parse
from kg.model import Article, Fact, Graph, GraphEvent, Node
from kg.view.graphjson import dumps, loads
from kg.view.payload import view_data
from kg.view.style import type_style


def _graph() -> Graph:
    s1, s2 = "东山县招商推介会在东山宾馆举行。", "县长王建华出席推介会并致辞。"
    g = Graph(articles={"a1": Article("a1", "", date="2024-05-06")})
    for key, type_, label in (("person/王建华", "Person", "王建华"), ("organization/东山宾馆", "Organization", "东山宾馆"),
                              ("agency/东山县商务局", "Agency", "东山县商务局")):
        g.nodes[key] = Node(key, type_, label, articles={"a1"})
    g.facts.append(Fact("person/王建华", "attended", "organization/东山宾馆", "a1", evidence=s2, evidence_start=17,
                        evidence_end=31, context=((s1, 0, 16),)))
    g.events.append(GraphEvent("event/e1", "东山县招商推介会", "a1", "2024-05-06", ["organization/东山宾馆"],
                               ["agency/东山县商务局"], ["person/王建华"], [(s1, 0, 16), (s2, 17, 31)]))
    return g


def test_an_event_is_a_node_linked_to_its_people_venue_and_host():
    d = view_data(_graph())
    [ev] = [n for n in d["nodes"] if n["type"] == "Event"]
    assert ev["label"] == "东山县招商推介会" and ev["color"] == type_style("Event")["color"] != type_style("Place")["color"]
    links = {(e["from"], e["p"], e["to"]) for e in d["edges"]}
    assert {("person/王建华", "participatedIn", "event/e1"), ("event/e1", "heldAt", "organization/东山宾馆"),
            ("event/e1", "hostedBy", "agency/东山县商务局")} <= links
    assert "Event" in [t["type"] for t in d["types"]]


def test_a_fact_from_a_frame_shows_all_its_sentences_in_text_order():
    d = view_data(_graph())
    [row] = [f for f in d["facts"] if f["p"] == "attended"]
    assert row["context"] == ["东山县招商推介会在东山宾馆举行。"] and row["evidence"] == "县长王建华出席推介会并致辞。"
    [joined] = [f for f in d["facts"] if f["p"] == "participatedIn"]
    assert joined["context"] + [joined["evidence"]] == ["东山县招商推介会在东山宾馆举行。", "县长王建华出席推介会并致辞。"]


def test_events_and_context_survive_graph_json():
    g = loads(dumps(_graph()))
    assert g.events == _graph().events
    assert [tuple(c) for c in g.facts[0].context] == [("东山县招商推介会在东山宾馆举行。", 0, 16)]
    assert dumps(g) == dumps(_graph())


def test_a_correction_that_merges_a_person_moves_them_in_the_events_too(tmp_path: Path):
    g = _graph()
    g.nodes["person/王建国"] = Node("person/王建国", "Person", "王建国", articles={"a1"})
    g.events[0].participants.append("person/王建国")
    text = 'who = "审校"\n[[merge]]\nentities = ["王建华", "王建国"]\nwhy = "同一人"\n'
    apply(g, parse(text, Path(tmp_path / "corrections.toml")))
    assert g.events[0].participants == ["person/王建华"]
