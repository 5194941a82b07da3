"""The attended rules, one at a time: who attended what, and the guards that keep other sentences out."""
from __future__ import annotations

import pytest

HOME = "东山县"
FIRM = "东山县青河水泥有限公司"
HOSTED = f"由东山县建材行业协会主办、{FIRM}承办的建材产业交流会召开。"


@pytest.mark.parametrize("rule,text,expected", [
    # an official named before an attend verb attended the body or place after it
    ("relation.attended.attend-verb", "县长王建华出席东山县人民政府召开的会议。", {("王建华", "attended", "东山县人民政府")}),
    ("relation.attended.attend-verb", f"县长王建华参加{FIRM}座谈会。", {("王建华", "attended", FIRM)}),
    ("relation.attended.attend-verb", "县长王建华没有出席东山县人民政府召开的会议。", set()),     # negated
    # no venue named: the event the paragraph named before (a meeting a place or body convened)
    ("relation.attended.event-before", "东山县召开全县安全生产工作会议。县长王建华出席会议并讲话。",
     {("王建华", "attended", "东山县")}),
    ("relation.attended.event-before", "东山县召开全县安全生产工作会议。\n县长王建华出席会议并讲话。", set()),
    # a visit to give a talk is attendance, of the most precise place
    ("relation.attended.lecture", "县委书记王建华来到东山县委党校授课。", {("王建华", "attended", "中共东山县委党校")}),
    ("relation.attended.lecture", "县委书记王建华来到东山县青河镇，为党员群众宣讲党的政策。",
     {("王建华", "attended", "青河镇")}),
    ("relation.attended.lecture", "县长王建华在东山县青河镇调研。", set()),                  # a visit, no talk
    # a sentence set at a place where an official teaches
    ("relation.attended.lecture-site", "在青河镇，县委书记王建华为党员群众宣讲党的政策。", {("王建华", "attended", "青河镇")}),
    ("relation.attended.lecture-site", "在青河镇，县委书记王建华察看了春耕情况。", set()),
    # officials who speak in the story of an event bodies hosted attended it (its hosts) …
    ("relation.attended.speaker-at-hosted-event", HOSTED + "东山县工业和信息化局局长王建华表示，将大力支持建材产业发展。",
     {("王建华", "attended", "东山县建材行业协会"), ("王建华", "attended", FIRM)}),
    # … but not those of the next story (after a headline)
    ("relation.attended.speaker-at-hosted-event",
     HOSTED + "\n\n青河镇简讯\n\n东山县工业和信息化局局长王建华表示，将大力支持建材产业发展。", set()),
])
def test_attended_rule_finds_its_events(run_rule, rule, text, expected):
    assert run_rule(rule, text, home=HOME).facts == expected
