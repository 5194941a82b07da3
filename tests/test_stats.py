"""kg stats: the figures an analyst reads first, as aligned tables."""
from __future__ import annotations

import json

from kg.cli import main
from kg.view import write_graph_json
from kg.view.sample import random_graph, sample_graph
from kg.view.stats import format_stats, graph_stats, table, width


def test_figures_of_the_sample_graph():
    s = graph_stats(sample_graph())
    assert s["types"] == {"Person": 4, "Agency": 4, "Organization": 1, "Project": 2, "Place": 4}
    assert s["relations"]["holdsPosition"] == 5 and s["relations"]["investigatedBy"] == 1
    top = s["officials"][0]
    assert top["label"] == "王建华" and top["degree"] == 4 and "市长 · 青石市人民政府" in top["posts"]
    assert [o["label"] for o in s["officials"]] == ["王建华", "张建国", "王晓东", "李志远"]
    assert s["agencies"][0]["label"] == "青石城投集团" and s["agencies"][0]["projects"] == 1
    # communities partition every linked entity, biggest first
    assert sum(c["size"] for c in s["communities"]) == s["nodes"] - s["isolated"]
    assert [c["size"] for c in s["communities"]] == sorted((c["size"] for c in s["communities"]), reverse=True)


def test_agencies_ranked_by_distinct_projects():
    g = random_graph(300, 900, seed=5)
    agencies = graph_stats(g, top=5)["agencies"]
    assert len(agencies) == 5
    assert [a["projects"] for a in agencies] == sorted((a["projects"] for a in agencies), reverse=True)
    assert {a["type"] for a in agencies} <= {"Agency", "Organization"}


def test_tables_line_up_with_chinese_text():
    out = table(["name", "n"], [["青石市人民政府", 3], ["ab", 12]])
    lines = out.splitlines()
    assert [width(line) for line in lines[2:]] == [width(lines[2])] * 2     # numbers right-aligned
    assert lines[2].endswith(" 3") and lines[3].endswith("12")


def test_report_is_deterministic_and_titled():
    a, b = format_stats(graph_stats(sample_graph())), format_stats(graph_stats(sample_graph()))
    assert a == b
    for heading in ("Entities by type", "Most connected officials", "Agencies with most projects", "Communities"):
        assert heading in a


def test_kg_stats_prints_tables_or_json(tmp_path, capsys):
    write_graph_json(sample_graph(), tmp_path / "graph.json")
    assert main(["stats", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("15 entities, 18 facts, 4 articles") and "王建华" in out
    assert main(["stats", str(tmp_path), "--json", "--top", "2"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert len(figures["officials"]) == 2 and figures["types"]["Place"] == 4


def test_empty_graph_has_figures_too():
    from kg.model import Graph
    text = format_stats(graph_stats(Graph()))
    assert text.startswith("0 entities, 0 facts, 0 articles") and "Most connected" not in text
