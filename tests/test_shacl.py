"""The graph polgraph writes for real articles conforms to ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph

import polgraph

ROOT = Path(__file__).resolve().parents[1]


def _union(store: Path) -> Graph:
    data = polgraph.export(store=store, format="nquads")
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl")


def test_reference_article_graph_conforms(seed_store: Path, shapes: Graph) -> None:
    data = _union(seed_store)
    assert len(data) > 500
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert conforms, text


def test_unseen_style_article_conforms(tmp_path: Path, shapes: Graph) -> None:
    text = ("---\npublished: 2021-03-02\n---\n"
            "Police in Veldonia arrested opposition leader Anna Korvek on Monday, her party said. "
            "The Veldonian Liberty Party (VLP) demanded her release and urged the European Union to "
            "impose sanctions. Prime Minister Tomas Brel said he would never pardon her.\n")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    report = polgraph.ingest(tmp_path / "a.md", store=tmp_path / "store")
    assert report.ok and report.events > 0
    conforms, _, out = pyshacl.validate(_union(tmp_path / "store"), shacl_graph=shapes, inference="none",
                                        allow_warnings=True)
    assert conforms, out
