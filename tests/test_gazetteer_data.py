"""Checks on the hand-written knowledge files in data/gazetteer/ (see data/gazetteer/README.md).

These tests read the TSV files directly, so that a broken row is reported with its file and line
whatever the loader in src/polgraph/gazetteer.py does with it.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from polgraph.gazetteer import norm

GAZ = Path(__file__).resolve().parents[1] / "data" / "gazetteer"

HEADERS = {
    "countries.tsv": ["name", "iso3", "demonyms", "aliases", "capital", "wikidata"],
    "cities.tsv": ["name", "country_iso3", "aliases", "wikidata"],
    "regions.tsv": ["name", "country_iso3", "kind", "aliases", "wikidata"],
    "organizations.tsv": ["name", "type", "aliases", "country_iso3", "wikidata"],
}
# The order in which the extractor loads the files: on a clash between files the first one wins.
LOAD_ORDER = ["countries.tsv", "organizations.tsv", "cities.tsv", "regions.tsv"]
ORG_TYPES = {"InternationalOrganization", "Organization", "GovernmentBody", "Court", "PoliticalParty"}
REGION_KINDS = {"province", "state", "region", "district", "continent", "subregion"}
QID = re.compile(r"^Q[1-9][0-9]*$")
ISO3 = re.compile(r"^[A-Z]{3}$")
# Capitals deliberately absent from cities.tsv (see the README): city-states, whose capital has the
# country's own name, and Victoria (Seychelles), whose bare name is far more often something else.
CAPITALS_NOT_IN_CITIES = {"Victoria"}
# Cities with no single country: Jerusalem is claimed by Israel and Palestine.
CITIES_WITHOUT_COUNTRY = {"Jerusalem"}


def key(name: str) -> str:
    """Names compare as the extractor compares them."""
    return norm(name)


def split(value: str) -> list[str]:
    return [v for v in value.split(";")] if value else []


def read(file: str) -> list[dict[str, str]]:
    path = GAZ / file
    with path.open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert lines, f"{file} is empty"
    assert lines[0] == HEADERS[file], f"{file}: header {lines[0]}"
    rows = []
    for lineno, cells in enumerate(lines[1:], start=2):
        assert len(cells) == len(HEADERS[file]), f"{file}:{lineno}: {len(cells)} columns: {cells}"
        rows.append(dict(zip(HEADERS[file], cells, strict=True)) | {"_line": str(lineno)})
    return rows


def names(row: dict[str, str]) -> list[str]:
    return [row["name"], *split(row["aliases"])]


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict[str, str]]]:
    return {file: read(file) for file in HEADERS}


@pytest.fixture(scope="module")
def iso3s(data) -> set[str]:
    return {r["iso3"] for r in data["countries.tsv"]}


# format ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("file", list(HEADERS))
def test_plain_utf8_tsv(file):
    raw = (GAZ / file).read_bytes()
    text = raw.decode("utf-8")  # raises if not UTF-8
    assert not text.startswith("\ufeff"), "no byte-order mark"
    assert "\r" not in text, "LF line endings only"
    assert text.endswith("\n") and not text.endswith("\n\n"), "one final newline, no blank lines"
    assert '"' not in text, "no quoting: TSV values never contain double quotes"


@pytest.mark.parametrize("file", list(HEADERS))
def test_cells_are_clean(file, data):
    problems = []
    for r in data[file]:
        if not r["name"]:
            problems.append(f"line {r['_line']}: empty name")
        for col in HEADERS[file]:
            v = r[col]
            if v != v.strip() or "  " in v:
                problems.append(f"line {r['_line']}: stray spaces in {col}={v!r}")
            if col in {"aliases", "demonyms"} and v and any(not p or p != p.strip() for p in split(v)):
                problems.append(f"line {r['_line']}: empty or padded item in {col}={v!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("file", list(HEADERS))
def test_sorted_by_name(file, data):
    got = [r["name"] for r in data[file]]
    assert got == sorted(got, key=lambda n: (key(n), n)), f"{file} is not sorted by name"


@pytest.mark.parametrize("file", list(HEADERS))
def test_wikidata_ids(file, data):
    bad = [(r["name"], r["wikidata"]) for r in data[file] if r["wikidata"] and not QID.match(r["wikidata"])]
    assert not bad, bad


def test_wikidata_ids_are_not_reused(data):
    seen: dict[str, str] = {}
    clashes = []
    for file, rows in data.items():
        for r in rows:
            q = r["wikidata"]
            if q and q in seen:
                clashes.append(f"{q}: {seen[q]} and {file}:{r['name']}")
            seen.setdefault(q, f"{file}:{r['name']}")
    assert not clashes, "\n".join(clashes)


# names ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("file", list(HEADERS))
def test_no_name_points_to_two_entries(file, data):
    """Within a file, a (folded) name or alias must lead to one entry only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in data[file]:
        for n in names(r):
            owners[key(n)].add(r["name"])
    collisions = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not collisions, f"{file}: names shared by several entries: {collisions}"


def test_every_entry_is_reachable(data):
    """Across files the first file loaded wins a name; each entry must keep at least one name."""
    taken: dict[str, str] = {}
    unreachable = []
    for file in LOAD_ORDER:
        for r in data[file]:
            keys = [key(n) for n in names(r)]
            if all(k in taken for k in keys):
                unreachable.append(f"{file}:{r['name']} (all names taken by {taken[keys[0]]})")
            for k in keys:
                taken.setdefault(k, f"{file}:{r['name']}")
    assert not unreachable, "\n".join(unreachable)


