"""Posts and memberships: "Prime Minister Hun Sen", "CNRP president Kem Sokha",
"X, the spokesman of Y", "X, deputy Asia director of Y", "X is the commander of Y",
"Y, headed by X", "Y elected X as its president".

Surface patterns around each person mention are used rather than the dependency parse, which is
unreliable on appositions. A post with no organisation named belongs to the government of the
country the title names ("Cambodian PM") or of the article's main country (government posts), or
to the court the article names (judges, prosecutors).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .entities import LEGISLATURE_WORDS, EntityIndex, portfolio_title, with_government, with_state_body
from .gazetteer import Gazetteer
from .lexicon import MODALS_FUTURE, MODALS_HYPOTHETICAL, POSSESSIVE_MARKS, titles
from .model import Article, Entity, EntityType, Membership, Mention
from .nlp import glued_hyphen, tokens_with, tokens_with_lemma

GENERIC_HEADS = {"chief", "deputy", "head", "commander"}
STATE_BODIES = {"police", "military", "army", "gendarmerie", "navy"}
_EXPAND = {"pm": "Prime Minister", "vp": "vice president"}
_POSSESSIVE = POSSESSIVE_MARKS | {"'", "’"}  # and a plural's bare apostrophe ("the ministers' spokesman")
_LINKS = {"of", "for", "at", "in", "with"}  # "a reporter with VOD"
_HEADING_VERBS = {"head": "head", "lead": "leader", "chair": "chairman", "run": "head", "direct": "director",
                  "found": "founder", "cofound": "co-founder"}
_NAMING = {"appoint", "elect", "name", "make", "nominate", "reappoint", "reelect", "re-elect", "install", "become"}
_COPULA = {"is", "was", "became", "becomes", "remains", "remained", "as", "been"}
_ORGS = frozenset({EntityType.ORGANIZATION, EntityType.PARTY})
_MEDIA = frozenset({EntityType.ORGANIZATION})
# a noun an article uses for an organisation it has named ("the outlet's director X") → the kinds it may be
_DESCRIBED_ORGS = {"outlet": _MEDIA, "newspaper": _MEDIA, "paper": _MEDIA, "website": _MEDIA, "broadcaster": _MEDIA,
                   "channel": _MEDIA, "agency": _ORGS, "group": _ORGS, "organisation": _ORGS, "organization": _ORGS,
                   "ngo": _ORGS, "coalition": _ORGS, "alliance": _ORGS, "movement": _ORGS,
                   "bloc": frozenset({EntityType.IGO}), "union": _ORGS | {EntityType.IGO}, "company": _ORGS,
                   "firm": _ORGS, "network": _ORGS,
                   "ministry": frozenset({EntityType.GOVERNMENT}), "court": frozenset({EntityType.COURT}),
                   "commission": frozenset({EntityType.GOVERNMENT, EntityType.IGO, EntityType.ORGANIZATION})}
# the press reports on a party; it holds no post in it ("CNRP president X and journalist Y")
_SEATED = {"speaker", "lawmaker", "legislator", "parliamentarian", "mp", "senator"}  # posts in a parliament
# a parliament's sides, whose leader and whip are posts in the parliament ("Minority Leader X")
_FLOOR_SIDES = {"minority", "majority"}
_COURT_PARTS = {"division", "chamber", "bench"}
_FLOOR_POSTS = {f"{side} {post}" for side in _FLOOR_SIDES for post in ("leader", "whip", "chief whip")}
# "Presidential spokesman X": a post of the country's government, as "government spokesman X" is
_PRESIDENTIAL = {"presidential", "presidency"}
_NAME_HONORIFICS = {"Sheikh", "Sheik"}
_STAFF_POSTS = {"spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "envoy", "secretary"}
_BRIEF_POSTS = {"ambassador", "envoy", "rapporteur", "representative", "emissary", "mediator"}
_BRIEF_LINKS = {"to", "for", "on"}  # "envoy to Myanmar", "envoy for the Sahel", "rapporteur on Belarus"
_PRESS = {"journalist", "reporter", "correspondent", "editor"}
_POSSESSORS = frozenset({"his", "her"})
_ADVERBS = {"also", "now", "still", "currently"}  # "who is also president of", "who now heads"
_COUNSEL = {"lawyer", "attorney"}  # "his French lawyer X": French, not in the French government
# posts a court does not have, so "its" before them is not a court ("general" of "secretary-general")
_PARTY_POSTS = {"leader", "founder", "co-founder", "cofounder", "member", "activist", "candidate", "lawmaker",
                "general"}
# military ranks, which may stand between a post and the name ("President General X")
_RANKS = {"general", "colonel", "lieutenant", "major", "captain", "brigadier", "marshal", "admiral", "superintendent"}
# posts of which "general" is a part ("secretary general", "attorney general", "Secretary-General")
_GENERAL_POSTS = {"secretary", "attorney", "inspector", "prosecutor", "solicitor", "auditor", "director", "governor",
                  "postmaster", "surgeon", "consul", "procurator", "comptroller", "registrar", "commissioner"}
# second words of two-word portfolios ("External Affairs Minister", "Public Works Minister")
_PORTFOLIO_SECOND = {"Affairs", "Works", "Government", "Relations", "Security", "Services", "Development"}
# a successor takes the post of the one replaced (`_Builder.successions`), unless it is still to come
_SUCCEEDING = frozenset({"replace", "succeed"})
_NOT_YET = MODALS_HYPOTHETICAL | MODALS_FUTURE
# words between a country and its party's name ("Georgia's ruling Georgian Dream party")
_PARTY_DESCRIPTORS = {"ruling", "governing", "main", "opposition", "former"}
# words that make a leader the leader of something other than the state ("student leader X")
_NOT_GOVERNMENT = {"opposition", "activist", "rebel", "party", "student", "protest", "union", "movement",
                   "youth", "church", "religious", "community", "militia", "tribal", "business", "faction"}


def _last_mentioned(entities: Iterable[Entity], offset: int, wanted: Callable[[Entity], bool],
                    near: Callable[[Mention], bool] | None = None) -> Entity | None:
    """Of the entities `wanted` accepts, the one mentioned last before `offset` (counting only the
    mentions `near` accepts, when given)."""
    best: tuple[int, Entity] | None = None
    for e in entities:
        if wanted(e):
            before = [m.begin for m in e.mentions if m.begin < offset and (near is None or near(m))]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), e)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class CourtPost:
    """A judge's post ('Judge X', 'Justice X') in a court the article describes but does not name."""

    person: str
    role: str
    begin: int
    end: int
    sentence: int


def place_court_posts(posts: Iterable[CourtPost], index: EntityIndex,
                      memberships: Iterable[Membership]) -> list[Membership]:
    """Each post in the court mentioned last before it, in its sentence or the one before, once the
    events stage has found the courts the text describes ('Malawi's High Court granted bail … Justice
    X'). A court named further back may not be the judge's (the supreme court that once dissolved a
    party, in a report on a trial at a municipal court)."""
    court_keys = {e.key for e in index.entities if e.type is EntityType.COURT}
    seen = {(m.person, m.role.lower(), m.organization) for m in memberships}
    seated = {m.person for m in memberships if m.organization in court_keys}  # "Judge X of the Y Court"
    out: list[Membership] = []
    for post in posts:
        if post.person in seated:
            continue
        court = _last_mentioned(index.entities, post.begin, lambda e: e.key in court_keys,
                                near=lambda m, post=post: 0 <= post.sentence - m.sentence <= 1)
        if court is None or (post.person, post.role.lower(), court.key) in seen:
            continue
        seen.add((post.person, post.role.lower(), court.key))
        out.append(Membership(post.person, post.role, court.key, post.sentence, post.begin, post.end))
    return out


def find_memberships(doc: Doc, index: EntityIndex, gaz: Gazetteer, article: Article
                     ) -> tuple[list[Membership], EntityIndex, list[CourtPost]]:
    """Find posts held by people; may add the government entity that a post belongs to. Judges of a court
    that no name gives come apart (`place_court_posts`)."""
    builder = _Builder(doc, index, gaz)
    for entity in index.entities:
        if entity.type is not EntityType.PERSON:
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.begin, mention.end, alignment_mode="expand")
            if span is not None:
                builder.before_name(entity, span.start, span.end)
                builder.after_name(entity, span.start, span.end)
                builder.by_or_as(entity, span.start, span.end)
    builder.counterparts()
    builder.possessed_parties()
    builder.successions()
    builder.becoming()
    posts = {(m.person, m.organization) for m in builder.memberships if m.role != "member"}
    # "member" says less than any post in the same organisation ("X of the CNRP", "CNRP president X")
    kept = [m for m in builder.memberships if m.role != "member" or (m.person, m.organization) not in posts]
    # "Lawmaker X (CNRP)": the party's lawmaker; the parliament is only the guess when nothing else says
    named = {(m.person, m.role.lower()) for m in kept
             if (m.person, m.role.lower(), m.organization) not in builder.seated}
    kept = [m for m in kept if (m.person, m.role.lower(), m.organization) not in builder.seated
            or (m.person, m.role.lower()) not in named]
    return kept, builder.index(), builder.court_posts


def _bench(entity: Entity) -> bool:
    """A court, or a court's division or chamber ('the Financial and Economic Crimes Division')."""
    return entity.type is EntityType.COURT or entity.label.split()[-1].lower() in _COURT_PARTS


