"""Entities: found by NER and word cues, typed into our classes, one entity per real-world thing.

Every sentence here is hand-written; invented names ("Zorbanian Liberty Party", "Tomas Velkari")
check that extraction does not depend on a list naming them. Each text is parsed once (`run`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from polgraph.articles import parse_text
from polgraph.model import Entity, EntityType, Extraction
from polgraph.pipeline import extract

PUBLISHED = "2019-11-14"  # a Thursday


@lru_cache(maxsize=256)
def run(text: str, published: str | None = PUBLISHED) -> Extraction:
    front = f"---\npublished: {published}\n---\n" if published else ""
    return extract(parse_text(front + text, default_id="test-entities"))


def show(x: Extraction) -> str:
    return "; ".join(f"{e.label!r} {e.type.value} {list(e.aliases)}" for e in x.entities) or "(no entities)"


def named(x: Extraction, name: str) -> Entity:
    """The one entity called `name` (label, alias or mention text)."""
    found = [e for e in x.entities
             if e.label == name or name in e.aliases or any(m.text == name for m in e.mentions)]
    assert found, f"no entity named {name!r}; found: {show(x)}"
    assert len(found) == 1, f"{name!r} is split over several entities: {show(x)}"
    return found[0]


def labels(x: Extraction) -> set[str]:
    return {e.label for e in x.entities}


def mention_texts(x: Extraction) -> set[str]:
    return {m.text for e in x.entities for m in e.mentions}


# ---- one entity per thing: acronyms, surnames, titles, possessives ------------------------------

def test_acronym_of_a_listed_party_joins_its_full_name() -> None:
    x = run("The Cambodia National Rescue Party (CNRP) called for new elections. "
            "Two days later the CNRP said it would boycott the vote.")
    party = named(x, "CNRP")
    assert party.label == "Cambodia National Rescue Party"
    assert party.type is EntityType.PARTY
    assert "CNRP" in party.aliases
    assert sum(m.text == "CNRP" for m in party.mentions) == 2
    assert "CNRP" not in labels(x)


def test_acronym_of_an_unlisted_party_joins_its_full_name() -> None:
    x = run("The People's Renewal Party (PRP) won eleven seats in Kordavia. "
            "Later the PRP said it would join the coalition.")
    party = named(x, "PRP")
    assert party.label == "People's Renewal Party"
    assert party.type is EntityType.PARTY
    assert "PRP" in party.aliases
    assert len(party.mentions) == 3


def test_surname_joins_the_full_name() -> None:
    x = run("Opposition leader Tomas Velkari arrived in Kordavia on Monday. "
            "Velkari told reporters that he was tired.")
    person = named(x, "Velkari")
    assert person.label == "Tomas Velkari"
    assert person.type is EntityType.PERSON
    assert "Velkari" in person.aliases
    assert len(person.mentions) == 2


def test_surname_of_a_well_known_person_joins_the_full_name() -> None:
    x = run("Sam Rainsy spoke in Paris on Monday. Rainsy said the vote was a sham.")
    person = named(x, "Rainsy")
    assert person.label == "Sam Rainsy"
    assert person.type is EntityType.PERSON


def test_two_transliterations_of_a_name_are_one_person_but_a_spouse_is_not() -> None:
    x = run("Svetlana Tikhanovskaya called the verdict revenge. In a tweet, Sviatlana Tsikhanouskaya said her "
            "husband Siarhei Tsikhanouski was innocent.")
    people = [e for e in x.entities if e.type is EntityType.PERSON]
    assert len(people) == 2, [(e.label, e.aliases) for e in people]
    wife = named(x, "Svetlana Tikhanovskaya")
    assert {wife.label, *wife.aliases} >= {"Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya"}
    assert named(x, "Siarhei Tsikhanouski") is not wife


def test_a_name_cut_at_a_hyphen_is_taken_whole_but_a_compound_adjective_is_not() -> None:
    x = run("Khan's Pakistan Tehreek-e-Insaf party said it would challenge the verdict.")
    assert named(x, "Pakistan Tehreek-e-Insaf").type is EntityType.PARTY, show(x)
    x = run("A Hong Kong-based group and the Moscow-backed militia clashed on Monday.")
    assert {e.label for e in x.entities} >= {"Hong Kong", "Moscow"}, show(x)


def test_a_shared_surname_is_the_person_named_before_it() -> None:
    # "Khan" comes after Imran Khan and before Gohar Ali Khan is named: a reader takes it as Imran Khan
    x = run("A court sentenced former Prime Minister Imran Khan to 14 years in prison on Thursday, in a case that "
            "his lawyers called fake, and his wife Bushra Bibi to seven years.\n\n"
            "Khan will appeal, party chairman Gohar Ali Khan said.")
    assert "Khan" in named(x, "Imran Khan").aliases, show(x)
    assert "Khan" not in named(x, "Gohar Ali Khan").aliases, show(x)


def test_a_known_place_tagged_as_a_language_is_a_place() -> None:
    # the small model tags "Tunis" LANGUAGE here; the gazetteer knows the city
    x = run("Police detained lawyer Ayachi Hammami at his home in Tunis on Saturday to begin serving a five-year "
            "sentence, his family said.")
    assert named(x, "Tunis").type is EntityType.CITY, show(x)


def test_title_is_not_part_of_the_name() -> None:
    x = run("Prime Minister Hun Sen opened a bridge in Kandal province on Monday.")
    person = named(x, "Hun Sen")
    assert person.label == "Hun Sen"
    assert person.type is EntityType.PERSON
    assert not any("Prime Minister" in e.label for e in x.entities), show(x)
    assert [m.text for m in person.mentions] == ["Hun Sen"]


def test_honorific_is_not_part_of_the_name() -> None:
    x = run("Ms. Lena Morova arrived in Kordavia. Morova thanked her supporters.")
    person = named(x, "Lena Morova")
    assert person.type is EntityType.PERSON
    assert len(person.mentions) == 2
    assert not any(e.label.startswith(("Ms", "Mr")) for e in x.entities), show(x)


def test_possessive_is_not_part_of_the_name() -> None:
    x = run("Hun Sen's spokesman defended the decision. Hun Sen later left for Beijing.")
    person = named(x, "Hun Sen")
    assert [m.text for m in person.mentions] == ["Hun Sen", "Hun Sen"]
    assert not any("'s" in name for name in mention_texts(x) | labels(x)), show(x)


def test_government_phrases_join_the_government_of_the_main_country() -> None:
    x = run("The Cambodian government rejected the report. "
            "A government spokesman said the government had done nothing wrong.")
    govs = [e for e in x.entities if e.type is EntityType.GOVERNMENT]
    assert len(govs) == 1, show(x)
    assert govs[0].label == "Government of Cambodia"
    assert len(govs[0].mentions) >= 2


def test_no_two_entities_share_a_label() -> None:
    x = run("The Cambodia National Rescue Party (CNRP) held a rally in Phnom Penh. Sam Rainsy addressed it. "
            "Police later said the CNRP had no permit. Rainsy said he would return to Phnom Penh.")
    counts = [e.label for e in x.entities]
    assert len(counts) == len(set(counts)), show(x)
    assert len({e.key for e in x.entities}) == len(x.entities)


@pytest.mark.parametrize(("text", "person", "surname"), [
    ("Police arrested opposition leader Irina Quati on Friday. Quati, who leads the Liberty Front party, "
     "called the arrest illegal.", "Irina Quati", "Quati"),
    ("Police arrested opposition lawmaker Tomas Linbelin on Friday. Officials confirmed that Linbelin and "
     "two aides were arrested at Linbelin's home.", "Tomas Linbelin", "Linbelin"),
])
def test_a_surname_tagged_as_a_place_is_the_person(text: str, person: str, surname: str) -> None:
    """NER tags these surnames as places (GPE); no gazetteer knows such a place, and a person in the
    article bears the name, so each mention is that person, not a city."""
    x = run(text)
    entity = named(x, surname)
    assert entity.label == person and entity.type is EntityType.PERSON, show(x)
    assert not any(e.type.is_place for e in x.entities), show(x)


def test_a_known_place_that_is_also_a_surname_stays_a_place() -> None:
    """The gazetteer knows Washington: alone, it is the city (and the government it stands for)."""
    x = run("Senator Mark Washington met reporters on Friday. Washington has imposed sanctions on three generals.")
    assert named(x, "Mark Washington").type is EntityType.PERSON
    assert named(x, "Washington").type is EntityType.CITY, show(x)


def test_a_name_with_an_apostrophe_is_whole_and_its_surname_joins_it() -> None:
    """NER stops before "Matiang'i"; the name takes it back, and the surname alone later is the same
    person (it is capitalised, though not title-case)."""
    x = run("Judge George Odunga fined Interior Minister Fred Matiang'i for contempt of court. "
            "Matiang'i said he would appeal.")
    person = named(x, "Fred Matiang'i")
    assert person.type is EntityType.PERSON
    assert [m.text for m in person.mentions] == ["Fred Matiang'i", "Matiang'i"], show(x)
    assert "Fred" not in labels(x)


def test_a_name_with_its_acronym_half_bracketed_is_one_party() -> None:
    """NER takes "Movement for Democratic Change (MDC" as one name: the name and its acronym are split
    and joined again as one entity."""
    x = run("The Movement for Democratic Change (MDC) on Tuesday elected a new president. The MDC said it was united.")
    party = named(x, "MDC")
    assert party.label == "Movement for Democratic Change", show(x)
    assert not any("(" in e.label for e in x.entities), show(x)


def test_an_acronym_the_article_defines_is_not_the_gazetteer_namesake() -> None:
    """"ANC" is the African National Congress in the gazetteer, but this article says what it stands for."""
    x = run("The strike was called by the National Alliance for Change (ANC) of opposition leader Tomas Velkari. "
            "ANC spokesman Piet Durand said the strike would go on.")
    party = named(x, "ANC")
    assert party.label == "National Alliance for Change", show(x)
    assert party.wikidata is None, show(x)
    assert "African National Congress" not in labels(x), show(x)


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("The protests were called by the Dynamic for the Majority of the People (DMP), a coalition of groups.",
     "Dynamic for the Majority of the People", "DMP"),
    ("The Sri Lanka Podujana Peramuna (SLPP), the party founded by the family, said it would back him.",
     "Sri Lanka Podujana Peramuna", "SLPP"),
    ("Opposition leader Sajith Premadasa of the Samagi Jana Balawegaya (SJB) said he will seek the post.",
     "Samagi Jana Balawegaya", "SJB"),
    ("The Office of the U.N. High Commissioner for Human Rights (OHCHR) on Thursday urged restraint.",
     "Office of the U.N. High Commissioner for Human Rights", "OHCHR"),
])
def test_the_words_whose_initials_spell_a_bracketed_acronym_are_its_name(text: str, name: str, acronym: str) -> None:
    """NER took only part of the name ("People"), or took it for a person or a building: the capitalised
    words before the bracket whose initials spell the acronym are the organisation's whole name."""
    x = run(text)
    org = named(x, acronym)
    assert org.label == name, show(x)
    assert org.type is not EntityType.PERSON, show(x)


