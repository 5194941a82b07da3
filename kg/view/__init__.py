"""Stage 6, view: a resolved ``Graph`` → ``graph.html``, an interactive network that opens offline.

Modules: ``payload`` (what the page shows), ``layout`` (positions, computed
beforehand), ``html`` (the self-contained page), ``graphjson`` (``graph.json``,
the graph ``kg view``/``kg stats`` reread), ``focus`` (ego networks and
filters), ``bound`` (the part of a big graph a page draws), ``stats`` (the
``kg stats`` tables), ``style`` (colours and names), ``sample`` (synthetic graphs), ``browser`` (headless Chromium for tests and
``bench/``). The page itself: ``templates/graph.html``, ``static/view.css`` and
the script's parts ``static/view-*.js`` (network, batched drawing, labels,
filters, search, address, hover, panel, career, paths, downloads; see
``html.APP_PARTS``).
"""
from __future__ import annotations

from pathlib import Path

from ..model import Graph
from .graphjson import read_graph, write_graph_json

__all__ = ["write_html", "write_graph_json", "read_graph"]


def write_html(graph: Graph, path: Path, title: str = "知识图谱 Knowledge graph", size_by: str = "degree",
               focus: str | None = None, max_nodes: int | None = None) -> None:
    """Write the interactive view of ``graph`` to ``path`` (one UTF-8 file, no network needed);
    ``focus`` is the entity a focused view is centred on (marked and labelled in the page). Above
    ``max_nodes`` entities (default ``bound.MAX_NODES``; 0: no bound) the page shows the most connected.

    >>> import tempfile, pathlib
    >>> from kg.model import Graph, Node
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
    >>> write_html(Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华")}), p)
    >>> "王建华" in p.read_text(encoding="utf-8") and "https://" not in p.read_text(encoding="utf-8").split("<script>")[0]
    True
    """
    from .html import write_page
    from .bound import MAX_NODES
    from .payload import view_data
    write_page(view_data(graph, title=title, size_by=size_by, focus=focus,
                         max_nodes=MAX_NODES if max_nodes is None else max_nodes), Path(path))
