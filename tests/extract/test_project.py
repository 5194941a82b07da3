"""Rules of the ``project`` family, one rule at a time (sentences written for these tests)."""
from __future__ import annotations

import pytest


def _left(made) -> list[str]:
    """Labels of the project candidates still there after a filter rule ran."""
    return sorted(c.label for c in made.work.candidates if c.type == "Project")


@pytest.mark.parametrize("sentence,expected", [
    ("东山县年产5万吨饲料加工项目开工。", ["东山县年产5万吨饲料加工项目"]),
    ("西河治理工程完工。", ["西河治理工程"]),
    ("青禾公司投资建设新材料产业园项目。", ["新材料产业园项目"]),     # the owner and its verb stay out
    ("推进基础设施项目。", []),                                      # nothing particular in the name
])
def test_suffix(run_rule, sentence, expected):
    assert run_rule("project.suffix", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("会上举行东山县招商项目推介会。", []),
    ("西河治理工程完工。", ["西河治理工程"]),
])
def test_not_a_kind(run_rule, sentence, expected):
    assert _left(run_rule("project.not-a-kind", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("举办东山论坛配套设施项目。", []),
    ("西河治理工程完工。", ["西河治理工程"]),
])
def test_not_an_event(run_rule, sentence, expected):
    assert _left(run_rule("project.not-an-event", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东山县八大工程全部开工。", []),
    ("推进东山县光伏发电项目20个。", []),           # a kind, counted after it
    ("东山县年产5万吨饲料加工项目开工。", ["东山县年产5万吨饲料加工项目"]),
])
def test_not_counted(run_rule, sentence, expected):
    assert _left(run_rule("project.not-counted", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("推进青禾、远帆等东山县光伏发电项目。", []),
    ("推进东山县光伏发电项目。", ["东山县光伏发电项目"]),
])
def test_not_a_list(run_rule, sentence, expected):
    assert _left(run_rule("project.not-a-list", sentence)) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东山县北岭光伏电站、储能电站同时开工。", ["北岭储能电站"]),
    ("光伏电站、储能电站同时开工。", []),
])
def test_list_ellipsis(run_rule, sentence, expected):
    assert run_rule("project.list-ellipsis", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("青禾饲料加工厂、远帆物流园和北岭光伏电站等重点项目开工。", ["青禾饲料加工厂", "远帆物流园", "北岭光伏电站"]),
    ("青禾饲料加工厂、远帆物流园2个重大项目开工。", ["青禾饲料加工厂", "远帆物流园"]),
    ("东山县建成1个项目。", []),                       # a count without a list
    ("青禾公司、远帆集团等企业的项目开工。", []),
    # the words of pushing that open the list are not part of the first name
    ("该区将全力服务保障青禾饲料加工厂、远帆物流园等链主项目。", ["青禾饲料加工厂", "远帆物流园"]),
    ("宁远县大力推进北岭光伏电站、南湖湿地修复工程等重点项目。", ["北岭光伏电站", "南湖湿地修复工程"]),
    ("推介会上现场签约青禾饲料加工厂、远帆物流园等12个项目。", ["青禾饲料加工厂", "远帆物流园"]),
])
def test_listed_project(run_rule, sentence, expected):
    assert run_rule("project.listed-project", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("东山县人民路改造完成。", ["人民路改造"]),
    ("东山县人民路改造项目完成。", []),              # the project suffix names it
])
def test_road_works(run_rule, sentence, expected):
    assert run_rule("project.road-works", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("其中，青禾研究院与远帆大学合作的新型锂电池正极材料制备技术获奖。", ["新型锂电池正极材料制备技术"]),
    ("其中，青禾研究院与远帆大学合作的新技术获奖。", []),     # too short to be a particular one
])
def test_cooperation(run_rule, sentence, expected):
    assert run_rule("project.cooperation", sentence).labels == expected


def test_cooperation_without_the_organisation_rule_still_finds_the_work(run_rule):
    from kg.extract import Extractor
    from kg.model import Article
    text = "其中，青禾研究院与远帆大学合作的新型锂电池正极材料制备技术获奖。"
    doc = Extractor(disable=["organization.cooperation"])(Article("t.txt", text))
    assert ("Project", "新型锂电池正极材料制备技术") in doc.entities


@pytest.mark.parametrize("sentence,expected", [
    ("全县实施“暖心家园”工程。", ["暖心家园工程"]),
    ("全县开展“暖心家园”活动。", []),
])
def test_quoted(run_rule, sentence, expected):
    assert run_rule("project.quoted", sentence).labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("“青苗驿站”是团县委打造的一个志愿服务项目，“青苗驿站”已服务千人。", ["青苗驿站", "青苗驿站"]),
    ("“重点项目”是全县工作的重大项目。", []),          # a kind of project, not a name
])
def test_quoted_is_project(run_rule, sentence, expected):
    assert run_rule("project.quoted-is-project", sentence).labels == expected


