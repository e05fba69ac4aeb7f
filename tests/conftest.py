"""Shared fixtures: the seed article ingested once per session, and a hand-made extraction.

`seed_store` runs the real pipeline (spaCy loads once per session). It is shared: open it read-only
(`polgraph.open_store(seed_store, read_only=True)`, `polgraph.query(..., store=seed_store)`, the
CLI's read commands); tests that write take `seed_store_copy` instead.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import polgraph
from polgraph.ingestion import IngestReport
from polgraph.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventDate,
    Extraction,
    Membership,
    Mention,
    Participant,
    Precision,
    Resolution,
    Role,
    Sentence,
)
from polgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SEED_ARTICLES = ROOT / "data" / "articles"
QUERIES = ROOT / "queries"

SAMPLE_TEXT = ("Prime Minister Hun Sen on Thursday asked the Justice Ministry to work with the courts "
               "to grant bail to activists.")


@pytest.fixture(scope="session")
def seed_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """The bundled articles (data/articles) ingested with the real pipeline into a fresh store."""
    path = tmp_path_factory.mktemp("seed") / "store"
    report = polgraph.ingest([SEED_ARTICLES], store=path)
    assert report.ok, report.failed
    assert report.ingested == len(polgraph.read_articles(SEED_ARTICLES)) > 0
    return path, report


@pytest.fixture(scope="session")
def seed_store(seed_ingest: tuple[Path, IngestReport]) -> Path:
    """Folder of the shared seed store: read it only (see the module docstring)."""
    return seed_ingest[0]


@pytest.fixture
def seed_store_copy(seed_store: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the seed store."""
    return Path(shutil.copytree(seed_store, tmp_path / "store"))


@pytest.fixture(scope="session")
def sample_article() -> Article:
    return Article(id="test-hun-sen-bail", text=SAMPLE_TEXT,
                   title="Hun Sen orders bail for CNRP's alleged plotters",
                   url="https://example.org/hun-sen-bail", published=date(2019, 11, 14),
                   publisher="Cambodian Journalists Alliance Association", source="sample")


@pytest.fixture(scope="session")
def sample_extraction(sample_article: Article) -> Extraction:
    """A hand-made extraction of one sentence, the same facts as tests/data/model_valid.trig."""
    hun_sen = Entity("e0", "Hun Sen", EntityType.PERSON,
                     mentions=(Mention(15, 22, "Hun Sen", 0, "e0"),))
    ministry = Entity("e1", "Justice Ministry", EntityType.GOVERNMENT, aliases=("Ministry of Justice",),
                      mentions=(Mention(45, 61, "Justice Ministry", 0, "e1"),))
    government = Entity("e2", "Government of Cambodia", EntityType.GOVERNMENT)
    event = Event(sentence=0, trigger_begin=35, trigger_end=40, trigger="asked", lemma="ask", cameo="020",
                  participants=(Participant("e0", Role.AGENT), Participant("e1", Role.RECIPIENT)),
                  label="Hun Sen ask Justice Ministry",
                  date=EventDate("2019-11-14", Precision.DAY, Resolution.RELATIVE, "on Thursday"),
                  token_index=6)
    return Extraction(
        article=sample_article,
        sentences=(Sentence(0, 0, len(SAMPLE_TEXT), SAMPLE_TEXT),),
        entities=(hun_sen, ministry, government),
        memberships=(Membership("e0", "Prime Minister", "e2", 0, 0, 22),),
        events=(event,),
        model="test",
    )


@pytest.fixture
def sample_store(sample_extraction: Extraction) -> Store:
    """An in-memory store holding the sample extraction plus the ontology and CAMEO graphs."""
    from polgraph.rdf import to_quads

    store = Store()
    store.ensure_reference_graphs()
    store.replace_graphs([to_quads(sample_extraction)])
    return store
