"""A shard of articles → one N-Quads file, with no store: the map step of a corpus spread over machines.

The file is a pure function of the shard: the same articles give a byte-identical file, whatever the
number of workers, so any engine (Dask, Spark, a batch queue) can run it, retry it or run it twice.
Loading the files into a store (`Store.load_file`, `polgraph import`) is the reduce step; it replaces
each article's graph, so loading a file twice leaves the same triples.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .articles import iter_articles
from .articles import max_chars as article_limit
from .errors import InputError, PolgraphError


@dataclass(slots=True)
class ExtractReport:
    """What one `extract_file` run wrote, and every input that failed."""

    articles: int = 0
    quads: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    out: str = ""

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) lines for a human-readable summary."""
        return [("articles extracted", str(self.articles)), ("articles failed", str(len(self.failed))),
                ("quads written", str(self.quads)), ("output", self.out)]


def extract_file(paths: str | Path | Iterable[str | Path], out: str | Path | IO[bytes], *,
                 workers: int | None = None, max_chars: int | None = None,
                 progress: Callable[[str, str], None] | None = None) -> ExtractReport:
    """Extract every article under `paths` into one N-Quads file (one named graph per article).

    Articles are written in input order; a bad input is reported and left out. A file `out` is
    written to a temporary file beside it and renamed at the end, so it is never seen half-written.
    `progress(status, source)` is called per article with status "extracted" or "failed".

    Example: `polgraph.extract_file("shard-001.jsonl", "shard-001.nq").articles`
    """
    from .parallel import extract_stream
    from .rdf import article_iri

    if isinstance(paths, str | Path):
        paths = [paths]
    limit = article_limit(max_chars)
    report = ExtractReport(out="<stdout>" if out == "-" else str(getattr(out, "name", out)))
    seen: dict[str, str] = {}

    def unique(items):
        for item in items:
            if not isinstance(item, PolgraphError):
                graph = str(article_iri(item.id))
                if graph in seen:
                    item = InputError(f"article id {item.id!r} was already read from {seen[graph]}",
                                      source=item.source or item.id, hint="give every article its own id")
                else:
                    seen[graph] = item.source or item.id
            yield item

    def write(handle: IO[bytes]) -> None:
        for result in extract_stream(unique(iter_articles(paths, limit=limit)), workers=workers):
            if isinstance(result, PolgraphError):
                report.failed.append((result.source, str(result)))
                if progress is not None:
                    progress("failed", result.source)
                continue
            handle.write(result.nquads.encode("utf-8"))
            report.articles += 1
            report.quads += result.quads
            if progress is not None:
                progress("extracted", result.source)

    if out == "-":
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
    elif isinstance(out, str | Path):
        target = Path(out)
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", source=str(target)) from None
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's private 0600
            os.replace(temp, target)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
    else:
        write(out)
    return report
