"""Checks on data/lexicon/given_names.txt: common given names, one cue for the extractor that a
capitalised span tagged ORG ("Cecilia Malmström") is really a person (see the file's comment header).

The file is read directly, so that a bad line is reported with its line number.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "given_names.txt"

# One token of letters (any script), with a hyphen or apostrophe only between letters: Jean-Luc, Ma'ruf.
NAME = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")

MIN_NAMES = 2000

# Words that must never be listed: capitalised, they are far more often an ordinary word, or part of
# a place, party, organisation or title, than a person's given name.
FORBIDDEN_WORDS = """
Will May June Mark Bill Grace Hope Faith Joy Rose Art Guy Sun Min Young Long Chan Sam Hun Kem Van Le Ha An
Ng Un Lee Lincoln Washington Jordan Georgia Chad Israel Victoria Florence Paris Virginia Carolina Royal
Liberty Unity Justice People National Democratic Union Freedom Rescue Party Future Forward Human Rights
Watch General Major Prime Minister Front Movement Court Ministry Council Assembly Republic Kingdom United
States European International Amnesty Reuters Twitter Facebook President Alliance Congress Senate Police
Army
"""
# Further names deliberately left out of the file, kept here so that nobody adds them back unawares.
LEFT_OUT = """
Christian Roman Milan Santiago Salvador Rosario Sofia Regina Charlotte Austin Sydney Wellington Hamilton
Kerry Clare Aden Riyadh Riyad Medina Haifa Hama Petra Gent Trinidad Lourdes Montserrat Concepción Asunción
Al El Abu Sri Said Islam Kim Noel Lenin Stalin Don Duma Sami Sana Wafa Tasnim Hayat Amal Zafer Yisrael
Bharat Khalifa Nursultan Franco Paz Domingo Eli Morgan Howard Russell Marshall Warren Whitney Stanley
Hunter Prince King Duke Earl Pope Sultan Sheikh Shah Emir Raja August April Dawn Alpha Jesus Innocent
Patience Reed Grant Drew Ray Per Miles Nadir Tore Kirk Pier Vital Viral Mercedes Viola Constance
"""
FORBIDDEN = set(FORBIDDEN_WORDS.split()) | set(LEFT_OUT.split())

MUST_HAVE = ["Cecilia", "Svetlana", "Sergei", "Emmanuel", "Joko", "Yoweri", "Anton", "Lena", "Josep", "Rosemary"]


def sort_key(name: str) -> tuple[str, str]:
    """The file's order: case and accents ignored, then case ignored (José after Jose)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return bare.casefold(), name.casefold()


@pytest.fixture(scope="module")
def lines() -> list[str]:
    assert PATH.is_file(), f"{PATH} is missing"
    text = PATH.read_text(encoding="utf-8")
    assert text.endswith("\n"), "the file should end with a newline"
    return text[:-1].split("\n")


@pytest.fixture(scope="module")
def names(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, name) for every line after the comment header."""
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        start += 1
    return [(number, line) for number, line in enumerate(lines[start:], start=start + 1)]


def test_file_exists() -> None:
    assert PATH.is_file(), f"{PATH} is missing"


def test_header_comes_first(lines: list[str], names: list[tuple[int, str]]) -> None:
    assert lines and lines[0].startswith("#"), "the file should open with '#' comment lines"
    late = [(n, line) for n, line in names if line.startswith("#")]
    assert not late, f"comment lines below the header: {late[:5]}"


def test_every_line_is_one_name(names: list[tuple[int, str]]) -> None:
    bad = [(n, line) for n, line in names if not NAME.fullmatch(line)]
    assert not bad, f"lines that are not a single name: {bad[:10]}"


def test_names_are_nfc(names: list[tuple[int, str]]) -> None:
    bad = [(n, line) for n, line in names if unicodedata.normalize("NFC", line) != line]
    assert not bad, f"lines not in Unicode NFC: {bad[:10]}"


def test_enough_names(names: list[tuple[int, str]]) -> None:
    assert len(names) >= MIN_NAMES, f"only {len(names)} names"


def test_sorted(names: list[tuple[int, str]]) -> None:
    for (_, before), (n, after) in zip(names, names[1:], strict=False):
        assert sort_key(before) <= sort_key(after), f"line {n}: {after!r} should come before {before!r}"


def test_unique_ignoring_case(names: list[tuple[int, str]]) -> None:
    first: dict[str, int] = {}
    dupes = []
    for n, name in names:
        key = name.casefold()
        if key in first:
            dupes.append((first[key], n, name))
        first.setdefault(key, n)
    assert not dupes, f"listed twice (first line, repeat line, name): {dupes[:10]}"


def test_no_forbidden_word(names: list[tuple[int, str]]) -> None:
    forbidden = {w.casefold() for w in FORBIDDEN}
    hits = [(n, name) for n, name in names if name.casefold() in forbidden]
    assert not hits, f"words that make organisations or places look like people: {hits}"


@pytest.mark.parametrize("name", MUST_HAVE)
def test_spot_check(names: list[tuple[int, str]], name: str) -> None:
    assert name in {line for _, line in names}
