"""A small hand-made graph of three articles, for the README queries, tests and docs.

>>> g = sample_graph()
>>> len(g.articles), len(g.nodes), len(g.facts)
(3, 17, 16)
"""
from __future__ import annotations

from ..model import Article, Fact, Graph, GraphEvent, Node


def sample_graph() -> Graph:
    """Officials, agencies, places and projects of 青石市 as three articles report them."""
    g = Graph()

    def node(key: str, type: str, label: str, articles: str, *aliases: str, **attrs: object) -> None:
        g.nodes[key] = Node(key, type, label, set(aliases), dict(attrs), set(articles.split()))

    for aid, title, day in (("a1", "市委书记王建华到东山县调研", "2023-11-13"),
                            ("a2", "青石市人民政府领导分工", "2023-12-01"),
                            ("a3", "纪检监察通报", "2024-01-05")):
        g.articles[aid] = Article(aid, "", title=title, date=day, home="青石市")
    node("person/王建华", "Person", "王建华", "a1 a2", "王建华同志")
    node("person/王伟", "Person", "王伟", "a1 a2")
    node("person/张三", "Person", "张三", "a3")
    node("person/李四", "Person", "李四", "a3")
    node("person/王建华@白沙市", "Person", "王建华", "a3", namesake_of="白沙市")
    node("agency/中共青石市委员会", "Agency", "中共青石市委员会", "a1", "青石市委")
    node("agency/青石市人民政府", "Agency", "青石市人民政府", "a2", "市政府")
    node("agency/青石市发展和改革委员会", "Agency", "青石市发展和改革委员会", "a2", "市发改委")
    node("agency/青石市教育局", "Agency", "青石市教育局", "a2")
    node("agency/青石市纪委监委", "Agency", "青石市纪委监委", "a3")
    node("organization/青石学院", "Organization", "青石学院", "a2")
    node("place/河北省", "Place", "河北省", "a1", level="省", adcode="13")
    node("place/青石市", "Place", "青石市", "a1 a2", level="市", adcode="1398")
    node("place/东山县", "Place", "东山县", "a1 a3", "东山", level="县", adcode="139821")
    node("place/柳溪镇", "Place", "柳溪镇", "a3", level="镇")
    node("project/东山县光伏发电项目", "Project", "东山县光伏发电项目", "a1", investment="12.5亿元", status="在建")
    node("project/青石市大数据中心", "Project", "青石市大数据中心", "a2", investment="3000万元", status="签约")

    def fact(s: str, p: str, o: str | None, article: str, evidence: str, at: int, **kw: object) -> None:
        g.facts.append(Fact(s, p, o, article, evidence=evidence, evidence_start=at,
                            evidence_end=at + len(evidence), rule=kw.pop("rule", f"test:{p}"),
                            confidence=kw.pop("confidence", 0.9), **kw))

    s1 = "市委书记王建华到东山县调研光伏发电项目。"
    fact("person/王建华", "holdsPosition", None, "a1", s1, 0, role="书记", org="agency/中共青石市委员会",
         date="2023-11-13")
    fact("person/王建华", "inspected", "place/东山县", "a1", s1, 0, date="2023-11-13")
    fact("person/王建华", "inspected", "project/东山县光伏发电项目", "a1", s1, 0, date="2023-11-13")
    s2 = "副市长王伟察看了柳溪镇。"
    fact("person/王伟", "inspected", "project/东山县光伏发电项目", "a1", s2, 20, confidence=0.7)
    fact("project/东山县光伏发电项目", "locatedIn", "place/东山县", "a1", s1, 0)
    fact("place/东山县", "locatedIn", "place/青石市", "a1", s1, 0)
    fact("place/青石市", "partOf", "place/河北省", "a1", s1, 0)
    s3 = "王建华2016年至2019年任青石市市长，王伟2020年起任副市长。"
    fact("person/王建华", "holdsPosition", None, "a2", s3, 0, role="市长", org="agency/青石市人民政府",
         former=True, start="2016", end="2019")
    fact("person/王伟", "holdsPosition", None, "a2", s3, 0, role="副市长", org="agency/青石市人民政府",
         start="2020")
    s4 = "市发改委、市教育局是市政府工作部门。"
    fact("agency/青石市发展和改革委员会", "partOf", "agency/青石市人民政府", "a2", s4, 40)
    fact("agency/青石市教育局", "partOf", "agency/青石市人民政府", "a2", s4, 40)
    fact("agency/青石市发展和改革委员会", "undertakes", "project/青石市大数据中心", "a2", "市发改委承建大数据中心。", 60)
    s5 = "张三涉嫌严重违纪违法，目前正接受青石市纪委监委纪律审查和监察调查。"
    fact("person/张三", "investigatedBy", "agency/青石市纪委监委", "a3", s5, 0, date="2024-01-05")
    s6 = "李四到柳溪镇检查安全生产。"
    fact("person/李四", "inspected", "place/柳溪镇", "a3", s6, 40)
    fact("place/柳溪镇", "locatedIn", "place/东山县", "a3", s6, 40)
    fact("person/李四", "investigatedBy", "agency/青石市纪委监委", "a3", "李四接受青石市纪委监委审查调查。", 60)
    s7 = "青石市人民政府常务会议在青石学院召开，市长王建华主持会议，副市长王伟出席。"
    g.events.append(GraphEvent("event/a2-1", "青石市人民政府常务会议", "a2", "2023-12-01", ["organization/青石学院"],
                               ["agency/青石市人民政府"], ["person/王建华", "person/王伟"], [(s7, 80, 80 + len(s7))],
                               "test:event"))
    return g
