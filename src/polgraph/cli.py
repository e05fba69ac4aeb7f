"""The `polgraph` command: every command is one library call plus formatting.

Results go to stdout, progress and messages to stderr. Exit codes: 0 ok, 1 some inputs failed
(the good ones are still stored), 2 usage or runtime error.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

import polgraph

from .errors import PolgraphError

if TYPE_CHECKING:
    from .endpoint import LoadReport
    from .ingestion import IngestReport

app = typer.Typer(
    name="polgraph",
    help="Turn political news articles into an RDF knowledge graph, query it and export it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_INPUTS_FAILED, EXIT_ERROR = 0, 1, 2


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    ntriples = "ntriples"
    jsonld = "jsonld"
    graphml = "graphml"


# option bundles shared by every read command
StoreOption = Annotated[Path | None, typer.Option(
    "--store", "-s", metavar="DIR", show_default=False,
    help="Store folder (default: $POLGRAPH_STORE, else ./polgraph-store).")]
FormatOption = Annotated[OutputFormat, typer.Option(
    "--format", "-f", case_sensitive=False,
    help="table (aligned text), csv (SPARQL 1.1 CSV) or json (SPARQL 1.1 JSON).")]
OutOption = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", show_default=False, help="Write to FILE instead of stdout.")]
EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint", metavar="URL", show_default=False,
    help="Run on a remote SPARQL 1.1 store (its query URL) instead of the local store.")]

WorkersOption = Annotated[int | None, typer.Option(
    "--workers", "-w", metavar="N", min=1, show_default=False,
    help="Extraction processes (default: one per CPU core, for inputs large enough to pay for starting them).")]

F = TypeVar("F", bound=Callable[..., None])


def _reports_errors(fn: F) -> F:
    """Turn a library error into one `error: ...` line on stderr and exit code 2."""
    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            fn(*args, **kwargs)
        except PolgraphError as exc:
            _message(f"error: {exc}")
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"polgraph {polgraph.__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.",
                                          callback=_print_version, is_eager=True)] = False,
) -> None:
    """Turn political news articles into an RDF knowledge graph, query it and export it."""


@app.command()
@_reports_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", show_default=False,
        help="Articles: .txt/.md files (optional front matter), .jsonl files, or folders of them.")],
    store: StoreOption = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract articles even when unchanged.")] = False,
    max_chars: Annotated[int | None, typer.Option(
        "--max-chars", metavar="N", min=1, show_default=False,
        help="Refuse articles longer than N characters (default: $POLGRAPH_MAX_CHARS, else 1,000,000).",
    )] = None,
    workers: WorkersOption = None,
) -> None:
    """Extract articles into the store (each article's graph is replaced; unchanged ones are skipped)."""
    line = _ProgressLine()
    try:
        report = polgraph.ingest(paths, store=store, force=force, progress=line.update, max_chars=max_chars,
                                 workers=workers)
    finally:  # an error (a busy store, no model) gets a line of its own
        line.clear()
    rows = report.summary()
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        typer.echo(f"{label + ':':<{width}} {value}")
    if not report.ok:
        raise typer.Exit(EXIT_INPUTS_FAILED)


@app.command()
@_reports_errors
def extract(
    paths: Annotated[list[Path], typer.Argument(
        metavar="INPUT", show_default=False, help="Articles: .txt/.md/.jsonl files, or folders of them.")],
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE.nq", help="Where to write the N-Quads ('-': stdout).")] = "-",
    workers: WorkersOption = None,
    max_chars: Annotated[int | None, typer.Option(
        "--max-chars", metavar="N", min=1, show_default=False,
        help="Refuse articles longer than N characters (default: $POLGRAPH_MAX_CHARS, else 1,000,000).",
    )] = None,
) -> None:
    """Extract articles into an N-Quads file, without a store (same input, byte-identical output).

    Run it on shards of a corpus anywhere, then load the files with `polgraph import`.
    """
    report = polgraph.extract_file(paths, output, workers=workers, max_chars=max_chars)
    for _, message in report.failed:
        _message(message)
    rows = report.summary()
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        _message(f"{label + ':':<{width}} {value}")
    if not report.ok:
        raise typer.Exit(EXIT_INPUTS_FAILED)


@app.command("import")
@_reports_errors
def import_command(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE", show_default=False, help="N-Quads (.nq) or TriG (.trig) files, e.g. from `polgraph extract`.")],
    store: StoreOption = None,
) -> None:
    """Load RDF files into the store, replacing each named graph they hold (whole, one batch at a time)."""
    opened = polgraph.open_store(store)
    opened.ensure_reference_graphs()
    quads = sum(opened.load_file(file) for file in files)
    opened.flush()
    typer.echo(f"files loaded:  {len(files)}")
    typer.echo(f"quads loaded:  {quads}")
    typer.echo(f"store:         {opened.path}")


@app.command("query")
@_reports_errors
def query_command(
    query: Annotated[str, typer.Argument(
        show_default=False,
        help="A library query name (see `polgraph queries`), a .rq file, or SPARQL text.")],
    store: StoreOption = None,
    fmt: FormatOption = OutputFormat.table,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE", show_default=False,
        help="Bind a declared query parameter (repeatable).")] = None,
    width: Annotated[int, typer.Option(
        "--width", metavar="N", help="Table format: cut cells longer than N characters (0: never).")] = 60,
    endpoint: EndpointOption = None,
) -> None:
    """Run a SPARQL query and print its results (ASK: true/false; CONSTRUCT: RDF)."""
    from .output import format_result
    from .store import Rows

    result = polgraph.query(query, store=store, params=_parse_params(param or []), endpoint=endpoint)
    _write(format_result(result, fmt.value, max_width=width))
    if fmt is OutputFormat.table and isinstance(result, Rows):
        _message(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")


@app.command()
@_reports_errors
def queries(fmt: FormatOption = OutputFormat.table) -> None:
    """List the query library with a one-line summary and the parameters of each query."""
    from .output import format_result
    from .store import Rows, Term

    rows = [[Term("literal", q.name), Term("literal", q.summary),
             Term("literal", "; ".join(p.describe() for p in q.params))] for q in polgraph.list_queries()]
    result = Rows(["name", "summary", "params"], rows)
    _write(format_result(result, fmt.value, max_width=0))


@app.command()
@_reports_errors
def export(
    store: StoreOption = None,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="turtle and ntriples merge all graphs; trig, nquads and jsonld keep one graph per article; "
             "graphml writes the actor network for Gephi.",
    )] = ExportFormat.turtle,
    output: OutOption = None,
) -> None:
    """Write the whole graph out as RDF (or the actor network as GraphML)."""
    if output is None:
        stream = typer.get_binary_stream("stdout")
        polgraph.export(store=store, format=fmt.value, out=stream)
        stream.flush()
    else:
        polgraph.export(store=store, format=fmt.value, out=output)
        _message(f"wrote {output}")


