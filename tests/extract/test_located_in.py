"""relation.locatedIn.*: where an organisation or project is."""
import pytest

from kg.extract.relations.common import trigger_words

HOME = "漳州市"

CASES = [
    ("relation.locatedIn.place-before", "在东山县建设的海港物流项目进展顺利。", {("海港物流项目", "locatedIn", "东山县")}),
    ("relation.locatedIn.place-before", "东山县的宏远科技有限公司正在扩建。", {("宏远科技有限公司", "locatedIn", "东山县")}),
    ("relation.locatedIn.place-before", "福建省的宏远科技有限公司正在扩建。", set()),    # a province is too wide
    ("relation.locatedIn.place-before", "东山县与云霄县陈岱镇的滨海绿道提质工程已通过验收。",   # across two places
     {("滨海绿道提质工程", "locatedIn", "陈岱镇"), ("滨海绿道提质工程", "locatedIn", "东山县")}),
    ("relation.locatedIn.place-before", "东山县和云霄县的宏远科技有限公司正在扩建。",             # a body: the last only
     {("宏远科技有限公司", "locatedIn", "云霄县")}),
    ("relation.locatedIn.lies-in", "福建宏远科技有限公司将落户东山县铜陵镇。", {("福建宏远科技有限公司", "locatedIn", "铜陵镇")}),
    ("relation.locatedIn.lies-in", "宏远科技有限公司在东山县。", set()),             # 在 alone after a name is not enough
    ("relation.locatedIn.this-project", "今年开工的港口物流园项目进展顺利。该项目位于东山县铜陵镇。",
     {("港口物流园项目", "locatedIn", "铜陵镇")}),
    ("relation.locatedIn.this-project", "今年开工的港口物流园项目进展顺利。该项目总投资三亿元，东山县干部参加。", set()),
    ("relation.locatedIn.name-prefix", "东山县宏远科技有限公司正在扩建。东山县召开会议。",
     {("东山县宏远科技有限公司", "locatedIn", "东山县")}),
    ("relation.locatedIn.name-prefix", "东山大学召开会议，东山县干部参加。", set()),   # a university's name says nothing
    ("relation.locatedIn.district-plans", "今年，东山县将加快推进港口物流园项目、水仙花产业园项目。",
     {("港口物流园项目", "locatedIn", "东山县"), ("水仙花产业园项目", "locatedIn", "东山县")}),
    ("relation.locatedIn.district-plans", "今年，东山县干部参观了港口物流园项目。", set()),   # no plan
    ("relation.locatedIn.district-plans", "近年来，铜陵镇也已建成了海湾度假村、南屿水上乐园等旅游项目。",
     {("海湾度假村", "locatedIn", "铜陵镇"), ("南屿水上乐园", "locatedIn", "铜陵镇")}),   # a town, what it built
    ("relation.locatedIn.district-plans", "铜陵镇将与宏远科技有限公司签订协议。", set()),   # a partner, not built
    ("relation.locatedIn.story-zone",
     "近日，东山经济开发区新引进宏远科技有限公司。同时，东山经济开发区加快建设。水仙花产业园项目进展顺利。",
     {("宏远科技有限公司", "locatedIn", "东山经济开发区"), ("水仙花产业园项目", "locatedIn", "东山经济开发区")}),
    ("relation.locatedIn.story-zone",                                     # two zones as often: no one zone
     "近日，东山经济开发区新引进宏远科技有限公司。同时，东山经济开发区建成了水仙花产业园项目。"
     "蓝湾经济开发区也引进了甲公司。蓝湾经济开发区建成了乙项目。", set()),
]


@pytest.mark.parametrize("name, text, expected", CASES)
def test_located_in_rule(run_rule, name, text, expected):
    assert run_rule(name, text, home=HOME).facts == expected


@pytest.mark.parametrize("verb", [v for v in trigger_words("located") if len(v) > 1])
def test_every_located_verb_of_the_data_file_places_a_company(run_rule, verb):
    facts = run_rule("relation.locatedIn.lies-in", f"宏远科技有限公司{verb}东山县。", home=HOME).facts
    assert facts == {("宏远科技有限公司", "locatedIn", "东山县")}


