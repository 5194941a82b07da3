"""Posts given to lists of names: after a title and a colon, after a body's 领导, and titles a comma
joins to the title phrase of a name."""
from __future__ import annotations

import pytest

P = "holdsPosition"


@pytest.mark.parametrize("rule,text,expected", [
    # a session's role before a colon belongs to the congress named before it
    ("relation.holdsPosition.colon-list",
     "清远市第七届人民代表大会第一次会议开幕。大会执行主席是：王建华、李国栋、赵刚。",
     {("王建华", P, "执行主席", "清远市人民代表大会"), ("李国栋", P, "执行主席", "清远市人民代表大会"),
      ("赵刚", P, "执行主席", "清远市人民代表大会")}),
    ("relation.holdsPosition.colon-list", "会议由副县长主持。出席会议的有：王建华、李国栋。", set()),
    # a body, 领导 and names
    ("relation.holdsPosition.body-members", "宜昌市财政局领导王建华、李国栋、赵刚介绍了情况。",
     {("王建华", P, "领导", "宜昌市财政局"), ("李国栋", P, "领导", "宜昌市财政局"), ("赵刚", P, "领导", "宜昌市财政局")}),
    ("relation.holdsPosition.body-members", "宜昌市财政局王建华介绍了情况。", set()),
])
def test_lists_of_names_get_the_post_written_before_them(run_rule, rule, text, expected):
    assert run_rule(rule, text).facts == expected


def test_titles_a_comma_joins_to_a_title_phrase_belong_to_its_name(run_rule):
    made = run_rule("relation.holdsPosition.comma-chain",
                    "会上，湖北省委常委、副省长，宜昌市委书记王建华讲话。")
    assert {(s, r) for s, _, r, _ in made.facts} == {("王建华", "常委"), ("王建华", "副省长")}
    made = run_rule("relation.holdsPosition.comma-chain", "宜昌市副市长李国栋，宜昌市委书记王建华出席。")
    assert made.facts == set()
