"""Focused views (kg view --focus/--depth/--type/--relation/--since) and their one-line errors."""
from __future__ import annotations

import json
import re

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.view import write_graph_json
from kg.model import Article, Fact
from kg.view.focus import between, by_relations, by_types, ego, find_node, parse_date
from kg.view.sample import sample_graph


@pytest.fixture()
def out(tmp_path):
    """A build output folder holding the sample graph."""
    write_graph_json(sample_graph(), tmp_path / "graph.json")
    return tmp_path


def labels(g):
    return sorted(n.label for n in g.nodes.values())


def page_nodes(path):
    html = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'type="application/json">(.*?)</script>', html, re.S).group(1))
    return sorted(n["label"] for n in data["nodes"]), data


def test_find_by_name_alias_key_or_unique_part():
    g = sample_graph()
    assert find_node(g, "王建华") == find_node(g, "王市长") == find_node(g, "person/王建华") == "person/王建华"
    assert find_node(g, "城投") == "organization/青石城投集团"
    assert find_node(g, "青石市") == "place/青石市"     # a whole name beats names containing it


def test_ambiguous_and_unknown_names():
    g = sample_graph()
    with pytest.raises(KgError) as e:
        find_node(g, "青石")
    assert e.value.code == "E021" and "agency/青石市人民政府" in str(e.value)
    with pytest.raises(KgError) as e:
        find_node(g, "赵六")
    assert e.value.code == "E016"


def test_ego_network_grows_with_depth():
    g = sample_graph()
    one, two = ego(g, "person/王建华", 1), ego(g, "person/王建华", 2)
    assert labels(one) == ["中共青石市委员会", "南塘数字经济产业园", "王建华", "白鹭新城建设项目", "青石市人民政府"]
    assert set(labels(one)) < set(labels(two)) and "王晓东" in labels(two) and "河北省" not in labels(two)
    # facts among the kept entities only, each still traced to its article
    assert all(f.s in one.nodes for f in one.facts) and {f.article for f in one.facts} <= set(one.articles)


def test_relation_type_and_date_filters():
    g = sample_graph()
    inv = by_relations(g, ["investigatedBy"])
    assert labels(inv) == ["张建国", "青石市纪委监委"] and [f.p for f in inv.facts] == ["investigatedBy"]
    people = by_types(g, ["Person", "Agency"])
    assert {n.type for n in people.nodes.values()} == {"Person", "Agency"}
    assert all(f.p in ("holdsPosition", "investigatedBy", "partOf", "reported") for f in people.facts)
    recent = between(g, parse_date("2023-06"))
    assert "2023-06-18" <= min(f.date or g.articles[f.article].date for f in recent.facts if not f.start)
    assert [(f.role, f.start) for f in recent.facts if f.start] == [("市长", "2021")]   # a post held since 2021
    assert "王建华" in labels(recent) and "河北省" not in labels(recent)


def dated_graph():
    """One article of 2024 that tells of a post held 1998–2003, a post held since 2019, an event of 2019 and one undated fact."""
    g = sample_graph()
    g.articles["old"] = Article("old", "", "回顾", "2024-03-20", "青石日报")
    g.facts += [Fact("person/李志远", "holdsPosition", None, "old", role="县长", org="agency/青石市人民政府",
                     start="1998", end="2003", former=True),
                Fact("person/王晓东", "holdsPosition", None, "old", role="主任", org="agency/青石市发展和改革委员会",
                     start="2019"),
                Fact("person/李志远", "inspected", "place/北湖区", "old", date="2019-05-01"),
                Fact("person/李志远", "attended", "project/南塘数字经济产业园", "old")]
    return g


def kept(g, since=None, until=None):
    return sorted((f.s, f.p, f.role or f.o) for f in between(g, since, until).facts if f.article == "old")


def test_dates_filter_facts_by_their_own_dates():
    g = dated_graph()
    # a tenure is kept when it overlaps the window, an event by its own date, the article date only for the undated fact
    assert kept(g, "2024-03") == [("person/李志远", "attended", "project/南塘数字经济产业园"),
                                  ("person/王晓东", "holdsPosition", "主任")]
    assert kept(g, "2000", "2002") == [("person/李志远", "holdsPosition", "县长")]
    assert kept(g, None, "2019") == [("person/李志远", "holdsPosition", "县长"), ("person/李志远", "inspected", "place/北湖区"),
                                     ("person/王晓东", "holdsPosition", "主任")]
    assert kept(g, "2019-05", "2019-05") == [("person/李志远", "inspected", "place/北湖区"),
                                             ("person/王晓东", "holdsPosition", "主任")]


