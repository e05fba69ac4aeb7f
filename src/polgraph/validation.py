"""Check a store: the SHACL shapes (ontology/shapes.ttl) and the query checks (queries/checks/).

SHACL runs with pySHACL over the union of all graphs with no inference (the data writes its
superclass types out); each query check must return no rows. Every problem becomes one `Violation`
naming its focus node, so `polgraph check` can print it and exit 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .errors import PolgraphError, QueryError
from .queries import list_checks, run_query
from .resources import ontology_dir
from .store import Rows, Store, Term

SHACL = "shacl"
VIOLATION = "Violation"


@dataclass(frozen=True, slots=True, order=True)
class Violation:
    """One problem: where it was found (`shacl` or `checks/<name>`), its focus node and what is wrong."""

    source: str
    focus: str
    message: str
    severity: str = VIOLATION  # SHACL's sh:Violation, sh:Warning or sh:Info; query checks are violations


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `check` found: every problem, how much data it looked at and which checks it ran."""

    violations: tuple[Violation, ...] = ()
    triples: int = 0
    checks: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when nothing of severity Violation was found (warnings alone do not fail a check)."""
        return not any(v.severity == VIOLATION for v in self.violations)

    def rows(self) -> Rows:
        """The problems as result rows (source, severity, focus, message) for the output formats."""
        return Rows(["source", "severity", "focus", "message"],
                    [[Term("literal", v.source), Term("literal", v.severity), _focus_term(v.focus),
                      Term("literal", v.message)] for v in self.violations])

    def summary(self) -> str:
        """One line, such as `3 violations (1 SHACL, 2 from query checks) in 1,204 triples`."""
        shacl = sum(v.source == SHACL for v in self.violations)
        if not self.violations:
            return (f"ok: {self.triples:,} triples conform to the SHACL shapes and pass "
                    f"{len(self.checks)} query checks")
        n = len(self.violations)
        return (f"{n} problem{'s' if n != 1 else ''} ({shacl} SHACL, {n - shacl} from query checks) "
                f"in {self.triples:,} triples")


def check_store(store: Store, *, shapes: str | Path | None = None) -> CheckReport:
    """Validate a store with the SHACL shapes and every query of queries/checks/."""
    data = Graph()
    for s, p, o, _ in store.quads():
        data.add((s, p, o))
    violations = list(_shacl(data, Path(shapes) if shapes else ontology_dir() / "shapes.ttl"))
    names = []
    for info in list_checks():
        names.append(info.name)
        result = run_query(info, store)
        if not isinstance(result, Rows) or not {"focus", "message"} <= set(result.variables):
            raise QueryError("a check must be a SELECT query with ?focus and ?message", source=info.name)
        i, j = result.variables.index("focus"), result.variables.index("message")
        for row in result.rows:
            violations.append(Violation(info.name, row[i].value if row[i] else "",
                                        row[j].value if row[j] else "(no message)"))
    return CheckReport(tuple(sorted(violations)), triples=len(data), checks=tuple(names))


def _shacl(data: Graph, shapes_file: Path) -> list[Violation]:
    import pyshacl

    try:
        shapes = Graph().parse(shapes_file, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise PolgraphError(f"cannot read the SHACL shapes: {exc}", source=str(shapes_file)) from None
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        text = str(message) if message is not None else "does not conform to its shape"
        if path is not None and isinstance(path, URIRef) and str(path) not in text:
            text += f" (path {_n3(path)})"
        out.append(Violation(SHACL, _name(results.value(result, SH.focusNode)), text,
                             str(severity).rsplit("#", 1)[-1] if severity is not None else VIOLATION))
    return out


def _name(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _n3(node: Node) -> str:
    return node.n3() if isinstance(node, URIRef | Literal) else str(node)


def _focus_term(focus: str) -> Term:
    kind = "bnode" if focus.startswith("_:") else ("uri" if ":" in focus and " " not in focus else "literal")
    return Term(kind, focus.removeprefix("_:") if kind == "bnode" else focus)
