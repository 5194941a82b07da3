"""People kept apart: a corpus of article pairs written for this test, in which a common name is either the
same official (or reporter) or two different people. No wrong merge; most true pairs merged."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Article
from kg.resolve import resolve

SAME, OTHER = True, False
# (name, (text, home), (text, home), one person?) — home None: the text alone must show it
PAIRS = [
    ("王斌", ("市委书记王斌来到芮城县调研。", "运城市"), ("市委书记王斌主持召开市委常委会议。", "运城市"), SAME),
    ("张磊", ("朔州市副市长张磊到企业调研。", None), ("朔州市市长张磊出席签约仪式。", None), SAME),
    ("李军", ("我县岳西县县长李军到乡镇检查防汛工作。", None), ("县长李军主持召开县政府常务会议。", "岳西县"), SAME),
    ("王斌", ("本报记者 王斌\n涪城区新建公园三处。", "绵阳市"), ("本报记者 王斌\n游仙区新建学校两所。", "绵阳市"), SAME),
    ("李建新", ("江西省省长李建新出席会议。", None), ("省长李建新到南昌市调研。", "江西省"), SAME),
    ("张磊", ("运城市纪委书记张磊通报案件。", None), ("市纪委书记张磊主持会议。", "运城市"), SAME),
    ("刘洋", ("运城市副市长刘洋到企业调研。", None), ("副市长刘洋出席开工仪式。", "运城市"), SAME),
    ("王磊", ("朔州市教育局局长王磊到校检查。", "朔州市"), ("王磊说，今年要再建三所学校。", "朔州市"), SAME),
    ("李军", ("市委书记李军主持召开会议。", "天津市"), ("天津市委书记李军到和平区调研。", None), SAME),
    ("王斌", ("岳西县副县长王斌检查春耕。", None), ("岳西县县长王斌出席会议。", None), SAME),
    ("张磊", ("州长张磊出席会议。", "延边朝鲜族自治州"), ("延边朝鲜族自治州州长张磊到和龙市调研。", None), SAME),
    ("李娜", ("绵阳市财政局局长李娜作报告。", None), ("市财政局局长李娜出席会议。", "绵阳市"), SAME),
    ("习近平", ("深入学习贯彻习近平总书记重要讲话精神。", "运城市"), ("认真学习习近平总书记重要指示。", "朔州市"), SAME),
    ("王斌", ("本报记者 王斌\n涪城区新建公园三处。", "绵阳市"), ("佛山市顺德区区长王斌出席活动。", None), OTHER),
    ("王斌", ("市委书记王斌来到芮城县调研。", "运城市"), ("朔州市市长王斌出席签约仪式。", None), OTHER),
    ("王斌", ("村民王斌说，今年收成好。", "运城市"), ("个体户王斌介绍，生意越来越好。", "运城市"), OTHER),
    ("张磊", ("本报记者 张磊\n涪城区新建公园三处。", "绵阳市"), ("本报记者 张磊\n平城区新建学校两所。", "朔州市"), OTHER),
    ("李军", ("市委书记李军主持召开会议。", "运城市"), ("运城华泰新材料有限公司董事长李军介绍。", "运城市"), OTHER),
    ("李军", ("本报记者 李军\n盐湖区召开会议。", "运城市"), ("市委书记李军主持召开会议。", "运城市"), OTHER),
    ("王磊", ("岳西县县长王磊出席会议。", None), ("蓬溪县县长王磊出席会议。", None), OTHER),
    ("张磊", ("江西省副省长张磊出席会议。", None), ("贵州省副省长张磊出席会议。", None), OTHER),
    ("王磊", ("运城市人大常委会主任王磊主持会议。", None), ("运城市副市长王磊出席会议。", None), OTHER),
    ("刘洋", ("市委书记刘洋主持会议。", None), ("市委书记刘洋到企业调研。", None), OTHER),
]


def merged(name, a, b) -> bool:
    docs = [Extractor(home=a[1])(Article("a.txt", a[0])), Extractor(home=b[1])(Article("b.txt", b[0]))]
    g = resolve(docs)
    people = [n for n in g.nodes.values() if n.type == "Person" and n.label == name]
    assert people, f"{name} not found"
    return any(n.articles == {"a.txt", "b.txt"} for n in people)


def test_corpus_is_big_enough():
    assert len(PAIRS) >= 20 and sum(p[3] for p in PAIRS) >= 10 and sum(not p[3] for p in PAIRS) >= 10


@pytest.mark.parametrize("name,a,b", [p[:3] for p in PAIRS if not p[3]])
def test_different_people_are_never_merged(name, a, b):
    assert not merged(name, a, b)


def test_most_true_pairs_are_merged():
    same = [p for p in PAIRS if p[3]]
    hits = [p for p in same if merged(*p[:3])]
    missed = [(p[0], p[1][0]) for p in same if p not in hits]
    assert len(hits) / len(same) >= 0.8, missed


def test_every_decision_says_why():
    name, a, b, _ = PAIRS[0]
    g = resolve([Extractor(home=a[1])(Article("a.txt", a[0])), Extractor(home=b[1])(Article("b.txt", b[0]))])
    node = next(n for n in g.nodes.values() if n.type == "Person" and n.label == name)
    assert "same post in 中共运城市委员会" in node.attrs["resolution"]


def test_a_bare_placeless_body_is_never_merged_across_articles():
    g = resolve([Extractor()(Article("a.txt", "市委召开会议。")), Extractor()(Article("b.txt", "市委召开会议。"))])
    bare = [n for n in g.nodes.values() if n.type == "Agency" and n.label == "市委"]
    assert len(bare) == 2 and all(len(n.articles) == 1 for n in bare)
