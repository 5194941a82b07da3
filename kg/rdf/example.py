"""A small hand-made graph of three articles, for the README queries, tests and docs.

>>> g = sample_graph()
>>> len(g.articles), len(g.nodes), len(g.facts)
(3, 17, 16)
"""
from __future__ import annotations

from ..model import Article, Fact, Graph, GraphEvent, Node


def sample_graph() -> Graph:
    """Officials, agencies, places and projects of 晋中市 as three articles report them."""
    g = Graph()

    def node(key: str, type: str, label: str, articles: str, *aliases: str, **attrs: object) -> None:
        g.nodes[key] = Node(key, type, label, set(aliases), dict(attrs), set(articles.split()))

    for aid, title, day in (("a1", "市委书记刘星到灵石县调研", "2023-11-13"),
                            ("a2", "晋中市人民政府领导分工", "2023-12-01"),
                            ("a3", "纪检监察通报", "2024-01-05")):
        g.articles[aid] = Article(aid, "", title=title, date=day, home="晋中市")
    node("person/刘星", "Person", "刘星", "a1 a2", "刘星同志")
    node("person/王伟", "Person", "王伟", "a1 a2")
    node("person/张三", "Person", "张三", "a3")
    node("person/李四", "Person", "李四", "a3")
    node("person/刘星@太原市", "Person", "刘星", "a3", namesake_of="太原市")
    node("agency/中共晋中市委员会", "Agency", "中共晋中市委员会", "a1", "晋中市委")
    node("agency/晋中市人民政府", "Agency", "晋中市人民政府", "a2", "市政府")
    node("agency/晋中市发展和改革委员会", "Agency", "晋中市发展和改革委员会", "a2", "市发改委")
    node("agency/晋中市教育局", "Agency", "晋中市教育局", "a2")
    node("agency/晋中市纪委监委", "Agency", "晋中市纪委监委", "a3")
    node("organization/晋中学院", "Organization", "晋中学院", "a2")
    node("place/山西省", "Place", "山西省", "a1", level="省", adcode="14")
    node("place/晋中市", "Place", "晋中市", "a1 a2", level="市", adcode="1407")
    node("place/灵石县", "Place", "灵石县", "a1 a3", "灵石", level="县", adcode="140729")
    node("place/静升镇", "Place", "静升镇", "a3", level="镇")
    node("project/灵石县光伏发电项目", "Project", "灵石县光伏发电项目", "a1", investment="12.5亿元", status="在建")
    node("project/晋中市大数据中心", "Project", "晋中市大数据中心", "a2", investment="3000万元", status="签约")

    def fact(s: str, p: str, o: str | None, article: str, evidence: str, at: int, **kw: object) -> None:
        g.facts.append(Fact(s, p, o, article, evidence=evidence, evidence_start=at,
                            evidence_end=at + len(evidence), rule=kw.pop("rule", f"test:{p}"),
                            confidence=kw.pop("confidence", 0.9), **kw))

    s1 = "市委书记刘星到灵石县调研光伏发电项目。"
    fact("person/刘星", "holdsPosition", None, "a1", s1, 0, role="书记", org="agency/中共晋中市委员会",
         date="2023-11-13")
    fact("person/刘星", "inspected", "place/灵石县", "a1", s1, 0, date="2023-11-13")
    fact("person/刘星", "inspected", "project/灵石县光伏发电项目", "a1", s1, 0, date="2023-11-13")
    s2 = "副市长王伟察看了静升镇。"
    fact("person/王伟", "inspected", "project/灵石县光伏发电项目", "a1", s2, 20, confidence=0.7)
    fact("project/灵石县光伏发电项目", "locatedIn", "place/灵石县", "a1", s1, 0)
    fact("place/灵石县", "locatedIn", "place/晋中市", "a1", s1, 0)
    fact("place/晋中市", "partOf", "place/山西省", "a1", s1, 0)
    s3 = "刘星2016年至2019年任晋中市市长，王伟2020年起任副市长。"
    fact("person/刘星", "holdsPosition", None, "a2", s3, 0, role="市长", org="agency/晋中市人民政府",
         former=True, start="2016", end="2019")
    fact("person/王伟", "holdsPosition", None, "a2", s3, 0, role="副市长", org="agency/晋中市人民政府",
         start="2020")
    s4 = "市发改委、市教育局是市政府工作部门。"
    fact("agency/晋中市发展和改革委员会", "partOf", "agency/晋中市人民政府", "a2", s4, 40)
    fact("agency/晋中市教育局", "partOf", "agency/晋中市人民政府", "a2", s4, 40)
    fact("agency/晋中市发展和改革委员会", "undertakes", "project/晋中市大数据中心", "a2", "市发改委承建大数据中心。", 60)
    s5 = "张三涉嫌严重违纪违法，目前正接受晋中市纪委监委纪律审查和监察调查。"
    fact("person/张三", "investigatedBy", "agency/晋中市纪委监委", "a3", s5, 0, date="2024-01-05")
    s6 = "李四到静升镇检查安全生产。"
    fact("person/李四", "inspected", "place/静升镇", "a3", s6, 40)
    fact("place/静升镇", "locatedIn", "place/灵石县", "a3", s6, 40)
    fact("person/李四", "investigatedBy", "agency/晋中市纪委监委", "a3", "李四接受晋中市纪委监委审查调查。", 60)
    s7 = "晋中市人民政府常务会议在晋中学院召开，市长刘星主持会议，副市长王伟出席。"
    g.events.append(GraphEvent("event/a2-1", "晋中市人民政府常务会议", "a2", "2023-12-01", ["organization/晋中学院"],
                               ["agency/晋中市人民政府"], ["person/刘星", "person/王伟"], [(s7, 80, 80 + len(s7))],
                               "test:event"))
    return g
