"""The README stays true: every CLI command and every library query is documented there."""

from __future__ import annotations

from pathlib import Path

from polgraph.cli import app
from polgraph.queries import list_queries

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_cli_reference() -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names, "the CLI has no commands"
    missing = [n for n in names if f"`polgraph {n}" not in README]
    assert not missing, f"commands missing from README's CLI reference: {missing}"


def test_every_library_query_is_listed() -> None:
    missing = [q.name for q in list_queries() if not q.name.startswith("checks/") and f"`{q.name}`" not in README]
    assert not missing, f"queries missing from README's query library: {missing}"


def test_the_two_setup_commands_are_there() -> None:
    assert 'pip install -e . && polgraph ingest data/articles/' in README
    assert 'pip install -e ".[test]" && python -m pytest' in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]" && python -m pytest' in ci
