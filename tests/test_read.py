"""Stage 1, read: every format, every encoding, bad files as warnings."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.read import read_sources
from kg.read import jsonl as jsonl_mod
from kg.read import sources as sources_mod
from kg.read.decode import decode_bytes
from kg.read.html import html_to_text

# Sentences written for these tests (not taken from the seed articles).
S1 = "3月12日，县长赵建国到东湖镇检查春耕备耕工作，要求各级干部深入田间地头。"
S2 = "市住建局召开全市城市更新工作推进会，局长孙立平出席会议并讲话。"
S3 = "新区管委会与华信建设集团签署合作协议，共同推进滨河公园项目建设。"
TRAD = "臺北市政府今天舉行記者會，市長表示將加強交通建設，並與新北市合作推動捷運延伸工程。"


def read(paths, **kw):
    """Articles and warning codes/messages of ``paths``."""
    warnings: list[KgError] = []
    arts = list(read_sources([Path(p) for p in paths], warnings.append, **kw))
    return arts, warnings


def codes(warnings):
    return [w.code for w in warnings]


def write(path: Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


# ---- plain text and encodings -------------------------------------------------------------

@pytest.mark.parametrize("encoding, text", [
    ("utf-8", S1),
    ("utf-8-sig", S1),
    ("gbk", S1),
    ("gb2312", S2),
    ("gb18030", S3 + "𠀀鿫"),          # characters only GB18030's four-byte part has
    ("utf-16", S1),                    # with BOM
    ("utf-16-le", S1 + "\n" + S2),     # no BOM
    ("utf-16-be", S2 + " 2024 ABC"),   # no BOM, ASCII too
    ("big5", TRAD),
])
def test_encodings_are_detected(tmp_path, encoding, text):
    f = write(tmp_path / "a.txt", text, encoding)
    arts, warns = read([f])
    assert warns == []
    assert [a.text for a in arts] == [text]
    assert arts[0].id == "a.txt" and arts[0].source == str(f)


@pytest.mark.parametrize("bom, encoding", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_with_either_byte_order_mark(tmp_path, bom, encoding):
    # The mark says the byte order: a big-endian file must not be read as little-endian.
    f = write(tmp_path / "a.txt", bom + (S1 + "\n" + S2).encode(encoding))
    g = write(tmp_path / "b.jsonl", bom + jl({"id": "b", "text": S3}).encode(encoding))
    arts, warns = read([f, g])
    assert warns == [] and [a.text for a in arts] == [S1 + "\n" + S2, S3]


def test_long_gbk_article_with_ascii_and_punctuation(tmp_path):
    text = "\n".join([S1, S2, S3, "（记者 王小明 通讯员 李峰）", "2024年GDP增长5.2%，“十四五”规划稳步推进。"] * 30)
    arts, warns = read([write(tmp_path / "a.txt", text, "gbk")])
    assert warns == [] and arts[0].text == text


def test_latin1_is_not_read_as_chinese():
    text = "Le conseil municipal a adopté le budget; les élèves ont visité la préfecture."
    assert decode_bytes(text.encode("latin-1")) == text


def test_control_characters_are_dropped(tmp_path):
    arts, _ = read([write(tmp_path / "a.txt", S1 + "\f" + S2 + "\x1b\x7f\u200b"),
                    write(tmp_path / "b.jsonl", json.dumps({"id": "b", "text": "\x00" + S3, "title": "标\x07题"}) + "\n")])
    assert [(a.text, a.title) for a in arts] == [(S1 + "\n" + S2 + "\u200b", None), (S3, "标题")]


def test_only_control_characters_is_empty(tmp_path):
    arts, warns = read([write(tmp_path / "a.txt", "\x1b" + " " * 40 + "\n\u3000\x7f"),
                        write(tmp_path / "b.jsonl", json.dumps({"id": "b", "text": "\x00\x01"}) + "\n")])
    assert arts == [] and codes(warns) == ["E002", "E006"]


def test_utf8_bom_is_dropped(tmp_path):
    arts, _ = read([write(tmp_path / "a.md", "\ufeff# 标题\n" + S1)])
    assert arts[0].text == "# 标题\n" + S1


def test_truncated_utf8_still_reads(tmp_path):
    raw = (S1 * 5).encode("utf-8")[:-1]            # a multi-byte character cut in half
    arts, warns = read([write(tmp_path / "a.txt", raw)])
    assert warns == [] and arts[0].text.startswith(S1) and arts[0].text.endswith("\ufffd")


@pytest.mark.parametrize("data, code", [
    (b"", "E002"),
    (b"  \n\t\r\n ", "E002"),
    ("\ufeff  \n".encode("utf-8"), "E002"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "E003"),
    (bytes(range(0x80, 0x100)) * 4, "E004"),
    (b"\x81\x8d\x8f\x90\x9d" * 50, "E004"),
])
def test_bad_text_files_are_warnings(tmp_path, data, code):
    good = write(tmp_path / "good.txt", S1)
    bad = write(tmp_path / "bad.txt", data)
    arts, warns = read([bad, good])
    assert [a.id for a in arts] == ["good.txt"]
    assert codes(warns) == [code]
    assert str(bad) in str(warns[0]) and "\n" not in str(warns[0])


def test_without_warn_the_first_error_is_raised(tmp_path):
    with pytest.raises(KgError) as e:
        list(read_sources([tmp_path / "missing.txt"]))
    assert e.value.code == "E001"


def test_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources_mod, "MAX_BYTES", 100)
    arts, warns = read([write(tmp_path / "big.txt", S1 * 10), write(tmp_path / "small.txt", S2)])
    assert [a.id for a in arts] == ["small.txt"] and codes(warns) == ["E023"]
    assert "too large" in str(warns[0])


def test_unsupported_file_named_directly(tmp_path):
    arts, warns = read([write(tmp_path / "a.pdf", b"%PDF-1.4")])
    assert arts == [] and codes(warns) == ["E007"] and "'.pdf'" in str(warns[0])


def test_file_without_suffix_is_plain_text(tmp_path):
    arts, _ = read([write(tmp_path / "README", S2)])
    assert [a.text for a in arts] == [S2]


# ---- HTML ------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><meta charset="{cs}"><title>城市更新 - 晚报</title>
<style>p {{ color: red }}</style><script>var x = "<p>不要</p>";</script></head><body>
<header><div class="logo">晚报网</div></header>
<nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<div role="navigation">频道导航</div>
<article><h1>城市更新推进会召开</h1>
<p>&#12288;&#12288;市住建局召开全市城市更新工作推进会，
局长孙立平出席会议并讲话。<br>会议要求&ldquo;抓紧&rdquo;落实&amp;推进。</p>
<p style="display:none">隐藏段落</p>
<table><tr><td>项目</td><td>进度</td></tr></table>
</article>
<aside>相关阅读</aside><form>搜索</form>
<footer>版权所有 &copy; 晚报社</footer></body></html>"""
PAGE_TEXT = ("# 城市更新推进会召开\n\n市住建局召开全市城市更新工作推进会，局长孙立平出席会议并讲话。\n"
             "会议要求“抓紧”落实&推进。\n\n项目\t进度")


