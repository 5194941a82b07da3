"""Per-article extractions as JSON Lines, in the evaluation guide's contract."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..fsutil import atomic_write
from ..model import Doc


def extractions_text(docs: Iterable[Doc]) -> str:
    """One JSON object per article, in article order, keys in a fixed order."""
    return "".join(json.dumps(d.to_contract(), ensure_ascii=False) + "\n" for d in docs)


def write_extractions(docs: Iterable[Doc], path: Path) -> None:
    """Write the extractions of ``docs`` to ``path`` atomically."""
    atomic_write(path, extractions_text(docs))


def stream_extractions(docs: Iterable[Doc], path: Path) -> None:
    """Write the extractions of ``docs`` to the new file ``path`` line by line (no whole-file string)."""
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.to_contract(), ensure_ascii=False) + "\n")
