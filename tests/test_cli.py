"""The ``kg`` command end to end: ``python -m kg`` in a subprocess and ``kg.cli.main`` in-process.

Only the output contract is checked, never which entities the extractor finds.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kg.commands.common
import kg.fsutil
from kg import cli
from kg.model import ENTITY_TYPES, PREDICATES

# Articles written for these tests (not the seed articles' sentences).
COUNTY = ("东湖县召开春耕生产工作会议\n"
          "3月12日，县长赵建国到东湖镇检查春耕备耕工作，要求各级干部深入田间地头，"
          "帮助群众解决农资供应和技术指导方面的实际困难。")
CITY = ("市住建局召开全市城市更新工作推进会，局长孙立平出席会议并讲话。"
        "会议强调，要加快老旧小区改造进度，确保年底前完成改造任务。")
PARK = ("<html><head><title>滨河公园项目签约</title></head><body><nav>首页 | 要闻</nav>"
        "<article><h1>滨河公园项目签约</h1><p>新区管委会与华信建设集团签署合作协议，"
        "共同推进滨河公园项目建设。<br>副区长陈明主持签约仪式。</p></article>"
        "<footer>版权所有</footer></body></html>")
BATCH = [{"id": "j-1", "text": "南山区教育局局长周红到实验小学调研校园安全工作。", "date": "2024-04-02"},
         {"id": "j-2", "text": "市纪委监委对原市农业局副局长吴立新涉嫌严重违纪违法问题进行审查调查。",
          "title": "审查调查", "source": "市报"}]
IDS = ["01_county.txt", "02_city.md", "03_park.html", "j-1", "j-2"]
OUTPUTS = ("graph.ttl", "graph.trig", "graph.html", "extractions.jsonl")
SUMMARY = re.compile(r"^kg: (\d+) articles; entities: " + ", ".join(rf"{t} \d+" for t in ENTITY_TYPES)
                     + r"; \d+ relations; \d+ triples;(?: store: [^;]+;)?(?: [^;]+;)? \d+\.\d s → (.+)$")


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder of five articles in four formats and two encodings."""
    d = tmp_path / "news"
    d.mkdir()
    (d / "01_county.txt").write_text(COUNTY, encoding="utf-8")
    (d / "02_city.md").write_bytes(CITY.encode("gbk"))
    (d / "03_park.html").write_text(PARK, encoding="utf-8")
    (d / "04_batch.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in BATCH),
                                      encoding="utf-8")
    return d


