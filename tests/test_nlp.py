"""The fast whole-document scans in nlp.py and the array-based sentence maps agree with spaCy's own
(slower) token and span objects, on hand-written text with the cases that trip array code: line
breaks that start sentences, capitalised lemmas, punctuation and quotes."""

from __future__ import annotations

from functools import lru_cache

import pytest
from spacy.tokens import Doc

from polgraph import gazetteer, nlp
from polgraph.entities import sentence_of_tokens
from polgraph.events import _quote_spans
from polgraph.pipeline import _sentences

TEXTS = [
    "Police ARRESTED three activists on Monday. The court said they must appear.\n\nHeng Chivoan",
    "“We will not flee,” Sam Rainsy said. He had 30 days to respond.\nThe Arrests were condemned.",
    "",
    "One word",
    "The Cambodia National Rescue Party (CNRP) and Human Rights Watch met in Phnom Penh.\n"
    "Anti-Corruption Unit officials arrested him. Governments should release them.",
]


@lru_cache(maxsize=16)
def parsed(text: str) -> Doc:
    return nlp.parse(text)


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_map_matches_doc_sents(text: str) -> None:
    doc = parsed(text)
    expected = [n for n, sent in enumerate(doc.sents) for _ in sent]
    assert list(sentence_of_tokens(doc)) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_match_doc_sents(text: str) -> None:
    doc = parsed(text)
    got = [(s.index, s.begin, s.end, s.text) for s in _sentences(doc, sentence_of_tokens(doc), text)]
    assert got == [(n, s.start_char, s.end_char, s.text) for n, s in enumerate(doc.sents)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("lemmas", [{"arrest"}, {"arrest", "say", "have"}, frozenset({"release", "court"})])
def test_tokens_with_lemma_matches_token_lemmas(text: str, lemmas: set[str]) -> None:
    doc = parsed(text)
    assert nlp.tokens_with_lemma(doc, lemmas) == [t.i for t in doc if t.lemma_.lower() in lemmas]
    assert nlp.tokens_with_lemma(doc, lemmas) == [t.i for t in doc if t.lemma_.lower() in lemmas]  # cached


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_with_and_tagged_match_token_attributes(text: str) -> None:
    doc = parsed(text)
    assert nlp.tokens_with(doc, "LOWER", {"the", "must"}) == [t.i for t in doc if t.lower_ in {"the", "must"}]
    assert nlp.tokens_with(doc, "ORTH", ["The"]) == [t.i for t in doc if t.text == "The"]
    assert nlp.tokens_tagged(doc, {"VERB", "AUX"}) == [t.i for t in doc if t.pos_ in {"VERB", "AUX"}]
    assert nlp.tokens_flagged(doc, "IS_SPACE") == [t.i for t in doc if t.is_space]
    assert nlp.tokens_flagged(doc, "IS_PUNCT") == [t.i for t in doc if t.is_punct]


def test_a_column_is_read_once_per_document_and_dropped_after_its_extraction() -> None:
    from polgraph.model import Article
    from polgraph.pipeline import extract_doc

    text = "Police arrested the activists. The court released them."
    doc = nlp.parse(text)
    first = nlp.tokens_with(doc, "LOWER", {"the"})
    column = doc.user_data[nlp._COLUMNS]["LOWER"]
    assert nlp.tokens_with(doc, "LOWER", {"the"}) == first
    assert doc.user_data[nlp._COLUMNS]["LOWER"] is column  # kept, not read again
    with doc.retokenize() as retokenizer:  # the document changes: what was kept is stale
        retokenizer.merge(doc[0:2])
    nlp.forget_columns(doc)
    assert nlp.tokens_with(doc, "LOWER", {"the"}) == [t.i for t in doc if t.lower_ == "the"] != first
    extracted = nlp.parse(text)
    extract_doc(Article(id="columns", text=text), extracted)
    assert nlp._COLUMNS not in extracted.user_data


def test_lemma_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_LEMMA_SEEN_MAX", 3)
    words = frozenset({"arrest", "police", "word"})
    big, small = parsed(TEXTS[0]), parsed(TEXTS[3])
    assert nlp.tokens_with_lemma(big, words) == [t.i for t in big if t.lemma_.lower() in words]
    assert nlp.tokens_with_lemma(small, words) == [t.i for t in small if t.lemma_.lower() in words]
    seen, hits = nlp._LEMMA_SEEN[words]
    assert seen == {t.lemma for t in small}  # the first document's lemmas were forgotten
    assert hits <= seen


@pytest.mark.parametrize(("text", "spans"), [
    ('He said "no" and left.', [(8, 12)]),
    ("“One”, “two”", [(0, 5), (7, 12)]),
    ("“Unclosed\n\nNext paragraph", [(0, 10)]),
    ('5" screen and "a quote"', [(14, 23)]),
    ("“Open to the end", [(0, 16)]),
    ("no quotes at all", []),
])
def test_quote_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert _quote_spans(text) == spans


def test_may_start_name_prefilter_agrees_with_lookup() -> None:
    gaz = gazetteer.default()
    for name in ("Human Rights Watch", "Cambodia National Rescue Party", "European Union"):
        first = gazetteer.norm(name).split()[0]
        assert gaz.lookup(name) is not None
        assert gaz.may_start_name(first)
    assert gaz.may_start_name("The")  # norm drops a leading article: the next word starts the name
    assert not gaz.may_start_name("zzyzx")
