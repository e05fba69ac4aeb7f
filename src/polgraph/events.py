"""Events from trigger words (data/lexicon/triggers.tsv) with participants from the dependency parse.

For each trigger: agent from the subject (or the passive "by" phrase), patient from the object
(or the passive subject), recipient for requests, place from "in/at/to" places, date from the
date phrase the trigger governs (else the date of the speech that reports it, else the publication
day), factuality from negation, modals and reporting verbs.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from . import dates
from .entities import SETTLEMENT_NOUNS, EntityIndex, of_country, state_body_alias, state_body_key, with_government
from .gazetteer import Gazetteer
from .lexicon import MODALS_FUTURE, MODALS_HYPOTHETICAL, Trigger, group_nouns, titles, triggers
from .model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventDate,
    Factuality,
    Membership,
    Mention,
    Participant,
    Precision,
    Resolution,
    Role,
)
from .nlp import token_starts, tokens_tagged, tokens_with, tokens_with_lemma

SPEECH_VERBS = {"say", "tell", "write", "announce", "claim", "state", "add", "report", "insist", "note", "deny",
                "declare", "post", "tweet", "allege", "explain", "confirm", "stress", "argue", "warn",
                "believe", "think", "suggest", "according"}
PLAN_WORDS = {"plan", "planned", "intend", "expect", "hope", "want", "aim", "prepare", "seek", "try",
              "threaten", "vow", "pledge", "promise", "schedule", "scheduled", "plot", "conspire", "attempt",
              "scheme", "propose"}
SYNONYMS = ({"ask", "request", "urge", "appeal", "call"}, {"arrest", "detain", "pick", "round"},
            {"release", "free", "bail"}, {"criticize", "criticise", "condemn", "denounce"},
            {"accuse", "blame"}, {"protest", "demonstrate", "rally", "march", "gather"})
_ORGANISING = {"organise", "organize", "lead", "call", "stage", "hold", "convene"}
_ENTOURAGE = {"detail", "guard", "escort", "staff", "team", "entourage", "security"}  # "his own security detail"
RELATIONAL_NOUNS = {"cousin", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father",
                    "lawyer", "friend", "aide", "nephew", "niece", "uncle", "aunt", "relative", "spouse",
                    "bodyguard", "driver", "assistant", "supporter", "family", "child", "children", "parent"}
DENIAL_VERBS = {"deny", "dismiss", "refute", "reject"}
NOT_DONE = {"refuse", "fail", "decline", "reject"}
PREVENT_WORDS = {"prevent", "stop", "bar", "block", "ban", "keep", "prohibit"}
RELEASE_WORDS = {"release", "free", "bail", "pardon"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many", "several",
                  "most", "all", "group", "crowd", "number", "handful", "members", "hundred", "thousand", "dozen"}
PRONOUNS_PLURAL = {"they", "them", "their"}
PRONOUNS_FIRST = {"i", "me", "my", "we", "us", "our"}
STATE_NOUNS: dict[str, set[str]] = {
    "police": set(), "authority": set(), "military": set(), "army": set(), "gendarmerie": set(), "gendarme": set(),
    "policeman": set(), "force": {"security", "armed", "government", "state", "military", "police", "special"},
    "troop": {"government", "state", "army", "security"}, "soldier": {"government", "army", "state"},
    "guard": {"security", "border", "presidential", "republican", "national"},
    "operative": {"security", "intelligence"},
    "commission": {"electoral", "election"}, "tribunal": {"electoral", "election"},  # "the electoral commission"
    "prosecutor": set(),  # "Tanzanian prosecutors charged X": the prosecution service, not the whole government
}
# nouns whose subject acts for the state: beside STATE_NOUNS' bodies, the officials, courts and regimes
# whose acts keep the implied state agent when the text gives no name (`_unnamed_doer`)
_STATE_DOERS = {"authority", "official", "government", "regime", "state", "officer", "agent", "force", "police",
                "soldier", "troop", "army", "military", "court", "judge", "prosecutor", "ministry", "junta"}
_PLURALS = {"force": "forces", "authority": "authorities", "troop": "troops", "soldier": "soldiers",
            "guard": "guards", "operative": "operatives", "policeman": "police", "gendarme": "gendarmerie",
            "prosecutor": "prosecutors"}
_DRAWING = {"draw", "attract", "receive", "face", "meet", "spark", "provoke", "prompt"}  # "drew criticism from X"
# verbs whose subject does what their object names ("held a rally", "extended the detention of X")
LIGHT_VERBS = {"hold", "stage", "organize", "organise", "launch", "lead", "conduct", "carry", "begin", "start",
               "order", "make", "mount", "call", "join", "extend", "prolong", "renew", "announce", "adopt",
               "file", "lodge", "submit", "open", "initiate"}  # "filed (lodged) an appeal", "opened an inquiry"
DEFINITE_TYPES = {"party": EntityType.PARTY, "court": EntityType.COURT, "ministry": EntityType.GOVERNMENT,
                  "government": EntityType.GOVERNMENT, "union": EntityType.IGO,
                  "bloc": EntityType.IGO}  # "the bloc condemned …": the EU (or ASEAN) just named
_PLACE_PREPS = {"in", "at", "to", "into", "from", "near", "outside", "inside"}
# where people are, not where they come from or go: "agents at the court" are not the court, while
# "agents from the ministry" are the ministry's
_LOCATIVE = {"at", "in", "near", "outside", "inside", "across", "around", "behind"}


@dataclass
class _Ctx:
    doc: Doc
    index: EntityIndex
    article: Article
    by_key: dict[str, Entity]
    sent_of: dict[int, int]
    date_of: dict[int, EventDate]
    person_mentions: list[tuple[int, str]]
    group_mentions: list[tuple[int, str]]
    quotes: list[tuple[int, int, str | None]]
    gaz: Gazetteer | None = None
    added: dict[str, Entity] = field(default_factory=dict)
    affiliation: dict[str, str] = field(default_factory=dict)
    posts: tuple[Membership, ...] = ()
    org_mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (begin, sentence, organisation)
    gender: dict[str, str] = field(default_factory=dict)  # person → "m"/"f", from honorifics in the text
    date_ents: list[Span] = field(default_factory=list)  # the DATE entities (doc.ents rebuilds them per call)
    # start token of a date that bounds its act ("until April 24") → the date, resolved forward
    bounds: dict[int, EventDate | None] = field(default_factory=dict)
    courts_scanned: bool = False  # courts described in lower case ("a court in Gomel") looked for once
    described_courts: dict[str, Entity] = field(default_factory=dict)
    # (sentence, CAMEO root, person agent) of the events found so far, in reading order
    person_agents: list[tuple[int, str, str]] = field(default_factory=list)
    # (CAMEO root, entity) for each patient of the events found so far
    acted_on: set[tuple[str, str]] = field(default_factory=set)
    # sentence → the persons that are the subject of its main verb, in reading order
    person_subjects: dict[int, list[str]] = field(default_factory=dict)
    # a common noun the article puts beside an organisation's name → it ("the CNSP, the junta …": "junta")
    apposed: dict[str, str] = field(default_factory=dict)

    def speaker_at(self, offset: int) -> tuple[bool, str | None]:
        """Whether an offset lies inside a quotation, and who is quoted."""
        for begin, end, speaker in self.quotes:
            if begin <= offset < end:
                return True, speaker
        return False, None


_ORG_TYPES = {EntityType.PARTY, EntityType.ORGANIZATION, EntityType.GOVERNMENT, EntityType.COURT, EntityType.IGO}
IMPLIED_STATE_AGENT = {"172", "173", "174", "175", "1721", "1722"}
# acts only a court performs: without a named doer, the court the article names is the agent
JUDICIAL_ACTS = {"sentence", "convict", "try", "trial", "acquit", "summon", "summons", "jail", "imprison", "remand",
                 "dissolve", "disband", "verdict", "conviction", "sentencing", "find"}
JUDGE_NOUNS = {"judge", "magistrate", "tribunal"}
# verbs of a ruling or an order: what their complement says must happen is what they decide
RULING_VERBS = {"rule", "order", "stipulate", "decide", "decree", "direct", "mandate"}
_DEONTIC = {"should", "must", "shall"}
# verbs whose "to" clause is what they decide, not a purpose, even when the parser hangs it on them as an
# adverbial clause ("the court ruled on Thursday to dissolve the party")
_DECIDING_VERBS = RULING_VERBS | {"vote", "agree", "resolve"}
_DECISION_NOUNS = {"ruling", "decision", "order", "verdict", "judgment", "judgement", "decree"}
# "wants X investigated", "wanted X arrested": the participle tells what is wished done to X
_WISH_VERBS = {"want", "wish", "need", "like"}
_TALKS = {"040", "041", "044", "046"}  # consult, by telephone, at a third place, negotiate: two sides


def find_events(doc: Doc, index: EntityIndex, article: Article, gaz: Gazetteer | None = None,
                memberships: tuple[Membership, ...] = ()) -> tuple[list[Event], EntityIndex]:
    """Find CAMEO-coded events in a parsed article.

    By convention (ontology/polgraph.ttl), an arrest, charge, ban or expulsion whose agent the text
    does not name is attributed to the government of the article's main country, which may add
    that government to the entities.
    """
    known = {e.key for e in index.entities}
    if index.main_country:
        index, _ = with_government(index, index.main_country)
    ctx = _context(doc, index, article)
    ctx.gaz = gaz
    for m in memberships:
        ctx.affiliation.setdefault(m.person, m.organization)
    ctx.posts = memberships
    lexicon = triggers()
    events: dict[tuple, Event] = {}
    for i in tokens_with_lemma(doc, lexicon):
        tok = doc[i]
        readings = lexicon.get(tok.lemma_.lower())
        if not readings:
            continue
        event = _event(tok, readings, ctx)
        if event is None:
            continue
        events.setdefault(_event_key(event), event)
        ctx.person_agents += [(event.sentence, event.cameo[:2], p.entity) for p in event.participants
                              if p.role is Role.AGENT and ctx.by_key[p.entity].type is EntityType.PERSON]
        ctx.acted_on |= {(event.cameo[:2], p.entity) for p in event.participants if p.role is Role.PATIENT}
    for event in (*_speech_acts(ctx), *_told_wrongdoing(ctx), *_told_sham(ctx), *_told_concern(ctx),
                  *_told_refusals(ctx)):
        events.setdefault(_event_key(event), event)
    ordered = _fold_concern(sorted(events.values(), key=lambda e: e.trigger_begin))
    found = [_at_court_seat(e, ctx) for e in _merge_coreferent(ordered)]
    used_keys = {p.entity for e in found for p in e.participants} | {e.reported_by for e in found} | \
        {e.place for e in found}
    added = {e.key: e for e in ctx.added.values() if e.key in used_keys}
    if added:  # new entities, and state bodies an earlier stage made, now with their event mentions
        kept = tuple(added.pop(e.key, e) for e in index.entities)
        index = EntityIndex((*kept, *added.values()), index.token_entity, index.main_country,
                            index.government, index.sent_of)
    used = {p.entity for e in found for p in e.participants} | {e.place for e in found} | \
        {e.reported_by for e in found}
    if index.government and index.government not in used | known:
        index = EntityIndex(tuple(e for e in index.entities if e.key != index.government), index.token_entity,
                            index.main_country, None, index.sent_of)  # the implied government took no part
    return found, index


def _event_key(event: Event) -> tuple:
    """One event per code, cast and place in a sentence ("arrested and charged" is told twice; "suspended
    parliament and later dissolved it" tells two acts)."""
    return (event.sentence, event.cameo, tuple(sorted((p.entity, p.role) for p in event.participants)),
            event.place)


def _merge_coreferent(events: list[Event]) -> list[Event]:
    """One event per real-world event: a later mention of the same kind of event (same CAMEO code)
    that shares a patient or recipient with an earlier one, at a compatible date, is the same event
    told again ("activists were arrested this year ... Hun Sen said the activists had been arrested");
    its participants join the first mention, which keeps its evidence."""
    kept: list[Event] = []
    for event in events:
        targets = {p.entity for p in event.participants if p.role is not Role.AGENT}
        same = None
        for i, earlier in enumerate(kept):
            if earlier.cameo != event.cameo or not _same_kind(earlier, event) \
                    or _happened(earlier) != _happened(event) or earlier.factuality is Factuality.NEGATED:
                continue
            earlier_targets = {p.entity for p in earlier.participants if p.role is not Role.AGENT}
            shared = targets & earlier_targets
            if not shared and not (targets and earlier_targets):
                # one telling names nobody acted on: the same event if the same agent acts
                shared = _agents(event) & _agents(earlier)
            if shared and _dates_compatible(earlier.date, event.date):
                same = i
                break
        if same is None:
            kept.append(event)
            continue
        earlier = kept[same]
        have = {p.entity for p in earlier.participants}
        extra = tuple(p for p in event.participants if p.entity not in have)
        kept[same] = replace(earlier, participants=earlier.participants + extra,
                             date=earlier.date or event.date, place=earlier.place or event.place)
    return kept


def _at_court_seat(event: Event, ctx: _Ctx) -> Event:
    """A court's act whose clause names no place happened where the court sits, when its name says
    where ("the Phnom Penh Municipal Court relaxed…", "a court in Gomel sentenced…"). A court named
    for its country ("Supreme Court of Cambodia") gives no place: that is its reach, not its seat."""
    if event.place is not None:
        return event
    for p in event.participants:
        court = ctx.by_key[p.entity]
        if p.role is Role.AGENT and court.type is EntityType.COURT:
            seat = _named_in((court.label, *court.aliases, *(m.text for m in court.mentions)), ctx)
            if seat is not None:
                return replace(event, place=seat)
    return event


# acts whose target a capital can stand for ("accused Washington of interfering"); in a visit, a protest or
# a fight the city is where it happened ("visited Beijing", "attacked Kyiv")
_METONYMY_CODES = ("01", "02", "03", "05", "06", "07", "08", "09", "10", "11", "12", "13", "16", "17")


def _to_clause(c: Token) -> bool:
    """'called on Moscow to free X', where the parser hung 'to free X' as an adverbial clause: what is
    asked all the same."""
    return c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)


def _capital_of(city: Entity, ctx: _Ctx) -> str | None:
    """The country whose capital the city is (a capital can stand for its government)."""
    if ctx.gaz is None or city.type is not EntityType.CITY:
        return None
    return ctx.gaz.country_of_capital(city.label)


def _seat_of_government(city: Entity, role: Role, code: str, ctx: _Ctx) -> str | None:
    """'Beijing accused ...', 'accused Washington of ...': a capital acting, or addressed, is its
    country's government."""
    if role is not Role.AGENT and not code.startswith(_METONYMY_CODES):
        return None
    country = _capital_of(city, ctx)
    if country is None:
        return None
    _, government = with_government(ctx.index, country)
    if government.key not in ctx.by_key:
        ctx.added[government.key] = ctx.by_key[government.key] = government
    return government.key


def _named_in(names: tuple[str, ...], ctx: _Ctx) -> str | None:
    """The article's city or region (not country) whose name, or one of its aliases, is part of one of
    `names` (a court's label and the words the text names it with); the longest such name."""
    best: tuple[int, str] | None = None
    for e in ctx.index.entities:
        if e.type.is_place and e.type is not EntityType.COUNTRY:
            for n in (e.label, *e.aliases):
                pattern = re.compile(rf"(?<!\w){re.escape(n)}(?!\w)")
                if (best is None or len(n) > best[0]) and any(pattern.search(name) for name in names):
                    best = (len(n), e.key)
    return best[1] if best else None


def _violent(code: str) -> bool:
    """Violent repression (175), assault (18), fighting (19), mass violence (20)."""
    return code.startswith(("175", "18", "19", "20"))


def _happened(event: Event) -> bool:
    return event.factuality in {Factuality.ASSERTED, Factuality.REPORTED}


def _agents(event: Event) -> set[str]:
    return {p.entity for p in event.participants if p.role is Role.AGENT}


def _same_kind(a: Event, b: Event) -> bool:
    """Same word, or words of one family (ask/request/urge), or a later noun naming the event."""
    if a.lemma == b.lemma or a.nominal or b.nominal:
        return True
    return any(a.lemma in family and b.lemma in family for family in SYNONYMS)


def _dates_compatible(a: EventDate | None, b: EventDate | None) -> bool:
    return a is None or b is None or a.value.startswith(b.value) or b.value.startswith(a.value)


def _context(doc: Doc, index: EntityIndex, article: Article) -> _Ctx:
    sent_of = dict(enumerate(index.sent_of))
    by_key = {e.key: e for e in index.entities}
    persons = sorted((m.begin, e.key) for e in index.entities if e.type is EntityType.PERSON for m in e.mentions)
    orgs = sorted((m.begin, m.sentence, e.key) for e in index.entities if e.type in _ORG_TYPES for m in e.mentions)
    groups = sorted((m.begin, e.key) for e in index.entities
                    if e.type in {EntityType.GROUP, EntityType.PARTY} for m in e.mentions)
    date_of: dict[int, EventDate] = {}
    bounds: dict[int, EventDate | None] = {}
    dated = [ent for ent in doc.ents if ent.label_ in {"DATE", "TIME"}]
    anchor: tuple[int, EventDate] | None = None  # the last date that gave its year, and its sentence
    for ent in dated:
        gov = _governor(ent)
        if gov is None:
            continue
        if _bound_only(ent, gov):
            bounds[ent.start] = dates.resolve(ent.text, article.published, future=True)  # ahead unless dated
            continue
        resolved = dates.resolve(ent.text, article.published, future=_is_future(gov))
        sentence = sent_of[ent.start]
        told = dates.in_context(ent.text, resolved, anchor[1], article.published) \
            if anchor is not None and sentence - anchor[0] <= 1 else None
        resolved = told or resolved
        if resolved is not None and (told is not None or resolved.resolution is Resolution.EXPLICIT):
            anchor = (sentence, resolved)
        if resolved is not None:
            date_of.setdefault(gov.i, resolved)
    ctx = _Ctx(doc, index, article, by_key, sent_of, date_of, persons, groups, [], org_mentions=orgs,
               date_ents=[ent for ent in dated if ent.label_ == "DATE"], bounds=bounds)
    ctx.gender = _genders(article.text, index)
    ctx.apposed = _apposed_nouns(doc, index, by_key)
    for i, key in sorted(index.token_entity.items()):
        tok = doc[i]
        if tok.dep_ not in {"nsubj", "nsubjpass"} or by_key[key].type is not EntityType.PERSON:
            continue
        head = tok.head
        # the main verb's subject, or that of what a speech verb reports ("X was arrested …, his lawyer
        # Z said": X comes first, as the sentence tells it)
        if head.dep_ == "ROOT" or head.dep_ in {"ccomp", "parataxis"} and head.head.dep_ == "ROOT" \
                and head.head.lemma_.lower() in SPEECH_VERBS:
            subjects = ctx.person_subjects.setdefault(sent_of[i], [])
            if key not in subjects:
                subjects.append(key)
    ctx.quotes = _quotes(doc, ctx)
    return ctx


