"""Events as frames: an event's name, venue, hosts and participants, who attended its venue and its hosts.

Sentences written for these tests (provinces, cities and counties of several levels; invented people)."""
from __future__ import annotations

import pytest

from kg.extract.relations.gatherings import gatherings

RULE = "relation.attended.event-frame"


@pytest.mark.parametrize("text,home,expected", [
    # a session held at a hotel, the body in its name; participants named sentences later, in a list too
    ("1月6日上午，南平市第八届人民代表大会第二次会议在武夷宾馆隆重开幕。\n"
     "在主席台前排就座的有：王建华、李明、张强。\n市长赵刚向大会作政府工作报告。", "南平市",
     {(p, "attended", o) for p in ("王建华", "李明", "张强", "赵刚") for o in ("武夷宾馆", "南平市人民代表大会")}),
    # a provincial standing committee session in a city given by its short name; 列席 counts
    ("3日上午，甘肃省十三届人大常委会第五次会议在兰州举行。省人大常委会主任王建华主持会议，副主任李明出席会议。"
     "副省长赵刚列席会议。", None,
     {(p, "attended", o) for p in ("王建华", "李明", "赵刚") for o in ("兰州市", "甘肃省人民代表大会常务委员会")}),
    # a ceremony held at a park, those who attend it named after it
    ("10月9日，东川新材料产业园项目奠基仪式在青河工业园启动。甲集团董事长王建华出席奠基仪式。", None,
     {("王建华", "attended", "青河工业园")}),
    # 在X举行的…: the venue before the name; the host convenes it
    ("县长王建华出席在东山宾馆举行的全县招商引资推介会。", "东山县",
     {("王建华", "attended", "东山宾馆"), ("王建华", "attended", "东山县")}),
    # a body convenes a meeting: its participants attended the body
    ("东山县委召开扩大会议暨中心组学习会。县委书记王建华主持会议并讲话。", "东山县",
     {("王建华", "attended", "中共东山县委员会")}),
    # 在X主持召开: the body in the name hosts it; a later sentence's participant attended it too
    ("5月8日，市委书记王建华在市行政中心主持召开市委常委会会议。市长李明出席会议。", "南平市",
     {("王建华", "attended", "中共南平市委员会"), ("李明", "attended", "中共南平市委员会")}),
    # hosts of 由…主办、…承办; the participant speaks of the event by another of its words (开幕式)
    ("4月2日，由南平市商务局主办、甲公司承办的2024年武夷山茶产业论坛在武夷山市开幕。副市长王建华出席开幕式并致辞。",
     "南平市", {("王建华", "attended", o) for o in ("武夷山市", "南平市商务局", "甲公司")}),
    # those listed after 出席会议的…还有 took part too; a new event the story takes part in (参加了…活动) ends the scope
    ("东山县人民代表大会常务委员会第十次会议在县行政中心召开。县人大常委会主任王建华主持会议，出席会议的还有李明、张强。"
     "会后，王建华参加了青河镇植树活动。", "东山县",
     {(p, "attended", "东山县人民代表大会常务委员会") for p in ("王建华", "李明", "张强")}
     | {("王建华", "attended", "青河镇")}),       # (the attend verb's own object), not the session's
    # a meeting only spoken of (传达…会议精神) is no event of this story
    ("会议传达了全省经济工作会议精神。县长王建华主持会议。", "东山县", set()),
    # on paper only (书面听取): no attendance
    ("5日，东山县第十届人民代表大会第三次会议在县会议中心开幕。会议书面听取县财政局局长王建华作预算报告。",
     "东山县", set()),
])
def test_participants_attend_venue_and_hosts(run_rule, text, home, expected):
    assert _attended(run_rule(RULE, text, home=home).work) == expected


def _attended(w) -> set[tuple]:
    """Every attended fact of the text, whichever rule made it first (an attend verb may name the venue too)."""
    return {(r.s, r.p, r.o) for r in w.doc.relations if r.p == "attended"}


def test_event_frame_keeps_name_venue_hosts_and_participants(run_rule):
    text = ("由东山县商务局主办、甲公司承办的2024东山招商推介会在东山宾馆举行。\n\n"
            "推介会上，县长王建华致辞，副县长李明主持。")
    w = run_rule(RULE, text, home="东山县").work
    [g] = gatherings(w)
    assert g.name == "2024东山招商推介会" and g.head == "推介会"
    assert [v.label for v in g.venue] == ["东山宾馆"]
    assert {h.label for h in g.hosts} == {"东山县商务局", "甲公司"}
    assert [p.label for p, _ in g.participants] == ["王建华", "李明"]
    assert all(s.text.startswith("推介会上") for _, s in g.participants)     # the sentence each took part in


def test_next_event_ends_the_scope_of_the_one_before(run_rule):
    text = ("上午，东山县乡村振兴推进会在青河镇召开，县长王建华出席。"
            "下午，东山县招商推介会在东山宾馆举行，副县长李明出席推介会。")
    facts = _attended(run_rule(RULE, text, home="东山县").work)
    assert ("王建华", "attended", "青河镇") in facts and ("李明", "attended", "东山宾馆") in facts
    assert ("李明", "attended", "青河镇") not in facts and ("王建华", "attended", "东山宾馆") not in facts
