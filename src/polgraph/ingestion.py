"""Ingest articles into a store: read → skip unchanged → extract → RDF → replace graphs, in batches.

Bad inputs never stop a run: each is recorded in the report and the good articles are still stored.
Each batch is written with one `Store.replace_graphs` call, so an interrupted run keeps whole articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .articles import iter_articles
from .articles import max_chars as article_limit
from .errors import InputError, PolgraphError
from .model import Article
from .rdf import article_iri, entity_iri, membership_iri, role_iri, to_quads
from .store import Store, default_store_path

BATCH_SIZE = 16
INGESTED, UNCHANGED, FAILED = "ingested", "unchanged", "failed"


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did: article counts, what was extracted and written, and every failure."""

    ingested: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    entities: int = 0  # distinct entities in the ingested articles
    events: int = 0
    memberships: int = 0  # distinct memberships in the ingested articles
    triples: int = 0  # quads written
    store: str = ""

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) lines for a human-readable summary."""
        return [
            ("articles ingested", str(self.ingested)),
            ("articles unchanged", str(self.unchanged)),
            ("articles failed", str(len(self.failed))),
            ("entities", str(self.entities)),
            ("events", str(self.events)),
            ("memberships", str(self.memberships)),
            ("triples written", str(self.triples)),
            ("store", self.store),
        ]


Progress = Callable[[str, str, IngestReport], None]
"""Called once per input with (status, source, report so far); status is ingested|unchanged|failed."""


def ingest(paths: str | Path | Iterable[str | Path], *, store: Store | str | Path | None = None,
           force: bool = False, progress: Progress | None = None, batch_size: int = BATCH_SIZE,
           max_chars: int | None = None) -> IngestReport:
    """Extract every article under `paths` into `store`, replacing each article's named graph.

    `store` is a Store, or the folder of one (default: $POLGRAPH_STORE or ./polgraph-store).
    Articles whose content hash is already in the store are skipped unless `force`. Articles longer
    than `max_chars` characters (default: $POLGRAPH_MAX_CHARS, else 1,000,000) fail with an InputError.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    limit = article_limit(max_chars)  # a bad limit is a usage error, before any work
    if not isinstance(store, Store):
        store = Store(store if store is not None else default_store_path())
    return _ingest(paths, store, force=force, progress=progress, batch_size=batch_size, max_chars=limit)


def _ingest(paths: Iterable[str | Path], store: Store, *, force: bool, progress: Progress | None,
            batch_size: int, max_chars: int) -> IngestReport:
    from .pipeline import extract_all  # loads spaCy lazily: only when there is work

    report = IngestReport(store=str(store.path) if store.path is not None else "(memory)")
    store.ensure_reference_graphs()
    known = {} if force else store.content_hashes()
    entities: set[str] = set()
    memberships: set[str] = set()
    seen: dict[str, tuple[str, str]] = {}  # graph → (source, article id) of its first article
    batch: list[tuple] = []

    def notify(status: str, source: str) -> None:
        if progress is not None:
            progress(status, source, report)

    def fail(source: str, message: str) -> None:
        report.failed.append((source, message))
        notify(FAILED, source)

    def fresh(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        """Drop unchanged articles and duplicate ids before the (costly) extraction."""
        for item in items:
            if isinstance(item, PolgraphError):
                yield item
                continue
            graph = str(article_iri(item.id))
            if graph in seen:
                first, first_id = seen[graph]
                clash = "" if first_id == item.id else f" (as {first_id!r}: both give the IRI {graph})"
                yield InputError(f"article id {item.id!r} was already read from {first}{clash}",
                                 source=item.source or item.id, hint="give every article its own id")
                continue
            seen[graph] = (item.source or item.id, item.id)
            if known.get(graph) == item.content_hash:
                report.unchanged += 1
                notify(UNCHANGED, item.source or item.id)
                continue
            yield item

    def flush() -> None:
        if batch:
            report.triples += store.replace_graphs(batch)
            batch.clear()

    for result in extract_all(fresh(iter_articles(paths, limit=max_chars)), batch_size=batch_size):
        if isinstance(result, PolgraphError):
            fail(result.source, str(result))
            continue
        graph, quads = to_quads(result)
        batch.append((graph, quads))
        iris = {e.key: entity_iri(e) for e in result.entities}
        entities.update(str(i) for i in iris.values())
        memberships.update(str(membership_iri(iris[m.person], role_iri(m.role), iris[m.organization]))
                           for m in result.memberships)
        report.events += len(result.events)
        report.ingested += 1
        report.entities, report.memberships = len(entities), len(memberships)
        notify(INGESTED, result.article.source or result.article.id)
        if len(batch) >= batch_size:
            flush()
    flush()
    store.flush()
    return report
