"""Network measures on the views' graphs, GraphML export for Gephi, and a timeline of events.

Measures treat a graph as undirected (an actor who is acted on is as connected as one who acts):
reciprocal edges merge, adding their weights and joining their events; Date nodes are left out.
Nothing here draws with pyvis; graphs come from `polgraph.views` (`actor_graph`, `event_graph`,
`build_graph`) or are made by hand:

>>> import networkx as nx
>>> g = nx.path_graph(["a", "b", "c"])
>>> [(r.entity, r.degree, r.betweenness) for r in centrality(g)][0]
('b', 2, 1.0)
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import networkx as nx

from .cameo import QUAD_CLASSES
from .errors import QueryError, StoreError
from .views import NO_QUAD_COLOUR, QUAD_COLOURS, EventRef, Filters, fetch_events, write_page

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "CentralityRow", "Hop", "TimelineReport", "centrality", "communities", "shortest_path", "timeline",
    "to_graphml",
]

EXACT_BETWEENNESS = 5000   # above this many nodes betweenness is estimated from a sample of sources
BETWEENNESS_SAMPLE = 500


@dataclass(frozen=True, slots=True)
class CentralityRow:
    """How central one node is: distinct neighbours and (normalised) betweenness."""

    entity: str
    label: str
    type: str
    degree: int
    betweenness: float


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path, with the events that link its two ends."""

    source: str
    source_label: str
    target: str
    target_label: str
    label: str
    events: tuple[EventRef, ...]


@dataclass(frozen=True, slots=True)
class TimelineReport:
    """What `timeline` wrote: months covered, events counted, events without a month."""

    path: Path
    months: int
    events: int
    undated: int


def undirected(graph: nx.Graph) -> nx.Graph:
    """One simple undirected graph: parallel and reciprocal edges merged (weights added, events joined).

    Date nodes of an event graph are left out: two events on the same day are not connected by it.
    """
    out = nx.Graph(**graph.graph)
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("type") != "Date")
    for u, v, data in graph.edges(data=True):
        if u == v or u not in out or v not in out:
            continue
        weight = data.get("weight", 1) or 1
        events = tuple(data.get("events", ()))
        if out.has_edge(u, v):
            edge = out.edges[u, v]
            edge["weight"] += weight
            edge["events"] = tuple(dict.fromkeys((*edge["events"], *events)))
            if data.get("label") and data["label"] not in edge["label"].split("; "):
                edge["label"] = "; ".join(filter(None, (edge["label"], data["label"])))
        else:
            out.add_edge(u, v, weight=weight, events=events, label=str(data.get("label", "")))
    return out


def centrality(graph: nx.Graph, *, sample: int | None = None, seed: int = 0) -> list[CentralityRow]:
    """Degree and betweenness of every node, most central first.

    Betweenness is exact up to `EXACT_BETWEENNESS` nodes; above it (or with `sample`) it is estimated
    from that many source nodes, chosen with `seed`.
    """
    g = undirected(graph)
    if sample is None and g.number_of_nodes() > EXACT_BETWEENNESS:
        sample = BETWEENNESS_SAMPLE
    k = min(sample, g.number_of_nodes()) if sample else None
    between = nx.betweenness_centrality(g, k=k, seed=seed if k else None, normalized=True)
    rows = [CentralityRow(str(n), _label(g, n), str(d.get("type", "")), g.degree(n), round(between[n], 6))
            for n, d in g.nodes(data=True)]
    return sorted(rows, key=lambda r: (-r.betweenness, -r.degree, r.label, r.entity))


def communities(graph: nx.Graph, *, method: str = "louvain", seed: int = 0,
                resolution: float = 1.0) -> list[list[str]]:
    """Groups of densely linked nodes, largest first, members sorted by label.

    method "louvain" (weighted, reproducible with `seed`) or "greedy" (greedy modularity, deterministic).
    """
    g = undirected(graph)
    if g.number_of_nodes() == 0:
        return []
    if method == "louvain":
        found = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(g, weight="weight", resolution=resolution)
    else:
        raise QueryError(f"unknown community method {method!r}", hint="use louvain or greedy")
    groups = [sorted(c, key=lambda n: (_label(g, n), str(n))) for c in found]
    return sorted(groups, key=lambda c: (-len(c), _label(g, c[0]), str(c[0])))


