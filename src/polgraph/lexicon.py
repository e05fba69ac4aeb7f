"""Loaders for the general word lists in data/lexicon/ (titles, group nouns, event triggers).

Knowledge lives in documented data files so that analysts can review and extend it without code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .resources import data_dir

# modal auxiliaries: what they govern may happen, or is still to come, and has not happened (events and
# memberships both read them)
MODALS_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "must"})
MODALS_FUTURE = frozenset({"will", "shall", "'ll"})
# the possessive "'s" as the tokenizer splits it off, with a straight or a curly apostrophe
POSSESSIVE_MARKS = frozenset({"'s", "’s"})


def _rows(name: str) -> list[dict[str, str]]:
    path = data_dir() / "lexicon" / name
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=1)
def titles() -> dict[str, frozenset[str]]:
    """Lower-cased title word or phrase → its kinds (head, government, modifier, honorific)."""
    out: dict[str, set[str]] = {}
    for row in _rows("titles.tsv"):
        out.setdefault(row["word"].lower(), set()).add(row["kind"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def group_nouns() -> dict[str, str]:
    """Plural collective noun → the canonical head used in group labels."""
    return {row["noun"].lower(): row["canonical"] for row in _rows("groups.tsv")}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lemma that signals an event, with the CAMEO code it maps to and how to read its arguments."""

    lemma: str
    cameo: str
    pos: str
    particle: str
    object_role: str
    needs: str
    note: str


@lru_cache(maxsize=1)
def triggers() -> dict[str, list[Trigger]]:
    """Lemma → its trigger readings (several when a particle or object decides the code)."""
    out: dict[str, list[Trigger]] = {}
    for row in _rows("triggers.tsv"):
        t = Trigger(row["lemma"].lower(), row["cameo"], row.get("pos", "") or "VERB",
                    row.get("particle", ""), row.get("object_role", "") or "patient",
                    row.get("needs", ""), row.get("note", ""))
        out.setdefault(t.lemma, []).append(t)
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (data/lexicon/given_names.txt): a cue that a capitalised span is a person."""
    path = data_dir() / "lexicon" / "given_names.txt"
    with path.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))
