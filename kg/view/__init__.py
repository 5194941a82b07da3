"""Stage 6, view: a resolved ``Graph`` → an interactive offline HTML network (placeholder)."""
from __future__ import annotations

from pathlib import Path

from ..model import Graph


def write_html(graph: Graph, path: Path) -> None:
    path.write_text("<!doctype html>", encoding="utf-8")