_HONORIFIC_GENDER = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
                     "ms": "f", "mrs": "f", "miss": "f", "madam": "f", "madame": "f", "mme": "f", "dame": "f",
                     "lady": "f", "queen": "f", "princess": "f"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _genders(text: str, index: EntityIndex) -> dict[str, str]:
    """A person's gender where the text shows it by an honorific ('Ms Tikhanovskaya', 'Mr Lukashenko');
    used only to keep 'he' from resolving to a woman and 'she' to a man. `text` is the parsed text."""
    out: dict[str, str] = {}
    for e in index.entities:
        if e.type is not EntityType.PERSON:
            continue
        seen = set()
        for m in e.mentions:
            before = text[max(0, m.begin - 12):m.begin].split()
            word = before[-1].lower().rstrip(".") if before else ""
            if word in _HONORIFIC_GENDER:
                seen.add(_HONORIFIC_GENDER[word])
        if len(seen) == 1:
            out[e.key] = seen.pop()
    return out


_QUOTE_MARKS = re.compile('[“”"]|\n\n')


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations; an unclosed quote ends with its paragraph."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in _QUOTE_MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if start is None and (ch == "“" or (ch == '"' and (i == 0 or not text[i - 1].isalnum()))):
            start = i
        elif start is not None and ch != "“":
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _quotes(doc: Doc, ctx: _Ctx) -> list[tuple[int, int, str | None]]:
    """Quotations with their speaker: the subject of a reporting verb next to the quote."""
    out: list[tuple[int, int, str | None]] = []
    text = ctx.article.text
    spans = _quote_spans(text)
    if not spans:
        return out
    starts = token_starts(doc)
    inside = [False] * len(doc)
    for b, e in spans:
        for i in range(bisect_left(starts, b), bisect_left(starts, e)):
            inside[i] = True
    previous: str | None = None
    for begin, end in spans:
        speaker = None
        after, before = bisect_left(starts, end), bisect_left(starts, begin)
        toks = list(doc[after:after + 12]) + list(reversed(doc[max(0, before - 12):before]))
        for t in toks:
            if t.lemma_.lower() in SPEECH_VERBS and not inside[t.i] and t.pos_ in {"VERB", "AUX"}:
                subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    if subject.lower_ in PRONOUNS_PERSON:
                        speaker = _latest(ctx.person_mentions, begin, gender=_PRONOUN_GENDER.get(subject.lower_),
                                          genders=ctx.gender)
                    else:
                        keys = _resolve(subject, ctx)
                        speaker = keys[0] if keys else None
                if speaker:
                    break
        if speaker is None and previous and text[max(0, begin - 2):begin].strip() == "":
            speaker = previous  # a quotation continued in the next paragraph
        out.append((begin, end, speaker))
        previous = speaker
    return out


_BOUND_WORDS = {"until", "till", "ahead", "by"}


def _bound_only(ent: Span, gov: Token) -> bool:
    """A date that bounds the act `gov` rather than dating it: 'remanded in custody until April 24',
    'calling for reforms ahead of October's election', 'promised to hold elections by August'."""
    tok = ent.root
    while tok.i != gov.i and tok.head.i != tok.i:
        tok = tok.head
        if tok.i != gov.i and tok.lower_ in _BOUND_WORDS:
            return True
    return False


def _governor(ent: Span) -> Token | None:
    """The verb (or noun trigger) a date phrase attaches to. Right after a reporting verb ('X said on
    Wednesday he would …') it dates the saying, wherever the parser hung it."""
    doc, k = ent.doc, ent.start - 1
    if k > 0 and doc[k].lower_ in {"on", "in", "last", "this", "late", "early"}:
        k -= 1
    if k >= 0 and doc[k].lemma_.lower() in SPEECH_VERBS and doc[k].pos_ == "VERB" and doc[k].i != ent.root.head.i \
            and doc[k].tag_ in {"VBD", "VBZ"}:
        return doc[k]
    tok = ent.root.head
    lex = triggers()
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.lemma_.lower() in lex:
            return tok
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
    return None


# one trigger ------------------------------------------------------------------------------------
# what is gathered or rallied when no crowd is ("gathered evidence", "rallied support")
_GATHERED_THINGS = {"evidence", "information", "data", "support", "signature", "momentum", "pace", "strength",
                    "steam", "intelligence", "testimony", "material", "document", "proof", "force", "dust", "fund",
                    "vote", "backing"}


def _event(tok: Token, readings: list[Trigger], ctx: _Ctx) -> Event | None:
    is_verb = tok.pos_ in {"VERB", "AUX"}
    is_noun = tok.pos_ in {"NOUN", "PROPN"}
    if not (is_verb or is_noun):
        return None
    misparsed = _misparsed_verb(tok) if is_verb and tok.dep_ == "amod" else None
    if is_verb and tok.dep_ == "amod" and misparsed is None:
        return None  # "the banned party": a description, not a report of the event
    if tok.tag_ == "VBG" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in titles():
        return None  # "investigating judge": a title
    if is_noun and tok.is_title and not tok.is_sent_start and (key := ctx.index.token_entity.get(tok.i)) is not None \
            and not ctx.by_key[key].type.is_place and ctx.by_key[key].type is not EntityType.PERSON:
        return None  # "Republican Rally for Progress", "Democratic Struggle Movement": a word of a name
    reading = _choose(tok, readings, "VERB" if is_verb else "NOUN")
    if reading is None and is_verb and tok.lemma_.lower() == "hold" and _ordered_done(tok):
        reading = next((r for r in readings if r.cameo == "173"), None)  # "ordered him held for six months"
    if reading is None or _inside_request(tok) or _restates_clause(tok, ctx):
        return None
    if is_noun and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _UNDOING:
        return None  # "lifted his house arrest", "ended the curfew": the ending is the news, the start older
    if is_verb and reading.cameo == "111" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"what", "which"}
                                                  for c in tok.children):
        return None  # "in what the government labeled a coup attempt": the name it gives, told in passing
    if is_verb and tok.lemma_.lower() == "disperse" and not any(
            c.dep_ in {"dobj", "nsubjpass", "auxpass", "agent"} for c in tok.children) and tok.dep_ != "acl":
        return None  # "the supporters rallied and dispersed peacefully": what the crowd did, no one dispersed it
    if is_verb and reading.cameo[:2] == "02" and _question(tok):
        return None  # "asked him where he took my husband": a question, not an appeal
    if is_verb and tok.lemma_.lower() == "hold" and reading.cameo == "173" and not _ordered_done(tok) and not any(
            c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(o.lemma_.lower() in _HELD_IN for o in c.children)
            for c in tok.children):
        return None  # "held in pretrial detention", not "held a rally in front of the prison"
    if is_verb and reading.cameo[:3] == "141" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _GATHERED_THINGS for c in tok.children):
        return None  # "investigators had gathered evidence", "rallied support": no crowd assembled
    if (is_noun or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)) and \
            any(c.dep_ in {"relcl", "ccomp", "acl"} and c.lemma_.lower() in DENIAL_VERBS for c in tok.children):
        return None  # "…, charges it denies" (noun, or parsed as a verb): the accusation told again
    if is_noun and tok.dep_ in {"dobj", "nsubjpass", "attr"} and tok.head.pos_ == "VERB":
        verb = _choose(tok.head, triggers().get(tok.head.lemma_.lower(), []), "VERB")
        if verb is not None and verb.cameo[:2] == reading.cameo[:2]:
            return None  # "imposed sanctions on X": the verb's event already tells it
    if tok.dep_ == "relcl" and _pluperfect(tok) and not any(
            c.dep_ in {"nsubjpass", "auxpass"} or c.dep_ == "dobj" and _someone(c, ctx) for c in tok.children):
        # "supporters who had fled": background describing a participant, not news; but "the police, who
        # had arrested her": an act on someone, told to explain what followed
        return None
    if misparsed is not None:  # "A court on Tuesday sentenced journalist X", parsed as "sentenced journalist"
        subject = [k for t in ctx.doc[misparsed[0].left_edge.i:tok.i]
                   if (k := ctx.index.token_entity.get(t.i)) is not None and not ctx.by_key[k].type.is_place]
        if not subject:  # "A court in Belarus on Tuesday sentenced journalist X": a court the text describes
            subject = [k for k in _resolve(misparsed[0], ctx) if not ctx.by_key[k].type.is_place]
        agents, patients, recipients, place = _dedupe(subject), _resolve(misparsed[1], ctx), [], None
    else:
        agents, patients, recipients, place = (_verb_args if is_verb else _noun_args)(tok, reading, ctx)
    code = _refine(tok, reading.cameo)
    participants: list[Participant] = []
    seen: set[tuple[str, Role]] = set()
    for role, keys in ((Role.AGENT, agents), (Role.PATIENT, patients), (Role.RECIPIENT, recipients)):
        for key in keys:
            ent = ctx.by_key[key]
            if ent.type.is_place and ent.type is not EntityType.COUNTRY:
                seat = _seat_of_government(ent, role, reading.cameo, ctx)
                if seat is None:
                    if place is None and role is not Role.AGENT:
                        place = key
                    continue
                key = seat
            if not any(k == key for k, _ in seen):
                seen.add((key, role))
                participants.append(Participant(key, role))
    if tok.lemma_.lower() in _QUITTING and not any(p.role is Role.AGENT and ctx.by_key[p.entity].type in {
            EntityType.PERSON, EntityType.GROUP} for p in participants):
        return None  # people resign; "the junta quit ECOWAS" is a state leaving a bloc, not a resignation
    if tok.lemma_.lower() == "oust" and tok.dep_ in {"acl", "amod"}:
        return None  # "lawmakers ousted in the coup", "the ousted president": who they are, told in passing
    if tok.lemma_.lower() == "receive" and reading.needs and not any(
            c.dep_ == "dobj" and {t.lemma_.lower() for t in c.doc[c.left_edge.i:c.i + 1]} & set(
                reading.needs.split(";")) for c in tok.children):
        return None  # "received the defectors" hosts them; "received a letter from the president" does not
    if tok.lemma_.lower() == "leave":  # "left the Democratic Montenegro party": a party, never the place
        participants = [p for p in participants if p.role is Role.AGENT or not ctx.by_key[p.entity].type.is_place]
    if tok.lemma_.lower() in _NEEDS_VICTIM and not any(p.role is Role.PATIENT for p in participants):
        return None  # "hung up the phone", "executed the plan": no one put to death (or set free)
    ruling = _ruling(tok) if is_verb else None
    if ruling is not None and participants and not any(p.role is Role.AGENT for p in participants):
        # "the Supreme Court decided that X should be banned": the court bans X
        taking_part = {p.entity for p in participants}
        rulers = [k for k in _rulers(ruling, ctx) if k not in taking_part]
        if rulers:
            participants.insert(0, Participant(rulers[0], Role.AGENT))
    if code.startswith(("173", "175")):
        participants = _no_civilian_captors(tok, participants, ctx)
    implied = None  # an agent the text does not name, but the kind of act implies
    if not any(p.role is Role.AGENT for p in participants) and participants:
        judicial = tok.lemma_.lower() in JUDICIAL_ACTS
        court = _court_for(tok, ctx) if judicial else None
        if court is not None:
            implied = court
        elif (code in IMPLIED_STATE_AGENT or judicial) and ctx.index.government \
                and not _unnamed_doer(tok, ctx, reading) and tok.lemma_.lower() != "oust":
            # (who ousts is a parliament's vote or a coup as often as a government)
            # "Police said 90 people had been arrested": the police tell of their own arrests
            implied = _state_reporter(tok, ctx) or _force_in_sentence(tok, ctx) or ctx.index.government
        if implied is not None:
            participants.insert(0, Participant(implied, Role.AGENT))
    if not _violent(code):
        # an unnamed crowd only stands in when nobody named takes its part ("arrested Kem Sokha and 20
        # supporters": Kem Sokha; "the court charged seven land activists": the activists), unless it
        # is the one acting ("thousands of protesters marched ..., demanding the resignation of X"); the
        # victims of violence stay, named or not ("security forces … the killing of demonstrators")
        named = {p.role for p in participants if not p.entity.startswith("group:") and p.entity != implied}
        if named and code not in IMPLIED_STATE_AGENT:  # only coercion's targets matter unnamed: any name
            named = set(Role)                            # ("met with parliamentarians") takes the place
        participants = [p for p in participants
                        if not p.entity.startswith("group:") or p.role is Role.AGENT or p.role not in named]
    factuality, reporter = _factuality(tok, ctx)
    intent = _intent(tok, code, participants, factuality, reporter, ctx)
    if intent is not None:
        code, participants, factuality = intent
    if factuality in {Factuality.ASSERTED, Factuality.REPORTED}:
        participants = _crowd_of_protesters(tok, code, participants, is_noun, ctx)
    if all(_countable(p.entity) for p in participants):
        return None  # "29 people were killed as police opened fire": a toll; the act that took it is told
    if code[:3] in _TALKS and len(participants) < 2:
        return None  # "met reporters", "spoke with supporters": a consultation needs someone named to consult
    if factuality is Factuality.NEGATED and _refusal(tok):
        code, factuality = "120", Factuality.ASSERTED  # "X would never ask for Y": X refuses
    date = _date(tok, ctx)
    label = _label(tok, participants, ctx, "hold" if reading.object_role == "held" else "")
    sentence = ctx.sent_of[tok.i]
    return Event(sentence, tok.idx, tok.idx + len(tok.text), tok.text, tok.lemma_.lower(), code,
                 tuple(participants), label, date, place, factuality, reporter, tok.i, nominal=is_noun)


# speech acts without a trigger word -------------------------------------------------------------
_DURATION_UNITS = {"hour", "day", "week", "month", "year"}


_HAVE = frozenset({"have"})
_MUST = frozenset({"must", "should"})


def _speech_acts(ctx: _Ctx) -> list[Event]:
    """Demands and deadlines told in reported speech rather than by a trigger word: 'X said Y must (or
    should) appear when summoned' is X demanding it of Y (CAMEO 100, or 1053 for a release; with a
    passive, 'the case against Y should be dropped', Y is the patient); 'X said Y had
    one month to respond' is X giving Y an ultimatum (139). The speaker is the agent and the one
    the demand falls on the recipient; nothing is recorded when that is the speaker's own side."""
    out: list[Event] = []
    doc = ctx.doc
    # only verbs near 'have' or under 'must'/'should' can be one: find those first, from arrays
    have = tokens_with_lemma(doc, _HAVE)
    near = {c.i for i in have for c in doc[i].children} | set(have)
    near |= {doc[i].head.i for i in tokens_with(doc, "LOWER", _MUST)}
    for i in tokens_tagged(doc, {"VERB", "AUX"}):
        if i not in near:
            continue
        tok = doc[i]
        has_to = _has_to(tok)
        if tok.lemma_.lower() == "have" and _gives_time(tok):
            code, word, clause = "139", "ultimatum", tok
        elif has_to or any(c.dep_ == "aux" and c.lower_ in _MUST for c in tok.children):
            code, word, clause = "100", "demand", tok.head if has_to else tok
        else:
            continue
        if _conditional(clause) or any(c.dep_ == "neg" for c in clause.children if code == "139"):
            continue
        ruling = _ruling(clause) if code == "100" else None
        if ruling is not None:  # "the court ruled that X must stay in custody": an order, not a demand
            held = _ordered_held(clause, ruling, ctx)
            if held is not None:
                out.append(held)
            continue
        speech = _speech_head(clause)
        denied = speech is not None and speech.lemma_.lower() in DENIAL_VERBS
        speaker_keys = _speakers(None if denied else speech, tok, ctx)
        if not speaker_keys:
            continue
        speaker = speaker_keys[0]
        subject = _subject(clause)
        if subject is None or subject.lower_ in PRONOUNS_FIRST:
            continue  # "we must ...": the speaker's own side
        own = {speaker, ctx.affiliation.get(speaker, speaker)}
        passive = subject.dep_ == "nsubjpass"  # "the case against X should be dismissed": about X
        found = _resolve(subject, ctx) or (_entities_under(subject, ctx, shallow=True) if passive else [])
        targets = [k for k in found if k not in own and _can_act(k, ctx)]
        if not targets:
            continue
        if code == "100" and {t.lemma_.lower() for t in tok.subtree} & RELEASE_WORDS:
            code = "1053"
        role = Role.PATIENT if passive else Role.RECIPIENT
        participants = (Participant(speaker, Role.AGENT), *(Participant(k, role) for k in targets))
        label = f"{ctx.by_key[speaker].label} {word} {ctx.by_key[targets[0]].label}"
        date = _speech_date(speech or tok, ctx)
        out.append(Event(ctx.sent_of[tok.i], tok.idx, tok.idx + len(tok.text), tok.text, word, code,
                         participants, label, date, None, Factuality.ASSERTED, speaker, tok.i))
    return out


_HELD_IN = {"custody", "detention", "jail", "prison"}


