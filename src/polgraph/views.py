"""Graph views: networkx projections of the store, drawn as one self-contained HTML page.

The only module that imports pyvis (lazily, when a page is drawn). Projections are plain networkx
graphs so that `polgraph.analysis` and notebooks can measure them without drawing anything:

- `actor_graph`: people and organisations linked when they take part in the same event; an edge goes
  agent → patient/recipient when the roles say so (attribute `directed`), `weight` counts the shared
  events, `events` holds them (`EventRef`), `quad_class` is the dominant CAMEO quad class;
- `event_graph`: events linked to their participants (edge `label` = role), places and dates;
- `ego`: the neighbourhood of some nodes, `depth` hops in either direction;
- `query_graph`: a graph from any SELECT (first two IRI/label columns) or CONSTRUCT query.

Every node carries `label` and `type` (the pg: class local name, or Event, Date, Value) and
`resource` (True when its id is an IRI of the store). Filters go to SPARQL as bound parameters or as
terms written by rdflib's `.n3()`, never as pasted text.

Pages (`render_graph`, `render_view`) inline vis-network from the pyvis package and nothing else: no
http(s) src/href, a Content-Security-Policy that only admits the page's own two scripts (by hash),
tooltips built in the browser with `textContent` from JSON data (article text never becomes HTML).
Up to `LARGE_GRAPH` nodes vis-network's physics lays the graph out; above it physics is off and the
positions are computed here; above `max_nodes` only the most connected nodes are kept, with a note.

>>> from polgraph.views import Filters
>>> Filters.of(cameo="17, 04", date_from="2019-11").cameo
('17', '04')
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from .cameo import QUAD_CLASSES, codebook
from .errors import PolgraphError, QueryError, StoreError
from .model import EntityType
from .vocab import PG, PREFIXES, RDFS, SKOS

if TYPE_CHECKING:
    from IPython.display import HTML

    from .store import Rows, Store

__all__ = [
    "KINDS", "LARGE_GRAPH", "MAX_NODES", "EventRef", "Filters", "ViewReport", "actor_graph", "build_graph",
    "ego", "event_graph", "fetch_events", "find_entities", "page_html", "query_graph", "render_graph",
    "render_view", "show", "write_page",
]

KINDS = ("actors", "events", "ego", "query")
LARGE_GRAPH = 500      # above this many nodes: physics off, layout computed in Python
MAX_NODES = 2000       # default cap: above it only the most connected nodes are drawn
EVIDENCE = 3           # evidence sentences per tooltip
EDGE_EVENTS = 8        # events listed per edge tooltip
_LAYOUT_PAIRS = 2000 ** 2 * 50   # node-pair work budget of the layout (50 iterations at 2,000 nodes)

QUAD_COLOURS = {1: "#74c476", 2: "#238b45", 3: "#fd8d3c", 4: "#d62728"}
NO_QUAD_COLOUR = "#9e9e9e"
# (shape, colour) per node type; shapes that vis-network scales by `size`
STYLES: dict[str, tuple[str, str]] = {
    "Person": ("dot", "#4e79a7"),
    "Organization": ("square", "#f28e2b"),
    "PoliticalParty": ("diamond", "#b07aa1"),
    "GovernmentBody": ("square", "#e15759"),
    "Court": ("triangle", "#9c755f"),
    "InternationalOrganization": ("star", "#76b7b2"),
    "Group": ("triangleDown", "#edc948"),
    "Place": ("hexagon", "#59a14f"),
    "Country": ("hexagon", "#2f7a3b"),
    "City": ("hexagon", "#8cd17d"),
    "Region": ("hexagon", "#499894"),
    "Event": ("diamond", NO_QUAD_COLOUR),   # filled with its quad-class colour
    "Date": ("dot", "#d4a6c8"),
    "Value": ("dot", "#bab0ac"),
}
_OTHER_STYLE = ("dot", "#bab0ac")
_ACTOR_ROOTS = ("Person", "Organization")
_PLACE_ROOTS = ("Place",)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PG = str(PG._NS)
_SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in (
    "pg", "sem", "rdf", "rdfs", "skos", "dcterms", "gaf", "nif", "org"))
_CHUNK = 400   # IRIs per VALUES block


# ---------------------------------------------------------------------------------------------
# plain values

@dataclass(frozen=True, slots=True)
class EventRef:
    """One event as views and analyses show it."""

    iri: str
    label: str
    code: str
    name: str = ""
    date: str | None = None
    quad_class: int | None = None
    article: str = ""
    article_title: str = ""

    def describe(self) -> str:
        """One line: `2019-11-14 · Hun Sen ask Sam Rainsy · CAMEO 120 Reject`."""
        code = f"CAMEO {self.code} {self.name}".strip()
        return f"{self.date or 'undated'} · {self.label} · {code}"


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events a view or analysis covers; `Filters.of` checks and normalises the options."""

    date_from: str | None = None
    date_to: str | None = None
    cameo: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    article: str | None = None

    @classmethod
    def of(cls, *, date_from: str | None = None, date_to: str | None = None,
           cameo: str | Iterable[str] | None = None, types: str | Iterable[str] | None = None,
           article: str | None = None) -> Filters:
        """Validate the options; raises QueryError naming the bad value and the valid ones."""
        for name, value in (("date from", date_from), ("date to", date_to)):
            if value is not None and not _DATE.match(value.strip()):
                raise QueryError(f"{name} {value!r} is not a date", hint="use YYYY, YYYY-MM or YYYY-MM-DD")
        codes = _split(cameo)
        book = codebook()
        for code in codes:
            if not code.isdigit() or code not in book:
                roots = ", ".join(sorted(c for c in book if len(c) == 2))
                raise QueryError(f"unknown CAMEO code {code!r}", hint=f"give roots ({roots}) or full codes")
        known = {t.value.lower(): t.value for t in EntityType}
        wanted: list[str] = []
        for name in _split(types):
            if name.lower() not in known:
                raise QueryError(f"unknown entity type {name!r}",
                                 hint=f"use one of {', '.join(t.value for t in EntityType)}")
            wanted.append(known[name.lower()])
        return cls(date_from.strip() if date_from else None, date_to.strip() if date_to else None,
                   tuple(dict.fromkeys(codes)), tuple(dict.fromkeys(wanted)),
                   article.strip() if article else None)

    def describe(self) -> str:
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        if self.cameo:
            parts.append("CAMEO " + ", ".join(self.cameo))
        if self.types:
            parts.append("types " + ", ".join(self.types))
        if self.article:
            parts.append(f"article {self.article}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class ViewReport:
    """What `render_view` wrote: the page and how much of the graph it shows."""

    path: Path
    nodes: int
    edges: int
    dropped: int
    kind: str
    physics: bool = True


@dataclass(slots=True)
class _Detail:
    aliases: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# projections

def fetch_events(store: Store, filters: Filters | None = None) -> dict[str, EventRef]:
    """Every event that passes the filters (entity types aside), by IRI."""
    f = filters or Filters()
    pattern, params = _event_pattern(f)
    text = ("SELECT ?event ?label ?code ?ts ?article ?title ?articleKey ?cname ?quad "
            f"{_projected(params)}\nWHERE {{\n  {pattern}" + """
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:identifier ?articleKey }
  OPTIONAL { ?event sem:eventType ?ctype . ?ctype skos:prefLabel ?cname .
             OPTIONAL { ?ctype pg:quadClass ?quad } }
}""")
    book = codebook()
    out: dict[str, EventRef] = {}
    for row in _select(store, text, params):
        iri = row["event"]
        if iri in out:
            continue
        code = row["code"] or ""
        entry = book.get(code)
        quad = int(row["quad"]) if (row["quad"] or "").isdigit() else (entry.quad_class if entry else None)
        name = row["cname"] or (entry.name if entry else "")
        article = row["article"] or ""
        out[iri] = EventRef(iri, row["label"] or _local(iri), code, name, row["ts"], quad, article,
                            row["title"] or row["articleKey"] or _local(article))
    return out


def actor_graph(store: Store, filters: Filters | None = None) -> nx.DiGraph:
    """People and organisations linked by the events they share (see the module docstring)."""
    f = filters or Filters()
    events = fetch_events(store, f)
    graph = nx.DiGraph(kind="actors")
    by_event: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event, entity, role, type_, label in _participants(store, f, _types(f.types, _ACTOR_ROOTS)):
        if event not in events:
            continue
        if entity not in graph:
            graph.add_node(entity, label=label, type=type_, resource=True, event_count=0)
        if (entity, role) not in by_event[event]:
            by_event[event].append((entity, role))
    directed: list[tuple[str, str, str]] = []
    loose: list[tuple[str, str, str]] = []
    for event in sorted(by_event):
        roles = by_event[event]
        members = sorted({e for e, _ in roles})
        for entity in members:
            graph.nodes[entity]["event_count"] += 1
        agents = sorted({e for e, r in roles if r == "agent"})
        targets = sorted({e for e, r in roles if r in ("patient", "recipient")})
        linked = set()
        for a in agents:
            for t in targets:
                if a != t:
                    directed.append((a, t, event))
                    linked.add(frozenset((a, t)))
        loose.extend((u, v, event) for u, v in combinations(members, 2) if frozenset((u, v)) not in linked)
    links: dict[tuple[str, str], list[tuple[str, bool]]] = defaultdict(list)
    for u, v, event in directed:
        links[(u, v)].append((event, True))
    for u, v, event in loose:   # a pair without roles joins an edge that already links them
        key = (u, v) if (u, v) in links or (v, u) not in links else (v, u)
        links[key].append((event, False))
    for (u, v), items in sorted(links.items()):
        refs = tuple(sorted({events[e] for e, _ in items}, key=lambda r: (r.date or "", r.iri)))
        graph.add_edge(u, v, **_edge_summary(refs), directed=all(d for _, d in items))
    _add_aliases(store, graph)
    return graph


def event_graph(store: Store, filters: Filters | None = None) -> nx.DiGraph:
    """Events as nodes, linked to their participants (edge label = role), places and dates."""
    f = filters or Filters()
    events = fetch_events(store, f)
    graph = nx.DiGraph(kind="events")
    links: list[tuple[str, str, str]] = []
    entities: dict[str, tuple[str, str]] = {}
    for event, entity, role, type_, label in _participants(store, f, _types(f.types)):
        if event in events:
            entities[entity] = (label, type_)
            links.append((event, entity, role))
    for event, place, type_, label in _places(store, f, _types(f.types, _PLACE_ROOTS)):
        if event in events:
            entities[place] = (label, type_)
            links.append((event, place, "place"))
    keep = {e for e, _, _ in links} if f.types else set(events)
    for iri in sorted(keep):
        ref = events[iri]
        graph.add_node(iri, label=ref.label, type="Event", resource=True, code=ref.code, cameo_name=ref.name,
                       date=ref.date or "", quad_class=ref.quad_class or 0, article=ref.article,
                       article_title=ref.article_title, event=ref)
        if ref.date:
            date_node = f"date:{ref.date}"
            graph.add_node(date_node, label=ref.date, type="Date", resource=False)
            graph.add_edge(iri, date_node, label="date", role="date", weight=1, events=(ref,))
    for event, entity, role in sorted(set(links)):
        if event not in graph:
            continue
        label, type_ = entities[entity]
        if entity not in graph:
            graph.add_node(entity, label=label, type=type_, resource=True)
        if graph.has_edge(event, entity):   # one entity in two roles: keep both names
            old = graph.edges[event, entity]["label"]
            if role not in old.split(", "):
                graph.edges[event, entity]["label"] = f"{old}, {role}"
            continue
        graph.add_edge(event, entity, label=role, role=role, weight=1, events=(events[event],))
    _add_aliases(store, graph)
    return graph


def ego(graph: nx.Graph, centres: Iterable[str], depth: int = 2) -> nx.Graph:
    """The nodes within `depth` hops of any centre (edges followed both ways); centres get `focus`."""
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, not {depth}")
    centres = [c for c in centres if c in graph]
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    sub = _induced(graph, keep)
    for centre in centres:
        sub.nodes[centre]["focus"] = True
    sub.graph["kind"] = "ego"
    return sub


def _induced(graph: nx.Graph, keep: set) -> nx.Graph:
    """The subgraph on `keep`, as a copy in the graph's own node order (networkx views use set order)."""
    sub = graph.__class__()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, dict(d)) for n, d in graph.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, dict(d)) for u, v, d in graph.edges(data=True) if u in keep and v in keep)
    return sub


