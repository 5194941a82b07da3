"""``kg export OUT --format FMT [-o PATH]``: the store of a build as Turtle, TriG, N-Triples, N-Quads,
JSON-LD, GraphML or CSV (Gephi, Cytoscape)."""
from __future__ import annotations

import argparse
from pathlib import Path

FORMATS = ["ttl", "trig", "nt", "nq", "jsonld", "graphml", "csv"]


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("export", help="a build's graph as ttl, trig, nt, nq, jsonld, graphml or csv",
                       description="Write the graph in OUT/store in another format. ttl/nt/graphml/csv hold the "
                                   "merged graph; trig/nq/jsonld keep one named graph per article. "
                                   "csv writes nodes.csv and edges.csv (Gephi: Id/Label/Source/Target/Weight).")
    e.add_argument("out", metavar="OUT", help="output folder of kg build")
    e.add_argument("--format", required=True, choices=FORMATS)
    e.add_argument("-o", "--output", metavar="PATH",
                   help="file to write (a folder for csv); default OUT/graph.<format> (OUT for csv)")
    e.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..export.formats import export
    from ..store import open_store
    from ..store.read import dataset_from_store, store_base
    out = Path(a.out)
    with open_store(out, read_only=True) as store:
        ds = dataset_from_store(store, store_base(store))
    dest = Path(a.output) if a.output else (out if a.format == "csv" else out / f"graph.{a.format}")
    try:
        written = export(ds, a.format, dest)
    except OSError as e:
        from ..errors import KgError
        from ..outdir import os_detail
        raise KgError("E011", path=dest, detail=os_detail(e)) from None
    for f in written:
        print(f"kg: wrote {f}")
    return 0
