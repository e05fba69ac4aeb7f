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


# ---- ORDER BY in Python ----------------------------------------------------------------------------
# Oxigraph's ORDER BY decodes both terms (IRIs and long strings are read from the store's string table)
# on every comparison: sorting 10,000 rows by an IRI takes about a second. The embedded store therefore
# runs a query whose final ORDER BY has only simple keys without it, and sorts the rows here, decoding
# each value once, in SPARQL's order (unbound, blank nodes, IRIs, then literals). Anything else, or a
# key column whose values this cannot order exactly as SPARQL does, is left to Oxigraph.

@dataclass(frozen=True, slots=True)
class OrderKey:
    """One ORDER BY key over a projected variable: `?v`, `LCASE(?v)`, `STR(?v)`, `BOUND(?v)`,
    `!BOUND(?v)` or `?v = "text"`, ascending or descending."""

    variable: str
    function: str = ""  # "" | "lcase" | "str" | "bound" | "unbound" | "equals"
    descending: bool = False
    operand: str = ""  # the string of "equals"


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_TOKEN = re.compile(r'\s+|#[^\n]*|[?$](?P<var>\w+)|"(?P<str>[^"\\\n]*)"|(?P<word>[A-Za-z]+)|(?P<punct>[()!=])')
_NUMERIC = {str(XSD[t]) for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                                   "nonNegativeInteger", "positiveInteger", "negativeInteger",
                                   "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                                   "unsignedByte")}
_STRING, _BOOLEAN = str(XSD.string), str(XSD.boolean)


def split_order_by(sparql: str) -> tuple[str, tuple[OrderKey, ...]] | None:
    """The query without its final ORDER BY, and that clause's keys; None unless the clause ends the
    query (no LIMIT, OFFSET or VALUES after it) and every key is a simple one (`OrderKey`)."""
    end = sparql.rfind("}")
    if end < 0:
        return None
    tail = sparql[end + 1:]
    found = _ORDER_BY.search(tail)
    if found is None:
        return None
    tokens: list[tuple[str, str]] = []
    pos, text = 0, tail[found.end():]
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            return None
        pos = m.end()
        kind = m.lastgroup
        if kind is not None:
            tokens.append((kind, m.group(kind) if kind != "word" else m.group(kind).upper()))
    keys: list[OrderKey] = []
    while tokens:
        key = _order_key(tokens)
        if key is None:
            return None
        keys.append(key)
    return (sparql[:end + 1] + tail[:found.start()], tuple(keys)) if keys else None


def _order_key(tokens: list[tuple[str, str]]) -> OrderKey | None:
    """Parse one key off the front of `tokens` (consumed in place)."""
    def take(*expected: tuple[str, str]) -> bool:
        if len(tokens) >= len(expected) and all(tokens[i] == e for i, e in enumerate(expected)):
            del tokens[:len(expected)]
            return True
        return False

    def variable() -> str | None:
        if tokens and tokens[0][0] == "var":
            return tokens.pop(0)[1]
        return None

    def expression() -> OrderKey | None:
        if take(("punct", "(")):
            inner = expression()
            return inner if inner is not None and take(("punct", ")")) else None
        if take(("punct", "!"), ("word", "BOUND"), ("punct", "(")):
            name = variable()
            return OrderKey(name, "unbound") if name and take(("punct", ")")) else None
        for word, function in (("BOUND", "bound"), ("LCASE", "lcase"), ("STR", "str")):
            if take(("word", word), ("punct", "(")):
                name = variable()
                return OrderKey(name, function) if name and take(("punct", ")")) else None
        name = variable()
        if name is None:
            return None
        if take(("punct", "=")):
            if tokens and tokens[0][0] == "str":
                return OrderKey(name, "equals", operand=tokens.pop(0)[1])
            return None
        return OrderKey(name)

    for word, descending in (("ASC", False), ("DESC", True)):
        if take(("word", word), ("punct", "(")):
            key = expression()
            if key is None or not take(("punct", ")")):
                return None
            return OrderKey(key.variable, key.function, descending, key.operand)
    return expression()


def sort_rows(rows: Rows, keys: tuple[OrderKey, ...]) -> bool:
    """Sort `rows` in place by `keys` as SPARQL's ORDER BY does; False (rows untouched) when a key
    column holds values this does not order exactly as SPARQL does (mixed kinds of literal, languages,
    dates, ...)."""
    if not rows.rows:
        return True
    ranks: list[list[int]] = []
    for key in keys:
        index = rows.variables.index(key.variable)
        cells = [row[index] for row in rows.rows]
        # the store converts each distinct value once, so values recur as the same object: key each once
        distinct = {id(cell): cell for cell in cells}
        values = {ident: _sort_value(cell, key) for ident, cell in distinct.items()}
        kinds = {value[0] for value in values.values() if value[0] != 0}
        literal_types = {type(value[1]) for value in values.values() if value[0] == 3}  # str, float or bool
        if -1 in kinds or len(kinds) > 1 or len(literal_types) > 1:
            return False
        # each distinct sort value becomes its rank, so one sort compares small integers
        ordered = sorted(set(values.values()), reverse=key.descending)
        rank = {value: position for position, value in enumerate(ordered)}
        by_id = {ident: rank[value] for ident, value in values.items()}
        ranks.append([by_id[id(cell)] for cell in cells])
    combined = ranks[0]
    for column, size in ((column, max(column) + 1) for column in ranks[1:]):
        combined = [high * size + low for high, low in zip(combined, column, strict=True)]
    order = sorted(range(len(rows.rows)), key=combined.__getitem__)  # stable: ties keep the rows' order
    rows.rows[:] = [rows.rows[i] for i in order]
    return True


def _sort_value(term: object, key: OrderKey) -> tuple:
    """(rank, value): rank 0 unbound, 1 blank node, 2 IRI, 3 literal; rank -1 when not supported."""
    kind = getattr(term, "kind", None)
    if not key.function and kind == "uri":  # the common cases first
        return (2, term.value)  # type: ignore[attr-defined]
    value: str = getattr(term, "value", "")
    if key.function in ("bound", "unbound"):
        return (3, (term is not None) == (key.function == "bound"))
    if term is None:
        return (0, 0)
    literal = kind == "literal"
    language, datatype = getattr(term, "language", None), getattr(term, "datatype", None) or _STRING
    plain = literal and language is None and datatype == _STRING
    if key.function == "lcase":
        return (3, value.lower()) if plain else ((0, 0) if not literal else (-1, 0))
    if key.function == "str":
        return (3, value) if kind == "uri" or plain else ((0, 0) if kind == "bnode" else (-1, 0))
    if key.function == "equals":
        return (3, value == key.operand) if plain else (-1, 0)
    if kind == "bnode":
        return (1, value)
    if kind == "uri":
        return (2, value)
    if plain:
        return (3, value)
    if language is None and datatype in _NUMERIC:
        try:
            number = float(value)
        except ValueError:
            return (-1, 0)
        return (3, number) if number == number and abs(number) < 2 ** 53 else (-1, 0)
    if language is None and datatype == _BOOLEAN and value in ("true", "false", "1", "0"):
        return (3, value in ("true", "1"))
    return (-1, 0)