@pytest.mark.parametrize("name", ["Office of the U.N. High Commissioner for Refugees", "UN Human Rights Council"])
def test_a_un_body_is_an_international_organisation(name: str) -> None:
    x = run(f"The {name} on Thursday urged the authorities to show restraint.")
    assert named(x, name).type is EntityType.IGO, show(x)


def test_a_bracketed_acronym_then_party_splits_off_the_name() -> None:
    x = run("The ruling Union for the Republic (UNIR) party has defended the reform.")
    party = named(x, "UNIR")
    assert party.label == "Union for the Republic", show(x)
    assert party.type is EntityType.PARTY, show(x)


def test_a_name_read_as_a_work_of_art_before_an_acronym_is_an_organisation() -> None:
    x = run("The Conference of Bishops of Togo (CET) last week urged the president not to sign the text.")
    assert named(x, "CET").label == "Conference of Bishops of Togo", show(x)


def test_a_preposition_after_a_name_is_not_part_of_it() -> None:
    x = run("The president sent the text back to the National Assembly on March 29 for a second reading.")
    assert "National Assembly" in {e.label for e in x.entities} | {a for e in x.entities for a in e.aliases}, show(x)
    assert not any(e.label.endswith(" on") for e in x.entities), show(x)


def test_a_ministry_named_with_its_country_keeps_its_name() -> None:
    x = run("In Moscow, Russian Foreign Ministry spokeswoman Maria Zakharova said the ban was illegal.")
    assert "Russian Foreign Ministry" in labels(x), show(x)


def test_a_name_and_the_same_name_with_party_are_one_party() -> None:
    x = run("The ruling ZANU-PF party welcomed the result. ZANU-PF lawmakers said the vote was fair.")
    party = named(x, "ZANU-PF")
    assert party.type is EntityType.PARTY, show(x)
    assert [e.label for e in x.entities if e.type is EntityType.PARTY] == ["ZANU-PF"], show(x)


def test_the_word_party_after_a_name_is_no_part_of_it() -> None:
    x = run("Georgia is tense. Bidzina Ivanishvili founded the Georgian Dream party in 2012. Georgian Dream won "
            "the vote.")
    party = named(x, "Georgian Dream")
    assert party.label == "Georgian Dream" and party.type is EntityType.PARTY and len(party.mentions) == 2, show(x)


def test_what_a_party_stands_for_is_no_part_of_its_name_and_its_one_word_name_is_found_again() -> None:
    x = run("Police arrested Rached Ghannouchi, the leader of the Islamist Ennahda party, on Monday. Ennahda called "
            "the arrest a very dangerous development.")
    party = named(x, "Ennahda")
    assert party.type is EntityType.PARTY and [m.text for m in party.mentions][-1] == "Ennahda", show(x)
    assert len(party.mentions) == 2, show(x)


