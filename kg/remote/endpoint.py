"""A SPARQL 1.1 server's three URLs (query, update, graph store) and HTTP requests to them.

``--endpoint BASE`` with ``--server`` names them after the server's habits:

>>> Endpoint.of("http://127.0.0.1:7878", "oxigraph").store
'http://127.0.0.1:7878/store'
>>> e = Endpoint.of("http://h:8890/", "virtuoso"); e.query, e.store
('http://h:8890/sparql', 'http://h:8890/sparql-graph-crud-auth')
>>> Endpoint.of("http://h/ds", "generic").update
'http://h/ds'

Credentials never come from the command line: ``KG_SPARQL_USER`` and
``KG_SPARQL_PASSWORD``, else the ``machine`` entry of the server's host in
``$NETRC`` or ``~/.netrc``; they are sent as HTTP Basic (or Digest, when the
server asks for it).
"""
from __future__ import annotations

import netrc
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cached_property

from ..errors import KgError

# server → (query path, update path, graph store path, extra query parameters)
PRESETS: dict[str, tuple[str, str, str, tuple[tuple[str, str], ...]]] = {
    # Oxigraph: queries see the union of all graphs with union-default-graph, as the embedded store does
    "oxigraph": ("query", "update", "store", (("union-default-graph", ""),)),
    # Virtuoso: a query without FROM sees every graph already
    "virtuoso": ("sparql", "sparql", "sparql-graph-crud-auth", ()),
    # one URL for all three (Fuseki's dataset URL); its default graph must be the union (see the README)
    "generic": ("", "", "", ()),
}
TIMEOUT = 60.0
USER_ENV, PASSWORD_ENV = "KG_SPARQL_USER", "KG_SPARQL_PASSWORD"


def check_url(option: str, url: str) -> str:
    """``url`` when it is an http(s) URL with a host, else E096.

    >>> check_url("--endpoint", "ftp://x")
    Traceback (most recent call last):
    kg.errors.KgError: --endpoint: not an http(s) URL: 'ftp://x'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError("E096", option=option, detail=f"not an http(s) URL: {url!r}")
    if parts.username or parts.password:
        raise KgError("E096", option=option,
                      detail=f"no credentials in the URL; set {USER_ENV} and {PASSWORD_ENV} or use ~/.netrc")
    return url


@dataclass(frozen=True)
class Endpoint:
    """Where to query, update and PUT graphs; ``params``: extra parameters of every query."""
    query: str
    update: str
    store: str
    params: tuple[tuple[str, str], ...] = ()
    timeout: float = TIMEOUT

    @classmethod
    def of(cls, base: str, server: str = "oxigraph", timeout: float = TIMEOUT, query: str | None = None,
           update: str | None = None, store: str | None = None) -> Endpoint:
        """The endpoint of the server at ``base`` (a preset of ``PRESETS``), with any URL given one by one."""
        q, u, s, params = PRESETS[server]
        root = base.rstrip("/") + "/" if base else ""

        def url(path: str) -> str:
            return root + path if path else base

        return cls(query or url(q), update or url(u), store or url(s), params, timeout)

    @cached_property
    def opener(self) -> urllib.request.OpenerDirector:
        """A URL opener that authenticates with the credentials of the environment or netrc, if any."""
        handlers: list = []
        user, password = credentials(urllib.parse.urlsplit(self.store).hostname or "")
        if user is not None:
            mgr = urllib.request.HTTPPasswordMgrWithPriorAuth()
            for url in {self.query, self.update, self.store}:
                mgr.add_password(None, url, user, password, is_authenticated=True)
            handlers += [urllib.request.HTTPBasicAuthHandler(mgr), urllib.request.HTTPDigestAuthHandler(mgr)]
        return urllib.request.build_opener(*handlers)

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, ok: tuple[int, ...] = ()) -> tuple[str, bytes]:
        """Send one request; return the response's content type and body.

        E093 when the server cannot be reached or does not answer in time, E094 when it
        answers with an error status (but those in ``ok``, whose body is returned).
        """
        req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return resp.headers.get("Content-Type", ""), resp.read()
        except urllib.error.HTTPError as e:
            if e.code in ok:
                return "", b""
            raise refused(url, e) from None
        except (urllib.error.URLError, OSError, socket.timeout) as e:
            reason = getattr(e, "reason", e)
            raise KgError("E093", url=url, detail=" ".join(str(reason).split()) or type(e).__name__) from None


def refused(url: str, e: urllib.error.HTTPError) -> KgError:
    """E094 for an error status, with the first line of the server's message."""
    try:
        text = e.read().decode("utf-8", "replace")
    except OSError:
        text = ""
    detail = " ".join(text.split())[:200] or e.reason or "no message"
    hint = (f"; credentials come from {USER_ENV}/{PASSWORD_ENV} or ~/.netrc" if e.code in (401, 403) else "")
    return KgError("E094", url=url.split("?")[0], status=e.code, detail=detail, hint=hint)


def credentials(host: str) -> tuple[str | None, str | None]:
    """(user, password) for ``host`` from the environment, else from netrc; (None, None) when none.

    >>> os.environ[USER_ENV], os.environ[PASSWORD_ENV] = "u", "p"
    >>> credentials("example.org")
    ('u', 'p')
    >>> del os.environ[USER_ENV], os.environ[PASSWORD_ENV]
    """
    user = os.environ.get(USER_ENV)
    if user:
        return user, os.environ.get(PASSWORD_ENV, "")
    path = os.environ.get("NETRC") or os.path.join(os.path.expanduser("~"), ".netrc")
    try:
        entry = netrc.netrc(path).authenticators(host)
    except (OSError, netrc.NetrcParseError):
        return None, None
    if entry is None:
        return None, None
    login, _, password = entry
    return login, password or ""
