"""Rules of the ``organization`` family, one rule at a time (sentences written for these tests)."""
from __future__ import annotations

import pytest


def _left(made, type_="Organization") -> list[str]:
    """Labels of the candidates of ``type_`` still there after a filter rule ran."""
    return sorted(c.label for c in made.work.candidates if c.type == type_)


@pytest.mark.parametrize("sentence,expected", [
    ("王建华来到东山县青禾科技有限公司调研。", ["东山县青禾科技有限公司"]),
    ("北岭师范学院美术系举办画展。", ["北岭师范学院"]),
    ("青禾公司获评全国科普教育基地。", ["青禾公司", "全国科普教育基地"]),     # the filters come later
    ("他在中学任教。", []),                                                # no name before the ending
])
def test_suffix(run_rule, sentence, expected):
    assert run_rule("organization.suffix", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("去年，国家级众创空间落户东山。", []),
    ("去年，东山县科技企业孵化器投入使用。", ["东山县科技企业孵化器"]),     # a place says whose
])
def test_not_a_kind(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-a-kind", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("青禾公司获评全国科普教育基地。", ["青禾公司"]),
    ("王建华来到东山县青禾科技有限公司调研。", ["东山县青禾科技有限公司"]),
])
def test_not_a_title(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-a-title", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东山县建成50所寄宿制学校。", []),
    ("东山县人民医院开展义诊。", ["东山县人民医院"]),
])
def test_not_counted(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-counted", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("王建华参观了运城市图书馆、市科技馆和博物馆。", ["运城市科技馆"]),
    ("王建华参观了市图书馆。", []),              # not at the start of a list item
])
def test_level_prefix(run_rule, sentence, expected):
    assert run_rule("organization.level-prefix", sentence, home="运城市").labels == expected


def test_level_prefix_needs_a_home(run_rule):
    assert run_rule("organization.level-prefix", "王建华参观了东山市图书馆、市科技馆和博物馆。").labels == []


@pytest.mark.parametrize("sentence,expected", [
    ("东山县图书馆、博物馆、科技馆免费开放。", ["东山县博物馆", "东山县科技馆"]),
    ("图书馆、博物馆免费开放。", []),               # the first item has no name to share
])
def test_list_ellipsis(run_rule, sentence, expected):
    assert run_rule("organization.list-ellipsis", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("青禾科技、远帆物流和北岭制药等企业参加洽谈。", ["青禾科技", "远帆物流", "北岭制药"]),
    ("新材料、生物医药等领域企业参加洽谈。", []),    # a list of sectors
])
def test_listed_body(run_rule, sentence, expected):
    assert run_rule("organization.listed-body", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("中科院专家来到东山县。", ["中国科学院"]),
    ("专家来到东山县。", []),
])
def test_known_body(run_rule, sentence, expected):
    assert run_rule("organization.known-body", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("其中，青禾研究院与远帆大学合作的新型锂电池正极材料制备技术获奖。", ["青禾研究院", "远帆大学"]),
    ("其中，青禾研究院与远帆大学合作举办论坛。", []),     # no joint technology
])
def test_cooperation(run_rule, sentence, expected):
    assert run_rule("organization.cooperation", sentence).labels == expected


def test_cooperation_is_found_once_for_both_families(run_rule):
    made = run_rule("organization.cooperation", "其中，青禾研究院与远帆大学合作的新型锂电池正极材料制备技术获奖。")
    assert [(c.type, c.label) for c in made.work.cooperations] == [
        ("Organization", "青禾研究院"), ("Organization", "远帆大学"), ("Project", "新型锂电池正极材料制备技术")]


@pytest.mark.parametrize("sentence,expected", [
    ("北岭师范大学美术学院举办画展。", {("Organization", "北岭师范大学")}),
    ("青禾科技集团有限公司举办讲座。", set()),        # 集团|有限公司 is one company
])
def test_leading_body(run_rule, sentence, expected):
    assert run_rule("organization.leading-body", sentence).entities == expected


@pytest.mark.parametrize("sentence,short,full", [
    ("王建华来到东山青禾投资控股集团有限公司调研，青禾公司负责人介绍了情况。", "青禾公司", "东山青禾投资控股集团有限公司"),
])
def test_short_form(run_rule, sentence, short, full):
    ents = run_rule("organization.short-form", sentence).work.doc.entities
    assert ("Organization", short) not in ents
    assert short in ents[("Organization", full)].aliases


def test_short_form_needs_one_full_name(run_rule):
    ents = run_rule("organization.short-form", "青禾公司与远帆公司签约。").work.doc.entities
    assert {("Organization", "青禾公司"), ("Organization", "远帆公司")} <= set(ents)


@pytest.mark.parametrize("sentence,expected", [
    ("据东山网报道，甲公司昨日开业。", ["东山网"]),
    ("（来源：西江新闻网）", ["西江新闻网"]),
    ("南湖晚报记者王建华获悉，", ["南湖晚报"]),
    ("北岭网青州5月3日电 今天，", ["北岭网"]),
    ("据报道，该项目已开工。", []),                         # no outlet named
    ("据市政府门户网站消息，", []),                          # a body's own website
    ("本报讯 记者从市里获悉", []),                            # the paper itself
])
def test_news_outlets_where_the_text_cites_them(run_rule, sentence, expected):
    assert run_rule("organization.news-outlet", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东岳集团是省属大型国有企业集团。", ["东岳集团"]),            # a description is no name
    ("北辰物流公司已发展成为一家综合性集团。", ["北辰物流公司"]),
    ("丙县青丝造型理发店开业。", ["丙县青丝造型理发店"]),       # 造型 is a noun of the name
    ("开发区引进宏远科技有限公司。", ["宏远科技有限公司"]),      # an adjective (宏远) names a company
    ("不少村民在村里改建民宿，还扩建民宿。", []),                    # what was done to a kind of house
    ("东山县成立乡村治理研究院。", ["乡村治理研究院"]),      # a verb inside a name
])
def test_a_body_named_only_by_a_description_is_no_body(run_rule, sentence, expected):
    made = run_rule("organization.not-a-kind", sentence)
    assert [c.label for c in made.work.proposed("Organization") if c.rule == "organization.suffix"] == expected
