"""Bodies and divisions under former names resolve to the body as it was named at the article's date.

Sentences written for these tests (no development article's names or sentences).
"""
from __future__ import annotations

import pytest

from kg.divisions import history


@pytest.mark.parametrize("old,now", [("襄樊市", "襄阳市"), ("思茅市", "普洱市"), ("萧山市", "萧山区")])
def test_division_history_knows_the_renames(old, now):
    assert now in {r.now for r in history()[old]}


def test_a_former_name_in_an_article_of_its_time_is_the_division_as_named_then(run_rule):
    made = run_rule("place.former-division", "2005年3月1日，襄樊市召开全市经济工作会议。")
    assert made.labels == ["襄樊市"]
    cand = next(c for c in made.work.candidates if c.rule == "place.former-division")
    assert cand.attrs["renamed"] == {"old": "襄樊市", "now": "襄阳市", "year": 2011}


def test_a_former_name_in_a_later_article_is_todays_division(run_rule):
    assert run_rule("place.former-division", "2020年6月1日，原思茅市老城区改造完工。").labels == ["普洱市"]


def test_a_former_county_level_city_now_a_district(run_rule):
    made = run_rule("place.former-division", "1999年5月4日，萧山市召开会议。")
    assert made.labels == ["萧山市"]


def test_a_former_citys_committee_keeps_its_name_of_the_time(run_rule):
    labels = run_rule("agency.place-core", "2005年3月1日，襄樊市委召开常委会议。").labels
    assert labels == ["中共襄樊市委员会"]


@pytest.mark.parametrize("surface,name", [
    ("环保局", "岳西县环境保护局"), ("工商局", "岳西县工商行政管理局"), ("质监局", "岳西县质量技术监督局"),
    ("食药监局", "岳西县食品药品监督管理局"), ("国土资源局", "岳西县国土资源局"),
])
def test_departments_named_before_the_2018_reform(run_rule, surface, name):
    assert run_rule("agency.place-core", f"2012年4月1日，岳西县{surface}开展执法检查。").labels == [name]


def test_when_both_names_are_seen_the_rdf_links_them_with_the_year_and_conforms():
    import rdflib

    from kg.extract import Extractor
    from kg.model import Article
    from kg.rdf import build_dataset
    from kg.rdf.namespaces import prefixes
    from kg.rdf.turtle import turtle
    from kg.rdf.validate import validate_text
    from kg.resolve import resolve

    docs = [Extractor()(Article("a.txt", "2005年3月1日，襄樊市召开全市经济工作会议。")),
            Extractor()(Article("b.txt", "2016年5月2日，襄阳市召开全市经济工作会议。"))]
    ds = build_dataset(resolve(docs))
    text = turtle(ds.union(), prefixes(ds.base))
    g = rdflib.Graph().parse(data=text, format="turtle")
    base, kg = ds.base, "https://kg.example.org/ontology#"
    old, now = rdflib.URIRef(base + "place/襄樊市"), rdflib.URIRef(base + "place/襄阳市")
    assert (old, rdflib.URIRef(kg + "renamedTo"), now) in g
    year = g.value(old, rdflib.URIRef(kg + "renamedIn"))
    assert str(year) == "2011" and year.datatype == rdflib.XSD.gYear
    assert validate_text(text)[0]


def test_a_paper_of_a_renamed_city_speaks_of_it_by_its_name_of_the_time(run_rule):
    text = "2005年3月1日，我市襄樊市召开会议，市委、市政府主要领导出席。"
    assert run_rule("agency.place-core", text).labels == ["中共襄樊市委员会", "襄樊市人民政府"]
    later = "2016年3月1日，我市襄阳市召开会议，市委、市政府主要领导出席。"
    assert run_rule("agency.place-core", later).labels == ["中共襄阳市委员会", "襄阳市人民政府"]


def test_a_department_named_after_the_reform_is_the_body_it_became(run_rule):
    made = run_rule("agency.place-core", "2021年4月1日，岳西县环保局开展执法检查。")
    assert made.labels == ["岳西县生态环境局"]
    cand = next(c for c in made.work.candidates if c.rule == "agency.place-core")
    assert "岳西县环境保护局" in cand.aliases


def test_the_rdf_links_a_renamed_department_to_its_successor_when_both_are_seen():
    import rdflib

    from kg.extract import Extractor
    from kg.model import Article
    from kg.rdf import build_dataset
    from kg.rdf.namespaces import prefixes
    from kg.rdf.turtle import turtle
    from kg.rdf.validate import validate_text
    from kg.resolve import resolve

    docs = [Extractor()(Article("a.txt", "2012年4月1日，岳西县环保局开展执法检查。")),
            Extractor()(Article("b.txt", "2021年4月1日，岳西县生态环境局开展执法检查。"))]
    ds = build_dataset(resolve(docs))
    text = turtle(ds.union(), prefixes(ds.base))
    g = rdflib.Graph().parse(data=text, format="turtle")
    old, now = rdflib.URIRef(ds.base + "agency/岳西县环境保护局"), rdflib.URIRef(ds.base + "agency/岳西县生态环境局")
    assert (old, rdflib.URIRef("https://kg.example.org/ontology#renamedTo"), now) in g
    assert validate_text(text)[0]
