"""``kg push``: OUT's store onto a SPARQL 1.1 server, every triple in a named graph, only what changed.

On the server:

* an article's graph has the article's IRI as name, as in ``OUT/store``; it is
  sent with the Graph Store Protocol (``PUT …?graph=IRI``), which replaces the
  old version at once;
* the shared description of a subject S (an entity, post, membership …),
  which ``OUT/store`` keeps in its default graph, lives in a graph of its own,
  ``BASE/shared/`` + the rest of S's IRI (``shared_graph``); these are sent by
  SPARQL Update, ``DROP SILENT GRAPH`` then ``INSERT DATA``, a few hundred in
  one request.

``OUT/pushed.json`` records, per server (its graph store URL), the hash of
every graph it holds: a graph is sent when its hash differs, dropped when OUT
no longer has it. The file is rewritten atomically every few seconds and when
the push ends, fails or is interrupted, so the next push resumes where this
one stopped (a graph sent but not yet recorded is sent again: sending is
idempotent).
"""
from __future__ import annotations

import hashlib
import json
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import KgError
from ..fsutil import atomic_write
from ..progress import Phase
from ..rdf.namespaces import DEFAULT_BASE
from .endpoint import Endpoint

STATE = "pushed.json"
FORMAT = "kg-push/1"
PUT_THREADS = 4            # article graphs in flight at once
UPDATE_BYTES = 400_000     # about this much SPARQL Update text per request
DROPS = 500                # graphs dropped per request
SAVE_SECONDS = 2.0         # the pushed state is saved at least this often while a push runs


@dataclass
class PushReport:
    """What a push did, counted in graphs (article graphs and shared descriptions)."""
    sent: int = 0
    dropped: int = 0
    unchanged: int = 0
    seconds: float = 0.0


def shared_graph(subject: str, base: str) -> str:
    """The name of the graph that holds the shared description of ``subject`` (an N-Triples IRI).

    >>> shared_graph("<http://x/person/王建华>", "http://x/")
    'http://x/shared/person/王建华'
    >>> shared_graph("<http://other/y>", "http://x/")
    'http://x/shared/_/ea49aff14fdd02009f5b'
    """
    iri = subject[1:-1]
    if iri.startswith(base):
        return f"{base}shared/{iri[len(base):]}"
    return f"{base}shared/_/{hashlib.blake2b(iri.encode('utf-8'), digest_size=10).hexdigest()}"


def _digest(lines: list[str]) -> str:
    return hashlib.blake2b("".join(sorted(lines)).encode("utf-8"), digest_size=16).hexdigest()


def _line(q: ox.Quad) -> str:
    return f"{q.subject} {q.predicate} {q.object} .\n"


class Local:
    """What OUT's store holds, as the graphs of the server: name → hash, and the content on demand."""

    def __init__(self, store) -> None:
        from ..store.read import store_base
        from ..store.sync import stored_digests
        self.store = store
        self.base = store_base(store) or DEFAULT_BASE
        from ..rdf.mapping import REJECTED_GRAPH
        rejected = self.base + REJECTED_GRAPH      # facts a correction rejected stay in OUT, off the server
        self.articles = {g: h for g, h in stored_digests(store).items() if g != rejected}   # graph → its hash
        by_subject: dict[str, list[str]] = {}
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            by_subject.setdefault(str(q.subject), []).append(_line(q))
        self.shared = {shared_graph(s, self.base): lines for s, lines in by_subject.items()}
        self.digests = dict(self.articles)
        self.digests.update((g, _digest(lines)) for g, lines in self.shared.items())

    def article(self, graph: str) -> bytes:
        """The N-Triples of an article graph (sorted: the same bytes each time)."""
        quads = self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return "".join(sorted(_line(q) for q in quads)).encode("utf-8")


class State:
    """The pushed state of one server in ``OUT/pushed.json``: graph → hash of what the server holds."""

    def __init__(self, out: Path, server: str, fresh: bool = False) -> None:
        self.path, self.server = Path(out) / STATE, server
        self.all = self._read()
        self.graphs: dict[str, str] = {} if fresh else dict(self.all.get(server, {}).get("graphs", {}))
        self.saved = time.monotonic()

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data["servers"] if data.get("format") == FORMAT and isinstance(data["servers"], dict) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}                      # none or unreadable: everything is sent again

    def save(self, base: str) -> None:
        self.all[self.server] = {"base": base, "graphs": self.graphs}
        atomic_write(self.path, json.dumps({"format": FORMAT, "servers": self.all}, ensure_ascii=False,
                                           sort_keys=True, separators=(",", ":")))
        self.saved = time.monotonic()

    def due(self) -> bool:
        return time.monotonic() - self.saved >= SAVE_SECONDS


