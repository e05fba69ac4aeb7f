"""Extraction → RDF quads: the only place that mints IRIs.

IRIs are deterministic (built from normalised names and offsets, never random or blank), so the
same article always yields the same triples and re-ingesting it can replace its graph exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from .model import Article, Entity, EntityType, Event, Extraction, Precision
from .vocab import (
    CAMEO,
    DCTERMS,
    FOAF,
    GAF,
    GRASP,
    ID,
    ITSRDF,
    NIF,
    ORG,
    PG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    XSD,
)

Quad = tuple[Node, Node, Node, URIRef]

SUPERCLASSES: dict[EntityType, tuple[URIRef, ...]] = {
    EntityType.PERSON: (FOAF.Person, SCHEMA.Person, SEM.Actor),
    EntityType.ORGANIZATION: (ORG.Organization, SCHEMA.Organization, SEM.Actor),
    EntityType.PARTY: (ORG.Organization, SCHEMA.PoliticalParty, SEM.Actor),
    EntityType.GOVERNMENT: (ORG.Organization, ORG.FormalOrganization, SCHEMA.GovernmentOrganization,
                            SEM.Actor),
    EntityType.COURT: (ORG.Organization, ORG.FormalOrganization, SCHEMA.GovernmentOrganization, SEM.Actor),
    EntityType.IGO: (ORG.Organization, SCHEMA.Organization, SEM.Actor),
    EntityType.GROUP: (ORG.Organization, SEM.Actor),
    EntityType.PLACE: (SEM.Place, SCHEMA.Place),
    EntityType.COUNTRY: (SEM.Place, SCHEMA.Country),
    EntityType.CITY: (SEM.Place, SCHEMA.City),
    EntityType.REGION: (SEM.Place, SCHEMA.AdministrativeArea),
}
_DATATYPE = {Precision.DAY: XSD.date, Precision.MONTH: XSD.gYearMonth, Precision.YEAR: XSD.gYear}
_MAX_SLUG = 80


def slug(text: str) -> str:
    """A short, IRI-safe, stable name part: ASCII letters, digits and dashes only."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace("’", "").replace("'", "")
    out = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not out or len(out) > _MAX_SLUG:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        out = f"{out[:_MAX_SLUG - 11].strip('-')}-{digest}".strip("-")
    return out


def article_iri(article_id: str) -> URIRef:
    """The article's IRI, which is also the name of its graph."""
    return ID[f"article/{slug(article_id)}"]


def entity_iri(entity: Entity) -> URIRef:
    """Same type kind and normalised name → same IRI, in every article."""
    if entity.scope:
        return ID[f"{entity.type.kind}/{slug(entity.label)}--{slug(entity.scope)}"]
    return ID[f"{entity.type.kind}/{slug(entity.label)}"]


def role_iri(label: str) -> URIRef:
    return ID[f"role/{slug(label.lower())}"]


def text_iri(article: Article) -> URIRef:
    return URIRef(f"{article_iri(article.id)}/text")


def span_iri(article: Article, begin: int, end: int) -> URIRef:
    return URIRef(f"{text_iri(article)}#char={begin},{end}")


def event_iri(article: Article, event: Event) -> URIRef:
    return ID[f"event/{slug(article.id)}/{event.sentence:04d}-{event.token_index:06d}"]  # sorts in reading order


def membership_iri(person: URIRef, role: URIRef, organization: URIRef) -> URIRef:
    digest = hashlib.sha1(f"{person} {role} {organization}".encode()).hexdigest()[:16]
    return ID[f"membership/{digest}"]


