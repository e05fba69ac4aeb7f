"""Small, specific exceptions: what went wrong, with which input, and what to do.

The CLI turns each into one clean message and an exit code; library users can catch them.
"""

from __future__ import annotations


class PolgraphError(Exception):
    """Base class: every error polgraph raises on purpose."""

    def __init__(self, what: str, *, source: str = "", hint: str = "") -> None:
        self.what = what
        self.source = source
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.source}: {self.what}" if self.source else self.what
        return f"{text} ({self.hint})" if self.hint else text

    def __reduce__(self):  # keep `source` and `hint` when an error crosses processes (ingest workers)
        return type(self), (self.what,), {"source": self.source, "hint": self.hint}


class InputError(PolgraphError):
    """An article file or line could not be read."""


class ModelError(PolgraphError):
    """The spaCy model is missing or cannot be loaded."""


class QueryError(PolgraphError):
    """A query is unknown, malformed, or got bad parameters."""


class StoreError(PolgraphError):
    """The store cannot be opened, read or written."""


class EndpointError(StoreError):
    """A remote SPARQL endpoint refused or failed a request."""