@pytest.mark.parametrize("encoding, declared", [
    ("utf-8", "utf-8"), ("gbk", "gbk"), ("gb18030", "gb2312"), ("gbk", "x-none"), ("utf-8", "gb2312"), ("gbk", "iso-8859-1"),
])
def test_html_text_title_and_charset(tmp_path, encoding, declared):
    f = write(tmp_path / "p.html", PAGE.format(cs=declared), encoding)
    arts, warns = read([f])
    assert warns == []
    assert arts[0].text == PAGE_TEXT
    assert arts[0].title == "城市更新 - 晚报"
    assert arts[0].id == "p.html"


def test_html_declared_big5(tmp_path):
    f = write(tmp_path / "p.htm", f"<meta http-equiv='Content-Type' content='text/html; charset=big5'><p>{TRAD}</p>", "big5")
    arts, _ = read([f])
    assert arts[0].text == TRAD and arts[0].title is None


def test_html_title_falls_back_to_h1_and_br_is_one_line_break():
    text, title = html_to_text("<h1>标题一</h1><p>第一行<br/>第二行<br>第三行</p><p>下一段</p>")
    assert title == "标题一"
    assert text == "# 标题一\n\n第一行\n第二行\n第三行\n\n下一段"


def test_html_entities_and_whitespace():
    text, _ = html_to_text("<p>A&nbsp;&amp;&nbsp;B &lt;tag&gt; &#x4E2D;&#25991; 中\n  文</p><p>中文\n  中文</p><pre>a\n  b</pre>")
    assert text == "A & B <tag> 中文 中文\n\n中文中文\n\na\nb"


