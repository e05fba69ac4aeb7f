"""Property-based tests: over arbitrary Unicode mixed with political sentence fragments, extraction never
crashes and always yields RDF that parses back, conforms to the SHACL shapes and passes the query checks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

import polgraph
from polgraph.articles import make_article
from polgraph.errors import InputError
from polgraph.queries import list_checks, run_query
from polgraph.rdf import article_iri, slug, to_quads
from polgraph.store import Rows, Store

ROOT = Path(__file__).resolve().parent.parent
# No shrinking (a failing example is printed as found: shrinking one can take minutes of extractions)
# and no example database (no .hypothesis folder in the working tree).
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    phases=[Phase.explicit, Phase.generate], database=None)

NAMES = ["Hun Sen", "Sam Rainsy", "Kem Sokha", "Mu Sochua", "Anna Korvek", "Tomas Brel", "Ahmed Al-Rashid",
         "José Martí", "Ngô Đình Diệm", "O'Brien", "Xi Jinping", "Angela Merkel", "Hun", "Sen", "Rainsy"]
FRAGMENTS = [
    "Prime Minister", "opposition leader", "President", "Minister of Justice", "spokesman", "lawmaker-elect",
    "the Cambodia National Rescue Party", "(CNRP)", "the Cambodian People's Party", "the European Union",
    "the Supreme Court", "the Justice Ministry", "Police", "the government", "activists", "the party",
    "arrested", "was arrested", "released", "was released on bail", "met", "visited", "returned to",
    "fled", "urged", "demanded the release of", "asked", "would never", "sanctioned", "banned", "said",
    "told reporters", "according to", "charged", "appealed", "ruled", "denied", "refused to",
    "in Phnom Penh", "in Kampot province", "to Thailand", "in Paris", "in Veldonia", "from Bangkok",
    "on 3 May 2019", "on Thursday", "last year", "in July 2013", "two years after", "yesterday", "in 2017",
    ".", ".", ",", ";", ":", "\n", "\n\n", '"', "“", "”", "'s", "—", "-", "and", "but", "who", "that", "he",
    "she", "they", "we", "his", "her",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(NAMES), st.text(max_size=12),
              st.text(alphabet=st.characters(codec="utf-8"), max_size=6)),
    min_size=1, max_size=40,
).map(" ".join)
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x20\x7f-\x9f]*$")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl")


@pytest.fixture(scope="module")
def store() -> Store:
    """An in-memory store with the ontology and CAMEO graphs (the query checks need CAMEO)."""
    store = Store()
    store.ensure_reference_graphs()
    return store


@SETTINGS
@given(text=TEXT, article_id=st.text(min_size=1, max_size=30))
def test_extraction_never_crashes_and_yields_valid_rdf(shapes: Graph, store: Store, text: str,
                                                       article_id: str) -> None:
    try:
        article = make_article({"id": article_id, "text": text}, default_id="x", source="property")
    except InputError:
        assume(False)  # blank text or id: refused before extraction, as an input error
        return
    extraction = polgraph.extract(article)
    graph, quads = to_quads(extraction)

    before = store.count()
    store.replace_graphs([(graph, quads)])
    try:
        assert store.count() == before + len(quads)
        back = Graph().parse(data=store.dump_graph(str(graph)), format="nt")  # Oxigraph's serialiser
        assert set(back) == {(s, p, o) for s, p, o, _ in store.quads(str(graph))}
        assert all(IRI.match(str(t)) for q in quads for t in q if isinstance(t, URIRef))
        for info in list_checks():
            result = run_query(info, store)
            assert isinstance(result, Rows) and result.rows == [], (info.name, result.rows)
    finally:
        store.remove_article_graphs([str(graph)])

    data = Graph()
    for s, p, o, _ in quads:
        data.add((s, p, o))
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert conforms, report


@SETTINGS
@given(article_id=st.text(max_size=200))
def test_any_id_gives_a_short_safe_iri(article_id: str) -> None:
    part = slug(article_id)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", part) and len(part) <= 80
    assert IRI.match(str(article_iri(article_id)))
    assert slug(article_id) == part  # deterministic
