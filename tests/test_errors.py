"""The message catalogue: one message per code."""
from __future__ import annotations

import ast
from pathlib import Path


def test_no_code_is_given_two_messages():
    src = (Path(__file__).parents[1] / "kg" / "errors.py").read_text(encoding="utf-8")
    catalogue = next(n.value for n in ast.walk(ast.parse(src))
                     if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", "") == "MESSAGES")
    codes = [k.value for k in catalogue.keys]
    assert len(codes) == len(set(codes)), sorted(c for c in set(codes) if codes.count(c) > 1)
