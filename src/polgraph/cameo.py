"""The CAMEO codebook (data/cameo/cameo_event_codes.tsv): names, Goldstein values, quad classes."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from .resources import data_dir

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    goldstein: float | None
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def codebook() -> dict[str, Code]:
    """Code → entry for every CAMEO event code."""
    out: dict[str, Code] = {}
    with (data_dir() / "cameo" / "cameo_event_codes.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            g = row.get("goldstein", "").strip()
            out[row["code"]] = Code(row["code"], row["name"], float(g) if g else None, int(row["quad_class"]))
    return out


def lookup(code: str) -> Code:
    """The entry for a code; KeyError names the code when it is not in the codebook."""
    try:
        return codebook()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None
