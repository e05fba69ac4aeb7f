"""Posts and memberships: "Prime Minister Hun Sen", "CNRP president Kem Sokha",
"X, the spokesman of Y", "Y's vice president X".

A post with no organisation named belongs to the government of the country the text names
("Cambodian PM") or, failing that, of the article's main country, when it is a government post.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from .entities import EntityIndex
from .gazetteer import Gazetteer
from .lexicon import titles
from .model import Article, Entity, EntityType, Membership, Mention

_EXPAND = {"pm": "Prime Minister", "vp": "vice president"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_JOINERS = {"party", "-", "'s", "’s", "of"}


def find_memberships(doc: Doc, index: EntityIndex, gaz: Gazetteer, article: Article
                     ) -> tuple[list[Membership], EntityIndex]:
    """Find posts held by people; may add a government entity that a post belongs to."""
    builder = _Builder(doc, index, gaz)
    for entity in index.entities:
        if entity.type is not EntityType.PERSON:
            continue
        for mention in entity.mentions:
            first = doc.char_span(mention.begin, mention.end, alignment_mode="expand")
            if first is None:
                continue
            builder.before_name(entity, first.start, first.end)
            builder.apposition(entity, first.root)
    return builder.memberships, builder.index()


class _Builder:
    def __init__(self, doc: Doc, index: EntityIndex, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.entities = list(index.entities)
        self.by_key = {e.key: e for e in self.entities}
        self.token_entity = dict(index.token_entity)
        self.main_country = index.main_country
        self.government = index.government
        self.seen: set[tuple[str, str, str]] = set()
        self.memberships: list[Membership] = []
        self.sent_of = {}
        for n, s in enumerate(doc.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = n

    def index(self) -> EntityIndex:
        return EntityIndex(tuple(self.entities), self.token_entity, self.main_country, self.government)

    # patterns --------------------------------------------------------------------------------
    def before_name(self, person: Entity, start: int, end: int) -> None:
        """Title words and organisation names right before the name."""
        words = titles()
        i = start - 1
        tokens: list[Token] = []
        sent = self.sent_of.get(start)
        while i >= 0 and self.sent_of.get(i) == sent:
            tok = self.doc[i]
            low = tok.lower_.strip(".")
            kinds = words.get(low, frozenset())
            owner = self._owner_entity(i)
            if kinds - {"honorific"} or owner is not None or low in _JOINERS or self._demonym(tok):
                tokens.insert(0, tok)
                i -= 1
                continue
            if "honorific" in kinds:
                i -= 1
                continue
            break
        while tokens and tokens[0].lower_ in _JOINERS - {"party"}:
            tokens.pop(0)
        if tokens:
            self._add(person, tokens, tokens[0].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))

    def apposition(self, person: Entity, head: Token) -> None:
        """'X, the spokesman of Y' (appos of the name) and 'Y's spokesman, X' (name as appos)."""
        candidates = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            candidates.append(head.head)
        for noun in candidates:
            if noun.i in self.token_entity:
                continue
            tokens = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "det" and not t.is_punct]
            tokens += [t for t in noun.subtree if t.i > noun.i and t.dep_ in {"prep", "pobj", "compound"}
                       or (t.i > noun.i and t.i in self.token_entity)]
            tokens.sort(key=lambda t: t.i)
            if not any(titles().get(t.lower_, frozenset()) & {"head", "government"} for t in tokens):
                continue
            span_tokens = [head, *tokens]
            begin = min(t.idx for t in span_tokens)
            end = max(t.idx + len(t.text) for t in span_tokens)
            self._add(person, tokens, begin, end)

    # helpers ---------------------------------------------------------------------------------
    def _owner_entity(self, i: int) -> Entity | None:
        key = self.token_entity.get(i)
        if key is None:
            return None
        entity = self.by_key[key]
        if entity.type in {EntityType.PERSON, EntityType.GROUP}:
            return None
        return entity

    def _demonym(self, tok: Token) -> bool:
        return tok.pos_ in {"ADJ", "PROPN"} and self.gaz.country_of_demonym(tok.text) is not None

    def _add(self, person: Entity, tokens: list[Token], begin: int, end: int) -> None:
        words = titles()
        role_tokens: list[Token] = []
        org: Entity | None = None
        country: str | None = None
        party_word = False
        for tok in tokens:
            owner = self._owner_entity(tok.i)
            low = tok.lower_.strip(".")
            if owner is not None:
                if owner.type.is_place:
                    country = self._country_name(owner)
                else:
                    org = org or owner
                continue
            if self._demonym(tok):
                known = self.gaz.country_of_demonym(tok.text)
                country = known.name if known else country
                continue
            if low == "party":
                party_word = True
                continue
            if low in _POSSESSIVE or low in {"of", "for", "at", "the", "-"} or tok.is_punct:
                continue
            if low in words and words[low] - {"honorific"}:
                role_tokens.append(tok)
        if not role_tokens:
            return
        # the role is the run of title words ending at the last head word
        heads = [n for n, t in enumerate(role_tokens) if words.get(t.lower_.strip("."), frozenset())
                 & {"head", "government"}]
        if not heads:
            return
        role_tokens = role_tokens[: heads[-1] + 1]
        role = " ".join(_EXPAND.get(t.lower_.strip("."), t.text) for t in role_tokens)
        if not any(c.isupper() for c in role[1:]) or role.islower():
            role = role.lower()
        is_gov_post = any("government" in words.get(t.lower_.strip("."), frozenset()) for t in role_tokens) or \
            role_tokens[0].text == "President"
        if org is None and party_word:
            org = self._nearest_party(begin)
        if org is None and is_gov_post:
            country = country or self.main_country
            if country:
                org = self._government(country)
        if org is None or org.key == person.key:
            return
        key = (person.key, role.lower(), org.key)
        if key in self.seen:
            return
        self.seen.add(key)
        sentence = self.sent_of.get(self.doc.char_span(begin, end, alignment_mode="expand").start, 0)
        self.memberships.append(Membership(person.key, role, org.key, sentence, begin, end))

    def _country_name(self, place: Entity) -> str | None:
        known = self.gaz.country(place.label)
        return known.name if known else None

    def _nearest_party(self, offset: int) -> Entity | None:
        parties = [e for e in self.entities if e.type is EntityType.PARTY]
        best = None
        for e in parties:
            before = [m.begin for m in e.mentions if m.begin < offset]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), e)
        if best:
            return best[1]
        return parties[0] if len(parties) == 1 else None

    def _government(self, country: str) -> Entity:
        label = f"Government of {country}"
        for e in self.entities:
            if e.label == label:
                return e
        entity = Entity(f"e{len(self.entities)}", label, EntityType.GOVERNMENT, (),
                        (), (f"post held in the government of {country}",))
        self.entities.append(entity)
        self.by_key[entity.key] = entity
        return entity


def add_mentions(entity: Entity, mentions: list[Mention]) -> Entity:
    """A copy of the entity with more mentions (kept sorted, without duplicates)."""
    merged = {(m.begin, m.end): m for m in (*entity.mentions, *mentions)}
    return replace(entity, mentions=tuple(sorted(merged.values(), key=lambda m: m.begin)))
