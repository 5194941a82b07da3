"""The text of an HTML page: paragraphs and headings, without markup, scripts or page chrome."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from .dates import iso_date

_BLOCK = {"p", "div", "li", "tr", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
          "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "figure", "figcaption",
          "header", "address", "caption", "center", "body"}
_CELL = {"td", "th"}
# Never article text: code, styles, and the navigation, footer and forms around the article.
_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
         "svg", "math", "select", "button", "object", "canvas", "audio", "video", "menu", "textarea"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param", "keygen"}
# Old table-layout news sites mark their chrome only by id/class; matched as whole names.
_CHROME_NAMES = {"nav", "navbar", "navigation", "menu", "footer", "foot", "breadcrumb", "crumb",
                 "sidebar", "copyright", "share", "comment", "comments", "related", "toolbar", "topbar"}
_NEVER_CHROME = {"html", "body", "main", "article"}
# <meta name=… content=…> holding the publication date.
_DATE_META = {"pubdate", "publishdate", "publish_date", "publish-date", "publishtime", "article:published_time",
              "og:release_date", "date", "dc.date", "dc.date.issued", "dcterms.date", "contentpublishtime"}
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
# A line break between Chinese characters is source wrapping, not a space.
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_META = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
                   rb"""|<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in ``<meta>`` (or an XML declaration), if any.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb2312'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    m = _META.search(raw[:8192])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


class _TextParser(HTMLParser):
    def __init__(self, chrome_names: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.chrome_names = chrome_names
        self.date: str | None = None
        self.parts: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self._skip: list[str] = []       # open elements whose content is dropped
        self._open: list[str] = []       # article/main elements we are inside
        self._in_title = False
        self._in_h1 = False
        self._pre = 0

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in _SKIP or a.get("role", "").lower() in _SKIP_ROLES or "hidden" in a:
            return True
        if a.get("aria-hidden", "").lower() == "true":
            return True
        if _DISPLAY_NONE.search(a.get("style", "")):
            return True
        if self.chrome_names and tag not in _NEVER_CHROME:
            names = {a.get("id", "").lower(), *a.get("class", "").lower().split()}
            if names & _CHROME_NAMES:
                return True
        return tag == "header" and not self._open      # the page's header, not the article's

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and self.date is None:
            a = {k.lower(): (v or "") for k, v in attrs}
            if (a.get("name") or a.get("property") or a.get("itemprop") or "").lower() in _DATE_META:
                self.date = iso_date(a.get("content", ""))
        if tag in ("article", "main"):
            self._open.append(tag)
        if tag in _BLOCK:
            self._in_title = False                # an unclosed <title> must not swallow the body
        if tag not in _VOID and (self._skip or self._skipped(tag, attrs)):
            self._skip.append(tag)
            return
        if self._skip:
            return
        if tag == "title" and not self.title:
            self._in_title = True
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append("\t")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "pre":
            self._pre += 1
        if tag in ("h1", "h2", "h3", "h4"):
            self.parts.append("#" * int(tag[1]) + " ")
            self._in_h1 = tag == "h1" and not self.h1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)     # <br/> is one line break, not two

    def handle_endtag(self, tag: str) -> None:
        if tag in ("article", "main") and tag in self._open:
            self._open.remove(tag)
        if self._skip:
            if tag in self._skip:
                while self._skip.pop() != tag:
                    pass
            elif tag in ("body", "html"):
                self._skip.clear()                # an unclosed <nav> must not eat the page
            return
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._skip:
            return
        if not self._pre:
            data = _SPACES.sub(" ", _WRAP.sub("", data))
        if self._in_h1:
            self.h1.append(data)
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return ``(text, title)`` of an HTML document.

    Block elements become paragraphs (separated by a blank line), ``<br>`` a
    line break; navigation, footers, forms and scripts are dropped; entities
    are decoded. The title is ``<title>``, else the first ``<h1>``.

    >>> html_to_text("<html><title>T</title><body><h1>标题</h1><p>正文<script>x()</script></p></body></html>")
    ('# 标题\\n\\n正文', 'T')
    >>> html_to_text("<nav>首页</nav><p>第一行<br/>第二行&nbsp;&amp;&#12290;</p><footer>版权</footer>")
    ('第一行\\n第二行 &。', None)
    """
    text, title, _ = read_html(markup)
    return text, title


def read_html(markup: str) -> tuple[str, str | None, str | None]:
    """``(text, title, date)`` of an HTML page; the date from a ``<meta>`` such as ``PubDate``.

    Elements whose id or class is a chrome name (``footer``, ``nav`` …) are
    dropped too, unless that leaves no text at all.

    >>> read_html('<meta name="PubDate" content="2024-05-06 09:30"><div id="nav">首页</div><p>正文</p>')
    ('正文', None, '2024-05-06')
    >>> read_html('<div class="footer"><p>只有这一段</p></div>')[0]
    '只有这一段'
    """
    p = _parse(markup, chrome_names=True)
    text = _tidy("".join(p.parts))
    if not text:
        p = _parse(markup, chrome_names=False)
        text = _tidy("".join(p.parts))
    title = " ".join("".join(p.title).split()) or " ".join("".join(p.h1).split()) or None
    return text, title, p.date


def _parse(markup: str, chrome_names: bool) -> _TextParser:
    p = _TextParser(chrome_names)
    try:
        p.feed(markup)
        p.close()
    except AssertionError:                        # markup html.parser gives up on
        p.parts = [unescape(re.sub(r"<[^>]*>", "\n", markup))]
    return p


def _tidy(raw: str) -> str:
    """Strip lines, keep at most one blank line."""
    out: list[str] = []
    for ln in raw.split("\n"):
        ln = ln.strip()
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()
