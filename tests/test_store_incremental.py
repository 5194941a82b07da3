"""The store in OUT/store: incremental updates by content hash, removal, merging across articles."""
from __future__ import annotations

import copy
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import KgError
from kg.export.files import write_graph_files
from kg.model import Fact
from kg.rdf import build_dataset
from kg.rdf.example import sample_graph
from kg.store import open_store, sync
from kg.store.query import run_query
from kg.store.read import dataset_from_store

B = "https://kg.example.org/id/"


def build(graph, out: Path):
    """What kg build does after resolve: sync the store, write the graph files."""
    ds = build_dataset(graph)
    with open_store(out, create=True) as store:
        report = sync(store, ds)
    write_graph_files(ds, out)
    return report


def without(graph, aid: str):
    """``graph`` as if article ``aid`` had never been read."""
    g = copy.deepcopy(graph)
    del g.articles[aid]
    g.facts = [f for f in g.facts if f.article != aid]
    for n in g.nodes.values():
        n.articles.discard(aid)
    g.nodes = {k: n for k, n in g.nodes.items() if n.articles}
    return g


def dump(out: Path) -> set:
    with open_store(out, read_only=True) as store:
        return {str(q) for q in store}


def ask(out: Path, sparql: str) -> str:
    with open_store(out, read_only=True) as store:
        return run_query(store, sparql, "csv")


def test_unchanged_articles_are_skipped(tmp_path: Path):
    assert vars(build(sample_graph(), tmp_path)) == {"added": 3, "replaced": 0, "removed": 0, "unchanged": 0}
    assert vars(build(sample_graph(), tmp_path)) == {"added": 0, "replaced": 0, "removed": 0, "unchanged": 3}


def test_a_changed_article_replaces_only_its_graph(tmp_path: Path):
    build(sample_graph(), tmp_path)
    g = sample_graph()
    g.facts = [f for f in g.facts if not (f.article == "a3" and f.s == "person/李四")]
    assert vars(build(g, tmp_path)) == {"added": 0, "replaced": 1, "removed": 0, "unchanged": 2}
    assert "李四" not in ask(tmp_path, "SELECT ?n WHERE { ?p kg:investigatedBy ?a ; rdfs:label ?n }")


def test_incremental_result_equals_a_fresh_build(tmp_path: Path):
    grown = sample_graph()
    small = without(grown, "a3")
    inc, fresh = tmp_path / "inc", tmp_path / "fresh"
    build(small, inc)
    assert vars(build(grown, inc)) == {"added": 1, "replaced": 0, "removed": 0, "unchanged": 2}
    build(grown, fresh)
    assert dump(inc) == dump(fresh)
    for name in ("graph.ttl", "graph.trig"):
        assert (inc / name).read_bytes() == (fresh / name).read_bytes()


def test_articles_gone_from_the_input_are_dropped(tmp_path: Path):
    build(sample_graph(), tmp_path)
    report = build(without(sample_graph(), "a3"), tmp_path)
    assert (report.removed, report.unchanged) == (1, 2)
    assert "张三" not in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


def test_merging_across_articles_survives_removal(tmp_path: Path):
    build(sample_graph(), tmp_path)
    # 东山县 is in a1 and a3; its alias 东山 and the person 王建华 come from elsewhere too
    assert main(["remove", "a1", "--out", str(tmp_path)]) == 0
    assert "东山县" in ask(tmp_path, "SELECT ?n WHERE { place:东山县 rdfs:label ?n }")
    # 王建华 is still known from a2, but no longer inspected anything
    assert "王建华" in ask(tmp_path, "SELECT ?n WHERE { person:王建华 rdfs:label ?n }")
    assert ask(tmp_path, "ASK { person:王建华 kg:inspected ?x }").strip().endswith("false")
    # the project only a1 mentioned is gone entirely
    assert ask(tmp_path, "ASK { project:东山县光伏发电项目 ?p ?o }").strip().endswith("false")
    ttl = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "东山县光伏发电项目" not in ttl and "place:东山县 a kg:Place" in ttl


