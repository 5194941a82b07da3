"""Writing decisions into the corrections file with tomlkit, keeping its comments and order."""
from __future__ import annotations

from pathlib import Path

import tomlkit
from tomlkit.items import AoT

from ..errors import KgError
from ..fsutil import atomic_write
from .file import load, parse

HEADER = ("kg corrections: applied on every kg build (README \"Correcting the graph\").\n"
          "Kinds: merge, split, reject, add, retype, rename, home, accept; each with who and why.\n")


def append(path: Path, kind: str, fields: dict[str, object], comment: str | None = None) -> None:
    """Add a ``[[kind]]`` table with ``fields`` to the file at ``path`` (made when missing), after the
    tables of its kind; the rest of the file is left as it was. The result is validated before it replaces
    the file (raises ``KgError`` E100–E106 when the file was bad, E011 when it cannot be written)."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as e:
        raise KgError("E105", path=path, detail=str(e).splitlines()[0][:120]) from None
    if text:
        load(path)                          # a file that is already bad is reported, not rewritten
    doc = tomlkit.parse(text) if text else tomlkit.document()
    if not text:
        for line in HEADER.splitlines():
            doc.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
    table = tomlkit.table()
    if comment:
        table.add(tomlkit.comment(comment))
    for k, v in fields.items():
        table.add(k, v)
    table.add(tomlkit.nl())
    if kind not in doc:
        doc.add(kind, tomlkit.aot())
    if isinstance(doc[kind], AoT):
        doc[kind].append(table)
    else:                                   # the one-line form: kind = [{…}, …]
        row = tomlkit.inline_table()
        row.update(fields)
        doc[kind].append(row)
    new = tomlkit.dumps(doc)
    parse(new, path)                        # what is written is a valid file
    try:
        atomic_write(path, new)
    except OSError as e:
        raise KgError("E011", path=path, detail=e.strerror or type(e).__name__) from None
