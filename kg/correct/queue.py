"""The review queue: the facts most worth a human look, first.

A fact scores for what a mistake in it would cost and for how unsure it is: low confidence; a person
merged across articles on thin evidence (kg/resolve/namesakes.py recorded the reason: a shared post or a
national office is strong, the rest — same paper, same city — is thin); a namesake told apart by a
qualifier; an investigation (a defamation risk when wrong) or a post. Facts already accepted or rejected
in the corrections file leave the queue.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Fact, Graph

_STRONG = ("same post in", "the national office of", "first mention")
WEIGHTS = {"investigatedBy": 1.5, "holdsPosition": 0.5}


@dataclass(frozen=True)
class Item:
    """One fact of the queue, its score and the reasons for it."""
    fact: Fact
    score: float
    reasons: tuple[str, ...]


def thin_merge(resolution: str | None) -> str | None:
    """The first thin-evidence join of a node's resolution text, else None.

    >>> thin_merge("王斌 in a: first mention; 王斌 in b: joined (reporters of one paper (东山市))")
    'reporters of one paper (东山市)'
    >>> thin_merge("王斌 in a: first mention; 王斌 in b: joined (same post in 东山县人民政府)") is None
    True
    """
    for part in (resolution or "").split("; "):
        _, sep, why = part.partition(": joined (")
        if sep and not why.startswith(_STRONG):
            return why[:-1] if why.endswith(")") else why
    return None


def score(graph: Graph, f: Fact) -> Item:
    """How much ``f`` is worth a look, and why."""
    reasons, total = [], 0.0
    if f.confidence < 0.85:
        total += 2 * (1 - f.confidence)
        reasons.append(f"confidence {f.confidence:.2f}")
    for key in (f.s, f.o, f.org):
        node = graph.nodes.get(key or "")
        if node is None or node.type != "Person":
            continue
        thin = thin_merge(node.attrs.get("resolution"))
        if thin:
            total += 2.0
            reasons.append(f"{node.label} merged across articles on thin evidence: {thin}")
        elif "@" in node.key.partition("/")[2]:
            total += 0.5
            reasons.append(f"{node.label} is one of several namesakes")
    if f.p in WEIGHTS:
        total += WEIGHTS[f.p]
        reasons.append("an investigation" if f.p == "investigatedBy" else "a post")
    if f.evidence is None:
        total += 0.3
        reasons.append("no evidence sentence")
    return Item(f, round(total, 3), tuple(reasons))


def queue(graph: Graph, decided: set[str] = frozenset()) -> list[Item]:
    """The facts of ``graph`` not yet ``decided`` (accepted or rejected ids), most worth a look first."""
    items = [score(graph, f) for f in graph.facts if f.id not in decided and f.rule != "correction"]
    return sorted((i for i in items if i.score > 0), key=lambda i: (-i.score, i.fact.article, i.fact.id))