def test_remove_then_rebuild_restores_the_same_files(tmp_path: Path):
    build(sample_graph(), tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes(), (tmp_path / "graph.trig").read_bytes()
    assert main(["remove", "a2", "--out", str(tmp_path)]) == 0
    assert vars(build(sample_graph(), tmp_path))["added"] == 1
    assert ((tmp_path / "graph.ttl").read_bytes(), (tmp_path / "graph.trig").read_bytes()) == before


def test_files_rewritten_from_the_store_equal_the_build_files(tmp_path: Path):
    build(sample_graph(), tmp_path)
    with open_store(tmp_path, read_only=True) as store:
        ds = dataset_from_store(store)
    again = tmp_path / "again"
    again.mkdir()
    write_graph_files(ds, again)
    assert (again / "graph.ttl").read_bytes() == (tmp_path / "graph.ttl").read_bytes()
    assert (again / "graph.trig").read_bytes() == (tmp_path / "graph.trig").read_bytes()


def test_remove_unknown_article_is_one_line_error(tmp_path: Path, capsys):
    build(sample_graph(), tmp_path)
    assert main(["remove", "nope.txt", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"kg: error: no article 'nope.txt' in {tmp_path}"


def test_interrupted_update_is_repaired(tmp_path: Path):
    build(sample_graph(), tmp_path)
    # simulate a crash after the content was loaded but before the hash was written
    with open_store(tmp_path) as store:
        a1 = ox.NamedNode(B + "article/a1")
        store.remove(ox.Quad(a1, ox.NamedNode("https://kg.example.org/ontology#contentHash"),
                             next(iter(store.quads_for_pattern(a1, ox.NamedNode(
                                 "https://kg.example.org/ontology#contentHash"), None, a1))).object, a1))
    assert build(sample_graph(), tmp_path).replaced == 1


def test_a_second_writer_gets_a_clear_error(tmp_path: Path):
    build(sample_graph(), tmp_path)
    with open_store(tmp_path):
        with pytest.raises(KgError, match="in use by another kg process"):
            with open_store(tmp_path):
                pass
        with open_store(tmp_path, read_only=True) as reader:      # readers are fine
            assert len(reader) > 0


def test_base_change_rebuilds_everything(tmp_path: Path):
    build(sample_graph(), tmp_path)
    ds = build_dataset(sample_graph(), "http://example.org/other/")
    with open_store(tmp_path) as store:
        report = sync(store, ds)
    assert (report.added, report.removed) == (3, 3)


def test_a_fact_marks_only_its_article():
    g = sample_graph()
    before = build_dataset(g).digests
    g.facts.append(Fact("person/张三", "inspected", "place/柳溪镇", "a3"))     # 张三 is only in a3
    after = build_dataset(g).digests
    assert [k for k in before if before[k] != after[k]] == [B + "article/a3"]


def test_a_description_that_changed_on_its_own_is_rewritten(tmp_path: Path):
    build(sample_graph(), tmp_path)
    g = sample_graph()
    g.nodes["place/东山县"].aliases.add("东山县城")     # e.g. a new resolver: no article changed
    assert vars(build(g, tmp_path))["unchanged"] == 3
    assert "东山县城" in ask(tmp_path, "SELECT ?a WHERE { place:东山县 skos:altLabel ?a }")
    build(g, tmp_path / "fresh")
    assert dump(tmp_path) == dump(tmp_path / "fresh")


def test_every_incremental_step_gives_the_store_of_a_fresh_build(tmp_path: Path):
    def content(out: Path) -> set:
        return {x for x in dump(out) if "contentHash" not in x}

    for step in (sample_graph(), without(sample_graph(), "a1"), sample_graph(), without(sample_graph(), "a3")):
        build(step, tmp_path / "inc")
        fresh = tmp_path / f"fresh{id(step)}"
        build(step, fresh)
        assert dump(tmp_path / "inc") == dump(fresh)
    # kg remove gives the same store as a build without the article (hashes aside: they are
    # refreshed by the next build)
    build(sample_graph(), tmp_path / "inc")
    main(["remove", "a2", "--out", str(tmp_path / "inc")])
    build(without(sample_graph(), "a2"), tmp_path / "ref")
    assert content(tmp_path / "inc") == content(tmp_path / "ref")


def test_queries_see_each_merged_triple_once(tmp_path: Path):
    build(sample_graph(), tmp_path)      # 王建华 is described in a1 and a2
    assert ask(tmp_path, "SELECT ?n WHERE { person:王建华 rdfs:label ?n }").splitlines()[1:] == ["王建华"]


def test_early_loading_while_mapping_gives_the_same_store(tmp_path: Path):
    from concurrent.futures import ThreadPoolExecutor
    from kg.store import EarlyLoad
    build(sample_graph(), tmp_path / "plain")
    with open_store(tmp_path / "early", create=True) as store, ThreadPoolExecutor(1) as pool:
        early = EarlyLoad(store, pool, batch=10)          # several loads, while mapping
        ds = build_dataset(sample_graph(), on_graph=early)
        early.flush()
        report = pool.submit(sync, store, ds, early.loaded).result()
        early.check()
    assert (report.added, len(early.loaded)) == (3, 3)
    assert dump(tmp_path / "early") == dump(tmp_path / "plain")
    with open_store(tmp_path / "early") as store, ThreadPoolExecutor(1) as pool:
        early = EarlyLoad(store, pool)                    # a store with content: does nothing
        ds = build_dataset(sample_graph(), on_graph=early)
        assert not early.active and sync(store, ds, early.loaded).unchanged == 3


def test_without_the_description_hashes_the_shared_graph_is_rewritten_whole(tmp_path: Path):
    build(sample_graph(), tmp_path)
    (tmp_path / "store" / "kg-shared.json").unlink()
    g = sample_graph()
    g.nodes["person/王伟"].aliases.add("王副市长")
    assert build(g, tmp_path).unchanged == 3
    build(g, tmp_path / "fresh")
    assert dump(tmp_path) == dump(tmp_path / "fresh")