# ---- typing: names no list knows ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The Zorbanian Liberty Party won the election.", "Zorbanian Liberty Party", EntityType.PARTY),
    ("The Ministry of Fisheries issued new rules.", "Ministry of Fisheries", EntityType.GOVERNMENT),
    ("The Supreme Court of Veldonia upheld the ban.", "Supreme Court of Veldonia", EntityType.COURT),
    ("The Kelmar Institute for Democracy published a report.", "Kelmar Institute for Democracy",
     EntityType.ORGANIZATION),
    ("The Norvath Election Commission announced the results.", "Norvath Election Commission",
     EntityType.GOVERNMENT),
    ("Lena Morova, a lawyer, spoke to reporters.", "Lena Morova", EntityType.PERSON),
    # NER reads this name as a person's; the noun before it, in apposition, says it is an organisation
    ("Two aides were detained, the rights group Foro Penal said.", "Foro Penal", EntityType.ORGANIZATION),
    # no party word in the name, but "the opposition" before it says what it is
    ("Police raided the offices of the opposition Oromo Federalist Congress on Monday.",
     "Oromo Federalist Congress", EntityType.PARTY),
    ("Police raided the offices of the opposition Kordavia Daily newspaper on Monday.", "Kordavia Daily",
     EntityType.ORGANIZATION),
    # NER tags nothing here; a common given name and a capitalised name after it are a person
    ("Nika Melia, a leader of the opposition Coalition for Change, was arrested on Wednesday.", "Nika Melia",
     EntityType.PERSON),
    # labelled as written; its formal name ("Ministry of Foreign Affairs", not "of Foreign") is an alias
    ("The Foreign Ministry summoned the Russian envoy on Monday.", "Foreign Ministry", EntityType.GOVERNMENT),
    # NER stops before the noun "party" that says what the name is
    ("Lawmakers from the right-wing Popular Force party withdrew their support.", "Popular Force",
     EntityType.PARTY),
])
def test_unlisted_names_are_found_and_typed(text: str, name: str, etype: EntityType) -> None:
    x = run(text)
    entity = named(x, name)
    assert entity.label == name
    assert entity.type is etype, f"{name!r} typed {entity.type.value}"


def test_unlisted_court_name_is_one_court_not_a_court_and_an_organisation() -> None:
    x = run("The Supreme Court of Veldonia upheld the ban.")
    assert not any(e.type is EntityType.ORGANIZATION for e in x.entities), show(x)


def test_unlisted_province_is_a_region() -> None:
    x = run("Fighting broke out in Tarvik province on Monday.")
    region = named(x, "Tarvik")
    assert region.type is EntityType.REGION


# ---- typing: well-known names -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Hun Sen opened a bridge.", "Hun Sen", EntityType.PERSON),
    ("The Cambodian People's Party won every seat.", "Cambodian People's Party", EntityType.PARTY),
    ("The Phnom Penh Municipal Court charged him with treason.", "Phnom Penh Municipal Court",
     EntityType.COURT),
    ("The United Nations urged restraint.", "United Nations", EntityType.IGO),
    ("The European Union urged restraint.", "European Union", EntityType.IGO),
    ("Amnesty International condemned the verdict.", "Amnesty International", EntityType.ORGANIZATION),
    ("Human Rights Watch criticised the verdict.", "Human Rights Watch", EntityType.ORGANIZATION),
    ("Cambodia rejected the report.", "Cambodia", EntityType.COUNTRY),
    ("Thousands marched in Phnom Penh.", "Phnom Penh", EntityType.CITY),
    ("The Royal Cambodian Armed Forces moved troops to the border.", "Royal Cambodian Armed Forces",
     EntityType.GOVERNMENT),
    ("The National Assembly stripped him of his immunity.", "National Assembly", EntityType.GOVERNMENT),
    ("The Interior Ministry banned the march.", "Interior Ministry", EntityType.GOVERNMENT),
])
def test_known_names_are_typed(text: str, name: str, etype: EntityType) -> None:
    entity = named(run(text), name)
    assert entity.type is etype, f"{name!r} typed {entity.type.value}"


def test_two_organisations_joined_by_and_are_two_entities() -> None:
    x = run("Amnesty International and Human Rights Watch condemned the arrests.")
    assert named(x, "Amnesty International").type is EntityType.ORGANIZATION
    assert named(x, "Human Rights Watch").type is EntityType.ORGANIZATION
    assert not any(" and " in e.label for e in x.entities), show(x)


@pytest.mark.parametrize(("text", "name"), [
    ("Kem Sokha said the trial was unfair.", "Kem Sokha"),
    ("Cambodian government spokesman Phay Siphan denied the report.", "Phay Siphan"),
    ("CNRP lawmakers Kong Saphea and Nhay Chamroeun were beaten.", "Nhay Chamroeun"),
    ("Opposition lawmaker Um Sovann was arrested by police in Phnom Penh.", "Um Sovann"),
])
def test_people_are_typed_person_whatever_the_context(text: str, name: str) -> None:
    entity = named(run(text), name)
    assert entity.type is EntityType.PERSON, f"{name!r} typed {entity.type.value}"


def test_police_acting_in_an_event_is_a_government_body() -> None:
    x = run("Police arrested two monks in Phnom Penh.")
    police = [e for e in x.entities if "police" in e.label.lower()]
    assert len(police) == 1, show(x)
    assert police[0].type is EntityType.GOVERNMENT
    assert [m.text for m in police[0].mentions] == ["Police"]


# ---- groups -------------------------------------------------------------------------------------

def test_party_activists_are_a_group() -> None:
    x = run("CNRP activists gathered outside the court in Phnom Penh.")
    group = named(x, "CNRP activists")
    assert group.type is EntityType.GROUP
    assert named(x, "CNRP").type is EntityType.PARTY


def test_opposition_supporters_are_a_group() -> None:
    x = run("Opposition supporters marched through Phnom Penh on Sunday.")
    group = named(x, "Opposition supporters")
    assert group.type is EntityType.GROUP


# ---- what must not be an entity -----------------------------------------------------------------

def test_acronym_of_a_non_entity_is_not_an_organisation() -> None:
    x = run('The European Union withdrew Cambodia\'s access to the "Everything But Arms" (EBA) trade scheme. '
            "Losing EBA would hurt factory workers.")
    assert not any("EBA" in name or "Everything" in name for name in mention_texts(x) | labels(x)), show(x)
    assert named(x, "European Union").type is EntityType.IGO
    assert named(x, "Cambodia").type is EntityType.COUNTRY


def test_police_station_is_not_the_police() -> None:
    x = run("The activists were taken to a police station in Phnom Penh.")
    assert not any("police" in name.lower() for name in mention_texts(x) | labels(x)), show(x)
    assert named(x, "Phnom Penh").type is EntityType.CITY


def test_numbers_and_dates_are_not_entities() -> None:
    x = run("Three activists and 40 monks were detained on Thursday, Nov. 9, 2019, for 48 hours.")
    date_words = re.compile(r"\d|thursday|nov|three|hours", re.I)
    assert not any(date_words.search(name) for name in mention_texts(x) | labels(x)), show(x)


@pytest.mark.parametrize(("text", "place", "etype"), [
    ("The foreign minister flew to Paris on Monday.", "Paris", EntityType.CITY),
    ("Tomas Velkari arrived in Vilnius on Monday.", "Vilnius", EntityType.CITY),
    ("Cambodia's Interior Minister Sar Kheng visited Kandal province.", "Kandal", EntityType.REGION),
])
def test_places_are_not_people(text: str, place: str, etype: EntityType) -> None:
    entity = named(run(text), place)
    assert entity.type is etype, f"{place!r} typed {entity.type.value}"


