"""Extraction → quads → store: deterministic IRIs, idempotent re-ingest, exports that parse back."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

import polgraph
from polgraph.ingestion import ingest
from polgraph.model import Extraction
from polgraph.rdf import article_iri, to_quads
from polgraph.store import EXPORT_FORMATS, Store
from polgraph.vocab import GRAPH_CAMEO, GRAPH_ONTOLOGY, PG, RDF, SEM

SEED_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
# RFC 3987 in short: a scheme, then no spaces, angle brackets, quotes or the other excluded characters
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


@pytest.fixture(scope="module")
def seed_extraction() -> Extraction:
    from polgraph.pipeline import extract

    [article] = polgraph.read_articles(SEED_ARTICLES)
    return extract(article)


def without_blank_nodes(quads: Iterable[tuple]) -> set[tuple]:
    """Quads comparable across stores (the ontology graph's OWL lists are blank nodes)."""
    return {q for q in quads if not any(isinstance(t, BNode) for t in q)}


def graph_counts(store: Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for *_, graph in store.quads():
        counts[str(graph)] = counts.get(str(graph), 0) + 1
    return counts


# ---- to_quads ----------------------------------------------------------------------------------

def test_same_extraction_gives_identical_quads(sample_extraction: Extraction) -> None:
    assert to_quads(sample_extraction) == to_quads(sample_extraction)


def test_extracting_the_seed_article_twice_gives_identical_quads(seed_extraction: Extraction) -> None:
    from polgraph.pipeline import extract

    again = extract(seed_extraction.article)
    name, quads = to_quads(seed_extraction)
    assert (name, quads) == to_quads(again)
    assert name == article_iri("cambojanews-2019-11-14-hun-sen-bail")
    assert len(quads) == len(set(quads)) > 100


def test_quads_have_no_blank_nodes_and_valid_iris(seed_extraction: Extraction) -> None:
    _, quads = to_quads(seed_extraction)
    for quad in quads:
        assert not any(isinstance(t, BNode) for t in quad), quad
        for term in quad:
            if isinstance(term, URIRef):
                assert IRI.match(term), term
    # Oxigraph's N-Quads parser validates IRIs strictly
    store = Store()
    store.replace_graphs([to_quads(seed_extraction)])
    dump = io.BytesIO()
    store.export(dump, "nquads")
    assert len(list(ox.parse(dump.getvalue(), ox.RdfFormat.N_QUADS))) == len(quads)


def test_sample_extraction_matches_the_data_model(sample_extraction: Extraction) -> None:
    name, quads = to_quads(sample_extraction)
    graph = Graph()
    for s, p, o, g in quads:
        assert g == name
        graph.add((s, p, o))
    hun_sen = URIRef("https://w3id.org/polgraph/id/person/hun-sen")
    event = URIRef("https://w3id.org/polgraph/id/event/test-hun-sen-bail/0000-000006")
    assert (hun_sen, RDF.type, PG.Person) in graph
    assert (event, PG.cameoCode, Literal("020")) in graph
    assert (event, SEM.hasTimeStamp, Literal("2019-11-14", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))) in graph


def test_two_events_of_one_trigger_word_stay_two_events(sample_extraction: Extraction) -> None:
    """Two events read from the same word get IRIs of their own: sharing one merged their codes,
    factualities and role nodes into a single event (found on generated articles)."""
    first = sample_extraction.events[0]
    second = replace(first, cameo="173", label="Hun Sen charge Justice Ministry")
    _, quads = to_quads(replace(sample_extraction, events=(first, second)))
    graph = Graph()
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    codes = {str(e): str(c) for e, c in graph.subject_objects(PG.cameoCode)}
    base = "https://w3id.org/polgraph/id/event/test-hun-sen-bail/0000-000006"
    assert codes == {base: "020", f"{base}-1": "173"}
    for event in codes:
        roles = set(graph.objects(URIRef(event), SEM.hasActor))
        assert len(roles) == 2 and all(str(r).startswith(f"{event}/role/") for r in roles)
        assert all(len(set(graph.objects(r, RDF.value))) == 1 for r in roles)


def test_article_without_date_has_no_issued_triple(sample_extraction: Extraction) -> None:
    undated = replace(sample_extraction, article=replace(sample_extraction.article, published=None))
    _, quads = to_quads(undated)
    predicates = {str(p) for _, p, _, _ in quads}
    assert "http://purl.org/dc/terms/issued" not in predicates
    assert str(PG.asOf) not in predicates


# ---- store writes --------------------------------------------------------------------------------

def test_replace_graphs_is_idempotent(sample_extraction: Extraction) -> None:
    store = Store()
    first = store.replace_graphs([to_quads(sample_extraction)])
    count = store.count()
    assert store.replace_graphs([to_quads(sample_extraction)]) == first
    assert store.count() == count == first


def test_replace_graphs_drops_what_an_article_no_longer_says(sample_extraction: Extraction) -> None:
    store = Store()
    store.replace_graphs([to_quads(sample_extraction)])
    smaller = replace(sample_extraction, events=(), memberships=())
    name, quads = to_quads(smaller)
    store.replace_graphs([(name, quads)])
    assert graph_counts(store) == {str(name): len(quads)}
    assert store.query("ASK { ?e a <https://w3id.org/polgraph/ontology#Event> }") is False


def test_ingesting_twice_keeps_the_same_triples(seed_store_copy: Path) -> None:
    before = graph_counts(Store(seed_store_copy, read_only=True))
    report = ingest([SEED_ARTICLES], store=seed_store_copy)
    assert (report.ingested, report.unchanged, report.triples) == (0, 1, 0)
    report = ingest([SEED_ARTICLES], store=seed_store_copy, force=True)
    assert report.ingested == 1 and report.triples > 0
    assert graph_counts(Store(seed_store_copy, read_only=True)) == before


def test_seed_store_holds_the_article_and_reference_graphs(seed_store: Path) -> None:
    graphs = set(polgraph.open_store(seed_store, read_only=True).graphs())
    assert graphs == {GRAPH_ONTOLOGY, GRAPH_CAMEO, str(article_iri("cambojanews-2019-11-14-hun-sen-bail"))}


def test_seed_ingest_report_counts(seed_ingest: tuple[Path, polgraph.ingestion.IngestReport]) -> None:
    path, report = seed_ingest
    assert report.ok and report.ingested == 1 and report.unchanged == 0
    assert report.entities > 5 and report.events > 0 and report.memberships > 0
    store = Store(path, read_only=True)
    article_graph = str(article_iri("cambojanews-2019-11-14-hun-sen-bail"))
    assert report.triples == graph_counts(store)[article_graph]
    assert report.store == str(path)


def test_ingest_keeps_going_after_bad_inputs_and_stores_undated_articles(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "undated.txt").write_text("Hun Sen met Sam Rainsy in Phnom Penh.", encoding="utf-8")
    (tmp_path / "in" / "bad.jsonl").write_text('{"id": "x"}\n{broken\n'
                                               '{"id": "j1", "text": "Kem Sokha was arrested."}\n',
                                               encoding="utf-8")
    seen: list[tuple[str, str]] = []
    report = ingest([tmp_path / "in", tmp_path / "missing.txt"], store=tmp_path / "store",
                    progress=lambda status, source, _: seen.append((status, source)))
    assert report.ingested == 2
    bad = tmp_path / "in" / "bad.jsonl"
    assert [s for s, _ in report.failed] == [f"{bad}:1", f"{bad}:2", str(tmp_path / "missing.txt")]
    assert all(message.startswith(source) for source, message in report.failed)
    assert sorted(s for s, _ in seen) == ["failed"] * 3 + ["ingested"] * 2
    store = Store(tmp_path / "store", read_only=True)
    undated = article_iri("undated")
    assert str(undated) in set(store.graphs())
    assert store.query(f"ASK {{ <{undated}> <http://purl.org/dc/terms/issued> ?d }}") is False


def test_duplicate_article_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "same", "text": "One."}\n{"id": "same", "text": "Two."}\n',
                                      encoding="utf-8")
    report = ingest([tmp_path / "a.jsonl"], store=Store())
    assert report.ingested == 1
    [(source, message)] = report.failed
    assert source.endswith("a.jsonl:2") and "already read from" in message


