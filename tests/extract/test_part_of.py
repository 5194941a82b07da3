"""relation.partOf.*: what a place, agency or organisation is part of."""
import pytest

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
    ("relation.partOf.region-members", "漳州市", "漳州城市群包括漳州市、厦门市和泉州市。",
     {("漳州市", "partOf", "漳州城市群"), ("厦门市", "partOf", "漳州城市群"), ("泉州市", "partOf", "漳州城市群")}),
    ("relation.partOf.region-members", "遵义市", "黔北城市群涵盖的遵义、毕节两市，8月起实现档案通查。",
     {("遵义市", "partOf", "黔北城市群"), ("毕节市", "partOf", "黔北城市群")}),
    ("relation.partOf.region-members", "漳州市", "漳州城市群和厦门市签约。", set()),     # no 涵盖/包括
    ("relation.partOf.story-site", "太原市", "4月7日清徐县消息，该县在青龙山启动无人机巡航。",
     {("青龙山", "partOf", "清徐县")}),
    ("relation.partOf.story-site", "太原市", "无人机在青龙山巡航。", set()),           # no county named
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
