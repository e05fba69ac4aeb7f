"""Events: CAMEO code, agent / patient / recipient, place, date and factuality, from short sentences.

Articles are published on Thursday 2019-11-14 unless a test says otherwise. Codes are compared in
full where the product fixes them (arrest 173, release 0841, appeal for release 0253, sanctions 163,
criticism 111, accusation 112, travel 042). Each text is parsed once (`run`).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from polgraph.articles import parse_text
from polgraph.model import Entity, EntityType, Event, Extraction, Factuality, Precision, Role
from polgraph.pipeline import extract

PUBLISHED = "2019-11-14"  # a Thursday


@lru_cache(maxsize=256)
def run(text: str, published: str | None = PUBLISHED) -> Extraction:
    front = f"---\npublished: {published}\n---\n" if published else ""
    return extract(parse_text(front + text, default_id="test-events"))


def show(x: Extraction) -> str:
    rows = []
    for ev in x.events:
        who = ", ".join(f"{p.role.value}={x.entity(p.entity).label}" for p in ev.participants)
        rows.append(f"{ev.trigger!r} {ev.cameo} [{who}] {ev.factuality.value}")
    return "; ".join(rows) or "(no events)"


def named(x: Extraction, name: str) -> Entity:
    found = [e for e in x.entities
             if e.label == name or name in e.aliases or any(m.text == name for m in e.mentions)]
    assert len(found) == 1, f"{len(found)} entities named {name!r}: {[e.label for e in x.entities]}"
    return found[0]


def event(x: Extraction, trigger: str) -> Event:
    """The one event whose trigger word is `trigger`."""
    found = [ev for ev in x.events if ev.trigger.lower() == trigger.lower()]
    assert len(found) == 1, f"expected one event on {trigger!r}: {show(x)}"
    return found[0]


def role_of(x: Extraction, ev: Event, role: Role) -> list[str]:
    return [x.entity(p.entity).label for p in ev.participants if p.role is role]


def agents(x: Extraction, ev: Event) -> list[str]:
    return role_of(x, ev, Role.AGENT)


def patients(x: Extraction, ev: Event) -> list[str]:
    return role_of(x, ev, Role.PATIENT)


def recipients(x: Extraction, ev: Event) -> list[str]:
    return role_of(x, ev, Role.RECIPIENT)


def place(x: Extraction, ev: Event) -> str | None:
    return x.entity(ev.place).label if ev.place else None


def when(ev: Event) -> tuple[str, Precision] | None:
    return (ev.date.value, ev.date.precision) if ev.date else None


def reporter(x: Extraction, ev: Event) -> str | None:
    return x.entity(ev.reported_by).label if ev.reported_by else None


# ---- travel: 042 --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "agent", "where", "date"), [
    ("Sam Rainsy returned to Cambodia on Saturday.", "returned", "Sam Rainsy", "Cambodia",
     ("2019-11-09", Precision.DAY)),
    ("Tomas Velkari arrived in Kordavia on Monday.", "arrived", "Tomas Velkari", "Kordavia",
     ("2019-11-11", Precision.DAY)),
    ("Sam Rainsy landed in Bangkok on Friday.", "landed", "Sam Rainsy", "Bangkok",
     ("2019-11-08", Precision.DAY)),
    ("Lena Morova fled to Paris last month.", "fled", "Lena Morova", "Paris", ("2019-10", Precision.MONTH)),
])
def test_travel_is_a_visit(text: str, trigger: str, agent: str, where: str,
                           date: tuple[str, Precision]) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == "042"
    assert agents(x, ev) == [agent]
    assert place(x, ev) == where
    assert when(ev) == date
    assert ev.factuality is Factuality.ASSERTED


# ---- arrests, release, requests -----------------------------------------------------------------

def test_arrest_by_police_with_place_and_weekday() -> None:
    x = run("Cambodian police arrested opposition activist Chea Vanna in Battambang on Thursday.")
    ev = event(x, "arrested")
    assert ev.cameo == "173"
    found = [x.entity(p.entity) for p in ev.participants if p.role is Role.AGENT]
    assert len(found) == 1, show(x)
    assert found[0].type is EntityType.GOVERNMENT and "police" in found[0].label.lower()
    assert patients(x, ev) == ["Chea Vanna"]
    assert place(x, ev) == "Battambang"
    assert when(ev) == ("2019-11-14", Precision.DAY)
    assert ev.factuality is Factuality.ASSERTED


def test_arrest_on_a_month_day() -> None:
    x = run("Police arrested Tomas Velkari on Nov. 9.")
    ev = event(x, "arrested")
    assert ev.cameo == "173"
    assert patients(x, ev) == ["Tomas Velkari"]
    assert when(ev) == ("2019-11-09", Precision.DAY)


def test_passive_arrest_names_the_patient() -> None:
    x = run("Opposition lawmaker Um Sovann was arrested by police in Phnom Penh on Nov. 9.")
    ev = event(x, "arrested")
    assert ev.cameo == "173"
    assert patients(x, ev) == ["Um Sovann"]
    assert place(x, ev) == "Phnom Penh"
    assert when(ev) == ("2019-11-09", Precision.DAY)


def test_passive_detention_keeps_the_agent_of_the_by_phrase() -> None:
    x = run("Tomas Velkari was detained by Kordavian police on Tuesday.")
    ev = event(x, "detained")
    assert ev.cameo == "173"
    assert patients(x, ev) == ["Tomas Velkari"]
    found = [x.entity(p.entity) for p in ev.participants if p.role is Role.AGENT]
    assert len(found) == 1, show(x)
    assert found[0].type is EntityType.GOVERNMENT and "police" in found[0].label.lower()
    assert when(ev) == ("2019-11-12", Precision.DAY)


def test_release_on_bail_last_month() -> None:
    x = run("The Phnom Penh Municipal Court released Um Sovann on bail last month.")
    ev = event(x, "released")
    assert ev.cameo == "0841"
    assert agents(x, ev) == ["Phnom Penh Municipal Court"]
    assert patients(x, ev) == ["Um Sovann"]
    assert when(ev) == ("2019-10", Precision.MONTH)


def test_granting_bail_is_a_release() -> None:
    x = run("The Phnom Penh Municipal Court granted bail to Lena Morova on Monday.")
    found = [ev for ev in x.events if ev.cameo == "0841"]
    assert len(found) == 1, show(x)
    assert patients(x, found[0]) == ["Lena Morova"]
    assert agents(x, found[0]) == ["Phnom Penh Municipal Court"]
    assert when(found[0]) == ("2019-11-11", Precision.DAY)


@pytest.mark.parametrize(("text", "trigger", "agent", "recipient"), [
    ("Prime Minister Hun Sen asked the Justice Ministry to release the detained activists.", "asked",
     "Hun Sen", "Justice Ministry"),
    ("The United Nations urged Cambodia to free the jailed activists.", "urged", "United Nations",
     "Cambodia"),
])
def test_request_to_release_is_an_appeal_for_release(text: str, trigger: str, agent: str,
                                                     recipient: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == "0253"
    assert agents(x, ev) == [agent]
    assert recipients(x, ev) == [recipient]
    # the release is only asked for: it is not reported as having happened
    released = [e for e in x.events if e.cameo.startswith("084") and e.factuality is Factuality.ASSERTED]
    assert not released, show(x)


# ---- sanctions, criticism, accusation -----------------------------------------------------------

def test_sanctioning_a_person() -> None:
    x = run("The United States sanctioned Cambodian general Hing Vuthy on Tuesday.")
    ev = event(x, "sanctioned")
    assert ev.cameo == "163"
    assert agents(x, ev)[0] in {"United States", "Government of the United States"}
    assert patients(x, ev) == ["Hing Vuthy"]
    assert when(ev) == ("2019-11-12", Precision.DAY)


def test_imposing_sanctions_on_a_country() -> None:
    x = run("The European Union imposed sanctions on Cambodia in 2015.")
    ev = event(x, "imposed")
    assert ev.cameo == "163"
    assert agents(x, ev) == ["European Union"]
    assert patients(x, ev) == ["Cambodia"]
    assert when(ev) == ("2015", Precision.YEAR)


def test_criticism() -> None:
    x = run("Opposition leader Sam Rainsy criticised Prime Minister Hun Sen on Wednesday.")
    ev = event(x, "criticised")
    assert ev.cameo == "111"
    assert agents(x, ev) == ["Sam Rainsy"]
    assert patients(x, ev) == ["Hun Sen"]
    assert when(ev) == ("2019-11-13", Precision.DAY)


def test_accusation() -> None:
    x = run("Hun Sen accused Sam Rainsy of treason.")
    ev = event(x, "accused")
    assert ev.cameo == "112"
    assert agents(x, ev) == ["Hun Sen"]
    assert patients(x, ev) == ["Sam Rainsy"]


# ---- pronouns and quotations --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "agent"), [
    ("Hun Sen spoke to reporters in Phnom Penh. He accused the CNRP of plotting a coup.", "accused",
     "Hun Sen"),
    ("Hun Sen said the court acted fairly. He later accused the opposition of treason.", "accused",
     "Hun Sen"),
    ("Sam Rainsy landed in Bangkok on Friday. He then fled to Paris.", "fled", "Sam Rainsy"),
])
def test_he_refers_to_the_person_just_named(text: str, trigger: str, agent: str) -> None:
    x = run(text)
    assert agents(x, event(x, trigger)) == [agent]


def test_he_after_a_reported_clause_is_its_subject_not_the_reporter() -> None:
    x = run("Opposition leader Tundu Mwakasege was arrested in Mbeya on Sunday after addressing a rally, his lawyer "
            "Peter Kibatala said. He appeared before the Harare Magistrates Court on Tuesday and was remanded in "
            "custody.")
    assert patients(x, event(x, "remanded")) == ["Tundu Mwakasege"], show(x)


@pytest.mark.parametrize(("text", "trigger", "role", "person"), [
    # the person named last (Odinga) is not the one the next sentence goes on about
    ("Tomas Velkari had been deported in February after he took part in a rally of opposition leader Raila "
     "Odinga. The High Court ordered his release on Sunday.", "release", Role.PATIENT, "Tomas Velkari"),
    ("Hun Sen told reporters that Sam Rainsy was a traitor. He accused the opposition of plotting a coup.",
     "accused", Role.AGENT, "Hun Sen"),
    # no person is the subject before: the person named last
    ("Police questioned Tomas Velkari on Friday. He was arrested on Sunday.", "arrested", Role.PATIENT,
     "Tomas Velkari"),
])
def test_a_pronoun_opening_a_sentence_prefers_the_last_subject(text: str, trigger: str, role: Role,
                                                               person: str) -> None:
    x = run(text)
    assert person in role_of(x, event(x, trigger), role), show(x)


@pytest.mark.parametrize(("text", "trigger", "agent"), [
    # a dateline the parser takes for a second subject: the subject next to the verb is the doer
    ("KAMPALA — Ugandan opposition politician Kizza Besigye on Tuesday criticised the ruling party, his "
     "lawyer Lena Morova said.", "criticised", "Kizza Besigye"),
    # the verb parsed as a clause on the noun before it ("general … called"): that noun is the doer
    ("Kizza Besigye was jailed. The FDC's secretary general, Nathan Nandala-Mafabi, called for Besigye's "
     "release.", "called", "Nathan Nandala-Mafabi"),
])
def test_the_doer_despite_a_misparsed_subject(text: str, trigger: str, agent: str) -> None:
    x = run(text)
    assert agents(x, event(x, trigger)) == [agent], show(x)


@pytest.mark.parametrize("text", [
    "A court in Kordavia sentenced Tomas Velkari to ten years in prison for organizing protests.",
    "Tomas Velkari was arrested in Kordavia for organizing protests.",
])
def test_who_is_punished_for_a_deed_did_it(text: str) -> None:
    x = run(text)
    assert agents(x, event(x, "protests")) == ["Tomas Velkari"], show(x)


def test_an_undescribed_court_is_the_court_the_article_names() -> None:
    x = run("A Zorbanian court on Wednesday sentenced an opposition leader to ten years in prison. His party "
            "said that a court in Kordavia had sentenced Tomas Velkari after a one-day trial.")
    [ev] = [e for e in x.events if e.cameo == "173"]
    assert ev.trigger == "sentenced" and ev.sentence == 0, show(x)
    assert agents(x, ev) == ["court in Kordavia"] and patients(x, ev) == ["Tomas Velkari"], show(x)
    assert when(ev) == ("2019-11-13", Precision.DAY)


def test_the_by_phrase_of_a_passive_does_not_reach_into_its_clause() -> None:
    """'by opposition groups of abusing his office': the groups (no entity) accuse; 'his' is the
    accused, not the accuser."""
    x = run("Tomas Velkari, a deputy leader of the ruling party, had been accused by opposition groups of "
            "abusing his office.")
    ev = event(x, "accused")
    assert agents(x, ev) == [] and patients(x, ev) == ["Tomas Velkari"], show(x)


@pytest.mark.parametrize(("text", "trigger", "cameo", "agent", "other"), [
    ("A court in Kordavia issued an arrest warrant for Sam Rainsy on Monday.", "issued", "173",
     "court in Kordavia", ("patient", "Sam Rainsy")),
    ("The National Assembly stripped Tomas Velkari of his parliamentary immunity.", "stripped", "172",
     "National Assembly", ("patient", "Tomas Velkari")),
    ("Hun Sen held talks with Tomas Velkari in Phnom Penh on Monday.", "talks", "040", "Hun Sen",
     ("recipient", "Tomas Velkari")),
    ("Opposition leader Tundu Mwakasege appeared before the Harare Magistrates Court on Tuesday and was remanded "
     "in custody.", "remanded", "173", "Harare Magistrates Court", ("patient", "Tundu Mwakasege")),
    ("Brazilian President Luiz Inacio Lula da Silva spoke with Jose Jeri in Brasilia on Saturday.", "spoke", "040",
     "Luiz Inacio Lula da Silva", ("recipient", "Jose Jeri")),
    ("Sam Rainsy talked by phone with Kem Sokha on Monday.", "talked", "041", "Sam Rainsy", ("recipient", "Kem Sokha")),
    ("Hun Sen telephoned Thai Prime Minister Anutin Charnvirakul on Monday.", "telephoned", "041", "Hun Sen",
     ("recipient", "Anutin Charnvirakul")),
    # summoning a country's ambassador is an official complaint to that country, not a summons to court
    ("Britain summoned Georgia's ambassador in London on Monday.", "summoned", "114", "United Kingdom",
     ("recipient", "Georgia")),
    # "put X under (house) arrest": the noun's event, its patient the verb's object
    ("Police put Tomas Velkari under house arrest in Kordavia on Monday.", "arrest", "173", "police",
     ("patient", "Tomas Velkari")),
    ("Police took Tomas Velkari into custody in Kordavia on Monday.", "custody", "173", "police",
     ("patient", "Tomas Velkari")),
    # people counted are a crowd taking part ("people" alone names no one)
    ("Police detained more than 400 people in Kordavia on Monday.", "detained", "173", "police",
     ("patient", "people")),
    ("Soldiers killed 30 civilians in Kordavia on Monday.", "killed", "1823", "soldiers", ("patient", "civilians")),
    ("Protesters stormed the National Assembly of Zorbania on Tuesday.", "stormed", "145", "protesters",
     ("patient", "National Assembly of Zorbania")),
    # an electoral body unnamed but for its phrase acts for the state (it was the country)
    ("Bolivia's electoral tribunal disqualified former president Evo Morales from running in the election.",
     "disqualified", "1722", "electoral tribunal", ("patient", "Evo Morales")),
])
def test_warrants_immunity_and_talks(text: str, trigger: str, cameo: str, agent: str, other: tuple[str, str]) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == cameo and agents(x, ev) == [agent], show(x)
    assert role_of(x, ev, Role(other[0])) == [other[1]], show(x)


def test_firing_on_people_is_violence_and_firing_someone_is_not() -> None:
    x = run("Police fired on demonstrators in Mwanza on Monday.")
    ev = event(x, "fired")
    assert ev.cameo == "180" and agents(x, ev) == ["police"] and place(x, ev) == "Mwanza", show(x)
    # "on Monday" is a time, not the preposition of "fire on"
    x = run("President Samia Hassan fired the finance minister on Monday.")
    assert not any(e.cameo.startswith("18") for e in x.events), show(x)


@pytest.mark.parametrize("text", [
    "Hun Sen met reporters in Phnom Penh on Monday.",
    "Hun Sen spoke with reporters in Phnom Penh on Monday.",
    "Hun Sen spoke to reporters in Phnom Penh on Monday.",
])
def test_talking_to_unnamed_people_is_no_consultation(text: str) -> None:
    x = run(text)
    assert not any(e.cameo.startswith("04") for e in x.events), show(x)


def test_a_description_in_apposition_does_not_add_participants() -> None:
    # the party and the country describe Ivanishvili; the sanctions are on him alone
    x = run("The United States on Friday imposed sanctions on Bidzina Ivanishvili, the billionaire founder of "
            "Georgia's ruling Georgian Dream party, accusing him of undermining democracy.")
    assert patients(x, event(x, "imposed")) == ["Bidzina Ivanishvili"], show(x)
    # a person the parser hangs on the description still takes part
    x = run("Police arrested Kem Sokha, the president of the Cambodia National Rescue Party, and Mu Sochua on Monday.")
    assert patients(x, event(x, "arrested")) == ["Kem Sokha", "Mu Sochua"], show(x)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Human Rights Watch described the trial as a sham on Monday.", "described"),
    ("Former president Pedro Castillo called the vote a coup by the mafia.", "called"),
    ("Kem Sokha's daughter Monovithya Kem has called the case against her father a farce.", "called"),
])
def test_calling_something_a_sham_is_a_denunciation(text: str, trigger: str) -> None:
    x = run(text)
    assert event(x, trigger).cameo == "111", show(x)


def test_whose_sham_it_is_called_is_the_one_denounced() -> None:
    x = run("Svetlana Tikhanovskaya called the sentence Lukashenko's revenge.")
    ev = event(x, "called")
    assert ev.cameo == "111" and patients(x, ev) == ["Lukashenko"], show(x)


def test_calling_on_and_describing_are_otherwise_no_denunciation() -> None:
    x = run("The European Union called on Zorbania to release Tomas Velkari. Tomas Velkari described the meeting "
            "as productive.")
    assert event(x, "called").cameo == "0253" and not any(e.cameo == "111" for e in x.events), show(x)


def test_the_blamed_did_the_deed_and_unnamed_victims_of_violence_stay() -> None:
    x = run("The security forces have been blamed for the killing of demonstrators in Kampala.")
    ev = event(x, "killing")
    assert agents(x, ev) == ["security forces"] and patients(x, ev) == ["demonstrators"], show(x)
    x = run("Ugandan police opened fire on demonstrators in Kampala on Wednesday.")
    assert patients(x, event(x, "opened")) == ["demonstrators"], show(x)


def test_a_ledes_unnamed_person_is_the_one_the_next_sentence_names() -> None:
    x = run("A Belarusian opposition leader who rallied mass protests against disputed leader Alexander Lukashenko "
            "has been jailed for 18 years.\n\nSergei Tikhanovsky was convicted of organising riots.")
    assert agents(x, event(x, "rallied")) == ["Sergei Tikhanovsky"], show(x)
    assert patients(x, event(x, "jailed")) == ["Sergei Tikhanovsky"], show(x)


def test_an_unnamed_source_is_not_a_ledes_delayed_name() -> None:
    # "a member of ONEP who … said" is a source described by its union, not the person named next
    x = run("The former secretary general of the oil workers' union (ONEP), Samuel Quate, was jailed last week, a "
            "member of ONEP who attended the hearing said. The source added that Grace Ostren was arrested.")
    assert reporter(x, event(x, "jailed")) == "ONEP", show(x)


def test_a_demonym_on_a_person_noun_is_not_a_participant() -> None:
    # no one is named after it: the leader stays unnamed, and Belarus does not rally or get jailed
    x = run("A Belarusian opposition leader who rallied mass protests against disputed leader Alexander Lukashenko "
            "has been jailed for 18 years.")
    assert not any(x.entity(p.entity).label == "Belarus" for e in x.events for p in e.participants), show(x)


@pytest.mark.parametrize("text", [
    "Jawhar Ben Mbarek has been on hunger strike since October 29.",
    "Jawhar Ben Mbarek went on hunger strike on Monday.",
    "Jawhar Ben Mbarek began a hunger strike on Monday.",
])
def test_a_hunger_strike_is_142_by_the_striker(text: str) -> None:
    x = run(text)
    ev = event(x, "strike")
    assert ev.cameo == "142" and agents(x, ev) == ["Jawhar Ben Mbarek"], show(x)


def test_placed_under_house_arrest() -> None:
    x = run("Opposition leader Tomas Velkari was placed under house arrest on Monday.")
    ev = event(x, "arrest")
    assert ev.cameo == "173" and patients(x, ev) == ["Tomas Velkari"], show(x)


def test_taken_into_custody() -> None:
    x = run("Opposition leader Tomas Velkari was taken into custody on Monday.")
    ev = event(x, "custody")
    assert ev.cameo == "173" and patients(x, ev) == ["Tomas Velkari"], show(x)


def test_people_uncounted_take_no_part() -> None:
    x = run("People say the police arrested Tomas Velkari on Monday.")
    ev = event(x, "arrested")
    assert agents(x, ev) == ["police"] and patients(x, ev) == ["Tomas Velkari"], show(x)
    assert not any(e.key == "group:people" for e in x.entities), show(x)
    # people alone, with nobody named acting on them, are a toll: the act that took it is told apart
    for text in ("At least 29 people were killed as police opened fire on protesters in Kordavia on Monday.",
                 "At least 29 innocent people were killed as police opened fire on protesters in Kordavia."):
        x = run(text)
        assert [e.trigger for e in x.events] == ["opened"], show(x)


@pytest.mark.parametrize(("text", "trigger", "speaker", "accused"), [
    ("Bishop Tomas Velkari stressed that the Nicaraguan government intends to stifle the voice of the Church.",
     "stifle", "Tomas Velkari", "Government of Nicaragua"),
    ('"Colonel Arun Lavoka was personally implicated in attacks on protesters," said Sara Menet, a spokeswoman '
     "for the State Department.", "implicated", "Sara Menet", "Arun Lavoka"),
    ("Sam Rainsy said the election was rigged by the Cambodian People's Party.", "rigged", "Sam Rainsy",
     "Cambodian People's Party"),
])
def test_telling_of_wrongdoing_accuses(text: str, trigger: str, speaker: str, accused: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == "112" and agents(x, ev) == [speaker] and patients(x, ev) == [accused], show(x)


@pytest.mark.parametrize("text", [
    "Hun Sen denied that the Cambodian People's Party rigged the election.",
    "The Cambodia National Rescue Party said it would not harass voters.",
    "Sam Rainsy said that the election was rigged.",
])
def test_no_accusation_when_denied_negated_or_unnamed(text: str) -> None:
    x = run(text)
    assert not [e for e in x.events if e.cameo == "112"], show(x)


def test_a_common_noun_is_what_its_appositive_names() -> None:
    x = run("Sam Rainsy returned on Monday. His party, the Cambodia National Rescue Party (CNRP), said the arrest "
            "was illegal and urged supporters to remain calm.")
    assert agents(x, event(x, "urged")) == ["Cambodia National Rescue Party"], show(x)


def test_a_one_word_party_name_missed_by_ner_still_acts() -> None:
    x = run("Tunisian police arrested Rached Ghannouchi, the leader of the Islamist Ennahda party, on Monday. "
            "Ennahda called the arrest a very dangerous development and demanded his immediate release.")
    assert agents(x, event(x, "demanded")) == ["Ennahda"], show(x)


def test_calling_on_a_capital_to_free_someone_appeals_to_its_government() -> None:
    x = run("The U.S. State Department called on Moscow to free Alexei Navalny.")
    ev = event(x, "called")
    assert ev.cameo == "0253" and patients(x, ev) == ["Alexei Navalny"], show(x)
    assert role_of(x, ev, Role.RECIPIENT) == ["Government of Russia"], show(x)


def test_they_said_by_a_body_is_that_body() -> None:
    x = run("Police said they had arrested Tomas Velkari in Kordavia on Monday.")
    ev = event(x, "arrested")
    assert agents(x, ev) == ["police"] and patients(x, ev) == ["Tomas Velkari"], show(x)
    x = run("Kem Sokha said they had arrested Tomas Velkari on Monday.")  # a person's "they" is others
    assert "Kem Sokha" not in agents(x, event(x, "arrested")), show(x)


def test_a_court_of_its_own_kind_extends_a_detention() -> None:
    x = run("A Pakistani anti-graft court on Wednesday extended the detention of Imran Khan by eight days. "
            "Khan had gone to the Islamabad High Court to seek bail.")
    ev = event(x, "detention")
    assert agents(x, ev) == ["Pakistani anti-graft court"] and patients(x, ev) == ["Imran Khan"], show(x)


def test_a_place_inside_the_object_is_no_participant() -> None:
    x = run("The Venezuelan government signed an agreement with the opposition in Barbados on Monday.")
    ev = event(x, "signed")
    assert agents(x, ev) == ["Government of Venezuela"] and patients(x, ev) == [], show(x)


@pytest.mark.parametrize(("text", "trigger", "cameo"), [
    ("Ethiopia's government declared a state of emergency in the Amhara region on Friday.", "declared", "1724"),
    ("The Thai army imposed martial law across the country on Tuesday.", "imposed", "1724"),
    ("The Myanmar junta imposed a curfew in Yangon on Monday.", "imposed", "1723"),
])
def test_emergency_martial_law_and_curfew(text: str, trigger: str, cameo: str) -> None:
    x = run(text)
    assert event(x, trigger).cameo == cameo, show(x)


def test_issuing_a_statement_is_no_event() -> None:
    x = run("The Kordavia Ministry of Justice issued a statement on Monday.")
    assert not x.events, show(x)


def test_them_after_unnamed_people_is_not_a_group_named_before() -> None:
    """'them' is the 41 monitors, whom no entity stands for: not the party named in the sentence before."""
    x = run("The Zorbanian Liberty Party said it would challenge the result. Police arrested 41 election "
            "monitors on Thursday, accusing them of planning to announce unofficial results.")
    assert patients(x, event(x, "accusing")) == [], show(x)


def test_they_after_told_reporters_is_still_the_group() -> None:
    x = run("Police arrested three CNRP activists on Monday. The activists told reporters that they had "
            "joined a peaceful protest.")
    assert agents(x, event(x, "protest")) != [], show(x)


@pytest.mark.parametrize("dateline", ["HONG KONG (Probe) — ", "HONG KONG, Nov 14 (AFP) - ", "Hong Kong (AFP) - "])
def test_a_dateline_is_read_apart_from_the_sentence_after_it(dateline: str) -> None:
    """Run together with the dateline, 'court' parsed as an apposition of the city and 'sentenced' as
    a modifier: no event."""
    x = run(dateline + "A Hong Kong court on Friday sentenced media tycoon Jimmy Lai and nine other "
            "pro-democracy activists to between eight and 18 months in prison for organising an "
            "unauthorised assembly in 2019.")
    ev = event(x, "sentenced")
    assert ev.cameo == "173" and "Jimmy Lai" in patients(x, ev), show(x)


def test_quoted_i_is_the_speaker() -> None:
    x = run('"I criticised the ministry because it failed us," Lena Morova told reporters.')
    ev = event(x, "criticised")
    assert ev.cameo == "111"
    assert agents(x, ev) == ["Lena Morova"]
    assert ev.factuality is Factuality.REPORTED
    assert reporter(x, ev) == "Lena Morova"


def test_quoted_promise_to_return() -> None:
    x = run('"I will return to Cambodia to lead the people," Sam Rainsy told reporters in Paris.')
    ev = event(x, "return")
    assert ev.cameo == "042"
    assert agents(x, ev) == ["Sam Rainsy"]
    assert place(x, ev) == "Cambodia"
    assert ev.factuality is not Factuality.ASSERTED


# ---- reported speech ----------------------------------------------------------------------------

def test_said_reports_the_event() -> None:
    x = run("Police spokesman Ruslan Petrak said officers arrested Tomas Velkari on Monday.")
    ev = event(x, "arrested")
    assert ev.cameo == "173"
    assert patients(x, ev) == ["Tomas Velkari"]
    assert ev.factuality is Factuality.REPORTED
    assert reporter(x, ev) == "Ruslan Petrak"
    assert when(ev) == ("2019-11-11", Precision.DAY)


def test_wrote_on_twitter_reports_the_event() -> None:
    x = run("Lena Morova wrote on Twitter that police had detained Tomas Velkari in Kordavia.")
    ev = event(x, "detained")
    assert ev.cameo == "173"
    assert patients(x, ev) == ["Tomas Velkari"]
    assert place(x, ev) == "Kordavia"
    assert ev.factuality is Factuality.REPORTED
    assert reporter(x, ev) == "Lena Morova"


def test_police_in_a_tweet_are_not_american() -> None:
    # Twitter is an American company; that says nothing about whose police acted
    x = run("Lena Morova wrote on Twitter that police had detained Tomas Velkari in Kordavia.")
    assert not any("American" in e.label or "United States" in e.label for e in x.entities), \
        [e.label for e in x.entities]


def test_said_that_someone_would_act_is_attributed_and_not_asserted() -> None:
    x = run("Tomas Velkari said that the Kordavian army would arrest Lena Morova.")
    ev = event(x, "arrest")
    assert patients(x, ev) == ["Lena Morova"]
    assert ev.factuality is not Factuality.ASSERTED
    assert reporter(x, ev) == "Tomas Velkari"


def test_wrote_on_facebook_that_the_government_would_release_him() -> None:
    x = run("Tomas Velkari wrote on Facebook that the government would release him.")
    ev = event(x, "release")
    assert ev.cameo == "0841"
    assert patients(x, ev) == ["Tomas Velkari"]
    assert ev.factuality is not Factuality.ASSERTED
    assert reporter(x, ev) == "Tomas Velkari"
    assert not any("United States" in e.label for e in x.entities), [e.label for e in x.entities]


# ---- negated, hypothetical, planned -------------------------------------------------------------

def test_negated_arrest() -> None:
    x = run("Police did not arrest Kem Sokha.")
    ev = event(x, "arrest")
    assert ev.cameo == "173"
    assert ev.factuality is Factuality.NEGATED


def test_a_negation_reaches_a_conjunct_that_shares_its_verb_only() -> None:
    # "rejected" has its own tense: "did not" is not its polarity; "charge" shares "did not"
    x = run("Dina Marquina did not attend the session and rejected the vote as unconstitutional.")
    assert event(x, "rejected").factuality is Factuality.ASSERTED, show(x)
    x = run("Police did not arrest Kem Sokha but detained his aide Sam Rainsy.")
    assert event(x, "arrest").factuality is Factuality.NEGATED, show(x)
    assert event(x, "detained").factuality is Factuality.ASSERTED, show(x)
    x = run("The government did not arrest Kem Sokha or charge him.")
    assert all(ev.factuality is Factuality.NEGATED for ev in x.events) and x.events, show(x)


def test_would_never_ask_is_not_an_asserted_appeal() -> None:
    # the appeal did not happen; what happened is a refusal (CAMEO 12), which polgraph records as such
    x = run("Hun Sen said he would never ask the king to pardon Sam Rainsy.")
    for ev in x.events:
        if ev.trigger.lower() in {"ask", "pardon"} and ev.cameo[:2] != "12":
            assert ev.factuality is not Factuality.ASSERTED, show(x)
    ask = event(x, "ask")
    assert ask.factuality is Factuality.NEGATED or ask.cameo[:2] == "12", show(x)
    if ask.cameo[:2] == "12":
        assert agents(x, ask) == ["Hun Sen"], show(x)


def test_event_in_an_if_clause_is_hypothetical() -> None:
    x = run("If the court jails Kem Sokha, his supporters will protest in Phnom Penh.")
    ev = event(x, "jails")
    assert ev.cameo == "173"
    assert ev.factuality is Factuality.HYPOTHETICAL
    assert all(e.factuality is not Factuality.ASSERTED for e in x.events), show(x)


def test_may_is_hypothetical() -> None:
    x = run("Police may detain Lena Morova.")
    assert event(x, "detain").factuality is Factuality.HYPOTHETICAL


def test_will_is_planned_and_dated_forward() -> None:
    x = run("Kordavian police will arrest Lena Morova on Friday.")
    ev = event(x, "arrest")
    assert ev.factuality is Factuality.PLANNED
    assert when(ev) == ("2019-11-15", Precision.DAY)


def test_plans_to_return_in_february_next_year() -> None:
    x = run("Sam Rainsy plans to return to Cambodia in February next year.")
    ev = event(x, "return")
    assert ev.cameo == "042"
    assert agents(x, ev) == ["Sam Rainsy"]
    assert place(x, ev) == "Cambodia"
    assert ev.factuality is Factuality.PLANNED
    assert when(ev) == ("2020-02", Precision.MONTH)


def test_planned_return_noun_is_planned() -> None:
    x = run("Sam Rainsy's planned return to Cambodia worried the government.")
    ev = event(x, "return")
    assert ev.cameo == "042"
    assert agents(x, ev) == ["Sam Rainsy"]
    assert ev.factuality is Factuality.PLANNED


def test_denied_arrest_is_not_asserted() -> None:
    x = run("The government denied that it had arrested Kem Sokha.")
    for ev in x.events:
        if ev.cameo.startswith("17"):
            assert ev.factuality is not Factuality.ASSERTED, show(x)


# ---- what is not an event -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Members of the banned party gathered in Phnom Penh.",
    "The banned Zorbanian Liberty Party held a rally in Kordavia.",
])
def test_banned_as_a_description_is_not_a_ban(text: str) -> None:
    x = run(text)
    bans = [ev for ev in x.events if ev.cameo.startswith("172") or ev.trigger.lower() == "banned"]
    assert not bans, show(x)


def test_noun_event_keeps_its_place() -> None:
    x = run("The banned Zorbanian Liberty Party held a rally in Kordavia.")
    ev = event(x, "rally")
    assert ev.cameo[:2] == "14"
    assert agents(x, ev) == ["Zorbanian Liberty Party"]
    assert place(x, ev) == "Kordavia"


@pytest.mark.parametrize(("text", "trigger", "where"), [
    # a court's act happens where the court sits, when its name says where
    ("The Harare Magistrates Court on Monday convicted the activist Job Sikhala of incitement. "
     "Police had arrested him in Harare.", "convicted", "Harare"),
    ("A court in Gomel on Tuesday sentenced the activist Pavel Sevko to ten years in prison. Among the others was "
     "the veteran politician Mikola Statkevich, who was jailed for 14 years.", "jailed", "Gomel"),
    # a court named for its country: that is its reach, not its seat
    ("The Supreme Court of Kenya on Monday sentenced opposition leader Daniel Okello to five years in prison. "
     "Supporters marched in Nairobi.", "sentenced", None),
    # the court is acted upon: the criticism did not happen at the court
    ("Opposition leader Daniel Okello on Monday criticised the Harare Magistrates Court. "
     "Supporters later marched in Harare.", "criticised", None),
])
def test_a_court_act_takes_place_at_the_courts_seat(text: str, trigger: str, where: str | None) -> None:
    x = run(text)
    assert place(x, event(x, trigger)) == where, show(x)


def test_a_date_on_a_sentence_whose_root_is_a_noun_reaches_its_verbs() -> None:
    # the parser makes "cousin" the root and hangs "On Friday" on it: the date is the sentence's
    x = run("On Friday, Pavel Minu's cousin who has pledged support for Lucia Kamar was arrested in Libreville.")
    date = event(x, "arrested").date
    assert date is not None and date.value == "2019-11-08", show(x)


def test_among_those_sentenced_were_x_and_y() -> None:
    x = run("A court in Tunis on Friday upheld the sentences. Among those sentenced were Jawhar Ben Mbarek, a "
            "founder of the National Salvation Front, and Issam Chebbi, head of the Republican Party.")
    assert patients(x, event(x, "sentenced")) == ["Jawhar Ben Mbarek", "Issam Chebbi"], show(x)


def test_in_the_capital_is_the_main_countrys_capital_when_the_article_names_it() -> None:
    x = run("Police arrested 20 opposition supporters in the capital on Monday. Mozambique's opposition said the "
            "arrests in Maputo were illegal.")
    assert place(x, event(x, "arrested")) == "Maputo", show(x)
    # the article never names the city: no place rather than a new one
    x = run("Police arrested 20 opposition supporters in the capital on Monday.")
    assert place(x, event(x, "arrested")) is None, show(x)


def test_a_place_is_never_an_agent() -> None:
    x = run("The foreign minister flew to Paris on Monday. Paris welcomed the talks.")
    for ev in x.events:
        assert all(not x.entity(p.entity).type.is_place or x.entity(p.entity).type is EntityType.COUNTRY
                   for p in ev.participants), show(x)


@pytest.mark.parametrize(("text", "expected"), [
    # the date hangs on the occasion the arrest happened at: the arrest has it too
    ("Riot police detained more than 100 people at a women's march on Saturday, a rights group said.",
     ("2019-11-09", Precision.DAY)),
    ("Police arrested Tomas Velkari during a protest in Kordavia on Monday.", ("2019-11-11", Precision.DAY)),
    # after the protest: a different time, not guessed
    ("Police arrested Tomas Velkari after a protest in Kordavia on Monday.", None),
])
def test_an_event_at_a_dated_occasion_takes_its_date(text: str, expected: tuple[str, Precision] | None) -> None:
    x = run(text)
    [ev] = [e for e in x.events if e.cameo == "173"]
    assert when(ev) == expected, show(x)


# ---- no publication date ------------------------------------------------------------------------

def test_without_publication_date_relative_dates_are_none_and_absolute_ones_resolve() -> None:
    x = run("Police arrested Chea Vanna on Thursday. The court released him on Nov. 9, 2018. "
            "He returned to Battambang last month.", published=None)
    assert x.article.published is None
    assert event(x, "arrested").date is None
    released = event(x, "released")
    assert when(released) == ("2018-11-09", Precision.DAY)
    assert patients(x, released) == ["Chea Vanna"]
    returned = event(x, "returned")
    assert agents(x, returned) == ["Chea Vanna"]
    assert returned.date is None


# ---- evidence -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Cambodian police arrested opposition activist Chea Vanna in Battambang on Thursday.",
    "Hun Sen spoke to reporters in Phnom Penh. He accused the CNRP of plotting a coup.",
    '"I criticised the ministry because it failed us," Lena Morova told reporters.',
    "Sam Rainsy landed in Bangkok on Friday. He then fled to Paris.",
])
def test_event_evidence_slices_the_text(text: str) -> None:
    x = run(text)
    assert x.events
    keys = {e.key for e in x.entities}
    for ev in x.events:
        assert x.article.text[ev.trigger_begin:ev.trigger_end] == ev.trigger
        sentence = x.sentences[ev.sentence]
        assert sentence.begin <= ev.trigger_begin < ev.trigger_end <= sentence.end
        assert {p.entity for p in ev.participants} <= keys
        assert ev.place is None or (ev.place in keys and x.entity(ev.place).type.is_place)
        assert ev.reported_by is None or ev.reported_by in keys


# speech acts, intent, pronouns ------------------------------------------------------------------
def test_must_in_reported_speech_is_a_demand_by_the_speaker() -> None:
    x = run("Interior Minister Ravi Patel said that the protest leaders must report to the police in Delhi.")
    ev = event(x, "report")
    assert ev.cameo == "100" and ev.factuality is Factuality.ASSERTED, show(x)
    assert agents(x, ev) == ["Ravi Patel"], show(x)
    assert any("leaders" in n for n in role_of(x, ev, Role.RECIPIENT)), show(x)


def test_must_about_the_speakers_own_side_is_no_demand() -> None:
    x = run("Ravi Patel said that he must leave for Delhi soon.")
    assert not any(ev.cameo.startswith("10") for ev in x.events), show(x)
    x = run("Ravi Patel said: \"We must win the vote.\"")
    assert not any(ev.cameo.startswith("10") for ev in x.events), show(x)


def test_time_to_respond_is_an_ultimatum() -> None:
    x = run("Trade envoy Marta Lind said that the Government of Peru had 30 days to answer the complaint.")
    ev = next((e for e in x.events if e.cameo == "139"), None)
    assert ev is not None, show(x)
    assert agents(x, ev) == ["Marta Lind"]
    assert role_of(x, ev, Role.RECIPIENT) == ["Government of Peru"], show(x)


def test_no_ultimatum_without_a_span_of_time() -> None:
    x = run("Marta Lind said that the Government of Peru had a plan to answer the complaint.")
    assert not any(e.cameo == "139" for e in x.events), show(x)


def test_announced_withdrawal_by_a_head_of_government_is_intent_to_yield() -> None:
    x = run("Cambodian Prime Minister Hun Sen said that the warrants for the exiled activists would be withdrawn.")
    ev = event(x, "withdrawn")
    assert ev.cameo.startswith("035") and ev.factuality is Factuality.ASSERTED, show(x)
    assert agents(x, ev) == ["Hun Sen"]


def test_a_lawyers_forecast_of_release_stays_hypothetical() -> None:
    x = run("Lawyer Sok Dara said his client Chea Vann would be released on bail.")
    assert not any(e.cameo.startswith("035") for e in x.events), show(x)
    ev = event(x, "released")
    assert ev.factuality is Factuality.HYPOTHETICAL, show(x)


def test_release_in_a_circumstance_clause_is_not_announced() -> None:
    x = run("Hun Sen said that even after the CNRP supporters are bailed, their charges would remain.")
    assert not any(e.cameo.startswith("035") for e in x.events), show(x)


def test_reported_he_doing_what_another_just_did_is_that_person() -> None:
    x = run("Lena Vos arrived in Oslo on Monday, and her spokesman Karl Dorn wrote on Twitter on Friday "
            "that she had now landed in Bergen.")
    assert agents(x, event(x, "landed")) == ["Lena Vos"], show(x)
    x = run("Omar Haddad arrived in Oslo on Monday, and Karl Dorn wrote on Twitter on Friday that he had "
            "now landed in Bergen.")
    assert agents(x, event(x, "landed")) == ["Omar Haddad"], show(x)


def test_he_never_resolves_to_a_woman_named_with_ms() -> None:
    x = run("Ms Lena Vos arrived in Oslo on Monday, and her aide Karl Dorn said on Friday that he had "
            "flown to Bergen.")
    assert agents(x, event(x, "flown")) == ["Karl Dorn"], show(x)
    x = run("Mr Karl Dorn met Ms Lena Vos in Vienna. He said she would be arrested.")
    assert patients(x, event(x, "arrested")) == ["Lena Vos"], show(x)


def test_two_journeys_in_one_sentence_are_two_events() -> None:
    x = run("Omar Haddad arrived in Oslo on Monday and landed in Bergen on Wednesday.")
    assert {x.entity(e.place).label for e in x.events if e.cameo == "042" and e.place} == {"Oslo", "Bergen"}, show(x)


def test_who_after_activists_from_a_party_means_the_activists() -> None:
    x = run("The court granted bail to activists from the banned Freedom Party who have been arrested this year.")
    ev = event(x, "arrested")
    assert all("activists" in n for n in patients(x, ev)), show(x)


# courts -------------------------------------------------------------------------------------------
def test_a_sentence_without_a_named_doer_is_the_courts() -> None:
    x = run("Opposition leader Andrei Volkov was jailed for ten years on Tuesday. The verdict was delivered "
            "at a court in the city of Brest.")
    ev = event(x, "jailed")
    assert agents(x, ev) == ["court in Brest"], show(x)
    assert patients(x, ev) == ["Andrei Volkov"]


def test_a_described_supreme_court_is_named_for_its_country() -> None:
    x = run("The Freedom Party was dissolved by the country's supreme court in 2018, a year after the "
            "Cambodian elections.")
    ev = event(x, "dissolved")
    assert agents(x, ev) == ["Supreme Court of Cambodia"], show(x)
    assert named(x, "Supreme Court of Cambodia").type is EntityType.COURT


def test_an_unnamed_judge_acts_for_the_named_court() -> None:
    x = run("Lawyers gathered at the Phnom Penh Municipal Court on Monday. A judge summonsed the party's "
            "deputy leader Kem Sokha to appear for questioning.")
    ev = event(x, "summonsed")
    assert agents(x, ev) == ["Phnom Penh Municipal Court"], show(x)


def test_an_arrest_without_a_court_stays_with_the_government() -> None:
    x = run("Opposition activist Chea Vann was arrested in Phnom Penh on Monday.")
    assert agents(x, event(x, "arrested")) == ["Government of Cambodia"], show(x)


def test_should_in_reported_speech_is_a_demand_about_the_passive_subject() -> None:
    x = run("Rights advocate Maria Lopez of Amnesty International said the case against Omar Haddad should "
            "be dismissed.")
    ev = next((e for e in x.events if e.cameo == "100"), None)
    assert ev is not None, show(x)
    assert agents(x, ev) == ["Maria Lopez"] and patients(x, ev) == ["Omar Haddad"], show(x)


def test_should_about_the_speaker_himself_is_no_demand() -> None:
    x = run("Omar Haddad said he should have been told about the vote.")
    assert not any(e.cameo.startswith("10") for e in x.events), show(x)


def test_a_bare_state_body_keeps_its_words_and_gains_its_countrys_name() -> None:
    x = run("Police arrested Omar Haddad in Kampala on Monday.")
    police = named(x, "police")
    assert police.label == "police" and "Ugandan police" in police.aliases, (police.label, police.aliases)


def test_a_company_says_nothing_about_where_the_news_happens() -> None:
    x = run("Lena Morova wrote on Twitter that police had detained Tomas Velkari.")
    assert all(e.scope != "United States" for e in x.entities), [(e.label, e.scope) for e in x.entities]


def test_unqualified_authorities_are_the_government() -> None:
    x = run("Cambodian authorities arrested Kem Sokha in Phnom Penh on Monday. Local authorities detained "
            "Sam Rainsy on Tuesday.")
    assert agents(x, event(x, "arrested")) == ["Government of Cambodia"], show(x)
    assert agents(x, event(x, "detained")) == ["local authorities"], show(x)


def test_thousands_of_protesters_march_and_demand() -> None:
    x = run("Thousands of protesters marched through Lima on Sunday demanding the resignation of "
            "President Dina Boluarte.")
    march = event(x, "marched")
    assert march.cameo.startswith("14") and agents(x, march) == ["protesters"], show(x)
    demand = event(x, "demanding")
    assert agents(x, demand) == ["protesters"], show(x)


def test_call_for_the_release_of_someone() -> None:
    x = run("Amnesty International called for the release of Pavel Sevruk on Monday.")
    ev = event(x, "called")
    assert ev.cameo == "0253" and patients(x, ev) == ["Pavel Sevruk"], show(x)


def test_imposed_sanctions_is_one_event() -> None:
    x = run("The European Union imposed sanctions on Pavel Sevruk on Monday.")
    assert len([e for e in x.events if e.cameo.startswith("16")]) == 1, show(x)
    assert patients(x, event(x, "imposed")) == ["Pavel Sevruk"], show(x)


def test_a_denied_arrest_told_by_a_noun_is_negated() -> None:
    x = run("Pakistani Interior Minister Rana Sanaullah denied that the government had ordered the arrests.")
    assert event(x, "arrests").factuality is Factuality.NEGATED, show(x)


def test_denied_bail_is_a_refusal_to_release_the_person() -> None:
    x = run("The High Court in Harare on Tuesday denied bail to the party's deputy chairman, Job Sikhala.")
    ev = event(x, "denied")
    assert ev.cameo == "1243", show(x)
    assert agents(x, ev) == ["High Court"] and patients(x, ev) == ["Job Sikhala"], show(x)


def test_a_leaders_government_is_the_government() -> None:
    x = run("President Emmerson Mnangagwa's government has detained 40 members of the opposition Citizens "
            "Coalition for Change since January.")
    assert agents(x, event(x, "detained")) == ["Government of Zimbabwe"], show(x)


def test_calling_on_a_country_makes_it_the_recipient() -> None:
    x = run("The European Union condemned the verdict, calling on Zimbabwe to release all political prisoners.")
    assert role_of(x, event(x, "calling"), Role.RECIPIENT) == ["Zimbabwe"], show(x)


def test_it_after_an_organisation_is_that_organisation() -> None:
    x = run("The Freedom Party issued a statement on Monday. It also accused the Interior Ministry of lying.")
    assert agents(x, event(x, "accused")) == ["Freedom Party"], show(x)


@pytest.mark.parametrize("text", [
    "The CNRP accused Prime Minister Hun Sen's government of threatening opposition party members.",
    # the second charge, joined by "and", is part of the accusation too
    "The Zorbanian Liberty Party accused the government of rigging the election and cracking down on protesters.",
    # what the charge's gerund did ("organising riots") is the charge too
    "Tomas Velkari was accused of organising riots.",
])
def test_what_someone_is_accused_of_is_no_event_of_its_own(text: str) -> None:
    x = run(text)
    assert [e.trigger for e in x.events] == ["accused"], show(x)


def test_the_activists_after_a_named_group_is_that_group() -> None:
    x = run("Police arrested three CNRP activists on Monday. The CNRP called for the unconditional release of "
            "the activists.")
    assert patients(x, event(x, "called")) == ["CNRP activists"], show(x)


def test_a_conviction_without_a_court_is_the_states() -> None:
    x = run("Eleven Cambodian opposition activists were convicted on insurrection charges in Phnom Penh.")
    assert agents(x, event(x, "convicted")) == ["Government of Cambodia"], show(x)


def test_what_is_not_allowed_or_refused_did_not_happen() -> None:
    x = run("Kizza Besigye is in Kampala, Uganda. The government said it would not allow Besigye to hold "
            "rallies in Kampala.")
    assert event(x, "rallies").factuality is Factuality.NEGATED, show(x)
    x = run("The court in Kampala refused to release Kizza Besigye on bail.")
    assert event(x, "release").factuality is Factuality.NEGATED, show(x)


def test_a_threat_takes_its_target_from_what_is_threatened() -> None:
    x = run("President Yoweri Museveni threatened to expel Kizza Besigye from Uganda.")
    ev = event(x, "threatened")
    assert agents(x, ev) == ["Yoweri Museveni"] and patients(x, ev) == ["Kizza Besigye"], show(x)
    assert not any(e.trigger == "expel" for e in x.events), show(x)


def test_a_purpose_clause_is_planned_not_done() -> None:
    x = run("Opposition leader Omar Haddad flew to Oslo on Monday to meet Prime Minister Jonas Gahr Store.")
    assert event(x, "meet").factuality is Factuality.PLANNED, show(x)
    assert event(x, "flew").factuality is Factuality.ASSERTED, show(x)


def test_new_trigger_words() -> None:
    x = run("Amnesty International welcomed the release of Pavel Sevruk. The extradition of Julian Assange to "
            "the United States was approved. Rioters clashed with police in Dhaka on Monday.")
    assert event(x, "welcomed").cameo == "051", show(x)
    assert event(x, "extradition").cameo == "174" and patients(x, event(x, "extradition")) == ["Julian Assange"]
    clash = event(x, "clashed")
    assert clash.cameo == "145" and role_of(x, clash, Role.RECIPIENT) == ["police"], show(x)


def test_welcoming_visitors_is_no_praise() -> None:
    x = run("Prime Minister Hun Sen welcomed the visitors from Japan in Phnom Penh.")
    assert not any(e.cameo == "051" for e in x.events), show(x)


def test_an_unnamed_judge_acts_for_a_court_the_text_only_describes() -> None:
    # the court is described ("the high court's ruling") and named nowhere; a judge's act is that court's
    x = run("The Freedom Party said it does not accept the high court's ruling to disband it.\n\n"
            "Police arrested two Cambodian lawmakers and a judge summonsed the party's deputy leader.")
    ev = event(x, "summonsed")
    assert agents(x, ev) == ["High Court of Cambodia"], show(x)
    assert named(x, "High Court of Cambodia").type is EntityType.COURT


def test_a_described_court_keeps_every_mention() -> None:
    x = run("The party was dissolved by the country's supreme court in Phnom Penh on Monday. Later a judge "
            "summonsed Kem Sokha. Lawyers criticised the Cambodian supreme court's ruling.")
    court = named(x, "Supreme Court of Cambodia")
    assert len(court.mentions) == 2, court.mentions


# ---- rulings and wishes ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger", "agent", "patient"), [
    ("The Constitutional Court ruled on Friday that the Future Forward Party must be disbanded.",
     "disbanded", "Constitutional Court", "Future Forward Party"),
    ("The Supreme Court decided that Kem Sokha should be banned from politics for five years.",
     "banned", "Supreme Court", "Kem Sokha"),
    ("The Supreme Court issued a ruling on Thursday which stipulates that the Cambodia National Rescue Party "
     "should be dissolved.", "dissolved", "Supreme Court", "Cambodia National Rescue Party"),
    ("A judge at the Phnom Penh Municipal Court ordered that Tep Vanny be released on bail.",
     "released", "Phnom Penh Municipal Court", "Tep Vanny"),
])
def test_what_a_ruling_says_must_happen_is_decided_by_its_maker(text: str, trigger: str, agent: str,
                                                                 patient: str) -> None:
    # the modal ("must", "should") or the subjunctive "be" is the ruling's content: the act is decided,
    # asserted as the ruling is, and whoever ruled does it
    x = run(text)
    ev = event(x, trigger)
    assert ev.factuality is Factuality.ASSERTED, show(x)
    assert agents(x, ev) == [agent] and patients(x, ev) == [patient], show(x)


def test_a_modal_outside_a_ruling_still_makes_the_act_hypothetical() -> None:
    x = run("Sam Rainsy said the Cambodia National Rescue Party should be dissolved.")
    ban = [ev for ev in x.events if ev.cameo == "1722"]
    assert len(ban) == 1 and ban[0].factuality is Factuality.HYPOTHETICAL, show(x)


def test_what_someone_wants_done_is_not_done_and_not_done_by_its_object() -> None:
    x = run("Hun Sen said he wanted Sam Rainsy arrested. The opposition wants the results investigated "
            "by the United Nations.")
    arrest = event(x, "arrested")
    assert arrest.factuality is Factuality.PLANNED and patients(x, arrest) == ["Sam Rainsy"], show(x)
    assert "Sam Rainsy" not in agents(x, arrest), show(x)
    assert event(x, "investigated").factuality is Factuality.PLANNED, show(x)


def test_asking_where_or_whether_is_a_question_not_an_appeal() -> None:
    x = run("Nhorn Sokkeang asked the officer where he took Dong Sovannarith. Reporters asked Hun Sen whether "
            "Sam Rainsy would be arrested. Sam Rainsy asked the European Union to impose sanctions.")
    appeals = [ev for ev in x.events if ev.cameo.startswith("02")]
    assert [ev.trigger for ev in appeals] == ["asked"] and recipients(x, appeals[0]) == ["European Union"], show(x)
    assert not any(ev.cameo == "173" for ev in x.events), show(x)  # a question about an arrest is no arrest


def test_a_pronoun_is_not_the_doer_of_what_was_done_to_its_person() -> None:
    # "he" would default to the person last named, who was the one arrested: the arrester is someone else
    x = run('Police arrested activist Dong Sovannarith on Tuesday. "I said he had arrested my husband without '
            'reason and he hung up the phone," his wife Nhorn Sokkeang said.')
    arrests = [ev for ev in x.events if ev.cameo == "173"]
    assert all("Dong Sovannarith" not in agents(x, ev) for ev in arrests), show(x)
    assert any(patients(x, ev) == ["Dong Sovannarith"] for ev in arrests), show(x)


def test_an_earlier_year_in_the_sentence_leaves_an_undated_event_undated() -> None:
    # the vote was in 2020, the report in 2021: the report's month would be a wrong date
    x = run("Sergei Tikhanovsky planned to challenge Alexander Lukashenko in the 2020 presidential election, but "
            "was detained before the vote.", published="2021-12-14")
    assert event(x, "detained").date is None, show(x)
    # a clause describing someone is background: the report's month still stands
    x = run("Sam Rainsy, who has been living abroad since 2015, did not return, saying he was prevented from "
            "boarding a flight.")
    assert when(event(x, "prevented")) == ("2019-11", Precision.MONTH), show(x)


def test_an_unnamed_group_stays_beside_an_agent_the_act_only_implies() -> None:
    # the government is implied by the detention, not named: the dissidents are who the text names
    x = run("Yobranque Suazo is one of 190 dissidents detained in Nicaragua, according to human rights groups.")
    ev = event(x, "detained")
    assert patients(x, ev) == ["dissidents"] and agents(x, ev) == ["Government of Nicaragua"], show(x)


def test_it_in_a_clause_under_another_is_that_clauses_organisation() -> None:
    x = run("The Cambodia National Rescue Party was dissolved by the Supreme Court in November after it was found "
            "guilty of trying to overthrow the government, charges it denies.")
    found = event(x, "found")
    assert patients(x, found) == ["Cambodia National Rescue Party"], show(x)
    assert agents(x, found) == ["Supreme Court"], show(x)  # finding guilty is a court's act
    assert agents(x, event(x, "denies")) == ["Cambodia National Rescue Party"], show(x)
    assert not any(ev.trigger == "charges" for ev in x.events), show(x)  # the accusation told again, denied


def test_police_officers_who_act_are_the_agent() -> None:
    x = run("Three police officers in Kampong Cham province arrested CNRP activist Dong Sovannarith on Tuesday.")
    assert agents(x, event(x, "arrested")) == ["police officers"], show(x)


def test_a_night_in_prison_is_a_detention() -> None:
    x = run("Opposition lawmaker Mu Sochua, along with activist Oeun Narith, spent Wednesday night in Phnom "
            "Penh's Prey Sar prison awaiting trial. Kem Sokha spent the day in the capital.")
    ev = event(x, "spent")  # one: a day in the capital is no detention
    assert ev.cameo == "173" and "Mu Sochua" in patients(x, ev), show(x)
    assert agents(x, ev) == ["Government of Cambodia"] and ev.label.startswith("Government of Cambodia hold"), show(x)


def test_the_unnamed_targets_of_a_court_are_kept_and_the_charge_is_no_new_act() -> None:
    x = run("The Phnom Penh Municipal Court charged seven land activists with violation of traffic law by blocking "
            "a public road.")
    ev = event(x, "charged")
    assert agents(x, ev) == ["Phnom Penh Municipal Court"] and patients(x, ev) == ["land activists"], show(x)
    assert not any(e.trigger == "blocking" for e in x.events), show(x)  # what the charge says was done


def test_more_party_activists_are_the_articles_one_group_of_activists() -> None:
    x = run("Cambodian authorities on Wednesday detained three more opposition party activists. The judge issued "
            "warrants for the activists from the Cambodia National Rescue Party (CNRP).")
    ev = event(x, "detained")
    assert patients(x, ev) == ["CNRP activists"], show(x)


def test_a_group_an_earlier_event_named_is_the_same_group_later() -> None:
    x = run("Police detained 190 dissidents in Managua on Monday. A court later sentenced the imprisoned dissidents "
            "to ten years in prison.")
    detained, sentenced = event(x, "detained"), event(x, "sentenced")
    assert patients(x, detained) == patients(x, sentenced) == ["dissidents"], show(x)


def test_an_act_whose_doer_the_text_names_without_a_name_has_no_implied_state_agent() -> None:
    x = run("Zimbabwe police spoke on Friday. Police spokesman Paul Nyathi said the suspects had blocked a road "
            "in Chitungwiza.")
    assert not any(x.entity(p.entity).type is EntityType.GOVERNMENT and p.role is Role.AGENT
                   and x.entity(p.entity).label.startswith("Government") for e in x.events for p in e.participants), \
        [(e.trigger, [(x.entity(p.entity).label, p.role.value) for p in e.participants]) for e in x.events]


@pytest.mark.parametrize("sentence", [
    "Kem Sokha was arrested in Phnom Penh on Thursday.",
    "Authorities arrested opposition leader Kem Sokha in Phnom Penh on Thursday.",
])
def test_an_arrest_by_no_one_named_or_by_authorities_is_the_governments(sentence: str) -> None:
    x = run("Cambodia faces criticism. " + sentence)
    arrest = next(e for e in x.events if e.cameo == "173")
    agents = [x.entity(p.entity).label for p in arrest.participants if p.role is Role.AGENT]
    assert agents == ["Government of Cambodia"]


@pytest.mark.parametrize("sentence, trigger", [
    ("Attorney General Tarek William Saab accused them of plotting to assassinate Maduro.", "assassinate"),
    ("Prosecutors said the men had conspired to kill Maduro.", "kill"),
    ("The government proposed to release Kem Sokha.", "release"),
])
def test_what_someone_plots_or_proposes_to_do_is_planned(sentence: str, trigger: str) -> None:
    x = run("Venezuela and Cambodia were in the news. " + sentence)
    ev = event(x, trigger)
    assert ev.factuality is Factuality.PLANNED, show(x)


@pytest.mark.parametrize("sentence, trigger, names", [
    ("Cambodian police arrested 20 CNRP activists, including Kem Sokha and Sam Rainsy, on Monday.", "arrested",
     {"Kem Sokha", "Sam Rainsy"}),
    ("The court sentenced seven land activists including Tep Vanny to one year in prison.", "sentenced",
     {"Tep Vanny"}),
])
def test_the_named_members_of_a_group_take_its_part(sentence: str, trigger: str, names: set[str]) -> None:
    x = run("Cambodia is tense. " + sentence)
    ev = event(x, trigger)
    assert names <= set(patients(x, ev)), show(x)


def test_the_place_of_the_doers_is_not_the_doer() -> None:
    x = run("Pakistan's Supreme Court on Thursday ordered the release of former prime minister Imran Khan, ruling "
            "that his arrest by anti-graft agents at the Islamabad High Court on Tuesday was unlawful.")
    arrest = event(x, "arrest")
    assert "Islamabad High Court" not in agents(x, arrest), show(x)
    assert "Imran Khan" in patients(x, arrest)


@pytest.mark.parametrize("sentence, agent", [
    ("Minsk Regional Court on Tuesday sentenced journalist Katsiaryna Andreyeva to eight years in prison.",
     "Minsk Regional Court"),
    ("A court in Belarus on Tuesday sentenced journalist Katsiaryna Andreyeva to eight years in prison.",
     "court in Belarus"),  # a court the text describes by its country, not the state at large
])
def test_a_verb_the_parser_took_for_a_participle_after_its_subject_is_still_the_event(sentence: str,
                                                                                      agent: str) -> None:
    x = run(sentence)
    ev = event(x, "sentenced")
    assert agents(x, ev) == [agent] and patients(x, ev) == ["Katsiaryna Andreyeva"], show(x)


def test_a_participle_describing_a_noun_is_still_no_event() -> None:
    x = run("Cambodia is tense. The banned party held a rally in Phnom Penh with jailed activists.")
    assert not [e for e in x.events if e.trigger in {"banned", "jailed"}], show(x)


def test_what_a_court_decides_to_do_is_done() -> None:
    x = run("Cambodia is tense. The Supreme Court decided to dissolve the Cambodia National Rescue Party.")
    assert event(x, "dissolve").factuality is Factuality.ASSERTED, show(x)


@pytest.mark.parametrize("text", [
    "Cambodia is tense. The Supreme Court ruled on Thursday to dissolve the Cambodia National Rescue Party.",
    "Cambodia is tense. The National Assembly voted on Monday to dissolve the Cambodia National Rescue Party.",
])
def test_what_a_body_rules_or_votes_to_do_is_done_even_after_an_adverbial(text: str) -> None:
    # the parser hangs "to dissolve" on "ruled on Thursday" as an adverbial clause, as it does a purpose
    x = run(text)
    assert event(x, "dissolve").factuality is Factuality.ASSERTED, show(x)


def test_a_purpose_clause_is_still_planned() -> None:
    x = run("Sam Rainsy flew to Jakarta on Friday to meet President Joko Widodo.")
    assert event(x, "meet").factuality is Factuality.PLANNED, show(x)


@pytest.mark.parametrize("text, court, alias", [
    ("A Hong Kong court on Tuesday sentenced Joshua Wong to four years in prison.", "Hong Kong court",
     "court in Hong Kong"),
    ("A Cambodian court sentenced Kem Sokha to 27 years of house arrest.", "Cambodian court", "court in Cambodia"),
])
def test_a_court_described_by_its_country_is_a_court_not_the_country(text: str, court: str, alias: str) -> None:
    x = run(text)
    ev = event(x, "sentenced")
    assert agents(x, ev) == [court], show(x)
    entity = named(x, court)
    assert entity.type is EntityType.COURT and alias in entity.aliases


def test_a_court_described_by_its_country_is_the_court_the_article_names() -> None:
    x = run("A court in Managua sentenced Yobranque Suazo. Earlier, a Nicaraguan court had convicted Felix "
            "Maradiaga.")
    assert agents(x, event(x, "convicted")) == ["court in Managua"], show(x)


@pytest.mark.parametrize("text, trigger, agent, patient", [
    ("Beijing accused Joshua Wong of subversion.", "accused", "Government of China", "Joshua Wong"),
    ("China has rejected the criticism and accused Washington of interfering in its internal affairs.",
     "accused", "China", "Government of the United States"),
])
def test_a_capital_that_acts_or_is_accused_stands_for_its_government(text: str, trigger: str, agent: str,
                                                                     patient: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert agents(x, ev) == [agent] and patients(x, ev) == [patient], show(x)


def test_a_capital_visited_is_a_place_not_a_government() -> None:
    x = run("Hun Sen visited Beijing on Monday.")
    ev = event(x, "visited")
    assert not patients(x, ev) and x.entity(ev.place).label == "Beijing", show(x)


def test_the_country_a_post_is_about_takes_no_part_in_what_the_post_holder_does() -> None:
    x = run("Myanmar is tense. The United Nations special rapporteur on Myanmar, Tom Andrews, condemned the "
            "extension.")
    assert agents(x, event(x, "condemned")) == ["Tom Andrews", "United Nations"], show(x)


def test_an_act_named_after_since_is_not_dated_by_the_sentence() -> None:
    x = run("Myanmar is tense. Thailand's foreign minister Don Pramudwinai met Aung San Suu Kyi in July, the first "
            "foreign official allowed to see her since her arrest.", published="2023-07-31")
    arrest = event(x, "arrest")
    assert arrest.date is None, show(x)
    assert event(x, "met").date is not None and event(x, "met").date.value == "2023-07"


@pytest.mark.parametrize("text, trigger", [
    ("Tanzania is tense. Tundu Lissu was denied bail and remanded in custody until April 24.", "remanded"),
    ("Tanzania is tense. Chadema has threatened to boycott the vote ahead of October's general election.",
     "threatened"),
])
def test_a_date_that_bounds_an_act_does_not_date_it(text: str, trigger: str) -> None:
    x = run(text, published="2025-04-10")
    ev = event(x, trigger)
    assert ev.date is not None and ev.date.value == "2025-04", show(x)


def test_a_day_after_dates_the_earlier_act_the_day_before() -> None:
    x = run("Tanzania is tense. Tundu Lissu was charged with treason on Thursday, a day after police arrested him "
            "at a rally in the southern town of Mbinga.", published="2025-04-10")
    arrest = event(x, "arrested")
    assert arrest.date is not None and arrest.date.value == "2025-04-09", show(x)
    assert x.entity(arrest.place).label == "Mbinga", show(x)


def test_an_act_conjoined_to_what_a_speaker_said_is_the_speakers() -> None:
    x = run("Tanzania is tense. The party's deputy chairman John Heche said the charges were politically motivated "
            "and urged President Samia Suluhu Hassan to release Tundu Lissu.")
    assert agents(x, event(x, "urged")) == ["John Heche"], show(x)


def test_an_act_before_a_bound_years_before_the_report_is_not_dated_by_the_report() -> None:
    x = run("Cambodia is tense. The CNRP was then dissolved by the country's supreme court ahead of 2018 elections.",
            published="2020-01-16")
    assert event(x, "dissolved").date is None, show(x)


@pytest.mark.parametrize("text, trigger, group", [
    ("Georgia is tense. Thousands of Georgians have protested nightly in Tbilisi.", "protested", "Georgians"),
    ("Cambodia is tense. Hundreds of Cambodians marched to the National Assembly on Monday.", "marched",
     "Cambodians"),
])
def test_a_crowd_named_by_its_nationality_is_a_group(text: str, trigger: str, group: str) -> None:
    x = run(text)
    assert agents(x, event(x, trigger)) == [group], show(x)
    assert named(x, group).type is EntityType.GROUP


def test_what_someone_is_charged_with_doing_is_the_charge_not_an_act() -> None:
    x = run("Senegal is tense. Ousmane Sonko was charged on Friday with calling for insurrection.")
    assert not [e for e in x.events if e.trigger == "calling"], show(x)
    assert event(x, "charged").factuality is Factuality.ASSERTED


def test_hours_after_dates_the_earlier_act_the_same_day() -> None:
    x = run("Senegal's government on Monday dissolved the main opposition party PASTEF, hours after its leader "
            "Ousmane Sonko was charged with calling for insurrection.", published="2023-08-01")
    charged = event(x, "charged")
    assert charged.date is not None and charged.date.value == "2023-07-31", show(x)


def test_a_while_clause_after_an_appeal_tells_its_own_news() -> None:
    x = run("Belarus is tense. Lithuanian Foreign Minister Gabrielius Landsbergis called on the bloc to act quickly, "
            "while exiled opposition leader Sviatlana Tsikhanouskaya met French President Emmanuel Macron in Paris "
            "on Monday.")
    met = event(x, "met")
    assert agents(x, met) == ["Sviatlana Tsikhanouskaya"] and met.factuality is Factuality.ASSERTED, show(x)


def test_what_a_protest_calls_for_is_not_done() -> None:
    x = run("Cambodia is tense. Protesters gathered near the court calling for detained lawmakers to be released.")
    assert not [e for e in x.events if e.trigger == "released" and e.factuality is Factuality.ASSERTED], show(x)


@pytest.mark.parametrize("text", [
    "Belarus is tense. Andrzej Poczobut has been in custody since March 2021.",
    "Belarus is tense. Andrzej Poczobut has been in detention since March 2021.",
])
def test_in_custody_since_a_date_is_a_detention_then(text: str) -> None:
    x = run(text, published="2022-07-05")
    held = [e for e in x.events if e.cameo == "173"]
    assert len(held) == 1 and patients(x, held[0]) == ["Andrzej Poczobut"], show(x)
    assert held[0].date is not None and held[0].date.value == "2021-03", show(x)


def test_remaining_in_custody_tells_no_new_act() -> None:
    x = run("Belarus is tense. Andrzej Poczobut remains in custody.", published="2022-07-05")
    assert not [e for e in x.events if e.cameo == "173"], show(x)


@pytest.mark.parametrize(("text", "trigger", "agent", "patient"), [
    ("Cambodia is tense. The Cambodia National Rescue Party (CNRP) won many seats. The Supreme Court dissolved it "
     "on Thursday.", "dissolved", "Supreme Court", "Cambodia National Rescue Party"),
    ("Iran is tense. The Revolutionary Guards raided villages. The European Union sanctioned it last week.",
     "sanctioned", "European Union", "Revolutionary Guards"),
])
def test_it_as_the_object_of_a_measure_against_a_body(text: str, trigger: str, agent: str, patient: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert agents(x, ev) == [agent] and patients(x, ev) == [patient], show(x)


def test_it_as_the_object_of_other_acts_is_not_an_organisation() -> None:
    x = run("Cambodia is tense. The Cambodia National Rescue Party (CNRP) published a report. Hun Sen criticised it "
            "on Thursday.")
    assert all(patients(x, e) == [] for e in x.events if e.trigger == "criticised"), show(x)


def test_two_measures_against_one_body_in_a_sentence_are_two_events() -> None:
    x = run("Tunisia is tense. President Kais Saied suspended parliament in July 2021 and later dissolved it.",
            published="2023-04-18")
    suspended, dissolved = event(x, "suspended"), event(x, "dissolved")
    assert (suspended.cameo, dissolved.cameo) == ("172", "1722"), show(x)
    assert patients(x, dissolved) == patients(x, suspended) != [], show(x)


@pytest.mark.parametrize(("text", "trigger", "agent"), [
    ("Serbia is tense. Prime Minister Milos Vucevic resigned on Tuesday, saying he wanted to calm tensions.",
     "resigned", "Milos Vucevic"),
    ("Serbia is tense. Novi Sad Mayor Milan Djuric also stepped down on Tuesday.", "stepped", "Milan Djuric"),
])
def test_a_resignation_concedes_a_change_in_leadership(text: str, trigger: str, agent: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == "0831" and agents(x, ev) == [agent] and ev.factuality is Factuality.ASSERTED, show(x)


def test_a_demand_to_resign_is_no_resignation() -> None:
    x = run("Bangladesh is tense. The opposition has staged months of protests demanding that Prime Minister "
            "Sheikh Hasina resign.")
    assert not [e for e in x.events if e.cameo == "0831" and e.factuality is Factuality.ASSERTED], show(x)


def test_officers_of_a_body_act_for_it() -> None:
    x = run("Philippines is tense. Officers of the Philippine National Police (PNP) detained Rodrigo Duterte at "
            "Manila's main international airport on Tuesday morning.", published="2025-03-12")
    ev = event(x, "detained")
    assert agents(x, ev) == ["Philippine National Police"] and patients(x, ev) == ["Rodrigo Duterte"], show(x)


def test_a_person_flown_abroad_by_others_is_sent_out() -> None:
    x = run("Philippines is tense. Former Philippine President Rodrigo Duterte was flown to the Netherlands "
            "overnight to face charges at the International Criminal Court.", published="2025-03-12")
    ev = event(x, "flown")
    assert ev.cameo == "174" and patients(x, ev) == ["Rodrigo Duterte"], show(x)
    x = run("Philippines is tense. President Ferdinand Marcos flew to Tokyo on Monday.", published="2025-03-12")
    assert event(x, "flew").cameo == "042", show(x)
    x = run("Algeria is tense. The writer Boualem Sansal was flown to Germany for medical care hours after his "
            "release.", published="2025-11-12")
    assert not [e for e in x.events if e.cameo == "174"], show(x)


def test_a_surname_two_people_share_is_the_one_the_article_calls_by_it() -> None:
    x = run("Philippines is tense. Former President Rodrigo Duterte was arrested on Tuesday. Duterte, 79, denied "
            "wrongdoing. Vice President Sara Duterte, his daughter, left for The Hague. Police had detained Duterte "
            "at the airport on Tuesday.", published="2025-03-12")
    held = [e for e in x.events if e.cameo == "173" and "police" in agents(x, e)]
    assert len(held) == 1 and patients(x, held[0]) == ["Rodrigo Duterte"], show(x)


def test_an_execution_kills_the_one_put_to_death() -> None:
    x = run("Iran is tense. Iran this month also executed Alireza Akbari, a former deputy defence minister convicted "
            "of spying, prompting Britain to temporarily recall its ambassador.", published="2023-01-24")
    killed = event(x, "executed")
    assert killed.cameo == "1823" and patients(x, killed) == ["Alireza Akbari"], show(x)
    # the one a verb with an object is made to act is that object ("prompting Britain to recall")
    recalled = event(x, "recall")
    assert recalled.cameo == "161" and agents(x, recalled) == ["United Kingdom"], show(x)
    # a conviction told as a description of the person is background, with no new event
    assert not [e for e in x.events if e.trigger == "convicted"], show(x)


@pytest.mark.parametrize("text", [
    "Iran is tense. Protesters hung banners on the bridge on Monday.",
    "Iran is tense. The minister executed the plan on Monday.",
])
def test_hanging_or_executing_no_one_is_no_killing(text: str) -> None:
    x = run(text, published="2023-01-24")
    assert not [e for e in x.events if e.cameo == "1823"], show(x)


def test_custody_of_a_body_is_held_by_it() -> None:
    x = run("Iran has been rocked by protests since the death in September of Mahsa Amini, a 22-year-old woman, in "
            "the custody of the morality police, who had arrested her in Tehran for allegedly flouting the dress "
            "code.", published="2023-01-24")
    held = [e for e in x.events if e.cameo == "173"]
    assert len(held) == 1, show(x)
    assert agents(x, held[0]) == ["morality police"] and patients(x, held[0]) == ["Mahsa Amini"], show(x)


def test_sanctions_announced_are_the_announcers() -> None:
    x = run("Iran is tense. Britain announced parallel sanctions on Monday.", published="2023-01-24")
    ev = event(x, "sanctions")
    assert ev.cameo == "163" and agents(x, ev) == ["United Kingdom"], show(x)


def test_a_ruling_that_people_stay_in_custody_holds_them() -> None:
    x = run("Kyrgyzstan is tense. The Pervomaisky District Court in Bishkek ruled that journalist Makhabat Tazhibek "
            "kyzy must stay in custody until March 16, lawyer Akmat Alagushev told Reuters.", published="2024-01-18")
    held = [e for e in x.events if e.cameo == "173"]
    assert len(held) == 1 and agents(x, held[0]) == ["Pervomaisky District Court"], show(x)
    assert patients(x, held[0]) == ["Makhabat Tazhibek kyzy"], show(x)
    # the lawyer who told of the ruling demands nothing
    assert not [e for e in x.events if e.cameo.startswith("10")], show(x)


def test_it_after_a_subject_and_a_news_agency_is_the_subject() -> None:
    x = run("Kyrgyzstan is tense. The Pervomaisky District Court in Bishkek ruled on Thursday, lawyer Akmat "
            "Alagushev told Reuters. It placed three other detained journalists under house arrest.",
            published="2024-01-18")
    held = [e for e in x.events if e.cameo == "173"]
    assert held and agents(x, held[0]) == ["Pervomaisky District Court"], show(x)


@pytest.mark.parametrize(("text", "label"), [
    ("Bangladesh is tense. Bangladesh police on Sunday arrested Mirza Fakhrul Islam Alamgir in Dhaka.",
     "Bangladesh police"),
    ("Uganda is tense. Ugandan police on Sunday arrested Bobi Wine in Kampala.", "Ugandan police"),
])
def test_a_country_named_before_the_police_says_whose(text: str, label: str) -> None:
    x = run(text)
    ev = event(x, "arrested")
    assert agents(x, ev) == [label], show(x)


def test_an_anti_government_rally_is_against_the_government() -> None:
    x = run("Bangladesh is tense. Police arrested him a day after an anti-government rally in the capital turned "
            "violent.", published="2023-10-30")
    rally = event(x, "rally")
    assert agents(x, rally) == [] and patients(x, rally) == ["Government of Bangladesh"], show(x)


def test_the_noun_an_article_sets_beside_a_name_stands_for_it() -> None:
    x = run("NIAMEY, July 31 (Reuters) - Niger's military junta on Monday arrested Interior Minister Hama Amadou "
            "Souley. On Friday, General Abdourahamane Tiani declared himself head of the National Council for the "
            "Safeguard of the Homeland (CNSP), the junta now running the country. The junta suspended the "
            "activities of all political parties on Thursday night.", published="2023-07-31")
    council = "National Council for the Safeguard of the Homeland"
    assert agents(x, event(x, "arrested")) == [council], show(x)
    assert agents(x, event(x, "suspended")) == [council], show(x)


def test_calling_an_act_persecution_denounces_it_and_leaving_for_a_city_is_travel() -> None:
    x = run("Philippines is tense. Vice President Sara Duterte called the arrest \"oppression and persecution\" of "
            "Filipinos and left for The Hague on Wednesday to support her father.", published="2025-03-12")
    assert agents(x, event(x, "called")) == ["Sara Duterte"] and event(x, "called").cameo == "111", show(x)
    left = event(x, "left")
    assert left.cameo == "042" and agents(x, left) == ["Sara Duterte"], show(x)


def test_an_impeachment_is_a_formal_accusation() -> None:
    x = run("Philippines is tense. Vice President Sara Duterte was impeached by the House of Representatives last "
            "month.", published="2025-03-12")
    ev = event(x, "impeached")
    assert ev.cameo == "112" and agents(x, ev) == ["House of Representatives"], show(x)
    assert patients(x, ev) == ["Sara Duterte"] and when(ev) == ("2025-02", Precision.MONTH), show(x)


def test_stepping_down_in_the_present_progressive_is_yet_to_come() -> None:
    x = run("Mozambique is tense. Outgoing President Filipe Nyusi, who is stepping down after two five-year terms, "
            "urged Mozambicans to show calm.", published="2024-10-25")
    assert [e.factuality for e in x.events if e.cameo == "0831"] == [Factuality.PLANNED], show(x)


def test_detained_by_his_own_guards_is_not_detained_by_himself() -> None:
    x = run("Peru is tense. President Pedro Castillo was detained by his own security detail as his car made its way "
            "through Lima traffic. Police later released photographs of him sitting in a police station.",
            published="2022-12-08")
    held = event(x, "detained")
    assert agents(x, held) == [] and patients(x, held) == ["Pedro Castillo"], show(x)
    # releasing photographs of someone sets no one free
    assert not [e for e in x.events if e.cameo.startswith("084")], show(x)


def test_using_ones_wealth_to_act_is_acting() -> None:
    x = run("Georgia is tense. The Treasury Department said Bidzina Ivanishvili had used his wealth to crack down on "
            "peaceful protesters and opposition figures.", published="2024-12-27")
    assert agents(x, event(x, "crack")) == ["Bidzina Ivanishvili"], show(x)


def test_a_rally_organised_by_a_party_is_the_partys() -> None:
    x = run("Slovakia is tense. Thousands of people gathered outside the government office in Bratislava on Tuesday "
            "evening in a rally organised by the opposition Progressive Slovakia party.", published="2025-04-16")
    assert agents(x, event(x, "rally")) == ["Progressive Slovakia"], show(x)


def test_firing_tear_gas_at_someone_assaults_them() -> None:
    x = run("Mozambique is tense. Two days later, police fired tear gas at Venancio Mondlane, his supporters and "
            "journalists as he spoke to reporters.", published="2024-10-25")
    ev = event(x, "fired")
    assert ev.cameo == "180" and "Venancio Mondlane" in patients(x, ev), show(x)


def test_the_police_telling_of_arrests_made_them() -> None:
    x = run("Mozambique's government is tense. Police said officers had been attacked with stones and that 90 people "
            "had been arrested across the country.", published="2024-10-25")
    assert agents(x, event(x, "arrested")) == ["police"], show(x)


@pytest.mark.parametrize("text", [
    "The Kordavian Liberty Party filed an appeal with the Supreme Court on Monday.",
    "The Kordavian Liberty Party lodged an appeal with the Supreme Court on Monday.",
])
def test_filing_an_appeal_with_a_court(text: str) -> None:
    x = run(text)
    ev = event(x, "appeal")
    assert ev.cameo[:2] == "02", show(x)
    assert agents(x, ev) == ["Kordavian Liberty Party"], show(x)
    assert recipients(x, ev) == ["Supreme Court"], show(x)


def test_the_possessor_of_an_appeal_made_it() -> None:
    x = run("Tomas Velkari's appeal was rejected by the Supreme Court on Monday.")
    assert agents(x, event(x, "appeal")) == ["Tomas Velkari"], show(x)


def test_a_finite_verb_after_an_urged_infinitive_is_the_urgers() -> None:
    """The parser hangs "called" on "free"; the one urged (who would free them) did not call."""
    x = run("Amnesty International urged Tomas Velkari to free the activists and called for an inquiry.")
    assert agents(x, event(x, "called")) == ["Amnesty International"], show(x)


@pytest.mark.parametrize("text", [
    "Tomas Velkari is due to have his appeal heard on Dec. 3.",
    "Tomas Velkari is due to appeal against the verdict next week.",
])
def test_what_someone_is_due_to_do_is_planned(text: str) -> None:
    x = run(text)
    assert event(x, "appeal").factuality is Factuality.PLANNED, show(x)


@pytest.mark.parametrize("text, who", [
    ("The killings drew condemnation from the European Union and the United States.",
     ["European Union", "United States"]),
    ("The verdict drew sharp criticism from Amnesty International on Monday.", ["Amnesty International"]),
    ("Condemnation from the Kordavian Liberty Party followed on Monday.", ["Kordavian Liberty Party"]),
])
def test_condemnation_from_someone_is_their_criticism(text: str, who: list[str]) -> None:
    x = run(text)
    ev = next((e for e in x.events if e.trigger.lower() in {"condemnation", "criticism"}), None)
    assert ev is not None and ev.cameo == "111", show(x)
    assert sorted(agents(x, ev)) == sorted(who), show(x)


def test_an_undated_past_event_after_a_sentence_of_an_earlier_year_is_not_given_the_reports_month() -> None:
    x = run("The crisis deepened after the Kordavian Liberty Party won the election in July 2017. "
            "Police arrested Tomas Velkari in response.")
    assert event(x, "arrested").date is None, show(x)


@pytest.mark.parametrize("text", [
    "Police arrested Piet Durand in 2017.\n\nPolice arrested Tomas Velkari in the capital.",  # a new paragraph
    "The charge says that since 2017 Piet Durand plotted a coup. Police arrested Tomas Velkari in the capital.",
    "Police arrested Piet Durand in 2017. Police have arrested Tomas Velkari in the capital.",  # present perfect
])
def test_an_undated_event_keeps_the_reports_month_when_the_earlier_year_is_not_its_background(text: str) -> None:
    x = run(text)
    ev = next(e for e in x.events if "Tomas Velkari" in patients(x, e))
    assert ev.date is not None and ev.date.value == "2019-11", show(x)


def test_a_past_clause_under_a_future_verb_keeps_its_own_factuality_and_date() -> None:
    """'would withdraw the bill, a day after police shot dead 22 people': the shooting happened, the day
    before the speech (the date after 'said' dates the saying, though the parser hangs it on 'withdraw')."""
    x = run("Kordavian President Tomas Velkari said on Wednesday he would withdraw the finance bill, a day after "
            "police shot dead at least 22 people as protesters stormed parliament.")
    shot = event(x, "shot")
    assert shot.factuality is Factuality.REPORTED, show(x)
    assert shot.date is not None and shot.date.value == "2019-11-12", show(x)


def test_the_subject_of_an_absolute_participle_is_its_patient() -> None:
    x = run("In June, the Kordavian Liberty Party won 489 seats. With the party now dissolved, those seats will "
            "likely go to the ruling party.")
    ev = event(x, "dissolved")
    assert patients(x, ev) == ["Kordavian Liberty Party"] and not agents(x, ev), show(x)
    assert ev.factuality is Factuality.ASSERTED, show(x)


def test_a_top_court_described_in_lower_case_is_the_one_the_article_named() -> None:
    x = run("Cambodia's Supreme Court dissolved the Kordavian Liberty Party on Thursday. On Friday the country's "
            "supreme court sentenced the party's leader Tomas Velkari to five years in prison.")
    assert agents(x, event(x, "sentenced")) == ["Supreme Court"], show(x)
    assert [e.label for e in x.entities if e.type is EntityType.COURT] == ["Supreme Court"], show(x)


def test_an_event_judged_in_a_ruling_is_not_dated_to_the_ruling() -> None:
    x = run("A court on Wednesday ruled that the arrest of opposition leader Tomas Velkari in a police raid was "
            "illegal and arbitrary.")
    ev = next(e for e in x.events if e.cameo == "173")
    assert ev.date is None, show(x)


def test_it_after_a_country_that_says_is_that_country() -> None:
    x = run("Georgian police detained opposition leader Tomas Velkari on Wednesday. The government said it would "
            "not back down. The United States said on Saturday it had suspended its strategic partnership with "
            "Georgia.")
    assert agents(x, event(x, "suspended")) in (["United States"], ["Government of the United States"]), show(x)


def test_the_countries_envoys_are_posted_to_do_not_resign() -> None:
    x = run("At least four Georgian ambassadors, including the envoys to the United States and Italy, have "
            "resigned in protest at the decision.")
    assert not any(e.label in {"United States", "Italy"} for ev in x.events for e in map(x.entity, (
        p.entity for p in ev.participants))), show(x)


# ---- concern, regret and dismay: disapproval told of oneself (110) ------------------------------------

@pytest.mark.parametrize("text, trigger, agent, patient", [
    ("The U.S. embassy said it was deeply concerned by the vote.", "concerned", "U.S. Embassy",
     None),
    ("The European Union expressed concern over the arrest of Kem Sokha.", "concern", "European Union",
     "Kem Sokha"),
    ("Amnesty International said it was alarmed by the verdict against Kem Sokha.", "alarmed",
     "Amnesty International", "Kem Sokha"),
    ("The European Union said the arrest raised serious concerns about democracy in Turkey.", "concerns",
     "European Union", None),
    ("France's foreign ministry said it regretted the expulsion.", "regretted", "Foreign Ministry",
     None),
])
def test_a_body_that_says_it_is_concerned_disapproves(text: str, trigger: str, agent: str,
                                                      patient: str | None) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == "110" and agents(x, ev) == [agent], show(x)
    assert patients(x, ev) == ([patient] if patient else []), show(x)


@pytest.mark.parametrize("text", [
    "Hun Sen said he was not worried about the protests.",  # negated
    "Villagers said they were worried about the dam.",  # a state of mind of a crowd, not a stance
    "The case concerns a land dispute, the lawyer said.",  # "concern" as "be about"
])
def test_no_disapproval_from_a_negated_worry_a_crowd_or_concern_meaning_about(text: str) -> None:
    x = run(text)
    assert not [ev for ev in x.events if ev.cameo == "110"], show(x)


def test_concern_then_an_appeal_in_one_sentence_is_one_event_the_appeal() -> None:
    x = run("The European Union said it was deeply concerned and urged Ankara to uphold democratic values.")
    assert not [ev for ev in x.events if ev.cameo == "110"], show(x)
    ev = event(x, "urged")
    assert agents(x, ev) == ["European Union"], show(x)


def test_summoning_a_charge_d_affaires_is_an_official_complaint() -> None:
    x = run("On Wednesday the Foreign Ministry summoned the U.S. charge d'affaires, Karen Doyle, over the "
            "embassy's statement.")
    ev = event(x, "summoned")
    assert ev.cameo == "114" and recipients(x, ev) == ["Karen Doyle"], show(x)


# ---- crowds, forces and orders told in one clause --------------------------------------------------

@pytest.mark.parametrize("text, trigger", [
    # the force that is the subject of a verb in the clause above the arrest made it
    ("ADDIS ABABA (Reuters) - Police fired tear gas to disperse the crowd and arrested at least 20 people, "
     "witnesses said.", "arrested"),
    ("ISTANBUL (AFP) - Riot police used pepper spray to stop the crowd reaching the ferry terminal, and 43 "
     "people were detained, the governor's office said on Monday.", "detained"),
])
def test_an_arrest_in_the_clause_of_a_force_is_the_forces(text: str, trigger: str) -> None:
    x = run(text)
    assert [a.lower().split()[-1] for a in agents(x, event(x, trigger))] == ["police"], show(x)


def test_a_force_in_a_clause_that_describes_someone_did_not_make_the_arrest() -> None:
    x = run("KAMPALA (Reuters) - Police opened fire on demonstrators who took to the streets following "
            "Wednesday's arrest of opposition candidate Tomas Velkari.")
    assert agents(x, event(x, "arrest")) == ["Government of Uganda"], show(x)


@pytest.mark.parametrize("text, trigger, code, agent", [
    ("LA PAZ (Reuters) - The ruling prompted opposition supporters to block highways around Santa Cruz.",
     "block", "144", "opposition supporters"),  # obstructing passage is a protest (144), not a restriction
    ("The Cambodia National Rescue Party called a general strike for Monday.", "called", "143",
     "Cambodia National Rescue Party"),
    ("Tomas Velkari, the leader of the Cambodia National Rescue Party, spoke at a rally of several thousand "
     "people in Phnom Penh on Tuesday.", "rally", "141", "Tomas Velkari"),
])
def test_protests_told_by_their_organisers_or_by_what_they_block(text: str, trigger: str, code: str,
                                                                  agent: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == code and agents(x, ev) == [agent], show(x)


@pytest.mark.parametrize("text", [
    "Investigators from the Financial Crimes Investigation Board had gathered evidence for months.",
    "The opposition rallied support in the provinces before the vote.",
    # a description: the rally is background, not an act of the named activists
    "Two CNRP activists who participated in the July 15, 2014, rally were convicted on Monday.",
])
def test_no_gathering_without_a_crowd_and_none_from_a_description(text: str) -> None:
    x = run(text)
    assert not [ev for ev in x.events if ev.cameo == "141" and agents(x, ev)], show(x)


@pytest.mark.parametrize("text, patient", [
    ("A judge on Tuesday ordered opposition senator Tomas Velkari held in pretrial detention for six months.",
     "Tomas Velkari"),
    ("Kem Sokha has been held in detention since September.", "Kem Sokha"),
])
def test_ordered_held_in_detention_is_a_detention(text: str, patient: str) -> None:
    x = run(text)
    ev = event(x, "held")
    assert ev.cameo == "173" and patients(x, ev) == [patient], show(x)
    assert ev.factuality is Factuality.ASSERTED, show(x)


def test_holding_a_rally_in_front_of_a_prison_is_no_detention() -> None:
    x = run("Supporters of Kem Sokha held a rally in front of the prison on Monday.")
    assert not [ev for ev in x.events if ev.cameo.startswith("17")], show(x)


def test_a_trigger_word_inside_an_organisations_name_is_no_event() -> None:
    x = run("DAKAR (AFP) - The Republican Rally for Progress (RRP) said on Monday that the vote was rigged.")
    assert not [ev for ev in x.events if ev.trigger == "Rally"], show(x)


@pytest.mark.parametrize("text, trigger", [
    ("Several thousand people marched through Kadikoy on Sunday night.", "marched"),
    ("Protests erupted in Nukus on July 1 after the government published draft amendments.", "Protests"),
    ("Thousands of protesters took to the streets of Maputo on Thursday.", "took"),
])
def test_a_protest_by_a_crowd_or_by_nobody_named_is_by_protesters(text: str, trigger: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo.startswith("14") and agents(x, ev) == ["protesters"], show(x)


@pytest.mark.parametrize("text", [
    "The arrests came amid protests over the election.",  # a protest named in passing
    "He said protesters would march on parliament if the law passed.",  # not done
    "The opposition called for a boycott of the vote.",  # a boycott is called by someone, not a crowd's
])
def test_no_protesters_invented_for_a_protest_in_passing_or_not_done(text: str) -> None:
    x = run(text)
    happened = {Factuality.ASSERTED, Factuality.REPORTED}
    assert not [ev for ev in x.events if "protesters" in agents(x, ev) and ev.factuality in happened], show(x)


def test_his_opponents_are_not_him() -> None:
    x = run("Kais Saied suspended parliament in July 2021. His opponents condemned the move.")
    assert agents(x, event(x, "condemned")) == ["opponents"], show(x)


@pytest.mark.parametrize("text, trigger, agent", [
    ("BUDAPEST (Reuters) - Hungary's parliament voted to lift the immunity of opposition lawmaker Anna Kovar, "
     "in a move the Civic Future Party described on Wednesday as political revenge.", "described",
     "Civic Future Party"),
    ("The Cambodia National Rescue Party branded the verdict a sham.", "branded", "Cambodia National Rescue Party"),
    # twelfth round: more damning names
    ("ASUNCION (AFP) - Paraguay is tense. Rights lawyer Ana Gomez called the arrest \"an assault on free "
     "speech\".", "called", "Ana Gomez"),
    ("ASUNCION (AFP) - Paraguay is tense. The Paraguayan Bar Association called the decision \"unfounded and "
     "disrespectful\".", "called", "Paraguayan Bar Association"),
    ("ASUNCION (AFP) - Paraguay is tense. The Liberal Party branded the verdict politically motivated.",
     "branded", "Liberal Party"),
])
def test_describing_or_branding_an_act_as_revenge_or_a_sham_denounces_it(text: str, trigger: str,
                                                                           agent: str) -> None:
    x = run(text)
    ev = event(x, trigger)
    assert ev.cameo == "111" and agents(x, ev) == [agent], show(x)


@pytest.mark.parametrize("text", [
    "She described the meeting with the minister as productive.",
    "ASUNCION (AFP) - Paraguay is tense. Santiago Pena called the meeting a success.",  # twelfth round
])
def test_describing_a_meeting_as_productive_denounces_nothing(text: str) -> None:
    x = run(text)
    assert not [ev for ev in x.events if ev.cameo == "111"], show(x)


def test_a_name_the_parser_hangs_on_the_body_a_post_is_at_is_still_the_posts_holder() -> None:
    x = run("LIBREVILLE (AFP) - A senior Central Africa researcher at Amnesty International, Paul Lefebvre, called on "
            "the authorities to free all three immediately.")
    ev = event(x, "called")
    assert agents(x, ev) == ["Paul Lefebvre"], show(x)


@pytest.mark.parametrize("text, agent", [
    ("DAR ES SALAAM (AFP) - Tanzanian prosecutors on Thursday charged the opposition leader Grace Mushi with "
     "sedition.", "Tanzanian prosecutors"),
    # capitalised at the sentence's start, the parser's lemma stays plural
    ("DAR ES SALAAM (AFP) - Prosecutors charged the opposition leader Grace Mushi with sedition on Monday.",
     "prosecutors"),
])
def test_prosecutors_who_charge_someone_are_the_prosecution_not_the_government(text: str, agent: str) -> None:
    x = run(text)
    assert agents(x, event(x, "charged")) == [agent], show(x)


def test_in_absentia_is_no_place() -> None:
    x = run("MINSK (Reuters) - A court in Minsk on Tuesday sentenced the party's exiled leader, Olga Marchuk, to 15 "
            "years in absentia.")
    assert not [e for e in x.entities if e.label.lower() == "absentia"], show(x)
    assert place(x, event(x, "sentenced")) == "Minsk", show(x)


def test_a_picket_held_by_exiles_is_a_demonstration_by_them() -> None:
    x = run("MINSK (Reuters) - About 60 Belarusian exiles held a picket outside the Belarusian embassy in Warsaw on "
            "Tuesday evening.")
    ev = event(x, "picket")
    assert ev.cameo == "141" and agents(x, ev) == ["Belarusian exiles"], show(x)  # the nationality is in the name


def test_the_bloc_is_the_union_just_named() -> None:
    x = run("MINSK (Reuters) - Anna Berg, a spokeswoman for the EU's foreign policy chief, said the bloc condemned "
            "the verdicts.")
    assert agents(x, event(x, "condemned")) == ["European Union"], show(x)


# ---- eleventh round ---------------------------------------------------------------------------------
def test_an_arrest_told_in_a_relative_clause_is_not_dated_to_the_main_clause() -> None:
    x = run("LUSAKA (Reuters) - Zambia's High Court on Tuesday granted bail to Mwila Tembo, publicity secretary "
            "of the opposition Zambian Unity Alliance (ZUA), who was arrested over a social media post.")
    arrest = event(x, "arrested")
    assert [x.entity(p.entity).label for p in arrest.participants if p.role is Role.PATIENT] == ["Mwila Tembo"]
    assert arrest.date is None, show(x)


def test_police_officers_not_counted_are_the_police() -> None:
    x = run("KAMPALA (Reuters) - Uganda is tense. Okello was picked up by plain-clothes police officers after a "
            "rally in Gulu.")
    assert [x.entity(p.entity).label for p in event(x, "picked").participants if p.role is Role.AGENT] == \
        ["police"], show(x)
    x = run("KAMPALA (Reuters) - Uganda is tense. Three police officers arrested Okello after a rally in Gulu.")
    assert [x.entity(p.entity).label for p in event(x, "arrested").participants if p.role is Role.AGENT] == \
        ["police officers"], show(x)


def test_the_party_a_speaker_names_is_the_speakers_party() -> None:
    x = run("KAMPALA (Reuters) - Brian Okello is deputy spokesman of the Forum for Democratic Change (FDC). The "
            "FDC's president, Sarah Achan, who quit the ruling National Resistance Movement (NRM) in 2021, "
            "condemned the arrest. She said the party would hold a rally in Gulu on Saturday.")
    assert [x.entity(p.entity).label for p in event(x, "rally").participants] == \
        ["Forum for Democratic Change"], show(x)


def test_a_trial_the_bail_lasts_until_is_still_to_come() -> None:
    x = run("KAMPALA (Reuters) - Uganda is tense. A magistrate released opposition lawmaker Brian Okello on a "
            "cash bond and barred him from addressing public rallies until his trial.")
    assert event(x, "trial").factuality is Factuality.PLANNED, show(x)


# ---- twelfth round ----------------------------------------------------------------------------------
def test_cancelling_a_party_s_registration_is_an_administrative_sanction() -> None:
    x = run("ASUNCION (AFP) - Paraguay's Superior Court of Electoral Justice (TSJE) on Wednesday cancelled the "
            "registration of the opposition Patriotic Renewal Movement (MRP).")
    ev = event(x, "cancelled")
    assert (ev.cameo, agents(x, ev), patients(x, ev)) == (
        "172", ["Superior Court of Electoral Justice"], ["Patriotic Renewal Movement"]), show(x)


def test_cancelling_a_rally_is_no_sanction() -> None:
    x = run("ASUNCION (AFP) - Paraguay is tense. The organisers cancelled the rally on Monday.")
    assert not [ev for ev in x.events if ev.cameo.startswith("17")], show(x)


def test_a_judge_ordering_someone_held_detains_them() -> None:
    x = run("ASUNCION (AFP) - Carlos Benitez was arrested on Saturday. On Tuesday, Judge Maria Rojas of a "
            "specialised court in Asuncion ordered him held for six months.")
    held = event(x, "held")
    assert (held.cameo, agents(x, held), patients(x, held)) == ("173", ["Maria Rojas"], ["Carlos Benitez"]), show(x)


def test_quitting_is_a_resignation() -> None:
    x = run("BAMAKO (AFP) - Mali is tense. The junta-appointed National Transitional Council quit ECOWAS in January.")
    assert not [ev for ev in x.events if ev.trigger == "quit"], show(x)  # a state leaving a bloc
    x = run("ASUNCION (AFP) - The movement has been weakened. Its vice-president, Carlos Benitez, quit on Monday.")
    ev = event(x, "quit")
    assert (ev.cameo, agents(x, ev)) == ("0831", ["Carlos Benitez"]), show(x)


def test_a_crowd_that_dispersed_by_itself_was_not_dispersed() -> None:
    x = run("ASUNCION (AFP) - About 200 supporters rallied outside the tribunal on Wednesday and dispersed "
            "peacefully.")
    assert not [ev for ev in x.events if ev.trigger == "dispersed"], show(x)
    x = run("ASUNCION (AFP) - Police dispersed the protesters with tear gas on Wednesday.")
    assert agents(x, event(x, "dispersed")) == ["police"], show(x)


def test_what_someone_called_something_in_passing_is_no_event() -> None:
    # guard: a free relative names the thing, it does not denounce anyone
    x = run("ASUNCION (AFP) - Carlos Benitez returned on Sunday, in what the government labelled an attack on the "
            "state.")
    assert not [ev for ev in x.events if ev.cameo == "111"], show(x)


def test_dates_told_against_the_year_the_sentence_before_set() -> None:
    x = run("ASUNCION, May 15 (Reuters) - The Senate expelled Rodrigo Benitez in August 2023, and prosecutors "
            "charged him in September of that year. The Colorado Party suspended his membership the same month, "
            "and he resigned from it in October.", published="2025-05-15")
    assert {ev.trigger: ev.date.value for ev in x.events if ev.date} == {
        "expelled": "2023-08", "charged": "2023-09", "suspended": "2023-09", "resigned": "2023-10"}, show(x)


def test_a_bare_month_after_a_bare_year_keeps_the_report_s_year() -> None:
    # guard: only a month of an earlier year carries its year on to a later month
    x = run("ASUNCION, May 15 (Reuters) - Rodrigo Benitez was elected in 2019. In March police arrested him.",
            published="2025-05-15")
    assert event(x, "arrested").date.value == "2025-03", show(x)


def test_lifting_a_house_arrest_eases_it_and_is_not_an_arrest() -> None:
    x = run("ASUNCION, May 15 (Reuters) - In March 2024, Judge Hugo Sosa lifted Rodrigo Benitez's house arrest.")
    ev = event(x, "lifted")
    assert (ev.cameo, agents(x, ev), patients(x, ev)) == ("081", ["Hugo Sosa"], ["Rodrigo Benitez"]), show(x)
    assert not [e for e in x.events if e.trigger == "arrest"], show(x)


def test_being_under_a_body_s_sanctions_is_being_sanctioned_by_it() -> None:
    x = run("ASUNCION (Reuters) - Former President Horacio Cartes has been under U.S. Treasury sanctions since "
            "January 2023.")
    ev = event(x, "sanctions")
    assert (agents(x, ev), patients(x, ev)) == (["United States Department of the Treasury"], ["Horacio Cartes"]), \
        show(x)


# ---- fourteenth round ---------------------------------------------------------------------------------
def test_no_arrests_made_is_no_arrest() -> None:
    x = run("FREETOWN (AFP) - Students protested outside the embassy. Police watched but made no arrests.")
    assert all(ev.factuality is Factuality.NEGATED for ev in x.events if ev.trigger == "arrests"), show(x)


def test_speaking_by_telephone_with_someone_is_a_telephone_call() -> None:
    x = run("FREETOWN (AFP) - President Julius Maada Bio spoke by telephone with Guinean leader Mamadi Doumbouya "
            "on Wednesday.")
    ev = event(x, "spoke")
    assert ev.cameo == "041" and "Mamadi Doumbouya" in {x.entity(p.entity).label for p in ev.participants}, show(x)


def test_closing_a_border_crossing_is_an_embargo() -> None:
    x = run("KAMPALA (Reuters) - Uganda closed its border with Rwanda in March.")
    ev = event(x, "closed")
    assert (ev.cameo, agents(x, ev), patients(x, ev)) == ("163", ["Uganda"], ["Rwanda"]), show(x)


def test_a_person_leaving_a_party_resigns_from_it_but_a_state_leaving_a_bloc_does_not() -> None:
    x = run("PODGORICA (Reuters) - Marko Ilić left the Socialist Party of Montenegro last year. Burkina Faso left "
            "ECOWAS in January.")
    ev = event(x, "left")
    assert (ev.cameo, agents(x, ev), patients(x, ev)) == ("0831", ["Marko Ilić"], ["Socialist Party of Montenegro"])
    assert len([e for e in x.events if e.trigger == "left"]) == 1, show(x)


@pytest.mark.parametrize(("text", "trigger", "code"), [
    ("AMMAN (Reuters) - King Abdullah dismissed Education Minister Khalid Omari on Monday.", "dismissed", "172"),
    ("AMMAN (Reuters) - Education Minister Khalid Omari was removed from office on Monday.", "removed", "172"),
    ("AMMAN (Reuters) - The Islamic Action Front dismissed the reshuffle as cosmetic.", "dismissed", "111"),
])
def test_dismissing_an_office_holder_removes_him_and_dismissing_a_thing_as_bad_criticises_it(
        text: str, trigger: str, code: str) -> None:
    x = run(text)
    assert event(x, trigger).cameo == code, show(x)


def test_dismissing_a_claim_is_no_removal() -> None:
    # guard: only an office holder (or an office) is removed
    x = run("AMMAN (Reuters) - The ministry dismissed the claims on Monday.")
    assert not [e for e in x.events if e.cameo == "172"], show(x)


def test_the_king_is_the_king_the_article_named() -> None:
    x = run("AMMAN (Reuters) - Jordan's King Abdullah approved the reshuffle. The king urged Prime Minister Jafar "
            "Hassan to act.")
    assert agents(x, event(x, "urged")) == ["Abdullah"], show(x)


def test_the_former_president_is_not_the_president() -> None:
    # guard: only "the president" with no other word is the head of state named before
    x = run("ACCRA (Reuters) - President John Mahama approved the reshuffle. The former president urged Prime "
            "Minister Kofi Mensah to resign.")
    assert "John Mahama" not in agents(x, event(x, "urged")), show(x)


def test_the_cabinet_referring_someone_to_the_prosecutor_starts_a_prosecution() -> None:
    x = run("AMMAN (Reuters) - The cabinet referred the head of the exams department, Basel Omari, to the public "
            "prosecutor on Monday.")
    ev = event(x, "referred")
    assert (ev.cameo, agents(x, ev), patients(x, ev)) == ("173", ["Government of Jordan"], ["Basel Omari"]), show(x)


def test_sent_back_to_prison_and_a_revoked_parole_are_coercion() -> None:
    x = run("HAVANA (AP) — José Daniel Ferrer was sent back to prison in April after the Supreme Court revoked "
            "his parole.")
    assert event(x, "sent").cameo == "173" and patients(x, event(x, "sent")) == ["José Daniel Ferrer"], show(x)
    assert event(x, "revoked").cameo == "172", show(x)


def test_police_are_the_one_national_police_force_the_article_names() -> None:
    x = run("HAVANA (AP) — Cuban police detained at least 43 people on Tuesday. Officers of the National "
            "Revolutionary Police beat several people.")
    assert agents(x, event(x, "detained")) == ["National Revolutionary Police"], show(x)


def test_police_are_not_a_local_unit_the_article_names() -> None:
    # guard: a provincial police is one unit, not every police officer in the story
    x = run("PHNOM PENH (Reuters) - Police arrested 12 people. The Kampong Cham Provincial Police said so.")
    assert agents(x, event(x, "arrested")) != ["Kampong Cham Provincial Police"], show(x)


def test_an_arrest_a_police_spokesman_tells_of_is_the_police_s() -> None:
    x = run("KATHMANDU, Feb 11 (Reuters) - Police spokesman Bishnu Prasad Bhatta said 23 people were detained.")
    assert agents(x, event(x, "detained")) == ["police"], show(x)


def test_receiving_visitors_hosts_them_but_receiving_a_letter_from_them_does_not() -> None:
    x = run("PODGORICA (Reuters) - Spajić received a letter from President Jakov Milatović on Tuesday. Milatović "
            "received Foreign Minister Ervin Ibrahimović on Monday.")
    (ev,) = [e for e in x.events if e.cameo == "043"]
    assert (agents(x, ev), role_of(x, ev, Role.RECIPIENT)) == (["Jakov Milatović"], ["Ervin Ibrahimović"]), show(x)


def test_what_a_state_rarely_does_is_not_an_event_that_happened() -> None:
    x = run("VIENTIANE (Reuters) - Laos, a one-party state since 1975, rarely removes ministers between party "
            "congresses.")
    assert all(ev.factuality is Factuality.NEGATED for ev in x.events if ev.trigger == "removes"), show(x)


def test_an_ousting_has_no_implied_government_agent() -> None:
    x = run("ISLAMABAD (Reuters) - Imran Khan was ousted in a parliamentary no-confidence vote in April 2022.")
    ev = event(x, "ousted")
    assert (ev.cameo, agents(x, ev), patients(x, ev)) == ("172", [], ["Imran Khan"]), show(x)


def test_officials_leaving_the_party_leave_their_own_party() -> None:
    x = run("BUJUMBURA (Reuters) - The National Congress for Freedom (CNL) lost. The ruling CNDD-FDD won. On "
            "Wednesday, 11 CNL officials announced they were leaving the party and joining the CNDD-FDD.")
    assert patients(x, event(x, "leaving")) == ["National Congress for Freedom"], show(x)


def test_sanctions_imposed_at_an_emergency_summit_are_sanctions() -> None:
    x = run("NIAMEY (Reuters) - At an emergency summit in Abuja on Sunday, the Economic Community of West African "
            "States (ECOWAS) imposed financial sanctions on Niger.")
    assert event(x, "imposed").cameo == "163", show(x)


def test_people_ousted_in_a_coup_are_described_not_ousted_again() -> None:
    x = run("NAYPYITAW (Reuters) - The National Unity Government, set up by lawmakers ousted in the coup, denounced "
            "the verdict.")
    assert not [e for e in x.events if e.trigger == "ousted"], show(x)


# ---- fifteenth round ----------------------------------------------------------------------------------
def test_an_accusation_joined_to_a_denial_is_the_speaker_s_own_and_not_denied() -> None:
    x = run("ULAANBAATAR (AFP) - The People's Party's secretary-general, Dashdorj Munkhbat, denied that the party "
            "had bought votes and accused the Democratic Party of trying to win in the street.")
    ev = event(x, "accused")
    assert ev.factuality is Factuality.ASSERTED, show(x)
    assert agents(x, ev) == ["Dashdorj Munkhbat"], show(x)


def test_what_a_speaker_denied_having_done_stays_denied() -> None:
    # guard: the denied act itself is still negated
    x = run("ULAANBAATAR (AFP) - Interior Minister Bat Dorj denied that police had arrested the journalists.")
    assert event(x, "arrested").factuality is Factuality.NEGATED, show(x)


@pytest.mark.parametrize("text", [
    "ULAANBAATAR (AFP) - The Independent Agency Against Corruption said it had opened an investigation into the "
    "allegations.",
    "ULAANBAATAR (AFP) - The Independent Agency Against Corruption opened an investigation into the allegations.",
])
def test_opening_an_investigation_is_investigating(text: str) -> None:
    x = run(text)
    ev = event(x, "investigation")
    assert (ev.cameo[:2], agents(x, ev)) == ("09", ["Independent Agency Against Corruption"]), show(x)


def test_gendarmes_act_for_the_gendarmerie() -> None:
    x = run("TOAMASINA (Reuters) - Gendarmes opened fire on a crowd on Wednesday, killing four people.")
    assert agents(x, event(x, "opened")) == ["gendarmerie"], show(x)
    assert agents(x, event(x, "killing")) == ["gendarmerie"], show(x)


def test_officers_in_a_report_on_one_named_police_force_are_that_force() -> None:
    x = run("PORT-AU-PRINCE (Reuters) - Haitian National Police officers retook the police station on Wednesday, "
            "police spokesman Lionel Bazile told reporters. He said officers killed eight gang members and "
            "arrested three others.")
    assert agents(x, event(x, "killed")) == ["Haitian National Police"], show(x)
    assert agents(x, event(x, "arrested")) == ["Haitian National Police"], show(x)


def test_an_investigation_asked_for_beside_a_release_is_part_of_the_appeal() -> None:
    x = run("LUANDA (AP) - Amnesty International called on the Angolan authorities to release the detainees and to "
            "launch an independent investigation into the police's use of force.")
    assert not [e for e in x.events if e.trigger == "investigation"], show(x)
    assert event(x, "called").cameo == "0253", show(x)


def test_an_inquiry_into_a_person_makes_that_person_its_patient() -> None:
    x = run("LIMA (Reuters) - Attorney General Patricia Benavides said on Wednesday that prosecutors had opened a "
            "criminal investigation into former President Pedro Castillo.")
    assert "Pedro Castillo" in patients(x, event(x, "investigation")), show(x)


def test_a_speaker_saying_their_side_will_not_do_something_rejects_it() -> None:
    x = run("BEIRUT (Reuters) - Hezbollah leader Naim Qassem said on Wednesday that Hezbollah would not give up its "
            "weapons.")
    ev = event(x, "give")
    assert (ev.cameo, agents(x, ev), ev.factuality) == ("120", ["Naim Qassem"], Factuality.ASSERTED), show(x)


def test_a_conditional_act_of_the_speaker_s_side_is_a_threat_and_its_own_clause_keeps_its_polarity() -> None:
    x = run("ULAANBAATAR (AFP) - Chinzorig Temuulen, the chairman of the Democratic Party, told supporters on "
            "Monday that the party would not recognise Lkhagvasuren Bat-Orgil as a lawmaker unless the recount "
            "confirmed his victory, and that it would stage a larger rally on Saturday if the result stood.")
    refusal = event(x, "recognise")
    assert (refusal.cameo, patients(x, refusal)) == ("120", ["Lkhagvasuren Bat-Orgil"]), show(x)
    assert event(x, "stage").cameo == "130", show(x)
    assert event(x, "rally").factuality is not Factuality.NEGATED, show(x)


def test_what_a_speaker_says_others_will_not_do_is_no_refusal_of_theirs() -> None:
    # guard: a claim about someone else's conduct is not the speaker rejecting anything
    x = run("ULAANBAATAR (AFP) - Opposition leader Chinzorig Temuulen said the voters would not forgive the "
            "ruling party.")
    assert not [e for e in x.events if e.cameo == "120"], show(x)


def test_a_side_saying_it_will_not_be_silenced_rejects_nothing() -> None:
    # guard: a passive tells what others may do to the speaker's side
    x = run('LOME (AFP) - Opposition leader Jean-Pierre Agbeyome said: "We will not be silenced."')
    assert not [e for e in x.events if e.cameo == "120"], show(x)


def test_walking_out_of_a_session_rejects_it_and_walking_out_of_prison_or_to_a_podium_does_not() -> None:
    x = run("BEIRUT (Reuters) - Opposition lawmakers walked out of the chamber on Monday. The president walked to "
            "the podium. The activist walked out of Roumieh prison on Tuesday.")
    assert [e.cameo for e in x.events if e.trigger == "walked"] == ["120"], show(x)


def test_leaving_a_party_s_parliamentary_group_is_leaving_the_party() -> None:
    x = run("SKOPJE (Reuters) - The Social Democratic Union (SDSM) lost. Four lawmakers left the SDSM's "
            "parliamentary group on Monday.")
    ev = event(x, "left")
    assert (ev.cameo, patients(x, ev)) == ("0831", ["Social Democratic Union"]), show(x)


def test_a_council_of_the_police_is_not_a_second_police_force() -> None:
    x = run("PORT-AU-PRINCE (Reuters) - The Superior Council of the National Police met on Monday. Haitian "
            "National Police officers retook the station, police spokesman Lionel Bazile said. He said officers "
            "arrested three gang members.")
    assert agents(x, event(x, "arrested")) == ["Haitian National Police"], show(x)


def test_defiance_quoted_word_for_word_is_no_refusal() -> None:
    # guard: "We will not accept any more coups," a president told a summit
    x = run('ABUJA (Reuters) - "We will not accept any more coups in our region," Nigerian President Bola Tinubu '
            "told the summit.")
    assert not [e for e in x.events if e.cameo == "120"], show(x)


def test_a_killing_someone_is_blamed_for_is_the_blame_s_content() -> None:
    x = run("CONAKRY (Reuters) - Two protesters died on Monday. The Rally for Democratic Alternation blamed "
            "gendarmes for the killing.")
    assert not [e for e in x.events if e.trigger == "killing"], show(x)
    assert patients(x, event(x, "blamed")) == ["gendarmerie"], show(x)


def test_a_passive_joined_to_a_told_passive_stays_told() -> None:
    # guard: "had been beaten by investigators and denied access to a lawyer" is what he told, done to him
    x = run("NUKUS (AFP) - Speaking from a cage in the courtroom, Dauletmurat Tazhimuratov told the judge that he "
            "had been beaten by investigators and denied access to a lawyer.")
    assert all(agents(x, e) != ["Dauletmurat Tazhimuratov"] for e in x.events if e.trigger == "denied"), show(x)


def test_he_in_what_a_speaker_says_is_the_speaker() -> None:
    x = run("BOGOTA (Reuters) - Former president Cesar Gaviria accused President Gustavo Ramirez's government of "
            "buying votes and said he would ask the National Electoral Council to strip the seven of their seats.")
    assert agents(x, event(x, "ask")) == ["Cesar Gaviria"], show(x)


def test_opening_an_inquiry_or_a_probe_is_an_investigation() -> None:
    x = run("BOGOTA (Reuters) - The Procurator General's Office said on Monday it had opened a preliminary inquiry "
            "into the endorsements. Police launched a probe into the killing of activist Juan Rios.")
    assert [e.cameo for e in x.events if e.trigger in {"inquiry", "probe"}] == ["091", "091"], show(x)


def test_the_judge_is_the_judge_the_article_named() -> None:
    x = run("PORT MORESBY (AFP) - Justice Mathias Kewa of the National Court voided the election on Monday. "
            "Lawmaker Jonah Pato said he would appeal to the Supreme Court and accused the judge of listening to "
            "liars.")
    assert patients(x, event(x, "accused")) == ["Mathias Kewa"], show(x)


def test_an_inquiry_that_finds_something_is_no_investigation_opened() -> None:
    # guard: "inquiry" and "probe" are investigations only into something
    x = run("AMMAN (Reuters) - A government inquiry found last month that exam questions had circulated on "
            "messaging apps.")
    assert not [e for e in x.events if e.cameo.startswith("09")], show(x)


def test_cutting_ties_and_freezing_assets() -> None:
    x = run("MANAMA (Reuters) - Bahrain cut diplomatic ties with Iran in January 2016. The government froze the "
            "assets of opposition leader Ali Salman on Monday. Wages were frozen and the budget was cut.")
    assert [(e.trigger, e.cameo) for e in x.events if e.cameo in {"161", "1711"}] == [("cut", "161"),
                                                                                    ("froze", "1711")], show(x)
    assert patients(x, event(x, "froze")) == ["Ali Salman"], show(x)


def test_supporters_the_parse_makes_arrest_someone_do_not() -> None:
    x = run("ACCRA (Reuters) - Police fired tear gas to disperse several hundred NPP supporters who had gathered "
            "outside the court complex on Tuesday and arrested six people, a police spokeswoman said.")
    assert agents(x, event(x, "arrested")) == ["police"], show(x)
