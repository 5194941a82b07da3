"""``kg view OUT [-o FILE]``: the interactive network of a build, whole or focused (ego network, types, relations, dates)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KgError
from ..model import ENTITY_TYPES, PREDICATES


def _depth(text: str) -> int:
    """``--depth``: a whole number ≥ 0.

    >>> _depth("2")
    2
    """
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, got {text!r}")
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("view", help="build output → interactive HTML network (whole graph or a focused view)",
                       description="Write an offline HTML network view of the graph that `kg build` wrote into OUT.")
    v.add_argument("out", metavar="OUT", help="output folder of kg build (or its graph.json)")
    v.add_argument("-o", "--output", metavar="FILE", help="HTML file to write (default: OUT/view.html)")
    v.add_argument("--focus", metavar="NAME", help="centre the view on this entity (name, alias or key)")
    v.add_argument("--depth", type=_depth, default=1, metavar="N", help="with --focus: links away from it (default 1)")
    v.add_argument("--type", action="append", choices=ENTITY_TYPES, metavar="TYPE",
                   help=f"only these entity types (repeatable): {', '.join(ENTITY_TYPES)}")
    v.add_argument("--relation", action="append", choices=PREDICATES, metavar="REL",
                   help=f"only these relations (repeatable): {', '.join(PREDICATES)}")
    v.add_argument("--since", metavar="DATE", help="only facts dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    v.add_argument("--size", choices=["degree", "betweenness"], default="degree",
                   help="node size by number of links (default) or betweenness centrality")
    v.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..view import read_graph, write_html
    from ..view.focus import by_relations, by_types, ego, find_node, parse_since, since

    since_date = parse_since(a.since) if a.since else None    # check arguments before reading
    graph = read_graph(a.out)
    title = ["知识图谱"]
    focus = find_node(graph, a.focus) if a.focus else None
    keep = [focus] if focus else []
    if a.relation:
        graph = by_relations(graph, a.relation, keep)
        title.append("/".join(a.relation))
    if since_date:
        graph = since(graph, since_date, keep)
        title.append(f"自 {since_date}")
    if focus:
        graph = ego(graph, focus, a.depth)
        title.insert(0, f"{graph.nodes[focus].label} · {a.depth} 度关系网")
    if a.type:
        graph = by_types(graph, a.type, keep)
        title.append("/".join(a.type))
    path = Path(a.output) if a.output else (Path(a.out) if Path(a.out).is_dir() else Path(a.out).parent) / "view.html"
    try:
        write_html(graph, path, title=" · ".join(title), size_by=a.size)
    except OSError as e:
        raise KgError("E011", path=path, detail=e.strerror or type(e).__name__) from None
    print(f"kg: {len(graph.nodes)} entities, {len(graph.facts)} facts → {path}")
    return 0
