"""kg build and kg remove as a user relies on them: the lock on OUT, Ctrl-C, OS errors, the extraction
cache, skipping an unchanged build, --jobs, and files that follow kg remove."""
from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

import kg.extract
from kg import cli
from kg.outdir import RECORD, lock_out

# Articles written for these tests (not the seed articles' sentences).
COUNTY = ("东湖县召开春耕生产工作会议\n"
          "3月12日，县长赵建国到东湖镇检查春耕备耕工作，要求各级干部深入田间地头。")
CITY = "市住建局召开全市城市更新工作推进会，局长孙立平出席会议并讲话。"
PARK = ("<html><head><title>滨河公园项目签约</title></head><body><article><h1>滨河公园项目签约</h1>"
        "<p>新区管委会与华信建设集团签署合作协议，共同推进滨河公园项目建设。</p></article></body></html>")
BATCH = [{"id": "j-1", "text": "南山区教育局局长周红到实验小学调研校园安全工作。", "date": "2024-04-02"},
         {"id": "j-2", "text": "市纪委监委对原市农业局副局长吴立新涉嫌严重违纪违法问题进行审查调查。"}]


def assert_clean_stderr(err: str) -> None:
    """No traceback; every line a ``kg:`` message."""
    assert "Traceback" not in err
    assert all(line.startswith("kg: ") for line in err.splitlines()), err

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl")


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli.main(list(args))
    out, err = capsys.readouterr()
    assert_clean_stderr(err)
    return rc, out, err


