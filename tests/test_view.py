"""graph.html as a file: self-contained, UTF-8, deterministic, and inert whatever the articles contain."""
from __future__ import annotations

import json
import random
import re

import pytest

from kg.errors import KgError
from kg.model import Fact, Graph, Node
from kg.view import read_graph, write_graph_json, write_html
from kg.view.graphjson import dumps, loads
from kg.view.html import render, vis_network_js
from kg.view.payload import view_data
from kg.view.sample import ATTACKS, hostile_graph, random_graph, sample_graph


def page_data(html: str) -> dict:
    """The JSON the page embeds, read back the way the page's script does."""
    m = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "data script missing"
    return json.loads(m.group(1))


@pytest.fixture()
def hostile_page(tmp_path):
    path = tmp_path / "graph.html"
    write_html(hostile_graph(), path)
    return path.read_bytes().decode("utf-8")   # must be valid UTF-8


def test_page_is_one_offline_file(tmp_path):
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path)
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and '<meta charset="utf-8">' in html
    assert "王建华" in html                                    # Chinese stays readable, not \u-escaped
    # Nothing is loaded from anywhere: no src/href attributes, no stylesheet links, no CDN.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", html, re.I)
    assert "bootstrap" not in html.lower() and "cdn" not in html.lower().replace("cdnjs", "")
    assert "default-src 'none'" in html                      # and the page may not fetch anything
    assert vis_network_js()[:2000] in html                   # vis-network is inlined
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]   # no lib/ folder beside it


def test_same_graph_gives_byte_identical_page():
    g = random_graph(300, 700, seed=3)
    shuffled = Graph(nodes=dict(random.Random(1).sample(sorted(g.nodes.items()), len(g.nodes))),
                     facts=random.Random(2).sample(g.facts, len(g.facts)), articles=g.articles)
    assert render(view_data(g)) == render(view_data(shuffled))


def test_markup_in_articles_cannot_break_out_of_the_data(hostile_page):
    # Only the data block and our two scripts exist; no article text opened or closed an element.
    assert "</script" not in vis_network_js() and "<!--" not in vis_network_js()
    html = hostile_page.replace(vis_network_js(), "VIS")
    assert html.count("<script") == 3 and html.count("</script>") == 3
    assert "<img" not in html and "<!--" not in html
    data = page_data(html)
    node = next(n for n in data["nodes"] if n["id"] == "person/x")
    assert node["label"] == ATTACKS[0]                        # the text itself survives intact
    assert set(node["aliases"]) == {ATTACKS[1], ATTACKS[4]}
    assert {f.get("evidence") for f in data["facts"]} >= {ATTACKS[2], ATTACKS[3] + ATTACKS[4]}


def test_page_script_never_uses_innerhtml_with_data():
    from kg.view.html import app_js
    js = app_js()
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", js)


def test_title_is_escaped(tmp_path):
    path = tmp_path / "v.html"
    write_html(sample_graph(), path, title='<b onmouseover="x">王建华</b>')
    html = path.read_text(encoding="utf-8")
    assert "<b onmouseover" not in html and "&lt;b onmouseover=&quot;x&quot;&gt;王建华&lt;/b&gt;" in html


def test_view_data_reads_like_the_graph():
    d = view_data(sample_graph())
    nodes = {n["id"]: n for n in d["nodes"]}
    liu = nodes["person/王建华"]
    # hover facts: type, aliases, posts; size grows with connections
    assert liu["type"] == "Person" and liu["aliases"] == ["王市长"]
    assert "市长 · 青石市人民政府" in liu["posts"]
    assert liu["size"] > nodes["person/李志远"]["size"]
    assert ["投资", "120亿元"] in nodes["project/白鹭新城建设项目"]["attrs"]
    # one colour and shape per type, in the legend too; the article a reporter reported is a node of its own
    assert len({(t["color"], t["shape"]) for t in d["types"]}) == len(d["types"]) == 6
    assert d["types"][-1]["type"] == "Article" and nodes["article/a1"]["label"] == "王建华调研白鹭新城建设"
    assert [(e["from"], e["p"]) for e in d["edges"] if e["to"] == "article/a1"] == [("person/王建华", "reported")]
    # edges are labelled by relation (or the post held)
    labels = {(e["from"], e["to"]): e["label"] for e in d["edges"]}
    assert labels[("person/王建华", "agency/青石市人民政府")] == "市长"
    assert labels[("person/王建华", "project/白鹭新城建设项目")] == "视察调研"
    # the timeline: the person's facts in date order, undated ones last
    when = [d["facts"][i].get("when", "~") for i in liu["facts"]]
    assert when == sorted(when) and when[0] == "2021"
    facts = [d["facts"][i] for i in liu["facts"]]
    assert any(f.get("evidence", "").startswith("3月2日") and f["article"] == "a1" for f in facts)
    assert d["articles"]["a1"] == {"title": "王建华调研白鹭新城建设", "date": "2023-03-02", "source": "青石日报"}


