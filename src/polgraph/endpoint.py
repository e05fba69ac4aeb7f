"""Remote SPARQL 1.1 stores: load into them, query them, and serve the embedded store as one.

The only module that imports SPARQLWrapper (queries and updates); loads use the SPARQL 1.1 Graph Store
HTTP Protocol through the standard library. Nothing here is specific to one store: Oxigraph server,
Fuseki, GraphDB, Virtuoso and Neptune differ only in their three URLs (query, update, GSP).

What is all-or-nothing, per article graph:

- Graph Store Protocol: one `PUT` per graph, which replaces it. Oxigraph server clears the graph,
  then loads the new one in one transaction, so after a failure the graph is the old version, the new
  one, or empty — never part of one.
- SPARQL Update: whole graphs grouped into requests of at most `chunk_bytes`, each `DROP SILENT GRAPH
  <g1> ; ... INSERT DATA { GRAPH <g1> { ... } ... }` (a request is one transaction in Oxigraph and
  Fuseki). A graph larger than `chunk_bytes` goes into a temporary graph in chunks, then one `MOVE`
  puts it in place; on failure the temporary graph is dropped, and if the store could not be reached
  to drop it, the next load of that article does.

Credentials come from the environment or from a settings file (never from the command line, where
`ps` shows them), and every message is stripped of them.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import hashlib
import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from .errors import EndpointError, PolgraphError, QueryError, StoreError
from .store import FILE_FORMATS, Rows, Store, Term, default_store_path
from .vocab import BASE, ID

USER_ENV = "POLGRAPH_ENDPOINT_USER"
PASSWORD_ENV = "POLGRAPH_ENDPOINT_PASSWORD"
TOKEN_ENV = "POLGRAPH_ENDPOINT_TOKEN"
SETTINGS_ENV = "POLGRAPH_ENDPOINTS_FILE"
SETTINGS_KEYS = ("update", "gsp", "user", "password", "token")

DEFAULT_CHUNK_BYTES = 4_000_000
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 0.5
DEFAULT_TIMEOUT = 60.0
DEFAULT_BIND = "127.0.0.1:7878"
TEMP_GRAPH_PREFIX = BASE + "graph/loading/"

_ARTICLE_PREFIX = str(ID) + "article/"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
_SPARQLWRAPPER_STATUS = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414,
                         EndPointInternalError: 500}
_URL_HINT = ("check the URL: Oxigraph server uses /query, /update and /store; Fuseki /ds/query, /ds/update "
             "and /ds/data; GraphDB /repositories/REPO, /repositories/REPO/statements and "
             "/repositories/REPO/rdf-graphs/service")
_sleep = time.sleep  # the retry pause (tests replace it to record the backoff)
T = TypeVar("T")


# ---- settings and credentials -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Credentials:
    """HTTP basic (user and password) or bearer-token credentials; their repr never shows a secret."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    origin: str = ""  # where they came from, for messages: the environment or the settings file

    def authorization(self) -> str | None:
        """The value of the Authorization header (bearer token first), or None."""
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None and self.password is not None:
            pair = f"{self.user}:{self.password}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None

    def secrets(self) -> list[str]:
        """Every string that must never appear in a message."""
        header = self.authorization()
        found = [s for s in (self.password, self.token, header.split(" ", 1)[1] if header else None) if s]
        return sorted(found, key=len, reverse=True)


def settings_path() -> Path:
    """$POLGRAPH_ENDPOINTS_FILE, else $XDG_CONFIG_HOME/polgraph/endpoints.toml (~/.config by default)."""
    if os.environ.get(SETTINGS_ENV):
        return Path(os.environ[SETTINGS_ENV])
    config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(config) / "polgraph" / "endpoints.toml"


def endpoint_settings(url: str) -> dict[str, str]:
    """The settings file's table for this endpoint URL (empty if there is none).

    The file is TOML with one table per query URL:

        ["http://localhost:3030/ds/query"]
        update = "http://localhost:3030/ds/update"
        gsp = "http://localhost:3030/ds/data"
        user = "admin"
        password = "..."     # or: token = "..." (bearer)
    """
    path = settings_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise EndpointError(f"cannot read the endpoint settings: {exc}", source=str(path),
                            hint="it is TOML with one table per query URL; see the README") from None
    entry = next((v for k, v in data.items() if k.rstrip("/") == url.rstrip("/")), {})
    if not isinstance(entry, dict):
        raise EndpointError(f"the entry for {_redact_url(url)} is not a table", source=str(path),
                            hint='write ["URL"] on a line of its own, then key = "value" lines')
    for key, value in entry.items():
        if key not in SETTINGS_KEYS:
            raise EndpointError(f"unknown setting {key!r} for {_redact_url(url)}", source=str(path),
                                hint=f"use {', '.join(SETTINGS_KEYS)}")
        if not isinstance(value, str):
            raise EndpointError(f"setting {key!r} for {_redact_url(url)} must be a string", source=str(path))
    return dict(entry)