def test_demonyms_are_not_entities_of_their_own() -> None:
    # "Cambodian" may only be a mention of Cambodia, never an entity named "Cambodian"
    x = run("Cambodian officials met Thai diplomats in Bangkok.")
    assert not {"Cambodian", "Thai"} & labels(x), show(x)
    for e in x.entities:
        if {"Cambodian", "Thai"} & {m.text for m in e.mentions}:
            assert e.type is EntityType.COUNTRY and e.label in {"Cambodia", "Thailand"}, show(x)


def test_bare_generic_nouns_are_not_named_entities() -> None:
    x = run("The court adjourned the hearing. The party appealed. Parliament was closed.")
    generic = {"court", "party", "parliament", "the court", "the party"}
    assert not {n.lower() for n in labels(x) | mention_texts(x)} & generic, show(x)


def test_ministry_name_without_a_ministry_is_not_an_organisation() -> None:
    x = run("Cambodia's Interior Minister Sar Kheng visited Kandal province.")
    assert "Interior" not in labels(x), show(x)
    assert named(x, "Sar Kheng").type is EntityType.PERSON


# ---- evidence -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Cambodia National Rescue Party (CNRP) called for new elections. "
    "Two days later the CNRP said it would boycott the vote.",
    "Hun Sen's spokesman defended the decision. Hun Sen later left for Beijing.",
    "Opposition supporters marched through Phnom Penh on Sunday.",
    "Ms. Lena Morova arrived in Kordavia. Morova thanked her supporters.",
])
def test_mentions_slice_the_article_text(text: str) -> None:
    x = run(text)
    for e in x.entities:
        for m in e.mentions:
            assert x.article.text[m.begin:m.end] == m.text
            assert m.entity == e.key
            sentence = x.sentences[m.sentence]
            assert sentence.begin <= m.begin < m.end <= sentence.end


# captions, credits, directions -------------------------------------------------------------------
def test_photo_credit_line_is_not_a_person_in_the_news() -> None:
    x = run("Protesters gather outside the Tirana court on Monday. Arben Hoxha\n\n"
            "Police arrested Besnik Kola, the opposition leader, on Monday.")
    assert "Arben Hoxha" not in labels(x), show(x)
    assert "Besnik Kola" in labels(x), show(x)
    x = run("Photo: Arben Hoxha/AFP\n\nPolice arrested Besnik Kola in Tirana.")
    assert "Arben Hoxha" not in labels(x), show(x)


def test_a_person_named_in_the_story_and_alone_on_a_line_stays() -> None:
    x = run("Arben Hoxha\n\nArben Hoxha, a lawmaker, was arrested in Tirana on Monday.")
    assert "Arben Hoxha" in labels(x), show(x)


def test_a_blank_line_ends_a_sentence() -> None:
    x = run("Supporters wait outside the court. Arben Hoxha\n\nThe police arrested two lawmakers in Tirana.")
    arrest = next(ev for ev in x.events if ev.trigger == "arrested")
    agents = [x.entity(p.entity).label for p in arrest.participants if p.role.value == "agent"]
    assert agents and "Arben Hoxha" not in agents, show(x)


def test_compass_words_alone_are_no_place() -> None:
    x = run("Critics accused Hun Sen, the South East Asian nation's leader, of silencing the press.")
    assert not any(e.label in {"South East", "South", "East"} for e in x.entities), show(x)


def test_a_continent_inside_a_post_name_is_no_place() -> None:
    x = run("Phil Robertson, deputy Asia director of Human Rights Watch, said the case should be dropped.")
    assert "Asia" not in labels(x), show(x)
    assert any(m.role == "deputy asia director" for m in x.memberships), x.memberships


def test_a_name_before_newspaper_is_an_organisation() -> None:
    x = run("Police raided the offices of the Dawn newspaper in Karachi on Friday.")
    assert named(x, "Dawn").type is EntityType.ORGANIZATION, show(x)


@pytest.mark.parametrize("text, country", [
    ("Thailand's opposition party was dissolved on Friday. The debate is due in Parliament next week.", "Thailand"),
    ("The Thai parliament will debate the motion. Thailand's prime minister faces a vote.", "Thailand"),
])
def test_a_parliament_the_article_does_not_name_is_its_countrys_parliament(text: str, country: str) -> None:
    x = run(text)
    parliament = [e for e in x.entities if e.label.startswith("Parliament")]
    assert [e.label for e in parliament] == [f"Parliament of {country}"], show(x)
    assert parliament[0].type is EntityType.GOVERNMENT


def test_the_parliament_of_a_named_legislature_is_no_second_entity() -> None:
    x = run("The CPP won 68 of the 123 seats in the National Assembly, the country's parliament, in Cambodia. "
            "The opposition said it would boycott parliament.")
    assert "National Assembly" in labels(x)
    assert not any(e.label.startswith("Parliament") for e in x.entities), show(x)


def test_the_european_parliament_is_not_a_national_parliament() -> None:
    x = run("Cambodia's opposition asked for help. The European Parliament condemned the arrests.")
    assert "European Parliament" in labels(x)
    assert not any(e.label.startswith("Parliament of") for e in x.entities), show(x)


def test_an_organisation_name_goes_on_past_and() -> None:
    x = run("The Civic Alliance for Justice and Democracy said that a court in Managua had sentenced "
            "Yobranque Suazo to five years in prison.")
    alliance = named(x, "Civic Alliance for Justice and Democracy")
    assert alliance.type is EntityType.ORGANIZATION
    assert "Civic Alliance for Justice" not in labels(x)


@pytest.mark.parametrize("text, names", [
    ("The Ministry of Justice and Interior Minister Sar Kheng said on Monday that it was legal.",
     {"Ministry of Justice", "Sar Kheng"}),
    ("The Ministry of Interior and Prime Minister Hun Sen met on Monday.", {"Ministry of Interior", "Hun Sen"}),
])
def test_and_before_another_name_ends_an_organisation_name(text: str, names: set[str]) -> None:
    x = run(text)
    assert names <= labels(x), show(x)


@pytest.mark.parametrize("text, credit", [
    ("Cambodia's ruling party declared victory in the general election. PHOTO: EPA-EFE", "EPA"),
    ("The CNRP refused to dissolve. #CNRP, #PoliticsKH. pic.twitter.com/HM2JNHLUYi", "PoliticsKH"),
])
def test_a_photo_credit_or_a_hashtag_is_no_entity(text: str, credit: str) -> None:
    x = run(text)
    assert not any(credit in e.label or credit in e.aliases for e in x.entities), show(x)
    assert x.entities, "the article's other names stay"


def test_a_hashtag_of_a_name_the_article_uses_stays_that_entity() -> None:
    x = run("The Cambodia National Rescue Party (CNRP) refused to dissolve. #CNRP")
    assert named(x, "CNRP").label == "Cambodia National Rescue Party"


def test_the_remit_of_a_post_title_is_no_organisation() -> None:
    x = run("The PMBU is a threat to the people of Cambodia, said Sigal Mandelker, Under Secretary of the "
            "Treasury for Terrorism and Financial Intelligence, in a U.S. Treasury Department statement.")
    assert not {"Terrorism", "Financial Intelligence"} & labels(x), show(x)
    assert "Sigal Mandelker" in labels(x)