def _not_done(verb: Token) -> bool:
    """'was not replaced', 'will become': a succession denied or still to come."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _NOT_YET for c in verb.children)


def _party_post(title: list[Token]) -> bool:
    """A post a court does not have ('leader', 'founder', 'members'), so 'its' before it is no court."""
    return any(t.lemma_.lower() in _PARTY_POSTS for t in title)


def _post_field(tok: Token, post: set[int]) -> bool:
    """A lower-case word that qualifies a post named by the tokens `post` ('foreign policy', 'regional')."""
    return tok.is_lower and tok.lower_ not in {"own", "new"} and tok.pos_ in {"ADJ", "NOUN"} \
        and tok.dep_ in {"amod", "compound"} and tok.head.i in post


def _self_named(doc: Doc, j: int) -> bool:
    """'declared (proclaimed, named) himself …' at token j."""
    return doc[j].lemma_.lower() in {"declare", "proclaim", "name"} and doc[j + 1].lower_ in {"himself", "herself"}


class _Builder:
    def __init__(self, doc: Doc, index: EntityIndex, gaz: Gazetteer) -> None:
        self.doc = doc
        self.gaz = gaz
        self.words = titles()
        self.entities = list(index.entities)
        self.by_key = {e.key: e for e in self.entities}
        self.token_entity = index.token_entity
        self.main_country = index.main_country
        self.government = index.government
        # "the country's prime minister", "the nation's leader": the article's main country
        self.home = next((e for e in self.entities if e.type is EntityType.COUNTRY and e.label == self.main_country),
                         None)
        self.seen: set[tuple[str, str, str]] = set()
        self.seated: set[tuple[str, str, str]] = set()  # posts placed in the parliament the article names
        self.runs: dict[int, list[Token]] = {}  # token after a titled name → its title run
        # token after a name set off by a title before a comma ("Her lawyer, X") → that title
        self.comma_titles: dict[int, list[Token]] = {}
        self.listed: dict[int, tuple[list[Token], Entity]] = {}  # same, for "title, A and B" lists
        self.party_post: dict[int, Entity] = {}  # token after a name titled in a party or organisation → it
        self.memberships: list[Membership] = []
        self.court_posts: list[CourtPost] = []  # court posts whose court no name gives
        self.sent_of_tuple = index.sent_of
        self.sent_of = dict(enumerate(index.sent_of))

    def index(self) -> EntityIndex:
        return EntityIndex(tuple(self.entities), self.token_entity, self.main_country, self.government,
                           self.sent_of_tuple)

    # patterns --------------------------------------------------------------------------------
    def before_name(self, person: Entity, start: int, end: int) -> None:
        """'[Cambodian] [PM] Hun Sen', '[CNRP] [president] Kem Sokha', 'the EU's [trade commissioner] X'."""
        if self._portfolio_post(person, start, end):
            return
        i = start - 1
        run: list[Token] = []
        sent = self.sent_of.get(start)
        while i >= 0:
            tok = self.doc[i]
            if self.sent_of.get(i) != sent:
                if not (tok.is_alpha or tok.text == "-"):
                    break  # (a sentence that ends with a full stop, a quote or a dateline's dash)
                sent = self.sent_of.get(i)  # "GCC Secretary-" | "General" | "X said …": the parser cut the title
            kinds = self._kinds(tok)
            if "honorific" in kinds and not kinds - {"honorific"} or tok.text in _NAME_HONORIFICS:
                i -= 1  # "Interior Minister General Sheikh X" (Sheikh, part of some names, is no title)
                continue
            if tok.text == ")" and run and i >= 3 and self.doc[i - 2].text == "(" and \
                    self._owner(i - 3) is not None:
                i -= 3  # "Rescue Party (CNRP) lawmakers X": the acronym repeats the owner before it
                continue
            inside_post = tok.is_title and run and (bool(self._kinds(run[0])) or len(run) == 2 and run[
                0].text in _PORTFOLIO_SECOND and "government" in self._kinds(run[1])) and i not in self.token_entity
            # "EU foreign policy chief X", "UN human rights chief X": a common noun naming the post's field
            field = tok.is_lower and bool(run) and sum(t.is_lower and not self._kinds(t) for t in run) < 2 and (
                tok.pos_ == "NOUN" and tok.dep_ == "compound" and bool(self._kinds(run[0]))
                or tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i == run[0].i and not self._kinds(run[0]))
            # the body in the title: "Inspector General of Police X", "the outlet's director X"
            body_word = bool(run) and (
                tok.lower_ == "of" and i > 0 and self._title_like(self.doc[i - 1]) and run[0].lower_ in STATE_BODIES
                or run[0].lower_ in _POSSESSIVE and self._described_org(i) is not None)
            if tok.lower_ in {"and", "&"} and len(run) >= 2 and run[0].is_title \
                    and not self._kinds(run[0]) - {"modifier"} and "government" in self._kinds(run[-1]) \
                    and i > 0 and self.doc[i - 1].is_title and not self._kinds(self.doc[i - 1]) \
                    and self.doc[i - 1].is_alpha and i - 1 not in self.token_entity:
                run[:0] = [self.doc[i - 1], tok]  # "Industry and Trade Minister X": the portfolio's two words
                i -= 2
                continue
            if self._title_like(tok) or tok.lower_ in {"party", *STATE_BODIES, *_POSSESSIVE} or body_word or (
                    tok.text == "-" and run and i > 0 and self._title_like(self.doc[i - 1])) or inside_post or field \
                    or self._hyphen_link(i) or tok.text == "-" and run and self._hyphen_link(i - 1):
                # "editor-in-chief": "in" between hyphens is part of the title
                run.insert(0, tok)  # "lawmakers-elect" comes as "lawmakers", "-", "elect"
                i -= 1
                continue
            break
        while run and (run[0].lower_ in _POSSESSIVE or run[0].is_punct):
            run.pop(0)
        last = self.doc[end - 1]
        if run and run[0].i >= 2 and self.doc[run[0].i - 1].text == "," \
                and self._kinds(self.doc[run[0].i - 2]) - {"honorific", "modifier"}:
            # "The Colorado Party's president, former President Horacio Cartes": the post before the comma too
            self._title_then_name(person, run[0].i - 1, last)
        if not run and start >= 2 and self.doc[start - 1].lower_ in {"and", ","}:
            j, steps = start - 1, 0  # "CNRP lawmakers Kong Saphea, Nhay Chamroeun and …": back to the title
            while j >= 0 and steps < 16 and (self.doc[j].lower_ in {"and", ","} or self.doc[j].is_title
                                             or self.doc[j].text == "-"):
                if j in self.runs:
                    run = self.runs[j]
                    break
                if j in self.listed:
                    title, org = self.listed[j]
                    self._add_with(person, title, org, self.doc[start].idx, self.doc[end - 1].idx)
                    self.listed[end] = (title, org)
                    return
                j, steps = j - 1, steps + 1
        if run and run[0].lower_ in {"its", "their"} and len(run) > 1:
            run = run[1:]  # "Its leader X" at a sentence's start: the capital took "Its" into the run
        if run:
            self._coordinated_post(person, run, last)
            self.runs[end] = run
            if end < len(self.doc) and self.doc[end].lower_ in {"and", ","}:
                self.runs[end] = run
            pronoun = self.doc[run[0].i - 1] if run[0].i > 0 else None
            owner = None
            if pronoun is not None and pronoun.lower_ in {"its", "their"}:
                # "the outlet's director X, its editor-in-chief Y": the body of the post just listed
                owner = self._listed_owner(pronoun) or self._referent_org(pronoun, _party_post(run))
            heads = [t for t in run if self._kinds(t) & {"head", "government", "court"}]
            if owner is not None and heads and not any(self._owner(t.i) for t in run):
                # "Its leader Albino Forquilha": the post is in the organisation "its" refers to
                self._add_with(person, run[run.index(heads[0]):run.index(heads[-1]) + 1], owner, run[0].idx,
                               last.idx + len(last.text))
                if owner.type in {EntityType.PARTY, EntityType.ORGANIZATION}:
                    self.party_post[end] = owner
                return
            shared = self._shared_owner(run)
            if shared is not None and heads:
                # "CNRP president Kem Sokha and deputy president Mu Sochua": the second post is in the same party
                self._add_with(person, run[run.index(heads[0]):run.index(heads[-1]) + 1], shared, run[0].idx,
                               last.idx + len(last.text))
                self.party_post[end] = shared
                return
            of_org = self._org_of_titled(run)
            if of_org is not None:
                # "the National Alliance for Change (ANC) of veteran opposition leader X": its leader
                self._add_with(person, run[run.index(heads[0]):run.index(heads[-1]) + 1], of_org, run[0].idx,
                               last.idx + len(last.text))
                self.party_post[end] = of_org
                return
            if self._bench_named_after(run, end):
                return  # "Justice X of the Y Division": `after_name` seats the judge there
            count = len(self.memberships)
            self._add(person, run, run[0].idx, last.idx + len(last.text))
            if len(self.memberships) > count:
                org = self.by_key.get(self.memberships[-1].organization)
                if org is not None and org.type in {EntityType.PARTY, EntityType.ORGANIZATION}:
                    self.party_post[end] = org
        elif start >= 2 and self.doc[start - 1].text in {",", "–", "—", ":"}:
            self._title_then_name(person, start - 1, last)
        elif start >= 3:
            k = start - 1  # "Its founder, Nobel laureate Ales Bialiatski": a description between the post and X
            while k > 0 and start - k <= 3 and k not in self.token_entity and not self._kinds(self.doc[k]) \
                    and self.doc[k].pos_ in {"NOUN", "PROPN", "ADJ"}:
                k -= 1
            if k < start - 1 and self.doc[k].text in {",", "–", "—"}:
                self._title_then_name(person, k, last)

    def _bench_named_after(self, run: list[Token], end: int) -> bool:
        """A judge's title ('Justice', 'Judge') before a name that 'of' and a court or a court's division
        follow."""
        doc = self.doc
        if not ([t.text for t in run] == ["Justice"] or "court" in self._kinds(run[-1])):
            return False
        j = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
        if end >= len(doc) or doc[end].lower_ != "of" or j >= len(doc):
            return False
        owner = self._owner(j)
        return owner is not None and _bench(owner)

    def _portfolio_post(self, person: Entity, start: int, end: int) -> bool:
        """'Minister of Territorial Administration X', 'Deputy Secretary for Security X': a government post
        whose portfolio follows 'of' or 'for', written before the name (the walk back over titles stops at
        the portfolio's words)."""
        doc = self.doc
        title = portfolio_title(doc, start)
        if title is not None and doc[title].lower_ == "commissioner":
            return self._commissioner(person, title, start, end)
        if title is None or "government" not in self._kinds(doc[title]) \
                or any(self._owner(t.i) is not None for t in doc[title + 1:start]):
            return False
        k = title
        while k > 0 and doc[k - 1].is_title and self._kinds(doc[k - 1]) - {"honorific"}:
            k -= 1  # "Deputy Minister of …"
        country = self.gaz.country_of_demonym(doc[k - 1].text) if k > 0 else None
        owner = self._owner(k - 2) if k > 1 and doc[k - 1].lower_ in _POSSESSIVE else None
        if owner is not None and owner.type.is_place:
            country = self.gaz.country(owner.label)
        # "Lithuania's Foreign Ministry condemned … Vice Minister of Foreign Affairs X said": the ministry
        # of that portfolio named just before, else the country's government
        portfolio = {t.lower_ for t in doc[title + 2:start]} - {"state", "affairs", "and", "of", "for"}
        sentence = self.sent_of.get(start, 0)
        ministry = None if country else self._last_before(doc[k].idx, lambda e: (
            e.type is EntityType.GOVERNMENT and "ministry" in e.label.lower()
            and bool(portfolio & set(e.label.lower().split()))
            and any(0 <= sentence - m.sentence <= 1 for m in e.mentions)))
        name = country.name if country else self.main_country
        if ministry is None and not name:
            return False
        last = doc[end - 1]
        self._add_with(person, [], ministry or self._government(name), doc[k].idx, last.idx + len(last.text),
                       role=doc[k:start].text)
        return True

    def _commissioner(self, person: Entity, title: int, start: int, end: int) -> bool:
        """'EU (European) Commissioner for Enlargement X': a commissioner of the international body named
        just before the title, 'European' standing for the European Union the article names."""
        doc = self.doc
        before = doc[title - 1] if title > 0 else None
        owner = self._owner(before.i) if before is not None else None
        if owner is None and before is not None and before.lower_ == "european":
            owner = next((e for e in self.entities if e.label == "European Union"), None)
        if owner is None or owner.type is not EntityType.IGO:
            return False
        last = doc[end - 1]
        self._add_with(person, [], owner, doc[title].idx, last.idx + len(last.text), role=doc[title:start].text)
        return True

    def _coordinated_post(self, person: Entity, run: list[Token], last: Token) -> None:
        """'Government spokesman and Communication Minister X': the post before 'and' is X's too."""
        j = run[0].i - 2
        if j < 0 or self.doc[j + 1].lower_ != "and" or self.sent_of.get(j) != self.sent_of.get(run[0].i):
            return
        first: list[Token] = []
        while j >= 0 and len(first) < 4 and self.sent_of.get(j) == self.sent_of.get(run[0].i) and (
                self._title_like(self.doc[j]) or self.doc[j].lower_ in STATE_BODIES):
            first.insert(0, self.doc[j])
            j -= 1
        if j >= 0 and self.doc[j].lower_ == "as":
            return  # "named X as acting finance minister and Civil Affairs Minister Y as …": X's post
        if first and any(self._kinds(t) & {"head", "government"} for t in first) and self._kinds(first[-1]):
            self._add(person, first, first[0].idx, last.idx + len(last.text))

    def _listed_owner(self, its: Token) -> Entity | None:
        """'the party's treasurer, A, its youth leader, B', 'the outlet's director X, its editor-in-chief Y':
        in a list of posts, 'its' is the body of the post listed just before."""
        if not self.memberships:
            return None
        last = self.memberships[-1]
        between = self.doc.text[last.end:its.idx].strip()
        if last.end <= its.idx and between in {",", ", and", "and"}:
            return self.by_key.get(last.organization)
        return None

    def _org_of_titled(self, run: list[Token]) -> Entity | None:
        """The party or organisation in 'PARTY (ACR) of [veteran] TITLE X', when the title names no body."""
        doc = self.doc
        if not any(self._kinds(t) & {"head"} for t in run) or any(self._owner(t.i) for t in run):
            return None
        k = run[0].i - 1
        while k > 0 and run[0].i - k <= 2 and doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"}:
            k -= 1  # "veteran"
        if k < 2 or doc[k].lower_ != "of":
            return None
        k -= 1
        if doc[k].text == ")" and k >= 3 and doc[k - 2].text == "(":
            k -= 3
        owner = self._owner(k)
        return owner if owner is not None and owner.type in {EntityType.PARTY, EntityType.ORGANIZATION} else None

    def _shared_owner(self, run: list[Token]) -> Entity | None:
        """The party or organisation of the titled name this title is coordinated with ('party chair Kem
        Sokha and exiled founder Sam Rainsy'), when the title names no body of its own."""
        if any(self._owner(t.i) is not None or t.lower_ in {"party", *STATE_BODIES, *_NOT_GOVERNMENT}
               or self._kinds(t) & {"government", "court"} for t in run):
            return None
        j = run[0].i - 1
        while j >= 0 and run[0].i - j <= 2 and (self.doc[j].pos_ == "ADJ" or self.doc[j].tag_ == "VBN"):
            j -= 1  # "exiled founder", "former leader"
        if j < 1 or self.doc[j].lower_ not in {"and", ","}:
            return None
        shared = self.party_post.get(j)
        if shared is not None and shared.type is not EntityType.ORGANIZATION and any(t.lower_ in _PRESS for t in run):
            return None  # "party chair X and journalist Y": a reporter is in an outlet, not in the party
        return shared

    def _title_then_name(self, person: Entity, comma: int, last: Token) -> None:
        """'the former secretary general of the union (ONEP), X'."""
        i = comma - 1
        doc = self.doc
        run: list[Token] = []
        sent = self.sent_of.get(comma)
        while i >= 0 and self.sent_of.get(i) == sent and len(run) < 16:
            tok = doc[i]
            if tok.text in {",", ";", ":", "–", "—"} or tok.pos_ in {"VERB", "AUX"}:
                break
            run.insert(0, tok)
            i -= 1
        heads = [n for n, t in enumerate(run) if self._kinds(t) & {"head", "government", "court"}]
        if not heads:
            return
        self.comma_titles[last.i + 1] = run[heads[0]:heads[-1] + 1]  # "Her lawyer, X of Y": see _member_of_party
        party_post = any(t.lower_ == "party" for t in run[:heads[0]])  # "the party's deputy chairman, X"
        # "the NEC's secretary-general, X", "its vice president, X": the owner before the title
        possessor = [t for n, t in enumerate(run[:heads[0]]) if n + 1 < len(run) and run[n + 1].lower_ in _POSSESSIVE
                     and self._owner(t.i) is not None]
        # title words up to the head, then "of ORG" (anything between is the organisation's description)
        first = heads[0]
        while first > 0 and (self._kinds(run[first - 1]) - {"honorific"} or run[first - 1].text == "-" and first > 1
                             and self._kinds(run[first - 2]) - {"honorific"}):
            first -= 1  # "its vice-president, X" comes as "vice", "-", "president"
        post = {t.i for t in run[first:]}
        while first > 0 and heads[0] - first < 2 and _post_field(run[first - 1], post):
            first -= 1  # "the EU's foreign policy chief, X", "the group's regional director, X": the post's field
            post.add(run[first].i)
        owned = any(self._owner(t.i) for t in run[heads[0]:])
        whose = next((t for t in run[:first] if t.lower_ == "whose"), None)
        if not possessor and not owned and whose is not None:
            # "the Pro Santa Cruz Committee, a civic group whose president, X, …": the organisation the
            # clause describes, named last before it in the sentence
            start = self.doc[whose.sent.start].idx
            org = self._last_before(whose.idx, lambda e: not e.type.is_place and e.type not in {
                EntityType.PERSON, EntityType.GROUP} and any(start <= m.begin < whose.idx for m in e.mentions))
            if org is not None:
                self._add_with(person, run[first:heads[-1] + 1], org, run[first].idx, last.idx + len(last.text))
            return
        its = next((t for t in run[:first] if t.lower_ == "its"), None)
        if not possessor and its is not None:
            # "The UGTT, which kept its distance from Ennahda, said … Its secretary-general, X": the
            # organisation that was the subject, else the one named last
            org = self._listed_owner(its) or self._referent_org(its, _party_post(run[first:heads[-1] + 1])) \
                or self._nearest_org(run[0].idx)
            if org is not None:
                self._add_with(person, run[first:heads[-1] + 1], org, run[first].idx, last.idx + len(last.text))
                self.listed[last.i + 1] = (run[first:heads[-1] + 1], org)  # "two of its members – A and B"
                return
        if possessor and not owned:
            self._add(person, [possessor[-1], *run[first:heads[-1] + 1]], possessor[-1].idx,
                      last.idx + len(last.text))
            return
        named_before = any((o := self._owner(t.i)) is not None and not o.type.is_place for t in run[:first])
        if not owned and not party_post and not named_before:
            # "The two lawmakers-elect, Long Ry and …", "two of its members – A and B"
            owner = self._implied_owner(run, heads[-1], comma)
            head = run[heads[-1]]
            if owner is None and head.lower_ in _SEATED:
                # "expelled another lawmaker, X": a seat in the parliament the article names
                self._add(person, run[heads[0]:heads[-1] + 1], head.idx, last.idx + len(last.text))
            if owner is None:
                return
            self._add_with(person, run[heads[0]:heads[-1] + 1], owner, head.idx, last.idx + len(last.text))
            self.listed[last.i + 1] = (run[heads[0]:heads[-1] + 1], owner)
            return
        tokens = run[first:heads[-1] + 1] + [t for t in run[heads[-1] + 1:] if self._owner(t.i)]
        after = [self._owner(t.i) for t in run[heads[-1] + 1:] if self._owner(t.i)]
        before = [t for t in run[:first] if (o := self._owner(t.i)) is not None and not o.type.is_place]
        if before and all(o.type.is_place for o in after):
            # "the United Nations special rapporteur on Myanmar, X": the body before the post; the place
            # after it is the post's brief
            # ("senior CNRP official, X": the describing word before the body is the post's too)
            describing = [t for t in run[:first] if t.is_lower and t.pos_ == "ADJ"]
            tokens = [*describing, before[-1], *run[first:heads[-1] + 1]]
        if party_post:
            tokens = [t for t in run[:first] if t.lower_ == "party"][-1:] + tokens
        self._add(person, tokens, run[first].idx, last.idx + len(last.text), self._brief(run[heads[-1]].i + 1))

    def after_name(self, person: Entity, start: int, end: int) -> None:
        """'X, the spokesman of Y', 'X, deputy director of Y', 'X is the commander of Y', 'X, who heads
        Y', 'X, who is the spokesman of Y', 'X was appointed commander of Y', 'X, a former minister and
        vice president of Y'."""
        doc = self.doc
        j = end
        if j < len(doc) and doc[j].lemma_.lower() in _HEADING_VERBS and doc[j].tag_ in {"VBZ", "VBP", "VBD"} \
                and doc[end - 1].head.i == j and doc[end - 1].dep_ == "nsubj":
            self._heads(person, start, doc[j])  # "X leads (heads, chairs) Y"
            return
        if j < len(doc) and doc[j].lower_ == "of":  # "X of the Y party"
            self._member_of_party(person, start, j + 1, skip={"the", *_PARTY_DESCRIPTORS})  # "of the opposition Y"
            return
        if j < len(doc) and doc[j].text in POSSESSIVE_MARKS:  # "Chamisa's CCC", "Hun Sen's ruling CPP"
            self._member_of_party(person, start, j + 1, skip={"ruling", "main", "opposition", "own", "new"})
            return
        if j < len(doc) and doc[j].text == ",":
            j += 1
            if j + 1 < len(doc) and doc[j].like_num and doc[j + 1].text == "," and doc[j].text.isdigit() \
                    and 16 <= int(doc[j].text) <= 110:
                j += 2  # "X, 52, who leads Y": the age apposition before the post
            if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ == "the":
                self._member_of_party(person, start, j + 1, skip={"the", *_PARTY_DESCRIPTORS})  # "X, of the Y party,"
                return
            if j + 1 < len(doc) and _self_named(doc, j):
                j += 2  # "X, the guard's commander, declared himself head of Y" (seen from the name before)
            elif j < len(doc) and doc[j].lower_ == "who":
                j += 1
                while j < len(doc) and doc[j].lower_ in _ADVERBS:
                    j += 1  # "who also chairs the Smer party"
                if j + 2 < len(doc) and doc[j].lower_ == "co" and doc[j + 1].text == "-" \
                        and doc[j + 2].lemma_.lower() == "found":
                    self._heads(person, start, doc[j + 2], role="co-founder")  # "who co-founded the CNRP"
                    return
                if j < len(doc) and doc[j].lemma_.lower() in _HEADING_VERBS:
                    self._heads(person, start, doc[j])
                    return
                if j >= len(doc) or doc[j].lower_ not in _COPULA:
                    return
                j += 1
        elif j < len(doc) and doc[j].lower_ in _COPULA:
            if doc[end - 1].dep_ == "dobj" and doc[end - 1].head.lemma_.lower() in _SUCCEEDING:
                return  # "X replaced Y as interior minister": the post is X's now (`successions`)
            j += 1
        elif j + 1 < len(doc) and _self_named(doc, j):
            j += 2  # "X declared himself head of Y"
        elif j + 1 < len(doc) and doc[j].text == "(" and self._owner(j + 1) is not None and \
                self._owner(j + 1).type is EntityType.PARTY:
            # "lawmaker Kong Saphea (CNRP)": the party in brackets is the post's
            run = self.runs.get(end) or []
            if run and not any(self._owner(t.i) for t in run):
                last = doc[j + 1]
                self._add(person, [*run, last], run[0].idx, last.idx + len(last.text))
            return
        else:
            return
        while j < len(doc) and (doc[j].lower_ in {"been", "as", "sworn", "in", *_ADVERBS}
                                or doc[j].lemma_.lower() in _NAMING):
            j += 1  # "was appointed (as) commander of Y", "has been named chief of Y"
        if j < len(doc) and doc[j].lower_ in {"the", "a", "an"}:
            j += 1
        k = j  # "the South East Asian nation's longtime leader": the words describing the nation go
        while k < len(doc) and k - j < 4 and doc[k].pos_ in {"ADJ", "PROPN"} and k not in self.token_entity:
            k += 1
        if k > j and k < len(doc) and self._home_word(k):
            j = k
        run: list[Token] = []
        while j < len(doc) and self.sent_of.get(j) == self.sent_of.get(start):
            tok = doc[j]
            describing = tok.is_lower and tok.pos_ in {"ADJ", "VERB", "NOUN"} and tok.tag_ in {"JJ", "VBG", "NN"}
            # "deputy Asia director": a capitalised word inside the post's name, before its title word
            describing = describing or (tok.is_title and j + 1 < len(doc) and bool(self._kinds(doc[j + 1]))) or (
                not run and tok.is_title and j + 2 < len(doc) and doc[j + 1].is_title
                and "head" in self._kinds(doc[j + 2]))  # "X, Central Africa director at Y"
            party_of = tok.lower_ == "party" or (tok.lower_ in _POSSESSIVE and run and (
                run[-1].lower_ == "party" or self._owner(run[-1].i) is not None))  # "the ministry's spokesman"
            joined = bool(run) and glued_hyphen(doc, j)
            # up to three describing words, not counting the organisation's name ("Y's new presidential candidate")
            describing = describing and sum(self._owner(t.i) is None for t in run) < 4
            if self._title_like(tok) or tok.lower_ in STATE_BODIES or describing or party_of \
                    or joined:  # "secretary-general", "vice-president", "co-founder": one post
                run.append(tok)
                j += 1
                continue
            break
        # the body named before a post that is not one ("the U.N. resident and humanitarian coordinator")
        lead = [t for t in run if (o := self._owner(t.i)) is not None and not o.type.is_place]
        # the run must end in a post word; what follows may name the organisation
        while run and not self._kinds(run[-1]) & {"head", "government", "court"}:
            run.pop()
        if run and j < len(doc) and (named := self.token_entity.get(j)) is not None \
                and self.by_key[named].type is EntityType.PERSON:
            return  # "Oil Minister X, Mines Minister Y and …": the title after the comma is Y's
        if not run and j < len(doc) and doc[j].lower_ == "and" and doc[j - 1].tag_ == "NN":
            self._second_post(person, start, j + 1, lead)  # "X, a lawyer and former secretary general of Y"
            return
        if not run or run[-1].tag_ in {"NNS", "NNPS"}:
            return  # "X, several party leaders ...": a plural is a different group, not X's post
        k = j
        brief = (self._brief(j) or self._portfolio(j)) if run[-1].i == j - 1 else ""
        if not brief and k < len(doc) and doc[k].lower_ in _LINKS:
            k += 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            skipped = 0
            body = None
            while k < len(doc) and skipped < 3 and (
                    (doc[k].is_lower and k not in self.token_entity) or self._demonym(doc[k])):
                if doc[k].lower_ in STATE_BODIES:
                    body = body or doc[k]
                k += 1  # "an investigator for rights group Licadho"
                skipped += 1
            if body is not None and (k >= len(doc) or k not in self.token_entity):
                run.append(body)  # "a spokeswoman for the state police command": the police's
            for _ in range(2):  # "the commander of Cambodia's Prime Minister Bodyguard Unit": both, owner last
                if k < len(doc) and k in self.token_entity:
                    key = self.token_entity[k]
                    while k < len(doc) and self.token_entity.get(k) == key:
                        run.append(doc[k])
                        k += 1
                    if k + 1 < len(doc) and doc[k].text in POSSESSIVE_MARKS:
                        n = k + 1
                        while n < min(k + 4, len(doc)) and (doc[n].is_title or doc[n].lower_ in _PARTY_DESCRIPTORS) \
                                and n not in self.token_entity:
                            n += 1  # "Cambodia's Prime Minister Bodyguard Unit" when NER kept only the end,
                            # "Georgia's ruling Georgian Dream party"
                        if n < len(doc) and n in self.token_entity:
                            k = n
                            continue
                break
            n = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
            party = self._owner(n) if k < len(doc) and doc[k].lower_ == "for" and n < len(doc) else None
            if party is not None and party.type is EntityType.PARTY and run and self._owner(run[-1].i) is not None:
                # "a member of the House of Representatives for the Maoist Centre": the seat, and the party's
                self._add_with(person, [], party, doc[start].idx, doc[n].idx + len(doc[n].text), role="member")
        last = doc[max(t.i for t in run)]
        self._add(person, run, doc[start].idx, last.idx + len(last.text), brief)
        if k + 2 < len(doc) and k > j and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # "leader of the Social Democratic Party (SDP) and …": past the acronym
        if j < len(doc) and doc[j].lower_ == "and":
            self._second_post(person, start, j + 1)  # "X, an MDC vice president and former finance minister"
        elif k > j and k + 2 < len(doc) and doc[k].lower_ == "and" and self._title_like(
                doc[n := k + 1 + (doc[k + 1].lower_ in {"a", "an"})]):
            self._second_post(person, start, n)  # "X, leader of the SDP and (a former) prime minister of the Y"
        elif k + 1 < len(doc) and doc[k].lower_ == "who":
            k += 1
            while k < len(doc) and doc[k].lower_ in _ADVERBS:
                k += 1
            if k < len(doc) and doc[k].lemma_.lower() in _HEADING_VERBS and doc[k].tag_ in {"VBZ", "VBP", "VBD"}:
                self._heads(person, start, doc[k])  # "X, a former energy minister who heads the RRP"

    def _member_of_party(self, person: Entity, start: int, j: int, skip: set[str]) -> None:
        """'Tomas Velkari of the Zorbanian Liberty Party', 'Chamisa's CCC': a member of the party (a post
        the article gives in it replaces this, see `find_memberships`); 'opposition leader X of the Y
        Party': the title before the name, when it names no body, is a post in that party."""
        doc = self.doc
        run = (self.runs.get(j - 1) or self.comma_titles.get(j - 1)) if doc[j - 1].lower_ == "of" else None
        # the title before the name ("Her lawyer, X of Y" too); "of the smaller Y Party"
        while j < len(doc) and (doc[j].lower_ in skip or doc[j].is_lower and doc[j].pos_ == "ADJ"
                                or self._demonym(doc[j]) and j not in self.token_entity) and j - start < 6:
            j += 1  # "of the Croat HDZ BiH party"
        party = self._owner(j)
        # "Judge Ani Khachatryan of the Yerevan Court of General Jurisdiction": a post in that court
        if party is None or party.type is not EntityType.PARTY and not (run and party.type in {
                EntityType.ORGANIZATION, EntityType.COURT, EntityType.GOVERNMENT}):  # "Prosecutor X of the Y"
            return
        last = j
        while last + 1 < len(doc) and self.token_entity.get(last + 1) == party.key:
            last += 1
        # "Justice X of the Financial and Economic Crimes Division": a court's division is a court too
        bench = _bench(party)
        posts = {"head", "court"} if bench else {"head"}
        justice = bench and bool(run) and [t.text for t in run] == ["Justice"]  # "Justice X": a judge
        heads = [t for t in run or [] if self._kinds(t) & posts or justice]
        # "Deputy Commerce Minister X of Y"; "President X of the Y Party": the head of state, a member of Y
        cabinet = any("government" in self._kinds(t) for t in run or []) or bool(
            run and run[-1].text == "President" and not {t.lower_ for t in run} & _NOT_GOVERNMENT) \
            or bool(run and run[-1].lower_ in _SEATED)  # "senator X of the Y Party": a seat, and a member of Y
        if run and heads and not cabinet and not any(self._owner(t.i) for t in run):
            title = run[run.index(heads[0]):run.index(heads[-1]) + 1]
            role = " ".join(t.text for t in title).replace(" - ", "-")
            # a court's post keeps its capitals, as the title before the name gives it ("Chief Magistrate")
            role = "judge" if justice else role if bench and role.istitle() else role.lower()
            self._add_with(person, title, party, run[0].idx, doc[last].idx + len(doc[last].text), role=role)
            return
        if party.type is EntityType.PARTY:
            self._add_with(person, [], party, doc[start].idx, doc[last].idx + len(doc[last].text), role="member")

    def counterparts(self) -> None:
        """'Foreign Minister X told his Iraqi counterpart, Fuad Hussein, …': the counterpart holds the
        same post in the government of the country named before the word."""
        doc = self.doc
        for i in tokens_with(doc, "LOWER", {"counterpart"}):
            k = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ",")
            person = self._person_at(doc[k]) if k < len(doc) else None
            country = self._demonym_country(doc[i - 1]) if i > 0 else None
            if person is None or country is None:
                continue
            sent = self.sent_of.get(i)
            own = [m for m in self.memberships if m.sentence == sent and m.person != person.key and m.end <= doc[i].idx
                   and self.by_key[m.organization].type is EntityType.GOVERNMENT and m.role.lower() != "member"]
            if own:
                n = k
                while n + 1 < len(doc) and self.token_entity.get(n + 1) == person.key:
                    n += 1
                self._add_with(person, [], self._government(country), doc[i - 1].idx,
                               doc[n].idx + len(doc[n].text), role=own[-1].role)

    def possessed_parties(self) -> None:
        """'His party, the CHP, said …', 'her Tisza party': a member of the party, the person being the
        one named last, in this sentence or the one before."""
        doc = self.doc
        for i in tokens_with(doc, "LOWER", _POSSESSORS):
            tok = doc[i]
            if tok.i + 2 >= len(doc):
                continue
            j = tok.i + 1
            party = self._owner(j)
            if party is None and doc[j].lower_ == "party" and doc[j + 1].text == ",":
                j += 2
                if j < len(doc) and doc[j].lower_ == "the":
                    j += 1
                party = self._owner(j) if j < len(doc) else None
            if party is None or party.type is not EntityType.PARTY:
                continue
            person = self._nearest(EntityType.PERSON, tok.idx)
            near = person is not None and any(
                m.begin < tok.idx and 0 <= self.sent_of_tuple[tok.i] - m.sentence <= 1 for m in person.mentions)
            if near:
                last = j
                while last + 1 < len(doc) and self.token_entity.get(last + 1) == party.key:
                    last += 1
                self._add_with(person, [], party, tok.idx, doc[last].idx + len(doc[last].text), role="member")

    def successions(self) -> None:
        """'He was replaced by X', 'Y was succeeded by X', 'X replaced Y': X now holds Y's posts; 'X replaced
        Y as interior minister': X holds that one. A succession still to come or denied gives nothing."""
        doc = self.doc
        for i in tokens_with_lemma(doc, _SUCCEEDING):
            verb = doc[i]
            if verb.pos_ != "VERB" or _not_done(verb):
                continue
            before = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            after = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if before is None:
                after = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                before = next((c for c in verb.children if c.dep_ == "dobj"), None)
            new = self._person_at(after)
            old = self._person_at(before, holding=True)
            if new is None or old is None or new.key == old.key:
                continue
            post = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                         for g in c.children if g.dep_ == "pobj"), None)
            begin, end = doc[after.left_edge.i].idx, doc[after.right_edge.i].idx + len(doc[after.right_edge.i])
            if post is not None:
                self._post_taken(new, post)
                continue
            for m in [m for m in self.memberships if m.person == old.key]:
                if m.role != "member" and not m.role.lower().startswith(("former", "ex-")):
                    self._add_with(new, [], self.by_key[m.organization], begin, end, role=m.role)

    def _post_taken(self, person: Entity, post: Token) -> None:
        """'as head of the football federation', 'became minister of state for legal affairs': the post
        `post` names, with what follows it up to the clause's end."""
        if not self._kinds(post) & {"head", "government", "court"}:
            return
        doc = self.doc
        last = next((t.i for t in doc[post.i:post.right_edge.i + 1] if t.is_punct), post.right_edge.i + 1)
        title = list(doc[post.left_edge.i:last])
        portfolio = self._portfolio(post.i + 1) if post.i + 1 < len(doc) else ""
        self._add(person, title, title[0].idx, title[-1].idx + len(title[-1].text), portfolio)

    def becoming(self) -> None:
        """'X, a lawyer and former senator, became minister of state for legal affairs': X holds the post."""
        for i in tokens_with_lemma(self.doc, {"become"}):
            verb = self.doc[i]
            if verb.pos_ not in {"VERB", "AUX"} or _not_done(verb):
                continue
            person = self._person_at(next((c for c in verb.children if c.dep_ == "nsubj"), None))
            post = next((c for c in verb.children if c.dep_ == "attr"), None)
            if person is not None and post is not None and not any(c.lower_ in {"a", "an"} for c in post.lefts):
                self._post_taken(person, post)  # (not "became a lawyer", "became a symbol")

    def _person_at(self, tok: Token | None, holding: bool = False) -> Entity | None:
        """The person a subject or object names: its name, or for 'he' and 'she' the person named last
        before it, in its sentence or the two before (`holding`: of those who hold a post, as the one a
        successor replaces does)."""
        if tok is None:
            return None
        key = self.token_entity.get(tok.i)
        if key is not None:
            return self.by_key[key] if self.by_key[key].type is EntityType.PERSON else None
        if tok.lower_ not in {"he", "she"}:
            return None
        sentence = self.sent_of_tuple[tok.i]
        posted = {m.person for m in self.memberships if m.role != "member"} if holding else set()
        return _last_mentioned(self.entities, tok.idx, lambda e: e.type is EntityType.PERSON and (
            not holding or e.key in posted), near=lambda m: 0 <= sentence - m.sentence <= (2 if holding else 1))

    def by_or_as(self, person: Entity, start: int, end: int) -> None:
        """'the ZANU-PF party, headed (led, chaired, founded) by X (and Y)', 'the military, led by Senior
        General X': X is its head; 'the MDC elected (appointed, named) X as its new president': X holds
        that post in the subject, or in what 'its' points to."""
        doc = self.doc
        name = doc[end - 1]
        if name.dep_ == "conj" and name.head.dep_ == "pobj":
            name = name.head  # "founded by Sam Rainsy and Kem Sokha": the second founder too
        if name.dep_ == "pobj" and name.head.dep_ == "agent":
            verb = name.head.head
            owner = None
            # the name, or the name before its noun ("the Popular Force party led by X"), or a state body;
            # not "the OAS, whose mission was led by X" (the mission's head, not the OAS's)
            if verb.dep_ in {"acl", "relcl"} and not any(
                    c.dep_ == "nsubjpass" and c.lower_ not in {"which", "that", "who"} for c in verb.children):
                noun = verb.head
                owner = self._owner(noun.i) or next(
                    (o for c in noun.children if c.dep_ == "compound" and (o := self._owner(c.i))), None) or (
                    self._state_body(noun.lower_, noun.idx) if noun.lower_ in STATE_BODIES else None)
            if verb.tag_ == "VBN" and verb.lemma_.lower() in _HEADING_VERBS and owner is not None \
                    and not owner.type.is_place:
                last = doc[end - 1]
                self._add_with(person, [verb], owner, doc[start].idx, last.idx + len(last.text),
                               role=_HEADING_VERBS[verb.lemma_.lower()])
            return
        if name.dep_ == "appos" and name.head.dep_ == "dobj" and name.head.head.lemma_.lower() in _NAMING:
            self._named_to_post(person, name.head, end)
            return
        if name.dep_ != "dobj" or name.head.lemma_.lower() not in _NAMING:
            return
        verb = name.head
        # "named X as acting finance minister and Y as acting trade minister": each the 'as' after the name
        after = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i >= end]
        for prep in after[:1] or [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]:
            post = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if post is None or not self._kinds(post) & {"head", "government", "court"}:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            owner = self._owner(subject.i) if subject is not None else None
            # "appointed X as director of the NSS": the body the post is of
            owner = next((o for p in post.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                          if c.dep_ == "pobj" and (o := self._owner(c.i)) is not None), None) or owner
            if any(c.lower_ in {"its", "their"} for c in post.children):
                owner = owner or self._nearest_org(doc[start].idx)
            title = [c for c in post.lefts if c.dep_ == "compound" or c.lower_ in {"deputy", "vice", "acting"}]
            if title and title[0].dep_ == "compound":
                title = [t for t in doc[title[0].left_edge.i:post.i] if not t.is_punct]  # "human rights ombudsman"
            if owner is None and "government" in self._kinds(post) and self.main_country and subject is not None \
                    and subject.ent_type_ == "PERSON":
                owner = self._government(self.main_country)  # "President X appointed Y as ombudsman"
            if owner is not None and not owner.type.is_place:
                self._add_with(person, [*title, post], owner, doc[start].idx, post.idx + len(post.text))

    def _named_to_post(self, person: Entity, post: Token, end: int) -> None:
        """'The DP … last month elected a new chairman, Chinzorig Temuulen': the person set off after the
        post a body elected (appointed, named) holds it in that body, the verb's subject."""
        if not self._kinds(post) & {"head", "government", "court"}:
            return
        verb = post.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":  # "The DP has struggled … and elected …"
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        owner = self._owner(subject.i) if subject is not None else None
        if owner is None or owner.type.is_place:
            return
        doc = self.doc
        first = min((c.left_edge.i for c in post.lefts if c.dep_ == "compound"), default=post.i)
        stop = post.i + 1
        while stop + 1 < end and glued_hyphen(doc, stop):
            stop += 2  # "secretary-general", parsed as "secretary" and "-general"
        last = doc[end - 1]
        self._add_with(person, list(doc[first:stop]), owner, doc[first].idx, last.idx + len(last.text))

    def _second_post(self, person: Entity, start: int, j: int, lead: list[Token] | None = None) -> None:
        """The post after 'and' in 'X, a former minister and vice president of Y' (in the body `lead` names
        before the first: 'the U.N. resident and humanitarian coordinator for Sudan')."""
        doc = self.doc
        run: list[Token] = list(lead or [])
        while j < len(doc) and self.sent_of.get(j) == self.sent_of.get(start) and (
                self._title_like(doc[j]) or (doc[j].is_lower and doc[j].tag_ == "JJ")):
            run.append(doc[j])
            j += 1
        if len(run) == len(lead or []) or not self._kinds(run[-1]) & {"head", "government", "court"}:
            return
        if j < len(doc) and doc[j].lower_ in _LINKS:
            j += 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            skipped = 0
            while j < len(doc) and skipped < 2 and doc[j].is_lower and j not in self.token_entity:
                j += 1  # "senior member of the dissolved NLD"
                skipped += 1
            key = self.token_entity.get(j)
            while j < len(doc) and key is not None and self.token_entity.get(j) == key:
                run.append(doc[j])
                j += 1
        last = run[-1]
        self._add(person, run, doc[start].idx, last.idx + len(last.text))

    def _heads(self, person: Entity, start: int, verb: Token, role: str | None = None) -> None:
        """'X, who heads (leads, chairs, founded) the CNRP': X is its head (leader, chairman, founder)."""
        doc = self.doc
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.i not in self.token_entity and obj.lower_ in {"party", "movement"}:
            # "who leads the Pakistan Tehreek-e-Insaf (PTI) party": the name before the noun
            obj = next((t for t in obj.subtree if t.i < obj.i and (o := self._owner(t.i)) is not None
                        and not o.type.is_place), obj)
        if obj is not None and obj.i not in self.token_entity:  # "leads a rival faction, the MDC Alliance"
            k = max(t.i for t in obj.subtree) + 1
            if k + 1 < len(doc) and doc[k].text == ",":
                k += 2 if doc[k + 1].lower_ == "the" else 1
                obj = doc[k] if k < len(doc) and k in self.token_entity else None
        if obj is None or obj.i not in self.token_entity:
            return
        org = self._owner(obj.i)
        if org is None or org.type.is_place:
            return
        end = max(t.i for t in obj.subtree)
        self._add_with(person, [], org, doc[start].idx, doc[end].idx + len(doc[end].text),
                       role=role or _HEADING_VERBS[verb.lemma_.lower()])

    # helpers ---------------------------------------------------------------------------------
    def _kinds(self, tok: Token) -> frozenset[str]:
        if tok.lower_ == "justice" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "chief":
            return frozenset({"court"})  # "Chief Justice X" (a "justice minister" is the government's)
        kinds = self.words.get(tok.lower_.strip("."), frozenset())
        if not kinds and tok.tag_ in {"NNS", "NNPS"}:
            kinds = self.words.get(tok.lemma_.lower(), frozenset()) & {"head"}  # "CNRP lawmakers X and Y"
        return kinds

    def _title_like(self, tok: Token) -> bool:
        return bool(self._kinds(tok) - {"honorific"}) or self._owner(tok.i) is not None or self._demonym(tok)

    def _owner(self, i: int) -> Entity | None:
        key = self.token_entity.get(i)
        if key is None:
            return self.home if self._home_word(i) else self._described_org(i)
        entity = self.by_key[key]
        return None if entity.type in {EntityType.PERSON, EntityType.GROUP} else entity

    def _hyphen_link(self, i: int) -> bool:
        """'in' of 'editor-in-chief', 'at' of 'ambassador-at-large': a word between two hyphens."""
        doc = self.doc
        return 0 < i < len(doc) - 1 and doc[i].lower_ in {"in", "at", "of"} and doc[i - 1].text == "-" \
            and doc[i + 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    def _described_org(self, i: int) -> Entity | None:
        """'the outlet's director X', 'the coalition's coordinator': the organisation of that kind named
        last before, for a noun after 'the' that owns the title."""
        doc = self.doc
        kinds = _DESCRIBED_ORGS.get(doc[i].lower_)
        if kinds is None or i == 0 or doc[i - 1].lower_ != "the" or i + 1 >= len(doc) \
                or doc[i + 1].text not in _POSSESSIVE:
            return None
        return self._last_before(doc[i].idx, lambda e: e.type in kinds)

    def _home_word(self, i: int) -> bool:
        """'country' or 'nation' in "the country's …", "the South East Asian nation's …"."""
        doc = self.doc
        return (self.home is not None and doc[i].lower_ in {"country", "nation"} and i + 1 < len(doc)
                and doc[i + 1].text in _POSSESSIVE)

    def _demonym(self, tok: Token) -> bool:
        return self._demonym_country(tok) is not None

    def _demonym_country(self, tok: Token) -> str | None:
        """The country a demonym names ('Iraqi' → 'Iraq'), or None when the word is no demonym."""
        if tok.pos_ not in {"ADJ", "PROPN"}:
            return None
        known = self.gaz.country_of_demonym(tok.text)
        return known.name if known is not None else None

    def _brief(self, i: int) -> str:
        """'to Bolivia' of 'ambassador to Bolivia', 'for the Horn of Africa' of 'special envoy for the Horn
        of Africa': the place a diplomat's post covers, read from the word after the post (`i`)."""
        doc = self.doc
        if i == 0 or i + 1 >= len(doc) or doc[i - 1].lower_ not in _BRIEF_POSTS or doc[i].lower_ not in _BRIEF_LINKS:
            return ""
        n = i + 1 + (doc[i + 1].lower_ == "the")
        key = self.token_entity.get(n)
        if key is None or not self.by_key[key].type.is_place:
            return ""
        while n < len(doc) and self.token_entity.get(n) == key:
            n += 1
        return doc[i:n].text

    def _portfolio(self, i: int) -> str:
        """'of government communication' of 'the minister of government communication', 'of state for legal
        affairs': a minister's portfolio after the post (`i` is 'of' or 'for'), words that name no entity,
        up to the clause's end; empty when an entity follows ('minister of Kenya': its owner)."""
        doc = self.doc
        if i == 0 or doc[i].lower_ not in {"of", "for"} or "government" not in self._kinds(doc[i - 1]):
            return ""
        n = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
        end = n
        while end < len(doc) and end - n < 6 and (end not in self.token_entity or doc[end].is_lower) \
                and doc[end].is_alpha and (doc[end].pos_ in {"NOUN", "ADJ", "PROPN"}
                                           or doc[end].lower_ in {"and", "for", "of"}):
            end += 1  # "government" in "minister of government communication" is no entity of its own
        while end > n and doc[end - 1].pos_ not in {"NOUN", "PROPN"}:
            end -= 1
        if end == n or (end < len(doc) and (end in self.token_entity or doc[end].pos_ in {"NOUN", "PROPN", "ADJ"})):
            return ""
        return doc[i:end].text

    def _add(self, person: Entity, tokens: list[Token], begin: int, end: int, brief: str = "") -> None:
        role_tokens: list[Token] = []
        org: Entity | None = None
        country: str | None = None
        party_word = False
        for tok in tokens:
            owner = self._owner(tok.i)
            low = tok.lower_.strip(".")
            if owner is not None:
                if owner.type.is_place:
                    known = self.gaz.country(owner.label)
                    if known and (not role_tokens or owner.type is EntityType.COUNTRY):
                        country = known.name  # "a former Botswanan foreign minister": Botswana's
                    elif role_tokens and not (known and owner.type is EntityType.COUNTRY):
                        role_tokens.append(tok)  # "deputy Asia director": part of the post's name
                else:
                    org = org or owner
                continue
            if (named := self._demonym_country(tok)) is not None:
                country = named
                continue
            if low == "party":
                party_word = True
                continue
            if low == "ministry" and tok.i not in self.token_entity and org is None:
                org = self._nearest_ministry(tok.idx)  # "Ministry spokesperson X": the ministry just named
                if org is not None:
                    continue
            if low == "court" and tok.i not in self.token_entity and org is None:
                org = self._nearest(EntityType.COURT, tok.idx)  # "Court president X": the court just named
                if org is not None:
                    continue
            if low in STATE_BODIES and tok.i not in self.token_entity:
                org = org or self._state_body(low, tok.idx, country)  # "Police spokesman X"; "police chief X"
                # keeps the word; "Guinea's military leader X": Guinea's military
                if role_tokens or not any(self._kinds(t) & {"head"} for t in tokens if t.i > tok.i):
                    continue
                role_tokens.append(tok)
                continue
            if (tok.text == "-" or self._hyphen_link(tok.i)) and role_tokens:
                role_tokens.append(tok)
                continue
            if low in _POSSESSIVE or low in _LINKS or low in {"the", "-", "new", "newly"} or tok.is_punct:
                continue  # "its new leader": the post is "leader"
            role_tokens.append(tok)
        while len(role_tokens) > 1 and role_tokens[-1].lower_ in _RANKS and any(
                self._kinds(t) & {"head", "government"} for t in role_tokens[:-1]) and not (
                role_tokens[-1].lower_ == "general" and role_tokens[-2].lower_ in _GENERAL_POSTS | {"-"}):
            role_tokens.pop()  # "Transitional President General X": the rank is no part of the post
        bench = len(role_tokens) == 1 and role_tokens[0].text == "Justice"  # "Justice Mphatso Kaunda": a judge
        heads = [n for n, t in enumerate(role_tokens) if bench or self._kinds(t) & {"head", "government", "court"}]
        if not heads:
            return
        role_tokens = role_tokens[: heads[-1] + 1]
        while role_tokens and not (self._kinds(role_tokens[0]) - {"honorific"}) and role_tokens[0].is_title \
                and role_tokens[0].i not in self.token_entity and not (
                    len(role_tokens) > 1 and self._kinds(role_tokens[1]) and not role_tokens[0].is_sent_start
                    and self.doc[role_tokens[0].i - 1].lower_ in _POSSESSIVE | {"deputy", "regional", "former"}) \
                and not (len(role_tokens) in {2, 3} and ("government" in self._kinds(role_tokens[1])
                                                         or role_tokens[1].lower_ == "commissioner")) \
                and not (len(role_tokens) == 3 and "government" in self._kinds(role_tokens[2])
                         and role_tokens[1].text in _PORTFOLIO_SECOND) \
                and not (len(role_tokens) == 4 and role_tokens[1].lower_ in {"and", "&"}
                         and "government" in self._kinds(role_tokens[3])) \
                and not (len(role_tokens) > 1 and role_tokens[0].lower_ in _FLOOR_SIDES):
            # a capitalised word that is no title (sentence start); "'s Asia director" keeps it, and so does
            # a minister's portfolio ("Home Minister X", "Oil Minister X", "Defence Cabinet Secretary X")
            role_tokens.pop(0)
        if not role_tokens:
            return
        words_out = [t.lemma_ if t.tag_ in {"NNS", "NNPS"} and self._kinds(t) & {"head"} else
                     _EXPAND.get(t.lower_.strip("."), t.text) for t in role_tokens]  # plural: each holds it
        if org is not None and {w.lower() for w in words_out} <= GENERIC_HEADS:
            last = org.label.split()[-1].lower()
            if last in STATE_BODIES:
                words_out.insert(len(words_out) - 1, last)  # "Provincial Police Chief X": a police chief
        role = " ".join(words_out).replace(" - ", "-")
        if not role.replace(" and ", " ").istitle():  # "Industry and Trade Minister" is a title too
            role = role.lower()  # "police Chief" → "police chief"; "Prime Minister" stays a title
        if brief and (role_tokens[-1].lower_ in _BRIEF_POSTS or "government" in self._kinds(role_tokens[-1])):
            role = f"{role} {brief}"  # "ambassador to Bolivia", "minister of state for legal affairs"
        if bench:
            role = "judge"
        # a title of several words has the kinds of the whole ("attorney general": a government post)
        whole = self.words.get(role.lower(), frozenset())
        kinds = set().union(*(self._kinds(t) for t in role_tokens), whole)
        words = {t.lower_ for t in tokens} - ({"attorney"} if "government" in whole else set())
        if org is None and party_word:
            org = self._nearest(EntityType.PARTY, begin)
        if org is None and words & {"prosecutor", "procurator"}:
            # "a deputy prosecutor general": of the prosecutor's office the article names, not of a court;
            # "Procurator General X": of the Procurator General's Office
            stem = "prosecut" if "prosecutor" in words else "procurat"
            org = self._last_before(end, lambda e: e.type in {EntityType.GOVERNMENT, EntityType.ORGANIZATION}
                                    and stem in e.label.lower())
        if org is None and "court" in kinds:
            org = self._nearest(EntityType.COURT, begin)
        if org is None and len(role_tokens) > 1 and role_tokens[-1].lower_ == "commissioner":
            org = self._commission(role_tokens, begin)  # "Electoral Commissioner X": of the Electoral Commission
        seat = role_tokens[-1].lemma_.lower() if role_tokens[-1].tag_ == "NNS" else role_tokens[-1].lower_
        floor = role.lower() in _FLOOR_POSTS  # "Minority Leader X": the parliament's
        seated = org is None and (seat in _SEATED or floor)
        if seated:
            # "Speaker X", "opposition lawmaker X", "senator X", "lawmakers X and Y": of the parliament the
            # article names
            org = self._legislature(begin, chamber=seat)
        before = self.doc[tokens[0].i - 1].lower_ if tokens[0].i > 0 else ""
        words = words | {before}  # "Opposition leader X", "French journalist X": not a government post
        if org is None and not floor and not words & (_NOT_GOVERNMENT | _PRESS | _COUNSEL) and (
                "government" in kinds or country or role_tokens[-1].text in {"President", "Ambassador"}
                or words & _PRESIDENTIAL and role_tokens[-1].lower_ in _STAFF_POSTS
                or role_tokens[-1].lower_ == "leader" or before == "as" and role_tokens[-1].lower_ == "president"):
            # "was sworn in as acting president": the country's; "French presidential envoy X": France's
            ahead = self.doc[tokens[0].i - 2] if before in _PRESIDENTIAL and tokens[0].i > 1 else None
            country = country or (self._demonym_country(ahead) if ahead is not None else None) \
                or self._ruled_country(tokens[0]) or self.main_country
            if country:
                org = self._government(country)
        if org is None and "court" in kinds:
            # "Judge X" where the court is only described ("Malawi's High Court"): the events stage finds
            # that court, and `place_court_posts` seats the judge there
            self.court_posts.append(CourtPost(person.key, role, begin, end, self.sent_of.get(tokens[0].i, 0)))
            return
        if org is None or org.key == person.key:
            return
        key = (person.key, role.lower(), org.key)
        if key in self.seen:
            return
        self.seen.add(key)
        if seated:
            self.seated.add(key)
        span = self.doc.char_span(begin, end, alignment_mode="expand")
        sentence = self.sent_of.get(span.start if span is not None else 0, 0)
        self.memberships.append(Membership(person.key, role, org.key, sentence, begin, end))

    def _commission(self, title: list[Token], offset: int) -> Entity | None:
        """The commission the article names whose name has the title's words before 'Commission' ('Electoral
        Commissioner' → 'Electoral Commission', 'the Electoral Commission of Ghana')."""
        words = [t.lower_ for t in title[:-1] if not self._kinds(t)]
        if not words:
            return None
        name = " ".join([*words, "commission"])
        return self._nearest_where(lambda e: not e.type.is_place and e.type is not EntityType.PERSON
                                   and name in e.label.lower(), offset)

    def _ruled_country(self, first: Token) -> str | None:
        """'Iraq has sought closer ties … under Prime Minister X': the country the clause is about, when
        the post stands after 'under' and a country is the clause's subject."""
        doc = self.doc
        if first.i == 0 or doc[first.i - 1].lower_ != "under":
            return None
        verb = doc[first.i - 1].head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        owner = self._owner(subject.i) if subject is not None else None
        if owner is None or owner.type is not EntityType.COUNTRY:
            return None
        known = self.gaz.country(owner.label)
        return known.name if known else None

    def _legislature(self, offset: int, chamber: str = "") -> Entity | None:
        """The parliament the article names nearest to `offset` (before it if any), if it names one; a
        senator's is the senate."""
        bodies = [e for e in self.entities if e.type is EntityType.GOVERNMENT and e.mentions
                  and set(e.label.lower().split()) & LEGISLATURE_WORDS]
        if chamber == "senator":
            bodies = [e for e in bodies if "senate" in e.label.lower().split()]
        if not bodies:
            return None
        return min(bodies, key=lambda e: min((offset - m.begin if m.begin < offset else 10 * (m.begin - offset))
                                             for m in e.mentions))

    def _nearest(self, etype: EntityType, offset: int) -> Entity | None:
        """The entity of that type mentioned last before offset (or the only one in the article)."""
        return self._nearest_where(lambda e: e.type is etype, offset)

    def _nearest_where(self, wanted: Callable[[Entity], bool], offset: int) -> Entity | None:
        """Of the entities `wanted` accepts, the one mentioned last before offset (or the only one)."""
        candidates = [e for e in self.entities if wanted(e)]
        last = _last_mentioned(candidates, offset, lambda e: True)
        if last is not None:
            return last
        return candidates[0] if len(candidates) == 1 else None

    def _implied_owner(self, run: list[Token], head: int, before: int) -> Entity | None:
        """The organisation of a plural title with no organisation named: the owner of a group
        the article named with the same noun ('CNRP lawmakers' … 'the two lawmakers, X and Y'),
        or the organisation 'its'/'their' points back to."""
        plurals = [t for t in run if t.tag_ in {"NNS", "NNPS"} and self._kinds(t) & {"head"}]
        if not plurals:
            return None
        noun = plurals[0]
        if any(t.lower_ in {"its", "their"} for t in run):
            return self._nearest_org(run[0].idx)
        for e in self.entities:
            earlier = e.type is EntityType.GROUP and any(m.begin < noun.idx for m in e.mentions)
            if earlier and (e.label.lower().endswith(noun.lower_) or any(
                    m.text.lower().endswith(noun.lower_) for m in e.mentions)):
                owner_name = e.label.rsplit(" ", 1)[0]
                return next((o for o in self.entities if o.type.is_agent and o.type is not EntityType.GROUP
                             and (o.label == owner_name or owner_name in o.aliases)), None)
        return None

    def _referent_org(self, pronoun: Token, party_post: bool = False) -> Entity | None:
        """What 'its' ('their') refers to: the organisation that is the subject of its own sentence or
        the one before, the latest such; None when no organisation is a subject there. A government, or a
        court for a post only a party or group has ('leader'), gives way to a party or organisation named
        after it."""
        sentence = self.sent_of.get(pronoun.i, 0)
        best: tuple[int, Entity] | None = None
        for e in self.entities:
            if e.type is EntityType.COUNTRY and self.gaz.country(e.label) is not None and any(
                    m.sentence == sentence and m.begin < pronoun.idx and (span := self.doc.char_span(
                        m.begin, m.end, alignment_mode="expand")) is not None and span.root.dep_ == "nsubj"
                    for m in e.mentions):
                # "France responded by recalling its ambassador": the country's government
                country = self.gaz.country(e.label)
                return self._government(country.name) if country else None
            if e.type.is_place or e.type in {EntityType.PERSON, EntityType.GROUP}:
                continue
            for m in e.mentions:
                if m.begin >= pronoun.idx or sentence - m.sentence > 1 or (best is not None and m.begin <= best[0]):
                    continue  # after the pronoun, too far before it, or not the latest
                span = self.doc.char_span(m.begin, m.end, alignment_mode="expand")
                root = span.root if span is not None else None
                if root is not None and root.dep_ == "compound" and root.head.lower_ == "party":
                    root = root.head  # "The Podemos party, which backed him, said …"
                if root is not None and (root.dep_ in {"nsubj", "nsubjpass"} or root.dep_ == "appos"
                                         and root.head.dep_ in {"nsubj", "nsubjpass"}):
                    best = (m.begin, e)  # "The main opposition All People's Congress (APC) accused …"
        if best is None or best[1].type is EntityType.GOVERNMENT or best[1].type is EntityType.COURT and party_post:
            # "the government dissolved the party PASTEF, after its leader …", "The Supreme Court banned the
            # IRPT in 2015 … Its exiled leader": a government or a court has no leader of that kind; the party
            # or organisation named since (in the same sentence when nothing was a subject) is meant
            later = [(m.begin, e) for e in self.entities if e.type in {EntityType.PARTY, EntityType.ORGANIZATION}
                     for m in e.mentions if m.begin < pronoun.idx and (
                         m.sentence == sentence if best is None else 0 <= sentence - m.sentence <= 1
                         and m.begin > best[0])]
            # "The CSE cancelled the movement's legal status … Its president": the body a possessive
            # noun stood for since
            first = pronoun.i
            while first > 0 and sentence - self.sent_of.get(first - 1, -9) <= 1:
                first -= 1
            later += [(t.idx, org) for t in self.doc[first:pronoun.i] if (best is None or t.idx > best[0])
                      and (org := self._described_org(t.i)) is not None
                      and org.type in {EntityType.PARTY, EntityType.ORGANIZATION}]
            if later:
                best = max(later, key=lambda pair: pair[0])
        return best[1] if best else None

    def _nearest_ministry(self, offset: int) -> Entity | None:
        return self._last_before(offset, lambda e: e.type is EntityType.GOVERNMENT and "ministry" in e.label.lower())

    def _nearest_org(self, offset: int) -> Entity | None:
        return self._last_before(offset, lambda e: e.type in {EntityType.PARTY, EntityType.ORGANIZATION,
                                                             EntityType.GOVERNMENT, EntityType.COURT, EntityType.IGO})

    def _last_before(self, offset: int, wanted: Callable[[Entity], bool]) -> Entity | None:
        """Of the entities `wanted` accepts, the one mentioned last before `offset`."""
        return _last_mentioned(self.entities, offset, wanted)

    def _add_with(self, person: Entity, title: list[Token], org: Entity, begin: int, end: int,
                  role: str | None = None) -> None:
        words = [t.lemma_ if t.tag_ in {"NNS", "NNPS"} and self._kinds(t) & {"head"} else t.text
                 for t in title if not t.is_punct or t.text == "-"]
        role = role or " ".join(words).replace(" - ", "-").lower()
        key = (person.key, role, org.key)
        if role and key not in self.seen and org.key != person.key:
            self.seen.add(key)
            span = self.doc.char_span(begin, end, alignment_mode="expand")
            sentence = self.sent_of.get(span.start if span is not None else 0, 0)
            self.memberships.append(Membership(person.key, role, org.key, sentence, begin, end))

    def _state_body(self, noun: str, offset: int = 0, country: str | None = None) -> Entity:
        """The police (army, military …) the article names, else the country's: `country` when the post
        says whose ("Guinea's military leader"), else the article's main country."""
        named = [e for e in self.entities if e.type is EntityType.GOVERNMENT and e.mentions
                 and e.label.lower().endswith(noun) and not e.key.startswith("state:")]
        if named and country in {None, self.main_country}:
            # "provincial Deputy Police Chief X" after "Kampong Cham Provincial Police"
            return min(named, key=lambda e: min(abs(m.begin - offset) for m in e.mentions))
        index, entity = with_state_body(self.index(), noun, country or self.main_country, self.gaz)
        if entity.key not in self.by_key:
            self.entities = list(index.entities)
            self.by_key[entity.key] = entity
        return entity

    def _government(self, country: str) -> Entity:
        index, entity = with_government(self.index(), country)
        if entity.key not in self.by_key:
            self.entities = list(index.entities)
            self.by_key[entity.key] = entity
            self.government = index.government
        return entity