def find_credentials(url: str, settings: Mapping[str, str] | None = None) -> Credentials:
    """Credentials from the environment (POLGRAPH_ENDPOINT_*), else from the settings file's entry."""
    env = {k: os.environ.get(k) or None for k in (USER_ENV, PASSWORD_ENV, TOKEN_ENV)}
    if any(env.values()):
        user, password, token = env[USER_ENV], env[PASSWORD_ENV], env[TOKEN_ENV]
        origin, source, names = "the environment (POLGRAPH_ENDPOINT_*)", "", (USER_ENV, PASSWORD_ENV)
    else:
        entry = endpoint_settings(url) if settings is None else settings
        user, password, token = entry.get("user"), entry.get("password"), entry.get("token")
        source = str(settings_path())
        origin, names = f"the settings file {source}", ("user", "password")
    if not token and (user is None) != (password is None):
        given, missing = (names[0], names[1]) if password is None else (names[1], names[0])
        raise EndpointError(f"{given} is set but {missing} is not", source=source,
                            hint="give both for basic authentication, or a token")
    return Credentials(user, password, token, origin if (token or user) else "")


# ---- the endpoint ---------------------------------------------------------------------------------

class Endpoint:
    """A remote SPARQL 1.1 store: its query, update and Graph Store Protocol URLs, and credentials.

    The update URL defaults to the query URL (one URL serves both in Virtuoso, Neptune and Fuseki's
    dataset URL); without a GSP URL, loads go through SPARQL Update. Missing URLs and credentials are
    looked up in the settings file (`settings_path()`), credentials first in the environment.

    Example: `Endpoint("http://127.0.0.1:7878/query", update_url="http://127.0.0.1:7878/update",
    gsp_url="http://127.0.0.1:7878/store").query("ASK { ?s ?p ?o }")`
    """

    def __init__(self, url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 credentials: Credentials | None = None, timeout: float = DEFAULT_TIMEOUT,
                 retries: int = DEFAULT_RETRIES, backoff: float = DEFAULT_BACKOFF) -> None:
        self.url = _check_url(url, "endpoint")
        settings = endpoint_settings(self.url)
        self.update_url = _check_url(update_url or settings.get("update") or self.url, "update endpoint")
        gsp = gsp_url or settings.get("gsp")
        self.gsp_url = _check_url(gsp, "GSP endpoint") if gsp else None
        self.credentials = credentials if credentials is not None else find_credentials(self.url, settings)
        if retries < 0 or timeout <= 0:
            raise EndpointError("retries must be 0 or more and the timeout positive")
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        from . import __version__

        self._agent = f"polgraph/{__version__}"

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r}, update_url={self.update_url!r}, gsp_url={self.gsp_url!r})"

    # reading --------------------------------------------------------------------------------------
    def query(self, sparql: str, params: Mapping[str, Node] | None = None, *, doing: str = "running a query"
              ) -> Rows | bool | list[tuple]:
        """Run a query; parameters go into VALUES blocks written by rdflib (see `bind_values`)."""
        text = bind_values(sparql, params) if params else sparql
        form = query_form(text)
        if form not in _FORMS:
            raise QueryError(f"this is {'an update' if form else 'not a query'}",
                             hint="run SELECT, ASK, CONSTRUCT or DESCRIBE queries")
        wrapper = self._wrapper(text, form)
        graph_result = form in ("CONSTRUCT", "DESCRIBE")
        wrapper.setReturnFormat(TURTLE if graph_result else JSON)
        body, content_type = self._call(lambda: _send(wrapper), url=self.url, doing=doing, query=True)
        try:
            return _graph_result(body, content_type) if graph_result else _select_result(body)
        except (ValueError, KeyError, TypeError) as exc:
            raise EndpointError(f"cannot read the store's answer: {exc}", source=_redact_url(self.url),
                                hint="is this URL a SPARQL query endpoint?") from None

    def default_graph_is_empty(self) -> bool:
        """True when queries see no triples: the store is empty or does not use the union of its graphs."""
        return self.query("ASK { ?s ?p ?o }", doing="checking the default graph") is False

    def graph_sizes(self) -> dict[str, int]:
        """Named graph IRI → number of triples in it (graphs with no triples are absent)."""
        rows = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        assert isinstance(rows, Rows)
        return {g.value: int(n.value) for g, n in rows.rows if g is not None and n is not None}

    # writing --------------------------------------------------------------------------------------
    def update(self, sparql: str, *, doing: str = "running an update", retry: bool = True) -> None:
        """Run a SPARQL Update request (sent as application/sparql-update)."""
        wrapper = self._wrapper(sparql, "INSERT")
        wrapper.setRequestMethod(POSTDIRECTLY)
        self._call(lambda: _send(wrapper), url=self.update_url, doing=doing, retry=retry)

    def put_graph(self, graph: str, ntriples: bytes, *, doing: str = "") -> None:
        """Replace one named graph with N-Triples through the Graph Store Protocol (PUT)."""
        url = self._graph_url(graph)
        headers = {"Content-Type": "application/n-triples", **self._headers()}
        request = urllib.request.Request(url, data=ntriples, method="PUT", headers=headers)
        self._call(lambda: self._open(request), url=self.gsp_url or "", doing=doing or f"replacing <{graph}>")

    def delete_graph(self, graph: str, *, doing: str = "", retry: bool = True) -> None:
        """Remove one named graph (GSP DELETE if there is a GSP URL, else DROP SILENT GRAPH)."""
        doing = doing or f"removing <{graph}>"
        if self.gsp_url is None:
            self.update(f"DROP SILENT GRAPH <{graph}>", doing=doing, retry=retry)
            return
        request = urllib.request.Request(self._graph_url(graph), method="DELETE", headers=self._headers())
        with contextlib.suppress(_Absent):  # already gone: fine
            self._call(lambda: self._open(request), url=self.gsp_url or "", doing=doing, retry=retry,
                       absent_ok=True)

    # HTTP -----------------------------------------------------------------------------------------
    def _wrapper(self, text: str, form: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.url, updateEndpoint=self.update_url, agent=self._agent)
        wrapper.setMethod(POST)
        # set, not setQuery(): its own form detection reads words in comments (a "dropped" makes a DROP)
        # and runs regular expressions over multi-megabyte updates
        wrapper.queryString, wrapper.queryType = text, form
        wrapper.timeout = self.timeout  # type: ignore[assignment]  # setTimeout() would round it to an int
        for name, value in self._headers().items():
            wrapper.addCustomHttpHeader(name, value)
        return wrapper

    def _headers(self) -> dict[str, str]:
        auth = self.credentials.authorization()
        return {"Authorization": auth} if auth else {}

    def _graph_url(self, graph: str) -> str:
        if self.gsp_url is None:
            raise EndpointError("no Graph Store Protocol URL", hint="give --gsp-endpoint URL")
        joint = "&" if "?" in self.gsp_url else "?"
        return f"{self.gsp_url}{joint}graph={urllib.parse.quote(graph, safe='')}"

    def _open(self, request: urllib.request.Request) -> None:
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http/https only)
            response.read()

    def _call(self, send: Callable[[], T], *, url: str, doing: str, retry: bool = True, query: bool = False,
              absent_ok: bool = False) -> T:
        """Send a request; retry transient faults with exponential backoff, explain the rest."""
        attempts = self.retries + 1 if retry else 1
        reasons: list[str] = []
        for attempt in range(1, attempts + 1):
            try:
                return send()
            except Exception as exc:  # noqa: BLE001 (sorted out just below)
                fault = _fault(exc)
                if fault is None:
                    raise
                if absent_ok and fault.status == 404:
                    raise _Absent() from None
                if fault.reason not in reasons:
                    reasons.append(fault.reason)
                if not fault.transient or attempt == attempts:
                    if fault.status is None:  # say what each attempt met: "closed by the store, then refused"
                        fault = _Fault(None, ", then ".join(reasons), fault.transient, hint=fault.hint)
                    raise self._error(fault, url=url, doing=doing, attempts=attempt, query=query) from None
                _sleep(self.backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    def _error(self, fault: _Fault, *, url: str, doing: str, attempts: int, query: bool) -> PolgraphError:
        shown = _redact_url(url)
        tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
        if fault.status is None:
            what = f"{doing} failed: no answer after {tries} ({fault.reason})"
            hint = fault.hint or "check that the store is running and that the URL is right"
        elif fault.status in (401, 403):
            what = f"{doing} was refused: HTTP {fault.status} {fault.reason}{_excerpt(fault.body, 120)}"
            if self.credentials.origin:
                hint = f"check the credentials (they came from {self.credentials.origin})"
            else:
                hint = (f"check the credentials: none were given; set {USER_ENV} and {PASSWORD_ENV}, or "
                        f"{TOKEN_ENV}, or add them to {settings_path()}")
        elif fault.transient:
            what = f"{doing} failed: the store answered HTTP {fault.status} {fault.reason} ({tries})"
            hint = "the store is failing or overloaded; try again later" + _excerpt(fault.body)
        elif fault.status == 400 and query:
            return QueryError(self._redact(f"the store rejected the query{_excerpt(fault.body, 500)}"),
                              source=shown, hint="check the query text and that the store supports it")
        elif fault.status == 404:
            what, hint = f"{doing} failed: HTTP 404 {fault.reason}", _URL_HINT
        elif fault.status == 413:
            what = f"{doing} failed: HTTP 413 {fault.reason}"
            hint = "the request is too large for this store: lower --chunk-size, or load with --gsp-endpoint"
        elif fault.status in (405, 415):
            what = f"{doing} failed: HTTP {fault.status} {fault.reason}"
            hint = ("this URL does not take this kind of request: give the store's own --update-endpoint "
                    "or --gsp-endpoint; " + _URL_HINT)
        else:
            what = f"{doing} failed: HTTP {fault.status} {fault.reason}"
            hint = "the store rejected the request" + _excerpt(fault.body)
        return EndpointError(self._redact(what), source=shown, hint=self._redact(hint))

    def _redact(self, text: str) -> str:
        for secret in self.credentials.secrets():
            text = text.replace(secret, "***")
        return text


def connect(endpoint: str | Endpoint, *, update_url: str | None = None, gsp_url: str | None = None,
            retries: int | None = None, timeout: float | None = None) -> Endpoint:
    """An Endpoint from a URL (and optional settings), or the given Endpoint as it is."""
    if isinstance(endpoint, Endpoint):
        if update_url or gsp_url:
            raise EndpointError("give the update and GSP URLs to the Endpoint itself")
        return endpoint
    return Endpoint(endpoint, update_url=update_url, gsp_url=gsp_url,
                    retries=DEFAULT_RETRIES if retries is None else retries,
                    timeout=DEFAULT_TIMEOUT if timeout is None else timeout)


# ---- parameters ------------------------------------------------------------------------------------

def bind_values(sparql: str, params: Mapping[str, Node | str]) -> str:
    """Bind parameters with VALUES blocks: at the head of the WHERE group and of each group using them.

    Every value is written by rdflib (`Literal.n3()`, `URIRef.n3()`: quotes and backslashes escaped,
    invalid IRIs refused), so no value can change the shape of the query. A VALUES clause appended
    to the query would not do: it is joined after the WHERE clause, when a FILTER or a sub-query using
    the parameter has already seen it unbound. A block at the head of every group that uses the
    parameter binds it there, as Oxigraph's substitution does in the embedded store.

    >>> bind_values("SELECT ?name ?x WHERE { ?x ?p ?name }", {"name": "Hun Sen"})
    'SELECT ?name ?x WHERE { VALUES (?name) { ("Hun Sen") } ?x ?p ?name }'
    """
    if not params:
        return sparql
    values = {_variable(name): _n3(value, name) for name, value in params.items()}
    text = sparql
    for at, names in sorted(_groups_using(sparql, list(values)), reverse=True):
        block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(values[n] for n in names)}) }}"
        text = text[:at + 1] + block + text[at + 1:]
    return text


