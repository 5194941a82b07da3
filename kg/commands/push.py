"""``kg push OUT --endpoint URL``: the graph of a build onto a SPARQL 1.1 server (see ``kg.remote.push``)."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import KgError
from ..remote.endpoint import PRESETS, TIMEOUT, Endpoint, check_url


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("push", help="send the graph of a build to a SPARQL 1.1 server (only what changed)",
                       description="Send OUT's graph to a SPARQL 1.1 server: each article's named graph by the "
                                   "Graph Store Protocol, each shared description in a named graph of its own; "
                                   "only graphs that changed since the last push, and removed ones dropped. "
                                   "Credentials: KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc.")
    p.add_argument("out", metavar="OUT", help="output folder of kg build")
    add_endpoint(p, "--endpoint", "base URL of the SPARQL server (e.g. http://127.0.0.1:7878)")
    p.add_argument("--full", action="store_true", help="send every graph again, whatever the last push sent")
    p.set_defaults(func=run)


def add_endpoint(p: argparse.ArgumentParser, flag: str, text: str) -> None:
    """``flag URL``, ``--server``, the three URLs one by one and ``--timeout``."""
    p.add_argument(flag, metavar="URL", default=None, help=text)
    p.add_argument("--server", choices=sorted(PRESETS), default="oxigraph",
                   help="how the server names its URLs (default oxigraph: /query /update /store; "
                        "virtuoso: /sparql /sparql-graph-crud-auth; generic: URL for all three)")
    p.add_argument("--query-url", metavar="URL", help="the SPARQL query URL, if not the preset's")
    p.add_argument("--update-url", metavar="URL", help="the SPARQL update URL, if not the preset's")
    p.add_argument("--store-url", metavar="URL", help="the Graph Store Protocol URL, if not the preset's")
    p.add_argument("--timeout", type=float, default=TIMEOUT, metavar="S",
                   help=f"seconds to wait for the server's answer (default {TIMEOUT:g})")


def endpoint_of(a: argparse.Namespace, flag: str, needs: tuple[str, ...] = ("update", "store")) -> Endpoint | None:
    """The endpoint the arguments name (None when none is named); E096 for a bad or missing URL."""
    base = getattr(a, flag.lstrip("-").replace("-", "_"))
    given = {k: getattr(a, f"{k}_url") for k in ("query", "update", "store")}
    if base is None and not any(given.values()):
        return None
    if base is not None:
        check_url(flag, base)
    e = Endpoint.of(base or "", a.server, a.timeout, **given)
    for k in needs:
        url = getattr(e, k)
        if not url:
            raise KgError("E096", option=f"--{k}-url", detail=f"needed (or {flag} URL)")
        check_url(f"--{k}-url" if given[k] else flag, url)
    return e


def push_and_report(out: Path, endpoint: Endpoint, full: bool = False, progress: bool = True) -> None:
    """Push and print the one line that says what was sent."""
    from ..remote.push import push
    from .common import one_line
    r = push(out, endpoint, full=full, progress=progress)
    print(one_line(f"kg: pushed {out} to {endpoint.store}: {r.sent} graphs sent, {r.dropped} dropped, "
                   f"{r.unchanged} unchanged; {r.seconds:.1f} s"))


def run(a: argparse.Namespace) -> int:
    e = endpoint_of(a, "--endpoint")
    if e is None:
        raise KgError("E096", option="--endpoint", detail="the URL of the SPARQL server is needed")
    push_and_report(Path(a.out), e, full=a.full, progress=not a.quiet)
    return 0