@app.command("load")
@_reports_errors
def load_command(
    endpoint: Annotated[str, typer.Option(
        "--endpoint", metavar="URL", show_default=False, help="The remote store's SPARQL query URL.")],
    file: Annotated[Path | None, typer.Argument(
        metavar="FILE", show_default=False,
        help="A .trig, .nq, .ttl or .nt file to load instead of the store.")] = None,
    update_endpoint: Annotated[str | None, typer.Option(
        "--update-endpoint", metavar="URL", show_default=False,
        help="Its SPARQL Update URL (default: the --endpoint URL).")] = None,
    gsp_endpoint: Annotated[str | None, typer.Option(
        "--gsp-endpoint", metavar="URL", show_default=False,
        help="Its Graph Store Protocol URL: loads then go through it, one PUT per graph (fastest).")] = None,
    graph: Annotated[list[str] | None, typer.Option(
        "--graph", metavar="IRI", show_default=False,
        help="Load only this graph (repeatable); for a .ttl/.nt file, the graph to load it into.")] = None,
    store: StoreOption = None,
    chunk_size: Annotated[int, typer.Option(
        "--chunk-size", metavar="BYTES", min=1000,
        help="SPARQL Update: at most this many bytes per request (whole graphs are grouped up to it).",
    )] = 4_000_000,
    retries: Annotated[int, typer.Option(
        "--retries", metavar="N", min=0,
        help="Retry refused connections, timeouts and 5xx answers N times, waiting longer each time.")] = 3,
    timeout: Annotated[float, typer.Option(
        "--timeout", metavar="SECONDS", min=0.1, help="Give up on a request after this long.")] = 60.0,
) -> None:
    """Load the store (or a file) into a remote SPARQL store, replacing each article's graph whole.

    Credentials: POLGRAPH_ENDPOINT_USER and _PASSWORD, or _TOKEN, or ~/.config/polgraph/endpoints.toml.
    """
    if file is not None and store is not None:
        raise typer.BadParameter("give a FILE or --store, not both", param_hint="FILE")
    line = _LoadLine()
    try:
        report = polgraph.load(file if file is not None else store, endpoint=endpoint,
                               update_endpoint=update_endpoint, gsp_endpoint=gsp_endpoint, graphs=graph,
                               chunk_bytes=chunk_size, retries=retries, timeout=timeout, progress=line.update)
    finally:
        line.clear()
    rows = report.summary()
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        typer.echo(f"{label + ':':<{width}} {value}")
    for warning in report.warnings:
        _message(f"warning: {warning}")


