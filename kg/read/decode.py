"""Bytes → text: UTF-8 first, then the encodings Chinese papers are stored in.

Order: a byte-order mark decides; valid UTF-8 wins; a charset declared by
the file (HTML ``<meta charset>``) is tried next; otherwise every candidate
encoding (GB18030 ⊃ GBK ⊃ GB2312, Big5, UTF-16 without BOM, Windows-1252) is
scored on how plausible its text is and the best one is used.
"""
from __future__ import annotations

import codecs
from functools import lru_cache
from pathlib import Path

from ..errors import KgError

_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Tried in this order; on equal scores the earlier one wins.
_CANDIDATES = ("utf-8", "gb18030", "cp950", "utf-16-le", "utf-16-be", "cp1252")
# Labels seen in <meta charset> → the codec that really reads such pages (as browsers do).
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
            "gb_2312-80": "gb18030", "euc-cn": "gb18030", "big5": "cp950", "x-x-big5": "cp950",
            "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
            "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "utf-16": "utf-8", "utf-16le": "utf-8",
            "utf-16be": "utf-8"}
_SAMPLE = 256 * 1024        # bytes scored per candidate
_ACCEPT = 0.8               # lowest plausibility score accepted
# Besides ASCII and ideographs, what Chinese (or Western) text is made of: Latin-1 and
# pinyin letters, punctuation, ①, ㎡, ★, CJK punctuation, full-width forms. Anything
# else (kana, Hangul, Cyrillic, box drawing, private use …) is what a wrong codec makes.
_GOOD_BLOCKS = ((0x00A0, 0x024F), (0x2000, 0x206F), (0x2100, 0x22FF), (0x2460, 0x24FF),
                (0x25A0, 0x26FF), (0x3000, 0x303F), (0x3200, 0x33FF), (0xFF01, 0xFF5E),
                (0xFFE0, 0xFFE6))


def looks_binary(raw: bytes) -> bool:
    """True when ``raw`` holds NUL bytes or many control bytes (an image, a zip …).

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), looks_binary("市长".encode())
    (True, False)
    """
    head = raw[:8192]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for c in head if c < 9 or 13 < c < 32)
    return ctrl > len(head) * 0.05


def codec_for(label: str | None) -> str | None:
    """The codec to use for a declared charset ``label``, or None when unknown.

    >>> codec_for("GB2312"), codec_for("big5"), codec_for("x-unknown")
    ('gb18030', 'cp950', None)
    """
    if not label:
        return None
    label = label.strip().lower()
    if label in _ALIASES:
        return _ALIASES[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(raw: bytes, path: str | Path = "<bytes>", declared: str | None = None) -> str:
    """Decode ``raw``: BOM, else UTF-8, else ``declared``, else the most plausible encoding.

    Raises ``KgError`` E002 (empty), E003 (binary) or E004 (no encoding fits).

    >>> decode_bytes("青石市委书记来到北湖区。".encode("gbk"))
    '青石市委书记来到北湖区。'
    >>> decode_bytes("臺北市長來到中正區。".encode("big5"))
    '臺北市長來到中正區。'
    >>> decode_bytes("青石市委书记来到北湖区。".encode("utf-16-le"))
    '青石市委书记来到北湖区。'
    >>> decode_bytes("青石市委书记来到北湖区。".encode("gbk"), declared="iso-8859-1")
    '青石市委书记来到北湖区。'
    """
    if not raw.strip():
        raise KgError("E002", path=path)
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(enc if enc != "utf-8-sig" else "utf-8")
            except UnicodeDecodeError:
                raise KgError("E004", path=path) from None
            if not text.strip():
                raise KgError("E002", path=path)
            return text.lstrip("\ufeff")
    binary = looks_binary(raw)
    if not binary:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        enc = codec_for(declared)
        if enc and enc != "utf-8":
            try:
                text = raw.decode(enc)
            except (UnicodeDecodeError, LookupError):
                text = None
            if text is not None and plausibility(text, enc) >= _ACCEPT:   # pages lie about it too
                return text
    enc, _ = best_encoding(raw, strict=binary)
    if enc is None:
        raise KgError("E003" if binary else "E004", path=path)
    return raw.decode(enc, "replace")


def best_encoding(raw: bytes, strict: bool = False) -> tuple[str | None, float]:
    """The most plausible candidate encoding of ``raw`` and its score (0–1).

    A candidate must score at least 0.8; UTF-16 without a BOM, or any
    candidate for bytes holding NULs (``strict``), at least 0.95. ``(None, 0.0)``
    when none does.

    >>> best_encoding("茶陵县召开会议，部署安全生产工作。".encode("gb18030"))
    ('gb18030', 1.0)
    >>> best_encoding("Le maire a visité l'école élémentaire.".encode("latin-1"))[0]
    'cp1252'
    >>> best_encoding(bytes(range(0x80, 0x100)) * 4)
    (None, 0.0)
    """
    sample = raw[:_SAMPLE]
    best: tuple[str | None, float] = (None, 0.0)
    for enc in _CANDIDATES:
        need = 0.95 if strict or enc.startswith("utf-16") else _ACCEPT
        s = plausibility(sample.decode(enc, "replace"), enc)
        if s >= need and s > best[1]:
            best = (enc, s)
    return best


def plausibility(text: str, enc: str) -> float:
    """How much ``text`` looks like real (Chinese) writing decoded with the right ``enc``.

    Only characters the encoding choice affects count: everything but plain
    ASCII. Replacement and control characters, private-use and unassigned
    code points, and the scripts a wrong Chinese codec produces (kana,
    Hangul, Cyrillic, box drawing …) count as bad; uncommon ideographs as
    half bad.

    >>> plausibility("市长来到县里。", "gb18030"), plausibility("ÊÐ³¤À´µ½", "cp1252") < 0.8
    (1.0, True)
    """
    n = bad = 0.0
    for i, ch in enumerate(text[:100_000]):
        o = ord(ch)
        if 32 <= o < 127 or ch in "\t\n\r\f":
            continue
        n += 1
        bad += _badness(ch, o, enc, text, i)
    return 1.0 if n == 0 else round(max(0.0, 1.0 - bad / n), 4)


def _badness(ch: str, o: int, enc: str, text: str, i: int) -> float:
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return 0.0 if _common(ch, enc) else 0.5
    if not any(lo <= o <= hi for lo, hi in _GOOD_BLOCKS):
        return 1.0
    if enc == "cp1252" and 0xC0 <= o <= 0xFF and o not in (0xD7, 0xF7):
        # An accented Latin letter sits next to plain letters; runs of them are mojibake.
        near = text[max(0, i - 1):i] + text[i + 1:i + 2]
        return 0.0 if any(c.isascii() and c.isalpha() for c in near) else 1.0
    if enc == "cp1252" and 0xA0 <= o <= 0xBF and o not in (0xA0, 0xA9, 0xAB, 0xB0, 0xBB):
        return 1.0        # ¤ ³ µ ½ …: symbols that GBK bytes read as Latin-1 are full of
    return 0.0


def _common(ch: str, enc: str) -> bool:
    """Is ``ch`` a frequently used character for text stored in ``enc``?"""
    if enc == "gb18030":
        return _in_gb2312(ch)
    if enc == "cp950":
        return _in_big5_level1(ch)
    return _in_gb2312(ch) or _in_big5_level1(ch)


@lru_cache(maxsize=None)
def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


@lru_cache(maxsize=None)
def _in_big5_level1(ch: str) -> bool:
    try:
        b = ch.encode("cp950")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA440 <= int.from_bytes(b, "big") <= 0xC67E
