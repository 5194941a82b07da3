"""Synthetic graphs for trying the view, its tests and ``bench/``: independent of the extractor.

>>> g = sample_graph()
>>> g.nodes["person/王建华"].label, len(g.facts) > 10
('王建华', True)
>>> big = random_graph(200, 400, seed=1)
>>> len(big.nodes), big.facts == random_graph(200, 400, seed=1).facts
(200, True)
"""
from __future__ import annotations

import random

from ..model import Article, Fact, Graph, Node

_SAMPLE_NODES = [
    ("person/王建华", "Person", "王建华", {"王市长"}, {}),
    ("person/王晓东", "Person", "王晓东", {"王书记"}, {}),
    ("person/张建国", "Person", "张建国", set(), {}),
    ("person/李志远", "Person", "李志远", set(), {}),
    ("agency/青石市人民政府", "Agency", "青石市人民政府", {"市政府"}, {}),
    ("agency/中共青石市委员会", "Agency", "中共青石市委员会", {"市委"}, {}),
    ("agency/青石市纪委监委", "Agency", "青石市纪委监委", {"市纪委监委"}, {}),
    ("agency/青石市发展和改革委员会", "Agency", "青石市发展和改革委员会", {"市发改委"}, {}),
    ("organization/青石城投集团", "Organization", "青石城投集团", set(), {}),
    ("project/白鹭新城建设项目", "Project", "白鹭新城建设项目", {"白鹭新城"}, {"investment": "120亿元", "status": "在建"}),
    ("project/南塘数字经济产业园", "Project", "南塘数字经济产业园", set(), {"investment": "35亿元", "date": "2023-06-18"}),
    ("place/青石市", "Place", "青石市", {"我市"}, {"level": "地级市"}),
    ("place/北湖区", "Place", "北湖区", set(), {"level": "区"}),
    ("place/南塘区", "Place", "南塘区", set(), {"level": "区"}),
    ("place/河北省", "Place", "河北省", set(), {"level": "省"}),
]
_SAMPLE_ARTICLES = [
    ("a1", "王建华调研白鹭新城建设", "2023-03-02", "青石日报"),
    ("a2", "市委常委会召开会议", "2023-05-10", "青石日报"),
    ("a3", "南塘数字经济产业园开工", "2023-06-18", "青石日报"),
    ("a4", "市纪委监委通报", "2024-01-09", "青石日报"),
]
_SAMPLE_FACTS = [
    ("person/王建华", "holdsPosition", None, "a1", dict(role="市长", org="agency/青石市人民政府", start="2021")),
    ("person/王建华", "holdsPosition", None, "a2", dict(role="市委副书记", org="agency/中共青石市委员会")),
    ("person/王建华", "inspected", "project/白鹭新城建设项目", "a1",
     dict(date="2023-03-02", evidence="3月2日，市长王建华到白鹭新城建设项目现场调研。")),
    ("person/王建华", "attended", "project/南塘数字经济产业园", "a3",
     dict(date="2023-06-18", evidence="王建华出席南塘数字经济产业园开工仪式并宣布项目开工。")),
    ("person/王晓东", "holdsPosition", None, "a2", dict(role="市委书记", org="agency/中共青石市委员会")),
    ("person/王晓东", "inspected", "place/南塘区", "a3", dict(date="2023-06-18", evidence="王晓东在南塘区调研。")),
    ("person/张建国", "holdsPosition", None, "a4",
     dict(role="主任", org="agency/青石市发展和改革委员会", former=True, start="2016", end="2020")),
    ("person/张建国", "investigatedBy", "agency/青石市纪委监委", "a4",
     dict(date="2024-01-09", evidence="青石市发展和改革委员会原主任张建国涉嫌严重违纪违法，目前正接受青石市纪委监委纪律审查和监察调查。")),
    ("person/李志远", "holdsPosition", None, "a3", dict(role="董事长", org="organization/青石城投集团")),
    ("organization/青石城投集团", "undertakes", "project/白鹭新城建设项目", "a1",
     dict(evidence="白鹭新城建设项目由青石城投集团承担。")),
    ("project/白鹭新城建设项目", "locatedIn", "place/北湖区", "a1", {}),
    ("project/南塘数字经济产业园", "locatedIn", "place/南塘区", "a3", {}),
    ("place/北湖区", "partOf", "place/青石市", "a1", {}),
    ("place/南塘区", "partOf", "place/青石市", "a3", {}),
    ("place/青石市", "partOf", "place/河北省", "a2", {}),
    ("agency/青石市人民政府", "jurisdiction", "place/青石市", "a1", {}),
    ("agency/青石市发展和改革委员会", "partOf", "agency/青石市人民政府", "a4", {}),
    ("person/王建华", "reported", "a1", "a1", {}),
]