@app.command("serve")
@_reports_errors
def serve_command(
    store: StoreOption = None,
    bind: Annotated[str, typer.Option(
        "--bind", metavar="HOST:PORT", help="Where to listen (this machine only by default).",
    )] = "127.0.0.1:7878",
    writable: Annotated[bool, typer.Option(
        "--writable", help="Accept updates and loads; the server then holds the store folder.")] = False,
) -> None:
    """Serve the store as a SPARQL endpoint (an Oxigraph server), read-only by default, until Ctrl-C."""
    import signal

    server = polgraph.serve(store, bind=bind, writable=writable)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(EXIT_OK))  # stop the server on `kill` too
    code = 0
    try:
        typer.echo(f"query:  {server.query_url}")
        if writable:
            typer.echo(f"update: {server.update_url}")
            typer.echo(f"gsp:    {server.gsp_url}")
        sys.stdout.flush()
        _message(f"try: polgraph query entities --endpoint {server.query_url}")
        if server.exposed:
            _message(f"warning: {bind} is reachable from other machines, and Oxigraph asks for no password")
        _message("serving " + ("read-write" if writable else "read-only (stop it before ingesting into "
                 "this store)") + "; Ctrl-C stops it")
        code = server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    if code:
        raise PolgraphError(f"the Oxigraph server stopped with exit code {code}",
                            hint=" / ".join(server.log()[-3:]) or "see its output")


# filters shared by the view, analyze and timeline commands
FromOption = Annotated[str | None, typer.Option(
    "--from", metavar="DATE", show_default=False, help="Only events on or after DATE (2019, 2019-11, 2019-11-14).")]
ToOption = Annotated[str | None, typer.Option(
    "--to", metavar="DATE", show_default=False, help="Only events on or before DATE.")]
CameoOption = Annotated[str | None, typer.Option(
    "--cameo", metavar="ROOTS", show_default=False, help="Only these CAMEO codes or roots, e.g. 17,0841.")]
TypeOption = Annotated[str | None, typer.Option(
    "--type", metavar="TYPES", show_default=False,
    help="Only entities of these classes (and subclasses), e.g. Person,PoliticalParty.")]
ArticleOption = Annotated[str | None, typer.Option(
    "--article", metavar="ID", show_default=False, help="Only what one article says (its id).")]
KindOption = Annotated[str, typer.Option(
    "--kind", metavar="KIND", help="actors (who acts on whom), events (events linking participants, "
    "places, dates), ego (around --focus) or query (from --query).")]
