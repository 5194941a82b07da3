"""Running the extractor over a whole corpus: the cache, batches, worker processes.

Articles stream through in batches of about ``BATCH_CHARS`` characters: a batch's
cached extractions are taken from the cache, the rest are extracted — in this
process, or with ``jobs`` > 1 by worker processes (``concurrent.futures``, one
task per batch, since one task per article costs more than it gains) — and
the slim docs come back in input order, so the output does not depend on
``jobs``. At most ``2 × jobs`` batches are in flight: memory holds the slim
docs, not the corpus.

Any other ``concurrent.futures`` executor can take the place of the worker
processes: inside ``with executor_plugged(executor, workers)`` (a Dask
client's ``get_executor()``, see ``kg.cluster``) every batch not in the cache
is submitted to it, ``2 × workers`` at most in flight, and resolved in order
as above. A batch whose task fails is reported with its articles (E090).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

from . import crash
from .cache import ExtractionCache, article_key, extractor_version, pack, settings_version, slim, unpack
from .errors import KgError
from .model import Article, Doc
from .progress import Phase

BATCH_CHARS = 25_000       # about a tenth of a second of extraction on one core

_worker_extractor = None
_plugged: ContextVar[tuple[Executor, int] | None] = ContextVar("kg_extraction_executor", default=None)
_remote: dict[tuple, object] = {}          # on a cluster worker: settings → the extractor made for them
_remote_lock = threading.Lock()


@contextmanager
def executor_plugged(executor: Executor, workers: int) -> Iterator[None]:
    """Inside the block, ``extract_corpus`` submits its batches to ``executor`` (``workers`` run at once)."""
    token = _plugged.set((executor, max(1, workers)))
    try:
        yield
    finally:
        _plugged.reset(token)


class WorkerVersionError(RuntimeError):
    """A cluster worker's extractor is not the client's (other kg code, lexicons or model)."""


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def batches(articles: Iterable[Article], size: int | None = None) -> Iterator[list[Article]]:
    """``articles`` in consecutive lists of about ``size`` characters of text (at least one article each).

    >>> [len(b) for b in batches([Article(str(i), "字" * 40) for i in range(5)], size=100)]
    [3, 2]
    """
    size = size or BATCH_CHARS
    batch: list[Article] = []
    n = 0
    for a in articles:
        batch.append(a)
        n += len(a.text)
        if n >= size:
            yield batch
            batch, n = [], 0
    if batch:
        yield batch


def _init_worker(extractor) -> None:
    """Worker start: keep the extractor the parent built (inherited by fork); Ctrl-C is the parent's
    job; die with the parent (a killed build leaves no worker behind) and do not hold its lock on OUT."""
    global _worker_extractor
    from .outdir import release_inherited_locks
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    release_inherited_locks()
    _die_with_parent()
    _worker_extractor = extractor


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (no-op elsewhere)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)          # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:                      # the parent died before that took effect
        os._exit(1)


def _extract_packed(articles: list[Article]) -> list[bytes]:
    """In a worker: extract a batch, return the packed slim docs."""
    return [pack(_worker_extractor(a)) for a in articles]


def _extract_remote(settings: tuple, articles: list[Article]) -> list[bytes]:
    """On a cluster worker: extract a batch with the extractor of ``settings`` = (home, disable, version),
    made once per worker process; refuse when this worker's extractor version is not the client's."""
    with _remote_lock:                       # one batch at a time: the extractor is not made for threads
        extractor = _remote.get(settings)
        if extractor is None:
            from .extract import Extractor
            home, disable, version = settings
            extractor = Extractor(home=home, disable=disable) if disable else Extractor(home=home)
            if extractor_version(extractor) != version:
                raise WorkerVersionError(f"worker extractor {extractor_version(extractor)} != client {version}")
            _remote.clear()
            _remote[settings] = extractor
        return [pack(extractor(a)) for a in articles]


def _failed_batch(articles: list[Article], e: BaseException) -> KgError:
    """E090 for a batch whose task failed: its articles, and why."""
    ids = ", ".join(a.id for a in articles[:8]) + (f" and {len(articles) - 8} more" if len(articles) > 8 else "")
    lines = str(e).strip().splitlines()
    detail = f"{type(e).__name__}: {lines[0]}" if lines else type(e).__name__
    return KgError("E090", n=len(articles), articles=ids, detail=detail[:300])


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child (a worker)."""
    import resource
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, children


