"""A build's ``graph.json`` and ``graph.html``, written by a forked child process while the build
maps and writes the RDF (the two stages read the same resolved graph and nothing of each other).

The child inherits the graph (fork: nothing is copied or pickled), ignores
Ctrl-C (the parent decides), dies with the parent and sends back ``None`` or
the exception it met. Where ``fork`` is not available the files are written
in this process when ``result`` is asked for.

>>> import tempfile
>>> from kg.model import Graph, Node
>>> d = Path(tempfile.mkdtemp())
>>> job = ViewJob(Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华")}), d, d, None)
>>> job.result(); sorted(p.name for p in d.iterdir())
['graph.html', 'graph.json']
"""
from __future__ import annotations

import multiprocessing
import signal
from pathlib import Path
from typing import Any

from ..model import Graph


def write_view_files(graph: Graph, scratch: Path, out: Path, record: dict[str, Any] | None) -> None:
    """Write ``graph.json`` into ``scratch``, and ``graph.html`` unless the one in ``out`` already shows
    this very graph (same ``graph.json`` as the recorded build's)."""
    from ..outdir import file_digest
    from . import write_graph_json, write_html
    write_graph_json(graph, scratch / "graph.json")
    if record is not None and (out / "graph.html").is_file():
        files = record.get("files", {})
        same_graph = files.get("graph.json") == file_digest(scratch / "graph.json")
        if same_graph and files.get("graph.html") == file_digest(out / "graph.html"):
            return
    write_html(graph, scratch / "graph.html")


def _child(send, graph: Graph, scratch: Path, out: Path, record: dict[str, Any] | None, memo=None) -> None:
    from ..extraction import _die_with_parent
    from ..outdir import release_inherited_locks
    from . import layout
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    release_inherited_locks()
    _die_with_parent()
    try:
        layout.memo = memo
        write_view_files(graph, scratch, out, record)
        if memo is not None:
            memo.close()
        send.send(None)
    except BaseException as e:          # noqa: BLE001 - handed to the parent, which raises it
        try:
            send.send(e)
        except Exception:               # noqa: BLE001 - an exception that does not pickle
            send.send(RuntimeError(f"{type(e).__name__}: {e}"))


class ViewJob:
    """``write_view_files`` in a forked child; ``result()`` waits for it and raises what it raised."""

    def __init__(self, graph: Graph, scratch: Path, out: Path, record: dict[str, Any] | None, memo=None) -> None:
        """``memo`` (a ``kg.cache.Memo``, used by the child only) keeps the view's layouts."""
        self.args = (graph, scratch, out, record)
        self.proc = None
        from . import html, layout, payload  # noqa: F401 - imported once, before the fork, not by the child
        if "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            self.recv, send = ctx.Pipe(duplex=False)
            self.proc = ctx.Process(target=_child, args=(send, *self.args, memo), daemon=True)
            self.proc.start()
            send.close()

    def result(self) -> None:
        if self.proc is None:
            write_view_files(*self.args)
            return
        try:
            err = self.recv.recv()
        except EOFError:
            err = RuntimeError(f"the view process ended with status {self.proc.exitcode}")
        self.proc.join()
        self.proc = None
        self.args = ()
        if err is not None:
            raise err

    def cancel(self) -> None:
        """Stop the child if it still runs (the build failed or was interrupted)."""
        if self.proc is not None and self.proc.is_alive():
            self.proc.terminate()
            self.proc.join()
        self.proc = None
        self.args = ()
