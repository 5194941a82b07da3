"""``kg remove ARTICLE... [--out OUT]``: drop articles from the store and the graph files of a build."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("remove", help="drop articles from a build (store, graph.ttl, graph.trig)",
                       description="Remove the named graphs of the given articles from OUT/store and rewrite "
                                   "OUT/graph.ttl and OUT/graph.trig. Entities other articles mention stay.")
    r.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id (e.g. 000_x.txt) or its source path")
    r.add_argument("--out", default="out", metavar="OUT", help="output folder of kg build (default: out)")
    r.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..errors import KgError
    from ..export.files import write_graph_files
    from ..rdf.iri import article_iri
    from ..store import open_store, remove_article
    from ..store.read import dataset_from_store, store_base
    out = Path(a.out)
    with open_store(out) as store:
        base = store_base(store)
        graphs = []
        for art in a.articles:
            iris = [article_iri(c, base) for c in (art, Path(art).name)] if base else []   # an id, or a source path
            g = next((iri for iri in iris if store.contains_named_graph(_node(iri))), None)
            if g is None:
                raise KgError("E032", id=art, path=str(out))
            graphs.append(g)
        for g in graphs:
            remove_article(store, g)
        ds = dataset_from_store(store, base)
    triples = write_graph_files(ds, out)
    print(f"kg: removed {len(graphs)} article{'s' if len(graphs) != 1 else ''}; "
          f"{len(ds.graphs)} left, {triples} triples → {out}")
    return 0


def _node(iri: str):
    import pyoxigraph as ox
    return ox.NamedNode(iri)
