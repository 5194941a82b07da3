"""A crfsuite model (a linear-chain CRF) decoded in numpy, every sentence of an article in one batch.

python-crfsuite tags one sentence a call: it copies each feature string into C++, looks it up in the
model's hash table, then runs Viterbi and forward-backward a character at a time; over an article that is
most of the tagger's time. Here the model file is read once into a weight matrix (a row per attribute),
the features become rows by one dictionary pass, and the recursions run over all sentences at each step.
The state scores are summed in crfsuite's order and Viterbi compares as it does (the first best label on
a tie), so the labels are crfsuite's; the marginals agree with its own to about 1e-13 (other summation
order). The format read is crfsuite's ``crf1d`` model (``lCRF``, ``FOMC``, version 100).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])   # 20 bytes, packed


@dataclass(frozen=True)
class Model:
    """A crfsuite model's labels, attributes and weights (state: attribute × label; transition: label × label)."""
    labels: tuple[str, ...]
    attrs: dict[str, int]          # attribute → its row of ``state``; the last row (all 0) is the unknown one
    state: np.ndarray
    trans: np.ndarray


def _strings(buf: bytes, off: int) -> list[str]:
    """The keys of the CQDB (crfsuite's string table) at ``off``, in id order (its backward array)."""
    chunk, _, _, _, n, bwd = struct.unpack_from("<4sIIIII", buf, off)
    if chunk != b"CQDB":
        raise ValueError("not a crfsuite model: no string table")
    data = np.frombuffer(buf, np.uint8)
    recs = np.frombuffer(buf, "<u4", n, off + bwd).astype(np.int64) + off    # a record: id, size, key, NUL
    sizes = data[recs[:, None] + np.arange(4, 8)].astype(np.int64) @ (256 ** np.arange(4))
    ends = np.cumsum(sizes)
    at = np.repeat(recs + 8 - (ends - sizes), sizes) + np.arange(int(ends[-1])) if n else np.zeros(0, np.int64)
    return data[at].tobytes().decode("utf-8").split("\0")[:-1]            # each key keeps its NUL: split there


def read_model(path: Path | str) -> Model:
    """Read a crfsuite 1st-order CRF model file (what ``pycrfsuite.Tagger.open`` reads); ValueError if it is none."""
    buf = Path(path).read_bytes()
    magic, _, kind, _, _, _, _, off_feat, off_labels, off_attrs = struct.unpack_from("<4sI4sIIIIIII", buf)[:10]
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"not a crfsuite CRF model: {path}")
    labels, attrs = _strings(buf, off_labels), _strings(buf, off_attrs)
    chunk, _, n = struct.unpack_from("<4sII", buf, off_feat)
    if chunk != b"FEAT":
        raise ValueError(f"not a crfsuite CRF model: {path}")
    feats = np.frombuffer(buf, _FEATURE, n, off_feat + 12)
    state = np.zeros((len(attrs) + 1, len(labels)))
    trans = np.zeros((len(labels), len(labels)))
    for kind_id, m in ((0, state), (1, trans)):
        f = feats[feats["type"] == kind_id]
        m[f["src"], f["dst"]] = f["weight"]
    return Model(tuple(labels), {a: i for i, a in enumerate(attrs)}, state, trans)


def scores(model: Model, rows: list[tuple[str, ...]]) -> np.ndarray:
    """The state scores of characters (one feature tuple each): their attributes' rows added in tuple order,
    as crfsuite adds them (an attribute the model lacks adds a row of zeros)."""
    unknown = len(model.attrs)
    get = model.attrs.get
    n = len(rows)
    columns = list(zip(*rows))                          # as far as the shortest row; the longer ones' rest below
    out = model.state[np.fromiter(map(get, columns[0], repeat(unknown)), np.intp, n)]
    for col in columns[1:]:
        out += model.state[np.fromiter(map(get, col, repeat(unknown)), np.intp, n)]
    width = len(columns)
    for i, row in enumerate(rows):
        for a in row[width:]:
            out[i] += model.state[get(a, unknown)]
    return out


