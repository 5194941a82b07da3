"""Rules of the ``organization`` family, one rule at a time (sentences written for these tests)."""
from __future__ import annotations

import pytest


def _left(made, type_="Organization") -> list[str]:
    """Labels of the candidates of ``type_`` still there after a filter rule ran."""
    return sorted(c.label for c in made.work.candidates if c.type == type_)


@pytest.mark.parametrize("sentence,expected", [
    ("王建华来到东山县青禾科技有限公司调研。", ["东山县青禾科技有限公司"]),
    ("北岭师范学院美术系举办画展。", ["北岭师范学院"]),
    ("青禾公司获评全国科普教育基地。", ["青禾公司", "全国科普教育基地"]),     # the filters come later
    ("他在中学任教。", []),                                                # no name before the ending
    ("远帆银行信用卡中心上月推出了新的积分规则。", ["远帆银行", "远帆银行信用卡中心"]),    # a firm's centre
    ("青禾电机株式会社社长表示。", ["青禾电机株式会社"]),                    # a Japanese company
])
def test_suffix(run_rule, sentence, expected):
    assert run_rule("organization.suffix", sentence).labels == expected


@pytest.mark.parametrize("sentence,prep", [
    ("东山精工机械有限公司由青禾投资集团控股。", "由"),       # jieba's unknown word 由青禾
    ("青石水泥集团由柳岸建材集团控股。", "由"),                 # 由柳岸, after a 集团
])
def test_a_preposition_glued_after_a_body_opens_no_name(run_rule, sentence, prep):
    labels = run_rule("organization.suffix", sentence).labels
    assert labels and not any(prep in x for x in labels)


@pytest.mark.parametrize("sentence,expected", [
    ("去年，国家级众创空间落户东山。", []),
    ("去年，东山县科技企业孵化器投入使用。", ["东山县科技企业孵化器"]),     # a place says whose
    ("据悉，青禾集团将投资建设新厂。", ["青禾集团"]),                         # 建设新厂: an action, no name
])
def test_not_a_kind(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-a-kind", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("青禾公司获评全国科普教育基地。", ["青禾公司"]),
    ("王建华来到东山县青禾科技有限公司调研。", ["东山县青禾科技有限公司"]),
])
def test_not_a_title(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-a-title", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东山县建成50所寄宿制学校。", []),
    ("东山县人民医院开展义诊。", ["东山县人民医院"]),
])
def test_not_counted(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-counted", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("王建华参观了运城市图书馆、市科技馆和博物馆。", ["运城市科技馆"]),
    ("王建华参观了市图书馆。", []),              # not at the start of a list item
])
def test_level_prefix(run_rule, sentence, expected):
    assert run_rule("organization.level-prefix", sentence, home="运城市").labels == expected


def test_level_prefix_needs_a_home(run_rule):
    assert run_rule("organization.level-prefix", "王建华参观了东山市图书馆、市科技馆和博物馆。").labels == []


@pytest.mark.parametrize("sentence,expected", [
    ("东山县图书馆、博物馆、科技馆免费开放。", ["东山县博物馆", "东山县科技馆"]),
    ("图书馆、博物馆免费开放。", []),               # the first item has no name to share
])
def test_list_ellipsis(run_rule, sentence, expected):
    assert run_rule("organization.list-ellipsis", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("青禾科技、远帆物流和北岭制药等企业参加洽谈。", ["青禾科技", "远帆物流", "北岭制药"]),
    ("新材料、生物医药等领域企业参加洽谈。", []),    # a list of sectors
    ("该镇引进了食品加工、家政服务等公司6家。", []),    # lines of business, no names
    ("茶陵县去年引进了青禾电器、远帆纺织等企业。", ["青禾电器", "远帆纺织"]),    # 引进|了: the particle opens no name
])
def test_listed_body(run_rule, sentence, expected):
    assert run_rule("organization.listed-body", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("中科院专家来到东山县。", ["中国科学院"]),
    ("专家来到东山县。", []),
])
def test_known_body(run_rule, sentence, expected):
    assert run_rule("organization.known-body", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("其中，青禾研究院与远帆大学合作的新型锂电池正极材料制备技术获奖。", ["青禾研究院", "远帆大学"]),
    ("其中，青禾研究院与远帆大学合作举办论坛。", []),     # no joint technology
])
def test_cooperation(run_rule, sentence, expected):
    assert run_rule("organization.cooperation", sentence).labels == expected