def _ordered_held(clause: Token, ruling: Token, ctx: _Ctx) -> Event | None:
    """'The court ruled that X and Y must stay (remain) in custody': the court holds them (173)."""
    if clause.lemma_.lower() not in {"stay", "remain"} or not any(
            c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in _HELD_IN for o in c.children)
            for c in clause.children):
        return None
    subject = _subject(clause)
    held = _resolve(subject, ctx) if subject is not None else []
    rulers = [k for k in _rulers(ruling, ctx) if k not in held]
    if not held or not rulers:
        return None
    participants = (Participant(rulers[0], Role.AGENT), *(Participant(k, Role.PATIENT) for k in held))
    label = f"{ctx.by_key[rulers[0]].label} detain {ctx.by_key[held[0]].label}"
    return Event(ctx.sent_of[clause.i], clause.idx, clause.idx + len(clause.text), clause.text, clause.lemma_.lower(),
                 "173", participants, label, ctx.date_of.get(ruling.i) or _speech_date(ruling, ctx),
                 _place_in_clause(ruling, ctx), Factuality.ASSERTED, None, clause.i)


# what is wrong to do: told of someone in reported speech, the telling accuses them (CAMEO 112)
WRONGDOING = frozenset({"stifle", "implicate", "abuse", "rig", "harass", "intimidate", "persecute", "repress",
                        "suppress", "silence", "muzzle", "terrorize", "terrorise", "destabilize", "destabilise",
                        "embezzle", "loot", "torture", "murder", "massacre", "oppress", "falsify"})


def _told_wrongdoing(ctx: _Ctx) -> list[Event]:
    """'X stressed that the government intends to stifle the Church', '"Y was implicated in attacks,"
    said X': X says someone did (or means to do) wrong, which accuses them (112, agent X, patient the
    one said to do it). What is told is its own event too when it has a trigger ('torture'); a denial
    accuses no one, and the speaker's own side is not accused."""
    out: list[Event] = []
    doc = ctx.doc
    for i in tokens_with_lemma(doc, WRONGDOING):
        tok = doc[i]
        if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children) or _conditional(tok):
            continue
        told = _told_by(tok, ctx)
        if told is None:
            continue
        speech, speaker = told
        doer = _subject(tok)  # "Y was implicated in attacks": Y; "the vote was rigged by Y": Y
        if tok.lemma_.lower() != "implicate" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
            doer = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                        None)
        if doer is None or doer.lower_ in PRONOUNS_FIRST:
            continue
        own = {speaker, ctx.affiliation.get(speaker, speaker)}
        accused = [k for k in _resolve(doer, ctx) if k not in own and not ctx.by_key[k].type.is_place]
        if not accused:
            continue
        participants = (Participant(speaker, Role.AGENT), *(Participant(k, Role.PATIENT) for k in accused))
        label = f"{ctx.by_key[speaker].label} accuse {ctx.by_key[accused[0]].label}"
        out.append(Event(ctx.sent_of[i], tok.idx, tok.idx + len(tok.text), tok.text, "accuse", "112",
                         participants, label, _speech_date(speech or tok, ctx), None, Factuality.ASSERTED,
                         speaker, i))
    return out


SHAM_WORDS = frozenset({"sham", "farce", "travesty", "mockery", "charade", "witch-hunt", "vendetta"})


def _told_sham(ctx: _Ctx) -> list[Event]:
    """'Amnesty said the trial was "a sham"', '"This case is a farce," said X': X denounces (111) what it
    calls so; whoever the phrase names (the case against Y, the court) is the patient, when named."""
    out: list[Event] = []
    doc = ctx.doc
    for i in tokens_with_lemma(doc, SHAM_WORDS):
        tok = doc[i]
        copula = tok.head
        if tok.dep_ != "attr" or copula.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in copula.children):
            continue
        told = _told_by(copula, ctx)
        if told is None:
            continue
        speech, speaker = told
        subject = _subject(copula)
        named = _entities_under(subject, ctx) if subject is not None else []
        out.append(_stance(tok, speaker, named, speech or copula, "criticise", "111", ctx))
    return out


_WILL = MODALS_FUTURE | {"would", "wo"}  # "wo" of "won't"
_IF = {"if", "unless"}


def _told_refusals(ctx: _Ctx) -> list[Event]:
    """'Qassem said Hezbollah would not give up its weapons', 'X told lawmakers his government would not
    change the constitution': a speaker who says their own side will not do something rejects it (120);
    'it would stage a larger rally if the result stood': a conditional act of their own is a threat
    (130). Whoever the act falls on is the patient; the saying dates it. Only the speaker's own side
    counts: 'X said police would not arrest anyone' is a claim about others."""
    out: list[Event] = []
    doc = ctx.doc
    lexicon = triggers()
    for i in tokens_with(doc, "LOWER", _WILL):
        verb = doc[i].head
        if doc[i].dep_ != "aux" or verb.pos_ != "VERB" or verb.lemma_.lower() in {"be", "have", "say"} \
                or verb.lemma_.lower() in lexicon:
            continue  # a trigger word's own refusal is its event's (`_refusal`)
        if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
            continue  # "we will not be silenced": what others may do to the speaker's side
        negated = any(c.dep_ == "neg" for c in verb.children)
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _IF for m in c.children)
                          for c in verb.children)
        if negated:  # also on a condition: "would not recognise him unless the recount confirmed it"
            code, word = "120", "reject"
        elif conditional:
            code, word = "130", "threaten"
        else:
            continue
        told = _told_by(verb, ctx)
        subject = _subject(verb)
        if told is None or subject is None or ctx.speaker_at(verb.idx)[0]:
            continue  # "'We will not allow anyone to …,' he said": defiance quoted, more slogan than act
        speech, speaker = told
        own = {speaker, ctx.affiliation.get(speaker, speaker)}
        if not own & set(_resolve(subject, ctx)):
            continue
        named = [k for c in verb.children if c.dep_ in {"dobj", "prep"} for k in _entities_under(c, ctx, shallow=True)]
        out.append(_stance(verb, speaker, named, speech or verb, word, code, ctx))
    return out


def _stance(tok: Token, speaker: str, named: list[str], said: Token, word: str, code: str, ctx: _Ctx) -> Event:
    """The event of a stance the speaker takes on what `named` holds (a sham, a concern): the speaker is
    the agent, the named the patients, except the speaker's own side and places; dated by the saying."""
    own = {speaker, ctx.affiliation.get(speaker, speaker)}
    targets = [k for k in dict.fromkeys(named) if k not in own and not ctx.by_key[k].type.is_place]
    participants = (Participant(speaker, Role.AGENT), *(Participant(k, Role.PATIENT) for k in targets))
    label = f"{ctx.by_key[speaker].label} {word}" + (f" {ctx.by_key[targets[0]].label}" if targets else "")
    return Event(ctx.sent_of[tok.i], tok.idx, tok.idx + len(tok.text), tok.text, word, code, participants, label,
                 _speech_date(said, ctx), None, Factuality.ASSERTED, speaker, tok.i)


# a body's dismay said of itself ("said it was deeply concerned by …") or voiced as a noun ("expressed
# concern over …", "voiced regret"): the diplomatic form of disapproval (CAMEO 110)
CONCERN_STATES = frozenset({"concerned", "alarmed", "troubled", "dismayed", "disturbed", "worried", "appalled",
                            "shocked", "outraged", "disappointed"})
CONCERN_NOUNS = frozenset({"concern", "alarm", "regret", "dismay", "disappointment", "outrage"})
_VOICING = {"express", "voice", "raise", "register", "convey", "reiterate"}
_ABOUT = {"by", "about", "over", "at", "with", "regarding"}


def _told_concern(ctx: _Ctx) -> list[Event]:
    """'The U.S. embassy said it was deeply concerned by the vote', 'the EU expressed concern over the
    arrest', 'France said it regretted the expulsion', 'the EU said the arrest raised serious
    concerns': the speaker disapproves (110). Whoever the cause names (the arrest of Y) is the patient;
    a negated or conditional state ('was not concerned', 'would be alarmed') is none."""
    out: list[Event] = []
    doc = ctx.doc
    for i in (*tokens_with(doc, "LOWER", CONCERN_STATES), *tokens_with_lemma(doc, CONCERN_NOUNS | {"regret"})):
        tok = doc[i]
        low = tok.lemma_.lower()
        if tok.lower_ in CONCERN_STATES and tok.dep_ == "acomp" and tok.head.lemma_.lower() == "be":
            head = tok.head  # "it was (deeply) concerned": the state is the speaker's
            cause = tok
        elif tok.lower_ in CONCERN_STATES and tok.tag_ in {"VBN", "JJ"} and any(
                c.dep_ in {"auxpass", "cop"} and c.lemma_.lower() == "be" for c in tok.children):
            head = cause = tok  # "it was alarmed by the verdict", parsed as a passive
        elif tok.pos_ == "NOUN" and low in CONCERN_NOUNS and tok.dep_ == "dobj" \
                and tok.head.lemma_.lower() in _VOICING:
            head = tok.head  # "expressed concern", "raised serious concerns"
            cause = tok
        elif tok.pos_ == "VERB" and low == "regret" and tok.dep_ in {"ROOT", "ccomp", "conj"}:
            head = tok  # "France regrets the decision", "said it regretted …"
            cause = tok
        else:
            continue
        if any(c.dep_ == "neg" for c in (*head.children, *tok.children)) or _conditional(head):
            continue
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None) or _subject(head)
        if subject is None:
            continue
        speech = _speech_head(head)
        if subject.lower_ in {"it", "he", "she", "they", "we", "i"} or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children) or (
                head.lemma_.lower() == "raise" and not _resolve(subject, ctx)):
            told = _told_by(head, ctx)  # "X said it was concerned", "X said the arrest raised concerns"
            if told is None:
                continue
            speech, speaker = told
        else:
            found = [k for k in _resolve(subject, ctx) if _can_act(k, ctx)]
            if not found or speech is not None and speech.lemma_.lower() in DENIAL_VERBS:
                continue
            speaker = found[0]
        if not _can_act(speaker, ctx) or ctx.by_key[speaker].type is EntityType.GROUP:
            continue  # "villagers said they were worried": a state of mind, not a stance taken
        named = [k for c in cause.children if c.dep_ in {"prep", "agent"} and c.lower_ in _ABOUT
                 or c.dep_ == "dobj" for k in _entities_under(c, ctx)]
        out.append(_stance(tok, speaker, named, speech or head, "disapprove", "110", ctx))
    return out


def _fold_concern(events: list[Event]) -> list[Event]:
    """'X said it was deeply concerned by the arrests and urged the government to …': one stance, which
    analysts record once, as the appeal (02) or demand (10) that follows in the sentence; that event
    takes X as its agent when the parse gave it none."""
    out = list(events)
    for concern in events:
        if concern.lemma != "disapprove" or concern.cameo != "110":
            continue
        agents = _agents(concern)
        for n, other in enumerate(out):
            if other.sentence != concern.sentence or other.trigger_begin <= concern.trigger_begin \
                    or other.cameo[:2] not in {"02", "10"} or (_agents(other) and _agents(other) != agents):
                continue
            if not _agents(other):
                rest = tuple(p for p in other.participants if p.entity not in agents)
                other = replace(other, participants=(*(Participant(k, Role.AGENT) for k in agents), *rest))
                out[n] = other
            out.remove(concern)
            break
    return out


def _told_by(tok: Token, ctx: _Ctx) -> tuple[Token | None, str] | None:
    """The reporting verb (None inside a bare quotation) and the speaker who tells what `tok` is part
    of, unless nobody is named or the telling is a denial ("X denied that …", "X did not say …")."""
    speech = _speech_head(tok)
    if speech is not None and (speech.lemma_.lower() in DENIAL_VERBS or any(c.dep_ == "neg" for c in speech.children)):
        return None
    speakers = _speakers(speech, tok, ctx)
    return (speech, speakers[0]) if speakers else None


def _speakers(speech: Token | None, tok: Token, ctx: _Ctx) -> list[str]:
    """Who says what `tok` is part of: the subject of its reporting verb `speech`, else (no reporting
    verb) the speaker of the quotation around it."""
    if speech is not None:
        subject = _subject(speech)
        return _resolve(subject, ctx) if subject is not None else []
    quoted, speaker = ctx.speaker_at(tok.idx)
    return [speaker] if quoted and speaker else []


def _speech_date(speech: Token, ctx: _Ctx) -> EventDate | None:
    """When something was said: a date on the reporting verb or a clause above it, else the month
    of the report (dates inside what was said belong to its content, not to the saying)."""
    for t in (speech, *speech.ancestors):
        if t.i in ctx.date_of:
            return ctx.date_of[t.i]
    return dates.publication_date(ctx.article.published)


def _gives_time(tok: Token) -> bool:
    """'Y has 30 days to respond': a span of time as the object, and what to do in it."""
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _DURATION_UNITS and \
                any(n.like_num or n.dep_ == "nummod" for n in c.children):
            return any(x.dep_ in {"xcomp", "relcl", "acl"} and any(a.lower_ == "to" for a in x.children)
                       for x in (*tok.children, *c.children))
    return False


def _has_to(tok: Token) -> bool:
    """'Y has to appear': obligation told with 'have to' (the verb is the complement of 'have')."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() == "have" and head.i != tok.i and \
        any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) and \
        not any(c.dep_ == "dobj" for c in head.children)


# what a yielding act becomes when an actor says it will do it (CAMEO 035x, express intent to yield)
INTENT_TO_YIELD = {"081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351",
                   "082": "0352", "084": "0353", "0841": "0353", "0842": "0353", "085": "0354",
                   "086": "0355", "087": "0356"}
_STATE_TYPES = {EntityType.GOVERNMENT, EntityType.COURT, EntityType.IGO, EntityType.COUNTRY}


def _intent(tok: Token, code: str, participants: list[Participant], factuality: Factuality,
            reporter: str | None, ctx: _Ctx) -> tuple[str, list[Participant], Factuality] | None:
    """'X said the warrants would be withdrawn', 'X said it will release them': a yielding act that
    the speaker's side announces for the future is the speaker expressing intent to yield, which
    did happen (it was said), rather than a hypothetical release. Without a named doer, only a
    speaker who holds state power (a government body, or a person with a post in one) announces it."""
    if code[:2] != "08" or reporter is None or factuality not in {Factuality.HYPOTHETICAL, Factuality.PLANNED}:
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
        return None  # "even after they are bailed, ...": a circumstance of what is said, not its point
    own = {reporter, ctx.affiliation.get(reporter, reporter)}
    agents = {p.entity for p in participants if p.role is Role.AGENT}
    if agents and not agents <= own:
        return None
    if not agents and not any(ctx.by_key[k].type in _STATE_TYPES for k in own if k in ctx.by_key):
        return None
    rest = [p for p in participants if p.role is not Role.AGENT and p.entity not in own]
    return INTENT_TO_YIELD.get(code, "035"), [Participant(reporter, Role.AGENT), *rest], Factuality.ASSERTED


_ADVERB_PARTICLES = {"down", "up", "out", "off"}


_MEANS = {"telephone", "phone", "video", "videoconference", "videolink"}  # "by telephone with X"


def _by_means(tok: Token) -> list[Token]:
    """'spoke by telephone with X': the prepositions the parser hangs on the means ('telephone') rather
    than on the verb, which are the verb's."""
    return [g for c in tok.children if c.lower_ == "by" for o in c.children if o.dep_ == "pobj" and o.lower_ in _MEANS
            for g in o.children if g.dep_ == "prep"]


def _choose(tok: Token, readings: list[Trigger], pos: str) -> Trigger | None:
    """The first reading of the trigger word that its particles and objects allow. Most readings ask for
    neither, so the word's particles and objects are only gathered when one does."""
    particles: set[str] | None = None
    objects: set[str] | None = None
    for r in readings:
        if r.pos != pos:
            continue
        if r.particle:
            if particles is None:
                # "fired on X" but not "fired the minister on Monday": a time phrase is no particle
                # "stepped down": the parser may hang the particle as an adverb
                particles = {c.lower_ for c in tok.children if c.dep_ == "prt" or c.dep_ == "prep" and not
                             any(o.ent_type_ in {"DATE", "TIME"} for o in c.children if o.dep_ == "pobj")
                             or c.dep_ == "advmod" and c.lower_ in _ADVERB_PARTICLES}
                particles |= {g.lower_ for g in _by_means(tok)}
                if pos == "NOUN" and tok.dep_ == "dobj":  # "launched a probe into X", "into" hung on the verb
                    particles |= {c.lower_ for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i}
            if r.particle not in particles:
                continue
        if r.needs:
            if objects is None:
                objects = _objects(tok, pos)
            if not objects & set(r.needs.split(";")):
                continue
        return r
    return None


def _objects(tok: Token, pos: str) -> set[str]:
    """Lower-cased lemmas of what the trigger word acts on (its objects and prepositional phrases; for
    a noun, its whole phrase)."""
    objects = {t.lemma_.lower() for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr", "acomp", "oprd"}
               for t in c.subtree}
    objects |= {t.lemma_.lower() for c in tok.children if c.dep_ in {"prep", "agent"} or c.dep_ == "advmod"
                and c.lower_ == "back" for t in c.subtree}  # "sent back to prison": "to" hangs on "back"
    if pos == "NOUN":
        objects |= {t.lemma_.lower() for t in tok.subtree}
    return objects


def _refine(tok: Token, code: str) -> str:
    """Compose request verbs with what is requested: 'ask ... to release' → appeal for release; a person
    flown abroad to face charges ('was flown to the Netherlands to face charges') is sent out, as in an
    extradition (174), not making a visit ('was flown to Germany for medical care' stays travel)."""
    if code == "042" and tok.lemma_.lower() == "fly" and any(c.dep_ == "nsubjpass" for c in tok.children) \
            and any(c.lemma_.lower() in {"face", "stand"} for c in tok.children if c.dep_ in {"advcl", "xcomp"}):
        return "174"
    if code[:2] not in {"02", "10"}:
        return code
    wanted = {t.lemma_.lower() for c in tok.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep"} or _to_clause(c)
              for t in c.subtree}
    if wanted & RELEASE_WORDS:
        return "0253" if code[:2] == "02" else "1053"
    return code


