"""Bytes → text: UTF-8 first, then the encodings Chinese papers are stored in."""
from __future__ import annotations

from pathlib import Path

from ..errors import KgError

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def looks_binary(raw: bytes) -> bool:
    """True when ``raw`` holds NUL bytes or many control bytes (an image, a zip …)."""
    head = raw[:8192]
    if any(head.startswith(b) for b, _ in _BOMS[1:]):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for c in head if c < 9 or 13 < c < 32)
    return ctrl > len(head) * 0.05


def decode_bytes(raw: bytes, path: str | Path = "<bytes>") -> str:
    """Decode ``raw`` as UTF-8, UTF-16 (BOM) or GB18030 (a superset of GBK and GB2312).

    >>> decode_bytes("晋中市".encode("gbk"))
    '晋中市'
    """
    if not raw.strip():
        raise KgError("E002", path=path)
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                raise KgError("E004", path=path) from None
    if looks_binary(raw):
        raise KgError("E003", path=path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_cjk_or_ascii(text):
        return text
    from charset_normalizer import from_bytes  # only for the rare file that is neither
    best = from_bytes(raw).best()
    if best is None:
        raise KgError("E004", path=path)
    return str(best)


def _mostly_cjk_or_ascii(text: str) -> bool:
    """Guard against a Latin-1 file that happens to decode as GB18030 garbage."""
    sample = text[:4000]
    good = sum(1 for ch in sample if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return good >= 0.9 * len(sample)
