"""Node positions computed before the page opens, so big graphs need no physics in the browser.

The browser's own force layout costs about 80 ms per iteration on a 5,000-node
graph (seconds to minutes before anything settles); here the graph is split
into communities (networkx Louvain), each laid out by a vectorised
Fruchterman–Reingold, and the communities are then placed by the same method
on the graph of communities, pushed apart until their discs do not overlap.
Seeds are fixed and coordinates rounded: the same graph gives the same layout.

>>> pos = layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(pos)
['a', 'b', 'c']
>>> pos == layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
True
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np

SPACING = 90.0          # pixels of canvas per node, roughly the distance between neighbours
SINGLE_MAX = 400        # graphs up to this size are laid out in one piece
PAIR_BUDGET = 1500 ** 2 * 60   # bound on pair-iterations of one Fruchterman–Reingold run


def _fruchterman_reingold(n: int, src: np.ndarray, dst: np.ndarray, seed: int, iterations: int = 80) -> np.ndarray:
    """Positions (n × 2, roughly in the unit disc) of a graph with edges ``src[i]–dst[i]``."""
    rng = np.random.default_rng(seed)
    if n == 1:
        return np.zeros((1, 2))
    pos = rng.random((n, 2)) - 0.5
    iterations = max(8, min(iterations, PAIR_BUDGET // (n * n)))
    k = 1.0 / math.sqrt(n)
    t = 0.1
    dt = t / (iterations + 1)
    block = max(1, 2_000_000 // n)
    for _ in range(iterations):
        disp = np.empty_like(pos)
        x, y = pos[:, 0], pos[:, 1]
        for b in range(0, n, block):
            e = min(n, b + block)
            dx = x[b:e, None] - x[None, :]
            dy = y[b:e, None] - y[None, :]
            w = k * k / np.maximum(dx * dx + dy * dy, 1e-6)     # repulsion k²/d along the unit vector
            w[np.arange(e - b), np.arange(b, e)] = 0.0
            disp[b:e] = pos[b:e] * w.sum(1)[:, None] - w @ pos
        if len(src):
            dv = pos[src] - pos[dst]
            f = dv * (np.hypot(dv[:, 0], dv[:, 1]) / k)[:, None]
            np.subtract.at(disp, src, f)
            np.add.at(disp, dst, f)
        disp -= (pos - pos.mean(0)) * 0.1   # mild gravity keeps pieces together
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    pos -= pos.mean(0)
    r = float(np.percentile(np.hypot(pos[:, 0], pos[:, 1]), 90))   # a few outliers may stick out
    return pos / r if r > 0 else pos


def _piece(nodes: Sequence[str], edges: Iterable[tuple[str, str]], seed: int) -> np.ndarray:
    """Unit-disc layout of one piece (nodes in the given order)."""
    index = {v: i for i, v in enumerate(nodes)}
    pairs = [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b]
    src = np.array([a for a, _ in pairs], dtype=np.int64)
    dst = np.array([b for _, b in pairs], dtype=np.int64)
    return _fruchterman_reingold(len(nodes), src, dst, seed)


def _separate(centres: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 200) -> np.ndarray:
    """Move discs (``centres``, ``radii``) apart until none overlap (or ``rounds`` run out)."""
    c = centres.copy()
    m = len(c)
    if m < 2:
        return c
    need = radii[:, None] + radii[None, :] + gap
    np.fill_diagonal(need, 0)
    for _ in range(rounds):
        delta = c[:, None, :] - c[None, :, :]
        d = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 1e-6)
        overlap = np.where(d < need, need - d, 0.0)
        np.fill_diagonal(overlap, 0)
        if overlap.max() <= 1e-6:
            break
        c += (delta / d[..., None] * (overlap / 2)[..., None]).sum(1) * 0.5
    return c


memo = None     # a kg.cache.Memo a build sets: layouts are kept under a hash of their input


def layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Canvas positions ``{node: (x, y)}`` for an undirected graph; deterministic for a given input
    (taken from ``memo`` when it is set and has it: a rebuild that adds no node or edge lays nothing out)."""
    if memo is None:
        return _layout(nodes, edges, seed)
    import hashlib
    import json
    from pathlib import Path
    h = hashlib.sha256(Path(__file__).read_bytes())         # a changed layout code lays out again
    h.update(json.dumps([sorted(set(nodes)), sorted(edges), seed], ensure_ascii=False).encode("utf-8"))
    key = "layout:" + h.hexdigest()
    hit = memo.get([key]).get(key)
    if hit is None:
        hit = _layout(nodes, edges, seed)
        memo.put([(key, hit)])
    return hit


def _layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = 7) -> dict[str, tuple[float, float]]:
    order = sorted(set(nodes))
    if not order:
        return {}
    G = nx.Graph()
    G.add_nodes_from(order)
    G.add_edges_from(sorted((a, b) if a <= b else (b, a) for a, b in edges if a != b))
    if len(order) <= SINGLE_MAX:
        xy = _piece(order, G.edges(), seed) * SPACING * math.sqrt(len(order)) * 0.6
        return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(order, xy)}

    isolates = sorted(v for v in order if G.degree(v) == 0)
    core = nx.Graph()               # a graph of its own, not a view: a view iterates a set (hash order)
    core.add_nodes_from(v for v in order if G.degree(v) > 0)
    core.add_edges_from(G.edges())
    comms = [sorted(c) for c in nx.community.louvain_communities(core, seed=seed)] if len(core) else []
    comms.sort(key=lambda c: (-len(c), c[0]))
    member = {v: i for i, c in enumerate(comms) for v in c}
    radii = np.array([SPACING * 0.6 * math.sqrt(len(c)) for c in comms] or [0.0])
    # Place communities: a weighted graph of communities, then discs pushed apart.
    links = Counter()
    for a, b in core.edges():
        ca, cb = member[a], member[b]
        if ca != cb:
            links[(min(ca, cb), max(ca, cb))] += 1
    src = np.array([a for a, _ in sorted(links)], dtype=np.int64)
    dst = np.array([b for _, b in sorted(links)], dtype=np.int64)
    if comms:
        centres = _fruchterman_reingold(len(comms), src, dst, seed) * float(np.sqrt((radii ** 2).sum()))
        centres = _separate(centres, radii, gap=SPACING)
    pos: dict[str, tuple[float, float]] = {}
    for i, c in enumerate(comms):
        inner = sorted((a, b) if a <= b else (b, a) for a, b in core.subgraph(c).edges())   # hash-order free
        xy = _piece(c, inner, seed + i) * radii[i] + centres[i]
        for v, (x, y) in zip(c, xy):
            pos[v] = (round(float(x), 1), round(float(y), 1))
    if isolates:   # a grid below everything else
        bottom = max((y for _, y in pos.values()), default=0.0) + 2 * SPACING
        left = min((x for x, _ in pos.values()), default=0.0)
        cols = max(1, math.ceil(math.sqrt(len(isolates) * 3)))
        for j, v in enumerate(isolates):
            pos[v] = (round(left + (j % cols) * SPACING, 1), round(bottom + (j // cols) * SPACING, 1))
    return pos