# arguments --------------------------------------------------------------------------------------
def _verb_args(tok: Token, reading: Trigger, ctx: _Ctx):
    agents: list[str] = []
    patients: list[str] = []
    recipients: list[str] = []
    place: str | None = None
    subject = _subject(tok)
    inherited_by_gerund = tok.tag_ == "VBG" and subject is not None and subject.head.i != tok.i
    passive = not inherited_by_gerund and (
        _wished(tok) or _ordered_done(tok)  # "wanted Sam Rainsy arrested": parsed as Sam Rainsy arresting
        or any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        or (subject is not None and subject.dep_ == "nsubjpass")
        or (tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "nsubj"} for c in tok.children))
        # "with the party now dissolved": a participle of an absolute clause, the party dissolved
        or (tok.dep_ == "advcl" and tok.tag_ in {"VBN", "VBD"} and not any(c.dep_ == "dobj" for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ in {"with", "without"} for c in tok.children)))
    for c in (*tok.children, *(g for g in _by_means(tok) if g.lower_ == "with")):
        dep = c.dep_
        if dep == "agent":  # not into a clause under it ("accused by groups of abusing his office")
            # ("detained by his own security detail": the detail, not him)
            agents += [k for o in c.children if o.dep_ == "pobj" for k in _resolve(o, ctx)] or \
                _entities_under(c, ctx, shallow=True, skip=frozenset({"poss"}))
        elif dep == "nsubjpass":
            patients += _resolve(c, ctx)
        elif dep == "dobj":
            if reading.cameo.startswith("084") and c.lemma_.lower() in _RELEASED_THINGS:
                continue  # "released photographs of him": a thing made public, no one set free
            keys = _resolve(c, ctx) or _object_it(c, tok, reading, ctx)
            if reading.object_role == "recipient":
                recipients += keys
            elif reading.object_role == "place":
                place = place or next((k for k in keys if ctx.by_key[k].type.is_place), None)
                recipients += [k for k in keys if not ctx.by_key[k].type.is_place]
            else:
                patients += keys
        elif dep == "oprd" and reading.cameo == "111":  # "called the sentence Lukashenko's revenge"
            patients += _entities_under(c, ctx, shallow=True)
        elif dep == "dative":
            keys = [k for o in c.children if o.dep_ == "pobj" for k in _resolve(o, ctx)] or _entities_under(c, ctx)
            (patients if reading.cameo[:2] in {"08", "12"} else recipients).extend(keys)  # "denied bail to X"
        elif dep == "prep":
            prep = c.lower_
            objs = [g for g in c.children if g.dep_ == "pobj"]
            keys = [k for o in objs for k in _resolve(o, ctx)]
            places = [k for k in keys if ctx.by_key[k].type.is_place]
            if prep in _PLACE_PREPS and places and place is None:
                place = places[0]
            countries = [k for k in places if ctx.by_key[k].type is EntityType.COUNTRY]
            # ("convicted of spying for British intelligence": what 'for' gives a verdict is no one judged)
            if prep == "against" or (reading.particle == prep and reading.object_role == "patient") or (
                    prep in {"on", "for", "with"} and reading.object_role in {"patient", "none"}
                    and reading.cameo[:2] in {"14", "17", "18", "19", "11", "12", "13", "16"}
                    and not (prep == "for" and reading.cameo[:2] == "11")):
                patients += [k for k in keys if k not in places or k in countries]
            elif (prep in {"to", "with"} or (reading.particle and prep == reading.particle)) and \
                    reading.object_role == "recipient":  # "called on X", "clashed (met) with X"
                # "called on Zimbabwe (on Harare) to": a country, or a capital standing for its government
                recipients += [k for k in keys if k not in places or k in countries or _capital_of(ctx.by_key[k], ctx)]
            elif prep == "to" and reading.cameo[:2] in {"08", "12"}:
                patients += [k for k in keys if k not in places]  # "granted (denied) bail to X"
            elif prep == "for" and (reading.object_role == "recipient" or reading.cameo[:2] in {"02", "10"}):
                patients += [k for o in objs for k in _entities_under(o, ctx)]  # "ask for a pardon for X"
        elif (dep in {"xcomp", "ccomp"} or _to_clause(c)) and reading.cameo[:2] in {"02", "10", "13"}:
            # "asked X to release Y", "threatened to expel Y": Y is what the request (threat) is about
            where = {k for t in c.subtree if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS
                     and (k := ctx.index.token_entity.get(t.i)) and ctx.by_key[k].type.is_place}  # "from Uganda"
            patients += [k for k in _entities_under(c, ctx, skip_first_subject=True,
                                                    skip=frozenset({"relcl", "acl"}))
                         if k not in recipients and k not in where]
    if reading.object_role == "held":  # "X spent the night in prison": X is held, by someone unnamed
        holder = subject if subject is not None else tok.head if tok.dep_ == "acl" else None  # "X, …, spent"
        return [], _dedupe(_resolve(holder, ctx) if holder is not None else []), [], place or _place_in_clause(tok, ctx)
    if subject is not None and not passive:
        found = _parallel_agent(subject, reading, ctx) or _resolve(subject, ctx)
        if subject.lower_ in PRONOUNS_PERSON:  # "(police arrested X …) he had arrested my husband": not X
            found = [k for k in found if (reading.cameo[:2], k) not in ctx.acted_on]
        agents = found + agents
    ordered_object = tok.dep_ == "xcomp" and _ordered_done(tok)  # "ordered him held": the order's object
    if subject is not None and passive and not patients and not ordered_object:
        patients = _resolve(subject, ctx)
    if ordered_object and not patients:
        patients = [k for c in tok.head.children if c.dep_ == "dobj" for k in _resolve(c, ctx)]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not patients and tok.head.dep_ != "appos":
        # "activists arrested this year"; not "X, an opposition leader accused of treason": background
        patients = _among_those(tok, ctx) or _resolve(tok.head, ctx)
    if place is None:
        place = _place_in_clause(tok, ctx)
    return _dedupe(agents), _dedupe(patients), _dedupe(recipients), place


def _among_those(tok: Token, ctx: _Ctx) -> list[str]:
    """'Among those sentenced were X and Y': X and Y, the subject of the verb 'among' hangs on."""
    those = tok.head
    if those.lower_ not in {"those", "them"} or those.head.lower_ != "among":
        return []
    verb = those.head.head
    return [k for c in verb.children if c.dep_ in {"nsubj", "attr"} for k in _resolve(c, ctx)]


def _parallel_agent(subject: Token, reading: Trigger, ctx: _Ctx) -> list[str]:
    """'A arrived in X, and B wrote that he had landed in Y': a reported 'he' doing what another
    person was just said to do is that person, not the one reporting it."""
    if subject.lower_ not in PRONOUNS_PERSON or subject.head.dep_ not in {"ccomp", "parataxis"}:
        return []
    speech = _speech_head(subject.head)
    speaker_subject = _subject(speech) if speech is not None else None
    if speaker_subject is None:
        return []
    speakers = set(_resolve(speaker_subject, ctx))
    default = _resolve(subject, ctx)
    if not speakers or not set(default) <= speakers:
        return []  # the pronoun does not default to the speaker: nothing to reconsider
    sentence = ctx.sent_of[subject.i]
    for sent, root, agent in reversed(ctx.person_agents):
        if sent < sentence - 1:
            break
        if root == reading.cameo[:2] and agent not in speakers and \
                ctx.gender.get(agent, _PRONOUN_GENDER[subject.lower_]) == _PRONOUN_GENDER[subject.lower_]:
            return [agent]
    return []


def _court_for(tok: Token, ctx: _Ctx) -> str | None:
    """The court of a judicial act: one named in the same sentence, else the last one named before,
    else the first one named after (a report of a verdict names its court somewhere)."""
    sentence = ctx.sent_of[tok.i]
    best: tuple[int, str] | None = None
    if not ctx.courts_scanned:  # courts the text describes in lower case ("a court in Gomel"), found once
        ctx.courts_scanned = True
        for i in tokens_with_lemma(ctx.doc, {"court"}):
            _court_body(ctx.doc[i], ctx, add=False)
    for e in (*ctx.index.entities, *ctx.described_courts.values()):
        if e.type is not EntityType.COURT:
            continue
        for m in e.mentions:
            if m.sentence == sentence:
                return _registered(e.key, ctx)
            before = m.begin < tok.idx and (best is None or best[0] > tok.idx or m.begin > best[0])
            after = m.begin > tok.idx and (best is None or best[0] > m.begin)
            if before or after:
                best = (m.begin, e.key)
    return _registered(best[1], ctx) if best else None


def _registered(key: str, ctx: _Ctx) -> str:
    """A court described in lower case becomes an entity of the article once it takes part."""
    if key not in ctx.by_key:
        ctx.added[key] = ctx.by_key[key] = ctx.described_courts[key]
    return key


def _place_in_clause(tok: Token, ctx: _Ctx) -> str | None:
    """A place named by 'in/at X' anywhere in the trigger's own clause ('arrested by police in X')."""
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ in {"relcl", "ccomp", "advcl", "acl", "xcomp", "parataxis"}:
            continue
        if t.dep_ == "pobj" and t.head.lower_ in {"in", "at"}:
            key = ctx.index.token_entity.get(t.i)
            if key is not None and ctx.by_key[key].type.is_place:
                return key
            if key is None and t.lower_ == "capital" and any(c.lower_ == "the" for c in t.children):
                capital = _capital(ctx)
                if capital is not None:
                    return capital
            if key is None and t.lower_ in _PLACE_NOUNS:  # "in the southern town of Mbinga"
                named = [k for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if (k := ctx.index.token_entity.get(g.i)) is not None]
                if named and ctx.by_key[named[0]].type.is_place:
                    return named[0]
        stack.extend(t.children)
    return None


_PLACE_NOUNS = SETTLEMENT_NOUNS | {"province", "district", "region"}  # "in the southern town (province) of X"


def _capital(ctx: _Ctx) -> str | None:
    """'in the capital': the capital of the article's main country, when the article names that city."""
    name = ctx.gaz.capital(ctx.index.main_country) if ctx.gaz is not None and ctx.index.main_country else None
    if name is None:
        return None
    return next((e.key for e in ctx.index.entities if e.type.is_place and name in (e.label, *e.aliases)), None)


def _noun_args(tok: Token, reading: Trigger, ctx: _Ctx):
    agents: list[str] = []
    patients: list[str] = []
    recipients: list[str] = []
    place: str | None = None
    for c in tok.children:
        if c.dep_ == "poss":
            keys = _resolve(c, ctx)
            for key in keys:
                state = ctx.by_key[key].type in {EntityType.GOVERNMENT, EntityType.COURT, EntityType.IGO,
                                                 EntityType.COUNTRY}
                # "X's appeal", "X's talks": a noun whose object is the recipient is done by its possessor
                agentive = reading.object_role in {"none", "recipient"} or reading.cameo[:2] in {"04", "16"} or state
                (agents if agentive else patients).append(key)
        elif c.dep_ in {"compound", "amod"} and c.i in ctx.index.token_entity:
            keys = _resolve(c, ctx)
            stance = _stance_prefix(c)
            if stance == "anti":  # "an anti-government rally": the government is what it is against
                patients.extend(keys)
            elif stance is None:  # ("a pro-government rally" is its supporters', not the government's)
                # "U.S. Treasury sanctions", "EU sanctions": a body imposes them ("Venezuela sanctions" are on it)
                imposer = reading.cameo[:2] == "16" and all(
                    ctx.by_key[k].type in {EntityType.GOVERNMENT, EntityType.IGO} for k in keys)
                (agents if reading.object_role == "none" or imposer else patients).extend(keys)
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            keys = [k for o in objs for k in _resolve(o, ctx)]
            places = [k for k in keys if ctx.by_key[k].type.is_place]
            if c.lower_ in _PLACE_PREPS and places:
                place = place or places[0]
            elif c.lower_ in {"against", "on"} or c.lower_ == "into" and reading.cameo[:2] == "09":
                patients.extend(k for k in keys if k not in places)  # "protests against X", "an inquiry into X"
            elif c.lower_ == "of":
                keys = keys or [k for o in objs for k in _apposed(o, ctx)]
                holder = tok.lemma_.lower() == "custody"  # "in the custody of the morality police": who holds
                (agents if reading.object_role == "none" or holder and all(
                    ctx.by_key[k].type in _ORG_TYPES for k in keys) else patients).extend(
                    k for k in keys if k not in places)
            elif c.lower_ == "by":
                agents.extend(keys)
            elif c.lower_ == "from" and reading.cameo[:2] == "11":
                agents.extend(k for k in keys if _can_act(k, ctx))  # "condemnation from the EU (and the US)"
            elif c.lower_ == "with" and reading.object_role == "recipient":
                recipients.extend(k for k in keys if k not in places)  # "talks with X"
    if not agents and reading.cameo[:2] == "11" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DRAWING:
        agents.extend(k for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "from"
                      for o in c.children if o.dep_ == "pobj" for k in _resolve(o, ctx) if _can_act(k, ctx))
        # "the killings drew condemnation from the EU"
    for c in tok.children:  # "a rally organised by the opposition PS party"
        if c.dep_ == "acl" and c.lemma_.lower() in _ORGANISING and not agents:
            agents.extend(k for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                          for k in _resolve(o, ctx) if not ctx.by_key[k].type.is_place)
    if tok.dep_ in {"dobj", "attr"} and tok.head.lemma_.lower() in LIGHT_VERBS:
        subject = _subject(tok.head)  # "supporters held demonstrations": the supporters demonstrate
        if not agents and subject is not None and (subject.dep_ == "nsubj" or subject == _gerund_doer(tok.head)):
            agents.extend(_resolve(subject, ctx))
        for c in tok.head.children:  # "held a rally in Kordavia"
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS and place is None:
                keys = [k for o in c.children if o.dep_ == "pobj" for k in _resolve(o, ctx)]
                place = next((k for k in keys if ctx.by_key[k].type.is_place), None)
    if all(a.startswith("group:") for a in agents) and reading.cameo[:2] == "14" and (
            tok.dep_ == "pobj" and tok.head.lower_ in {"at", "in"} and tok.head.head.lemma_.lower() in _AT_A_RALLY
            or tok.dep_ == "dobj" and tok.head.lemma_.lower() in _AT_A_RALLY):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "X spoke at a rally", "X addressed a rally"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _subject(verb)
        if subject is not None and subject.dep_ == "nsubj" and subject.lower_ not in {"who", "that", "which"}:
            # not "activists who joined the rally" (a description), but "a group whose president spoke at it"
            speakers = [k for k in _resolve(subject, ctx) if _can_act(k, ctx)]
            if speakers:  # "a rally of several thousand people": a crowd counted, beside who led it
                agents[:] = speakers + [a for a in agents if not _countable(a)]
    if not patients and tok.dep_ == "pobj" and tok.head.lower_ in {"under", "into"} \
            and tok.head.head.lemma_.lower() in {"place", "put", "keep", "hold", "take"}:
        verb = tok.head.head  # "X was placed under house arrest", "police took X into custody"
        held = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        patients.extend(k for c in held for k in _resolve(c, ctx))
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if not agents and doer is not None:
            agents.extend(_resolve(doer, ctx))
    if not patients and reading.cameo[:2] == "16" and tok.dep_ == "pobj" and tok.head.lower_ == "under" \
            and tok.head.head.lemma_.lower() in {"be", "remain", "come", "fall"}:
        subject = _subject(tok.head.head)  # "X has been under U.S. sanctions since 2023": X is sanctioned
        if subject is not None:
            patients.extend(k for k in _resolve(subject, ctx) if k not in agents)
    if not patients and tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() == "be" \
            and _since_date(tok.head.head):
        subject = _subject(tok.head.head)  # "X has been in custody since July 2021": X was detained then
        if subject is not None:
            patients.extend(_resolve(subject, ctx))
    if not agents and tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in {"be", "go"}:
        subject = _subject(tok.head.head)  # "X has been (went) on hunger strike": X strikes
        if subject is not None:
            agents.extend(_resolve(subject, ctx))
    if not agents and tok.dep_ == "pobj" and tok.head.lower_ in {"for", "of"} \
            and tok.head.head.lemma_.lower() in ACCUSING:
        # "the security forces have been blamed for the killing of demonstrators": the blamed did it
        blamed = next((c for c in tok.head.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if blamed is not None:
            agents.extend(k for k in _resolve(blamed, ctx) if k not in patients)
    return _dedupe(agents), _dedupe(patients), _dedupe(recipients), place


# taking part in a protest: "spoke at a rally", "addressed the rally", "took part in the march"
_AT_A_RALLY = {"speak", "address", "attend", "join", "appear", "participate"}


def _since_date(verb: Token) -> bool:
    """'has been in custody since July 2021': the state has a stated start, which dates the act that began
    it (without one, 'remains in custody' tells no new act)."""
    return any(c.dep_ == "prep" and c.lower_ == "since" and any(g.ent_type_ == "DATE" for g in c.subtree)
               for c in verb.children)


def _subject(tok: Token) -> Token | None:
    """The subject of a verb, inherited through conjunctions, control verbs and gerunds when absent
    ("the EU submitted its report on suspending X": the EU suspends)."""
    cur = tok
    climb = {"conj", "xcomp", "advcl", "acomp"}  # "acomp": "X is due (ready, set) to appeal"
    if tok.tag_ == "VBG":
        climb |= {"pcomp", "prep", "pobj", "acl", "dobj"}
    doer = _gerund_doer(tok)
    if doer is not None:
        return doer
    # "X urged Y to free Z and called for …": a finite verb is not conjoined to the infinitive the parser
    # hung it on, so Y (who would free Z) is not its subject
    finite_conj = tok.dep_ == "conj" and tok.tag_ in {"VBD", "VBZ"} and tok.head.tag_ == "VB" \
        and tok.head.dep_ == "xcomp"
    for _ in range(5):
        subjects = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:  # of two ("KAMPALA — politician X appealed"), the one next to the verb
            before = [c for c in subjects if c.i < cur.i]
            if cur is not tok and _copula_in_speech(cur, tok):
                cur = cur.head  # "X said the charges were motivated and urged Y": X urged
                continue
            return before[-1] if before else subjects[0]
        if cur is tok and tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head  # "The party's secretary general, X, called for…" parsed as a clause on the noun
        if cur.dep_ == "xcomp" and cur.head.i != cur.i and not finite_conj:
            controller = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i), None)
            if controller is not None and (controller.pos_ in {"PROPN", "PRON"} or controller.ent_type_
                                           or controller.lower_ in group_nouns()):
                # "prompting Britain to recall its ambassador": Britain recalls (but "used his wealth to
                # crack down": the user acts)
                return controller
        if cur.dep_ in climb and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _copula_in_speech(head: Token, verb: Token) -> bool:
    """The parser hung an act of the speaker on the copula of what the speaker said ('X said the charges
    were motivated and urged Y to release Z'), or on the perfect participle of what the speaker denied ('X
    denied that the party had bought votes and accused the DP': a simple past cannot share 'had'): a
    past-tense verb with an object, conjoined to a reported clause."""
    if not (verb.dep_ == "conj" and verb.head.i == head.i and head.dep_ == "ccomp"
            and head.head.lemma_.lower() in SPEECH_VERBS and verb.tag_ == "VBD"
            and any(c.dep_ == "dobj" for c in verb.children)):
        return False
    return head.lemma_ == "be" or head.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in head.children) and not any(
        c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in head.children)  # "had been beaten … and denied access": both passive


