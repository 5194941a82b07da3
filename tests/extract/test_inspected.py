"""The inspected rules, one at a time: who visited what, and the guards that keep other sentences out."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Article

HOME = "东山县"
FIRM = "东山县青河水泥有限公司"
FARM = "东山县华康农业科技有限公司"


@pytest.mark.parametrize("rule,text,expected", [
    # an official named before a visit verb visited the places before it (在X调研) or after a motion verb
    ("relation.inspected.visit-verb", "县长王建华在东山县青河镇调研。",
     {("王建华", "inspected", "东山县"), ("王建华", "inspected", "青河镇")}),
    ("relation.inspected.visit-verb", f"县委书记王建华来到青河镇，实地查看{FIRM}生产情况。",
     {("王建华", "inspected", "青河镇"), ("王建华", "inspected", FIRM)}),
    ("relation.inspected.visit-verb", "学习贯彻县委书记王建华在东山县调研时的讲话精神。", set()),   # only quoted
    ("relation.inspected.visit-verb", "县委书记王建华来到东山县委党校授课。", set()),          # a talk, not a visit
    ("relation.inspected.visit-verb", "县长王建华调研我县交通运输工作。", set()),               # 我县: the topic
    ("relation.inspected.visit-verb", "县长王建华来到我县调研。", {("王建华", "inspected", "东山县")}),
    # a sentence of the same paragraph that goes on with the visit (随后来到…) has the same visitors
    ("relation.inspected.continued-visit", f"县委书记王建华来到青河镇调研。随后来到{FARM}调研。",
     {("王建华", "inspected", FARM)}),
    ("relation.inspected.continued-visit", f"县委书记王建华来到青河镇调研。\n随后来到{FARM}调研。", set()),
    ("relation.inspected.continued-visit",
     f"县委书记王建华来到青河镇调研。随后，王建华强调要抓好安全生产，来到{FARM}。", set()),  # named again: not a continuation
    # a sentence set at a site (在X现场，在X，) has the officials in it visit the place
    ("relation.inspected.site-visit", f"在{FIRM}项目现场，县长王建华详细了解项目进展。", {("王建华", "inspected", FIRM)}),
    ("relation.inspected.site-visit", f"在{FIRM}，县长王建华认真听取企业负责人汇报。", {("王建华", "inspected", FIRM)}),
    ("relation.inspected.site-visit", f"在{FIRM}，工人们正在加紧生产。", set()),                  # nobody titled there
])
def test_inspected_rule_finds_its_visits(run_rule, rule, text, expected):
    assert run_rule(rule, text, home=HOME).facts == expected


def test_a_continued_visit_does_not_need_the_rule_that_found_the_first_visit():
    text = f"县委书记王建华来到青河镇调研。随后来到{FARM}调研。"
    doc = Extractor(home=HOME, disable=["relation.inspected.visit-verb"])(Article("t.txt", text))
    visits = {(r.s, r.o, r.rule) for r in doc.relations if r.p == "inspected"}
    assert visits == {("王建华", FARM, "relation.inspected.continued-visit")}
