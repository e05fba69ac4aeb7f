"""Extraction over several processes, for `ingest` and `extract_file`.

Each worker process loads spaCy once, extracts chunks of articles and turns each article into N-Quads
text (`rdf.to_nquads`), which is small and cheap to send back. Results come back in input order and
only a few chunks are in flight at a time, so memory stays flat however long the input is. The
caller, in one process, writes them out: store writes stay in one process, in order, a batch at a
time.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import PolgraphError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .errors import InputError
    from .model import Article, Extraction

CHUNK_ARTICLES = 16
"""Articles per task sent to a worker process, and so per spaCy call in it (64 was slower: 40.9 against
42.9 articles/s with two workers, 600 articles, medians of 4 alternations)."""
ONE_PROCESS_BATCH = 128
"""Articles per spaCy call when extracting in this process (`pipeline.BATCH_CHARS` still cuts a batch
short). Fewer, longer calls: with the stages run between its documents, calls of 16 articles made the
extraction about 2 % slower than calls of 128 (0.870 against 0.891 of spaCy's own rate, 300 articles,
medians of 5 alternations)."""
CHUNK_CHARS = 200_000
PARALLEL_MIN_CHARS = 100_000
"""With `workers` left to its default, an input with less text than this is extracted in this
process: starting a worker costs a model load (2–3 s), about what parsing this much text takes."""
IN_FLIGHT = 2
"""Chunks queued per worker: enough to keep every worker busy, few enough to keep memory flat."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article's named graph as N-Quads text, with what an ingest report counts."""

    article_id: str
    source: str
    graph: str
    nquads: str
    entities: tuple[str, ...]  # entity IRIs
    memberships: tuple[str, ...]  # membership IRIs
    events: int

    @property
    def quads(self) -> int:
        return self.nquads.count("\n")


def default_workers() -> int:
    """The number of CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def summarise(extraction: Extraction) -> Extracted:
    """The N-Quads text of an extraction, with its entity and membership IRIs."""
    from .rdf import entity_iri, membership_iri, role_iri, to_nquads

    graph, text = to_nquads(extraction)
    iris = {e.key: entity_iri(e) for e in extraction.entities}
    memberships = (str(membership_iri(iris[m.person], role_iri(m.role), iris[m.organization]))
                   for m in extraction.memberships)
    article = extraction.article
    return Extracted(article.id, article.source or article.id, graph, text,
                     tuple(dict.fromkeys(str(i) for i in iris.values())), tuple(dict.fromkeys(memberships)),
                     len(extraction.events))


def plan_workers(items: Iterable[Article | InputError], workers: int | None = None
                 ) -> tuple[int, Iterator[Article | InputError]]:
    """How many processes will extract `items`, and the items to extract (the same stream: the default
    reads a little of it ahead). `workers` None: one per core, unless the input is too small to pay
    for starting them; inside a daemonic process (a Dask worker) always one."""
    items = iter(items)
    count = default_workers() if workers is None else max(1, workers)
    if _daemonic():  # e.g. inside a Dask worker, which may not start processes: it is the parallelism
        count = 1
    if workers is None and count > 1:
        head: list[Article | InputError] = []
        size = 0
        for item in items:
            head.append(item)
            size += 0 if isinstance(item, PolgraphError) else len(item.text)
            if size >= PARALLEL_MIN_CHARS:
                break
        items = itertools.chain(head, items)
        if size < PARALLEL_MIN_CHARS:
            count = 1
    return count, items


def extract_stream(items: Iterable[Article | InputError], *, workers: int | None = None
                   ) -> Iterator[Extracted | PolgraphError]:
    """Extract a stream of articles in input order; bad inputs and failing articles are yielded as errors.

    `workers` processes extract at once (None: see `plan_workers`). With one worker everything runs
    in this process. Nothing is loaded, and no process started, before the first article arrives.
    """
    items = iter(items)
    first = next(items, None)
    if first is None:
        return
    count, items = plan_workers(itertools.chain([first], items), workers)
    if count == 1:
        from .pipeline import extract_all

        for result in extract_all(items, batch_size=ONE_PROCESS_BATCH):
            yield result if isinstance(result, PolgraphError) else summarise(result)
        return
    yield from _pooled(items, count)


def _daemonic() -> bool:
    import multiprocessing

    return multiprocessing.current_process().daemon


def _pooled(items: Iterator[Article | InputError], workers: int) -> Iterator[Extracted | PolgraphError]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from . import nlp

    # spawn, not fork: the parent may hold an open store and its threads
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(nlp.model_name(), os.getpid()))
    pending: deque[Future[list[Extracted | PolgraphError]]] = deque()
    try:
        for chunk in _chunks(items):
            pending.append(pool.submit(_extract_chunk, chunk))
            while len(pending) > workers * IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool:
        raise PolgraphError("an extraction worker process died",
                            hint="if a worker's error is printed above, see to it: a script that calls polgraph "
                                 "with workers must make the call under `if __name__ == \"__main__\":`, since each "
                                 "worker imports the script; if the machine ran out of memory, retry with fewer "
                                 "--workers") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterator[Article | InputError]) -> Iterator[list[Article | InputError]]:
    chunk: list[Article | InputError] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += 0 if isinstance(item, PolgraphError) else len(item.text)
        if len(chunk) >= CHUNK_ARTICLES or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _start_worker(model: str, parent: int) -> None:
    """In each worker: use the parent's model, exit quickly when done, and exit if the parent dies (a
    killed ingest)."""
    import atexit
    import threading
    import time

    from . import nlp

    nlp.set_model(model)
    atexit.register(_exit_now)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _exit_now() -> None:
    """A worker's end, once the pool has let it go: its only state is the model, so skip the
    interpreter's teardown of it (about 0.4 s a process), which would otherwise stand between the last
    extraction and the caller's last store write. (multiprocessing has flushed stdout and stderr by then.)"""
    os._exit(0)


def _extract_chunk(chunk: list[Article | InputError]) -> list[Extracted | PolgraphError]:
    from .pipeline import extract_all

    return [r if isinstance(r, PolgraphError) else summarise(r) for r in extract_all(chunk, batch_size=len(chunk))]