@pytest.fixture
def news(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    d.mkdir()
    (d / "01_county.txt").write_text(COUNTY, encoding="utf-8")
    (d / "02_city.txt").write_text(CITY, encoding="utf-8")
    (d / "03_park.html").write_text(PARK, encoding="utf-8")
    (d / "04_batch.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in BATCH),
                                      encoding="utf-8")
    return d


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of OUT (store included), but the lock file."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".kg-lock"}


def count_extractions(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = kg.extract.Extractor.__call__

    def counted(self, article):
        seen.append(article.id)
        return real(self, article)
    monkeypatch.setattr(kg.extract.Extractor, "__call__", counted)
    return seen


# ---- the lock --------------------------------------------------------------------------------

def test_a_second_build_on_the_same_out_is_refused(news, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    before = snapshot(out)
    with lock_out(out):                                  # another kg process is writing OUT
        for args in (["build", str(news), "-o", str(out)], ["remove", "j-1", "--out", str(out)]):
            rc, stdout, err = run(capsys, *args)
            assert rc == 1 and stdout == ""
            assert err == f"kg: error: {out}: another kg process (pid {os.getpid()}) is writing this folder; " \
                          "try again when it has finished\n"
    assert snapshot(out) == before


# ---- Ctrl-C ----------------------------------------------------------------------------------

def test_ctrl_c_while_extracting_leaves_the_old_out(news, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    before = snapshot(out)
    (news / "05_new.txt").write_text("副市长郑国华到开发区调研。", encoding="utf-8")

    def stop(*a):
        raise KeyboardInterrupt
    monkeypatch.setattr(kg.extract.Extractor, "__call__", stop)
    rc, stdout, err = run(capsys, "build", str(news), "-o", str(out))
    assert (rc, stdout, err) == (130, "", "kg: interrupted\n")
    assert snapshot(out) == before and not list(out.glob(".kg-build-*"))
    assert run(capsys, "check", str(out))[0] == 0


def test_ctrl_c_during_the_store_update_finishes_it_first(news, tmp_path, capsys, monkeypatch):
    import sys
    module = sys.modules["kg.store.sync"]          # kg.store.sync is also the name of the function
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    (news / "05_new.txt").write_text("副市长郑国华到开发区调研。", encoding="utf-8")
    real = module.sync

    def interrupted(*a, **k):
        os.kill(os.getpid(), signal.SIGINT)                # Ctrl-C arrives in the middle of the update
        return real(*a, **k)
    monkeypatch.setattr(module, "sync", interrupted)
    rc, _, err = run(capsys, "build", str(news), "-o", str(out))
    assert (rc, err) == (130, "kg: interrupted\n")
    monkeypatch.undo()
    assert run(capsys, "check", str(out))[0] == 0          # one whole build: the new one
    assert "05_new.txt" in (out / "extractions.jsonl").read_text(encoding="utf-8")


# ---- OS errors -------------------------------------------------------------------------------

@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_onto_a_read_only_out_is_one_line(news, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    out.chmod(0o555)
    try:
        rc, _, err = run(capsys, "export", str(out), "--format", "nt")
    finally:
        out.chmod(0o755)
    assert rc == 1 and err.startswith(f"kg: error: {out / 'graph.nt'}: cannot write (Permission denied")
    assert len(err.splitlines()) == 1


def test_an_os_error_nobody_expected_is_still_one_line(news, tmp_path, capsys, monkeypatch):
    import kg.export.formats

    def broken(*a, **k):
        raise OSError(5, "Input/output error", "/dev/sdz")
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    monkeypatch.setattr(kg.export.formats, "export", broken)
    rc, _, err = run(capsys, "export", str(out), "--format", "nt")
    assert rc == 1 and err == f"kg: error: {out / 'graph.nt'}: cannot write (Input/output error: /dev/sdz)\n"


# ---- the cache and unchanged builds ----------------------------------------------------------

def test_only_changed_articles_are_extracted_again(news, tmp_path, capsys, monkeypatch):
    seen = count_extractions(monkeypatch)
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    assert sorted(seen) == ["01_county.txt", "02_city.txt", "03_park.html", "j-1", "j-2"]
    first = snapshot(out)

    seen.clear()                                          # nothing changed: nothing is redone
    rc, stdout, _ = run(capsys, "build", str(news), "-o", str(out))
    assert rc == 0 and seen == [] and "up to date, nothing rebuilt" in stdout
    assert snapshot(out) == first

    (news / "01_county.txt").write_text(COUNTY + "副县长李明陪同检查。", encoding="utf-8")
    (news / "05_new.txt").write_text("副市长郑国华到开发区调研。", encoding="utf-8")
    rc, stdout, _ = run(capsys, "build", str(news), "-o", str(out))
    assert rc == 0 and sorted(seen) == ["01_county.txt", "05_new.txt"]
    assert "2 extracted, 4 from the cache" in stdout

    seen.clear()                                          # other settings: another extractor version
    assert run(capsys, "build", str(news), "-o", str(out), "--home", "太原市")[0] == 0
    assert len(seen) == 6
    fresh = tmp_path / "fresh"
    assert run(capsys, "build", str(news), "-o", str(fresh), "--home", "太原市", "--no-cache")[0] == 0
    assert {n: (out / n).read_bytes() for n in OUTPUTS} == {n: (fresh / n).read_bytes() for n in OUTPUTS}


def test_a_file_changed_after_the_build_is_rewritten(news, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    good = (out / "graph.ttl").read_bytes()
    (out / "graph.ttl").write_text("damaged", encoding="utf-8")
    rc, stdout, _ = run(capsys, "build", str(news), "-o", str(out))
    assert rc == 0 and "up to date" not in stdout and (out / "graph.ttl").read_bytes() == good


def test_the_cache_stays_under_its_limit(news, tmp_path, capsys, monkeypatch, own_cache):
    from kg.cache import ExtractionCache
    monkeypatch.setenv("KG_CACHE_LIMIT", "0.001")          # about 1 kB: room for one or two articles
    assert run(capsys, "build", str(news), "-o", str(tmp_path / "out"))[0] == 0
    cache = ExtractionCache(own_cache / "extract.sqlite")
    n, size = cache.size()
    cache.close()
    assert 0 < n < 5 and size <= 1049
    rc, stdout, _ = run(capsys, "cache", "--clear")
    assert rc == 0 and "0 articles" in stdout


# ---- --jobs ----------------------------------------------------------------------------------

def test_jobs_give_the_same_bytes(tmp_path, capsys, monkeypatch):
    import kg.extraction
    monkeypatch.setattr(kg.extraction, "BATCH_CHARS", 4000)     # several batches even for the seeds
    outs = {}
    for jobs in ("1", "2"):
        out = outs[jobs] = tmp_path / f"j{jobs}"
        rc, stdout, _ = run(capsys, "build", str(SEEDS), "-o", str(out), "--jobs", jobs, "--no-cache")
        assert rc == 0
    assert {n: (outs["1"] / n).read_bytes() for n in OUTPUTS} == {n: (outs["2"] / n).read_bytes() for n in OUTPUTS}


# ---- kg remove -------------------------------------------------------------------------------

def test_remove_refreshes_every_derived_file(news, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    assert "吴立新" in (out / "graph.json").read_text(encoding="utf-8")
    assert run(capsys, "remove", "j-2", "--out", str(out))[0] == 0
    for name in OUTPUTS:                                  # 吴立新 is only in j-2
        assert "吴立新" not in (out / name).read_text(encoding="utf-8"), name
    assert [json.loads(x)["article"] for x in (out / "extractions.jsonl").read_text().splitlines()] == \
        ["01_county.txt", "02_city.txt", "03_park.html", "j-1"]
    rc, stdout, _ = run(capsys, "check", str(out))
    assert rc == 0 and "agree" in stdout
    assert json.loads((out / RECORD).read_text())["key"] is None     # the next build is no "unchanged" one


def test_dropping_articles_gives_back_the_store_space(tmp_path, capsys):
    big, small = tmp_path / "big.jsonl", tmp_path / "small.jsonl"
    rows = [{"id": f"n{i}", "text": f"第{i}号文件：" + BATCH[i % 2]["text"] + f"编号{i}的项目总投资{i}亿元。"}
            for i in range(400)]
    big.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    small.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:4]), encoding="utf-8")

    def size(out: Path) -> int:
        return sum(p.stat().st_size for p in (out / "store").iterdir())
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert run(capsys, "-q", "build", str(small), "-o", str(fresh))[0] == 0
    assert run(capsys, "-q", "build", str(big), "-o", str(out))[0] == 0
    grown = size(out)
    assert run(capsys, "-q", "build", str(small), "-o", str(out))[0] == 0
    assert size(out) < grown / 2 and size(out) < 2 * size(fresh) + 2 ** 20, (size(fresh), grown, size(out))


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs Linux /proc/PID/task/PID/children")
def test_a_killed_build_leaves_no_worker_and_no_lock(tmp_path, capsys):
    import subprocess
    import sys
    import time
    rows = [{"id": f"n{i}", "text": (BATCH[i % 2]["text"] + f"编号{i}。") * 40} for i in range(200)]
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    p = subprocess.Popen([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "--jobs", "2", "--no-cache"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while len(_children(p.pid)) < 2 and p.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    workers = _children(p.pid)
    assert len(workers) >= 2, "the build started no workers"
    p.kill()
    p.wait()
    deadline = time.time() + 10
    while any(Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
              for w in workers) and time.time() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()
                and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]]       # the workers died with it
    assert run(capsys, "-q", "build", str(src), "-o", str(out), "--jobs", "1")[0] == 0   # OUT is not locked


def test_an_article_moved_to_another_file_comes_from_the_cache_with_its_new_path(news, tmp_path, capsys,
                                                                                 monkeypatch):
    seen = count_extractions(monkeypatch)
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    seen.clear()
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    (news / "01_county.txt").rename(moved / "01_county.txt")
    assert run(capsys, "build", str(news), str(moved), "-o", str(out))[0] == 0
    assert seen == []
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert [a["source"] for a in graph["articles"] if a["id"] == "01_county.txt"] == [str(moved / "01_county.txt")]


def test_leftovers_of_killed_runs_are_cleaned_up_and_nothing_else(news, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    (out / ".kg-build-x1y2").mkdir()
    (out / ".kg-build-x1y2" / "graph.ttl").write_text("half", encoding="utf-8")
    (out / ".graph.ttl.a1b2c3.tmp").write_text("half", encoding="utf-8")
    (out / ".my-notes.tmp").write_text("mine", encoding="utf-8")
    rc, stdout, _ = run(capsys, "check", str(out))
    assert rc == 1 and "left over by an interrupted run: .kg-build-x1y2" in stdout
    assert run(capsys, "build", str(news), "-o", str(out))[0] == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".kg-lock", ".my-notes.tmp"]
    assert run(capsys, "check", str(out))[0] == 0


def test_the_cache_version_covers_the_extractor_settings():
    from kg.cache import settings_version
    assert len({settings_version(None), settings_version("太原市"), settings_version(None, ["careers"]),
                settings_version(None, ["careers", "attributes"])}) == 4
    assert settings_version(None, ["a", "b"]) == settings_version(None, ["b", "a"])
