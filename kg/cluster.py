"""Extraction on a Dask cluster: ``kg build --scheduler tcp://HOST:PORT`` or ``--dask`` (a local cluster).

The cluster's ``Client.get_executor()`` is plugged into the batched extraction
of ``kg.extraction`` (``executor_plugged``): the same batches as ``--jobs``,
resolved in input order, so the output is byte-identical to a local build.
Workers receive the articles' text with each batch and make their extractor
once per process (the kg version, lexicons and tagger model must be the
client's: a worker that differs fails its batch). A worker that dies while it
runs a batch is replaced and the batch run again by Dask (up to its
``distributed.scheduler.allowed-failures``); a batch that still fails stops
the build with E090 before OUT is touched. Needs ``pip install 'kg[dask]'``.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from .errors import KgError
from .extraction import default_jobs, executor_plugged

CONNECT_TIMEOUT = "20s"


def _distributed(option: str):
    """The ``distributed`` module, or E091 naming the extra to install."""
    try:
        import distributed
    except ImportError:
        raise KgError("E091", option=option) from None
    return distributed


@contextmanager
def dask_extraction(scheduler: str | None = None, workers: int | None = None) -> Iterator[int]:
    """Plug a Dask cluster into the extraction for the ``with`` block; yield its number of worker threads.

    ``scheduler``: the address of a running scheduler; None: start a ``LocalCluster`` of
    ``workers`` processes (default: all cores) on 127.0.0.1, stopped at the end of the block.
    """
    distributed = _distributed("--scheduler" if scheduler else "--dask")
    with ExitStack() as stack:
        try:
            if scheduler:
                client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            else:
                cluster = distributed.LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                                   processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                                   silence_logs=logging.ERROR)
                stack.callback(cluster.close)
                client = distributed.Client(cluster)
        except (OSError, TimeoutError, ValueError) as e:
            raise KgError("E092", address=scheduler or "of a local cluster",
                          detail=" ".join(str(e).split())[:200] or type(e).__name__) from None
        stack.callback(client.close)
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise KgError("E092", address=scheduler or "of a local cluster", detail="no worker joined") from None
        threads = sum(client.nthreads().values()) or 1
        with executor_plugged(client.get_executor(pure=False), threads):
            yield threads