def find_entities(store: Store, name: str) -> list[str]:
    """IRIs whose rdfs:label, skos:prefLabel or skos:altLabel is `name` (any case)."""
    text = """SELECT DISTINCT ?entity ?focus WHERE {
  ?entity rdfs:label|skos:prefLabel|skos:altLabel ?label .
  FILTER(LCASE(STR(?label)) = LCASE(STR(?focus)))
}"""
    return sorted({row["entity"] for row in _select(store, text, {"focus": Literal(name.strip())})
                   if row["entity"]})


def query_graph(store: Store, query: str | Path,
                params: Mapping[str, str | Node] | None = None) -> nx.DiGraph:
    """A graph from a SELECT (edge = first two IRI/label columns of a row) or CONSTRUCT result."""
    from .queries import run_query
    from .store import Rows

    result = run_query(query, store, params)
    graph = nx.DiGraph(kind="query")
    if isinstance(result, bool):
        raise QueryError("an ASK query answers true or false, not a graph",
                         hint="use a SELECT with two IRI or label columns, or a CONSTRUCT")
    if isinstance(result, Rows):
        _rows_into(graph, result)
    else:
        _triples_into(graph, result)
    _label_resources(store, graph)
    return graph


def build_graph(store: Store, *, kind: str = "actors", focus: str | None = None, depth: int = 2,
                filters: Filters | None = None, query: str | Path | None = None,
                params: Mapping[str, str | Node] | None = None) -> nx.DiGraph:
    """The graph a view shows: a projection (or query result), narrowed to an ego view by `focus`.

    kind "ego" uses the actor network; kind "events" with a focus gives an ego view of the event graph.
    """
    if kind not in KINDS:
        raise QueryError(f"unknown view kind {kind!r}", hint=f"use one of {', '.join(KINDS)}")
    f = filters or Filters()
    if query is not None or kind == "query":
        if query is None:
            raise QueryError("a query view needs a query", hint="give a query name, .rq file or SPARQL text")
        if f != Filters():
            raise QueryError("filters do not apply to a query view", hint="put the conditions in the query")
        graph = query_graph(store, query, params)
    elif kind == "ego" and not focus:
        raise QueryError("an ego view needs a focus", hint="give the name of a person or organisation")
    else:
        graph = event_graph(store, f) if kind == "events" else actor_graph(store, f)
    if graph.number_of_nodes() == 0:
        where = f" ({f.describe()})" if f.describe() else ""
        raise QueryError(f"nothing to show: no events match{where}" if query is None
                         else "nothing to show: the query gave no rows or triples",
                         hint="widen the filters, or ingest articles first (`polgraph ingest`)")
    if focus:
        graph = _ego_of(store, graph, focus, depth)
    return graph


