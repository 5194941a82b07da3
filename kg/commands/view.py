"""``kg view OUT [-o FILE]``: the interactive network of a build, whole or focused (ego network, types, relations, dates)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KgError
from ..model import ENTITY_TYPES, PREDICATES
from ..view.bound import MAX_NODES


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
    v.add_argument("--depth", type=_depth, metavar="N", help="with --focus: links away from it (default 1)")
    v.add_argument("--type", action="append", choices=ENTITY_TYPES, metavar="TYPE",
                   help=f"only these entity types (repeatable): {', '.join(ENTITY_TYPES)}")
    v.add_argument("--relation", action="append", choices=PREDICATES, metavar="REL",
                   help=f"only these relations (repeatable): {', '.join(PREDICATES)}")
    v.add_argument("--since", metavar="DATE", help="only facts that held on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD):"
                   " events by their date, posts when their tenure overlaps; the article date when a fact has none")
    v.add_argument("--until", metavar="DATE", help="only facts that held on or before DATE (same forms and rules as --since)")
    v.add_argument("--size", choices=["degree", "betweenness"], default="degree",
                   help="node size by number of links (default) or betweenness centrality")
    v.add_argument("--max-nodes", type=_depth, metavar="N", default=None,
                   help="draw at most N entities, the most connected, with a notice in the page "
                        f"(default {MAX_NODES}; 0: no limit, which a browser may not open on a big graph)")
    v.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..view import read_graph, write_html
    from ..view.events import with_events
    from ..view.focus import between, by_relations, by_types, compare_dates, ego, find_node, parse_date

    # check arguments before reading
    if a.depth is not None and not a.focus:
        raise KgError("E037")
    depth = 1 if a.depth is None else a.depth
    since_date = parse_date(a.since, "--since") if a.since else None
    until_date = parse_date(a.until, "--until") if a.until else None
    if since_date and until_date and compare_dates(since_date, until_date) > 0:
        raise KgError("E038", since=since_date, until=until_date)
    graph = read_graph(a.out)
    title = ["知识图谱"]
    focus = find_node(graph, a.focus) if a.focus else None
    keep = [focus] if focus else []
    if a.relation:
        graph = by_relations(graph, a.relation, keep)
        title.append("/".join(a.relation))
    if since_date or until_date:
        graph = between(graph, since_date, until_date, keep)
        title.append(" ".join(x for x in (f"自 {since_date}" if since_date else "",
                                          f"至 {until_date}" if until_date else "") if x))
    if focus:
        graph = ego(graph, focus, depth)
        title.insert(0, f"{graph.nodes[focus].label} · {depth} 度关系网")
    if a.type:
        graph = by_types(graph, a.type, keep)
        title.append("/".join(a.type))
    path = Path(a.output) if a.output else (Path(a.out) if Path(a.out).is_dir() else Path(a.out).parent) / "view.html"
    try:
        write_html(graph, path, title=" · ".join(title), size_by=a.size, focus=focus, max_nodes=a.max_nodes)
    except OSError as e:
        raise KgError("E011", path=path, detail=e.strerror or type(e).__name__) from None
    limit = MAX_NODES if a.max_nodes is None else a.max_nodes
    shown = len(with_events(graph).nodes)          # events are nodes of the page too
    part = f" (the page: the {limit} most connected of {shown}; --max-nodes 0 for all)" if 0 < limit < shown else ""
    print(f"kg: {len(graph.nodes)} entities, {len(graph.facts)} facts{part} → {path}")
    return 0
