"""Where polgraph's bundled folders (ontology/, queries/, data/) are found.

They live at the project root (fixed layout); an installed wheel carries a copy under
`polgraph/_share`. `POLGRAPH_HOME` overrides both.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def home() -> Path:
    """The folder holding ontology/, queries/ and data/."""
    env = os.environ.get("POLGRAPH_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1], here / "_share"):
        if (candidate / "ontology").is_dir() and (candidate / "queries").is_dir():
            return candidate
    return here.parents[1]


def ontology_dir() -> Path:
    return home() / "ontology"


def queries_dir() -> Path:
    return home() / "queries"


def data_dir() -> Path:
    return home() / "data"
