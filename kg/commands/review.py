"""``kg review OUT``: the facts most worth a human look first; ``--reject ID`` / ``--accept ID`` (or ``-i``)
write the decision into the corrections file, keeping its comments and order."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("review", help="the facts most worth a human look first; accept or reject them",
                       description="List the facts of a build most worth checking (low confidence, namesakes merged "
                                   "on thin evidence, investigations, posts) with their evidence; --reject/--accept "
                                   "write the decision into the corrections file the next kg build applies.")
    r.add_argument("out", metavar="OUT", help="output folder of kg build")
    r.add_argument("--corrections", metavar="FILE", help="the corrections file (default: the one the build used)")
    r.add_argument("--top", type=int, default=20, metavar="N", help="facts to list (default 20)")
    r.add_argument("--reject", metavar="ID", action="append", default=[], help="reject the fact ID (repeatable)")
    r.add_argument("--accept", metavar="ID", action="append", default=[], help="record the fact ID as checked")
    r.add_argument("--who", help="who decides (default: the file's who, else the login name)")
    r.add_argument("--why", help="why (default: 'checked in kg review')")
    r.add_argument("-i", "--interactive", action="store_true", help="go through the queue: a(ccept) r(eject) s(kip) q(uit)")
    r.set_defaults(func=run)


def corrections_file(a: argparse.Namespace, out: Path) -> Path | None:
    """The file decisions go to: --corrections, else the one the build of OUT applied."""
    from ..outdir import read_record
    if a.corrections:
        return Path(a.corrections)
    record = read_record(out) or {}
    known = (record.get("summary") or {}).get("corrections") or {}
    return Path(known["file"]) if known.get("file") else None


def describe(graph, f) -> str:
    """A fact in one line as a user sees it: 王建华 任 县长 · 东山县人民政府 [a.txt]."""
    from ..correct.address import label
    what = f"{f.role or ''}{' · ' + label(graph, f.org) if f.org else ''}" if f.p == "holdsPosition" else label(graph, f.o)
    return f"{label(graph, f.s)} {f.p} {what} [{f.article}]"


def run(a: argparse.Namespace) -> int:
    from ..correct.file import load
    from ..correct.queue import queue
    from ..errors import KgError
    from ..view import read_graph
    out = Path(a.out)
    graph = read_graph(out)
    path = corrections_file(a, out)
    decided: set[str] = set()
    who = a.who
    if path is not None and path.exists():
        corr = load(path)
        decided = {c.get("fact") for c in corr.items if c.kind in ("accept", "reject") and c.get("fact")}
        who = who or next((c.who for c in corr.items), None)
    who = who or getpass.getuser()
    by_id = {f.id: f for f in graph.facts}
    decisions = [("reject", i) for i in a.reject] + [("accept", i) for i in a.accept]
    for kind, fid in decisions:
        if fid not in by_id:
            raise KgError("E107", id=fid, path=out)
    if (decisions or a.interactive) and path is None:
        raise KgError("E108", path=out)
    for kind, fid in decisions:
        decide(path, kind, fid, describe(graph, by_id[fid]), who, a.why)
        decided.add(fid)
    if decisions:
        return 0
    items = queue(graph, decided)
    if a.interactive:
        return interactive(items, graph, path, who, a.why)
    for item in items[: max(1, a.top)]:
        print(show(item, graph))
    print(f"({min(len(items), max(1, a.top))} of {len(items)} facts to review; kg review OUT --accept ID | --reject ID)")
    return 0


def show(item, graph) -> str:
    f = item.fact
    ev = f"\n    « {f.evidence} »" if f.evidence else ""
    return f"{f.id}  {item.score:.2f}  {describe(graph, f)}\n    why look: {'; '.join(item.reasons)}{ev}"


def decide(path: Path, kind: str, fid: str, text: str, who: str, why: str | None) -> None:
    from ..correct.write import append
    append(path, kind, {"fact": fid, "who": who, "why": why or "checked in kg review"}, comment=text)
    print(f"kg: {kind}ed {fid} ({text}) → {path}")


def interactive(items, graph, path: Path, who: str, why: str | None) -> int:
    """Ask about each fact of the queue in turn."""
    for item in items:
        print(show(item, graph))
        answer = input("  a(ccept) r(eject) s(kip) q(uit)? ").strip().lower()[:1]
        if answer == "q":
            break
        if answer in ("a", "r"):
            reason = why or input("  why? ").strip() or None
            decide(path, "accept" if answer == "a" else "reject", item.fact.id, describe(graph, item.fact), who, reason)
    sys.stdout.flush()
    return 0
