"""Extraction → RDF quads: the only place that mints IRIs.

IRIs are deterministic (built from normalised names and offsets, never random or blank), so the
same article always yields the same triples and re-ingesting it can replace its graph exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import NamedTuple

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
_NON_NEGATIVE = str(XSD.nonNegativeInteger)


def slug(text: str) -> str:
    """A short, IRI-safe, stable name part: ASCII letters, digits and dashes only."""
    if text.isascii():  # most names and ids: nothing to fold, and this runs for every IRI
        folded = text.lower().replace("'", "")
    else:
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


def event_iri(article: Article, event: Event, occurrence: int = 0) -> URIRef:
    """Sorts in reading order; `occurrence` numbers the second and later events told by the same word
    ("should have been charged": a demand and a charge), which get `-1`, `-2`…"""
    suffix = f"-{occurrence}" if occurrence else ""
    return ID[f"event/{slug(article.id)}/{event.sentence:04d}-{event.token_index:06d}{suffix}"]


def membership_iri(person: URIRef, role: URIRef, organization: URIRef) -> URIRef:
    digest = hashlib.sha1(f"{person} {role} {organization}".encode()).hexdigest()[:16]
    return ID[f"membership/{digest}"]


class _VocabStrings:
    """Vocabulary IRIs as plain strings (`_S.ORG_member`), each made once: an rdflib namespace
    lookup costs more than the rest of adding a triple, and an article adds hundreds."""

    def __getattr__(self, name: str) -> str:
        prefix, term = name.split("_", 1)
        value = str(getattr(_NAMESPACES[prefix], term))
        setattr(self, name, value)
        return value


_NAMESPACES = {"CAMEO": CAMEO, "DCTERMS": DCTERMS, "FOAF": FOAF, "GAF": GAF, "GRASP": GRASP, "ITSRDF": ITSRDF,
               "NIF": NIF, "ORG": ORG, "PG": PG, "PROV": PROV, "RDF": RDF, "RDFS": RDFS, "SCHEMA": SCHEMA,
               "SEM": SEM, "SKOS": SKOS, "XSD": XSD}
_S = _VocabStrings()
_CAMEO = str(CAMEO)
_DATATYPE_IRI = {precision: str(iri) for precision, iri in _DATATYPE.items()}


def _pg(name: str) -> str:
    """An ontology term named at run time (a class, role, factuality…) as a plain string, made once
    like every `_S` term; the namespace checks it is defined."""
    return getattr(_S, f"PG_{name}")


class _Lit(NamedTuple):
    """A literal while a graph is built: its lexical form and datatype IRI (None: a plain string)."""

    value: str
    datatype: str | None = None


_Term = str | _Lit  # an IRI as a plain string, or a literal


def to_quads(extraction: Extraction) -> tuple[URIRef, list[Quad]]:
    """Build the article's named graph as rdflib terms: its name and its quads."""
    graph, triples = _triples(extraction)
    name = URIRef(graph)
    iris: dict[str, URIRef] = {}

    def node(term: _Term) -> Node:
        if isinstance(term, _Lit):
            return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)
        found = iris.get(term)
        if found is None:
            found = iris[term] = URIRef(term)
        return found

    return name, [(node(s), node(p), node(o), name) for s, p, o in triples]


def to_nquads(extraction: Extraction) -> tuple[str, str]:
    """Build the article's named graph as N-Quads text, one quad per line: its name and the text.

    The same quads as `to_quads`, several times faster: no rdflib terms are made. The text is what
    `store.replace_graphs` loads and what `polgraph extract` writes.
    """
    graph, triples = _triples(extraction)
    tail = f" <{graph}> .\n"
    lines = [f"<{s}> <{p}> {_nt_literal(o) if isinstance(o, _Lit) else f'<{o}>'}{tail}" for s, p, o in triples]
    return graph, "".join(lines)


def _nt_literal(lit: _Lit) -> str:
    """A literal in canonical N-Triples form (as Oxigraph writes it), so files diff cleanly."""
    value = lit.value
    if _NEEDS_ESCAPE.search(value):
        value = value.translate(_ESCAPES)
    return f'"{value}"^^<{lit.datatype}>' if lit.datatype else f'"{value}"'


_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
            **{ord(k): v for k, v in {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                                      "\b": "\\b", "\f": "\\f"}.items()}}