@pytest.mark.parametrize("sentence,attrs", [
    ("东山县北岭光伏电站总投资12亿元，今年3月开工。", {"investment": "12亿元", "status": "started"}),
    ("东山县200兆瓦北岭光伏电站建成投产。", {"capacity": "200兆瓦"}),
])
def test_attributes(run_rule, sentence, attrs):
    ents = run_rule("project.attributes", sentence).work.doc.entities
    got = [e.attrs for e in ents.values() if e.type == "Project"]
    assert len(got) == 1 and attrs.items() <= got[0].items()


@pytest.mark.parametrize("text,expected", [
    ("2023年3月，\n宏达智慧中心奠基。", ["宏达智慧中心"]),
    ("东山物流园开工建设，预计年底竣工。", ["东山物流园"]),
    ("新能源汽车产业园落户东山。", ["新能源汽车产业园"]),
    ("项目顺利开工。", []),                        # no name, an adverb
    ("东山县3个项目开工。", []),                   # counted projects
    ("宏达机械有限公司投产。", []),                # a company: the owner, not the work
    ("推动区域重大战略落地。", []),                # a verb phrase
])
def test_a_name_under_a_governing_predicate_is_a_project(run_rule, text, expected):
    assert run_rule("project.governed", text).labels == expected


@pytest.mark.parametrize("text,expected", [
    ("今年3月，东山县开工建设青龙湾国际会展中心，总投资12亿元。", ["青龙湾国际会展中心"]),
    ("宁远县正式开工建设南湖湿地公园和北岭物流园。", ["南湖湿地公园", "北岭物流园"]),
    ("红河州投资兴建元阳梯田游客服务中心。", ["元阳梯田游客服务中心"]),
    ("东山县签约宏达新能源汽车零部件基地，总投资20亿元。", ["宏达新能源汽车零部件基地"]),
    ("东山县与宏达新能源有限公司签约。", []),               # the partner, not the work
    ("开工建设以来，工人们加班加点。", []),               # no name after the predicate
    ("东山县开工建设东环大道、滨江路。", []),             # roads named on their own are places
    ("该区新建宏达机械有限公司。", []),                   # a company: the owner, not the work
])
def test_a_name_a_building_predicate_governs_is_a_project(run_rule, text, expected):
    assert run_rule("project.governed-after", text).labels == expected


@pytest.mark.parametrize("text,expected", [
    ("青龙村果蔬合作社还投资80万元建设北岭光伏电站。", ["北岭光伏电站"]),
    ("红河州建设路改造工程开工。", ["红河州建设路改造工程"]),   # 建设路 is one word: a road's name, kept
])
def test_a_project_name_does_not_open_with_the_money_or_the_verb(run_rule, text, expected):
    made = run_rule("project.no-lead-verb", text, home="昆明市")
    assert [c.label for c in made.work.candidates if c.type == "Project"] == expected


@pytest.mark.parametrize("text,expected", [
    ("遵义市大数据产业园项目暨湄潭云计算中心项目奠基。", {"遵义市大数据产业园项目", "湄潭云计算中心项目"}),
    ("红河州蒙自物流园项目暨冷链中心工程开工。", {"红河州蒙自物流园项目", "冷链中心工程"}),
])
def test_projects_joined_by_ji_are_two_names(run_rule, text, expected):
    made = run_rule("project.split-ji", text, home="遵义市")
    assert {c.label for c in made.work.candidates if c.type == "Project"} == expected


def test_what_comes_before_ji_without_an_ending_is_not_split(run_rule):
    made = run_rule("project.split-ji", "遵义市暨湄潭县云计算中心项目奠基。", home="遵义市")   # 暨 ends the walk left
    assert not made.labels and [c.label for c in made.work.candidates if c.type == "Project"] == ["湄潭县云计算中心项目"]


@pytest.mark.parametrize("text,expected", [
    ("新材料产业以宏达基地为核心，碳纤维复材全产业链、农机装备技改项目稳步推进。", ["碳纤维复材全产业链"]),
    ("东山县推进道路硬化、绿化提升项目。", []),                 # kinds of work, nothing particular
    ("宁远县北岭储能电站、南湖水厂扩建工程同时开工。", []),     # both already named by their endings
])
def test_the_names_listed_before_a_project_are_projects(run_rule, text, expected):
    assert run_rule("project.list-mates", text, home="永州市").labels == expected


@pytest.mark.parametrize("text,label,aliases", [
    ("茶陵县冷链物流园项目暨北岭农产品检测中心（NTC）今日破土动工。", "北岭农产品检测中心", {"NTC", "北岭农产品检测中心（NTC）"}),
    ("茶陵县冷链物流园项目暨北岭农产品检测中心建成后，可服务周边三个县。", "北岭农产品检测中心", {"北岭农产品检测中心"}),
])
def test_a_name_joined_to_a_project_by_ji_is_a_project(run_rule, text, label, aliases):
    made = run_rule("project.ji-mate", text, home="株洲市")
    got = [c for c in made.work.candidates if c.rule == "project.ji-mate"]
    assert [c.label for c in got] == [label] and aliases <= got[0].aliases


