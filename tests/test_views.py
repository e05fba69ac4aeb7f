"""Views and analyses: projections of a hand-made store, exact network measures, and the pages in Chromium.

The browser tests drive Debian's Chromium through Playwright (Playwright's own browser download does
not work here). Without Chromium they fail, naming the package to install; they never skip.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from polgraph import analysis, views
from polgraph.errors import QueryError
from polgraph.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventDate,
    Extraction,
    Membership,
    Mention,
    Participant,
    Precision,
    Resolution,
    Role,
    Sentence,
)
from polgraph.rdf import to_quads
from polgraph.store import Store
from polgraph.views import Filters

DATA = Path(__file__).resolve().parent / "data"
XSS_ARTICLE = DATA / "view_xss_article.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ID = "https://w3id.org/polgraph/id/"
ALICE, BOB = ID + "person/alice-arden", ID + "person/bob-brand"
PARTY, COURT, CITY = ID + "org/party-of-unity", ID + "org/high-court", ID + "place/zenda"


# ---------------------------------------------------------------------------------------------
# a hand-made store: two articles, five events with known roles, codes and dates

def _extraction(article_id: str, published: date, title: str, sentences: list[str],
                names: dict[str, tuple[str, EntityType, tuple[str, ...]]],
                events: list[tuple[int, str, str, list[tuple[str, Role]], EventDate | None, str | None]],
                memberships: tuple[Membership, ...] = ()) -> Extraction:
    """Sentences joined by spaces; every entity name found in them becomes a mention."""
    text = " ".join(sentences)
    spans, start = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, start, start + len(s), s))
        start += len(s) + 1
    entities = []
    for key, (label, type_, aliases) in names.items():
        mentions = tuple(Mention(m.start(), m.end(), label, _sentence_of(spans, m.start()), key)
                         for m in re.finditer(re.escape(label), text))
        entities.append(Entity(key, label, type_, aliases=aliases, mentions=mentions))
    made = []
    for sentence, trigger, code, participants, when, place in events:
        begin = text.index(trigger, spans[sentence].begin)
        label = " ".join([names[k][0] for k, r in participants if r is Role.AGENT] + [trigger]
                         + [names[k][0] for k, r in participants if r is not Role.AGENT])
        made.append(Event(sentence, begin, begin + len(trigger), trigger, trigger, code,
                          tuple(Participant(k, r) for k, r in participants), label, when, place,
                          token_index=begin))
    article = Article(article_id, text, title=title, published=published, source="test")
    return Extraction(article, tuple(spans), tuple(entities), memberships, tuple(made), model="test")


def _sentence_of(spans: list[Sentence], offset: int) -> int:
    return next(s.index for s in spans if s.begin <= offset < s.end)


def _day(value: str) -> EventDate:
    precision = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}[len(value)]
    return EventDate(value, precision, Resolution.EXPLICIT, value)


PEOPLE = {
    "a": ("Alice Arden", EntityType.PERSON, ("Ally",)),
    "b": ("Bob Brand", EntityType.PERSON, ()),
    "p": ("Party of Unity", EntityType.PARTY, ()),
    "c": ("High Court", EntityType.COURT, ()),
    "z": ("Zenda", EntityType.CITY, ()),
}


@pytest.fixture(scope="module")
def hand_store() -> Store:
    """e1 Alice criticises Bob (111, 2020-01-10, in Zenda); e2 Alice arrests Bob (173, 2020-02-03);
    e3 Bob appeals to the Party (020, 2020-02); e4 the Party and the Court are both released
    (0841, 2019); e5 (article view-b) Bob criticises Alice (111, 2021-05-01)."""
    first = _extraction(
        "view-a", date(2020, 2, 10), "Unrest in Zenda",
        ["Alice Arden criticised Bob Brand in Zenda.",
         "Later Alice Arden arrested Bob Brand.",
         "Bob Brand appealed to the Party of Unity.",
         "The Party of Unity and the High Court were released."],
        {k: PEOPLE[k] for k in "abpcz"},
        [(0, "criticised", "111", [("a", Role.AGENT), ("b", Role.PATIENT)], _day("2020-01-10"), "z"),
         (1, "arrested", "173", [("a", Role.AGENT), ("b", Role.PATIENT)], _day("2020-02-03"), None),
         (2, "appealed", "020", [("b", Role.AGENT), ("p", Role.RECIPIENT)], _day("2020-02"), None),
         (3, "released", "0841", [("p", Role.PATIENT), ("c", Role.PATIENT)], _day("2019"), None)],
        memberships=(Membership("a", "Chair", "p", 0, 0, 11),),
    )
    second = _extraction(
        "view-b", date(2021, 5, 1), "Bob answers",
        ["Bob Brand criticised Alice Arden."],
        {k: PEOPLE[k] for k in "ab"},
        [(0, "criticised", "111", [("b", Role.AGENT), ("a", Role.PATIENT)], _day("2021-05-01"), None)],
    )
    store = Store()
    store.ensure_reference_graphs()
    store.replace_graphs([to_quads(first), to_quads(second)])
    return store


# ---------------------------------------------------------------------------------------------
# projections

def test_actor_graph_links_people_and_organisations_by_shared_events(hand_store: Store) -> None:
    g = views.actor_graph(hand_store)
    assert set(g) == {ALICE, BOB, PARTY, COURT}   # the city is a place, not an actor
    assert g.nodes[ALICE] == {"label": "Alice Arden", "type": "Person", "resource": True, "event_count": 3,
                              "aliases": ("Ally",)}
    assert g.nodes[COURT]["type"] == "Court"
    assert {(u, v) for u, v in g.edges} == {(ALICE, BOB), (BOB, ALICE), (BOB, PARTY), (COURT, PARTY)}
    ab = g.edges[ALICE, BOB]
    assert ab["weight"] == 2 and ab["directed"] is True
    assert ab["codes"] == ("111", "173") and ab["label"] == "CAMEO 111, 173"
    assert ab["quad_class"] == 4   # one verbal, one material conflict: the tie goes to the harsher class
    assert [e.date for e in ab["events"]] == ["2020-01-10", "2020-02-03"]
    assert g.edges[BOB, ALICE]["quad_class"] == 3 and g.edges[BOB, ALICE]["weight"] == 1
    bp = g.edges[BOB, PARTY]
    assert (bp["quad_class"], bp["label"], bp["directed"]) == (1, "Make an appeal or request (020)", True)
    cp = g.edges[COURT, PARTY]   # two patients: linked, but without a direction
    assert (cp["directed"], cp["quad_class"], cp["weight"]) == (False, 2, 1)


def test_event_graph_links_events_to_participants_places_and_dates(hand_store: Store) -> None:
    g = views.event_graph(hand_store)
    events = [n for n, d in g.nodes(data=True) if d["type"] == "Event"]
    assert len(events) == 5
    first = next(n for n in events if g.nodes[n]["code"] == "111" and g.nodes[n]["date"] == "2020-01-10")
    assert g.nodes[first]["label"] == "Alice Arden criticised Bob Brand"
    assert g.nodes[first]["quad_class"] == 3 and g.nodes[first]["article_title"] == "Unrest in Zenda"
    assert {(g.nodes[v]["label"], d["label"]) for _, v, d in g.out_edges(first, data=True)} == {
        ("Alice Arden", "agent"), ("Bob Brand", "patient"), ("Zenda", "place"), ("2020-01-10", "date")}
    assert g.nodes[CITY]["type"] == "City"
    dates = sorted(d["label"] for _, d in g.nodes(data=True) if d["type"] == "Date")
    assert dates == ["2019", "2020-01-10", "2020-02", "2020-02-03", "2021-05-01"]


@pytest.mark.parametrize(("options", "expected"), [
    ({"date_from": "2020-02"}, {"2020-02-03", "2020-02", "2021-05-01"}),
    ({"date_to": "2020-01-31"}, {"2020-01-10", "2019"}),   # a year-only date overlaps the range
    ({"date_from": "2019-06-01", "date_to": "2019-12-31"}, {"2019"}),
    ({"date_from": "2020-01-10", "date_to": "2020-01-10"}, {"2020-01-10"}),
    ({"cameo": ["17"]}, {"2020-02-03"}),
    ({"cameo": "11, 02"}, {"2020-01-10", "2020-02", "2021-05-01"}),
    ({"article": "view-b"}, {"2021-05-01"}),
    ({"date_from": "2020", "cameo": ["11"], "article": "view-a"}, {"2020-01-10"}),
])
def test_filters_select_events_in_sparql(hand_store: Store, options: dict, expected: set[str]) -> None:
    found = views.fetch_events(hand_store, Filters.of(**options))
    assert {e.date for e in found.values()} == expected


def test_type_filters_include_subclasses(hand_store: Store) -> None:
    people = views.actor_graph(hand_store, Filters.of(types=["person"]))
    assert set(people) == {ALICE, BOB} and set(people.edges) == {(ALICE, BOB), (BOB, ALICE)}
    organisations = views.actor_graph(hand_store, Filters.of(types="Organization"))
    assert set(organisations) == {PARTY, COURT}   # PoliticalParty and Court are Organizations
    places = views.event_graph(hand_store, Filters.of(types=["Place"]))
    assert {d["label"] for _, d in places.nodes(data=True) if d["type"] != "Date"} == {
        "Zenda", "Alice Arden criticised Bob Brand"}


@pytest.mark.parametrize(("options", "message"), [
    ({"date_from": "2020/01"}, "is not a date"),
    ({"cameo": ["99"]}, "unknown CAMEO code '99'"),
    ({"cameo": ["1'"]}, "unknown CAMEO code"),
    ({"types": ["Alien"]}, "unknown entity type 'Alien'"),
])
def test_bad_filters_raise_query_errors_that_say_what_to_do(options: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message) as caught:
        Filters.of(**options)
    assert caught.value.hint


def test_filter_values_are_bound_not_pasted(hand_store: Store) -> None:
    hostile = 'view-a" } UNION { ?event ?p ?o } #'
    assert views.fetch_events(hand_store, Filters.of(article=hostile)) == {}


def test_ego_view_matches_labels_and_aliases_in_any_case(hand_store: Store) -> None:
    one = views.build_graph(hand_store, focus="ALLY", depth=1)
    assert set(one) == {ALICE, BOB} and one.nodes[ALICE]["focus"] is True
    two = views.build_graph(hand_store, focus="alice arden", depth=2)
    assert set(two) == {ALICE, BOB, PARTY}
    events = views.build_graph(hand_store, kind="events", focus="Zenda", depth=1)
    assert {d["label"] for _, d in events.nodes(data=True)} == {"Zenda", "Alice Arden criticised Bob Brand"}


def test_ego_view_errors_name_the_problem(hand_store: Store) -> None:
    with pytest.raises(QueryError, match="no entity is called 'Alise Arden'") as caught:
        views.build_graph(hand_store, focus="Alise Arden")
    assert "did you mean 'Alice Arden'" in caught.value.hint
    with pytest.raises(QueryError, match="takes part in no event of this view"):
        views.build_graph(hand_store, focus="Alice Arden", filters=Filters.of(types=["Court"]))
    with pytest.raises(QueryError, match="needs a focus"):
        views.build_graph(hand_store, kind="ego")
    with pytest.raises(QueryError, match="unknown view kind"):
        views.build_graph(hand_store, kind="pie")
    with pytest.raises(QueryError, match="nothing to show"):
        views.build_graph(hand_store, filters=Filters.of(date_from="2030"))


def test_select_query_view_uses_the_first_two_iri_or_label_columns(hand_store: Store) -> None:
    query = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX pg: <https://w3id.org/polgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?agent ?code ?patient WHERE {
  ?e pg:cameoCode ?code ; sem:hasActor ?r1, ?r2 .
  ?r1 rdf:value ?agent ; sem:roleType pg:agent .
  ?r2 rdf:value ?patient ; sem:roleType pg:patient .
}"""
    g = views.build_graph(hand_store, query=query)
    assert g.graph["kind"] == "query"
    # ?agent and ?code are the first two usable columns: the code literal is an end, ?patient a detail
    assert {(g.nodes[u]["label"], g.nodes[v]["label"]) for u, v in g.edges} == {
        ("Alice Arden", "111"), ("Alice Arden", "173"), ("Bob Brand", "111")}
    assert g.nodes[ALICE]["type"] == "Person" and g.nodes["value:111"]["type"] == "Value"


