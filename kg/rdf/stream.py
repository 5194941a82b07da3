"""Writing ``graph.ttl`` and ``graph.trig`` while the article graphs come, one at a time.

Each article graph is compacted to Turtle once, appended to a body file (as a
TriG ``GRAPH`` block, and without its indentation for ``graph.ttl``) and then
forgotten, so memory holds the shared graph, not the corpus. ``finish`` puts
the ``@prefix`` header and the shared descriptions in front of each body
(a temporary file renamed over the target). Both files are deterministic:
the shared descriptions sorted by subject, then each article graph, in the
order the graphs were given (sorted by IRI in a build), its subjects sorted.
The subjects of article graphs (the article, its facts) are never described
elsewhere, so ``graph.ttl`` holds each subject's triples in one block.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> w = GraphFiles(d, "http://x/")
>>> w.graph("http://x/article/a", {"<http://x/article/a>": {("<http://x/p>", '"o"')}})
>>> w.finish({"<http://x/person/王建华>": {("<http://www.w3.org/2000/01/rdf-schema#label>", '"王建华"@zh')}})
2
>>> print((d / "graph.ttl").read_text(encoding="utf-8"), end="")
@prefix article: <http://x/article/> .
@prefix person: <http://x/person/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<BLANKLINE>
person:王建华 rdfs:label "王建华"@zh .
<BLANKLINE>
article:a <http://x/p> "o" .
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from .dataset import Subjects
from .mapping import ArticleRdf
from .namespaces import prefixes
from .turtle import Compactor, _body

_INDENT = re.compile(r"^    ", re.MULTILINE)


class GraphFiles:
    """``graph.ttl`` and ``graph.trig`` of ``folder``, written graph by graph (see the module docstring)."""

    def __init__(self, folder: Path, base: str) -> None:
        self.folder = Path(folder)
        self.c = Compactor(prefixes(base))
        self.triples = 0
        self._parts = Path(tempfile.mkdtemp(prefix=".kg-build-parts-", dir=self.folder))
        self._trig = open(self._parts / "trig", "w", encoding="utf-8")
        self._ttl = open(self._parts / "ttl", "w", encoding="utf-8")
        self._n = 0

    def graph(self, g: str, subjects: Subjects) -> None:
        """Append the named graph ``g`` (its subjects: {(p, o)})."""
        if subjects:
            self._write(self.block(g, subjects)[0], sum(len(pos) for pos in subjects.values()))

    def part(self, part: ArticleRdf) -> None:
        """Append an article's graph: its TriG block as made before (``part.block``), else made now and kept there."""
        if part.block is None:
            part.block = self.block(part.graph, part.graph_subjects())
        else:
            self.c.used.update(part.block[1])
        self._write(part.block[0], part.quads)

    def block(self, g: str, subjects: Subjects) -> tuple[str, tuple[str, ...]]:
        """The TriG block of the named graph ``g`` and the prefixes it uses."""
        before, self.c.used = self.c.used, set()
        try:
            text = f"{self.c(f'<{g}>')} {{\n{_body(subjects, self.c, '    ')}}}\n"
            return text, tuple(sorted(self.c.used))
        finally:
            self.c.used |= before

    def _write(self, block: str, triples: int) -> None:
        sep = "\n" if self._n else ""
        self._trig.write(sep + block)
        body = block[block.index("{\n") + 2:-2]           # the block's triples, without "g {" and "}"
        self._ttl.write(sep + _INDENT.sub("", body))
        self.triples += triples
        self._n += 1

    def finish(self, shared: Subjects) -> int:
        """Write both files with ``shared`` (the default graph) in front; return the triple count."""
        self._trig.close()
        self._ttl.close()
        try:
            head = _body(shared, self.c) if shared else ""
            self.triples += sum(len(pos) for pos in shared.values())
            header = self.c.header() + "\n"
            gap = "\n" if head and self._n else ""
            self._assemble("graph.trig", header + head + gap, self._parts / "trig")
            self._assemble("graph.ttl", header + head + gap, self._parts / "ttl")
        finally:
            shutil.rmtree(self._parts, ignore_errors=True)
        return self.triples

    def abort(self) -> None:
        """Forget what was written (an interrupted build)."""
        self._trig.close()
        self._ttl.close()
        shutil.rmtree(self._parts, ignore_errors=True)

    def _assemble(self, name: str, head: str, body: Path) -> None:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out, open(body, encoding="utf-8") as src:
                out.write(head)
                shutil.copyfileobj(src, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, self.folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
