"""Security: hostile text stays data. IRIs minted from it are valid, labels are escaped literals in every
serialisation, query parameters are bound (never pasted), and polgraph makes no network connection.

Not repeated here: query parameters against every library query (tests/test_queries.py,
test_hostile_values_are_data_not_query_text, and tests/test_cli.py), and article text in HTML views
that must not run as script in a real browser (tests/test_views.py, test_article_text_never_runs_as_html).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS

import polgraph
from polgraph.queries import Param, QueryInfo, run_query
from polgraph.rdf import article_iri, slug
from polgraph.store import Rows, Store
from polgraph.vocab import GRAPH_CAMEO, GRAPH_ONTOLOGY

ROOT = Path(__file__).resolve().parent.parent
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x20\x7f-\x9f]*$")
NIF_IS_STRING = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")
SCHEMA_URL = URIRef("http://schema.org/url")
INJECTION = '" } ; DROP ALL ; #'

HOSTILE = [
    {"id": INJECTION, "title": '""" . <x> <y> <z> . """', "publisher": "a\\u0022b\\\\\"c",
     "text": f'Prime Minister Hun Sen said {INJECTION} DELETE WHERE {{ ?s ?p ?o }} ; INSERT DATA {{ <a> <b> "c" }} .'},
    {"id": "../../etc/passwd", "url": 'http://example.org/a b>"<script>',
     "text": "<script>alert(1)</script> Police arrested <b>Kem Sokha</b> in Phnom Penh on 3 September 2017. "
             "</textarea><img src=x onerror=alert(2)>"},
    {"id": "a\u0000b\u001b[31m\u2028c\\d/e", "url": "https://example.org/ok?q=1&r=2",
     "text": "Opposition leader Sam Rainsy 🎉 returned to שלום, مرحبا \u202eevil\u202c\u0085 today.\u0000\u0007"},
    {"id": "turtle", "title": "@prefix : <http://evil/> .",
     "text": "@prefix : <http://evil/> . :a :b :c . GRAPH <g> { :x :y :z } "
             '{"@context": {"@vocab": "http://evil/"}, "@id": "x"} The court granted bail to Mu Sochua.'},
    {"id": "emoji-only 🇰🇭", "text": "🇰🇭🔥👋🏽 \U0001F600 \U000E0041 ‍ \ufeff \ufffd"},
]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(r) for r in HOSTILE) + "\n", encoding="utf-8")
    report = polgraph.ingest(folder / "hostile.jsonl", store=folder / "store")
    assert report.ok and report.ingested == len(HOSTILE), report.failed
    return folder / "store"


def store_quads(path: Path) -> set[tuple]:
    return set(Store(path, read_only=True).quads())


def ground(statements: set[tuple]) -> tuple[set[tuple], int]:
    """Statements without blank nodes (compared exactly), and how many have one (the ontology's lists)."""
    plain = {t for t in statements if not any(isinstance(x, BNode) for x in t)}
    return plain, len(statements) - len(plain)


# ---- IRIs ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("article_id", "expected"), [
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c", "a-b-c"),
    ("C:\\Windows\\system32", "c-windows-system32"),
    ("Ünïcödé Ärticle", "unicode-article"),
    ("hun-sen_2019.11.14", "hun-sen-2019-11-14"),
])
def test_slug_keeps_only_letters_digits_and_dashes(article_id: str, expected: str) -> None:
    assert slug(article_id) == expected


@pytest.mark.parametrize("article_id", ["", "   ", "\x00\x1f\x7f", "🎉", "שלום", "مرحبا", "/", "..", "\u202e"])
def test_slug_of_nothing_iri_safe_is_a_stable_digest(article_id: str) -> None:
    part = slug(article_id)
    assert re.fullmatch(r"[0-9a-f]{10}", part)
    assert IRI.match(str(article_iri(article_id)))


def test_long_and_colliding_ids() -> None:
    long = slug("x" * 500)
    assert len(long) <= 80 and long.startswith("x") and re.fullmatch(r"[a-z0-9-]+", long)
    assert slug("🎉") != slug("🔥")  # different digests


def test_ids_that_give_the_same_iri_are_refused_with_both_named(tmp_path: Path) -> None:
    lines = [{"id": "a/b", "text": "Hun Sen spoke."}, {"id": "a b", "text": "Sam Rainsy spoke."}]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    report = polgraph.ingest(tmp_path / "x.jsonl", store=tmp_path / "store")
    assert report.ingested == 1
    [(source, message)] = report.failed
    assert source == f"{tmp_path / 'x.jsonl'}:2"
    assert f"(as 'a/b': both give the IRI {article_iri('a/b')})" in message


def test_every_iri_in_a_store_of_hostile_texts_is_valid(hostile_store: Path) -> None:
    quads = store_quads(hostile_store)
    iris = {t for q in quads for t in q if isinstance(t, URIRef)}
    assert iris and [i for i in iris if not IRI.match(str(i))] == []
    urls = {str(o) for s, p, o, g in quads if p == SCHEMA_URL}
    assert urls == {"https://example.org/ok?q=1&r=2"}  # the broken URL was left out, not pasted