def shortest_path(graph: nx.Graph, a: str, b: str) -> list[Hop]:
    """The fewest hops from `a` to `b` (node ids, labels or aliases, any case), with each hop's events."""
    g = undirected(graph)
    source, target = _resolve(g, a), _resolve(g, b)
    try:
        nodes = nx.shortest_path(g, source, target)
    except nx.NetworkXNoPath:
        raise QueryError(f"no path between {a!r} and {b!r}",
                         hint="they are in separate parts of the graph; widen the filters") from None
    hops = []
    for u, v in zip(nodes, nodes[1:], strict=False):
        data = g.edges[u, v]
        events = tuple(data.get("events", ()))
        if not events:
            ends = (g.nodes[u].get("event"), g.nodes[v].get("event"))
            events = tuple(e for e in ends if isinstance(e, EventRef))
        hops.append(Hop(str(u), _label(g, u), str(v), _label(g, v), str(data.get("label", "")), events))
    return hops


def to_graphml(graph: nx.Graph, path: str | Path | IO[bytes]) -> Path | None:
    """Write a graph for Gephi (to a file or a binary stream): every attribute becomes a string,
    number or boolean."""
    out = graph.__class__()
    out.graph.update(_plain(graph.graph))
    for node, data in graph.nodes(data=True):
        out.add_node(str(node), **_plain(data))
    for u, v, data in graph.edges(data=True):
        out.add_edge(str(u), str(v), **_plain(data))
    if not isinstance(path, str | Path):
        nx.write_graphml(out, path)
        return None
    path = Path(path)
    try:
        nx.write_graphml(out, path)
    except OSError as exc:
        raise StoreError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
    return path


def timeline(store: Store, out: str | Path, *, date_from: str | None = None, date_to: str | None = None,
             cameo: str | Iterable[str] | None = None, types: str | Iterable[str] | None = None,
             article: str | None = None, title: str | None = None) -> TimelineReport:
    """Events per month by CAMEO quad class, as a self-contained HTML page (or an .svg file).

    Events dated to the year only, or not at all, are counted in the report but not drawn.
    """
    filters = Filters.of(date_from=date_from, date_to=date_to, cameo=cameo, types=types, article=article)
    events = fetch_events(store, filters)
    if filters.types:
        from .views import event_graph

        events = {n: d["event"] for n, d in event_graph(store, filters).nodes(data=True)
                  if d.get("type") == "Event"}
    counts: Counter[tuple[str, int]] = Counter()
    undated = 0
    for ref in events.values():
        if ref.date and len(ref.date) >= 7:
            counts[(ref.date[:7], ref.quad_class or 0)] += 1
        else:
            undated += 1
    if not counts:
        where = f" ({filters.describe()})" if filters.describe() else ""
        raise QueryError(f"no event dated to the month matches{where}",
                         hint="widen the filters, or ingest articles first (`polgraph ingest`)")
    months = _months(min(m for m, _ in counts), max(m for m, _ in counts))
    heading = title or "polgraph · events per month by CAMEO quad class" + (
        f" · {filters.describe()}" if filters.describe() else "")
    svg = _svg(months, counts, heading)
    path = Path(out)
    if path.suffix.lower() == ".svg":
        text = '<?xml version="1.0" encoding="utf-8"?>\n' + svg
    else:
        text = _timeline_page(heading, svg, months, counts, len(events) - undated, undated)
    write_page(path, text)
    return TimelineReport(path, len(months), len(events) - undated, undated)


# ---------------------------------------------------------------------------------------------

def _label(graph: nx.Graph, node: Any) -> str:
    return str(graph.nodes[node].get("label") or node)


def _resolve(graph: nx.Graph, name: str) -> Any:
    if name in graph:
        return name
    wanted = name.strip().lower()
    found = [n for n, d in graph.nodes(data=True)
             if str(d.get("label", "")).lower() == wanted
             or wanted in (str(a).lower() for a in d.get("aliases", ()) or ())]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise QueryError(f"{name!r} names {len(found)} nodes",
                         hint="give one of: " + ", ".join(map(str, found)))
    import difflib

    close = difflib.get_close_matches(name, sorted({_label(graph, n) for n in graph}), n=3, cutoff=0.5)
    raise QueryError(f"no node is called {name!r}",
                     hint=(f"did you mean {', '.join(map(repr, close))}? " if close else "")
                     + "give a label, an alias or an IRI of the graph")


