"""Score extraction against gold annotations (the JSON format of data/gold/*.gold.json).

The measures are those of the project's evaluation: entity, membership and event precision,
recall and F1 over the three contract queries, type/agent/date/place accuracy, and duplicates
(a second node for one real-world thing counts against precision).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .errors import InputError
from .resources import queries_dir

PER, ORG, LOC = "PER", "ORG", "LOC"
_ORG_HINTS = ("party", "government", "court", "organi", "ministry", "agency", "body", "institution", "group",
              "union", "company", "media", "commission", "committee", "council", "assembly", "parliament",
              "military", "police", "army", "force", "judiciary", "legislature", "ngo", "publisher")
_LOC_HINTS = ("country", "city", "region", "place", "location", "province", "gpe", "state", "town",
              "village", "district", "capital", "territory")
_ROLE_SYNONYMS = {"prime minister": ["PM", "premier"], "president": ["leader", "head"],
                  "vice president": ["deputy president", "deputy", "vice-president"]}


def coarse_class(type_name: str) -> str | None:
    t = (type_name or "").lower()
    if "person" in t or t in {"per", "human", "people"}:
        return PER
    if any(w in t for w in _LOC_HINTS):
        return LOC
    if any(w in t for w in _ORG_HINTS) or t in {"org", "norp"}:
        return ORG
    return None


def fold(name: str) -> str:
    """Normalise a name for comparison (accents, case, possessive, punctuation, leading article)."""
    name = unicodedata.normalize("NFKD", name or "")
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = name.replace("’", "'").replace("'s ", " ")
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    name = re.sub(r"^(the|a|an) ", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def similar(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return bool(a and b) and (a == b or SequenceMatcher(None, a, b).ratio() >= 0.9)


def _any_similar(xs: Iterable[str], ys: Sequence[str]) -> bool:
    return any(similar(x, y) for x in xs for y in ys)


def _local(value: str) -> str:
    return re.split(r"[#/:]", value)[-1] if value.startswith(("http", "urn:")) else value


@dataclass
class Gold:
    """Gold annotations pooled over files: one entry per real-world entity or membership."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Gold:
        gold = cls()
        for path in paths:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            for e in data.get("entities", []):
                gold._add_entity(e)
            for m in data.get("memberships", []):
                key = (fold(m["person"]), fold(m["role"]), fold(m["organization"]))
                old = next((x for x in gold.memberships
                            if (fold(x["person"]), fold(x["role"]), fold(x["organization"])) == key), None)
                if old is not None:
                    old["required"] = old.get("required") or m.get("required")
                else:
                    gold.memberships.append(dict(m))
            gold.events.extend(data.get("events", []))
        return gold

    def _add_entity(self, e: dict[str, Any]) -> None:
        names = [e["label"], *e.get("aliases", [])]
        for old in self.entities:
            if fold(old["label"]) == fold(e["label"]):
                old["aliases"] = old.get("aliases", []) + [n for n in names if n not in old.get("aliases", [])]
                old["required"] = old.get("required") or e.get("required")
                return
        self.entities.append(dict(e, aliases=list(e.get("aliases", []))))

    def names(self, label: str) -> list[str]:
        for e in self.entities:
            names = [e["label"], *e.get("aliases", [])]
            if any(similar(label, n) for n in names):
                return names
        return [label]


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score_entities(gold: Gold, rows: list[dict[str, str]]) -> dict[str, Any]:
    system: dict[str, dict[str, set[str]]] = {}
    for r in rows:
        ent = system.setdefault(r.get("entity") or r.get("label", ""), {"names": set(), "types": set()})
        for col in ("label", "alias", "altLabel"):
            if r.get(col):
                ent["names"].add(r[col])
        if r.get("type"):
            ent["types"].add(_local(r["type"]))
    items = [e for e in system.values() if any(coarse_class(t) for t in e["types"]) or not e["types"]]
    first: dict[int, dict[str, set[str]]] = {}
    duplicates: list[str] = []
    unmatched: list[str] = []
    for s in sorted(items, key=lambda s: -max((len(n) for n in s["names"]), default=0)):
        gi = next((i for i, g in enumerate(gold.entities)
                   if _any_similar(s["names"], [g["label"], *g.get("aliases", [])])), None)
        if gi is None:
            unmatched.append(sorted(s["names"])[0])
        elif gi in first:
            duplicates.append(sorted(s["names"])[0])
        else:
            first[gi] = s
    coarse_ok = fine_ok = fine_n = 0
    for gi, s in first.items():
        g = gold.entities[gi]
        if g.get("type", "Any") == "Any":
            coarse_ok += 1
            continue
        coarse_ok += coarse_class(g["type"]) in {coarse_class(t) for t in s["types"]}
        fine_n += 1
        fine_ok += any(fold(t) == fold(g["type"]) for t in s["types"])
    required = [i for i, g in enumerate(gold.entities) if g.get("required")]
    p = len(first) / len(items) if items else 0.0
    r = sum(i in first for i in required) / len(required) if required else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r), "system": len(items),
            "coarse_type_accuracy": coarse_ok / len(first) if first else 0.0,
            "fine_type_accuracy": fine_ok / fine_n if fine_n else 0.0,
            "duplicates": len(duplicates), "duplicate_names": sorted(duplicates),
            "unmatched_system": sorted(unmatched),
            "missing": [gold.entities[i]["label"] for i in required if i not in first]}