def test_demonyms_point_to_one_country(data):
    owners: dict[str, set[str]] = defaultdict(set)
    for r in data["countries.tsv"]:
        for d in split(r["demonyms"]):
            owners[key(d)].add(r["name"])
    collisions = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not collisions, collisions


# values ---------------------------------------------------------------------------------------
def test_countries(data):
    rows = data["countries.tsv"]
    codes = [r["iso3"] for r in rows]
    assert all(ISO3.match(c) for c in codes), [c for c in codes if not ISO3.match(c)]
    assert len(codes) == len(set(codes)), "duplicate iso3"
    # 193 UN members + 2 observers (Holy See, Palestine) + Taiwan, Kosovo, Hong Kong
    assert len(rows) == 198
    by_iso = {r["iso3"]: r for r in rows}
    for iso, name in {
        "TWN": "Taiwan",
        "XKX": "Kosovo",
        "PSE": "Palestine",
        "HKG": "Hong Kong",
        "VAT": "Vatican City",
    }.items():
        assert by_iso[iso]["name"] == name


def test_capitals_are_cities(data):
    cities = {r["name"] for r in data["cities.tsv"]}
    missing = [
        (r["name"], r["capital"])
        for r in data["countries.tsv"]
        if r["capital"]
        and r["capital"] not in cities
        and r["capital"] != r["name"]
        and r["capital"] not in CAPITALS_NOT_IN_CITIES
    ]
    assert not missing, missing


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("cities.tsv", "country_iso3"),
        ("regions.tsv", "country_iso3"),
        ("organizations.tsv", "country_iso3"),
    ],
)
def test_iso3_refers_to_a_country(file, column, data, iso3s):
    bad = [(r["name"], r[column]) for r in data[file] if r[column] and r[column] not in iso3s]
    assert not bad, bad


def test_cities_have_a_country(data):
    bad = [
        r["name"]
        for r in data["cities.tsv"]
        if not r["country_iso3"] and r["name"] not in CITIES_WITHOUT_COUNTRY
    ]
    assert not bad, bad


def test_region_kinds(data):
    rows = data["regions.tsv"]
    assert not [(r["name"], r["kind"]) for r in rows if r["kind"] not in REGION_KINDS]
    # subdivisions belong to a country; continents and world regions to none
    assert not [
        r["name"] for r in rows if r["kind"] in {"province", "state", "district"} and not r["country_iso3"]
    ]
    assert not [r["name"] for r in rows if r["kind"] in {"continent", "subregion"} and r["country_iso3"]]


def test_organization_types(data):
    rows = data["organizations.tsv"]
    assert not [(r["name"], r["type"]) for r in rows if r["type"] not in ORG_TYPES]
    assert not [r["name"] for r in rows if r["type"] == "PoliticalParty" and not r["country_iso3"]]


# spot checks ----------------------------------------------------------------------------------
def _find(rows: list[dict[str, str]], name: str) -> dict[str, str]:
    hits = [r for r in rows if key(name) in {key(n) for n in names(r)}]
    assert len(hits) == 1, f"{name!r}: {len(hits)} entries"
    return hits[0]


def test_spot_checks(data):
    countries, cities = data["countries.tsv"], data["cities.tsv"]
    regions, orgs = data["regions.tsv"], data["organizations.tsv"]

    cambodia = _find(countries, "Cambodia")
    assert cambodia["iso3"] == "KHM"
    assert {"Cambodian", "Khmer"} <= set(split(cambodia["demonyms"]))
    assert cambodia["capital"] == "Phnom Penh"
    assert _find(countries, "Burma")["name"] == "Myanmar"
    assert _find(countries, "U.S.")["name"] == "United States"
    assert _find(countries, "Britain")["name"] == "United Kingdom"
    assert _find(countries, "the Philippines")["iso3"] == "PHL"
    assert _find(countries, "Hong Kong")["iso3"] == "HKG"

    assert _find(orgs, "EU")["name"] == "European Union"
    assert "EU" in split(_find(orgs, "European Union")["aliases"])
    assert _find(orgs, "ICC")["type"] == "Court"
    assert _find(orgs, "ICJ")["type"] == "Court"
    assert _find(orgs, "CPP") == _find(orgs, "Cambodian People's Party")
    assert _find(orgs, "CNRP")["type"] == "PoliticalParty"
    assert _find(orgs, "Democratic Party")["country_iso3"] == "USA"
    assert _find(orgs, "ASEAN")["type"] == "InternationalOrganization"

    kampot = _find(regions, "Kampot")
    assert (kampot["country_iso3"], kampot["kind"]) == ("KHM", "province")
    assert len([r for r in regions if r["country_iso3"] == "KHM" and r["kind"] == "province"]) == 24
    assert _find(regions, "Southeast Asia")["kind"] == "subregion"

    assert _find(cities, "Phnom Penh")["country_iso3"] == "KHM"
    assert _find(cities, "Saigon")["name"] == "Ho Chi Minh City"
    assert _find(cities, "The Hague")["country_iso3"] == "NLD"


def test_loader_reads_the_files():
    """The extractor's own loader sees the same entries (and the precedence between files)."""
    gazetteer = pytest.importorskip("polgraph.gazetteer")
    from polgraph.model import EntityType

    gaz = gazetteer.Gazetteer(GAZ)
    assert gaz.lookup("EU").name == "European Union"
    assert gaz.lookup("Kampot").type is EntityType.REGION
    assert gaz.lookup("Siem Reap").type is EntityType.CITY
    assert gaz.lookup("Phnom Penh").country == "KHM"
    assert gaz.lookup("Georgia").type is EntityType.COUNTRY
    assert gaz.country_of_demonym("Cambodian").name == "Cambodia"
    assert gaz.lookup("CNRP").type is EntityType.PARTY