_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][\w-]*(?::[\w.%-]*)?|:[\w.%-]*")
_VARNAME = re.compile(r"\w+")


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (or the first update keyword), ignoring comments and strings."""
    return next((v.upper() for kind, _, v in _tokens(text)
                 if kind == "word" and v.upper() in _FORMS | _UPDATES), None)


def _groups_using(text: str, names: list[str]) -> list[tuple[int, list[str]]]:
    """(offset of `{`, parameters) for the WHERE group (all of them) and each inner group using some."""
    tokens = list(_tokens(text))
    k = next((i for i, (kind, _, v) in enumerate(tokens) if kind == "word" and v.upper() in _FORMS), None)
    if k is None:
        raise QueryError("cannot bind parameters: this is not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    k += 1
    if tokens[k - 1][2].upper() == "CONSTRUCT" and k < len(tokens):
        if tokens[k][2].upper() == "WHERE":
            raise QueryError("cannot bind parameters in the CONSTRUCT WHERE short form",
                             hint="write CONSTRUCT { template } WHERE { pattern }")
        depth = 0
        while tokens[k][0] == "{" or depth:  # skip the template
            depth += {"{": 1, "}": -1}.get(tokens[k][0], 0)
            k += 1
    found: list[tuple[int, list[str]]] = []
    stack: list[tuple[int, set[str]] | None] = []  # None: a VALUES data block or a sub-query's braces
    outer: int | None = None
    data_next = False
    for i in range(k, len(tokens)):
        kind, at, value = tokens[i]
        if kind == "word" and value.upper() == "VALUES":
            data_next = True
        elif kind == "var":
            for group in stack:
                if group is not None:
                    group[1].add(value)
        elif kind == "{":
            subquery = i + 1 < len(tokens) and tokens[i + 1][2].upper() == "SELECT"
            stack.append(None if data_next or subquery else (at, set()))
            data_next = False
            if outer is None and stack[-1] is not None:
                outer = at
        elif kind == "}":
            if not stack:
                raise QueryError("the query's braces are not balanced")
            group = stack.pop()
            if group is not None:
                used = [n for n in names if group[0] == outer or n in group[1]]
                if used:
                    found.append((group[0], used))
    if outer is None or stack:
        raise QueryError("cannot bind parameters: the query has no WHERE clause, or unbalanced braces")
    return found


def _tokens(text: str) -> Iterator[tuple[str, int, str]]:
    """The tokens that shape groups: words, variables, punctuation (comments, strings, IRIs skipped)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            i = _string_end(text, i)
        elif c == "<" and (m := _IRIREF.match(text, i)):
            i = m.end()
        elif c in "?$" and (m := _VARNAME.match(text, i + 1)):
            yield "var", i, m.group()
            i = m.end()
        elif m := _WORD.match(text, i):
            yield "word", i, m.group()
            i = m.end()
        else:
            yield c, i, c
            i += 1


