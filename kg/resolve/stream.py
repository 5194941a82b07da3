"""Resolution of a corpus that does not fit in memory: the docs stream through twice.

While extraction streams, ``StreamedResolve.add`` indexes each doc's persons
(``MentionIndex``: what telling namesakes apart needs) and writes the doc to a
spill file; ``graph()`` then decides the namesakes and reads the docs back one
at a time to merge them (``merge``, keeping a light doc per article). Memory
holds the graph — nodes, facts, one light doc per article — and the index,
not the docs.

>>> import tempfile, pathlib
>>> from kg.model import Article, Doc
>>> a, b = Doc(Article("a", "")), Doc(Article("b", ""))
>>> _ = a.add_entity("Place", "东山县"); _ = b.add_entity("Place", "东山县", "东山")
>>> r = StreamedResolve(pathlib.Path(tempfile.mkdtemp()) / "docs.bin")
>>> r.add(a); r.add(b)
>>> g = r.graph()
>>> [(n.key, sorted(n.aliases), sorted(n.articles)) for n in g.nodes.values()]
[('place/东山县', ['东山'], ['a', 'b'])]
"""
from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..model import Doc, Graph
from .merge import merge
from .namesakes import MentionIndex


class DocSpill:
    """Docs appended to a file and read back in the same order, one in memory at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fh = open(self.path, "wb")
        self.count = 0

    def add(self, doc: Doc) -> None:
        data = zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._fh.write(len(data).to_bytes(4, "little"))
        self._fh.write(data)
        self.count += 1

    def __iter__(self) -> Iterator[Doc]:
        if not self._fh.closed:
            self._fh.close()
        with open(self.path, "rb") as fh:
            while head := fh.read(4):
                yield pickle.loads(zlib.decompress(fh.read(int.from_bytes(head, "little"))))

    def close(self) -> None:
        """Close and delete the file."""
        self._fh.close()
        self.path.unlink(missing_ok=True)


class StreamedResolve:
    """``add`` every doc, then ``graph()`` (see the module docstring)."""

    def __init__(self, spill: Path) -> None:
        self.spill = DocSpill(spill)
        self.index = MentionIndex()

    def add(self, doc: Doc) -> None:
        self.index.add(doc)
        self.spill.add(doc)

    def __len__(self) -> int:
        return self.spill.count

    def graph(self, on_doc=None) -> Graph:
        """The resolved graph; ``on_doc()`` is called after each doc is merged (progress)."""
        qual, why = self.index.qualifiers()
        self.index = MentionIndex()             # not needed any more

        def docs() -> Iterator[Doc]:
            for doc in self.spill:
                yield doc
                if on_doc is not None:
                    on_doc()
        try:
            return merge(docs(), qual, why, light=True)
        finally:
            self.spill.close()
