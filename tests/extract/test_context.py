"""The source context at every paper level: what the home is, and what its level words stand for.

Sentences written for these tests (no development article's names or sentences).
"""
from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.extract import Extractor
from kg.extract.context import infer_source
from kg.model import Article


def agencies(run_rule, text, home=None):
    return set(run_rule("agency.place-core", text, home=home).labels)


def posts(text, home=None):
    doc = Extractor(home=home)(Article("t.txt", text))
    return {(r.s, r.role, r.org) for r in doc.relations if r.p == "holdsPosition"}


@pytest.mark.parametrize("text,place,level,chain", [
    ("我县岳西县召开三级干部会，全县上下齐心。", "岳西县", "county", ("岳西县", "安庆市", "安徽省")),
    ("我市绵阳市今年新建学校十所，涪城区、游仙区各三所。", "绵阳市", "prefecture", ("绵阳市", "四川省")),
    ("我省江西省粮食产量再创新高，全省各地秋收忙。", "江西省", "province", ("江西省",)),
    ("本市天津市和平区、河西区推进老旧小区改造。", "天津市", "municipality", ("天津市",)),
    ("我区宁夏回族自治区各族群众欢度佳节。", "宁夏回族自治区", "autonomous-region", ("宁夏回族自治区",)),
    ("我州延边朝鲜族自治州和龙市、龙井市旅游旺季。", "延边朝鲜族自治州", "autonomous-prefecture",
     ("延边朝鲜族自治州", "吉林省")),
    ("我旗阿巴嘎旗牧民合作社增收。", "阿巴嘎旗", "county", ("阿巴嘎旗", "锡林郭勒盟", "内蒙古自治区")),
])
def test_first_person_deixis_settles_the_home_at_its_level(text, place, level, chain):
    src = infer_source(text)
    assert (src.place, src.level, src.chain) == (place, level, chain)
    assert src.evidence


def test_a_common_word_is_no_place_of_the_home():
    # 合作 is also a county-level city (合作市); 经贸合作 names no place, so nothing settles the home
    src = infer_source("我县与多地开展经贸合作、对台合作，经贸合作成果丰硕。")
    assert src.place is None and src.level == "unknown"


def test_an_outside_report_with_bare_level_words_has_no_home():
    src = infer_source("岳西县县委书记一职空缺，当地干部说，县委书记空缺影响工作，全县都在等。")
    assert src.place is None


def test_national_media_have_no_home():
    src = infer_source("本报记者 某某\n《人民日报》报道，岳西县茶农增收。")
    assert src.place is None and src.level == "national"


def test_the_papers_own_name_settles_the_home():
    assert infer_source("（绵阳日报记者 王某）涪城区新建公园三处。").place == "绵阳市"


def test_county_paper_level_words(run_rule):
    text = "我县岳西县召开大会，县委、县政府主要领导出席，市委督导组到会。"
    assert {"中共岳西县委员会", "岳西县人民政府", "中共安庆市委员会"} <= agencies(run_rule, text)


def test_county_paper_a_bare_head_of_government_is_the_home_countys():
    assert ("赵立新", "县长", "岳西县人民政府") in posts("我县岳西县召开大会，县长赵立新讲话。")


def test_prefecture_paper_level_words(run_rule):
    text = "我市绵阳市召开会议，市委、市政府主要领导出席。涪城区区委书记发言。"
    found = agencies(run_rule, text)
    assert {"中共绵阳市委员会", "绵阳市人民政府"} <= found


def test_province_paper_level_words():
    found = posts("我省江西省召开会议，省委书记王志远、省长李建民出席。")
    assert {("王志远", "书记", "中共江西省委员会"), ("李建民", "省长", "江西省人民政府")} <= found


def test_municipality_paper_the_city_is_the_province_level_municipality(run_rule):
    assert "中共天津市委员会" in agencies(run_rule, "本市天津市召开会议，市委主要领导出席，和平区参加。")


def test_autonomous_region_paper(run_rule):
    text = "我区宁夏回族自治区召开会议，自治区党委、自治区人民政府主要领导出席。"
    assert "中共宁夏回族自治区委员会" in agencies(run_rule, text)


def test_autonomous_prefecture_paper():
    found = posts("我州延边朝鲜族自治州召开会议，州委书记金成哲、州长朴永吉出席。")
    assert {("金成哲", "书记", "中共延边朝鲜族自治州委员会"), ("朴永吉", "州长", "延边朝鲜族自治州人民政府")} <= found


def test_league_and_banner_paper(run_rule):
    text = "我旗阿巴嘎旗召开会议，旗委、旗政府主要领导出席，盟委督导组到会。"
    assert {"中共阿巴嘎旗委员会", "阿巴嘎旗人民政府", "中共锡林郭勒盟委员会"} <= agencies(run_rule, text)


def test_given_home_wins_and_is_marked_given():
    doc = Extractor(home="岳西县")(Article("t.txt", "县委召开会议。"))
    assert doc.home == "岳西县" and doc.source.given and doc.source.chain[1] == "安庆市"


