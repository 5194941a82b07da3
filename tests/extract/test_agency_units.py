"""Agency rules for units inside a body, forces, international bodies and departments named alone, and the
agency rules' guards on the left edge of a name; on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.extract.tagged import body_type
from kg.model import Article

HOME = "湖州市"


@pytest.mark.parametrize("name,text,home,expected", [
    # a unit written after its body is named with it; the body stays a candidate of its own rule
    ("agency.sub-unit", "安吉县公安局刑侦大队破获一起案件。", HOME, ["安吉县公安局刑侦大队"]),
    ("agency.sub-unit", "财政部预算司有关负责人介绍。", None, ["财政部预算司"]),
    ("agency.sub-unit", "安吉县公安局治安大队城东中队队员赶到。", HOME, ["安吉县公安局治安大队城东中队"]),
    ("agency.sub-unit", "安吉县公安局局长王建华讲话。", HOME, []),               # a title, no unit
    ("agency.sub-unit", "安吉县人民法院判处被告有期徒刑。", HOME, []),           # a verb ending in 处
    ("agency.sub-unit", "安吉县市场监管局发布通知要求商户整改。", HOME, []),     # no verb inside a unit's name
    ("agency.sub-unit", "安吉县财政局和县人社局联合发文。", HOME, []),           # a body of its own after 和
    ("agency.sub-unit", "安吉县教育局下属公司开业。", HOME, []),                 # a company is no unit
    # forces and international bodies named without a country
    ("agency.world-body", "海军和空军举行联合演习。", None, ["海军", "空军"]),
    ("agency.world-body", "联合国和欧盟发表声明。", None, ["联合国", "欧洲联盟"]),
    ("agency.world-body", "智利海军派出两艘军舰。", None, ["智利海军"]),       # the country opens the name
    ("agency.world-body", "国民革命军海军接收了军舰。", None, ["国民革命军海军"]),   # written together: one body
    ("agency.world-body", "记者李海军报道。", None, []),                         # inside a person's name
    ("agency.world-body", "驻地海军官兵参加救援。", None, []),                   # troops stationed somewhere
    ("agency.world-body", "新四军第三师转战苏北。", None, []),                   # a numbered formation
    ("agency.world-body", "大西洋舰队和FDA都发表了声明。", None, ["大西洋舰队", "美国食品药品监督管理局"]),
    ("agency.world-body", "这是一个SECRET。", None, []),                       # initials inside a Latin word
    ("agency.world-body", "他又说空军将换装新机。", None, ["空军"]),            # a verb before: no owner
    # a department named alone where no home is known
    ("agency.bare-core", "数据由统计局发布。", None, ["统计局"]),
    ("agency.bare-core", "据悉，随后发改委约谈了企业。", None, ["发改委"]),
    ("agency.bare-core", "数据由统计局发布。", HOME, []),                        # a local paper: the home's
    ("agency.bare-core", "会议由管委会主持。", None, []),                        # a committee of an unnamed zone
    ("agency.bare-core", "接到报警，新桥派出所民警赶到现场。", None, []),        # named by its area: not bare
])
def test_each_rule_finds_its_bodies(run_rule, name, text, home, expected):
    assert run_rule(name, text, home).labels == expected


@pytest.mark.parametrize("name,text,expected", [
    # a national body's name after another place is that place's body, not China's
    ("agency.national", "芬兰财政部长表示。", ["芬兰财政部"]),
    ("agency.national", "国家发改委发布通知。", ["国家发展和改革委员会"]),
    ("agency.national", "中国共产党成立一百周年。", ["中国共产党"]),
    ("agency.national", "他是一名中国共产党员。", []),                           # a member, not the party
    ("agency.national", "会谈后，俄国防部发言人表示。", ["俄国防部"]),          # 俄 is the country here
    ("agency.national", "3月8日中国人民银行发布数据。", ["中国人民银行"]),      # 日 is the day of a date
    ("agency.national", "原国家质检总局发布通知。", ["国家质量监督检验检疫总局"]),  # a body before the reform
    # a date's day is no one-character country name
    ("agency.state-body", "18日央行公布数据，日央行随后跟进。", ["日央行"]),
    ("agency.state-body", "智利驻秘鲁大使馆发布提醒。", ["智利驻秘鲁大使馆"]),
    ("agency.state-body", "史料记载，当年日军在此登陆。", ["日军"]),            # 日 is no date's day here
    ("agency.state-body", "他以国防部的名义发函。", []),                         # 以 is a preposition here
    # a place no gazetteer knows, written before a level word, opens the body
    ("agency.place-core", "群众向黔南州政府反映情况。", ["黔南州人民政府"]),
    ("agency.place-core", "各县政府要加强监管。", []),                           # 各 is no place
    # a foreign country opens a name that ends like a body, never a 人民政府
    ("agency.place-suffix", "芬兰能源管理局发布数据。", ["芬兰能源管理局"]),
    ("agency.place-core", "智利政府发布数据。", []),
    # a centre that administers is an agency (GUIDE: 社会保险中心)
    ("agency.place-suffix", "绍兴市不动产登记管理中心发布公告。", ["绍兴市不动产登记管理中心"]),
    # one body whose name joins two fields with 和
    ("agency.place-suffix", "绍兴市城市管理和综合执法局发布通知。", ["绍兴市城市管理和综合执法局"]),
])
def test_left_edges_and_short_forms(run_rule, name, text, expected):
    assert run_rule(name, text).labels == expected


def test_short_forms_of_departments_are_cores():
    doc = Extractor(home=HOME)(Article("t.txt", "安吉县住保办和市教委联合发文。"))
    agencies = {e.label: e.aliases for e in doc.entities.values() if e.type == "Agency"}
    assert "安吉县住房保障办公室" in agencies and "安吉县住保办" in agencies["安吉县住房保障办公室"]
    assert "湖州市教育委员会" in agencies


def test_a_unit_keeps_its_body_as_an_entity_of_its_own():
    doc = Extractor(home=HOME)(Article("t.txt", "安吉县公安局刑侦大队破获一起案件。"))
    agencies = {e.label for e in doc.entities.values() if e.type == "Agency"}
    assert {"安吉县公安局刑侦大队", "安吉县公安局"} <= agencies


@pytest.mark.parametrize("name,typ", [
    ("宏远期货东城营业部", "Organization"),          # a company's department ends like a ministry
    ("甲集团研发部", "Organization"),
    ("芬兰交通部", "Agency"),
    ("应急管理部", "Agency"),
    ("甲国北方舰队", "Agency"),
])
def test_a_department_of_a_company_is_no_agency(name, typ):
    assert body_type(name)[0] == typ


def test_a_unit_is_part_of_its_body_not_of_the_government(run_rule):
    text = "安吉县人民政府召开会议。安吉县公安局刑侦大队破获一起案件。"
    assert run_rule("relation.partOf.agency-prefix", text, HOME).facts == {
        ("安吉县公安局刑侦大队", "partOf", "安吉县公安局")}
    department = run_rule("relation.partOf.department-of", text, HOME).facts
    assert ("安吉县公安局", "partOf", "安吉县人民政府") in department
    assert not any(s == "安吉县公安局刑侦大队" for s, _, _ in department)