# (rule, home, text, expected): the sentence's own place, and the place 我市/我省 stands for
FRAMES = [
    ("relation.locatedIn.sentence-place", "漳州市",
     "3月8日，海港物流园项目、南山水厂扩建工程集中开工，标志着东山新区建设全面起步。",
     {("海港物流园项目", "locatedIn", "东山新区"), ("南山水厂扩建工程", "locatedIn", "东山新区")}),
    ("relation.locatedIn.sentence-place", "洛阳市",
     "伊川县发展和改革局局长王建华说，要加快推进鸣皋光伏发电项目建设。",
     {("鸣皋光伏发电项目", "locatedIn", "伊川县")}),
    ("relation.locatedIn.sentence-place", "洛阳市",                     # two counties: which one is not said
     "伊川县、汝阳县干部考察了鸣皋光伏发电项目。", set()),
    ("relation.locatedIn.sentence-place", "洛阳市", "鸣皋光伏发电项目进展顺利。", set()),
    ("relation.locatedIn.sentence-place", "洛阳市",                     # the county of the government that signs
     "宏达新能源有限公司与伊川县人民政府签约鸣皋光伏发电项目。", {("鸣皋光伏发电项目", "locatedIn", "伊川县")}),
    ("relation.locatedIn.sentence-place", "洛阳市",                     # visited elsewhere, not here
     "伊川县组织干部赴西岭光伏发电项目考察学习。", set()),
    ("relation.locatedIn.deictic-sentence", "洛阳市",
     "我省入选的单位包括：河洛地质博物馆、伊洛植物园。",
     {("河洛地质博物馆", "locatedIn", "河南省"), ("伊洛植物园", "locatedIn", "河南省")}),
    ("relation.locatedIn.deictic-sentence", "绵阳市",
     "调研组实地查看了宏达精密机械有限公司，了解我市装备制造业发展情况。",
     {("宏达精密机械有限公司", "locatedIn", "绵阳市")}),
    ("relation.locatedIn.deictic-sentence", "绵阳市",             # invited from elsewhere: not placed here
     "会议邀请东华理工大学、西岭农业大学等高校专家向我市企业推介成果。", set()),
    ("relation.locatedIn.address", "漳州市", "请于4月13日前到宏达物业管理有限公司（东山县人民路5号）缴纳费用。",
     {("宏达物业管理有限公司", "locatedIn", "东山县"), ("宏达物业管理有限公司", "locatedIn", "人民路")}),
    ("relation.locatedIn.address", "绵阳市", "安州区市场监督管理局，地址：安州区秀水镇滨河路8号。",
     {("绵阳市安州区市场监督管理局", "locatedIn", "秀水镇"), ("绵阳市安州区市场监督管理局", "locatedIn", "滨河路")}),
    ("relation.locatedIn.address", "漳州市", "宏达物业管理有限公司（以下简称宏达物业）成立于2010年。", set()),
    ("relation.locatedIn.story-zone", "太原市",                 # a province's name says nothing of where in it
     "近日，晋阳经济开发区新引进山西宏远光电有限公司。同时，晋阳经济开发区加快建设。", {("山西宏远光电有限公司", "locatedIn", "晋阳经济开发区")}),
    ("relation.locatedIn.works-at", "漳州市", "3月8日，北岭光伏发电项目在东山县铜陵镇正式开工。",
     {("北岭光伏发电项目", "locatedIn", "铜陵镇")}),
    ("relation.locatedIn.works-at", "漳州市", "北岭光伏发电项目在东山县召开推进会。", set()),   # a meeting there
    ("relation.locatedIn.story-opening", "漳州市",
     "## 东山县人才公寓年底交付\n\n本报讯 东山县公寓主体工程已全面开工。记者了解到，海港物流园项目进展顺利。",
     {("海港物流园项目", "locatedIn", "东山县")}),
    ("relation.locatedIn.story-opening", "漳州市",                   # said of the whole city
     "## 东山县人才公寓年底交付\n\n本报讯 东山县公寓主体工程已全面开工。全市推进海港物流园项目。", set()),
    ("relation.locatedIn.story-opening", "漳州市",                   # two counties open the story
     "## 东山县和云霄县人才公寓年底交付\n\n本报讯 公寓主体工程已全面开工。记者了解到，海港物流园项目进展顺利。", set()),
    ("relation.locatedIn.list-siblings", "漳州市", "东山县的宏远科技有限公司、青河水泥有限公司和华康农业有限公司参加。",
     {("青河水泥有限公司", "locatedIn", "东山县"), ("华康农业有限公司", "locatedIn", "东山县")}),
    ("relation.locatedIn.list-siblings", "漳州市", "宏远科技有限公司与青河水泥有限公司签约。", set()),
    ("relation.locatedIn.zone-county", "漳州市",
     "3月8日，海港物流园项目、南山水厂扩建工程集中开工，标志着东山经济开发区建设全面起步。",
     {("海港物流园项目", "locatedIn", "东山县"), ("南山水厂扩建工程", "locatedIn", "东山县")}),
    ("relation.locatedIn.deictic-sentence", "绵阳市",             # the sentence names its own county
     "我市安州区的宏达精密机械有限公司扩建厂房。", set()),
]


@pytest.mark.parametrize("name, home, text, expected", FRAMES)
def test_located_in_frames(run_rule, name, home, text, expected):
    assert run_rule(name, text, home=home).facts == expected


@pytest.mark.parametrize("text,expected", [
    ("历时两年建设，南湖污水处理厂扩建工程暨北岭再生水厂竣工典礼昨天于云霄县陈岱镇举办。",
     {("南湖污水处理厂扩建工程", "locatedIn", "陈岱镇"), ("北岭再生水厂", "locatedIn", "陈岱镇")}),
    ("青禾冷链物流园项目签约仪式昨天于云霄县举办，双方代表出席。", set()),   # a signing ceremony may be held anywhere
    ("南湖污水处理厂扩建工程竣工典礼在云霄县陈岱镇的村民中引起关注。", set()),   # not held there
])
def test_a_project_is_where_its_ground_breaking_ceremony_is_held(run_rule, text, expected):
    assert run_rule("relation.locatedIn.ceremony-venue", text, home=HOME).facts == expected
