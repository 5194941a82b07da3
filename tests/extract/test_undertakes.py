"""The undertakes rules, one at a time: which bodies undertake which projects."""
from __future__ import annotations

import pytest

HOME = "东山县"
FIRM = "东山县青河水泥有限公司"
FARM = "东山县华康农业科技有限公司"
PARK = "东山县绿色建材产业园项目"


@pytest.mark.parametrize("rule,text,expected", [
    # the body right before a verb of building or investing
    ("relation.undertakes.owner-verb", f"{FIRM}承建{PARK}。", {(FIRM, "undertakes", PARK)}),
    ("relation.undertakes.owner-verb", f"{FIRM}总经理赵志远实施{PARK}。", set()),          # the body heads a title
    # a project said to be built by bodies (…项目由甲与乙共同投资建设)
    ("relation.undertakes.passive-owner", f"{PARK}由{FIRM}与{FARM}共同投资建设。",
     {(FIRM, "undertakes", PARK), (FARM, "undertakes", PARK)}),
    ("relation.undertakes.passive-owner", f"{PARK}由{FARM}负责宣传。", set()),            # not a verb of building
    # a body followed by 培育的/组建的 …: the project after it, or the one said to be its work
    ("relation.undertakes.builds", f"{FIRM}重点培育的{PARK}正式投产。", {(FIRM, "undertakes", PARK)}),
    ("relation.undertakes.builds", f"“青河智慧矿山”是{FIRM}精心组建的项目。", {(FIRM, "undertakes", "青河智慧矿山")}),
    # every body of a cooperation undertakes the work they made together
    ("relation.undertakes.joint-work", f"{FIRM}与东山大学合作的“青河智慧矿山”项目通过验收。",
     {(FIRM, "undertakes", "青河智慧矿山项目"), ("东山大学", "undertakes", "青河智慧矿山项目")}),
    # a body whose name begins a project's name
    ("relation.undertakes.name-prefix", f"{FIRM}年产十万吨新型建材项目开工。",
     {(FIRM, "undertakes", f"{FIRM}年产十万吨新型建材项目")}),
    ("relation.undertakes.name-prefix", f"{FIRM}承建{PARK}。", set()),
    # the verb's object is in its own clause: a project of a later clause is not the body's
    ("relation.undertakes.owner-verb", f"{FIRM}一期投产，{PARK}相继落地。", set()),
    # 该项目由…资助: the project named last before the sentence
    ("relation.undertakes.this-project-by", f"{PARK}进展顺利。该项目由{FARM}投资建设。", {(FARM, "undertakes", PARK)}),
    ("relation.undertakes.this-project-by", f"{PARK}进展顺利。该项目由{FARM}负责宣传。", set()),
    # the body a sentence opens with undertakes what a later clause without its own subject builds
    ("relation.undertakes.topic-owner", f"{FARM}共有12栋温室，种植了草莓，还投资80万元建设北岭光伏电站。",
     {(FARM, "undertakes", "北岭光伏电站")}),
    ("relation.undertakes.topic-owner", f"{FARM}共有12栋温室，{FIRM}投资建设北岭光伏电站。", set()),   # its own subject
])
def test_undertakes_rule_finds_its_owners(run_rule, rule, text, expected):
    assert run_rule(rule, text, home=HOME).facts == expected


@pytest.mark.parametrize("home,text,expected", [
    ("遵义市", "中国移动与遵义市签约。遵义市移动公司大数据产业园项目暨湄潭云计算中心项目奠基。",
     {("遵义市移动公司", "undertakes", "湄潭云计算中心项目")}),
    ("遵义市", "湄潭云计算中心项目和遵义市移动公司大数据产业园项目奠基。", set()),      # 和 joins two works
])
def test_projects_joined_by_ji_share_their_owners(run_rule, home, text, expected):
    assert run_rule("relation.undertakes.joined-projects", text, home=home).facts == expected


@pytest.mark.parametrize("text,expected", [
    ("在安宁市禄脿街道青龙村，青龙村果蔬合作社共有12栋温室，还投资80万元建设北岭光伏电站。",
     {("北岭光伏电站", "locatedIn", "青龙村")}),
    ("青龙村果蔬合作社成立。云南宏达能源有限公司投资建设北岭光伏电站。", set()),       # its builder is not placed
])
def test_a_project_is_where_its_builder_is(run_rule, text, expected):
    assert run_rule("relation.locatedIn.builder-place", text, home="昆明市").facts == expected


@pytest.mark.parametrize("text,expected", [
    ("通告\n南湖新村棚户区改造项目因施工需要，将于8月1日起封闭施工便道。特此通告。\n宏达房地产开发有限公司\n2023年7月26日",
     {("宏达房地产开发有限公司", "undertakes", "南湖新村棚户区改造项目")}),
    ("南湖新村棚户区改造项目进展顺利。宏达房地产开发有限公司负责人说，工程年底完工。", set()),   # no notice signed
])
def test_the_company_that_signs_a_notice_undertakes_its_projects(run_rule, text, expected):
    assert run_rule("relation.undertakes.notice-signer", text, home="遵义市").facts == expected


@pytest.mark.parametrize("text,expected", [
    # A与B签约/签订…: both signatories undertake the project
    ("宏达新能源有限公司与东山县人民政府签订北岭光伏发电项目投资协议。",
     {("宏达新能源有限公司", "undertakes", "北岭光伏发电项目"), ("东山县人民政府", "undertakes", "北岭光伏发电项目")}),
    # A投资15亿元建设X: the money is not part of the project's name
    ("宏达新能源有限公司投资15亿元建设北岭光伏发电项目。", {("宏达新能源有限公司", "undertakes", "北岭光伏发电项目")}),
])
def test_owners_of_a_signed_or_funded_project(run_rule, text, expected):
    assert run_rule("relation.undertakes.owner-verb", text, home="漳州市").facts == expected
