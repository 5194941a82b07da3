"""Fault injection for the kill tests: ``KG_CRASH_AT=N`` kills the process at its N-th write step.

Every step that changes OUT (a store update, a file moved into place, the
record of a finished build) calls ``step``; with ``KG_CRASH_AT`` unset this
costs one dictionary lookup. The kill is ``SIGKILL`` — what ``kill -9`` does:
no ``finally`` block, no clean-up runs — so the next build sees exactly what a
crash at that point leaves behind (``tests/test_crash.py``, ``bench/kill_bench.py``).
"""
from __future__ import annotations

import os
import signal

_count = 0


def step(name: str) -> None:
    """Mark a write step; die here when it is the ``KG_CRASH_AT``-th one."""
    target = os.environ.get("KG_CRASH_AT")
    if not target:
        return
    global _count
    _count += 1
    log = os.environ.get("KG_CRASH_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{_count} {name}\n")
    if _count == int(target):
        os.kill(os.getpid(), signal.SIGKILL)


def reset() -> None:
    """Start counting steps again (a forked test child)."""
    global _count
    _count = 0
