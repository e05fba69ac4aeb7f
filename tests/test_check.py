"""`polgraph check` and `polgraph.check()`: SHACL shapes plus the query checks, with exit codes 0/1/2."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import polgraph
from polgraph.cli import app
from polgraph.queries import list_checks
from polgraph.store import Store
from polgraph.validation import SHACL, CheckReport, Violation

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

# Each node breaks the shapes, the query checks, or both (see tests/test_queries.py for one per check).
BROKEN = """
@prefix pg: <https://w3id.org/polgraph/ontology#> . @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix x: <http://example.org/> . @prefix cameo: <https://w3id.org/polgraph/cameo/> .
x:lonely a pg:Event ; pg:cameoCode "020" ; sem:eventType cameo:020 .
x:nameless a pg:Person .
x:ctx a nif:Context ; nif:isString "Hun Sen spoke." .
x:wrong a nif:RFC5147String ; nif:beginIndex 0 ; nif:endIndex 7 ; nif:referenceContext x:ctx ;
    nif:anchorOf "Hun Xen" .
"""


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def broken_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("broken")
    data = folder / "broken.ttl"
    data.write_text(BROKEN, encoding="utf-8")
    store = Store(folder / "store")
    store.ensure_reference_graphs()
    store.load_file(data, graph="http://example.org/g")
    store.flush()
    del store  # release the lock
    return folder / "store"


def test_a_good_store_passes(seed_store: Path) -> None:
    report = polgraph.check(store=seed_store)
    assert isinstance(report, CheckReport)
    assert report.ok and report.violations == ()
    assert report.triples > 1000
    assert set(report.checks) == {q.name for q in list_checks()}

    result = run("check", "--store", seed_store)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # nothing to report: the summary goes to stderr
    assert f"conform to the SHACL shapes and pass {len(list_checks())} query checks" in result.stderr


def test_violations_are_listed_with_focus_and_message_and_exit_1(broken_store: Path) -> None:
    report = polgraph.check(store=broken_store)
    assert not report.ok
    found = {(v.source, v.focus) for v in report.violations}
    assert {(SHACL, "http://example.org/lonely"), (SHACL, "http://example.org/nameless"),
            ("checks/events-without-participants", "http://example.org/lonely"),
            ("checks/entities-without-label", "http://example.org/nameless"),
            ("checks/mentions-text-mismatch", "http://example.org/wrong")} <= found
    assert all(v.message for v in report.violations)
    assert any("sem:hasActor" in v.message for v in report.violations if v.source == SHACL)

    result = run("check", "--store", broken_store)
    assert result.exit_code == 1, result.output
    assert "http://example.org/nameless" in result.stdout
    assert "An entity must have at least one rdfs:label." in result.stdout
    assert "nif:anchorOf is not the text at the span's offsets" in result.stdout
    assert "SHACL" in result.stderr and "query checks" in result.stderr


def test_check_output_formats(broken_store: Path, seed_store: Path) -> None:
    result = run("check", "--store", broken_store, "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["head"]["vars"] == ["source", "severity", "focus", "message"]
    focus = {b["focus"]["value"]: b["focus"]["type"] for b in doc["results"]["bindings"]}
    assert focus["http://example.org/wrong"] == "uri"

    empty = run("check", "--store", seed_store, "--format", "csv")
    assert empty.exit_code == 0
    assert empty.stdout.strip() == "source,severity,focus,message"


def test_missing_store_is_an_error_exit_2(tmp_path: Path) -> None:
    result = run("check", "--store", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and "no store here" in result.stderr


def test_warnings_alone_do_not_fail() -> None:
    warning = Violation(SHACL, "http://example.org/x", "odd", severity="Warning")
    assert CheckReport((warning,)).ok
    assert not CheckReport((Violation(SHACL, "http://example.org/x", "bad"),)).ok


def test_pyshacl_is_a_main_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.startswith("pyshacl") for d in project["dependencies"])