# ---------------------------------------------------------------------------------------------
# pages

def render_view(store: Store, out: str | Path, *, kind: str = "actors", focus: str | None = None,
                depth: int = 2, date_from: str | None = None, date_to: str | None = None,
                cameo: str | Iterable[str] | None = None, types: str | Iterable[str] | None = None,
                article: str | None = None, query: str | Path | None = None,
                params: Mapping[str, str | Node] | None = None, max_nodes: int | None = MAX_NODES,
                title: str | None = None) -> ViewReport:
    """Write one self-contained HTML page showing a view of the store.

    Example: `render_view(store, "hun-sen.html", focus="Hun Sen", depth=1).nodes`
    """
    filters = Filters.of(date_from=date_from, date_to=date_to, cameo=cameo, types=types, article=article)
    graph = build_graph(store, kind=kind, focus=focus, depth=depth, filters=filters, query=query,
                        params=params)
    heading = title or _heading(graph, focus=focus, filters=filters)
    return render_graph(graph, out, title=heading, store=store, max_nodes=max_nodes)


def render_graph(graph: nx.Graph, out: str | Path, *, title: str = "polgraph view",
                 store: Store | None = None, max_nodes: int | None = MAX_NODES,
                 evidence: int = EVIDENCE) -> ViewReport:
    """Draw any networkx graph (node attributes as in the module docstring) into one HTML page.

    With a store, tooltips add aliases, posts and evidence sentences of the nodes that are IRIs.
    """
    page, report = page_html(graph, title=title, store=store, max_nodes=max_nodes, evidence=evidence)
    path = Path(out)
    write_page(path, page)
    return ViewReport(path, report.nodes, report.edges, report.dropped, report.kind, report.physics)


def page_html(graph: nx.Graph, *, title: str = "polgraph view", store: Store | None = None,
              max_nodes: int | None = MAX_NODES, evidence: int = EVIDENCE) -> tuple[str, ViewReport]:
    """The page text and its report (path empty): `render_graph` without writing a file."""
    if graph.number_of_nodes() == 0:
        raise QueryError("nothing to show: the graph has no nodes")
    if max_nodes is not None and max_nodes < 1:
        raise QueryError(f"max_nodes must be 1 or more, not {max_nodes}")
    total = graph.number_of_nodes()
    if max_nodes is not None and total > max_nodes:
        graph = _induced(graph, set(_most_central(graph, max_nodes)))
    shown = graph.number_of_nodes()
    physics = shown <= LARGE_GRAPH
    positions = {} if physics else _layout(graph)
    details = _describe(store, graph, evidence) if store is not None else {}
    nodes, edges, options = _vis_data(graph, positions, details, physics, evidence)
    note = f"{shown:,} of {total:,} nodes shown (the most central)" if shown < total else ""
    page = _page(title, nodes, edges, options, physics, note, _legend(graph))
    kind = str(graph.graph.get("kind", "graph"))
    return page, ViewReport(Path(), shown, graph.number_of_edges(), total - shown, kind, physics)


