"""``kg rules``: every registered extraction rule, with what it produces and needs."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("rules", help="list the extraction rules (the tags on mentions and facts)")
    r.add_argument("--markdown", action="store_true", help="as the Markdown table of the README")
    r.add_argument("family", nargs="?", help="only the rules whose name starts with this (e.g. person, relation.partOf)")
    r.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    print(rules_table(a.family, markdown=a.markdown))
    return 0


def rules_table(family: str | None = None, markdown: bool = False) -> str:
    """The registered rules in running order, one line each.

    >>> print(rules_table("prepare.clean"))
    rule           stage    produces  requires  summary
    prepare.clean  prepare  -         -         Clean text: broken lines joined, page furniture dropped, stories found.
    """
    from ..extract.registry import registry
    rows = [(r.name, r.stage, ", ".join(r.produces) or "-", ", ".join(r.requires) or "-", r.summary)
            for r in registry().values() if not family or r.name == family or r.name.startswith(family.rstrip(".") + ".")]
    head = ("rule", "stage", "produces", "requires", "summary")
    if markdown:
        return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                         + ["| " + " | ".join(f"`{c}`" if i == 0 else c.replace("|", "\\|") for i, c in enumerate(row)) + " |"
                            for row in rows])
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(4)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row[:4], widths)) + "  " + row[4] for row in [head, *rows])