def test_batch_size_does_not_change_the_result(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{i}", "text": f"Hun Sen met leader number {i} in Phnom Penh."})
             for i in range(5)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    one, big = Store(), Store()
    ingest([tmp_path / "a.jsonl"], store=one, batch_size=1)
    ingest([tmp_path / "a.jsonl"], store=big, batch_size=16)
    assert without_blank_nodes(one.quads()) == without_blank_nodes(big.quads())
    assert one.count() == big.count()


# ---- export --------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", [*EXPORT_FORMATS, "jsonld"])
def test_export_formats_parse_back_with_rdflib(seed_store: Path, fmt: str) -> None:
    store = Store(seed_store, read_only=True)
    quads = set(store.quads())
    text = polgraph.export(store=store, format=fmt)
    assert isinstance(text, str)
    if fmt in ("turtle", "ntriples"):
        graph = Graph().parse(data=text, format={"turtle": "turtle", "ntriples": "nt"}[fmt])
        triples = {(s, p, o) for s, p, o, _ in quads}
        assert len(graph) == len(triples)
        assert without_blank_nodes(graph) == without_blank_nodes(triples)
    else:
        dataset = Dataset()
        dataset.parse(data=text, format={"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt])
        parsed = {(s, p, o, g.identifier if isinstance(g, Graph) else g) for s, p, o, g in dataset.quads()}
        assert len(parsed) == len(quads)
        assert without_blank_nodes(parsed) == without_blank_nodes(quads)


def test_jsonld_export_uses_our_prefixes(seed_store: Path) -> None:
    doc = json.loads(polgraph.export(store=seed_store, format="jsonld") or "")
    assert doc["@context"]["pg"] == "https://w3id.org/polgraph/ontology#"
    assert "@graph" in doc


def test_export_to_a_file_and_unknown_format(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.trig"
    assert polgraph.export(store=seed_store, format="trig", out=out) is None
    assert out.stat().st_size > 1000
    with pytest.raises(polgraph.StoreError, match="unknown export format 'rdfxml'"):
        polgraph.export(store=seed_store, format="rdfxml")


def test_read_only_store_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(polgraph.StoreError, match="no store here"):
        polgraph.open_store(tmp_path / "nothing", read_only=True)


# ---- the library verbs ---------------------------------------------------------------------------

def test_import_polgraph_does_no_work() -> None:
    import subprocess
    import sys

    code = ("import sys, polgraph; heavy = {'spacy', 'rdflib', 'pyoxigraph', 'typer'} & set(sys.modules); "
            "assert not heavy, heavy")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_ingest_verb_stays_a_function_after_importing_ingestion(tmp_path: Path) -> None:
    import polgraph.ingestion as module

    assert callable(polgraph.ingest) and not isinstance(polgraph.ingest, type(module))
    (tmp_path / "a.txt").write_text("Mu Sochua wrote on Twitter.", encoding="utf-8")
    report = polgraph.ingest(tmp_path / "a.txt", store=tmp_path / "store")
    assert isinstance(report, module.IngestReport) and report.ingested == 1


def test_extract_accepts_bare_text() -> None:
    extraction = polgraph.extract("Prime Minister Hun Sen asked the Justice Ministry to grant bail.")
    assert extraction.article.id.startswith("text-")
    assert "Hun Sen" in {e.label for e in extraction.entities}
    assert polgraph.extract(extraction.article.text).article.id == extraction.article.id
