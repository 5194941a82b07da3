"""kg build leaves graph.json beside graph.html, and kg view / kg stats read it back."""
from __future__ import annotations

import json
import re

from kg.cli import main
from kg.view import read_graph


def test_build_then_view_and_stats(tmp_path, capsys):
    src = tmp_path / "001.txt"
    src.write_text("株洲日报讯 3月2日，市长王建华到白鹭新城建设项目现场调研。市委书记王晓东出席会议。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "--home", "株洲市"]) == 0
    graph = read_graph(out)
    html = (out / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', html, re.S).group(1))
    assert sorted(n["id"] for n in data["nodes"]) == sorted(graph.nodes)
    assert len(data["facts"]) == len([f for f in graph.facts if f.s in graph.nodes])
    capsys.readouterr()
    assert main(["stats", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{len(graph.nodes)} entities")
    assert main(["view", str(out)]) == 0 and (out / "view.html").is_file()
