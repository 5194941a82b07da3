"""``kg check OUT``: do the store and the files of a build agree, and did the last build finish?"""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("check", help="compare a build's store with its files (graph.trig, graph.ttl, build.json)",
                       description="Check that OUT/store holds exactly the quads of OUT/graph.trig (its merged "
                                   "graph exactly graph.ttl), that the last build finished (OUT/build.json) and "
                                   "that no file changed since. Prints what differs; exit 1 when anything does.")
    c.add_argument("out", metavar="OUT", help="output folder of kg build")
    c.set_defaults(func=run)


SHOWN = 5      # differing statements printed per kind


def run(a: argparse.Namespace) -> int:
    from ..errors import KgError
    from ..outdir import changed_files, leftovers, read_record
    from ..store import open_store
    from ..store.check import compare
    out = Path(a.out)
    with open_store(out, read_only=True) as store:
        c = compare(store, out)
    problems = []
    record = read_record(out)
    if record is None:
        problems.append("no record of a finished build (OUT/build.json): a build was interrupted")
    else:
        problems += [f"{name} changed since the build wrote it" for name in changed_files(out, record)]
    problems += [f"left over by an interrupted run: {p.name}" for p in leftovers(out)]
    for what, lines in (("in the store, not in graph.trig", c.only_store), ("in graph.trig, not in the store", c.only_trig),
                        ("in the store, not in graph.ttl", c.only_union), ("in graph.ttl, not in the store", c.only_ttl)):
        if lines:
            problems.append(f"{len(lines)} statements {what}")
            problems += [f"  {line}" for line in lines[:SHOWN]]
            if len(lines) > SHOWN:
                problems.append(f"  … {len(lines) - SHOWN} more")
    for line in problems:
        print(f"kg: {line}")
    if c.differences:
        raise KgError("E081", path=out, detail=f"{c.differences} statements about {c.subjects()} subjects")
    if problems:
        raise KgError("E082", path=out, detail=problems[0])
    print(f"kg: {out}: the store and the files agree ({c.quads} quads); the last build finished")
    return 0
