"""The rules that read the statistical tagger: each takes a tagger span only with the evidence it asks for.

Sentences are written for these tests. The tagger is the default model (trained on first use).
"""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.extract.tagged import body_type
from kg.extract.tagger import MODEL_VERSION, model_path, tag_sentence
from kg.extract.tokenize import tokenize
from kg.model import Article


@pytest.mark.parametrize("rule,text,expected", [
    # a surname-led name where no rule's clue is (建设 is a word, so 村民 + name fails the context rule)
    ("person.tagger", "村民王建设说，今年的收成很好。", ["王建设"]),
    ("person.tagger", "王小毛拿着一本书。", ["王小毛"]),
    ("person.tagger", "他看到建设中的大桥。", []),
    # a name jieba glued to the word before (市民|赖永祥)
    ("person.tagger", "中场巴拉克说，比赛很艰苦。", ["巴拉克"]),      # a person jieba's dictionary has as a place
    ("person.tagger", "记者在昆明市民赖永祥家中看到了这幅画。", ["赖永祥"]),
    ("person.tagger", "律师赵立新在答辩中称，", ["赵立新"]),
    ("person.tagger", "电子卡可在小程序（微信、钱付通、各银行APP等渠道）办理；“钱付通”APP也提供缴费。", []),  # a quoted brand
    # bodies: typed by their ending, on free text
    ("organization.tagger", "韩国海洋水产部宣布了新规定。", ["韩国海洋水产部"]),   # no state-body word
    ("organization.tagger", "据新华社报道，会议开幕。", ["新华社"]),
    ("organization.tagger", "俱乐部的球员们正在训练。", []),          # only a kind of body
    ("organization.tagger", "嘉兴市规划与自然资源管理局发布了通知。", ["嘉兴市规划与自然资源管理局"]),  # placed: less sure
    ("organization.tagger", "中共十六大召开以后。", []),              # a numbered congress is an event
    ("organization.tagger", "上午，记者见到了青禾空间（株洲）室内设计公司董事长王建华。", []),   # no half of a bracket
    # a span the agency rules found (a province's committee) is left to them
    ("organization.tagger", "他曾任甘肃省委副书记。", []),
    # a body's name at its other occurrences
    ("organization.longest-form", "宏达机械、东方食品等企业参加了展会。宏达机械的产品很受欢迎。", ["宏达机械"]),
    ("organization.longest-form", "宏达机械有限公司成立了。", []),
    # a place the tagger is less sure of when a place suffix ends it (和平 is a word: the village rule skips it)
    ("place.tagger", "海宁市长安镇和平村实施了封闭管理。", ["和平村"]),
    # roads named by their number
    ("place.numbered-road", "车流涌上105国道，部分车辆改走G4高速。", ["105国道", "G4高速"]),
    ("place.numbered-road", "全长320公里的道路。", []),
    # bodies of a foreign state
    ("agency.state-body", "美国政府表示反对，二战德军的装备很好。", ["美国政府", "德军"]),
    ("agency.state-body", "这是一支完美军队。", []),
])
def test_rule_takes_a_tagger_span_only_with_its_evidence(run_rule, rule, text, expected):
    assert run_rule(rule, text).labels == expected


def _people(doc) -> set[str]:
    return {e.label for e in doc.entities.values() if e.type == "Person"}


def test_the_tagger_mends_the_end_of_a_name_a_rule_ran_into_a_verb():
    text = "副市长徐峰作报告。"
    assert _people(Extractor(disable=["person.tagger"])(Article("t.txt", text))) == {"徐峰作"}
    assert _people(Extractor()(Article("t.txt", text))) == {"徐峰"}


@pytest.mark.parametrize("text,expected", [
    ("村民王建华、李国栋、赵刚都到了。", ["李国栋", "赵刚"]),          # the last item ends where jieba's word does
    ("村民王建华、土豆、东山县都到了。", []),                          # a word, a division: no people
])
def test_the_items_of_a_list_of_people_are_people(text, expected):
    w = Extractor(disable=["person.tagger"]).prepare(Article("t.txt", text))
    assert [h.cand.label for h in w.hits if h.cand.rule == "person.list-mate"] == expected


def test_a_name_the_article_repeats_is_not_shortened():
    text = "县长王建华出席。王建华等人参观了展览。"
    doc = Extractor()(Article("t.txt", text))
    assert {e.label for e in doc.entities.values() if e.type == "Person"} == {"王建华"}


def test_place_tagger_names_a_division_by_its_full_name():
    made = Extractor(disable=["place.division"]).prepare(Article("t.txt", "他后来到杭州工作。"))
    assert [c.label for c in made.candidates if c.rule == "place.tagger"] == ["杭州市"]