def test_construct_query_view(hand_store: Store) -> None:
    query = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT { ?p org:memberOf ?o . ?p rdfs:label ?l . ?o a ?t } WHERE {
  ?p org:memberOf ?o ; rdfs:label ?l . ?o a ?t }"""
    g = views.build_graph(hand_store, kind="query", query=query)
    assert list(g.edges(data="label")) == [(ALICE, PARTY, "memberOf")]
    assert g.nodes[ALICE]["label"] == "Alice Arden" and g.nodes[PARTY]["type"] == "PoliticalParty"
    with pytest.raises(QueryError, match="ASK"):
        views.build_graph(hand_store, query="ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="filters do not apply"):
        views.build_graph(hand_store, query=query, filters=Filters.of(cameo="17"))


def test_render_view_writes_one_page_with_tooltip_data(hand_store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = views.render_view(hand_store, "out/actors.html")
    assert (report.nodes, report.edges, report.dropped, report.kind) == (4, 4, 0, "actors")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["actors.html", "out"]   # no lib/ folder
    data = _page_data(report.path)
    tips = {n["label"]: n["tip"] for n in data["nodes"]}
    alice = tips["Alice Arden"]
    assert "Also called: Ally" in alice["lines"] and "Posts: Chair, Party of Unity" in alice["lines"]
    assert ["Alice Arden criticised Bob Brand in Zenda.", "Unrest in Zenda"] in alice["quotes"]
    assert len(alice["quotes"]) == views.EVIDENCE
    edge = next(e for e in data["edges"] if e["tip"]["h"] == "Alice Arden → Bob Brand")
    assert edge["tip"]["lines"][0] == "2 shared events" and edge["arrows"] == "to"
    assert edge["color"] == views.QUAD_COLOURS[4]
    legend = report.path.read_text(encoding="utf-8")
    assert ">Person <small>2</small>" in legend and ">material conflict<" in legend
    ego = views.render_view(hand_store, tmp_path / "ego.html", focus="Ally", depth=1)
    assert (ego.kind, ego.nodes) == ("ego", 2)


def test_max_nodes_keeps_the_most_connected(tmp_path: Path) -> None:
    star = nx.star_graph(["hub", "a", "b", "c", "d"])
    nx.set_node_attributes(star, "Person", "type")
    page, report = views.page_html(star, max_nodes=2)
    assert (report.nodes, report.dropped) == (2, 3)
    assert [n["id"] for n in _data_of(page)["nodes"]] == ["hub", "a"]
    assert "2 of 5 nodes shown (the most central)" in page
    with pytest.raises(QueryError):
        views.page_html(nx.Graph())


def test_show_wraps_the_page_in_a_sandboxed_iframe(hand_store: Store) -> None:
    page, _ = views.page_html(views.actor_graph(hand_store))
    frame = views.show(page).data
    assert frame.startswith('<div class="polgraph-view"><iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame   # every tag of the page is escaped inside the attribute


# ---------------------------------------------------------------------------------------------
# measures on small hand-made graphs

def _bowtie() -> nx.DiGraph:
    """Triangles a-b-c and d-e-f joined by c→d; b→a doubles a→b (reciprocal edges merge)."""
    g = nx.DiGraph()
    for n in "abcdef":
        g.add_node(n, label=n.upper(), type="Person")
    g.add_edges_from([("a", "b"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "d"),
                      ("d", "e"), ("e", "f"), ("f", "d")], weight=1)
    return g


def test_centrality_exact_values() -> None:
    rows = analysis.centrality(_bowtie())
    assert [(r.entity, r.degree, r.betweenness) for r in rows] == [
        ("c", 3, 0.6), ("d", 3, 0.6), ("a", 2, 0.0), ("b", 2, 0.0), ("e", 2, 0.0), ("f", 2, 0.0)]
    assert rows[0].label == "C" and rows[0].type == "Person"
    path = analysis.centrality(nx.path_graph(["x", "y", "z"]))
    assert [(r.entity, r.betweenness) for r in path] == [("y", 1.0), ("x", 0.0), ("z", 0.0)]


def test_centrality_of_the_actor_network(hand_store: Store) -> None:
    rows = analysis.centrality(views.actor_graph(hand_store))
    # Alice - Bob - Party - Court is a path once directions are dropped
    assert [(r.label, r.degree, round(r.betweenness, 4)) for r in rows] == [
        ("Bob Brand", 2, 0.6667), ("Party of Unity", 2, 0.6667),
        ("Alice Arden", 1, 0.0), ("High Court", 1, 0.0)]


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_communities_split_the_bowtie(method: str) -> None:
    assert analysis.communities(_bowtie(), method=method) == [["a", "b", "c"], ["d", "e", "f"]]


def test_communities_reject_unknown_methods() -> None:
    with pytest.raises(QueryError, match="unknown community method"):
        analysis.communities(_bowtie(), method="magic")


def test_shortest_path_lists_the_events_of_each_hop(hand_store: Store) -> None:
    hops = analysis.shortest_path(views.actor_graph(hand_store), "ally", "High Court")
    assert [(h.source_label, h.target_label) for h in hops] == [
        ("Alice Arden", "Bob Brand"), ("Bob Brand", "Party of Unity"), ("Party of Unity", "High Court")]
    # the reciprocal edges Alice→Bob and Bob→Alice merge, with all three of their events
    assert sorted(e.code for e in hops[0].events) == ["111", "111", "173"]
    assert [e.code for e in hops[1].events] == ["020"] and [e.code for e in hops[2].events] == ["0841"]
    on_events = analysis.shortest_path(views.event_graph(hand_store), "Zenda", "Bob Brand")
    assert [h.label for h in on_events] == ["place", "patient"]
    assert {e.code for h in on_events for e in h.events} == {"111"}


def test_shortest_path_errors() -> None:
    g = _bowtie()
    g.add_node("lonely", label="Lonely")
    with pytest.raises(QueryError, match="no path between"):
        analysis.shortest_path(g, "a", "lonely")
    with pytest.raises(QueryError, match="no node is called 'Lonley'") as caught:
        analysis.shortest_path(g, "a", "Lonley")
    assert "did you mean 'Lonely'" in caught.value.hint


def test_graphml_has_only_plain_attributes(hand_store: Store, tmp_path: Path) -> None:
    path = analysis.to_graphml(views.actor_graph(hand_store), tmp_path / "actors.graphml")
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == 4 and back.number_of_edges() == 4
    edge = back.edges[ALICE, BOB]
    assert edge["weight"] == 2 and edge["codes"] == "111; 173" and edge["events"].count(ID + "event/") == 2
    assert back.nodes[ALICE]["label"] == "Alice Arden"
    events = analysis.to_graphml(views.event_graph(hand_store), tmp_path / "events.graphml")
    assert nx.read_graphml(events).number_of_nodes() == 15   # 5 events, 5 entities, 5 dates


def test_timeline_counts_events_per_month_by_quad_class(hand_store: Store, tmp_path: Path) -> None:
    report = analysis.timeline(hand_store, tmp_path / "timeline.html")
    assert (report.months, report.events, report.undated) == (17, 4, 1)   # 2020-01 .. 2021-05; "2019"
    page = report.path.read_text(encoding="utf-8")
    assert "<title>2020-02: 1 verbal cooperation</title>" in page
    assert "<title>2020-02: 1 material conflict</title>" in page
    assert "<script" not in page and "1 more are dated to the year only" in page
    svg = analysis.timeline(hand_store, tmp_path / "t.svg", cameo=["17"])
    assert (svg.months, svg.events) == (1, 1) and svg.path.read_text().startswith("<?xml")
    with pytest.raises(QueryError, match="no event dated to the month"):
        analysis.timeline(hand_store, tmp_path / "none.html", date_from="2030")


# ---------------------------------------------------------------------------------------------
# the pages in a real browser

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `apt-get install chromium` (the view tests "
                    "need a real browser)", pytrace=False)
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.fail(f"Chromium does not start ({exc}): run `apt-get install chromium`", pytrace=False)
        yield chromium
        chromium.close()


class _Opened:
    """A page opened from file:// with every request, console error and page error recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.resolve().as_uri())
        # no time limit is asserted: the hang guard only stops a test that would never end
        self.page.wait_for_selector("body[data-ready='true']", state="attached", timeout=600_000)

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The real pipeline over an article whose text and title carry script and onerror payloads."""
    from polgraph.articles import iter_articles
    from polgraph.pipeline import extract

    store = Store(tmp_path_factory.mktemp("xss") / "store")
    store.ensure_reference_graphs()
    store.replace_graphs([to_quads(extract(a)) for a in iter_articles([XSS_ARTICLE])])
    return store


def test_page_draws_every_node_offline(browser, hand_store: Store, tmp_path: Path) -> None:
    report = views.render_view(hand_store, tmp_path / "events.html", kind="events")
    opened = _Opened(browser, report.path)
    try:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == report.nodes == 15
        assert page.evaluate("network.body.data.edges.length") == report.edges
        shot = page.locator("#pg-network canvas").screenshot()
        assert _drawn_pixels(shot) > 2000
        assert all(url.startswith(("file://", "data:")) for url in opened.requests), opened.requests
        assert opened.errors == []   # the CSP blocked nothing of ours
        legend = page.locator("#pg-legend").inner_text()
        assert "Event" in legend and "Person" in legend and "material conflict" in legend
    finally:
        opened.close()


def test_page_has_no_remote_src_or_href(hand_store: Store, tmp_path: Path) -> None:
    report = views.render_view(hand_store, tmp_path / "actors.html")
    links = _links(report.path.read_text(encoding="utf-8"))
    assert links == ["#end"]   # only the parser's sentinel: the page links nothing at all
    assert not [u for u in links if re.match(r"\s*(https?:)?//", u, re.IGNORECASE)], links


def test_article_text_never_runs_as_html(browser, xss_store: Store, tmp_path: Path) -> None:
    title = '<img src=x onerror="window.__xss=3"> view'
    report = views.render_view(xss_store, tmp_path / "xss.html", kind="events", title=title)
    data = _page_data(report.path)
    risky = [n for n in data["nodes"] if "onerror" in json.dumps(n["tip"])]
    assert len(risky) >= 3, "the article's payloads should reach several tooltips"
    opened = _Opened(browser, report.path)
    try:
        page = opened.page
        assert page.title() == title
        page.evaluate("network.stopSimulation()")
        for node in risky:
            x, y = page.evaluate("""(id) => {
                const p = network.canvasToDOM(network.getPositions([id])[id]);
                const box = document.getElementById('pg-network').getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""", node["id"])
            page.mouse.move(x + 1, y + 1)
            page.mouse.move(x, y)
            tooltip = page.locator("div.vis-tooltip")
            tooltip.wait_for(state="visible")
            text = tooltip.inner_text()
            assert "onerror" in text and node["tip"]["h"] in text
            page.mouse.click(x, y)
            page.mouse.move(5, 5)
        shown = page.evaluate("document.querySelector('div.vis-tooltip').textContent")
        assert '<script>window.__xss=2</script>' in shown or 'onerror="window.__xss=1"' in shown
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 3   # vis, data, ours
        assert opened.errors == []
    finally:
        opened.close()


def test_large_graph_opens_with_physics_off(browser, tmp_path: Path) -> None:
    graph = nx.barabasi_albert_graph(5000, 2, seed=7)
    graph = nx.relabel_nodes(graph, {n: f"n{n}" for n in graph})
    for n in graph:
        graph.nodes[n].update(label=n, type=("Person", "Organization", "Court")[int(n[1:]) % 3])
    report = views.render_graph(graph, tmp_path / "big.html", max_nodes=None)
    assert (report.nodes, report.dropped, report.physics) == (5000, 0, False)
    opened = _Opened(browser, report.path)
    try:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == 5000
        assert page.evaluate("network.physics.physicsEnabled") is False
        assert _drawn_pixels(page.locator("#pg-network canvas").screenshot()) > 5000
        assert page.locator("#pg-note").inner_text() == ""
    finally:
        opened.close()
    capped = views.render_graph(graph, tmp_path / "capped.html")
    assert (capped.nodes, capped.dropped) == (views.MAX_NODES, 5000 - views.MAX_NODES)
    opened = _Opened(browser, capped.path)
    try:
        assert opened.page.evaluate("network.body.data.nodes.length") == views.MAX_NODES
        assert opened.page.locator("#pg-note").inner_text() == "2,000 of 5,000 nodes shown (the most central)"
    finally:
        opened.close()


def test_notebook_frame_renders_isolated(browser, xss_store: Store, tmp_path: Path) -> None:
    page_text, report = views.page_html(views.event_graph(xss_store), store=xss_store)
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><html><body>" + views.show(page_text).data + "</body></html>",
                    encoding="utf-8")
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto(host.as_uri())
        frame = tab.frames[1]
        # a selector, not wait_for_function: polling a JS predicate needs eval, which the frame's CSP forbids
        frame.wait_for_selector("body[data-ready='true']", state="attached", timeout=600_000)
        assert frame.evaluate("network.body.data.nodes.length") == report.nodes
        assert frame.evaluate("typeof window.__xss") == "undefined"
        assert tab.evaluate("typeof window.__xss") == "undefined"
        assert all(url.startswith(("file://", "data:", "about:")) for url in requests), requests
    finally:
        tab.close()


# ---------------------------------------------------------------------------------------------
# helpers

def _page_data(path: Path) -> dict:
    return _data_of(path.read_text(encoding="utf-8"))


def _data_of(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', page, re.DOTALL)
    assert match, "the page carries its data in a JSON script element"
    return json.loads(match.group(1))


def _links(page: str) -> list[str]:
    """Every src and href attribute value of the page (script and style bodies are not markup)."""
    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k in ("src", "href", "xlink:href"))

    Parser().feed(page + '<a href="#end"></a>')   # a sentinel proves the parser saw attributes
    return found


def _drawn_pixels(png: bytes) -> int:
    """Pixels of a PNG screenshot that differ from its top-left (background) pixel."""
    width, height, channels, rows = _decode_png(png)
    background = rows[0][:channels]
    return sum(1 for row in rows for i in range(0, width * channels, channels)
               if row[i:i + channels] != background)


def _decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """A minimal PNG reader for 8-bit RGB/RGBA screenshots (no Pillow needed)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows
