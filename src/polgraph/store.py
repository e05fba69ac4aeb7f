"""The embedded store (Oxigraph on disk): the only module that imports pyoxigraph.

Writes never leave half an article. `replace_graphs` writes a batch of articles all or nothing: new
graphs go in through Oxigraph's bulk loader, whose sorted files are ingested in one atomic step;
a batch that replaces graphs first drops the old ones, then adds all the new quads in one
transaction. After a crash an article is either wholly present (old or new version) or absent, and
re-running the ingest completes it.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import PolgraphError, StoreError
from .queries import sort_rows, split_order_by
from .resources import ontology_dir
from .vocab import GRAPH_CAMEO, GRAPH_ONTOLOGY, PG

DEFAULT_STORE = "polgraph-store"
EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
GRAPH_FORMATS = {"turtle", "ntriples"}
BULK_MIN_QUADS = 5_000  # below this a transaction is as fast, and the bulk loader's files not worth making
BULK_MAX_QUADS = 500_000  # under Oxigraph's bulk-load batch (1M quads), so one call is one atomic ingestion
LOAD_BATCH_QUADS = 100_000
FILE_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


def default_store_path() -> Path:
    """`$POLGRAPH_STORE`, else ./polgraph-store in the working directory."""
    return Path(os.environ.get("POLGRAPH_STORE") or DEFAULT_STORE)


@dataclass(frozen=True, slots=True)
class Rows:
    """A SELECT result: variable names and rows of plain Python values (None when unbound)."""

    variables: list[str]
    rows: list[list[Term | None]]


class Term:
    """One result value with enough to render any SPARQL results format. A plain slotted class, not a
    frozen dataclass: a listing query makes tens of thousands of these, and the dataclass's guarded
    __init__ took three times as long. Treat it as immutable (equality and hash are by value)."""

    __slots__ = ("kind", "value", "datatype", "language")

    def __init__(self, kind: str, value: str, datatype: str | None = None, language: str | None = None) -> None:
        self.kind = kind  # "uri" | "literal" | "bnode"
        self.value = value
        self.datatype = datatype
        self.language = language

    def _key(self) -> tuple[str, str, str | None, str | None]:
        return (self.kind, self.value, self.datatype, self.language)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Term(kind={self.kind!r}, value={self.value!r}, datatype={self.datatype!r}, language={self.language!r})"

    def __str__(self) -> str:
        return self.value


class Store:
    """An Oxigraph store: persistent in a folder, or in memory when `path` is None."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError("no store here", source=str(self.path),
                                     hint="run `polgraph ingest` first or give --store")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:  # RuntimeError: a store another process is still creating
            if "lock" in str(exc).lower():  # RocksDB's LOCK file: one writing process per store folder
                raise StoreError(f"the store at {self.path} is in use by another polgraph process; wait "
                                 "for it to finish or use another --store") from None
            raise StoreError(f"cannot open store: {exc}", source=str(self.path),
                             hint="is it a polgraph store? If an ingest is creating it, wait and retry"
                             if read_only else "check that the folder is a polgraph store you may write to"
                             ) from None
        self.read_only = read_only

    # writing -------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Iterable[tuple[URIRef | str, list[tuple[Node, Node, Node, URIRef]] | str]]
                       ) -> int:
        """Replace each named graph by the given quads; returns how many quads were written.

        A graph's quads are rdflib quads (`rdf.to_quads`) or N-Quads text with one quad per line, all
        in that graph (`rdf.to_nquads`, several times cheaper). All or nothing per call: when every
        graph is new and the batch is large, Oxigraph's bulk loader writes it as one atomic ingestion
        of sorted files (about 3× faster than a transaction); otherwise the old graphs are dropped and
        the new quads added in one transaction. The bulk loader skips re-validating IRIs (`lenient`,
        about 15 % faster): `rdf.to_nquads` makes them valid by construction (slugs, checked URLs),
        and the N-Quads grammar is still checked.
        """
        names: list[ox.NamedNode] = []
        texts: list[str] = []
        batch: list[ox.Quad] = []
        for name, quads in graphs:
            names.append(ox.NamedNode(str(name)))
            if isinstance(quads, str):
                texts.append(quads)
            else:
                batch.extend(_quad(q) for q in quads)
        data = "".join(texts).encode("utf-8")
        count = len(batch) + data.count(b"\n")
        try:
            if (not batch and BULK_MIN_QUADS <= count <= BULK_MAX_QUADS and self.path is not None
                    and not any(self._store.contains_named_graph(n) for n in names)):
                self._store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
                return count
            if data:
                batch.extend(ox.parse(data, ox.RdfFormat.N_QUADS))
            for name in names:
                self._store.remove_graph(name)
            self._store.extend(batch)
        except OSError as exc:
            raise StoreError(f"write failed: {exc}", source=str(self.path or "memory")) from None
        except SyntaxError as exc:  # text that did not come from rdf.to_nquads
            raise StoreError(f"invalid N-Quads: {exc}", source=str(self.path or "memory")) from None
        return count

    def ensure_reference_graphs(self) -> None:
        """Load the ontology and the CAMEO scheme into their own graphs when missing."""
        for graph, file in ((GRAPH_ONTOLOGY, "polgraph.ttl"), (GRAPH_CAMEO, "cameo.ttl")):
            name = ox.NamedNode(graph)
            path = ontology_dir() / file
            if not path.exists() or self._store.contains_named_graph(name):
                continue
            self._store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=name)

    def remove_article_graphs(self, graphs: Iterable[str]) -> None:
        for g in graphs:
            self._store.remove_graph(ox.NamedNode(g))

    def load_file(self, path: str | Path, *, graph: str | None = None) -> int:
        """Load a Turtle/TriG/N-Quads/N-Triples file, replacing each named graph it holds; returns the
        number of quads loaded.

        A triples file goes into `graph` (replacing it) if given, else it is added to the default
        graph. The file is read as a stream and written in batches of whole graphs, each batch all or
        nothing (as `replace_graphs`), so loading the `.nq` shards of `polgraph extract` leaves each
        article whole, and loading a shard twice leaves the same triples.
        """
        fmt = FILE_FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            raise StoreError("unknown RDF file type", source=str(path), hint="use .ttl, .trig, .nq or .nt")
        target = ox.NamedNode(graph) if graph else None
        done: set[Any] = set()  # graphs this load replaced already: met again later, they are added to
        pending: list[ox.Quad] = []
        names: dict[Any, None] = {}
        count = 0

        def write() -> None:
            fresh = [n for n in names if n not in done and not isinstance(n, ox.DefaultGraph)]
            for name in fresh:
                self._store.remove_graph(name)
            self._store.extend(pending)
            done.update(names)
            pending.clear()
            names.clear()

        try:
            with open(path, "rb") as handle:
                for quad in ox.parse(handle, fmt):
                    if target is not None:
                        quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
                    if quad.graph_name not in names and len(pending) >= LOAD_BATCH_QUADS:
                        write()  # only between graphs, so each batch holds whole graphs
                    names[quad.graph_name] = None
                    pending.append(quad)
                    count += 1
            write()
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot load: {exc}", source=str(path)) from None
        return count

    def flush(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()

    def optimize(self) -> None:
        """Compact the store's files (after a large ingest, so that queries read fewer files)."""
        if not self.read_only and self.path is not None:
            self._store.optimize()

    # reading -------------------------------------------------------------------------------
    def content_hash(self, graph: str) -> str | None:
        """The content hash recorded in one article graph, or None: one index lookup, so an ingest
        never holds the hashes of the whole store in memory."""
        return self._article_value(graph, PG.contentHash)

    def extractor(self, graph: str) -> str | None:
        """What extracted one article graph (`pg:extractorVersion`, see `nlp.describe`), or None."""
        return self._article_value(graph, PG.extractorVersion)

    def _article_value(self, graph: str, predicate: object) -> str | None:
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.NamedNode(graph)):
            return quad.object.value
        return None

    def content_hashes(self) -> dict[str, str]:
        """Article graph IRI → content hash of what was ingested there."""
        out: dict[str, str] = {}
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(PG.contentHash)), None, None):
            out[quad.graph_name.value] = quad.object.value
        return out

    def query(self, sparql: str, params: Mapping[str, Node] | None = None) -> Rows | bool | list[tuple]:
        """Run a query over the union of all graphs; parameters are bound by Oxigraph, never pasted."""
        subs = {ox.Variable(k): _term(v) for k, v in (params or {}).items()}
        order = split_order_by(sparql)
        if order is not None:  # sort here (queries.sort_rows): Oxigraph decodes both values per comparison
            head, keys = order
            try:
                result = self._run(head, subs)
                if isinstance(result, ox.QuerySolutions):
                    variables = [v.value for v in result.variables]
                    if all(key.variable in variables for key in keys):
                        with _gc_paused():
                            rows = self._read(result, head, subs)
                            if sort_rows(rows, keys):
                                return rows
            except (PolgraphError, RuntimeError):
                pass  # whatever went wrong, the query as written says what
        result = self._run(sparql, subs)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            return self._read(result, sparql, subs)
        return [(_value(t.subject), _value(t.predicate), _value(t.object)) for t in result]

    def _run(self, sparql: str, subs: dict[ox.Variable, Any]) -> Any:
        try:
            return self._store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            from .errors import QueryError

            raise QueryError(f"SPARQL syntax error: {exc}", hint="check the query text") from None

    def _read(self, result: ox.QuerySolutions, sparql: str, subs: dict[ox.Variable, Any]) -> Rows:
        """`_rows`, or, when a cell is one the TSV reading does not know, the solutions read term by term
        (the query runs again: the TSV reading consumed them)."""
        with _gc_paused():
            try:
                return self._rows(result)
            except _TsvUnknown:
                return self._term_rows(self._run(sparql, subs))

    @staticmethod
    def _rows(result: ox.QuerySolutions) -> Rows:
        """The solutions as `Rows`. Oxigraph writes them as SPARQL TSV (one string, no Python object
        per value) and each distinct cell is converted once: about twice as fast as reading the
        solutions term by term, which stays as the fallback for a cell `_tsv_term` does not know."""
        variables = [v.value for v in result.variables]
        width = len(variables)
        if not width:  # each solution is an empty line: read them as solutions
            return Store._term_rows(result)
        data = result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
        # a header line, then one line per solution, each ending "\n"; cells hold no raw tab or newline
        body = data[data.index("\n") + 1:]
        if not body:
            return Rows(variables, [])
        flat = body[:-1].replace("\n", "\t").split("\t")
        if len(flat) != body.count("\n") * width:
            raise _TsvUnknown
        cells = _Cells()  # IRIs and labels recur across rows: each distinct cell is converted once
        try:
            values = list(map(cells.__getitem__, flat))  # one pass in C; _Cells.__missing__ converts
        except ValueError:
            raise _TsvUnknown from None
        return Rows(variables, [values[i:i + width] for i in range(0, len(values), width)])

    @staticmethod
    def _term_rows(result: ox.QuerySolutions) -> Rows:
        variables = [v.value for v in result.variables]
        seen: dict[Any, Term | None] = {None: None}
        rows = [[seen[t] if t in seen else seen.setdefault(t, _value(t)) for t in sol] for sol in result]
        return Rows(variables, rows)

    def count(self) -> int:
        return len(self._store)

    def default_graph_size(self) -> int:
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def dump_graph(self, graph: str) -> bytes:
        """One named graph as N-Triples (one triple per line), written by Oxigraph's own serialiser."""
        return self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))

    def graphs(self) -> Iterator[str]:
        for g in self._store.named_graphs():
            yield g.value

    def export(self, out: IO[bytes], fmt: str) -> None:
        """Write everything out in an RDF format (graph formats get the union of all graphs)."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(EXPORT_FORMATS)}")
        if fmt in GRAPH_FORMATS:
            triples = {(q.subject, q.predicate, q.object) for q in self._store}
            ox.serialize((ox.Triple(*t) for t in sorted(triples, key=str)), out, EXPORT_FORMATS[fmt],
                         prefixes=_prefixes())
        else:
            self._store.dump(out, EXPORT_FORMATS[fmt], prefixes=None if fmt == "nquads" else _prefixes())

    def quads(self, graph: str | None = None) -> Iterator[tuple[Any, Any, Any, Any]]:
        """All quads (of one graph), as rdflib terms."""
        name = ox.NamedNode(graph) if graph else None
        for q in self._store.quads_for_pattern(None, None, None, name):
            yield (_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object),
                   _to_rdflib(q.graph_name) if not isinstance(q.graph_name, ox.DefaultGraph) else None)


def _prefixes() -> dict[str, str]:
    from .vocab import PREFIXES

    return dict(PREFIXES)


def _term(node: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, str):
        return ox.Literal(node)
    raise TypeError(f"cannot store {node!r}")


def _quad(q: tuple[Node, Node, Node, URIRef]) -> ox.Quad:
    return ox.Quad(_term(q[0]), _term(q[1]), _term(q[2]), ox.NamedNode(str(q[3])))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a result's rows are built: they are tens of thousands of new
    container objects and no cycles, and the collections their allocation sets off cost about as much
    as building them (reading `timeline`'s 10,313 rows: 0.18 s collecting, 0.09 s paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _TsvUnknown(Exception):
    """A TSV cell `_tsv_term` cannot convert exactly (RDF-star triple, base direction, ...)."""


class _Cells(dict):
    """TSV cell → `Term` (None for an empty cell), each distinct cell converted once, on first use."""

    def __init__(self) -> None:
        super().__init__({"": None})

    def __missing__(self, cell: str) -> Term:
        term = self[cell] = _tsv_term(cell)
        return term


_XSD = "http://www.w3.org/2001/XMLSchema#"
_TSV_ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))', re.DOTALL)
_TSV_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_TSV_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_TSV_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")
_TSV_DOUBLE = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+\Z")
_TSV_LANGUAGE = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*\Z")


def _tsv_unescape(m: re.Match[str]) -> str:
    code = m.group(1) or m.group(2)
    if code:
        return chr(int(code, 16))
    if m.group(3) not in _TSV_ECHAR:
        raise ValueError(f"unknown escape \\{m.group(3)}")
    return _TSV_ECHAR[m.group(3)]


def _tsv_term(cell: str) -> Term:
    """One cell of Oxigraph's SPARQL TSV (a term in Turtle syntax) as the `Term` `_value` makes of the
    same solution value; ValueError for anything else."""
    first = cell[:1]
    if first == "<" and cell[-1:] == ">" and not cell.startswith("<<"):
        return Term("uri", cell[1:-1])
    if first == '"':
        end = cell.rfind('"')
        if end <= 0:
            raise ValueError(f"unterminated literal {cell!r}")
        value = cell[1:end]
        if "\\" in value:
            value = _TSV_ESCAPE.sub(_tsv_unescape, value)
        rest = cell[end + 1:]
        if not rest:
            return Term("literal", value, _XSD + "string")
        if rest[0] == "@" and _TSV_LANGUAGE.match(rest, 1):
            return Term("literal", value, None, rest[1:])
        if rest.startswith("^^<") and rest[-1] == ">":
            return Term("literal", value, rest[3:-1])
        raise ValueError(f"unknown literal {cell!r}")
    if cell.startswith("_:"):
        return Term("bnode", cell[2:])
    if cell in ("true", "false"):
        return Term("literal", cell, _XSD + "boolean")
    for pattern, datatype in ((_TSV_INTEGER, "integer"), (_TSV_DECIMAL, "decimal"), (_TSV_DOUBLE, "double")):
        if pattern.match(cell):
            return Term("literal", cell, _XSD + datatype)
    raise ValueError(f"unknown TSV cell {cell!r}")


def _value(term: Any) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        return Term("literal", term.value, None if term.language else dt, term.language)
    return Term("literal", str(term))


def _to_rdflib(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype is None or term.datatype.value == _XSD_STRING:  # as rdflib writes plain strings
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
