"""Résumés in the layouts papers print: dated lines (blank lines between, ranges with —, -, ～, 至),
entries joined by ；, 历任/先后任 lists, and the body each post of a chain belongs to."""
from __future__ import annotations

import pytest

from kg.extract.resume import entries, is_unit

P = "holdsPosition"
DATED = "relation.holdsPosition.dated-line"


def _posts(made) -> set[tuple]:
    return {(r.s, r.role, r.org, r.former) for r in made.work.doc.relations if r.rule == made.rule}


@pytest.mark.parametrize("text,dates", [
    ("2008.03—2012.06 甲县县长", [("2008-03", "2012-06", True)]),
    ("2008-2012 甲县县长", [("2008", "2012", True)]),
    ("2015年3月～2018年6月 甲县县长", [("2015-03", "2018-06", True)]),
    ("2011年至2014年，先后任甲县县长", [("2011", "2014", True)]),
    ("1990年7月起 甲县科员", [("1990-07", None, False)]),
    ("2018.06—至今 乙市副市长", [("2018-06", None, True)]),
    ("２０１２．０６——２０１６．０３乙市副市长", [("2012-06", "2016-03", True)]),
    ("1998年3月参加工作；2002年5月任甲县县长", [("1998-03", None, False), ("2002-05", None, False)]),
    ("今年3月，甲县召开会议", []),
])
def test_entries_read_the_dates_of_every_common_layout(text, dates):
    assert [(e.since, e.until, e.closed) for e in entries(text)] == dates


def test_a_unit_written_alone_is_told_from_a_body_named_in_full():
    assert [is_unit(n) for n in ("城南分行", "选煤二厂", "政法委", "博罗县委组织部", "丙能源有限公司")] == \
        [True, True, True, False, False]


def test_dated_lines_after_a_blank_line_all_count_and_chain_their_bodies(run_rule):
    text = ("李志强，男，1968年5月生，河南南阳人。\n\n"
            "1990年7月起 西峡县农业局科员\n\n"
            "2008年3月  西峡县委副书记，县政府代县长\n\n"
            "2011年4月  西峡县委书记\n")
    posts = _posts(run_rule(DATED, text))
    assert ("李志强", "科员", "西峡县农业局", True) in posts
    assert ("李志强", "副书记", "中共西峡县委员会", True) in posts
    assert ("李志强", "代县长", "西峡县人民政府", True) in posts
    assert ("李志强", "书记", "中共西峡县委员会", False) in posts      # the last entry: still held


def test_a_range_entry_with_兼_gives_two_posts_in_the_same_county(run_rule):
    text = "周海涛，男，汉族，1972年生。\n2015.03—2018.06 博罗县委副书记兼政法委书记\n2018.06—至今 惠州市副市长\n"
    posts = {(s, r, o) for s, r, o, _ in _posts(run_rule(DATED, text))}
    assert {("周海涛", "副书记", "中共博罗县委员会"), ("周海涛", "书记", "中共博罗县委员会政法委"),
            ("周海涛", "副市长", "惠州市人民政府")} <= posts


def test_entries_joined_by_semicolons_and_units_of_the_body_named_before(run_rule):
    text = ("孙立军简历\n孙立军，男，1966年出生。\n"
            "1988.07—1995.02江淮矿务局安监处技术员；1995.02—2003.05江淮矿务局副总工程师、选煤二厂厂长；"
            "2003.05—2009.01江淮矿务局局长助理兼洗选事业部主任。\n")
    posts = {(r, o) for _, r, o, _ in _posts(run_rule(DATED, text))}
    assert {("厂长", "江淮矿务局选煤二厂"), ("副总工程师", "江淮矿务局"),
            ("主任", "江淮矿务局洗选事业部"), ("局长助理", "江淮矿务局")} <= posts