def test_cooperation_is_found_once_for_both_families(run_rule):
    made = run_rule("organization.cooperation", "其中，青禾研究院与远帆大学合作的新型锂电池正极材料制备技术获奖。")
    assert [(c.type, c.label) for c in made.work.cooperations] == [
        ("Organization", "青禾研究院"), ("Organization", "远帆大学"), ("Project", "新型锂电池正极材料制备技术")]


@pytest.mark.parametrize("sentence,expected", [
    ("北岭师范大学美术学院举办画展。", {("Organization", "北岭师范大学")}),
    ("青禾科技集团有限公司举办讲座。", set()),        # 集团|有限公司 is one company
    ("据国家统计局农村司网站消息，", {("Agency", "国家统计局")}),   # the body whose website is cited
])
def test_leading_body(run_rule, sentence, expected):
    assert run_rule("organization.leading-body", sentence).entities == expected


@pytest.mark.parametrize("sentence,short,full", [
    ("王建华来到东山青禾投资控股集团有限公司调研，青禾公司负责人介绍了情况。", "青禾公司", "东山青禾投资控股集团有限公司"),
])
def test_short_form(run_rule, sentence, short, full):
    ents = run_rule("organization.short-form", sentence).work.doc.entities
    assert ("Organization", short) not in ents
    assert short in ents[("Organization", full)].aliases


@pytest.mark.parametrize("sentence,short,full", [
    ("青州银行股份有限公司原副行长王五被查。青州银行党委研究决定。", "青州银行", "青州银行股份有限公司"),
    ("王五任青州银行东岭分行行长，后任东岭分行党委书记。", "东岭分行", "青州银行东岭分行"),
])
def test_short_form_of_a_legal_name_or_a_branch(run_rule, sentence, short, full):
    ents = run_rule("organization.short-form", sentence).work.doc.entities
    assert ("Organization", short) not in ents and short in ents[("Organization", full)].aliases


def test_short_form_needs_one_full_name(run_rule):
    ents = run_rule("organization.short-form", "青禾公司与远帆公司签约。").work.doc.entities
    assert {("Organization", "青禾公司"), ("Organization", "远帆公司")} <= set(ents)


@pytest.mark.parametrize("sentence,expected", [
    ("据东山网报道，甲公司昨日开业。", ["东山网"]),
    ("（来源：西江新闻网）", ["西江新闻网"]),
    ("南湖晚报记者王建华获悉，", ["南湖晚报"]),
    ("北岭网青州5月3日电 今天，", ["北岭网"]),
    ("据报道，该项目已开工。", []),                         # no outlet named
    ("据市政府门户网站消息，", []),                          # a body's own website
    ("本报讯 记者从市里获悉", []),                            # the paper itself
    ("东岭晨报5月8日报道 青州市欲调整区划。", ["东岭晨报"]),     # a dated report
    ("看看这个平台有西江网讯（记者 王建华）", ["西江网"]),       # a dateline wherever the line break went
    ("据北岭省纪委监委网站消息，", ["北岭省纪委监委网站"]),       # a body's website named in full
    ("王五被给予处分甘肃省纪委监委网站讯 据悉", ["甘肃省纪委监委网站"]),   # a title line run on
    ("此事（详见本报5月6日报道）引起关注。", []),
])
def test_news_outlets_where_the_text_cites_them(run_rule, sentence, expected):
    assert run_rule("organization.news-outlet", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东岳集团是省属大型国有企业集团。", ["东岳集团"]),            # a description is no name
    ("北辰物流公司已发展成为一家综合性集团。", ["北辰物流公司"]),
    ("丙县青丝造型理发店开业。", ["丙县青丝造型理发店"]),       # 造型 is a noun of the name
    ("开发区引进宏远科技有限公司。", ["宏远科技有限公司"]),      # an adjective (宏远) names a company
    ("不少村民在村里改建民宿，还扩建民宿。", []),                    # what was done to a kind of house
    ("东山县成立乡村治理研究院。", ["乡村治理研究院"]),      # a verb inside a name
])
def test_a_body_named_only_by_a_description_is_no_body(run_rule, sentence, expected):
    made = run_rule("organization.not-a-kind", sentence)
    assert [c.label for c in made.work.proposed("Organization") if c.rule == "organization.suffix"] == expected


