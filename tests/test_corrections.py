"""The corrections file: every kind applied on a real build (graph.json, RDF, view, query), stable fact ids,
determinism, orphaned corrections, a malformed file, the review queue. Articles written for these tests."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from kg import cli
from kg.correct import apply, load
from kg.correct.file import parse
from kg.errors import KgError
from kg.model import Fact, Graph, Node, fact_id
from kg.pipeline import build

ARTICLES = {
    "a.txt": "岳西县召开项目推进会\n本报讯 4月2日，岳西县委书记王建华到甲公司调研。王建华指出，要加快项目建设。\n",
    "b.txt": "蓬溪县安全生产检查\n4月3日，蓬溪县县长李明到乙公司检查安全生产工作。\n",
    "c.txt": "岳西县一干部接受审查\n岳西县副县长赵志刚涉嫌严重违纪违法，目前正接受岳西县纪委监委纪律审查和监察调查。\n",
    "d.txt": "县委常委会议召开\n5月6日，岳西县委书记王建华主持召开县委常委会议。\n",
    "e.txt": "县领导检查春耕\n县委书记张明到丙公司调研春耕生产。\n",
}
INVESTIGATED = fact_id("c.txt", "赵志刚", "investigatedBy", "岳西县纪委监委")
POST_B = fact_id("b.txt", "李明", "holdsPosition", None, "县长", "蓬溪县人民政府")
CORRECTIONS = f"""# corrections of the test corpus
who = "审校甲"

[[split]]   # two different 王建华
entity = "王建华"
articles = ["d.txt"]
why = "d.txt 的王建华是另一人"

[[merge]]
entities = ["李明", "张明"]
why = "同一人，笔误"

[[reject]]
fact = "{INVESTIGATED}"
who = "审校乙"
why = "报道有误，已更正"

[[add]]
article = "c.txt"
s = "赵志钢"
p = "holdsPosition"
role = "常务副县长"
org = "岳西县人民政府"
note = "县政府网站公布的分工"
why = "补充职务"

[[retype]]
entity = "岳西县纪委监委"
to = "Organization"
why = "类型测试"

[[rename]]
entity = "赵志刚"
to = "赵志钢"
why = "错字"

[[home]]
article = "e.txt"
place = "蓬溪县"
why = "蓬溪日报的稿件"

[[accept]]
fact = "{POST_B}"
why = "核对过"

