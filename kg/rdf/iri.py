"""Readable, deterministic, collision-safe IRIs for entities and helper resources.

A node key ``type/label[@qualifier]`` (from kg/resolve) becomes
``BASE + type + "/" + label[@qualifier]``. Chinese stays as it is; ASCII
characters that are not IRI-safe, ``/`` and ``%`` inside the label, white
space and control characters are percent-encoded (UTF-8), so two different
keys never give the same IRI.

>>> node_iri("person/王建华@白沙市", "https://kg.example.org/id/")
'https://kg.example.org/id/person/王建华@白沙市'
>>> node_iri("agency/中共 青石/市委 50%", "http://x/")
'http://x/agency/中共%20青石%2F市委%2050%25'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..errors import KgError
from .namespaces import DEFAULT_BASE

_SAFE_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~@")


@lru_cache(maxsize=1 << 16)
def encode_segment(text: str) -> str:
    """Percent-encode ``text`` for use as one IRI path segment (``/`` is encoded too).

    >>> encode_segment("青石市·北湖区"), encode_segment("a/b c"), encode_segment("")
    ('青石市·北湖区', 'a%2Fb%20c', '_')
    """
    if not text:
        return "_"
    out = []
    for ch in text:
        if ch in _SAFE_ASCII:
            out.append(ch)
        elif ord(ch) < 0x80 or ch.isspace() or unicodedata.category(ch)[0] in "CZ" \
                or not _ucschar(ord(ch)):
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out)


def _ucschar(cp: int) -> bool:
    """Whether ``cp`` may appear unencoded in an IRI (RFC 3987 ucschar)."""
    return (0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF
            or (0x10000 <= cp <= 0xEFFFD and (cp & 0xFFFF) < 0xFFFE))


def check_base(base: str | None) -> str:
    """The base IRI to use: ``base`` (ending in ``/`` or ``#``) or the default.

    >>> check_base(None), check_base("http://example.org/kg")
    ('https://kg.example.org/id/', 'http://example.org/kg/')
    """
    if base is None:
        return DEFAULT_BASE
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", base):
        raise KgError("E029", base=base)
    return base if base.endswith(("/", "#")) else base + "/"


def node_iri(key: str, base: str) -> str:
    """The IRI of the graph node with ``key`` (``type/label``, see kg.resolve.node_key)."""
    seg, sep, rest = key.partition("/")
    if not sep:
        seg, rest = "entity", key
    return f"{base}{encode_segment(seg.lower())}/{encode_segment(rest)}"


def article_iri(article_id: str, base: str) -> str:
    """The IRI of an article, which also names its graph.

    >>> article_iri("000_x.txt", "http://x/")
    'http://x/article/000_x.txt'
    """
    return f"{base}article/{encode_segment(article_id)}"


def article_base(article: str, identifier: str) -> str | None:
    """The base IRI that ``article`` (an article IRI) was made under, given the article's id; None if not one.

    >>> article_base("http://x/article/000_x.txt", "000_x.txt"), article_base("http://x/a", "b")
    ('http://x/', None)
    """
    suffix = "article/" + encode_segment(identifier)
    return article[: -len(suffix)] if article.endswith(suffix) else None


def role_iri(role: str, base: str) -> str:
    """The IRI of a role (书记, 市长 …) as an org:Role.

    >>> role_iri("书记", "http://x/")
    'http://x/role/书记'
    """
    return f"{base}role/{encode_segment(role)}"


def post_iri(org_key: str | None, role: str, base: str) -> str:
    """The IRI of the post ``role`` in the organisation ``org_key`` (one per pair).

    >>> post_iri("agency/中共青石市委员会", "书记", "http://x/")
    'http://x/post/agency:中共青石市委员会:书记'
    >>> post_iri(None, "市长", "http://x/")
    'http://x/post/市长'
    """
    if org_key is None:
        return f"{base}post/{encode_segment(role)}"
    seg, _, rest = node_iri(org_key, base)[len(base):].partition("/")
    return f"{base}post/{seg}:{rest}:{encode_segment(role)}"


def short_hash(*parts: object) -> str:
    """A 16-hex-digit digest of ``parts``, for resources without a natural name.

    >>> short_hash("a", None, 1)
    '72e79d69636a773d'
    """
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def membership_iri(person_key: str, post: str, base: str) -> str:
    """The IRI of the org:Membership of a person in a post (one per pair)."""
    return f"{base}membership/{short_hash(person_key, post)}"


def instant_iri(value: str, base: str) -> str:
    """The IRI of a time:Instant named by its ISO value (``2019``, ``2019-03``).

    >>> instant_iri("2019", "http://x/")
    'http://x/instant/2019'
    """
    return f"{base}instant/{encode_segment(value)}"


def interval_iri(start: str | None, end: str | None, base: str) -> str:
    """The IRI of a time:Interval from ``start`` to ``end``; ``_`` stands for an open end.

    >>> interval_iri("2019", "2021-03", "http://x/"), interval_iri("2019", None, "http://x/")
    ('http://x/interval/2019_2021-03', 'http://x/interval/2019_')
    """
    a = encode_segment(start) if start else ""
    b = encode_segment(end) if end else ""
    return f"{base}interval/{a}_{b}"