@pytest.mark.parametrize("sentence,expected", [
    # a post and 兼 after another body's ending, and a résumé word, are no part of the next body's name
    ("2001.03——2004.06甲乙电力股份有限公司副总经理兼丙丁水电有限责任公司董事长。",
     ["甲乙电力股份有限公司", "丙丁水电有限责任公司"]),
    ("他伙同时任青山电视台副台长的王五牟利。", ["青山电视台"]),
    ("及市交投集团主要负责人参加。", ["湖州市交投集团"]),         # jieba's 及市: a conjunction glued to 市
    ("青山电子科技集团董事长兼总经理王五。", ["青山电子科技集团"]),     # posts after the body: nothing to cut
])
def test_suffix_names_start_after_posts_and_conjunctions(run_rule, sentence, expected):
    assert run_rule("organization.suffix", sentence, "湖州市").labels + \
        run_rule("organization.level-prefix", sentence, "湖州市").labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("市交投集团、水务集团、城建集团负责人参加。", ["湖州市水务集团", "湖州市城建集团"]),
    ("参观市科技馆、北岭老年大学。", []),                             # an item that names its own place
    ("参观青禾公司、公用集团。", []),                                 # no 市 alone to share
])
def test_shared_level(run_rule, sentence, expected):
    assert run_rule("organization.shared-level", sentence, "湖州市").labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("甲乙电信充分发挥青禾科技公司的作用。", ["青禾科技公司"]),      # the name starts after the adverb
    ("园区经常饭店供电都跟不上。", []),                          # only a kind is left
    ("山西省高速公路管理局召开会议。", []),                         # 高速 is no adverb here (an agency, untouched)
])
def test_no_adverb(run_rule, sentence, expected):
    made = run_rule("organization.no-adverb", sentence)
    assert sorted(c.label for c in made.work.candidates if c.type == "Organization") == expected


@pytest.mark.parametrize("sentence,expected", [
    ("全村开办了乡村书店8家。", []),                               # counted after the name: a kind
    ("东山县人民医院3个病区开放。", ["东山县人民医院"]),
])
def test_not_counted_after(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-counted", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("王建华去年出任青禾地产副总经理。", ["青禾地产"]),                # a brand and its trade, no suffix
    ("东山县青禾证券发布了一份行业报告。", ["东山县青禾证券"]),        # the division written before the brand
    ("王建华是株洲柳溪律师事务所律师，从业十年。", ["株洲柳溪律师事务所"]),
    ("商业地产和社会资本都在增长。", []),                           # common words before the trade
    ("株洲地产持续回暖。", []),                                     # a place and a trade: a sector
    ("商务部食品安全检查今年加强。", []),                           # a body's sector, not a firm
    ("经理王建华咨询了几家银行。", []),                             # a person a title names
])
def test_trade_name(run_rule, sentence, expected):
    assert run_rule("organization.trade-name", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("市民联系青禾银行株洲分行后拿回了押金。", ["青禾银行", "青禾银行株洲分行"]),   # a person and a predicate before it
    ("上述青禾银行的做法引发了讨论。", ["青禾银行"]),
    ("本案原告青禾科技有限公司已提交证据。", ["青禾科技有限公司"]),
    ("最值得一提的是远帆银行推出的新产品。", ["远帆银行"]),
    ("青禾电器有限公司投资远帆银行三亿元。", ["青禾电器有限公司", "远帆银行"]),   # a verb between two bodies
    ("东山投资集团去年净利润增长两成。", ["东山投资集团"]),                  # the verb belongs to the name
    ("图为青禾设计有限公司新建的厂房。", ["青禾设计有限公司"]),              # a photo caption's predicate
])
def test_suffix_names_start_after_the_words_that_introduce_them(run_rule, sentence, expected):
    assert run_rule("organization.suffix", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("二手车市场和家电市场都在回暖。", []),                 # a trade, not a body
    ("这批茶叶已经打入越南市场。", []),                     # the market of a place
    ("青禾市场今天开业。", ["青禾市场"]),                   # a market with a name of its own
])
def test_not_a_market(run_rule, sentence, expected):
    assert _left(run_rule("organization.not-a-market", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("王建华辞去了青禾置业（株洲）有限公司的职务。", ["青禾置业（株洲）有限公司"]),   # the seat in brackets
    ("远帆建材（中国）有限公司的新厂在茶陵投产。", ["远帆建材（中国）有限公司"]),
    ("青禾建材（第二）有限公司的新厂在茶陵投产。", []),                            # no place in the brackets
])
def test_suffix_names_run_over_their_seat_in_brackets(run_rule, sentence, expected):
    assert run_rule("organization.suffix", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("该公司由远帆集团控股，王建华任董事长。", ["远帆集团"]),          # 控股 the verb: by whom
    ("青禾集团控股远帆银行。", ["青禾集团", "远帆银行"]),              # ... a name follows
    ("青禾集团控股有限公司成立。", ["青禾集团控股有限公司"]),          # part of a legal name
    ("远帆控股的股价昨天上涨。", ["远帆控股"]),                               # the ending of a name
])
def test_an_ending_that_is_the_verb_of_the_clause_is_no_part_of_the_name(sentence, expected):
    from kg.extract import Extractor
    from kg.model import Article
    doc = Extractor()(Article("t.txt", sentence))
    assert sorted(e.label for e in doc.entities.values() if e.type == "Organization") == sorted(expected)


