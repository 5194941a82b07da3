"""relation.locatedIn.*: where an organisation or project is."""
import pytest

from kg.extract.relations.common import trigger_words

HOME = "漳州市"

CASES = [
    ("relation.locatedIn.place-before", "在东山县建设的海港物流项目进展顺利。", {("海港物流项目", "locatedIn", "东山县")}),
    ("relation.locatedIn.place-before", "东山县的宏远科技有限公司正在扩建。", {("宏远科技有限公司", "locatedIn", "东山县")}),
    ("relation.locatedIn.place-before", "福建省的宏远科技有限公司正在扩建。", set()),    # a province is too wide
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
    ("relation.locatedIn.story-zone",
     "近日，东山经济开发区新引进宏远科技有限公司。同时，东山经济开发区建成了水仙花产业园项目。",
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
