"""The prelude a benchmark's child process runs first: it times every progress phase of the build
into ``phases`` (name → seconds), so the child can print where its build's time went."""

PHASE_TIMER = r"""
import time
from kg import progress
phases = {}
_exit = progress.Phase.__exit__
def _timed(self, *a):
    phases[self.name] = phases.get(self.name, 0.0) + time.perf_counter() - self.t0
    return _exit(self, *a)
progress.Phase.__exit__ = _timed
"""