@pytest.mark.parametrize("text, org", [
    ("Phil Robertson, a researcher for Human Rights Watch, said the trial was unfair.", "Human Rights Watch"),
    ("Kao Kim Hourn, Secretary General for ASEAN, said so on Monday.", "ASEAN"),
])
def test_an_organisation_someone_works_for_keeps_its_name(text: str, org: str) -> None:
    assert org in {n for e in run(text).entities for n in (e.label, *e.aliases)}


@pytest.mark.parametrize("text, place, agency", [
    ("BANGKOK (Sputnik) — The general election in Cambodia will take place as scheduled, Nation TV reported.",
     "Bangkok", "Sputnik"),
    ("PHNOM PENH (REUTERS) - The ruling Cambodian People's Party said on Monday it had won every seat.",
     "Phnom Penh", "REUTERS"),
    ("HARARE (Reuters) - Zimbabwean police on Thursday arrested opposition leader Job Sikhala.", "Harare",
     "Reuters"),
])
def test_a_dateline_gives_its_place_and_no_agency_entity(text: str, place: str, agency: str) -> None:
    x = run(text)
    where = named(x, place)
    assert where.type.is_place
    assert agency not in where.aliases, show(x)
    assert not any(agency.lower() in (e.label.lower(), *(a.lower() for a in e.aliases)) for e in x.entities), show(x)


def test_capitals_at_a_line_start_that_name_no_place_are_no_dateline() -> None:
    x = run("URGENT (Update) - Cambodian police on Thursday arrested opposition leader Kem Sokha.")
    assert not any(e.label.lower() == "urgent" for e in x.entities), show(x)


def test_a_dateline_agency_after_a_date_is_no_entity() -> None:
    x = run("CARACAS, Jan 26 (Reuters) - Venezuela's Supreme Court on Friday upheld a ban on an opposition leader.")
    assert "Caracas" in labels(x)
    assert not any("reuters" in e.label.lower() for e in x.entities), show(x)


@pytest.mark.parametrize("text, name", [
    ("Venezuela's Supreme Court on Friday upheld a ban preventing opposition leader Maria Corina Machado from "
     "holding public office. Machado, 56, won an opposition primary in October.", "Maria Corina Machado"),
    ("Venezuela is tense. Attorney General Tarek William Saab accused them of plotting to assassinate Maduro.",
     "Tarek William Saab"),
])
def test_a_three_part_name_is_one_person(text: str, name: str) -> None:
    x = run(text)
    person = named(x, name)
    assert person.type is EntityType.PERSON
    assert not any(e.label in {"Maria Corina", "Machado", "William Saab", "Tarek"} for e in x.entities), show(x)


def test_capitals_of_a_headline_do_not_lengthen_a_name() -> None:
    x = run("Opposition Leader Kem Sokha Arrested In Phnom Penh")
    assert "Kem Sokha" in labels(x), show(x)


@pytest.mark.parametrize("text", [
    "Security forces detained two campaign aides in Barinas, according to her party, Vente Venezuela.",
    "Venezuela votes in July. The opposition party Vente Venezuela said it would take part.",
])
def test_a_name_in_apposition_to_party_is_a_party(text: str) -> None:
    assert named(run(text), "Vente Venezuela").type is EntityType.PARTY


def test_a_name_after_party_and_a_comma_that_is_a_speaker_stays_a_person() -> None:
    x = run("Cambodia votes in July. The party, Sam Rainsy said, would boycott the vote.")
    assert named(x, "Sam Rainsy").type is EntityType.PERSON


def test_the_white_house_is_no_legislature() -> None:
    x = run("Thailand's Constitutional Court dissolved a Thai opposition party in Bangkok. The White House "
            "said it was concerned. The debate is due in Parliament next week.")
    assert "Parliament of Thailand" in labels(x), show(x)


def test_a_four_part_name_ner_took_half_of_is_one_person() -> None:
    x = run("Myanmar is tense. Deposed leader Aung San Suu Kyi, who has been detained since the 2021 coup, was "
            "moved to house arrest. Suu Kyi's party was dissolved.")
    person = named(x, "Aung San Suu Kyi")
    assert person.type is EntityType.PERSON and len(person.mentions) == 2, show(x)
    assert "Aung San" not in labels(x), show(x)


@pytest.mark.parametrize("text, place, label", [
    ("Myanmar is tense. The council met in the capital Naypyitaw.", "Naypyitaw", "Naypyidaw"),
    ("Zimbabwe is tense. Police fired tear gas in the town of Chitungwiza.", "Chitungwiza", "Chitungwiza"),
])
def test_the_name_a_place_noun_gives_is_a_city(text: str, place: str, label: str) -> None:
    x = run(text)
    assert named(x, place).label == label and named(x, place).type is EntityType.CITY, show(x)


def test_a_name_ner_tagged_as_two_people_side_by_side_is_one() -> None:
    x = run("Tanzania is tense. The party's deputy chairman urged President Samia Suluhu Hassan to release the "
            "opposition leader.")
    assert named(x, "Samia Suluhu Hassan").type is EntityType.PERSON and "Hassan" not in labels(x), show(x)


def test_the_name_after_an_adjective_and_a_place_noun_is_a_city() -> None:
    x = run("Zimbabwe is tense. Police fired tear gas in the southern town of Chitungwiza.")
    assert named(x, "Chitungwiza").type is EntityType.CITY, show(x)


@pytest.mark.parametrize(("text", "name"), [
    # NER cut the name in two halves, side by side
    ("Bangladesh is tense. Police on Sunday arrested Mirza Fakhrul Islam Alamgir, secretary general of the "
     "opposition Bangladesh Nationalist Party (BNP), a day after a rally turned violent.",
     "Mirza Fakhrul Islam Alamgir"),
    # NER left the first word of a name set off by commas after a common noun
    ("Bangladesh is tense. A police constable, Amirul Islam Parvez, was beaten to death during the violence, "
     "police said.", "Amirul Islam Parvez"),
    # a Turkic patronymic after the name is part of it
    ("Kyrgyzstan is tense. Makhabat Tazhibek kyzy, the director of the news outlet, was detained on Tuesday.",
     "Makhabat Tazhibek kyzy"),
])
def test_a_whole_name_from_parts_ner_cut(text: str, name: str) -> None:
    x = run(text)
    persons = [e.label for e in x.entities if e.type is EntityType.PERSON]
    assert persons == [name], show(x)


def test_a_country_ner_took_for_a_person_is_the_country() -> None:
    x = run("Niger is tense. Niger has become a key ally of Western countries in the fight against militants.")
    assert [e.type for e in x.entities if e.label == "Niger"] == [EntityType.COUNTRY], show(x)


def test_a_name_an_organisation_noun_introduces_stays_an_organisation() -> None:
    x = run("Kyrgyzstan is tense. A court ordered four journalists from the investigative outlet Temirov Live held "
            "in detention. Temirov Live's founder, Bolot Temirov, was deported in 2022.")
    assert named(x, "Temirov Live").type is EntityType.ORGANIZATION, show(x)


