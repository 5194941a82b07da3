"""A resolved ``Graph`` → an ``RdfDataset``: one named graph per article.

Each article's graph holds everything the article says: the article itself,
the entities it mentions (type, label, its aliases and attributes), the facts
it asserts as plain triples, and one ``kg:Fact`` resource per fact carrying
its provenance (RDF reification + PROV-O, see README "Provenance"). The same
entity has the same IRI in every graph, so the union of the graphs is the
merged knowledge graph, and dropping one article's graph drops exactly its
contribution.

>>> from kg.model import Graph, Node, Fact, Article
>>> g = Graph(nodes={"person/刘星": Node("person/刘星", "Person", "刘星", articles={"a"}),
...                  "place/灵石县": Node("place/灵石县", "Place", "灵石县", {"灵石"}, {"level": "县"}, {"a"})},
...           facts=[Fact("person/刘星", "inspected", "place/灵石县", "a", evidence="刘星到灵石县调研。",
...                       evidence_start=0, evidence_end=9, rule="verb:调研", confidence=0.9)],
...           articles={"a": Article("a", "刘星到灵石县调研。")})
>>> ds = build_dataset(g, "http://x/")
>>> list(ds.graphs)
['http://x/article/a']
>>> ("<http://x/person/刘星>", "<https://kg.example.org/ontology#inspected>", "<http://x/place/灵石县>") in ds.graphs["http://x/article/a"]
True
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from ..model import Article, Fact, Graph, Node
from . import iri as I
from . import terms as T
from .dataset import RdfDataset, Triple
from .namespaces import KG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, XSD

MAPPING_VERSION = "1"   # bump when the mapping changes, so stored graphs are rebuilt

A = T.iri(RDF + "type")
LABEL = T.iri(RDFS + "label")
ALT = T.iri(SKOS + "altLabel")

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

SHARED_GRAPH = "graph/unattributed"   # under the base: nodes no article mentions


def build_dataset(graph: Graph, base: str | None = None) -> RdfDataset:
    """Map ``graph`` to RDF under ``base`` (default ``https://kg.example.org/id/``)."""
    base = I.check_base(base)
    ds = RdfDataset(base)
    m = _Mapper(graph, ds, base)
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in graph.facts:
        by_article[f.article].append(f)
    keys: dict[str, set[str]] = defaultdict(set)
    for node in graph.nodes.values():
        for aid in node.articles:
            keys[aid].add(node.key)
    for aid, facts in by_article.items():
        for f in facts:
            keys[aid].update(k for k in (f.s, f.o, f.org) if k in graph.nodes)
    mentioned = set().union(*keys.values()) if keys else set()
    for aid in sorted(set(graph.articles) | set(by_article) | set(keys)):
        g = I.article_iri(aid, base)
        m.article(g, aid, graph.articles.get(aid))
        for key in sorted(keys.get(aid, ())):
            m.node(g, graph.nodes[key], aid)
        for f in by_article.get(aid, ()):
            m.fact(g, f)
    orphans = [n for k, n in graph.nodes.items() if k not in mentioned]
    if orphans:
        g = base + SHARED_GRAPH
        for node in orphans:
            m.node(g, node, None)
    for g, triples in ds.graphs.items():
        digest = graph_digest(triples, base)
        ds.digests[g] = digest
        triples[(T.iri(g), T.iri(KG + "contentHash"), T.plain(digest))] = None
    return ds


def graph_digest(triples: dict[Triple, None] | list[Triple], base: str) -> str:
    """The content hash of a named graph: SHA-256 of its sorted N-Triples lines.

    >>> d = graph_digest([("<s>", "<p>", '"o"')], "http://x/")
    >>> len(d), d == graph_digest({("<s>", "<p>", '"o"'): None}, "http://x/")
    (64, True)
    """
    h = hashlib.sha256(f"kg-rdf {MAPPING_VERSION} {base}\n".encode())
    for s, p, o in sorted(triples):
        h.update(f"{s} {p} {o} .\n".encode("utf-8"))
    return h.hexdigest()


class _Mapper:
    """Writes the triples of articles, nodes and facts into a dataset."""

    def __init__(self, graph: Graph, ds: RdfDataset, base: str) -> None:
        self.graph, self.ds, self.base = graph, ds, base
        self._iri: dict[str, str] = {}

    def node_iri(self, key: str) -> str:
        """The IRI term of node ``key`` (cached: keys repeat a lot)."""
        t = self._iri.get(key)
        if t is None:
            t = self._iri[key] = T.iri(I.node_iri(key, self.base))
        return t

    def add(self, g: str, s: str, p: str, o: str) -> None:
        self.ds.add(g, (s, p, o))

    # -- articles ---------------------------------------------------------
    def article(self, g: str, aid: str, art: Article | None) -> None:
        s = T.iri(g)
        self.add(g, s, A, T.iri(KG + "Article"))
        self.add(g, s, T.iri(SCHEMA + "identifier"), T.plain(aid))
        if art is None:
            return
        doc = self.graph.docs.get(aid)
        if art.title:
            self.add(g, s, T.iri(SCHEMA + "headline"), T.zh(art.title))
        day = (doc.date if doc is not None else None) or art.date
        if day:
            self.add(g, s, T.iri(SCHEMA + "datePublished"), T.date(day))
        home = (doc.home if doc is not None else None) or art.home
        if home:
            self.add(g, s, T.iri(KG + "homeCity"), T.zh(home))

    # -- entities ---------------------------------------------------------
    def node(self, g: str, node: Node, aid: str | None) -> None:
        """Type, label, and the aliases/attributes this article knows of ``node``."""
        s = self.node_iri(node.key)
        self.add(g, s, A, T.iri(CLASSES.get(node.type, KG + "Entity")))
        self.add(g, s, LABEL, T.zh(node.label))
        aliases, attrs = node.aliases, node.attrs
        doc = self.graph.docs.get(aid) if aid is not None else None
        if doc is not None:
            ent = doc.entities.get((node.type, node.label))
            if ent is not None:
                aliases, attrs = ent.aliases, ent.attrs
        for alias in aliases:
            if alias != node.label:
                self.add(g, s, ALT, T.zh(alias))
        for k, v in attrs.items():
            if v is not None and v != "":
                self.attr(g, s, k, v)

    def attr(self, g: str, s: str, k: str, v: Any) -> None:
        """One entity attribute as a property (see README "RDF" for the list)."""
        text = str(v)
        if k == "level":
            level = LEVEL_OF.get(text)
            if level:
                self.add(g, s, T.iri(KG + "adminLevel"), T.iri(KG + level))
            else:
                self.add(g, s, T.iri(KG + "attribute"), T.plain(f"level={text}"))
        elif k == "adcode":
            self.add(g, s, T.iri(KG + "adcode"), T.plain(text))
        elif k == "investment":
            self.add(g, s, T.iri(KG + "investment"), T.zh(text))
            amount = T.yuan(v)
            if amount is not None:
                self.add(g, s, T.iri(KG + "investmentYuan"), T.decimal(amount))
        elif k in ("capacity", "status"):
            self.add(g, s, T.iri(KG + k), T.zh(text))
        elif k == "date":
            self.add(g, s, T.iri(KG + "date"), T.date(text))
        elif k == "namesake_of":
            self.add(g, s, T.iri(KG + "qualifier"), T.zh(text))
        else:
            self.add(g, s, T.iri(KG + "attribute"), T.plain(f"{k}={text}"))

    # -- facts ------------------------------------------------------------
    def fact(self, g: str, f: Fact) -> None:
        """The asserted triple(s) of ``f`` plus its provenance resource."""
        if f.s not in self.graph.nodes:
            return
        s = self.node_iri(f.s)
        extra: list[tuple[str, str]] = []
        if f.p == "holdsPosition":
            held = self.position(g, f, s)
            if held is None:
                return
            p, o, extra = held
        else:
            if f.o is None:
                return
            stype = self.graph.nodes[f.s].type
            if f.p in ("partOf", "locatedIn") and stype == "Place":
                p = T.iri(SCHEMA + "containedInPlace")
            else:
                p = T.iri(PREDICATES.get(f.p, KG + f.p))
            o = self.node_iri(f.o) if f.o in self.graph.nodes else T.zh(f.o)
        self.add(g, s, p, o)
        fid = T.iri(f"{self.base}fact/" + I.short_hash(
            f.article, f.s, f.p, f.o, f.role, f.org, f.former, f.start, f.end, f.evidence_start))
        self.add(g, fid, A, T.iri(KG + "Fact"))
        self.add(g, fid, T.iri(RDF + "subject"), s)
        self.add(g, fid, T.iri(RDF + "predicate"), p)
        self.add(g, fid, T.iri(RDF + "object"), o)
        self.add(g, fid, T.iri(PROV + "wasDerivedFrom"), T.iri(g))
        self.add(g, fid, T.iri(KG + "confidence"), T.decimal(round(f.confidence, 3)))
        if f.rule:
            self.add(g, fid, T.iri(KG + "rule"), T.plain(f.rule))
        if f.date:
            self.add(g, fid, T.iri(KG + "date"), T.date(f.date))
        if f.evidence:
            self.add(g, fid, T.iri(KG + "evidenceText"), T.zh(f.evidence))
        if f.evidence_start is not None and f.evidence_end is not None:
            self.add(g, fid, T.iri(KG + "evidenceStart"), T.integer(f.evidence_start))
            self.add(g, fid, T.iri(KG + "evidenceEnd"), T.integer(f.evidence_end))
        for p2, o2 in extra:
            self.add(g, fid, p2, o2)

    def position(self, g: str, f: Fact, person: str) -> tuple[str, str, list[tuple[str, str]]] | None:
        """A holdsPosition fact → (predicate, post, extra fact triples), writing post and membership.

        With a role: ``person org:holds post`` (``kg:formerlyHeld`` when former),
        the post (org:Post in org:postIn org, with org:role) and an
        org:Membership with org:memberDuring when dates are known. Without a
        role: ``person org:memberOf org``.
        """
        org = f.org if f.org in self.graph.nodes else None
        if not f.role:
            if org is None:
                return None
            return T.iri(ORG + "memberOf"), self.node_iri(org), []
        b = self.base
        post_raw = I.post_iri(org, f.role, b)
        post, role = T.iri(post_raw), T.iri(I.role_iri(f.role, b))
        self.add(g, post, A, T.iri(KG + "Post"))
        org_label = self.graph.nodes[org].label if org else ""
        self.add(g, post, LABEL, T.zh(org_label + f.role))
        self.add(g, post, T.iri(ORG + "role"), role)
        self.add(g, role, A, T.iri(ORG + "Role"))
        self.add(g, role, LABEL, T.zh(f.role))
        mem = T.iri(I.membership_iri(f.s, post_raw, b))
        self.add(g, mem, A, T.iri(ORG + "Membership"))
        self.add(g, mem, T.iri(ORG + "member"), person)
        self.add(g, mem, T.iri(ORG + "role"), role)
        self.add(g, mem, T.iri(KG + "post"), post)
        if org:
            self.add(g, post, T.iri(ORG + "postIn"), self.node_iri(org))
            self.add(g, mem, T.iri(ORG + "organization"), self.node_iri(org))
        if f.former:
            self.add(g, mem, T.iri(KG + "former"), T.boolean(True))
        start = f.start if f.start and T.date_kind(f.start) else None
        end = f.end if f.end and T.date_kind(f.end) else None
        if start or end:
            span = T.iri(I.interval_iri(start, end, b))
            self.add(g, mem, T.iri(ORG + "memberDuring"), span)
            self.add(g, span, A, T.iri(TIME + "Interval"))
            for prop, value in ((TIME + "hasBeginning", start), (TIME + "hasEnd", end)):
                if value:
                    inst = T.iri(I.instant_iri(value, b))
                    self.add(g, span, T.iri(prop), inst)
                    self.add(g, inst, A, T.iri(TIME + "Instant"))
                    kind = T.date_kind(value)
                    self.add(g, inst, T.iri(TIME + "inXSD" + ("Date" if kind == "date" else kind)),
                             T.typed(value, XSD + kind))
        p = T.iri(KG + "formerlyHeld") if f.former else T.iri(ORG + "holds")
        return p, post, [(T.iri(KG + "membership"), mem)]
