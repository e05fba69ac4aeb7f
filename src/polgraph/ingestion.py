"""Ingest articles into a store: read → skip unchanged → extract → RDF → replace graphs, in batches.

Bad inputs never stop a run: each is recorded in the report and the good articles are still stored.
Each batch is written with one `Store.replace_graphs` call, so an interrupted run keeps whole articles.
Extraction runs in `workers` processes (`parallel.py`); this process reads the articles, skips the
unchanged ones and writes the store, in a background thread that overlaps the extraction (pyoxigraph
releases the GIL while it bulk-loads, so this holds with one worker too, which extracts in this process).
Everything streams: memory does not grow with the number of articles.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .articles import iter_articles
from .articles import max_chars as article_limit
from .errors import InputError, PolgraphError
from .model import Article
from .nlp import describe
from .rdf import article_iri
from .store import BULK_MAX_QUADS, BULK_MIN_QUADS, Store, default_store_path

BATCH_SIZE = 256
"""Articles per store write (fewer when they would pass `BULK_MAX_QUADS`). Each bulk load writes sorted
files that RocksDB then compacts, a cost per call: batches of 256 articles take about a fifth less CPU
than batches of 64 (816,000 quads), which with two workers is CPU the extraction gets back."""
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
           max_chars: int | None = None, workers: int | None = None) -> IngestReport:
    """Extract every article under `paths` into `store`, replacing each article's named graph.

    `store` is a Store, or the folder of one (default: $POLGRAPH_STORE or ./polgraph-store).
    Articles already in the store with the same content hash, extracted by the same polgraph and model
    versions (`nlp.describe`), are skipped unless `force`. Articles longer
    than `max_chars` characters (default: $POLGRAPH_MAX_CHARS, else 1,000,000) fail with an InputError.
    `workers` extraction processes run at once (default: one per CPU core, for inputs large enough to
    pay for starting them); the store gets the same triples whatever the number.
    """
    if workers is not None and workers < 1:
        raise InputError(f"workers must be 1 or more, not {workers}")
    if isinstance(paths, str | Path):
        paths = [paths]
    limit = article_limit(max_chars)  # a bad limit is a usage error, before any work
    if not isinstance(store, Store):
        store = Store(store if store is not None else default_store_path())
    return _ingest(paths, store, force=force, progress=progress, batch_size=batch_size, max_chars=limit,
                   workers=workers)


def _ingest(paths: Iterable[str | Path], store: Store, *, force: bool, progress: Progress | None,
            batch_size: int, max_chars: int, workers: int | None) -> IngestReport:
    from .parallel import extract_stream, plan_workers  # spaCy loads only when the first changed article arrives

    report = IngestReport(store=str(store.path) if store.path is not None else "(memory)")
    store.ensure_reference_graphs()
    entities: set[str] = set()
    memberships: set[str] = set()
    seen: dict[str, tuple[str, str]] = {}  # graph → (source, article id) of its first article
    extractor = describe()  # an article extracted by another polgraph or model version is extracted again
    batch: list[tuple] = []
    batch_quads = 0

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
            if not force and store.content_hash(graph) == item.content_hash and store.extractor(graph) == extractor:
                report.unchanged += 1
                notify(UNCHANGED, item.source or item.id)
                continue
            yield item

    count, items = plan_workers(fresh(iter_articles(paths, limit=max_chars)), workers)
    # Extracting in this process leaves the other cores idle: the writer keeps to a core of its own, and
    # takes whatever has arrived each time it is free (from BULK_MIN_QUADS on, one bulk load), so the
    # last batch, written after the extraction ends, is a few articles instead of up to `batch_size`.
    # With worker processes the writes share the cores with them, and full batches cost less CPU per quad.
    eager = count == 1
    writer = _Writer(store, report, own_core=eager)
    results = extract_stream(items, workers=count)
    try:
        for result in results:
            if isinstance(result, PolgraphError):
                fail(result.source, str(result))
                continue
            # a full batch is written when the next article arrives, and so is one that this article
            # would take past the bulk loader's limit (each write stays one bulk load), or any batch
            # worth a bulk load when writing eagerly and the writer is free
            quads = result.quads  # counts the text's lines: once
            if batch and (len(batch) >= batch_size or batch_quads + quads > BULK_MAX_QUADS
                          or eager and batch_quads >= BULK_MIN_QUADS and writer.idle()):
                writer.put(batch)
                batch, batch_quads = [], 0
            batch.append((result.graph, result.nquads))
            batch_quads += quads
            entities.update(result.entities)
            memberships.update(result.memberships)
            report.events += result.events
            report.ingested += 1
            report.entities, report.memberships = len(entities), len(memberships)
            notify(INGESTED, result.source)
        if batch:
            writer.put(batch)
    except BaseException:
        results.close()  # stops the worker processes now
        if batch and writer.error is None:
            writer.put(batch)  # whole articles, already extracted: an interruption keeps them
        writer.close(raising=False)  # the batches already extracted are still written
        raise
    writer.close()
    store.flush()
    return report


class _Writer:
    """Writes batches to the store in order, in a thread, while worker processes extract the next
    articles. After a failed write it writes nothing more, and the error is raised in the caller's
    thread. With `own_core`, the thread and the bulk loader's threads it starts run on the last core
    only, off the extraction's: Oxigraph's bulk loader runs two threads by default (one parsing, one
    loading), and one of them on the extraction's core takes time from spaCy."""

    def __init__(self, store: Store, report: IngestReport, *, own_core: bool = False) -> None:
        self.store, self.report, self.own_core = store, report, own_core
        self.queue: queue.Queue[list[tuple[str, str]] | None] = queue.Queue(maxsize=2)
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def put(self, batch: list[tuple[str, str]]) -> None:
        self._raise()
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="polgraph-store-writer", daemon=True)
            self.thread.start()
        self.queue.put(batch)

    def idle(self) -> bool:
        """Nothing queued or being written (the queue counts a batch until its write is done)."""
        return self.queue.unfinished_tasks == 0

    def close(self, *, raising: bool = True) -> None:
        if self.thread is not None:
            self.queue.put(None)
            self.thread.join()
            self.thread = None
        if raising:
            self._raise()

    def _run(self) -> None:
        if self.own_core:
            _last_core_only()
        while (batch := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.report.triples += self.store.replace_graphs(batch)
                except BaseException as exc:  # handed to the caller's thread
                    self.error = exc
            self.queue.task_done()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error


def _last_core_only() -> None:
    """Keep the calling thread (and the threads it starts) to the last core it may use, if it may use
    several (Linux; elsewhere nothing changes)."""
    try:
        cores = os.sched_getaffinity(0)
        if len(cores) > 1:
            os.sched_setaffinity(0, {max(cores)})  # 0: the calling thread
    except (AttributeError, OSError):
        pass
