"""Fixtures shared by several test files."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.export.files import write_graph_files
from kg.rdf import build_dataset
from kg.rdf.example import sample_graph
from kg.store import open_store, sync


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test gets an empty extraction cache of its own (never the user's ~/.cache/kg)."""
    d = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("KG_CACHE_DIR", str(d))
    return d


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A build folder (store, graph.ttl, graph.trig) of the small sample graph."""
    out = tmp_path_factory.mktemp("out")
    ds = build_dataset(sample_graph())
    with open_store(out, create=True) as store:
        sync(store, ds)
    write_graph_files(ds, out)
    return out