def extract_corpus(articles: Iterable[Article], home: str | None = None, jobs: int = 1,
                   cache: ExtractionCache | None = None, phase: Phase | None = None,
                   stats: dict | None = None, disable: Iterable[str] = (), accurate: bool = False) -> Iterator[Doc]:
    """Yield the slim ``Doc`` of every article of ``articles``, in order (see the module docstring).

    ``disable`` names extraction rules to leave out, ``accurate`` adds LAC's (both part of the cache's version).
    ``stats`` (if given) counts ``extracted`` and ``cached`` articles.
    """
    disable = tuple(disable)
    made_extractor = None
    if disable or accurate:      # an unknown rule name or a missing extra fails now, not after the cached articles
        from .extract import Extractor
        made_extractor = Extractor(home=home, disable=disable, accurate=accurate)
        disable = made_extractor.disable            # family.* patterns as the rule names they select
    version = settings_version(home, disable, accurate)

    def extractor():
        """The extractor, made at the first article not in the cache (it takes a while to load)."""
        nonlocal made_extractor
        if made_extractor is None:
            from .extract import Extractor
            made_extractor = Extractor(home=home, disable=disable, accurate=accurate)
            assert extractor_version(made_extractor) == version
        return made_extractor

    stats = stats if stats is not None else {}
    stats.setdefault("extracted", 0)
    stats.setdefault("cached", 0)
    pool: ProcessPoolExecutor | None = None
    plug = _plugged.get()
    window: deque[tuple[list[Article], list[str], dict[str, Doc], Future | list]] = deque()

    def finish(item) -> Iterator[Doc]:
        chunk, keys, hits, work = item
        try:
            done = work.result() if isinstance(work, Future) else work
        except Exception as e:           # a worker process or a cluster task that failed for good
            raise _failed_batch([a for a, k in zip(chunk, keys) if k not in hits], e) from None
        fresh = [(k, d) for k, d in zip((k for k in keys if k not in hits), done)]
        if cache is not None and fresh:
            cache.put((k, d if isinstance(d, bytes) else pack(d)) for k, d in fresh)
            crash.step("extraction: batch cached")
        made = {k: (unpack(d) if isinstance(d, bytes) else slim(d)) for k, d in fresh}
        stats["extracted"] += len(made)
        stats["cached"] += len(hits)
        if phase is not None:
            phase.advance(len(chunk))
        for a, k in zip(chunk, keys):
            doc = hits.get(k)
            if doc is None:
                yield made[k]
            else:
                doc.article.source = a.source        # the key leaves the path out
                yield doc

    try:
        stream = batches(articles)
        chunk = next(stream, None)
        while chunk is not None:
            following = next(stream, None)
            keys = [article_key(a, version) for a in chunk]
            hits = cache.get(keys) if cache is not None else {}
            todo = [a for a, k in zip(chunk, keys) if k not in hits]
            if todo and plug is not None:
                window.append((chunk, keys, hits, plug[0].submit(_extract_remote, (home, disable, version), todo)))
            elif todo and jobs > 1 and (pool is not None or following is not None):
                if pool is None:
                    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                      else None)
                    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                                               initargs=(extractor(),))
                window.append((chunk, keys, hits, pool.submit(_extract_packed, todo)))
            else:
                window.append((chunk, keys, hits, [extractor()(a) for a in todo]))
            while len(window) > 2 * (plug[1] if plug is not None else max(jobs, 1)) or (window and not isinstance(window[0][3], Future)):
                yield from finish(window.popleft())
            chunk = following
        while window:
            yield from finish(window.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            stats["worker_peak_rss_mb"] = round(peak_rss_mb()[1], 1)