def _string_end(text: str, i: int) -> int:
    quote = text[i]
    if text.startswith(quote * 3, i):
        j = i + 3
        while (k := text.find(quote * 3, j)) >= 0:
            backslashes = len(text[:k]) - len(text[:k].rstrip("\\"))
            if backslashes % 2 == 0:
                return k + 3
            j = k + 1
        return len(text)
    j = i + 1
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text[j] == quote:
            return j + 1
        elif text[j] == "\n":
            return j
        else:
            j += 1
    return len(text)


def _variable(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise QueryError(f"{name!r} is not a SPARQL variable name")
    return name


def _n3(value: Node | str, name: str) -> str:
    if isinstance(value, str) and not isinstance(value, Node):
        value = Literal(value)
    if isinstance(value, BNode) or not isinstance(value, URIRef | Literal):
        raise QueryError(f"parameter {name!r} must be an IRI or a literal, not {value!r}")
    try:
        return value.n3()
    except Exception as exc:  # noqa: BLE001 (rdflib raises a bare Exception for invalid IRIs)
        raise QueryError(f"parameter {name!r}: {exc}") from None


# ---- results --------------------------------------------------------------------------------------

def _send(wrapper: SPARQLWrapper) -> tuple[bytes, str]:
    response = wrapper.query().response
    return response.read(), response.headers.get("Content-Type", "")


def _select_result(body: bytes) -> Rows | bool:
    """SPARQL 1.1 Query Results JSON → the same Rows/Term values the embedded store gives."""
    doc = json.loads(body)
    if "boolean" in doc:
        return bool(doc["boolean"])
    variables = list(doc["head"].get("vars", []))
    rows = [[_json_term(b.get(v)) for v in variables] for b in doc["results"]["bindings"]]
    return Rows(variables, rows)


def _json_term(binding: dict[str, str] | None) -> Term | None:
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind in ("uri", "bnode"):
        return Term(kind, value)
    language = binding.get("xml:lang")
    if language:
        return Term("literal", value, None, language)
    return Term("literal", value, binding.get("datatype") or _XSD_STRING)


def _graph_result(body: bytes, content_type: str) -> list[tuple]:
    media = content_type.split(";")[0].strip().lower()
    fmt = {"application/n-triples": "nt", "application/rdf+xml": "xml", "application/ld+json": "json-ld",
           "text/n3": "n3"}.get(media, "turtle")
    graph = Graph()
    graph.parse(data=body, format=fmt)
    return [tuple(_rdflib_term(t) for t in triple) for triple in graph]


def _rdflib_term(node: Node) -> Term:
    if isinstance(node, URIRef):
        return Term("uri", str(node))
    if isinstance(node, BNode):
        return Term("bnode", str(node))
    assert isinstance(node, Literal)
    if node.language:
        return Term("literal", str(node), None, node.language)
    return Term("literal", str(node), str(node.datatype) if node.datatype else _XSD_STRING)


# ---- faults ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Fault:
    status: int | None
    reason: str
    transient: bool
    body: str = ""
    hint: str = ""


class _Absent(Exception):
    """A DELETE found nothing to delete."""


def _fault(exc: BaseException) -> _Fault | None:
    """Sort an exception from urllib or SPARQLWrapper into a fault, or None if it is not about HTTP."""
    if isinstance(exc, SPARQLWrapperException):
        status = next((s for cls, s in _SPARQLWRAPPER_STATUS.items() if isinstance(exc, cls)), 500)
        return _status_fault(status, _sparqlwrapper_body(exc))
    if isinstance(exc, urllib.error.HTTPError):
        try:
            body = exc.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            body = ""
        return _status_fault(exc.code, body)
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            return _Fault(None, f"unknown host: {reason.strerror or reason}", False,
                          hint="check the host name in the URL")
        if isinstance(reason, ssl.SSLError):
            return _Fault(None, f"TLS: {reason.reason or reason}", False,
                          hint="check the URL (https or http?) and the server's certificate")
        return _Fault(None, _describe_os_error(reason), True)
    if isinstance(exc, OSError | http.client.HTTPException):
        return _Fault(None, _describe_os_error(exc), True)
    return None


def _status_fault(status: int, body: str) -> _Fault:
    try:
        reason = http.client.responses[status]
    except KeyError:
        reason = "error"
    return _Fault(status, reason, status in _TRANSIENT_STATUS, body)


def _describe_os_error(reason: object) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, http.client.RemoteDisconnected | ConnectionResetError | BrokenPipeError):
        return "the connection was closed by the store"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__


