"""The RDF a build writes: IRIs, labels, attributes, posts, provenance, determinism."""
from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.export.files import write_graph_files
from kg.model import Article, Fact, Graph, Node
from kg.rdf import build_dataset
from kg.rdf.example import sample_graph
from kg.rdf.iri import node_iri

B = "https://kg.example.org/id/"
KG = "https://kg.example.org/ontology#"
ORG = "http://www.w3.org/ns/org#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def merged(graph: Graph, base: str | None = None) -> rdflib.Graph:
    """The merged graph of ``graph`` as rdflib parses it back from graph.ttl."""
    ds = build_dataset(graph, base)
    g = rdflib.Graph()
    from kg.rdf.namespaces import prefixes
    from kg.rdf.turtle import turtle
    g.parse(data=turtle(ds.union(), prefixes(ds.base)), format="turtle")
    return g


def U(x: str) -> rdflib.URIRef:
    return rdflib.URIRef(x)


def test_entities_get_readable_stable_iris_with_type_label_and_aliases():
    g = merged(sample_graph())
    liu = U(B + "person/王建华")
    assert (liu, U(RDF + "type"), U(KG + "Person")) in g
    assert (liu, U(RDFS + "label"), rdflib.Literal("王建华", lang="zh")) in g
    assert (liu, U(SKOS + "altLabel"), rdflib.Literal("王建华同志", lang="zh")) in g
    # the namesake from another city is another node, still readable
    other = U(B + "person/王建华@白沙市")
    assert (other, U(KG + "qualifier"), rdflib.Literal("白沙市", lang="zh")) in g
    assert (other, U(SKOS + "altLabel"), None) not in g


def test_same_entity_same_iri_in_every_article_graph():
    ds = build_dataset(sample_graph())
    liu = f"<{B}person/王建华>"
    assert sorted(g for g, xs in ds.mentions.items() if liu in xs) == [B + "article/a1", B + "article/a2"]
    assert (None, liu, f"<{RDFS}label>", '"王建华"@zh') in ds        # described once, shared
    assert all(liu not in subjects for subjects in ds.graphs.values())


def test_base_is_configurable_and_bad_base_is_refused():
    g = merged(sample_graph(), "http://example.org/kg")
    assert (U("http://example.org/kg/person/王建华"), None, None) in g
    from kg.errors import KgError
    with pytest.raises(KgError, match="invalid base IRI"):
        build_dataset(sample_graph(), "not an iri")


@pytest.mark.parametrize("a,b", [("agency/a/b", "agency/a%2Fb"), ("place/x y", "place/x%20y"),
                                 ("person/王建华", "organization/王建华"), ("person/王建华@白沙", "person/王建华@白沙市")])
def test_iris_are_collision_safe(a, b):
    assert node_iri(a, B) != node_iri(b, B)
    ox.NamedNode(node_iri(a, B))       # valid IRIs
    ox.NamedNode(node_iri(b, B))


def test_attributes_become_typed_properties():
    g = merged(sample_graph())
    county = U(B + "place/东山县")
    assert (county, U(KG + "adminLevel"), U(KG + "county")) in g
    assert (U(B + "place/青石市"), U(KG + "adcode"), rdflib.Literal("139800")) in g
    solar = U(B + "project/东山县光伏发电项目")
    yuan = g.value(solar, U(KG + "investmentYuan"))
    assert yuan.datatype == rdflib.XSD.decimal and int(yuan.toPython()) == 1_250_000_000
    assert (solar, U(KG + "investment"), rdflib.Literal("12.5亿元", lang="zh")) in g
    assert (solar, U(KG + "status"), rdflib.Literal("在建", lang="zh")) in g


def test_posts_map_to_org_post_membership_and_dated_tenure():
    g = merged(sample_graph())
    liu = U(B + "person/王建华")
    post = U(B + "post/agency:中共青石市委员会:书记")
    assert (liu, U(ORG + "holds"), post) in g
    assert (post, U(ORG + "postIn"), U(B + "agency/中共青石市委员会")) in g
    assert (post, U(ORG + "role"), U(B + "role/书记")) in g
    mayor = U(B + "post/agency:青石市人民政府:市长")
    assert (liu, U(KG + "formerlyHeld"), mayor) in g and (liu, U(ORG + "holds"), mayor) not in g
    m = g.value(predicate=U(KG + "post"), object=mayor)
    assert (m, U(ORG + "member"), liu) in g and (m, U(KG + "former"), rdflib.Literal(True)) in g
    span = g.value(m, U(ORG + "memberDuring"))
    T = "http://www.w3.org/2006/time#"
    assert str(g.value(g.value(span, U(T + "hasBeginning")), U(T + "inXSDgYear"))) == "2016"
    assert str(g.value(g.value(span, U(T + "hasEnd")), U(T + "inXSDgYear"))) == "2019"


