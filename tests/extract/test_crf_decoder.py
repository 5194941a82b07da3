"""The batched numpy decoder (``crf.py``) tags as crfsuite does: the same state scores, labels and marginals."""
from __future__ import annotations

import numpy as np
import pytest

from kg.extract import crf
from kg.extract.segment import split_sentences
from kg.extract.tagger import model, scores, tag_article, tag_article_by, tagger
from kg.extract.tagger_features import features
from kg.extract.tokenize import tokenize

# Invented names; Latin letters, digits, punctuation and rare characters give the class features work.
_ARTICLE = (
    "东山县县长王建华来到青石镇调研，强调要抓好甲乙科技有限公司新厂项目。\n"
    "据西河日报3月5日讯，青石市人民政府与丙丁集团签约，总投资12.5亿元。\n"
    "“好！”李和平说——南坡村、北坡村的村民都来了。Ａ股公司ABC-2024年报显示营收增长15%。\n"
    "株洲市茶陵县委书记赵志刚主持召开县委常委会会议，传达学习省委全会精神，研究部署下一阶段工作；"
    "会议指出要坚持稳中求进工作总基调，扎实推进乡村振兴、城市更新和生态环境保护，确保各项任务落到实处。\n"
    "王五说👍。㐀㐁是罕见字，𠀀也是。"
)


def _rows(text: str, sentences: list[tuple[int, int]], tokens) -> list[tuple[str, ...]]:
    return [row for s, e in sentences for row in features(text[s:e], [t for t in tokens if t[1] > s and t[0] < e], s)]


def test_the_column_built_scores_equal_those_of_the_feature_strings():
    tokens = tokenize(_ARTICLE)
    sentences = split_sentences(_ARTICLE)
    assert np.array_equal(scores(_ARTICLE, sentences, tokens), crf.scores(model(), _rows(_ARTICLE, sentences, tokens)))


def test_the_batched_decoder_gives_crfsuites_labels_and_marginals():
    tokens = tokenize(_ARTICLE)
    sentences = split_sentences(_ARTICLE)
    m = model()
    paths, margs = crf.decode(m, scores(_ARTICLE, sentences, tokens), [e - s for s, e in sentences])
    t = tagger()
    for (s, e), path, marg in zip(sentences, paths, margs):
        labels = t.tag(features(_ARTICLE[s:e], [x for x in tokens if x[1] > s and x[0] < e], s))
        assert [m.labels[k] for k in path] == labels
        ref = np.array([[t.marginal(lab, i) for lab in m.labels] for i in range(e - s)])
        assert np.allclose(marg, ref, rtol=1e-12, atol=1e-15)
        assert np.allclose(marg.sum(axis=1), 1.0)


def test_an_article_tags_the_same_whichever_sentences_crfsuite_takes():
    tokens = tokenize(_ARTICLE)
    sentences = split_sentences(_ARTICLE)
    ref = tag_article_by(_ARTICLE, sentences, tokens, len(sentences))         # crfsuite alone
    assert any(t.kind == "Person" and _ARTICLE[t.start:t.end] == "王建华" for t in ref)
    for k in (0, 2):
        got = tag_article_by(_ARTICLE, sentences, tokens, k)
        assert [(t.start, t.end, t.kind) for t in got] == [(t.start, t.end, t.kind) for t in ref]
        assert np.allclose([t.prob for t in got], [t.prob for t in ref], rtol=1e-12)
    got = tag_article(_ARTICLE, sentences, tokens)         # the split is a cost choice: the same spans
    assert [(t.start, t.end, t.kind) for t in got] == [(t.start, t.end, t.kind) for t in ref]
    assert tag_article("", [], []) == []


def test_a_file_that_is_no_crfsuite_model_is_refused(tmp_path):
    bad = tmp_path / "x.crfsuite"
    bad.write_bytes(b"not a model at all, just some bytes" * 4)
    with pytest.raises(ValueError):
        crf.read_model(bad)