def _gerund_doer(tok: Token) -> Token | None:
    """'sentenced X (to ten years) for organising protests', 'X was arrested for organising': the one
    the verb acts on did the gerund's deed, not the verb's subject."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.lower_ not in {"for", "of"} or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)


ACCUSING = {"accuse", "blame", "suspect", "charge", "convict", "criticize", "criticise", "condemn", "denounce"}
_ALLEGING = {"accuse", "blame", "suspect"}  # verbs whose "for (of) the killing" is what they allege


_WH_WORDS = {"where", "why", "what", "whether", "how", "who", "whom", "when", "which", "if"}


_ORG_TARGETED = ("163", "171", "172")  # sanctioned, raided, suspended or banned: done to a body


def _object_it(obj: Token, verb: Token, reading: Trigger, ctx: _Ctx) -> list[str]:
    """'The court dissolved it': the object 'it' of a measure taken against a body is the organisation
    named last, in this sentence or the one before, other than the one taking the measure."""
    if obj.lower_ != "it" or not reading.cameo.startswith(_ORG_TARGETED):
        return []
    subject = _subject(verb)
    acting = set(_resolve(subject, ctx)) if subject is not None else set()
    sent = ctx.sent_of[obj.i]
    for begin, in_sent, key in reversed(ctx.org_mentions):
        if begin >= obj.idx or key in acting:
            continue
        return [key] if sent - in_sent <= 1 else []
    return []


def _mention_is_subject(begin: int, ctx: _Ctx) -> bool:
    """The mention starting at this offset is (the name in) a clause's subject."""
    span = ctx.doc.char_span(begin, begin + 1, alignment_mode="expand")
    if span is None:
        return False
    tok, key = span[0], ctx.index.token_entity.get(span[0].i)
    while tok.head.i != tok.i and ctx.index.token_entity.get(tok.head.i) == key:
        tok = tok.head  # the name's head word
    return tok.dep_ in {"nsubj", "nsubjpass"}


def _stance_prefix(tok: Token) -> str | None:
    """'anti' or 'pro' when the word is written after one ('anti-government', 'pro-Kremlin')."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in {"anti", "pro"}:
        return doc[tok.i - 2].lower_
    return None


def _reporting_subject(tok: Token) -> Token | None:
    """The subject of the reporting verb above `tok` ("Police said …"), when there is one."""
    speech = _speech_head(tok)
    return _subject(speech) if speech is not None else None


_REPORTING_FORCES = {"police", "army", "military", "force", "gendarmerie"}


def _state_reporter(tok: Token, ctx: _Ctx) -> str | None:
    """The police (army, security forces) when they, or their spokesman, are who says a state act happened."""
    subject = _reporting_subject(tok)
    if subject is None:
        return None
    person = ctx.index.token_entity.get(subject.i)
    if person is not None and ctx.by_key[person].type is EntityType.PERSON:
        # "Police spokesman X said 23 people were detained": the police tell of their own arrests
        body = ctx.by_key.get(ctx.affiliation.get(person, ""))
        return body.key if body is not None and body.type is EntityType.GOVERNMENT and {
            w.removesuffix("s") for w in body.label.lower().split()} & _REPORTING_FORCES else None
    if subject.lemma_.lower() not in _REPORTING_FORCES:
        return None
    keys = _resolve(subject, ctx)
    return keys[0] if keys and ctx.by_key[keys[0]].type is EntityType.GOVERNMENT else None


def _can_act(key: str, ctx: _Ctx) -> bool:
    """A place does nothing; a country does ("condemnation from the United States")."""
    kind = ctx.by_key[key].type
    return not kind.is_place or kind is EntityType.COUNTRY


def _someone(obj: Token, ctx: _Ctx) -> bool:
    """The object names a person or people: a pronoun for them, or a person or group entity."""
    key = ctx.index.token_entity.get(obj.i)
    return obj.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL or (
        key is not None and ctx.by_key[key].type in {EntityType.PERSON, EntityType.GROUP})


# words that tell the event only when someone undergoes it: a killing needs someone killed ("executed the
# plan"), a release someone freed ("released photographs of him")
_NEEDS_VICTIM = {"hang", "execute", "execution", "release", "free"}
_RELEASED_THINGS = {"photograph", "photo", "image", "picture", "video", "footage", "statement", "report", "figure",
                    "document", "list", "detail", "result", "recording", "transcript", "name", "data", "book"}
_MEMBER_NOUNS = {"officer", "member", "agent", "soldier", "troop", "personnel", "official", "guard"}


def _body_of_members(t: Token, ctx: _Ctx) -> str | None:
    """'officers (members, agents) of X': the state body or organisation X, which acts through them."""
    if t.lemma_.lower() not in _MEMBER_NOUNS or t.tag_ not in {"NNS", "NN"}:
        return None
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                key = ctx.index.token_entity.get(obj.i) if obj.dep_ == "pobj" else None
                if key is not None and ctx.by_key[key].type in _ORG_TYPES:
                    return key
    return None


def _police_officers(t: Token, ctx: _Ctx) -> str | None:
    """'(plain-clothes) police officers picked him up': the police, acting through officers it does not
    count or name ('three police officers' stay a group of their own)."""
    if t.lemma_.lower() not in _MEMBER_NOUNS or t.tag_ != "NNS" or any(
            c.dep_ == "nummod" or c.lower_ in {"some", "several", "two", "three", "few"} for c in t.children):
        return None
    named = ctx.index.token_entity.get(t.i - 1) if t.i > 0 and t.doc[t.i - 1].head.i == t.i else None
    if named is not None and ctx.by_key[named].type is EntityType.GOVERNMENT:
        return named  # "Haitian National Police officers retook the station": the force named before them
    if t.lower_ == "officers" and not any(c.dep_ in {"compound", "amod", "nmod", "poss", "prep"} for c in t.children):
        named = _national_police(ctx)
        if named is not None:
            return named  # "officers killed eight gang members", in a report on the one police force it names
    police = next((c for c in t.children if c.dep_ == "compound" and c.lemma_.lower() == "police"), None)
    return _state_body(police, ctx, within=True) if police is not None else None


def _main_subject_organisation(it: Token, ctx: _Ctx) -> str | None:
    """'it' as the subject of a clause under another ('after it was found guilty', ', charges it
    denies'): the organisation that is the subject of the clause above, when one is."""
    cur = it.head
    for _ in range(3):
        if cur.dep_ not in {"advcl", "conj", "ccomp"} or cur.head.i == cur.i:
            return None
        cur = cur.head
        subject = next((c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            key = ctx.index.token_entity.get(subject.i)
            if key is None or ctx.by_key[key].type is EntityType.PERSON or not _can_act(key, ctx):
                return None  # ("The United States said it had suspended …": a country is an 'it' too)
            return key
    return None


def _question(tok: Token) -> bool:
    """'asked him where he took X', 'asked whether X would be freed': a clause opened by a question
    word, and no 'to' clause ('asked X to free Y' is an appeal)."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ == "xcomp" for c in tok.children):
        return False
    return any(c.left_edge.lower_ in _WH_WORDS for c in clauses)


# subordinators of a clause that tells its own news ("…, while Y met Z"); "for" ("calling for X to be
# released") and "that" open what is asked
_OWN_CLAUSE_MARKS = {"while", "whereas", "as", "after", "before", "when", "although", "though", "because", "since"}


def _inside_request(tok: Token) -> bool:
    """A trigger that is the content of a request ('asked X to release Y') or of an accusation
    ('accused X of threatening Y') is folded into it."""
    if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and tok.head.i != tok.i and _inside_request(tok.head):
        return True  # "convicted of organising riots": the riots are the charge too
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in {"for", "of"} \
            and tok.head.head.lemma_.lower() in _ALLEGING and not any(c.dep_ == "prep" for c in tok.children):
        # "the party blamed gendarmes for the killing": who killed is the party's allegation (but "were
        # blamed for the killing of demonstrators" tells the killing too)
        return True
    first = tok  # "accused X of rigging the vote and cracking down on protesters": both are the accusation
    for _ in range(3 if tok.tag_ == "VBG" else 0):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
        if first.tag_ != "VBG" and first.dep_ in {"dobj", "pobj"} and first.head.tag_ == "VBG":
            first = first.head  # the parser hung the second gerund on the first one's object
    if first.tag_ == "VBG" and first.dep_ == "pcomp" and first.head.lower_ in {"of", "for", "with"}:
        owner = first.head.head  # "accused X of V-ing" ("charged with V-ing"), on the verb or on its object X
        if owner.lemma_.lower() in ACCUSING or (owner.dep_ == "dobj" and owner.head.lemma_.lower() in ACCUSING):
            return True
    if first.tag_ == "VBG" and first.dep_ == "pcomp" and first.head.lower_ == "by":
        cur = first.head.head  # "charged X with violating traffic law by blocking a road": the charge's content
        if cur.lemma_.lower() in ACCUSING:
            return True
        for _ in range(3):
            if cur.dep_ != "pobj" or cur.head.dep_ != "prep" or cur.head.lower_ not in {"with", "of", "for"}:
                break
            if cur.head.head.lemma_.lower() in ACCUSING:
                return True
            cur = cur.head.head
    lex = triggers()
    cur = tok
    for _ in range(5):
        # "called on X to release Y and to open an investigation": an infinitive joined to what is asked
        joined = cur.dep_ == "conj" and cur.tag_ == "VB" and cur.head.tag_ == "VB"
        if cur.head.i == cur.i or cur.dep_ not in {"xcomp", "ccomp", "advcl", "dobj", "pobj", "prep"} and not joined:
            return False
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in cur.children) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
            return False  # "X called on the bloc to act, while Y met Z": a clause of its own, not the appeal's
        cur = cur.head
        readings = lex.get(cur.lemma_.lower(), [])
        if any(r.cameo[:2] in {"02", "10", "13"} and r.pos == "VERB" for r in readings) and cur.pos_ == "VERB":
            return True
    return False


def _resolve(tok: Token, ctx: _Ctx) -> list[str]:
    """Entities a noun phrase (or pronoun) refers to, including its conjuncts."""
    out: list[str] = []
    for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
        low = t.lower_
        if low in PRONOUNS_FIRST and ctx.quotes:
            quoted, speaker = ctx.speaker_at(t.idx)
            if quoted and speaker:
                # "we" in a quote is the speaker's organisation when the article gives one
                out.append(ctx.affiliation.get(speaker, speaker) if low in {"we", "us", "our"} else speaker)
            continue
        if t.pos_ == "PRON" or low in {"who", "that", "which"}:
            if low in PRONOUNS_PERSON:
                quoted, speaker = ctx.speaker_at(t.idx)
                # inside a quotation, "she" is never the speaker (who would say "I"); "X ordered him held":
                # an object pronoun is not its verb's subject (that would be "himself")
                exclude = speaker if quoted else None
                verb = t.head if t.dep_ == "dobj" else t.head.head if t.dep_ == "nsubj" and _ordered_done(t.head) \
                    else None  # "ordered him held", parsed as "him" the subject of "held"
                if exclude is None and verb is not None and (subject := _subject(verb)) is not None:
                    exclude = ctx.index.token_entity.get(subject.i)
                speaker = _speaker_of_clause(t, ctx) if not quoted else None
                if speaker is not None and speaker != exclude and \
                        ctx.gender.get(speaker, _PRONOUN_GENDER.get(low)) == _PRONOUN_GENDER.get(low):
                    out.append(speaker)  # "Gaviria accused Petro's government and said he would ask …": Gaviria
                    continue
                key = _latest(ctx.person_mentions, t.idx, exclude=exclude, gender=_PRONOUN_GENDER.get(low),
                              genders=ctx.gender)
                if key:
                    key = _salient(key, t, ctx, exclude=exclude, gender=_PRONOUN_GENDER.get(low))
                    out.append(key)
            elif low in PRONOUNS_PLURAL:
                key = _collective_speaker(t, ctx) or _latest(ctx.group_mentions, t.idx)
                if key and not _unnamed_plural_between(ctx, key, t):
                    out.append(key)
            elif low == "it" and t.dep_ in {"nsubj", "nsubjpass"}:
                main = _main_subject_organisation(t, ctx)
                if main is not None:  # "The CNRP was dissolved by the court after it was found guilty"
                    out.append(main)
                    continue
                # "The CNRP issued a statement ... It also accused X": the organisation just named
                earlier = [(b, sent, k) for b, sent, k in ctx.org_mentions
                           if b < t.idx and ctx.sent_of[t.i] - sent <= 1]
                if earlier:  # of several, one that was a subject ("The court ruled …, X told Reuters. It …")
                    subjects = [k for b, _, k in earlier if _mention_is_subject(b, ctx)]
                    out.append(subjects[-1] if subjects else earlier[-1][2])
            elif low in {"who", "that"} and t.head.dep_ == "relcl":
                group = _group_before_owner(t.head.head, ctx) if low == "who" else None
                found = [group] if group else _resolve(t.head.head, ctx)
                if low == "who" and not any(ctx.by_key[k].type is EntityType.PERSON for k in found):
                    described = _described_person(t.head.head, ctx)
                    found = [described] if described else found
                out += found
            elif low == "which" and t.head.dep_ == "relcl" and t.head.head.i in ctx.index.token_entity:
                key = ctx.index.token_entity[t.head.head.i]
                if ctx.by_key[key].type is not EntityType.PERSON:
                    out.append(key)
            continue
        named_by = ctx.index.token_entity.get(t.head.i) if t.dep_ == "appos" and t.i not in ctx.index.token_entity \
            else None
        if named_by is not None and ctx.by_key[named_by].type is EntityType.PERSON:
            out.append(named_by)  # "Alireza Akbari, a former deputy defence minister convicted of …": Akbari
            continue
        body = _body_of_members(t, ctx) or _police_officers(t, ctx)
        if body is not None:  # "officers of the Philippine National Police detained X": the police did
            out.append(body)
            continue
        key = ctx.index.token_entity.get(t.i)
        if key is not None:
            out.append(key)
            continue
        if low in QUANTITY_HEADS:  # "thousands of protesters", "a group of CNRP activists"
            of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
            if of:
                found = _resolve(of[0], ctx) or [k for k in (_demonym_group(of[0], ctx),) if k]
                out += found
                continue
        named = _named_list(t, ctx)
        if named:
            out += named
            continue
        definite = _definite(t, ctx) or _court_body(t, ctx) or _judge(t, ctx) or _state_body(t, ctx) or \
            _bare_group(t, ctx)
        if definite is not None:
            out.append(definite)
            continue
        delayed = _delayed_name(t, ctx)
        if delayed is not None:
            out.append(delayed)
            continue
        # "her spokesman Karl Dorn" is Karl Dorn, not the woman he speaks for; "his party, the PTI," is the
        # PTI, not the man whose party it is (a common noun's appositive names what the noun describes)
        named_in_apposition = [k for c in t.children if c.dep_ == "appos"
                               for k in ([ctx.index.token_entity[c.i]] if c.i in ctx.index.token_entity
                                         else _entities_under(c, ctx, shallow=True) if t.pos_ == "NOUN" else [])
                               if ctx.by_key[k].type is EntityType.PERSON
                               or t.pos_ == "NOUN" and not ctx.by_key[k].type.is_place]
        if named_in_apposition:
            out += named_in_apposition
            continue
        # "his own security detail", "her lawyers": people of the possessor's, not the possessor
        owned = t.pos_ == "NOUN" and (t.lemma_.lower() in RELATIONAL_NOUNS | _ENTOURAGE or t.lower_ in group_nouns()) \
            and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
        found = _entities_under(t, ctx, shallow=True, skip=frozenset({"poss"}) if owned else frozenset())
        # "anti-graft agents at the Islamabad High Court": where the people were, not who they were
        # ("an agreement with the opposition in Barbados": where, at any depth of the phrase)
        where = {k for c in t.subtree if c.dep_ == "prep" and c.lower_ in _LOCATIVE
                 for k in _entities_under(c, ctx, shallow=True)}
        found = [k for k in found if k not in where]
        qualifiers = _post_qualifiers(t, ctx)
        if t.lemma_.lower() in titles():  # "a Belarusian opposition leader" is a person, not Belarus
            qualifiers |= {k for c in t.children if c.dep_ in {"amod", "compound", "nmod"}
                           and (k := ctx.index.token_entity.get(c.i)) and ctx.by_key[k].type.is_place}
        found = [k for k in found if k not in qualifiers]  # "CNRP president Kem Sokha" is Kem Sokha
        if t.lemma_.lower() in titles() and not any(ctx.by_key[k].type is EntityType.PERSON for k in found):
            # "a researcher at Human Rights Watch, Marc Dupuis, called …": the parser hangs the name on the
            # body the post is at; the post's holder is still the name
            found = [k for c in t.subtree if c.dep_ == "appos" and c.head.i != t.i
                     and (k := ctx.index.token_entity.get(c.i)) is not None
                     and ctx.by_key[k].type is EntityType.PERSON] or found
        out += found
    for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
        out += _included(t, ctx)
    return _dedupe(out)


def _collective_speaker(tok: Token, ctx: _Ctx) -> str | None:
    """'Police said they had arrested 1,000 people': 'they', the subject of what a body (not a person)
    says, is that body."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    subject = _reporting_subject(tok.head)
    if subject is None or subject.i > tok.i or subject.lower_ in PRONOUNS_PLURAL:
        return None
    keys = _resolve(subject, ctx)
    if len(keys) != 1 or ctx.by_key[keys[0]].type is EntityType.PERSON:
        return None
    return keys[0]


def _included(tok: Token, ctx: _Ctx) -> list[str]:
    """'20 activists, including Kem Sokha and Sam Rainsy': the named members of a group take its part
    in the event too."""
    out: list[str] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"including", "like"}:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for member in [obj, *obj.conjuncts]:
                key = ctx.index.token_entity.get(member.i)
                if key is not None and not ctx.by_key[key].type.is_place:
                    out.append(key)
    return out


def _delayed_name(tok: Token, ctx: _Ctx) -> str | None:
    """'A Belarusian opposition leader who rallied mass protests … has been jailed. Sergei Tikhanovsky
    was convicted…': a lede's indefinite person ('a/an' + a post or role word), in the article's first
    sentences, is the person the next sentence names as its subject."""
    if tok.lemma_.lower() not in titles() or not any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                      for c in tok.children):
        return None
    sentence = ctx.sent_of[tok.i]
    if sentence > 2 or tok.head.lemma_.lower() in SPEECH_VERBS:
        return None  # "a member of ONEP who attended the hearing said": an unnamed source, not a lede
    if any(c.dep_ == "prep" and _entities_under(c, ctx, shallow=True) for c in tok.children):
        return None  # "a member of ONEP": described by what it belongs to, not named later
    named = ctx.person_subjects.get(sentence + 1)
    return named[0] if named else None


def _group_before_owner(tok: Token, ctx: _Ctx) -> str | None:
    """'activists from the banned party who have been arrested': 'who' is people, so when the parser
    hangs the clause on the organisation it means the group named just before 'from/of' it."""
    key = ctx.index.token_entity.get(tok.i)
    if key is None or ctx.by_key[key].type in {EntityType.PERSON, EntityType.GROUP}:
        return None
    left = min(t.i for t in tok.subtree)
    doc = ctx.doc
    if left < 2 or doc[left - 1].lower_ not in {"from", "of"}:
        return None
    group = ctx.index.token_entity.get(left - 2)
    return group if group is not None and ctx.by_key[group].type is EntityType.GROUP else None


_COURT_LEVELS = {"supreme", "constitutional", "high", "appeal", "appeals", "municipal", "provincial", "district",
                 "military", "criminal", "administrative", "regional", "city", "federal", "national"}
_NATIONAL_COURTS = {"supreme", "constitutional", "high", "appeal", "appeals", "administrative", "federal", "national"}


def _court_body(tok: Token, ctx: _Ctx, *, add: bool = True) -> str | None:
    """A court the text describes without a proper name: 'the country's supreme court' → Supreme Court
    of Cambodia, 'a court in the city of Gomel' → court in Gomel, 'the Gomel municipal court'."""
    if tok.lemma_.lower() != "court" or tok.i in ctx.index.token_entity or tok.dep_ == "compound":
        return None
    lefts = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    levels = [c.lower_ for c in lefts if c.lower_ in _COURT_LEVELS]
    place: Entity | None = None
    for c in lefts:
        key = ctx.index.token_entity.get(c.i)
        if key is not None and ctx.by_key[key].type.is_place:
            place = ctx.by_key[key]
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"in", "of"}):
        for t in prep.subtree:
            key = ctx.index.token_entity.get(t.i)
            if key is not None and ctx.by_key[key].type.is_place and place is None:
                place = ctx.by_key[key]
    country = place.label if place is not None and place.type is EntityType.COUNTRY else ctx.index.main_country
    level = " ".join(w.capitalize() for w in levels)
    if set(levels) & _NATIONAL_COURTS and country:
        wanted = set(levels) - {"high"} or _NATIONAL_COURTS  # "the high court": the top court, whatever its name
        named = [e for e in ctx.index.entities if e.type is EntityType.COURT and e.mentions
                 and wanted & set(e.label.lower().split())]
        if len(named) == 1 and (place is None or place.type is EntityType.COUNTRY):
            return named[0].key  # "the country's supreme court" after "the Cambodian Supreme Court"
        label = f"{level} Court of {of_country(country)}"
    elif place is not None and place.type is not EntityType.COUNTRY:
        label = f"{place.label} {level} Court" if level else f"court in {place.label}"
    else:
        return None  # "the court": the last court named (see _definite)
    first = min([tok, *lefts], key=lambda t: t.i)
    if first.dep_ == "poss":
        first = tok if not levels else min((c for c in lefts if c.lower_ in levels), key=lambda t: t.i)
    return _described_court(label, (), country, first, tok, ctx, add=add)


