"""relation.reported.*: the reporters a byline or a credit names reported the article."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("本报记者 王明\n\n东山县副县长王建华出席会议。", {("王明", "reported", "t.txt")}),   # not the official
    ("东山县开展植树活动。\n王明 李峰 摄\n", {("王明", "reported", "t.txt"), ("李峰", "reported", "t.txt")}),
    ("活动取得圆满成功。\n（王明）\n", {("王明", "reported", "t.txt")}),
    ("村民王建华表示，将继续努力。", set()),
])
def test_reporters_reported_the_article(run_rule, text, expected):
    assert run_rule("relation.reported.byline", text).facts == expected