def test_a_removal_entry_ends_the_post(run_rule):
    text = ("赵德明，男，1965年生。\n2009年1月，任甘泉银行城南分行行长；\n"
            "2016年9月，任甘泉银行党委委员、副行长；\n2020年8月，免去其甘泉银行副行长职务。\n")
    made = run_rule(DATED, text)      # the notice rule, run before, already took the post it removes
    posts = {(r.role, r.former) for r in made.work.doc.relations if r.p == P}
    assert posts == {("行长", True), ("党委委员", True), ("副行长", True)}


def test_a_dated_sentence_about_someone_else_is_no_resume(run_rule):
    text = "王建华，男，1965年生。\n2019年5月，市委书记李明来到博罗县调研。\n"
    assert _posts(run_rule(DATED, text)) == set()


def test_a_resume_list_gives_each_post_its_body(run_rule):
    text = "刘国平，女，1970年出生，湖北宜昌人。2011年至2014年，先后任秭归县副县长、县委常委、县委组织部部长。"
    posts = {(r, o) for _, r, o, _ in _posts(run_rule("relation.holdsPosition.career-list", text))}
    assert {("副县长", "秭归县人民政府"), ("常委", "中共秭归县委员会")} <= posts


def test_posts_held_during_a_period_are_former_and_a_pronoun_takes_the_person(run_rule):
    made = run_rule("relation.holdsPosition.takes-post",
                    "检方指控，陈广生在任清远市交通局局长、清远市国土资源局局长期间收受财物。")
    assert {(s, r, f) for s, r, _, f in _posts(made)} == {("陈广生", "局长", True)}
    made = run_rule("relation.holdsPosition.takes-post", "何伟，男，1968年生，曾是连州市委书记。今年2月，他被调至清远，任市委秘书长。")
    assert ("何伟", "秘书长") in {(s, r) for s, r, _, _ in _posts(made)}


def test_a_town_under_its_city_and_bare_level_words_take_the_places_of_the_chain(run_rule):
    text = ("陈志远，男，1971年8月生，湖南浏阳人。\n"
            "1998.03-2003.06 浏阳市大瑶镇副镇长、党委委员\n"
            "2013.01-2016.11 醴陵市委副书记，市人民政府代市长\n")
    posts = {(r, o) for _, r, o, _ in _posts(run_rule(DATED, text))}
    assert {("副镇长", "大瑶镇人民政府"), ("委员", "中共大瑶镇委员会"), ("副书记", "中共醴陵市委员会"),
            ("代市长", "醴陵市人民政府")} <= posts


def test_a_deputy_title_after_a_party_post_is_the_government_of_the_same_city(run_rule):
    text = "罗明，男，1962年5月出生，贵州都匀人。\n1998年1月—2003年3月 都匀市副市长，市委常委、常务副市长；\n"
    posts = {(r, o) for _, r, o, _ in _posts(run_rule(DATED, text))}
    assert ("常务副市长", "都匀市人民政府") in posts and ("常委", "中共都匀市委员会") in posts


def test_现任_gives_current_posts_and_a_list_ending_in_a_name_is_that_persons_title(run_rule):
    made = run_rule("relation.holdsPosition.career-list",
                    "王建新，男，1966年10月生，山东寿光人。历任寿光市委常委、宣传部部长。现任潍坊市政协副主席。")
    posts = {(r, o, f) for _, r, o, f in _posts(made)}
    assert ("副主席", "中国人民政治协商会议潍坊市委员会", False) in posts
    assert ("部长", "中共寿光市委员会宣传部", True) in posts
    made = run_rule("relation.holdsPosition.career-list", "记者采访了张立。时任寿光市委副书记、市长赵刚出席。")
    assert _posts(made) == set()


def test_a_notice_removing_several_posts_removes_each(run_rule):
    made = run_rule("relation.holdsPosition.appointment", "免去李文斌同志的中共张掖市委副书记、委员、常委职务。")
    assert {(r, o, f) for _, r, o, f in _posts(made)} == {
        ("副书记", "中共张掖市委员会", True), ("委员", "中共张掖市委员会", True), ("常委", "中共张掖市委员会", True)}