@pytest.mark.parametrize("text,expected", [
    ("茶陵县风电场项目暨青禾新能源有限公司成立大会召开。", []),          # a company: the owner
    ("茶陵县风电场项目暨2025年全县重大项目观摩会召开。", []),            # a year, then a kind
    ("茶陵县青禾物流园项目暨北岭物流园二期于上月动工。", ["北岭物流园二期"]),   # a phase ends a name
])
def test_what_ji_joins_to_a_project(run_rule, text, expected):
    assert run_rule("project.ji-mate", text, home="株洲市").labels == expected


def test_no_name_runs_across_ji():
    from kg.extract import Extractor
    from kg.model import Article
    doc = Extractor(home="株洲市")(Article("t.txt", "茶陵县青禾物流园项目暨北岭物流园二期于上月动工。"))
    assert not [e.label for e in doc.entities.values() if "暨" in e.label]


@pytest.mark.parametrize("sentence,expected", [
    ("青石镇引进了松林康养中心、北岭茶文化园等文旅项目，带动了周边民宿。", ["松林康养中心", "北岭茶文化园"]),   # the list's head: projects
    ("松林康养中心、北岭茶文化园等项目单位参加培训。", []),                            # the bodies of projects
    ("松林康养中心、北岭合作社等项目建设主体参加培训。", []),
    ("年内要完工的有青禾大道到南湖路、东山路到北岭路等项目。", ["青禾大道到南湖路", "东山路到北岭路"]),   # road segments
])
def test_listed_project_heads_and_segments(run_rule, sentence, expected):
    assert run_rule("project.listed-project", sentence, home="株洲市").labels == expected


@pytest.mark.parametrize("sentence,expected", [
    ("货车只能绕行北岭公路，多跑十几公里。", []),                         # a road on its own is a place
    ("北岭公路拓宽工程下月动工。", ["北岭公路拓宽工程"]),                   # works on it are a project
])
def test_a_road_named_on_its_own_is_no_project(run_rule, sentence, expected):
    assert _left(run_rule("project.not-a-road", sentence, home="株洲市")) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("全镇围绕“四好”目标，启动“两通”工程。", []),                         # numbered slogans
    ("今年全区新修了五座“口袋公园”，“口袋公园”工程还将继续。", []),       # a kind the text counts
    ("全镇推进“清水绿岸”工程。", ["清水绿岸工程"]),
])
def test_quoted_slogans_and_kinds_are_no_projects(run_rule, sentence, expected):
    assert run_rule("project.quoted", sentence).labels == expected


def test_a_project_named_without_its_owner_is_the_one_named_with_it():
    from kg.extract import Extractor
    from kg.model import Article
    text = "茶陵县青禾产业园项目由北岭集团承建。据介绍，青禾产业园项目建成后可容纳40家企业。"
    doc = Extractor(home="株洲市")(Article("t.txt", text))
    projects = [e for e in doc.entities.values() if e.type == "Project"]
    assert [e.label for e in projects] == ["茶陵县青禾产业园项目"] and "青禾产业园项目" in projects[0].aliases


def test_a_project_name_opens_at_the_place_its_first_word_hides():
    """jieba may glue a town's last character to the village after it (镇南|塘村): the name starts at the village."""
    from kg.extract import Extractor
    from kg.extract.ending_names import PROJECT, walks
    from kg.extract.spans import Candidate
    from kg.model import Article
    text = "据了解，青石镇南塘村300亩油茶林提质项目已通过验收。"
    w = Extractor(home="株洲市").prepare(Article("t.txt", text), until="project.suffix")
    cuts, tokens, i = ["据", "了解", "，", "青", "石", "镇南", "塘村", "300", "亩", "油茶", "林", "提质", "项目", "已", "通过", "验收", "。"], [], 0
    for word in cuts:
        tokens.append((i, i + len(word), word))
        i += len(word)
    w.tokens = tokens
    s = text.index("南塘村")
    w.candidates.append(Candidate(s, s + 3, "Place", "南塘村", {"南塘村"}, {"level": "village"}))
    w.named.clear()
    assert [text[k.start:k.end] for k in walks(w, PROJECT)] == ["南塘村300亩油茶林提质项目"]


@pytest.mark.parametrize("sentence,expected", [
    ("由东山医院牵头的两项课题——“油茶根系微生物调控研究”与“茶园坡地保水试验”已顺利结题。",
     ["油茶根系微生物调控研究", "茶园坡地保水试验"]),
    ("全县三项工程：“青禾安居”、“北岭饮水”和“南湖治污”进展顺利。", ["青禾安居", "北岭饮水", "南湖治污"]),
    ("他说：“项目——这是关键。”", []),                                  # no quoted name after the dash
    ("今年重点推进两项工程——“两新一重”与“三供一业”。", []),           # numbered slogans
])
def test_quoted_names_set_after_projects_are_those_projects(run_rule, sentence, expected):
    assert run_rule("project.quoted-apposition", sentence).labels == expected
