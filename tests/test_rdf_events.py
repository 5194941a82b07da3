"""Events in the RDF: each a kg:Event node with name, date, venue, host and participants; a user asks who met where."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from kg.cli import main
from kg.extract import Extractor
from kg.model import Article
from kg.rdf import build_dataset
from kg.resolve import resolve

from .test_query_readme import readme_queries

KG = "https://kg.example.org/ontology#"


def test_readme_query_says_who_met_at_which_event(out: Path, capsys):
    query = next(q for q in readme_queries() if "kg:Event" in q)
    assert main(["query", query, "--out", str(out), "--format", "csv"]) == 0
    r = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(x["event"], x["date"], x["venue"], x["a"], x["b"]) for x in r] == [
        ("青石市人民政府常务会议", "2023-12-01", "青石学院", "王伟", "王建华")]


def test_an_extracted_event_becomes_a_node_linked_to_its_people_venue_and_host():
    text = ("1月6日上午，南平市第八届人民代表大会第二次会议在武夷宾馆隆重开幕。\n"
            "在主席台前排就座的有：王建华、李志远。市长赵刚向大会作政府工作报告。")
    doc = Extractor(home="南平市")(Article("n.txt", text, date="2024-01-07"))
    ds = build_dataset(resolve([doc]), "http://x/")
    quads = {(s, p, o) for g in ds.graphs.values() for s, pos in g.items() for p, o in pos}
    [event] = [s for s, p, o in quads if p == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" and o == f"<{KG}Event>"]
    about = {(p, o) for s, p, o in quads if s == event}
    assert (f"<{KG}venue>", "<http://x/organization/武夷宾馆>") in about
    assert (f"<{KG}host>", "<http://x/agency/南平市人民代表大会>") in about
    assert {o for p, o in about if p == f"<{KG}participant>"} == {
        "<http://x/person/王建华>", "<http://x/person/李志远>", "<http://x/person/赵刚>"}
    assert (f"<{KG}date>", '"2024-01-06"^^<http://www.w3.org/2001/XMLSchema#date>') in about
    assert sum(p == f"<{KG}contextText>" for p, _ in about) == 3        # the sentences that state it


def test_a_fact_from_a_frame_keeps_the_sentence_that_named_the_event():
    text = "3日上午，甘肃省十三届人大常委会第五次会议在兰州举行。\n省人大常委会主任王建华主持会议。"
    doc = Extractor()(Article("g.txt", text))
    [rel] = [r for r in doc.relations if r.p == "attended" and r.o == "兰州市"]
    assert rel.sentence.text == "省人大常委会主任王建华主持会议。"
    assert [(c.text, text[c.start:c.end]) for c in rel.context] == [(text.split("\n")[0],) * 2]
    out = doc.to_contract()
    assert out["events"][0]["evidence"][1]["start"] == rel.sentence.start
    [row] = [r for r in out["relations"] if r["p"] == "attended" and r["o"] == "兰州市"]
    assert row["context"] == [{"text": text.split("\n")[0], "start": 0, "end": len(text.split("\n")[0])}]