def to_quads(extraction: Extraction) -> tuple[URIRef, list[Quad]]:
    """Build the article's named graph: its name and its quads."""
    article = extraction.article
    graph = article_iri(article.id)
    triples: list[tuple[Node, Node, Node]] = []
    add = triples.append
    _article(article, extraction, add)
    sentence_iris = {s.index: span_iri(article, s.begin, s.end) for s in extraction.sentences}
    context = text_iri(article)
    used_sentences: set[int] = set()

    def evidence(index: int) -> URIRef:
        used_sentences.add(index)
        return sentence_iris[index]

    entity_iris = {e.key: entity_iri(e) for e in extraction.entities}
    for entity in extraction.entities:
        node = entity_iris[entity.key]
        add((node, RDF.type, PG[entity.type.value]))
        for cls in SUPERCLASSES[entity.type]:
            add((node, RDF.type, cls))
        add((node, RDFS.label, Literal(entity.label)))
        add((node, SKOS.prefLabel, Literal(entity.label)))
        for alias in entity.aliases:
            if alias != entity.label:
                add((node, SKOS.altLabel, Literal(alias)))
        for reason in entity.joined_because:
            add((node, PG.joinedBecause, Literal(reason)))
        if entity.wikidata:
            add((node, PG.wikidata, URIRef(f"http://www.wikidata.org/entity/{entity.wikidata}")))
        for m in entity.mentions:
            mention = span_iri(article, m.begin, m.end)
            _string(add, mention, context, m.begin, m.end, m.text, PG.Mention, NIF.Phrase)
            add((mention, NIF.sentence, evidence(m.sentence)))
            add((mention, ITSRDF.taIdentRef, node))
            add((node, GAF.denotedBy, mention))

    for ms in extraction.memberships:
        person, org = entity_iris[ms.person], entity_iris[ms.organization]
        role = role_iri(ms.role)
        add((role, RDF.type, ORG.Role))
        add((role, RDF.type, SKOS.Concept))
        add((role, SKOS.prefLabel, Literal(ms.role)))
        node = membership_iri(person, role, org)
        add((node, RDF.type, ORG.Membership))
        add((node, ORG.member, person))
        add((node, ORG.organization, org))
        add((node, ORG.role, role))
        add((node, PG.roleLabel, Literal(ms.role)))
        if article.published:
            add((node, PG.asOf, Literal(article.published.isoformat(), datatype=XSD.date)))
        add((node, PG.evidence, evidence(ms.sentence)))
        add((node, PROV.wasDerivedFrom, graph))
        post = ID[f"post/{slug(str(org).rsplit('/', 1)[-1])}/{slug(ms.role.lower())}"]
        add((post, RDF.type, ORG.Post))
        add((post, ORG.postIn, org))
        add((post, ORG.role, role))
        add((post, ORG.heldBy, person))
        add((person, ORG.holds, post))
        add((person, ORG.memberOf, org))
        add((post, RDFS.label, Literal(f"{ms.role}, {extraction.entity(ms.organization).label}")))

    for event in extraction.events:
        node = event_iri(article, event)
        add((node, RDF.type, PG.Event))
        add((node, RDF.type, SEM.Event))
        add((node, RDFS.label, Literal(event.label)))
        add((node, SEM.eventType, CAMEO[event.cameo]))
        add((node, PG.cameoCode, Literal(event.cameo)))
        add((node, PG.factuality, PG[event.factuality.value]))
        add((node, PG.evidence, evidence(event.sentence)))
        trigger = span_iri(article, event.trigger_begin, event.trigger_end)
        _string(add, trigger, context, event.trigger_begin, event.trigger_end, event.trigger,
                PG.Mention, NIF.Phrase)
        add((trigger, NIF.sentence, evidence(event.sentence)))
        add((node, PG.trigger, trigger))
        add((node, GAF.denotedBy, trigger))
        if event.date:
            add((node, SEM.hasTimeStamp, Literal(event.date.value, datatype=_DATATYPE[event.date.precision])))
            add((node, PG.datePrecision, PG[event.date.precision.value]))
            add((node, PG.dateResolution, PG[event.date.resolution.value]))
            if event.date.text:
                add((node, PG.dateText, Literal(event.date.text)))
        if event.place:
            add((node, SEM.hasPlace, entity_iris[event.place]))
        if event.reported_by:
            add((node, PG.reportedBy, entity_iris[event.reported_by]))
            add((node, GRASP.wasAttributedTo, entity_iris[event.reported_by]))
        for i, p in enumerate(event.participants):
            part = URIRef(f"{node}/role/{i}")
            add((node, SEM.hasActor, part))
            add((node, PG.participant, entity_iris[p.entity]))
            add((part, RDF.type, PG.Participation))
            add((part, RDF.type, SEM.Role))
            add((part, RDF.value, entity_iris[p.entity]))
            add((part, SEM.roleType, PG[p.role.value]))

    for s in extraction.sentences:
        if s.index in used_sentences:
            _string(add, sentence_iris[s.index], context, s.begin, s.end, s.text, NIF.Sentence)
    return graph, [(s, p, o, graph) for s, p, o in _unique(triples)]


def _article(article: Article, extraction: Extraction, add) -> None:
    node = article_iri(article.id)
    context = text_iri(article)
    for cls in (PG.Article, SCHEMA.NewsArticle, PROV.Entity):
        add((node, RDF.type, cls))
    add((node, DCTERMS.identifier, Literal(article.id)))
    if article.title:
        add((node, DCTERMS.title, Literal(article.title)))
    if article.url:
        url = _iri_or_none(article.url)
        if url is not None:
            add((node, SCHEMA.url, url))
            add((context, NIF.sourceUrl, url))
    if article.published:
        add((node, DCTERMS.issued, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.publisher:
        add((node, DCTERMS.publisher, Literal(article.publisher)))
    add((node, PG.contentHash, Literal(article.content_hash)))
    if extraction.model:
        add((node, PG.extractorVersion, Literal(extraction.model)))
    add((node, PG.text, context))
    add((context, RDF.type, NIF.Context))
    add((context, NIF.isString, Literal(article.text)))
    add((context, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    add((context, NIF.endIndex, Literal(len(article.text), datatype=XSD.nonNegativeInteger)))
    add((context, PG.inArticle, node))


def _string(add, node: URIRef, context: URIRef, begin: int, end: int, text: str, *types: URIRef) -> None:
    for t in types:
        add((node, RDF.type, t))
    add((node, RDF.type, NIF.RFC5147String))
    add((node, NIF.anchorOf, Literal(text)))
    add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
    add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
    add((node, NIF.referenceContext, context))


_IRI_OK = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x20]*$")


def _iri_or_none(value: str) -> URIRef | None:
    """Only well-formed absolute IRIs become IRIs; anything else is left out rather than broken."""
    return URIRef(value) if _IRI_OK.match(value) else None


def _unique(triples: Iterable[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    return list(dict.fromkeys(triples))