FocusOption = Annotated[str | None, typer.Option(
    "--focus", metavar="NAME", show_default=False, help="Centre on the entity with this name or alias.")]
DepthOption = Annotated[int, typer.Option("--depth", metavar="N", min=0,
                                          help="With --focus: how many hops around it to keep.")]


@app.command()
@_reports_errors
def view(
    store: StoreOption = None,
    kind: KindOption = "actors",
    focus: FocusOption = None,
    depth: DepthOption = 2,
    date_from: FromOption = None,
    date_to: ToOption = None,
    cameo: CameoOption = None,
    types: TypeOption = None,
    article: ArticleOption = None,
    query: Annotated[str | None, typer.Option(
        "--query", metavar="QUERY", show_default=False,
        help="Draw the result of a SELECT (first two columns as edge ends) or CONSTRUCT query.")] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE", show_default=False, help="A parameter of --query.")] = None,
    max_nodes: Annotated[int, typer.Option(
        "--max-nodes", metavar="N", help="Keep at most the N most central nodes (0: no limit).")] = 2000,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE.html",
                                         help="Where to write the HTML page.")] = Path("polgraph-view.html"),
) -> None:
    """Write an interactive, self-contained HTML view (no network needed to open it)."""
    from .views import render_view

    report = render_view(polgraph.open_store(store, read_only=True), output,
                         kind="query" if query and kind == "actors" else kind, focus=focus, depth=depth,
                         date_from=date_from, date_to=date_to, cameo=cameo, types=types, article=article,
                         query=query, params=_parse_params(param or []) or None, max_nodes=max_nodes or None)
    note = f", {report.dropped} less central nodes left out" if report.dropped else ""
    _message(f"wrote {report.path} ({report.nodes} nodes, {report.edges} edges{note})")


@app.command()
@_reports_errors
def analyze(
    store: StoreOption = None,
    kind: KindOption = "actors",
    focus: FocusOption = None,
    depth: DepthOption = 2,
    date_from: FromOption = None,
    date_to: ToOption = None,
    cameo: CameoOption = None,
    types: TypeOption = None,
    article: ArticleOption = None,
    path: Annotated[tuple[str, str] | None, typer.Option(
        "--path", metavar="A B", show_default=False,
        help="Also show the shortest path between two actors, with the events along it.")] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", help="Rows of the centrality table.")] = 20,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Network measures of the actor network: centrality, communities, shortest paths."""
    from . import analysis
    from .output import format_result
    from .store import Rows, Term
    from .views import Filters, build_graph

    filters = Filters.of(date_from=date_from, date_to=date_to, cameo=cameo, types=types, article=article)
    graph = build_graph(polgraph.open_store(store, read_only=True), kind=kind, focus=focus, depth=depth,
                        filters=filters)
    community_of = {n: i + 1 for i, members in enumerate(analysis.communities(graph)) for n in members}
    rows = [[Term("literal", r.label), Term("literal", r.type), Term("literal", str(r.degree)),
             Term("literal", f"{r.betweenness:.4f}"), Term("literal", str(community_of.get(r.entity, ""))),
             Term("uri", r.entity)] for r in analysis.centrality(graph)[:top]]
    _write(format_result(Rows(["label", "type", "degree", "betweenness", "community", "entity"], rows),
                         fmt.value, max_width=60))
    if path:
        hops = analysis.shortest_path(graph, path[0], path[1])
        typer.echo(f"\nshortest path {path[0]} → {path[1]} ({len(hops)} hops):")
        for hop in hops:
            typer.echo(f"  {hop.source_label} → {hop.target_label}: {hop.label}")
            for ref in hop.events[:5]:
                typer.echo(f"      {ref.describe()}")


@app.command()
@_reports_errors
def timeline(
    store: StoreOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    cameo: CameoOption = None,
    types: TypeOption = None,
    article: ArticleOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE.html|FILE.svg",
                                         help="Where to write the chart.")] = Path("polgraph-timeline.html"),
) -> None:
    """Chart events per month by CAMEO quad class (a self-contained HTML page or an SVG file)."""
    from .analysis import timeline as draw

    report = draw(polgraph.open_store(store, read_only=True), output, date_from=date_from, date_to=date_to,
                  cameo=cameo, types=types, article=article)
    _message(f"wrote {report.path} ({report.events} dated events over {report.months} months, "
             f"{report.undated} without a month)")


