"""`extract(article)` end to end: the Extraction is consistent, every fact's evidence slices the article
text, and `extract_all` keeps going past bad inputs.

tests/data/extraction_article.txt is a short hand-written article (invented country and party) with
front matter, curly quotes and several paragraphs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from polgraph.articles import parse_text, read_articles
from polgraph.errors import InputError
from polgraph.model import Article, Entity, EntityType, Event, Extraction, Factuality, Precision, Role
from polgraph.pipeline import extract, extract_all

ARTICLE = Path(__file__).resolve().parent / "data" / "extraction_article.txt"

SHORT_TEXTS = [
    "Prime Minister Hun Sen on Thursday asked the Justice Ministry to release the detained activists.",
    "The Cambodia National Rescue Party (CNRP) held a rally in Phnom Penh.\r\n\r\n"
    "Police said the CNRP had no permit and arrested three CNRP activists on Nov. 9.",
    "European Union trade commissioner Cecilia Malmström criticised Cambodia on Wednesday. "
    "“We are concerned,” Malmström told reporters in Brussels.",
    "Sam Rainsy plans to return to Cambodia in February next year. Rainsy said he would never flee.",
]


@lru_cache(maxsize=256)
def article_extraction() -> Extraction:
    [article] = read_articles([ARTICLE])
    return extract(article)


@lru_cache(maxsize=256)
def run(text: str, published: str | None = "2019-11-14") -> Extraction:
    front = f"---\npublished: {published}\n---\n" if published else ""
    return extract(parse_text(front + text, default_id="test-pipeline"))


def all_extractions() -> list[Extraction]:
    return [article_extraction(), *(run(t) for t in SHORT_TEXTS)]


def named(x: Extraction, name: str) -> Entity:
    found = [e for e in x.entities
             if e.label == name or name in e.aliases or any(m.text == name for m in e.mentions)]
    assert len(found) == 1, f"{len(found)} entities named {name!r}: {[e.label for e in x.entities]}"
    return found[0]


def event(x: Extraction, trigger: str) -> Event:
    found = [ev for ev in x.events if ev.trigger.lower() == trigger.lower()]
    assert len(found) == 1, f"expected one event on {trigger!r}: {[(e.trigger, e.cameo) for e in x.events]}"
    return found[0]


def labels_in(x: Extraction, ev: Event, role: Role) -> list[str]:
    return [x.entity(p.entity).label for p in ev.participants if p.role is role]


# ---- invariants over every extraction -----------------------------------------------------------

@pytest.mark.parametrize("index", range(len(SHORT_TEXTS) + 1))
def test_sentences_tile_the_text_in_order(index: int) -> None:
    x = all_extractions()[index]
    assert [s.index for s in x.sentences] == list(range(len(x.sentences)))
    previous_end = 0
    for s in x.sentences:
        assert x.article.text[s.begin:s.end] == s.text
        assert previous_end <= s.begin < s.end
        previous_end = s.end


@pytest.mark.parametrize("index", range(len(SHORT_TEXTS) + 1))
def test_every_mention_trigger_and_membership_slices_the_text(index: int) -> None:
    x = all_extractions()[index]
    text = x.article.text

    def inside_sentence(n: int, begin: int, end: int) -> bool:
        return x.sentences[n].begin <= begin < end <= x.sentences[n].end

    for e in x.entities:
        for m in e.mentions:
            assert text[m.begin:m.end] == m.text, (e.label, m)
            assert inside_sentence(m.sentence, m.begin, m.end), (e.label, m)
    for ev in x.events:
        assert text[ev.trigger_begin:ev.trigger_end] == ev.trigger, ev
        assert inside_sentence(ev.sentence, ev.trigger_begin, ev.trigger_end), ev
    for ms in x.memberships:
        assert inside_sentence(ms.sentence, ms.begin, ms.end), ms
        person = x.entity(ms.person)
        assert any(m.begin >= ms.begin and m.end <= ms.end for m in person.mentions), \
            (text[ms.begin:ms.end], person.label)


@pytest.mark.parametrize("index", range(len(SHORT_TEXTS) + 1))
def test_every_reference_names_an_entity_of_the_right_kind(index: int) -> None:
    x = all_extractions()[index]
    by_key = {e.key: e for e in x.entities}
    assert len(by_key) == len(x.entities), "entity keys must be unique"
    for e in x.entities:
        assert isinstance(e.type, EntityType)
        assert e.label and e.label.strip() == e.label
        assert all(m.entity == e.key for m in e.mentions)
        assert e.label not in e.aliases
    for ms in x.memberships:
        assert by_key[ms.person].type is EntityType.PERSON
        assert by_key[ms.organization].type.is_agent
        assert by_key[ms.organization].type not in {EntityType.PERSON, EntityType.GROUP}
        assert ms.role.strip()
    for ev in x.events:
        assert ev.participants
        assert all(p.entity in by_key for p in ev.participants)
        assert ev.place is None or by_key[ev.place].type.is_place
        assert ev.reported_by is None or ev.reported_by in by_key
        assert ev.cameo.isdigit() and 3 <= len(ev.cameo) <= 4


def test_one_entity_per_label_and_kind() -> None:
    for x in all_extractions():
        seen = [(e.type.kind, e.label.lower()) for e in x.entities]
        assert len(seen) == len(set(seen)), seen


def test_extraction_is_deterministic() -> None:
    [article] = read_articles([ARTICLE])
    assert extract(article) == article_extraction()


# ---- the hand-written article end to end --------------------------------------------------------

def test_article_metadata_and_body_offsets() -> None:
    x = article_extraction()
    assert x.article.published is not None and x.article.published.isoformat() == "2019-11-14"
    assert x.article.title == "Kordavian court frees opposition figure"
    assert x.article.text.startswith("The Supreme Court")  # offsets count from the body, not the file
    assert len(x.sentences) == 6
    assert x.model


def test_article_entities() -> None:
    x = article_extraction()
    party = named(x, "ZLP")
    assert party.label == "Zorbanian Liberty Party" and party.type is EntityType.PARTY
    morova = named(x, "Morova")
    assert morova.label == "Lena Morova" and morova.type is EntityType.PERSON
    assert named(x, "Josep Borrell").type is EntityType.PERSON
    assert named(x, "European Union").type is EntityType.IGO
    assert named(x, "ZLP activists").type is EntityType.GROUP


def test_article_lawyer_is_a_person() -> None:
    x = article_extraction()
    assert named(x, "Anton Brisk").type is EntityType.PERSON


def test_article_court_keeps_its_full_name() -> None:
    x = article_extraction()
    court = named(x, "Supreme Court of Kordavia")
    assert court.type is EntityType.COURT


def test_article_membership() -> None:
    x = article_extraction()
    key = named(x, "Lena Morova").key
    posts = [(m.role.lower(), x.entity(m.organization).label) for m in x.memberships if m.person == key]
    assert posts == [("deputy leader", "Zorbanian Liberty Party")]


def test_article_release_and_detention() -> None:
    x = article_extraction()
    released = event(x, "released")
    assert released.cameo == "0841"
    assert labels_in(x, released, Role.PATIENT) == ["Lena Morova"]
    assert released.date is not None
    assert (released.date.value, released.date.precision) == ("2019-11-11", Precision.DAY)
    assert released.factuality is Factuality.ASSERTED
    detained = event(x, "detained")
    assert detained.cameo == "173"
    assert labels_in(x, detained, Role.PATIENT) == ["Lena Morova"]
    assert x.entity(detained.place).label == "Port Emmer"


def test_article_appeal_for_release() -> None:
    x = article_extraction()
    urged = event(x, "urged")
    assert urged.cameo == "0253"
    assert labels_in(x, urged, Role.AGENT) == ["Josep Borrell"]
    assert urged.date is not None and urged.date.value == "2019-11-13"


def test_article_quoted_return_is_morovas_and_not_asserted() -> None:
    x = article_extraction()
    ret = event(x, "return")
    assert ret.cameo == "042"
    assert labels_in(x, ret, Role.AGENT) == ["Lena Morova"]
    assert ret.factuality is not Factuality.ASSERTED
    assert ret.place is not None and x.entity(ret.place).label == "Port Emmer"


# ---- text forms and batches ---------------------------------------------------------------------

CRLF_TEXT = ("---\r\npublished: 2019-11-14\r\n---\r\n"
             "“Cecilia Malmström criticised Cambodia,” a diplomat said.\r\n"
             "\r\nMalmström flew to Brussels on Wednesday.\r\n")


def test_windows_line_endings_and_non_ascii_keep_offsets_exact() -> None:
    x = extract(parse_text(CRLF_TEXT, default_id="crlf"))
    assert "\r" not in x.article.text
    assert x.entities and x.events
    for e in x.entities:
        for m in e.mentions:
            assert x.article.text[m.begin:m.end] == m.text
    for ev in x.events:
        assert x.article.text[ev.trigger_begin:ev.trigger_end] == ev.trigger


def test_quoted_non_ascii_name_is_one_person() -> None:
    x = extract(parse_text(CRLF_TEXT, default_id="crlf"))
    malmstrom = named(x, "Malmström")
    assert malmstrom.label == "Cecilia Malmström"
    assert malmstrom.type is EntityType.PERSON


def test_article_without_entities_gives_an_empty_extraction() -> None:
    x = extract(Article(id="empty", text="It rained all day and nobody came."))
    assert x.entities == () and x.events == () and x.memberships == ()
    assert len(x.sentences) == 1


def test_extract_all_passes_errors_through_and_keeps_order() -> None:
    first = Article(id="a", text=SHORT_TEXTS[0])
    second = Article(id="b", text=SHORT_TEXTS[3])
    bad = InputError("bad line", source="x.jsonl:2")
    out = list(extract_all([first, bad, second], batch_size=1))
    assert len(out) == 3
    assert isinstance(out[0], Extraction) and out[0].article is first
    assert out[1] is bad
    assert isinstance(out[2], Extraction) and out[2].article is second
    assert out[0] == extract(first)
    assert out[2] == extract(second)
