"""polgraph: political news articles → an RDF knowledge graph of actors, posts and CAMEO-coded events.

The public API is a handful of verbs; each imports its (heavy) modules only when called, so
`import polgraph` does no work.

>>> import polgraph
>>> [q.name for q in polgraph.list_queries()][:1]
['actor-vs-actor']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .errors import EndpointError, InputError, ModelError, PolgraphError, QueryError, StoreError

if TYPE_CHECKING:
    from rdflib.term import Node

    from .endpoint import Endpoint, LoadProgress, LoadReport, Server
    from .evaluation import EvalReport
    from .ingestion import IngestReport, Progress
    from .model import Article, Extraction
    from .queries import QueryInfo
    from .shards import ExtractReport
    from .store import Rows, Store
    from .validation import CheckReport

__all__ = [
    "EndpointError", "InputError", "ModelError", "PolgraphError", "QueryError", "StoreError",
    "check", "evaluate", "export", "extract", "extract_file", "ingest", "list_queries", "load", "open_store",
    "query",
    "read_articles", "serve",
]

def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """Open the embedded store at `path` (default: $POLGRAPH_STORE or ./polgraph-store)."""
    from .store import Store, default_store_path

    return Store(path if path is not None else default_store_path(), read_only=read_only)


def ingest(paths: str | Path | Iterable[str | Path], *, store: Store | str | Path | None = None,
           force: bool = False, progress: Progress | None = None, max_chars: int | None = None,
           workers: int | None = None) -> IngestReport:
    """Read, extract and store articles (files or folders); returns counts and per-input failures.

    Articles over `max_chars` characters (default $POLGRAPH_MAX_CHARS, else 1,000,000) are refused.
    `workers` extraction processes run at once (default: one per CPU core, when the input is large
    enough to pay for starting them).

    Example: `polgraph.ingest(["data/articles"], store="my-store").ingested`
    """
    from .ingestion import ingest as run

    return run(paths, store=store, force=force, progress=progress, max_chars=max_chars, workers=workers)


def extract_file(paths: str | Path | Iterable[str | Path], out: str | Path | IO[bytes], *,
                 workers: int | None = None, max_chars: int | None = None) -> ExtractReport:
    """Extract articles into one N-Quads file, with no store: the same input gives a byte-identical file.

    The map step of a corpus spread over machines; `open_store(...).load_file(path)` (or `polgraph
    import`) then loads the files, replacing each article's graph.

    Example: `polgraph.extract_file("shard-001.jsonl", "shard-001.nq").articles`
    """
    from .shards import extract_file as run

    return run(paths, out, workers=workers, max_chars=max_chars)


def check(*, store: Store | str | Path | None = None) -> CheckReport:
    """Validate the store: SHACL shapes over the union of all graphs, and every query of queries/checks/.

    Example: `report = polgraph.check(store="my-store"); report.ok, report.violations`
    """
    from .validation import check_store

    with _opened(store, read_only=True) as opened:
        return check_store(opened)


def extract(article_or_text: Article | str) -> Extraction:
    """Extract entities, memberships and events from one article (or a bare text)."""
    from .model import Article
    from .pipeline import extract as run

    if isinstance(article_or_text, str):
        import hashlib

        digest = hashlib.sha256(article_or_text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        article_or_text = Article(id=f"text-{digest}", text=article_or_text, source="<text>")
    return run(article_or_text)


def read_articles(paths: str | Path | Iterable[str | Path]) -> list[Article]:
    """Read articles from .txt/.md/.jsonl files and folders; raises InputError on the first bad input."""
    from .articles import read_articles as run

    return run([paths] if isinstance(paths, str | Path) else paths)


def query(query: str | Path, *, store: Store | str | Path | None = None,
          params: Mapping[str, str | Node] | None = None, endpoint: str | Endpoint | None = None
          ) -> Rows | bool | list[tuple]:
    """Run a library query (by name), a .rq file or SPARQL text; parameters are bound, never pasted.

    With `endpoint` (a SPARQL query URL or an `Endpoint`) it runs on that remote store instead.

    Example: `polgraph.query("events-in-place", params={"place": "Kampot province"}).rows`
    """
    from .queries import run_query

    if endpoint is not None:
        if store is not None:
            raise QueryError("give a store or an endpoint, not both")
        from .endpoint import connect

        return run_query(query, connect(endpoint), params)  # type: ignore[arg-type]
    with _opened(store, read_only=True) as opened:
        return run_query(query, opened, params)


def evaluate(gold: str | Path | Iterable[str | Path], *, articles_root: str | Path | None = None
             ) -> EvalReport:
    """Score extraction against gold annotations (files or folders of *.gold.json).

    Example: `polgraph.evaluate("data/gold", articles_root="../shared").pooled["events"]["f1"]`
    """
    from .evaluation import evaluate as run

    return run([gold] if isinstance(gold, str | Path) else gold, articles_root=articles_root)


def list_queries() -> list[QueryInfo]:
    """The query library (queries/*.rq and queries/checks/*.rq) with summaries and parameters."""
    from .queries import list_queries as run

    return run()


def export(*, store: Store | str | Path | None = None, format: str = "turtle",
           out: str | Path | IO[bytes] | None = None) -> str | None:
    """Write the whole graph as turtle, trig, nquads, ntriples or jsonld, or the actor network as
    graphml (for Gephi); returns the text if `out` is None."""
    import io

    from .store import EXPORT_FORMATS

    if format not in (*EXPORT_FORMATS, "jsonld", "graphml"):
        raise StoreError(f"unknown export format {format!r}",
                         hint=f"use one of {', '.join([*EXPORT_FORMATS, 'jsonld', 'graphml'])}")
    if out is None:
        buffer = io.BytesIO()
        export(store=store, format=format, out=buffer)
        return buffer.getvalue().decode("utf-8")
    if isinstance(out, str | Path):
        try:
            with open(out, "wb") as handle:
                export(store=store, format=format, out=handle)
        except OSError as exc:
            raise StoreError(f"cannot write: {exc.strerror or exc}", source=str(out)) from None
        return None
    with _opened(store, read_only=True) as opened:
        if format == "graphml":  # the actor network, for Gephi
            from .analysis import to_graphml
            from .views import build_graph

            to_graphml(build_graph(opened), out)
        elif format == "jsonld":
            from .output import nquads_to_jsonld

            dump = io.BytesIO()
            opened.export(dump, "nquads")
            nquads_to_jsonld(dump.getvalue(), out)
        else:
            opened.export(out, format)
    return None


def load(source: Store | str | Path | None = None, *, endpoint: str | Endpoint,
         update_endpoint: str | None = None, gsp_endpoint: str | None = None,
         graphs: str | Iterable[str] | None = None, chunk_bytes: int | None = None,
         retries: int | None = None, timeout: float | None = None,
         progress: LoadProgress | None = None) -> LoadReport:
    """Push the local graph (a store, or a .trig/.nq/.ttl/.nt file) into a remote SPARQL store.

    Each named graph (one per article) is replaced as a whole; loading twice leaves the same triples.
    Uses the Graph Store Protocol when `gsp_endpoint` is given, else SPARQL Update in chunks.

    Example: `polgraph.load("my-store", endpoint="http://127.0.0.1:7878/query",
    gsp_endpoint="http://127.0.0.1:7878/store").triples`
    """
    from .endpoint import DEFAULT_CHUNK_BYTES, connect
    from .endpoint import load as run

    remote = connect(endpoint, update_url=update_endpoint, gsp_url=gsp_endpoint, retries=retries,
                     timeout=timeout)
    return run(source, remote, graphs=graphs, chunk_bytes=chunk_bytes or DEFAULT_CHUNK_BYTES,
               progress=progress)


def serve(store: str | Path | None = None, *, bind: str = "127.0.0.1:7878", writable: bool = False
          ) -> Server:
    """Start an Oxigraph server over a store folder (read-only unless `writable`); stop it with `.stop()`.

    Example: `with polgraph.serve("my-store") as server: polgraph.query("entities",
    endpoint=server.query_url)`
    """
    from .endpoint import serve as run

    return run(store, bind=bind, writable=writable)


class _opened:
    """Use a given Store as is, or open one from a path for the duration of a call."""

    def __init__(self, store: Any, *, read_only: bool) -> None:
        self.given = store
        self.read_only = read_only
        self.store: Store | None = None

    def __enter__(self) -> Store:
        from .store import Store

        if isinstance(self.given, Store):
            return self.given
        self.store = open_store(self.given, read_only=self.read_only)
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store = None  # dropping the last reference closes the store and releases its lock


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("polgraph")
        except PackageNotFoundError:
            return "0+unknown"
    raise AttributeError(f"module 'polgraph' has no attribute {name!r}")
