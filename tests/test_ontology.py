"""The ontology, CAMEO scheme and SHACL shapes agree with vocab.py, the codebook and the data model."""

from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from polgraph.vocab import CAMEO, FOAF, NIF, ORG, OWL, PG, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, TIME, XSD

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "polgraph.ttl"
CAMEO_TTL = ROOT / "ontology" / "cameo.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
CAMEO_TSV = ROOT / "data" / "cameo" / "cameo_event_codes.tsv"
DATA = Path(__file__).resolve().parent / "data"
PG_NS = str(PG._NS)
PG_TERMS = {PG[name] for name in PG.__annotations__}

# docs/data-model.md, "Classes"
SUPERCLASSES: dict[URIRef, set[URIRef]] = {
    PG.Actor: {SEM.Actor},
    PG.Person: {PG.Actor, FOAF.Person, SCHEMA.Person},
    PG.Organization: {PG.Actor, ORG.Organization, SCHEMA.Organization},
    PG.PoliticalParty: {PG.Organization, SCHEMA.PoliticalParty},
    PG.GovernmentBody: {PG.Organization, ORG.FormalOrganization, SCHEMA.GovernmentOrganization},
    PG.Court: {PG.GovernmentBody},
    PG.InternationalOrganization: {PG.Organization},
    PG.Group: {PG.Organization},
    PG.Place: {SEM.Place, SCHEMA.Place},
    PG.Country: {PG.Place, SCHEMA.Country},
    PG.City: {PG.Place, SCHEMA.City},
    PG.Region: {PG.Place, SCHEMA.AdministrativeArea},
    PG.Event: {SEM.Event},
    PG.Participation: {SEM.Role},
    PG.RoleType: {SEM.RoleType},
    PG.Article: {SCHEMA.NewsArticle, PROV.Entity},
    PG.Mention: {NIF.Phrase, NIF.RFC5147String},
}
VALUE_SETS: dict[URIRef, list[URIRef]] = {
    PG.factuality: [PG.Asserted, PG.Reported, PG.Negated, PG.Hypothetical, PG.Planned],
    PG.datePrecision: [PG.Day, PG.Month, PG.Year],
    PG.dateResolution: [PG.Explicit, PG.Relative, PG.Publication, PG.Unanchored, PG.Upper],
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def cameo() -> Graph:
    return Graph().parse(CAMEO_TTL)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES)


