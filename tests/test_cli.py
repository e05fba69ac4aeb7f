"""End to end through the `polgraph` command: ingest → query → export, with its messages and exit codes."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from polgraph.cli import app
from polgraph.queries import list_queries

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "data" / "articles"
runner = CliRunner()


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles ingested through the CLI (the spaCy model is already loaded by then)."""
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("ingest", SEED_ARTICLES, "--store", store)
    assert result.exit_code == 0, result.output
    return store


# ---- ingest ------------------------------------------------------------------------------------

def test_ingest_prints_a_summary_on_stdout(cli_store: Path) -> None:
    result = run("ingest", SEED_ARTICLES, "--store", cli_store)
    assert result.exit_code == 0
    summary = dict(line.split(":", 1) for line in result.stdout.splitlines())
    assert {k: v.strip() for k, v in summary.items()} | {"store": ""} == {
        "articles ingested": "0", "articles unchanged": "1", "articles failed": "0", "entities": "0",
        "events": "0", "memberships": "0", "triples written": "0", "store": ""}
    assert summary["store"].strip() == str(cli_store)
    assert result.stderr == "", "no progress output when stderr is not a terminal"


def test_force_reingests_and_reports_counts(tmp_path: Path, cli_store: Path) -> None:
    store = Path(shutil.copytree(cli_store, tmp_path / "store"))
    result = run("ingest", SEED_ARTICLES, "--store", store, "--force")
    assert result.exit_code == 0
    lines = {k: v.strip() for k, v in (line.split(":", 1) for line in result.stdout.splitlines())}
    assert lines["articles ingested"] == "1"
    assert int(lines["entities"]) > 5 and int(lines["events"]) > 0 and int(lines["memberships"]) > 0
    assert int(lines["triples written"]) > 500