@pytest.mark.parametrize("sentence,expected", [
    ("储户可到招行株洲分行办理挂失。", ["招行株洲分行"]),     # a bank's short name jieba takes for a verb
    ("该行株洲分行去年新开了三个网点。", ["株洲分行"]),       # a pronoun, no bank's name
    ("他们进行株洲分行的改造。", ["株洲分行"]),               # a common verb
])
def test_a_branch_takes_the_short_name_of_its_bank(run_rule, sentence, expected):
    assert run_rule("organization.suffix", sentence).labels == expected


@pytest.mark.parametrize("sentence,places", [
    ("青禾置业（精装样板间）（株洲）有限公司的售楼处已开放。", []),   # a seat before the ending: no place of its own
    ("他来自（株洲）的一家工厂。", ["株洲市"]),
])
def test_a_seat_in_brackets_is_no_place_of_its_own(run_rule, sentence, places):
    assert _left(run_rule("organization.bracketed-seat", sentence), "Place") == places


def test_a_name_never_starts_inside_the_name_of_a_place_of_the_article():
    from kg.extract.ending_names import _stem_start
    from kg.extract.names import TokenIndex
    from kg.extract.spans import Candidate
    text = "青禾村紧邻青禾省级森林公园"      # jieba cuts the second 青禾 apart: 紧邻|青|禾省级…
    idx = TokenIndex([(0, 3, "青禾村"), (3, 5, "紧邻"), (5, 6, "青"), (6, 7, "禾"), (7, 9, "省级"), (9, 13, "森林公园")])
    village = Candidate(0, 3, "Place", "青禾村")
    assert _stem_start(text, idx, [village], 6, 9) == 5
    assert _stem_start(text, idx, [village], 7, 9) == 7         # no part of the place's name before it
    glued = TokenIndex([(0, 3, "青禾村"), (3, 6, "紧邻青"), (6, 7, "禾")])   # 青 ends another word
    assert _stem_start(text, glued, [village], 6, 9) == 6


def test_a_market_a_list_of_projects_names_is_still_a_project():
    from kg.extract import Extractor
    from kg.model import Article
    doc = Extractor()(Article("t.txt", "茶陵县开工了青禾物流园、建材交易市场等一批重点项目。"))
    assert ("Project", "建材交易市场") in {(e.type, e.label) for e in doc.entities.values()}
