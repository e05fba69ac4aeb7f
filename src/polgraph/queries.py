"""The query library: find `.rq` files, read their headers, bind parameters safely, run them.

A query file is plain SPARQL with its own PREFIX lines (so it runs in any SPARQL UI) and a header:

    #+ summary: Events in a place, by date.
    #+ param: place entity default="Phnom Penh" the place's name (any label, any case)

Parameter values are converted to RDF terms by their declared type and handed to the store's own
binding (Oxigraph substitutions), never formatted into the query text. Oxigraph binds a variable only
when the query projects it, so every parameter must appear in the SELECT clause.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Node

from .errors import QueryError
from .resources import queries_dir
from .vocab import PREFIXES, XSD

if TYPE_CHECKING:
    from .store import Rows, Store

PARAM_TYPES = ("string", "iri", "date", "integer", "entity")
SUFFIX = ".rq"
_HEADER = re.compile(r"^#\+\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(
    r"""^(?P<name>[A-Za-z_]\w*)\s+(?P<type>\S+)
        (?:\s+\[?default=(?P<default>"(?:[^"\\]|\\.)*"|[^\s\]]*)\]?)?
        (?:\s+(?P<description>.*))?$""",
    re.VERBOSE,
)
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
_QUERY_TEXT = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Param:
    """A declared query parameter."""

    name: str
    type: str
    default: str | None = None
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None

    def describe(self) -> str:
        """One line such as `place (entity, default "Phnom Penh"): the place's name`."""
        how = f"default {self.default!r}" if self.default is not None else "required"
        text = f"{self.name} ({self.type}, {how})"
        return f"{text}: {self.description}" if self.description else text


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A query of the library (or any query text) with what its header declares."""

    name: str
    text: str
    summary: str = ""
    params: tuple[Param, ...] = ()
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def list_queries(*, checks: bool = True) -> list[QueryInfo]:
    """Every query of the library, sorted by name; checks are named `checks/<name>`."""
    root = queries_dir()
    files = sorted(root.glob(f"*{SUFFIX}"))
    if checks:
        files += sorted((root / "checks").glob(f"*{SUFFIX}"))
    return [_from_file(f, name=_name_of(f, root)) for f in files]


def list_checks() -> list[QueryInfo]:
    """The consistency checks (queries/checks/): each returns no rows on a good graph."""
    return [q for q in list_queries() if q.name.startswith("checks/")]


def load_query(query: str | Path) -> QueryInfo:
    """A query from a file path, a library name (with or without .rq), or SPARQL text.

    >>> load_query("entities").summary != ""
    True
    """
    if isinstance(query, Path):
        return _from_file(query, name=query.stem)
    if "{" in query and _QUERY_TEXT.search(query):
        summary, params = parse_header(query, source="query text")
        return QueryInfo(name="query", text=query, summary=summary, params=params)
    path = Path(query)
    if path.suffix == SUFFIX and path.is_file():
        return _from_file(path, name=path.stem)
    root = queries_dir()
    name = query.removesuffix(SUFFIX)
    for candidate in (root / f"{name}{SUFFIX}", root / "checks" / f"{name}{SUFFIX}"):
        if candidate.is_file() and candidate.resolve().is_relative_to(root.resolve()):
            return _from_file(candidate, name=_name_of(candidate, root))
    if path.is_file():
        return _from_file(path, name=path.stem)
    known = ", ".join(q.name for q in list_queries(checks=False))
    raise QueryError(f"unknown query {query!r}", hint=f"give a .rq file or one of: {known} "
                     "(`polgraph queries` lists them with summaries)")


def parse_header(text: str, *, source: str = "") -> tuple[str, tuple[Param, ...]]:
    """Read the `#+ summary:` and `#+ param:` lines of a query."""
    summary = ""
    params: list[Param] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2)
        if key == "summary":
            summary = value
        elif key == "param":
            param = _parse_param(value, source=source)
            if any(p.name == param.name for p in params):
                raise QueryError(f"parameter {param.name!r} is declared twice", source=source)
            params.append(param)
    return summary, tuple(params)


