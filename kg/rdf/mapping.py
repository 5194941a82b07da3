"""A resolved ``Graph`` → an ``RdfDataset``: shared descriptions + one named graph per article.

Entities, posts, memberships and the asserted relations go to the shared
(default) graph, merged; each article's graph holds the article, what it
mentions (``schema:mentions``) and one ``kg:Fact`` per fact with its
provenance (RDF reification + PROV-O, see README "Provenance"). An article's
content hash covers its graph (the store keeps hashes of the shared graph
apart, see kg.store.sync).

>>> from kg.model import Graph, Node, Fact, Article
>>> g = Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华", articles={"a"}),
...                  "place/东山县": Node("place/东山县", "Place", "东山县", {"东山"}, {"level": "县"}, {"a"})},
...           facts=[Fact("person/王建华", "inspected", "place/东山县", "a", evidence="王建华到东山县调研。",
...                       evidence_start=0, evidence_end=9, rule="verb:调研", confidence=0.9)],
...           articles={"a": Article("a", "王建华到东山县调研。")})
>>> ds = build_dataset(g, "http://x/")
>>> list(ds.graphs)
['http://x/article/a']
>>> (None, "<http://x/person/王建华>", "<https://kg.example.org/ontology#inspected>", "<http://x/place/东山县>") in ds
True
>>> sorted(ds.mentions["http://x/article/a"])
['<http://x/person/王建华>', '<http://x/place/东山县>']
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Fact, Graph, GraphEvent, Node, fact_id
from . import iri as I
from . import terms as T
from .dataset import RdfDataset, Subjects
from .namespaces import KG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, XSD

MAPPING_VERSION = "9"   # bump when the mapping changes, so stored graphs are rebuilt

A = T.iri(RDF + "type")
LABEL = T.iri(RDFS + "label")
ALT = T.iri(SKOS + "altLabel")
NOTE = T.iri(SKOS + "editorialNote")

CLASSES = {"Person": KG + "Person", "Agency": KG + "Agency", "Organization": KG + "Organization",
           "Project": KG + "Project", "Place": KG + "Place"}

PREDICATES = {"inspected": KG + "inspected", "attended": KG + "attended",
              "investigatedBy": KG + "investigatedBy", "jurisdiction": KG + "jurisdiction",
              "undertakes": KG + "undertakes", "partnerOf": KG + "partnerOf",
              "reported": KG + "reported", "locatedIn": KG + "locatedIn",
              "partOf": ORG + "subOrganizationOf"}

# Administrative levels (Node.attrs["level"]) → SKOS concepts of the ontology.
LEVELS = {
    "country": ("国家", "country"),
    "province": ("省", "自治区", "直辖市", "特别行政区", "province"),
    "city": ("市", "地级市", "自治州", "地区", "盟", "city", "prefecture"),
    "county": ("县", "区", "县级市", "市辖区", "自治县", "旗", "county", "district"),
    "township": ("乡", "镇", "街道", "苏木", "township", "town"),
    "village": ("村", "社区", "居委会", "village", "community"),
}
LEVEL_OF = {name: level for level, names in LEVELS.items() for name in names}

MENTIONS = T.iri(SCHEMA + "mentions")
SHARED_GRAPH = "graph/unattributed"   # under the base: nodes no article mentions
CORRECTIONS_GRAPH = "graph/corrections"   # the user's corrections as prov:Activity, with their agents
REJECTED_GRAPH = "graph/rejected"     # facts a correction rejected: kept, never asserted


@dataclass
class ArticleRdf:
    """One article's share of the RDF: its named graph and what its facts add to the shared graph.

    ``nquads`` (sorted, the hash quad left out) is what ``digest`` is taken over; ``block`` is the
    graph's TriG block and the prefixes it uses, once a writer made it. All but ``subjects`` is what
    a ``memo`` keeps (``cached``): an article whose inputs did not change is not mapped again.
    """
    graph: str
    digest: str
    nquads: str
    shared: list[tuple[str, str, str]]
    quads: int                                          # in the named graph, the hash quad included
    block: tuple[str, tuple[str, ...]] | None = None
    subjects: Subjects | None = field(default=None, repr=False)

    def graph_subjects(self) -> Subjects:
        """The named graph (subject → {(p, o)}), the hash quad included (parsed back when cached)."""
        if self.subjects is None:
            tail = len(self.graph) + 5                  # " <g> .\n"
            subjects: Subjects = {}
            for line in self.nquads.splitlines(keepends=True):
                s, p, rest = line.split(" ", 2)
                subjects.setdefault(s, set()).add((p, rest[:-tail]))
            subjects.setdefault(T.iri(self.graph), set()).add((K_HASH, T.plain(self.digest)))
            self.subjects = subjects
        return self.subjects

    def cached(self) -> tuple:
        return (self.digest, self.nquads, self.shared, self.quads, self.block)


Memo = Any     # ``get(keys) -> {key: ArticleRdf.cached()}``, ``put([(key, cached)])`` (kg.cache.Memo)
WINDOW = 256   # articles looked up in the memo at once


def build_dataset(graph: Graph, base: str | None = None,
                  on_graph: Callable[[str, str], None] | None = None,
                  sink: Callable[[ArticleRdf], None] | None = None, memo: Memo | None = None) -> RdfDataset:
    """Map ``graph`` to RDF under ``base`` (default ``https://kg.example.org/id/``).

    The article graphs are made one at a time, in the order of their IRIs.
    ``on_graph(graph IRI, N-Quads)`` is called as soon as each article graph is
    complete (its hash comes apart, at the end of the store update), so a store
    can start loading early. ``sink(ArticleRdf)`` (streaming) gets each article's
    share instead of the dataset keeping its graph: memory holds the shared graph,
    not every article's. ``memo`` keeps each article's share under a hash of what
    it is made from (its facts, the nodes they name, its metadata), so an article
    whose inputs did not change is not mapped again.
    """
    base = I.check_base(base)
    ds = RdfDataset(base)
    m = _Mapper(graph, ds, base)
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in graph.facts:
        by_article[f.article].append(f)
    events_of: dict[str, list[GraphEvent]] = defaultdict(list)
    for e in graph.events:
        if e.article in graph.articles:         # an event lives in its article's graph
            events_of[e.article].append(e)
    keys: dict[str, set[str]] = defaultdict(set)
    for node in graph.nodes.values():
        for aid in node.articles:
            keys[aid].add(node.key)
    for aid, facts in by_article.items():
        for f in facts:
            keys[aid].update(k for k in (f.s, f.o, f.org) if k in graph.nodes)
    mentioned = set().union(*keys.values()) if keys else set()
    order = {I.article_iri(aid, base): aid for aid in set(graph.articles) | set(by_article) | set(keys)}
    orphans = sorted(k for k in graph.nodes if k not in mentioned)
    special: dict[str, Callable[[], Any]] = {}        # graphs of no article: made anew each time
    if orphans:
        special[base + SHARED_GRAPH] = lambda: None
    if graph.corrections:
        special[base + CORRECTIONS_GRAPH] = lambda: [m.correction(cid, desc)
                                                     for cid, desc in sorted(graph.corrections.items())]
    if graph.rejected:
        special[base + REJECTED_GRAPH] = lambda: [m.fact(base + REJECTED_GRAPH, f, asserted=False)
                                                  for f in graph.rejected]
    order.update(dict.fromkeys(special))

    def emit(part: ArticleRdf) -> None:
        ds.digests[part.graph] = part.digest
        for s, p, o in part.shared:
            m.shared_pos(s).add((p, o))
        if on_graph is not None:
            on_graph(part.graph, part.nquads)
        if sink is not None:
            sink(part)
            ds.released += part.quads
        else:
            ds.graphs[part.graph] = part.graph_subjects()
            ds.mentions[part.graph] = {o for p, o in ds.graphs[part.graph].get(T.iri(part.graph), ()) if p == MENTIONS}

    graphs = sorted(order)
    for i in range(0, len(graphs), WINDOW):
        window = graphs[i:i + WINDOW]
        inputs = {g: m.inputs(g, order[g], keys.get(order[g], set()), by_article.get(order[g], []),
                              events_of.get(order[g], []))
                  for g in window if order[g] is not None and memo is not None}
        hits = memo.get(list(inputs.values())) if inputs else {}
        made = []
        for g in window:
            aid = order[g]
            hit = hits.get(inputs.get(g, ""))
            if hit is not None:
                part = ArticleRdf(g, *hit)
            elif aid is None:
                part = m.graph_of(g, None, orphans if g == base + SHARED_GRAPH else [], [], special[g])
            else:
                part = m.graph_of(g, aid, sorted(keys.get(aid, ())), by_article.get(aid, []),
                                  lambda: m.events(g, events_of.get(aid, [])))
                if g in inputs:
                    made.append((inputs[g], part))
            emit(part)
        if made:
            memo.put([(k, part.cached()) for k, part in made])
    for key in sorted(graph.nodes):
        m.describe(graph.nodes[key])
    if sink is None:
        ds.union()          # computed once here; the store and file writers share it
    return ds


def full_adcode(code: str) -> str:
    """A division code in its full 6-digit form (``14`` → ``140000``, ``1407`` → ``140700``).

    >>> full_adcode("14"), full_adcode("1407"), full_adcode("140702"), full_adcode("140702001")
    ('140000', '140700', '140702', '140702001')
    """
    code = code.strip()
    return code.ljust(6, "0") if code.isdigit() and len(code) in (2, 4) else code


def graph_nquads(g: str, subjects: dict[str, set[tuple[str, str]]]) -> str:
    """The N-Quads of one named graph, sorted: what its content hash is taken over.

    >>> print(graph_nquads("http://x/g", {"<http://x/s>": {("<http://x/p>", '"b"'), ("<http://x/p>", '"a"')}}), end="")
    <http://x/s> <http://x/p> "a" <http://x/g> .
    <http://x/s> <http://x/p> "b" <http://x/g> .
    """
    tail = f" <{g}> .\n"
    return "".join([f"{s} {p} {o}{tail}" for s in sorted(subjects) for p, o in sorted(subjects[s])])


def _c(ns: str, *names: str) -> list[str]:
    return [T.iri(ns + n) for n in names]


# Constant terms, built once (the mapping is the hot path of large builds).
(K_ARTICLE, K_FACT, K_POST, K_HASH, K_HOME, K_ATTR, K_LEVEL, K_ADCODE, K_INV, K_INV_Y, K_DATE,
 K_QUAL, K_CONF, K_RULE, K_EV, K_EV_S, K_EV_E, K_MEMB, K_FORMER, K_POSTP, K_FHELD, K_POST_PLACE) = _c(
    KG, "Article", "Fact", "Post", "contentHash", "homeCity", "attribute", "adminLevel", "adcode",
    "investment", "investmentYuan", "date", "qualifier", "confidence", "rule", "evidenceText",
    "evidenceStart", "evidenceEnd", "membership", "former", "post", "formerlyHeld", "postInPlace")
K_RENAMED, K_RENAMED_IN = _c(KG, "renamedTo", "renamedIn")
K_EVENT, K_VENUE, K_HOST, K_PARTICIPANT, K_CTX = _c(KG, "Event", "venue", "host", "participant", "contextText")
S_ID, S_HEAD, S_PUB, S_IN = _c(SCHEMA, "identifier", "headline", "datePublished", "containedInPlace")
R_SUBJ, R_PRED, R_OBJ = _c(RDF, "subject", "predicate", "object")
P_DERIVED, P_INFLUENCED, P_GENERATED, P_INVALIDATED, P_ASSOC, P_ACTIVITY, P_AGENT = _c(
    PROV, "wasDerivedFrom", "wasInfluencedBy", "wasGeneratedBy", "wasInvalidatedBy", "wasAssociatedWith",
    "Activity", "Agent")
K_CORRECTION, K_CKIND, K_CSTATUS, K_CLINE = _c(KG, "Correction", "correctionKind", "correctionStatus",
                                               "correctionLine")
COMMENT = T.iri(RDFS + "comment")
(O_ROLE, O_ROLE_C, O_MEMB_C, O_MEMBER, O_ORG, O_POSTIN, O_DURING, O_HOLDS, O_MEMBER_OF) = _c(
    ORG, "role", "Role", "Membership", "member", "organization", "postIn", "memberDuring", "holds",
    "memberOf")
TM_INTERVAL, TM_INSTANT, TM_BEGIN, TM_END = _c(TIME, "Interval", "Instant", "hasBeginning", "hasEnd")
CLASS_TERMS = {k: T.iri(v) for k, v in CLASSES.items()}
PRED_TERMS = {k: T.iri(v) for k, v in PREDICATES.items()}
TRUE = T.boolean(True)


class _Mapper:
    """Writes the triples of articles, nodes and facts into a dataset, one graph at a time."""

    def __init__(self, graph: Graph, ds: RdfDataset, base: str) -> None:
        self.graph, self.ds, self.base = graph, ds, base
        self._iri: dict[str, str] = {}
        self.cur: dict[str, set[tuple[str, str]]] = {}
        self.mentioned: set[str] = set()
        self.local: Subjects = {}               # what the current article adds to the shared graph

    def graph_of(self, g: str, aid: str | None, node_keys: list[str], facts: list[Fact],
                 body: Callable[[], Any] | None = None) -> ArticleRdf:
        """The share of article ``aid``; with ``aid`` None, of a graph of no article (``body`` writes its
        triples; ``node_keys`` are the nodes it mentions)."""
        self.cur, self.mentioned, self.local = {}, set(), {}
        if aid is not None:
            self.article(g, aid, self.graph.articles.get(aid))
        for key in node_keys:
            self.mentioned.add(self.node_iri(key))
        for f in facts:
            self.fact(g, f)
        if body is not None:
            body()
        gi = T.iri(g)
        self.subject(gi).update((MENTIONS, x) for x in self.mentioned)
        text = graph_nquads(g, self.cur)
        digest = hashlib.sha256(f"kg-rdf {MAPPING_VERSION} {self.base}\n{text}".encode("utf-8")).hexdigest()
        self.subject(gi).add((K_HASH, T.plain(digest)))
        shared = [(s, p, o) for s in sorted(self.local) for p, o in sorted(self.local[s])]
        quads = sum(len(pos) for pos in self.cur.values())
        return ArticleRdf(g, digest, text, shared, quads, subjects=self.cur)

    def inputs(self, g: str, aid: str, node_keys: set[str], facts: list[Fact], events: list[GraphEvent]) -> str:
        """A hash of everything ``graph_of`` reads for article ``aid`` (the key of its share in a memo)."""
        nodes, art, doc = self.graph.nodes, self.graph.articles.get(aid), self.graph.docs.get(aid)
        refs = sorted(node_keys | {k for f in facts for k in (f.s, f.o, f.org) if k})
        data = [MAPPING_VERSION, self.base, g, aid,
                [art.title, art.date, art.home] if art else None, [doc.date, doc.home] if doc else None,
                sorted(node_keys), [(k, nodes[k].type, nodes[k].label) if k in nodes else [k] for k in refs],
                [f.o in self.graph.articles for f in facts if f.p == "reported"],
                [self.graph.corrections.get(cid, {}).get("kind") for f in facts for cid in f.corrections],
                [list(vars(f).values()) for f in facts],
                [[list(vars(e).values()), [k in nodes for k in (*e.venue, *e.hosts, *e.participants)]] for e in events]]
        return "rdf:" + hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()

    def node_iri(self, key: str) -> str:
        """The IRI term of node ``key`` (cached: keys repeat a lot)."""
        t = self._iri.get(key)
        if t is None:
            t = self._iri[key] = T.iri(I.node_iri(key, self.base))
        return t

    def subject(self, s: str) -> set[tuple[str, str]]:
        """The (predicate, object) set of subject ``s`` in the current article graph."""
        pos = self.cur.get(s)
        if pos is None:
            pos = self.cur[s] = set()
        return pos

    def shared(self, s: str) -> set[tuple[str, str]]:
        """The (predicate, object) set of ``s`` the current article adds to the shared graph; it mentions ``s``."""
        self.mentioned.add(s)
        pos = self.local.get(s)
        if pos is None:
            pos = self.local[s] = set()
        return pos

    def shared_pos(self, s: str) -> set[tuple[str, str]]:
        """The (predicate, object) set of ``s`` in the dataset's shared graph."""
        pos = self.ds.shared.get(s)
        if pos is None:
            pos = self.ds.shared[s] = set()
        return pos

    # -- articles ---------------------------------------------------------
    def article(self, g: str, aid: str, art: Article | None) -> None:
        pos = self.subject(T.iri(g))
        pos.update(((A, K_ARTICLE), (S_ID, T.plain(aid))))
        if art is None:
            return
        doc = self.graph.docs.get(aid)
        if art.title:
            pos.add((S_HEAD, T.zh(art.title)))
        day = (doc.date if doc is not None else None) or art.date
        if day:
            pos.add((S_PUB, T.date(day)))
        home = (doc.home if doc is not None else None) or art.home
        if home:
            pos.add((K_HOME, T.zh(home)))

    # -- entities ---------------------------------------------------------
    def describe(self, node: Node) -> None:
        """Type, label, aliases and attributes of ``node``, in the shared graph."""
        pos = self.shared_pos(self.node_iri(node.key))
        pos.update(((A, CLASS_TERMS.get(node.type) or T.iri(KG + "Entity")), (LABEL, T.zh(node.label))))
        qualifier = node.key.partition("/")[2].rpartition("@")[2] if "@" in node.key else ""
        if qualifier and "namesake_of" not in node.attrs:      # person/王建华@白沙市
            pos.add((K_QUAL, T.zh(qualifier)))
        for alias in node.aliases:
            if alias != node.label:
                pos.add((ALT, T.zh(alias)))
        for k, v in node.attrs.items():
            if k == "renamed":
                self.renamed(pos, node, v)
            elif v is not None and v != "":
                self.attr(pos, k, v)

    def renamed(self, pos: set[tuple[str, str]], node: Node, v: dict) -> None:
        """A division under a former name links to the node of its later name, when the graph has both
        (襄樊市 kg:renamedTo 襄阳市; kg:renamedIn 2011)."""
        from ..resolve import node_key
        later = node_key(node.type, v["now"])
        if node.label == v["old"] and later in self.graph.nodes and later != node.key:
            pos.add((K_RENAMED, self.node_iri(later)))
            if v.get("year"):
                pos.add((K_RENAMED_IN, T.date(str(v["year"]))))

    def attr(self, pos: set[tuple[str, str]], k: str, v: Any) -> None:
        """One entity attribute as a property (see README "RDF" for the list)."""
        text = str(v)
        if k == "level":
            level = LEVEL_OF.get(text)
            pos.add((K_LEVEL, T.iri(KG + level)) if level else (K_ATTR, T.plain(f"level={text}")))
        elif k == "adcode":
            pos.add((K_ADCODE, T.plain(full_adcode(text))))
        elif k == "investment":
            pos.add((K_INV, T.zh(text)))
            amount = T.yuan(v)
            if amount is not None:
                pos.add((K_INV_Y, T.decimal(amount)))
        elif k in ("capacity", "status"):
            pos.add((T.iri(KG + k), T.zh(text)))
        elif k == "date":
            pos.add((K_DATE, T.date(text)))
        elif k == "namesake_of":
            pos.add((K_QUAL, T.zh(text)))
        elif k == "resolution":             # why kg/resolve kept namesakes apart
            pos.add((NOTE, T.plain(text)))
        elif k == "corrections":            # the user's corrections that changed this entity
            pos.update((P_INFLUENCED, self.correction_iri(cid)) for cid in v)
        else:
            pos.add((K_ATTR, T.plain(f"{k}={text}")))

    # -- corrections --------------------------------------------------------
    def correction_iri(self, cid: str) -> str:
        return T.iri(f"{self.base}correction/{I.encode_segment(cid)}")

    def correction(self, cid: str, desc: dict) -> None:
        """A correction as a prov:Activity (kg:Correction) associated with its agent, with its reason."""
        pos = self.subject(self.correction_iri(cid))
        agent = T.iri(f"{self.base}agent/{I.encode_segment(desc.get('who') or '_')}")
        pos.update(((A, P_ACTIVITY), (A, K_CORRECTION), (K_CKIND, T.plain(desc["kind"])),
                    (P_ASSOC, agent), (COMMENT, T.zh(desc.get("why") or "")),
                    (K_CSTATUS, T.plain(desc.get("status", "applied"))), (K_CLINE, T.integer(desc.get("line", 0)))))
        if desc.get("note"):
            pos.add((NOTE, T.zh(desc["note"])))
        self.subject(agent).update(((A, P_AGENT), (LABEL, T.plain(desc.get("who") or ""))))

    def corrected(self, pos: set[tuple[str, str]], f: Fact) -> None:
        """Link fact ``f`` to the corrections that made (add), changed, checked or rejected it."""
        for cid in f.corrections:
            kind = self.graph.corrections.get(cid, {}).get("kind")
            prop = P_GENERATED if kind == "add" else P_INVALIDATED if kind == "reject" else P_INFLUENCED
            pos.add((prop, self.correction_iri(cid)))

    # -- facts ------------------------------------------------------------
    def fact(self, g: str, f: Fact, asserted: bool = True) -> None:
        """The asserted triple(s) of ``f`` plus its provenance resource (only the latter when not ``asserted``:
        a rejected fact)."""
        nodes = self.graph.nodes
        if f.s not in nodes:
            return
        s = self.node_iri(f.s)
        mem = None
        if f.p == "holdsPosition" and not asserted:
            p, o = (K_FHELD if f.former else O_HOLDS), T.iri(I.post_iri(f.org if f.org in nodes else None,
                                                                          f.role or "", self.base))
        elif f.p == "holdsPosition":
            held = self.position(f, s)
            if held is None:
                return
            p, o, mem = held
        else:
            if f.o is None:
                return
            if f.p in ("partOf", "locatedIn") and nodes[f.s].type == "Place":
                p = S_IN
            else:
                p = PRED_TERMS.get(f.p) or T.iri(KG + f.p)
            if f.o in nodes:
                o = self.node_iri(f.o)
            elif f.p == "reported" and f.o in self.graph.articles:      # a reporter → the article
                o = T.iri(I.article_iri(f.o, self.base))
            else:
                o = T.zh(f.o)
        if asserted:
            self.shared(s).add((p, o))
        fid = T.iri(f"{self.base}fact/" + (f.id or fact_id(f.article, self.label(f.s), f.p, self.label(f.o),
                                                            f.role, self.label(f.org))))
        pos = self.subject(fid)
        pos.update(((A, K_FACT), (R_SUBJ, s), (R_PRED, p), (R_OBJ, o),
                    (P_DERIVED, T.iri(I.article_iri(f.article, self.base))),
                    (K_CONF, T.decimal(round(f.confidence, 3)))))
        self.corrected(pos, f)
        if f.rule:
            pos.add((K_RULE, T.plain(f.rule)))
        if f.date:
            pos.add((K_DATE, T.date(f.date)))
        if f.evidence:
            pos.add((K_EV, T.zh(f.evidence)))
        if f.evidence_start is not None and f.evidence_end is not None:
            pos.add((K_EV_S, T.integer(f.evidence_start)))
            pos.add((K_EV_E, T.integer(f.evidence_end)))
        if mem is not None:
            pos.add((K_MEMB, mem))
        for text, _, _ in f.context:                # the other sentences of its frame (the event named before)
            pos.add((K_CTX, T.zh(text)))

    # -- events ---------------------------------------------------------
    def events(self, g: str, events: list[GraphEvent]) -> None:
        """The article's events: one kg:Event each in its graph, with name, date, the nodes of its venue,
        hosts and participants, and the sentences that state it."""
        nodes = self.graph.nodes
        for e in events:
            pos = self.subject(T.iri(I.node_iri(e.key, self.base)))
            pos.update(((A, K_EVENT), (LABEL, T.zh(e.name)), (P_DERIVED, T.iri(g))))
            if e.date:
                pos.add((K_DATE, T.date(e.date)))
            for prop, keys in ((K_VENUE, e.venue), (K_HOST, e.hosts), (K_PARTICIPANT, e.participants)):
                pos.update((prop, self.node_iri(k)) for k in keys if k in nodes)
            pos.update((K_CTX, T.zh(text)) for text, _, _ in e.sentences)

    def label(self, key: str | None) -> str | None:
        node = self.graph.nodes.get(key) if key else None
        return node.label if node is not None else key

    def position(self, f: Fact, person: str) -> tuple[str, str, str | None] | None:
        """A holdsPosition fact → (predicate, post, membership), writing post and membership.

        With a role: ``person org:holds post`` (``kg:formerlyHeld`` when former),
        the post (org:Post in org:postIn org — kg:postInPlace when the "org" is
        a place, as in 白沙市 市领导 — with org:role) and an
        org:Membership with org:memberDuring when dates are known. Without a
        role: ``person org:memberOf org``.
        """
        org = f.org if f.org in self.graph.nodes else None
        if not f.role:
            if org is None:
                return None
            return O_MEMBER_OF, self.node_iri(org), None
        b = self.base
        post_raw = I.post_iri(org, f.role, b)
        post, role = T.iri(post_raw), T.iri(I.role_iri(f.role, b))
        org_label = self.graph.nodes[org].label if org else ""
        ppos = self.shared(post)
        ppos.update(((A, K_POST), (LABEL, T.zh(org_label + f.role)), (O_ROLE, role)))
        self.shared(role).update(((A, O_ROLE_C), (LABEL, T.zh(f.role))))
        mem = T.iri(I.membership_iri(f.s, post_raw, b))
        mpos = self.shared(mem)
        mpos.update(((A, O_MEMB_C), (O_MEMBER, person), (O_ROLE, role), (K_POSTP, post)))
        if org and self.graph.nodes[org].type == "Place":     # e.g. 市领导 of 白沙市
            ppos.add((K_POST_PLACE, self.node_iri(org)))
        elif org:
            ppos.add((O_POSTIN, self.node_iri(org)))
            mpos.add((O_ORG, self.node_iri(org)))
        if f.former:
            mpos.add((K_FORMER, TRUE))
        start = f.start if f.start and T.date_kind(f.start) else None
        end = f.end if f.end and T.date_kind(f.end) else None
        if start or end:
            span = T.iri(I.interval_iri(start, end, b))
            mpos.add((O_DURING, span))
            spos = self.shared(span)
            spos.add((A, TM_INTERVAL))
            for prop, value in ((TM_BEGIN, start), (TM_END, end)):
                if value:
                    inst = T.iri(I.instant_iri(value, b))
                    spos.add((prop, inst))
                    kind = T.date_kind(value)
                    self.shared(inst).update((
                        (A, TM_INSTANT),
                        (T.iri(TIME + "inXSD" + ("Date" if kind == "date" else kind)), T.typed(value, XSD + kind))))
        return (K_FHELD if f.former else O_HOLDS), post, mem