def _triples(extraction: Extraction) -> tuple[str, list[tuple[str, str, _Term]]]:
    """The article graph's name and its triples, in a stable order without duplicates.

    IRIs are plain strings and literals `_Lit`s: building rdflib terms costs more than the rules that
    found the facts, so they are made only when asked for (`to_quads`).
    """
    article = extraction.article
    graph = str(article_iri(article.id))
    context = f"{graph}/text"  # text_iri(article)
    triples: list[tuple[str, str, _Term]] = []
    add = triples.append
    # vocabulary terms as plain strings, looked up once per article rather than once per triple
    a, label, pref_label, alt_label = _S.RDF_type, _S.RDFS_label, _S.SKOS_prefLabel, _S.SKOS_altLabel
    mention_cls, phrase, sentence_cls = _S.PG_Mention, _S.NIF_Phrase, _S.NIF_Sentence
    nif_sentence, denoted_by, evidence_p = _S.NIF_sentence, _S.GAF_denotedBy, _S.PG_evidence
    string = _StringAdder(add, context)
    _article(article, extraction, add, graph, context)
    sentence_iris = {s.index: f"{context}#char={s.begin},{s.end}" for s in extraction.sentences}
    used_sentences: set[int] = set()

    def evidence(index: int) -> str:
        used_sentences.add(index)
        return sentence_iris[index]

    entity_iris = {e.key: str(entity_iri(e)) for e in extraction.entities}
    for entity in extraction.entities:
        node = entity_iris[entity.key]
        add((node, a, _pg(entity.type.value)))
        for cls in _superclasses(entity.type):
            add((node, a, cls))
        add((node, label, _Lit(entity.label)))
        add((node, pref_label, _Lit(entity.label)))
        for alias in entity.aliases:
            if alias != entity.label:
                add((node, alt_label, _Lit(alias)))
        for reason in entity.joined_because:
            add((node, _S.PG_joinedBecause, _Lit(reason)))
        if entity.wikidata:
            add((node, _S.PG_wikidata, f"http://www.wikidata.org/entity/{entity.wikidata}"))
        for m in entity.mentions:
            mention = f"{context}#char={m.begin},{m.end}"
            string(mention, m.begin, m.end, m.text, mention_cls, phrase)
            add((mention, nif_sentence, evidence(m.sentence)))
            add((mention, _S.ITSRDF_taIdentRef, node))
            add((node, denoted_by, mention))

    for ms in extraction.memberships:
        person, org = entity_iris[ms.person], entity_iris[ms.organization]
        role = str(role_iri(ms.role))
        add((role, a, _S.ORG_Role))
        add((role, a, _S.SKOS_Concept))
        add((role, pref_label, _Lit(ms.role)))
        node = str(membership_iri(person, role, org))
        add((node, a, _S.ORG_Membership))
        add((node, _S.ORG_member, person))
        add((node, _S.ORG_organization, org))
        add((node, _S.ORG_role, role))
        add((node, _S.PG_roleLabel, _Lit(ms.role)))
        if article.published:
            add((node, _S.PG_asOf, _Lit(article.published.isoformat(), _S.XSD_date)))
        add((node, evidence_p, evidence(ms.sentence)))
        add((node, _S.PROV_wasDerivedFrom, graph))
        post = str(ID[f"post/{slug(org.rsplit('/', 1)[-1])}/{slug(ms.role.lower())}"])
        add((post, a, _S.ORG_Post))
        add((post, _S.ORG_postIn, org))
        add((post, _S.ORG_role, role))
        add((post, _S.ORG_heldBy, person))
        add((person, _S.ORG_holds, post))
        add((person, _S.ORG_memberOf, org))
        add((post, label, _Lit(f"{ms.role}, {extraction.entity(ms.organization).label}")))

    per_trigger: dict[tuple[int, int], int] = {}
    for event in extraction.events:
        # one word can tell two events; sharing an IRI would merge their codes and role nodes
        word = (event.sentence, event.token_index)
        occurrence = per_trigger[word] = per_trigger.get(word, -1) + 1
        node = str(event_iri(article, event, occurrence))
        add((node, a, _S.PG_Event))
        add((node, a, _S.SEM_Event))
        add((node, label, _Lit(event.label)))
        add((node, _S.SEM_eventType, f"{_CAMEO}{event.cameo}"))
        add((node, _S.PG_cameoCode, _Lit(event.cameo)))
        add((node, _S.PG_factuality, _pg(event.factuality.value)))
        add((node, evidence_p, evidence(event.sentence)))
        trigger = f"{context}#char={event.trigger_begin},{event.trigger_end}"
        string(trigger, event.trigger_begin, event.trigger_end, event.trigger, mention_cls, phrase)
        add((trigger, nif_sentence, evidence(event.sentence)))
        add((node, _S.PG_trigger, trigger))
        add((node, denoted_by, trigger))
        if event.date:
            add((node, _S.SEM_hasTimeStamp, _Lit(event.date.value, _DATATYPE_IRI[event.date.precision])))
            add((node, _S.PG_datePrecision, _pg(event.date.precision.value)))
            add((node, _S.PG_dateResolution, _pg(event.date.resolution.value)))
            if event.date.text:
                add((node, _S.PG_dateText, _Lit(event.date.text)))
        if event.place:
            add((node, _S.SEM_hasPlace, entity_iris[event.place]))
        if event.reported_by:
            add((node, _S.PG_reportedBy, entity_iris[event.reported_by]))
            add((node, _S.GRASP_wasAttributedTo, entity_iris[event.reported_by]))
        for i, p in enumerate(event.participants):
            part = f"{node}/role/{i}"
            add((node, _S.SEM_hasActor, part))
            add((node, _S.PG_participant, entity_iris[p.entity]))
            add((part, a, _S.PG_Participation))
            add((part, a, _S.SEM_Role))
            add((part, _S.RDF_value, entity_iris[p.entity]))
            add((part, _S.SEM_roleType, _pg(p.role.value)))

    for s in extraction.sentences:
        if s.index in used_sentences:
            string(sentence_iris[s.index], s.begin, s.end, s.text, sentence_cls)
    return graph, list(dict.fromkeys(triples))


