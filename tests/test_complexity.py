"""The extraction package stays made of small rules: no function above a cyclomatic complexity of 25."""
from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

LIMIT = 25
ROOT = Path(__file__).parents[1] / "kg" / "extract"


def test_no_function_of_the_extraction_package_is_too_complex():
    too_complex = []
    for f in sorted(ROOT.rglob("*.py")):
        for block in cc_visit(f.read_text(encoding="utf-8")):
            if block.complexity > LIMIT:
                too_complex.append(f"{f.relative_to(ROOT)}:{block.lineno} {block.name} ({block.complexity})")
    assert not too_complex, "split these into rules or helpers: " + ", ".join(too_complex)
