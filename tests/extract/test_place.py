"""The place rules, one at a time, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.extract.registry import registry
from kg.model import Article

HOME = "湖州市"


@pytest.mark.parametrize("name,text,home,expected", [
    ("place.division", "安吉县与德清县签订协议。", HOME, ["安吉县", "德清县"]),
    ("place.division", "沿安吉路前行。", HOME, []),                         # a road named after a county
    ("place.foreign", "代表团访问了德国和东京。", None, ["德国", "东京"]),
    ("place.foreign", "他参加中国创新创业大赛。", None, []),                 # a country opening a contest's name
    ("place.region", "融入长三角一体化发展。", None, ["长三角"]),
    ("place.town", "安吉县天荒坪镇召开大会。", HOME, ["天荒坪镇"]),
    ("place.town", "建设美丽乡村。", HOME, []),                             # 乡 begins the word 乡村
    ("place.village", "天荒坪镇余家村村民代表。", HOME, ["余家村"]),
    ("place.village", "村民们都来了。", HOME, []),                           # 村 begins the word 村民
    ("place.site", "车队沿人民路行驶到湖州经济开发区。", HOME, ["人民路", "湖州经济开发区"]),
    ("place.site", "修建公路。", HOME, []),                                 # 路 ends an ordinary word
    ("place.site", "车辆沿东平公路驶入东山火车站，再到青河地铁站。", HOME, ["东平公路", "东山火车站", "青河地铁站"]),
    ("place.site", "游客来到白云水库和青峰景区。", HOME, ["白云水库", "青峰景区"]),
    ("place.site", "项目位于人民大道青石路8号。", HOME, ["人民大道", "青石路"]),   # two roads written together
    ("place.site", "沿南山北路前行。", HOME, ["南山北路"]),                  # one road with its direction
    ("place.nature", "登上青龙山。", HOME, ["青龙山"]),
    ("place.nature", "来到佛山。", HOME, []),                               # a division's name, not a mountain
    ("place.dictionary", "游览鄱阳湖畔。", None, ["鄱阳湖"]),                 # the bank of a named lake
    ("place.dictionary", "黄河流经这里。", None, ["黄河"]),
    ("place.deictic", "我市与我省其他城市合作。", HOME, ["湖州市", "浙江省"]),
    ("place.deictic", "我市代表。", None, []),                               # no home city known
])
def test_each_place_rule_finds_its_places(run_rule, name, text, home, expected):
    assert run_rule(name, text, home).labels == expected


def test_levels_and_parents_of_places(run_rule):
    def attrs(name, text):
        return [(c.label, c.attrs.get("level"), c.attrs.get("parent")) for c in run_rule(name, text, HOME).work.candidates
                if c.rule == name]
    assert attrs("place.division", "吴兴区召开会议。") == [("吴兴区", "county", "湖州市")]
    assert attrs("place.foreign", "访问东京。") == [("东京", "city", "日本")]
    assert attrs("place.town", "安吉县天荒坪镇召开大会。") == [("天荒坪镇", "town", None)]
    assert attrs("place.village", "天荒坪镇余家村召开大会。") == [("余家村", "village", None)]
    assert attrs("place.site", "湖州经济开发区召开大会。") == [("湖州经济开发区", "site", None)]


def test_deictic_words_are_no_aliases_of_the_home_city(run_rule):
    made = run_rule("place.deictic", "我市召开会议。", HOME)
    assert [(c.label, c.aliases) for c in made.work.candidates if c.rule == "place.deictic"] == [("湖州市", set())]


def test_places_inside_a_book_title_are_dropped_and_the_others_kept(run_rule):
    made = run_rule("place.not-in-book-title", "安吉县干部学习《德清县志》。", HOME)
    assert [c.label for c in made.work.proposed("Place")] == ["安吉县"]


def test_a_town_name_starts_right_after_the_division_found_before_it():
    text = "安吉天荒坪镇召开大会。"
    with_county = Extractor(home=HOME).prepare(Article("t.txt", text), until="place.village")
    without = Extractor(home=HOME, disable=["place.division"]).prepare(Article("t.txt", text), until="place.village")
    assert [c.label for c in with_county.candidates if c.rule == "place.town"] == ["天荒坪镇"]
    assert [c.label for c in without.candidates if c.rule == "place.town"] == []


def test_each_place_rule_can_be_disabled():
    text = "安吉县天荒坪镇余家村的村民登上青龙山。"
    on = Extractor(home=HOME)(Article("t.txt", text))
    # the tagger proposes places of its own: it fills the gap the village rule leaves unless it is off too
    gap = Extractor(home=HOME, disable=["place.village"])(Article("t.txt", text))
    assert ("Place", "余家村") in gap.entities and gap.entities[("Place", "余家村")].rule == "place.tagger"
    off = Extractor(home=HOME, disable=["place.village", "place.tagger"])(Article("t.txt", text))
    assert ("Place", "余家村") in on.entities and ("Place", "余家村") not in off.entities
    assert ("Place", "天荒坪镇") in off.entities


def test_every_place_rule_says_what_it_finds_with_an_example():
    rules = [r for n, r in registry().items() if n.startswith("place.")]
    assert len(rules) >= 10
    for r in rules:
        assert r.summary and any("\u4e00" <= ch <= "\u9fff" for ch in r.summary), r.name


def _mentions(text: str, home: str | None = HOME) -> list[tuple[str, str]]:
    doc = Extractor(home=home)(Article("t.txt", text))
    return [(m.type, m.label) for m in doc.mentions if m.type == "Place"]


@pytest.mark.parametrize("text,expected", [
    # 青石镇 ten times beside one 划走|青石镇: the article's own name for the town
    ("居民反对县里划走青石镇。青石镇是全县最大的乡镇，青石镇有水库，提到青石镇人人关心。",
     ["青石镇"] * 4),
    # 五|龙潭水库 after 五龙潭水库: the longer name the article gives the same reservoir
    ("村民说起五龙潭水库。后来他们去五龙潭水库借水。", ["五龙潭水库", "五龙潭水库"]),
])
def test_a_place_takes_the_form_the_article_gives_it(run_rule, text, expected):
    made = run_rule("place.article-form", text, "株洲市")
    assert [c.label for c in sorted(made.work.proposed("Place"), key=lambda c: c.start) if c.label in expected] == expected


def test_a_zone_after_its_province_is_the_same_zone_when_the_province_is_dropped(run_rule):
    made = run_rule("place.article-form", "设立甘肃兰白新区。支持兰白新区建设。", None)
    assert {c.label for c in made.work.proposed("Place") if c.label.endswith("新区")} == {"甘肃兰白新区"}
    assert any("兰白新区" in c.aliases for c in made.work.proposed("Place"))


@pytest.mark.parametrize("text,home,expected", [
    ("湖南邵阳召开会议，邵阳县代表发言。", "邵阳市", [("Place", "湖南省"), ("Place", "邵阳市"), ("Place", "邵阳县")]),
    ("他是江西南昌人。", None, [("Place", "江西省"), ("Place", "南昌市")]),     # one word: province and city
    ("各地要大力实施海东《纲要》。", "福州市", []),              # a far city's short form before a title
    ("要求企业大同、规划落实。", "上海市", []),                                 # a word listed among words, not places
    ("代表来自大同、太原、安康。", "太原市", [("Place", "大同市"), ("Place", "太原市"), ("Place", "安康市")]),
])
def test_short_forms_of_divisions(text, home, expected):
    assert _mentions(text, home) == expected


@pytest.mark.parametrize("text,expected", [
    ("几名村民拦路讨说法。", []),                           # blocking a road
    ("他们走上发家致富路。", []),                         # a road of speech
    ("在农舍后山采药。", []),                               # the hill behind
    ("游客来到八仙桥水库和三条河的交汇处。", ["八仙桥水库"]),   # a numeral opens a name, not a count
    ("车队驶过经北街和人民路。", ["经北街", "人民路"]),
])
def test_roads_and_hills_of_speech_are_no_places(text, expected):
    assert [label for _, label in _mentions(text)] == expected


def test_a_village_named_once_is_that_village_wherever_jieba_cuts_it_again(run_rule):
    text = "茶陵县南塘村的合作社去年新建了两座冷库。据了解，青石镇南塘村的油茶林今年喜获丰收。"   # 青石|镇南|塘村
    assert run_rule("place.repeat", text, home="株洲市").labels == ["南塘村"]

