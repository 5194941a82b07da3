"""The text of an HTML page: paragraphs and headings, without markup or scripts."""
from __future__ import annotations

from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "tr", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "title", "table", "ul", "ol", "blockquote", "pre"}
_SKIP = {"script", "style", "noscript", "template", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._heading = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP and tag != "head":
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag in ("h1", "h2", "h3", "h4") and not self._skip:
            self._heading = int(tag[1])
            self.parts.append("#" * self._heading + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag != "head" and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    """Return ``(text, title)`` of an HTML document.

    >>> html_to_text("<html><title>T</title><body><h1>标题</h1><p>正文<script>x()</script></p></body></html>")
    ('# 标题\\n\\n正文', 'T')
    """
    p = _TextParser()
    p.feed(markup)
    p.close()
    lines = [ln.strip() for ln in "".join(p.parts).split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    title = " ".join("".join(p.title).split()) or None
    return "\n".join(out).strip(), title
