"""Stage 1, read: source paths → ``Article`` objects.

``files`` finds the article files, ``decode`` turns bytes into text (UTF-8,
UTF-16, GB18030/GBK, Big5 …), ``html`` takes the text out of a page,
``jsonl`` reads one article per line, ``dates`` makes metadata dates ISO,
``text`` drops control characters;
``sources.read_sources`` ties them together. Problems are ``KgError``
warnings naming the file (and line), never exceptions out of a run.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("县长来到东湖镇检查工作。", encoding="utf-8")
>>> [a.id for a in read_sources([d])]
['a.txt']
"""
from __future__ import annotations

from .sources import MAX_BYTES, SUFFIXES, read_sources

__all__ = ["read_sources", "SUFFIXES", "MAX_BYTES"]
