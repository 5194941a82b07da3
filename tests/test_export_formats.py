"""`kg export`: every format reads back to the same graph; network formats for Gephi/Cytoscape."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.rdf.example import sample_graph


def load(path: Path, fmt) -> ox.Store:
    s = ox.Store()
    s.load(path=str(path), format=fmt)
    return s


def quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store}


def triples(store: ox.Store) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in store}


@pytest.mark.parametrize("fmt,rdf_format,named", [
    ("ttl", ox.RdfFormat.TURTLE, False), ("nt", ox.RdfFormat.N_TRIPLES, False),
    ("trig", ox.RdfFormat.TRIG, True), ("nq", ox.RdfFormat.N_QUADS, True), ("jsonld", ox.RdfFormat.JSON_LD, True)])
def test_rdf_formats_read_back_to_the_build(out, tmp_path, fmt, rdf_format, named):
    dest = tmp_path / f"g.{fmt}"
    assert main(["export", str(out), "--format", fmt, "-o", str(dest)]) == 0
    got = load(dest, rdf_format)
    ref = load(out / ("graph.trig" if named else "graph.ttl"), ox.RdfFormat.TRIG if named else ox.RdfFormat.TURTLE)
    assert (quads(got) == quads(ref)) if named else (triples(got) == triples(ref))
    again = tmp_path / f"again.{fmt}"
    main(["export", str(out), "--format", fmt, "-o", str(again)])
    assert again.read_bytes() == dest.read_bytes()


def test_exported_turtle_equals_the_build_file(out, tmp_path):
    assert main(["export", str(out), "--format", "ttl", "-o", str(tmp_path / "x.ttl")]) == 0
    assert (tmp_path / "x.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_default_destination_is_in_out(out, capsys):
    assert main(["export", str(out), "--format", "nt"]) == 0
    assert (out / "graph.nt").is_file() and "graph.nt" in capsys.readouterr().out


def test_graphml_has_entities_and_relations(out, tmp_path):
    dest = tmp_path / "g.graphml"
    assert main(["export", str(out), "--format", "graphml", "-o", str(dest)]) == 0
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(dest).getroot()
    nodes = {n.get("id"): {d.get("key"): d.text for d in n} for n in root.iterfind(".//g:node", ns)}
    assert len(nodes) == len(sample_graph().nodes)
    assert nodes["person/王建华"] == {"label": "王建华", "type": "Person", "aliases": "王建华同志", "articles": "2"}
    assert nodes["place/东山县"]["level"] == "county" and nodes["place/东山县"]["adcode"] == "139821"
    edges = [(e.get("source"), e.get("target"), {d.get("key"): d.text for d in e})
             for e in root.iterfind(".//g:edge", ns)]
    assert ("person/王建华", "agency/青石市人民政府",
            {"relation": "holdsPosition", "role": "市长", "former": "true", "weight": "1"}) in edges
    assert ("place/东山县", "place/青石市", {"relation": "locatedIn", "weight": "1"}) in edges


def test_csv_for_gephi(out, tmp_path):
    assert main(["export", str(out), "--format", "csv", "-o", str(tmp_path)]) == 0
    nodes = list(csv.DictReader(io.StringIO((tmp_path / "nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "edges.csv").read_text(encoding="utf-8"))))
    assert list(nodes[0])[:3] == ["Id", "Label", "type"]
    assert list(edges[0]) == ["Source", "Target", "Label", "role", "former", "Weight"]
    ids = {n["Id"] for n in nodes}
    assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
    assert {"Source": "person/张三", "Target": "agency/青石市纪委监委", "Label": "investigatedBy", "role": "",
            "former": "", "Weight": "1"} in edges


def test_export_without_a_build_is_one_line_error(tmp_path, capsys):
    assert main(["export", str(tmp_path), "--format", "ttl"]) == 1
    assert "not a build output directory" in capsys.readouterr().err