def run_kg(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m kg ARGS`` as a user runs it (no KG_DEBUG)."""
    e = {k: v for k, v in os.environ.items() if k != "KG_DEBUG"}
    e.update(env or {})
    p = subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=e, capture_output=True,
                       text=True, timeout=600)
    assert_clean_stderr(p.stderr)
    return p


def kg_main(capsys, *args: str) -> tuple[int, str, str]:
    """``kg.cli.main(ARGS)`` in-process; returns (status, stdout, stderr)."""
    try:
        rc = cli.main(list(args))
    except SystemExit as e:           # argparse usage errors
        rc = e.code
    out, err = capsys.readouterr()
    assert_clean_stderr(err)
    return rc, out, err


def assert_clean_stderr(err: str) -> None:
    """No traceback, and every message is one line of its own starting with ``kg:`` (or argparse's usage)."""
    assert "Traceback" not in err
    for line in err.splitlines():
        # "kg: ..." messages; argparse's "usage: ..." (continued indented) and "kg build: error: ..."
        assert line.startswith(("kg: ", "kg build: ", "kg extract: ", "usage: ", "  ")) or not line.strip(), line


def check_contract(text: str, ids: list[str]) -> None:
    """``text`` is JSON Lines in the evaluation guide's shape, one object per article in order."""
    objs = [json.loads(line) for line in text.splitlines()]
    assert [o["article"] for o in objs] == ids
    for o in objs:
        assert isinstance(o["entities"], list) and isinstance(o["relations"], list)
        for ent in o["entities"]:
            assert ent["type"] in ENTITY_TYPES
            assert isinstance(ent["label"], str) and ent["label"]
            assert isinstance(ent["aliases"], list) and all(isinstance(a, str) for a in ent["aliases"])
        for rel in o["relations"]:
            assert rel["p"] in PREDICATES and isinstance(rel["s"], str)


def check_build(out: Path, stdout: str, articles: int) -> None:
    lines = stdout.splitlines()
    assert len(lines) == 1 or len(lines) == 2 and lines[1].startswith("kg: home unknown (null) in "), stdout
    m = SUMMARY.match(lines[0])
    assert m, lines[0]
    assert int(m[1]) == articles
    for name in OUTPUTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert not list(out.glob(".kg-build-*"))


# ---- the good path ---------------------------------------------------------------------------

def test_build_subprocess(news, tmp_path):
    p = run_kg("build", "news", "-o", "out", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    check_build(tmp_path / "out", p.stdout, 5)
    assert p.stderr == ""
    assert SUMMARY.match(p.stdout.splitlines()[0])[2] == "out"
    check_contract((tmp_path / "out" / "extractions.jsonl").read_text(encoding="utf-8"), IDS)


def test_build_in_process(news, tmp_path, capsys):
    out = tmp_path / "o" / "deeper"
    rc, stdout, err = kg_main(capsys, "build", str(news), "-o", str(out), "--home", "东山县")
    assert rc == 0 and err == ""
    check_build(out, stdout, 5)


def test_build_into_existing_out_replaces_files(news, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", encoding="utf-8")
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    rc, stdout, _ = kg_main(capsys, "build", str(news / "01_county.txt"), "-o", str(out))
    assert rc == 0
    check_build(out, stdout, 1)
    assert (out / "graph.ttl").read_text(encoding="utf-8") != "old"
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_extract_subprocess_and_in_process_agree(news, tmp_path, capsys):
    p = run_kg("extract", "news", "--format", "jsonl", "-o", "x.jsonl", cwd=tmp_path)
    assert p.returncode == 0 and p.stderr == ""
    first = (tmp_path / "x.jsonl").read_text(encoding="utf-8")
    check_contract(first, IDS)
    rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(tmp_path / "y.jsonl"))
    assert rc == 0 and err == ""
    assert (tmp_path / "y.jsonl").read_text(encoding="utf-8") == first       # deterministic


def test_kg_script_works_like_python_m_kg(news, tmp_path):
    script = Path(sys.executable).with_name("kg")
    if not script.exists():
        pytest.skip("no kg console script beside this python")
    p = subprocess.run([str(script), "extract", "news", "-o", "a.jsonl"], cwd=tmp_path, capture_output=True, text=True)
    assert p.returncode == 0 and p.stderr == ""
    run_kg("extract", "news", "-o", "b.jsonl", cwd=tmp_path)
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_extract_to_standard_output(news, tmp_path):
    p = run_kg("extract", "news", "-o", "-", cwd=tmp_path)
    assert p.returncode == 0 and p.stderr == ""
    check_contract(p.stdout, IDS)


def test_extract_into_a_pipe_and_through_a_symlink(news, tmp_path, capsys):
    import threading
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(fifo))
    reader.join(timeout=60)
    assert rc == 0 and err == "" and fifo.is_fifo()                  # written into, not replaced
    check_contract(got[0].decode("utf-8"), IDS)
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(real)
    rc, _, _ = kg_main(capsys, "extract", str(news), "-o", str(tmp_path / "link.jsonl"))
    assert rc == 0 and (tmp_path / "link.jsonl").is_symlink()
    check_contract(real.read_text(encoding="utf-8"), IDS)


def test_extract_file_permissions_are_normal(news, tmp_path, capsys):
    rc, _, _ = kg_main(capsys, "extract", str(news / "01_county.txt"), "-o", str(tmp_path / "x.jsonl"))
    assert rc == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "x.jsonl").stat().st_mode & 0o777 == 0o666 & ~umask


def test_building_twice_into_the_source_folder(news, tmp_path):
    for _ in range(2):                                   # the second run must not read the first one's output
        p = run_kg("build", ".", "-o", "out", cwd=news)
        assert p.returncode == 0 and p.stderr == ""
        check_build(news / "out", p.stdout, 5)


def test_extract_twice_into_the_source_folder(news, capsys):
    for _ in range(2):
        rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(news / "x.jsonl"))
        assert rc == 0 and err == ""
    check_contract((news / "x.jsonl").read_text(encoding="utf-8"), IDS)


