"""Big graphs: graph.html draws a bounded, deterministic part and says so; the layout is laid out
again only where the graph changed, and gives the positions a fresh layout gives."""
from __future__ import annotations

import json
import random
import re

import networkx as nx

from kg import cli
from kg.cache import Memo
from kg.model import Fact, Graph
from kg.view import bound, layout as layout_mod, write_html
from kg.view.graphjson import read_graph
from kg.view.html import render
from kg.view.job import write_view_files
from kg.view.layout import layout
from kg.view.payload import nx_graph, view_data
from kg.view.sample import random_graph


def _page_data(html: str) -> dict:
    return json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_a_big_graph_shows_its_most_connected_entities_and_says_how_many(tmp_path):
    g = random_graph(400, 1200, seed=5)
    path = tmp_path / "graph.html"
    write_html(g, path, max_nodes=100)
    html = path.read_text(encoding="utf-8")
    data = _page_data(html)
    shown = {n["id"] for n in data["nodes"]}
    assert len(shown) == 100 and data["shown"]["nodes"] == 100 and data["shown"]["of_nodes"] == 400
    degree = dict(nx_graph(g).degree())
    assert min(degree[k] for k in shown) >= max(degree[k] for k in g.nodes if k not in shown)
    assert all(e["from"] in shown and e["to"] in shown for e in data["edges"])
    assert len(data["edges"]) == data["shown"]["links"] < data["shown"]["of_links"] == bound.link_count(g)
    notice = re.search(r'<p id="notice"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "100 / 400" in notice and f"{data['shown']['links']:,} / {bound.link_count(g):,}" in notice
    assert "kg view OUT --focus" in notice


def test_a_graph_under_the_bound_is_drawn_whole_without_notice(tmp_path):
    g = random_graph(150, 400, seed=6)
    write_html(g, tmp_path / "graph.html", max_nodes=150)
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert 'id="notice"' not in html and _page_data(html)["shown"] is None
    assert len(_page_data(html)["nodes"]) == 150
    write_html(g, tmp_path / "all.html", max_nodes=0)       # 0: no bound
    assert len(_page_data((tmp_path / "all.html").read_text(encoding="utf-8"))["nodes"]) == 150


def test_the_bounded_choice_is_deterministic():
    g = random_graph(300, 600, seed=7)       # many ties in degree: the key decides
    shuffled = Graph(nodes=dict(random.Random(1).sample(sorted(g.nodes.items()), len(g.nodes))),
                     facts=random.Random(2).sample(g.facts, len(g.facts)), articles=g.articles)
    assert render(view_data(g, max_nodes=50)) == render(view_data(shuffled, max_nodes=50))


def test_a_focused_entity_is_kept_even_when_weakly_linked():
    g = random_graph(200, 600, seed=8)
    degree = dict(nx_graph(g).degree())
    weak = min(sorted(g.nodes), key=lambda k: degree[k])
    data = view_data(g, focus=weak, max_nodes=20)
    assert weak in {n["id"] for n in data["nodes"]} and data["focus"] == weak and len(data["nodes"]) == 20


def test_graph_json_stays_whole_when_the_page_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(bound, "MAX_NODES", 30)
    g = random_graph(120, 300, seed=9)
    write_view_files(g, tmp_path, tmp_path, None)
    assert len(read_graph(tmp_path / "graph.json").nodes) == 120
    assert len(_page_data((tmp_path / "graph.html").read_text(encoding="utf-8"))["nodes"]) == 30


def test_kg_view_takes_max_nodes(tmp_path, capsys):
    from kg.view import write_graph_json
    write_graph_json(random_graph(80, 200, seed=10), tmp_path / "graph.json")
    assert cli.main(["view", str(tmp_path), "--max-nodes", "25", "-o", str(tmp_path / "v.html")]) == 0
    assert len(_page_data((tmp_path / "v.html").read_text(encoding="utf-8"))["nodes"]) == 25


def _pieces(seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    """A graph of several components: a big one (split into communities), a few small ones, isolates."""
    r = random.Random(seed)
    nodes, edges = [], []
    for c, size in enumerate((450, 40, 12, 5, 3, 2)):
        names = [f"c{c}/n{i}" for i in range(size)]
        nodes += names
        edges += [(names[i], names[r.randrange(i)]) for i in range(1, size)]
        edges += [(r.choice(names), r.choice(names)) for _ in range(size // 2)]
    nodes += [f"lone{i}" for i in range(7)]
    return nodes, edges


def test_a_grown_graph_is_laid_out_as_a_fresh_layout_would_with_only_changed_parts_redone(tmp_path, monkeypatch):
    nodes, edges = _pieces(1)
    grown_nodes = nodes + ["c2/new", "c9/a", "c9/b", "lone-new"]
    grown_edges = edges + [("c2/new", "c2/n3"), ("c9/a", "c9/b")]
    fresh = layout(grown_nodes, grown_edges)                   # no memo: from the graph alone
    monkeypatch.setattr(layout_mod, "memo", Memo(tmp_path / "memo.sqlite"))
    layout(nodes, edges)                                       # an earlier build fills the memo
    calls = []
    real = layout_mod._component
    monkeypatch.setattr(layout_mod, "_component", lambda c, e, s: calls.append(len(c)) or real(c, e, s))
    assert layout(grown_nodes, grown_edges) == fresh           # same positions as the fresh layout
    assert sorted(calls) == [2, 13]                            # only the changed and the new component
    calls.clear()
    assert layout(grown_nodes, grown_edges) == fresh and calls == []


def test_components_do_not_overlap():
    nodes, edges = _pieces(2)
    pos = layout(nodes, edges)
    G = nx.Graph(edges)
    boxes = []
    for c in nx.connected_components(G):
        xs, ys = [pos[v][0] for v in c], [pos[v][1] for v in c]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]   # disjoint bounding boxes
    assert len({pos[v] for v in nodes}) == len(nodes)


def test_a_bounded_page_lists_only_the_latest_facts_of_each_link():
    g = random_graph(200, 500, seed=12)
    degree = dict(nx_graph(g).degree())
    a, b = sorted(g.nodes, key=lambda k: (-degree[k], k))[:2]      # both among the shown
    for m in range(1, 10):                   # one link with many facts: the latest are listed
        g.facts.append(Fact(a, "partnerOf", b, "art0", date=f"2030-0{m}-01", evidence=f"第{m}次合作。"))
    data = view_data(g, max_nodes=150)
    assert all(len(e["facts"]) <= bound.FACTS_PER_LINK for e in data["edges"])
    link = next(e for e in data["edges"] if (e["from"], e["to"], e["p"]) == (a, b, "partnerOf"))
    assert sorted(data["facts"][i]["date"] for i in link["facts"]) == [f"2030-0{m}-01" for m in range(5, 10)]
    assert data["shown"]["facts"] == len(data["facts"]) < data["shown"]["of_facts"] == len(g.facts)
