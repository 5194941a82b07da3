"""The corrections file: TOML, one array of tables per kind, validated on load with line numbers.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "corrections.toml"
>>> _ = p.write_text('who = "李编辑"\\n\\n[[rename]]\\nentity = "王建化"\\nto = "王建华"\\nwhy = "错字"\\n', encoding="utf-8")
>>> c = load(p).items[0]
>>> c.kind, c.line, c.who, c.get("to")
('rename', 3, '李编辑', '王建华')
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:                                   # pragma: no cover - Python 3.10
    import tomli as tomllib

from ..errors import KgError
from ..model import ENTITY_TYPES, PREDICATES, Article

FILE_NAME = "corrections.toml"
_ADDR = ("s", "p", "o", "role", "org")
# kind → (required keys, optional keys); every kind also takes who and why. The order is the order of application.
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "home": (("article", "place"), ()),
    "split": (("entity",), ("type", "articles", "role", "org", "as")),
    "merge": (("entities",), ("type",)),
    "retype": (("entity", "to"), ("type",)),
    "rename": (("entity", "to"), ("type",)),
    "reject": ((), ("fact", "article", *_ADDR)),
    "add": (("article", "s", "p"), ("o", "role", "org", "s_type", "o_type", "evidence", "note", "date",
                                   "start", "end", "former")),
    "accept": (("fact",), ()),
}
_LISTS = {"entities", "articles"}
_BOOLS = {"former"}


@dataclass(frozen=True)
class Correction:
    """One entry of the file: its kind, fields (who and why apart), author, reason and line."""
    kind: str
    fields: tuple[tuple[str, Any], ...]
    who: str
    why: str
    line: int

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.fields).get(name, default)

    @property
    def id(self) -> str:
        """A stable id from the kind and what it addresses (not who, why or the line)."""
        raw = json.dumps([self.kind, [list(kv) for kv in self.fields]], ensure_ascii=False)
        return self.kind + "-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10]

    def describe(self) -> dict[str, Any]:
        """What graph.json, the RDF and the view say of it."""
        d: dict[str, Any] = {"kind": self.kind, "who": self.who, "why": self.why, "line": self.line}
        if self.get("note"):
            d["note"] = self.get("note")
        return d


@dataclass
class Corrections:
    """The corrections of one file (empty when there is none), in the order they apply."""
    path: Path | None = None
    items: list[Correction] = field(default_factory=list)
    digest: str = "none"                 # hash of the file's bytes: part of the build key

    def of(self, kind: str) -> list[Correction]:
        return [c for c in self.items if c.kind == kind]

    def homes(self) -> dict[str, str]:
        """article id → the home a ``[[home]]`` correction gives it (the last one wins)."""
        return {c.get("article"): c.get("place") for c in self.of("home")}


def default_path(sources: Iterable[str | Path]) -> Path | None:
    """``corrections.toml`` beside the first source (inside it when it is a folder), if that file exists.

    >>> default_path([]) is None
    True
    """
    for src in sources:
        p = Path(src)
        cand = (p if p.is_dir() else p.parent) / FILE_NAME
        return cand if cand.is_file() else None
    return None


def with_homes(articles: Iterable[Article], corrections: Corrections) -> Iterator[Article]:
    """``articles`` with the home ``[[home]]`` corrections set (as if the metadata gave it)."""
    homes = corrections.homes()
    for a in articles:
        yield replace(a, home=homes[a.id]) if a.id in homes else a


def _headers(text: str) -> list[tuple[str, int]]:
    """Every ``[[kind]]`` / ``[kind]`` header of ``text`` with its line number, in order."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*\[(\[?)\s*([^\]\s]+)\s*\]", line)
        if m:
            out.append((m.group(2).strip("\"'"), n))
    return out


def _key_line(text: str, start: int, key: str) -> int:
    """The line of ``key = …`` in the table whose header is line ``start`` (``start`` when not found)."""
    lines = text.splitlines()
    for n in range(start, len(lines)):              # the lines after the header (0-based n is line n + 1)
        if re.match(r"\s*\[", lines[n]):
            break
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[n]):
            return n + 1
    return start


