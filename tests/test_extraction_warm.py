"""A build that adds articles to a cached corpus starts its workers early: the same docs, the cache asked once."""
from __future__ import annotations

from kg.cache import ExtractionCache, article_key, settings_version
from kg.export.jsonl import extractions_text
from kg.extraction import extract_corpus
from kg.model import Article

TEXTS = ("东山市市长王建华到南岭县调研春耕生产。",
         "西河市人民政府与北岭农业科技有限公司签约。",
         "青州县副县长李红梅到甲公司检查安全生产工作。")


def test_the_cache_counts_the_articles_it_lacks(tmp_path):
    arts = [Article(f"a{i}", t) for i, t in enumerate(TEXTS)]
    cache = ExtractionCache(tmp_path / "c.sqlite")
    keys = [article_key(a, settings_version(None, (), False)) for a in arts]
    assert cache.missing(keys) == 3
    list(extract_corpus(arts[:2], cache=cache))
    assert cache.missing(keys) == 1
    assert cache.missing(keys[:2]) == 0


def test_workers_started_early_give_the_docs_of_one_process(tmp_path):
    arts = [Article(f"a{i}", t) for i, t in enumerate(TEXTS)]
    cache = ExtractionCache(tmp_path / "c.sqlite")
    list(extract_corpus(arts[:2], cache=cache))                 # two of three in the cache
    stats: dict = {}
    warm = extractions_text(extract_corpus(arts, jobs=2, cache=cache, warm=True, stats=stats))
    assert (stats["extracted"], stats["cached"]) == (1, 2)
    assert "worker_peak_rss_mb" in stats                        # the new article went to a worker
    assert warm == extractions_text(extract_corpus(arts, jobs=1))