def test_extract_refuses_to_overwrite_an_input(news, capsys):
    f = news / "04_batch.jsonl"
    before = f.read_bytes()
    rc, _, err = kg_main(capsys, "extract", str(news / "01_county.txt"), str(f), "-o", str(f))
    assert rc == 1 and err == f"kg: error: {f}: is also an input; choose another output file\n"
    assert f.read_bytes() == before


# ---- bad input -------------------------------------------------------------------------------

def _fifo(p: Path) -> None:
    os.mkfifo(p)


def _loop(p: Path) -> None:
    p.symlink_to(p.with_name("loop-b"))
    p.with_name("loop-b").symlink_to(p)


def _empty_dir(p: Path) -> None:
    p.mkdir()
    (p / "scan.pdf").write_bytes(b"%PDF-1.4")


BAD = [  # (file name, how to make it, what the message says)
    ("missing.txt", None, "no such file or directory"),
    ("empty.txt", lambda p: p.write_bytes(b""), "file is empty"),
    ("blank.md", lambda p: p.write_bytes(b"\n  \n"), "file is empty"),
    ("image.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10), "binary file"),
    ("garbled.txt", lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 4), "cannot decode"),
    ("broken.jsonl", lambda p: p.write_text('{"id": "a", "text": "县长\n', encoding="utf-8"), "line 1: malformed JSON"),
    ("array.jsonl", lambda p: p.write_text("[1, 2]\n", encoding="utf-8"), "line 1: expected a JSON object"),
    ("notext.jsonl", lambda p: p.write_text('{"id": "a"}\n', encoding="utf-8"), 'needs a non-empty "text"'),
    ("badid.jsonl", lambda p: p.write_text('{"id": [1], "text": "县长讲话。"}\n', encoding="utf-8"), '"id" must be'),
    ("empty.html", lambda p: p.write_text("<nav>首页</nav><script>x()</script>", encoding="utf-8"), "no text"),
    ("report.pdf", lambda p: p.write_bytes(b"%PDF-1.4"), "unsupported file type"),
    ("pipe.txt", _fifo, "named pipe"),
    ("loop-a", _loop, "symbolic links"),
    ("nothing", _empty_dir, "folder has no"),
]


@pytest.mark.parametrize("name, make, says", BAD, ids=[b[0] for b in BAD])
def test_only_a_bad_input_exits_1(tmp_path, capsys, name, make, says):
    if make:
        make(tmp_path / name)
    out = tmp_path / "out"
    rc, stdout, err = kg_main(capsys, "build", str(tmp_path / name), "-o", str(out))
    assert rc == 1 and stdout == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"kg: warning: {tmp_path / name}") and says in lines[0], err
    assert lines[-1] == "kg: error: no articles could be read from the given sources"
    assert not out.exists()


@pytest.mark.parametrize("name, make, says", BAD, ids=[b[0] for b in BAD])
def test_a_bad_input_among_good_ones_is_skipped(news, tmp_path, capsys, name, make, says):
    if make:
        make(tmp_path / name)
    rc, stdout, err = kg_main(capsys, "extract", str(news), str(tmp_path / name), "-o", str(tmp_path / "x.jsonl"))
    assert rc == 0
    assert err.startswith(f"kg: warning: {tmp_path / name}") and says in err
    check_contract((tmp_path / "x.jsonl").read_text(encoding="utf-8"), IDS)


