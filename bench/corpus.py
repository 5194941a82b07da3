"""Synthetic corpora for the build benchmarks, made at run time from the seed articles.

``pool_corpus(n)``: ``n`` articles, each a seeded random pick of paragraphs of
the seeds (so the entities come from a fixed pool, whatever ``n``), as JSON
Lines rows. ``fresh_names(rows)``: the same rows with every article's
paragraphs given names of its own (ever-new entities). Nothing here is kept
in the project: the texts are read from ``seeds/`` when a benchmark runs.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraphs() -> list[str]:
    """The paragraphs (over 20 characters) of the seed articles."""
    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        out += [p.strip() for p in f.read_text(encoding="utf-8").splitlines() if len(p.strip()) > 20]
    return out


def pool_corpus(n: int, per_article: int = 8, seed: int = 13, start: int = 0) -> list[dict]:
    """``n`` articles of ``per_article`` paragraphs drawn from the seeds' paragraphs."""
    paras = paragraphs()
    rows = []
    for i in range(start, start + n):
        rnd = random.Random(seed * 1_000_003 + i)
        rows.append({"id": f"p{i:06d}", "text": "\n".join(rnd.sample(paras, per_article)),
                     "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"})
    return rows


SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志远海"


def fresh_names(rows: list[dict]) -> list[dict]:
    """The rows with a unique official and company added to each article (ever-new entities)."""
    out = []
    for i, r in enumerate(rows):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[(i // 997) % len(GIVEN)]
        firm = f"{''.join(GIVEN[(i >> k) % len(GIVEN)] for k in (0, 3, 6))}科技有限公司"
        out.append({**r, "text": f"副市长{name}到{firm}调研。\n" + r["text"]})
    return out


def write_jsonl(rows: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
