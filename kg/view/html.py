r"""The single self-contained ``graph.html``: our template, vis-network inlined, the data as escaped JSON.

Nothing is fetched when the page opens: the vis-network script shipped inside
pyvis is copied into the page, with our own style sheet and script; pyvis's
templates (which link CDNs and bootstrap) are not used.

>>> print(script_json({"label": "</script><!--"}))
{"label":"\u003c/script\u003e\u003c!--"}
>>> import json; json.loads(script_json({"x": "a\u2028b"})) == {"x": "a\u2028b"}
True
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

VIS_VERSION = "9.1.2"
# The page's own script, in parts (static/view-<part>.js) joined in this order inside one function.
APP_PARTS = ("core", "batch", "labels", "filters", "search", "address", "hover", "panel", "career", "paths",
             "download", "api")

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: Any) -> str:
    """``data`` as JSON safe to place inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes (so no ``</script>`` or ``<!--``
    can end or confuse the element), as do U+2028/U+2029; ``JSON.parse`` reads
    the same strings back.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """Text of a file shipped in ``kg/view`` (``templates/…`` or ``static/…``).

    >>> asset("templates/graph.html").startswith("<!doctype html>")
    True
    """
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network script that pyvis ships (its standalone build: no other file needed).

    >>> "vis-network" in vis_network_js()[:200]
    True
    """
    base = resources.files("pyvis").joinpath("lib")
    path = base.joinpath(f"vis-{VIS_VERSION}", "vis-network.min.js")
    if not path.is_file():   # another pyvis: take the newest vis it ships
        found = sorted((p for p in base.iterdir() if p.name.startswith("vis-")),
                       key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
        path = found[-1].joinpath("vis-network.min.js")
    # A script element ends at the first "</script": make sure the library cannot contain one.
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


def app_js() -> str:
    """The page's own script: the parts of ``APP_PARTS`` joined inside one function (they share its variables).

    >>> app_js().startswith("(function () {") and app_js().rstrip().endswith("})();")
    True
    """
    return "(function () {\n" + "".join(asset(f"static/view-{p}.js") for p in APP_PARTS) + "})();\n"


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_policy(*scripts: str) -> str:
    """The page's Content-Security-Policy: no network at all, and only our own scripts (by hash) may run.

    >>> content_policy("x=1").split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-HyBrEcI+KMwlDe1/wAmNOCOoRnpUNA8axOU1y4VEST8='"]
    """
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_sha256(s) for s in scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def notice(shown: dict[str, int] | None) -> str:
    """The line a bounded page shows above the network (see ``bound.bounded``), as markup; "" for a whole graph.

    >>> print(notice({"nodes": 3000, "of_nodes": 103128, "links": 9000, "of_links": 1069753, "per_link": 5}))
    <p id="notice" role="note">图太大，仅显示关系最多的 3,000 / 103,128 个实体及其间的 9,000 / 1,069,753 条关系（每条关系最多列出最新的 5 条事实）；其余实体请用 <code>kg view OUT --focus 名称</code> 查看。 Large graph: showing the 3,000 most connected of 103,128 entities and the 9,000 of 1,069,753 links among them (with at most the 5 latest facts of each link); for any other entity, run <code>kg view OUT --focus NAME</code>.</p>
    """
    if not shown:
        return ""
    n, N, e, E = (f"{shown[k]:,}" for k in ("nodes", "of_nodes", "links", "of_links"))
    k = shown["per_link"]
    return (f'<p id="notice" role="note">图太大，仅显示关系最多的 {n} / {N} 个实体及其间的 {e} / {E} 条关系'
            f"（每条关系最多列出最新的 {k} 条事实）；其余实体请用 <code>kg view OUT --focus 名称</code> 查看。 "
            f"Large graph: showing the {n} most connected of {N} entities and the {e} of {E} links among them "
            f"(with at most the {k} latest facts of each link); for any other entity, run "
            f"<code>kg view OUT --focus NAME</code>.</p>")


def render(data: dict[str, Any]) -> str:
    """The page for view ``data`` (from ``payload.view_data``), as one HTML string.

    >>> from kg.view.payload import view_data
    >>> from kg.view.sample import sample_graph
    >>> page = render(view_data(sample_graph(), title="青石"))
    >>> "<title>青石</title>" in page and page.count('<script id="kg-data"') == 1
    True
    """
    vis_js, app = vis_network_js(), app_js()
    parts = {
        "TITLE": html.escape(str(data.get("title", "")), quote=True),
        "CSP": content_policy(vis_js, app),
        "STYLE": asset("static/view.css"),
        "VIS": vis_js,
        "APP": app,
        "DATA": script_json(data),
        "NOTICE": notice(data.get("shown")),
    }
    # One pass over the template: inserted text is never scanned for markers again.
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], asset("templates/graph.html"))


def write_page(data: dict[str, Any], path: Path) -> None:
    """Write the page for ``data`` to ``path`` atomically, as UTF-8 (``kg.view.write_html`` is the usual way in)."""
    from ..fsutil import atomic_write
    atomic_write(path, render(data))