@app.command()
@_reports_errors
def check(store: StoreOption = None, fmt: FormatOption = OutputFormat.table) -> None:
    """Validate the store: SHACL shapes over the union of all graphs, then the query checks.

    Prints each problem (its focus node and message); exit code 0 ok, 1 violations, 2 error.
    """
    from .output import format_result

    report = polgraph.check(store=store)
    if report.violations or fmt is not OutputFormat.table:
        _write(format_result(report.rows(), fmt.value, max_width=0))
    _message(report.summary())
    if not report.ok:
        raise typer.Exit(EXIT_INPUTS_FAILED)


@app.command("eval")
@_reports_errors
def eval_command(
    gold: Annotated[list[Path], typer.Argument(
        metavar="GOLD", show_default=False, help="Gold annotation files (*.gold.json) or folders of them.")],
    articles_root: Annotated[Path | None, typer.Option(
        "--articles-root", metavar="DIR", show_default=False,
        help="Folder the gold files' 'article' paths are relative to.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score extraction against gold annotations: per file, then pooled over all of them."""
    import json

    from .evaluation import format_report

    report = polgraph.evaluate(gold, articles_root=articles_root)
    if as_json:
        _write(json.dumps({"cases": dict(report.cases), "pooled": report.pooled}, indent=2) + "\n")
        return
    for name, scores in report.cases:
        typer.echo(format_report(scores, title=name))
    typer.echo(format_report(report.pooled, title=f"pooled over {len(report.cases)} gold files"))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # `polgraph query ... | head`: stop quietly
        sys.stderr.close()
        sys.exit(EXIT_OK)


# ---------------------------------------------------------------------------------------------

def _parse_params(specs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{spec!r} is not NAME=VALUE", param_hint="--param")
        if name.strip() in params:
            raise typer.BadParameter(f"{name.strip()!r} is given twice", param_hint="--param")
        params[name.strip()] = value
    return params


def _write(text: str) -> None:
    """Results as UTF-8 bytes: CSV's CRLF line ends and non-ASCII names survive any locale."""
    stream = typer.get_binary_stream("stdout")
    stream.write(text.encode("utf-8"))
    stream.flush()


def _message(text: str) -> None:
    typer.echo(text, err=True)


class _ProgressLine:
    """A one-line ingest counter on stderr, redrawn in place on a terminal; silent otherwise.

    Failures are always printed, one line each, so logs of non-interactive runs stay complete.
    """

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()
        self.drawn = False
        if self.live:  # the language model takes a few seconds to load before the first article
            sys.stderr.write("ingesting: reading articles, loading the language model…")
            sys.stderr.flush()
            self.drawn = True

    def update(self, status: str, source: str, report: IngestReport) -> None:
        if status == "failed":
            self.clear()
            _message(report.failed[-1][1])
        if self.live:
            text = (f"ingesting: {report.ingested} ingested, {report.unchanged} unchanged, "
                    f"{len(report.failed)} failed — {source}")
            sys.stderr.write("\r\x1b[K" + text[:_columns() - 1])
            sys.stderr.flush()
            self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False


class _LoadLine:
    """A one-line load counter on stderr, redrawn in place on a terminal; silent otherwise."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()
        self.drawn = False

    def update(self, graph: str, report: LoadReport) -> None:
        if self.live:
            text = (f"loading: {report.graphs}/{report.total_graphs} graphs, {report.triples:,} triples "
                    f"— {graph}")
            sys.stderr.write("\r\x1b[K" + text[:_columns() - 1])
            sys.stderr.flush()
            self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False


def _columns() -> int:
    import shutil

    return shutil.get_terminal_size((100, 20)).columns
