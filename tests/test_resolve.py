"""Cross-article resolution: one node per entity, namesakes in different cities kept apart."""
from __future__ import annotations

from kg.extract import Extractor
from kg.model import Article
from kg.resolve import resolve


def docs(*items):
    return [Extractor(home=home)(Article(aid, text)) for aid, home, text in items]


def test_same_official_in_two_articles_is_one_node_with_both_articles():
    g = resolve(docs(("a.txt", "运城市", "市委书记王建军来到芮城县调研。"),
                     ("b.txt", "运城市", "市委书记王建军主持召开会议。")))
    persons = [n for n in g.nodes.values() if n.type == "Person"]
    assert [p.label for p in persons] == ["王建军"]
    assert persons[0].articles == {"a.txt", "b.txt"}
    agency = g.nodes["agency/中共运城市委员会"]
    assert agency.articles == {"a.txt", "b.txt"}


def test_namesakes_with_posts_in_different_cities_stay_two_nodes_and_the_decision_is_recorded():
    g = resolve(docs(("a.txt", "运城市", "市委书记王建军来到芮城县调研。"),
                     ("b.txt", "朔州市", "朔州市教育局局长王建军到校检查。")))
    keys = sorted(k for k, n in g.nodes.items() if n.type == "Person")
    assert keys == ["person/王建军@朔州市", "person/王建军@运城市"]
    assert all(g.nodes[k].attrs["resolution"] for k in keys)
    holds = {(f.s, f.org) for f in g.facts if f.p == "holdsPosition"}
    assert ("person/王建军@运城市", "agency/中共运城市委员会") in holds
    assert ("person/王建军@朔州市", "agency/朔州市教育局") in holds


def test_a_mention_without_a_post_joins_the_namesake_of_its_home_city():
    g = resolve(docs(("a.txt", "运城市", "市委书记王建军来到芮城县调研。"),
                     ("b.txt", "朔州市", "朔州市教育局局长王建军到校检查。"),
                     ("c.txt", "朔州市", "王建军说，今年要再建三所学校。")))
    assert "c.txt" in g.nodes["person/王建军@朔州市"].articles


def test_node_keys_are_stable_across_runs():
    items = (("a.txt", "运城市", "市政府与山西晋南钢铁集团有限公司签约。"),)
    assert list(resolve(docs(*items)).nodes) == list(resolve(docs(*items)).nodes)
