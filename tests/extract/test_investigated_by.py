"""The investigatedBy rule: a person in a sentence of an investigation and the discipline body there."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    ("日前，东山县纪委监委对原副县长王建华立案审查调查。", {("王建华", "investigatedBy", "东山县纪委监委")}),
    ("日前，东山县人民政府对原副县长王建华立案审查调查。", set()),        # not a discipline body
    ("东山县纪委监委召开全体会议，副县长王建华出席。", set()),            # no investigation
])
def test_discipline_body_investigates_the_person(run_rule, text, expected):
    assert run_rule("relation.investigatedBy.discipline-body", text, home="东山县").facts == expected
