"""Applying corrections to a resolved graph: one function per kind, in the order of ``KINDS``.

Every fact a correction made or changed lists the correction's id (``Fact.corrections``), every entity it
changed too (``attrs["corrections"]``); ``graph.corrections`` describes each correction (kind, who, why,
status). A correction that matches nothing is *orphaned*: reported, kept in the file, not applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import KgError, Warn
from ..model import Fact, Graph, Node, fact_id
from ..resolve import node_key
from .address import find_entity, find_facts, label
from .file import Correction, Corrections


@dataclass
class Outcome:
    """What applying a file did: the corrections applied and those that matched nothing (with why)."""
    applied: list[Correction] = field(default_factory=list)
    orphaned: list[tuple[Correction, str]] = field(default_factory=list)

    def report(self, path: str | None) -> dict:
        """What the build records and prints (kept in ``build.json``, so an unchanged rebuild repeats it)."""
        return {"file": path, "applied": len(self.applied), "orphaned": len(self.orphaned),
                "orphans": [{"line": c.line, "kind": c.kind, "id": c.id, "problem": why} for c, why in self.orphaned]}


def warn_orphans(report: dict | None, warn: Warn | None) -> None:
    """Warn of each orphaned correction of a build ``report`` (one that matched nothing is never silently dropped)."""
    for o in (report or {}).get("orphans", []):
        if warn is not None:
            warn(KgError("E109", path=report["file"], line=o["line"], kind=o["kind"], detail=o["problem"]))


def apply(graph: Graph, corrections: Corrections) -> Outcome:
    """Apply ``corrections`` to ``graph`` in place (deterministic: kinds in a fixed order, then file order)."""
    out = Outcome()
    for c in corrections.items:
        problem = _KIND[c.kind](graph, c)
        desc = c.describe()
        desc["status"] = "orphaned" if problem else "applied"
        if problem:
            desc["problem"] = problem
            out.orphaned.append((c, problem))
        else:
            out.applied.append(c)
        graph.corrections[c.id] = desc
    return out


def _mark(item: Fact | Node, cid: str) -> None:
    marks = item.corrections if isinstance(item, Fact) else item.attrs.setdefault("corrections", [])
    if cid not in marks:
        marks.append(cid)


def _move(graph: Graph, old: str, new: str, cid: str, articles: set[str] | None = None,
          make: Node | None = None) -> None:
    """Point what ``articles`` (all when None) say of node ``old`` at node ``new`` (made from ``make``
    or ``old`` when missing); ``old`` goes when nothing is left of it."""
    src = graph.nodes[old]
    dst = graph.nodes.get(new)
    if dst is None:
        base = make or src
        dst = graph.nodes[new] = Node(new, base.type, base.label, set(base.aliases),
                                      {k: v for k, v in base.attrs.items() if k != "corrections"})
    moved = src.articles if articles is None else src.articles & articles
    dst.articles |= moved
    if new != old:
        dst.aliases |= src.aliases | ({src.label} - {dst.label})
        for k, v in sorted(src.attrs.items()):
            if k != "corrections":
                dst.attrs.setdefault(k, v)
        for earlier in src.attrs.get("corrections", []):     # the history of what was merged in
            _mark(dst, earlier)
    _mark(dst, cid)
    for f in [*graph.facts, *graph.rejected]:
        if articles is not None and f.article not in articles:
            continue
        hit = False
        for name in ("s", "o", "org"):
            if getattr(f, name) == old and not (name == "o" and f.p == "reported"):
                setattr(f, name, new)
                hit = True
        if hit:
            _mark(f, cid)
    _move_events(graph, old, new, articles)
    src.articles -= moved
    if new != old and (articles is None or not src.articles):
        del graph.nodes[old]
    else:
        _mark(src, cid)


def _move_events(graph: Graph, old: str, new: str, articles: set[str] | None) -> None:
    """The events of ``articles`` (all when None) name node ``new`` where they named ``old``."""
    for e in graph.events:
        if articles is None or e.article in articles:
            for keys in (e.venue, e.hosts, e.participants):
                keys[:] = list(dict.fromkeys(new if k == old else k for k in keys))


def _home(graph: Graph, c: Correction) -> str | None:
    """Acted on before extraction (``with_homes``); here only checked."""
    aid = c.get("article")
    if aid not in graph.articles:
        return f"no article {aid} (removed from the sources?)"
    doc = graph.docs.get(aid)
    if doc is not None and doc.home is None:
        return f"{c.get('place')} is no division of the divisions data; the home stays unknown"
    return None


def _split(graph: Graph, c: Correction) -> str | None:
    key, why = find_entity(graph, c.get("entity"), c.get("type"))
    if key is None:
        return why
    node = graph.nodes[key]
    if c.get("articles"):
        arts = set(c.get("articles")) & node.articles
    else:
        arts = {f.article for f in graph.facts if f.s == key and f.p == "holdsPosition" and f.role == c.get("role")
                and (c.get("org") is None or label(graph, f.org) == c.get("org") or f.org == c.get("org"))}
    if not arts:
        gone = [a for a in c.get("articles") or () if a not in graph.articles]
        if gone:
            return f"no article {', '.join(gone)} (removed from the sources?)"
        return f"{node.label} is in none of those articles" if c.get("articles") else \
            f"{node.label} holds no post {c.get('role')}"
    if arts == node.articles:
        return f"every mention of {node.label} is in those articles: nothing to split off"
    new = node_key(node.type, node.label, c.get("as") or min(arts))
    if new in graph.nodes and new != key:
        return f"{new} exists already (choose another 'as')"
    _move(graph, key, new, c.id, arts)
    return None


def _merge(graph: Graph, c: Correction) -> str | None:
    keys = []
    for name in c.get("entities"):
        key, why = find_entity(graph, name, c.get("type"))
        if key is None:
            return why
        if key not in keys:
            keys.append(key)
    if len(keys) < 2:
        return "they are one entity already"
    if len({graph.nodes[k].type for k in keys}) > 1:
        return "they are of different types (retype one first)"
    for k in keys[1:]:
        _move(graph, k, keys[0], c.id)
    return None


def _rekey(graph: Graph, c: Correction, type: str | None, name: str | None) -> str | None:
    """Give the entity of ``c`` another type or label (its qualifier kept)."""
    key, why = find_entity(graph, c.get("entity"), c.get("type"))
    if key is None:
        return why
    node = graph.nodes[key]
    qualifier = key.partition("@")[2] if "@" in key.partition("/")[2] else None
    new = node_key(type or node.type, name or node.label, qualifier)
    if new == key:
        return f"{key} is that already"
    made = Node(new, type or node.type, name or node.label, set(node.aliases), dict(node.attrs))
    _move(graph, key, new, c.id, make=made)
    return None


def _retype(graph: Graph, c: Correction) -> str | None:
    return _rekey(graph, c, c.get("to"), None)


def _rename(graph: Graph, c: Correction) -> str | None:
    return _rekey(graph, c, None, c.get("to"))


def _missing(graph: Graph, c: Correction) -> str:
    """Why a fact address matched nothing."""
    aid = c.get("article")
    if aid is not None and aid not in graph.articles:
        return f"no article {aid} (removed from the sources?)"
    return f"no fact {c.get('fact')} (not extracted this time?)" if c.get("fact") else "no fact says that"


def _reject(graph: Graph, c: Correction) -> str | None:
    hits = find_facts(graph, dict(c.fields))
    if not hits:
        return _missing(graph, c)
    gone = {id(f) for f in hits}
    graph.facts = [f for f in graph.facts if id(f) not in gone]
    for f in hits:
        _mark(f, c.id)
        graph.rejected.append(f)
    return None


def _add(graph: Graph, c: Correction) -> str | None:
    aid = c.get("article")
    if aid not in graph.articles:
        return f"no article {aid}"
    ends = {}
    for name in ("s", "o", "org"):
        value = c.get(name)
        if value is None or (name == "o" and c.get("p") == "reported"):
            ends[name] = value
            continue
        key, why = find_entity(graph, value, c.get(f"{name}_type") if name != "org" else None)
        if key is None and c.get(f"{name}_type"):
            key = node_key(c.get(f"{name}_type"), value)
            graph.nodes[key] = Node(key, c.get(f"{name}_type"), value)
        if key is None:
            return why
        graph.nodes[key].articles.add(aid)
        ends[name] = key
    fid = fact_id(aid, label(graph, ends["s"]), c.get("p"), label(graph, ends["o"]), c.get("role"),
                  label(graph, ends["org"]))
    same = [f for f in graph.facts if f.id == fid and f.article == aid]
    if same:                                # extracted already (this time): the correction confirms it
        _mark(same[0], c.id)
        return None
    graph.facts.append(Fact(ends["s"], c.get("p"), ends["o"], aid, role=c.get("role"), org=ends["org"],
                            former=bool(c.get("former")), start=c.get("start"), end=c.get("end"),
                            date=c.get("date"), confidence=1.0, rule="correction", evidence=c.get("evidence"),
                            id=fid, corrections=[c.id]))
    return None


def _accept(graph: Graph, c: Correction) -> str | None:
    hits = find_facts(graph, dict(c.fields))
    for f in hits:
        _mark(f, c.id)
    return None if hits else _missing(graph, c)


_KIND = {"home": _home, "split": _split, "merge": _merge, "retype": _retype, "rename": _rename,
         "reject": _reject, "add": _add, "accept": _accept}