def test_a_name_typed_person_is_never_a_project_elsewhere():
    text = "村民王建设说，今年的收成很好。“王建设”项目开工了。"
    doc = Extractor()(Article("t.txt", text))
    assert ("Person", "王建设") in {(e.type, e.label) for e in doc.entities.values()}
    assert not [m for m in doc.mentions if m.type == "Project"]
    other = Extractor()(Article("t.txt", "“王建设”项目开工了。"))
    assert [m.type for m in other.mentions] == ["Project"]          # no person named so: a project


def test_body_types_come_from_the_ending():
    assert body_type("美国国防部") == ("Agency", True)
    assert body_type("足球俱乐部") == ("Organization", False)
    assert body_type("远洋地产") == ("Organization", False)


def test_the_tagger_gives_spans_with_probabilities_and_a_version():
    text = "县长王建设在东山县调研。"
    spans = tag_sentence(text, tokenize(text))
    assert ("Person", "王建设") in {(t.kind, text[t.start:t.end]) for t in spans}
    assert all(0.0 < t.prob <= 1.0 for t in spans)
    assert MODEL_VERSION.startswith("msra-crf-")
    assert model_path().name == f"{MODEL_VERSION}.crfsuite"        # another model version, another file


def test_with_the_tagger_rules_disabled_no_model_is_needed(monkeypatch):
    """A machine that cannot train the model still extracts with the rules alone (the E070 advice)."""
    from kg.extract import TAGGER_RULES, Extractor
    from kg.extract import tagger as tagger_module
    from kg.model import Article

    def no_model():
        raise AssertionError("the model was asked for")
    monkeypatch.setattr(tagger_module, "ensure_model", no_model)
    doc = Extractor(home="运城市", disable=TAGGER_RULES)(Article("t.txt", "县委书记王建华来到东山镇调研。"))
    assert ("Person", "王建华") in doc.entities
    with pytest.raises(AssertionError, match="model was asked for"):
        Extractor(home="运城市", disable=["person.tagger"])


@pytest.mark.parametrize("text,expected", [
    ("大使馆的领事江德明介绍了情况。", {"江德明"}),          # a sure name beats a bogus place across it
    ("队长罗伯特森表示，球队状态很好。", {"罗伯特森"}),        # a transliteration jieba cut is mended
    ("前锋瓦尔德斯说，比赛很艰苦。", {"瓦尔德斯"}),
    ("该国国防部长波格丹诺夫上月表示将裁军。", {"波格丹诺夫"}),
    ("据介绍，王先生说他不知道。", set()),                       # a surname and a form of address name no one
    ("据介绍，钱医生说病人已经出院。", set()),                   # ... nor a profession one is addressed by
    ("东山县的收成很好。但岳蓓表示，今年还会更好。", {"岳蓓"}),   # the sentence's conjunction is no surname
    ("东山县的收成很好。向明华表示，今年还会更好。", {"向明华"}),  # ... but a preposition may be one
])
def test_the_tagger_mends_names_the_rules_cut(text, expected):
    assert _people(Extractor()(Article("t.txt", text))) == expected


def test_a_plain_name_is_a_surname_and_given_name_characters_jieba_and_the_name_reader_agree_on():
    """A tagger name below the usual threshold still counts when it reads as a plain name (王建平), not a word
    jieba did not know or one of the dictionary's (马铃薯, 高压线)."""
    from kg.extract.tagged import _plain_name
    text = "马铃薯收获时，王建平带着高压线图纸来到东山县。"
    w = Extractor().prepare(Article("t.txt", text))
    assert [_plain_name(w, s, s + 3) for s in (0, 7, 12)] == [False, True, False]


def test_the_tagger_adds_a_character_a_rule_left_out_but_never_the_start_of_the_next_word():
    from kg.extract.persons import PersonHit, _mends
    from kg.extract.spans import Candidate
    for text, p, expected in [("副秘书长吴桂如：", 0.5, True), ("县长王建难以接受。", 0.5, False),
                              ("副秘书长吴桂如：", 0.3, False),
                              # a last character no name reading takes (年), in jieba's one word: only when sure
                              ("东山县副县长赵志年，", 0.9, True), ("东山县副县长赵志年，", 0.5, False)]:
        w = Extractor().prepare(Article("t.txt", text))
        s = next(text.index(c) for c in "吴王赵" if c in text)
        hit = PersonHit(Candidate(s, s + 2, "Person", text[s:s + 2]))
        assert _mends(w, hit, s + 3, p) is expected


