"""relation.partOf.*: what a place, agency or organisation is part of."""
import pytest

from kg.extract.relations.containment import named_alone

HOME = "漳州市"

CASES = [
    ("relation.partOf.division-data", "东山县铜陵镇南坡村今年种植水仙花。", {("东山县", "partOf", "漳州市")}),
    ("relation.partOf.division-data", "大阪的代表团来访。", set()),
    ("relation.partOf.world-cities", "代表团访问了大阪和日本东京。",
     {("大阪", "partOf", "日本"), ("东京", "partOf", "日本")}),
    ("relation.partOf.world-cities", "代表团访问了大阪。", set()),     # the country is not named
    ("relation.partOf.adjacent-place", "东山县铜陵镇南坡村今年种植水仙花。",
     {("铜陵镇", "partOf", "东山县"), ("南坡村", "partOf", "铜陵镇")}),
    ("relation.partOf.adjacent-place", "东山县和铜陵镇的干部参加。", set()),
    ("relation.partOf.story-county", "东山县召开会议，会议在铜陵镇举行。", {("铜陵镇", "partOf", "东山县")}),
    ("relation.partOf.story-county", "会议在铜陵镇举行。", set()),      # no county named before
    ("relation.partOf.story-town", "东山县召开会议，会议在铜陵镇举行。南坡村村民参加。",
     {("南坡村", "partOf", "铜陵镇")}),
    ("relation.partOf.story-town", "南坡村村民参加会议。", set()),
    ("relation.partOf.zone-name", "东山经济开发区今年新引进宏远科技有限公司。", {("东山经济开发区", "partOf", "东山县")}),
    ("relation.partOf.zone-name", "漳州市东山经济开发区今年新引进宏远科技有限公司。", set()),   # has a parent already
    ("relation.partOf.local-street", "新修的东风大道已经通车。", {("东风大道", "partOf", "漳州市")}),
    ("relation.partOf.local-street", "东山县召开会议。新修的东风大道已经通车。", {("东风大道", "partOf", "东山县")}),
    ("relation.partOf.department-of", "东山县财政局和东山县人民政府召开会议。",
     {("东山县财政局", "partOf", "东山县人民政府")}),
    ("relation.partOf.department-of", "东山县总工会和东山县人民政府召开会议。", set()),   # not a department
    ("relation.partOf.department-of", "东山县财政局召开会议。", set()),                  # the government not named
    ("relation.partOf.name-prefix", "东山大学和东山大学化学学院的学生参加。", {("东山大学化学学院", "partOf", "东山大学")}),
    ("relation.partOf.name-prefix", "东山大学化学学院的学生参加。", set()),
    ("relation.partOf.name-prefix", "东海银行是东海银行股份有限公司的简称。", set()),    # its legal name: the same bank
    ("relation.partOf.agency-prefix", "东山县第十届人民代表大会第三次会议开幕，东山县人大常委会主任王建华作报告。",
     {("东山县人民代表大会常务委员会", "partOf", "东山县人民代表大会")}),
    ("relation.partOf.agency-prefix", "贵州省人民代表大会常务委员会作报告。", set()),    # the congress not named
]

# partOf of bodies in other provinces and levels
FRAMES = [
    ("relation.partOf.agency-prefix", "遵义市",
     "全国人大常委会副委员长王建华出席全国人大代表座谈会。",
     {("全国人民代表大会常务委员会", "partOf", "全国人民代表大会")}),
]


FRAMES += [
    ("relation.partOf.region-members", "漳州市", "漳州城市群包括漳州市、宁德市和泉州市。",
     {("漳州市", "partOf", "漳州城市群"), ("宁德市", "partOf", "漳州城市群"), ("泉州市", "partOf", "漳州城市群")}),
    ("relation.partOf.region-members", "遵义市", "黔北城市群涵盖的遵义、毕节两市，8月起实现档案通查。",
     {("遵义市", "partOf", "黔北城市群"), ("毕节市", "partOf", "黔北城市群")}),
    ("relation.partOf.region-members", "漳州市", "漳州城市群和宁德市签约。", set()),     # no 涵盖/包括
    ("relation.partOf.story-site", "九江市", "4月7日武宁县消息，该县在青龙山开展森林防火巡查。",
     {("青龙山", "partOf", "武宁县")}),
    ("relation.partOf.story-site", "九江市", "护林员在青龙山巡查。", set()),           # no county named
    ("relation.partOf.subsidiary", "漳州市", "宏达控股集团有限公司旗下的青河水泥有限公司今年扩产。",
     {("青河水泥有限公司", "partOf", "宏达控股集团有限公司")}),
    ("relation.partOf.subsidiary", "遵义市", "赤水竹业有限公司是黔北林业集团有限公司的全资子公司。",
     {("赤水竹业有限公司", "partOf", "黔北林业集团有限公司")}),
    ("relation.partOf.subsidiary", "漳州市", "宏达控股集团有限公司与青河水泥有限公司签约。", set()),   # partners
]


@pytest.mark.parametrize("name, home, text, expected", FRAMES)
def test_part_of_frames(run_rule, name, home, text, expected):
    assert run_rule(name, text, home=home).facts == expected


@pytest.mark.parametrize("name, text, expected", CASES)
def test_part_of_rule(run_rule, name, text, expected):
    assert run_rule(name, text, home=HOME).facts == expected


def test_local_street_needs_a_home_city(run_rule):
    assert run_rule("relation.partOf.local-street", "新修的东风大道已经通车。").facts == set()