def test_bad_inputs_through_python_m_kg(news, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    p = run_kg("build", "empty.txt", "missing.md", "-o", "out", cwd=tmp_path)
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.splitlines() == ["kg: warning: empty.txt: file is empty",
                                     "kg: warning: missing.md: no such file or directory",
                                     "kg: error: no articles could be read from the given sources"]
    p = run_kg("build", "news", "empty.txt", "-o", "out", cwd=tmp_path)
    assert p.returncode == 0 and p.stderr == "kg: warning: empty.txt: file is empty\n"
    check_build(tmp_path / "out", p.stdout, 5)


def test_malformed_jsonl_line_among_good_lines(tmp_path, capsys):
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps(BATCH[0], ensure_ascii=False) + "\n{oops\n" + json.dumps(BATCH[1], ensure_ascii=False) + "\n",
                 encoding="utf-8")
    rc, _, err = kg_main(capsys, "extract", str(f), "-o", str(tmp_path / "x.jsonl"))
    assert rc == 0
    assert err.startswith(f"kg: warning: {f}: line 2: malformed JSON (")
    check_contract((tmp_path / "x.jsonl").read_text(encoding="utf-8"), ["j-1", "j-2"])


def test_gbk_and_big5_are_read_not_rejected(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(COUNTY.encode("gb18030"))
    (tmp_path / "b.txt").write_bytes("臺北市長到中正區視察防汛工作。".encode("big5"))
    rc, _, err = kg_main(capsys, "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "x.jsonl"))
    assert rc == 0 and err == ""
    check_contract((tmp_path / "x.jsonl").read_text(encoding="utf-8"), ["a.txt", "b.txt"])


def test_file_names_with_line_breaks_stay_on_one_line(tmp_path, capsys):
    (tmp_path / "bad\nname.txt").write_bytes(b"")
    rc, _, err = kg_main(capsys, "build", str(tmp_path / "bad\nname.txt"), "-o", str(tmp_path / "out"))
    assert rc == 1 and len(err.splitlines()) == 2 and "bad\\nname.txt: file is empty" in err


def test_undecodable_file_name(tmp_path):
    raw = os.fsencode(tmp_path) + b"/\xff\xfe.txt"
    with open(raw, "wb"):
        pass
    p = subprocess.run([sys.executable, "-m", "kg", "build", raw, "-o", str(tmp_path / "out")],
                       capture_output=True, timeout=600)
    err = p.stderr.decode("utf-8")
    assert p.returncode == 1 and "Traceback" not in err and "file is empty" in err


# ---- output paths ----------------------------------------------------------------------------

def test_extract_into_a_folder(news, tmp_path, capsys):
    d = tmp_path / "dir"
    d.mkdir()
    rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(d))
    assert rc == 1 and err == f"kg: error: {d}: cannot write (is a folder; give a file name)\n"
    assert list(d.iterdir()) == []


def test_build_into_a_file(news, tmp_path, capsys):
    f = tmp_path / "out"
    f.write_text("not a folder", encoding="utf-8")
    rc, _, err = kg_main(capsys, "build", str(news), "-o", str(f))
    assert rc == 1 and err == f"kg: error: {f}: cannot write (exists and is not a folder)\n"
    assert f.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("cmd", ["build", "extract"])
def test_empty_output_path_is_not_the_current_folder(news, tmp_path, capsys, monkeypatch, cmd):
    monkeypatch.chdir(tmp_path)
    rc, _, err = kg_main(capsys, cmd, str(news), "-o", "")
    assert rc == 1 and err == "kg: error: '': cannot write (empty output path)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news"]


@pytest.mark.parametrize("cmd", ["build", "extract"])
def test_output_below_a_file(news, tmp_path, capsys, cmd):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    target = tmp_path / "f" / "sub" / "out"
    rc, _, err = kg_main(capsys, cmd, str(news), "-o", str(target))
    assert rc == 1 and err.startswith(f"kg: error: {target}: cannot write (") and "is not a folder" in err


@pytest.mark.parametrize("cmd", ["build", "extract"])
def test_output_where_writing_is_not_allowed(news, tmp_path, capsys, monkeypatch, cmd):
    monkeypatch.setattr(kg.commands.common.os, "access", lambda *a, **k: False)
    rc, _, err = kg_main(capsys, cmd, str(news), "-o", str(tmp_path / "o"))
    assert rc == 1 and "cannot write (no permission" in err and str(tmp_path / "o") in err
    assert not (tmp_path / "o").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_output_in_a_read_only_folder_for_real(news, tmp_path, capsys):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(ro / "x.jsonl"))
    finally:
        ro.chmod(0o755)
    assert rc == 1 and "cannot write" in err