def _plain(data: dict) -> dict[str, str | int | float | bool]:
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, bool | int | float | str):
            out[str(key)] = value
        elif isinstance(value, EventRef):
            out[str(key)] = value.iri
        elif isinstance(value, list | tuple | set | frozenset):
            out[str(key)] = "; ".join(v.iri if isinstance(v, EventRef) else str(v) for v in value)
        elif isinstance(value, dict):
            out[str(key)] = json.dumps(value, ensure_ascii=False, default=str)
        else:
            out[str(key)] = str(value)
    return out


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _svg(months: list[str], counts: Counter[tuple[str, int]], heading: str) -> str:
    """A stacked bar chart: one bar per month, one band per quad class."""
    left, top, bottom, right, height = 48, 16, 56, 160, 260
    bar = max(6, min(40, 900 // max(1, len(months))))
    width = left + bar * len(months) + right
    peak = max(sum(counts[(m, q)] for q in range(5)) for m in months)
    step = _nice_step(peak)
    scale = height / (step * -(-peak // step))
    e = html.escape
    full = top + height + bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{full}" '
             f'viewBox="0 0 {width} {full}" font-family="sans-serif" font-size="11">',
             f"<title>{e(heading)}</title>"]
    for tick in range(0, -(-peak // step) * step + 1, step):
        y = top + height - tick * scale
        parts.append(f'<line x1="{left}" x2="{left + bar * len(months)}" y1="{y:.1f}" y2="{y:.1f}" '
                     'stroke="#e5e5e5"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{tick}</text>')
    every = max(1, len(months) // 24)
    for i, month in enumerate(months):
        x = left + i * bar
        base = top + height
        for quad in (1, 2, 3, 4, 0):
            n = counts[(month, quad)]
            if not n:
                continue
            h = n * scale
            base -= h
            name = QUAD_CLASSES.get(quad, "no quad class")
            parts.append(f'<rect x="{x + 1}" y="{base:.1f}" width="{bar - 2}" height="{h:.1f}" '
                         f'fill="{QUAD_COLOURS.get(quad, NO_QUAD_COLOUR)}">'
                         f"<title>{e(month)}: {n} {e(name)}</title></rect>")
        if i % every == 0:
            parts.append(f'<text transform="translate({x + bar / 2:.1f},{top + height + 8}) rotate(60)" '
                         f'fill="#333">{e(month)}</text>')
    legend_x = left + bar * len(months) + 16
    for row, quad in enumerate((1, 2, 3, 4)):
        y = top + 10 + row * 20
        parts.append(f'<rect x="{legend_x}" y="{y - 9}" width="12" height="12" fill="{QUAD_COLOURS[quad]}"/>')
        parts.append(f'<text x="{legend_x + 18}" y="{y + 1}" fill="#333">{e(QUAD_CLASSES[quad])}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if peak / step <= 8:
            return step
    return 10 ** len(str(peak))


def _timeline_page(heading: str, svg: str, months: list[str], counts: Counter[tuple[str, int]], dated: int,
                   undated: int) -> str:
    e = html.escape
    rows = "".join(
        f"<tr><th>{e(m)}</th>" + "".join(f"<td>{counts[(m, q)]}</td>" for q in (1, 2, 3, 4))
        + f"<td>{sum(counts[(m, q)] for q in range(5))}</td></tr>"
        for m in months if any(counts[(m, q)] for q in range(5)))
    note = f"{dated:,} events by month." + (
        f" {undated:,} more are dated to the year only or not at all and are not drawn." if undated else "")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{e(heading)}</title>\n<style>body {{ font: 14px/1.4 system-ui, sans-serif; margin: 16px; }}"
        " h1 { font-size: 18px; } table { border-collapse: collapse; margin-top: 16px; }"
        " th, td { padding: 2px 8px; text-align: right; border-bottom: 1px solid #eee; }</style>\n"
        f"</head>\n<body>\n<h1>{e(heading)}</h1>\n<p>{e(note)}</p>\n{svg}\n"
        "<table><thead><tr><th>month</th>" + "".join(f"<th>{e(QUAD_CLASSES[q])}</th>" for q in (1, 2, 3, 4))
        + f"<th>all</th></tr></thead><tbody>{rows}</tbody></table>\n</body>\n</html>\n")
