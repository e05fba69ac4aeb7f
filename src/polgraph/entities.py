"""Mentions → entities: type names found by NER, and join the names that refer to one thing.

Within an article, "Cambodia National Rescue Party (CNRP)", "CNRP" and "the party's" are one
entity; "Rainsy" joins "Sam Rainsy"; "the Cambodian government" and "the government" join the
government of the article's main country. Every join records why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, Known, norm
from .lexicon import POSSESSIVE_MARKS, given_names, group_nouns, titles
from .model import Entity, EntityType, Mention
from .nlp import glued_hyphen, tokens_flagged, tokens_with, tokens_with_lemma

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_PARTY_WORDS = {"party", "movement", "front", "league", "alliance", "coalition", "congress", "platform"}
_COURT_WORDS = {"court", "tribunal", "judiciary"}
_GOV_WORDS = {
    "ministry", "government", "commission", "committee", "police", "army", "military", "forces",
    "assembly", "parliament", "senate", "council", "department", "agency", "office", "treasury",
    "cabinet", "administration", "authority", "authorities", "gendarmerie", "navy", "bureau",
    "secretariat", "prosecutor", "prosecutors", "directorate", "embassy", "municipality", "legislature",
    "kgb", "guard", "unit", "service",
}
_IGO_WORDS = {"united nations", "international", "european", "world", "asean", "african union"}
_ORG_STOP = {"of", "the", "and", "for", "in", "on", "&", "de", "des", "du", "la", "le", "el", "del"}
_REGION_WORDS = {"province", "state", "region", "district", "county", "prefecture", "oblast", "territory",
                 "commune", "municipality"}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam"}
_GENERIC = {"state", "government", "court", "party", "parliament", "police", "army", "ministry", "senate",
            "assembly", "opposition", "cabinet", "treasury", "military", "congress",
            "absentia"}  # "sentenced in absentia": Latin, not a place
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")


@dataclass
class _Cand:
    begin: int
    end: int
    tok_begin: int
    tok_end: int
    text: str
    label: str
    type: EntityType
    known: Known | None = None
    cued: bool = False  # the text around the name says what it is ("the outlet X"): that beats any vote


@dataclass
class _Cluster:
    type: EntityType
    cands: list[_Cand] = field(default_factory=list)
    known: Known | None = None
    label: str = ""
    reasons: list[str] = field(default_factory=list)
    extra_aliases: list[str] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return {c.text for c in self.cands} | set(self.extra_aliases)


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of one article plus token → entity key, for the later stages."""

    entities: tuple[Entity, ...]
    token_entity: dict[int, str]
    main_country: str | None
    government: str | None
    sent_of: tuple[int, ...] = ()  # token index → sentence index, computed once per document


def find_entities(doc: Doc, gaz: Gazetteer) -> EntityIndex:
    """Find, type and join the entities of one parsed article."""
    ents = list(doc.ents)  # doc.ents builds new spans on every call
    sent_of = sentence_of_tokens(doc)
    spans = _known_names(doc, gaz, [s if s.label_ in NER_LABELS else _relabel_known(s, gaz)
                                    for s in _joined_spans(doc, ents, gaz)])
    spans = _with_dateline_place(doc, _without_portfolios(doc, spans, gaz, sent_of), gaz)
    cands = [c for ent in spans if ent.label_ in NER_LABELS for c in _candidates(ent, gaz)]
    dropped = _acronyms_of_non_entities(doc, cands)
    cands = [c for c in cands if c.text not in dropped]
    clusters = [cl for cl in _cluster(cands, doc) if not _credit_only(cl, doc, sent_of)]
    country_counts, filed = _country_counts(ents, clusters, gaz, sent_of)
    main_country = _main_country(country_counts, _foreign_posts(doc, ents, gaz), filed)
    groups = _groups(doc, clusters)
    clusters.extend(groups)
    gov = _governments(doc, clusters, gaz, main_country)
    _common_ministries(doc, clusters, gaz, main_country)
    return _finish(clusters, main_country, gov, sent_of, gaz)


_CREDIT_WORDS = {"photo", "photos", "photograph", "picture", "image", "images", "by", "credit", "courtesy",
                 "of", "file", "afp", "reuters", "ap", "getty", "epa", "xinhua", "supplied", "via", "stringer"}


def _credit_only(cl: _Cluster, doc: Doc, sent_of: tuple[int, ...]) -> bool:
    """A name that is only ever a credit or a tag is not an actor in the news: a person named in a line of
    their own under a photo ('… to be released. Heng Chivoan'), a photo agency ('PHOTO: EPA-EFE'), the
    news agency of a dateline ('HARARE (Reuters) -'), a hashtag of an embedded tweet ('#PoliticsKH')."""
    if not cl.cands:
        return False
    return all(_hashtag(c, doc) or _after_credit_label(c, doc, sent_of) or _dateline_agency(c, doc)
               or (cl.type is EntityType.PERSON and _alone_in_line(c, doc, sent_of)) for c in cl.cands)


def _hashtag(c: _Cand, doc: Doc) -> bool:
    return c.tok_begin > 0 and doc[c.tok_begin - 1].text == "#" and not doc[c.tok_begin - 1].whitespace_


def _dateline_agency(c: _Cand, doc: Doc) -> bool:
    """'HARARE (Reuters) - …': a name in brackets between the dateline's place and its dash."""
    b, e = c.tok_begin, c.tok_end
    return (b >= 2 and e + 1 < len(doc) and doc[b - 1].text == "(" and doc[e].text == ")"
            and doc[e + 1].text in {"-", "–", "—", "--"}
            and (doc[b - 2].ent_type_ in {"GPE", "LOC", "DATE"} or (doc[b - 2].is_upper and doc[b - 2].is_alpha)
                 or _near_line_start(doc, b - 1)))


def _near_line_start(doc: Doc, i: int, window: int = 8) -> bool:
    """Token `i` is among the first `window` tokens of its line ('CARACAS, Jan 26 (Reuters) -')."""
    for k in range(i - 1, max(-1, i - window - 1), -1):
        if "\n" in doc[k].text_with_ws:
            return True
    return i <= window


def _after_credit_label(c: _Cand, doc: Doc, sent_of: tuple[int, ...]) -> bool:
    """'PHOTO: EPA-EFE', 'Photo credit: Reuters': a photo label and a colon before the name."""
    i = c.tok_begin - 1
    if i < 1 or doc[i].text != ":" or sent_of[i] != sent_of[c.tok_begin]:
        return False
    return doc[i - 1].lower_ in _CREDIT_WORDS - {"by", "of", "via"}


def _alone_in_line(c: _Cand, doc: Doc, sent_of: tuple[int, ...]) -> bool:
    start, end, sentence = c.tok_begin, c.tok_begin, sent_of[c.tok_begin]
    while start > 0 and sent_of[start - 1] == sentence:
        start -= 1
    while end < len(sent_of) and sent_of[end] == sentence:
        end += 1
    return not any(not (c.tok_begin <= t.i < c.tok_end) and not t.is_punct and not t.is_space
                   and t.lower_ not in _CREDIT_WORDS for t in doc[start:end])


def sentence_of_tokens(doc: Doc) -> tuple[int, ...]:
    """Token index → sentence index, read from the sentence-start array (doc.sents builds a span and
    a token object per token on every walk)."""
    import numpy as np
    from spacy.attrs import IS_ALPHA, SENT_START

    if not len(doc):
        return ()
    columns = doc.to_array([SENT_START, IS_ALPHA])
    starts = columns[:, 0] == 1
    # the parser now and then starts a sentence in the middle of one ("Interior Minister | Hama Amadou
    # Souley were detained"): a start right after a word, with no punctuation or line break, is none
    starts[1:] &= columns[:-1, 1] == 0
    starts[0] = True
    return tuple((np.cumsum(starts) - 1).tolist())


_WITH_THE = re.compile(r"^(?:United |Republic |Democratic Republic |Czech Republic|Dominican Republic|Central African"
                       r"|Netherlands|Philippines|Gambia|Bahamas|Maldives|Comoros|Seychelles|Vatican"
                       r"|(?:Marshall|Solomon|Cook) Islands)")


def of_country(country: str) -> str:
    """The country's name as it reads after 'of': 'the Philippines', 'the United States', 'Togo'."""
    return f"the {country}" if _WITH_THE.match(country) else country


def government_label(country: str) -> str:
    """The label of a country's government, one spelling for every stage that adds or looks it up."""
    return f"Government of {of_country(country)}"


def with_government(index: EntityIndex, country: str) -> tuple[EntityIndex, Entity]:
    """The index with an entity for the government of `country` (added when absent)."""
    label = government_label(country)
    for e in index.entities:
        if e.label == label:
            return index, e
    entity = Entity(f"gov:{country}", label, EntityType.GOVERNMENT, (), (),
                    (f"implied: the government of {country}",))
    return EntityIndex((*index.entities, entity), index.token_entity, index.main_country,
                       index.government or entity.key, index.sent_of), entity


def state_body_key(name: str, scope: str | None) -> str:
    """One key (and so one entity) per kind of state body and country: 'police' in Cambodia."""
    return f"state:{name.lower()}|{scope or ''}"


def state_body_alias(name: str, scope: str | None, gaz: Gazetteer | None) -> str | None:
    """'police' of Uganda is also 'Ugandan police': the label keeps the text's words, and the alias
    says whose body it is in a graph of many countries."""
    if not scope:
        return None
    demonym = gaz.demonym(scope) if gaz is not None else None
    return f"{demonym or scope} {name}"


def with_state_body(index: EntityIndex, name: str, scope: str | None,
                    gaz: Gazetteer | None = None) -> tuple[EntityIndex, Entity]:
    """The index with a government body for 'police', 'security forces'… (added when absent)."""
    key = state_body_key(name, scope)
    for e in index.entities:
        if e.key == key:
            return index, e
    alias = state_body_alias(name, scope, gaz)
    entity = Entity(key, name, EntityType.GOVERNMENT, (alias,) if alias else (), (),
                    (f"'{name}' acting for the state",), scope=scope)
    return EntityIndex((*index.entities, entity), index.token_entity, index.main_country,
                       index.government, index.sent_of), entity


# candidates -------------------------------------------------------------------------------------
_OF_HEADS = {"court", "ministry", "government", "parliament", "bank", "council", "commission", "assembly",
             "university", "office", "department", "republic", "kingdom", "party"}


