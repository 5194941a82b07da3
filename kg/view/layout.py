"""Node positions computed before the page opens, so big graphs need no physics in the browser.

The browser's own force layout costs about 80 ms per iteration on a 5,000-node
graph (seconds to minutes before anything settles); here each connected
component is laid out on its own by a vectorised Fruchterman–Reingold (a big
one split into communities, networkx Louvain, each laid out in a disc and the
discs placed by the same method on the graph of communities, pushed apart
until they do not overlap); the components are then packed in rows.
Seeds are fixed and coordinates rounded: the same graph gives the same layout,
and a component's positions depend on that component alone, so a build keeps
them in its memo and lays out again only the components that changed.

>>> pos = layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(pos)
['a', 'b', 'c']
>>> pos == layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
True
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

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


memo = None     # a kg.cache.Memo a build sets: each component's layout is kept under a hash of its input


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """A hash of this module: a changed layout code lays everything out again."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = 7) -> dict[str, tuple[float, float]]:
    """Canvas positions ``{node: (x, y)}`` for an undirected graph; they depend on the graph only.

    Each connected component is laid out on its own (``_component``: from its nodes and
    edges alone), the components are then packed in rows by size and the unlinked nodes put
    in a grid below. With ``memo`` set, a component whose nodes and edges are those of an
    earlier build is taken from it instead of laid out again — the very numbers a fresh
    computation gives, so positions never depend on the build history.
    """
    order = sorted(set(nodes))
    if not order:
        return {}
    comps, inner, isolates = _components(order, edges)
    shapes = _shapes(comps, inner, seed)
    pos: dict[str, tuple[float, float]] = {}
    for c, xy, (cx, cy) in zip(comps, shapes, _pack([_radius(xy) for xy in shapes])):
        for v, (x, y) in zip(c, xy):
            pos[v] = (round(x + cx, 1), round(y + cy, 1))
    if isolates:   # a grid below everything else
        bottom = max((y for _, y in pos.values()), default=0.0) + 2 * SPACING
        left = min((x for x, _ in pos.values()), default=0.0)
        cols = max(1, math.ceil(math.sqrt(len(isolates) * 3)))
        for j, v in enumerate(isolates):
            pos[v] = (round(left + (j % cols) * SPACING, 1), round(bottom + (j // cols) * SPACING, 1))
    return pos


def _components(order: list[str], edges: Iterable[tuple[str, str]]
                ) -> tuple[list[list[str]], list[list[tuple[str, str]]], list[str]]:
    """The linked components (sorted nodes, largest first), the sorted edges of each, and the unlinked nodes."""
    G = nx.Graph()
    G.add_nodes_from(order)
    known = set(order)
    G.add_edges_from((a, b) for a, b in edges if a != b and a in known and b in known)
    comps = sorted((sorted(c) for c in nx.connected_components(G) if len(c) > 1), key=lambda c: (-len(c), c[0]))
    member = {v: i for i, c in enumerate(comps) for v in c}
    inner: list[list[tuple[str, str]]] = [[] for _ in comps]
    for a, b in sorted({(a, b) if a <= b else (b, a) for a, b in G.edges()}):   # hash-order free
        inner[member[a]].append((a, b))
    return comps, inner, [v for v in order if G.degree(v) == 0]


def _shapes(comps: list[list[str]], inner: list[list[tuple[str, str]]], seed: int) -> list[list[tuple[float, float]]]:
    """Each component's positions around its centre: from ``memo`` when it has them, else laid out (and kept)."""
    keys = []
    for c, e in zip(comps, inner):
        h = hashlib.sha256(f"{_code_hash()} {seed}\n".encode("ascii"))
        h.update(json.dumps([c, e], ensure_ascii=False).encode("utf-8"))
        keys.append("layout:" + h.hexdigest())
    hits = memo.get(keys) if memo is not None and keys else {}
    shapes, new = [], []
    for key, c, e in zip(keys, comps, inner):
        xy = hits.get(key)
        if xy is None:
            xy = _component(c, e, seed)
            new.append((key, xy))
        shapes.append(xy)
    if memo is not None and new:
        memo.put(new)
    return shapes


def _radius(xy: list[tuple[float, float]]) -> float:
    """The radius of the disc a component's positions take, with room for a node."""
    return max(math.hypot(x, y) for x, y in xy) + SPACING / 2


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for discs of ``radii`` (largest first): rows left to right, each centred, top to bottom."""
    if not radii:
        return []
    gap = SPACING
    width = max(2 * radii[0], math.sqrt(sum((2 * r + gap) ** 2 for r in radii)))
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, r in enumerate(radii):
        if rows[-1] and used + 2 * r + gap > width:
            rows.append([])
            used = 0.0
        rows[-1].append(i)
        used += 2 * r + gap
    centres: list[tuple[float, float]] = [(0.0, 0.0)] * len(radii)
    top = 0.0
    for row in rows:
        height = max(2 * radii[i] + gap for i in row)
        x = -sum(2 * radii[i] + gap for i in row) / 2
        for i in row:
            centres[i] = (round(x + radii[i] + gap / 2, 1), round(top + height / 2, 1))
            x += 2 * radii[i] + gap
        top += height
    return centres


def _component(c: list[str], edges: list[tuple[str, str]], seed: int) -> list[tuple[float, float]]:
    """Positions of one connected component (nodes ``c``, sorted; ``edges`` its own), centred on 0, rounded.

    Up to ``SINGLE_MAX`` nodes in one piece; above, split into communities
    (Louvain), each laid out in a disc, the discs placed by the graph of communities.
    """
    if len(c) <= SINGLE_MAX:
        xy = _piece(c, edges, seed) * SPACING * math.sqrt(len(c)) * 0.6
    else:
        xy = _communities(c, edges, seed)
    xy = xy - xy.mean(0)
    return [(round(float(x), 1), round(float(y), 1)) for x, y in xy]


def _communities(c: list[str], edges: list[tuple[str, str]], seed: int) -> np.ndarray:
    """Positions of a big connected component: communities laid out each in a disc, discs pushed apart."""
    core = nx.Graph()               # nodes and edges added in sorted order: no hash order anywhere
    core.add_nodes_from(c)
    core.add_edges_from(edges)
    comms = [sorted(x) for x in nx.community.louvain_communities(core, seed=seed)]
    comms.sort(key=lambda x: (-len(x), x[0]))
    member = {v: i for i, x in enumerate(comms) for v in x}
    radii = np.array([SPACING * 0.6 * math.sqrt(len(x)) for x in comms])
    links = Counter()
    inner: list[list[tuple[str, str]]] = [[] for _ in comms]
    for a, b in edges:
        ca, cb = member[a], member[b]
        if ca != cb:
            links[(min(ca, cb), max(ca, cb))] += 1
        else:
            inner[ca].append((a, b))
    src = np.array([a for a, _ in sorted(links)], dtype=np.int64)
    dst = np.array([b for _, b in sorted(links)], dtype=np.int64)
    centres = _fruchterman_reingold(len(comms), src, dst, seed) * float(np.sqrt((radii ** 2).sum()))
    centres = _separate(centres, radii, gap=SPACING)
    index = {v: i for i, v in enumerate(c)}
    xy = np.zeros((len(c), 2))
    for i, x in enumerate(comms):
        xy[[index[v] for v in x]] = _piece(x, inner[i], seed + i) * radii[i] + centres[i]
    return xy