def bind_params(info: QueryInfo, values: Mapping[str, str | Node] | None = None) -> dict[str, Node]:
    """Check given values against the declared parameters and convert them to RDF terms."""
    values = dict(values or {})
    unknown = sorted(set(values) - {p.name for p in info.params})
    if unknown:
        what = f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}"
        raise QueryError(f"{what} for query {info.name!r}", hint=_declared(info))
    bound: dict[str, Node] = {}
    for param in info.params:
        value = values.get(param.name, param.default)
        if value is None:
            raise QueryError(f"query {info.name!r} needs parameter {param.name!r}",
                             hint=f"give --param {param.name}=VALUE; {_declared(info)}")
        bound[param.name] = value if isinstance(value, Node) else to_term(value, param, query=info.name)
    return bound


def to_term(value: str, param: Param, *, query: str = "") -> Node:
    """Convert a text value to the RDF term its declared type asks for."""
    where = f"parameter {param.name!r}" + (f" of query {query!r}" if query else "")
    if param.type in ("string", "entity"):
        return Literal(value)
    if param.type == "integer":
        try:
            return Literal(int(value.strip()), datatype=XSD.integer)
        except ValueError:
            raise QueryError(f"{where} must be an integer, not {value!r}") from None
    if param.type == "date":
        try:
            return Literal(date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"{where} must be a date, not {value!r}", hint="use YYYY-MM-DD") from None
    iri = _expand(value.strip())
    if not _IRI.match(iri):
        raise QueryError(f"{where} must be an IRI, not {value!r}",
                         hint="give an absolute IRI or a prefixed name such as pgid:person/hun-sen")
    return URIRef(iri)


def run_query(query: str | Path | QueryInfo, store: Store,
              params: Mapping[str, str | Node] | None = None) -> Rows | bool | list[tuple]:
    """Run a library query (or file, or text) with bound parameters against a store."""
    info = query if isinstance(query, QueryInfo) else load_query(query)
    bound = bind_params(info, params)
    try:
        return store.query(info.text, params=bound)
    except QueryError as exc:
        raise QueryError(exc.what, source=str(info.path or info.name), hint=exc.hint) from None
    except RuntimeError as exc:  # Oxigraph's evaluation errors, e.g. a parameter not in the projection
        raise QueryError(f"query failed: {exc}", source=str(info.path or info.name),
                         hint="every declared parameter must be a projected variable (SELECT ?name ...)"
                         ) from None


def _from_file(path: Path, *, name: str) -> QueryInfo:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query: {exc}", source=str(path)) from None
    summary, params = parse_header(text, source=str(path))
    return QueryInfo(name=name, text=text, summary=summary, params=params, path=path)


def _name_of(path: Path, root: Path) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def _parse_param(spec: str, *, source: str) -> Param:
    m = _PARAM.match(spec)
    if not m:
        raise QueryError(f"malformed parameter declaration {spec!r}", source=source,
                         hint="write `#+ param: NAME TYPE [default=VALUE] description`")
    if m.group("type") not in PARAM_TYPES:
        raise QueryError(f"parameter {m.group('name')!r} has unknown type {m.group('type')!r}", source=source,
                         hint=f"use one of {', '.join(PARAM_TYPES)}")
    default = m.group("default")
    if default is not None and default.startswith('"'):
        default = re.sub(r"\\(.)", r"\1", default[1:-1])
    return Param(m.group("name"), m.group("type"), default, (m.group("description") or "").strip())


def _declared(info: QueryInfo) -> str:
    if not info.params:
        return f"{info.name!r} takes no parameters"
    return "declared: " + "; ".join(p.describe() for p in info.params)


def _expand(value: str) -> str:
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value