def show(view_html: str | Path | ViewReport, *, height: int = 640) -> HTML:
    """Display a view inline in Jupyter, isolated in a sandboxed `<iframe srcdoc>`.

    `view_html` is the page text, or the path (or report) of a written page.
    """
    try:
        from IPython.display import HTML
    except ImportError:
        raise PolgraphError("showing a view inline needs IPython",
                            hint="pip install ipython, or open the HTML file in a browser") from None
    if isinstance(view_html, ViewReport):
        view_html = view_html.path
    page = view_html.read_text(encoding="utf-8") if isinstance(view_html, Path) else view_html
    frame = (f'<div class="polgraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
             f'sandbox="allow-scripts" style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
             'title="polgraph view"></iframe></div>')
    return HTML(frame)


# ---------------------------------------------------------------------------------------------
# SPARQL helpers

def _select(store: Store, text: str,
            params: Mapping[str, Node] | None = None) -> Iterator[dict[str, str | None]]:
    from .store import Rows

    result = store.query(_SPARQL_PREFIXES + text, params)
    if not isinstance(result, Rows):   # pragma: no cover - our own queries are SELECTs
        raise QueryError("expected a SELECT result")
    for row in result.rows:
        yield {v: (t.value if t is not None else None) for v, t in zip(result.variables, row, strict=True)}


def _projected(params: Mapping[str, Node]) -> str:
    # Oxigraph binds a parameter only when the query projects it
    return " ".join(f"?{name}" for name in params)


_DATE_FILTER = ("FILTER(BOUND(?ts) && IF(STRLEN(STR(?ts)) >= STRLEN(?{var}), "
                "SUBSTR(STR(?ts), 1, STRLEN(?{var})) {op} ?{var}, "
                "STR(?ts) {op} SUBSTR(?{var}, 1, STRLEN(STR(?ts)))))")


def _event_pattern(f: Filters) -> tuple[str, dict[str, Node]]:
    """The graph pattern selecting ?event (with ?code, ?ts, ?article) under the filters."""
    parts = ["GRAPH ?article { ?event a pg:Event }", "?event pg:cameoCode ?code .",
             "OPTIONAL { ?event sem:hasTimeStamp ?ts }"]
    params: dict[str, Node] = {}
    if f.article is not None:
        parts.append("?article dcterms:identifier ?articleId .")
        params["articleId"] = Literal(f.article)
    if f.cameo:   # codes are checked digits; .n3() writes them as literals all the same
        parts.append("FILTER(" + " || ".join(f"STRSTARTS(?code, {Literal(c).n3()})" for c in f.cameo) + ")")
    # dates compare on their common prefix, so a year-only date overlaps every day of its year
    for var, op, value in (("dateFrom", ">=", f.date_from), ("dateTo", "<=", f.date_to)):
        if value:
            parts.append(_DATE_FILTER.format(var=var, op=op))
            params[var] = Literal(value)
    return "\n  ".join(parts), params


def _participants(store: Store, f: Filters, types: list[str]) -> list[tuple[str, str, str, str, str]]:
    pattern, params = _event_pattern(f)
    text = (f"SELECT ?event ?entity ?role ?type ?label {_projected(params)} WHERE {{\n  {pattern}\n"
            "  ?event sem:hasActor ?part . ?part rdf:value ?entity ; sem:roleType ?role .\n"
            f"  ?entity a ?type . VALUES ?type {{ {_iris(PG[t] for t in types)} }}\n"
            "  OPTIONAL { ?entity rdfs:label ?label }\n}")
    seen: dict[tuple[str, str, str], tuple[str, str, str, str, str]] = {}
    for row in _select(store, text, params):
        key = (row["event"], row["entity"], _local(row["role"]))
        seen.setdefault(key, (*key, _local(row["type"]), row["label"] or _local(row["entity"])))
    return sorted(seen.values())


def _places(store: Store, f: Filters, types: list[str]) -> list[tuple[str, str, str, str]]:
    if not types:
        return []
    pattern, params = _event_pattern(f)
    text = (f"SELECT ?event ?place ?type ?label {_projected(params)} WHERE {{\n  {pattern}\n"
            "  ?event sem:hasPlace ?place .\n"
            f"  ?place a ?type . VALUES ?type {{ {_iris(PG[t] for t in types)} }}\n"
            "  OPTIONAL { ?place rdfs:label ?label }\n}")
    seen: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for row in _select(store, text, params):
        key = (row["event"], row["place"])
        seen.setdefault(key, (*key, _local(row["type"]), row["label"] or _local(row["place"])))
    return sorted(seen.values())


def _types(wanted: Iterable[str], within: Iterable[str] | None = None) -> list[str]:
    """pg: class names covered by `wanted` (with subclasses), inside the `within` roots."""
    closure = _subclasses()
    allowed = set().union(*(closure.get(r, {r}) for r in within)) if within else {t.value for t in EntityType}
    wanted = list(wanted)
    chosen = set().union(*(closure.get(w, {w}) for w in wanted)) if wanted else allowed
    return sorted(chosen & allowed)