def test_html_unclosed_nav_does_not_eat_the_page():
    text, _ = html_to_text("<body><nav>菜单</body><p>正文</p>")
    assert text == "正文"


def test_html_unclosed_title():
    assert html_to_text("<title>标题<body><p>正文</p>") == ("正文", "标题")


def test_html_markup_the_parser_rejects():
    text, _ = html_to_text("<p>正文</p><![foo bar")
    assert "正文" in text


def test_html_old_table_layout_chrome_and_meta_date(tmp_path):
    page = ('<html><head><meta name="PubDate" content="2024-05-06 09:30"><title>旧版页面</title></head><body>'
            '<div id="nav"><a>首页</a><a>时政</a></div><div class="crumb">位置：首页 > 时政</div>'
            f'<table><tr><td class="text"><p>{S2}</p></td></tr></table>'
            '<div class="copyright">版权所有 不得转载</div><div class="has-sidebar"><p>保留</p></div></body></html>')
    arts, warns = read([write(tmp_path / "old.html", page, "gb2312")])
    assert warns == []
    assert arts[0].text == S2 + "\n\n保留" and arts[0].date == "2024-05-06" and arts[0].title == "旧版页面"


def test_html_chrome_names_never_empty_the_page():
    text, _ = html_to_text(f'<div id="footer"><p>{S1}</p></div>')
    assert text == S1


def test_html_without_text_is_a_warning(tmp_path):
    arts, warns = read([write(tmp_path / "e.html", "<html><script>x()</script><nav>首页</nav></html>")])
    assert arts == [] and codes(warns) == ["E010"]


# ---- JSON Lines ------------------------------------------------------------------------------

def jl(*objs) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objs)


def test_jsonl_fields(tmp_path):
    f = write(tmp_path / "n.jsonl", jl(
        {"id": "a1", "text": S1, "title": "春耕", "date": "2024-03-12", "source": "县报", "home": "东山县"},
        {"id": 7, "text": S2},
        {"text": S3, "date": "2024年3月5日"},
        {"id": "a4", "text": S1, "extra": [1, 2]},
    ))
    arts, warns = read([f])
    assert warns == []
    a, b, c, d = arts
    assert (a.id, a.text, a.title, a.date, a.source, a.home) == ("a1", S1, "春耕", "2024-03-12", "县报", "东山县")
    assert (b.id, b.title, b.date, b.source, b.home) == ("7", None, None, str(f), None)
    assert (c.id, c.date) == ("n-3", "2024-03-05")
    assert d.id == "a4"


def test_jsonl_bom_crlf_and_blank_lines(tmp_path):
    raw = "\ufeff" + jl({"id": "a", "text": S1}).replace("\n", "\r\n") + "\r\n   \n" + jl({"id": "b", "text": S2})
    arts, warns = read([write(tmp_path / "n.jsonl", raw)])
    assert warns == [] and [(a.id, a.text) for a in arts] == [("a", S1), ("b", S2)]


