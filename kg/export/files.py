"""Graph files (placeholder, being written)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset


def write_graph_files(ds: Dataset, out: Path) -> int:
    (out / "graph.ttl").write_text("", encoding="utf-8")
    (out / "graph.trig").write_text("", encoding="utf-8")
    return 0
