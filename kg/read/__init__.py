"""Stage 1, read: source paths → ``Article`` objects.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("市长刘星来到灵石县。", encoding="utf-8")
>>> [a.id for a in read_sources([d])]
['a.txt']
"""
from __future__ import annotations

from .sources import read_sources, SUFFIXES

__all__ = ["read_sources", "SUFFIXES"]
