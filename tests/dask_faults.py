"""Worker faults for the Dask tests (importable by the cluster's worker processes: tests/ is on their path)."""
from __future__ import annotations

import os
import signal

from distributed.diagnostics.plugin import WorkerPlugin


class KillAtBatch(WorkerPlugin):
    """SIGKILL the worker process when it starts an extraction batch: once (the first ``marker`` file
    made wins), or every time when ``marker`` is None."""

    def __init__(self, marker: str | None) -> None:
        self.marker = marker

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish != "executing" or not str(key).startswith("_extract_remote"):
            return
        if self.marker is not None:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return
        os.kill(os.getpid(), signal.SIGKILL)