def _article(article: Article, extraction: Extraction, add, node: str, context: str) -> None:
    a = _S.RDF_type
    for cls in (PG.Article, SCHEMA.NewsArticle, PROV.Entity):
        add((node, a, str(cls)))
    add((node, _S.DCTERMS_identifier, _Lit(article.id)))
    if article.title:
        add((node, _S.DCTERMS_title, _Lit(article.title)))
    if article.url:
        url = _iri_or_none(article.url)
        if url is not None:
            add((node, _S.SCHEMA_url, str(url)))
            add((context, _S.NIF_sourceUrl, str(url)))
    if article.published:
        add((node, _S.DCTERMS_issued, _Lit(article.published.isoformat(), _S.XSD_date)))
    if article.publisher:
        add((node, _S.DCTERMS_publisher, _Lit(article.publisher)))
    add((node, _S.PG_contentHash, _Lit(article.content_hash)))
    if extraction.model:
        add((node, _S.PG_extractorVersion, _Lit(extraction.model)))
    add((node, _S.PG_text, context))
    add((context, a, _S.NIF_Context))
    add((context, _S.NIF_isString, _Lit(article.text)))
    add((context, _S.NIF_beginIndex, _Lit("0", _NON_NEGATIVE)))
    add((context, _S.NIF_endIndex, _Lit(str(len(article.text)), _NON_NEGATIVE)))
    add((context, _S.PG_inArticle, node))


class _StringAdder:
    """Adds a NIF string (a mention, trigger or sentence) with its offsets: called a few hundred
    times per article, so its vocabulary is looked up once."""

    def __init__(self, add, context: str) -> None:
        self.add, self.context = add, context
        self.a, self.rfc, self.anchor = _S.RDF_type, _S.NIF_RFC5147String, _S.NIF_anchorOf
        self.begin, self.end, self.ref = _S.NIF_beginIndex, _S.NIF_endIndex, _S.NIF_referenceContext

    def __call__(self, node: str, begin: int, end: int, text: str, *types: str) -> None:
        add, a = self.add, self.a
        for t in types:
            add((node, a, t))
        add((node, a, self.rfc))
        add((node, self.anchor, _Lit(text)))
        add((node, self.begin, _Lit(str(begin), _NON_NEGATIVE)))
        add((node, self.end, _Lit(str(end), _NON_NEGATIVE)))
        add((node, self.ref, self.context))


def _superclasses(kind: EntityType) -> tuple[str, ...]:
    return _SUPERCLASS_IRIS.get(kind) or _SUPERCLASS_IRIS.setdefault(kind, tuple(map(str, SUPERCLASSES[kind])))


_SUPERCLASS_IRIS: dict[EntityType, tuple[str, ...]] = {}


_IRI_OK = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x20]*$")


def _iri_or_none(value: str) -> URIRef | None:
    """Only well-formed absolute IRIs become IRIs; anything else is left out rather than broken."""
    return URIRef(value) if _IRI_OK.match(value) else None