def test_a_home_that_is_no_division_is_rejected():
    with pytest.raises(KgError) as e:
        Extractor(home="甲乙丙县")
    assert e.value.code == "E060" and "甲乙丙县" in str(e.value)


def test_without_a_home_a_bare_level_word_takes_the_place_the_story_named():
    found = posts("记者从岳西县获悉，县委书记赵立新到村里调研。")
    assert ("赵立新", "书记", "中共岳西县委员会") in found


@pytest.mark.parametrize("text,body", [
    ("在中共江西省委、省政府的正确领导下，各项工作稳步推进。", "中共江西省委员会"),    # jieba: 中共江西省委 is one word
    ("据消息，湖北省委副书记出席会议。", "中共湖北省委员会"),                        # jieba: 湖北省委 is one word
])
def test_a_province_written_with_its_committee_as_one_word_is_still_found(run_rule, text, body):
    assert body in agencies(run_rule, text)


LEVEL_PAPERS = [   # (text, its party committee and government, the place both govern)
    ("我县岳西县召开大会，县委书记赵立新、县长钱明出席。", "中共岳西县委员会", "岳西县人民政府", "岳西县"),
    ("我市绵阳市召开大会，市委书记赵立新、市长钱明出席。", "中共绵阳市委员会", "绵阳市人民政府", "绵阳市"),
    ("我省江西省召开大会，省委书记赵立新、省长钱明出席。", "中共江西省委员会", "江西省人民政府", "江西省"),
    ("本市天津市召开大会，市委书记赵立新、市长钱明出席。", "中共天津市委员会", "天津市人民政府", "天津市"),
    ("我区宁夏回族自治区召开大会，自治区党委书记赵立新、自治区主席钱明出席。",
     "中共宁夏回族自治区委员会", "宁夏回族自治区人民政府", "宁夏回族自治区"),
    ("我州延边朝鲜族自治州召开大会，州委书记赵立新、州长钱明出席。",
     "中共延边朝鲜族自治州委员会", "延边朝鲜族自治州人民政府", "延边朝鲜族自治州"),
    ("我旗阿巴嘎旗召开大会，旗委书记赵立新、旗长钱明出席。", "中共阿巴嘎旗委员会", "阿巴嘎旗人民政府", "阿巴嘎旗"),
    ("我盟锡林郭勒盟召开大会，盟委书记赵立新、盟长钱明出席。", "中共锡林郭勒盟委员会", "锡林郭勒盟行政公署", "锡林郭勒盟"),
]


@pytest.mark.parametrize("text,party,government,place", LEVEL_PAPERS)
def test_every_paper_level_gives_its_posts_bodies(run_rule, text, party, government, place):
    facts = run_rule("relation.holdsPosition.title", text).facts
    assert {(r[0], r[3]) for r in facts} == {("赵立新", party), ("钱明", government)}


@pytest.mark.parametrize("text,party,government,place", LEVEL_PAPERS)
def test_every_paper_level_gives_its_bodies_jurisdictions(run_rule, text, party, government, place):
    facts = run_rule("relation.jurisdiction.agency-name", text).facts
    assert {(party, "jurisdiction", place), (government, "jurisdiction", place)} <= facts


def test_a_county_papers_town_is_part_of_the_home_county(run_rule):
    text = "我县岳西县召开大会。\n\n青石镇今年新修道路十公里。"
    assert ("青石镇", "partOf", "岳西县") in run_rule("relation.partOf.story-county", text).facts


def test_the_extraction_line_says_the_homes_level_chain_and_evidence():
    line = Extractor()(Article("t.txt", "我县岳西县召开大会，全县上下齐心。")).to_contract()
    assert line["home"] == "岳西县"
    ctx = line["home_context"]
    assert ctx["level"] == "county" and ctx["chain"] == ["岳西县", "安庆市", "安徽省"] and ctx["evidence"][0] == "我县/本县×1"


def test_a_paper_named_inside_the_story_is_not_its_source():
    text = "涪城区新建公园三处，游仙区新建学校两所，全区上下干劲十足，各项工作稳步推进，群众满意度不断提升。" * 2 + \
           "曾在绵阳日报工作多年的王某说，变化很大。" + "各地群众纷纷点赞，认为城市面貌焕然一新，生活更加便利。" * 3
    assert infer_source(text).place is None


def test_a_national_papers_name_inside_a_local_story_does_not_make_it_national():
    text = "本报讯 市委召开会议，绵阳市各区县负责人参加。" + "会议要求，要坚持实事求是，抓好落实，确保各项任务按期完成。" * 2 + \
        "会上，与会人员学习了人民日报评论员文章。" + "各单位要加强协调，形成合力，推动工作取得实效。" * 3
    assert infer_source(text).place == "绵阳市"


@pytest.mark.parametrize("head", ["甲乙社北京3月5日电（记者 王某）", "甲乙网讯 ", "（甲乙日报、绵阳日报综合报道）"])
def test_a_wire_a_website_or_a_compilation_is_no_local_source(head):
    src = infer_source(head + "涪城区新建公园三处，游仙区新建学校两所，全区上下干劲十足。")
    assert src.place is None and src.level == "national"
