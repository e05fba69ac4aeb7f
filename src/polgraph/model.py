"""Frozen data passed between pipeline stages.

One article flows through the stages as plain values; nothing here knows spaCy or RDF, so each
stage can be tested with hand-made inputs and the RDF layer can be swapped without touching NLP.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class EntityType(StrEnum):
    """The analyst's entity classes; values are the local names of our ontology classes."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    PARTY = "PoliticalParty"
    GOVERNMENT = "GovernmentBody"
    COURT = "Court"
    IGO = "InternationalOrganization"
    GROUP = "Group"
    PLACE = "Place"
    COUNTRY = "Country"
    CITY = "City"
    REGION = "Region"

    @property
    def kind(self) -> str:
        """Coarse kind used in IRIs, so that a refined type never changes an entity's IRI."""
        if self is EntityType.PERSON:
            return "person"
        if self in _PLACES:
            return "place"
        return "org"

    @property
    def is_place(self) -> bool:
        return self in _PLACES

    @property
    def is_agent(self) -> bool:
        return self not in _PLACES


_PLACES = {EntityType.PLACE, EntityType.COUNTRY, EntityType.CITY, EntityType.REGION}


class Role(StrEnum):
    """A participant's role in an event."""

    AGENT = "agent"
    PATIENT = "patient"
    RECIPIENT = "recipient"
    OTHER = "other"


class Factuality(StrEnum):
    """Whether the text asserts that an event happened."""

    ASSERTED = "Asserted"
    REPORTED = "Reported"
    NEGATED = "Negated"
    HYPOTHETICAL = "Hypothetical"
    PLANNED = "Planned"


class Precision(StrEnum):
    DAY = "Day"
    MONTH = "Month"
    YEAR = "Year"


class Resolution(StrEnum):
    """How a date was obtained: stated, computed from the publication date, or only bounded."""

    EXPLICIT = "Explicit"
    RELATIVE = "Relative"
    PUBLICATION = "Publication"
    UNANCHORED = "Unanchored"
    UPPER = "Upper"


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and metadata as read from a file or a JSONL line."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    source: str = ""

    @property
    def content_hash(self) -> str:
        """Hash of everything that affects extraction, to recognise unchanged articles."""
        h = hashlib.sha256()
        for part in (self.id, self.text, self.title or "", self.url or "",
                     self.published.isoformat() if self.published else "", self.publisher or ""):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    begin: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article text that names (or refers to) an entity."""

    begin: int
    end: int
    text: str
    sentence: int
    entity: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing within an article, with every name and mention that refers to it."""

    key: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    joined_because: tuple[str, ...] = ()
    wikidata: str | None = None
    scope: str | None = None  # for generic names ("police"): the country they belong to, kept in the IRI


@dataclass(frozen=True, slots=True)
class Membership:
    """A person's post in an organisation, as stated by the article (as of its date)."""

    person: str
    role: str
    organization: str
    sentence: int
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    entity: str
    role: Role


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str
    precision: Precision
    resolution: Resolution
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """A CAMEO-coded event with its participants, time, place and evidence."""

    sentence: int
    trigger_begin: int
    trigger_end: int
    trigger: str
    lemma: str
    cameo: str
    participants: tuple[Participant, ...]
    label: str
    date: EventDate | None = None
    place: str | None = None
    factuality: Factuality = Factuality.ASSERTED
    reported_by: str | None = None
    token_index: int = 0
    nominal: bool = False  # named by a noun ("the arrests") rather than told by a verb


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the single container handed to the RDF layer."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    memberships: tuple[Membership, ...] = ()
    events: tuple[Event, ...] = ()
    model: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def entity(self, key: str) -> Entity:
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)