def test_zone_name_reads_the_division_entity_it_does_not_make(run_rule):
    made = run_rule("relation.partOf.zone-name", "东山经济开发区今年新引进宏远科技有限公司。", home=HOME)
    assert made.entities == set() and made.work.doc.entities[("Place", "东山县")].rule == "place.zone-division"


# guards: a branch's bank named only inside the branch's name, a road as a parent, a second parent from the story
GUARDS = [
    ("relation.partOf.name-prefix", "遵义市", "东海银行和东海银行城北支行签订协议。", {("东海银行城北支行", "partOf", "东海银行")}),
    ("relation.partOf.adjacent-place", "九江市", "新房位于青年路南坡村安置区。", set()),
    ("relation.partOf.adjacent-place", "九江市", "新房位于修水县青年路南坡村安置区。",
     {("青年路", "partOf", "修水县"), ("南坡村", "partOf", "修水县")}),
    ("relation.partOf.story-county", "株洲市", "茶陵县白果镇召开会议。会上，荷塘区干部说，白果镇不划走。",
     set()),
    ("relation.partOf.story-town", "天水市", "甘谷县青石乡召开会议。邻村南坡村村民参加。", {("南坡村", "partOf", "青石乡")}),
    ("relation.partOf.story-town", "天水市", "甘谷县青石乡召开会议。会议通过了南坡村规民约。", set()),   # 村规民约
    ("relation.partOf.name-prefix", "漳州市", "东山大学、东山大学化学学院和东山大学附属中学签约。",
     {("东山大学化学学院", "partOf", "东山大学")}),
    ("relation.partOf.name-prefix", "漳州市", "东山大学、东山大学化学学院和东山大学化学学院物理实验室签约。",
     {("东山大学化学学院", "partOf", "东山大学"), ("东山大学化学学院物理实验室", "partOf", "东山大学化学学院")}),
    ("relation.partOf.site-name", "漳州市", "东山县开通高铁，东山火车站迎来首批旅客。", {("东山火车站", "partOf", "东山县")}),
    ("relation.partOf.site-name", "漳州市", "东山火车站迎来首批旅客。", set()),          # the county not named
    ("relation.partOf.site-name", "上海市", "南京市和上海市签约，代表团走访了南京路。", set()),    # a road
    ("relation.partOf.bracketed-zone", "泉州市", "推动东南经济区（青山片区）建设起步。", {("青山片区", "partOf", "东南经济区")}),
    ("relation.partOf.bracketed-zone", "泉州市", "推动东南经济区（青山县）建设起步。", set()),
    ("relation.partOf.named-after", "九江市", "浔阳区青山社区新建的青山公寓已经入住。", {("青山公寓", "partOf", "青山社区")}),
    ("relation.partOf.named-after", "天水市", "甘谷县举办观鸟节，青石村和青石镇的村民参加。", {("青石村", "partOf", "青石镇")}),
    ("relation.partOf.named-after", "九江市", "浔阳区青山社区的居民走进东湖公寓。", set()),
    ("relation.partOf.local-street", "九江市", "社区服务中心打通干群“东风路”。", set()),     # a figure of speech
    ("relation.partOf.local-street", "九江市", "新修的东风路已经通车。", {("东风路", "partOf", "九江市")}),
]


@pytest.mark.parametrize("name, home, text, expected", GUARDS)
def test_part_of_guards(run_rule, name, home, text, expected):
    assert run_rule(name, text, home=home).facts == expected


def test_a_branch_does_not_make_its_bank_a_body_of_the_story():
    text = "东海银行城北支行承办。东海银行城北支行行长王建华出席。"
    assert not named_alone(text, "东海银行", ["东海银行", "东海银行城北支行"])
    assert named_alone("东海银行和" + text, "东海银行", ["东海银行", "东海银行城北支行"])
    # a college's university is named by the college's name alone
    assert named_alone("东山大学化学学院承办。", "东山大学", ["东山大学", "东山大学化学学院"])


def test_a_name_run_into_a_place_gets_no_parent(run_rule):
    from kg.extract.relations.containment import place_mentions
    from kg.extract.spans import Candidate
    made = run_rule("relation.partOf.story-county", "东山县召开会议，会议在青石镇举行。", home=HOME)
    doc = made.work.doc
    assert ("青石镇", "partOf", "东山县") in made.facts
    fused = Candidate(0, 5, "Place", "划走青石镇")
    made.work.mentions.append(fused)
    doc.entities[("Place", "划走青石镇")] = doc.entities[("Place", "青石镇")]
    assert fused not in place_mentions(made.work)
    assert any(m.label == "青石镇" for m in place_mentions(made.work))


def test_a_unit_named_in_a_resume_is_part_of_its_body(run_rule):
    text = ("王建华，男，1962年生。\n1984.07——1990.10黔北石油管理局采油二厂地质研究所技术员；\n"
            "1990.10——1996.03黔北石油管理局采油二厂厂长；\n1996.03——2001.01黔北石油管理局局长。")
    facts = run_rule("relation.partOf.name-prefix", text, home="遵义市").facts
    assert ("黔北石油管理局采油二厂", "partOf", "黔北石油管理局") in facts
    assert ("黔北石油管理局采油二厂地质研究所", "partOf", "黔北石油管理局采油二厂") in facts
    assert ("黔北石油管理局采油二厂地质研究所", "partOf", "黔北石油管理局") not in facts   # the nearest body only
