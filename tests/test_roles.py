"""Posts and memberships: "acting party president X", "EU trade commissioner X", "Prime Minister X",
"X, the spokesman of Y", "Y's vice president X" → Membership(person, role, organisation).

Roles are compared case-insensitively: "Prime Minister" and "prime minister" name the same post.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from polgraph.articles import parse_text
from polgraph.model import Entity, EntityType, Extraction, Membership
from polgraph.pipeline import extract

PUBLISHED = "2019-11-14"


@lru_cache(maxsize=256)
def run(text: str, published: str | None = PUBLISHED) -> Extraction:
    front = f"---\npublished: {published}\n---\n" if published else ""
    return extract(parse_text(front + text, default_id="test-roles"))


def named(x: Extraction, name: str) -> Entity:
    found = [e for e in x.entities
             if e.label == name or name in e.aliases or any(m.text == name for m in e.mentions)]
    assert len(found) == 1, f"{len(found)} entities named {name!r}: {[e.label for e in x.entities]}"
    return found[0]


def show(x: Extraction) -> str:
    rows = [f"({x.entity(m.person).label!r}, {m.role!r}, {x.entity(m.organization).label!r})"
            for m in x.memberships]
    return "; ".join(rows) or "(no memberships)"


def posts_of(x: Extraction, person: str) -> list[Membership]:
    key = named(x, person).key
    return [m for m in x.memberships if m.person == key]


def post(x: Extraction, person: str) -> tuple[Membership, Entity]:
    """The one post the article gives `person`, with its organisation."""
    posts = posts_of(x, person)
    assert len(posts) == 1, f"expected one post for {person!r}: {show(x)}"
    return posts[0], x.entity(posts[0].organization)


def assert_post(text: str, person: str, role: str, organization: str) -> None:
    """The one post the text gives the person: this role, in this organisation."""
    m, org = post(run(text), person)
    assert m.role == role and org.label == organization, show(run(text))


# ---- titles before the name ---------------------------------------------------------------------

def test_acting_party_president() -> None:
    x = run("The Cambodia National Rescue Party (CNRP) is divided. "
            "Acting party president Sam Rainsy lives in France.")
    m, org = post(x, "Sam Rainsy")
    assert m.role.lower() in {"acting president", "acting party president"}
    assert org.label == "Cambodia National Rescue Party"


def test_organisation_name_before_the_title() -> None:
    x = run("European Union trade commissioner Cecilia Malmstrom criticised Cambodia on Wednesday.")
    m, org = post(x, "Cecilia Malmstrom")
    assert m.role.lower() == "trade commissioner"
    assert org.label == "European Union"


@pytest.mark.parametrize("text", [
    "Cambodia faces pressure from abroad. Prime Minister Hun Sen rejected the criticism.",
    "Prime Minister Hun Sen spoke to reporters in Phnom Penh.",
])
def test_government_post_belongs_to_the_government_of_the_main_country(text: str) -> None:
    x = run(text)
    m, org = post(x, "Hun Sen")
    assert m.role.lower() == "prime minister"
    assert org.label == "Government of Cambodia"
    assert org.type is EntityType.GOVERNMENT


def test_foreign_head_of_state_belongs_to_the_government_of_his_country() -> None:
    x = run("Cambodian officials met French President Emmanuel Macron in Phnom Penh.")
    m, org = post(x, "Emmanuel Macron")
    assert m.role.lower() == "president"
    assert org.label == "Government of France"


def test_minister_of_a_named_country() -> None:
    x = run("Cambodia's Interior Minister Sar Kheng visited Kandal province.")
    m, org = post(x, "Sar Kheng")
    assert "minister" in m.role.lower()
    assert org.type is EntityType.GOVERNMENT
    assert org.label in {"Government of Cambodia", "Interior Ministry"}


def test_government_spokesman() -> None:
    x = run("Cambodian government spokesman Phay Siphan denied the report.")
    m, org = post(x, "Phay Siphan")
    assert m.role.lower() == "spokesman"
    assert org.label == "Government of Cambodia"


def test_police_spokesman() -> None:
    x = run("Police spokesman Ruslan Petrak said officers arrested two monks in Phnom Penh.")
    m, org = post(x, "Ruslan Petrak")
    assert m.role.lower() == "spokesman"
    assert org.type is EntityType.GOVERNMENT
    assert "police" in org.label.lower()


def test_plural_title_before_a_list_of_names() -> None:
    x = run("CNRP lawmakers Kong Saphea and Nhay Chamroeun were beaten outside the National Assembly.")
    for person in ("Kong Saphea", "Nhay Chamroeun"):
        m, org = post(x, person)
        assert m.role.lower() == "lawmaker"
        assert org.label == "Cambodia National Rescue Party"


# ---- titles after the name, and possessives -----------------------------------------------------

@pytest.mark.parametrize(("text", "person", "role", "org"), [
    ("Lena Morova, the spokeswoman of the Zorbanian Liberty Party, denied the claim.",
     "Lena Morova", "spokeswoman", "Zorbanian Liberty Party"),
    ("Sok Eysan, the spokesman of the Cambodian People's Party, denied the report.",
     "Sok Eysan", "spokesman", "Cambodian People's Party"),
    ("Ruslan Petrak is the chairman of the Norvath Election Commission.",
     "Ruslan Petrak", "chairman", "Norvath Election Commission"),
])
def test_title_after_the_name(text: str, person: str, role: str, org: str) -> None:
    m, organisation = post(run(text), person)
    assert m.role.lower() == role
    assert organisation.label == org


@pytest.mark.parametrize(("text", "person", "org"), [
    ("The Zorbanian Liberty Party's vice president Arkady Tolvin resigned.", "Arkady Tolvin",
     "Zorbanian Liberty Party"),
    ("The CPP's vice president Say Chhum met the king.", "Say Chhum", "Cambodian People's Party"),
])
def test_possessive_organisation_before_the_title(text: str, person: str, org: str) -> None:
    m, organisation = post(run(text), person)
    assert m.role.lower() == "vice president"
    assert organisation.label == org


def test_the_partys_president_is_the_president_of_the_party_named_before() -> None:
    x = run("The Cambodia National Rescue Party (CNRP) boycotted the vote. "
            "The party's president Kem Sokha was in prison.")
    m, org = post(x, "Kem Sokha")
    assert m.role.lower() == "president"
    assert org.label == "Cambodia National Rescue Party"


# ---- what is not a post -------------------------------------------------------------------------

def test_opposition_leader_is_not_a_government_post() -> None:
    x = run("Opposition leader Kem Sokha met French President Emmanuel Macron in Phnom Penh.")
    for m in posts_of(x, "Kem Sokha"):
        org = x.entity(m.organization)
        assert org.type is not EntityType.GOVERNMENT, show(x)
        assert not org.label.startswith("Government of"), show(x)


@pytest.mark.parametrize(("text", "person"), [
    ("Hun Sen met the president of the European Commission in Brussels.", "Hun Sen"),
    ("Tomas Velkari met the spokesman of the Zorbanian Liberty Party.", "Tomas Velkari"),
    ("Mr. Tomas Velkari attended the meeting in Kordavia.", "Tomas Velkari"),
    ("Lena Morova, a lawyer, spoke to reporters in Kordavia.", "Lena Morova"),
    ("Hun Sen's spokesman Phay Siphan criticised Sam Rainsy.", "Hun Sen"),
    ("Hun Sen's spokesman Phay Siphan criticised Sam Rainsy.", "Sam Rainsy"),
])
def test_no_post_where_the_text_gives_none(text: str, person: str) -> None:
    x = run(text)
    assert posts_of(x, person) == [], show(x)


def test_a_place_holds_no_post() -> None:
    x = run("Prime Minister Hun Sen flew to Paris on Monday.")
    paris = named(x, "Paris")
    assert all(m.person != paris.key for m in x.memberships), show(x)
    assert all(x.entity(m.person).type is EntityType.PERSON for m in x.memberships)


# ---- evidence -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "person"), [
    ("European Union trade commissioner Cecilia Malmstrom criticised Cambodia on Wednesday.",
     "Cecilia Malmstrom"),
    ("Lena Morova, the spokeswoman of the Zorbanian Liberty Party, denied the claim.", "Lena Morova"),
    ("Cambodia faces pressure from abroad. Prime Minister Hun Sen rejected the criticism.", "Hun Sen"),
])
def test_membership_evidence_slices_the_text(text: str, person: str) -> None:
    x = run(text)
    m, _ = post(x, person)
    evidence = x.article.text[m.begin:m.end]
    assert person in evidence
    assert m.role.lower().split()[-1] in evidence.lower()
    sentence = x.sentences[m.sentence]
    assert sentence.begin <= m.begin < m.end <= sentence.end


def test_copula_post_of_a_countrys_unit() -> None:
    x = run("General Dara Chhim was sanctioned on Tuesday. Dara Chhim is the commander of Laos's Presidential "
            "Guard Unit, the statement said.")
    m, org = post(x, "Dara Chhim")
    assert m.role == "commander", show(x)
    assert org.label == "Presidential Guard Unit", show(x)


def test_acronym_in_brackets_between_party_and_title() -> None:
    x = run("Police detained opposition Democratic Party (DP) lawmakers Kim Chol and Lee Jun-ho on Monday.")
    for person in ("Kim Chol", "Lee Jun-ho"):
        m, org = post(x, person)
        assert m.role == "lawmaker" and org.label == "Democratic Party", show(x)


def test_the_partys_post_before_a_comma_and_the_name() -> None:
    x = run("The opposition Citizens Coalition for Change (CCC) said the court denied bail to the party's "
            "deputy chairman, Job Sikhala.")
    m, org = post(x, "Job Sikhala")
    assert m.role == "deputy chairman" and org.label == "Citizens Coalition for Change", show(x)


def test_the_partys_post_after_the_name() -> None:
    x = run("The Cambodia National Rescue Party (CNRP) was dissolved. Sam Rainsy, the party's acting president, "
            "lives in France.")
    m, org = post(x, "Sam Rainsy")
    assert m.role == "acting president" and org.label == "Cambodia National Rescue Party", show(x)


def test_a_region_word_inside_a_post_before_the_name() -> None:
    x = run("Human Rights Watch's Asia director Brad Adams said the verdict was a travesty.")
    m, org = post(x, "Brad Adams")
    assert m.role == "asia director" and org.label == "Human Rights Watch", show(x)


def test_who_heads() -> None:
    x = run("Kem Sokha, who heads the Cambodia National Rescue Party, was arrested in September.")
    m, org = post(x, "Kem Sokha")
    assert m.role == "head" and org.label == "Cambodia National Rescue Party", show(x)


def test_who_is_the_spokesman_of() -> None:
    x = run("Khieu Sopheak, who is the spokesman of the Interior Ministry, said the arrests were legal.")
    m, org = post(x, "Khieu Sopheak")
    assert m.role == "spokesman" and org.type is EntityType.GOVERNMENT, show(x)


def test_the_ministrys_spokesman_after_the_name() -> None:
    x = run("Sar Kheng, the Interior Ministry's spokesman, declined to comment.")
    m, org = post(x, "Sar Kheng")
    assert m.role == "spokesman" and org.type is EntityType.GOVERNMENT, show(x)


def test_appointed_commander_of() -> None:
    x = run("Hun Manet was appointed commander of the Royal Cambodian Army in 2018.")
    m, org = post(x, "Hun Manet")
    assert "commander" in m.role and org.label == "Royal Cambodian Army", show(x)


def test_two_posts_joined_by_and() -> None:
    x = run("Mu Sochua, a former minister and vice president of the Cambodia National Rescue Party, fled.")
    roles = {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Mu Sochua")}
    assert ("vice president", "Cambodia National Rescue Party") in roles, show(x)


def test_party_in_brackets_after_a_titled_name() -> None:
    x = run("Lawmaker Kong Saphea (CNRP) was beaten outside the National Assembly.")
    m, org = post(x, "Kong Saphea")
    assert m.role.lower() == "lawmaker" and org.label == "Cambodia National Rescue Party", show(x)


def test_an_organisations_post_before_a_comma() -> None:
    x = run("The National Election Committee (NEC) met. The NEC's secretary-general, Tep Nytha, said the count "
            "was fair.")
    m, org = post(x, "Tep Nytha")
    assert m.role == "secretary-general" and org.label == "National Election Committee", show(x)


def test_its_post_before_a_comma() -> None:
    x = run("The CNRP's president, Kem Sokha, and its vice president, Mu Sochua, were not available.")
    m, org = post(x, "Mu Sochua")
    assert m.role == "vice president" and org.label == "Cambodia National Rescue Party", show(x)


@pytest.mark.parametrize(("text", "person", "role", "org"), [
    # a description, then "and" the post
    ("Tomas Velkari, a lawyer and former secretary general of the Zorbanian Liberty Party, spoke on Friday.",
     "Tomas Velkari", "former secretary general", "Zorbanian Liberty Party"),
    # the organisation led, in apposition to what the verb names
    ("Lena Morova, who leads a rival faction, the Kordavia Alliance, dismissed the congress.", "Lena Morova",
     "leader", "Kordavia Alliance"),
    # "headed (led) by": the organisation before the verb
    ("The ruling Zorbanian Liberty Party, headed by President Tomas Velkari, welcomed the result.",
     "Tomas Velkari", "head", "Zorbanian Liberty Party"),
    # "elected X as its new president": the subject's post
    ("The Zorbanian Liberty Party on Tuesday elected Lena Morova as its new president.", "Lena Morova",
     "president", "Zorbanian Liberty Party"),
    # a hyphenated post after the name: one post, whatever the article
    ("Tomas Velkari, secretary-general of the Zorbanian Liberty Party, was arrested on Monday.", "Tomas Velkari",
     "secretary-general", "Zorbanian Liberty Party"),
    ("Lena Morova, a co-founder of the Kordavia Alliance, was arrested on Monday.", "Lena Morova", "co-founder",
     "Kordavia Alliance"),
    # the organisation's name does not count among the words describing the post
    ("Tomas Velkari, the Zorbanian Liberty Party's presidential candidate, was arrested on Monday.", "Tomas Velkari",
     "presidential candidate", "Zorbanian Liberty Party"),
    ("Tomas Velkari, the Zorbanian Liberty Party's new leader, was arrested on Monday.", "Tomas Velkari",
     "leader", "Zorbanian Liberty Party"),
    # "X of the party": a member
    ("Tomas Velkari of the Zorbanian Liberty Party was arrested on Monday.", "Tomas Velkari", "member",
     "Zorbanian Liberty Party"),
    # "X leads (heads, chairs) Y", a sentence of its own
    ("Shehbaz Sharif leads the Pakistan Muslim League-Nawaz.", "Shehbaz Sharif", "leader",
     "Pakistan Muslim League (N)"),
    ("Tomas Velkari chaired the Zorbanian Election Commission until 2019.", "Tomas Velkari", "chairman",
     "Zorbanian Election Commission"),
    # "its" refers to the organisation that is the subject just before
    ("The Podemos party, which backed him, said it would boycott parliament. Its leader Albino Forquilha told "
     "reporters the party would not take up its seats.", "Albino Forquilha", "leader", "Podemos"),
    ("The Zorbanian Liberty Party won the vote, and its leader Tomas Velkari thanked voters.", "Tomas Velkari",
     "leader", "Zorbanian Liberty Party"),
    ("The Zorbanian Liberty Party won the vote. Its leaders Tomas Velkari and Lena Morova thanked voters.",
     "Lena Morova", "leader", "Zorbanian Liberty Party"),
    # a person's party, by the possessive
    ("Supporters of Nelson Chamisa's Citizens Coalition for Change party marched in Harare.", "Nelson Chamisa",
     "member", "Citizens Coalition for Change"),
    # a name NER missed (found by its given name), then its post in apposition
    ("Nika Melia, a leader of the opposition Coalition for Change, was arrested on Wednesday.", "Nika Melia",
     "leader", "Coalition for Change"),
    # "the NAME party led by X", no commas: the name before its noun is the party
    ("Lawmakers from the right-wing Popular Force party led by Keiko Fujimori withdrew their support.",
     "Keiko Fujimori", "leader", "Popular Force"),
])
def test_posts_told_by_verbs_and_descriptions(text: str, person: str, role: str, org: str) -> None:
    x = run(text)
    assert (role, org) in {(m.role.lower(), x.entity(m.organization).label) for m in posts_of(x, person)}, show(x)


def test_of_the_party_adds_no_membership_beside_a_post_or_for_a_place() -> None:
    x = run("Police arrested CNRP president Kem Sokha of the CNRP on Monday.")
    assert [m.role for m in posts_of(x, "Kem Sokha")] == ["president"], show(x)
    x = run("Tomas Velkari of Zorbania was arrested on Monday.")
    assert not x.memberships, show(x)
    x = run("Tomas Velkari's Zorbanian Liberty Party won. Tomas Velkari, the party's leader, thanked voters.")
    assert [m.role for m in posts_of(x, "Tomas Velkari")] == ["leader"], show(x)
    x = run("Tomas Velkari's lawyer said he would appeal.")
    assert not x.memberships, show(x)


def test_a_second_post_after_a_post_with_its_organisation() -> None:
    x = run("Cambodia's opposition met on Monday. Mu Sochua, a CNRP vice president and former finance "
            "minister, spoke.")
    roles = {(m.role.lower(), x.entity(m.organization).label) for m in posts_of(x, "Mu Sochua")}
    assert ("vice president", "Cambodia National Rescue Party") in roles, show(x)
    assert ("former finance minister", "Government of Cambodia") in roles, show(x)


@pytest.mark.parametrize("text, role", [
    ("Rights groups in Cambodia accused Hun Sen, the South East Asian nation's longtime leader, of crushing "
     "the opposition.", "longtime leader"),
    ("Rights groups in Cambodia accused Hun Sen, the country's prime minister, of crushing the opposition.",
     "prime minister"),
])
def test_the_countrys_post_is_in_the_government_of_the_main_country(text: str, role: str) -> None:
    x = run(text)
    m, org = post(x, "Hun Sen")
    assert m.role.lower() == role
    assert org.label == "Government of Cambodia"



def test_who_leads_a_party_named_before_the_word_party() -> None:
    x = run("Pakistan is tense. Khan, who leads the Pakistan Tehreek-e-Insaf (PTI) party, was granted bail.")
    m, org = post(x, "Khan")
    assert m.role == "leader"
    assert org.label == "Pakistan Tehreek-e-Insaf"


@pytest.mark.parametrize("text, person, role", [
    ("Cambodia is tense. Police arrested CNRP president Kem Sokha and deputy president Mu Sochua on Monday.",
     "Mu Sochua", "deputy president"),
    ("The Cambodia National Rescue Party (CNRP) was dissolved. Senior party members, including party chair "
     "Kem Sokha and exiled founder Sam Rainsy, will be banned from politics.", "Sam Rainsy", "founder"),
])
def test_a_bare_title_beside_a_party_post_is_in_the_same_party(text: str, person: str, role: str) -> None:
    x = run(text)
    m, org = post(x, person)
    assert m.role.lower() == role
    assert org.label == "Cambodia National Rescue Party"


@pytest.mark.parametrize("text, person, org", [
    ("Cambodia is tense. CPP spokesman Sok Eysan and government spokesman Phay Siphan denied it.",
     "Phay Siphan", "Government of Cambodia"),
    ("Cambodia is tense. CNRP president Kem Sokha and Human Rights Watch director Brad Adams spoke.",
     "Brad Adams", "Human Rights Watch"),
])
def test_a_title_naming_its_own_body_keeps_it_beside_a_party_post(text: str, person: str, org: str) -> None:
    x = run(text)
    assert x.entity(post(x, person)[0].organization).label == org


def test_a_title_beside_a_party_post_that_is_no_post_there_is_not_shared() -> None:
    x = run("Cambodia is tense. CNRP president Kem Sokha and journalist Mech Dara were detained.")
    assert not posts_of(x, "Mech Dara"), show(x)


@pytest.mark.parametrize("text, person", [
    ("Hong Kong is tense. Former student leader Joshua Wong was jailed.", "Joshua Wong"),
    ("Cambodia is tense. Union leader Ath Thorn was questioned.", "Ath Thorn"),
])
def test_a_leader_of_students_or_a_union_holds_no_government_post(text: str, person: str) -> None:
    x = run(text)
    assert not [m for m in posts_of(x, person) if x.entity(m.organization).type is EntityType.GOVERNMENT], show(x)


def test_a_post_in_a_countrys_ruling_party_is_in_that_party() -> None:
    x = run("Georgia is tense. The United States imposed sanctions on Bidzina Ivanishvili, the billionaire founder of "
            "Georgia's ruling Georgian Dream party, on Friday.")
    m, org = post(x, "Bidzina Ivanishvili")
    assert "founder" in m.role and org.label == "Georgian Dream"


@pytest.mark.parametrize("text, person, org", [
    ("Cambodia is tense. Mech Dara, a reporter with VOD, was arrested.", "Mech Dara", "Voice of Democracy"),
    ("Belarus is tense. Belsat TV journalist Katsiaryna Andreyeva was sentenced.", "Katsiaryna Andreyeva",
     "Belsat TV"),
])
def test_a_journalist_works_for_the_outlet_named_with_the_title(text: str, person: str, org: str) -> None:
    m, outlet = post(run(text), person)
    assert outlet.label == org


@pytest.mark.parametrize("text, person, role, organization", [
    # the body before a post whose brief is a country holds the post; the country is only its brief
    ("Myanmar is tense. The United Nations special rapporteur on Myanmar, Tom Andrews, condemned the vote.",
     "Tom Andrews", "special rapporteur on Myanmar", "United Nations"),
    # "its" after a government acting on a party is the party (a government has no leader of that kind)
    ("Senegal's government on Monday dissolved the main opposition party PASTEF, hours after its leader "
     "Ousmane Sonko was charged with calling for insurrection.", "Ousmane Sonko", "leader", "PASTEF"),
    # a post before a description of the person is still theirs
    ("Belarus is tense. The Viasna human rights centre said 1,200 political prisoners remain behind bars. "
     "Its founder, Nobel laureate Ales Bialiatski, has been in custody since July 2021.", "Ales Bialiatski",
     "founder", "Viasna"),
    # who founded (co-founded) a party is its founder (co-founder)
    ("Cambodia is tense. Sam Rainsy, who founded the CNRP in 2012, lives in Paris.", "Sam Rainsy", "founder",
     "Cambodia National Rescue Party"),
    ("Cambodia is tense. Sam Rainsy, who co-founded the CNRP, lives in Paris.", "Sam Rainsy", "co-founder",
     "Cambodia National Rescue Party"),
])
def test_the_one_post_a_sentence_gives(text: str, person: str, role: str, organization: str) -> None:
    assert_post(text, person, role, organization)


@pytest.mark.parametrize("text", [
    "Turkey is tense. Police detained Ekrem Imamoglu on Wednesday. His party, the Republican People's Party, "
    "called the detention a coup.",
    "Hungary is tense. Peter Magyar spoke in Budapest. His Tisza Party won the vote, he said.",
])
def test_his_party_makes_the_person_a_member(text: str) -> None:
    x = run(text)
    person = "Ekrem Imamoglu" if "Imamoglu" in text else "Peter Magyar"
    m, org = post(x, person)
    assert m.role == "member" and org.label in {"Republican People's Party", "Tisza Party"}, show(x)


def test_his_party_needs_someone_named_nearby() -> None:
    x = run("Turkey is tense. Ekrem Imamoglu was detained in March. The economy slowed. Prices rose sharply. "
            "His party, the Republican People's Party, called the detention a coup.")
    assert posts_of(x, "Ekrem Imamoglu") == [], show(x)


@pytest.mark.parametrize("text, person, role, organization", [
    # a minister's portfolio at a sentence's start is part of the post
    ("Bangladesh is tense. Home Minister Asaduzzaman Khan accused the opposition of violence.", "Asaduzzaman Khan",
     "Home Minister", "Government of Bangladesh"),
    ("Niger is tense. Niger's Oil Minister Mahamane Sani Mahamadou was arrested on Wednesday.",
     "Mahamane Sani Mahamadou", "Oil Minister", "Government of Niger"),
    # "joint" and "senior" qualify the post; the post is in the party named before it
    ("Bangladesh is tense. Bangladesh Nationalist Party senior joint secretary general Ruhul Kabir Rizvi said "
     "so on Monday.", "Ruhul Kabir Rizvi", "senior joint secretary general", "Bangladesh Nationalist Party"),
    # a chief justice is a court's, not the justice ministry's
    ("Bangladesh is tense. Protesters attacked the residence of Supreme Court Chief Justice Obaidul Hassan.",
     "Obaidul Hassan", "Chief Justice", "Supreme Court"),
])
def test_posts_with_a_qualifier(text: str, person: str, role: str, organization: str) -> None:
    assert_post(text, person, role, organization)


def test_a_list_of_titled_names_gives_each_their_own_title() -> None:
    x = run("Niger is tense after the coup in the country. Oil Minister Mahamane Sani Mahamadou, Mines Minister "
            "Ousmane Cisse and Interior Minister Hama Amadou Souley were detained at their homes in the capital "
            "Niamey, the party said.")
    got = {(x.entity(m.person).label, m.role) for m in x.memberships}
    assert got == {("Mahamane Sani Mahamadou", "Oil Minister"), ("Ousmane Cisse", "Mines Minister"),
                   ("Hama Amadou Souley", "Interior Minister")}, show(x)


def test_the_country_of_the_lead_owns_untitled_government_posts() -> None:
    # France and the French come up more often than Niger, but the lead says the news is Niger's
    x = run("NIAMEY, July 31 (Reuters) - Niger's military junta on Monday arrested several ministers, a day after "
            "leaders gave the coup leaders one week to reinstate detained President Mohamed Bazoum.\n\n"
            "France's foreign ministry condemned the violence. France, the former colonial power, suspended aid. "
            "French President Emmanuel Macron said French nationals would be protected. The junta accused France "
            "of plotting, which France denied. Niger has become a key ally of Western countries.")
    m, org = post(x, "Mohamed Bazoum")
    assert (m.role, org.label) == ("President", "Government of Niger"), show(x)


@pytest.mark.parametrize("text, person, role, organization", [
    # common nouns naming the post's field belong to the post
    ("Iran is tense. EU foreign policy chief Josep Borrell told reporters that the bloc could act.",
     "Josep Borrell", "foreign policy chief", "European Union"),
    ("Iran is tense. UN human rights chief Volker Turk condemned the executions.", "Volker Turk",
     "human rights chief", "United Nations"),
    # "also" between the copula and the post
    ("Serbia is tense. The ruling Serbian Progressive Party (SNS) won. Milos Vucevic, who is also president of "
     "the SNS, told a news conference in Belgrade that he would go.", "Milos Vucevic", "president",
     "Serbian Progressive Party"),
    # a party NER only found by its acronym (which stands for its name in Serbian)
    ("Serbia is tense. Opposition leaders said it was not enough. Dragan Djilas, leader of the Freedom and Justice "
     "Party (SSP), called on Tuesday for a transitional government.", "Dragan Djilas", "leader",
     "Freedom and Justice Party"),
])
def test_posts_named_in_more_words(text: str, person: str, role: str, organization: str) -> None:
    assert_post(text, person, role, organization)


@pytest.mark.parametrize("text", [
    "Niger is tense. On Friday, General Abdourahamane Tiani declared himself head of the National Council for the "
    "Safeguard of the Homeland (CNSP).",
    "Niger is tense. On Friday, the guard's commander, General Abdourahamane Tiani, declared himself head of the "
    "National Council for the Safeguard of the Homeland (CNSP).",
])
def test_declaring_oneself_head_of_a_body(text: str) -> None:
    m, org = post(run(text), "Abdourahamane Tiani")
    assert (m.role, org.label) == ("head", "National Council for the Safeguard of the Homeland")


def test_a_journalist_of_a_country_holds_no_government_post() -> None:
    x = run("Algeria is tense. Reporters Without Borders urged Algeria to free French sports journalist Christophe "
            "Gleizes, who was sentenced in June.")
    assert posts_of(x, "Christophe Gleizes") == [], show(x)


@pytest.mark.parametrize("text, person, role, organization", [
    # NER took the title and the name for the title of a work
    ('Kenya is tense. The Kenya National Commission on Human Rights (KNCHR) said 22 people had been killed. '
     '"We condemn the excessive use of force by the police," KNCHR chairperson Roseline Odede told reporters.',
     "Roseline Odede", "chairperson", "Kenya National Commission on Human Rights"),
    # the tagger took the acronym for an adjective
    ('Kenya is tense. The Law Society of Kenya (LSK) challenged the deployment in the High Court on Wednesday. '
     '"Deploying the military is unconstitutional," LSK president Faith Odhiambo said.', "Faith Odhiambo",
     "president", "Law Society of Kenya"),
    # Kenya's ministers are Cabinet Secretaries
    ("Kenya is tense. Hours later, Defence Cabinet Secretary Aden Duale authorised the deployment of the Kenya "
     "Defence Forces (KDF) to support the police.", "Aden Duale", "Defence Cabinet Secretary", "Government of Kenya"),
])
def test_posts_ner_half_saw(text: str, person: str, role: str, organization: str) -> None:
    assert_post(text, person, role, organization)


@pytest.mark.parametrize("text, person, role, organization", [
    # NER missed the outlet's name: the noun before it says it is one
    ("Azerbaijan is tense. A court in Azerbaijan on Friday sentenced six journalists from the independent "
     "investigative outlet Abzas Media to prison terms on smuggling charges. Abzas Media director Ulvi Hasanli "
     "received nine years.", "Ulvi Hasanli", "director", "Abzas Media"),
    # "Ministry" alone before a post: the ministry just named
    ("Azerbaijan is tense. Azerbaijan's Foreign Ministry rejected the criticism. Ministry spokesperson Aykhan "
     "Hajizada said in a statement on Friday that the remarks were biased.", "Aykhan Hajizada", "spokesperson",
     "Foreign Ministry"),
])
def test_posts_in_bodies_named_once(text: str, person: str, role: str, organization: str) -> None:
    assert_post(text, person, role, organization)


def test_a_lawyer_with_an_organisation_and_a_lawyer_of_a_country() -> None:
    x = run("Slovakia is tense. Katarina Batkova, a lawyer with the legal advocacy group Via Iuris, said the "
            "organisation would refuse.")
    m, org = post(x, "Katarina Batkova")
    assert (m.role, org.label) == ("lawyer", "Via Iuris"), show(x)
    x = run("Gabon is tense. Leon-Paul Ngoulakia was picked up for questioning, his French lawyer Eric Moutet "
            "confirmed.")
    assert posts_of(x, "Eric Moutet") == [], show(x)


def test_who_also_chairs_a_party_ner_missed() -> None:
    x = run("Slovakia is tense. Prime Minister Robert Fico, who also chairs the Smer party, defended the law on "
            "Wednesday.")
    assert ("chairman", "Smer") in {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Robert Fico")}, \
        show(x)


@pytest.mark.parametrize("text, person, role, organization", [
    ("Opposition leader Tomas Velkari of the Zorbanian Liberty Party (ZLP) said he would stand.",
     "Tomas Velkari", "leader", "Zorbanian Liberty Party"),
    ("Spokesman Piet Durand of the Kordavian Bar Association said the arrests were illegal.",
     "Piet Durand", "spokesman", "Kordavian Bar Association"),
    ("The strike was called by the National Alliance for Change (ANC) of veteran opposition leader Tomas "
     "Velkari.", "Tomas Velkari", "leader", "National Alliance for Change"),
])
def test_a_title_with_no_body_and_the_body_named_with_of(text: str, person: str, role: str,
                                                           organization: str) -> None:
    """'leader X of the Y party', 'the Y party of leader X': the title is a post in that party, not a
    mere membership."""
    assert_post(text, person, role, organization)


def test_a_speaker_with_no_parliament_named_holds_no_post() -> None:
    x = run("Speaker Tomas Velkari said the vote was fair.")
    assert not x.memberships, show(x)


def test_sworn_in_as_acting_president() -> None:
    x = run("Sri Lanka's parliament accepted the resignation of the president. Prime Minister Tomas Velkari "
            "was sworn in as acting president a few hours later.")
    roles = {(m.role.lower(), x.entity(m.organization).label) for m in posts_of(x, "Tomas Velkari")}
    assert ("acting president", "Government of Sri Lanka") in roles, show(x)


def test_inspector_general_of_police() -> None:
    x = run("Zambian police arrested opposition leader Tomas Velkari on Monday. Inspector General of Police Piet "
            "Durand told reporters that Velkari had been charged with treason.")
    m, org = post(x, "Piet Durand")
    assert m.role == "Inspector General" and org.label.lower().endswith("police"), show(x)


def test_posts_in_an_outlet_described_by_a_noun_then_its_and_a_shared_title() -> None:
    """'the outlet's director X, its editor-in-chief Y and reporter Z': all three work for the outlet the
    article named before."""
    x = run("A court sentenced six journalists from the independent outlet Velkar Media on Friday. The court "
            "sentenced the outlet's director Tomas Velkari, its editor-in-chief Piet Durand and reporter Anna "
            "Kovar to nine years each.")
    posts = {(x.entity(m.person).label, m.role, x.entity(m.organization).label) for m in x.memberships}
    assert posts >= {("Tomas Velkari", "director", "Velkar Media"),
                     ("Piet Durand", "editor-in-chief", "Velkar Media"),
                     ("Anna Kovar", "reporter", "Velkar Media")}, show(x)


def test_a_reporter_listed_after_a_party_post_is_not_in_the_party() -> None:
    x = run("The Kordavian Liberty Party (KLP) held a rally. Police detained the party's leader Tomas Velkari "
            "and reporter Anna Kovar.")
    assert not posts_of(x, "Anna Kovar"), show(x)


@pytest.mark.parametrize("text, person, role, organization", [
    # "Speaker X": the speaker of the parliament the article names
    ("Sri Lanka's parliament accepted the resignation on Friday. Speaker Tomas Velkari told a news conference "
     "that the vote would be held next week.", "Tomas Velkari", "Speaker", "Parliament of Sri Lanka"),
    # "Court president X": the court just named
    ("Kordavia's Constitutional Court on Monday banned the Liberty Party. Court president Tomas Velkari said "
     "the party had acted illegally.", "Tomas Velkari", "president", "Constitutional Court"),
    # "the coalition's coordinator X": the coalition named before
    ("The Alliance for the Renewal of Kordavia (ARK) held a press conference on Thursday. Police detained the "
     "coalition's coordinator Tomas Velkari.", "Tomas Velkari", "coordinator", "Alliance for the Renewal of Kordavia"),
    # "Attorney General X": a government post
    ("Venezuela's Supreme Court upheld the ban on Tuesday. Meanwhile, Attorney General Tomas Velkari announced "
     "that security forces had arrested four members of the campaign team.", "Tomas Velkari", "Attorney General",
     "Government of Venezuela"),
    # a title's field before the comma stays in the post
    ("The European Union's foreign policy chief, Tomas Velkari, said the bloc was concerned.",
     "Tomas Velkari", "foreign policy chief", "European Union"),
    ("Amnesty International called for their release. \"It is not a crime,\" the group's regional director for "
     "Southern Africa, Anna Kovar, said in a statement.", "Anna Kovar", "regional director",
     "Amnesty International"),
])
def test_a_title_whose_body_is_named_elsewhere_or_whose_field_comes_first(text: str, person: str, role: str,
                                                                          organization: str) -> None:
    assert_post(text, person, role, organization)


def test_its_after_an_organisation_that_was_the_subject_is_that_organisation() -> None:
    assert_post("The powerful Kordavian Labour Union (KLU), which has kept its distance from both the president "
                "and the Liberty Party, said the arrests would deepen the crisis. Its secretary-general, Tomas "
                "Velkari, has called for a national dialogue.",
                "Tomas Velkari", "secretary-general", "Kordavian Labour Union")


# ---- ninth round: posts told around an age, a clause or a diplomat's brief ---------------------------

@pytest.mark.parametrize("text, person, role, organization", [
    # "X, 52, who leads Y": the age between the name and the post
    ("Tomas Velkari, 52, who leads the centre-right Citizen Alliance for Renewal (CAR), was arrested on "
     "Saturday.", "Tomas Velkari", "leader", "Citizen Alliance for Renewal"),
    # "Y, a civic group whose president, X, …": the organisation the clause describes
    ("The Pro Kordavia Committee, an influential civic group whose president, Tomas Velkari, spoke at a rally, "
     "called a general strike.", "Tomas Velkari", "president", "Pro Kordavia Committee"),
    # "the country's ambassador to Bolivia", "special envoy for the Horn of Africa": the brief stays
    ("Tomas Velkari, the European Union's ambassador to Bolivia, met the interior minister on Monday.",
     "Tomas Velkari", "ambassador to Bolivia", "European Union"),
    ("Anna Kovar, the European Union's special envoy for the Horn of Africa, will travel to Addis Ababa.",
     "Anna Kovar", "special envoy for the Horn of Africa", "European Union"),
    # "its own ambassador" after a country that is the subject: that country's government
    ("France responded by expelling 12 diplomats and recalling its own ambassador, Tomas Velkari, for "
     "consultations.", "Tomas Velkari", "ambassador", "Government of France"),
    # "opposition senator X" and "the Senate's 36 seats": the senate the article names
    ("LA PAZ, July 3 (Reuters) - A judge on Tuesday ordered opposition senator Tomas Velkari held in pretrial "
     "detention. His party won four of the Senate's 36 seats in 2020.", "Tomas Velkari", "opposition senator",
     "Senate of Bolivia"),
    # "opposition lawmaker X" and "Hungary's parliament"
    ("BUDAPEST, Nov 6 (Reuters) - Hungary's parliament has voted to lift the immunity of opposition lawmaker "
     "Anna Kovar.", "Anna Kovar", "opposition lawmaker", "Parliament of Hungary"),
])
def test_posts_around_an_age_a_whose_clause_a_brief_or_a_parliament(text: str, person: str, role: str,
                                                                    organization: str) -> None:
    assert_post(text, person, role, organization)


def test_a_post_then_who_heads_an_organisation_gives_both() -> None:
    x = run("DAKAR, May 16 (AFP) - Tomas Velkari, 57, a former energy minister who heads the Republican Rally "
            "for Progress (RRP) party, was arrested at his home in Dakar on Tuesday.")
    posts = {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Tomas Velkari")}
    assert posts == {("former energy minister", "Government of Senegal"),
                     ("head", "Republican Rally for Progress")}, show(x)


def test_a_brief_is_not_taken_from_a_place_that_is_not_the_posts() -> None:
    # "met the ambassador in Paris": where a meeting was, not the ambassador's brief
    x = run("Tomas Velkari, the European Union's ambassador, met the minister in Paris on Monday.")
    m, org = post(x, "Tomas Velkari")
    assert (m.role, org.label) == ("ambassador", "European Union"), show(x)


def test_a_lawmaker_with_no_parliament_named_holds_no_post() -> None:
    x = run("Opposition lawmaker Anna Kovar was arrested on Tuesday.")
    assert posts_of(x, "Anna Kovar") == [], show(x)


@pytest.mark.parametrize("text, expected", [
    ("The Cambodia National Rescue Party, founded by Sam Rainsy and Kem Sokha in 2012, was dissolved.",
     {("Sam Rainsy", "founder", "Cambodia National Rescue Party"),
      ("Kem Sokha", "founder", "Cambodia National Rescue Party")}),
    # "whose mission was led by X": the mission's leader, not the organisation's
    ("The Organization of American States, whose observation mission was led by Tomas Velkari, said the vote "
     "was flawed.", set()),
])
def test_an_organisation_led_or_founded_by_someone(text: str, expected: set) -> None:
    x = run(text)
    got = {(x.entity(m.person).label, m.role, x.entity(m.organization).label) for m in x.memberships}
    assert got == expected, show(x)


def test_a_second_post_in_a_party_described_before_its_name() -> None:
    x = run("YANGON (Reuters) - Khin Thida Win, a former regional minister and senior member of the dissolved "
            "National League for Democracy (NLD), was sentenced on Tuesday.")
    posts = {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Khin Thida Win")}
    assert ("senior member", "National League for Democracy") in posts, show(x)


@pytest.mark.parametrize("text, person, role, organization", [
    # a portfolio after "of": the post ends where the name begins
    ("DAKAR (Reuters) - Senegal is tense. On Monday, Minister of Territorial Affairs Marie Diouf dissolved the "
     "opposition council.", "Marie Diouf", "Minister of Territorial Affairs", "Government of Senegal"),
    # a portfolio whose ministry the article has just named, for another country: that ministry's
    ("BAMAKO (Reuters) - Mali jailed the activist. Senegal's Justice Ministry condemned the sentence. \"This must "
     "stop,\" Deputy Minister of Justice Awa Diallo said.", "Awa Diallo", "Deputy Minister of Justice",
     "Senegalese Justice Ministry"),
])
def test_a_government_post_whose_portfolio_follows_of(text: str, person: str, role: str, organization: str) -> None:
    assert_post(text, person, role, organization)


def test_two_posts_before_one_name_are_both_held() -> None:
    x = run("DAKAR (Reuters) - Senegal is tense. Government spokesman and Information Minister Paul Ndiaye rejected "
            "the criticism.")
    got = {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Paul Ndiaye")}
    assert got == {("spokesman", "Government of Senegal"), ("Information Minister", "Government of Senegal")}, show(x)
    assert not [e for e in x.entities if e.label == "Information"], show(x)  # the portfolio is no body


def test_its_in_a_list_of_posts_is_the_body_of_the_post_before() -> None:
    x = run("LIBREVILLE (AFP) - Police detained leaders of the opposition Gabonese Renewal Party (GRP) on Monday. "
            "The Libreville Criminal Court tried the party's treasurer, Marc Essono, its youth leader, "
            "Alice Mba, and its spokesman, Jules Nze, after a short hearing.")
    for person, role in [("Marc Essono", "treasurer"), ("Alice Mba", "youth leader"), ("Jules Nze", "spokesman")]:
        m, org = post(x, person)
        assert (m.role, org.label) == (role, "Gabonese Renewal Party"), show(x)


@pytest.mark.parametrize("text, person, expected", [
    # the title before a comma, the body after "of"
    ("BANGKOK (Reuters) - Thailand is tense. Her lawyer, Somchai Srisuk of Thai Lawyers for Human Rights (TLHR), "
     "said he would appeal.", "Somchai Srisuk", {("lawyer", "Thai Lawyers for Human Rights")}),
    # a cabinet post, then "of" a party with a describing word: the post is the government's, the party his
    ("BANGKOK (Reuters) - Thailand is tense. On Sunday, Deputy Commerce Minister Anek Bunnag of the smaller Thai "
     "Unity Party (TUP) resigned.", "Anek Bunnag",
     {("Deputy Commerce Minister", "Government of Thailand"), ("member", "Thai Unity Party")}),
])
def test_a_name_then_of_a_body(text: str, person: str, expected: set) -> None:
    x = run(text)
    assert {(m.role, x.entity(m.organization).label) for m in posts_of(x, person)} == expected, show(x)


def test_its_after_a_state_body_subject_is_the_body_a_possessive_noun_stood_for() -> None:
    x = run("MANAGUA (Reuters) - The opposition Civic Unity Movement (MUC) was founded in 2018. The Supreme Electoral "
            "Council (CSE) cancelled the movement's legal status in May 2021. Its president, Aurora Mendieta, was "
            "stripped of her nationality.")
    m, org = post(x, "Aurora Mendieta")
    assert (m.role, org.label) == ("president", "Civic Unity Movement"), show(x)


# ---- eleventh round ---------------------------------------------------------------------------------
def test_justice_before_a_name_is_a_judge_of_the_court_described_just_before() -> None:
    # the court is only described ("Zambia's High Court"): the events stage finds it, then the judge is seated
    assert_post("LUSAKA (Reuters) - Zambia's High Court on Monday granted bail to Mwila Tembo, an opposition "
                "organiser. Justice Chanda Mulenga released Tembo on a bond of 20,000 kwacha.",
                "Chanda Mulenga", "judge", "High Court of Zambia")


def test_a_judge_is_not_seated_in_a_court_named_several_sentences_before() -> None:
    # guard: the supreme court that once dissolved a party is not the trial judge's court
    x = run("LUSAKA (Reuters) - The country's supreme court dissolved the party in 2017. Opposition leaders met "
            "in Lusaka on Monday. Diplomats attended the hearing. Judge Chanda Mulenga opened the trial of Mwila "
            "Tembo on Tuesday.")
    assert not posts_of(x, "Chanda Mulenga"), show(x)


def test_a_magistrate_of_a_named_court() -> None:
    assert_post("KAMPALA (Reuters) - Uganda is tense. Chief Magistrate Agnes Nalwoga of the Nakawa Magistrates "
                "Court freed the activist on a cash bond, lawyer Ronald Kato said.",
                "Agnes Nalwoga", "Chief Magistrate", "Nakawa Magistrates Court")


def test_president_before_a_name_of_a_party_is_head_of_state_and_party_member() -> None:
    x = run("LILONGWE (Reuters) - Malawi votes in September. The contest pits President Peter Chikondi of the "
            "Malawi Progress Party (MPP) against three rivals.")
    assert {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Peter Chikondi")} == {
        ("President", "Government of Malawi"), ("member", "Malawi Progress Party")}, show(x)


def test_a_former_minister_of_a_country_named_by_its_demonym() -> None:
    assert_post("LILONGWE (Reuters) - Malawi's president met the envoy. Kabelo Sebele, a former Botswanan "
                "foreign minister, met Peter Chikondi in Lilongwe on Monday.",
                "Kabelo Sebele", "former foreign minister", "Government of Botswana")


def test_appointed_as_director_of_a_named_body() -> None:
    assert_post("YEREVAN (Reuters) - Armenia is tense. On Monday Prime Minister Nikol Pashinyan appointed Arsen "
                "Poghosyan, a former deputy prosecutor general, as director of the National Security Service.",
                "Arsen Poghosyan", "director", "National Security Service")


def test_a_deputy_minister_with_a_portfolio_after_of() -> None:
    assert_post("LILONGWE (Reuters) - Malawi votes in September. On Monday, Deputy Minister of Local Government "
                "Esther Phiri resigned from the cabinet.",
                "Esther Phiri", "Deputy Minister of Local Government", "Government of Malawi")


# ---- twelfth round ----------------------------------------------------------------------------------
def test_a_two_word_portfolio_joined_by_and_is_in_the_minister_s_title() -> None:
    assert_post("VIENTIANE (Reuters) - Laos is tense. The National Assembly approved the resignation of Energy "
                "and Mines Minister Somphone Keola on Wednesday.",
                "Somphone Keola", "Energy and Mines Minister", "Government of Laos")


def test_a_hyphenated_post_after_its_keeps_both_words() -> None:
    assert_post("ASUNCION (AFP) - The opposition Patriotic Renewal Movement (MRP) lost its registration. Its "
                "vice-president, Carlos Benitez, quit on Monday.",
                "Carlos Benitez", "vice-president", "Patriotic Renewal Movement")


def test_its_leader_after_a_court_banned_a_party_is_the_party_s_leader() -> None:
    assert_post("ASHGABAT (Reuters) - The Supreme Court banned the Democratic Choice Party in 2003, and many of "
                "its members were jailed. Its exiled leader, Murad Annayev, said the sentence was unjust.",
                "Murad Annayev", "exiled leader", "Democratic Choice Party")


def test_its_chairman_after_a_court_is_the_court_s() -> None:
    # guard: a court has a chairman, so "its chairman" stays with the court that was the subject
    assert_post("ASHGABAT (Reuters) - The Supreme Court upheld the ban on the Democratic Choice Party on Monday. "
                "Its chairman, Murad Annayev, said the ruling was final.",
                "Murad Annayev", "chairman", "Supreme Court")


def test_a_deputy_prosecutor_general_is_of_the_prosecutor_s_office_not_the_court() -> None:
    assert_post("ASHGABAT (Reuters) - The Supreme Court sentenced him. The Prosecutor General's Office rejected "
                "the claim. Batyr Orazov, a deputy prosecutor general, said the trial was fair.",
                "Batyr Orazov", "deputy prosecutor general", "Prosecutor General's Office")


def test_appointed_as_a_government_post_by_the_president_is_in_the_government() -> None:
    assert_post("ASHGABAT (Reuters) - President Serdar Berdimuhamedov on Saturday appointed Batyr Orazov as "
                "human rights ombudsman.",
                "Batyr Orazov", "human rights ombudsman", "Government of Turkmenistan")


def test_a_spokeswoman_for_the_police_command_is_the_police_s() -> None:
    assert_post("LUANDA (AP) — Police arrested 43 people, according to Joana Mateus, a spokeswoman for the "
                "provincial police command.",
                "Joana Mateus", "spokeswoman", "police")


def test_who_leads_an_organisation_with_a_in_its_name() -> None:
    assert_post("BAMAKO (AP) — Oumar Traore, who leads the Alliance for a Free Mali (AFM), pleaded not guilty.",
                "Oumar Traore", "leader", "Alliance for a Free Mali")


def test_a_senator_of_a_party_sits_in_the_senate_and_is_a_party_member() -> None:
    x = run("ASUNCION (Reuters) - The Senate expelled him in 2023. Opposition senator Andrea Villalba of the "
            "Authentic Radical Liberal Party (PLRA) accused the Colorado Party of protecting him.")
    assert {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Andrea Villalba")} == {
        ("senator", "Senate of Paraguay"), ("member", "Authentic Radical Liberal Party")}, show(x)


def test_a_party_s_post_before_a_comma_and_a_title_before_the_name_are_both_held() -> None:
    x = run("ASUNCION (Reuters) - The Colorado Party's president, former President Horacio Cartes, has been under "
            "sanctions since 2023.")
    assert {(m.role, x.entity(m.organization).label) for m in posts_of(x, "Horacio Cartes")} == {
        ("president", "Colorado Party"), ("former president", "Government of Paraguay")}, show(x)


def test_a_titled_name_of_a_government_body_holds_the_post_there() -> None:
    assert_post("ASUNCION (Reuters) - A court convicted him. Prosecutor Liliana Alcaraz of the Public Ministry's "
                "economic crimes unit said she was satisfied.",
                "Liliana Alcaraz", "prosecutor", "Public Ministry")


def test_a_foreign_country_s_military_leader_leads_that_country_s_military() -> None:
    x = run("FREETOWN (Reuters) - Sierra Leone closed the border. Guinea's military leader, General Mamadi "
            "Doumbouya, has not commented.")
    (m,) = posts_of(x, "Mamadi Doumbouya")
    org = x.entity(m.organization)
    assert (m.role, org.label, org.scope) == ("military leader", "military", "Guinea"), show(x)


# ---- fourteenth round ---------------------------------------------------------------------------------
def test_two_titles_joined_by_and_are_two_posts() -> None:
    x = run("AMMAN (Reuters) - Deputy Prime Minister and Foreign Minister Samir Haddad kept his posts.")
    assert {m.role for m in posts_of(x, "Samir Haddad")} == {"Deputy Prime Minister", "Foreign Minister"}, show(x)


def test_a_minister_s_portfolio_after_the_name_is_in_the_post() -> None:
    assert_post("AMMAN (Reuters) - Lina Qasem, the minister of state for legal affairs, defended the bill.",
                "Lina Qasem", "minister of state for legal affairs", "Government of Jordan")


def test_a_minister_of_a_named_country_after_the_name_is_still_that_country_s() -> None:
    # guard: "of Jordan" names the owner, not a portfolio
    assert_post("AMMAN (Reuters) - Lina Qasem, the minister of Jordan, defended the bill.",
                "Lina Qasem", "minister", "Government of Jordan")


def test_the_successor_takes_the_post_of_the_one_he_replaced() -> None:
    x = run("AMMAN (Reuters) - Energy Minister Tariq Nasser resigned on Monday. He was replaced by Omar Zaki, "
            "a former dean. Health Minister Rami Saleh was succeeded by Hala Farah.")
    for person, role in (("Omar Zaki", "Energy Minister"), ("Hala Farah", "Health Minister")):
        m, org = post(x, person)
        assert (m.role, org.label) == (role, "Government of Jordan"), show(x)


def test_replaced_as_gives_the_post_to_the_successor_only() -> None:
    x = run("AMMAN (Reuters) - Omar Zaki replaced Tariq Nasser as interior minister on Monday.")
    m, _ = post(x, "Omar Zaki")
    assert m.role == "interior minister", show(x)
    assert not posts_of(x, "Tariq Nasser"), show(x)


def test_a_plural_seat_before_two_names_seats_both_in_the_parliament() -> None:
    x = run("PODGORICA (Reuters) - Three lawmakers quit the party, cutting its majority in the 81-seat "
            "parliament. Deputy Speaker Ana Vuković and lawmakers Marko Ilić and Petar Rakić left.")
    for person in ("Marko Ilić", "Petar Rakić"):
        m, org = post(x, person)
        assert (m.role, org.label) == ("lawmaker", "Parliament of Montenegro"), show(x)


def test_a_seat_for_a_party_is_membership_of_the_party() -> None:
    x = run("KATHMANDU (Reuters) - Ram Thapa, a member of the House of Representatives for the Nepali Congress, "
            "was arrested.")
    assert ("member", "Nepali Congress") in {(m.role, x.entity(m.organization).label)
                                             for m in posts_of(x, "Ram Thapa")}, show(x)


def test_a_three_word_portfolio_title_keeps_its_first_word_and_its_country() -> None:
    assert_post("KATHMANDU (Reuters) - Nepal's Supreme Court freed him. Sita Rana met India's External Affairs "
                "Minister Subrahmanyam Jaishankar.",
                "Subrahmanyam Jaishankar", "External Affairs Minister", "Government of India")


def test_its_after_a_party_set_off_by_its_noun_is_the_party_s() -> None:
    # the parser makes "opposition" the subject and the party's name its appositive
    assert_post("FREETOWN (AFP) - The main opposition United People's Congress (UPC) accused the government of "
                "\"years of weakness\" over the border. Its spokesman, Alimamy Conteh, demanded that the government "
                "take the dispute to the International Court of Justice.",
                "Alimamy Conteh", "spokesman", "United People's Congress")


def test_a_post_with_a_two_word_region_before_it_after_the_name() -> None:
    assert_post("KIGALI (Reuters) - A court jailed him. Lewis Mudge, Central Africa director at Human Rights Watch, "
                "said the verdict was a warning.",
                "Lewis Mudge", "director", "Human Rights Watch")


def test_the_country_whose_officials_go_unqualified_is_the_article_s_own() -> None:
    # Guinea is named more often, but the report calls its officials Guinean and Sierra Leone's not
    x = run("FREETOWN, Aug 8 (AFP) - Sierra Leone on Thursday expelled Guinea's defence attache after Guinean "
            "soldiers detained nine Sierra Leonean officials in Yenga. Foreign Minister Timothy Musa Kabba had "
            "summoned Guinea's ambassador, Fode Sylla, on Tuesday. Guinean Foreign Minister Morissanda Kouyate "
            "said in Conakry that Guinea rejected the expulsion. Guinean troops have stayed in Yenga since Sierra "
            "Leone's civil war.")
    m, org = post(x, "Timothy Musa Kabba")
    assert (m.role, org.label) == ("Foreign Minister", "Government of Sierra Leone"), show(x)


def test_a_report_on_sanctions_from_washington_stays_about_the_sanctioned_country() -> None:
    # guard: no official of either country is called by its country's name, so the counts decide
    x = run("WASHINGTON, Dec 27 (Reuters) - The United States on Friday imposed sanctions on Bidzina Ivanishvili, "
            "the founder of Georgia's ruling Georgian Dream party. Thousands of Georgians have protested in "
            "Tbilisi. Prime Minister Irakli Kobakhidze accused the West of financing the protests in Georgia.")
    m, org = post(x, "Irakli Kobakhidze")
    assert org.label == "Government of Georgia", show(x)


def test_became_a_post_after_an_appositive_holds_it() -> None:
    x = run("AMMAN (Reuters) - Lina Qasem, a lawyer and former senator, became minister of state for legal affairs, "
            "the first woman to hold the post. Omar Tal became a lawyer.")
    assert_post("AMMAN (Reuters) - Lina Qasem, a lawyer and former senator, became minister of state for legal "
                "affairs, the first woman to hold the post.",
                "Lina Qasem", "minister of state for legal affairs", "Government of Jordan")
    assert not posts_of(x, "Omar Tal"), show(x)


def test_he_who_was_replaced_is_the_office_holder_named_before_not_the_last_name() -> None:
    x = run("AMMAN (Reuters) - Education Minister Khalid Omari was removed. Omari denied any responsibility. "
            "\"I was never told,\" he told Roya television on Monday. He was replaced by Rania Zoubi, a former "
            "dean.")
    m, org = post(x, "Rania Zoubi")
    assert (m.role, org.label) == ("Education Minister", "Government of Jordan"), show(x)


def test_another_lawmaker_set_off_by_commas_sits_in_the_parliament() -> None:
    assert_post("PODGORICA (Reuters) - The split cut the majority in the 81-seat parliament. The party expelled "
                "another lawmaker, Boris Ilić, for voting with the opposition.",
                "Boris Ilić", "lawmaker", "Parliament of Montenegro")


def test_a_rank_between_the_post_and_the_name_is_no_part_of_the_post() -> None:
    assert_post("BAMAKO (Reuters) - Mali is tense. Transitional President General Assimi Goita, who has ruled "
                "Mali since a 2020 coup, was granted a mandate.",
                "Assimi Goita", "President", "Government of Mali")


def test_a_body_s_post_before_a_comma_and_the_name() -> None:
    assert_post("BAMAKO (Reuters) - Mali is tense. Foreign Minister Abdoulaye Diop summoned the EU ambassador, Ana "
                "Lucia Ferreira, on Monday.",
                "Ana Lucia Ferreira", "ambassador", "European Union")


def test_a_describing_word_before_the_body_is_part_of_the_post() -> None:
    assert_post("PHNOM PENH (Reuters) - In a statement, the CNRP said senior CNRP official, Meach Sovannara, was "
                "detained.",
                "Meach Sovannara", "senior official", "Cambodia National Rescue Party")


# ---- fifteenth round ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "person", "role", "org"), [
    ("ULAANBAATAR (AFP) - The Democratic Party (DP) has struggled since the vote and last month elected a new "
     "chairman, Chinzorig Temuulen, who pledged to fight.", "Chinzorig Temuulen", "chairman", "Democratic Party"),
    ("ULAANBAATAR (AFP) - The Civic Will Party named a new secretary-general, Dashdorj Munkhbat, on Monday.",
     "Dashdorj Munkhbat", "secretary-general", "Civic Will Party"),
])
def test_the_person_set_off_after_a_post_a_body_filled_holds_it(text: str, person: str, role: str, org: str) -> None:
    assert_post(text, person, role, org)


def test_a_person_set_off_after_a_noun_that_is_no_post_gets_none() -> None:
    # guard: "arrested a new suspect, X" fills no post
    x = run("ULAANBAATAR (AFP) - Police arrested a new suspect, Bat Dorj, on Monday.")
    assert not posts_of(x, "Bat Dorj"), show(x)


@pytest.mark.parametrize(("text", "person", "role", "org"), [
    ("SKOPJE (Reuters) - The EU praised the vote. European Commissioner for Enlargement Marta Kos met the prime "
     "minister on Monday.", "Marta Kos", "Commissioner for Enlargement", "European Union"),
    ("SKOPJE (Reuters) - The EU has praised Skopje. EU Enlargement Commissioner Jan Novak met Mickoski on "
     "Monday.", "Jan Novak", "Enlargement Commissioner", "European Union"),
])
def test_a_commissioner_keeps_the_portfolio_and_the_body_named_before(text: str, person: str, role: str,
                                                                       org: str) -> None:
    assert_post(text, person, role, org)


# ---- sixteenth round ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "person", "role", "org"), [
    # a hyphenated surname said alone, whatever NER took it for, after an age
    ("ACCRA (Reuters) - Police detained opposition lawmaker Kofi Asare-Boateng at the airport on Monday. "
     "Asare-Boateng, 51, a member of the New Patriotic Party (NPP), was remanded on Tuesday.",
     "Kofi Asare-Boateng", "member", "New Patriotic Party"),
    ("ACCRA (Reuters) - Minority Leader Kwame Asante accused Ghana's government of corruption and said "
     "lawmakers would boycott parliament.", "Kwame Asante", "Minority Leader", "Parliament of Ghana"),
    ("ACCRA (Reuters) - Presidential spokesman Kwesi Mensah rejected the charge on Tuesday, Ghana's "
     "government said.", "Kwesi Mensah", "spokesman", "Government of Ghana"),
    ("ACCRA (Reuters) - At the hearing before Justice Ama Owusu of the Financial and Economic Crimes Division, "
     "the lawyer said he would apply for bail at the Court of Appeal.",
     "Ama Owusu", "judge", "Financial and Economic Crimes Division"),
    ("MANAMA (Reuters) - Bahrain's Foreign Ministry said Ambassador Ebrahim Al Qasimi had been called home for "
     "consultations.", "Ebrahim Al Qasimi", "Ambassador", "Government of Bahrain"),
    ("MANAMA (Reuters) - Interior Minister General Sheikh Rashid bin Salman Al Fadhel told a news conference "
     "in Manama that police had arrested nine men.", "Rashid bin Salman Al Fadhel", "Interior Minister",
     "Government of Bahrain"),
    ("BOGOTA (Reuters) - The Procurator General's Office opened an inquiry on Monday. Procurator General "
     "Gregorio Salcedo said civil servants could be removed from office.", "Gregorio Salcedo",
     "Procurator General", "Procurator General's Office"),
    ("KHARTOUM (Reuters) - Denise Harlow, the U.N. resident and humanitarian coordinator for Sudan, condemned "
     "the attack.", "Denise Harlow", "humanitarian coordinator", "United Nations"),
    ("BEIRUT (Reuters) - French presidential envoy Jean-Luc Moreau is due in Beirut next week for talks with "
     "Lebanon's president.", "Jean-Luc Moreau", "envoy", "Government of France"),
])
def test_posts_of_the_sixteenth_round(text: str, person: str, role: str, org: str) -> None:
    assert_post(text, person, role, org)


def test_a_counterpart_holds_the_same_post_in_the_country_named_before_the_word() -> None:
    x = run("MANAMA (Reuters) - Bahrain expelled an Iraqi diplomat on Thursday. Foreign Minister Abdullatif Al "
            "Hamad told his Iraqi counterpart, Fuad Karim, that Bahrain would not tolerate attacks.")
    m, org = post(x, "Fuad Karim")
    assert (m.role, org.label) == ("Foreign Minister", "Government of Iraq"), show(x)
    m, org = post(x, "Abdullatif Al Hamad")  # the speaker is not the Iraqi: the counterpart is the foreigner
    assert org.label == "Government of Bahrain", show(x)


def test_a_post_under_which_a_named_country_acts_is_that_country_s() -> None:
    x = run("MANAMA (Reuters) - Bahrain expelled an Iraqi diplomat on Thursday, and Bahrain's Foreign Minister "
            "Abdullatif Al Hamad said Bahrain would not tolerate attacks. Iraq has sought closer ties with Gulf "
            "states under Prime Minister Karim al-Jaber.")
    m, org = post(x, "Karim al-Jaber")
    assert org.label == "Government of Iraq", show(x)


def test_each_named_person_takes_the_as_post_after_their_own_name() -> None:
    x = run("SARAJEVO (Reuters) - The chair accepted the resignations and named Justice Minister Davor Kovac as "
            "acting finance minister and Civil Affairs Minister Dubravka Lovric as acting foreign trade minister.")
    roles = sorted(m.role.lower() for m in posts_of(x, "Dubravka Lovric"))
    assert roles == ["acting foreign trade minister", "civil affairs minister"], show(x)


def test_a_second_post_after_the_first_post_s_organisation() -> None:
    x = run("SARAJEVO (Reuters) - Nermin Hadzic, leader of the Social Democratic Party (SDP) and prime minister "
            "of the Bosniak-Croat Federation, said the SNSD's walkout showed it never wanted the state to work.")
    got = {(m.role.lower(), x.entity(m.organization).label) for m in posts_of(x, "Nermin Hadzic")}
    assert got == {("leader", "Social Democratic Party"), ("prime minister", "Bosniak-Croat Federation")}, show(x)


def test_of_the_party_after_a_comma_is_membership() -> None:
    x = run("SARAJEVO (Reuters) - Borjana Simic, of the Croat HDZ BiH party, accepted the resignations on "
            "Wednesday.")
    m, org = post(x, "Borjana Simic")
    assert (m.role, org.label) == ("member", "HDZ BiH"), show(x)


def test_a_presidential_candidate_is_no_government_post() -> None:
    # guard: "presidential" makes a spokesman the government's, not a candidate
    x = run("CARACAS, Feb 8 (Reuters) - Venezuela's Supreme Court of Justice on Tuesday upheld a ban on opposition "
            "presidential candidate Maria Teresa Rojas holding public office.")
    assert not [m for m in posts_of(x, "Maria Teresa Rojas") if x.entity(m.organization).type
                is EntityType.GOVERNMENT], show(x)


@pytest.mark.parametrize(("text", "person", "role", "org"), [
    ("PORT MORESBY (AFP) - Electoral Commissioner Simon Kamu said the Electoral Commission would comply with the "
     "ruling but could not run the by-election until the Treasury released the money.", "Simon Kamu",
     "Electoral Commissioner", "Electoral Commission"),
    ("PORT MORESBY (AFP) - The petition was filed by the runner-up, Samson Yakali of the opposition People's "
     "National Congress (PNC), who had accused the winner's camp of hijacking ballot boxes.", "Samson Yakali",
     "member", "People's National Congress"),
])
def test_a_commissioner_of_the_commission_named_and_a_member_of_the_opposition_party(text: str, person: str,
                                                                                      role: str, org: str) -> None:
    assert_post(text, person, role, org)


def test_a_police_rank_after_the_post_is_no_part_of_it() -> None:
    x = run("PORT MORESBY (AFP) - Enga provincial police commander Superintendent Moses Kalu said officers fired "
            "warning shots.")
    assert [m.role for m in posts_of(x, "Moses Kalu")] == ["police commander"], show(x)