@pytest.mark.parametrize(("text", "body"), [
    ("Sri Lanka's parliament on Friday accepted the resignation of the president.", "Parliament of Sri Lanka"),
    ("South Africa's government said on Monday it would appeal the ruling.", "Government of South Africa"),
])
def test_the_body_of_a_country_named_in_two_words(text: str, body: str) -> None:
    x = run(text)
    assert body in labels(x), show(x)


@pytest.mark.parametrize(("text", "body"), [
    ("The Philippine government said on Monday it would not cooperate.", "Government of the Philippines"),
    ("The United States government said on Monday it would impose sanctions.", "Government of the United States"),
    ("The Togolese government said on Monday it would ban the march.", "Government of Togo"),
])
def test_a_countrys_government_reads_with_the_article_its_name_takes(text: str, body: str) -> None:
    assert body in labels(run(text)), show(run(text))


def test_the_dateline_settles_the_main_country_between_two_the_lead_names() -> None:
    text = ("CARACAS, Feb 8 (Reuters) - Venezuela's top court on Tuesday upheld a ban on opposition leader Tomas "
            "Velkari, prompting Washington to say it would reimpose sanctions.\n"
            "The United States said it would not renew a license easing sanctions on Venezuela's oil sector. "
            "In Washington, the State Department said the United States would review its policy.\n"
            "President Piet Durand said the government of Venezuela would not accept ultimatums.")
    x = run(text)
    assert "Government of Venezuela" in labels(x), show(x)
    assert "Government of the United States" not in labels(x), show(x)


def test_a_dateline_abroad_does_not_make_its_country_the_main_one() -> None:
    x = run("BANGKOK (Reuters) - The general election in Cambodia will take place as scheduled, Prime Minister "
            "Tomas Velkari said on Monday.\nThe government said the vote would be fair. Thai officials said "
            "they would send observers.")
    assert "Government of Cambodia" in labels(x), show(x)


@pytest.mark.parametrize("text", [
    "ZANU-PF spokesman Tomas Velkari accused the opposition of lying.",
    "The ruling ZANU-PF party won the vote on Monday.",
])
def test_a_name_with_an_upper_case_part_after_a_hyphen_is_whole(text: str) -> None:
    x = run(text)
    assert "ZANU-PF" in labels(x), show(x)
    assert not any(e.label in {"ZANU", "ZANU-PF party won"} for e in x.entities), show(x)


# ---- ministries and embassies in lower case (wire style) ---------------------------------------------

@pytest.mark.parametrize("text, mention, label", [
    # the main country's: labelled as a capitalised mention would be
    ("LA PAZ (Reuters) - Bolivia's government denied it. The foreign ministry said the arrest was lawful.",
     "foreign ministry", "Foreign Ministry"),
    # another country's: named after it
    ("LA PAZ (Reuters) - Bolivia arrested the senator. Brazil's foreign ministry declined to comment.",
     "Brazil's foreign ministry", "Brazilian Foreign Ministry"),
    ("BUDAPEST (Reuters) - Hungary's parliament voted on Tuesday after the U.S. embassy said it was concerned.",
     "U.S. embassy", "U.S. Embassy"),
    # a country's name of several words before the noun
    ("HARARE (Reuters) - The United States embassy in Harare said it was deeply concerned by the arrests.",
     "United States embassy", "U.S. Embassy"),
])
def test_a_ministry_or_embassy_in_lower_case_is_a_government_body(text: str, mention: str, label: str) -> None:
    x = run(text)
    e = named(x, mention)
    assert (e.label, e.type) == (label, EntityType.GOVERNMENT), show(x)


def test_an_ordinal_before_a_court_is_part_of_its_name() -> None:
    x = run("MANAGUA (Reuters) - At a closed hearing, Judge Rosa Amelia Talavera of the Sixth Criminal District Court "
            "of Managua rejected a defence request.")
    assert named(x, "Sixth Criminal District Court of Managua").type is EntityType.COURT, show(x)


def test_a_name_ner_took_for_an_organisation_is_a_person_when_described_as_one() -> None:
    x = run("BANGKOK (Reuters) - The court denied bail to Pimchanok Wongsawat, a student activist who was arrested "
            "on Thursday at the airport.")
    assert named(x, "Pimchanok Wongsawat").type is EntityType.PERSON, show(x)


def test_a_capitalised_ministry_ner_missed_is_found_and_named_after_its_country() -> None:
    x = run("BAMAKO (Reuters) - Mali jailed the activist on Tuesday, and Mali's courts rejected his appeal. "
            "Senegal's Foreign Ministry condemned the sentence as political revenge.")
    assert [e.label for e in x.entities if "Ministry" in e.label] == ["Senegalese Foreign Ministry"], show(x)


@pytest.mark.parametrize("first, second", [
    ("The Foreign Ministry", "The foreign ministry"),
    ("The Ministry of Foreign Affairs", "The foreign ministry"),
    ("The Ministry of Justice", "The Justice Ministry"),
])
def test_a_ministry_named_in_two_ways_is_one_entity_with_its_formal_name_as_alias(first: str, second: str) -> None:
    x = run(f"LA PAZ (Reuters) - Bolivia's government denied it. {first} said the arrest was lawful. "
            f"{second} added that the senator had been read his rights.")
    ministries = [e for e in x.entities if "Ministry" in e.label]
    assert len(ministries) == 1, show(x)
    formal = "Ministry of Foreign Affairs" if "oreign" in first else "Ministry of Justice"
    assert formal in (ministries[0].label, *ministries[0].aliases), show(x)


@pytest.mark.parametrize("text", [
    "The ministry said the arrest was lawful.",  # which one, the text does not say here
    "The embassy said it was concerned.",
    "The Taliban's interior ministry said the arrest was lawful.",  # a body we cannot place in a country
])
def test_a_ministry_or_embassy_with_no_country_or_portfolio_is_not_named(text: str) -> None:
    x = run(text)
    assert not [e for e in x.entities if "inistry" in e.label or "mbassy" in e.label], show(x)


@pytest.mark.parametrize("text, name", [
    ("Hours later the prefect of Dakar banned the march, citing risks to public order.", "Dakar"),
    ("Trucks were backed up for miles on the highway between Santa Cruz and Cochabamba.", "Cochabamba"),
])
def test_a_known_city_that_ner_calls_a_person_is_a_city_where_the_text_places_it(text: str, name: str) -> None:
    x = run(text)
    assert named(x, name).type is EntityType.CITY, show(x)


def test_a_person_named_like_a_city_stays_a_person_outside_a_place_phrase() -> None:
    x = run("Victoria Nuland met the opposition leaders on Monday.")
    assert named(x, "Victoria Nuland").type is EntityType.PERSON, show(x)


def test_a_law_whose_first_word_is_a_title_is_no_person() -> None:
    x = run("In December 2022 she was sentenced to seven years for breaching the Official Secrets Act.")
    assert not [e for e in x.entities if e.type is EntityType.PERSON], show(x)


# ---- eleventh round ---------------------------------------------------------------------------------
def test_a_dateline_city_tagged_as_a_person_is_the_city() -> None:
    x = run("LILONGWE, June 18 (Reuters) - Malawi's parliament on Tuesday passed a new electoral law.")
    assert named(x, "LILONGWE").type is EntityType.CITY, show(x)