@pytest.mark.parametrize("text,expected", [
    ("他把书交给了陈佳一，然后离开。", {"陈佳一"}),     # the tagger stopped one character short of a pause
    ("项目负责人张捷称，工程将于年底完工。", {"张捷"}),  # a verb that ends the clause is no name's
    ("他来到了陈佳家，然后离开。", set()),
])
def test_a_name_one_character_short_of_a_pause_runs_to_it(text, expected):
    assert _people(Extractor()(Article("t.txt", text))) == expected


def test_a_tagger_name_read_short_of_a_pause_runs_to_it_unless_a_particle_a_verb_or_a_noun_ends_there():
    from kg.extract.personal_names import end_at_pause
    reads = {t: t[:end_at_pause(t, 0, 2)] for t in ("钱统一）", "钱统一", "钱统一是", "钱统说。", "钱统称，", "钱统家，", "钱统时，")}
    assert reads == {"钱统一）": "钱统一", "钱统一": "钱统一", "钱统一是": "钱统", "钱统说。": "钱统", "钱统称，": "钱统",
                     "钱统家，": "钱统", "钱统时，": "钱统"}


def test_the_tagger_never_runs_a_name_into_the_next_name_found():
    from kg.extract.persons import _mends, add_hit
    text = "本刊编辑钱立孙伟审校"
    alone, listed = (Extractor().prepare(Article("t.txt", text)) for _ in range(2))
    for w in (alone, listed):
        w.hits.clear()
        w.hit_at.clear()
        add_hit(w, 4, 6)
    add_hit(listed, 6, 8)
    assert [_mends(w, w.hit_at[(4, 6)], 7, 0.5) for w in (alone, listed)] == [True, False]


def test_a_name_the_tagger_takes_for_a_person_beats_a_place_guessed_from_its_shape():
    doc = Extractor()(Article("t.txt", "法院判处陈永山有期徒刑两年。"))
    assert ("Person", "陈永山") in {(e.type, e.label) for e in doc.entities.values()}
    assert not [m for m in doc.mentions if m.type == "Place"]


@pytest.mark.parametrize("text,name,expected", [
    ("主持人：谢谢钱老师的分享。", "谢谢钱", True),            # no name opens with a doubled character
    ("我们采访了曼托瓦主帅罗伯特森。", "曼托瓦", True),        # the body of a role before its holder: a club
    ("他主演的《卡罗琳》上映了。", "卡罗琳", True),            # the title of a work
    ("我们采访了主帅罗伯特森。", "罗伯特森", False),
    ("金泰期货分析师王建华认为，行情仍将震荡。", "金泰", True),   # a firm's short name before its trade
    ("据海川咨询统计，东山县去年新增企业三百家。", "海川", True),
    ("见习记者杨秀英证券日报记者刘建国", "杨秀英", False),     # a reporter before the outlet's name
    ("总经理陈立新集团内部讲话", "陈立新", False),              # a title says a person
    # a club's name: a word only a club is before it, a team, a club's role or a team's match word after it
    ("这名前锋回到了老东家卡罗维亚。", "卡罗维亚", True),
    ("他在决赛中战胜卡罗维亚，", "卡罗维亚", False),            # a player is beaten too
    ("卡罗维亚主教练表示，", "卡罗维亚", True),
    ("卡罗维亚联赛已经连续五轮不败。", "卡罗维亚", True),
    ("卡罗维亚表示，球队会更好。", "卡罗维亚", False),
    ("主帅卡罗维亚主场不敌对手。", "卡罗维亚", False),           # a title says a person
])
def test_what_surrounds_a_tagger_name_can_say_it_is_none(text, name, expected):
    from kg.extract.tagged import _not_a_person
    w = Extractor().prepare(Article("t.txt", text))
    s = text.index(name)
    assert _not_a_person(w, s, s + len(name)) is expected


def test_a_transliterated_name_takes_the_parts_joined_to_it_by_a_dot_or_a_hyphen():
    from kg.extract.tagged import _joined_parts
    text = "助理教练罗宾-加西亚和约翰•桑德斯负责训练。"
    assert _joined_parts(text, 4, 6) == (4, 10) and _joined_parts(text, 14, 17) == (11, 17)
    assert _joined_parts("县长王建-赵刚", 2, 4) == (2, 4)              # a Chinese name joins nothing


def test_a_short_transliteration_is_a_name_only_where_the_tagger_is_sure():
    from kg.extract.tagged import _name_ok
    text = "门将卡诺扑出点球。"
    assert _name_ok(text, 2, 4, 0.7, False) and not _name_ok(text, 2, 4, 0.3, False)
    assert not _name_ok("他在巴西工作。", 2, 4, 0.8, False)          # 巴西 is a word of the dictionary
