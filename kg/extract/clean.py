"""Scanned newspaper pages → clean text: broken lines joined, page furniture dropped, stories found."""
from __future__ import annotations

import re
import unicodedata

from ..model import Doc
from .registry import rule

# Page furniture: jump lines, page numbers, edition marks.
_FURNITURE = re.compile(
    r"[（(]\s*(?:下转|上接|转|接)第?\s*[0-9０-９一二三四五六七八九十]+\s*版[^）)]{0,8}[）)]"
    r"|^\s*第?\s*[0-9０-９]+\s*版\s*$"
    r"|^\s*-\s*\d+\s*-\s*$",
    re.M)
_END = set("。！？!?；;：:…”’」』）)】")
_HEADING = re.compile(r"^#{1,6}\s")
# A line that starts a list item or a dated résumé entry begins a new line of its own.
_ITEM = re.compile(r"^(?:(?:19|20)\d{2}\s*[.年\-—]|[（(]?[一二三四五六七八九十0-9]{1,3}[、.）)]|[•·●■◆▪-]\s)")
_BYLINE = re.compile(r"^(?:本报)?(?:记者|通讯员|实习生|特约|见习|摄影|编辑|责编)|摄$|[（(][^）)]{1,20}[）)]$"
                     r"|(?:记者|通讯员|实习生|摄影)(?:\s+[\u4e00-\u9fff]{2,4}){1,6}$")


# Full-width digits, letters and the signs between them (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII, one table for str.translate.
_HALF_WIDTH = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF10, 0xFF5B)}


def normalise(text: str) -> str:
    """Unify line ends, width of ASCII letters/digits and stray spaces, keep Chinese punctuation."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    return re.sub(r"[ \t]+", " ", text.translate(_HALF_WIDTH))


def _joinable(line: str, nxt: str) -> bool:
    """Does ``line`` continue in ``nxt`` (a sentence or word broken by the page layout)?"""
    if not line or not nxt or _HEADING.match(line) or _HEADING.match(nxt):
        return False
    if line[-1] in _END or _BYLINE.search(line.strip()):
        return False
    if not re.search(r"[，,、；;：:“”]", line):
        return False              # unpunctuated lines are headlines, captions, bylines
    return not _BYLINE.match(nxt) and not _ITEM.match(nxt)


def join_lines(text: str) -> str:
    """Join lines that the page layout broke inside a sentence or a word.

    >>> join_lines("同时，全县组建教育\\n\\n保障、医疗保障专项工作组。")
    '同时，全县组建教育保障、医疗保障专项工作组。'
    >>> join_lines("# 标题\\n\\n本报记者 王明\\n\\n正文。")   # headings and bylines stay on their lines
    '# 标题\\n\\n本报记者 王明\\n\\n正文。'
    """
    lines = [ln.strip() for ln in text.split("\n")]
    out: list[str] = []
    pending_blank = False
    for ln in lines:
        if not ln:
            pending_blank = True
            continue
        if out and _joinable(out[-1], ln):
            out[-1] += ln
        else:
            if out and pending_blank:
                out.append("")
            out.append(ln)
        pending_blank = False
    return "\n".join(out)


def clean(doc: Doc) -> Doc:
    """Component: fill ``doc.text`` with the cleaned article text and ``doc.stories``."""
    text = _FURNITURE.sub("", normalise(doc.article.text))
    text = join_lines(text)
    doc.text = text
    doc.stories = stories(text)
    return doc


def stories(text: str) -> list[tuple[int, int, str]]:
    """Split at top-level headings (``#``/``##``); each story keeps its heading and body.

    >>> [h for _, _, h in stories("# 甲\\n正文\\n## 乙\\n正文")]
    ['甲', '乙']
    """
    starts = [(m.start(), m.group(1).strip()) for m in re.finditer(r"^#{1,2}\s+(.+)$", text, re.M)]
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, ""))
    # consecutive headings (title + subtitle) belong to the same story
    merged: list[tuple[int, str]] = []
    for pos, head in starts:
        if merged and not text[merged[-1][0]:pos].strip("# \n").replace(merged[-1][1], "").strip():
            merged[-1] = (merged[-1][0], (merged[-1][1] + " " + head).strip())
        else:
            merged.append((pos, head))
    bounds = [p for p, _ in merged] + [len(text)]
    return [(bounds[i], bounds[i + 1], merged[i][1]) for i in range(len(merged))]


@rule("prepare.clean", stage="prepare", assigns=("text", "stories"), optional=False)
def _clean(w) -> None:
    """Clean text: broken lines joined, page furniture dropped, stories found."""
    clean(w.doc)