def test_a_place_joined_to_a_place_after_in_is_a_place() -> None:
    x = run("LILONGWE (Reuters) - The Human Rights Defenders Coalition said it would hold marches in Lilongwe "
            "and Blantyre on June 26.")
    assert named(x, "Blantyre").type is EntityType.CITY, show(x)


def test_a_surname_ner_typed_alone_joins_the_given_name_before_it() -> None:
    x = run("LILONGWE (Reuters) - Malawi votes in September. On Monday, Deputy Minister of Local Government "
            "Esther Phiri resigned from the cabinet.")
    assert named(x, "Esther Phiri").type is EntityType.PERSON, show(x)


def test_a_title_inside_a_span_tagged_as_an_organisation_is_left_out_of_the_name() -> None:
    x = run("KAMPALA (Reuters) - Uganda is tense. Chief Magistrate Agnes Nalwoga of the Nakawa Magistrates Court "
            "freed the activist on a cash bond, lawyer Ronald Kato said.")
    assert named(x, "Agnes Nalwoga").type is EntityType.PERSON, show(x)
    assert not any("Magistrate Agnes" in e.label for e in x.entities), show(x)


def test_an_untagged_name_described_by_an_appositive_is_a_person() -> None:
    x = run("YEREVAN (Reuters) - An Armenian court on Friday ordered Gevorg Sahakyan, deputy chairman of the "
            "opposition Armenian Renewal Front, held in custody for two months.")
    assert named(x, "Gevorg Sahakyan").type is EntityType.PERSON, show(x)


def test_a_name_tagged_as_a_nationality_but_described_as_a_person_is_a_person() -> None:
    x = run("YEREVAN (Reuters) - Armenia is tense. On Monday Prime Minister Nikol Pashinyan appointed Arsen "
            "Poghosyan, a former deputy prosecutor general, as director of the National Security Service.")
    assert named(x, "Arsen Poghosyan").type is EntityType.PERSON, show(x)


def test_a_name_with_a_lower_case_particle_is_a_person_and_its_capitalised_surname_joins_it() -> None:
    x = run("CAIRO (AFP) - Egypt's prosecutors on Wednesday ordered Tarek el-Sayed, a senior official of the "
            "opposition Dignity and Reform Party (DRP), held for 15 days. El-Sayed, 57, was arrested at his home "
            "on Monday.")
    person = named(x, "Tarek el-Sayed")
    assert person.type is EntityType.PERSON, show(x)
    assert "El-Sayed" in {m.text for m in person.mentions}, show(x)


# ---- twelfth round ----------------------------------------------------------------------------------
def test_a_ministry_name_ner_cut_at_and_is_one_ministry() -> None:
    x = run("VIENTIANE (Reuters) - Laos is tense. The Ministry of Foreign Affairs and International Cooperation "
            "said it rejected the statement.")
    assert named(x, "Ministry of Foreign Affairs and International Cooperation").type is EntityType.GOVERNMENT, show(x)
    assert not any(e.label == "International Cooperation" for e in x.entities), show(x)


def test_a_portfolio_of_two_words_joined_by_and_is_no_organisation() -> None:
    x = run("VIENTIANE (Reuters) - Laos is tense. The National Assembly approved the resignation of Energy and "
            "Mines Minister Somphone Keola on Wednesday.")
    assert not any(e.label in {"Energy", "Energy and Mines"} for e in x.entities), show(x)


def test_a_party_s_short_name_that_ner_tagged_a_person_is_the_party() -> None:
    x = run("BUJUMBURA (Reuters) - Aline Ndayizeye, a leader of the opposition Sunrise Party, was jailed. The "
            "verdict caps a bad month for Sunrise. Sunrise's secretary-general, Eric Bigirimana, said so.")
    party = named(x, "Sunrise Party")
    assert party.type is EntityType.PARTY, show(x)
    assert not any(e.label == "Sunrise" for e in x.entities), show(x)


def test_initials_skip_a_before_an_acronym() -> None:
    x = run("BAMAKO (AP) — Oumar Traore, who leads the Alliance for a Free Mali (AFM), pleaded not guilty.")
    assert "AFM" in named(x, "Alliance for a Free Mali").aliases, show(x)


def test_a_dotted_acronym_of_an_international_body_is_named() -> None:
    x = run("BAMAKO (Reuters) - The U.N. said it was concerned. U.N. experts urged the authorities to free him.")
    assert named(x, "United Nations").type is EntityType.IGO, show(x)


def test_a_name_ner_took_for_an_unknown_place_is_a_person_when_an_appositive_describes_one() -> None:
    x = run("LUANDA (AP) — Police detained 43 people. Adalberto Costa Júnior, leader of the National Union for "
            "the Total Independence of Angola (UNITA), condemned the detentions. Costa Júnior said so.")
    person = named(x, "Adalberto Costa Júnior")
    assert person.type is EntityType.PERSON, show(x)
    assert "Costa Júnior" in {m.text for m in person.mentions}, show(x)


def test_a_place_set_off_by_a_description_of_a_place_stays_a_place() -> None:
    # guard: "Cazenga, a poor district of the capital" is a place
    x = run("LUANDA (AP) — Police detained 43 people in Luanda. Protesters marched from Cazenga, a poor district "
            "of the capital.")
    assert named(x, "Cazenga").type.is_place, show(x)


# ---- fourteenth round ---------------------------------------------------------------------------------
def test_a_surname_without_its_arabic_article_is_the_same_person() -> None:
    x = run("AMMAN (Reuters) - Education Minister Khalid al-Omari was dismissed. Omari denied any responsibility.")
    assert "Omari" in {m.text for m in named(x, "Khalid al-Omari").mentions}, show(x)


def test_a_given_name_ner_left_out_before_a_person_s_name_is_part_of_it() -> None:
    x = run("FREETOWN (AFP) - The minister gave the attache, Colonel Mamadou Saliou Diallo, 72 hours to leave the "
            "country.")
    assert "Mamadou Saliou Diallo" in labels(x), show(x)


def test_a_name_after_a_plural_title_is_found() -> None:
    x = run("KATHMANDU (Reuters) - A bench of Justices Hari Prasad Koirala and Sita Kumari Adhikari ruled.")
    assert "Hari Prasad Koirala" in labels(x), show(x)


def test_a_faction_s_qualifier_in_brackets_is_part_of_the_party_s_name() -> None:
    x = run("KATHMANDU (Reuters) - Ram Thapa of the Communist Party of Nepal (Maoist Centre) quit. Maoist Centre "
            "leaders met. Others joined the Communist Party of Nepal (Unified Marxist-Leninist).")
    party = named(x, "Communist Party of Nepal (Maoist Centre)")
    assert "Maoist Centre" in party.aliases, show(x)
    assert "Communist Party of Nepal (Unified Marxist-Leninist)" in labels(x), show(x)


def test_an_acronym_in_brackets_is_still_another_name() -> None:
    # guard: an acronym is no faction's qualifier
    x = run("HARARE (Reuters) - The Movement for Democratic Change (MDC) won. The MDC celebrated.")
    assert "MDC" in named(x, "Movement for Democratic Change").aliases, show(x)


