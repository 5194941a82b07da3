"""Entity rules of implied.py that add places: the place an agency governs, the division a zone is named after."""
import pytest

HOME = "漳州市"


@pytest.mark.parametrize("text, expected", [
    ("东山县财政局召开会议。", {("Place", "东山县")}),
    ("东山县召开会议，东山县财政局参加。", set()),        # already a place of the article
    ("国家发展和改革委员会召开会议。", set()),            # governs no named place
])
def test_jurisdiction(run_rule, text, expected):
    assert run_rule("place.jurisdiction", text, home=HOME).entities == expected


@pytest.mark.parametrize("text, expected", [
    ("东山经济开发区今年新引进宏远科技有限公司。", {("Place", "东山县")}),
    ("滨海经济开发区今年新引进宏远科技有限公司。", set()),   # named after no division
])
def test_zone_division(run_rule, text, expected):
    made = run_rule("place.zone-division", text, home=HOME)
    assert made.entities == expected
    for _, label in expected:
        ent = made.work.doc.entities[("Place", label)]
        assert ent.attrs["level"] == "county" and "东山" in ent.aliases


@pytest.mark.parametrize("text,expected", [
    ("宁远县集中开工3个项目，包括宏瑞新能源宁远北岭200兆瓦风电、南湖水厂扩建工程。", {("Organization", "宏瑞新能源")}),
    ("新建宁远县北岭水厂项目开工。", set()),                # a verb, not an owner
    ("国道207宁远段改线工程开工。宁远县召开会议。", set()),   # a road's number, not an owner
])
def test_the_owner_a_project_name_opens_with(run_rule, text, expected):
    assert run_rule("organization.project-owner", text, home="永州市").entities == expected
