"""The agency rules, one at a time, on sentences written for these tests."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.extract.registry import registry
from kg.model import Article

HOME = "湖州市"


@pytest.mark.parametrize("name,text,home,expected", [
    ("agency.place-core", "安吉县委和县政府召开会议。", HOME, ["中共安吉县委员会", "安吉县人民政府"]),
    ("agency.place-core", "市委书记讲话。", HOME, ["中共湖州市委员会"]),         # 市 stands for the home city
    ("agency.place-core", "安吉县工信局发布通知。", HOME, ["安吉县工业和信息化局"]),
    ("agency.place-core", "县委员会委员王建华。", HOME, []),                     # 委员 is a title
    ("agency.place-suffix", "安吉县林草管理局发布通知。", HOME, ["安吉县林草管理局"]),
    ("agency.place-suffix", "安吉县签署协议。", HOME, []),                       # a verb ending like a body
    ("agency.bare-bureau", "活动由商务局主办。", HOME, ["湖州市商务局"]),
    ("agency.bare-bureau", "活动由商务局主办。", None, []),                       # no home city known
    ("agency.session", "安吉县第十届人民代表大会第一次会议召开。", HOME, ["安吉县人民代表大会"]),
    ("agency.session", "政协安吉县第九届委员会召开会议。", HOME, ["中国人民政治协商会议安吉县委员会"]),
    ("agency.session", "安吉县第九届委员会召开会议。", HOME, []),                 # a committee of what?
    ("agency.national", "国务院印发通知。", None, ["中华人民共和国国务院"]),
    ("agency.national", "人社部门要加强指导。", None, []),                       # departments of a kind
    ("agency.customs", "湖州海关查获一批货物。", None, ["湖州海关"]),
    ("agency.customs", "海关查获一批货物。", None, []),                           # no place named
    ("agency.shared-place", "会上，湖州经济开发区党工委书记、管委会主任王建华讲话。", HOME,
     ["湖州经济开发区管理委员会"]),
    ("agency.shared-place", "会上，王建华任书记、管委会主任。", HOME, []),       # no body before the 、
    ("agency.central-bank", "中国人民银行湖州市中心支行召开会议。", HOME, ["中国人民银行湖州市中心支行"]),
])
def test_each_agency_rule_finds_its_bodies(run_rule, name, text, home, expected):
    assert run_rule(name, text, home).labels == expected


def test_bodies_carry_their_jurisdiction_and_core(run_rule):
    def attrs(name, text):
        return [(c.attrs.get("jurisdiction"), c.attrs.get("core"))
                for c in run_rule(name, text, HOME).work.candidates if c.rule == name]
    assert attrs("agency.place-core", "安吉县召开会议。县政府发布通知。") == [("安吉县", "人民政府")]
    assert attrs("agency.central-bank", "中国人民银行湖州市中心支行召开会议。") == [("湖州市", "支行")]


def test_a_party_committee_answers_to_its_short_forms(run_rule):
    made = run_rule("agency.place-core", "中共安吉县委召开会议。", HOME)
    [c] = [c for c in made.work.candidates if c.rule == "agency.place-core"]
    assert c.label == "中共安吉县委员会" and {"中共安吉县委", "安吉县委"} <= c.aliases


def test_a_bureau_after_its_county_is_the_countys_not_the_home_citys(run_rule):
    assert run_rule("agency.bare-bureau", "由安吉县商务局主办。", HOME).labels == []


def test_a_district_department_is_named_with_its_city(run_rule):
    assert run_rule("agency.place-core", "吴兴区工信局发布通知。", HOME).labels == ["湖州市吴兴区工业和信息化局"]


def test_disabling_the_place_rules_leaves_only_bodies_named_without_a_place():
    text = "安吉县工信局和国务院发布通知。"
    # the tagger reads places of its own (organization.tagger names 安吉县工信局 from the divisions): off too
    doc = Extractor(home=HOME, disable=["place.*", "organization.tagger"])(Article("t.txt", text))
    agencies = {e.label for e in doc.entities.values() if e.type == "Agency"}
    assert "中华人民共和国国务院" in agencies and "安吉县工业和信息化局" not in agencies


def test_every_agency_rule_says_what_it_finds_with_an_example():
    rules = [r for n, r in registry().items() if n.startswith("agency.")]
    assert len(rules) >= 8
    for r in rules:
        assert r.summary and any("\u4e00" <= ch <= "\u9fff" for ch in r.summary), r.name


@pytest.mark.parametrize("text,alias", [
    ("福建省石狮市公安局通报了案件。", "福建省石狮市公安局"),       # a province before its city's bureau
    ("甘肃省兰州市城关区人民法院开庭。", "甘肃省兰州市城关区人民法院"),  # up the whole chain
    ("中国证监会发布新规。", "中国证监会"),                             # the state printed before a national body
])
def test_an_agency_keeps_the_places_printed_before_it_as_an_alias(run_rule, text, alias):
    made = run_rule("agency.printed-prefix", text)
    assert any(alias in c.aliases for c in made.work.proposed("Agency"))


def test_an_agency_without_a_place_before_it_gets_no_longer_alias(run_rule):
    made = run_rule("agency.printed-prefix", "会上，石狮市公安局通报了案件。")
    assert all(a.endswith("公安局") and len(a) <= 6 for c in made.work.proposed("Agency") for a in c.aliases)
