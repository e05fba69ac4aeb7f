"""Loading into, and querying, a real triplestore: an `oxigraph serve` process started per test.

Nothing is mocked on the wire: the server is the real Oxigraph server, authentication is checked by
a small reverse proxy in front of it, and faults are real (a killed server, a closed port, 503s).
"""

from __future__ import annotations

import base64
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

import polgraph
from polgraph import endpoint as ep
from polgraph.cli import app
from polgraph.endpoint import Endpoint, bind_values, temp_graph
from polgraph.queries import list_queries
from polgraph.store import Rows, Store

ARTICLE_GRAPH = "https://w3id.org/polgraph/id/article/cambojanews-2019-11-14-hun-sen-bail"
SAMPLE_PARAMS = {"name": "Hun Sen", "entity": "Sam Rainsy"}
runner = CliRunner()


def run(*args: str | Path, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


# ---- a real Oxigraph server ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def oxigraph() -> str:
    found = shutil.which("oxigraph")
    if found is None:
        pytest.fail("the `oxigraph` command is missing: pip install oxigraph (or pip install -e '.[test]')")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve --union-default-graph` on a free 127.0.0.1 port, over a folder."""

    def __init__(self, command: str, location: Path, port: int | None = None, *, union: bool = True) -> None:
        self.command, self.location, self.union = command, location, union
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> OxigraphServer:
        self.process = subprocess.Popen(
            [self.command, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
             *(["--union-default-graph"] if self.union else [])],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "oxigraph serve stopped at start"
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("oxigraph serve did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    @property
    def update(self) -> str:
        return f"{self.base}/update"

    @property
    def gsp(self) -> str:
        return f"{self.base}/store"

    def endpoint(self, *, gsp: bool = True, **settings) -> Endpoint:
        return Endpoint(self.query, update_url=self.update, gsp_url=self.gsp if gsp else None, **settings)


@pytest.fixture(autouse=True)
def no_ambient_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No credentials or settings file from the machine running the tests."""
    for name in (ep.USER_ENV, ep.PASSWORD_ENV, ep.TOKEN_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(ep.SETTINGS_ENV, str(tmp_path / "no-settings.toml"))


@pytest.fixture
def server(oxigraph: str, tmp_path: Path):
    started = OxigraphServer(oxigraph, tmp_path / "oxigraph").start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def loaded(oxigraph: str, seed_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """A server holding the seed store, loaded through the CLI (Graph Store Protocol)."""
    started = OxigraphServer(oxigraph, tmp_path_factory.mktemp("loaded") / "oxigraph").start()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ep.SETTINGS_ENV, str(tmp_path_factory.mktemp("settings") / "none.toml"))
        result = run("load", "--store", seed_store, "--endpoint", started.query,
                     "--gsp-endpoint", started.gsp)
    assert result.exit_code == 0, result.output
    assert result.stderr == "", "no progress line or warning when stderr is not a terminal"
    yield started
    started.stop()


def local_sizes(store: Path | Store) -> dict[str, int]:
    opened = store if isinstance(store, Store) else Store(store, read_only=True)
    rows = opened.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(rows, Rows)
    return {g.value: int(n.value) for g, n in rows.rows}


# ---- remote queries give what the embedded store gives ------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
@pytest.mark.parametrize("query", ["entities", "events", "memberships"])
def test_contract_queries_remote_match_embedded(loaded: OxigraphServer, seed_store: Path, query: str,
                                                fmt: str) -> None:
    remote = run("query", query, "--endpoint", loaded.query, "--format", fmt)
    local = run("query", query, "--store", seed_store, "--format", fmt)
    assert remote.exit_code == 0, remote.output
    assert local.exit_code == 0, local.output
    assert remote.stdout == local.stdout
    assert remote.stdout.count("\n") > 5


def test_every_library_query_remote_matches_embedded(loaded: OxigraphServer, seed_store: Path) -> None:
    places = polgraph.query("PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> SELECT ?label WHERE "
                            "{ ?event sem:hasPlace/<http://www.w3.org/2000/01/rdf-schema#label> ?label } "
                            "LIMIT 1", store=seed_store)
    samples = SAMPLE_PARAMS | {"place": places.rows[0][0].value.upper()}
    for info in list_queries():
        params = {p.name: samples[p.name] for p in info.params if p.name in samples}
        remote = polgraph.query(info.name, endpoint=loaded.query, params=params)
        local = polgraph.query(info.name, store=seed_store, params=params)
        assert remote == local, info.name
        assert remote.rows or info.name.startswith("checks/"), info.name
    assert polgraph.query("ASK { ?s ?p ?o }", endpoint=loaded.query) is True


def test_construct_remote_matches_embedded(loaded: OxigraphServer, seed_store: Path) -> None:
    text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ARTICLE_GRAPH}> {{ ?s ?p ?o }} }}"
    remote = polgraph.query(text, endpoint=loaded.query)
    local = polgraph.query(text, store=seed_store)
    assert isinstance(remote, list) and len(remote) > 1000
    assert sorted(remote, key=str) == sorted(local, key=str)


def test_parameter_values_cannot_change_the_query(loaded: OxigraphServer) -> None:
    before = Endpoint(loaded.query).graph_sizes()
    for hostile in ['Hun Sen" } } ; DROP ALL ; #', "Hun Sen' ) } #", 'x"""\n} UNION { ?s ?p ?o }', "\\"]:
        rows = polgraph.query("entity-profile", endpoint=loaded.query, params={"name": hostile})
        assert isinstance(rows, Rows) and rows.rows == []
    assert Endpoint(loaded.query).graph_sizes() == before
    with pytest.raises(polgraph.QueryError, match="must be an IRI"):
        bound = {"x": "http://a> <b"}
        polgraph.query("#+ param: x iri\nSELECT ?x WHERE { ?x ?p ?o }", endpoint=loaded.query, params=bound)


def test_bind_values_puts_a_values_block_in_each_group_using_a_parameter() -> None:
    text = ('PREFIX a: <http://x/#{>\n# a { comment\nSELECT ?name ?x WHERE {\n'
            '  { SELECT ?x ?name WHERE { ?x ?p ?l FILTER(STR(?l) = ?name) } }\n'
            '  { ?x ?q "}{" } UNION { ?x ?q ?name }\n  VALUES ?k { 1 2 }\n}')
    bound = bind_values(text, {"name": 'say "hi"'})
    block = 'VALUES (?name) { ("say \\"hi\\"") }'
    assert bound.count(block) == 3  # the WHERE group, the sub-query's group, the UNION branch using it
    assert bound.startswith('PREFIX a: <http://x/#{>\n# a { comment\nSELECT ?name ?x WHERE { ' + block)
    assert '{ ?x ?q "}{" }' in bound and "VALUES ?k { 1 2 }" in bound
    template = bind_values("CONSTRUCT { ?s ?p ?v } WHERE { ?s ?p ?v }", {"v": "x"})
    assert template == 'CONSTRUCT { ?s ?p ?v } WHERE { VALUES (?v) { ("x") } ?s ?p ?v }'
    with pytest.raises(polgraph.QueryError, match="short form"):
        bind_values("CONSTRUCT WHERE { ?s ?p ?v }", {"v": "x"})


# ---- loading ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("gsp", [True, False], ids=["gsp", "update"])
def test_loading_twice_leaves_the_same_triples(server: OxigraphServer, seed_store: Path, gsp: bool) -> None:
    remote = server.endpoint(gsp=gsp)
    first = polgraph.load(seed_store, endpoint=remote)
    sizes = remote.graph_sizes()
    assert sizes == local_sizes(seed_store)
    assert first.method == ("gsp" if gsp else "update") and first.graphs == len(sizes) == 3
    assert first.requests == (3 if gsp else 1)  # SPARQL Update: whole graphs batched into one request
    second = polgraph.load(seed_store, endpoint=remote)
    assert remote.graph_sizes() == sizes
    assert second.triples == first.triples == sum(sizes.values())


def test_chunked_update_fills_a_temporary_graph_then_moves_it(server: OxigraphServer, seed_store: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[str] = []
    original = Endpoint.update

    def recording(self: Endpoint, sparql: str, **kwargs) -> None:
        sent.append(sparql)
        original(self, sparql, **kwargs)

    monkeypatch.setattr(Endpoint, "update", recording)
    remote = server.endpoint(gsp=False)
    for _ in range(2):
        sent.clear()
        report = polgraph.load(seed_store, endpoint=remote, graphs=[ARTICLE_GRAPH], chunk_bytes=20_000)
        assert report.requests == len(sent) > 5
        assert all(len(s.encode()) <= 20_000 for s in sent)
        temp = temp_graph(ARTICLE_GRAPH)
        assert sent[0].startswith(f"DROP SILENT GRAPH <{temp}>")
        assert all(f"GRAPH <{temp}>" in s for s in sent[:-1])
        assert sent[-1] == f"MOVE <{temp}> TO <{ARTICLE_GRAPH}>"
        assert remote.graph_sizes() == {ARTICLE_GRAPH: local_sizes(seed_store)[ARTICLE_GRAPH]}


def test_a_failed_chunked_load_drops_its_temporary_graph(server: OxigraphServer, seed_store: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    original = Endpoint.update

    def failing_move(self: Endpoint, sparql: str, **kwargs) -> None:
        if sparql.startswith("MOVE"):
            raise polgraph.EndpointError("moving failed", source=self.update_url, hint="test")
        original(self, sparql, **kwargs)

    monkeypatch.setattr(Endpoint, "update", failing_move)
    with pytest.raises(polgraph.EndpointError) as caught:
        polgraph.load(seed_store, endpoint=server.endpoint(gsp=False), graphs=ARTICLE_GRAPH,
                      chunk_bytes=20_000)
    message = str(caught.value)
    assert "moving failed" in message and "0 of 1 graphs were loaded before" in message
    assert f"the temporary graph <{temp_graph(ARTICLE_GRAPH)}> was dropped" in message
    assert Endpoint(server.query).graph_sizes() == {}


def test_a_leftover_temporary_graph_is_removed_by_the_next_load(server: OxigraphServer,
                                                                seed_store: Path) -> None:
    remote = server.endpoint()
    temp = temp_graph(ARTICLE_GRAPH)
    remote.update(f"INSERT DATA {{ GRAPH <{temp}> {{ <http://a> <http://b> <http://c> }} }}")
    report = polgraph.load(seed_store, endpoint=remote)
    assert report.leftovers_removed == 1
    assert remote.graph_sizes() == local_sizes(seed_store)


def test_blank_nodes_are_never_split_across_requests(server: OxigraphServer, seed_store: Path) -> None:
    ontology = "https://w3id.org/polgraph/graph/ontology"
    assert "_:" in Store(seed_store, read_only=True).dump_graph(ontology).decode()
    with pytest.raises(polgraph.EndpointError, match="blank nodes"):
        polgraph.load(seed_store, endpoint=server.endpoint(gsp=False), graphs=ontology, chunk_bytes=5_000)
    assert Endpoint(server.query).graph_sizes() == {}


def test_a_store_without_union_default_graph_gets_a_warning(oxigraph: str, seed_store: Path,
                                                             tmp_path: Path) -> None:
    plain = OxigraphServer(oxigraph, tmp_path / "oxigraph", union=False).start()
    try:
        result = run("load", "--store", seed_store, "--endpoint", plain.query, "--gsp-endpoint", plain.gsp)
        assert result.exit_code == 0, result.output
        assert "warning: queries at" in result.stderr and "union default graph" in result.stderr
    finally:
        plain.stop()


def test_load_files(server: OxigraphServer, seed_store: Path, tmp_path: Path) -> None:
    trig, ttl, nq = tmp_path / "graph.trig", tmp_path / "graph.ttl", tmp_path / "default.nq"
    polgraph.export(store=seed_store, format="trig", out=trig)
    polgraph.export(store=seed_store, format="turtle", out=ttl)
    nq.write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    result = run("load", trig, "--endpoint", server.query, "--update-endpoint", server.update)
    assert result.exit_code == 0, result.output
    assert Endpoint(server.query).graph_sizes() == local_sizes(seed_store)
    result = run("load", ttl, "--endpoint", server.query, "--gsp-endpoint", server.gsp)
    assert result.exit_code == 2 and "--graph IRI" in result.stderr
    result = run("load", ttl, "--endpoint", server.query, "--gsp-endpoint", server.gsp, "--graph", "http://x/all")
    assert result.exit_code == 0, result.output
    merged = Store()
    merged.load_file(ttl, graph="http://x/all")
    assert Endpoint(server.query).graph_sizes()["http://x/all"] == merged.count() > 4000
    result = run("load", nq, "--endpoint", server.query, "--gsp-endpoint", server.gsp)
    assert result.exit_code == 2 and "1 triples are in the default graph" in result.stderr


# ---- a server killed in the middle of a load -------------------------------------------------------

def synthetic_nquads(path: Path, graphs: int, triples: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for g in range(graphs):
            graph = f"https://w3id.org/polgraph/id/article/synthetic-{g:03d}"
            for t in range(triples):
                out.write(f'<{graph}/s{t}> <https://w3id.org/polgraph/ontology#p> '
                          f'"value {t} of article {g}, padded to look like evidence text" <{graph}> .\n')


@pytest.mark.parametrize("gsp", [True, False], ids=["gsp", "update"])
def test_killing_the_server_mid_load_leaves_no_partial_graph(oxigraph: str, tmp_path: Path,
                                                             gsp: bool) -> None:
    graphs, per_graph = 16, 3_000
    source = tmp_path / "big.nq"
    synthetic_nquads(source, graphs, per_graph)
    server = OxigraphServer(oxigraph, tmp_path / "oxigraph").start()
    done = threading.Event()
    outcome: dict[str, object] = {}

    def progress(graph: str, report: ep.LoadReport) -> None:
        if report.graphs >= 3:
            done.set()

    def loading() -> None:
        try:
            remote = server.endpoint(gsp=gsp, retries=1, backoff=0.05)
            outcome["report"] = polgraph.load(source, endpoint=remote, chunk_bytes=100_000, progress=progress)
        except polgraph.PolgraphError as exc:
            outcome["error"] = exc
        done.set()

    thread = threading.Thread(target=loading)
    thread.start()
    assert done.wait(120)
    time.sleep(0.03)
    server.kill()  # the load is in the middle of its next request (a PUT or INSERT takes ~0.1 s here)
    thread.join(120)
    error = outcome.get("error")
    assert isinstance(error, polgraph.EndpointError), outcome
    message = str(error)
    assert "article synthetic-" in message and server.base in message
    assert "no answer after 2 attempts" in message
    assert "Run the same load again" in message
    assert "graphs were loaded before" in message

    restarted = OxigraphServer(oxigraph, server.location, port=server.port).start()
    try:
        sizes = Endpoint(restarted.query).graph_sizes()
        articles = {g: n for g, n in sizes.items() if "/article/" in g}
        assert len(articles) >= 3
        assert all(n == per_graph for n in articles.values()), articles  # whole, or absent
        assert not any(g.startswith(ep.TEMP_GRAPH_PREFIX) for g in sizes) or not gsp
        report = polgraph.load(source, endpoint=restarted.endpoint(gsp=gsp), chunk_bytes=100_000)
        sizes = Endpoint(restarted.query).graph_sizes()
        assert report.graphs == graphs and sizes == {g: per_graph for g in sizes} and len(sizes) == graphs
    finally:
        restarted.stop()


# ---- credentials, through a reverse proxy that asks for them ---------------------------------------------

class AuthProxy(ThreadingHTTPServer):
    """Relays to the Oxigraph server the requests that carry the right Authorization header."""

    daemon_threads = True

    def __init__(self, upstream: int, *, accepted: set[str], fail_first: int = 0, echo: bool = False) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.upstream, self.accepted, self.fail_first, self.echo = upstream, accepted, fail_first, echo
        self.seen = 0
        self.lock = threading.Lock()
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: AuthProxy

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._relay()

    do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

    def _relay(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        auth = self.headers.get("Authorization") or ""
        with self.server.lock:
            self.server.seen += 1
            failing = self.server.fail_first > 0
            self.server.fail_first -= 1
        if failing:
            return self._reply(503, b"busy, try later")
        if self.server.echo:  # a careless store that echoes what it was sent
            return self._reply(400, f"bad request with {auth}".encode())
        if auth not in self.server.accepted:
            return self._reply(401, b"unauthorized", {"WWW-Authenticate": 'Basic realm="polgraph test"'})
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.upstream, timeout=60)
        keep = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
        upstream.request(self.command, self.path, body=body, headers=keep)
        response = upstream.getresponse()
        data = response.read()
        upstream.close()
        self._reply(response.status, data,
                    {"Content-Type": response.getheader("Content-Type") or "text/plain"})

    def _reply(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


USER, PASSWORD, TOKEN = "analyst", "s3cret-Pa55word", "tok-9f8e7d6c5b4a"
BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


@pytest.fixture
def proxy(server: OxigraphServer):
    started = AuthProxy(server.port, accepted={BASIC, f"Bearer {TOKEN}"})
    yield started
    started.shutdown()
    started.server_close()


def test_a_wrong_password_is_refused_without_showing_it(proxy: AuthProxy, seed_store: Path) -> None:
    env = {ep.USER_ENV: USER, ep.PASSWORD_ENV: "wrong-" + PASSWORD}
    result = run("load", "--store", seed_store, "--endpoint", f"{proxy.base}/query",
                 "--gsp-endpoint", f"{proxy.base}/store", env=env)
    assert result.exit_code == 2
    assert "HTTP 401" in result.stderr and "check the credentials" in result.stderr
    assert "environment" in result.stderr and proxy.base in result.stderr
    assert PASSWORD not in result.output and "wrong-" not in result.output
    assert proxy.seen == 1, "a 401 is not retried"
    result = run("query", "entities", "--endpoint", f"{proxy.base}/query", env=env)
    assert result.exit_code == 2 and "check the credentials" in result.stderr
    assert PASSWORD not in result.output


def test_no_credentials_says_how_to_give_them(proxy: AuthProxy) -> None:
    result = run("query", "entities", "--endpoint", f"{proxy.base}/query")
    assert result.exit_code == 2
    assert "none were given" in result.stderr and ep.USER_ENV in result.stderr


def test_the_right_credentials_from_the_environment(proxy: AuthProxy, seed_store: Path) -> None:
    env = {ep.USER_ENV: USER, ep.PASSWORD_ENV: PASSWORD}
    result = run("load", "--store", seed_store, "--endpoint", f"{proxy.base}/query",
                 "--gsp-endpoint", f"{proxy.base}/store", env=env)
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    remote = run("query", "memberships", "--endpoint", f"{proxy.base}/query", "--format", "json", env=env)
    local = run("query", "memberships", "--store", seed_store, "--format", "json")
    assert remote.exit_code == 0 and remote.stdout == local.stdout


def test_a_token_and_urls_from_the_settings_file(proxy: AuthProxy, seed_store: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    settings = tmp_path / "endpoints.toml"
    settings.write_text(f'["{proxy.base}/query"]\nupdate = "{proxy.base}/update"\n'
                        f'gsp = "{proxy.base}/store"\ntoken = "{TOKEN}"\n', encoding="utf-8")
    monkeypatch.setenv(ep.SETTINGS_ENV, str(settings))
    result = run("load", "--store", seed_store, "--endpoint", f"{proxy.base}/query")
    assert result.exit_code == 0, result.output
    assert "Graph Store Protocol" in result.stdout and TOKEN not in result.output
    remote = polgraph.query("entities", endpoint=f"{proxy.base}/query")
    assert remote == polgraph.query("entities", store=seed_store)
    assert TOKEN not in repr(Endpoint(f"{proxy.base}/query").credentials)


def test_secrets_echoed_by_a_store_are_redacted(server: OxigraphServer) -> None:
    echoing = AuthProxy(server.port, accepted=set(), echo=True)
    try:
        remote = Endpoint(f"{echoing.base}/query", credentials=ep.Credentials(USER, PASSWORD))
        with pytest.raises(polgraph.EndpointError) as caught:
            remote.update("INSERT DATA { <http://a> <http://b> <http://c> }")
        message = str(caught.value)
        assert "bad request with Basic ***" in message
        assert PASSWORD not in message and BASIC.split()[1] not in message
    finally:
        echoing.shutdown()
        echoing.server_close()


def test_credentials_in_a_url_are_refused() -> None:
    result = run("query", "entities", "--endpoint", f"http://{USER}:{PASSWORD}@127.0.0.1:9/query")
    assert result.exit_code == 2 and "carries credentials" in result.stderr and PASSWORD not in result.output


# ---- transient faults --------------------------------------------------------------------------------

def test_nothing_listening_is_retried_a_bounded_number_of_times(seed_store: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(ep, "_sleep", pauses.append)
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(polgraph.EndpointError) as caught:
        polgraph.load(seed_store, endpoint=f"{url}/query", gsp_endpoint=f"{url}/store", retries=2)
    assert pauses == [0.5, 1.0]
    message = str(caught.value)
    assert f"{url}/query" in message and "no answer after 3 attempts (connection refused)" in message
    assert "check that the store is running" in message and "Nothing was loaded" in message
    result = run("query", "entities", "--endpoint", f"{url}/query")
    assert result.exit_code == 2 and "after 4 attempts" in result.stderr


def test_a_busy_store_is_retried_then_succeeds(server: OxigraphServer, seed_store: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ep, "_sleep", lambda _: None)
    busy = AuthProxy(server.port, accepted={""}, fail_first=2)
    try:
        report = polgraph.load(seed_store, endpoint=f"{busy.base}/query", gsp_endpoint=f"{busy.base}/store")
        assert busy.seen == 2 + 1 + report.requests + 1  # 2 refused, the leftover check, PUTs, the ASK check
        assert Endpoint(server.query).graph_sizes() == local_sizes(seed_store)
        busy.fail_first = 10
        with pytest.raises(polgraph.EndpointError, match=r"HTTP 503 Service Unavailable \(2 attempts\)"):
            polgraph.load(seed_store, endpoint=f"{busy.base}/query", gsp_endpoint=f"{busy.base}/store",
                          retries=1)
    finally:
        busy.shutdown()
        busy.server_close()


# ---- serving the embedded store -----------------------------------------------------------------------

def test_serve_read_only_answers_the_query_library(oxigraph: str, seed_store: Path) -> None:
    with polgraph.serve(seed_store, bind=f"127.0.0.1:{free_port()}") as served:
        assert served.update_url is None and not served.exposed
        for name in ("entities", "events", "memberships"):
            assert polgraph.query(name, endpoint=served.query_url) == polgraph.query(name, store=seed_store)
        writer = Endpoint(served.query_url, update_url=served.base_url + "/update")
        with pytest.raises(polgraph.EndpointError, match="HTTP 403"):
            writer.update("INSERT DATA { <http://a> <http://b> <http://c> }")
    assert served.process.poll() is not None


def test_serve_writable_accepts_loads(oxigraph: str, seed_store: Path, tmp_path: Path) -> None:
    with polgraph.serve(tmp_path / "served", bind=f"127.0.0.1:{free_port()}", writable=True) as served:
        report = polgraph.load(seed_store, endpoint=served.endpoint())
        assert report.method == "gsp" and served.endpoint().graph_sizes() == local_sizes(seed_store)
        with pytest.raises(polgraph.StoreError, match="already listening"):
            polgraph.serve(seed_store, bind=served.base_url.removeprefix("http://"))


def test_serve_command_prints_the_urls_and_stops_its_server(oxigraph: str, seed_store: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from polgraph.cli import main; main()", "serve", "--store", str(seed_store),
         "--bind", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line == f"query:  http://127.0.0.1:{port}/query\n", line + process.stderr.read()
        assert polgraph.query("ASK { ?s ?p ?o }", endpoint=line.split()[1]) is True
    finally:
        process.terminate()
        process.wait(20)
    assert process.returncode == 0
    assert "polgraph query entities --endpoint" in process.stderr.read()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()  # the Oxigraph server is gone too


def test_serve_without_oxigraph_says_what_to_install(seed_store: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", os.devnull)
    with pytest.raises(polgraph.StoreError, match="pip install oxigraph"):
        polgraph.serve(seed_store, bind=f"127.0.0.1:{free_port()}")


def test_store_and_endpoint_together_is_a_usage_error(seed_store: Path) -> None:
    result = run("query", "entities", "--store", seed_store, "--endpoint", "http://127.0.0.1:9/query")
    assert result.exit_code == 2 and "not both" in result.stderr