@pytest.fixture(scope="module")
def codebook() -> list[dict[str, str]]:
    with CAMEO_TSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def union_of(path: Path) -> Graph:
    """All triples of a TriG file in one graph: what queries and validation see as the default graph."""
    dataset = Dataset()
    dataset.parse(path, format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    return union


def violations(data: Graph, shapes: Graph) -> tuple[bool, set[tuple[Node | None, Node | None, str]]]:
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none")
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        found.add((report.value(result, SH.focusNode), report.value(result, SH.resultPath), component))
    return bool(conforms), found


# ---- parsing -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [ONTOLOGY, CAMEO_TTL, SHAPES], ids=lambda p: p.name)
def test_ontology_files_parse(path: Path) -> None:
    assert len(Graph().parse(path)) > 0


# ---- polgraph.ttl --------------------------------------------------------------------------------

def test_ontology_header(ontology: Graph) -> None:
    onto = URIRef("https://w3id.org/polgraph/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    for prop in (OWL.versionInfo, RDFS.label, RDFS.comment, URIRef("http://purl.org/dc/terms/created")):
        assert ontology.value(onto, prop) is not None, prop
    comments = " ".join(str(c) for c in ontology.objects(onto, RDFS.comment))
    for needle in ('042 "Make a visit"', "043", "exile", "0841", "bail", "1053"):
        assert needle in comments, f"the ontology's CONVENTION comments should mention {needle}"


@pytest.mark.parametrize("term", sorted(PG_TERMS), ids=lambda t: t.removeprefix(PG_NS))
def test_every_vocab_term_is_declared_with_a_label(ontology: Graph, term: URIRef) -> None:
    assert (term, RDF.type, None) in ontology, f"{term} is in vocab.PG but not declared in polgraph.ttl"
    assert ontology.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
    assert (ontology.value(term, RDFS.comment) or ontology.value(term, SKOS.definition)) is not None


@pytest.mark.parametrize("path", [ONTOLOGY, CAMEO_TTL, SHAPES], ids=lambda p: p.name)
def test_no_pg_term_outside_vocab(path: Path) -> None:
    graph = Graph().parse(path)
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and t.startswith(PG_NS)}
    assert used - PG_TERMS == set(), "terms missing from vocab.PG (add them there first)"


@pytest.mark.parametrize("cls", sorted(SUPERCLASSES), ids=lambda t: t.removeprefix(PG_NS))
def test_classes_follow_the_data_model(ontology: Graph, cls: URIRef) -> None:
    assert (cls, RDF.type, OWL.Class) in ontology
    assert set(ontology.objects(cls, RDFS.subClassOf)) == SUPERCLASSES[cls]


def test_role_types_are_concepts_with_definitions(ontology: Graph) -> None:
    for role in (PG.agent, PG.patient, PG.recipient, PG.other):
        assert (role, RDF.type, PG.RoleType) in ontology
        assert (role, RDF.type, SKOS.Concept) in ontology
        assert ontology.value(role, SKOS.definition) is not None


@pytest.mark.parametrize("prop", sorted(VALUE_SETS), ids=lambda t: t.removeprefix(PG_NS))
def test_value_properties_range_over_their_individuals(ontology: Graph, prop: URIRef) -> None:
    range_ = ontology.value(prop, RDFS.range)
    members = list(ontology.items(ontology.value(range_, OWL.oneOf)))
    assert members == VALUE_SETS[prop]
    for value in members:
        assert (value, RDF.type, OWL.NamedIndividual) in ontology
        assert ontology.value(value, RDFS.comment) is not None


def test_date_precisions_match_owl_time_units(ontology: Graph) -> None:
    expected = {PG.Day: TIME.unitDay, PG.Month: TIME.unitMonth, PG.Year: TIME.unitYear}
    for value, unit in expected.items():
        assert (value, SKOS.exactMatch, unit) in ontology


def test_properties_have_domains_or_ranges(ontology: Graph) -> None:
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    props = {p for kind in kinds for p in ontology.subjects(RDF.type, kind)}
    assert props == {t for t in PG_TERMS if t.removeprefix(PG_NS)[0].islower()} - {
        PG.agent, PG.patient, PG.recipient, PG.other}
    for prop in props - {PG.wikidata}:
        constrained = ontology.value(prop, RDFS.domain) or ontology.value(prop, RDFS.range)
        assert constrained is not None, f"{prop} has neither rdfs:domain nor rdfs:range"


# ---- cameo.ttl -----------------------------------------------------------------------------------

def test_one_concept_per_codebook_row(cameo: Graph, codebook: list[dict[str, str]]) -> None:
    codes = {CAMEO[row["code"]] for row in codebook}
    concepts = set(cameo.subjects(SKOS.inScheme, CAMEO.scheme))
    assert concepts == codes
    assert set(cameo.subjects(RDF.type, SEM.EventType)) == codes
    assert len(codebook) == 317


def test_concepts_carry_the_codebook_facts(cameo: Graph, codebook: list[dict[str, str]]) -> None:
    for row in codebook:
        node = CAMEO[row["code"]]
        assert cameo.value(node, SKOS.notation) == Literal(row["code"])
        assert cameo.value(node, SKOS.prefLabel) == Literal(row["name"])
        quad = cameo.value(node, PG.quadClass)
        assert quad is not None and quad.datatype == XSD.integer and quad.toPython() == int(row["quad_class"])
        goldstein = cameo.value(node, PG.goldstein)
        if row["goldstein"]:
            assert goldstein is not None and goldstein.datatype == XSD.decimal
            assert goldstein.toPython() == Decimal(row["goldstein"])
        else:
            assert goldstein is None, f"{row['code']} has no Goldstein value in the codebook"


def test_broader_chain_ends_at_a_top_concept(cameo: Graph, codebook: list[dict[str, str]]) -> None:
    tops = set(cameo.subjects(SKOS.topConceptOf, CAMEO.scheme))
    assert tops == {CAMEO[row["code"]] for row in codebook if len(row["code"]) == 2}
    assert set(cameo.objects(CAMEO.scheme, SKOS.hasTopConcept)) == tops
    for row in codebook:
        node, steps = CAMEO[row["code"]], 0
        while node not in tops:
            parents = list(cameo.objects(node, SKOS.broader))
            assert len(parents) == 1, f"{node} should have exactly one skos:broader"
            assert parents[0] == CAMEO[str(cameo.value(node, SKOS.notation))[:-1]]
            node, steps = parents[0], steps + 1
        assert steps == len(row["code"]) - 2


def test_the_example_code_of_the_data_model(cameo: Graph) -> None:
    assert cameo.value(CAMEO["020"], SKOS.prefLabel) == Literal("Make an appeal or request")
    assert cameo.value(CAMEO["020"], SKOS.broader) == CAMEO["02"]
    assert cameo.value(CAMEO["020"], PG.goldstein) == Literal("3.0", datatype=XSD.decimal)


def test_build_cameo_check_passes() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_cameo.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr


# ---- shapes.ttl ----------------------------------------------------------------------------------

def test_every_shape_explains_itself(shapes: Graph) -> None:
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert (shapes.value(shape, RDFS.comment) or shapes.value(shape, SH.message)) is not None, shape
        for prop in shapes.objects(shape, SH.property):
            assert shapes.value(prop, SH.message) is not None, f"a property shape of {shape} has no message"


def test_valid_instance_data_conforms(shapes: Graph) -> None:
    conforms, found = violations(union_of(DATA / "model_valid.trig"), shapes)
    assert found == set()
    assert conforms


def test_valid_instance_data_conforms_with_ontology_and_cameo_loaded(shapes: Graph) -> None:
    """The store's default graph is the union of every graph, the ontology graphs included."""
    data = union_of(DATA / "model_valid.trig") + Graph().parse(ONTOLOGY) + Graph().parse(CAMEO_TTL)
    conforms, found = violations(data, shapes)
    assert found == set() and conforms
    for event in data.subjects(RDF.type, PG.Event):
        concept = data.value(event, SEM.eventType)
        assert (concept, RDF.type, SKOS.Concept) in data
        assert data.value(concept, SKOS.notation) == data.value(event, PG.cameoCode)


def test_valid_instance_offsets_match_the_text() -> None:
    data = union_of(DATA / "model_valid.trig")
    spans = set(data.subjects(RDF.type, NIF.RFC5147String))
    assert len(spans) == 4  # one sentence, two entity mentions, one trigger
    for span in spans:
        text = str(data.value(data.value(span, NIF.referenceContext), NIF.isString))
        begin, end = int(data.value(span, NIF.beginIndex)), int(data.value(span, NIF.endIndex))
        assert text[begin:end] == str(data.value(span, NIF.anchorOf))
        assert str(span).endswith(f"#char={begin},{end}")


def test_invalid_instance_data_is_rejected_for_the_right_reasons(shapes: Graph) -> None:
    id_ = "https://w3id.org/polgraph/id/"
    expected = {
        (URIRef(id_ + "event/bad-no-code"), PG.cameoCode, "MinCountConstraintComponent"),
        (URIRef(id_ + "event/bad-code-pattern"), PG.cameoCode, "PatternConstraintComponent"),
        (URIRef(id_ + "event/bad-timestamp"), SEM.hasTimeStamp, "OrConstraintComponent"),
        (URIRef(id_ + "event/bad-no-precision"), None, "OrConstraintComponent"),
        (URIRef(id_ + "event/bad-role/role/0"), SEM.roleType, "InConstraintComponent"),
        (URIRef(id_ + "membership/bad-no-role"), ORG.role, "MinCountConstraintComponent"),
        (URIRef(id_ + "membership/bad-member"), ORG.member, "ClassConstraintComponent"),
        (URIRef(id_ + "article/fixture/text#char=7,0"), NIF.beginIndex, "LessThanConstraintComponent"),
    }
    conforms, found = violations(Graph().parse(DATA / "model_invalid.ttl"), shapes)
    assert not conforms
    assert found == expected
