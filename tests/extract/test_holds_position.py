"""The holdsPosition rules: a title before a name, résumé lists, years, dated lines and appointment notices."""
from __future__ import annotations

import pytest

P = "holdsPosition"


@pytest.mark.parametrize("rule,text,expected", [
    # one post per role of a title phrase; a government role after its county names the county's government
    ("relation.holdsPosition.title", "东山县副县长王建华出席会议。", {("王建华", P, "副县长", "东山县人民政府")}),
    ("relation.holdsPosition.title", "博士王建华作报告。", set()),             # a degree is no post
    # each item of a résumé list, only when a person was named before it
    ("relation.holdsPosition.career-list", "王建华，男，1970年出生。历任东山县副县长、东山县财政局局长。",
     {("王建华", P, "副县长", "东山县人民政府"), ("王建华", P, "局长", "东山县财政局")}),
    ("relation.holdsPosition.career-list", "历任东山县副县长、东山县财政局局长。", set()),
    # a year and a post taken then
    ("relation.holdsPosition.career-year", "王建华，男，1970年出生。2015年任东山县副县长。",
     {("王建华", P, "副县长", "东山县人民政府")}),
    ("relation.holdsPosition.career-year", "王建华，男，1970年出生。2015年任务完成。", set()),
    # appointment notices: the post taken and the post left
    ("relation.holdsPosition.appointment", "会议决定，任命王建华为东山县财政局局长，免去李明的东山县财政局局长职务。",
     {("王建华", P, "局长", "东山县财政局"), ("李明", P, "局长", "东山县财政局")}),
    ("relation.holdsPosition.appointment", "会议决定任命一批干部。", set()),
    # a person followed by 任 and a post
    ("relation.holdsPosition.takes-post", "王建华同志任东山县委书记。", {("王建华", P, "书记", "中共东山县委员会")}),
    ("relation.holdsPosition.takes-post", "王建华同志任务繁重。", set()),
    # résumé lines that start with a span of years, only where a post is written
    ("relation.holdsPosition.dated-line", "王建华，男，1970年出生。\n2008.03—2012.06 东山县财政局局长\n",
     {("王建华", P, "局长", "东山县财政局")}),
    ("relation.holdsPosition.dated-line", "王建华，男，1970年出生。\n2008—2012 东山县开展了十项工程\n", set()),
])
def test_rule_finds_the_posts_the_text_gives(run_rule, rule, text, expected):
    assert run_rule(rule, text).facts == expected


def _posts(made):
    return {(r.s, r.former, r.start, r.end) for r in made.work.doc.relations if r.rule == made.rule}


def test_a_post_a_notice_removes_is_former_and_the_one_it_gives_is_current(run_rule):
    made = run_rule("relation.holdsPosition.appointment", "任命王建华为东山县财政局局长，免去李明的东山县财政局局长职务。")
    assert _posts(made) == {("王建华", False, None, None), ("李明", True, None, None)}


def test_dated_lines_give_the_dates_of_each_post_and_the_one_held_today_is_current(run_rule):
    made = run_rule("relation.holdsPosition.dated-line",
                    "王建华，男，1970年出生。\n2008.03—2012.06 东山县财政局局长\n2012.06—今 东山县副县长\n")
    assert _posts(made) == {("王建华", True, "2008-03", "2012-06"), ("王建华", False, "2012-06", None)}


def test_a_former_title_in_a_title_phrase_is_a_former_post(run_rule):
    made = run_rule("relation.holdsPosition.title", "东山县政协原副主席王建华出席会议。")
    assert {(r.s, r.role, r.former) for r in made.work.doc.relations if r.rule == made.rule} == {("王建华", "副主席", True)}


def test_a_title_and_a_career_name_the_same_government_for_a_government_role(run_rule):
    title = run_rule("relation.holdsPosition.title", "东山县县长王建华出席会议。")
    career = run_rule("relation.holdsPosition.career-year", "王建华，男，1970年出生。2015年任东山县县长。")
    assert {r[3] for r in title.facts} == {r[3] for r in career.facts} == {"东山县人民政府"}


def test_a_post_taken_since_a_date_is_held_and_each_year_dates_its_own_post():
    """2015年2月起任 gives a current post from 2015-02; a second year in the sentence dates only what follows it."""
    from kg.extract import Extractor
    from kg.model import Article
    doc = Extractor()(Article("t.txt", "王建华，男，1970年出生。2012年任东山县副县长，2015年2月起任东山县县长。"))
    posts = {(r.role, r.org): (r.start, r.former) for r in doc.relations
             if r.p == P and r.rule == "relation.holdsPosition.career-year"}
    assert posts[("副县长", "东山县人民政府")] == ("2012", True)
    assert posts[("县长", "东山县人民政府")] == ("2015-02", False)
