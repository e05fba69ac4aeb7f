"""extract(article) -> Extraction: the stages run in order over one parsed document.

Data flows one way: text → spaCy Doc → entities → memberships, events. A failing article is
returned as an error object so a batch keeps every good article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import gazetteer, nlp
from .entities import find_entities
from .errors import InputError, PolgraphError
from .events import find_events
from .model import Article, Extraction, Sentence
from .nlp import token_starts
from .roles import find_memberships, place_court_posts

BATCH_CHARS = 500_000
"""spaCy parses a batch at once and its memory grows with the batch's text (about 3 GB per 1M
characters), so a batch is cut short once it holds this many characters."""


def extract(article: Article) -> Extraction:
    """Extract entities, memberships and events from one article."""
    return extract_doc(article, nlp.parse(article.text))


def extract_doc(article: Article, doc: Doc) -> Extraction:
    """Run the extraction stages over an already parsed article."""
    gaz = gazetteer.default()
    try:
        index = find_entities(doc, gaz)
        sentences = _sentences(doc, index.sent_of, article.text)
        memberships, index, court_posts = find_memberships(doc, index, gaz, article)
        events, index = find_events(doc, index, article, gaz, tuple(memberships))
        memberships += place_court_posts(court_posts, index, memberships)
    finally:
        nlp.forget_columns(doc)  # a caller may change the document before extracting from it again
    return Extraction(article=article, sentences=sentences, entities=index.entities,
                      memberships=tuple(memberships), events=tuple(events), model=nlp.describe())


def _sentences(doc: Doc, sent_of: tuple[int, ...], text: str) -> tuple[Sentence, ...]:
    """The document's sentences with their character offsets, from the token → sentence map the
    entity stage computed (walking doc.sents again would build every token and span anew)."""
    from spacy.attrs import LENGTH

    starts, lengths = token_starts(doc), doc.to_array(LENGTH).tolist() if len(doc) else []
    out: list[Sentence] = []
    first = 0
    for i in range(1, len(sent_of) + 1):
        if i == len(sent_of) or sent_of[i] != sent_of[first]:
            begin, end = starts[first], starts[i - 1] + lengths[i - 1]
            out.append(Sentence(sent_of[first], begin, end, text[begin:end]))
            first = i
    return tuple(out)


def extract_all(items: Iterable[Article | InputError], *, batch_size: int = 16
                ) -> Iterator[Extraction | PolgraphError]:
    """Extract a stream of articles; errors (bad inputs, failing articles) are yielded, not raised."""
    pending: list[Article] = []

    def parsed() -> Iterator[tuple[Article, Doc | Exception]]:
        done = 0
        try:
            for doc in nlp.parse_many(a.text for a in pending):
                yield pending[done], doc
                done += 1
        except PolgraphError:  # no model: nothing can be extracted, so it is not one article's fault
            raise
        except Exception:  # spaCy refused one of the texts: parse the rest one by one to find it
            for article in pending[done:]:
                try:
                    yield article, nlp.parse(article.text)
                except PolgraphError:
                    raise
                except Exception as exc:
                    yield article, exc

    def flush() -> Iterator[Extraction | PolgraphError]:
        for article, doc in parsed():
            try:
                if isinstance(doc, Exception):
                    raise doc
                yield extract_doc(article, doc)
            except Exception as exc:  # one bad article must never lose the others
                yield PolgraphError(f"extraction failed: {type(exc).__name__}: {exc}",
                                    source=article.source or article.id,
                                    hint="please report this article as a bug")
        pending.clear()

    for item in items:
        if isinstance(item, PolgraphError):
            yield item
            continue
        if pending and sum(len(a.text) for a in pending) + len(item.text) > BATCH_CHARS:
            yield from flush()
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
