"""A build killed at any write step (``kill -9``: nothing cleans up) loses nothing.

``KG_CRASH_AT=N`` makes a build SIGKILL itself at its N-th write step (kg/crash.py).
For every step of a build, in three scenarios — a first build killed, then built
again; corpus A built, a build of the larger corpus B killed, then B built; the
same, then A built again — the next build must end with a store and files equal
to a fresh build's, ``kg check`` must pass, and no scratch folder may be left.
The builds run in forked children of the test process (the extractor already
loaded), so each costs a fraction of a second; ``bench/kill_bench.py`` kills
real builds of a larger corpus at random moments instead.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from kg import cli
from kg.store import open_store

# Articles written for these tests (not the seed articles' sentences).
A = {
    "a1.txt": "市委书记林海涛到河口县调研春耕生产，察看了河口镇农资供应站。县长周立明陪同调研。",
    "a2.txt": "河口县人民政府与北岭农业科技有限公司签约，共建河口县智慧农业示范园项目，总投资3亿元。",
    "a3.txt": "市纪委监委对原河口县农业局局长吴建东涉嫌严重违纪违法问题进行审查调查。",
}
B = {
    **A,
    "a2.txt": A["a2.txt"] + "北岭公司董事长陈少华出席签约仪式。",          # changed
    "b1.txt": "市长王志远到北岭农业科技有限公司调研，要求加快河口县智慧农业示范园项目建设。",
    "b2.txt": "河口县委书记孙红梅主持召开县委常委会会议，研究部署秋粮收购工作。",
}
FILES = ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl")


def corpus(root: Path, articles: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def state(out: Path) -> tuple[set[str], dict[str, bytes]]:
    """The store's quads and the files of a build."""
    with open_store(out, read_only=True) as store:
        quads = {str(q) for q in store}
    return quads, {n: (out / n).read_bytes() for n in FILES}


class ForkServer:
    """The client side: ``server.run(args, env) -> exit status``."""

    def __init__(self) -> None:
        import subprocess
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("forkserver.py"))], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=dict(os.environ))

    def run(self, args: list[str], env: dict[str, str] | None = None) -> int:
        self.proc.stdin.write(json.dumps({"args": args, "env": env or {}}) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())["rc"]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)



@pytest.fixture
def kg_run(own_cache):
    """``kg_run(args, crash_at=None)``: run kg in a forked child of a fork server; its exit status."""
    server = ForkServer()          # started after own_cache set KG_CACHE_DIR, which it inherits
    yield lambda args, crash_at=None: server.run(args, {"KG_CRASH_AT": str(crash_at)} if crash_at else {})
    server.close()


@pytest.mark.parametrize("scenario", ["first build", "rebuild B", "rebuild A"])
def test_a_build_killed_at_any_write_step_is_repaired_by_the_next(tmp_path, kg_run, scenario):
    def build(src: Path, out: Path, crash_at: int | None = None) -> int:
        return kg_run(["-q", "build", str(src), "-o", str(out), "--jobs", "1"], crash_at)

    src_a, src_b = corpus(tmp_path / "A", A), corpus(tmp_path / "B", B)
    assert build(src_a, tmp_path / "ref_a") == 0 and build(src_b, tmp_path / "ref_b") == 0
    want = {"first build": state(tmp_path / "ref_a"), "rebuild B": state(tmp_path / "ref_b"),
            "rebuild A": state(tmp_path / "ref_a")}[scenario]
    killed_src, next_src = {"first build": (src_a, src_a), "rebuild B": (src_b, src_b),
                            "rebuild A": (src_b, src_a)}[scenario]
    kills = 0
    for step in range(1, 100, 2):          # every other write step (bench/kill_bench.py: every step)
        out = tmp_path / f"out{step}"
        if scenario != "first build":
            shutil.copytree(tmp_path / "ref_a", out)             # OUT holds the build of A
        rc = build(killed_src, out, crash_at=step)
        if rc == 0:                                               # the build has fewer steps: all covered
            break
        assert rc == -9, rc
        kills += 1
        assert build(next_src, out) == 0, f"after a kill at step {step}"
        assert state(out) == want, f"after a kill at step {step}"
        assert kg_run(["check", str(out)]) == 0, f"after a kill at step {step}"
        assert not list(out.glob(".kg-build-*"))
        shutil.rmtree(out)
    assert kills >= 4, kills                                        # the build has write steps to kill at


def test_check_finds_a_store_that_lost_triples(tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["-q", "build", str(corpus(tmp_path / "A", A)), "-o", str(out)]) == 0
    with open_store(out) as store:                              # what the old bug did: shared triples gone
        import pyoxigraph as ox
        lost = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))[:3]
        for q in lost:
            store.remove(q)
    assert cli.main(["check", str(out)]) == 1
    printed, err = capsys.readouterr()
    assert "3 statements in graph.trig, not in the store" in printed
    assert err.startswith(f"kg: error: {out}: the store and the files differ (6 statements")
    assert cli.main(["-q", "build", str(tmp_path / "A"), "-o", str(out)]) == 0   # sees it, repairs it
    assert "up to date" not in capsys.readouterr().out
    assert cli.main(["check", str(out)]) == 0