def _described_court(label: str, aliases: tuple[str, ...], country: str | None, first: Token, last: Token,
                     ctx: _Ctx, *, add: bool) -> str:
    """The court the words first…last describe, one entity per label and country, with this mention."""
    key = state_body_key(label, country)
    entity = ctx.described_courts.get(key) or ctx.added.get(key) or ctx.by_key.get(key)
    if entity is None:
        entity = Entity(key, label, EntityType.COURT, aliases, (), (f"'{label}' described, not named, by the text",),
                        scope=country)
    mention = Mention(first.idx, last.idx + len(last.text), ctx.doc[first.i:last.i + 1].text, ctx.sent_of[last.i],
                      key)
    if all(m.begin != mention.begin for m in entity.mentions):
        entity = replace(entity, mentions=(*entity.mentions, mention))
    ctx.described_courts[key] = entity
    if add or key in ctx.added:  # an entity already taking part keeps every mention found later
        ctx.added[key] = entity
        ctx.by_key[key] = entity
    return key


def _judge(tok: Token, ctx: _Ctx) -> str | None:
    """'a judge summonsed X', 'a Nicaraguan court sentenced X': an unnamed judge, or a court described
    by no level or city, acts for the court the article names; with none named, a court described by
    its country is a court of its own ('a Hong Kong court')."""
    if tok.lemma_.lower() not in JUDGE_NOUNS | {"court"} or tok.dep_ == "compound":
        return None
    if any(c.dep_ in {"amod", "compound"} and c.is_lower for c in tok.lefts):
        # "a Pakistani anti-graft court": a court of its own kind, not the one the article names
        return _country_court(tok, ctx) or _court_for(tok, ctx)
    return _court_for(tok, ctx) or _country_court(tok, ctx)


def _country_court(tok: Token, ctx: _Ctx) -> str | None:
    """'A Hong Kong court', 'a Cambodian court', 'a court in Belarus': the court as the text names it, in
    that country."""
    if tok.lemma_.lower() != "court" or tok.i in ctx.index.token_entity:
        return None
    country: str | None = None
    words: list[Token] = []
    for c in sorted((c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod"}), key=lambda t: t.i):
        key = ctx.index.token_entity.get(c.i)
        known = ctx.gaz.country_of_demonym(c.text) if ctx.gaz is not None and key is None else None
        if key is not None and ctx.by_key[key].type is EntityType.COUNTRY:
            country = ctx.by_key[key].label
            span = next(m for m in ctx.by_key[key].mentions if m.begin <= c.idx < m.end)
            words = [t for t in ctx.doc[ctx.doc.char_span(span.begin, span.end, alignment_mode="expand").start:tok.i]]
        elif known is not None:
            country, words = known.name, [c]
    first, last = (words[0], tok) if words else (tok, tok)
    if country is None:  # "a court in Belarus"
        for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "in"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                key = ctx.index.token_entity.get(obj.i)
                if key is not None and ctx.by_key[key].type is EntityType.COUNTRY:
                    country, words, last = ctx.by_key[key].label, [], obj
    elif not words or words[-1].i != tok.i - 1:
        return None  # "the Cambodian military court": described elsewhere
    if country is None:
        return None
    label = ctx.doc[words[0].i:tok.i].text + " court" if words else f"court in {country}"  # "anti-graft" whole
    return _described_court(label, (f"court in {country}",) if words else (), country, first, last, ctx, add=True)


def _apposed_nouns(doc: Doc, index: EntityIndex, by_key: dict[str, Entity]) -> dict[str, str]:
    """Common nouns set beside an organisation's name ('the CNSP, the junta now running the country'):
    the article's 'the junta' (or 'Niger's military junta') is that organisation, before or after."""
    out: dict[str, str] = {}
    n = len(doc)
    for i, key in index.token_entity.items():
        if by_key[key].type not in _ORG_TYPES or index.token_entity.get(i + 1) == key:
            continue  # not the last word of a mention
        j = i + 1
        if j + 2 < n and doc[j].text == "(" and doc[j + 2].text == ")":
            j += 3  # "the National Council … (CNSP), the junta"
        if j + 2 >= n or doc[j].text != "," or doc[j + 1].lower_ not in {"the", "a", "an"}:
            continue
        k = j + 2
        while k < min(n, j + 5) and doc[k].pos_ == "ADJ":
            k += 1
        noun = doc[k] if k < n else None
        if noun is not None and noun.pos_ == "NOUN" and noun.i not in index.token_entity \
                and noun.lemma_.lower() not in DEFINITE_TYPES and noun.lemma_.lower() not in titles():
            out.setdefault(noun.lemma_.lower(), key)
    return out


_HEAD_TITLES = {"president", "king", "queen", "emir", "sultan", "monarch", "premier", "chancellor"}


def _only_the(tok: Token) -> bool:
    """'the king', 'the cabinet' with no other word ('the former president', 'the party's cabinet')."""
    return [c.lower_ for c in tok.children] == ["the"]


def _title_holder(tok: Token, ctx: _Ctx) -> str | None:
    """'the king', 'the president': the one the article gave that post in its country's government (only
    'the', no other word: 'the former president', 'the party president' are someone else), named before."""
    if not _only_the(tok):
        return None
    title = tok.lemma_.lower()
    governments = {k for k, e in ctx.by_key.items() if e.type is EntityType.GOVERNMENT
                   and (ctx.index.government is None or k == ctx.index.government)}
    holders = {m.person for m in ctx.posts if m.role.lower() == title and m.organization in governments}
    return _sole_named_before(holders, tok, ctx)


def _sole_named_before(holders: set[str], tok: Token, ctx: _Ctx) -> str | None:
    """Of the people holding a post, the only one the article named before `tok`, if only one was."""
    named = [k for k in holders if any(m.begin < tok.idx for m in ctx.by_key[k].mentions)]
    return named[0] if len(named) == 1 else None


def _bench_holder(tok: Token, ctx: _Ctx) -> str | None:
    """'the judge': the one person the article seated as a judge or magistrate, named before."""
    return _sole_named_before({m.person for m in ctx.posts
                               if m.role.lower().split()[-1] in {"judge", "magistrate", "justice"}}, tok, ctx)


def _definite(tok: Token, ctx: _Ctx) -> str | None:
    """'the party', 'the court': the last entity of that kind mentioned before; 'Mnangagwa's
    government' is the government of the country its leader governs; 'the junta' is the organisation
    the article called so."""
    apposed = ctx.apposed.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if apposed is not None and any(c.lower_ in {"the", "its", "this"} or c.dep_ == "poss" for c in tok.lefts):
        return apposed
    if tok.lemma_.lower() in _HEAD_TITLES and tok.tag_ == "NN":
        return _title_holder(tok, ctx)
    if tok.lemma_.lower() in {"judge", "magistrate"} and tok.tag_ == "NN" and [c.lower_ for c in tok.lefts] == ["the"]:
        judge = _bench_holder(tok, ctx)  # "accused the judge of listening to liars": the judge named before
        if judge is not None:
            return judge
    if tok.lemma_.lower() == "cabinet" and _only_the(tok):
        return ctx.index.government  # "the cabinet referred X to the prosecutor": the country's government
    etype = DEFINITE_TYPES.get(tok.lemma_.lower())
    if etype is EntityType.GOVERNMENT and tok.lemma_.lower() == "government":
        owner = next((ctx.index.token_entity.get(c.i) for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None and ctx.by_key[owner].type is EntityType.PERSON:
            org = ctx.affiliation.get(owner)
            if org is not None and ctx.by_key[org].type is EntityType.GOVERNMENT:
                return org
            return ctx.index.government
    if etype is None or not any(c.lower_ in {"the", "its", "this"} for c in tok.lefts):
        return None
    if etype is EntityType.PARTY:
        own = _speakers_party(tok, ctx)
        if own is not None:
            return own
    best: tuple[int, str] | None = None
    for e in ctx.index.entities:
        if e.type is not etype:
            continue
        before = [m.begin for m in e.mentions if m.begin < tok.idx]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), e.key)
    return best[1] if best else None


def _speakers_party(tok: Token, ctx: _Ctx) -> str | None:
    """'She said the party would hold a rally': the party of the person who says so, not whichever
    party was named last ('… who quit the ruling NRM in 2021'); 'they were leaving the party': the party
    of those who leave."""
    speech = _speech_head(tok)
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _QUITTING:
        speech = tok.head  # "announced they were leaving the party": the party of those who leave
    subject = _subject(speech) if speech is not None else None
    if subject is None or subject.i == tok.i:
        return None
    for key in _resolve(subject, ctx):
        entity = ctx.by_key[key]
        party = ctx.affiliation.get(key) if entity.type is EntityType.PERSON else None
        if entity.type is EntityType.GROUP:  # "11 CNL officials": the party the group is named after
            party = next((e.key for e in ctx.index.entities if e.type in _ORG_TYPES and any(
                entity.label.startswith(n + " ") for n in (e.label, *e.aliases))), None)
        if party is not None and ctx.by_key[party].type in {EntityType.PARTY, EntityType.ORGANIZATION}:
            return party  # (a party the text never calls one is typed as an organisation)
    return None


def _post_qualifiers(tok: Token, ctx: _Ctx) -> set[str]:
    """Entities that only name a post inside the phrase ('CNRP' in 'CNRP president Kem Sokha')."""
    words = titles()
    doc = ctx.doc
    out: set[str] = set()
    for t in tok.subtree:
        key = ctx.index.token_entity.get(t.i)
        if key is None or ctx.by_key[key].type is EntityType.PERSON:
            continue
        j = t.i + 1
        while j < len(doc) and ctx.index.token_entity.get(j) == key:
            j += 1
        while j < len(doc) and doc[j].lower_ in words:
            j += 1
        after = ctx.index.token_entity.get(j) if j > t.i + 1 and j < len(doc) else None
        if after is not None and ctx.by_key[after].type is EntityType.PERSON and doc[j - 1].lower_ in words:
            out.add(key)
    return out


_LOCAL_UNITS = {"provincial", "municipal", "metropolitan", "district", "city", "regional", "county", "state", "traffic",
                "military"}


def _national_police(ctx: _Ctx) -> str | None:
    """The one police force the article names by a name of its own ('the National Revolutionary Police',
    'Nepal Police'), not a local unit of it ('Kampong Cham Provincial Police'); None when it names none or
    several."""
    found = [e.key for e in ctx.index.entities if e.type is EntityType.GOVERNMENT and e.mentions
             and not e.key.startswith("state:") and e.label.lower().split()[-1] in {"police", "force", "service"}
             and " of " not in e.label.lower()  # "Superior Council of the National Police" is a council
             and "police" in e.label.lower().split() and not _LOCAL_UNITS & set(e.label.lower().split())]
    return found[0] if len(found) == 1 else None


def _state_body(tok: Token, ctx: _Ctx, *, within: bool = False) -> str | None:
    """'Ugandan police', 'security forces', 'the authorities' acting in an event: a government body,
    named by its phrase and, when the text gives none, by the article's main country. `within`: the
    word may qualify another ('police' in 'police officers')."""
    lemma = tok.lemma_.lower()
    if lemma not in STATE_NOUNS and lemma.endswith("s") and lemma[:-1] in STATE_NOUNS:
        lemma = lemma[:-1]  # "Prosecutors charged …": capitalised, the parser keeps the plural as its lemma
    if lemma not in STATE_NOUNS or tok.dep_ == "compound" and not within:
        return None
    mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod"} and (
        c.i not in ctx.index.token_entity  # "Bangladesh police": a country's name says whose, as "Ugandan" does
        or ctx.by_key[ctx.index.token_entity[c.i]].type is EntityType.COUNTRY and c.i == tok.i - 1)]
    words = [c.lower_ for c in mods]
    if STATE_NOUNS[lemma] and not set(words) & STATE_NOUNS[lemma]:
        return None  # "forces" or "troops" need a word that makes them the state's
    country = None
    if ctx.gaz is not None:
        for c in mods:
            known = ctx.gaz.country(c.text)
            if known:
                country = known.name
    core = " ".join(c.text.lower() for c in mods if not (ctx.gaz and ctx.gaz.country(c.text)))
    label = f"{core} {_PLURALS.get(lemma, tok.lower_)}".strip()
    scope = country or ctx.index.main_country
    if country:  # the text named the country ("Ugandan police"): keep its word in the label
        label = " ".join(c.text for c in mods if ctx.gaz and ctx.gaz.country(c.text)) + " " + label
    government = ctx.index.government
    if lemma == "authority" and not core and government and scope == ctx.index.main_country:
        # "(Cambodian) authorities" unqualified: the state itself, i.e. its government
        first = min([tok, *mods], key=lambda t: t.i)
        text = ctx.doc[first.i:tok.i + 1].text
        entity = ctx.added.get(government) or ctx.by_key[government]
        if all(m.begin != first.idx for m in entity.mentions):
            mention = Mention(first.idx, tok.idx + len(tok.text), text, ctx.sent_of[tok.i], government)
            entity = replace(entity, mentions=(*entity.mentions, mention),
                             aliases=tuple(dict.fromkeys((*entity.aliases, text))))
            ctx.added[government] = ctx.by_key[government] = entity
        return government
    if lemma == "police" and not core and scope == ctx.index.main_country:
        named = _national_police(ctx)
        if named is not None:
            return named  # "Cuban police detained 43" where the article names the National Revolutionary Police
    key = state_body_key(f"{core} {_PLURALS.get(lemma, tok.lower_)}".strip(), scope)
    entity = ctx.added.get(key) or ctx.by_key.get(key)
    first = min([tok, *mods], key=lambda t: t.i)
    mention = Mention(first.idx, tok.idx + len(tok.text), ctx.doc[first.i:tok.i + 1].text,
                      ctx.sent_of[tok.i])
    if entity is None:
        alias = None if country else state_body_alias(label, scope, ctx.gaz)
        entity = Entity(key, label, EntityType.GOVERNMENT, (alias,) if alias else (), (),
                        (f"'{mention.text}' acting for the state",), scope=scope)
    elif len(label) > len(entity.label):  # "Cambodian authorities" names "the authorities" better
        entity = replace(entity, label=label, aliases=tuple(dict.fromkeys((*entity.aliases, entity.label))))
    entity = replace(entity, mentions=(*entity.mentions, replace(mention, entity=entity.key)),
                     aliases=tuple(dict.fromkeys((*entity.aliases, mention.text))) if mention.text != label
                     else entity.aliases)
    ctx.added[entity.key] = entity
    ctx.by_key[entity.key] = entity
    return entity.key


