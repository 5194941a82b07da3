"""relation.jurisdiction.*: the place an agency governs."""
import pytest

HOME = "漳州市"


@pytest.mark.parametrize("text, expected", [
    ("东山县财政局和东山县人民政府召开会议。",
     {("东山县财政局", "jurisdiction", "东山县"), ("东山县人民政府", "jurisdiction", "东山县")}),
    ("国家发展和改革委员会召开会议。", set()),          # a national body names no place it governs
])
def test_agency_name(run_rule, text, expected):
    assert run_rule("relation.jurisdiction.agency-name", text, home=HOME).facts == expected


def test_agency_name_reads_the_place_entity_it_does_not_make(run_rule):
    made = run_rule("relation.jurisdiction.agency-name", "东山县财政局召开会议。", home=HOME)
    assert made.entities == set() and ("Place", "东山县") in made.work.doc.entities