@lru_cache(maxsize=1)
def _subclasses() -> dict[str, frozenset[str]]:
    """pg class → itself and its pg subclasses, read from ontology/polgraph.ttl."""
    from rdflib import Graph

    from .resources import ontology_dir

    names = {t.value for t in EntityType}
    graph = Graph()
    path = ontology_dir() / "polgraph.ttl"
    if path.exists():
        graph.parse(path, format="turtle")
    out: dict[str, frozenset[str]] = {}
    for name in names:
        below = {str(s) for s in graph.transitive_subjects(RDFS.subClassOf, PG[name])}
        out[name] = frozenset({name} | {s.removeprefix(_PG) for s in below if s.startswith(_PG)} & names)
    return out


def _iris(iris: Iterable[str]) -> str:
    return " ".join(URIRef(i).n3() for i in iris)


def _local(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] if iri else ""


def _split(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else value
    return [item.strip() for item in items if item and item.strip()]


def _edge_summary(refs: tuple[EventRef, ...]) -> dict[str, Any]:
    """Weight, CAMEO codes, label and dominant quad class of an actor edge."""
    codes = sorted({r.code for r in refs})
    names = {r.code: r.name for r in refs}
    quads = Counter(r.quad_class for r in refs if r.quad_class)
    # ties go to the more conflictual class: it is the one an analyst looks for
    quad = max(quads, key=lambda q: (quads[q], q)) if quads else 0
    if len(codes) == 1:
        label = f"{names[codes[0]]} ({codes[0]})" if names[codes[0]] else codes[0]
    else:
        label = "CAMEO " + ", ".join(codes[:4]) + (f" +{len(codes) - 4}" if len(codes) > 4 else "")
    return {"weight": len(refs), "events": refs, "codes": tuple(codes), "label": label, "quad_class": quad}


def _ego_of(store: Store, graph: nx.DiGraph, focus: str, depth: int) -> nx.DiGraph:
    matches = find_entities(store, focus)
    centres = [m for m in matches if m in graph]
    if not centres:
        wanted = focus.strip().lower()
        centres = [n for n, d in graph.nodes(data=True) if str(d.get("label", "")).lower() == wanted]
    if centres:
        return ego(graph, centres, depth)
    if matches:
        raise QueryError(f"{focus!r} takes part in no event of this view",
                         hint="widen the filters, or try kind='events'")
    import difflib

    labels = sorted({str(d.get("label", "")) for _, d in graph.nodes(data=True)})
    close = difflib.get_close_matches(focus, labels, n=3, cutoff=0.5)
    near = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
    raise QueryError(f"no entity is called {focus!r}",
                     hint=f"{near}names match a label or alias in full, in any case")


def _rows_into(graph: nx.DiGraph, result: Rows) -> None:
    usable = [i for i, v in enumerate(result.variables)
              if any(row[i] is not None and row[i].kind in ("uri", "literal") for row in result.rows)]
    if len(usable) < 2:
        raise QueryError("a SELECT view needs two columns of IRIs or labels",
                         hint="select the two ends of each edge first, e.g. SELECT ?actor ?target ...")
    a, b = usable[:2]
    rest = [i for i in range(len(result.variables)) if i not in (a, b)]
    for row in result.rows:
        ends = (row[a], row[b])
        if ends[0] is None or ends[1] is None or not all(t.kind in ("uri", "literal") for t in ends):
            continue
        ids = [_term_node(graph, t) for t in ends]
        extra = [f"{result.variables[i]}: {row[i].value}" for i in rest if row[i] is not None]
        if graph.has_edge(*ids):
            data = graph.edges[ids[0], ids[1]]
            data["weight"] += 1
            data["lines"] = (*data["lines"], *extra)[:EDGE_EVENTS * 2]
        else:
            label = row[rest[0]].value if rest and row[rest[0]] is not None else ""
            graph.add_edge(*ids, label=label[:60], weight=1, lines=tuple(extra), directed=True)


def _term_node(graph: nx.DiGraph, term: Any) -> str:
    if term.kind == "uri":
        if term.value not in graph:
            graph.add_node(term.value, label=_local(term.value), type="Value", resource=True)
        return term.value
    node = f"value:{term.value}"
    if node not in graph:
        graph.add_node(node, label=term.value, type="Value", resource=False)
    return node


def _triples_into(graph: nx.DiGraph, triples: list[tuple]) -> None:
    label_predicates = {str(RDFS.label), str(SKOS.prefLabel)}
    for s, p, o in triples:
        if s.kind == "bnode":
            continue
        subject = _term_node(graph, s)
        if p.value == PREFIXES["rdf"] + "type" and o.kind == "uri":
            if o.value.startswith(_PG) or graph.nodes[subject]["type"] == "Value":
                graph.nodes[subject]["type"] = _local(o.value)
        elif o.kind == "literal":
            if p.value in label_predicates:
                graph.nodes[subject]["label"] = o.value
                graph.nodes[subject]["named"] = True
            else:
                facts = graph.nodes[subject].setdefault("facts", [])
                if len(facts) < 12:
                    facts.append(f"{_local(p.value)}: {o.value}")
        elif o.kind == "uri":
            target = _term_node(graph, o)
            if graph.has_edge(subject, target):
                old = graph.edges[subject, target]["label"]
                graph.edges[subject, target]["label"] = f"{old}, {_local(p.value)}"
                graph.edges[subject, target]["weight"] += 1
            else:
                graph.add_edge(subject, target, label=_local(p.value), weight=1, directed=True)


def _label_resources(store: Store, graph: nx.DiGraph) -> None:
    """Give IRI nodes of a query result their store label and pg: type."""
    iris = [n for n, d in graph.nodes(data=True) if d.get("resource") and not d.get("named")]
    for chunk in _chunks(iris):
        text = ("SELECT ?n ?label ?type WHERE {\n  VALUES ?n { " + _iris(chunk) + " }\n"
                "  OPTIONAL { ?n rdfs:label ?label }\n"
                f"  OPTIONAL {{ ?n a ?type FILTER(STRSTARTS(STR(?type), {Literal(_PG).n3()})) }}\n}}")
        for row in _select(store, text):
            node = graph.nodes[row["n"]]
            if row["label"] and not node.get("named"):
                node["label"] = row["label"]
                node["named"] = True
            if row["type"] and node["type"] == "Value":
                node["type"] = _local(row["type"])


def _add_aliases(store: Store, graph: nx.Graph) -> None:
    """Entity nodes get `aliases` (skos:altLabel), so analyses can find them by any name."""
    entities = sorted(n for n, d in graph.nodes(data=True) if d.get("resource") and d.get("type") != "Event")
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(entities):
        text = "SELECT ?n ?alias WHERE { VALUES ?n { " + _iris(chunk) + " } ?n skos:altLabel ?alias }"
        for row in _select(store, text):
            found[row["n"]].add(row["alias"])
    for node in entities:
        graph.nodes[node]["aliases"] = tuple(sorted(found[node]))


def _chunks(items: list[str], size: int = _CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _describe(store: Store, graph: nx.Graph, evidence: int) -> dict[str, _Detail]:
    """Aliases, posts and evidence sentences (with article titles) of the resources in a graph."""
    iris = {n for n, d in graph.nodes(data=True) if d.get("resource")}
    for _, _, data in graph.edges(data=True):
        iris.update(r.iri for r in data.get("events", ())[:evidence])
    details: dict[str, _Detail] = defaultdict(_Detail)
    quotes: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    for chunk in _chunks(sorted(iris)):
        values = "VALUES ?n { " + _iris(chunk) + " }"
        for row in _select(store, f"SELECT ?n ?alias WHERE {{ {values} ?n skos:altLabel ?alias }}"):
            details[row["n"]].aliases.append(row["alias"])
        posts = f"SELECT ?n ?post WHERE {{ {values} ?n org:holds ?p . ?p rdfs:label ?post }}"
        for row in _select(store, posts):
            details[row["n"]].posts.append(row["post"])
        text = f"""SELECT DISTINCT ?n ?s ?text ?begin ?title ?id WHERE {{
  {values}
  {{ ?n gaf:denotedBy/nif:sentence ?s }} UNION {{ ?n pg:evidence ?s }}
  ?s nif:anchorOf ?text ; nif:referenceContext ?ctx .
  OPTIONAL {{ ?s nif:beginIndex ?begin }}
  OPTIONAL {{ ?ctx pg:inArticle ?a . OPTIONAL {{ ?a dcterms:title ?title }}
             OPTIONAL {{ ?a dcterms:identifier ?id }} }}
}}"""
        for row in _select(store, text):
            begin = int(row["begin"]) if row["begin"] and row["begin"].isdigit() else 0
            quotes[row["n"]].append((row["title"] or row["id"] or "", begin, row["s"], row["text"]))
    for iri, found in quotes.items():
        seen: set[str] = set()
        for title, _, sentence, text in sorted(found):
            if sentence not in seen:
                seen.add(sentence)
                details[iri].quotes.append((text, title))
    for detail in details.values():
        detail.aliases = sorted(set(detail.aliases))
        detail.posts = sorted(set(detail.posts))
    return dict(details)


# ---------------------------------------------------------------------------------------------
# drawing

def _most_central(graph: nx.Graph, limit: int) -> list[str]:
    """The `limit` best-connected nodes (focus nodes first); ties by label, then id."""
    degree = dict(graph.degree())
    ranked = sorted(graph.nodes(data=True), key=lambda nd: (
        not nd[1].get("focus"), -degree[nd[0]], str(nd[1].get("label", "")), nd[0]))
    return [n for n, _ in ranked[:limit]]


def _layout(graph: nx.Graph, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in numpy, row blocks at a time, scaled to pixels (for large graphs)."""
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    ei = np.array([p[0] for p in pairs], dtype=np.intp)
    ej = np.array([p[1] for p in pairs], dtype=np.intp)
    rng = np.random.default_rng(seed)
    x = rng.random(n, dtype=np.float32)
    y = rng.random(n, dtype=np.float32)
    k2 = np.float32(1.0 / n)
    k = math.sqrt(1.0 / n)
    # a fixed budget of node-pair work keeps very large graphs to a few seconds
    iterations = max(8, min(50, _LAYOUT_PAIRS // max(1, n * n)))
    step = 0.1
    cool = step / (iterations + 1)
    block = max(64, 2_000_000 // n)
    for _ in range(iterations):
        dx_all = np.empty(n, dtype=np.float32)
        dy_all = np.empty(n, dtype=np.float32)
        for start in range(0, n, block):
            dx = x[start:start + block, None] - x[None, :]
            dy = y[start:start + block, None] - y[None, :]
            w = dx * dx
            w += dy * dy
            np.maximum(w, 1e-6, out=w)
            np.divide(k2, w, out=w)
            dx_all[start:start + block] = (dx * w).sum(axis=1)
            dy_all[start:start + block] = (dy * w).sum(axis=1)
        if len(pairs):
            ddx = x[ei] - x[ej]
            ddy = y[ei] - y[ej]
            dist = np.sqrt(ddx * ddx + ddy * ddy) / k
            fx, fy = ddx * dist, ddy * dist
            dx_all += (np.bincount(ej, fx, n) - np.bincount(ei, fx, n)).astype(np.float32)
            dy_all += (np.bincount(ej, fy, n) - np.bincount(ei, fy, n)).astype(np.float32)
        length = np.sqrt(dx_all * dx_all + dy_all * dy_all)
        np.maximum(length, 1e-9, out=length)
        scale = np.minimum(length, step) / length
        x += dx_all * scale
        y += dy_all * scale
        step -= cool
    x -= (x.max() + x.min()) / 2
    y -= (y.max() + y.min()) / 2
    span = float(max(x.max() - x.min(), y.max() - y.min(), 1e-9))
    size = 60.0 * math.sqrt(n) + 400.0
    return {node: (round(float(x[i]) / span * size, 1), round(float(y[i]) / span * size, 1))
            for node, i in index.items()}


def _style(data: Mapping[str, Any]) -> tuple[str, str]:
    type_ = str(data.get("type", ""))
    shape, colour = STYLES.get(type_, _OTHER_STYLE)
    if type_ == "Event":
        colour = QUAD_COLOURS.get(int(data.get("quad_class") or 0), NO_QUAD_COLOUR)
    return shape, colour


def _vis_data(graph: nx.Graph, positions: Mapping[Any, tuple[float, float]], details: Mapping[str, _Detail],
              physics: bool, evidence: int) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options through pyvis (ids, shapes, colours, sizes, positions, tooltips)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(graph.degree())
    top = max(degree.values(), default=0) or 1
    tips: dict[str, dict] = {}
    for node, data in graph.nodes(data=True):
        shape, colour = _style(data)
        label = str(data.get("label") or node)
        options: dict[str, Any] = {"size": round(10 + 26 * math.sqrt(degree[node] / top), 1)}
        if data.get("focus"):
            options.update(borderWidth=4, font={"size": 18, "bold": True})
        if node in positions:
            options.update(x=positions[node][0], y=positions[node][1])
        net.add_node(str(node), label=label if len(label) <= 40 else label[:39] + "…", shape=shape,
                     color=colour, **options)
        tips[str(node)] = _node_tip(node, data, details.get(node), evidence)
    edge_tips = []
    show_labels = physics
    for u, v, data in graph.edges(data=True):
        quad = int(data.get("quad_class") or 0)
        colour = QUAD_COLOURS.get(quad, "#8c8c8c") if quad else "#8c8c8c"
        arrows = "to" if data.get("directed", graph.is_directed()) else ""
        options = {"color": colour, "arrows": arrows, "value": float(data.get("weight", 1) or 1)}
        if show_labels and data.get("label"):
            text = str(data["label"])
            options["label"] = text if len(text) <= 32 else text[:31] + "…"
        net.add_edge(str(u), str(v), **options)
        edge_tips.append(_edge_tip(graph, u, v, data, details, evidence))
    nodes, edges, _, _, _, _ = net.get_network_data()
    for item in nodes:
        item["tip"] = tips[item["id"]]
    for item, tip in zip(edges, edge_tips, strict=True):
        item["tip"] = tip
    options = {
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"smooth": physics and {"type": "continuous"}, "font": {"size": 10, "align": "middle"},
                  "scaling": {"min": 2, "max": 8, "label": {"enabled": False}},
                  "arrows": {"to": {"scaleFactor": 0.6}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics,
                        "navigationButtons": False, "keyboard": False},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 300, "fit": True}},
        "layout": {"improvedLayout": graph.number_of_nodes() <= 150, "randomSeed": 7},
    }
    return nodes, edges, options


def _node_tip(node: str, data: Mapping[str, Any], detail: _Detail | None, evidence: int) -> dict:
    lines = [f"Type: {data.get('type') or 'unknown'}"]
    if data.get("type") == "Event":
        quad = int(data.get("quad_class") or 0)
        lines.append(f"CAMEO {data.get('code', '')} {data.get('cameo_name', '')}".strip()
                     + (f" ({QUAD_CLASSES[quad]})" if quad in QUAD_CLASSES else ""))
        lines.append(f"Date: {data.get('date') or 'undated'}")
        if data.get("article_title"):
            lines.append(f"Article: {data['article_title']}")
    if data.get("event_count"):
        lines.append(f"Events: {data['event_count']}")
    aliases = sorted({*data.get("aliases", ()), *(detail.aliases if detail else ())})
    if aliases:
        lines.append("Also called: " + ", ".join(aliases[:10]))
    if detail and detail.posts:
        lines.append("Posts: " + "; ".join(detail.posts[:6]))
    lines.extend(str(f) for f in data.get("facts", ()))
    if data.get("resource"):
        lines.append(str(node))
    return {"h": str(data.get("label") or node), "lines": lines,
            "quotes": [list(q) for q in (detail.quotes[:evidence] if detail else [])]}


def _edge_tip(graph: nx.Graph, u: str, v: str, data: Mapping[str, Any], details: Mapping[str, _Detail],
              evidence: int) -> dict:
    arrow = " → " if data.get("directed", graph.is_directed()) else " — "
    head = f"{graph.nodes[u].get('label', u)}{arrow}{graph.nodes[v].get('label', v)}"
    refs = data.get("events", ())
    lines: list[str] = []
    if graph.graph.get("kind") == "events" or data.get("role"):
        lines.append(f"Role: {data.get('label', '')}")
    elif refs:
        lines.append(f"{len(refs)} shared event{'s' if len(refs) != 1 else ''}")
        lines.extend(r.describe() for r in refs[:EDGE_EVENTS])
        if len(refs) > EDGE_EVENTS:
            lines.append(f"… and {len(refs) - EDGE_EVENTS} more")
    lines.extend(str(line) for line in data.get("lines", ()))
    quotes: list[list[str]] = []
    for ref in refs[:evidence]:
        detail = details.get(ref.iri)
        if detail:
            quotes.extend([text, title] for text, title in detail.quotes[:1])
    return {"h": head, "lines": lines, "quotes": quotes[:evidence]}


def _legend(graph: nx.Graph) -> str:
    types = Counter(str(d.get("type") or "unknown") for _, d in graph.nodes(data=True))
    items = []
    for type_, count in sorted(types.items(), key=lambda tc: (-tc[1], tc[0])):
        shape, colour = STYLES.get(type_, _OTHER_STYLE)
        hint = " (colour: CAMEO quad class)" if type_ == "Event" else ""
        items.append(f'<li>{_symbol(shape, colour)}<span>{html.escape(type_)}{hint} '
                     f'<small>{count:,}</small></span></li>')
    quads = Counter(int(d.get("quad_class") or 0) for *_, d in graph.edges(data=True))
    quads.update(int(d.get("quad_class") or 0) for _, d in graph.nodes(data=True) if d.get("type") == "Event")
    quad_items = [f'<li><span class="pg-line" style="background:{QUAD_COLOURS[q]}"></span>'
                  f'<span>{html.escape(QUAD_CLASSES[q])}</span></li>'
                  for q in sorted(quads) if q in QUAD_COLOURS]
    out = '<h2>Node types</h2><ul>' + "".join(items) + "</ul>"
    if quad_items:
        out += "<h2>CAMEO quad class</h2><ul>" + "".join(quad_items) + "</ul>"
    out += ("<p class=\"pg-help\">Size: number of links. Hover a node or edge for details; "
            "drag to move, scroll to zoom.</p>")
    return out


def _symbol(shape: str, colour: str) -> str:
    paths = {
        "dot": '<circle cx="8" cy="8" r="6"/>',
        "square": '<rect x="2" y="2" width="12" height="12"/>',
        "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
        "triangle": '<polygon points="8,1 15,14 1,14"/>',
        "triangleDown": '<polygon points="1,2 15,2 8,15"/>',
        "star": '<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"/>',
        "hexagon": '<polygon points="4,1 12,1 15,8 12,15 4,15 1,8"/>',
    }
    return (f'<svg class="pg-symbol" width="16" height="16" viewBox="0 0 16 16" fill="{html.escape(colour)}" '
            f'aria-hidden="true">{paths.get(shape, paths["dot"])}</svg>')


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` can close it or start markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as pyvis ships them (no source-map comment)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    script = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    script = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", script)
    style = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in script.lower() or "</style" in style.lower():   # pragma: no cover - a changed pyvis
        raise PolgraphError("pyvis' vis-network files cannot be inlined", hint="reinstall pyvis==0.3.2")
    return script, style


_PAGE_CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; background: #fff; }
body { display: flex; flex-direction: column; }
header { padding: 8px 16px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0; }
#pg-note { margin: 4px 0 0; color: #a33; font-weight: 600; }
#pg-note:empty { display: none; }
main { flex: 1; display: flex; min-height: 0; }
#pg-network { flex: 1; min-width: 0; height: 100%; background: #fff; }
#pg-legend { width: 220px; padding: 8px 12px; border-left: 1px solid #ddd; overflow: auto; font-size: 13px; }
#pg-legend h2 { font-size: 13px; margin: 8px 0 4px; }
#pg-legend ul { list-style: none; margin: 0; padding: 0; }
#pg-legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
#pg-legend small { color: #777; }
.pg-line { display: inline-block; width: 16px; height: 4px; border-radius: 2px; }
.pg-help { color: #666; }
div.vis-tooltip { max-width: 460px; white-space: normal; padding: 8px;
  font: 13px/1.35 system-ui, sans-serif; }
.pg-tip strong { display: block; margin-bottom: 4px; }
.pg-tip p { margin: 2px 0; overflow-wrap: anywhere; }
.pg-tip blockquote { margin: 6px 0 0; padding-left: 8px; border-left: 3px solid #ccc; }
.pg-tip cite { display: block; color: #666; font-size: 12px; }
"""

# Builds tooltips from data with textContent only, then draws; `polgraphReady` marks the end.
_PAGE_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  function add(parent, tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }
  function tooltip(tip) {
    var box = document.createElement("div");
    box.className = "pg-tip";
    add(box, "strong", tip.h);
    tip.lines.forEach(function (line) { add(box, "p", line); });
    tip.quotes.forEach(function (quote) {
      var q = add(box, "blockquote", quote[0]);
      if (quote[1]) { add(q, "cite", quote[1]); }
    });
    return box;
  }
  [data.nodes, data.edges].forEach(function (items) {
    items.forEach(function (item) {
      if (item.tip) { item.title = tooltip(item.tip); }
      delete item.tip;
    });
  });
  var container = document.getElementById("pg-network");
  var network = new vis.Network(container, {}, data.options);
  window.network = network;
  function ready() {
    window.polgraphReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () { network.fit(); ready(); });
  } else {
    network.once("afterDrawing", ready);
  }
  network.setData({ nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) });
})();
"""


def _page(title: str, nodes: list[dict], edges: list[dict], options: dict, physics: bool, note: str,
          legend: str) -> str:
    vis_js, vis_css = _vis_assets()
    payload = _json_for_script({"nodes": nodes, "edges": edges, "options": options, "physics": physics})
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in (vis_js, _PAGE_JS))
    # only the two scripts above may run: no other script, no handler attribute, no network request
    policy = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
              "font-src data:; base-uri 'none'; form-action 'none'")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="generator" content="polgraph">\n',
        f"<title>{html.escape(title)}</title>\n",
        "<style>", vis_css, "</style>\n<style>", _PAGE_CSS, "</style>\n",
        "<script>", vis_js, "</script>\n</head>\n<body>\n",
        f"<header><h1>{html.escape(title)}</h1><p id=\"pg-note\">{html.escape(note)}</p></header>\n",
        '<main><div id="pg-network"></div>\n',
        f'<aside id="pg-legend" aria-label="legend">{legend}</aside></main>\n',
        f'<script type="application/json" id="pg-data">{payload}</script>\n',
        "<script>", _PAGE_JS, "</script>\n</body>\n</html>\n",
    ])


def _heading(graph: nx.Graph, *, focus: str | None, filters: Filters) -> str:
    kind = graph.graph.get("kind", "graph")
    names = {"actors": "Actor network", "events": "Events", "ego": "Around", "query": "Query result"}
    head = f"{names.get(kind, 'Graph')} {focus}" if kind == "ego" and focus else names.get(kind, "Graph")
    if focus and kind != "ego":
        head += f" around {focus}"
    return f"polgraph · {head}" + (f" · {filters.describe()}" if filters.describe() else "")


def write_page(path: Path, text: str) -> None:
    """Write next to the target, then rename: a reader never sees half a page."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StoreError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