[[reject]]
article = "gone.txt"
s = "某人"
p = "inspected"
why = "已删除的文章"
"""
FILES = ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl")


def corpus(root: Path, names=tuple(ARTICLES), corrections: str | None = CORRECTIONS) -> Path:
    src = root / "src"
    src.mkdir(parents=True)
    for name in names:
        (src / name).write_text(ARTICLES[name], encoding="utf-8")
    if corrections is not None:
        (src / "corrections.toml").write_text(corrections, encoding="utf-8")
    return src


def digests(out: Path) -> dict[str, str]:
    return {f: hashlib.sha256((out / f).read_bytes()).hexdigest() for f in FILES if (out / f).exists()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("corr")
    src = corpus(root)
    warnings: list[KgError] = []
    summary = build([src], root / "out", warn=warnings.append)
    graph = json.loads((root / "out" / "graph.json").read_text(encoding="utf-8"))
    return root, src, summary, warnings, graph


def node(graph, label):
    return [n for n in graph["nodes"] if n["label"] == label]


def facts(graph, **kw):
    return [f for f in graph["facts"] if all(f.get(k) == v for k, v in kw.items())]


# -- every kind, end to end --------------------------------------------------------------------------------
def test_the_default_file_beside_the_sources_is_applied_and_orphans_reported(built):
    _, src, summary, warnings, _ = built
    assert summary["corrections"]["file"] == str(src / "corrections.toml")
    assert summary["corrections"]["applied"] == 8 and summary["corrections"]["orphaned"] == 1
    assert [w.code for w in warnings] == ["E109"]
    line = 1 + CORRECTIONS[: CORRECTIONS.rindex("[[reject]]")].count("\n")
    assert f"line {line}:" in str(warnings[0]) and "gone.txt" in str(warnings[0])


def test_split_by_article(built):
    graph = built[4]
    keys = sorted(n["key"] for n in node(graph, "王建华"))
    assert keys == ["person/王建华", "person/王建华@d.txt"]
    assert [f["article"] for f in facts(graph, s="person/王建华@d.txt", p="holdsPosition")] == ["d.txt"]
    assert [f["article"] for f in facts(graph, s="person/王建华", p="holdsPosition")] == ["a.txt"]
    assert all(f["corrections"][0].startswith("split-") for f in facts(graph, s="person/王建华@d.txt"))


def test_merge(built):
    graph = built[4]
    assert node(graph, "张明") == [] and node(graph, "李明")[0]["aliases"] == ["张明"]
    assert {f["article"] for f in facts(graph, s="person/李明", p="holdsPosition")} == {"b.txt", "e.txt"}


def test_reject_keeps_the_fact_apart(built):
    graph = built[4]
    assert facts(graph, id=INVESTIGATED) == []
    assert [f["id"] for f in graph["rejected"]] == [INVESTIGATED]
    rejected = {c["id"]: c for c in graph["corrections"]}[graph["rejected"][0]["corrections"][-1]]
    assert rejected["who"] == "审校乙" and rejected["status"] == "applied"


def test_add_with_source_and_note(built):
    graph = built[4]
    added = facts(graph, role="常务副县长")
    assert len(added) == 1 and added[0]["article"] == "c.txt" and added[0]["rule"] == "correction"
    assert added[0]["s"] == "person/赵志钢" and added[0]["org"] == "agency/岳西县人民政府"
    note = {c["id"]: c for c in graph["corrections"]}[added[0]["corrections"][0]]
    assert note["note"] == "县政府网站公布的分工" and note["who"] == "审校甲"


def test_retype_and_rename(built):
    graph = built[4]
    assert [n["type"] for n in node(graph, "岳西县纪委监委")] == ["Organization"]
    renamed = node(graph, "赵志钢")
    assert len(renamed) == 1 and "赵志刚" in renamed[0]["aliases"] and node(graph, "赵志刚") == []
    assert facts(graph, s="person/赵志钢", role="副县长")[0]["id"] == fact_id(
        "c.txt", "赵志刚", "holdsPosition", None, "副县长", "岳西县人民政府")      # the id outlives the rename


def test_home_changes_the_extraction(built):
    root = built[0]
    rows = [json.loads(x) for x in (root / "out" / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["article"]: r["home"] for r in rows}["e.txt"] == "蓬溪县"
    assert not [n for n in built[4]["nodes"] if n["key"].endswith("@e.txt")]      # 县委 is now 蓬溪县's


def test_accept_marks_the_fact_checked(built):
    fact = facts(built[4], id=POST_B)[0]
    assert fact["corrections"][0].startswith("accept-")


def test_provenance_in_the_rdf(built):
    trig = (built[0] / "out" / "graph.trig").read_text(encoding="utf-8")
    corr = trig[trig.index("<https://kg.example.org/id/graph/corrections>"):]
    corr = corr[: corr.index("}")]
    assert "prov:Activity" in corr and "kg:Correction" in corr and 'kg:correctionKind "reject"' in corr
    assert "prov:wasAssociatedWith agent:审校乙" in corr and '"报道有误，已更正"@zh' in corr
    rej = trig[trig.index("<https://kg.example.org/id/graph/rejected>"):]
    assert f"fact:{INVESTIGATED}" in rej[: rej.index("}")] and "prov:wasInvalidatedBy" in rej
    ttl = (built[0] / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "prov:wasGeneratedBy correction:add-" in ttl and "kg:investigatedBy" not in ttl.split("kg:Fact")[0]
    assert cli.main(["validate", str(built[0] / "out")]) == 0


def test_query_leaves_rejected_facts_out_unless_asked(built, capsys):
    out = str(built[0] / "out")
    q = f"ASK {{ <https://kg.example.org/id/fact/{INVESTIGATED}> ?p ?o }}"
    assert cli.main(["query", "--out", out, q]) == 0
    assert capsys.readouterr().out == "false\n"
    assert cli.main(["query", "--out", out, "--include-rejected", q]) == 0
    assert capsys.readouterr().out == "true\n"


def test_the_view_marks_corrected_facts_with_their_note(built):
    html = (built[0] / "out" / "graph.html").read_text(encoding="utf-8")
    assert '"corrected": [{"id": "add-' in html.replace('\\"', '"') or '"corrected":[{"id":"add-' in html
    assert "县政府网站公布的分工" in html and "✎ 已更正" in html


# -- determinism, orphans, the cache ---------------------------------------------------------------------
def test_same_sources_and_corrections_give_the_same_bytes(built, tmp_path):
    root, src = built[0], built[1]
    build([src], tmp_path / "again", warn=lambda e: None, cache=False)
    assert digests(tmp_path / "again") == digests(root / "out")


def test_an_article_removed_orphans_its_corrections(built, tmp_path):
    src = corpus(tmp_path, names=[n for n in ARTICLES if n != "c.txt"])
    warnings: list[KgError] = []
    summary = build([src], tmp_path / "out", warn=warnings.append)
    orphans = {o["kind"]: o["problem"] for o in summary["corrections"]["orphans"]}
    assert set(orphans) == {"reject", "add", "retype", "rename"}
    assert "赵志刚" in orphans["rename"] and "c.txt" in orphans["add"]
    assert len(warnings) == 5 and all(w.code == "E109" for w in warnings)
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert sum(c["status"] == "orphaned" for c in graph["corrections"]) == 5


def test_only_home_corrections_reach_the_extraction_cache(tmp_path):
    src = corpus(tmp_path, corrections=None)
    first = build([src], tmp_path / "out", warn=lambda e: None)
    assert first["extraction"]["extracted"] == 5
    (src / "corrections.toml").write_text(CORRECTIONS.split("[[home]]")[0], encoding="utf-8")
    assert build([src], tmp_path / "out", warn=lambda e: None)["extraction"].get("extracted", 0) == 0
    (src / "corrections.toml").write_text(CORRECTIONS, encoding="utf-8")
    assert build([src], tmp_path / "out", warn=lambda e: None)["extraction"]["extracted"] == 1


def test_an_unchanged_fact_keeps_its_id_when_the_text_around_it_moves(tmp_path):
    src = corpus(tmp_path, names=["a.txt"], corrections=None)
    build([src], tmp_path / "one", warn=lambda e: None)
    (src / "a.txt").write_text(ARTICLES["a.txt"].replace("本报讯 4月2日，", "本报讯 4月2日上午，天气晴。"), encoding="utf-8")
    build([src], tmp_path / "two", warn=lambda e: None)
    ids = [{f["id"]: f.get("evidence_start") for f in json.loads((tmp_path / d / "graph.json").read_text(
        encoding="utf-8"))["facts"] if f["p"] == "holdsPosition"} for d in ("one", "two")]
    assert ids[0].keys() == ids[1].keys() and list(ids[0].values()) != list(ids[1].values())


# -- a malformed file ------------------------------------------------------------------------------------
BAD = [
    ("who = \"甲\"\n[[reject]]\nfact = \"x\"\nwhy = \"y\n", "E100", "line 4"),
    ("who = \"甲\"\n\n[[remove]]\nfact = \"x\"\nwhy = \"y\"\n", "E101", "line 3"),
    ("who = \"甲\"\n[[merge]]\nentities = [\"a\", \"b\"]\n", "E102", "line 2"),
    ("[[merge]]\nentities = [\"a\", \"b\"]\nwhy = \"y\"\n", "E102", "'who'"),
    ("who = \"甲\"\n[[merge]]\nwhy = \"y\"\nentities = [\"a\", \"b\"]\nby = \"x\"\n", "E103", "line 5"),
    ("who = \"甲\"\n[[merge]]\nwhy = \"y\"\nentities = [\"a\"]\n", "E104", "line 4"),
    ("who = \"甲\"\n[[add]]\narticle = \"a\"\ns = \"b\"\np = \"knows\"\no = \"c\"\nwhy = \"y\"\n", "E104", "line 5"),
    ("who = \"甲\"\n[[split]]\nentity = \"a\"\nwhy = \"y\"\n", "E106", "line 2"),
]


@pytest.mark.parametrize("text,code,where", BAD)
def test_a_malformed_file_is_one_clear_error_with_its_line(tmp_path, text, code, where):
    p = tmp_path / "corrections.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(KgError) as e:
        load(p)
    assert e.value.code == code and where in str(e.value) and str(p) in str(e.value)


def test_a_malformed_file_stops_the_build_before_anything_is_written(built, tmp_path, capsys):
    src = corpus(tmp_path, corrections="who = \"甲\"\n[[merge]\n")
    shutil.copytree(built[0] / "out", tmp_path / "out")
    before = digests(tmp_path / "out")
    assert cli.main(["build", str(src), "-q", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "E100" not in err and "line 2" in err and "malformed TOML" in err and len(err.strip().splitlines()) == 1
    assert digests(tmp_path / "out") == before
    assert cli.main(["build", str(src), "-q", "-o", str(tmp_path / "fresh")]) == 1
    assert not (tmp_path / "fresh").exists()


# -- the review queue ------------------------------------------------------------------------------------
def test_review_lists_risky_facts_first_and_writes_decisions_keeping_comments(built, tmp_path, capsys):
    out = built[0] / "out"
    mine = tmp_path / "mine.toml"
    mine.write_text("# my notes, kept\nwho = \"审校丙\"\n\n[[accept]]  # first\nfact = \"0\"\nwhy = \"x\"\n", encoding="utf-8")
    assert cli.main(["review", str(out), "--corrections", str(mine)]) == 0
    listing = capsys.readouterr().out
    first = listing.splitlines()[0].split()[0]
    assert "investigatedBy" not in listing                   # rejected already
    assert "« " in listing and "why look:" in listing
    assert cli.main(["review", str(out), "--corrections", str(mine), "--accept", first]) == 0
    assert cli.main(["review", str(out), "--corrections", str(mine), "--reject", POST_B, "--why", "不实"]) == 0
    capsys.readouterr()
    text = mine.read_text(encoding="utf-8")
    assert text.startswith("# my notes, kept\nwho = \"审校丙\"\n\n[[accept]]  # first\n")
    items = parse(text, mine).items
    assert [(c.kind, c.get("fact"), c.who) for c in items] == [
        ("reject", POST_B, "审校丙"), ("accept", "0", "审校丙"), ("accept", first, "审校丙")]
    assert cli.main(["review", str(out), "--corrections", str(mine), "--top", "500"]) == 0
    assert first not in capsys.readouterr().out              # accepted: out of the queue
    assert cli.main(["review", str(out), "--corrections", str(mine), "--reject", "nosuchid"]) == 1
    assert "nosuchid" in capsys.readouterr().err


def test_review_ranks_a_thin_namesake_merge_first():
    from kg.correct.queue import queue
    g = Graph(nodes={"person/王斌": Node("person/王斌", "Person", "王斌", attrs={
        "resolution": "王斌 in a: first mention; 王斌 in b: joined (reporters of one paper (东山市))"}),
        "person/李军": Node("person/李军", "Person", "李军"), "place/东山县": Node("place/东山县", "Place", "东山县")},
        facts=[Fact("person/李军", "inspected", "place/东山县", "a", confidence=0.9, evidence="…", id="1"),
               Fact("person/王斌", "inspected", "place/东山县", "b", confidence=0.9, evidence="…", id="2")])
    assert [i.fact.id for i in queue(g)] == ["2"]
    assert "thin evidence" in queue(g)[0].reasons[0]


# -- kinds on hand-made graphs ---------------------------------------------------------------------------
def _graph() -> Graph:
    n = {k: Node(k, k.split("/")[0].title(), k.split("/")[1].split("@")[0], articles=set(a)) for k, a in (
        ("person/王斌", "ab"), ("agency/东山县人民政府", "ab"), ("agency/西山县人民政府", "b"), ("place/东山县", "a"))}
    n["agency/东山县人民政府"].type = n["agency/西山县人民政府"].type = "Agency"
    return Graph(nodes=n, facts=[
        Fact("person/王斌", "holdsPosition", None, "a", role="县长", org="agency/东山县人民政府", id="f1"),
        Fact("person/王斌", "holdsPosition", None, "b", role="局长", org="agency/西山县人民政府", id="f2"),
        Fact("person/王斌", "inspected", "place/东山县", "a", id="f3")], articles={"a": None, "b": None})


def _apply(g: Graph, text: str):
    return apply(g, parse('who = "甲"\n' + text, Path("c.toml")))


def test_split_by_post():
    g = _graph()
    out = _apply(g, '[[split]]\nentity = "王斌"\nrole = "局长"\nas = "西山县"\nwhy = "两人"\n')
    assert not out.orphaned and g.nodes["person/王斌@西山县"].articles == {"b"}
    assert [f.s for f in g.facts] == ["person/王斌", "person/王斌@西山县", "person/王斌"]


def test_unmatched_and_ambiguous_corrections_are_orphaned_not_dropped():
    g = _graph()
    g.nodes["place/王斌"] = Node("place/王斌", "Place", "王斌")
    out = _apply(g, '[[rename]]\nentity = "王斌"\nto = "王永"\nwhy = "x"\n'
                    '[[merge]]\nentities = ["东山县", "东山县人民政府"]\nwhy = "x"\n'
                    '[[accept]]\nfact = "f9"\nwhy = "x"\n')
    assert [(c.kind, why) for c, why in out.orphaned] == [
        ("merge", "they are of different types (retype one first)"),
        ("rename", "王斌 names several entities: person/王斌, place/王斌"),
        ("accept", "no fact f9 (not extracted this time?)")]
    assert len(g.nodes) == 5 and all(d["status"] == "orphaned" for d in g.corrections.values())


def test_rename_onto_an_existing_name_merges():
    g = _graph()
    _apply(g, '[[rename]]\nentity = "西山县人民政府"\nto = "东山县人民政府"\nwhy = "x"\n')
    assert "agency/西山县人民政府" not in g.nodes and g.nodes["agency/东山县人民政府"].articles == {"a", "b"}
    assert {f.org for f in g.facts if f.org} == {"agency/东山县人民政府"}


def test_a_focused_view_keeps_the_notes(built, tmp_path):
    out = built[0] / "out"
    assert cli.main(["view", str(out), "--focus", "赵志钢", "-o", str(tmp_path / "v.html")]) == 0
    html = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "县政府网站公布的分工" in html and "错字" in html


def test_adding_a_fact_that_was_extracted_confirms_it_instead_of_doubling_it():
    g = _graph()
    g.facts[0].id = fact_id("a", "王斌", "holdsPosition", None, "县长", "东山县人民政府")
    out = _apply(g, '[[add]]\narticle = "a"\ns = "王斌"\np = "holdsPosition"\nrole = "县长"\norg = "东山县人民政府"\nwhy = "x"\n')
    assert not out.orphaned and len(g.facts) == 3 and g.facts[0].corrections == [out.applied[0].id]


def test_interactive_review_writes_a_new_file(built, tmp_path, monkeypatch, capsys):
    answers = iter(["a", "", "s", "r", "不实", "q"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    new = tmp_path / "new.toml"
    assert cli.main(["review", str(built[0] / "out"), "--corrections", str(new), "-i", "--who", "审校丁"]) == 0
    items = load(new).items
    assert [(c.kind, c.who, c.why) for c in items] == [("reject", "审校丁", "不实"),
                                                       ("accept", "审校丁", "checked in kg review")]
    assert new.read_text(encoding="utf-8").startswith("# kg corrections")


def test_a_home_that_is_no_division_is_reported(tmp_path):
    src = corpus(tmp_path, names=["e.txt"], corrections='who = "甲"\n[[home]]\narticle = "e.txt"\nplace = "无此县"\nwhy = "x"\n')
    summary = build([src], tmp_path / "out", warn=lambda e: None)
    assert summary["corrections"]["orphans"][0]["problem"].startswith("无此县 is no division")


def test_an_entity_keeps_the_history_of_its_corrections():
    g = _graph()
    out = _apply(g, '[[merge]]\nentities = ["东山县人民政府", "西山县人民政府"]\nwhy = "x"\n'
                    '[[rename]]\nentity = "东山县人民政府"\nto = "东山县政府"\nwhy = "y"\n')
    assert g.nodes["agency/东山县政府"].attrs["corrections"] == [c.id for c in out.applied]
    assert g.facts[1].corrections == [c.id for c in out.applied]
