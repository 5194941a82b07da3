"""Synthetic corpora for the build benchmarks, made at run time from the seed articles.

``pool_corpus(n)``: ``n`` articles, each a seeded random pick of paragraphs of
the seeds (so the entities come from a fixed pool, whatever ``n``), as JSON
Lines rows. ``python bench/corpus.py OUT.jsonl --articles 16630 --paragraphs 36``
writes one (that one: about 200 MB, 12 KB an article, like the archive of
issue 13). ``fresh_names(rows)``: the same rows with every article's
paragraphs given names of its own (ever-new entities). Nothing here is kept
in the project: the texts are read from ``seeds/`` when a benchmark runs.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
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


def fresh_names(rows: list[dict], start: int = 0) -> list[dict]:
    """The rows with a unique official and company added to each article (ever-new entities);
    ``start`` is the number of the first row (for rows made in parts)."""
    out = []
    for i, r in enumerate(rows, start):
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


def main() -> int:
    ap = argparse.ArgumentParser(description="write a fixed-pool corpus of seed paragraphs as JSON Lines")
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--paragraphs", type=int, default=8, help="paragraphs per article (about 330 bytes each)")
    ap.add_argument("--fresh-names", action="store_true", help="a new official and firm in every article")
    a = ap.parse_args()
    out = Path(a.out)
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(0, a.articles, 1000):           # a thousand rows in memory at a time
            rows = pool_corpus(min(1000, a.articles - i), per_article=a.paragraphs, start=i)
            for r in fresh_names(rows, i) if a.fresh_names else rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{a.articles} articles, {out.stat().st_size / 2 ** 20:.1f} MB → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
