"""Visits as frames: the visitor, the places and bodies visited (separate objects), the visitor's party.

Sentences written for these tests (several provinces and paper levels; invented people and bodies)."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Article


def _visits(text: str, home: str | None = None) -> tuple[set[tuple], set[tuple[str, str]]]:
    """(inspected and attended facts, project and place entities) of the text."""
    doc = Extractor(home=home)(Article("t.txt", text))
    facts = {(r.s, r.p, r.o) for r in doc.relations if r.p in ("inspected", "attended")}
    return facts, {(t, label) for t, label in doc.entities if t in ("Project", "Place")}


@pytest.mark.parametrize("text,home", [
    ("市委书记张华到东山县调研光伏发电项目。", None),                  # the sentence
    ("市委书记张华到东山县调研光伏发电项目。", "漳州市"),               # in a city paper
    ("市委书记张华赴东山县考察光伏发电项目。", "漳州市"),
    ("市委书记张华深入东山县督导光伏发电项目。", "漳州市"),
    ("市委书记张华来到东山县检查光伏发电项目。", "漳州市"),
])
def test_a_visit_to_a_county_and_its_project_is_no_project_name(text, home):
    facts, ents = _visits(text, home)
    assert ("张华", "inspected", "东山县") in facts
    assert ("张华", "inspected", "光伏发电项目") in facts
    assert ("Project", "光伏发电项目") in ents
    assert not any(t == "Project" and "东山县" in label for t, label in ents)


def test_a_provincial_leader_visits_a_city_and_a_works():
    facts, ents = _visits("副省长王建华深入南平市检查西河治理工程。")
    assert {("王建华", "inspected", "南平市"), ("王建华", "inspected", "西河治理工程")} <= facts
    assert ("Project", "西河治理工程") in ents


@pytest.mark.parametrize("text,home,expected", [
    # the companion (陪同) visited what the visit visited; who took part in it (参加调研) attended it
    ("2月3日，市人民政府副市长王建华带队到市住建委调研城乡建设工作，市政府副秘书长李明陪同调研。"
     "市住建委领导张强、赵刚参加调研。", "南平市",
     {("王建华", "inspected", "南平市住房和城乡建设委员会"), ("李明", "inspected", "南平市住房和城乡建设委员会"),
      ("张强", "attended", "南平市住房和城乡建设委员会"), ("赵刚", "attended", "南平市住房和城乡建设委员会")}),
    # 在某某的陪同下, before the visitor
    ("在副县长李明的陪同下，县长王建华到青河镇调研。", "东山县",
     {("王建华", "inspected", "青河镇"), ("李明", "inspected", "青河镇")}),
    # a second visit verb between a person and 陪同 makes the person a visitor, not a companion
    ("县委书记王建华到青河镇调研，察看了西河治理工程，县长李明陪同。", "东山县",
     {("王建华", "inspected", "青河镇"), ("王建华", "inspected", "西河治理工程"),
      ("李明", "inspected", "青河镇"), ("李明", "inspected", "西河治理工程")}),
    # 一行先后来到 A、B、C: each place and body a separate object
    ("省委书记王建华一行先后来到南平青河水泥有限公司、青河村和西河治理工程现场，察看生产经营情况。", "南平市",
     {("王建华", "inspected", o) for o in ("南平青河水泥有限公司", "青河村", "西河治理工程")}),
    # 率队赴 two counties; the companions (等陪同) went to both
    ("9日，市委书记王建华率队赴建瓯市、顺昌县督导防汛工作，市委秘书长李明等陪同。", "南平市",
     {(p, "inspected", o) for p in ("王建华", "李明") for o in ("建瓯市", "顺昌县")}),
    # a county paper of another province
    ("县长王建华到射埠镇调研，副县长李明陪同。", "湘潭县",
     {("王建华", "inspected", "射埠镇"), ("李明", "inspected", "射埠镇")}),
    # 深入 before a verb is an adverb (深入贯彻落实: thoroughly), no visit
    ("今年以来，市长王建华带领班子深入贯彻落实建瓯市、顺昌县经验做法。", "南平市", set()),
    # 甲、乙分别前往…: who went where the sentence does not say
    ("市委书记王建华，市长李明分别前往青河镇、东山镇检查防汛工作。", "南平市", set()),
    # one visitor 分别前往 several places visited them all
    ("市委书记王建华分别前往青河镇、东山镇检查防汛工作。", "南平市",
     {("王建华", "inspected", "青河镇"), ("王建华", "inspected", "东山镇")}),
])
def test_the_visit_party(text, home, expected):
    assert _visits(text, home)[0] == expected
