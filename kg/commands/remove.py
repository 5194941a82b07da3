"""``kg remove ARTICLE... [--out OUT]``: drop articles from the store and from every file of a build."""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("remove", help="drop articles from a build (store and every file)",
                       description="Remove the named graphs of the given articles from OUT/store and rewrite "
                                   "OUT/graph.ttl, graph.trig, graph.json, graph.html and extractions.jsonl. "
                                   "Entities other articles mention stay.")
    r.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id (e.g. 000_x.txt) or its source path")
    r.add_argument("--out", default="out", metavar="OUT", help="output folder of kg build (default: out)")
    r.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..errors import KgError
    from ..export.files import write_graph_files
    from ..outdir import (SCRATCH, forget_record, interrupts_deferred, lock_out, move_in, os_detail,
                          remove_leftovers, write_record)
    from ..rdf.iri import article_iri
    from ..store import open_store, remove_article
    from ..store.db import STORE_DIR
    from ..store.read import dataset_from_store, store_base
    out = Path(a.out)
    if not (out / STORE_DIR).is_dir():
        raise KgError("E012", path=str(out), missing=f"{STORE_DIR}/")
    try:
        with lock_out(out, create=False):
            remove_leftovers(out)
            with open_store(out) as store:
                base = store_base(store)
                graphs, ids = [], []
                for art in a.articles:
                    cands = [(c, article_iri(c, base)) for c in (art, Path(art).name)] if base else []  # id or path
                    hit = next(((c, iri) for c, iri in cands if store.contains_named_graph(_node(iri))), None)
                    if hit is None:
                        raise KgError("E032", id=art, path=str(out))
                    ids.append(hit[0])
                    graphs.append(hit[1])
                with tempfile.TemporaryDirectory(prefix=SCRATCH, dir=out) as tmp, interrupts_deferred():
                    forget_record(out)
                    for g in graphs:
                        remove_article(store, g)
                    store.optimize()
                    store.compact = True          # give the space back (see kg.store.db)
                    ds = dataset_from_store(store, base)
                    scratch = Path(tmp)
                    triples = write_graph_files(ds, scratch)
                    _without_articles(out, scratch, set(ids))
                    names = move_in(scratch, out)
                    summary = {"articles": sum(1 for g in ds.graphs if "/article/" in g), "triples": triples}
                    write_record(out, None, summary, names + _others(out, names))
    except OSError as e:
        raise KgError("E011", path=out, detail=os_detail(e)) from None
    print(f"kg: removed {len(graphs)} article{'s' if len(graphs) != 1 else ''}; "
          f"{len(ds.graphs)} left, {triples} triples → {out}")
    return 0


DERIVED = ("graph.json", "graph.html", "extractions.jsonl")


def _others(out: Path, names: list[str]) -> list[str]:
    """The derived files of ``out`` not rewritten now (a build without them)."""
    return [n for n in ("graph.ttl", "graph.trig", *DERIVED) if n not in names and (out / n).is_file()]


def _without_articles(out: Path, scratch: Path, ids: set[str]) -> None:
    """Write into ``scratch`` the graph.json, graph.html and extractions.jsonl of ``out`` without articles ``ids``."""
    from ..view import read_graph, write_graph_json, write_html
    if (out / "graph.json").is_file():
        graph = read_graph(out)
        graph.facts = [f for f in graph.facts if f.article not in ids]
        graph.events = [e for e in graph.events if e.article not in ids]
        graph.rejected = [f for f in graph.rejected if f.article not in ids]
        for aid in ids:
            graph.articles.pop(aid, None)
        linked = {k for f in graph.facts for k in (f.s, f.o, f.org) if k}
        for node in graph.nodes.values():
            node.articles -= ids
        graph.nodes = {k: n for k, n in graph.nodes.items() if n.articles or k in linked}
        write_graph_json(graph, scratch / "graph.json")
        write_html(graph, scratch / "graph.html")
    if (out / "extractions.jsonl").is_file():
        with open(out / "extractions.jsonl", encoding="utf-8") as src, \
                open(scratch / "extractions.jsonl", "w", encoding="utf-8") as dst:
            for line in src:
                try:
                    aid = json.loads(line).get("article")
                except ValueError:
                    aid = None
                if aid not in ids:
                    dst.write(line)


def _node(iri: str):
    import pyoxigraph as ox
    return ox.NamedNode(iri)
