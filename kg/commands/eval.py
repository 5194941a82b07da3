"""``kg eval --gold DIR SRC...``: extract and print the scoreboard against gold annotations."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import add_jobs, add_sources, warn


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("eval", help="score the extraction of SRC against gold annotations")
    add_sources(e)
    add_jobs(e)
    e.add_argument("--gold", required=True, metavar="DIR", help="folder of gold .json files (see the evaluation guide)")
    e.add_argument("--json", action="store_true", help="print the full result as JSON")
    e.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..evaluate import load_gold, score, scoreboard
    from ..pipeline import extract_docs
    golds = load_gold(Path(a.gold))
    docs = extract_docs(a.sources, home=a.home, warn=warn, progress=not a.quiet, jobs=a.jobs,
                        cache=not a.no_cache)
    result = score(golds, [d.to_contract() for d in docs])
    print(json.dumps(result, ensure_ascii=False, indent=1) if a.json else scoreboard(result))
    return 0