# ---- literals in every serialisation -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "ntriples", "jsonld"])
def test_every_serialisation_parses_back_to_the_same_graph(hostile_store: Path, fmt: str) -> None:
    text = polgraph.export(store=hostile_store, format=fmt)
    expected = store_quads(hostile_store)
    if fmt in ("turtle", "ntriples"):
        triples = set(Graph().parse(data=text, format=fmt))
        assert ground(triples) == ground({(s, p, o) for s, p, o, _ in expected})
    else:
        dataset = Dataset()
        dataset.parse(data=text, format={"jsonld": "json-ld"}.get(fmt, fmt))
        back = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}
        assert ground(back) == ground(expected)
        triples = {(s, p, o) for s, p, o, _ in back}
    texts = {str(o) for s, p, o in triples if p == NIF_IS_STRING}
    assert {r["text"] for r in HOSTILE} <= texts  # byte for byte, control characters included
    ids = {str(o) for s, p, o in triples if p == DCTERMS.identifier}
    assert {r["id"] for r in HOSTILE} <= ids


def test_injection_in_article_text_changed_nothing_else(hostile_store: Path) -> None:
    store = Store(hostile_store, read_only=True)
    assert set(store.graphs()) == {str(article_iri(r["id"])) for r in HOSTILE} | {GRAPH_ONTOLOGY, GRAPH_CAMEO}
    assert store.default_graph_size() == 0
    assert not store.query("ASK { ?s ?p ?o FILTER (STRSTARTS(STR(?s), 'http://evil/')) }")


# ---- bound parameters --------------------------------------------------------------------------------

def test_a_hostile_value_is_bound_as_a_string_and_finds_its_own_data(hostile_store: Path) -> None:
    store = Store(hostile_store, read_only=True)
    before = store.count()
    info = QueryInfo("by-id", """
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?article WHERE { ?article dcterms:identifier ?id }""", params=(Param("id", "string"),))
    for value in (INJECTION, "../../etc/passwd", "a\u0000b\u001b[31m\u2028c\\d/e"):
        result = run_query(info, store, {"id": value})
        assert isinstance(result, Rows)
        assert [(r[0].value, r[1].value) for r in result.rows] == [(value, str(article_iri(value)))]
    assert store.count() == before


def test_cli_query_with_a_hostile_parameter_is_only_a_string(hostile_store: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from polgraph.cli import app

    query = tmp_path / "by-title.rq"
    query.write_text("#+ summary: Articles by title.\n#+ param: title string the title\n"
                     "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                     "SELECT ?title ?a WHERE { ?a dcterms:title ?title }\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["query", str(query), "--store", str(hostile_store), "-f", "json",
                                      "-p", 'title=""" . <x> <y> <z> . """'])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [r["a"]["value"] for r in rows] == [str(article_iri(INJECTION))]


# ---- no network without an endpoint ------------------------------------------------------------------

NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                  "socket.bind", "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect",
                  "ftplib.connect", "smtplib.connect", "webbrowser.open")
RUNNER = """
import json, sys
attempts = []
WATCHED = set(json.loads(sys.argv[1]))
def audit(event, args):
    if event == "socket.bind" and isinstance(args[1], tuple) and args[1][:2] in (("::1", 0), ("127.0.0.1", 0)):
        return  # urllib3 (imported by spaCy) probes for IPv6 by binding a loopback socket: no traffic
    if event in WATCHED:
        attempts.append([event, repr(args)[:200]])
sys.addaudithook(audit)

from polgraph.cli import main
codes = []
for argv in json.loads(sys.argv[2]):
    sys.argv = ["polgraph", *argv]
    try:
        main()
        codes.append(0)
    except SystemExit as exc:
        codes.append(exc.code or 0)
print(json.dumps({"codes": codes, "attempts": attempts}))
"""


def test_no_network_connection_without_an_endpoint(tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "out"
    out.mkdir()
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in HOSTILE[:2]) + "\n", encoding="utf-8")
    commands = [
        ["ingest", str(ROOT / "data" / "articles"), str(tmp_path / "a.jsonl"), "--store", str(store)],
        ["queries"],
        ["query", "entities", "--store", str(store), "--format", "json"],
        ["query", "entity-profile", "--store", str(store), "-p", "name=Hun Sen"],
        *[["export", "--store", str(store), "--format", f, "-o", str(out / f"graph.{f}")]
          for f in ("turtle", "trig", "nquads", "ntriples", "jsonld")],
        ["view", "--store", str(store), "-o", str(out / "view.html")],
        ["view", "--store", str(store), "--focus", "Hun Sen", "-o", str(out / "ego.html")],
        ["analyze", "--store", str(store)],
        ["timeline", "--store", str(store), "-o", str(out / "timeline.html")],
        ["check", "--store", str(store)],
    ]
    done = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(NETWORK_EVENTS), json.dumps(commands)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["codes"] == [0] * len(commands), (result["codes"], done.stderr)
    assert result["attempts"] == []
    assert (out / "view.html").stat().st_size > 1000


def test_the_audit_hook_does_see_a_connection_attempt() -> None:
    """The no-network test is only as good as its hook: a refused local connection must be recorded."""
    probe = RUNNER.replace("from polgraph.cli import main", "import socket\n"
                           "socket.socket().connect_ex(('127.0.0.1', 9))\ndef main(): pass")
    done = subprocess.run([sys.executable, "-c", probe, json.dumps(NETWORK_EVENTS), json.dumps([[]])],
                          capture_output=True, text=True, timeout=60)
    assert [a[0] for a in json.loads(done.stdout)["attempts"]] == ["socket.connect"]