def _named_list(tok: Token, ctx: _Ctx) -> list[str]:
    """'CNRP lawmakers Kong Saphea and Nhay Chamroeun': the people a plural title introduces."""
    if tok.tag_ not in {"NNS", "NNPS"}:
        return []
    out: list[str] = []
    i = tok.i + 1
    doc = ctx.doc
    while i < len(doc):
        key = ctx.index.token_entity.get(i)
        if key is not None and ctx.by_key[key].type is EntityType.PERSON:
            out.append(key)
            while i < len(doc) and ctx.index.token_entity.get(i) == key:
                i += 1
            continue
        if out and doc[i].lower_ in {",", "and"}:
            i += 1
            continue
        break
    return _dedupe(out)


def _definite_group(tok: Token, ctx: _Ctx) -> str | None:
    """'the activists' after 'CNRP activists': the group named before with that noun."""
    nouns = group_nouns()
    if tok.tag_ not in {"NNS", "NNPS"} or tok.lower_ not in nouns or \
            not any(c.lower_ in {"the", "these", "those"} for c in tok.lefts):
        return None
    head = nouns[tok.lower_]
    # a group of the article's entities, or one an earlier event named ("190 dissidents detained … the
    # imprisoned dissidents")
    groups = [*(e for e in ctx.index.entities if _headed_group(e, head)),
              *(e for e in ctx.added.values() if e.type is EntityType.GROUP and e.key.startswith("group:")
                and _group_head(e) == head)]
    named = [(max(before), e.key) for e in groups if (before := [m.begin for m in e.mentions if m.begin < tok.idx])]
    return max(named)[1] if named else None


def _group_head(entity: Entity) -> str | None:
    """The canonical group noun a group's name ends in ('NPP supporters' → 'activists'), if any."""
    return group_nouns().get(entity.label.lower().rsplit(" ", 1)[-1])


def _headed_group(entity: Entity, head: str) -> bool:
    """A group entity whose name ends in the group noun `head` ('CNRP activists' for 'activists')."""
    return entity.type is EntityType.GROUP and entity.label.lower().endswith(" " + head)


_QUANTITY_WORDS = {"more", "other", "several", "many", "some", "few", "numerous", "additional", "further",
                   "various", "dozens", "hundreds", "thousands"}
_GENERIC_GROUP_WORDS = {"party", "opposition", "political", "the", "these", "those", "its", "their", "of"}


def _the_one_group(tok: Token, ctx: _Ctx) -> str | None:
    """'three more opposition party activists', in an article whose only activists are 'CNRP
    activists': that group, when nothing but how many and generic words qualify the noun."""
    words = [t for c in tok.lefts for t in c.subtree]
    if any(not (t.like_num or t.is_punct or t.lower_ in _QUANTITY_WORDS or t.lower_ in _GENERIC_GROUP_WORDS)
           for t in words):
        return None
    head = group_nouns()[tok.lower_]
    named = [e.key for e in ctx.index.entities if _headed_group(e, head)]
    return named[0] if len(named) == 1 else None


def _bare_group(tok: Token, ctx: _Ctx) -> str | None:
    """'police opened fire on demonstrators': an unnamed collective taking part in an event."""
    nouns = group_nouns()
    if tok.tag_ not in {"NNS", "NNPS"} or tok.dep_ == "compound" or \
            tok.lower_ not in nouns and not (tok.lower_ in _COUNTABLE_PEOPLE and _counted(tok)):
        return None
    named = tok.lower_ in nouns and (_definite_group(tok, ctx) or _the_one_group(tok, ctx))
    if named:
        return named
    # "three more party activists" is "party activists": how many is no part of the name
    # "Belarusian exiles": a nationality is part of the name, written as it is
    mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound"} and (c.is_lower or c.is_title and (
        ctx.gaz is not None and ctx.gaz.country_of_demonym(c.text) is not None))
            and c.tag_ not in {"JJR", "JJS"} and c.lower_ not in _QUANTITY_WORDS]
    label = " ".join([*(c.text if c.is_title else c.lower_ for c in mods), tok.lower_])
    return _event_group(label, min([tok, *mods], key=lambda t: t.i), tok, ctx)


_COUNTABLE_PEOPLE = {"people", "persons", "civilians"}


def _counted(tok: Token) -> bool:
    """'400 people', 'hundreds of people': people counted are a crowd taking part, where 'people' alone
    ('people say') names no one."""
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in QUANTITY_HEADS


_CROWD_PROTESTS = {"140", "141", "144", "145"}  # a crowd's (not a strike's or a boycott's: those are called)
# what protests do when they begin or spread, told with the protest as the subject ("Protests erupted")
_ONSET_VERBS = {"erupt", "break", "spread", "continue", "begin", "start", "resume", "flare", "grip", "sweep", "rock"}


def _crowd_of_protesters(tok: Token, code: str, participants: list[Participant], is_noun: bool,
                         ctx: _Ctx) -> list[Participant]:
    """'Several thousand people marched through Kadikoy', 'Protests erupted in Nukus': a protest whose
    only doers are a crowd counted, or nobody named, is done by protesters (the analysts' name for them);
    a protest noun counts only as the subject of its onset ('Protests erupted'), not in passing ('amid
    protests')."""
    if code[:3] not in _CROWD_PROTESTS or tok.dep_ in {"relcl", "acl"} \
            or any(p.role is Role.AGENT and not _countable(p.entity) for p in participants):
        return participants  # not "demonstrators who took to the streets" (a description of them)
    if is_noun and not (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _ONSET_VERBS):
        return participants
    crowd = next((c for c in tok.children if c.dep_ == "nsubj"), None) if not is_noun else None
    first = last = crowd if crowd is not None and crowd.lower_ in _COUNTABLE_PEOPLE else tok
    key = _event_group("protesters", first, last, ctx)
    rest = [p for p in participants if not (p.role is Role.AGENT and _countable(p.entity))]
    return [Participant(key, Role.AGENT), *rest]


def _countable(key: str) -> bool:
    """A group that is only people counted ('400 people', 'hundreds of civilians')."""
    return key.startswith("group:") and key.rsplit(" ", 1)[-1].removeprefix("group:") in _COUNTABLE_PEOPLE


def _event_group(label: str, first: Token, last: Token, ctx: _Ctx) -> str:
    """The group an event names with the words first…last, one entity per label, with this mention."""
    key = f"group:{label.lower()}"
    mention = Mention(first.idx, last.idx + len(last.text), ctx.doc[first.i:last.i + 1].text,
                      ctx.sent_of[last.i], key)
    entity = ctx.added.get(key) or Entity(key, label, EntityType.GROUP, (), (),
                                          (f"'{label}' taking part in an event",), scope=ctx.index.main_country)
    ctx.added[key] = ctx.by_key[key] = replace(entity, mentions=(*entity.mentions, mention))
    return key


def _demonym_group(tok: Token, ctx: _Ctx) -> str | None:
    """'thousands of Georgians': a crowd named by its nationality is a group, not the country."""
    if tok.tag_ not in {"NNS", "NNPS"} or not tok.text.endswith("s") or ctx.gaz is None \
            or ctx.gaz.country_of_demonym(tok.text[:-1]) is None:
        return None
    return _event_group(tok.text, tok, tok, ctx)


def _apposed(tok: Token, ctx: _Ctx) -> list[str]:
    """'the arrest of opposition candidate, Robert Kyagulanyi': the name right after a comma."""
    end = max(t.i for t in tok.subtree) + 1
    doc = ctx.doc
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON":
        key = ctx.index.token_entity.get(end + 1)
        return [key] if key else []
    return []


def _entities_under(tok: Token, ctx: _Ctx, *, shallow: bool = False, skip_first_subject: bool = False,
                    skip: frozenset[str] = frozenset()) -> list[str]:
    """Entities in a phrase, not descending into clauses that have their own verb (when shallow)."""
    out: list[str] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        key = ctx.index.token_entity.get(t.i)
        if key is not None:
            if not (skip_first_subject and t.dep_ == "nsubj"):
                out.append(key)
        elif t.lower_ in PRONOUNS_PERSON | PRONOUNS_PLURAL and t.pos_ == "PRON" and t is not tok:
            out += _resolve(t, ctx)
        elif (group := _definite_group(t, ctx)) is not None:
            out.append(group)
        for c in t.children:
            if shallow and c.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "punct"} or c.dep_ in skip:
                continue
            if c.dep_ == "poss" and t.lemma_.lower() in RELATIONAL_NOUNS:
                continue  # "Ali Bongo's cousin" is not Ali Bongo
            if c.dep_ == "appos" and key is not None and c.i not in ctx.index.token_entity \
                    and ctx.by_key[key].type is EntityType.PERSON:
                # "X, the founder of Georgia's ruling party": the description's party and country
                # qualify X; only people in it take part (a conjunct the parser hung there)
                out += [k for k in _entities_under(c, ctx, shallow=shallow, skip=skip)
                        if ctx.by_key[k].type is EntityType.PERSON]
                continue
            if c.dep_ == "prep" and c.lower_ in {"on", "for", "to"} and "head" in titles().get(
                    t.lower_, titles().get(t.lemma_.lower(), ())):
                # "the UN special rapporteur on Myanmar": the country is the post's brief, not a party to
                # it; "the envoys to the United States": the country they are posted to
                out += [k for k in _entities_under(c, ctx, shallow=shallow, skip=skip)
                        if not ctx.by_key[k].type.is_place]
                continue
            stack.append(c)
    return _dedupe(out)


def _latest(mentions: list[tuple[int, str]], offset: int, exclude: str | None = None, gender: str | None = None,
            genders: dict[str, str] | None = None) -> str | None:
    """The entity mentioned last before an offset (skipping one whose known gender the pronoun rules out)."""
    best = None
    for begin, key in mentions:
        if begin >= offset:
            break
        if key != exclude and not (gender and genders and genders.get(key, gender) != gender):
            best = key
    return best


_PEOPLE_NOUNS = {"people", "persons", "monitors", "observers", "aides", "guards", "civilians", "men", "women",
                 "children", "staff", "employees", "lawyers", "politicians", "candidates", "suspects"}


def _unnamed_plural_between(ctx: _Ctx, key: str, pronoun: Token) -> bool:
    """'Police arrested 41 election monitors on Thursday, accusing them of…': a plural noun for people
    that no entity stands for, as subject or object after the group's last mention, is what
    'they'/'them' means; the pronoun then names no one rather than the group named earlier."""
    last = max((b for b, k in ctx.group_mentions if k == key and b < pronoun.idx), default=None)
    if last is None:
        return False
    doc = ctx.doc
    for i in range(pronoun.i - 1, -1, -1):
        tok = doc[i]
        if tok.idx <= last:
            return False
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in SPEECH_VERBS:
            continue  # "told reporters that they…": the ones told are not who 'they' are
        if any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in tok.children):
            continue  # "the activists": a group named before, told again
        if tok.tag_ == "NNS" and tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and i not in ctx.index.token_entity \
                and (tok.lower_ in group_nouns() or tok.lower_ in _PEOPLE_NOUNS) \
                and not any(c.i in ctx.index.token_entity for c in tok.children
                            if c.dep_ in {"compound", "amod", "appos"}):  # "the three activists — A, B and C"
            return True
    return False


