"""RDF terms as N-Triples strings: the cheap, hashable, sortable form the stage works in.

>>> iri("http://x/a"), zh("刘\\"星\\""), typed("5", XSD + "integer")
('<http://x/a>', '"刘\\\\"星\\\\""@zh', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
"""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from .namespaces import XSD

# Escapes as oxigraph writes them, so terms read back from the store compare equal.
_ESCAPES = str.maketrans({**{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
                          "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r",
                          "\t": "\\t", "\b": "\\b", "\f": "\\f"})


def iri(value: str) -> str:
    """An IRI term."""
    return f"<{value}>"


def plain(value: str) -> str:
    """A plain (xsd:string) literal.

    >>> plain('a "b"\\n')
    '"a \\\\"b\\\\"\\\\n"'
    """
    return f'"{value.translate(_ESCAPES)}"'


def zh(value: str) -> str:
    """A Chinese-language literal (``"…"@zh``)."""
    return f'"{value.translate(_ESCAPES)}"@zh'


def lang(value: str, tag: str) -> str:
    """A literal with language ``tag``."""
    return f'"{value.translate(_ESCAPES)}"@{tag}'


def typed(value: str, datatype: str) -> str:
    """A literal of ``datatype``."""
    return f'"{value.translate(_ESCAPES)}"^^<{datatype}>'


def integer(n: int) -> str:
    """An xsd:integer literal."""
    return f'"{int(n)}"^^<{XSD}integer>'


def boolean(b: bool) -> str:
    """An xsd:boolean literal."""
    return f'"{"true" if b else "false"}"^^<{XSD}boolean>'


@lru_cache(maxsize=4096)
def decimal(x: float | int | str | Decimal) -> str:
    """An xsd:decimal literal in XSD 1.1 canonical form (as the store gives it back).

    >>> decimal(0.8), decimal(12.0), decimal("1.50")
    ('"0.8"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"12"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>')
    """
    text = format(Decimal(str(x)).normalize(), "f")
    if text == "-0":
        text = "0"
    return f'"{text}"^^<{XSD}decimal>'


_DATE_KINDS = ((re.compile(r"\d{4}"), "gYear"), (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
               (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"))


@lru_cache(maxsize=4096)
def date_kind(value: str) -> str | None:
    """The XSD type of an ISO date of year, month or day precision, else None.

    >>> date_kind("2019"), date_kind("2019-03"), date_kind("2019-03-05"), date_kind("去年")
    ('gYear', 'gYearMonth', 'date', None)
    """
    for rx, kind in _DATE_KINDS:
        if rx.fullmatch(value):
            return kind
    return None


@lru_cache(maxsize=4096)
def date(value: str) -> str:
    """A date literal typed by its precision; a plain literal when it is not ISO.

    >>> date("2023-11-13")
    '"2023-11-13"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    kind = date_kind(value)
    return typed(value, XSD + kind) if kind else plain(value)


_UNITS = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("千万", Decimal(10) ** 7),
          ("百万", Decimal(10) ** 6), ("万", Decimal(10) ** 4), ("千", Decimal(10) ** 3))


def yuan(amount: object) -> Decimal | None:
    """An amount of money in yuan: a number (taken as yuan) or text like ``12.5亿元``.

    >>> yuan("12.5亿元"), yuan("3000万元"), yuan(800), yuan("不详")
    (Decimal('1250000000.0'), Decimal('30000000'), Decimal('800'), None)
    """
    if isinstance(amount, bool):
        return None
    if isinstance(amount, (int, float, Decimal)):
        return Decimal(str(amount))
    m = re.search(r"(\d+(?:\.\d+)?)\s*(万亿|亿|千万|百万|万|千)?\s*元", str(amount).replace(",", ""))
    if not m:
        return None
    try:
        n = Decimal(m.group(1))
    except InvalidOperation:
        return None
    for unit, factor in _UNITS:
        if m.group(2) == unit:
            return n * factor
    return n


_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def literal_parts(term: str) -> tuple[str, str | None, str | None]:
    """(value, language, datatype IRI) of an N-Triples literal term.

    >>> literal_parts('"刘\\\\"星"@zh'), literal_parts('"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    (('刘"星', 'zh', None), ('5', None, 'http://www.w3.org/2001/XMLSchema#integer'))
    """
    end = term.rindex('"')
    raw, tail = term[1:end], term[end + 1:]
    value = _UNESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if (m.group(1) or m.group(2))
                          else _SIMPLE.get(m.group(3), m.group(3)), raw) if "\\" in raw else raw
    if tail.startswith("@"):
        return value, tail[1:], None
    if tail.startswith("^^<"):
        return value, None, tail[3:-1]
    return value, None, None
