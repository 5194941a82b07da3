"""``kg export``: the store of a build → Turtle, TriG, N-Triples, N-Quads, JSON-LD, GraphML or CSV."""
from __future__ import annotations

from pathlib import Path

from ..fsutil import atomic_write
from ..rdf.dataset import RdfDataset

def ntriples(ds: RdfDataset) -> str:
    """The merged graph as sorted N-Triples.

    >>> ds = RdfDataset("http://x/"); ds.add("http://x/g", "<http://x/s>", "<http://x/p>", '"o"')
    >>> ntriples(ds)
    '<http://x/s> <http://x/p> "o" .\\n'
    """
    union = ds.union()
    return "".join([f"{s} {p} {o} .\n" for s in sorted(union) for p, o in sorted(union[s])])


def nquads(ds: RdfDataset) -> str:
    """The default graph, then every named graph, as sorted N-Quads."""
    default = [f"{s} {p} {o} .\n" for s in sorted(ds.shared) for p, o in sorted(ds.shared[s])]
    return "".join(default + [f"{s} {p} {o} <{g}> .\n" for g in sorted(ds.graphs)
                              for s in sorted(ds.graphs[g]) for p, o in sorted(ds.graphs[g][s])])


def export(ds: RdfDataset, fmt: str, dest: Path) -> list[Path]:
    """Write ``ds`` in format ``fmt`` to ``dest`` (a file; a folder for ``csv``); return the files."""
    from .jsonld import jsonld
    from .network import graphml, network_csv
    if fmt == "csv":
        nodes, edges = network_csv(ds)
        atomic_write(dest / "nodes.csv", nodes)
        atomic_write(dest / "edges.csv", edges)
        return [dest / "nodes.csv", dest / "edges.csv"]
    if fmt in ("ttl", "trig"):
        from .files import write_graph_file
        write_graph_file(ds, f"graph.{fmt}", dest)
        return [dest]
    text = {"nt": lambda: ntriples(ds), "nq": lambda: nquads(ds), "jsonld": lambda: jsonld(ds),
            "graphml": lambda: graphml(ds)}[fmt]()
    atomic_write(dest, text)
    return [dest]