def _speaker_of_clause(pronoun: Token, ctx: _Ctx) -> str | None:
    """The person who says the clause a subject pronoun opens ('X said he would …', 'X told reporters she
    had …'): a speaker talks of themselves in the third person only as 'he' or 'she'."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.head.dep_ != "ccomp":
        return None
    verb = pronoun.head.head
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = _subject(verb)
    key = ctx.index.token_entity.get(subject.i) if subject is not None else None
    return key if key is not None and ctx.by_key[key].type is EntityType.PERSON else None


def _salient(key: str, pronoun: Token, ctx: _Ctx, *, exclude: str | None, gender: str | None) -> str:
    """A person pronoun with no person named before it in its own sentence refers to the subject of
    the last sentence that names one, rather than to the person named last in it: "Miguna had been
    deported after he took part in a swearing-in of Raila Odinga. The court ordered his release"
    (his: Miguna). `key` is the person named last."""
    sentence = ctx.sent_of[pronoun.i]
    last = max((b for b, k in ctx.person_mentions if k == key and b < pronoun.idx), default=None)
    if last is None:
        return key
    last_sentence = ctx.sent_of[ctx.doc.char_span(last, last + 1, alignment_mode="expand").start]
    if last_sentence == sentence:
        return key
    for subject in ctx.person_subjects.get(last_sentence, ()):
        if subject != exclude and ctx.gender.get(subject, gender) == gender:
            return subject
    return key


def _dedupe(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(keys))


# factuality, dates, labels ----------------------------------------------------------------------
def _is_future(tok: Token) -> bool:
    return any(c.lower_ in MODALS_FUTURE | {"would"} and c.dep_ == "aux" for c in tok.children) or \
        tok.head.lemma_.lower() in PLAN_WORDS


def _speech_head(tok: Token) -> Token | None:
    """The reporting verb whose complement contains the trigger ('X said that ... arrested', 'X
    denied that it had ordered the arrests')."""
    cur = tok
    if tok.pos_ in {"NOUN", "PROPN"}:  # a noun trigger: start from the verb it belongs to
        for _ in range(2):
            if cur.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep"} and cur.head.i != cur.i:
                cur = cur.head
        if cur.pos_ not in {"VERB", "AUX"}:
            cur = tok
    for _ in range(6):
        if cur.dep_ in {"ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis"} and cur.head.i != cur.i:
            head = cur.head
            if _copula_in_speech(head, cur):
                return None  # the speaker's own act, conjoined to the telling, not what was told
            if head.lemma_.lower() in SPEECH_VERBS and cur.dep_ in {"ccomp", "parataxis", "xcomp"}:
                return head
            cur = head
            continue
        break
    return None


# leaving and going told in the present progressive are what is about to happen
_PROGRESSIVE_FUTURE = {"resign", "step", "leave", "travel", "visit", "return", "fly", "go", "head"}


def _planned_above(tok: Token) -> bool:
    """'is due to have his appeal heard', 'is expected to file an appeal': the event sits, through its
    verb, in the infinitive of a word of planning or expectation."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in PLAN_WORDS | {"due"}:
            return True
        if cur.dep_ not in {"xcomp", "ccomp", "dobj", "nsubj", "nsubjpass"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _factuality(tok: Token, ctx: _Ctx) -> tuple[Factuality, str | None]:
    ruling = _ruling(tok)
    if ruling is not None:  # "the court ruled that the party must be dissolved": decided, as the ruling is
        return _factuality(ruling, ctx)
    if _wished(tok):
        return Factuality.PLANNED, None  # "wants the results investigated": not done yet
    children = list(tok.children)
    cur = tok
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB":
        cur = tok.head  # "would not allow him to hold rallies": the noun's verb carries the modality
        children += [c for c in cur.children if c.dep_ in {"neg", "aux"}]
    for _ in range(3):  # "would not be arrested or prosecuted", "must appear when summoned", "not allow X to"
        permitted = cur.dep_ == "ccomp" and cur.head.lemma_.lower() in {"allow", "let", "permit"}
        if (cur.dep_ not in {"conj", "advcl", "xcomp"} and not permitted) or cur.head.i == cur.i:
            break
        if cur.dep_ in {"conj", "advcl"} and (cur.tag_ in {"VBD", "VBZ", "VBP"} or cur.dep_ == "conj" and all(
                any(c.dep_ == dep for c in cur.children) for dep in ("nsubj", "aux"))):
            # "did not attend and rejected the vote": a verb with its own tense has its own polarity, and so
            # has a clause ("would withdraw the bill, a day after police shot dead 22 people", "would not
            # recognise him, and that it would stage a rally")
            break
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in NOT_DONE:
            return Factuality.NEGATED, None  # "refused to release him": the release did not happen
        cur = cur.head
        children += [c for c in cur.children if c.dep_ in {"neg", "aux"}]
    if any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't", "rarely", "seldom"} for c in children) or (
            tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)):
        return Factuality.NEGATED, None  # "made no arrests"
    if tok.pos_ == "NOUN" and any(c.lower_ in PLAN_WORDS for c in children):
        return Factuality.PLANNED, None
    if tok.head.lemma_.lower() in PLAN_WORDS and tok.dep_ in {"xcomp", "ccomp"} or _planned_above(tok):
        return Factuality.PLANNED, None
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and tok.head.lemma_.lower() not in _DECIDING_VERBS:
        return Factuality.PLANNED, None  # "landed in Jakarta to meet lawmakers": a purpose, not yet done
    if any(t.dep_ == "pcomp" and t.head.lower_ == "from" and t.head.head.lemma_.lower() in PREVENT_WORDS
           for t in {tok, cur}):
        return Factuality.NEGATED, None  # "prevented from visiting", "barred from addressing rallies": not done
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and (tok.head.lower_ in {"until", "till", "pending"} or (
            tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead")):
        return Factuality.PLANNED, None  # "remanded until his trial", "ahead of the vote": still to come
    if _conditional(tok):
        return Factuality.HYPOTHETICAL, None  # "If the court jails him, ..."
    if tok.tag_ == "VBG" and tok.lemma_.lower() in _PROGRESSIVE_FUTURE and any(
            c.dep_ == "aux" and c.lower_ in {"is", "are", "am", "'s", "'re"} for c in tok.children):
        return Factuality.PLANNED, None  # "who is stepping down after two terms", "is travelling to Paris"
    speech = _speech_head(tok)
    reporter: str | None = None
    if speech is not None:
        subject = _subject(speech)
        keys = _resolve(subject, ctx) if subject is not None else []
        reporter = keys[0] if keys else None
        if speech.lemma_.lower() in DENIAL_VERBS:
            return Factuality.NEGATED, reporter  # "X denied that it had arrested Y"
    quoted, speaker = ctx.speaker_at(tok.idx)
    if quoted and speaker:
        reporter = speaker
    # "X said that the army would arrest Y": X's claim about what may happen, attributed to X
    if any(c.dep_ == "aux" and c.lower_ in MODALS_HYPOTHETICAL for c in children):
        return Factuality.HYPOTHETICAL, reporter
    if any(c.dep_ == "aux" and c.lower_ in MODALS_FUTURE for c in children):
        return Factuality.PLANNED, reporter
    if quoted or speech is not None:
        return Factuality.REPORTED, reporter
    return Factuality.ASSERTED, None


def _misparsed_verb(tok: Token) -> tuple[Token, Token] | None:
    """'A Belarusian court on Tuesday sentenced journalist X': the small parser can take the verb for a
    participle describing 'journalist'. A participle describes a noun after a determiner, an adjective
    or nothing ('the banned party', 'jailed activists'); right after a noun phrase of its own that it
    does not belong to, it is the verb of that phrase. Returns (subject, object) then."""
    doc = tok.doc
    if tok.tag_ not in {"VBN", "VBD"} or tok.i == 0 or tok.head.i <= tok.i:
        return None
    prev = doc[tok.i - 1]
    if prev.pos_ not in {"NOUN", "PROPN"} or prev.head.i == tok.head.i or prev.dep_ == "compound":
        return None
    top = prev
    while top.head.i < tok.i and top.head.i != top.i:
        top = top.head
    if top.pos_ not in {"NOUN", "PROPN"} or top.dep_ not in {"ROOT", "nsubj", "ccomp", "dep", "npadvmod"}:
        return None
    obj = tok.head
    while obj.dep_ == "compound" and obj.head.i != obj.i:
        obj = obj.head
    return top, obj


_FORCE_WORDS = {"police", "army", "military", "forces", "troops", "soldiers", "gendarmerie", "gendarmes"}


# groups of people who do not arrest or disperse anyone (canonical group heads, see data/lexicon/groups.tsv)
_CIVILIANS = {"activists", "protesters", "students", "workers", "villagers", "farmers", "journalists", "voters",
              "residents", "refugees", "migrants", "prisoners", "defendants", "critics", "opponents", "monks"}


def _no_civilian_captors(tok: Token, participants: list[Participant], ctx: _Ctx) -> list[Participant]:
    """'Police fired tear gas to disperse supporters who had gathered … and arrested six people': the parse
    gives the arrest to the supporters; civilians arrest no one, so the force the sentence names as a
    subject does, or nobody the text names."""
    civil = [p for p in participants if p.role is Role.AGENT and ctx.by_key[p.entity].type is EntityType.GROUP
             and _group_head(ctx.by_key[p.entity]) in _CIVILIANS]
    if not civil:
        return participants
    kept = [p for p in participants if p not in civil]
    force = _force_in_sentence(tok, ctx, anywhere=True, besides={p.entity for p in kept})
    return [Participant(force, Role.AGENT), *kept] if force is not None else kept


def _force_in_sentence(tok: Token, ctx: _Ctx, *, anywhere: bool = False, besides: Collection[str] = ()
                       ) -> str | None:
    """'Police fired tear gas to disperse the crowd and arrested 20 people', 'Riot police used pepper
    spray …, and 43 people were detained': the force that is the subject of a verb before the arrest,
    in its sentence, made it (the parse often hangs the arrest on a clause whose subject it does not
    give). With `anywhere`, the subject of any clause before it, even one describing a noun; a force in
    `besides` is passed over."""
    above: list[Token] = []  # the verbs whose clause holds the arrest, up to a clause that describes a noun
    for t in () if anywhere else (tok, *tok.ancestors):
        above.append(t)
        if t.dep_ in {"relcl", "acl"}:
            break
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.dep_ != "nsubj" or not anywhere and (t.head.pos_ not in {"VERB", "AUX"} or t.head not in above):
            continue
        for key in _resolve(t, ctx):
            entity = ctx.by_key[key]
            if entity.type is EntityType.GOVERNMENT and set(entity.label.lower().split()) & _FORCE_WORDS \
                    and key not in besides:
                return key
    return None


def _unnamed_doer(tok: Token, ctx: _Ctx, reading: Trigger) -> bool:
    """'the suspects had blocked a road': the text says who acted, though not by name, so the state is no
    implied doer (it stays one for 'they were arrested', 'authorities detained …', 'officials banned …',
    and when the subject is the one held: 'X spent the night in prison')."""
    if tok.pos_ not in {"VERB", "AUX"} or reading.object_role == "held":
        return False
    named = ctx.index.token_entity

    def unnamed(noun: Token) -> bool:
        return noun.pos_ in {"NOUN", "PROPN"} and noun.i not in named and noun.lemma_.lower() not in _STATE_DOERS

    for child in tok.children:
        if child.dep_ == "nsubj":
            return unnamed(child)
        if child.dep_ == "agent":  # "blocked by the suspects"
            return any(g.dep_ == "pobj" and unnamed(g) for g in child.children)
    return False


def _ruling(tok: Token) -> Token | None:
    """The verb of a ruling or order whose complement says what must happen: 'the court ruled that the
    party must be dissolved', 'ordered that X be released' (a deontic modal, or a subjunctive 'be')."""
    if _ordered_done(tok):  # "a judge ordered X held in pretrial detention"
        return tok.head.head if tok.dep_ == "acl" else tok.head
    if tok.dep_ != "ccomp" or tok.head.i == tok.i or tok.head.lemma_.lower() not in RULING_VERBS:
        return None
    aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in _DEONTIC for c in aux) or \
            (any(c.lower_ == "be" for c in aux) and not any(c.tag_ == "MD" for c in aux)):
        return tok.head
    return None


def _rulers(verb: Token, ctx: _Ctx) -> list[str]:
    """Who made a ruling: its verb's subject ('the court ruled', 'a judge ordered'), or, for 'a ruling
    which stipulates', whoever issued the ruling."""
    subject = _subject(verb)
    if subject is None:
        return []
    if subject.lower_ in {"which", "that"} and verb.dep_ == "relcl" and \
            verb.head.lemma_.lower() in _DECISION_NOUNS and verb.head.dep_ == "dobj":
        subject = _subject(verb.head.head)  # "the court issued a ruling which stipulates ..."
        if subject is None:
            return []
    return [k for k in _resolve(subject, ctx) if _can_act(k, ctx)]


def _ordered_done(tok: Token) -> bool:
    """'ordered X held in detention', 'ordered him released': a participle clause under an order, whose
    subject is the one it is done to (the parser tags the participle as a past tense, or hangs it on the
    order as its complement, or on the order's object as its modifier)."""
    if tok.tag_ not in {"VBN", "VBD"} or any(c.dep_ in {"aux", "auxpass", "mark", "dobj"} for c in tok.children):
        return False
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "ordered the party's founder held": on the object
        return tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in _ORDERING
    order = tok.head
    if order.i == tok.i or order.lemma_.lower() not in _ORDERING:
        return False
    if tok.dep_ == "xcomp":  # "ordered him held for six months": the order's object is the one held
        return any(c.dep_ == "dobj" for c in order.children)
    return tok.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in tok.children)


_ORDERING = {"order", "direct"}
_QUITTING = {"quit", "leave"}  # people leave a party or a post; a state leaving a bloc does not resign
_UNDOING = {"lift", "end", "rescind"}  # a state brought to an end ("lifted his house arrest")


def _wished(tok: Token) -> bool:
    """'wants the results investigated', 'wanted him arrested': a participle telling what someone wishes
    done, as the object's modifier or as a clause of its own."""
    if tok.tag_ not in {"VBN", "VBD"} or any(c.dep_ in {"aux", "auxpass", "mark"} for c in tok.children):
        return False
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj":
        return tok.tag_ == "VBN" and tok.head.head.lemma_.lower() in _WISH_VERBS
    # the clause's participle may be tagged as a past tense ("wanted Sam Rainsy arrested")
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _WISH_VERBS


def _conditional(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in _IF for c in cur.children):
            return True
        if cur.dep_ not in {"conj", "xcomp"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _described_person(tok: Token, ctx: _Ctx) -> str | None:
    """'Chisomo Banda, publicity secretary of the MDA, who was arrested': the clause hangs on the last
    noun, but 'who' is the person the appositive describes."""
    cur, appositive = tok, False
    for _ in range(6):
        if cur.dep_ not in {"pobj", "prep", "appos", "conj", "compound"} or cur.head.i == cur.i:
            return None
        appositive = appositive or cur.dep_ == "appos"
        cur = cur.head
        key = ctx.index.token_entity.get(cur.i)
        if key is not None and ctx.by_key[key].type is EntityType.PERSON:
            return key if appositive else None
    return None


def _restates_clause(tok: Token, ctx: _Ctx) -> bool:
    """'..., which effectively released him': the relative clause re-describes the event before it."""
    if tok.dep_ != "relcl":
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "which":
        return False
    key = ctx.index.token_entity.get(tok.head.i)
    return key is None or ctx.by_key[key].type is EntityType.PERSON


def _refusal(tok: Token) -> bool:
    """An actor's own negated intention ('would never ask', 'will not release') is a refusal."""
    active = any(c.dep_ == "nsubj" for c in tok.children)
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS_FUTURE | {"would"} for c in tok.children)
    return active and modal


def _date(tok: Token, ctx: _Ctx) -> EventDate | None:
    own = ctx.date_of.get(tok.i)
    if own is not None:
        return own
    if _pluperfect(tok):
        return None
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        return None  # "ruled on Wednesday that the arrest of X was illegal": judged then, done before
    if tok.dep_ == "pobj" and tok.head.lower_ in {"since", "after", "before", "until"}:
        return None  # "met her … since her arrest": the arrest was at another time than the meeting
    cur = tok
    for _ in range(6):  # a date on a governing verb ("asked on Thursday ... to release")
        if cur.head.i == cur.i:
            break
        if _temporal_clause(cur):
            return _offset_from_head(cur, ctx)  # "two years after he was arrested"
        if cur.dep_ == "relcl" and cur.tag_ == "VBN" and any(
                c.dep_ == "nsubjpass" and c.lower_ in {"who", "whom"} for c in cur.children):
            return None  # "bailed on Tuesday X, who was arrested over a post": not the day of the bail
        cur = cur.head
        if cur.i in ctx.date_of:
            return ctx.date_of[cur.i]
    ancestors = {t.i for t in tok.ancestors} | {tok.i}
    sentence = ctx.sent_of[tok.i]
    published = dates.publication_date(ctx.article.published)
    stale = False  # the sentence dates something else to an earlier year than the report's
    for e in ctx.date_ents:
        if ctx.sent_of[e.start] != sentence:
            continue
        if e.start in ctx.bounds:  # "dissolved ahead of 2018 elections" in a 2020 report: before then, not now
            bound = ctx.bounds[e.start]
            stale = stale or (bound is not None and published is not None and bound.value[:4] < published.value[:4])
            continue
        gov = _governor(e)
        if gov is not None and _at_occasion(gov, tok) and gov.i in ctx.date_of:
            return ctx.date_of[gov.i]  # "detained 100 people at a march on Saturday": the march's date
        if gov is not None and (gov.i in ancestors or tok.i in {t.i for t in gov.ancestors}):
            return None  # the clause is dated, but not this event: do not guess
        other = ctx.date_of.get(gov.i) if gov is not None else None
        if other is not None and published is not None and other.value[:4] < published.value[:4] and \
                not any(t.dep_ in {"relcl", "acl", "appos"} for t in (gov, *gov.ancestors)):
            stale = True  # (a clause describing someone, "Rainsy, who has lived abroad since 2015", does not count)
    if stale:
        return None  # "… in the 2020 election, but was detained before the vote": not the report's month
    if published is not None and _told_after_an_earlier_year(tok, ctx, published):
        return None
    return published


def _told_after_an_earlier_year(tok: Token, ctx: _Ctx, published: EventDate) -> bool:
    """'… after France recognised Moroccan sovereignty in July last year. Algeria recalled its ambassador
    in response.': an undated event in the simple past, told right after a sentence of the same paragraph
    dated to an earlier year, belongs to that background, not to the report's month (left undated)."""
    if tok.tag_ != "VBD" or any(t.dep_ == "aux" for t in tok.children):
        return False
    sentence = ctx.sent_of[tok.i]
    start = tok.i
    while start > 0 and ctx.sent_of[start - 1] == sentence:
        start -= 1
    if start == 0 or "\n" in ctx.doc[start - 1].whitespace_ or "\n" in ctx.doc[start - 1].text:
        return False  # the first sentence, or the first of its paragraph
    for e in ctx.date_ents:
        if ctx.sent_of[e.start] != sentence - 1 or e.start in ctx.bounds or (
                e.start > 0 and ctx.doc[e.start - 1].lower_ in {"since", "until", "till", "from"}):
            continue  # "the charge that since 1993 X plotted …": a span's start, not the story's time
        gov = _governor(e)
        when = ctx.date_of.get(gov.i) if gov is not None else None
        when = when or dates.resolve(e.text, ctx.article.published)
        if when is not None and when.value[:4] < published.value[:4]:
            return True
    return False


def _at_occasion(noun: Token, verb: Token) -> bool:
    """The noun names an occasion the verb's event took place at ('arrested at a rally', 'detained
    during the protest'), so the two share a date."""
    prep = noun.head
    return (noun.pos_ == "NOUN" and noun.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.lower_ in {"at", "during"} and prep.head.i == verb.i)


_UNIT_WORDS = {"year": "year", "years": "year", "month": "month", "months": "month", "day": "day", "days": "day",
               "week": "week", "weeks": "week"}


def _offset_from_head(clause: Token, ctx: _Ctx) -> EventDate | None:
    """'released him … more than two years after he was arrested': the clause's event lies that
    far before (or after) its head's date; only the year or month is claimed."""
    head = clause.head
    base = ctx.date_of.get(head.i)
    for anc in head.ancestors:  # "which released him … after": the date of the clause it hangs on
        if base is not None:
            break
        base = ctx.date_of.get(anc.i)
    if base is None:
        return None
    mark = next(c.lower_ for c in clause.children if c.dep_ == "mark")
    amount = None
    for t in head.subtree:
        if t.lower_ in _UNIT_WORDS and t.i < clause.i:
            nums = [c for c in t.children if c.like_num or c.dep_ == "nummod"]
            if nums:
                text = nums[0].lower_
                amount = (int(text) if text.isdigit() else dates.number_word(text), _UNIT_WORDS[t.lower_])
            elif any(c.lower_ in {"a", "an"} for c in t.children):
                amount = (1, _UNIT_WORDS[t.lower_])  # "a day after", "a week before"
        if t.lower_ in {"hour", "hours", "minutes"} and t.i < clause.i:
            amount = (0, "day")  # "dissolved the party on Monday, hours after its leader was charged": that day
    if amount is None or amount[0] is None:
        return None
    n, unit = amount
    sign = -1 if mark == "after" else 1
    if unit in {"day", "week"}:  # "charged on Thursday, a day after police arrested him": the day before
        if base.precision is not Precision.DAY:
            return None
        day = _dt.date.fromisoformat(base.value) + _dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        return EventDate(day.isoformat(), Precision.DAY, Resolution.RELATIVE, "")
    year, month = int(base.value[:4]), int(base.value[5:7]) if len(base.value) >= 7 else 1
    if unit == "year":
        return EventDate(f"{year + sign * n:04d}", Precision.YEAR, Resolution.RELATIVE, "")
    y, m = divmod(year * 12 + month - 1 + sign * n, 12)
    return EventDate(f"{y:04d}-{m + 1:02d}", Precision.MONTH, Resolution.RELATIVE, "")


def _temporal_clause(tok: Token) -> bool:
    """'after he was arrested': the clause's time differs from its head's."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "before", "since", "until"}
                                       for c in tok.children)


def _pluperfect(tok: Token) -> bool:
    aux = [c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    return "had" in aux


def _label(tok: Token, participants: list[Participant], ctx: _Ctx, word: str = "") -> str:
    name = {p.role: ctx.by_key[p.entity].label for p in reversed(participants)}
    parts = [name.get(Role.AGENT, ""), word or tok.lemma_.lower(),
             name.get(Role.PATIENT) or name.get(Role.RECIPIENT, "")]
    return " ".join(p for p in parts if p)