def test_kg_view_since_and_until(tmp_path, capsys):
    write_graph_json(dated_graph(), tmp_path / "graph.json")
    assert main(["view", str(tmp_path), "--since", "2024-03", "--focus", "李志远"]) == 0
    names, data = page_nodes(tmp_path / "view.html")
    assert "青石市人民政府" not in names and "南塘数字经济产业园" in names   # the post of 1998–2003 is gone
    assert main(["view", str(tmp_path), "--until", "2003", "--focus", "李志远"]) == 0
    names, data = page_nodes(tmp_path / "view.html")
    assert names == ["李志远", "青石市人民政府"] and "至 2003" in data["title"]


def test_every_relation_draws_its_edges(out):
    for p in ("holdsPosition", "inspected", "attended", "investigatedBy", "partOf", "jurisdiction", "locatedIn",
              "undertakes", "reported"):
        assert main(["view", str(out), "--relation", p]) == 0
        _, data = page_nodes(out / "view.html")
        assert data["edges"] and {e["p"] for e in data["edges"]} == {p}, p
        ends = {n["id"]: n for n in data["nodes"]}
        assert all(e["from"] in ends and e["to"] in ends for e in data["edges"])
    # reporters link to their articles, drawn as article nodes with their own legend entry
    assert [(e["from"], e["to"]) for e in data["edges"]] == [("person/王建华", "article/a1")]
    assert ends["article/a1"]["type"] == "Article" and [t["type"] for t in data["types"]] == ["Person", "Article"]


@pytest.mark.parametrize("bad", ["2023-13-01", "2023/05/01", "yesterday", "2023-02-30"])
def test_bad_since_dates_are_refused(bad):
    with pytest.raises(KgError) as e:
        parse_date(bad)
    assert e.value.code == "E020"


def test_kg_view_writes_a_focused_page(out, tmp_path, capsys):
    target = tmp_path / "ego.html"
    assert main(["view", str(out), "--focus", "王建华", "--depth", "1", "-o", str(target)]) == 0
    names, data = page_nodes(target)
    # the five entities, and the article 王建华 reported as a node of its own
    assert names == ["中共青石市委员会", "南塘数字经济产业园", "王建华", "王建华调研白鹭新城建设", "白鹭新城建设项目", "青石市人民政府"]
    assert data["title"].startswith("王建华 · 1 度关系网") and data["focus"] == "person/王建华"
    assert "5 entities" in capsys.readouterr().out


def test_kg_view_defaults_to_out_view_html_and_combines_filters(out, capsys):
    assert main(["view", str(out), "--type", "Person", "--type", "Agency", "--since", "2024"]) == 0
    names, _ = page_nodes(out / "view.html")
    # the facts of 2024, and 王建华's post as 市长, held since 2021
    assert names == ["张建国", "王建华", "青石市人民政府", "青石市发展和改革委员会", "青石市纪委监委"]
    assert main(["view", str(out), "--focus", "王建华", "--relation", "holdsPosition"]) == 0
    names, _ = page_nodes(out / "view.html")
    assert names == ["中共青石市委员会", "王建华", "青石市人民政府"]


@pytest.mark.parametrize("args, message", [
    (["--focus", "赵六"], "no entity matches '赵六'"),
    (["--focus", "青石"], "'青石' matches several entities"),
    (["--since", "2023-13"], "--since: invalid date '2023-13'"),
    (["--until", "2023/01"], "--until: invalid date '2023/01'"),
    (["--since", "2024", "--until", "2023-05"], "--since 2024 is after --until 2023-05"),
    (["--depth", "2"], "--depth needs --focus"),
])
def test_kg_view_errors_are_one_line(out, capsys, args, message):
    assert main(["view", str(out), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and message in err and err.count("\n") == 1
    assert "Traceback" not in err and not (out / "view.html").exists()


def test_kg_view_and_stats_need_a_build(tmp_path, capsys):
    for cmd in ("view", "stats"):
        assert main([cmd, str(tmp_path / "nope")]) == 1
        assert "no such file or directory" in capsys.readouterr().err
        assert main([cmd, str(tmp_path)]) == 1
        assert "not a build output directory (no graph.json)" in capsys.readouterr().err


def test_kg_view_refuses_bad_depth_and_unwritable_output(out, tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["view", str(out), "--focus", "王建华", "--depth", "-1"])
    assert e.value.code == 2 and "--depth" in capsys.readouterr().err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["view", str(out), "-o", str(blocker / "v.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "cannot write" in err and err.count("\n") == 1
