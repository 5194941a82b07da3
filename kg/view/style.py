"""How each entity type and relation looks in the view: colour, shape, display names.

>>> TYPE_STYLE["Person"]["shape"]
'dot'
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
}
OTHER_STYLE = {"name": "其他 Other", "color": "#7f7f7f", "shape": "ellipse"}

RELATION_LABELS: dict[str, str] = {
    "holdsPosition": "任职",
    "inspected": "视察调研",
    "attended": "出席",
    "investigatedBy": "被调查",
    "partOf": "隶属",
    "jurisdiction": "管辖",
    "locatedIn": "位于",
    "undertakes": "承担",
    "partnerOf": "合作",
    "reported": "报道",
}

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
    """Style of ``type_``; unknown types get a neutral grey."""
    return TYPE_STYLE.get(type_, {**OTHER_STYLE, "name": type_})


def relation_label(p: str) -> str:
    """Chinese display name of predicate ``p`` (the predicate itself when unknown)."""
    return RELATION_LABELS.get(p, p)