def test_failed_write_leaves_the_old_file(news, tmp_path, capsys, monkeypatch):
    f = tmp_path / "x.jsonl"
    f.write_text("old\n", encoding="utf-8")

    def no_rename(*a):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(kg.fsutil.os, "replace", no_rename)
    rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(f))
    assert rc == 1 and err == f"kg: error: {f}: cannot write (No space left on device)\n"
    assert f.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "x.jsonl"]     # no temp file left


# ---- failures midway keep old outputs --------------------------------------------------------

def _boom(*a, **k):
    raise RuntimeError("boom")


def test_extract_failing_midway_leaves_the_old_file(news, tmp_path, capsys, monkeypatch):
    import kg.extract
    f = tmp_path / "x.jsonl"
    f.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(kg.extract.Extractor, "__call__", _boom)
    rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(f))
    assert rc == 1 and err.startswith("kg: internal error: RuntimeError: boom")
    assert len(err.splitlines()) == 1
    assert f.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "x.jsonl"]


def test_extract_with_only_bad_inputs_leaves_the_old_file(tmp_path, capsys):
    f = tmp_path / "x.jsonl"
    f.write_text("old\n", encoding="utf-8")
    (tmp_path / "e.txt").write_bytes(b"")
    rc, _, _ = kg_main(capsys, "extract", str(tmp_path / "e.txt"), "-o", str(f))
    assert rc == 1 and f.read_text(encoding="utf-8") == "old\n"


def files(out: Path) -> dict[str, bytes]:
    """The files directly in ``out`` (the store folder is updated in place by design; the lock file stays)."""
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != ".kg-lock"}


def _old_out(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    out.mkdir()
    old = {name: f"old {name}".encode() for name in OUTPUTS}
    for name, data in old.items():
        (out / name).write_bytes(data)
    return out, old


@pytest.mark.parametrize("stage", ["view", "extractions", "rdf"])
def test_build_failing_midway_keeps_the_old_out(news, tmp_path, capsys, monkeypatch, stage):
    import kg.export.jsonl
    import kg.rdf
    import kg.view
    target = {"view": (kg.view, "write_html"), "extractions": (kg.export.jsonl, "stream_extractions"),
              "rdf": (kg.rdf, "build_dataset")}[stage]
    monkeypatch.setattr(*target, _boom)
    out, old = _old_out(tmp_path)
    rc, stdout, err = kg_main(capsys, "build", str(news), "-o", str(out))
    assert rc == 1 and stdout == ""
    assert err.startswith("kg: internal error: RuntimeError: boom") and len(err.splitlines()) == 1
    assert files(out) == old                                                # untouched
    assert not list(out.glob(".kg-build-*"))                                # no scratch left


def test_build_write_error_keeps_the_old_out(news, tmp_path, capsys, monkeypatch):
    import kg.view

    def disk_full(graph, path):
        raise OSError(28, "No space left on device", str(path))
    monkeypatch.setattr(kg.view, "write_html", disk_full)
    out, old = _old_out(tmp_path)
    rc, _, err = kg_main(capsys, "build", str(news), "-o", str(out))
    assert rc == 1 and err.startswith(f"kg: error: {out}: cannot write (No space left on device")
    assert files(out) == old and not list(out.glob(".kg-build-*"))


def test_failed_first_build_leaves_no_out(news, tmp_path, capsys, monkeypatch):
    import kg.view
    monkeypatch.setattr(kg.view, "write_html", _boom)
    rc, _, _ = kg_main(capsys, "build", str(news), "-o", str(tmp_path / "new"))
    assert rc == 1 and not (tmp_path / "new").exists()


# ---- exit statuses and the last-resort handler -----------------------------------------------

def test_debug_shows_the_traceback(news, tmp_path, capsys, monkeypatch):
    import kg.extract
    monkeypatch.setattr(kg.extract.Extractor, "__call__", _boom)
    monkeypatch.setenv("KG_DEBUG", "1")
    rc = cli.main(["extract", str(news), "-o", str(tmp_path / "x.jsonl")])
    err = capsys.readouterr().err
    assert rc == 1 and "Traceback" in err and err.rstrip().endswith("(KG_DEBUG=1 shows the traceback)")


def test_interrupt(news, tmp_path, capsys, monkeypatch):
    import kg.extract

    def stop(*a):
        raise KeyboardInterrupt
    monkeypatch.setattr(kg.extract.Extractor, "__call__", stop)
    rc, _, err = kg_main(capsys, "extract", str(news), "-o", str(tmp_path / "x.jsonl"))
    assert rc == 130 and err == "kg: interrupted\n"


@pytest.mark.parametrize("args", [[], ["build", "x"], ["extract", "x"], ["frobnicate"], ["extract", "x", "-o", "y", "--format", "csv"]])
def test_usage_errors_exit_2(tmp_path, args):
    p = run_kg(*args, cwd=tmp_path)
    assert p.returncode == 2 and p.stderr.startswith("usage: kg")


# ---- progress bar ----------------------------------------------------------------------------

class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def many(tmp_path: Path) -> Path:
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": f"n{i:02d}", "text": BATCH[i % 2]["text"]}, ensure_ascii=False) + "\n"
                         for i in range(25)), encoding="utf-8")
    return f