# ---- fifteenth round ----------------------------------------------------------------------------------
def test_a_given_name_ner_took_for_a_place_before_a_person_s_name_is_part_of_it() -> None:
    x = run("MARAVI (Reuters) - A court charged the opposition leader on Wednesday.\n\nYoussouf Adoum Haggar, the "
            "prosecutor at the High Court, told a news conference on Monday that he had met soldiers.")
    assert "Youssouf Adoum Haggar" in labels(x), show(x)
    assert "Youssouf" not in labels(x), show(x)


def test_a_hyphenated_surname_ner_took_for_an_organisation_is_part_of_the_name() -> None:
    x = run("MARAVI (Reuters) - Prime Minister Alix Didier Fils-Aimé signed the decree on Monday.")
    assert "Alix Didier Fils-Aimé" in labels(x), show(x)


def test_two_untagged_words_after_a_one_word_name_set_off_by_commas_are_part_of_it() -> None:
    x = run("MARAVI (Reuters) - The city's governor, Ahmat Abdelkerim Nassour, banned the march on Wednesday.")
    assert "Ahmat Abdelkerim Nassour" in labels(x), show(x)


def test_a_name_after_a_title_that_ner_cut_in_two_is_one_person() -> None:
    x = run("MARAVI (Reuters) - Critics have faced pressure since President Mahamat Idriss Deby Itno, who took "
            "power in 2021, won the election.")
    assert "Mahamat Idriss Deby Itno" in labels(x), show(x)
    assert not {"Mahamat Idriss", "Idriss Deby Itno"} & labels(x), show(x)


def test_a_quoted_nickname_is_not_part_of_the_name() -> None:
    x = run('MARAVI (Reuters) - The gang\'s leader, Jimmy "Barbecue" Okello, said his fighters would fight on. '
            "Okello gave no details.")
    person = named(x, "Jimmy Okello")
    assert "Okello" in {m.text for m in person.mentions}, show(x)


def test_a_title_before_a_full_name_ner_found_stays_apart() -> None:
    # guard: "President Joe Biden" is only Joe Biden; nothing is merged into a name NER got whole
    x = run("MARAVI (Reuters) - Prime Minister Hun Manet met President Joe Biden in Washington on Monday.")
    assert {"Hun Manet", "Joe Biden"} <= labels(x), show(x)


def test_officers_of_a_named_police_force_are_not_a_group_of_their_own() -> None:
    x = run("MARAVI (Reuters) - Maravi National Police officers retook the town's police station on Wednesday, "
            "police spokesman Lionel Bazile said.")
    assert "Maravi National Police" in labels(x), show(x)
    assert not any(e.type is EntityType.GROUP and "officers" in e.label for e in x.entities), show(x)


@pytest.mark.parametrize(("text", "name"), [
    ("ANTANANARIVO (AFP) - The country's military ruler, Colonel Michael Rakoto, on Thursday dismissed the army "
     "chief.", "Michael Rakoto"),
    ("OUAGADOUGOU (AFP) - Captain Ibrahim Sawadogo seized power on Friday.", "Ibrahim Sawadogo"),
    ("OUAGADOUGOU (AFP) - Lieutenant Colonel Paul Zongo said the junta would hold elections.", "Paul Zongo"),
])
def test_a_military_rank_is_not_part_of_the_name(text: str, name: str) -> None:
    x = run(text)
    assert name in labels(x), show(x)
    assert not any(e.label.startswith(("Colonel", "Captain", "Lieutenant")) for e in x.entities), show(x)


def test_an_acronym_the_article_defines_names_the_organisation_where_ner_left_it_untagged() -> None:
    x = run("ULAANBAATAR (AFP) - The commission rejected a request from the opposition Democratic Party (DP). "
            "Several thousand DP supporters gathered on Sukhbaatar Square on Monday evening.")
    assert "DP supporters" in labels(x), show(x)


def test_capitalised_words_after_a_name_s_possessive_ending_in_an_organisation_word_are_its_organisation() -> None:
    x = run("BEIRUT (Reuters) - The three ministers of Parliament Speaker Nabih Berri's Amal Movement walked out "
            "before Tuesday's vote but did not resign.")
    assert {"Nabih Berri", "Amal Movement"} <= labels(x), show(x)


@pytest.mark.parametrize(("text", "name"), [
    ("BRUSSELS (Reuters) - European Commission President Ursula von der Leyen spoke on Monday. Von der Leyen "
     "said so.", "Ursula von der Leyen"),
    ("LUANDA (Reuters) - Former Angolan president Jose Eduardo dos Santos died in Barcelona.",
     "Jose Eduardo dos Santos"),
])
def test_a_name_runs_on_over_a_surname_s_particles(text: str, name: str) -> None:
    x = run(text)
    person = named(x, name)
    assert person.type is EntityType.PERSON, show(x)
    assert not {"Ursula von", "Jose Eduardo", "Santos", "Leyen"} & labels(x), show(x)


def test_a_particle_before_a_longer_name_is_left_to_ner() -> None:
    # guard: the word after the particle starting a longer organisation's name stays with it
    x = run("BRUSSELS (Reuters) - Pedro Sanchez of the Partido Socialista spoke in Madrid on Monday.")
    assert "Pedro Sanchez" in labels(x), show(x)


def test_a_person_s_possessive_before_a_party_s_name_is_not_part_of_it() -> None:
    x = run("SARAJEVO (Reuters) - Milan Petkovic ordered the walkout. Two ministers, both from Petkovic's "
            "Alliance of Independent Social Democrats (SNSD), resigned on Wednesday.")
    party = named(x, "Alliance of Independent Social Democrats")
    assert party.type is EntityType.PARTY and "Petkovic's Alliance of Independent Social Democrats" not in labels(x), \
        show(x)


def test_a_demonym_before_a_party_s_acronym_is_no_part_of_its_name() -> None:
    x = run("SARAJEVO (Reuters) - HDZ BiH leader Dragan Covic spoke in Mostar. Borjana Simic, of the Croat HDZ "
            "BiH party, accepted the resignations.")
    assert "Croat HDZ BiH" not in labels(x) and "HDZ BiH" in labels(x), show(x)


def test_a_country_ner_missed_at_the_start_of_the_lead_is_still_an_entity() -> None:
    x = run("DUBAI, Aug 29 (Reuters) - Bahrain recalled its ambassador from Baghdad on Thursday and ordered Iraq's "
            "charge d'affaires to leave the kingdom.")
    assert named(x, "Bahrain").type is EntityType.COUNTRY, show(x)


def test_the_end_of_a_longer_country_name_is_not_a_country() -> None:
    # guard: "Guinea" in "Papua New Guinea" when NER left the name untagged
    x = run("PORT MORESBY (AFP) - Disputes over results are common in Papua New Guinea, where voting is marred by "
            "clashes.")
    assert "Guinea" not in labels(x), show(x)


def test_two_towns_joined_by_and_are_two_places() -> None:
    x = run("KHARTOUM (Reuters) - The U.N. coordinator called on both sides to allow aid convoys to reach the "
            "besieged towns of Kadugli and Dilling in South Kordofan.")
    assert {"Kadugli", "Dilling"} <= labels(x) and "Kadugli and Dilling" not in labels(x), show(x)