def _sparqlwrapper_body(exc: SPARQLWrapperException) -> str:
    text = str(exc)
    _, sep, raw = text.partition("Response:\n")
    if not sep:
        return ""
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _excerpt(body: str, limit: int = 300) -> str:
    text = " ".join(body.split())
    if not text:
        return ""
    return f": {text[:limit]}{'…' if len(text) > limit else ''}"


def _check_url(url: str | None, what: str) -> str:
    parts = urllib.parse.urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"{_redact_url(url or '')!r} is not an http(s) URL for the {what}",
                            hint="give a URL such as http://127.0.0.1:7878/query")
    if parts.username or parts.password:
        raise EndpointError(f"the {what} URL {_redact_url(url or '')} carries credentials",
                            hint=f"they would show in `ps` and shell history: set {USER_ENV} and "
                            f"{PASSWORD_ENV} (or {TOKEN_ENV}), or use the settings file {settings_path()}")
    return url or ""


def _redact_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        netloc = "***@" + parts.netloc.rpartition("@")[2]
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    return url


# ---- loading --------------------------------------------------------------------------------------

@dataclass(slots=True)
class LoadReport:
    """What one load did: graphs and triples written, requests sent, and how long it took."""

    endpoint: str = ""
    method: str = ""  # "gsp" (Graph Store Protocol) or "update" (SPARQL Update)
    target: str = ""  # the URL the data went to
    graphs: int = 0
    total_graphs: int = 0
    triples: int = 0
    requests: int = 0
    leftovers_removed: int = 0  # temporary graphs of earlier failed loads that were dropped
    seconds: float = 0.0
    union_default_graph: bool = True  # False: queries see none of the loaded triples (see `warnings`)

    @property
    def warnings(self) -> list[str]:
        if self.union_default_graph or not self.triples:
            return []
        return [f"queries at {self.endpoint} see none of the loaded triples: turn on the store's union "
                "default graph (oxigraph serve --union-default-graph; tdb2:unionDefaultGraph true in "
                "Fuseki), or the query library will find nothing"]

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) lines for a human-readable summary."""
        how = "Graph Store Protocol" if self.method == "gsp" else "SPARQL Update"
        return [
            ("graphs loaded", str(self.graphs)),
            ("triples loaded", str(self.triples)),
            ("requests", str(self.requests)),
            ("method", f"{how} ({self.target})"),
            ("seconds", f"{self.seconds:.1f}"),
            ("endpoint", self.endpoint),
        ]


LoadProgress = Callable[[str, LoadReport], None]
"""Called after each graph is loaded with (graph IRI, report so far)."""


def load(source: Store | str | Path | None, endpoint: Endpoint, *, graphs: str | Iterable[str] | None = None,
         chunk_bytes: int = DEFAULT_CHUNK_BYTES, progress: LoadProgress | None = None) -> LoadReport:
    """Replace each named graph of `source` in the remote store, one graph (article) at a time.

    `source` is a Store, a store folder (default: $POLGRAPH_STORE or ./polgraph-store), or a .trig,
    .nq, .ttl or .nt file. `graphs` picks some graphs of a store or quads file; a triples file (.ttl,
    .nt) has no graph names, so `graphs` must name the one graph to load it into. Loads through the
    Graph Store Protocol when the endpoint has a GSP URL, else through SPARQL Update in requests of at
    most `chunk_bytes`. Loading again leaves the same triples.
    """
    if chunk_bytes < 1000:
        raise EndpointError(f"a chunk of {chunk_bytes} bytes is too small", hint="give at least 1000")
    wanted = [graphs] if isinstance(graphs, str) else list(graphs or [])
    store, names = _open_source(source, wanted)
    report = LoadReport(endpoint=_redact_url(endpoint.url), method="gsp" if endpoint.gsp_url else "update",
                        target=_redact_url(endpoint.gsp_url or endpoint.update_url), total_graphs=len(names))
    started = time.perf_counter()
    try:
        report.leftovers_removed = _drop_leftovers(endpoint, names)
    except PolgraphError as exc:
        raise type(exc)(exc.what, source=exc.source, hint=f"{exc.hint}. Nothing was loaded") from None
    def loaded(batch: list[tuple[str, bytes]], requests: int) -> None:
        report.requests += requests
        for name, data in batch:
            report.graphs += 1
            report.triples += data.count(b"\n")
            report.seconds = time.perf_counter() - started
            if progress is not None:
                progress(name, report)

    def failed(exc: PolgraphError) -> PolgraphError:
        done = f"{report.graphs} of {report.total_graphs} graphs were loaded before, each whole"
        return type(exc)(exc.what, source=exc.source,
                         hint=f"{exc.hint}. {done}; no graph is left half-loaded. Run the same load again "
                         "to finish: loading is idempotent")

    if endpoint.gsp_url:
        for name, data in _dumped(store, names):
            try:
                endpoint.put_graph(name, data, doing=f"loading {describe_graph(name)}")
            except PolgraphError as exc:
                raise failed(exc) from None
            loaded([(name, data)], 1)
    else:
        for batch in _batches(_dumped(store, names), chunk_bytes):
            try:
                requests = _load_by_update(endpoint, batch, chunk_bytes)
            except PolgraphError as exc:
                raise failed(exc) from None
            loaded(batch, requests)
    report.seconds = time.perf_counter() - started
    if report.triples:
        with contextlib.suppress(PolgraphError):  # only a check: the load itself is done
            report.union_default_graph = not endpoint.default_graph_is_empty()
    return report


def _dumped(store: Store, names: list[str]) -> Iterator[tuple[str, bytes]]:
    """Each graph as N-Triples, the next one serialised while the current one is on the wire."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        upcoming = pool.submit(store.dump_graph, names[0]) if names else None
        for i, name in enumerate(names):
            assert upcoming is not None
            data = upcoming.result()
            upcoming = pool.submit(store.dump_graph, names[i + 1]) if i + 1 < len(names) else None
            yield name, data


