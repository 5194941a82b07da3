"""`kg build` end to end on the RDF side: byte-identical rebuilds, skipped articles, --base, store files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import main

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[:2]


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("src")
    for f in SEEDS:
        shutil.copy(f, d / f.name)
    return d


def test_rebuild_is_byte_identical_and_skips_unchanged_articles(src, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    first = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.trig")}
    assert "store: 2 added" in capsys.readouterr().out
    assert (out / "store").is_dir()
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    assert "store: 2 unchanged" in capsys.readouterr().out
    assert {n: (out / n).read_bytes() for n in first} == first
    # a fresh build elsewhere gives the same bytes too
    other = tmp_path / "other"
    assert main(["build", str(src), "-o", str(other), "-q"]) == 0
    assert {n: (other / n).read_bytes() for n in first} == first
    assert main(["validate", str(out)]) == 0


def test_base_option_sets_entity_iris(src, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q", "--base", "http://example.org/kg/"]) == 0
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix article: <http://example.org/kg/article/> ." in ttl
    assert "kg.example.org/id/" not in ttl
    capsys.readouterr()
    assert main(["query", "SELECT ?a WHERE { ?a a kg:Article } ORDER BY ?a", "--out", str(out),
                 "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("http://example.org/kg/article/")


def test_bad_base_is_one_line_error(src, tmp_path, capsys):
    assert main(["build", str(src), "-o", str(tmp_path / "o"), "-q", "--base", "no iri"]) == 1
    err = capsys.readouterr().err
    assert "invalid base IRI" in err and len(err.strip().splitlines()) == 1
