"""Title phrases: the roles before a name (市委书记, 党组书记、副主席, 县政协原副主席) and the bodies they name.

The roles are ``data/titles.txt`` and ``data/post_titles.txt`` (also with the modifiers of
``data/title_modifiers.txt``) and the self-naming roles of ``data/leader_roles.txt`` and ``data/government_roles.txt``; a government role
(县长) names the people's government of the place at its level (:func:`government_body`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..gazetteer import Gazetteer
from .lexicon import keys, rows, words
from .spans import Candidate



@dataclass
class Title:
    """One role of a title phrase; ``org`` is the mention it belongs to, if any."""
    role: str
    org: Candidate | None
    start: int
    former: bool = False
    body: tuple[str | None, str | None] = (None, None)   # (type, label) of the post's body, once resolved


@cache
def roles() -> Gazetteer[str]:
    """Titles, also with their modifiers (副, 常务副, 党组 …)."""
    g: Gazetteer[str] = Gazetteer()
    mods = words("title_modifiers.txt")
    for t in (*words("titles.txt"), *words("post_titles.txt")):
        g.add(t, t)
        for m in mods:
            g.add(m + t, m + t)
    for t in keys("leader_roles.txt") | keys("government_roles.txt"):
        g.add(t, t)
    return g


def roles_imply_body(role: str) -> bool:
    """市长, 县长 … name their own body (the people's government).

    >>> roles_imply_body("代县长"), roles_imply_body("主任")
    (True, False)
    """
    role = role.removeprefix("代")
    return role in keys("government_roles.txt") or role in keys("leader_roles.txt")


def government_body(role: str, place_at: Callable[[str], str | None]) -> str | None:
    """The people's government a government role belongs to: 县长 → X人民政府 with X the place
    ``place_at(level)`` gives for the role's level (``data/government_roles.txt``); None when none fits.

    >>> government_body("代县长", lambda level: "东山县" if level == "县" else None)
    '东山县人民政府'
    """
    role = role.removeprefix("代")      # 代县长: acting, of the same government
    for r, level, body in rows("government_roles.txt"):
        if r == role:
            place = place_at(level)
            if place:
                return body.replace("X", place)
    return None


def seat(place: Candidate | None) -> Callable[[str], str | None]:
    """``place_at`` for :func:`government_body` when the title is written right after ``place``
    (芮城县|副县长): the place, if a government of that level sits there."""
    def place_at(level: str) -> str | None:
        if place is None or place.type != "Place":
            return None
        if place.label.endswith(level) or level == "区" and place.label.endswith("林区"):
            return place.label        # 东山县|副县长, 和龙市|市长 (a county-level city has a 市长 too)
        return None
    return place_at


def bodies_by_end(bodies: list[Candidate]) -> dict[int, Candidate]:
    """The bodies a title may follow, by end offset: agencies and organisations, else places
    (甲市|副市长: a place right before a title is the seat of its body)."""
    by_end = {m.end: m for m in bodies if m.type in ("Agency", "Organization")}
    for m in bodies:
        if m.type == "Place" and m.end not in by_end:
            by_end[m.end] = m
    return by_end


def _role_before(text: str, pos: int, by_end: dict[int, Candidate]) -> Title | None:
    """The role ending at ``pos`` with its body (市委书记 → 市委 + 书记; 县政协原副主席), or None."""
    m = roles().match_before(text, pos, 8)
    if not m:
        return None
    rs = m[0]
    org = None
    for k in range(rs, pos):    # prefer the longest role that is not swallowing a body's core
        if k in by_end and roles().get(text[k:pos]):
            org, rs = by_end[k], k
            break
    if org is None and rs in by_end:
        org = by_end[rs]
    inner_former = org is None and text[rs - 1:rs] == "原" and rs - 1 in by_end
    if inner_former:      # 某县政协原副主席: 原 between the body and the title
        org = by_end[rs - 1]
    start = org.start if org else rs
    return Title(text[rs:pos], org, start, inner_former or text[max(0, start - 1):start] == "原")


def title_phrase(text: str, end: int, by_end: dict[int, Candidate]) -> list[Title]:
    """The roles (with their bodies) of a title phrase that ends at ``end``; [] when none.

    >>> [t.role for t in title_phrase("党组书记、主任王某", 7, {})]
    ['党组书记', '主任']
    """
    found: list[Title] = []
    pos = end
    while pos > 0:
        t = _role_before(text, pos, by_end)
        if t is None:
            break
        found.append(t)
        pos = t.start - (1 if t.former else 0)
        if pos > 0 and text[pos - 1] in "、兼":      # 党组书记、主任; 董事长兼总经理
            pos -= 1
            continue
        break
    found.reverse()
    # a role with no body of its own shares the body of the role before it (党组书记、副主席)
    for a, b in zip(found, found[1:]):
        if b.org is None and a.org is not None and not roles_imply_body(b.role):
            b.org = a.org
    return found