def sample_graph() -> Graph:
    """A small hand-made graph of 青石 officials, agencies, projects and places."""
    g = Graph()
    for key, type_, label, aliases, attrs in _SAMPLE_NODES:
        g.nodes[key] = Node(key, type_, label, set(aliases), dict(attrs))
    for aid, title, date, source in _SAMPLE_ARTICLES:
        g.articles[aid] = Article(aid, "", title, date, source)
    for s, p, o, aid, extra in _SAMPLE_FACTS:
        g.facts.append(Fact(s, p, o, aid, **extra))
        for k in (s, o, extra.get("org")):
            if k in g.nodes:
                g.nodes[k].articles.add(aid)
    return g


_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂星东建国华"
_PLACES = "北湖南塘西岭东山青石白沙柳溪云岭石桥河湾松林"
_ROLES = ("市长", "副市长", "书记", "副书记", "主任", "局长", "区长", "董事长")
_RELATIONS = (("Person", "inspected", "Project"), ("Person", "attended", "Project"),
              ("Organization", "undertakes", "Project"), ("Project", "locatedIn", "Place"),
              ("Agency", "jurisdiction", "Place"), ("Place", "partOf", "Place"),
              ("Person", "investigatedBy", "Agency"), ("Organization", "partnerOf", "Organization"))


def random_graph(n: int, m: int, seed: int = 0) -> Graph:
    """A random graph of ``n`` nodes and about ``m`` facts, typed and dated like real ones (fixed ``seed``)."""
    r = random.Random(seed)
    g = Graph()
    types = ["Person"] * 40 + ["Agency"] * 15 + ["Organization"] * 15 + ["Project"] * 20 + ["Place"] * 10
    by_type: dict[str, list[str]] = {}
    for i in range(n):
        t = r.choice(types)
        if t == "Person":
            label = r.choice(_SURNAMES) + r.choice(_GIVEN) + r.choice(_GIVEN)
        elif t == "Place":
            label = r.choice(_PLACES) + ("区", "县", "镇", "乡")[i % 4]
        else:
            label = r.choice(_PLACES) + {"Agency": "局", "Organization": "公司", "Project": "项目"}[t]
        label = f"{label}{i}"
        key = f"{t.lower()}/{label}"
        attrs = {"investment": f"{r.randint(1, 90)}亿元"} if t == "Project" else {}
        g.nodes[key] = Node(key, t, label, {label[:2]} if t == "Person" else set(), attrs)
        by_type.setdefault(t, []).append(key)
    keys = list(g.nodes)
    n_articles = max(1, m // 5)
    for j in range(n_articles):
        g.articles[f"art{j}"] = Article(f"art{j}", "", f"新闻{j}", f"20{r.randint(18, 24)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", "青石日报")
    # A spanning tree first so the graph is connected, then random typed facts.
    for i in range(1, len(keys)):
        s, o = keys[i], keys[r.randrange(i)]
        aid = f"art{r.randrange(n_articles)}"
        g.facts.append(Fact(s, "partnerOf" if g.nodes[s].type != "Person" else "attended", o, aid,
                            date=g.articles[aid].date, evidence=f"{g.nodes[s].label}与{g.nodes[o].label}有关。"))
    while len(g.facts) < m:
        aid = f"art{r.randrange(n_articles)}"
        st, p, ot = r.choice(_RELATIONS)
        if st == "Person" and r.random() < 0.4 and by_type.get("Person") and by_type.get("Agency"):
            s, org = r.choice(by_type["Person"]), r.choice(by_type["Agency"])
            g.facts.append(Fact(s, "holdsPosition", None, aid, role=r.choice(_ROLES), org=org,
                                start=str(r.randint(2010, 2023))))
            continue
        if not by_type.get(st) or not by_type.get(ot):
            continue
        s, o = r.choice(by_type[st]), r.choice(by_type[ot])
        if s != o:
            g.facts.append(Fact(s, p, o, aid, date=g.articles[aid].date,
                                evidence=f"{g.nodes[s].label}{p}{g.nodes[o].label}。"))
    for f in g.facts:
        for k in (f.s, f.o, f.org):
            if k in g.nodes:
                g.nodes[k].articles.add(f.article)
    return g


ATTACKS = ("<script>window.__pwned = 1</script>", '"><img src=x onerror="window.__pwned = 1">',
           "</script><script>window.__pwned = 1</script>", "<!--<script>", "\u2028\u2029'\"&amp;")


def hostile_graph() -> Graph:
    """``sample_graph`` plus an entity whose label, aliases, attributes, evidence and article title are markup attacks.

    >>> hostile_graph().nodes["person/x"].label
    '<script>window.__pwned = 1</script>'
    """
    g = sample_graph()
    g.nodes["person/x"] = Node("person/x", "Person", ATTACKS[0], {ATTACKS[1], ATTACKS[4]},
                               {"note": ATTACKS[3]}, {"evil"})
    g.articles["evil"] = Article("evil", "", ATTACKS[2], "2024-02-02", ATTACKS[1])
    g.facts.append(Fact("person/x", "holdsPosition", None, "evil", role=ATTACKS[1], org="agency/青石市人民政府",
                        evidence=ATTACKS[2], date="2024-02-02"))
    g.facts.append(Fact("person/x", "inspected", "project/白鹭新城建设项目", "evil", evidence=ATTACKS[3] + ATTACKS[4]))
    return g
