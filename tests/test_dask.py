"""kg build on a real Dask cluster (``distributed.LocalCluster``, 2 worker processes on 127.0.0.1):
the same bytes as a local build, a worker killed mid-batch retried, a batch that keeps failing reported."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from kg import cli

sys.path.insert(0, str(Path(__file__).resolve().parent))      # workers import dask_faults from here
from services import need  # noqa: E402

try:
    import distributed
except ImportError:
    distributed = None

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OUTPUTS = ("graph.ttl", "graph.trig", "graph.json", "graph.html", "extractions.jsonl")


def cluster(**config):
    need("distributed (Dask)", distributed is not None)
    import dask
    with dask.config.set(config):
        return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)


@pytest.fixture(scope="module")
def local():
    c = cluster()
    yield c
    c.close()


@pytest.fixture
def small_batches(monkeypatch):
    import kg.extraction
    monkeypatch.setattr(kg.extraction, "BATCH_CHARS", 3000)   # several batches even for the seeds


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and all(line.startswith("kg: ") for line in err.splitlines()), err
    return rc, out, err


def files(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("ref") / "out"
    assert cli.main(["-q", "build", str(SEEDS), "-o", str(out), "--jobs", "1", "--no-cache"]) == 0
    return files(out)


def test_a_cluster_build_gives_the_bytes_of_a_local_one(tmp_path, local, reference, small_batches, capsys):
    out = tmp_path / "out"
    rc, stdout, _ = run(capsys, "-q", "build", str(SEEDS), "-o", str(out), "--scheduler", local.scheduler_address,
                        "--no-cache")
    assert rc == 0 and "5 articles" in stdout
    assert files(out) == reference


def test_a_worker_killed_mid_batch_is_replaced_and_its_batch_run_again(tmp_path, local, reference,
                                                                       small_batches, capsys):
    from dask_faults import KillAtBatch
    marker = tmp_path / "killed"
    with distributed.Client(local) as client:
        client.register_plugin(KillAtBatch(str(marker)), name="kill-once")
        try:
            rc, _, _ = run(capsys, "-q", "build", str(SEEDS), "-o", str(tmp_path / "out"),
                           "--scheduler", local.scheduler_address, "--no-cache")
        finally:
            client.unregister_worker_plugin("kill-once")
    assert marker.exists()                        # a worker did die running a batch
    assert rc == 0 and files(tmp_path / "out") == reference


def test_a_batch_that_keeps_failing_stops_the_build_and_leaves_out_alone(tmp_path, reference, small_batches,
                                                                         capsys):
    from dask_faults import KillAtBatch
    out = tmp_path / "out"
    assert run(capsys, "-q", "build", str(SEEDS / "000_1bcb3598d6d8b0a8.txt"), "-o", str(out), "--jobs", "1")[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    strict = cluster(**{"distributed.scheduler.allowed-failures": 0})
    try:
        with distributed.Client(strict) as client:
            client.register_plugin(KillAtBatch(None), name="kill-always")
            rc, _, err = run(capsys, "-q", "build", str(SEEDS), "-o", str(out), "--scheduler", strict.scheduler_address,
                             "--no-cache")
    finally:
        strict.close()
    assert rc == 1 and len(err.splitlines()) == 1
    assert "failed in a worker (KilledWorker" in err and ".txt" in err and "OUT is unchanged" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert cli.main(["check", str(out)]) == 0


def test_dask_starts_a_local_cluster(tmp_path, reference, capsys):
    need("distributed (Dask)", distributed is not None)
    rc, _, _ = run(capsys, "-q", "build", str(SEEDS), "-o", str(tmp_path / "out"), "--dask", "--jobs", "2",
                   "--no-cache")
    assert rc == 0 and files(tmp_path / "out") == reference


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys, monkeypatch):
    need("distributed (Dask)", distributed is not None)
    import kg.cluster
    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", "2s")
    from services import free_port
    rc, _, err = run(capsys, "-q", "build", str(SEEDS), "-o", str(tmp_path / "out"),
                     "--scheduler", f"tcp://127.0.0.1:{free_port()}")
    assert rc == 1 and "cannot use the Dask scheduler" in err and not (tmp_path / "out").exists()


def test_without_dask_the_flag_says_what_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)         # import distributed fails
    rc, _, err = run(capsys, "-q", "build", str(SEEDS), "-o", str(tmp_path / "out"), "--dask")
    assert rc == 1 and "pip install 'kg[dask]'" in err and not (tmp_path / "out").exists()