def load(path: str | Path) -> Corrections:
    """Read and validate the corrections file at ``path``.

    Raises ``KgError`` E105 when it cannot be read, E100 for bad TOML, E101–E104 for a bad entry
    (each naming the line).
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise KgError("E001", path=path) from None
    except (OSError, UnicodeDecodeError) as e:
        raise KgError("E105", path=path, detail=str(e).splitlines()[0][:120]) from None
    return parse(text, path)


def parse(text: str, path: Path) -> Corrections:
    """Validate the corrections ``text`` of the file ``path`` (errors as for ``load``)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column \d+\)", str(e))
        detail = re.sub(r"\s*\(at line.*?\)", "", str(e)) or "syntax error"
        raise KgError("E100", path=path, line=m.group(1) if m else "?", detail=detail) from None
    heads = _headers(text)
    who = data.pop("who", None)
    if who is not None and not (isinstance(who, str) and who.strip()):
        raise KgError("E104", path=path, line=_key_line(text, 0, "who"), field="who", expected="a non-empty string")
    items: list[Correction] = []
    for kind, entries in data.items():
        spots = [n for k, n in heads if k == kind]
        line = spots[0] if spots else _key_line(text, 0, kind)      # [[kind]] tables, or kind = [{…}, …]
        if kind not in KINDS:
            raise KgError("E101", path=path, line=line, kind=kind, kinds=", ".join(KINDS))
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise KgError("E104", path=path, line=line, field=kind, expected=f"tables written [[{kind}]]")
        for i, entry in enumerate(entries):
            at = spots[i] if i < len(spots) else line
            items.append(_entry(path, text, kind, entry, at, who))
    order = list(KINDS)
    items.sort(key=lambda c: (order.index(c.kind), c.line))
    return Corrections(path, items, hashlib.sha256(text.encode("utf-8")).hexdigest())


def _entry(path: Path, text: str, kind: str, entry: dict[str, Any], line: int, who: str | None) -> Correction:
    """One validated entry."""
    required, optional = KINDS[kind]
    allowed = set(required) | set(optional) | {"who", "why"}
    for k in entry:
        if k not in allowed:
            raise KgError("E103", path=path, line=_key_line(text, line, k), kind=kind, field=k,
                          allowed=", ".join(sorted(allowed)))
    for k in (*required, "why") + (() if who else ("who",)):
        if k not in entry:
            raise KgError("E102", path=path, line=line, kind=kind, field=k)
    for k, v in entry.items():
        expected = _bad_value(kind, k, v)
        if expected:
            raise KgError("E104", path=path, line=_key_line(text, line, k), field=k, expected=expected)
    problem = _incomplete(kind, entry)
    if problem:
        raise KgError("E106", path=path, line=line, kind=kind, detail=problem)
    fields = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in entry.items()
                          if k not in ("who", "why")))
    return Correction(kind, fields, entry.get("who") or who or "", entry["why"], line)


def _bad_value(kind: str, key: str, v: Any) -> str | None:
    """What ``key`` should be when ``v`` is not that, else None."""
    if key in _LISTS:
        ok = isinstance(v, list) and v and all(isinstance(x, str) and x.strip() for x in v)
        need = 2 if key == "entities" else 1
        return None if ok and len(v) >= need else f"a list of at least {need} non-empty strings"
    if key in _BOOLS:
        return None if isinstance(v, bool) else "true or false"
    if not (isinstance(v, str) and v.strip()):
        return "a non-empty string"
    if key in ("s_type", "o_type", "type") or (kind == "retype" and key == "to"):
        return None if v in ENTITY_TYPES else "one of " + ", ".join(ENTITY_TYPES)
    if key == "p":
        return None if v in PREDICATES else "one of " + ", ".join(PREDICATES)
    return None


def _incomplete(kind: str, e: dict[str, Any]) -> str | None:
    """What an entry lacks beyond its required keys (an address, an object), else None."""
    if kind == "reject" and "fact" not in e and not all(k in e for k in ("article", "s", "p")):
        return "give fact = ID, or article, s and p (with o, role or org to narrow it)"
    if kind == "split" and ("articles" in e) == ("role" in e):
        return "give either articles = [...] (split by article) or role = ... (split by post)"
    if kind == "add" and e.get("p") == "holdsPosition" and not (e.get("role") or e.get("org")):
        return "a holdsPosition fact needs role (and org)"
    if kind == "add" and e.get("p") != "holdsPosition" and "o" not in e:
        return "give the object o"
    return None