def test_size_by_betweenness_favours_bridges():
    # a - hub - b, with the hub's neighbours otherwise unlinked; plus a dense trio c-d-e
    nodes = {k: Node(k, "Person", k) for k in ("a", "hub", "b", "c", "d", "e")}
    facts = [Fact(s, "partnerOf", o, "x") for s, o in (("a", "hub"), ("hub", "b"), ("c", "d"), ("d", "e"), ("c", "e"))]
    size = {n["id"]: n["size"] for n in view_data(Graph(nodes=nodes, facts=facts), size_by="betweenness")["nodes"]}
    assert size["hub"] > size["c"] == size["a"]
    by_degree = {n["id"]: n["size"] for n in view_data(Graph(nodes=nodes, facts=facts))["nodes"]}
    assert by_degree["hub"] == by_degree["c"]


def test_big_graphs_come_laid_out_without_physics():
    small, big = view_data(random_graph(50, 80, seed=1)), view_data(random_graph(800, 1600, seed=1))
    assert small["physics"] is True and big["physics"] is False
    xy = {(n["x"], n["y"]) for n in big["nodes"]}
    assert len(xy) > 0.95 * len(big["nodes"])          # positions are computed and spread out


def test_unlinked_entities_start_hidden_only_on_big_graphs():
    g = random_graph(300, 500, seed=4)
    for i in range(20):
        g.nodes[f"place/孤{i}"] = Node(f"place/孤{i}", "Place", f"孤{i}")
    assert view_data(g)["min_degree"] == 1
    assert view_data(sample_graph())["min_degree"] == 0


def test_empty_graph_still_gives_a_page(tmp_path):
    write_html(Graph(), tmp_path / "g.html")
    assert page_data((tmp_path / "g.html").read_text(encoding="utf-8"))["nodes"] == []


def test_graph_json_round_trip_and_determinism(tmp_path):
    g = hostile_graph()
    write_graph_json(g, tmp_path / "graph.json")
    back = read_graph(tmp_path)
    assert dumps(back) == (tmp_path / "graph.json").read_text(encoding="utf-8")
    assert back.nodes["person/x"].aliases == g.nodes["person/x"].aliases
    assert sorted(map(repr, back.facts)) == sorted(map(repr, g.facts))
    assert back.articles["a1"].title == "王建华调研白鹭新城建设"


def test_graph_json_keeps_odd_attribute_values():
    g = Graph(nodes={"project/p": Node("project/p", "Project", "p", attrs={"tags": {"b", "a"}, "n": 3})},
              facts=[Fact("project/p", "locatedIn", None, "a")])
    assert loads(dumps(g)).nodes["project/p"].attrs == {"n": 3, "tags": ["a", "b"]}


def test_read_graph_says_what_is_wrong(tmp_path):
    with pytest.raises(KgError) as e:
        read_graph(tmp_path / "missing")
    assert e.value.code == "E001"
    with pytest.raises(KgError) as e:
        read_graph(tmp_path)
    assert e.value.code == "E012" and "graph.json" in str(e.value)
    (tmp_path / "graph.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KgError) as e:
        read_graph(tmp_path)
    assert e.value.code == "E019" and "\n" not in str(e.value)


def test_a_relation_has_one_colour_whatever_the_view_holds():
    from kg.view.focus import by_relations
    from kg.view.style import RELATION_STYLE, TYPE_STYLE
    g = sample_graph()
    whole = {r["p"]: r["color"] for r in view_data(g)["relations"]}
    for p in whole:
        alone = view_data(by_relations(g, [p]))
        assert [(r["p"], r["color"]) for r in alone["relations"]] == [(p, whole[p])]
        assert {e["p"] for e in alone["edges"]} == {p}
    assert whole == {p: RELATION_STYLE[p]["color"] for p in whole}               # taken from the one table
    assert len({st["color"] for st in RELATION_STYLE.values()}) == len(RELATION_STYLE)
    assert len({st["color"] for st in TYPE_STYLE.values()}) == len(TYPE_STYLE)
    types = {t["type"]: (t["color"], t["shape"]) for t in view_data(g)["types"]}
    assert all((n["color"], n["shape"]) == types[n["type"]] for n in view_data(by_relations(g, ["partOf"]))["nodes"])