def _role_ok(gold_role: str, synonyms: list[str], system_role: str) -> bool:
    tokens = set(fold(system_role).split())
    for role in [gold_role, *synonyms]:
        want = set(fold(role).split())
        if (want and want <= tokens) or similar(role, system_role):
            return True
    return False


def score_memberships(gold: Gold, rows: list[dict[str, str]]) -> dict[str, Any]:
    system = {(r.get("personLabel", ""), r.get("role", ""), r.get("organizationLabel", "")) for r in rows}
    hit: set[int] = set()
    matched = 0
    for person, role, org in system:
        for i, g in enumerate(gold.memberships):
            orgs = gold.names(g["organization"]) + g.get("organization_aliases", [])
            if (_any_similar([person], gold.names(g["person"])) and _any_similar([org], orgs)
                    and _role_ok(g["role"], _ROLE_SYNONYMS.get(fold(g["role"]), []), role)):
                matched += 1
                hit.add(i)
                break
    required = [i for i, g in enumerate(gold.memberships) if g.get("required")]
    p = matched / len(system) if system else 0.0
    r = sum(i in hit for i in required) / len(required) if required else 1.0
    missing = [f'{g["person"]} / {g["role"]} / {g["organization"]}'
               for i, g in enumerate(gold.memberships) if g.get("required") and i not in hit]
    return {"precision": p, "recall": r, "f1": _f1(p, r), "system": len(system), "missing": missing}


def date_matches(gold_date: str | None, system_date: str | None) -> bool | None:
    if not gold_date or not system_date:
        return None
    system_date = system_date[:10]
    if gold_date.startswith("before:"):
        bound = gold_date[7:]
        return system_date <= bound or bound.startswith(system_date)
    return system_date.startswith(gold_date) or gold_date.startswith(system_date)


def score_events(gold: Gold, rows: list[dict[str, str]]) -> dict[str, Any]:
    events: dict[str, dict[str, Any]] = {}
    for r in rows:
        e = events.setdefault(r.get("event", ""), {"type": "", "date": "", "people": [], "roles": {},
                                                   "place": "", "label": ""})
        e["type"] = e["type"] or re.sub(r"\D", "", _local(r.get("eventType", "")))
        e["date"] = e["date"] or r.get("date", "")
        e["place"] = e["place"] or r.get("place", "")  # events.rq: the place's name
        e["label"] = e["label"] or r.get("eventLabel", "")
        if r.get("participantLabel"):
            e["people"].append(r["participantLabel"])
            role = _local(r.get("participantRole", "")).lower()
            e["roles"].setdefault(role, []).append(r["participantLabel"])
    system = list(events.values())
    pairs = []
    for si, s in enumerate(system):
        for gi, g in enumerate(gold.events):
            if s["type"][:2] not in g["cameo"]:
                continue
            people = [n for names in g["participants"].values() for p in names for n in gold.names(p)]
            if not _any_similar(s["people"], people) or date_matches(g.get("date"), s["date"]) is False:
                continue
            pairs.append((si, gi))
    used_s: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for si, gi in sorted(pairs, key=lambda p: (not gold.events[p[1]].get("required"), p)):
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            matches.append((si, gi))
    required = [i for i, g in enumerate(gold.events) if g.get("required")]
    p = len(matches) / len(system) if system else 0.0
    r = sum(i in used_g for i in required) / len(required) if required else 1.0
    agent_ok = agent_n = dated = date_n = place_ok = place_n = 0
    for si, gi in matches:
        s, g = system[si], gold.events[gi]
        if g["participants"].get("agent"):
            agent_n += 1
            agents = [n for a in g["participants"]["agent"] for n in gold.names(a)]
            agent_ok += _any_similar(s["roles"].get("agent", []), agents)
        if g.get("date"):
            date_n += 1
            dated += bool(date_matches(g["date"], s["date"]))
        if g.get("place"):
            place_n += 1
            place_ok += _any_similar([s["place"]], gold.names(g["place"]))
    return {"precision": p, "recall": r, "f1": _f1(p, r), "system": len(system),
            "agent_accuracy": agent_ok / agent_n if agent_n else 0.0,
            "date_accuracy": dated / date_n if date_n else 0.0,
            "place_accuracy": place_ok / place_n if place_n else 0.0,
            "missing": [g["id"] for i, g in enumerate(gold.events) if g.get("required") and i not in used_g],
            "unmatched_system": [system[i]["label"] for i in range(len(system)) if i not in used_s]}