def test_jsonl_line_separator_inside_text_does_not_split_the_line(tmp_path):
    text = S1 + "\u2028" + S2 + "\x85" + S3
    arts, warns = read([write(tmp_path / "n.jsonl", json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n")])
    assert warns == [] and arts[0].text == S1 + "\n" + S2 + "\n" + S3


def test_jsonl_in_gbk_and_utf16(tmp_path):
    body = jl({"id": "a", "text": S1}, {"id": "b", "text": S2, "title": "推进会"})
    for name, enc in (("g.jsonl", "gbk"), ("u.jsonl", "utf-16")):
        arts, warns = read([write(tmp_path / name, body, enc)])
        assert warns == [] and [(a.id, a.text) for a in arts] == [("a", S1), ("b", S2)]
        assert arts[1].title == "推进会"


@pytest.mark.parametrize("line, code, fragment", [
    ('{"id": "x", "text": ', "E005", "line 2: malformed JSON"),
    ("[1, 2, 3]", "E024", "line 2: expected a JSON object, got an array"),
    ('"just a string"', "E024", "got a string"),
    ("42", "E024", "got a number"),
    ("null", "E024", "got null"),
    ('{"id": "x"}', "E006", 'line 2: article needs a non-empty "text"'),
    ('{"id": "x", "text": "   "}', "E006", "line 2"),
    ('{"id": "x", "text": ["a"]}', "E006", "line 2"),
    ('{"id": true, "text": "县长讲话。"}', "E025", 'line 2: "id" must be'),
    ('{"id": {"a": 1}, "text": "县长讲话。"}', "E025", "line 2"),
    ('{"id": "", "text": "县长讲话。"}', "E025", "line 2"),
    ('{"id": "ok", "text": "县长讲话。"}', "E015", "line 2: duplicate article id 'ok'"),
    ("[" * 100000 + "]" * 100000, "E005", "nested too deeply"),
    ('{"id": "big", "text": "x", "n": ' + "9" * 5000 + "}", "E005", "line 2"),
])
def test_jsonl_bad_lines_are_skipped(tmp_path, line, code, fragment):
    f = write(tmp_path / "n.jsonl", jl({"id": "ok", "text": S1}, line, {"id": "z", "text": S2}))
    arts, warns = read([f])
    assert [a.id for a in arts] == ["ok", "z"]
    assert codes(warns) == [code]
    assert str(warns[0]).startswith(f"{f}: ") and fragment in str(warns[0])
    assert "\n" not in str(warns[0])


def test_jsonl_bad_optional_fields_are_dropped_not_the_article(tmp_path):
    f = write(tmp_path / "n.jsonl", jl({"id": "a", "text": S1, "title": ["x"], "home": 3, "date": "2024-02-30"},
                                       {"id": "b", "text": S2, "date": 20240312}))
    arts, warns = read([f])
    assert [(a.id, a.title, a.home, a.date) for a in arts] == [("a", None, None, None), ("b", None, None, None)]
    assert codes(warns) == ["E026", "E026", "E014", "E014"]
    assert '"title" must be a string' in str(warns[0])
    assert f"{f}: line 1: invalid date '2024-02-30'" in str(warns[2])


def test_jsonl_lone_surrogate_is_replaced(tmp_path):
    arts, _ = read([write(tmp_path / "n.jsonl", '{"id": "a", "text": "县长\\ud800讲话\\ud83d\\ude00"}\n')])
    assert arts[0].text == "县长\ufffd讲话😀"
    arts[0].text.encode("utf-8")


def test_jsonl_overlong_line_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_mod, "MAX_LINE", 200)
    f = write(tmp_path / "n.jsonl", jl({"id": "long", "text": S1 * 20}, {"id": "short", "text": S2}))
    arts, warns = read([f])
    assert [a.id for a in arts] == ["short"] and codes(warns) == ["E023"] and "line 1" in str(warns[0])


def test_jsonl_with_only_bad_lines_gives_no_articles(tmp_path):
    arts, warns = read([write(tmp_path / "n.jsonl", "{oops\n[1]\n")])
    assert arts == [] and codes(warns) == ["E005", "E024"]


def test_jsonl_empty_or_binary_file(tmp_path):
    arts, warns = read([write(tmp_path / "e.jsonl", "\n  \n"), write(tmp_path / "z.jsonl", b"\x1f\x8b\x08\x00" * 40),
                        write(tmp_path / "c.jsonl", bytes(range(1, 32)) * 10)])
    assert arts == [] and codes(warns) == ["E002", "E003", "E003"]


def test_jsonl_warnings_are_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_mod, "MAX_WARNINGS", 3)
    f = write(tmp_path / "pretty.jsonl", json.dumps([{"id": i, "text": S1} for i in range(3)], indent=2))
    arts, warns = read([f])
    assert arts == [] and codes(warns) == ["E005", "E005", "E005", "E035"]
    assert str(warns[-1]).startswith(f"{f}: ") and "more bad lines" in str(warns[-1])


def test_jsonl_undecodable_line(tmp_path):
    raw = jl({"id": "a", "text": S1}).encode() + b'{"id": "b", "text": "' + bytes(range(0x80, 0x100)) * 2 + b'"}\n'
    arts, warns = read([write(tmp_path / "n.jsonl", raw)])
    assert [a.id for a in arts] == ["a"] and codes(warns) == ["E004"] and "line 2" in str(warns[0])


# ---- folders and paths -----------------------------------------------------------------------

def test_folder_sorted_recursive_hidden_skipped(tmp_path):
    d = tmp_path / "in"
    write(d / "b.txt", S2)
    write(d / "a.md", S1)
    write(d / "sub" / "c.html", f"<p>{S3}</p>")
    write(d / "sub" / "deeper" / "d.TXT", S1)
    write(d / "a.jsonl", jl({"id": "j1", "text": S3}))
    write(d / ".hidden.txt", S1)
    write(d / ".git" / "x.txt", S1)
    write(d / "photo.jpg", b"\xff\xd8\xff\x00")
    write(d / "notes.docx", b"PK\x03\x04\x00")
    arts, warns = read([d])
    assert warns == []
    assert [a.id for a in arts] == ["j1", "a.md", "b.txt", "sub/c.html", "sub/deeper/d.TXT"]


def test_same_name_in_two_folders_gets_distinct_ids(tmp_path):
    write(tmp_path / "x" / "1.txt", S1)
    write(tmp_path / "y" / "1.txt", S2)
    arts, warns = read([tmp_path])
    assert [a.id for a in arts] == ["x/1.txt", "y/1.txt"] and warns == []


def test_duplicate_id_across_sources_is_skipped(tmp_path):
    a = write(tmp_path / "x" / "1.txt", S1)
    b = write(tmp_path / "y" / "1.txt", S2)
    arts, warns = read([a, b])
    assert [a.text for a in arts] == [S1] and codes(warns) == ["E028"]
    assert str(b) in str(warns[0]) and str(a) in str(warns[0])


def test_excluded_output_is_not_walked(tmp_path):
    write(tmp_path / "a.txt", S1)
    out = tmp_path / "out"
    write(out / "extractions.jsonl", jl({"article": "a.txt", "entities": []}))
    write(out / "graph.html", "<p>图</p>")
    single = write(tmp_path / "x.jsonl", jl({"id": "x", "text": S2}))
    arts, warns = read([tmp_path], exclude=[out, single, tmp_path / "missing"])
    assert [a.id for a in arts] == ["a.txt"] and warns == []
    arts, _ = read([single], exclude=[single])              # a file named directly is still read
    assert [a.id for a in arts] == ["x"]


def test_same_file_twice_is_read_once(tmp_path):
    f = write(tmp_path / "d" / "a.txt", S1)
    arts, warns = read([tmp_path / "d", f, f])
    assert [a.id for a in arts] == ["a.txt"] and warns == []


def test_missing_path(tmp_path):
    arts, warns = read([tmp_path / "nope.txt", write(tmp_path / "a.txt", S1)])
    assert [a.id for a in arts] == ["a.txt"] and codes(warns) == ["E001"]
    assert str(warns[0]) == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_empty_path_is_not_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", S1)
    warnings: list[KgError] = []
    assert list(read_sources([""], warnings.append)) == []
    assert [str(w) for w in warnings] == ["'': no such file or directory"]


def test_folder_without_readable_files(tmp_path):
    write(tmp_path / "d" / "x.pdf", b"%PDF")
    write(tmp_path / "d" / ".h.txt", S1)
    (tmp_path / "e").mkdir()
    arts, warns = read([tmp_path / "d", tmp_path / "e"])
    assert arts == [] and codes(warns) == ["E027", "E027"]
    assert str(tmp_path / "d") in str(warns[0])


def test_fifo_and_device_are_not_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    arts, warns = read([fifo, "/dev/null", write(tmp_path / "a.txt", S1)])
    assert [a.id for a in arts] == ["a.txt"]
    assert codes(warns) == ["E022", "E022"]
    assert "named pipe" in str(warns[0]) and "character device" in str(warns[1])


def test_fifo_inside_a_folder_is_reported_not_opened(tmp_path):
    write(tmp_path / "a.txt", S1)
    os.mkfifo(tmp_path / "p.txt")
    arts, warns = read([tmp_path])
    assert [a.id for a in arts] == ["a.txt"] and codes(warns) == ["E022"]


def test_symlink_loops(tmp_path):
    (tmp_path / "l1").symlink_to(tmp_path / "l2")
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    d = tmp_path / "d"
    write(d / "a.txt", S1)
    (d / "up").symlink_to(d)                     # a folder that contains itself
    (d / "dead.txt").symlink_to(tmp_path / "gone.txt")
    arts, warns = read([tmp_path / "l1", d])
    assert [a.id for a in arts] == ["a.txt"]
    assert codes(warns) == ["E008", "E008"]
    assert "symbolic links" in str(warns[0]) and "broken symbolic link" in str(warns[1])


def test_symlinked_file_and_folder_are_followed(tmp_path):
    real = write(tmp_path / "real" / "a.txt", S1)
    d = tmp_path / "d"
    d.mkdir()
    (d / "linked").symlink_to(tmp_path / "real")
    (d / "b.txt").symlink_to(real)
    arts, _ = read([d])
    assert [a.id for a in arts] == ["b.txt"]       # the same file is read once


def test_unreadable_file_is_a_warning(tmp_path, monkeypatch):
    bad = write(tmp_path / "secret.txt", S1)
    good = write(tmp_path / "ok.txt", S2)
    real_open = open

    def fake_open(path, *a, **kw):
        if Path(path) == bad:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)
    monkeypatch.setattr(sources_mod, "open", fake_open, raising=False)
    arts, warns = read([bad, good])
    assert [a.id for a in arts] == ["ok.txt"]
    assert [str(w) for w in warns] == [f"{bad}: cannot read (Permission denied)"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_and_folder_for_real(tmp_path):
    bad = write(tmp_path / "secret.txt", S1)
    bad.chmod(0)
    sub = tmp_path / "locked"
    write(sub / "x.txt", S2)
    sub.chmod(0)
    try:
        arts, warns = read([tmp_path])
    finally:
        sub.chmod(0o755)
    assert arts == [] and {w.code for w in warns} >= {"E008"}


def test_a_jsonl_home_that_is_no_division_is_reported_and_inferred_instead(tmp_path):
    import json as _json

    from kg.read import read_sources
    p = tmp_path / "a.jsonl"
    p.write_text(_json.dumps({"id": "x", "text": "我县岳西县召开大会。", "home": "甲乙丙县"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    warned = []
    arts = list(read_sources([p], warn=warned.append))
    assert [w.code for w in warned] == ["E062"] and arts[0].home is None