def test_every_fact_is_traced_to_article_sentence_offsets_rule_and_confidence():
    graph = sample_graph()
    g = merged(graph)
    facts = list(g.subjects(U(RDF + "type"), U(KG + "Fact")))
    assert len(facts) == len(graph.facts)
    for f in facts:
        s, p, o = (g.value(f, U(RDF + x)) for x in ("subject", "predicate", "object"))
        assert (s, p, o) in g, "the reified triple is asserted"
        article = g.value(f, U(PROV + "wasDerivedFrom"))
        assert (article, U(RDF + "type"), U(KG + "Article")) in g
        text = str(g.value(f, U(KG + "evidenceText")))
        start, end = int(g.value(f, U(KG + "evidenceStart"))), int(g.value(f, U(KG + "evidenceEnd")))
        assert end - start == len(text)
        assert str(g.value(f, U(KG + "rule"))).startswith("test:")
        assert 0 < float(g.value(f, U(KG + "confidence"))) <= 1


def test_trig_has_one_named_graph_per_article(tmp_path: Path):
    ds = build_dataset(sample_graph())
    write_graph_files(ds, tmp_path)
    store = ox.Store()
    store.load(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)
    names = sorted(g.value for g in store.named_graphs())
    assert names == [B + "article/a1", B + "article/a2", B + "article/a3"]
    # the article's graph holds what it says: its facts (with provenance) and what it mentions
    a3 = ox.NamedNode(B + "article/a3")
    zhang, by = ox.NamedNode(B + "person/张三"), ox.NamedNode(KG + "investigatedBy")
    assert ox.Quad(a3, ox.NamedNode("https://schema.org/mentions"), zhang, a3) in store
    fact = next(store.quads_for_pattern(None, ox.NamedNode(RDF + "subject"), zhang, a3)).subject
    assert ox.Quad(fact, ox.NamedNode(RDF + "predicate"), by, a3) in store
    assert ox.Quad(zhang, by, ox.NamedNode(B + "agency/青石市纪委监委"), ox.DefaultGraph()) in store
    assert not list(store.quads_for_pattern(None, None, ox.NamedNode(B + "person/王建华"), a3))


def test_turtle_is_prefixed_grouped_and_reads_back_identically(tmp_path: Path):
    ds = build_dataset(sample_graph())
    n = write_graph_files(ds, tmp_path)
    text = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix kg: <https://kg.example.org/ontology#> ." in text
    assert "\nperson:王建华 a kg:Person ;\n" in text      # one block per subject, Chinese kept readable
    assert text.count("\nperson:王建华 ") == 1
    store = ox.Store()
    store.load(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == n
    union = ds.union()
    assert {(str(q.subject), str(q.predicate), str(q.object)) for q in store} == \
        {(s, p, o) for s, pos in union.items() for p, o in pos}


def test_two_builds_are_byte_identical_whatever_the_input_order(tmp_path: Path):
    one, two = tmp_path / "1", tmp_path / "2"
    one.mkdir(), two.mkdir()
    write_graph_files(build_dataset(sample_graph()), one)
    g = sample_graph()
    rnd = random.Random(3)
    rnd.shuffle(g.facts)
    items = list(g.nodes.items())
    rnd.shuffle(items)
    g.nodes = dict(items)
    write_graph_files(build_dataset(g), two)
    for name in ("graph.ttl", "graph.trig"):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_odd_labels_survive_the_round_trip():
    label = 'x. (a/b) 50%~ "引号"\t\\'
    key = "project/" + label
    g = Graph(nodes={key: Node(key, "Project", label, articles={"a"})}, articles={"a": Article("a", "")},
              facts=[Fact(key, "locatedIn", key, "a", evidence="line\nbreak")])
    back = merged(g)
    assert (U(node_iri(key, B)), U(RDFS + "label"), rdflib.Literal(label, lang="zh")) in back


def test_namesake_qualifier_from_the_key_and_resolution_note():
    g = Graph(nodes={"person/王建华@白沙市": Node("person/王建华@白沙市", "Person", "王建华", articles={"a"},
                                              attrs={"resolution": "王建华: posts in 白沙市"})},
              articles={"a": Article("a", "")})
    back = merged(g)
    s = U(B + "person/王建华@白沙市")
    assert (s, U(KG + "qualifier"), rdflib.Literal("白沙市", lang="zh")) in back
    assert (s, U(SKOS + "editorialNote"), rdflib.Literal("王建华: posts in 白沙市")) in back
