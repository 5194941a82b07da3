"""Kill test, full loop: builds killed with SIGKILL at many moments must never leave a store that
disagrees with the files, nor a leftover build folder, once the next build has run.

    python bench/kill_bench.py [--timed N] [--seed S]

Corpus A (40 articles recombined from the seeds) is built into OUT; a build of
the larger corpus B (A with 2 articles changed, plus 20) is started on a copy
of it and killed, either at a random moment of its run (``--timed`` points per
scenario, half of them with the extraction cache off so that kills also land
in extraction) or at each of its write steps (``KG_CRASH_AT``, kg/crash.py).
Then, in scenario "rebuild B", B is built again, in scenario "rebuild A", A
is: the result must equal a fresh build (store quads and every file),
``kg check`` must pass and no ``.kg-build-*`` folder may be left.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import pool_corpus, write_jsonl  # noqa: E402

FILES = ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl")


def kg(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "-q", *args], env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def state(out: Path) -> tuple[frozenset, dict]:
    from kg.store import open_store
    with open_store(out, read_only=True) as store:
        quads = frozenset(str(q) for q in store)
    return quads, {n: (out / n).read_bytes() if (out / n).exists() else None for n in FILES}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timed", type=int, default=26, help="random-moment kills per scenario")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-kill-"))
    os.environ["KG_CACHE_DIR"] = str(work / "cache")
    rows_a = pool_corpus(40, per_article=24)
    rows_b = [dict(r) for r in rows_a] + pool_corpus(20, per_article=24, start=40)
    for r in rows_b[:2]:
        r["text"] += "\n副市长郑国华到开发区调研。"
    src_a, src_b = write_jsonl(rows_a, work / "A.jsonl"), write_jsonl(rows_b, work / "B.jsonl")
    t0 = time.perf_counter()
    assert kg("build", str(src_a), "-o", str(work / "ref_a")).wait() == 0
    assert kg("build", str(src_b), "-o", str(work / "ref_b")).wait() == 0
    t_nocache = time.perf_counter()
    assert kg("build", str(src_b), "-o", str(work / "tmp"), "--no-cache").wait() == 0
    t_nocache = time.perf_counter() - t_nocache
    t_cache = time.perf_counter()
    shutil.copytree(work / "ref_a", work / "tmp2")
    assert kg("build", str(src_b), "-o", str(work / "tmp2")).wait() == 0
    t_cache = time.perf_counter() - t_cache
    refs = {"rebuild A": (src_a, state(work / "ref_a")), "rebuild B": (src_b, state(work / "ref_b"))}
    print(f"build of B: {t_nocache:.1f} s without the cache, {t_cache:.1f} s over A with it "
          f"(references built in {time.perf_counter() - t0:.1f} s)")
    rnd = random.Random(a.seed)
    totals = {"kills": 0, "finished before the kill": 0, "inconsistent": 0, "check failed": 0, "leftovers": 0,
              "next build failed": 0}
    n = 0
    for scenario, (next_src, want) in refs.items():
        points = [("timed", i) for i in range(a.timed)] + [("step", k) for k in range(1, 60)]
        for kind, i in points:
            n += 1
            out = work / f"out{n}"
            shutil.copytree(work / "ref_a", out)
            if kind == "timed":
                nocache = i % 2 == 0
                p = kg("build", str(src_b), "-o", str(out), *(["--no-cache"] if nocache else []))
                time.sleep(rnd.uniform(0.05, t_nocache if nocache else t_cache))
                if p.poll() is not None:
                    totals["finished before the kill"] += 1
                else:
                    p.send_signal(signal.SIGKILL)
                    p.wait()
                    totals["kills"] += 1
            else:
                p = kg("build", str(src_b), "-o", str(out), env={"KG_CRASH_AT": str(i)})
                if p.wait() == 0:          # fewer write steps than i: every step covered
                    shutil.rmtree(out)
                    break
                totals["kills"] += 1
            if kg("build", str(next_src), "-o", str(out)).wait() != 0:
                totals["next build failed"] += 1
            if state(out) != want:
                totals["inconsistent"] += 1
                print(f"  inconsistent: {scenario}, {kind} {i}")
            if kg("check", str(out)).wait() != 0:
                totals["check failed"] += 1
            totals["leftovers"] += len(list(out.glob(".kg-build-*")))
            shutil.rmtree(out)
        print(f"{scenario}: done ({totals['kills']} kills so far)", flush=True)
    print("; ".join(f"{k}: {v}" for k, v in totals.items()))
    shutil.rmtree(work, ignore_errors=True)
    return 0 if totals["kills"] >= 50 and not (totals["inconsistent"] or totals["check failed"]
                                               or totals["leftovers"] or totals["next build failed"]) else 1


if __name__ == "__main__":
    sys.exit(main())