def describe_graph(iri: str) -> str:
    """`article ID (graph <IRI>)` for an article's graph, else `graph <IRI>`."""
    if iri.startswith(_ARTICLE_PREFIX):
        return f"article {iri[len(_ARTICLE_PREFIX):]} (graph <{iri}>)"
    return f"graph <{iri}>"


def temp_graph(iri: str) -> str:
    """The temporary graph a chunked load of `iri` fills before moving it in place (one per graph)."""
    return TEMP_GRAPH_PREFIX + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:32]


def _open_source(source: Store | str | Path | None, wanted: list[str]) -> tuple[Store, list[str]]:
    if isinstance(source, Store):
        store, label = source, str(source.path or "the given store")
    else:
        path = Path(source) if source is not None else default_store_path()
        suffix, label = path.suffix.lower(), str(path)
        if path.is_dir() or (source is None) or (not path.exists() and suffix not in FILE_FORMATS):
            store = Store(path, read_only=True)
        elif suffix not in FILE_FORMATS:
            raise StoreError("not a store folder or an RDF file", source=str(path),
                             hint="give a store folder or a .trig, .nq, .ttl or .nt file")
        elif not path.is_file():
            raise StoreError("no such file", source=str(path))
        else:
            triples_file = suffix in (".ttl", ".nt")
            if triples_file and len(wanted) != 1:
                raise StoreError("a triples file has no graph names", source=str(path),
                                 hint="name the graph to load it into with --graph IRI")
            store = Store()
            store.load_file(path, graph=wanted[0] if triples_file else None)
            in_default = store.default_graph_size()
            if in_default:
                raise StoreError(f"{in_default} triples are in the default graph", source=str(path),
                                 hint="polgraph loads named graphs (one per article); put them in a "
                                 "graph, or load a .ttl/.nt file with --graph IRI")
    names = sorted(store.graphs())
    if wanted:
        missing = sorted(set(wanted) - set(names))
        if missing:
            raise StoreError(f"no graph {', '.join(f'<{m}>' for m in missing)} here", source=label,
                             hint=f"it has {', '.join(f'<{n}>' for n in names[:5])}"
                             f"{f' and {len(names) - 5} more' if len(names) > 5 else ''}")
        names = [n for n in names if n in set(wanted)]
    return store, names


