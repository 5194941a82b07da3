"""Stage 3b, correct: the user's corrections file applied to the resolved ``Graph``, on every build.

resolve → **correct** → rdf. The file (TOML, ``corrections.toml`` beside the sources, see README
"Correcting the graph") names things as a user sees them: article ids, entity names or keys,
predicates, roles and stable fact ids (``kg.model.fact_id``). ``load`` validates it (E100–E106, with
the line); ``apply`` changes the graph deterministically and reports what matched nothing (orphaned);
``home`` corrections act earlier, on the articles before extraction (``with_homes``).
"""
from __future__ import annotations

from .apply import Outcome, apply, warn_orphans
from .file import KINDS, Correction, Corrections, default_path, load, with_homes

__all__ = ["KINDS", "Correction", "Corrections", "Outcome", "apply", "default_path", "load", "warn_orphans", "with_homes"]
