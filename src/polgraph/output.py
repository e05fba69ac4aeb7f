"""Query results → text: aligned tables, SPARQL 1.1 CSV and JSON, and RDF for graph results.

Shared by every read command, so `--format` means the same thing everywhere.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import IO

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import PolgraphError
from .store import Rows, Term
from .vocab import PREFIXES, RDF, XSD

FORMATS = ("table", "csv", "json")
RDF_FORMATS = ("turtle", "ntriples", "jsonld")
_PLAIN = {str(XSD.string), str(RDF.langString)}
_ORDERED_PREFIXES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def format_result(result: Rows | bool | list[tuple], fmt: str = "table", *, max_width: int = 60) -> str:
    """Render a SELECT, ASK or CONSTRUCT result in one of FORMATS."""
    if fmt not in FORMATS:
        raise PolgraphError(f"unknown output format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if isinstance(result, bool):
        return to_json_boolean(result) if fmt == "json" else ("true\n" if result else "false\n")
    if isinstance(result, Rows):
        if fmt == "json":
            return to_json(result)
        if fmt == "csv":
            return to_csv(result)
        return to_table(result, max_width=max_width)
    return to_rdf(result, {"table": "turtle", "csv": "ntriples", "json": "jsonld"}[fmt])


def to_json(rows: Rows) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    bindings = [{var: _json_term(value) for var, value in zip(rows.variables, row, strict=True)
                 if value is not None} for row in rows.rows]
    doc = {"head": {"vars": rows.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_json_boolean(value: bool) -> str:
    return json.dumps({"head": {}, "boolean": value}, indent=2) + "\n"


def to_csv(rows: Rows) -> str:
    """SPARQL 1.1 Query Results CSV Format: lexical values only, CRLF line ends, RFC 4180 quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for row in rows.rows:
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue()


def to_table(rows: Rows, *, max_width: int = 60) -> str:
    """A readable aligned table: IRIs abbreviated with our prefixes, long cells cut with an ellipsis."""
    cells = [[_cut(compact(v), max_width) for v in row] for row in rows.rows]
    return table(rows.variables, cells)


def table(header: Sequence[str], cells: Sequence[Sequence[str]]) -> str:
    """Align columns of strings under a header and a rule."""
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def compact(value: Term | None) -> str:
    """A term as a person reads it: prefixed IRI, bare literal, `_:` blank node, empty when unbound."""
    if value is None:
        return ""
    if value.kind == "uri":
        for prefix, ns in _ORDERED_PREFIXES:
            if value.value.startswith(ns) and len(value.value) > len(ns):
                return f"{prefix}:{value.value[len(ns):]}"
        return value.value
    if value.kind == "bnode":
        return f"_:{value.value}"
    return " ".join(value.value.split())


def to_rdf(triples: Iterable[tuple], fmt: str = "turtle") -> str:
    """Serialise CONSTRUCT/DESCRIBE triples (of `Term`s) as Turtle, N-Triples or JSON-LD."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    for s, p, o in triples:
        graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    return graph.serialize(format="nt" if fmt == "ntriples" else "turtle")


def nquads_to_jsonld(data: bytes, out: IO[bytes]) -> None:
    """Convert an N-Quads dump to JSON-LD (one `@graph` per named graph), compacted with our prefixes."""
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns, override=True, replace=True)
    text = dataset.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
    out.write(text.encode("utf-8"))


def to_rdflib(term: Term) -> Node:
    if term.kind == "uri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def _json_term(value: Term) -> dict[str, str]:
    out = {"type": value.kind, "value": value.value}
    if value.kind == "literal":
        if value.language:
            out["xml:lang"] = value.language
        elif value.datatype and value.datatype not in _PLAIN:
            out["datatype"] = value.datatype
    return out


def _csv_value(value: Term | None) -> str:
    if value is None:
        return ""
    return f"_:{value.value}" if value.kind == "bnode" else value.value


def _cut(text: str, width: int) -> str:
    return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"
