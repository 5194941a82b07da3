"""`kg validate`: a build conforms to ontology/shapes.ttl; a broken graph is reported readably."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.export.files import write_graph_files
from kg.rdf import build_dataset
from kg.rdf.example import sample_graph
from kg.rdf.validate import validate_text

PREFIXES = """@prefix kg: <https://kg.example.org/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix person: <https://kg.example.org/id/person/> .
@prefix place: <https://kg.example.org/id/place/> .
@prefix fact: <https://kg.example.org/id/fact/> .
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    write_graph_files(build_dataset(sample_graph()), out)
    return out


def test_a_build_conforms(built: Path, capsys):
    assert main(["validate", str(built)]) == 0
    assert "conforms" in capsys.readouterr().out


def test_a_broken_graph_is_reported_with_readable_messages():
    ok, problems = validate_text(PREFIXES + """
person:王建华 a kg:Person .
place:东山县 a kg:Place ; rdfs:label "东山县"@zh ; kg:adminLevel kg:planet .
fact:1 a kg:Fact ; rdf:subject person:王建华 ; rdf:predicate kg:inspected ; rdf:object place:东山县 ;
    kg:confidence 1.5 .
""")
    assert not ok
    text = "\n".join(problems)
    assert "person:王建华 — rdfs:label: needs exactly one Chinese name" in text
    assert "place:东山县 — kg:adminLevel: kg:adminLevel must be one of" in text
    assert "fact:1 — prov:wasDerivedFrom: a fact needs exactly one source article" in text
    assert "fact:1 — kg:confidence: a fact needs one kg:confidence, a decimal from 0 to 1" in text
    assert "the triple a fact reifies is not asserted" in text


def test_cli_prints_problems_then_one_error_line(tmp_path: Path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text(PREFIXES + "person:x a kg:Person .\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    cap = capsys.readouterr()
    assert cap.out.splitlines() == [
        "person:x — rdfs:label: needs exactly one Chinese name (rdfs:label with @zh)"]
    assert cap.err.strip().endswith("the graph does not conform to the shapes (1 problems)")
    assert len(cap.err.strip().splitlines()) == 1


def test_cli_errors_are_one_line(tmp_path: Path, capsys):
    assert main(["validate", str(tmp_path)]) == 1
    assert "not a build output directory (no graph.ttl)" in capsys.readouterr().err
    broken = tmp_path / "x.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "cannot parse RDF" in err and len(err.strip().splitlines()) == 1