def _joined_spans(doc: Doc, ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """NER spans (`ents`, the document's), with 'Supreme Court' + 'of' + 'Veldonia' joined into one
    organisation, and 'Amnesty International and Human Rights Watch' split into its two known names."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (ent.label_ == "ORG" and nxt is not None and nxt.label_ in {"GPE", "ORG", "LOC"}
                and nxt.start == ent.end + 1 and doc[ent.end].lower_ == "of"
                and ent[-1].lower_ in _OF_HEADS):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        if ent.label_ == "ORG" and nxt is not None and _portfolio_continued(doc, ent, nxt, gaz):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))  # "Ministry of Foreign Affairs and" + "…"
            i += 2
            continue
        ent = _and_continued(doc, _past_abbreviation(_bracketed_org(ent)), gaz)
        split = _split_known(ent, gaz) or _split_lines(ent) or _split_dateline(ent) or _split_bracket(ent) \
            or _split_possessive(ent)
        out.extend(_with_region_word(s) for s in (split or [ent]))
        e = ent.end
        whole_org = not split or split[-1].end == ent.end and split[-1].label_ == "ORG"  # "Oli's CPN (UML)"
        if ent.label_ == "ORG" and whole_org and (end := _qualifier_end(doc, e)) is not None \
                and any(t.lower_ in _QUALIFIED for t in ent):
            out[-1] = Span(doc, out[-1].start, end, label="ORG")  # "… Party of Nepal (Unified Marxist-Leninist)"
        if (ent.label_ in {"ORG", "GPE"} and e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")"
                and _ACRONYM.match(doc[e + 1].text) and doc[e + 1].ent_type_ in _NOT_ORG_TYPES):
            out.append(Span(doc, e + 1, e + 2, label="ORG"))  # "People's Renewal Party (PRP)"
        i += 1
    out = _acronyms_again(doc, _named_by_acronym(doc, _org_after_possessive(doc, out)))
    named = _named_before_party_noun(doc, _named_after_org_noun(doc, _named_before_acronym(doc, out)))
    spans = _given_named(doc, _list_members(doc, _titled_names(doc, _whole_person_names(doc, named, gaz))), gaz)
    return _described_names(doc, spans, gaz)


def _acronyms_again(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the Democratic Party (DP) ... Several thousand DP supporters': an acronym the article defines in
    brackets names the organisation wherever it recurs, also where NER left it untagged or took it for a
    facility or a work."""
    defined = {doc[s.start].text for s in spans if len(s) == 1 and s.label_ == "ORG" and 0 < s.start < len(doc) - 1
               and doc[s.start - 1].text == "(" and doc[s.end].text == ")" and _ACRONYM.match(doc[s.start].text)}
    if not defined:
        return spans
    kept = [Span(doc, s.start, s.end, label="ORG") if len(s) == 1 and s.text in defined and s.label_ in _NOT_ORG_TYPES
            else s for s in spans]
    taken = {i for s in kept for i in range(s.start, s.end)}
    added = [Span(doc, i, i + 1, label="ORG") for i in tokens_with(doc, "ORTH", defined) if i not in taken]
    return sorted([*kept, *added], key=lambda s: s.start)


def _named_by_acronym(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the Dynamic for the Majority of the People (DMP)' with only 'People' tagged, 'Sri Lanka Podujana
    Peramuna (SLPP)' tagged a person: the capitalised words before a bracketed acronym whose initials
    spell it are one organisation's name. Without such a run, an organisation NER cut short ('The Office
    of the U.N.' + 'High Commissioner for Human Rights (OHCHR)') reaches the bracket when its initials
    hold the acronym's letters in order, from the first to the last."""
    out = spans
    for i in tokens_with(doc, "ORTH", {"("}):
        if not (i >= 2 and i + 2 < len(doc) and doc[i + 2].text == ")" and _ACRONYM.match(doc[i + 1].text)):
            continue
        letters = re.sub(r"[^A-Z]", "", doc[i + 1].text)
        start = i
        while start > 0 and i - start < 10 and not doc[start].is_sent_start and (
                doc[start - 1].is_alpha and (doc[start - 1].is_title or doc[start - 1].is_upper)
                or doc[start - 1].lower_ in _ORG_STOP | {"a", "an"} or _ACRONYM.match(doc[start - 1].text)):
            start -= 1
        capitals = [k for k in range(start, i) if doc[k].text[:1].isupper() and doc[k].lower_ not in _ORG_STOP]
        begin = next((k for k in capitals if "".join(doc[j].text[0] for j in capitals if j >= k) == letters), None)
        if begin is None:
            begin = _org_reaching_bracket(doc, out, i, letters)
        if begin is None or any(s.start == begin and s.end == i and s.label_ == "ORG" for s in out):
            continue
        inside = [s for s in out if s.start < i and s.end > begin]
        if any(_start_after_the(s) < begin or s.end > i for s in inside if s.label_ != "ORG" or s.start > begin):
            continue  # a name that runs on past the words: leave NER's reading
        added = [Span(doc, begin, i, label="ORG")]
        if not any(s.start == i + 1 for s in out):
            added.append(Span(doc, i + 1, i + 2, label="ORG"))  # the acronym, when NER left it untagged
        out = sorted([*(s for s in out if s not in inside), *added], key=lambda s: s.start)
    return out


def _start_after_the(span: Span) -> int:
    return span.start + 1 if span[0].lower_ == "the" and len(span) > 1 else span.start


def _org_reaching_bracket(doc: Doc, spans: list[Span], bracket: int, letters: str) -> int | None:
    """Where the organisation that the words before `bracket` continue begins, when the initials from its
    start to the bracket hold `letters` in order, the first and the last included."""
    before = [s for s in spans if s.label_ == "ORG" and bracket - 10 < s.end < bracket]
    if not before:
        return None
    s = max(before, key=lambda s: s.end)
    if not all(doc[k].is_alpha and doc[k].is_title or doc[k].lower_ in _ORG_STOP for k in range(s.end, bracket)):
        return None
    begin = s.start + 1 if doc[s.start].lower_ == "the" else s.start
    initials = "".join(doc[k].text[0] for k in range(begin, bracket)
                       if doc[k].text[:1].isupper() and doc[k].lower_ not in _ORG_STOP)
    if initials[:1] != letters[:1] or initials[-1:] != letters[-1:]:
        return None
    rest = iter(initials)
    return begin if all(ch in rest for ch in letters) else None


def _named_after_org_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the independent investigative outlet Abzas Media': capitalised words NER left untagged right after
    a noun for an organisation (outlet, newspaper, rights group …) are that organisation's name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    for i in tokens_with(doc, "LOWER", _ORG_NOUNS_BEFORE):
        tok = doc[i]
        if tok.pos_ != "NOUN" or not tok.is_lower:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 4 and end not in taken and doc[end].is_title and doc[end].is_alpha \
                and doc[end].pos_ == "PROPN":
            end += 1
        if end > i + 1 and (end >= len(doc) or not (doc[end].is_title and doc[end].is_alpha)):
            added.append(Span(doc, i + 1, end, label="ORG"))
            taken.update(range(i + 1, end))
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


def _named_before_party_noun(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the Smer party', 'the nationalist SNS party', 'the pro-Russian Shor Party': capitalised words NER
    left untagged between 'the' (or a word describing a party) and 'party' are the party's name (with
    'Party' when it is capitalised)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    for i in tokens_with(doc, "LOWER", _PARTY_NOUN):
        start = i
        while start > 0 and i - start < 3 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" \
                and (doc[start - 1].is_title or doc[start - 1].is_upper) and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in titles():
            start -= 1
        named = doc[i].text == "Party" and i not in taken  # "the pro-Russian Shor Party": the word is in the name
        if start < i and start > 0 and (doc[start - 1].lower_ in {"the", *_BEFORE_PARTY_NAME}
                                        or doc[start - 1].ent_type_ == "NORP") \
                and not doc[start].is_sent_start:
            added.append(Span(doc, start, i + named, label="ORG"))
            taken.update(range(start, i + named))
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


_PARTY_NOUN = frozenset({"party"})
_BEFORE_PARTY_NAME = {"ruling", "governing", "opposition", "nationalist", "main", "former", "far-right", "centrist",
                      "conservative", "liberal", "socialist", "populist", "leftist", "rightist", "islamist"}


_NAME_LINKS = {"and", "of", "for", "the"}


def _named_before_acronym(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the Freedom and Justice Party (SSP)': NER found the acronym but not the name it stands for (the
    acronym of a name in another language need not match its English initials). Capitalised words
    right before the bracket that end in a party or organisation word are that name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    for span in spans:
        b = span.start
        if not (len(span) == 1 and span.label_ == "ORG" and _ACRONYM.match(span.text) and b >= 3
                and doc[b - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"):
            continue
        end = b - 1
        head = doc[end - 1]
        if end - 1 in taken or not head.is_title or head.lower_ not in _PARTY_WORDS | _ORG_CUES:
            continue
        start = end - 1
        while start > 0 and end - start < 8 and start - 1 not in taken and (
                doc[start - 1].is_title and doc[start - 1].is_alpha or doc[start - 1].lower_ in _NAME_LINKS - {"the"}):
            start -= 1
        while start < end and doc[start].lower_ in _NAME_LINKS:
            start += 1
        if end - start >= 2 and not doc[start].is_sent_start:
            added.append(Span(doc, start, end, label="ORG"))
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


def _bracketed_org(ent: Span) -> Span:
    """'The Conference of Bishops of Togo (CET' tagged a work of art: a name that NER read as a title,
    a building or a product but that an acronym in brackets follows is an organisation's."""
    if ent.label_ not in {"WORK_OF_ART", "FAC", "PRODUCT"}:
        return ent
    doc = ent.doc
    bracket = next((t.i for t in ent if t.text == "("), ent.end)
    if bracket + 1 < len(doc) and doc[bracket].text == "(" and _ACRONYM.match(doc[bracket + 1].text):
        return Span(doc, ent.start, ent.end, label="ORG")
    return ent


def _past_abbreviation(ent: Span) -> Span:
    """'The Office of the U.N.' + 'High Commissioner for Refugees': NER ends an organisation at an
    abbreviation's full stop; capitalised words (and 'for', 'of', 'on') right after it continue it."""
    doc, e = ent.doc, ent.end
    if ent.label_ != "ORG" or not re.fullmatch(r"(?:[A-Z]\.){2,}", ent[-1].text):
        return ent
    end = e
    while e < len(doc) and e - ent.end < 8 and not doc[e].ent_type_ and (
            doc[e].is_title and doc[e].is_alpha or doc[e].lower_ in {"for", "of", "on"}):
        e += 1
        if doc[e - 1].is_title:
            end = e
    return Span(doc, ent.start, end, label="ORG") if end > ent.end else ent


def _portfolio_continued(doc: Doc, ent: Span, nxt: Span, gaz: Gazetteer) -> bool:
    """'the Ministry of Foreign Affairs and' + 'International Cooperation' (NER's two organisations) is one
    ministry: a name with 'of' inside, 'and', then one to three capitalised words NER typed an organisation
    that the gazetteer does not know, with no capitalised word after them ('Amnesty International and Human
    Rights Watch', '… and Interior Minister X' stay two)."""
    e = ent.end - 1 if ent[-1].lower_ == "and" else ent.end
    return (nxt.label_ == "ORG" and e < len(doc) and doc[e].lower_ == "and" and nxt.start == e + 1
            and 1 <= len(nxt) <= 3 and all(t.is_title and t.is_alpha for t in nxt)
            and any(t.lower_ == "of" for t in ent[1:e - ent.start]) and not gaz.lookup(nxt.text)
            and (nxt.end >= len(doc) or not doc[nxt.end].is_title))  # "… and Interior Minister Sar Kheng"


def _and_continued(doc: Doc, ent: Span, gaz: Gazetteer) -> Span:
    """'Civic Alliance for Justice' + 'and Democracy' is one name: NER often stops an organisation's
    name at 'and'. Joined only after 'for'/'of' inside the name, over one to three capitalised words
    that no other entity holds, and when no capitalised word follows ('… and Interior Minister Sar
    Kheng' stays two names)."""
    e = ent.end
    if (ent.label_ != "ORG" or e + 2 > len(doc) or doc[e].lower_ != "and"
            or not any(t.lower_ in {"for", "of"} for t in ent[1:-1])):
        return ent
    j = e + 1
    while j < len(doc) and j - e <= 3 and doc[j].is_title and doc[j].is_alpha and not doc[j].ent_type_:
        j += 1
    if j == e + 1 or j - e > 3 or (j < len(doc) and (doc[j].is_title or doc[j].ent_type_)):
        return ent
    words = doc[e + 1:j]
    if gaz.lookup(words.text) or any(t.lower_ in _ORG_STOP for t in words):
        return ent
    return Span(doc, ent.start, j, label="ORG")


def _with_dateline_place(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'BANGKOK (Sputnik) — …', 'PHNOM PENH, Cambodia —': the capitalised place a line starts with,
    before a dash, a comma or a bracketed agency, is where the story was filed (NER rarely tags it)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    exact = {(s.start, s.end): s for s in spans}
    added: list[Span] = []
    retyped: dict[Span, Span] = {}
    limit = min(len(doc), 400)  # datelines open the text
    # a line starts after a token with a line break (only a space token holds one: a token's own
    # trailing whitespace is at most one space)
    line_starts = [0] + [k + 1 for k in tokens_flagged(doc, "IS_SPACE") if k + 1 < limit and "\n" in doc[k].text]
    for i in line_starts if limit else ():
        j = i
        while j < len(doc) and j - i < 3 and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1:
            j += 1
        tagged = exact.get((i, j))  # "LILONGWE, June 18 (Reuters) -" tagged as a person: a place all the same
        if j == i or j >= len(doc) or any(k in taken for k in range(i, j)) and (
                tagged is None or tagged.label_ not in {"PERSON", "ORG", "NORP"}):
            continue
        after = j + 1 if doc[j].text == "(" else j
        if after > j:  # "(Reuters)": up to four words and the closing bracket
            after = next((k + 1 for k in range(j + 1, min(j + 6, len(doc))) if doc[k].text == ")"), j)
        if after >= len(doc) or doc[after].text not in {"-", "–", "—", "--", ","}:
            continue
        known = gaz.lookup(" ".join(t.text.title() for t in doc[i:j]))
        if known is not None and known.type.is_place:
            if tagged is not None:
                retyped[tagged] = Span(doc, i, j, label="GPE")
            else:
                added.append(Span(doc, i, j, label="GPE"))
    if retyped:
        spans = [retyped.get(s, s) for s in spans]
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


def _without_portfolios(doc: Doc, spans: list[Span], gaz: Gazetteer, sent_of: tuple[int, ...]) -> list[Span]:
    """'Under Secretary of the Treasury for Terrorism and Financial Intelligence', 'Minister for Foreign
    Affairs': what follows 'for' in a capitalised post title is the post's remit, not an organisation.
    An organisation someone works for ('a researcher for Human Rights Watch', 'spokesman for the
    National Police') keeps its name: a lower-case post, 'the', an acronym or a known name says so."""
    words = titles()
    remit: set[int] = set()  # start of each span dropped, to follow "… for A and B"
    out: list[Span] = []
    for span in spans:
        p = span.start - 1
        chained = p >= 1 and doc[p].lower_ == "and" and any(r < p for r in remit) and \
            any(o.end == p and o.start in remit for o in spans)
        if span.label_ == "ORG" and span.end < len(doc) and doc[span.end].lower_ in words and (
                span[-1].lower_ == "cabinet" or _portfolio_words(span)
                and "government" in words[doc[span.end].lower_]):
            continue  # "Defence Cabinet Secretary X", "Industry and Trade Minister X": a portfolio and a title
        if span.label_ == "ORG" and _portfolio_words(span) and span.end + 2 < len(doc) \
                and doc[span.end].lower_ in {"and", "&"} and doc[span.end + 1].is_title \
                and "government" in words.get(doc[span.end + 2].lower_, frozenset()):
            continue  # "Energy" of "Energy and Mines Minister X", NER's span cut at "and"
        if (span.label_ == "ORG" and p >= 1 and (doc[p].lower_ == "for" or chained) and span[0].lower_ != "the"
                and not _ACRONYM.match(span.text) and gaz.lookup(span.text) is None
                and (chained or _after_post_title(doc, p, words, sent_of))):
            remit.add(span.start)
            continue
        out.append(span)
    return out


def _portfolio_words(span: Span) -> bool:
    """'Communication', 'Home Affairs', 'Industry and Trade': one or two capitalised words, or two joined
    by 'and'."""
    words = [t for t in span if t.lower_ not in {"and", "&"}]
    return len(words) <= 2 and len(span) - len(words) <= 1 and span[0] in words and span[-1] in words \
        and all(t.is_title and t.is_alpha for t in words)


def _after_post_title(doc: Doc, p: int, words: dict[str, frozenset[str]], sent_of: tuple[int, ...]) -> bool:
    """A capitalised post title ('Under Secretary of the Treasury', 'Minister') ends right before `p`."""
    i = p - 1
    while i >= 0 and p - i <= 8 and sent_of[i] == sent_of[p]:
        tok = doc[i]
        if tok.is_title and "head" in words.get(tok.lower_, frozenset()):
            return True
        if not (tok.is_title or tok.lower_ in {"of", "the", "-"}):
            return False
        i -= 1
    return False


def _headline(sent: Span) -> bool:
    """A line in title case ('Opposition Leader Kem Sokha Arrested In Phnom Penh'), where capitals say
    nothing about names."""
    alpha = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(alpha) >= 3 and sum(t.is_title for t in alpha) > 0.7 * len(alpha)


def _whole_person_names(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Three-part names NER cuts short: 'Maria Corina' + 'Machado' (tagged a place), '[Attorney General]
    Tarek' + 'William Saab'. A person's name takes in a capitalised word right after it that is a name
    no gazetteer knows, or one right before it that follows a post title."""
    words = titles()
    out: list[Span] = []
    skip: set[int] = set()
    for n, span in enumerate(spans):
        if n in skip:
            continue
        if span.label_ == "PERSON" and (joined := _particle_name(doc, span, spans[n + 1:])) is not None:
            whole, taken = joined  # "Ursula von" + "der" + "Leyen" (tagged a place), "Jose Eduardo" + "dos Santos"
            out.append(whole)
            skip.update(range(n + 1, n + 1 + taken))
            continue
        if span.label_ == "PERSON":
            start, end = span.start, span.end
            nxt = spans[n + 1] if n + 1 < len(spans) else None
            tagged = nxt is not None and nxt.start == end
            if (end < len(doc) and _name_word(doc[end], words, gaz) and doc[end - 1].whitespace_
                    and (not tagged or (len(nxt) == 1 and (nxt.label_ in {"GPE", "LOC", "ORG"}
                                                           or nxt.label_ == "PERSON" and len(span) == 2))
                         or _hyphenated_name(nxt, gaz))
                    and (tagged or not doc[end].ent_type_)
                    and (end + 1 >= len(doc) or doc[end + 1].pos_ != "PROPN") and not _headline(doc[end].sent)):
                end += 1  # "Maria Corina Machado", "Samia Suluhu" + "Hassan"
                if tagged:
                    skip.add(n + 1)
            elif (tagged and nxt.label_ == "PERSON" and len(span) + len(nxt) <= 5 and doc[end - 1].whitespace_ == " "
                  and not _headline(doc[end].sent)):
                end = nxt.end  # "Mirza Fakhrul" + "Islam Alamgir": two names side by side are one name
                skip.add(n + 1)
            elif (not tagged and end + 1 < len(doc) and len(span) <= 2
                  and all(_name_word(doc[i], words, gaz) and not doc[i].ent_type_ for i in (end, end + 1))
                  and doc[end - 1].whitespace_ and doc[end].whitespace_
                  and (end + 2 >= len(doc) or doc[end + 2].pos_ != "PROPN") and not _headline(doc[end].sent)):
                end += 2  # "Aung San" + "Suu Kyi", "Ahmat" + "Abdelkerim Nassour": a name NER took part of
            if tagged and end < nxt.end and _hyphenated_name(nxt, gaz):
                end = nxt.end  # "Alix Didier" + "Fils-Aimé" (tagged an organisation)
                skip.add(n + 1)
            given = out[-1] if out and out[-1].end == start else None
            if (given is not None and len(given) == 1 and given.label_ in {"GPE", "LOC", "ORG", "NORP"}
                    and given[0].text in given_names() and _name_word(given[0], words, gaz)
                    and given[0].whitespace_ and not _headline(given[0].sent)):
                out.pop()  # "Youssouf" (tagged a place) + "Adoum Haggar": a given name NER typed apart
                start = given.start
            before = doc[start - 1] if start >= 2 else None
            if (before is not None and before.is_title and before.pos_ == "PROPN" and not before.ent_type_
                    and before.lower_ not in words and doc[start - 2].lower_ in words and len(span) < 3
                    and not _headline(before.sent) and portfolio_title(doc, start) is None):
                start -= 1  # "Attorney General Tarek William Saab" (not "Minister of Foreign Affairs X")
            elif (before is not None and start >= 3 and _name_word(before, words, gaz) and not before.ent_type_
                  and doc[start - 2].text == "," and doc[start - 3].pos_ == "NOUN" and len(span) == 2
                  and end < len(doc) and doc[end].text == "," and not _headline(before.sent)):
                start -= 1  # "A police constable, Amirul Islam Parvez, was …": a name set off as an appositive
            if end < len(doc) and doc[end].lower_ in _PATRONYMIC_SUFFIXES:
                end += 1  # "Makhabat Tazhibek kyzy"
            if (start, end) != (span.start, span.end):
                span = Span(doc, start, end, label="PERSON")
        out.append(span)
    return out


# lower-case words inside a surname ("von der Leyen", "dos Santos", "bin Salman", "van der Bellen")
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "das", "do", "dos", "du", "di",
                             "bin", "ibn", "ben", "ter", "zu"})


def _particle_name(doc: Doc, span: Span, after: list[Span]) -> tuple[Span, int] | None:
    """A person's name NER ended at or before a surname's particles: the name runs on over one or two
    lower-case particles and the capitalised word after them. Returns the whole name and how many of the
    spans `after` it takes in (a surname NER tagged on its own, as a place or a person)."""
    end = span.end
    while end > span.start + 1 and doc[end - 1].lower_ in _NAME_PARTICLES and doc[end - 1].is_lower:
        end -= 1  # "Ursula von": NER took a particle in
    k = end
    while k < len(doc) and k - end < 2 and doc[k].lower_ in _NAME_PARTICLES and doc[k].is_lower:
        k += 1
    if k == end or k >= len(doc) or not (doc[k].is_title and doc[k].is_alpha) or not doc[k - 1].whitespace_:
        return None
    taken = 0
    for other in after:
        if other.start > k:
            break
        if other.end > k + 1 or other.start < end:
            return None  # a longer name or organisation starts there: not this rule's
        taken += 1
    return Span(doc, span.start, k + 1, label="PERSON"), taken


def _hyphenated_name(span: Span, gaz: Gazetteer) -> bool:
    """'Fils-Aimé', 'Saint-Cyr': one hyphenated capitalised word NER typed as an organisation or place,
    that no gazetteer knows."""
    return (span.label_ in {"GPE", "LOC", "ORG", "NORP"} and len(span) == 3 and glued_hyphen(span.doc, span[1].i)
            and all(t.is_title and t.is_alpha for t in (span[0], span[2])) and gaz.lookup(span.text) is None)


_PATRONYMIC_SUFFIXES = {"kyzy", "uulu", "uly", "qyzy", "ogly", "oglu", "gyzy"}  # Turkic "daughter (son) of"


def _name_word(tok: Token, words: dict[str, frozenset[str]], gaz: Gazetteer) -> bool:
    """A capitalised proper noun that is no post title and no name the gazetteer knows."""
    return tok.is_title and tok.pos_ == "PROPN" and tok.lower_ not in words and gaz.lookup(tok.text) is None


@lru_cache(maxsize=1)
def _title_forms() -> frozenset[str]:
    """Post-title words as tokens may spell them ('gen' and 'gen.')."""
    return frozenset(w for word in titles() if " " not in word for w in (word, word + "."))


_LAW_WORDS = frozenset({"Act", "Law", "Code", "Bill", "Decree", "Constitution", "Charter", "Ordinance"})


def _titled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """'lawmaker Um Sovann': two or three capitalised words right after a post title are a name,
    even when NER took 'Um' for an interjection, or the whole 'KNCHR chairperson Roseline Odede' for
    the title of a work (such a span, holding a post title, is dropped)."""
    words = titles()
    # "the Official Secrets Act": a law, whose first word only looks like a title
    laws = {i for s in spans if s.label_ == "LAW" or s[-1].text in _LAW_WORDS for i in range(s.start, s.end)}
    spans = [s for s in spans if s.label_ in NER_LABELS or not any(t.lower_ in words for t in s)]
    taken = {i for s in spans for i in range(s.start, s.end)} | laws
    persons = {s.start: s for s in spans if s.label_ == "PERSON"}
    merged: dict[Span, Span] = {}
    added: list[Span] = []
    for i in tokens_with(doc, "LOWER", _title_forms()):
        tok = doc[i]
        kinds = words.get(tok.lower_.strip("."), frozenset())
        if not kinds & {"head", "government", "court"} or tok.i + 2 > len(doc):
            continue
        n = 0
        while tok.i + 1 + n < len(doc) and n < 4:
            nxt = doc[tok.i + 1 + n]
            if not (nxt.is_title and nxt.is_alpha) or nxt.i in taken or nxt.lower_ in words:
                break
            n += 1
        person = persons.get(tok.i + 1 + n)
        if person is not None and n >= 1 and n + len(person) <= 4 and person not in merged:
            # "President Mahamat Idriss" + "Deby Itno" (tagged a person): one name, cut in two by NER
            merged[person] = Span(doc, tok.i + 1, person.end, label="PERSON")
            taken.update(range(tok.i + 1, tok.i + 1 + n))
        elif 2 <= n <= 3:
            added.append(Span(doc, tok.i + 1, tok.i + 1 + n, label="PERSON"))
            taken.update(range(tok.i + 1, tok.i + 1 + n))
    if merged:
        spans = [merged.get(s, s) for s in spans]
    return sorted([*spans, *added], key=lambda s: s.start)


def _given_named(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Nika Melia, a leader of…': a common given name and one or two more capitalised names that NER
    left untagged are a person (the small model misses many names that are not English)."""
    names = given_names()
    # "Colonel Mamadou" + "Saliou Camara" (tagged a person): a given name NER left out before a person's name
    spans = [Span(doc, s.start - 1, s.end, label="PERSON") if s.label_ == "PERSON" and s.start > 0
             and doc[s.start - 1].text in names and doc[s.start - 1].pos_ == "PROPN" and not doc[s.start - 1].ent_type_
             else s for s in spans]
    taken = {i for s in spans for i in range(s.start, s.end)}
    # "Esther" + "Phiri" (tagged ORG): a surname NER typed alone, right after a given name it left out
    surnames = {s.start: s for s in spans if len(s) == 1 and s.label_ in {"ORG", "PERSON", "NORP"}
                and s[0].pos_ == "PROPN" and gaz.lookup(s.text) is None}
    dropped: set[Span] = set()
    words = titles()
    added: list[Span] = []
    for i in tokens_with(doc, "ORTH", names):
        if i in taken or doc[i].pos_ != "PROPN" or (i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha
                                                    and not doc[i].is_sent_start and portfolio_title(doc, i) is None
                                                    and doc[i - 1].lower_.removesuffix("s") not in words):
            continue  # inside a longer capitalised run ("Lake Victoria Park"): not this rule's to split
        end = i + 1
        while end < len(doc) and end - i < 3 and doc[end].is_title and doc[end].is_alpha and doc[end].pos_ == "PROPN" \
                and end not in taken and doc[end].lower_ not in words and doc[end].lower_ not in _ORG_CUES:
            end += 1
        surname = surnames.get(end) if end == i + 1 and doc[i].whitespace_ else None
        if surname is not None and doc[i].ent_type_ == "" and doc[end].lower_ not in words:
            end = surname.end
        elif end == i + 1 or end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            continue
        span = Span(doc, i, end, label="PERSON")
        if gaz.lookup(span.text) is None:
            added.append(span)
            taken.update(range(i, end))
            if surname is not None:
                dropped.add(surname)
    if dropped:
        spans = [s for s in spans if s not in dropped]
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


def _described_names(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'ordered Gevorg Sahakyan, deputy chairman of the ARU, held': two or three capitalised words NER
    left untagged, set off by an appositive that describes a person, are that person's name."""
    # a place NER made of a name it does not know ("Adalberto" + "Costa Júnior" tagged a place) may be one
    unknown_places = {i for s in spans if s.label_ in {"GPE", "LOC"} and gaz.lookup(s.text) is None
                      for i in range(s.start, s.end)}
    taken = {i for s in spans for i in range(s.start, s.end)} - unknown_places
    words = titles()

    def free(t: Token) -> bool:  # a name word NER left untagged, or put in an unknown place
        return _name_word(t, words, gaz) and (not t.ent_type_ or t.i in unknown_places)

    added: list[Span] = []
    for i in tokens_with(doc, "ORTH", {","}):
        if i < 2 or i - 1 in taken:
            continue
        start = i - 1
        while start > 0 and i - start < 3 and start - 1 not in taken and free(doc[start - 1]):
            start -= 1
        span = Span(doc, start, i, label="PERSON")
        if not (2 <= len(span) <= 3 and all(free(t) for t in span)) \
                or start > 0 and (doc[start - 1].is_title and doc[start - 1].is_alpha or doc[start - 1].text == "'s") \
                or gaz.lookup(span.text) is not None or any(t.lower_ in _ORG_CUES for t in span):
            continue
        if any(c.dep_ == "appos" and c.i > i and _describes_a_person(c) for c in span.root.children):
            added.append(span)
            taken.update(range(start, i))
    if not added:
        return spans
    kept = [s for s in spans if not any(s.start < a.end and a.start < s.end for a in added)]
    return sorted([*kept, *added], key=lambda s: s.start)


def portfolio_title(doc: Doc, i: int) -> int | None:
    """'Minister of Territorial Administration Fabien Ngoa': when the capitalised run before token i is a
    post's title with its portfolio after 'of' or 'for', the index of the title word ('Minister'); the
    post ends, and a name may begin, at i."""
    words = titles()
    j = i - 1
    while j > 0 and i - j <= 7 and (doc[j].is_title and doc[j].is_alpha or doc[j].lower_ in {"of", "for", "and"}):
        if doc[j].lower_ in {"of", "for"} and doc[j - 1].lower_ in words and j < i - 1 \
                and doc[i - 1].lower_ not in {"of", "for", "and"}:
            return j - 1
        j -= 1
    return None


def _list_members(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Mu Sochua, Keo Phirom, Men Sothavarin and Ho Vann': a name NER skipped inside a list of
    people is a person too."""
    persons = [s for s in spans if s.label_ == "PERSON"]
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    for left, right in zip(persons, persons[1:], strict=False):
        gap = doc[left.end:right.start]
        if not 3 <= len(gap) <= 12 or gap[0].text != "," or gap[-1].lower_ not in {",", "and"}:
            continue
        item: list[Token] = []
        for tok in gap[1:]:
            if tok.text in {",", "and"} or tok.i == right.start - 1:
                if 1 < len(item) <= 3 and all(t.is_title and t.is_alpha and t.i not in taken for t in item):
                    added.append(Span(doc, item[0].i, item[-1].i + 1, label="PERSON"))
                item = []
            else:
                item.append(tok)
    return sorted([*spans, *added], key=lambda s: s.start)


def _with_region_word(span: Span) -> Span:
    """'Chamkar Mon' + 'district': the region word belongs to the name."""
    doc = span.doc
    if span.label_ in {"GPE", "LOC", "ORG", "PERSON"} and span.end < len(doc) and \
            doc[span.end].lower_ in _REGION_WORDS and doc[span.end].lower_ not in {"state", "territory"}:
        return Span(doc, span.start, span.end + 1, label="GPE")
    return span


def _split_lines(ent: Span) -> list[Span] | None:
    """A name never runs across a line break ('account\n\nAuthorities')."""
    if "\n" not in ent.text:
        return None
    parts: list[Span] = []
    start = ent.start
    for tok in ent:
        if "\n" in tok.text:
            if tok.i > start:
                parts.append(Span(ent.doc, start, tok.i, label=ent.label_))
            start = tok.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return [p for p in parts if any(t.is_title or t.is_upper for t in p)] or []


def _split_dateline(ent: Span) -> list[Span] | None:
    """'BANGKOK - Thailand's …': a dateline city and the text's first name are two names."""
    for tok in ent:
        if tok.text in {"-", "–", "—"} and tok.i > ent.start and tok.i < ent.end - 1 and \
                tok.whitespace_ and ent.doc[tok.i - 1].whitespace_:
            left, right = ent.doc[ent.start:tok.i], ent.doc[tok.i + 1:ent.end]
            return [Span(ent.doc, left.start, left.end, label="GPE" if left.text.isupper() else ent.label_),
                    Span(ent.doc, right.start, right.end, label=ent.label_)]
    return None


_QUALIFIED = {"party", "front", "movement", "congress", "league", "alliance", "union"}  # names a faction may qualify


def _qualifier_end(doc: Doc, i: int) -> int | None:
    """'(Maoist Centre)', '(Unified Marxist-Leninist)' opening at token i: a faction's qualifier, part of a
    party's name (capitalised words, not an acronym, not a place); the token after its ')'."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    j = i + 1
    while j < len(doc) and j - i <= 5 and (doc[j].is_title and doc[j].is_alpha or doc[j].text == "-"):
        j += 1
    if j - i < 3 or j >= len(doc) or doc[j].text != ")" or doc[i + 1:j].text.upper() == doc[i + 1:j].text:
        return None
    return j + 1


def _org_after_possessive(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Nabih Berri's Amal Movement" with only the person tagged: capitalised words right after a name's
    "'s" that end in an organisation's word ('Movement', 'Party', 'Front') are that organisation."""
    marks = tokens_with(doc, "ORTH", POSSESSIVE_MARKS)
    if not marks:
        return spans
    # the name ends at the mark, or NER took the mark in
    owners = {i for s in spans if s.label_ in {"PERSON", "ORG"} for i in (s.end, s.end - 1)}
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    for i in marks:
        if i not in owners:
            continue
        end = i + 1
        while end < len(doc) and end - i <= 5 and end not in taken and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end - i >= 3 and doc[end - 1].lower_ in _ORG_CUES:
            added.append(Span(doc, i + 1, end, label="ORG"))
            taken.update(range(i + 1, end))
    return sorted([*spans, *added], key=lambda s: s.start) if added else spans


def _split_possessive(ent: Span) -> list[Span] | None:
    """'Nabih Berri's Amal Movement' tagged one person: a person's name, then the organisation of theirs
    that the words after "'s" name when they end in an organisation's word; "Dodik's Alliance of …" tagged
    one organisation, when the article names the person elsewhere."""
    if ent.label_ == "ORG":  # "Dodik's Alliance of Independent Social Democrats", Dodik named elsewhere
        tok = next((t for t in ent[1:-1] if t.text in POSSESSIVE_MARKS), None)
        if tok is None or not ent.doc[tok.i + 1].is_title or not all(t.is_title for t in ent[:tok.i - ent.start]):
            return None
        words = [t.text for t in ent[:tok.i - ent.start]]
        named = [i for i in tokens_with(ent.doc, "ORTH", {words[-1]}) if not ent.start <= i < ent.end]
        if not any(ent.doc[i].ent_type_ == "PERSON" for i in named):
            return None  # "People's Party", "Women's League": the words before "'s" are the name's own
        return [Span(ent.doc, ent.start, tok.i, label="PERSON"), Span(ent.doc, tok.i + 1, ent.end, label="ORG")]
    if ent.label_ != "PERSON" or ent[-1].lower_ not in _ORG_CUES:
        return None
    for tok in ent[1:-1]:
        if tok.text in POSSESSIVE_MARKS and ent.doc[tok.i + 1].is_title:
            return [Span(ent.doc, ent.start, tok.i, label="PERSON"), Span(ent.doc, tok.i + 1, ent.end, label="ORG")]
    return None


def _split_bracket(ent: Span) -> list[Span] | None:
    """'Movement for Democratic Change (MDC': NER took the opening bracket and the acronym in; the
    name and its acronym are two spans (joined again as one entity by the acronym rule). A faction's
    qualifier, 'Communist Party of Nepal (Maoist Centre', stays in the name, with its ')'."""
    for tok in ent:
        if tok.text == "(" and ent.start < tok.i < ent.end - 1:
            end = _qualifier_end(ent.doc, tok.i) if ent.label_ == "ORG" else None
            if end is not None and end >= ent.end:
                return [Span(ent.doc, ent.start, end, label="ORG")]
            inner = ent.doc[tok.i + 1:ent.end]
            if ")" in inner.text:
                if not (len(inner) >= 3 and inner[1].text == ")" and all(t.is_lower for t in inner[2:])):
                    return None
                inner = inner[:1]  # "Union for the Republic (UNIR) party": the name and its acronym
            return [Span(ent.doc, ent.start, tok.i, label=ent.label_), Span(ent.doc, inner.start, inner.end,
                                                                            label=ent.label_)]
    return None


_PLACE_NOUNS = {"town", "city", "village", "province", "district", "region", "state", "area", "port"}


def _split_known(ent: Span, gaz: Gazetteer) -> list[Span] | None:
    for tok in ent:
        if tok.lower_ in {"and", "&"} and tok.i > ent.start and tok.i < ent.end - 1:
            left, right = ent.doc[ent.start:tok.i], ent.doc[tok.i + 1:ent.end]
            # "the towns of Kadugli and Dilling", tagged one place: two one-word places the gazetteer does
            # not know as one ("Trinidad and Tobago")
            doc = ent.doc
            towns = ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
                and doc[ent.start - 2].lemma_.lower() in _PLACE_NOUNS
            places = (ent.label_ in {"GPE", "LOC"} or towns) and len(left) == 1 == len(right) and left[0].is_title \
                and right[0].is_title and gaz.lookup(ent.text) is None
            if places or gaz.lookup(left.text) and gaz.lookup(right.text):
                label = "GPE" if towns else ent.label_
                return [Span(doc, left.start, left.end, label=label), Span(doc, right.start, right.end, label=label)]
    return None


def _relabel_known(span: Span, gaz: Gazetteer) -> Span:
    """A place the gazetteer knows that NER gave a label we do not read ('Tunis' tagged LANGUAGE). Only
    places: a known organisation tagged PRODUCT ('on Twitter') is a medium there, not an actor."""
    known = gaz.lookup(span.text)
    if known is None or not known.type.is_place:
        return span
    return Span(span.doc, span.start, span.end, label="GPE")


def _known_names(doc: Doc, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """Add well-known multi-word names, and countries, that NER missed ('Human Rights Watch criticised …',
    'Bahrain recalled …').

    NER finds the entities; this only fills its gaps for names the gazetteer knows, so that a
    famous organisation is not lost to a tagging slip."""
    from spacy.attrs import IS_TITLE, IS_UPPER

    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    if not len(doc):
        return spans
    is_title = doc.to_array(IS_TITLE)
    title, capital = is_title.tolist(), (is_title | doc.to_array(IS_UPPER)).tolist()
    i = 0
    while i < len(doc):
        if i in taken or not title[i]:
            i += 1
            continue
        tok = doc[i]
        if tok.whitespace_ and not gaz.may_start_name(tok.text):
            i += 1  # no known name starts with this word (a word joined to the next is looked up whole)
            continue
        best = None
        for n in range(6, 1, -1):
            if i + n > len(doc) or any(j in taken for j in range(i, i + n)):
                continue
            if not capital[i + n - 1]:
                continue
            window = doc[i:i + n]
            known = gaz.lookup(window.text)
            if known is not None and known.type.is_agent:
                best = Span(doc, i, i + n, label="ORG")
                break
        if best is None and _DOTTED.fullmatch(tok.text) and (i == 0 or not capital[i - 1]) \
                and (known := gaz.lookup(tok.text)) is not None and known.type is EntityType.IGO:
            best = Span(doc, i, i + 1, label="ORG")  # "U.N. experts urged …", untagged
        if best is None and tok.pos_ == "PROPN" and not tok.ent_type_ and (i + 1 >= len(doc) or not title[i + 1]) \
                and (i == 0 or not capital[i - 1] or doc[i - 1].is_sent_end) \
                and (known := gaz.lookup(tok.text)) is not None and known.type is EntityType.COUNTRY:
            best = Span(doc, i, i + 1, label="GPE")  # "Bahrain recalled its ambassador …", untagged
        if best is not None:
            added.append(best)
            i = best.end
        else:
            i += 1
    return sorted([*spans, *added], key=lambda s: s.start)


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


_IDEOLOGY_WORDS = {"Islamist", "Leftist", "Rightist", "Nationalist", "Populist", "Ultranationalist"}


_NICKNAME = re.compile(r'\s+["“][^"“”]+["”]\s+(?=\w)')


def _candidates(ent: Span, gaz: Gazetteer) -> list[_Cand]:
    span = _trim(ent)
    if span is None:
        return []
    if ent.label_ == "PERSON":
        span = _whole_name(span)
    span = _hyphen_tail(span)
    if ent.label_ == "ORG" and len(span) >= 2 and span[1].is_upper and len(span[1].text) >= 2 and span[1].is_alpha \
            and gaz.country_of_demonym(span[0].text) is not None:
        span = span[1:]  # "the Croat HDZ BiH party": the adjective describes the party, whose name is HDZ BiH
    text = span.text
    if ent.label_ == "PERSON" and len(span) > 3:
        text = _NICKNAME.sub(" ", text)  # 'Jimmy "Barbecue" Chérizier': the nickname is no part of the name
    if not any(ch.isalpha() for ch in text) or len(text) < 2:
        return []
    if ent.label_ == "NORP" or (gaz.country_of_demonym(text) and not gaz.lookup(text)):
        known = gaz.lookup(text)
        if known is None or known.type is EntityType.COUNTRY:
            country = gaz.country_of_demonym(text)
            if (country is None or not text[:1].isupper()) and not (ent.label_ == "NORP" and _person_shaped(span, gaz)):
                return []  # ("Artur Vardanyan, a former deputy prosecutor general", tagged NORP: a person, below)
            if country is not None and text[:1].isupper():
                # "Ugandan police", "Cambodian PM": the adjective refers to the country
                return [_Cand(span.start_char, span.end_char, span.start, span.end, text, "GPE",
                              EntityType.COUNTRY, country)]
    label = ent.label_
    if label in {"PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART"} and span.end < len(span.doc) and \
            span.doc[span.end].lower_ in _ORG_NOUNS_AFTER:
        label = "ORG"  # "the Dawn newspaper", "the Sputnik agency": the noun after says what it is
    if label in {"ORG", "PERSON"} and span[-1].lower_ in _ORG_CUES and span.start > 0:
        doc, start = span.doc, span.start
        while start > 0 and span.start - start < 4 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and not doc[start - 1].ent_type_:
            start -= 1  # "Prime Minister Bodyguard Unit" when NER kept only "Bodyguard Unit"
        if start < span.start:
            span = doc[start:span.end]
            text = span.text
    if label == "ORG" and span.start > 0 and span.doc[span.start - 1].ent_type_ == "ORDINAL" \
            and span.doc[span.start - 1].is_title and span.doc[span.start - 1].is_alpha:
        span = span.doc[span.start - 1:span.end]  # "the Sixth Criminal District Court": the number is the name's
        text = span.text
    if label in {"ORG", "NORP"} and _person_shaped(span, gaz):
        label = "PERSON"
    cued = label in {"PERSON", "GPE", "NORP"} and span.start > 0 and span.doc[span.start - 1].is_lower and \
        span.doc[span.start - 1].lower_ in _ORG_NOUNS_BEFORE
    if cued:  # "the rights group Foro Penal": the noun before, in apposition, says what it is, for every mention
        label = "ORG"
    first = span[0].lower_.strip(".")
    if label != "PERSON" and first in _HONORIFICS and len(span) > 1:
        span, label = span[1:], "PERSON"  # "Ms Tikhanovskaya" tagged as an organisation
        text = span.text
    elif label in {"ORG", "PERSON"} and len(span) >= 3 and span[0].is_title and span[0].lower_ in titles() \
            and span[1].text in given_names() and all(t.is_title and t.is_alpha for t in span[1:]):
        span, label = span[1:], "PERSON"  # "Magistrate Agnes Nalwoga" tagged as one organisation: a title, a name
        text = span.text
    if label in {"ORG", "GPE", "PERSON"} and len(span) == 1 and (span[0].lower_ in _GENERIC
                                                               or span[0].lower_ in titles()):
        return []  # "State", "Parliament", "Interior" alone: a description or a title word, not a name
    if label in {"ORG", "NORP"} and not any(t.is_title or t.is_upper for t in span if t.is_alpha) \
            and not (len(span) == 1 and _DOTTED.fullmatch(span.text)):
        return []  # "autopart manufacturer", "supreme court": a description, not a name ("U.N." is one)
    party_noun = label == "ORG" and len(span) > 1 and span[-1].text == "party"
    if party_noun:  # "the Georgian Dream party": the party is named "Georgian Dream"
        span = span[:-1]
        text = span.text
        if len(span) > 1 and span[0].text in _IDEOLOGY_WORDS:
            text = span[1:].text  # "the Islamist Ennahda party": what the party stands for, then its name
    known = gaz.lookup(text)
    if known is None and len(span) > 1 and span[-1].lower_ in _REGION_WORDS:
        known = gaz.lookup(span[:-1].text)  # "Kampot province" is Kampot
        if known is not None and not known.type.is_place:
            known = None
    if known is not None and label == "PERSON" and known.type.is_place and not _locative(span) \
            and known.type is not EntityType.COUNTRY:
        known = None  # "Victoria", "Houston": a person's name that is also a place's (not "Niger has …")
    if label == "PERSON" and (span.end < len(span.doc) and span.doc[span.end].lower_ in _REGION_WORDS
                              or known is None and _after_place_noun(span)):
        label = "GPE"  # "Kandal province", "the town of Chitungwiza"
    if label in {"GPE", "LOC"} and known is None and _after_title(span):
        label = "PERSON"  # "the party's deputy chairman, Job Sikhala": an unknown 'place' named as a post holder
    etype = _type_of(text, label, known, span)
    if etype is None:
        return []
    doc, e = span.doc, span.end
    party_noun = party_noun or (e + 3 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")"
                                and doc[e + 3].lower_ == "party")  # "the Union for the Republic (UNIR) party"
    if known is None and etype is not EntityType.PARTY and (_named_as_party(span) or party_noun
                                                          and etype is EntityType.ORGANIZATION):
        etype = EntityType.PARTY  # "her party, Vente Venezuela", "the opposition party Vente Venezuela"
    if etype is EntityType.REGION and span.end < len(span.doc) and span.doc[span.end].lower_ in titles():
        return []  # "deputy Asia director", "Africa correspondent": part of a post's name, not a place in the news
    return [_Cand(span.start_char, span.end_char, span.start, span.end, text, label, etype, known, cued)]


def _named_as_party(span: Span) -> bool:
    """The name stands right after the noun 'party', in apposition ('her party, Vente Venezuela') or as
    its name ('the ruling party Vente Venezuela'), not after 'party' as a title ('party leader X')."""
    doc, i = span.doc, span.start - 1
    if i >= 1 and doc[i].text == ",":
        i -= 1
    if i < 0 or doc[i].lower_ != "party":
        return False
    root = span.root
    return (root.head.i == i and root.dep_ in {"appos", "compound", "npadvmod"}) or \
        (span.start <= doc[i].head.i < span.end and doc[i].dep_ in {"compound", "nmod"})


_ORG_CUES = {
    "watch", "international", "news", "times", "post", "radio", "network", "foundation", "institute", "center",
    "centre", "council", "bank", "company", "corporation", "group", "association", "federation", "league",
    "union", "front", "movement", "alliance", "coalition", "committee", "commission", "agency", "authority",
    "ministry", "department", "office", "service", "court", "police", "army", "forces", "party", "unit",
    "university", "school", "hospital", "church", "society", "organization", "organisation", "fund", "trust",
    "daily", "press", "tv", "television", "assembly", "parliament", "government", "club", "inc", "ltd", "co",
    "corp", "media", "journal", "herald", "tribune", "express", "bureau", "board", "body", "forum", "rights",
}
def _after_title(span: Span) -> bool:
    """Right after a post title ('chairman X', 'chairman, X'), where people's names stand."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return False
    kinds = titles().get(doc[i].lower_.strip("."), frozenset())
    return bool(kinds & {"head", "government", "court"}) and doc[i].is_lower


_ORG_NOUNS_AFTER = {"newspaper", "daily", "magazine", "agency", "company", "firm", "movement", "network",
                    "channel", "broadcaster", "group", "organisation", "organization", "foundation", "bank"}
# NER labels an acronym in brackets may wrongly get ("Movement for the Renewal of Chad (MRT)" as a facility)
_NOT_ORG_TYPES = {"", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_ORG_NOUNS_BEFORE = {"group", "organisation", "organization", "ngo", "movement", "newspaper", "daily", "magazine",
                     "agency", "broadcaster", "watchdog", "charity", "foundation", "outlet", "network", "channel",
                     "website", "coalition", "alliance", "union", "firm", "company", "bank"}
_SPEECH_AFTER = {"said", "says", "told", "wrote", "added", "stated", "confirmed", "announced", "denied",
                 "claimed", "tweeted", "insisted", "explained", "argued", "noted"}


def _hyphen_tail(span: Span) -> Span:
    """A name NER cut at a hyphen ('Pakistan Tehreek' of 'Pakistan Tehreek-e-Insaf', 'Muslim League' of
    'Muslim League-Nawaz', 'ZANU' of 'ZANU-PF'): a capitalised word joined by hyphens, with lower-case particles between
    ('-e-', '-ul-'), in no other entity, is the rest of the name; '-based', '-backed' are not."""
    doc = span.doc
    end = span.end
    while end + 1 < len(doc) and glued_hyphen(doc, end):
        k = end + 1
        while k + 1 < len(doc) and doc[k].is_lower and len(doc[k]) <= 3 and not doc[k].whitespace_ \
                and doc[k + 1].text == "-" and not doc[k + 1].whitespace_ and k + 2 < len(doc):
            k += 2  # "-e-", "-ul-"
        if not ((doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha) or doc[k].ent_type_:
            break  # ("ZANU-" + "PF": an upper-case part too)
        end = k + 1
    return doc[span.start:end] if end != span.end else span


def _whole_name(span: Span) -> Span:
    """A person's name NER cut before a last part with an apostrophe ('Fred' of "Fred Matiang'i"):
    the next word, a capitalised proper noun in no other entity, is the rest of the name."""
    doc = span.doc
    if span.end >= len(doc):
        return span
    nxt = doc[span.end]
    if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.ent_type_ and ("'" in nxt.text or "’" in nxt.text) \
            and nxt.text[-2:] not in POSSESSIVE_MARKS and nxt.lower_.strip(".") not in titles():
        return doc[span.start:span.end + 1]
    return span


# nouns that describe one person in apposition to a name ("X, a blogger"), beside post titles and the
# singulars of the group nouns ("X, a student activist")
_PERSON_DESCRIPTIONS = frozenset({"blogger", "politician", "businessman", "businesswoman", "writer", "poet", "rapper",
                                  "singer", "academic", "economist", "professor", "teacher", "priest", "man", "woman",
                                  "mother", "father", "defender"})


_NAME_PARTICLES = frozenset({"el", "al", "bin", "ibn", "de", "da", "das", "dos", "van", "von", "der", "du", "la"})


def _person_shaped(span: Span, gaz: Gazetteer) -> bool:
    """An ORG-tagged span that reads as a person's name: two or three capitalised words with no
    organisation cue, not a known name, and in a person's position (a title before it, a reporting
    verb or a comma after it, or beside a person in a list)."""
    words = [t for t in span if t.is_alpha]
    if not 2 <= len(words) <= 4 or len(words) + sum(t.text == "-" for t in span) != len(span) \
            or not words[0].is_title or not all(t.is_title or t.lower_ in _NAME_PARTICLES for t in words):
        return False  # "Cecilia Malmström", "Jean-Hilaire Okawe", "Tarek el-Sayed"
    if {t.lower_ for t in words} & _ORG_CUES or gaz.lookup(span.text) is not None:
        return False
    if words[0].text in given_names() or span.text.split(" ")[0] in given_names():
        return True  # "Cecilia Malmström": a given name first
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and (before.lower_ in titles() or before.lemma_.lower() in titles()):
        return True
    if after is not None and after.lower_ in _SPEECH_AFTER:
        return True
    if before is not None and before.text in {"–", "—"} and after is not None and after.lower_ == "and":
        return True  # "two of its members – Jean-Hilaire Okawe and Steve Moukagni –"
    if before is not None and before.lower_ in {"and", ","} and span.start >= 2 and (
            doc[span.start - 2].ent_type_ == "PERSON" or doc[span.start - 2].lemma_.lower() in titles()
            or doc[span.start - 2].lemma_.lower() in {"lawyer", "wife", "husband", "son", "daughter"}):
        return True  # "Kong Saphea and Nhay Chamroeun", "her lawyer, Anton Brisk"
    if after is not None and after.text == "," and any(
            c.dep_ == "appos" and c.i > span.end and _describes_a_person(c) for c in span.root.children):
        return True  # "Pimchanok Wongsawat, a 24-year-old student activist": described as a person
    return after is not None and after.text == "," and span.start > 0 and doc[span.start - 1].text in {"“", '"'}


def _describes_a_person(noun: Token) -> bool:
    """'a student activist', 'a blogger', 'a 24-year-old …': a noun that says its referent is a person."""
    lemma = noun.lemma_.lower()
    return lemma in titles() or lemma in _PERSON_DESCRIPTIONS or f"{lemma}s" in group_nouns() \
        or any(w.lower_ == "old" for w in noun.lefts)


def _locative(span: Span) -> bool:
    """The name follows a word that introduces a place ('in Vilnius', 'visited Kandal')."""
    if span.start == 0:
        return False
    doc = span.doc
    before = doc[span.start - 1]
    if before.lower_ == "of" and span.start >= 2 and doc[span.start - 2].lemma_.lower() in _OF_A_PLACE:
        return True  # "the prefect of Dakar", "the outskirts of Kaolack"
    if before.lower_ == "and" and any(t.lower_ == "between" for t in doc[max(0, span.start - 6):span.start - 1]):
        return True  # "the highway between Santa Cruz and Cochabamba"
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is not span.root and first.dep_ == "pobj" and first.head.lower_ in _PLACE_PREPOSITIONS:
        return True  # "marches in Lilongwe and Blantyre": a place joined to one after "in"
    return before.lower_ in _PLACE_PREPOSITIONS or before.lemma_.lower() in {"visit", "reach", "leave", "enter"} \
        or _after_place_noun(span)


_PLACE_PREPOSITIONS = frozenset({"in", "to", "at", "from", "near", "into", "across", "outside", "inside", "between"})

# nouns whose "of X" is a place ("the prefect of Dakar", "the outskirts of Kaolack")
_OF_A_PLACE = frozenset({"prefect", "governor", "mayor", "outskirts", "resident", "street", "centre", "center",
                         "suburb", "district", "province", "region", "municipality", "people", "city", "town"})


# nouns that name a settlement ("the town of Chitungwiza"); events add regions to them for places
SETTLEMENT_NOUNS = frozenset({"capital", "city", "town", "village", "township", "suburb", "port"})


def _after_place_noun(span: Span) -> bool:
    """The name is what a place noun names: 'the capital Naypyitaw', 'the town of Chitungwiza'."""
    i = span.start - 1
    if i >= 1 and span.doc[i].lower_ == "of":
        i -= 1
    det = i - 2 if i >= 2 and span.doc[i - 1].pos_ == "ADJ" else i - 1  # "the southern town of X"
    return det >= 0 and span.doc[i].lower_ in SETTLEMENT_NOUNS and span.doc[det].lower_ in {"the", "its", "a"}


_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
            "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
            "southwest", "-", "upper", "lower", "far", "middle"}


def _trim(ent: Span) -> Span | None:
    """Drop leading articles and titles and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    title_words = titles()
    while start < end and (doc[start].lower_ in {"the", "a", "an", "'s", "’s"} or doc[start].is_punct or
                           (ent.label_ == "PERSON" and doc[start].lower_.strip(".") in title_words
                            and end - start > 1)):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct and not (
                               doc[end - 1].text == ")" and "(" in doc[start:end - 1].text)  # "(Maoist Centre)"
                           or doc[end - 1].is_lower and doc[end - 1].pos_ in {"ADP", "CCONJ", "DET", "SCONJ", "VERB",
                                                                            "AUX"}):
        end -= 1  # "the National Assembly on" (March 29), "the ZANU-PF party won": NER took the next word in
    if start >= end or all(t.lower_ in _COMPASS for t in doc[start:end]):
        return None  # "South East" (of "South East Asian"): a direction, not a place
    span = doc[start:end]
    text = span.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix) and len(text) > 3:
            return doc.char_span(span.start_char, span.end_char - 2, alignment_mode="contract")
    return span


# a name that calls its members by a political family is a party's
_PARTY_MEMBERS = {"democrats", "republicans", "socialists", "liberals", "conservatives", "greens", "communists",
                  "nationalists", "patriots", "progressives"}
_NOT_PARTY_WORDS = {"newspaper", "daily", "radio", "television", "tv", "channel", "news", "media", "group", "ngo",
                    "union", "network", "foundation", "institute", "center", "centre", "committee"}


def org_type(name: str) -> EntityType:
    """Type an organisation name from its words (used when the gazetteer does not know it)."""
    low = name.lower()
    words = set(re.findall(r"[a-z]+", low))
    if words & _COURT_WORDS:
        return EntityType.COURT
    if (any(w in low for w in _IGO_WORDS) or "u.n." in low or "un" in words) and not words & {"ministry", "party"}:
        return EntityType.IGO
    if words & _PARTY_WORDS and "party" in words or words & ({"movement", "front", "league"} | _PARTY_MEMBERS) and \
            not words & _GOV_WORDS:
        return EntityType.PARTY  # "Alliance of Independent Social Democrats", "Sweden Democrats"
    if words & _GOV_WORDS or low.startswith("ministry"):
        return EntityType.GOVERNMENT
    return EntityType.ORGANIZATION


def _type_of(text: str, label: str, known: Known | None, span: Span) -> EntityType | None:
    if known is not None:
        return known.type
    if label == "PERSON":
        words = set(re.findall(r"[a-z]+", text.lower()))
        if words & (_PARTY_WORDS | _GOV_WORDS | _COURT_WORDS) - {"front", "guard", "service"}:
            return org_type(text)
        return EntityType.PERSON
    if label in {"ORG", "NORP"}:
        etype = org_type(text)
        before = span.doc[span.start - 1].lower_ if span.start else ""
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if etype is EntityType.ORGANIZATION and (before in {"opposition", "ruling"} or after == "party") \
                and not set(re.findall(r"[a-z]+", text.lower())) & _NOT_PARTY_WORDS:
            # "the opposition Oromo Federalist Congress", "the ruling Frelimo", "the Popular Force party"
            return EntityType.PARTY
        return etype
    if label == "GPE":
        nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if nxt in _REGION_WORDS or set(text.lower().split()) & _REGION_WORDS:
            return EntityType.REGION
        return EntityType.CITY
    if label == "LOC":
        return EntityType.REGION
    return None  # FAC and others unknown to the gazetteer are not political actors


def _acronyms_of_non_entities(doc: Doc, cands: list[_Cand]) -> set[str]:
    """Acronyms defined for something that is not an entity ('"Everything But Arms" (EBA)')."""
    starts = {c.end for c in cands}
    dropped: set[str] = set()
    for c in cands:
        if not _ACRONYM.match(c.text) or c.tok_begin < 2 or c.tok_end >= len(doc):
            continue
        if doc[c.tok_begin - 1].text == "(" and doc[c.tok_end].text == ")":
            before = doc[c.tok_begin - 2]
            if before.idx + len(before.text) not in starts and before.text in {'"', "”", "’", "'"}:
                dropped.add(c.text)
    return dropped


# clustering -------------------------------------------------------------------------------------
def _compatible(a: EntityType, b: EntityType) -> bool:
    if a is EntityType.PERSON or b is EntityType.PERSON:
        # NER sometimes tags one mention of a person as an organisation: same name, same thing
        return a is b or {a, b} == {EntityType.PERSON, EntityType.ORGANIZATION}
    return a.is_place == b.is_place


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in _ORG_STOP).upper()


def _ministry_key(key: str) -> str:
    m = re.match(r"^ministry of (.+?)(?: affairs)?$", key)
    return f"{m.group(1)} ministry" if m else key


_AFFAIRS = {"Foreign", "Home", "Internal", "External"}  # "Foreign Ministry": Ministry of Foreign Affairs


def _formal_ministry_name(label: str, gaz: Gazetteer) -> str | None:
    """'Ministry of Foreign Affairs' for 'Foreign Ministry': the formal name, kept as an alias. The label
    stays as wire copy writes it ('Interior Ministry'), which is how analysts and searches name it."""
    m = re.match(r"^(.+?) Ministry$", label)
    if m is None or gaz.country_of_demonym(m.group(1).split()[0]):
        return None  # "Russian Foreign Ministry" has no "Ministry of Russian Foreign"
    return f"Ministry of {m.group(1)} Affairs" if m.group(1) in _AFFAIRS else f"Ministry of {m.group(1)}"


def _cluster(cands: list[_Cand], doc: Doc) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    acronym_defs = _acronym_definitions(doc, cands)
    full_known = {c.text: c.known for c in cands}
    for c in cands:
        if c.known is not None and c.text in acronym_defs and full_known.get(acronym_defs[c.text]) != c.known:
            c.known = None  # the article says what "ANC" stands for here ("National Alliance for Change")
    # longest names first, so short forms ("Rainsy", "CNRP") find their full names
    for c in sorted(cands, key=lambda c: (-len(c.text.split()), -len(c.text), c.begin)):
        key = _ministry_key(norm(c.known.name if c.known else c.text))
        target = by_key.get(key)
        reason = ""
        if target is not None and not _compatible(target.type, c.type) and not (
                target.type is EntityType.PARTY and (c.type is EntityType.PERSON or c.type.is_place) and c.known is None
                and len(c.text.split()) == 1 and _by_name_part(c, clusters) is None):
            target = None  # but "Candlelight" tagged a person (a place) is the "Candlelight Party" named before
        if target is None and c.text in acronym_defs:
            full = acronym_defs[c.text]
            target = by_key.get(_ministry_key(norm(full)))
            reason = f"'{c.text}' is given as another name of '{full}'"
        if target is None and _ACRONYM.match(c.text) and c.type is not EntityType.PERSON:
            target = _by_initials(c, clusters)
            if target is not None:
                reason = f"'{c.text}' is the initials of '{target.cands[0].text}'"
        if target is None and c.type.is_agent and c.type is not EntityType.PERSON and len(c.text.split()) == 1 \
                and not _ACRONYM.match(c.text):
            heads = [cl for cl in clusters if cl.type.is_agent and cl.type is not EntityType.PERSON
                     and any(len(n.split()) > 1 and n.split()[-1] == c.text for n in cl.names)]
            if len(heads) == 1:  # "the Catholic Church … the Church"
                target = heads[0]
                reason = f"'{c.text}' is the head word of '{target.cands[0].text}'"
        if target is None and (c.type is EntityType.PERSON or (
                c.type is EntityType.ORGANIZATION and c.known is None and len(c.text.split()) == 1)
                or _surname_as_place(c, doc)):
            target = _by_name_part(c, clusters)
            if target is not None:
                reason = f"'{c.text}' is part of the name '{target.cands[0].text}'"
                c.type = EntityType.PERSON  # "Malmström flew…" tagged as an organisation
        if target is None and c.type is EntityType.PERSON and c.known is None:
            target = _by_spelling(c, clusters)
            if target is not None:
                reason = f"'{c.text}' is another spelling of '{target.cands[0].text}'"
        if target is None:
            target = _Cluster(c.type, known=c.known)
            clusters.append(target)
        elif reason:
            target.reasons.append(reason)
        target.cands.append(c)
        words = c.text.split()
        if len(words) > 1 and words[-1].lower() in _REGION_WORDS:
            target.extra_aliases.append(" ".join(words[:-1]))  # "Tarvik province" is also "Tarvik"
        if c.type is EntityType.PERSON and target.type is EntityType.ORGANIZATION and target.known is None:
            target.type = EntityType.PERSON
        by_key.setdefault(key, target)
        if c.text.endswith(")") and "(" in c.text and target.type.is_agent:
            # "Communist Party of Nepal (Maoist Centre)": the faction's qualifier alone names it too
            by_key.setdefault(_ministry_key(norm(c.text[c.text.rindex("(") + 1:-1])), target)
        if len(words) > 1 and words[-1].lower() == "party" and target.type.is_agent:
            by_key.setdefault(_ministry_key(norm(" ".join(words[:-1]))), target)  # "ZANU-PF party" is "ZANU-PF"
        if c.known and target.known is None:
            target.known = c.known
    for cl in clusters:
        cl.type = _vote(cl)
    _surname_mentions(doc, clusters)
    return clusters


def _by_spelling(c: _Cand, clusters: list[_Cluster]) -> _Cluster | None:
    """A person's full name spelt another way, as transliterations differ ('Sviatlana Tsikhanouskaya',
    'Svetlana Tikhanovskaya'): the same number of words, and each word close to the other's (given names
    of a couple, 'Siarhei' and 'Sviatlana', are not). Only one candidate person may match."""
    words = c.text.lower().split()
    if len(words) < 2:
        return None
    found: list[_Cluster] = []
    for cl in clusters:
        if cl.type is not EntityType.PERSON:
            continue
        for n in cl.names:
            if n[:1].lower() != words[0][0]:
                continue  # cheap first test: most names start with another letter
            other = n.lower().split()
            pairs = zip(words, other, strict=False)
            if len(other) == len(words) and other != words and all(
                    a[0] == b[0] and SequenceMatcher(None, a, b).ratio() >= 0.8 for a, b in pairs):
                found.append(cl)
                break
    return found[0] if len(found) == 1 else None


def _surname_mentions(doc: Doc, clusters: list[_Cluster]) -> None:
    """'Malmström flew to Brussels': a person's surname (or given name) alone, missed by NER,
    is another mention of that person when exactly one person in the article bears it."""
    taken = {i for cl in clusters for c in cl.cands for i in range(c.tok_begin, c.tok_end)}
    owners: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        if cl.type is not EntityType.PERSON:
            continue
        for name in {c.text for c in cl.cands}:
            parts = name.split()
            if len(parts) >= 2:
                for part in {parts[0], parts[-1], _without_article(parts[-1])}:
                    if cl not in owners.setdefault(part, []):
                        owners[part].append(cl)
    # a one-word organisation name said again where NER missed it ("Ennahda called the arrest …")
    singles: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        if cl.type.is_agent and cl.type is not EntityType.PERSON:
            for name in {c.text for c in cl.cands if " " not in c.text and len(c.text) > 2 and c.text[:1].isupper()}:
                if cl not in singles.setdefault(name, []):
                    singles[name].append(cl)
    looked_for = set(owners) | set(singles) | {c.text.split()[0] for cl in clusters for c in cl.cands if " " in c.text}
    looked_for |= {_HYPHEN_SPLIT.split(part)[0] for part in owners if "-" in part}
    positions: dict[str, list[int]] = {}
    for i in tokens_with(doc, "ORTH", looked_for):
        positions.setdefault(doc[i].text, []).append(i)
    for part, cls in owners.items():
        pieces = [w for w in _HYPHEN_SPLIT.split(part) if w]
        if len(pieces) > 1:  # 'Ampem-Darko, 51, …': a hyphenated surname is three tokens
            if len(cls) == 1:
                _hyphenated_mentions(doc, pieces, positions.get(pieces[0], ()), cls[0], taken)
            continue
        if len(cls) > 1:
            # two people share the name (a father and his daughter): the one the article already calls
            # by it alone ("Duterte, 79, …") is the one it means by it; else the one it names first, whom
            # the story is about (the other is told apart by a full name or a title)
            bare = [cl for cl in cls if any(c.text == part for c in cl.cands)]
            cls = bare if len(bare) == 1 else [] if bare else [min(cls, key=lambda cl: min(c.begin for c in cl.cands))]
        for i in positions.get(part, ()):
            tok = doc[i]
            capitalised = tok.text[:1].isupper() and not tok.is_upper  # "Sokha", "McCarthy", "Matiang'i"
            if i in taken or len(cls) != 1 or not capitalised or tok.pos_ in {"DET", "PRON", "ADP"}:
                continue
            cls[0].cands.append(_Cand(tok.idx, tok.idx + len(tok.text), i, i + 1, tok.text, "PERSON",
                                      EntityType.PERSON))
            taken.add(i)
    for name, cls in singles.items():
        if len(cls) != 1 or name in owners:  # two owners, or also a person's name: only NER could tell
            continue
        for i in positions.get(name, ()):
            if i not in taken and (doc[i].pos_ in {"PROPN", "NOUN"} or doc[i].is_upper and len(name) > 1):
                # (an acronym the tagger took for an adjective, "LSK president X", is still the name)
                cls[0].cands.append(_Cand(doc[i].idx, doc[i].idx + len(name), i, i + 1, name,
                                          cls[0].cands[0].label, cls[0].type))
                taken.add(i)
    # a full multi-word name said again where NER missed it ("return to Port Emmer")
    names = {tuple(c.text.split()): cl for cl in clusters for c in cl.cands if len(c.text.split()) >= 2}
    for words, cl in names.items():
        n = len(words)
        for start in positions.get(words[0], ()):
            if start + n > len(doc) or any(j in taken for j in range(start, start + n)):
                continue
            if tuple(t.text for t in doc[start:start + n]) == words:
                span = doc[start:start + n]
                cl.cands.append(_Cand(span.start_char, span.end_char, start, start + n, span.text,
                                      cl.cands[0].label, cl.type))
                taken.update(range(start, start + n))


_HYPHEN_SPLIT = re.compile(r"(-)")


def _hyphenated_mentions(doc: Doc, pieces: list[str], starts: Iterable[int], cl: _Cluster, taken: set[int]) -> None:
    """A hyphenated surname said alone ('Ampem-Darko'), whatever NER took it for (here a date): another
    mention of the one person who bears it."""
    n = len(pieces)
    for i in starts:
        if i + n > len(doc) or any(j in taken for j in range(i, i + n)):
            continue
        if [t.text for t in doc[i:i + n]] == pieces and all(glued_hyphen(doc, j) for j in range(i, i + n)
                                                             if doc[j].text == "-"):
            span = doc[i:i + n]
            cl.cands.append(_Cand(span.start_char, span.end_char, i, i + n, span.text, "PERSON", EntityType.PERSON))
            taken.update(range(i, i + n))


def _acronym_definitions(doc: Doc, cands: list[_Cand]) -> dict[str, str]:
    """Names defined as another name of the entity just before them: 'Full Name (ACR)',
    'Sergei Tikhanovsky (Siarhei Tsikhanouski)', 'Robert Kyagulanyi, known as Bobi Wine'."""
    ends = {c.tok_end: c for c in cands if not _ACRONYM.match(c.text)}
    out: dict[str, str] = {}
    for c in cands:
        if c.tok_begin >= 2 and doc[c.tok_begin - 1].text == "(":
            full = ends.get(c.tok_begin - 1)
            if full is None or _dateline_agency(c, doc):  # "PHNOM PENH (REUTERS) -": no other name
                continue
            acronym = _ACRONYM.match(c.text) and full.type is not EntityType.PERSON
            other_name = full.type is EntityType.PERSON and c.type is EntityType.PERSON
            if acronym or other_name:
                out.setdefault(c.text, full.text)
        words = [t.lower_ for t in doc[max(0, c.tok_begin - 4):c.tok_begin]]
        if c.type is EntityType.PERSON and words[-2:] == ["known", "as"] or words[-1:] in (["alias"], ["aka"]):
            before = [x for x in cands if x.type is EntityType.PERSON and x.tok_end <= c.tok_begin
                      and c.tok_begin - x.tok_end <= 5]
            if before:
                out.setdefault(c.text, max(before, key=lambda x: x.tok_end).text)
    return out


def _surname_as_place(c: _Cand, doc: Doc) -> bool:
    """A place name of one or two words no gazetteer knows, not after a word that introduces a place
    (unless it owns something: "at Quati's home"): when a person in the article bears it as a name, it is
    that person ("Quati, who leads the party", "Costa Júnior said", tagged as places by NER)."""
    owner = c.tok_end < len(doc) and doc[c.tok_end].lower_ in POSSESSIVE_MARKS  # "at Linbelin's home"
    return (c.type.is_place and c.known is None and len(c.text.split()) <= 2 and c.text.istitle()
            and (owner or not _locative(doc[c.tok_begin:c.tok_end])))


def _by_initials(c: _Cand, clusters: list[_Cluster]) -> _Cluster | None:
    letters = c.text.replace(".", "").replace("-", "").upper()
    for cl in clusters:
        if cl.type is EntityType.PERSON or not _compatible(cl.type, c.type) and not cl.type.is_agent:
            continue
        if any(len(n.split()) > 1 and _initials(n) == letters for n in cl.names):
            return cl
    return None


_ARABIC_ARTICLE = re.compile(r"(?:[Aa]l|[Ee]l)-(?=\w)")


def _without_article(word: str) -> str:
    """'al-Tarawneh' → 'Tarawneh': reports call a person by the surname without its article too."""
    return _ARABIC_ARTICLE.sub("", word, count=1) if _ARABIC_ARTICLE.match(word) else word


def _by_name_part(c: _Cand, clusters: list[_Cluster]) -> _Cluster | None:
    """The person whose full name contains this short name: of several ('Khan' with Imran Khan and Gohar
    Ali Khan), the one named last before it, as a reader takes it; else the one named first after it."""
    words = c.text.casefold().split()  # "El-Sayed" opening a sentence is "Tarek el-Sayed"
    best: tuple[tuple[int, int], _Cluster] | None = None
    for cl in clusters:
        if cl.type is not EntityType.PERSON:
            continue
        for name in cl.names:
            parts = name.casefold().split()
            if len(parts) <= len(words):
                continue
            n = len(words)
            bare = [_without_article(p) for p in parts]  # "Hmoud" is part of "Ziad al-Hmoud"
            if any(parts[i:i + n] == words or bare[i:i + n] == words for i in range(len(parts) - n + 1)):
                before = [c.begin - x.begin for x in cl.cands if x.begin < c.begin]
                rank = (0, min(before)) if before else (1, min(abs(x.begin - c.begin) for x in cl.cands))
                if best is None or rank < best[0]:
                    best = (rank, cl)
                break
    return best[1] if best else None


def _vote(cl: _Cluster) -> EntityType:
    if cl.known is not None:
        return cl.known.type
    cued = [c.type for c in cl.cands if c.cued]
    if cued:
        return cued[0]
    counts = Counter(c.type for c in cl.cands)
    # a specific organisation type found from any name beats the generic one
    specific = [t for t in counts if t not in {EntityType.ORGANIZATION, EntityType.CITY}]
    if specific and all(not t.is_place for t in counts) or specific and all(t.is_place for t in counts):
        return max(specific, key=lambda t: (counts[t], t.value))
    return counts.most_common(1)[0][0]


_LEAD_BONUS = 4  # a country the lead sentence names counts this much more (what the news is about)
_DATELINE_BONUS = 2  # and the country of the dateline's city, when the lead names it too


def _country_counts(ents: list[Span], clusters: list[_Cluster], gaz: Gazetteer,
                    sent_of: tuple[int, ...]) -> tuple[Counter[str], str | None]:
    """How much the article speaks of each country, and the country of its dateline."""
    counts: Counter[str] = Counter()
    lead = _lead_end(sent_of)
    in_lead: set[str] = set()
    filed: str | None = None
    for cl in clusters:
        name = None
        if cl.type is EntityType.COUNTRY:
            name = cl.known.name if cl.known else cl.cands[0].text
        elif cl.known is not None and cl.known.country and (
                cl.known.type.is_place or cl.known.type in {EntityType.GOVERNMENT, EntityType.COURT,
                                                            EntityType.PARTY}):
            # a city, region or national body of a country also speaks for that country (a company
            # such as Twitter does not: it says nothing about where the news happens)
            home = gaz.country_by_code(cl.known.country)
            name = home.name if home is not None else None
        if name is not None:
            counts[name] += len(cl.cands)
            dateline = [c for c in cl.cands if cl.type.is_place and c.tok_begin < 3 and c.text.isupper()]
            if dateline:
                filed = name  # "CARACAS, Feb 8 (Reuters) -": where the story was filed, not what it is about
            if any(c.tok_begin < lead and c not in dateline for c in cl.cands):
                in_lead.add(name)
    for name in in_lead:
        counts[name] += _LEAD_BONUS
    if filed in in_lead:
        counts[filed] += _DATELINE_BONUS  # filed in a country the lead is about (not "BANGKOK - … in Cambodia")
    for ent in ents:
        if ent.label_ == "NORP":
            known = gaz.country_of_demonym(ent.text)
            if known:
                counts[known.name] += 0.5  # "French troops", "the French embassy": often about foreigners
    return counts, filed


_RUNNER_UP = 0.6  # how close the runner-up must count to be the main country when only the first is called foreign


def _main_country(counts: Counter[str], foreign: Counter[str], filed: str | None) -> str | None:
    """The country the article is about: the one it names most, unless the report calls that one's
    officials by their country ('Guinean Foreign Minister X', twice or more, or once when filed from the
    runner-up) and never the runner-up's, named nearly as often: a report from Freetown about a row
    with Guinea, where Sierra Leone's officials go unqualified ('Foreign Minister Y')."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 2 and not foreign[ranked[1][0]] and ranked[1][1] >= _RUNNER_UP * ranked[0][1] \
            and (foreign[ranked[0][0]] >= 2 or foreign[ranked[0][0]] and filed == ranked[1][0]):
        return ranked[1][0]
    return ranked[0][0]


def _foreign_posts(doc: Doc, ents: list[Span], gaz: Gazetteer) -> Counter[str]:
    """Per country, the officials the report names with their country before the post: 'Guinean Foreign
    Minister X', "Guinea's ambassador, X", "Guinea's military leader, General X", 'his Iraqi counterpart, X'."""
    words = titles()
    out: Counter[str] = Counter()
    for ent in ents:
        if ent.label_ == "NORP":
            known, j = gaz.country_of_demonym(ent.text), ent.end
        elif ent.label_ == "GPE" and ent.end < len(doc) and doc[ent.end].text in POSSESSIVE_MARKS:
            known, j = gaz.country(ent.text), ent.end + 1
        else:
            continue
        # "his Iraqi counterpart, X": the one the speaker meets is the foreigner
        post = next((k for k in range(j, min(j + 3, len(doc))) if doc[k].tag_ in {"NN", "NNP"}
                     and (words.get(doc[k].lower_, frozenset()) & {"head", "government"}
                          or doc[k].lower_ == "counterpart")), None)
        if known is None or post is None or any(not (t.is_alpha and (t.is_title or t.is_lower)) for t in doc[j:post]):
            continue
        k = post + 1 + (post + 1 < len(doc) and doc[post + 1].text == ",")
        while k < len(doc) and k - post <= 3 and doc[k].ent_type_ != "PERSON" and doc[k].is_title:
            k += 1  # "General" before the name
        if k < len(doc) and doc[k].ent_type_ == "PERSON":
            out[known.name] += 1
    return out


def _lead_end(sent_of: tuple[int, ...]) -> int:
    """The token where the lead ends: the first sentence, and the next one when the first is only a
    dateline ("NIAMEY, July 31 (Reuters) -")."""
    end = next((i for i, s in enumerate(sent_of) if s != sent_of[0]), len(sent_of))
    if end < 12:
        end = next((i for i in range(end, len(sent_of)) if sent_of[i] != sent_of[end]), len(sent_of))
    return end


# groups and governments -------------------------------------------------------------------------
def _token_cluster(clusters: list[_Cluster]) -> dict[int, _Cluster]:
    out: dict[int, _Cluster] = {}
    for cl in clusters:
        for c in cl.cands:
            for i in range(c.tok_begin, c.tok_end):
                out[i] = cl
    return out


_SERVING = {"officers", "soldiers"}  # group heads that serve a state body rather than belong to it


def _groups(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Collectives named by a plural noun and an organisation ('CNRP activists', 'activists from X')."""
    nouns = group_nouns()
    tok_cl = _token_cluster(clusters)
    groups: dict[tuple[str, str], _Cluster] = {}
    for i in tokens_with(doc, "LOWER", nouns):
        tok = doc[i]
        if tok.tag_ not in {"NNS", "NNPS"} or tok.lower_ not in nouns:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON" and doc[tok.i + 1].ent_iob_ == "B":
            continue  # "CNRP lawmakers Kong Saphea and ...": a title before names, not a group
        owner = _group_owner(tok, tok_cl)
        if owner is None:
            continue
        owner_cl, owner_name, first = owner
        head = nouns[tok.lower_]
        if head in _SERVING and owner_cl is not None and owner_cl.type is EntityType.GOVERNMENT:
            continue  # "Haitian National Police officers": the force itself, acting through its officers
        key = (id(owner_cl) if owner_cl else owner_name, head)
        begin = first.idx if first.i < tok.i else tok.idx
        end = tok.idx + len(tok.text)
        tok_begin = min(first.i, tok.i)
        text = doc[tok_begin:tok.i + 1].text
        cand = _Cand(begin, end, tok_begin, tok.i + 1, text, "GROUP", EntityType.GROUP)
        group = groups.get(key)
        if group is None:
            group = _Cluster(EntityType.GROUP, label=f"{owner_name} {tok.lower_}")
            groups[key] = group
        group.cands.append(cand)
    # "opposition supporters" is the party's group when the article has just one such group
    for (owner, head), group in list(groups.items()):
        if owner != "opposition":
            continue
        party_groups = [g for (o, h), g in groups.items() if h == head and o != "opposition"]
        if len(party_groups) == 1:
            party_groups[0].cands.extend(group.cands)
            party_groups[0].reasons.append(f"'{group.label}' taken as the group of the opposition party")
            del groups[(owner, head)]
    return list(groups.values())


def _group_owner(tok: Token, tok_cl: dict[int, _Cluster]) -> tuple[_Cluster | None, str, Token] | None:
    found = _named_owner(tok, tok_cl)
    if found is not None:
        return found
    for child in tok.lefts:
        if child.lower_ == "opposition":
            return None, "opposition", child
    return None


def _named_owner(tok: Token, tok_cl: dict[int, _Cluster]) -> tuple[_Cluster | None, str, Token] | None:
    for child in tok.lefts:
        if child.i in tok_cl and tok_cl[child.i].type.is_agent and tok_cl[child.i].type not in {
                EntityType.PERSON, EntityType.GROUP}:
            cl = tok_cl[child.i]
            return cl, _short_name(cl), child
    preps = [p for p in tok.rights if p.dep_ == "prep"]
    for j in range(tok.i + 1, min(tok.i + 4, len(tok.doc))):
        if tok.doc[j].dep_ in {"prep", "dative"}:
            preps.append(tok.doc[j])  # "activists from X", "lawmakers-elect from X", wherever the parser hangs it
            break
    for prep in preps:
        if prep.lower_ in {"from", "of"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in tok_cl and tok_cl[obj.i].type in {
                        EntityType.PARTY, EntityType.ORGANIZATION}:
                    cl = tok_cl[obj.i]
                    return cl, _short_name(cl), tok
    return None


def _short_name(cl: _Cluster) -> str:
    acronyms = sorted(n for n in cl.names if _ACRONYM.match(n))
    return acronyms[0] if acronyms else _label(cl)


# the last word of a legislature's name ("National Assembly", "State Duma", "House of Representatives");
# not "house", which ends "White House" and "Government House" (roles reads it too: "Speaker X")
LEGISLATURE_WORDS = {"assembly", "parliament", "congress", "senate", "duma", "knesset", "sejm", "bundestag",
                     "majlis", "rada", "diet", "legislature", "representatives", "commons", "lords", "sabha",
                     "sangsad", "riksdag", "storting", "cortes", "hluttaw"}


def _governments(doc: Doc, clusters: list[_Cluster], gaz: Gazetteer, main_country: str | None) -> str | None:
    """'the Cambodian government', 'Cambodia's government', 'the government' → Government of X; 'the
    Thai parliament', 'Parliament' → Parliament of X, unless the article names its legislature ('the
    National Assembly, the country's parliament'), which the common noun then stands for."""
    named_legislature = any(cl.type in {EntityType.GOVERNMENT, EntityType.ORGANIZATION}
                            and _label(cl).split()[-1].lower() in LEGISLATURE_WORDS for cl in clusters)
    bodies: dict[tuple[str, str], _Cluster] = {}
    tok_cl = _token_cluster(clusters)
    named_senate = any(_label(cl).split()[-1].lower() == "senate" for cl in clusters)
    for lemmas, body in (({"government"}, "Government"), ({"parliament", "legislature"}, "Parliament"),
                         ({"senate"}, "Senate")):
        if body == "Parliament" and named_legislature or body == "Senate" and named_senate:
            continue
        for i in tokens_with_lemma(doc, lemmas):
            tok = doc[i]
            if tok.i in tok_cl or (body != "Government"
                                   and (tok.dep_ == "compound" or tok.pos_ not in {"NOUN", "PROPN"})):
                continue  # 'parliament building', 'parliament speaker': not the body itself
            if body == "Senate" and tok.text != "Senate":
                continue  # "the senate" in lower case is rarely a country's upper house in news
            country, first = _owning_country(tok, gaz)
            if country is None:
                if any(c.dep_ in {"amod", "compound", "poss"} and c.pos_ in {"PROPN", "ADJ"} for c in tok.lefts):
                    continue  # someone else's government (or the European Parliament) we cannot place
                country = main_country
            if country is None:
                continue
            cl = bodies.get((body, country))
            if cl is None:
                cl = _Cluster(EntityType.GOVERNMENT, label=f"{body} of {of_country(country)}")
                cl.reasons.append(f"'{tok.lower_}' resolved to the {body.lower()} of {of_country(country)}")
                bodies[(body, country)] = cl
            cl.cands.append(_Cand(first.idx, tok.idx + len(tok.text), first.i, tok.i + 1,
                                  doc[first.i:tok.i + 1].text, "GOV", EntityType.GOVERNMENT))
    clusters.extend(bodies.values())
    return government_label(main_country) if main_country else None


def _owning_country(tok: Token, gaz: Gazetteer) -> tuple[str | None, Token]:
    """The country a body's modifiers name ('the Thai parliament', 'Sri Lanka's parliament', 'the
    United States embassy'), and the first word of the mention it makes with the body noun `tok`."""
    country, first = None, tok
    for child in tok.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            known = gaz.country(child.text)
            if known:
                country, first = known.name, child
                continue
            whole = tok.doc[child.left_edge.i:child.i + 1]  # "Sri Lanka's parliament"
            known = gaz.country(whole.text) if len(whole) > 1 else None
            if known:
                country, first = known.name, whole[0]
    return country, first


# a ministry's portfolio written in lower case ("the foreign ministry", "Brazil's interior ministry")
_PORTFOLIOS = {"foreign", "interior", "justice", "defence", "defense", "finance", "home", "information", "health",
               "education", "labour", "labor", "trade", "economy", "culture", "environment", "energy",
               "agriculture", "transport", "security", "communications", "religious"}


_EMBASSY_ADJECTIVE = {"United States": "U.S."}  # "the U.S. embassy", never "the American embassy" in wire copy


def _portfolio_start(ministry: Token) -> int:
    """Where 'foreign ministry', 'Foreign Affairs Ministry' begins: the portfolio words before the noun,
    in the noun's case."""
    doc, first = ministry.doc, ministry.i
    while first > 0 and doc[first - 1].lower_ in _PORTFOLIOS | {"affairs"} and (
            doc[first - 1].is_title if ministry.is_title else doc[first - 1].is_lower):
        first -= 1
    return first


def _name_foreign_ministry(tok: Token, cl: _Cluster, gaz: Gazetteer, main_country: str | None) -> None:
    """'Lithuania's Foreign Ministry', in an article about Belarus, is the Lithuanian Foreign Ministry: the
    label says whose, as for a ministry written in lower case."""
    doc = tok.doc
    country, _ = _owning_country(tok, gaz)
    first = _portfolio_start(tok)
    if cl.label or cl.type is not EntityType.GOVERNMENT or country is None or country == main_country \
            or first == tok.i:
        return
    owners = {_owning_country(doc[i], gaz)[0] for c in cl.cands for i in range(c.tok_begin, c.tok_end)
              if doc[i].text == "Ministry"}
    if owners <= {country, None}:  # not when another country's ministry was taken for the same one
        cl.label = f"{gaz.demonym(country) or country} {doc[first:tok.i + 1].text}"


def _common_ministries(doc: Doc, clusters: list[_Cluster], gaz: Gazetteer, main_country: str | None) -> None:
    """'the foreign ministry', 'Brazil's interior ministry', 'the French foreign ministry', 'the U.S.
    embassy': wire style writes ministries and embassies in lower case, which NER does not take for
    names. The main country's ministry is labelled as written ('Foreign Ministry'), and is one entity with
    a capitalised mention of it ('Ministry of Foreign Affairs'); another country's is named after it ('Brazilian Foreign
    Ministry'), and so is an embassy ('U.S. Embassy', 'French Embassy')."""
    tok_cl = _token_cluster(clusters)
    found: dict[str, _Cluster] = {}
    for i in tokens_with_lemma(doc, {"ministry", "embassy"}):
        tok = doc[i]
        if tok.i in tok_cl and tok.text == "Ministry":
            _name_foreign_ministry(tok, tok_cl[tok.i], gaz, main_country)
            continue
        if tok.i in tok_cl or tok.lower_ not in {"ministry", "embassy"}:
            continue
        # NER misses some capitalised ones too ("Lithuania's Foreign Ministry condemned …")
        first = _portfolio_start(tok) if tok.lower_ == "ministry" else tok.i
        if first == tok.i and tok.lower_ == "ministry":
            continue  # "the ministry": which one, the events' definite nouns decide
        portfolio = " ".join(w.text.capitalize() for w in doc[first:tok.i] if w.lower_ != "affairs")
        country, owner = _owning_country(tok, gaz)
        begin = min(first, owner.i)
        if country is None and first > 0 and (doc[first - 1].pos_ == "PROPN" or any(
                c.dep_ == "poss" for c in tok.lefts)):
            continue  # someone else's ministry we cannot place ("the Taliban's interior ministry")
        if tok.lower_ == "embassy":
            if country is None:
                continue  # "the embassy": whose, the article must say
            # "the U.S. embassy" → U.S. Embassy, "France's embassy in Niamey" → French Embassy: how the
            # news names them (and analysts after it)
            label = f"{_EMBASSY_ADJECTIVE.get(country) or gaz.demonym(country) or country} Embassy"
        elif country is None or country == main_country:
            label = f"{portfolio} Ministry"
        else:
            label = f"{gaz.demonym(country) or country} {portfolio} Ministry"
        cl = found.get(label)
        if cl is None:
            cl = found[label] = _Cluster(EntityType.GOVERNMENT, label=label)
            cl.reasons.append(f"'{doc[first:tok.i + 1].text}' resolved to the {label}")
        cl.cands.append(_Cand(doc[begin].idx, tok.idx + len(tok.text), begin, tok.i + 1, doc[begin:tok.i + 1].text,
                              "GOV", EntityType.GOVERNMENT))
    clusters.extend(found.values())


# output -----------------------------------------------------------------------------------------
def _label(cl: _Cluster) -> str:
    if cl.label:
        return cl.label
    if cl.known is not None:
        return cl.known.name
    names = [c.text for c in cl.cands]
    full = [n for n in names if not _ACRONYM.match(n)] or names
    best = max(full, key=lambda n: (len(n.split()), len(n), -names.index(n)))
    return best


def _finish(clusters: list[_Cluster], main_country: str | None, gov: str | None,
            tok_sent: tuple[int, ...], gaz: Gazetteer) -> EntityIndex:
    # clusters with the same label (e.g. "Government of X" found twice) become one entity
    merged: dict[tuple[str, str], list[_Cluster]] = {}
    for cl in clusters:
        if not cl.cands:
            continue
        # "Ministry of Justice" and "the justice ministry" are one ministry
        merged.setdefault((cl.type.kind, _ministry_key(norm(_label(cl)))), []).append(cl)
    entities: list[Entity] = []
    token_entity: dict[int, str] = {}
    ordered = sorted(merged.values(), key=lambda cls: min(c.begin for cl in cls for c in cl.cands))
    gov_key = None
    for n, group in enumerate(ordered):
        key = f"e{n}"
        first = group[0]
        label = _label(first)
        mentions: dict[tuple[int, int], Mention] = {}
        for cl in group:
            for c in cl.cands:
                mentions.setdefault((c.begin, c.end), Mention(c.begin, c.end, c.text, tok_sent[c.tok_begin], key))
                for i in range(c.tok_begin, c.tok_end):
                    token_entity.setdefault(i, key)
        aliases = {m.text for m in mentions.values()} | {a for cl in group for a in cl.extra_aliases}
        formal = _formal_ministry_name(label, gaz) if first.type.is_agent and first.type is not EntityType.PERSON \
            else None
        if formal:
            aliases.add(formal)
        names = sorted(aliases - {label})
        reasons = tuple(dict.fromkeys(r for cl in group for r in cl.reasons))
        known = next((cl.known for cl in group if cl.known), None)
        etype = _vote(first) if first.cands and first.type is not EntityType.GROUP else first.type
        entities.append(Entity(key, label, etype, tuple(names),
                               tuple(sorted(mentions.values(), key=lambda m: m.begin)), reasons,
                               known.wikidata if known else None))
        if gov and label == gov:
            gov_key = key
    return EntityIndex(tuple(entities), token_entity, main_country, gov_key, tok_sent)
