"""The one home of polgraph's namespaces and terms.

Every IRI that polgraph writes or queries is named here, so a misspelt term fails at import
(closed namespaces) instead of silently minting a new IRI.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "BASE", "CAMEO", "DCTERMS", "FOAF", "GAF", "GRASP", "ID", "ITSRDF", "NIF", "OA", "ORG", "OWL", "PG",
    "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SEM", "SKOS", "TIME", "XSD", "GRAPH_CAMEO",
    "GRAPH_ONTOLOGY",
]

BASE = "https://w3id.org/polgraph/"


class PG(DefinedNamespace):
    """polgraph's own ontology terms (ontology/polgraph.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # actor and place classes; local names are the analyst's type names
    Actor: object
    Person: object
    Organization: object
    PoliticalParty: object
    GovernmentBody: object
    Court: object
    InternationalOrganization: object
    Group: object
    Place: object
    Country: object
    City: object
    Region: object
    # events, roles, evidence
    Event: object
    Participation: object
    RoleType: object
    agent: object
    patient: object
    recipient: object
    other: object
    Article: object
    Mention: object
    Evidence: object
    # event properties
    cameoCode: object
    participant: object
    participantRole: object
    evidence: object
    trigger: object
    factuality: object
    reportedBy: object
    datePrecision: object
    dateText: object
    dateResolution: object
    Asserted: object
    Reported: object
    Negated: object
    Hypothetical: object
    Planned: object
    Day: object
    Month: object
    Year: object
    Explicit: object
    Relative: object
    Unanchored: object
    Publication: object
    Upper: object
    # memberships, entities, articles, runs
    roleLabel: object
    asOf: object
    mentionOf: object
    inArticle: object
    contentHash: object
    extractorVersion: object
    joinedBecause: object
    wikidata: object
    quadClass: object
    goldstein: object
    text: object


class SEM(DefinedNamespace):
    """Simple Event Model terms we use."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: object
    Actor: object
    Place: object
    Time: object
    Role: object
    RoleType: object
    EventType: object
    hasActor: object
    hasPlace: object
    hasTime: object
    hasTimeStamp: object
    hasEarliestBeginTimeStamp: object
    hasLatestEndTimeStamp: object
    eventType: object
    roleType: object
    accordingTo: object


class ORG(DefinedNamespace):
    """W3C Organization Ontology terms we use."""

    _NS = Namespace("http://www.w3.org/ns/org#")
    _fail = True

    Organization: object
    FormalOrganization: object
    Membership: object
    Post: object
    Role: object
    member: object
    organization: object
    role: object
    holds: object
    heldBy: object
    postIn: object
    memberOf: object
    memberDuring: object


class NIF(DefinedNamespace):
    """NIF 2.0 Core terms for text, sentences and mentions with offsets."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: object
    Sentence: object
    Phrase: object
    String: object
    RFC5147String: object
    isString: object
    anchorOf: object
    beginIndex: object
    endIndex: object
    referenceContext: object
    sentence: object
    sourceUrl: object


class SCHEMA(DefinedNamespace):
    """schema.org terms (http form, used everywhere)."""

    _NS = Namespace("http://schema.org/")
    _fail = True

    NewsArticle: object
    Person: object
    Organization: object
    PoliticalParty: object
    GovernmentOrganization: object
    Place: object
    Country: object
    City: object
    AdministrativeArea: object
    Event: object
    headline: object
    url: object
    datePublished: object
    publisher: object
    name: object
    sameAs: object


class GAF(DefinedNamespace):
    """Grounded Annotation Framework: instance to mention links."""

    _NS = Namespace("http://groundedannotationframework.org/gaf#")
    _fail = True

    denotedBy: object


class GRASP(DefinedNamespace):
    """GRaSP attribution (who reported a claim)."""

    _NS = Namespace("http://groundedannotationframework.org/grasp#")
    _fail = True

    wasAttributedTo: object


class ITSRDF(DefinedNamespace):
    """ITS 2.0 RDF: a mention's entity."""

    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taIdentRef: object


class TIME(DefinedNamespace):
    """OWL-Time terms."""

    _NS = Namespace("http://www.w3.org/2006/time#")
    _fail = True

    Instant: object
    unitDay: object
    unitMonth: object
    unitYear: object


class OA(DefinedNamespace):
    """Web Annotation (kept for users who prefer its selectors)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    TextPositionSelector: object


CAMEO = Namespace(BASE + "cameo/")
ID = Namespace(BASE + "id/")
GRAPH_ONTOLOGY = BASE + "graph/ontology"
GRAPH_CAMEO = BASE + "graph/cameo"

PREFIXES: dict[str, str] = {
    "pg": str(PG._NS),
    "pgid": str(ID),
    "cameo": str(CAMEO),
    "sem": str(SEM._NS),
    "org": str(ORG._NS),
    "foaf": str(FOAF),
    "schema": str(SCHEMA._NS),
    "prov": str(PROV),
    "nif": str(NIF._NS),
    "gaf": str(GAF._NS),
    "grasp": str(GRASP._NS),
    "itsrdf": str(ITSRDF._NS),
    "time": str(TIME._NS),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}