def score(gold: Gold, entities: list[dict[str, str]], memberships: list[dict[str, str]],
          events: list[dict[str, str]]) -> dict[str, Any]:
    """All measures for one store's contract-query rows against pooled gold."""
    report = {"entities": score_entities(gold, entities), "memberships": score_memberships(gold, memberships),
              "events": score_events(gold, events)}
    report["overall_f1"] = sum(report[k]["f1"] for k in ("entities", "memberships", "events")) / 3
    return report


def contract_rows(store: Any) -> dict[str, list[dict[str, str]]]:
    """Run the three contract queries on a store; rows as plain strings."""
    out: dict[str, list[dict[str, str]]] = {}
    for name in ("entities", "memberships", "events"):
        result = store.query((queries_dir() / f"{name}.rq").read_text(encoding="utf-8"))
        out[name] = [{v: c.value for v, c in zip(result.variables, row, strict=True) if c is not None}
                     for row in result.rows]
    return out


@dataclass
class GoldCase:
    gold: Path
    article: Path


def gold_cases(gold_paths: Iterable[str | Path], *, articles_root: str | Path | None = None) -> list[GoldCase]:
    """Pair each gold file (or every *.gold.json in a folder) with its article: the gold's "article"
    field, looked up under `articles_root`, beside the gold file, and in the working directory."""
    out = []
    for raw in gold_paths:
        path = Path(raw)
        files = sorted(path.glob("*.gold.json")) if path.is_dir() else [path]
        if not files:
            raise InputError("no *.gold.json files here", source=str(path))
        for f in files:
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise InputError(f"cannot read gold file: {exc}", source=str(f)) from None
            rel = str(data.get("article", "")).split(" ", 1)[0]
            roots = [Path(articles_root)] if articles_root else []
            roots += [f.parent, f.parent.parent, Path.cwd()]
            found = next((r / rel for r in roots if rel and (r / rel).is_file()), None)
            if found is None:
                raise InputError(f"cannot find its article {rel!r}", source=str(f),
                                 hint="give --articles-root, the folder its 'article' path is relative to")
            out.append(GoldCase(f, found))
    return out


@dataclass
class EvalReport:
    """Scores per gold file and pooled over all of them (all articles in one graph)."""

    cases: list[tuple[str, dict[str, Any]]]
    pooled: dict[str, Any]


def evaluate(gold_paths: Iterable[str | Path], *, articles_root: str | Path | None = None) -> EvalReport:
    """Ingest each gold file's article into a fresh in-memory store and score the contract queries."""
    from .ingestion import ingest
    from .store import Store

    cases = gold_cases(gold_paths, articles_root=articles_root)
    results = []
    pooled_store = Store(None)
    for case in cases:
        store = Store(None)
        report = ingest([case.article], store=store)
        if report.failed:
            raise InputError(report.failed[0][1], source=str(case.article))
        ingest([case.article], store=pooled_store)
        results.append((case.gold.name, score(Gold.load([case.gold]), **contract_rows(store))))
    pooled = score(Gold.load([c.gold for c in cases]), **contract_rows(pooled_store))
    return EvalReport(results, pooled)


def format_report(report: dict[str, Any], *, title: str = "") -> str:
    """Human-readable lines, one per measure."""
    lines = [title] if title else []
    for k in ("entities", "memberships", "events"):
        part = report[k]
        extras = " ".join(f"{m}={part[m]:.2f}" for m in part if m.endswith("accuracy"))
        if "duplicates" in part:
            extras += f" duplicates={part['duplicates']}"
        lines.append(f"  {k:12s} P={part['precision']:.2f} R={part['recall']:.2f} F1={part['f1']:.2f} "
                     f"system={part['system']} {extras}".rstrip())
    lines.append(f"  overall F1 {report['overall_f1']:.3f}")
    return "\n".join(lines)
