"""Fast longest-match lookup of many fixed strings in text (names of places, titles …).

Scanning uses an Aho–Corasick automaton (``pyahocorasick``); single lookups
use a dict of the keys by their first character.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")


class Gazetteer(Generic[T]):
    """Maps strings to values and finds them in text, longest match first.

    >>> g = Gazetteer({"青石": 1, "青石市": 2})
    >>> list(g.finditer("青石市东山县"))
    [(0, 3, '青石市', 2)]
    >>> g.match_at("在青石", 1)
    (1, 3, '青石', 1)
    """

    def __init__(self, items: dict[str, T] | Iterable[tuple[str, T]] = ()) -> None:
        self.values: dict[str, T] = {}
        self._first: dict[str, list[int]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        self._longest = 0
        for k, v in (items.items() if isinstance(items, dict) else items):
            self.add(k, v)

    def add(self, key: str, value: T) -> None:
        """Add ``key`` (the first value given for a key is kept)."""
        if not key or key in self.values:
            return
        self.values[key] = value
        self._automaton = None
        self._longest = max(self._longest, len(key))
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

    def _scanner(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for k in self.values:
                a.add_word(k, (len(k), k))
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def find_all(self, text: str) -> Iterator[tuple[int, int, str, T]]:
        """The longest match at every position, overlapping ones included, left to right.

        >>> [m[2] for m in Gazetteer({"中学": 1, "学院": 2}).find_all("汉中学院")]
        ['中学', '学院']
        """
        if not self.values:
            return iter(())
        # The matches come by their end, left to right: of those at one start, the last is the longest.
        best = {end + 1 - n: key for end, (n, key) in self._scanner().iter(text)}
        return iter([(s, s + len(k), k, self.values[k]) for s, k in sorted(best.items())])

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str, T]]:
        """Non-overlapping longest matches, left to right, within ``text[start:end]``.

        Only the window is scanned, with room for the longest key past ``end``: the longest match at a
        position depends on the text from there on, and one that runs past ``end`` is left out.

        >>> [m[2] for m in Gazetteer({"青石": 1, "青石市": 2}).finditer("在青石市东山县", 1, 3)]
        []
        """
        end = len(text) if end is None else end
        pos = start
        window = text[start:end + self._longest - 1] if start or end < len(text) else text
        for s, e, k, v in self.find_all(window):
            s, e = s + start, e + start
            if s >= pos and e <= end:
                yield s, e, k, v
                pos = e
