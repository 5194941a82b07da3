"""Progress bars on stderr, one per phase of a run (extract, resolve, rdf, store, files).

A bar appears only on a terminal, without ``-q``, and only once its phase has
lasted ``DELAY`` seconds, so short runs print nothing; it shows the count, the
rate and the time so far.
"""
from __future__ import annotations

import sys
import time
from types import TracebackType

DELAY = 1.0          # seconds a phase runs before its bar is drawn
WIDTH = 30


class Phase:
    """One phase's bar: ``with Phase("extract", 1663, "articles", shown) as p: p.advance()``."""

    def __init__(self, name: str, total: int | None = None, unit: str = "", enabled: bool = True) -> None:
        self.name, self.total, self.unit = name, total, unit
        self.enabled = enabled and sys.stderr.isatty()
        self.done = 0
        self.t0 = time.perf_counter()
        self._last = 0.0
        self.drawn = False

    def __enter__(self) -> Phase:
        return self

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done; redraw at most ten times a second."""
        self.done += n
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.t0 >= DELAY and (now - self._last >= 0.1 or self.done == self.total):
            self._last = now
            self.draw(now)

    def draw(self, now: float) -> None:
        elapsed = now - self.t0
        rate = f"{self.done / elapsed:,.0f} {self.unit}/s, " if self.unit and elapsed > 0 else ""
        if self.total:
            filled = int(WIDTH * min(self.done, self.total) / self.total)
            bar = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {min(self.done, self.total)}/{self.total} {self.unit}"
        else:
            bar = f"{self.done} {self.unit}" if self.unit else "…"
        print(f"\r{self.name:<8} {bar} ({rate}{elapsed:.1f} s)\x1b[K", end="", file=sys.stderr, flush=True)
        self.drawn = True

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if kind is None and (self.drawn or now - self.t0 >= DELAY):
            self.draw(now)
        if self.drawn:
            print(file=sys.stderr, flush=True)