def decode(model: Model, state: np.ndarray, lengths: list[int]) -> tuple[list[list[int]], list[np.ndarray]]:
    """Viterbi labels (indices into ``model.labels``) and marginals (characters × labels) of each sentence.

    ``state`` holds the scores of the sentences' characters one sentence after the other (``lengths``).
    """
    b, n_labels = len(lengths), len(model.labels)
    if not b:
        return [], []
    order = sorted(range(b), key=lambda k: -lengths[k])        # longest first: the sentences still running
    lens = np.array([lengths[k] for k in order])               # at step t are a prefix of the batch
    top = int(lens[0])
    offs = np.concatenate(([0], np.cumsum(lengths))).tolist()
    x = np.zeros((top, b, n_labels))                           # step, sentence, label
    for row, k in enumerate(order):
        x[:lengths[k], row] = state[offs[k]:offs[k + 1]]
    running = np.searchsorted(-lens, -np.arange(top + 1), side="left").tolist()   # sentences longer than t
    path = _viterbi(x, model.trans, running)
    marg = _marginals(x, np.exp(model.trans), running)
    labels: list[list[int]] = [[]] * b
    margs: list[np.ndarray] = [np.empty(0)] * b
    for row, k in enumerate(order):
        labels[k] = path[:lengths[k], row].tolist()
        margs[k] = marg[:lengths[k], row]
    return labels, margs


def _viterbi(x: np.ndarray, trans: np.ndarray, running: list[int]) -> np.ndarray:
    """The best label path of each (padded) sentence; ``running[t]`` sentences are longer than ``t``."""
    top, b, n = x.shape
    back = np.zeros((top, b, n), dtype=np.intp)
    cur = x[0].copy()
    s = np.empty((b, n, n))
    into = trans.T.copy()                                      # into[j, i]: from label i to label j
    cells = np.arange(b * n) * n                               # where each (sentence, label) row starts in ``s``
    for t in range(1, top):
        k = running[t]
        st = np.add(cur[:k, None, :], into, out=s[:k])         # st[., j, i]: from label i at t - 1 to j at t
        best = st.argmax(axis=2, out=back[t, :k])              # the first best, as crfsuite's strict <
        c = cur[:k]
        np.take(st.reshape(-1), cells[:k * n] + best.reshape(-1), out=c.reshape(-1))   # its score (a max)
        c += x[t, :k]
    path = np.zeros((top, b), dtype=np.intp)
    last = cur.argmax(axis=1)
    flat = back.reshape(top, b * n)
    base = np.arange(b) * n
    for t in range(top - 1, -1, -1):
        k, ending = running[t], running[t + 1]
        if ending < k:
            path[t, ending:k] = last[ending:k]                 # the sentences whose last character is t
        if t:
            np.take(flat[t], base[:k] + path[t, :k], out=path[t - 1, :k])
    return path


def _marginals(x: np.ndarray, etrans: np.ndarray, running: list[int]) -> np.ndarray:
    """Each character's marginal probability of each label: crfsuite's scaled forward-backward (each step of
    the forward pass divided by its sum; the backward pass scaled by the same sums)."""
    top, b, n = x.shape
    ex = np.exp(x)
    alpha = np.zeros_like(ex)
    beta = np.zeros_like(ex)
    row = np.empty((b, n))
    total = np.ones((top, b, 1))
    ones = np.ones((n, 1))
    for t in range(top):
        k = running[t]
        a = alpha[t, :k]
        if t:
            np.matmul(alpha[t - 1, :k], etrans, out=a)
            a *= ex[t, :k]
        else:
            a[:] = ex[0]
        sums = np.matmul(a, ones, out=total[t, :k])
        a /= sums
    if not total.all():                  # a sum of 0 (every label's score under exp's range): crfsuite scales by 1
        raise FloatingPointError("a character no label can take")
    scale = 1 / total
    ex[1:] *= scale[:-1]                 # the backward step into t is scaled by t's sum: fold it into t + 1
    etrans_t = etrans.T.copy()
    for t in range(top - 1, -1, -1):
        k, ending = running[t], running[t + 1]
        if ending < k:
            beta[t, ending:k] = scale[t, ending:k]
        if ending:
            r = np.multiply(beta[t + 1, :ending], ex[t + 1, :ending], out=row[:ending])
            np.matmul(r, etrans_t, out=beta[t, :ending])
    alpha *= beta
    alpha *= total
    return alpha
