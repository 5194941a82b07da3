"""``kg eval --gold G... SRC...``: extract and print the scoreboard against gold annotations."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from .common import add_disable, add_jobs, add_sources, disabled, warn


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("eval", help="score the extraction of SRC against gold annotations")
    add_sources(e, nargs="*")
    add_disable(e)
    add_jobs(e)
    e.add_argument("--gold", required=True, nargs="+", action="extend", metavar="G",
                   help="gold annotations: folders of .json/.jsonl files, or such files (see the evaluation guide); "
                        "the articles may follow: kg eval --gold G... SRC...")
    e.add_argument("--per-article", action="store_true", help="also list each article's entity and relation F1, worst first")
    e.add_argument("--ablate", action="store_true",
                   help="for every rule, the change in entity macro F1 and relation micro F1 when it alone is disabled")
    e.add_argument("--json", action="store_true", help="print the full result as JSON")
    e.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..errors import KgError
    from ..evaluate import is_gold, load_gold, score, scoreboard
    gold = [Path(g) for g in a.gold if is_gold(Path(g))] or [Path(a.gold[0])]
    a.sources = [g for g in a.gold if Path(g) not in gold] + a.sources    # kg eval --gold G... SRC...
    if not a.sources:
        raise KgError("E052")
    golds = load_gold(gold)
    if a.ablate:
        return _ablate(a, golds)
    from ..pipeline import extract_docs
    docs = extract_docs(a.sources, home=a.home, warn=warn, progress=not a.quiet, jobs=a.jobs,
                        cache=not a.no_cache, disable=disabled(a), accurate=a.accurate)
    result = score(golds, [d.to_contract() for d in docs])
    print(json.dumps(result, ensure_ascii=False, indent=1) if a.json else scoreboard(result, a.per_article))
    return 0


def _ablate(a: argparse.Namespace, golds: list[dict]) -> int:
    from dataclasses import asdict

    from ..ablation import ablate, table
    from ..errors import KgError
    from ..read import read_sources
    articles = list(read_sources(a.sources, warn))
    if not articles:
        raise KgError("E009")
    jobs = a.jobs or os.cpu_count() or 1
    base, rows = ablate(articles, golds, home=a.home, jobs=jobs, progress=not a.quiet)
    print(json.dumps({"full": base, "rules": [asdict(r) for r in rows]}, ensure_ascii=False, indent=1)
          if a.json else table(base, rows))
    return 0
