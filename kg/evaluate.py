"""Scoring extractions against hand-made gold annotations (the evaluation guide's method).

An extracted entity matches a gold one of the same type when any of its names
(label or aliases, NFKC-normalised, spaces removed) equals any gold name;
relations match on (subject, predicate, object) after mapping names to gold
entities, holdsPosition on (person, role) with its organisation scored apart.

>>> gold = {"article": "a.txt", "entities": [{"type": "Person", "name": "王建华", "aliases": []}],
...         "relations": [{"s": "王建华", "p": "holdsPosition", "role": "市长", "org": None}]}
>>> pred = {"article": "a.txt", "entities": [{"type": "Person", "label": "王建华", "aliases": []}],
...         "relations": [{"s": "王建华", "p": "holdsPosition", "role": "市长", "org": None}]}
>>> s = score([gold], [pred])
>>> s["entities"]["Person"]["f1"], s["relations"]["holdsPosition"]["f1"]
(1.0, 1.0)
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import KgError
from .model import ENTITY_TYPES, PREDICATES


def _norm(s: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", str(s or "")).split())


def _stem(name: str) -> str:
    name = Path(str(name)).name
    return name[:-4] if name.endswith(".txt") else name


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _match(gold: list[dict], pred: list[dict]) -> tuple[dict[int, int], dict[str, Any]]:
    names = [{_norm(e["name"]), *map(_norm, e.get("aliases", []))} for e in gold]
    taken: set[int] = set()
    p2g: dict[int, int] = {}
    for i, pe in enumerate(pred):
        mine = {_norm(pe.get("label")), *map(_norm, pe.get("aliases") or [])} - {""}
        for j, ge in enumerate(gold):
            if j not in taken and pe.get("type") == ge["type"] and mine & names[j]:
                p2g[i], _ = j, taken.add(j)
                break
    label2g: dict[str, Any] = {}
    for i, j in p2g.items():
        for n in {_norm(pred[i].get("label")), *map(_norm, pred[i].get("aliases") or [])}:
            label2g.setdefault(n, j)
    for j, ns in enumerate(names):
        for n in ns:
            label2g.setdefault(n, j)
    return p2g, label2g


def _keys(rels: Iterable[dict], names: dict[str, Any], article: str) -> tuple[set, dict]:
    def res(x: Any) -> Any:
        return names.get(_norm(x), "?" + _norm(x))
    keys, orgs = set(), {}
    for r in rels:
        p = r.get("p")
        if p not in PREDICATES:
            continue
        s = res(r.get("s"))
        if p == "holdsPosition":
            k = (p, s, _norm(r.get("role")))
            orgs.setdefault(k, set()).add(res(r.get("org")) if r.get("org") else None)
        elif p == "reported":
            k = (p, s, _stem(r.get("o") or article))
        else:
            o = res(r.get("o"))
            if p == "partnerOf":
                s, o = sorted([s, o], key=str)
            k = (p, s, o)
        keys.add(k)
    return keys, orgs


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    return round(2 * tp / (n_pred + n_gold), 4) if n_pred + n_gold else 1.0


def score(golds: list[dict], preds: list[dict]) -> dict[str, Any]:
    """Precision, recall and F1 per entity type and per predicate, the summary figures, and per article
    its entity and relation F1 (as the evaluation guide's scorer computes them)."""
    by_article = {_stem(p.get("article", "")): p for p in preds}
    ent: Counter = Counter()
    rel: Counter = Counter()
    org = Counter()
    per_article: dict[str, dict[str, float]] = {}
    for gold in golds:
        art = _stem(gold["article"])
        pred = by_article.get(art, {"entities": [], "relations": []})
        g_ents, p_ents = gold["entities"], pred.get("entities", [])
        p2g, label2g = _match(g_ents, p_ents)
        for t in ENTITY_TYPES:
            tp = sum(1 for j in p2g.values() if g_ents[j]["type"] == t)
            ent[t, "tp"] += tp
            ent[t, "fp"] += sum(1 for e in p_ents if e.get("type") == t) - tp
            ent[t, "fn"] += sum(1 for e in g_ents if e["type"] == t) - tp
        gold_names: dict[str, Any] = {}
        for j, e in enumerate(g_ents):
            for n in {_norm(e["name"]), *map(_norm, e.get("aliases", []))}:
                gold_names.setdefault(n, j)
        gk, gorgs = _keys(gold["relations"], gold_names, art)
        pk, porgs = _keys(pred.get("relations", []), label2g, art)
        for p in PREDICATES:
            g = {k for k in gk if k[0] == p}
            q = {k for k in pk if k[0] == p}
            rel[p, "tp"] += len(g & q)
            rel[p, "fp"] += len(q - g)
            rel[p, "fn"] += len(g - q)
        for k in gk & pk:
            if k[0] == "holdsPosition":
                org["all"] += len(gorgs[k])
                org["ok"] += len(gorgs[k] & porgs[k])
        per_article[art] = {"entity_f1": _f1(len(p2g), len(p_ents), len(g_ents)),
                            "relation_f1": _f1(len(gk & pk), len(pk), len(gk))}
    ents = {t: _prf(ent[t, "tp"], ent[t, "fp"], ent[t, "fn"]) for t in ENTITY_TYPES}
    rels = {p: _prf(rel[p, "tp"], rel[p, "fp"], rel[p, "fn"]) for p in PREDICATES}
    micro = _prf(*(sum(rel[p, k] for p in PREDICATES) for k in ("tp", "fp", "fn")))
    return {"articles": len(golds), "entities": ents, "relations": rels, "relations_micro": micro,
            "holdsPosition_org_accuracy": round(org["ok"] / org["all"], 4) if org["all"] else 0.0,
            "entity_macro_f1": round(sum(e["f1"] for e in ents.values()) / len(ents), 4),
            "per_article": per_article}


def _gold_file(f: Path) -> list[dict]:
    """The gold objects of one ``.json`` file or one ``.jsonl`` file (one object a line)."""
    try:
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".jsonl":
            return [json.loads(ln) for ln in text.splitlines() if ln.strip()]
        return [json.loads(text)]
    except (OSError, ValueError) as e:
        raise KgError("E018", detail=f"{f}: not a gold file ({e})") from None


def is_gold(path: Path) -> bool:
    """Does ``path`` hold gold annotations (objects with ``entities`` and no ``text``), not articles?

    >>> is_gold(Path("no/such/path"))
    False
    """
    if path.is_dir():
        files = sorted([*path.glob("*.json"), *path.glob("*.jsonl")])
        return bool(files) and all(_looks_gold(f) for f in files[:3])
    return path.suffix in (".json", ".jsonl") and path.is_file() and _looks_gold(path)


def _looks_gold(f: Path) -> bool:
    try:
        with open(f, encoding="utf-8") as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return '"entities"' in head and '"text"' not in head.split("\n", 1)[0]


def load_gold(paths: Path | Iterable[Path]) -> list[dict]:
    """The gold objects of ``paths``: folders of ``.json``/``.jsonl`` files, or such files; one per article
    (a later one replaces an earlier one of the same article, as the guide's scorer does)."""
    out: dict[str, dict] = {}
    for path in [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]:
        if not path.exists():
            raise KgError("E001", path=path)
        files = sorted([*path.glob("*.json"), *path.glob("*.jsonl")]) if path.is_dir() else [path]
        if not files:
            raise KgError("E017", path=path)
        for f in files:
            for g in _gold_file(f):
                if not isinstance(g, dict) or "article" not in g:
                    raise KgError("E018", detail=f"{f}: not a gold file (an object without \"article\")")
                out[_stem(g["article"])] = g
    return list(out.values())


def scoreboard(result: dict[str, Any], per_article: bool = False) -> str:
    """The result as a readable table (the guide's scorer's layout); ``per_article`` adds each article, worst first."""
    lines = [f"articles: {result['articles']}", f"{'entities':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for t, m in result["entities"].items():
        lines.append(f"{t:16} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {m['tp']:5} {m['fp']:5} {m['fn']:5}")
    lines.append(f"{'relations':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for p, m in [*result["relations"].items(), ("micro", result["relations_micro"])]:
        lines.append(f"{p:16} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {m['tp']:5} {m['fp']:5} {m['fn']:5}")
    lines.append(f"holdsPosition org accuracy: {result['holdsPosition_org_accuracy']:.3f}")
    lines.append(f"entity macro F1: {result['entity_macro_f1']:.3f}  relation micro F1: {result['relations_micro']['f1']:.3f}")
    if per_article:
        lines.append(f"{'article':40} {'entity F1':>9} {'relation F1':>11}")
        worst_first = sorted(result["per_article"].items(), key=lambda kv: (kv[1]["entity_f1"] + kv[1]["relation_f1"], kv[0]))
        lines += [f"{a[:40]:40} {m['entity_f1']:9.3f} {m['relation_f1']:11.3f}" for a, m in worst_first]
    return "\n".join(lines)
