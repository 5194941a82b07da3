"""`kg query`: the README's queries, as written there, and the command's formats and errors."""
from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from pathlib import Path

import pytest

from kg.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_queries() -> list[str]:
    """The SPARQL of every ``kg query --out out '…'`` example in the README."""
    text = README.read_text(encoding="utf-8")
    return [textwrap.dedent(q).strip() for q in re.findall(r"kg query --out out '\n(.*?)'", text, re.S)]


def rows(out: Path, sparql: str, capsys) -> list[dict[str, str]]:
    assert main(["query", sparql, "--out", str(out), "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_readme_has_the_queries():
    assert len(readme_queries()) >= 5


def test_posts_of_a_person_with_dates(out, capsys):
    r = rows(out, readme_queries()[0], capsys)
    assert [(x["post"], x["start"], x["end"], x["former"]) for x in r] == [
        ("中共青石市委员会书记", "", "", ""), ("青石市人民政府市长", "2016", "2019", "true")]


def test_officials_who_inspected_a_county(out, capsys):
    r = rows(out, readme_queries()[1], capsys)
    assert [(x["official"], x["what"]) for x in r] == [
        ("李四", "柳溪镇"), ("王伟", "东山县光伏发电项目"), ("王建华", "东山县"), ("王建华", "东山县光伏发电项目")]


def test_projects_by_investment(out, capsys):
    r = rows(out, readme_queries()[2], capsys)
    assert [(x["project"], int(x["yuan"]), x["status"]) for x in r] == [
        ("东山县光伏发电项目", 1_250_000_000, "在建"), ("青石市大数据中心", 30_000_000, "签约")]


def test_departments_of_an_agency(out, capsys):
    r = rows(out, readme_queries()[3], capsys)
    assert [x["department"] for x in r] == ["青石市发展和改革委员会", "青石市教育局"]


def test_who_is_investigated_by_whom(out, capsys):
    r = rows(out, readme_queries()[4], capsys)
    assert [(x["person"], x["by"], x["article"]) for x in r] == [
        ("张三", "青石市纪委监委", "a3"), ("李四", "青石市纪委监委", "a3")]
    assert r[0]["evidence"].startswith("张三涉嫌严重违纪违法")


def test_where_a_fact_comes_from(out, capsys):
    r = rows(out, readme_queries()[5], capsys)
    assert r == [{"article": "a1", "evidence": "市委书记王建华到东山县调研光伏发电项目。", "start": "0",
                  "end": "20", "rule": "test:inspected", "confidence": "0.9"}]


def test_table_json_ask_and_construct(out, capsys):
    q = "SELECT ?n WHERE { person:王建华 rdfs:label ?n }"
    assert main(["query", q, "--out", str(out)]) == 0
    assert capsys.readouterr().out == "n\n------\n王建华\n(1 row)\n"
    assert main(["query", q, "--out", str(out), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"][0]["n"] == {"type": "literal", "value": "王建华", "xml:lang": "zh"}
    assert main(["query", "ASK { person:张三 kg:investigatedBy ?x }", "--out", str(out)]) == 0
    assert capsys.readouterr().out == "true\n"
    assert main(["query", "CONSTRUCT { ?p a kg:Person } WHERE { ?p kg:investigatedBy ?x }", "--out", str(out)]) == 0
    assert "person:张三 a kg:Person .\n" in capsys.readouterr().out


def test_graph_clause_reaches_one_article(out, capsys):
    r = rows(out, "SELECT ?who WHERE { GRAPH article:a3 { article:a3 schema:mentions ?p } "
                  "?p a kg:Person ; rdfs:label ?who } ORDER BY ?who", capsys)
    assert [x["who"] for x in r] == ["张三", "李四", "王建华"]
    r = rows(out, "SELECT ?a WHERE { GRAPH ?a { ?f rdf:predicate kg:investigatedBy } }", capsys)
    assert {x["a"] for x in r} == {"https://kg.example.org/id/article/a3"}


def test_query_from_a_file(out, tmp_path, capsys):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }", encoding="utf-8")
    assert rows(out, f"@{f}", capsys) == [{"n": "3"}]


@pytest.mark.parametrize("sparql", ["SELECT ?x WHERE {", "SELECT ?x WHERE { ?x nope:p ?y }"])
def test_bad_sparql_is_one_line_error(out, capsys, sparql):
    assert main(["query", sparql, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: invalid SPARQL query: ") and len(err.strip().splitlines()) == 1


def test_missing_out_is_one_line_error(tmp_path, capsys):
    assert main(["query", "ASK {}", "--out", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "not a build output directory (no store/)" in err and len(err.strip().splitlines()) == 1