def graph_url(store_url: str, graph: str) -> str:
    """The Graph Store Protocol URL of ``graph``.

    >>> graph_url("http://h/store", "http://x/article/a b")
    'http://h/store?graph=http%3A%2F%2Fx%2Farticle%2Fa+b'
    """
    return store_url + ("&" if "?" in store_url else "?") + urllib.parse.urlencode({"graph": graph})


def _updates(local: Local, graphs: list[str]) -> Iterator[tuple[list[str], bytes]]:
    """SPARQL Update requests that replace the shared graphs ``graphs``, several per request."""
    chunk: list[str] = []
    parts: list[str] = []
    size = 0
    for g in graphs:
        text = f"GRAPH <{g}> {{\n{''.join(local.shared[g])}}}\n"
        chunk.append(g)
        parts.append(text)
        size += len(text)
        if size >= UPDATE_BYTES:
            yield chunk, _replace(chunk, parts)
            chunk, parts, size = [], [], 0
    if chunk:
        yield chunk, _replace(chunk, parts)


def _replace(graphs: list[str], parts: list[str]) -> bytes:
    drops = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in graphs)
    return (drops + "INSERT DATA {\n" + "".join(parts) + "}\n").encode("utf-8")


def push(out: Path, endpoint: Endpoint, full: bool = False, progress: bool = False) -> PushReport:
    """Bring the server in line with OUT's store (see the module docstring); ``full``: send every graph.

    E082 when OUT's last build did not finish; E095 (and a state the next push resumes from) when the
    server fails on the way.
    """
    from ..outdir import RECORD, lock_out, read_record
    from ..store import open_store
    t0 = time.perf_counter()
    with lock_out(Path(out), create=False):
        if read_record(out) is None:
            raise KgError("E082", path=out, detail=f"no {RECORD}; build it before pushing")
        with open_store(out, read_only=True) as store:
            local = Local(store)
            state = State(out, endpoint.store, fresh=full)
            report = _push(local, state, endpoint, progress)
    report.seconds = time.perf_counter() - t0
    return report


def _push(local: Local, state: State, endpoint: Endpoint, progress: bool) -> PushReport:
    pushed = state.graphs
    articles = sorted(g for g, d in local.articles.items() if pushed.get(g) != d)
    shared = sorted(g for g in local.shared if pushed.get(g) != local.digests[g])
    drop = sorted(g for g in pushed if g not in local.digests)
    report = PushReport(unchanged=len(local.digests) - len(articles) - len(shared))
    total = len(articles) + len(shared) + len(drop)
    if not total:
        return report

    def done(graphs: list[str], sent: bool) -> None:
        for g in graphs:
            if sent:
                pushed[g] = local.digests[g]
            else:
                pushed.pop(g, None)
        if sent:
            report.sent += len(graphs)
        else:
            report.dropped += len(graphs)
        phase.advance(len(graphs))
        if state.due():
            state.save(local.base)

    try:
        with Phase("push", total, "graphs", progress) as phase:
            _put_articles(local, articles, endpoint, done)
            for graphs, text in _updates(local, shared):
                endpoint.request("POST", endpoint.update, text, {"Content-Type": "application/sparql-update"})
                done(graphs, True)
            for i in range(0, len(drop), DROPS):
                graphs = drop[i:i + DROPS]
                text = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in graphs).encode("utf-8")
                endpoint.request("POST", endpoint.update, text, {"Content-Type": "application/sparql-update"})
                done(graphs, False)
    except KgError as e:
        raise KgError("E095", url=endpoint.store, done=report.sent + report.dropped, total=total,
                      detail=str(e)) from None
    finally:
        state.save(local.base)
    return report


def _put_articles(local: Local, graphs: list[str], endpoint: Endpoint, done) -> None:
    """PUT each article graph, ``PUT_THREADS`` at a time, recording each as it succeeds."""
    headers = {"Content-Type": "text/turtle; charset=utf-8"}   # N-Triples lines are Turtle
    with ThreadPoolExecutor(PUT_THREADS) as pool:
        for i in range(0, len(graphs), 4 * PUT_THREADS):
            chunk = graphs[i:i + 4 * PUT_THREADS]
            futures = [(g, pool.submit(endpoint.request, "PUT", graph_url(endpoint.store, g), local.article(g),
                                       headers)) for g in chunk]
            failed = None
            for g, f in futures:
                try:
                    f.result()
                    done([g], True)
                except KgError as e:
                    failed = failed or e
            if failed is not None:
                raise failed