@pytest.mark.parametrize("quiet, shown", [([], True), (["-q"], False), (["--quiet"], False)])
@pytest.mark.parametrize("cmd", ["build", "extract"])
def test_progress_bar_on_a_terminal_only_without_q(many, tmp_path, monkeypatch, quiet, shown, cmd):
    import kg.progress
    monkeypatch.setattr(kg.progress, "DELAY", 0.0)       # as if every phase took long
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    rc = cli.main([*quiet, cmd, str(many), "-o", str(tmp_path / "o")])
    assert rc == 0
    assert ("25/25 articles" in tty.getvalue()) == shown
    if shown:
        assert tty.getvalue().endswith("\n") and "[" + "#" * 30 + "]" in tty.getvalue()
        assert re.search(r"articles/s, \d+\.\d s\)", tty.getvalue())         # a rate and the time so far
        phases = ["extract", "resolve", "rdf", "files", "view", "store"] if cmd == "build" else ["extract"]
        drawn = [line.split()[0] for line in tty.getvalue().replace("\r", "\n").splitlines() if line.strip()]
        assert sorted(set(drawn)) == sorted(phases)


def test_q_after_the_subcommand(many, tmp_path, monkeypatch):
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    assert cli.main(["build", str(many), "-q", "-o", str(tmp_path / "o")]) == 0
    assert tty.getvalue() == ""


def test_no_progress_bar_when_piped(many, tmp_path):
    p = run_kg("build", str(many), "-o", "o", cwd=tmp_path)
    assert p.returncode == 0 and p.stderr == ""
    check_build(tmp_path / "o", p.stdout, 25)


def test_no_progress_bar_for_few_articles(news, tmp_path, monkeypatch):
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    assert cli.main(["build", str(news), "-o", str(tmp_path / "o")]) == 0
    assert tty.getvalue() == ""


def test_build_says_in_one_line_which_articles_have_no_home(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("我县岳西县召开三级干部大会，县委书记讲话。", encoding="utf-8")
    (src / "b.txt").write_text("岳西县茶叶丰收，茶农增收。", encoding="utf-8")
    rc, stdout, err = kg_main(capsys, "build", str(src), "-o", str(tmp_path / "out"))
    lines = stdout.splitlines()
    assert rc == 0 and SUMMARY.match(lines[0])
    assert lines[1].startswith("kg: home unknown (null) in 1 of 2 articles: b.txt")
    homes = [json.loads(x)["home"] for x in (tmp_path / "out" / "extractions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert homes == ["岳西县", None]


def test_home_that_is_no_division_is_one_clear_error(tmp_path, capsys, news):
    rc, stdout, err = kg_main(capsys, "build", str(news), "-o", str(tmp_path / "out"), "--home", "甲乙丙县")
    assert rc != 0 and err.strip() == "kg: error: --home '甲乙丙县': no such division in the divisions data (give a province, city or county, e.g. 株洲市)"
    assert not (tmp_path / "out").exists()