def _drop_leftovers(endpoint: Endpoint, names: list[str]) -> int:
    """Drop temporary graphs that earlier failed loads of these graphs could not remove."""
    temps = {temp_graph(n) for n in names}
    rows = endpoint.query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), '
                          f'"{TEMP_GRAPH_PREFIX}")) }}',
                          doing="looking for temporary graphs of earlier loads")
    assert isinstance(rows, Rows)
    found = sorted({r[0].value for r in rows.rows if r[0] is not None} & temps)
    for temp in found:
        endpoint.delete_graph(temp, doing=f"removing the temporary graph <{temp}> of an earlier load")
    return len(found)


def _batches(graphs: Iterable[tuple[str, bytes]], chunk_bytes: int) -> Iterator[list[tuple[str, bytes]]]:
    """Whole graphs grouped into requests of at most `chunk_bytes`; a larger graph comes alone."""
    batch: list[tuple[str, bytes]] = []
    size = 0
    for name, data in graphs:
        cost = len(data) + 2 * len(name.encode()) + 40
        if batch and size + cost > chunk_bytes - 20:
            yield batch
            batch, size = [], 0
        batch.append((name, data))
        size += cost
    if batch:
        yield batch


def _load_by_update(endpoint: Endpoint, batch: list[tuple[str, bytes]], chunk_bytes: int) -> int:
    """Replace graphs through SPARQL Update; returns the number of requests sent.

    Graphs that fit go in one request (`DROP SILENT GRAPH` each, then one `INSERT DATA`), which the
    store runs as one transaction: fewer, larger requests load many small article graphs far faster
    than one request each. A graph larger than `chunk_bytes` goes through a temporary graph.
    """
    drops = "".join(f"DROP SILENT GRAPH <{name}> ;\n" for name, _ in batch)
    blocks = "".join(f"GRAPH <{name}> {{\n{data.decode('utf-8')}}}\n" for name, data in batch)
    text = f"{drops}INSERT DATA {{\n{blocks}}}\n"
    if len(batch) > 1 or len(text.encode()) <= chunk_bytes:
        endpoint.update(text, doing=f"loading {_describe_batch([n for n, _ in batch])}")
        return 1
    graph, data = batch[0]
    what = describe_graph(graph)
    if re.search(rb"(^|\s)_:", data, re.MULTILINE):
        raise EndpointError(f"{what} has blank nodes and is too large for one request",
                            source=_redact_url(endpoint.update_url),
                            hint="blank nodes cannot be split across requests: raise --chunk-size or load "
                            "with --gsp-endpoint")
    temp = temp_graph(graph)
    head = f"DROP SILENT GRAPH <{temp}> ;\n"
    insert = f"INSERT DATA {{ GRAPH <{temp}> {{\n"
    budget = chunk_bytes - len((head + insert).encode()) - 4
    requests = 0
    try:
        for i, chunk in enumerate(_chunks(data, budget)):
            endpoint.update(f"{head if i == 0 else ''}{insert}{chunk}}} }}\n",
                            doing=f"loading {what} (part {i + 1})")
            requests += 1
        endpoint.update(f"MOVE <{temp}> TO <{graph}>", doing=f"loading {what} (moving it in place)")
    except PolgraphError as exc:
        try:
            endpoint.delete_graph(temp, retry=False)
            left = f"the temporary graph <{temp}> was dropped"
        except PolgraphError:
            left = (f"the temporary graph <{temp}> may remain (the store did not answer); the next load "
                    "of this article removes it")
        raise type(exc)(exc.what, source=exc.source, hint=f"{exc.hint}; {left}") from None
    return requests + 1


