"""The partnerOf rules, one at a time: bodies that work together."""
from __future__ import annotations

import pytest

HOME = "东山县"
FIRM = "东山县青河水泥有限公司"


@pytest.mark.parametrize("rule,text,expected", [
    # bodies joined by 与/和/携手 … in a sentence of cooperation
    ("relation.partnerOf.joined-bodies", f"{FIRM}与东山大学签订战略合作协议。", {(FIRM, "partnerOf", "东山大学")}),
    ("relation.partnerOf.joined-bodies", f"{FIRM}、东山大学签订战略合作协议。", set()),   # a list, no connector
    # the bodies that host one event together
    ("relation.partnerOf.co-hosts", f"由东山县建材行业协会主办、{FIRM}承办的建材产业交流会召开。",
     {("东山县建材行业协会", "partnerOf", FIRM)}),
    ("relation.partnerOf.co-hosts", f"东山县建材行业协会主办、{FIRM}承办建材产业论坛。", set()),   # no event held
])
def test_partner_rule_finds_its_partners(run_rule, rule, text, expected):
    assert run_rule(rule, text, home=HOME).facts == expected
