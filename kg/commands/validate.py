"""``kg validate OUT``: check OUT/graph.ttl against the SHACL shapes of ontology/shapes.ttl."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("validate", help="check a build's graph.ttl against ontology/shapes.ttl (SHACL)",
                       description="Validate OUT/graph.ttl (or a Turtle file) with pySHACL against "
                                   "ontology/shapes.ttl, the ontology mixed in. Prints each problem on one line.")
    v.add_argument("out", metavar="OUT", help="output folder of kg build, or a Turtle file")
    v.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from ..errors import KgError
    from ..rdf.validate import SHAPES, validate_file
    path = Path(a.out)
    if path.is_dir():
        path = path / "graph.ttl"
        if not path.is_file():
            raise KgError("E012", path=a.out, missing="graph.ttl")
    elif not path.exists():
        raise KgError("E001", path=a.out)
    ok, problems, n = validate_file(path)
    if not ok:
        for line in problems:
            print(line)
        raise KgError("E033", path=str(path), count=len(problems))
    print(f"kg: {path} conforms to {SHAPES.name} ({n} triples)")
    return 0