def _describe_batch(names: list[str]) -> str:
    if len(names) == 1:
        return describe_graph(names[0])
    articles = all(n.startswith(_ARTICLE_PREFIX) for n in names)
    shown = ", ".join(n.removeprefix(_ARTICLE_PREFIX) if articles else f"<{n}>" for n in names[:3])
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return f"{'articles' if articles else 'graphs'} {shown}{more} (one request)"


def _chunks(data: bytes, budget: int) -> Iterator[str]:
    """Whole N-Triples lines, at most `budget` bytes a chunk (a longer line is a chunk of its own)."""
    start, size = 0, len(data)
    while start < size:
        end = start + budget
        if end >= size:
            end = size
        else:
            cut = data.rfind(b"\n", start, end)
            end = cut + 1 if cut >= start else (data.find(b"\n", end) + 1 or size)
        yield data[start:end].decode("utf-8")
        start = end


# ---- serving ----------------------------------------------------------------------------------------

class Server:
    """A running `oxigraph serve` (or `serve-read-only`) process over a store folder."""

    def __init__(self, process: subprocess.Popen[bytes], *, host: str, port: int, location: Path,
                 writable: bool, log: deque[str]) -> None:
        self.process, self.location, self.writable, self._log = process, location, writable, log
        self.exposed = host not in ("127.0.0.1", "localhost", "::1", "[::1]")
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "[::]", "") else host
        self.base_url = f"http://{shown}:{port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str | None:
        return f"{self.base_url}/update" if self.writable else None

    @property
    def gsp_url(self) -> str:
        return f"{self.base_url}/store"

    def endpoint(self, **settings: object) -> Endpoint:
        """An Endpoint for this server (GSP and update only when it is writable)."""
        return Endpoint(self.query_url, update_url=self.update_url,
                        gsp_url=self.gsp_url if self.writable else None, **settings)  # type: ignore[arg-type]

    def log(self) -> list[str]:
        """The server's last lines of output."""
        return list(self._log)

    def wait(self) -> int:
        return self.process.wait()

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def oxigraph_command() -> str:
    """The path of the `oxigraph` command (from the `oxigraph` package on PyPI)."""
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the `oxigraph` command is not installed",
                         hint="pip install oxigraph (the Oxigraph server: the embedded store's engine)")
    return found


def serve(store: Store | str | Path | None = None, *, bind: str = DEFAULT_BIND, writable: bool = False,
          timeout: float = 30.0) -> Server:
    """Start an Oxigraph server over a store folder; returns once it answers queries.

    Read-only by default (`oxigraph serve-read-only`): stop it before ingesting into the same folder.
    `writable` runs `oxigraph serve`, which holds the folder so that nothing else can write it. Both
    use the union of all graphs as default graph, as the query library expects.
    """
    location = store.path if isinstance(store, Store) else Path(store) if store is not None else None
    location = location if location is not None else default_store_path()
    if isinstance(store, Store) and store.path is None:
        raise StoreError("an in-memory store cannot be served", hint="give a store folder")
    if not writable and not location.is_dir():
        raise StoreError("no store here", source=str(location),
                         hint="run `polgraph ingest` first or give --store")
    host, port = _parse_bind(bind)
    if _listening(host, port):
        raise StoreError(f"something is already listening on {bind}", hint="choose another --bind HOST:PORT")
    command = [oxigraph_command(), "serve" if writable else "serve-read-only", "--location", str(location),
               "--bind", f"{host}:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    log: deque[str] = deque(maxlen=50)
    threading.Thread(target=_drain, args=(process, log), daemon=True).start()
    server = Server(process, host=host, port=port, location=location, writable=writable, log=log)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            time.sleep(0.05)  # let the drain thread read the last words
            raise StoreError(f"the Oxigraph server stopped at start (exit code {process.returncode})",
                             source=str(location), hint=" / ".join(server.log()[-3:]) or "see its output")
        if _answers(server.query_url):
            return server
        if time.monotonic() > deadline:
            server.stop()
            raise StoreError(f"the Oxigraph server did not answer within {timeout:.0f} s",
                             source=str(location))
        time.sleep(0.05)


def _parse_bind(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise StoreError(f"{bind!r} is not HOST:PORT", hint="for example --bind 127.0.0.1:7878")
    return host or "127.0.0.1", int(port)


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host.strip("[]") if host not in ("0.0.0.0", "::") else "127.0.0.1",
                                       port), timeout=0.5):
            return True
    except OSError:
        return False


def _answers(query_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{query_url}?query=ASK%7B%7D", timeout=1) as response:  # noqa: S310
            return response.status == 200
    except (OSError, http.client.HTTPException):
        return False


def _drain(process: subprocess.Popen[bytes], log: deque[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        log.append(line.decode("utf-8", "replace").rstrip())
