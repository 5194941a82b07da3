"""How each entity type and relation looks in the view: colour, shape, display names, defined once here.

Every page (the whole graph, a focused view) and every legend take their
colours from these tables, so a relation or a type looks the same everywhere.

>>> TYPE_STYLE["Person"]["shape"]
'dot'
>>> relation_style("partOf")["color"] == relation_style("partOf")["color"] != relation_style("reported")["color"]
True
>>> relation_label("holdsPosition")
'任职'
>>> relation_label("somethingNew")
'somethingNew'
"""
from __future__ import annotations

# Colour-blind-friendly palette (Okabe–Ito), one distinct shape per type too.
TYPE_STYLE: dict[str, dict[str, str]] = {
    "Person": {"name": "人物 Person", "color": "#0072B2", "shape": "dot"},
    "Agency": {"name": "机关 Agency", "color": "#D55E00", "shape": "square"},
    "Organization": {"name": "单位 Organization", "color": "#CC79A7", "shape": "diamond"},
    "Project": {"name": "项目 Project", "color": "#009E73", "shape": "triangle"},
    "Place": {"name": "地区 Place", "color": "#E69F00", "shape": "hexagon"},
    "Event": {"name": "活动 Event", "color": "#F0E442", "shape": "triangleDown"},   # kg/view/events.py
}
# Articles are drawn as nodes only where a fact links to one (a reporter and what they reported).
ARTICLE_TYPE = "Article"
ARTICLE_STYLE = {"name": "文章 Article", "color": "#56B4E9", "shape": "star"}
OTHER_STYLE = {"name": "其他 Other", "color": "#7f7f7f", "shape": "ellipse"}

# One fixed colour per relation (never assigned by position in a list).
RELATION_STYLE: dict[str, dict[str, str]] = {
    "holdsPosition": {"name": "任职", "color": "#4e79a7"},
    "inspected": {"name": "视察调研", "color": "#f28e2b"},
    "attended": {"name": "出席", "color": "#76b7b2"},
    "investigatedBy": {"name": "被调查", "color": "#e15759"},
    "partOf": {"name": "隶属", "color": "#59a14f"},
    "jurisdiction": {"name": "管辖", "color": "#edc948"},
    "locatedIn": {"name": "位于", "color": "#b07aa1"},
    "undertakes": {"name": "承担", "color": "#ff9da7"},
    "partnerOf": {"name": "合作", "color": "#9c755f"},
    "reported": {"name": "报道", "color": "#6f8fb0"},
    # the links of an event node (kg/view/events.py)
    "participatedIn": {"name": "参加活动", "color": "#bab0ac"},
    "heldAt": {"name": "举办地", "color": "#d4a017"},
    "hostedBy": {"name": "主办", "color": "#8c6d31"},
}
OTHER_RELATION_COLOR = "#999999"
RELATION_LABELS: dict[str, str] = {p: st["name"] for p, st in RELATION_STYLE.items()}

# Attributes worth showing first when hovering a node, in this order, and their display names.
KEY_ATTRS = ("investment", "status", "date", "start", "end", "level", "code")
ATTR_LABELS = {"investment": "投资", "status": "状态", "date": "日期", "start": "开始", "end": "结束",
               "level": "级别", "code": "代码"}


def attr_label(name: str) -> str:
    """Display name of a node attribute (the name itself when unknown).

    >>> attr_label("investment"), attr_label("core")
    ('投资', 'core')
    """
    return ATTR_LABELS.get(name, name)


def type_style(type_: str) -> dict[str, str]:
    """Style of ``type_`` (an entity type or ``Article``); unknown types get a neutral grey."""
    if type_ == ARTICLE_TYPE:
        return dict(ARTICLE_STYLE)
    return dict(TYPE_STYLE.get(type_, {**OTHER_STYLE, "name": type_}))


def relation_style(p: str) -> dict[str, str]:
    """Display name and colour of predicate ``p`` (unknown predicates: their own name, grey)."""
    return dict(RELATION_STYLE.get(p, {"name": p, "color": OTHER_RELATION_COLOR}))


def relation_label(p: str) -> str:
    """Chinese display name of predicate ``p`` (the predicate itself when unknown)."""
    return RELATION_LABELS.get(p, p)
