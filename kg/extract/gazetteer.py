"""Fast longest-match lookup of many fixed strings in text (names of places, titles …)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Gazetteer(Generic[T]):
    """Maps strings to values and finds them in text, longest match first.

    >>> g = Gazetteer({"晋中": 1, "晋中市": 2})
    >>> list(g.finditer("晋中市灵石县"))
    [(0, 3, '晋中市', 2)]
    >>> g.match_at("在晋中", 1)
    (1, 3, '晋中', 1)
    """

    def __init__(self, items: dict[str, T] | Iterable[tuple[str, T]] = ()) -> None:
        self.values: dict[str, T] = {}
        self._first: dict[str, list[int]] = {}
        for k, v in (items.items() if isinstance(items, dict) else items):
            self.add(k, v)

    def add(self, key: str, value: T) -> None:
        """Add ``key`` (the first value given for a key is kept)."""
        if not key or key in self.values:
            return
        self.values[key] = value
        lengths = self._first.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def get(self, key: str, default: T | None = None) -> T | None:
        return self.values.get(key, default)

    def match_at(self, text: str, i: int) -> tuple[int, int, str, T] | None:
        """The longest key starting at ``text[i]``, or None."""
        for n in self._first.get(text[i], ()) if i < len(text) else ():
            s = text[i:i + n]
            if len(s) == n and s in self.values:
                return i, i + n, s, self.values[s]
        return None

    def match_before(self, text: str, end: int, max_len: int = 12) -> tuple[int, int, str, T] | None:
        """The longest key ending exactly at ``end``, or None."""
        for n in range(min(max_len, end), 0, -1):
            s = text[end - n:end]
            if s in self.values:
                return end - n, end, s, self.values[s]
        return None

    def find_all(self, text: str) -> Iterator[tuple[int, int, str, T]]:
        """The longest match at every position, overlapping ones included.

        >>> [m[2] for m in Gazetteer({"中学": 1, "学院": 2}).find_all("晋中学院")]
        ['中学', '学院']
        """
        first = self._first
        for i in range(len(text)):
            if text[i] in first:
                m = self.match_at(text, i)
                if m:
                    yield m

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str, T]]:
        """Non-overlapping longest matches, left to right."""
        end = len(text) if end is None else end
        i = start
        first = self._first
        while i < end:
            if text[i] in first:
                m = self.match_at(text, i)
                if m and m[1] <= end:
                    yield m
                    i = m[1]
                    continue
            i += 1
