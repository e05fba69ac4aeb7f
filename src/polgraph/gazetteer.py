"""Knowledge about well-known names (data/gazetteer/*.tsv), used to type, normalise and link.

The gazetteer never decides *whether* something is an entity (NER does); it only says what a name
already found is ("Thailand" is a Country, "EU" is the European Union) and gives a Wikidata id.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import EntityType
from .resources import data_dir


@dataclass(frozen=True, slots=True)
class Known:
    """A gazetteer entry."""

    name: str
    type: EntityType
    wikidata: str | None = None
    country: str | None = None


_POSSESSIVE = re.compile(r"'s\b")
_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = ("the", "a", "an")
_ARTICLE = re.compile(rf"^({'|'.join(_ARTICLES)})\s+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16_384)
def norm(name: str) -> str:
    """Fold case, accents, quotes, 'the' and punctuation so that variants of a name compare equal.

    Cached: the same few thousand names are looked up again and again, in every article."""
    name = unicodedata.normalize("NFKD", name)
    if not name.isascii():
        name = "".join(c for c in name if not unicodedata.combining(c))
    name = name.lower().replace("’", "'").replace("‘", "'")
    name = _POSSESSIVE.sub("", name)
    name = _PUNCT.sub("", name)
    name = _ARTICLE.sub("", name.strip())
    return _SPACES.sub(" ", name).strip()


class Gazetteer:
    """Name → entry, plus demonym → country."""

    def __init__(self, folder: Path | None = None) -> None:
        self.by_name: dict[str, Known] = {}
        self.demonyms: dict[str, Known] = {}
        self.countries: dict[str, Known] = {}
        self._demonym_of: dict[str, str] = {}
        self._capital_of: dict[str, str] = {}
        self._country_of_capital: dict[str, str] = {}
        self._first_words: frozenset[str] | None = None
        folder = folder or data_dir() / "gazetteer"
        self._load(folder)

    def lookup(self, name: str) -> Known | None:
        return self.by_name.get(norm(name))

    def may_start_name(self, word: str) -> bool:
        """Whether a window of words starting with this one may normalise to a known name: a cheap
        test before looking up every such window. `norm` drops a leading article, and a word that
        normalises to nothing leaves the name to the next word, so both may start one."""
        if self._first_words is None:
            self._first_words = frozenset(key.split(" ", 1)[0] for key in self.by_name)
        first = norm(word)
        return not first or first in _ARTICLES or first in self._first_words

    def country_of_demonym(self, word: str) -> Known | None:
        return self.demonyms.get(norm(word))

    def demonym(self, country: str) -> str | None:
        """The first demonym of a country ("Cambodian" for Cambodia)."""
        return self._demonym_of.get(country)

    def capital(self, country: str) -> str | None:
        """The capital's name ("Maputo" for Mozambique), for "in the capital"."""
        return self._capital_of.get(country)

    def country_of_capital(self, city: str) -> str | None:
        """The country whose capital this is ("Beijing" → China), for a capital standing for its state."""
        return self._country_of_capital.get(norm(city))

    def country_by_code(self, iso3: str | None) -> Known | None:
        """The country with this ISO 3166 alpha-3 code."""
        return self.countries.get(iso3 or "")

    def country(self, name: str) -> Known | None:
        """The country a name or demonym stands for."""
        known = self.lookup(name)
        if known and known.type is EntityType.COUNTRY:
            return known
        return self.country_of_demonym(name)

    def _add(self, names: list[str], entry: Known) -> None:
        for n in names:
            key = norm(n)
            if key and key not in self.by_name:
                self.by_name[key] = entry

    def _load(self, folder: Path) -> None:
        files = {
            "countries.tsv": self._country, "organizations.tsv": self._org,
            "cities.tsv": self._city, "regions.tsv": self._region,
        }
        for file, handler in files.items():
            path = folder / file
            if not path.exists():
                continue
            with path.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                    if row.get("name"):
                        handler({k: (v or "").strip() for k, v in row.items() if k})

    def _country(self, row: dict[str, str]) -> None:
        entry = Known(row["name"], EntityType.COUNTRY, row.get("wikidata") or None, row.get("iso3") or None)
        self._add([row["name"], *_split(row.get("aliases"))], entry)
        if entry.country:
            self.countries[entry.country] = entry
        for d in _split(row.get("demonyms")):
            self.demonyms.setdefault(norm(d), entry)
            self._demonym_of.setdefault(row["name"], d)
        if row.get("capital"):
            self._capital_of[row["name"]] = row["capital"]
            self._country_of_capital[norm(row["capital"])] = row["name"]

    def _org(self, row: dict[str, str]) -> None:
        try:
            kind = EntityType(row.get("type", "Organization"))
        except ValueError:
            kind = EntityType.ORGANIZATION
        entry = Known(row["name"], kind, row.get("wikidata") or None, row.get("country_iso3") or None)
        self._add([row["name"], *_split(row.get("aliases"))], entry)

    def _city(self, row: dict[str, str]) -> None:
        entry = Known(row["name"], EntityType.CITY, row.get("wikidata") or None, row.get("country_iso3") or None)
        self._add([row["name"], *_split(row.get("aliases"))], entry)

    def _region(self, row: dict[str, str]) -> None:
        entry = Known(row["name"], EntityType.REGION, row.get("wikidata") or None,
                      row.get("country_iso3") or None)
        self._add([row["name"], *_split(row.get("aliases"))], entry)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The bundled gazetteer, loaded once."""
    return Gazetteer()
