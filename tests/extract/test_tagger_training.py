"""The tagger's training script: it runs end to end on a corpus it is given, and never trains on held-out sentences."""
from __future__ import annotations

import hashlib

import pytest

from kg.cli import main
from kg.extract.tagger_train import drop_held_out, read_bmes

# Sentences written for this test, BMES-tagged one character a line.
_SENTS = [
    [("张", "B-PER"), ("小", "M-PER"), ("明", "E-PER"), ("在", "O"), ("东", "B-LOC"), ("山", "M-LOC"),
     ("县", "E-LOC"), ("工", "O"), ("作", "O"), ("。", "O")],
    [("李", "B-PER"), ("华", "E-PER"), ("到", "O"), ("甲", "B-ORG"), ("乙", "M-ORG"), ("公", "M-ORG"),
     ("司", "E-ORG"), ("上", "O"), ("班", "O"), ("。", "O")],
    [("王", "B-PER"), ("五", "E-PER"), ("说", "O"), ("，", "O"), ("西", "B-LOC"), ("河", "E-LOC"),
     ("很", "O"), ("美", "O"), ("。", "O")],
]


def _bmes(sents) -> str:
    return "\n\n".join("\n".join(f"{c} {t}" for c, t in s) for s in sents) + "\n"


def _sha1(s) -> str:
    return hashlib.sha1("".join(c for c, _ in s).encode("utf-8")).hexdigest()


def test_training_runs_end_to_end_on_a_given_corpus_and_the_model_tags(tmp_path, capsys):
    import pycrfsuite

    from kg.extract.tagger_features import features
    from kg.extract.tokenize import tokenize
    corpus = tmp_path / "tiny.txt"
    corpus.write_text(_bmes(_SENTS * 20), encoding="utf-8")
    held = tmp_path / "held.txt"
    held.write_text("# none held out\n", encoding="utf-8")
    out = tmp_path / "m.crfsuite"
    assert main(["train-ner", "--corpus", str(corpus), "--held-out", str(held), "-o", str(out),
                 "--iterations", "30", "--min-freq", "1"]) == 0
    assert "60 sentences" in capsys.readouterr().out
    t = pycrfsuite.Tagger()
    t.open(str(out))
    text = "张小明在东山县工作。"
    assert t.tag(features(text, tokenize(text)))[:3] == ["B-PER", "M-PER", "E-PER"]
    assert not list(tmp_path.glob(".train-*"))          # no temp file left behind


def test_held_out_sentences_are_dropped_before_training(tmp_path, capsys):
    held = tmp_path / "held.txt"
    held.write_text("# SHA-1 of the characters joined, UTF-8\n" + _sha1(_SENTS[1]) + "\n", encoding="utf-8")
    kept, dropped = drop_held_out(list(read_bmes(_bmes(_SENTS).splitlines())),
                                  frozenset([_sha1(_SENTS[1])]))
    assert dropped == 1 and [_sha1(s) for s in kept] == [_sha1(_SENTS[0]), _sha1(_SENTS[2])]
    corpus = tmp_path / "tiny.txt"
    corpus.write_text(_bmes(_SENTS * 3), encoding="utf-8")
    assert main(["train-ner", "--corpus", str(corpus), "--held-out", str(held), "-o", str(tmp_path / "m"),
                 "--iterations", "5", "--min-freq", "1"]) == 0
    out = capsys.readouterr().out
    assert "6 sentences" in out and "3 held out" in out


def test_the_shipped_held_out_list_is_the_msra_test_set():
    from kg.extract.tagger import HELD_OUT
    lines = [x for x in HELD_OUT.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    assert len(lines) > 3000 and all(len(x) == 40 for x in lines)


def test_an_empty_corpus_is_a_clear_error(tmp_path, capsys):
    corpus = tmp_path / "empty.txt"
    corpus.write_text("\n\n", encoding="utf-8")
    assert main(["train-ner", "--corpus", str(corpus), "-o", str(tmp_path / "m")]) == 1
    assert "no training sentences" in capsys.readouterr().err


def test_a_corpus_that_cannot_be_fetched_is_a_one_line_error(tmp_path, monkeypatch):
    """No registry reachable: the error names the cause and the ways around it, nothing half-written."""
    import subprocess

    import pytest

    from kg.errors import KgError
    from kg.extract import tagger_train

    def failing_pip(cmd, **kw):
        return subprocess.CompletedProcess(cmd, 1, "", "ERROR: Could not find a version that satisfies the requirement\n")
    monkeypatch.setattr(tagger_train.subprocess, "run", failing_pip)
    with pytest.raises(KgError) as e:
        tagger_train.fetch_corpus(tmp_path / "corpus")
    assert e.value.code == "E070" and "\n" not in str(e.value) and "--disable" in str(e.value)
    assert not list((tmp_path / "corpus").glob("*.whl"))
