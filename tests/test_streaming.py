"""The streamed build gives what the whole-graph stages give: resolution of spilled docs, RDF written
graph by graph, articles' RDF taken from the memo — same graph, same bytes."""
from __future__ import annotations

from pathlib import Path

from kg import cli
from kg.cache import Memo
from kg.export.files import write_graph_files
from kg.model import Article, Doc, Relation
from kg.rdf import build_dataset
from kg.rdf.example import sample_graph
from kg.rdf.stream import GraphFiles
from kg.resolve import resolve
from kg.resolve.stream import StreamedResolve
from kg.view.graphjson import dumps

FILES = ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl")


def _docs() -> list[Doc]:
    """Three articles with invented names: one official in two cities (namesakes), a shared county."""
    out = []
    for aid, city in (("a1", "东山市"), ("a2", "西河市"), ("a3", "东山市")):
        d = Doc(Article(aid, ""), home=city, date="2024-03-0" + aid[-1])
        d.add_entity("Person", "王建华")
        d.add_entity("Agency", f"{city}人民政府")
        d.add_entity("Place", "南岭县", "南岭")
        d.add_relation(Relation("王建华", "holdsPosition", role="市长", org=f"{city}人民政府"))
        d.add_relation(Relation("王建华", "inspected", "南岭县"))
        out.append(d)
    return out


def test_spilled_docs_resolve_to_the_same_graph(tmp_path):
    r = StreamedResolve(tmp_path / "docs.bin")
    for d in _docs():
        r.add(d)
    streamed = r.graph()
    assert dumps(streamed) == dumps(resolve(_docs()))
    assert not (tmp_path / "docs.bin").exists()          # the spill goes once read


def test_graphs_written_one_by_one_equal_the_whole_dataset(tmp_path):
    whole, one = tmp_path / "whole", tmp_path / "one"
    whole.mkdir(), one.mkdir()
    write_graph_files(build_dataset(sample_graph()), whole)
    files = GraphFiles(one, "https://kg.example.org/id/")
    ds = build_dataset(sample_graph(), sink=files.part)
    files.finish(ds.shared)
    assert not ds.graphs and ds.released and len(ds) == len(build_dataset(sample_graph()))
    for name in ("graph.ttl", "graph.trig"):
        assert (one / name).read_bytes() == (whole / name).read_bytes()
    assert [p.name for p in one.iterdir() if p.name.startswith(".")] == []      # no part left behind


def test_articles_from_the_memo_give_the_same_bytes(tmp_path):
    memo = Memo(tmp_path / "memo.sqlite")
    outs = []
    for i in range(2):                  # the first fills the memo, the second reads every article from it
        d = tmp_path / str(i)
        d.mkdir()
        files = GraphFiles(d, "https://kg.example.org/id/")
        ds = build_dataset(resolve(_docs()), sink=files.part, memo=memo)
        files.finish(ds.shared)
        outs.append(((d / "graph.trig").read_bytes(), dict(ds.digests)))
    assert outs[0] == outs[1]
    assert memo.store.size()[0] == 3


def test_a_changed_article_is_mapped_again(tmp_path):
    memo = Memo(tmp_path / "memo.sqlite")
    before = build_dataset(resolve(_docs()), memo=memo).digests
    docs = _docs()
    docs[1].add_relation(Relation("王建华", "attended", "南岭县"))
    after = build_dataset(resolve(docs), memo=memo)
    fresh = build_dataset(resolve(docs))
    assert after.digests == fresh.digests and after.shared == fresh.shared
    changed = {g for g in before if before[g] != after.digests[g]}
    assert changed == {"https://kg.example.org/id/article/a2"}


def _build(src: Path, out: Path, *more: str) -> dict[str, bytes]:
    assert cli.main(["-q", "build", str(src), "-o", str(out), *more]) == 0
    return {n: (out / n).read_bytes() for n in FILES}


def test_a_build_from_the_cache_and_memo_equals_one_without(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    (src / "a.txt").write_text("东山市市长王建华到南岭县调研春耕生产，察看了南岭镇农资供应站。", encoding="utf-8")
    (src / "b.txt").write_text("西河市人民政府与北岭农业科技有限公司签约，共建西河市智慧农业示范园项目。", encoding="utf-8")
    first = _build(src, tmp_path / "o1")
    again = _build(src, tmp_path / "o2")                  # extraction cache and memo hits
    (src / "c.txt").write_text("东山市副市长李红梅到北岭农业科技有限公司调研。", encoding="utf-8")
    grown = _build(src, tmp_path / "o2")                  # one new article over the old OUT
    assert again == first
    assert grown == _build(src, tmp_path / "o3", "--no-cache")


def test_the_layout_is_the_same_whatever_the_hash_seed():
    """graph.html must be the same bytes in every process: Python's string hashing differs per process."""
    import subprocess
    import sys
    code = ("import json; from kg.view.sample import random_graph; from kg.view.layout import layout; "
            "g = random_graph(800, 3000, seed=3); "
            "edges = sorted({tuple(sorted((f.s, f.o))) for f in g.facts if f.o in g.nodes}); "
            "print(json.dumps(sorted(layout(sorted(g.nodes), edges).items())))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in (1, 2)}
    assert len(runs) == 1