def test_bad_input_exits_1_and_the_good_file_is_still_ingested(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Sam Rainsy met Hun Sen in Phnom Penh on Monday.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "ok"}\n{"id": "broken"\n', encoding="utf-8")
    store = tmp_path / "store"
    result = run("ingest", good, bad, tmp_path / "missing.md", "--store", store)
    assert result.exit_code == 1
    assert f"{bad}:2: malformed JSON" in result.stderr
    assert f"{tmp_path / 'missing.md'}: no such file or folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2, "one line per bad input"
    assert "articles ingested:  2" in result.stdout and "articles failed:    2" in result.stdout
    listed = run("query", "articles", "--store", store, "--format", "csv")
    ids = {row["id"] for row in csv.DictReader(io.StringIO(listed.stdout))}
    assert ids == {"good", "x"}


def test_ingest_uses_the_store_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLGRAPH_STORE", str(tmp_path / "env-store"))
    article = tmp_path / "a.txt"
    article.write_text("Kem Sokha was released.", encoding="utf-8")
    assert run("ingest", article).exit_code == 0
    assert (tmp_path / "env-store").is_dir()


# ---- query -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["entities", "memberships", "events"])
def test_contract_queries_in_json(cli_store: Path, name: str) -> None:
    result = run("query", name, "--store", cli_store, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"head", "results"} and doc["results"]["bindings"]
    for binding in doc["results"]["bindings"]:
        assert set(binding) <= set(doc["head"]["vars"])
        for term in binding.values():
            assert term["type"] in {"uri", "literal", "bnode"} and isinstance(term["value"], str)


def test_memberships_in_csv(cli_store: Path) -> None:
    result = run("query", "memberships.rq", "--store", cli_store, "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"person,personLabel,role,organization,organizationLabel\r\n")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"personLabel": "Sam Rainsy", "role": "acting president",
            "organizationLabel": "Cambodia National Rescue Party"}.items() <= next(
        r for r in rows if r["personLabel"] == "Sam Rainsy").items()


def test_events_as_a_table(cli_store: Path) -> None:
    result = run("query", "events", "--store", cli_store)
    assert result.exit_code == 0
    header, rule, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["event", "eventType", "eventLabel"]
    assert set(rule.replace(" ", "")) == {"-"} and rows
    assert result.stderr.strip() == f"{len(rows)} rows"


def test_query_file_with_parameters(cli_store: Path, tmp_path: Path) -> None:
    query = tmp_path / "who.rq"
    query.write_text("#+ summary: Who is called this.\n#+ param: name entity a name\n"
                     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                     "SELECT ?name ?who WHERE { ?who rdfs:label ?l FILTER (LCASE(?l) = LCASE(?name)) }\n",
                     encoding="utf-8")
    result = run("query", query, "--store", cli_store, "--param", "name=KEM SOKHA", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "KEM SOKHA,https://w3id.org/polgraph/id/person/kem-sokha"
    hostile = run("query", query, "--store", cli_store, "-p", 'name=" } ; DROP ALL ; #', "-f", "csv")
    assert hostile.exit_code == 0 and hostile.stdout_bytes == b"name,who\r\n"
    assert run("query", "entities", "--store", cli_store, "-f", "csv").stdout.count("\n") > 5


def test_ask_prints_true_or_false(cli_store: Path) -> None:
    result = run("query", "ASK { ?s a <https://w3id.org/polgraph/ontology#Person> }", "--store", cli_store)
    assert (result.exit_code, result.stdout) == (0, "true\n")


@pytest.mark.parametrize(("args", "needle"), [
    (["query", "no-such-query"], "error: unknown query 'no-such-query' (give a .rq file or one of: "),
    (["query", "evidence"], "error: query 'evidence' needs parameter 'entity'"),
    (["query", "entities", "-p", "x=1"], "error: unknown parameter 'x' for query 'entities'"),
    (["query", "SELECT * WHERE { ?s ?p }"], "error: query: SPARQL syntax error"),
])
def test_query_errors_exit_2_with_one_message(cli_store: Path, args: list[str], needle: str) -> None:
    result = run(*args, "--store", cli_store)
    assert result.exit_code == 2
    assert result.stderr.startswith(needle), result.stderr
    assert result.stdout == ""


def test_unknown_query_lists_the_library(cli_store: Path) -> None:
    result = run("query", "entitys", "--store", cli_store)
    assert "entities" in result.stderr and "polgraph queries" in result.stderr


def test_missing_store_exits_2(tmp_path: Path) -> None:
    result = run("query", "entities", "--store", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "no store here" in result.stderr and "polgraph ingest" in result.stderr


def test_usage_errors_exit_2(cli_store: Path) -> None:
    assert run("query", "entities", "--store", cli_store, "--param", "novalue").exit_code == 2
    assert run("query", "entities", "--store", cli_store, "--format", "xml").exit_code == 2
    assert run("ingest").exit_code == 2
    assert run("frobnicate").exit_code == 2


# ---- queries -----------------------------------------------------------------------------------

def test_queries_lists_every_query_with_its_summary() -> None:
    result = run("queries")
    assert result.exit_code == 0
    for info in list_queries():
        line = next(line for line in result.stdout.splitlines() if line.startswith(info.name + " "))
        assert info.summary in line
    assert "checks/events-without-participants" in result.stdout
    as_json = json.loads(run("queries", "--format", "json").stdout)
    assert len(as_json["results"]["bindings"]) == len(list_queries())


# ---- export ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "parse"), [("turtle", "turtle"), ("ntriples", "nt"), ("trig", "trig"),
                                            ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_export_each_format_parses_back(cli_store: Path, tmp_path: Path, fmt: str, parse: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = run("export", "--store", cli_store, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(out) in result.stderr
    if parse in ("turtle", "nt"):
        graph = Graph().parse(out, format=parse)
    else:
        graph = Dataset()
        graph.parse(out, format=parse)
    assert len(graph) > 1000 if parse in ("turtle", "nt") else len(list(graph.quads())) > 1000
    to_stdout = run("export", "--store", cli_store, "--format", fmt)
    if fmt == "jsonld":  # rdflib names the ontology's blank nodes afresh on every run
        again = Dataset()
        again.parse(data=to_stdout.stdout, format="json-ld")
        assert len(list(again.quads())) == len(list(graph.quads()))
    else:
        assert to_stdout.stdout_bytes == out.read_bytes()


def test_export_rejects_unknown_format(cli_store: Path) -> None:
    assert run("export", "--store", cli_store, "--format", "rdfxml").exit_code == 2


# ---- help, view, the installed script -----------------------------------------------------------

def test_every_command_is_documented() -> None:
    names = set()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        names.add(name)
        assert command.callback.__doc__, f"`polgraph {name}` has no help text"
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout
    assert names >= {"ingest", "query", "queries", "export", "view"}


def test_view_is_wired(cli_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = run("view", "--store", cli_store, "--depth", "1", "-o", out)
    if importlib.util.find_spec("polgraph.views") is None:
        assert result.exit_code == 2 and "views are not available" in result.stderr
    else:
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").lstrip().lower().startswith(("<!doctype html", "<html"))


def test_the_installed_polgraph_script(cli_store: Path) -> None:
    script = shutil.which("polgraph")
    assert script, "the package must be installed (pip install -e .) so that `polgraph` is on PATH"
    done = subprocess.run([script, "query", "memberships", "--store", str(cli_store), "-f", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["head"]["vars"][0] == "person"
    failed = subprocess.run([script, "query", "nope", "--store", str(cli_store)],
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 2 and failed.stderr.startswith("error: unknown query 'nope'")
