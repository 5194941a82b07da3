"""The cheaper mechanics of the extractor make the same decisions as the plain ones they replace."""
from __future__ import annotations

import re

import pytest

from kg.extract.lexicon import alternation
from kg.extract.tagger import label_spans
from kg.extract.tagger_features import features, word_shapes
from kg.extract.tokenize import tokenize
from kg.gazetteer import Gazetteer

_TEXTS = [
    "省委书记王建华来到东山县青石镇调研，强调要抓好甲公司新厂项目。",
    "据西河日报3月5日讯，乙市人民政府与丙集团签约。",
    "Ａ股上市公司ABC-2024年报显示，营收增长15%。",
    "“好！”李和平说——南坡村、北坡村的村民都来了。",
    "",
]


def _plain_features(text: str, tokens: list[tuple[int, int, str]]) -> list[list[str]]:
    """The features written out character by character (what ``features`` builds column by column)."""
    from kg.extract.lexicon import surnames
    pad = "^^" + text + "$$"
    shapes = word_shapes(len(text), tokens)
    out = []
    for i, c in enumerate(text):
        f = ["c" + c, "l" + pad[i + 1], "r" + pad[i + 3], "L" + pad[i], "R" + pad[i + 4],
             "b" + pad[i + 1:i + 3], "a" + pad[i + 2:i + 4], "x" + pad[i + 1] + pad[i + 3], shapes[i]]
        if not "\u4e00" <= c <= "\u9fff":
            f.append("kd" if c.isdigit() else "ka" if c.isascii() and c.isalpha() else "kp")
        elif c in surnames():
            f.append("s")
        out.append(sorted(f))
    return out


@pytest.mark.parametrize("text", _TEXTS)
def test_features_built_by_columns_equal_the_plain_ones(text):
    tokens = tokenize(text)
    assert [sorted(f) for f in features(text, tokens)] == _plain_features(text, tokens)


def test_word_shapes_of_a_sentence_inside_an_article_start_at_its_offset():
    text = "东山县召开会议。王建华主持会议。"
    tokens = tokenize(text)
    s = text.index("王")
    inside = [t for t in tokens if t[1] > s]
    assert word_shapes(len(text) - s, inside, s) == word_shapes(len(text), tokens)[s:]
    assert [sorted(f) for f in features(text[s:], inside, s)] == _plain_features(text[s:], tokenize(text[s:]))


def test_label_spans_read_bmes_and_skip_stray_inner_labels():
    assert label_spans(["M-PER", "E-PER", "B-LOC", "E-LOC", "O", "S-PER"]) == [(2, 4, "LOC"), (5, 6, "PER")]
    assert label_spans(["B-ORG", "M-ORG", "B-ORG", "E-ORG"]) == [(0, 2, "ORG"), (2, 4, "ORG")]
    assert label_spans(["O", "O"]) == []


def test_tokens_cover_the_text_with_offsets():
    text = "王建华在东山县说：“ABC公司2024年投产。”\n记者 李和平"
    tokens = tokenize(text)
    assert "".join(w for _, _, w in tokens) == text
    assert all(text[s:e] == w for s, e, w in tokens)
    assert tokenize("") == []


def test_a_long_alternation_opens_with_a_lookahead_and_matches_as_the_plain_one():
    ws = ["甲国", "乙国", "丙国", "丁国", "戊国", "己国", "庚国", "辛国", "甲国政府", "a.b"]
    pat = alternation(ws)
    assert pat.startswith("(?=[")
    plain = "(?:" + "|".join(re.escape(w) for w in sorted(set(ws), key=lambda w: (-len(w), w))) + ")"
    text = "甲国政府与乙国、辛国会谈，a.b和axb不同；戊国部队"
    for p in (pat, pat + "部队", "^" + pat, pat + "$"):
        q = p.replace(pat, plain)
        assert [m.span() for m in re.finditer(p, text)] == [m.span() for m in re.finditer(q, text)]
    assert not alternation(["甲", "乙"]).startswith("(?=")          # short: left as it is
    assert not alternation(["", *ws]).startswith("(?=")             # an empty word: no look-ahead


def test_gazetteer_find_all_keeps_the_longest_match_at_every_start():
    g = Gazetteer({"东山": 1, "东山县": 2, "山县": 3, "县城": 4, "东山县城": 5, "城": 6})
    assert [m[2] for m in g.find_all("东山县城东山县")] == ["东山县城", "山县", "县城", "城", "东山县", "山县"]


def test_word_shapes_fill_a_gap_between_words_that_do_not_touch():
    assert word_shapes(6, [(0, 2, "人民"), (3, 5, "大街"), (5, 6, "路")]) == ["wB:n", "wE:n", "", "wB:ns", "wE:ns", "wS:n"]
