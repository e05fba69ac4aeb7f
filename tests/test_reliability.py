"""Reliability: bad and hostile inputs, size limits, HTML, failing stages, kill -9, two processes on a store.

Each bad input gets one message naming its file (and line), the rest of the batch is still stored,
and the exit code is 1. A killed ingest leaves every article whole or absent, and re-running it
completes with the triples of a clean ingest.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Literal
from typer.testing import CliRunner

import polgraph
from polgraph import nlp, pipeline
from polgraph.articles import MAX_CHARS, html_text, iter_articles, looks_like_html
from polgraph.cli import app
from polgraph.errors import InputError, ModelError, StoreError
from polgraph.ingestion import ingest
from polgraph.model import Article
from polgraph.queries import list_checks, run_query
from polgraph.rdf import article_iri, to_quads
from polgraph.store import Rows, Store

runner = CliRunner()
POLGRAPH = [sys.executable, "-c", "from polgraph.cli import main; main()"]
LOCKED = "is in use by another polgraph process; wait for it to finish or use another --store"
POLITICS = ("Prime Minister Hun Sen met opposition leader Sam Rainsy in Phnom Penh on 3 May 2019. "
            "Police later arrested Kem Sokha, the party said.")
HOSTILE_TEXT = ('Hun Sen said: " } ; DROP ALL ; # and then <http://x> a <y> . '
                '@prefix p: <http://evil/> . """ \'\'\' <script>alert(1)</script> &amp; </textarea>\n'
                'SELECT * WHERE { ?s ?p ?o } INSERT DATA { <a> <b> <c> }')
HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Arrest in Phnom Penh</title><style>p { color: red }</style>
<script>document.write("Injected Person was arrested")</script></head>
<body><nav>Home &middot; News</nav>
<p>Police in Phnom Penh arrested opposition leader <b>Kem Sokha</b> on 3 September 2017.</p>
<p>Prime Minister Hun Sen said he would never pardon him.</p></body></html>"""


def cli(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def stored_text(store: Store, article_id: str) -> str | None:
    rows = store.query("""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX pg: <https://w3id.org/polgraph/ontology#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?id ?text WHERE { ?a dcterms:identifier ?id ; pg:text/nif:isString ?text }""",
                       params={"id": Literal(article_id)})
    assert isinstance(rows, Rows)
    return rows.rows[0][1].value if rows.rows else None


def check_rows(store: Store) -> dict[str, list]:
    """The query checks' findings (each must be empty on a good store)."""
    found = {}
    for info in list_checks():
        result = run_query(info, store)
        assert isinstance(result, Rows)
        if result.rows:
            found[info.name] = result.rows
    return found


# ---- one batch full of bad inputs ----------------------------------------------------------------

@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """A folder mixing good articles with every kind of bad input, ingested in one CLI run."""
    root = tmp_path_factory.mktemp("bad-batch")
    src = root / "in"
    src.mkdir()
    write(src / "good.txt", POLITICS)
    write(src / "empty.txt", "")
    write(src / "blank.md", "  \n\t \n\n")
    write(src / "binary.txt", bytes(range(256)) * 4)
    write(src / "latin1.txt", "Margot Wallström met Hun Sen.".encode("latin-1"))
    write(src / "utf16.txt", codecs.BOM_UTF16_LE + POLITICS.encode("utf-16-le"))
    write(src / "huge.txt", (b"Hun Sen spoke. " * (4 * 1024 * 1024))[:50 * 1024 * 1024])  # 50 MB
    write(src / "page.txt", HTML_PAGE)
    write(src / "french.txt", "Le gouvernement a annoncé hier une réforme des retraites, selon le ministre. "
                              "Les syndicats appellent à la grève jeudi prochain.")
    write(src / "chinese.md", "国务院总理在北京会见了外国代表团。双方讨论了经济合作。")
    write(src / "emoji-rtl.txt", "🎉🔥 Prime Minister Hun Sen 👋 met ‏رئيس الوزراء‎ and שלום עכשיו in Phnom Penh. "
                                 "\u202eRTL override\u202c 🇰🇭")
    write(src / "hostile.txt", HOSTILE_TEXT)
    write(src / "dup.txt", "Sam Rainsy returned to Cambodia.")
    lines = [
        json.dumps({"id": "j-good", "text": POLITICS, "published": "2019-05-04"}),
        '{"id": "j-broken", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "j-no-text", "title": "nothing here"}),
        json.dumps({"id": "j-bad-date", "text": POLITICS, "published": "last Tuesday"}),
        json.dumps({"id": "j-good", "text": "Again the same id."}),
        json.dumps({"id": "dup", "text": "Same id as dup.txt."}),
        json.dumps({"id": "../../etc/passwd", "text": "Kem Sokha was released."}),
        json.dumps({"id": "a\u0000b\u001b[31m\u2028c", "text": "Hun Sen left Phnom Penh."}),
        json.dumps({"id": "j-surrogate", "text": "Hun Sen \ud800 left."}),
        json.dumps({"id": "j-text-number", "text": 42}),
        "",
        json.dumps({"id": "j-last", "text": "The court granted bail to Kem Sokha."}),
    ]
    data = "\n".join(lines).encode("utf-8") + b'\n{"id": "j-raw", "text": "\xff\xfe"}\n'
    write(src / "batch.jsonl", data)
    store = root / "store"
    result = cli("ingest", src, "--store", store)
    return store, result, src


def test_bad_inputs_exit_1_and_the_good_ones_are_stored(bad_batch) -> None:
    store_path, result, _ = bad_batch
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    store = Store(store_path, read_only=True)
    for article_id in ("good", "utf16", "page", "french", "chinese", "emoji-rtl", "hostile", "dup", "j-good",
                       "../../etc/passwd", "a\u0000b\u001b[31m\u2028c", "j-last"):
        assert stored_text(store, article_id), f"{article_id} was not stored"
    for article_id in ("empty", "blank", "binary", "latin1", "huge", "j-broken", "j-no-text", "j-bad-date",
                       "j-surrogate", "j-text-number", "j-raw"):
        assert stored_text(store, article_id) is None, article_id
    assert check_rows(store) == {}


@pytest.mark.parametrize(("where", "needle"), [
    ("empty.txt", "article text is empty"),
    ("blank.md", "article text is empty"),
    ("binary.txt", "binary data, not text"),
    ("latin1.txt", "invalid UTF-8 at byte 14 (re-save the file as UTF-8)"),
    ("huge.txt", "article too long (a file of 52,428,800 bytes); the limit is 1,000,000 characters"),
    ("batch.jsonl:2", "malformed JSON"),
    ("batch.jsonl:3", "a JSONL line must be a JSON object"),
    ("batch.jsonl:4", "missing 'text'"),
    ("batch.jsonl:5", "bad 'published' date 'last Tuesday' (use an ISO date such as 2019-11-14)"),
    ("batch.jsonl:6", "article id 'j-good' was already read from"),
    ("dup.txt", "article id 'dup' was already read from"),  # batch.jsonl comes first in the folder
    ("batch.jsonl:10", "'text' holds invalid Unicode (a lone surrogate at character 8)"),
    ("batch.jsonl:11", "'text' is not a string"),
    ("batch.jsonl:14", "invalid UTF-8 at byte 25 of the line"),
])
def test_each_failure_names_its_file_and_line(bad_batch, where: str, needle: str) -> None:
    _, result, src = bad_batch
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{src / where}: ")]
    assert len(lines) == 1, result.stderr
    assert needle in lines[0]
    assert "articles failed:    14" in result.stdout


def test_decoded_and_converted_texts_are_stored_as_read(bad_batch) -> None:
    store = Store(bad_batch[0], read_only=True)
    assert stored_text(store, "utf16") == POLITICS  # UTF-16 with a BOM is read, not refused
    assert stored_text(store, "hostile") == HOSTILE_TEXT  # SPARQL/Turtle/HTML syntax is only text
    assert stored_text(store, "emoji-rtl").startswith("🎉🔥 Prime Minister Hun Sen 👋")
    page = stored_text(store, "page")
    assert page.startswith("Home · News\n\nPolice in Phnom Penh arrested opposition leader Kem Sokha")
    assert "document.write" not in page and "color: red" not in page and "Injected" not in page
    titles = store.query("PREFIX dcterms: <http://purl.org/dc/terms/> "
                         "SELECT ?t WHERE { ?a dcterms:identifier 'page' ; dcterms:title ?t }")
    assert [r[0].value for r in titles.rows] == ["Arrest in Phnom Penh"]


def test_non_english_text_is_ingested_with_few_entities(bad_batch) -> None:
    store = Store(bad_batch[0], read_only=True)
    for article_id in ("french", "chinese"):
        rows = store.query("""
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX gaf: <http://groundedannotationframework.org/gaf#>
            PREFIX pg: <https://w3id.org/polgraph/ontology#>
            SELECT ?id (COUNT(DISTINCT ?e) AS ?n) WHERE {
              GRAPH ?g { ?a dcterms:identifier ?id . OPTIONAL { ?e gaf:denotedBy ?m } } } GROUP BY ?id""",
                           params={"id": Literal(article_id)})
        assert rows.rows and int(rows.rows[0][1].value) <= 3, (article_id, rows.rows)


# ---- size limits -----------------------------------------------------------------------------------

def test_a_one_million_character_line_is_read_fast(tmp_path: Path) -> None:
    line = ("Hun Sen spoke to the assembly and " * 30_000)[:1_000_000]
    assert "\n" not in line
    write(tmp_path / "line.txt", line)
    write(tmp_path / "line.jsonl", json.dumps({"id": "long", "text": line}) + "\n")
    start = time.monotonic()
    items = list(iter_articles([tmp_path / "line.txt", tmp_path / "line.jsonl"]))
    assert time.monotonic() - start < 5
    assert [len(a.text) for a in items] == [1_000_000, 1_000_000]
    assert MAX_CHARS == 1_000_000  # exactly at the limit is allowed

    over = list(iter_articles([tmp_path / "line.txt", tmp_path / "line.jsonl"], limit=999_999))
    assert [str(e) for e in over] == [
        f"{tmp_path / 'line.txt'}: article too long (1,000,000 characters); the limit is 999,999 characters "
        "(split it, or raise the limit with --max-chars or $POLGRAPH_MAX_CHARS)",
        f"{tmp_path / 'line.jsonl'}:1: article too long (1,000,000 characters); the limit is 999,999 "
        "characters (split it, or raise the limit with --max-chars or $POLGRAPH_MAX_CHARS)"]


def test_the_limit_is_an_option_and_an_environment_variable(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "long.txt", "Hun Sen spoke. " * 100)  # 1,500 characters
    write(tmp_path / "short.txt", "Sam Rainsy returned to Cambodia.")
    result = cli("ingest", tmp_path / "long.txt", tmp_path / "short.txt", "--store", tmp_path / "s1",
                 "--max-chars", "1000")
    assert result.exit_code == 1
    assert f"{tmp_path / 'long.txt'}: article too long (1,500 characters); the limit is 1,000" in result.stderr
    assert "articles ingested:  1" in result.stdout

    monkeypatch.setenv("POLGRAPH_MAX_CHARS", "1_000")
    report = polgraph.ingest(tmp_path, store=tmp_path / "s2")
    assert report.ingested == 1 and len(report.failed) == 1 and "the limit is 1,000" in report.failed[0][1]

    monkeypatch.setenv("POLGRAPH_MAX_CHARS", "lots")
    result = cli("ingest", tmp_path / "short.txt", "--store", tmp_path / "s3")
    assert result.exit_code == 2
    assert "$POLGRAPH_MAX_CHARS must be a number of characters, not 'lots'" in result.stderr


def test_a_jsonl_line_far_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    big = json.dumps({"id": "big", "text": "x" * 300_000})
    write(tmp_path / "a.jsonl", big + "\n" + json.dumps({"id": "ok", "text": "Hun Sen spoke."}) + "\n")
    items = list(iter_articles([tmp_path / "a.jsonl"], limit=10_000))
    assert isinstance(items[0], InputError) and str(items[0]).startswith(f"{tmp_path / 'a.jsonl'}:1: ")
    assert "a line of over 105,536 bytes" in str(items[0])
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_batches_are_cut_by_characters_so_spacy_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    batches: list[list[int]] = []
    real = nlp.parse_many

    def recording(texts):
        texts = list(texts)
        batches.append([len(t) for t in texts])
        return real(["Hun Sen spoke."] * len(texts))

    monkeypatch.setattr(nlp, "parse_many", recording)
    articles = [Article(id=f"a{i}", text="word " * 40_000) for i in range(7)]  # 200,000 characters each
    results = list(pipeline.extract_all(articles, batch_size=16))
    assert len(results) == 7
    assert [len(b) for b in batches] == [2, 2, 2, 1]
    assert all(sum(b) <= pipeline.BATCH_CHARS for b in batches)


# ---- HTML ------------------------------------------------------------------------------------------

def test_html_documents_are_detected() -> None:
    assert looks_like_html("<!DOCTYPE html><p>x")
    assert looks_like_html("\ufeff  <!-- saved page -->\n<HTML lang='km'><body>x")
    assert looks_like_html('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')
    assert not looks_like_html("Hun Sen wrote <html> in a tweet.")
    assert not looks_like_html("<p>A fragment is text that happens to hold a tag.</p>")


def test_html_text_keeps_only_visible_text() -> None:
    text, title = html_text("<!doctype html><html><head><title> A  title </title><meta name=x content=y>"
                            "<script>var s = '</p>';</script></head><body><h1>Head</h1><p>One &amp; "
                            "<i>two</i></p><ul><li>three</li><li>four</li></ul><noscript>no</noscript>"
                            "<template>hidden</template><p>Line<br>break</p></body></html>")
    assert title == "A title"
    assert text == "Head\n\nOne & two\n\nthree\nfour\n\nLine\nbreak"
    table, _ = html_text("<html><table><tr><th>Name</th><th>Post</th></tr><tr><td>Hun Sen</td>"
                         "<td>Prime Minister</td></tr></table></html>")
    assert table == "Name Post\nHun Sen Prime Minister"


def test_an_html_document_with_no_visible_text_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "blank.txt", "<!DOCTYPE html><html><script>x()</script></html>")
    [error] = iter_articles([tmp_path / "blank.txt"])
    assert str(error) == f"{tmp_path / 'blank.txt'}: HTML document with no visible text"


# ---- failing stages --------------------------------------------------------------------------------

def test_a_crashing_stage_loses_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.find_events

    def flaky(doc, index, article, *args):
        if article.id == "bad":
            raise IndexError("boom")
        return real(doc, index, article, *args)

    monkeypatch.setattr(pipeline, "find_events", flaky)
    items = [Article(id=i, text=POLITICS, source=f"{i}.txt") for i in ("one", "bad", "two")]
    results = list(pipeline.extract_all(items))
    assert [type(r).__name__ for r in results] == ["Extraction", "PolgraphError", "Extraction"]
    assert str(results[1]) == ("bad.txt: extraction failed: IndexError: boom "
                               "(please report this article as a bug)")


def test_a_text_spacy_refuses_loses_only_its_article() -> None:
    model = nlp.load()
    saved = model.max_length
    model.max_length = 500  # spaCy raises E088 for longer texts
    try:
        items = [Article(id="short", text=POLITICS), Article(id="long", text="Hun Sen spoke. " * 50),
                 Article(id="after", text=POLITICS)]
        results = list(pipeline.extract_all(items))
    finally:
        model.max_length = saved
    assert [type(r).__name__ for r in results] == ["Extraction", "PolgraphError", "Extraction"]
    assert "extraction failed: ValueError: [E088]" in str(results[1])


def test_a_missing_model_is_still_a_runtime_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(texts):
        raise ModelError("cannot load spaCy model 'no_such_model_xyz'")

    monkeypatch.setattr(nlp, "parse_many", no_model)
    write(tmp_path / "a.txt", POLITICS)
    result = cli("ingest", tmp_path / "a.txt", "--store", tmp_path / "store")
    assert result.exit_code == 2  # not one article's fault: a runtime error, not exit 1
    assert result.stderr == "error: cannot load spaCy model 'no_such_model_xyz'\n"


# ---- crash safety ----------------------------------------------------------------------------------

TEMPLATES = [
    "Police in {place} arrested {a} on {day} May 2020.",
    "Prime Minister {a} met {b} in {place}.",
    "{a} of the Liberty Party urged {b} to resign.",
    "The court in {place} granted bail to {a}, the party said.",
    "Rain fell on {place}.",
]
PEOPLE = ["Anna Korvek", "Tomas Brel", "Mira Dalen", "Piotr Vasko", "Lena Hart"]
PLACES = ["Veldonia", "Kampot", "Nairobi", "Lima"]


def synthetic_texts(n: int) -> list[str]:
    """`n` short articles built from a few distinct texts (so each text's clean graph is computed once)."""
    distinct = [t.format(a=PEOPLE[i % 5], b=PEOPLE[(i + 2) % 5], place=PLACES[i % 4], day=i % 27 + 1)
                for i, t in enumerate(TEMPLATES * 4)]
    return [distinct[i % len(distinct)] for i in range(n)]


def write_articles(folder: Path, n: int) -> dict[str, str]:
    folder.mkdir()
    texts = {f"a{i:04d}": text for i, text in enumerate(synthetic_texts(n))}
    for article_id, text in texts.items():
        write(folder / f"{article_id}.txt", text)
    return texts


def clean_counts(texts: dict[str, str]) -> dict[str, int]:
    """Triples per article graph in a clean, single ingest (a graph's size does not depend on its id)."""
    per_text: dict[str, int] = {}
    for article_id, text in texts.items():
        if text not in per_text:
            per_text[text] = len(to_quads(polgraph.extract(Article(id=article_id, text=text)))[1])
    return {str(article_iri(i)): per_text[t] for i, t in texts.items()}


def graph_sizes(store: Store) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    prefix = str(article_iri("x"))[:-1]
    return {r[0].value: int(r[1].value) for r in rows.rows if r[0].value.startswith(prefix)}


def reference_size() -> int:
    store = Store()
    store.ensure_reference_graphs()
    return store.count()


# `polgraph ingest` with one line on stderr as each batch write starts, so the kill lands inside a write
TRACED_POLGRAPH = [sys.executable, "-c", """
import sys
from polgraph.store import Store
write = Store.replace_graphs
def traced(self, graphs):
    graphs = list(graphs)
    print("writing", len(graphs), file=sys.stderr, flush=True)
    return write(self, graphs)
Store.replace_graphs = traced
from polgraph.cli import main
main()
"""]


def test_kill_9_mid_ingest_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "articles", 1000)
    expected = clean_counts(texts)
    hashes = {str(article_iri(a.id)): a.content_hash for a in polgraph.read_articles(tmp_path / "articles")}
    store_path = tmp_path / "store"
    proc = subprocess.Popen([*TRACED_POLGRAPH, "ingest", str(tmp_path / "articles"), "--store", str(store_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    written = 0
    while True:  # kill as the first write after 100 stored articles starts
        line = proc.stderr.readline()
        assert line, "the ingest ended before it could be killed"
        if line.startswith("writing"):
            if written >= 100:
                break
            written += int(line.split()[1])
    time.sleep(0.04)  # into the removal of the old graphs or the insertion of the new quads
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()

    store = Store(store_path)  # the kernel released the dead process's lock
    sizes = graph_sizes(store)
    assert 100 <= len(sizes) < 1000
    assert {g: n for g, n in sizes.items() if n != expected[g]} == {}, "a partly written article"
    assert {g: h for g, h in store.content_hashes().items() if g in sizes} == {g: hashes[g] for g in sizes}
    assert check_rows(store) == {}
    assert store.default_graph_size() == 0
    del store

    rerun = ingest(tmp_path / "articles", store=store_path)  # in this process: the model is loaded
    assert rerun.ok and (rerun.unchanged, rerun.ingested) == (len(sizes), 1000 - len(sizes))
    store = Store(store_path, read_only=True)
    assert graph_sizes(store) == expected
    assert store.count() == sum(expected.values()) + reference_size()  # no duplicates, nothing left over


def test_an_interrupted_ingest_keeps_the_articles_it_had_extracted(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "articles", 7)
    expected = clean_counts(texts)

    def interrupt(status: str, source: str, report: object) -> None:
        if getattr(report, "ingested", 0) == 5:
            raise KeyboardInterrupt  # Ctrl-C after 5 of 7, well inside the first (256-article) batch

    with pytest.raises(KeyboardInterrupt):
        ingest(tmp_path / "articles", store=tmp_path / "store", progress=interrupt, workers=1)
    store = Store(tmp_path / "store")
    sizes = graph_sizes(store)
    assert sorted(sizes) == sorted(str(article_iri(f"a{i:04d}")) for i in range(5))
    assert all(sizes[g] == expected[g] for g in sizes)
    report = ingest(tmp_path / "articles", store=store)
    assert (report.ingested, report.unchanged) == (2, 5)


def test_a_batch_is_cut_before_it_passes_the_bulk_loader_limit(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    texts = write_articles(tmp_path / "articles", 6)
    expected = clean_counts(texts)
    limit = max(expected.values()) * 2 + 1  # room for two articles of any size, never three
    monkeypatch.setattr("polgraph.ingestion.BULK_MAX_QUADS", limit)
    writes: list[int] = []
    write = Store.replace_graphs

    def counted(self: Store, graphs: list) -> int:
        written = write(self, graphs)
        writes.append(written)
        return written

    monkeypatch.setattr(Store, "replace_graphs", counted)
    report = ingest(tmp_path / "articles", store=tmp_path / "store", workers=1)
    assert report.ok and report.ingested == 6
    assert all(n <= limit for n in writes) and len(writes) >= 3 and sum(writes) == sum(expected.values())
    assert graph_sizes(Store(tmp_path / "store", read_only=True)) == expected


class _FailingWrites:
    """An Oxigraph store whose `extend` fails on its n-th call, after the batch's graphs were removed."""

    def __init__(self, store, fail_at: int) -> None:
        self._inner, self.calls, self.fail_at = store, 0, fail_at

    def extend(self, quads) -> None:
        self.calls += 1
        if self.calls == self.fail_at:
            raise OSError("disk full (simulated)")
        self._inner.extend(quads)

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


def test_a_failed_batch_write_leaves_whole_articles(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "articles", 6)
    expected = clean_counts(texts)
    ingest(tmp_path / "articles", store=tmp_path / "store", batch_size=2)

    store = Store(tmp_path / "store")
    store._store = _FailingWrites(store._store, fail_at=2)
    with pytest.raises(StoreError, match="write failed: disk full"):
        ingest(tmp_path / "articles", store=store, force=True, batch_size=2)
    sizes = graph_sizes(store)
    assert sorted(sizes) == sorted(str(article_iri(i)) for i in ("a0000", "a0001", "a0004", "a0005"))
    assert all(sizes[g] == expected[g] for g in sizes)  # whole: the new, or still the old, version

    report = ingest(tmp_path / "articles", store=store)  # a re-run completes what was lost
    assert (report.ingested, report.unchanged) == (2, 4)
    assert graph_sizes(store) == expected


# ---- two processes, one store ----------------------------------------------------------------------

def test_a_second_ingest_on_a_busy_store_fails_clearly_and_nothing_breaks(tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "articles", 60)
    store_path = tmp_path / "store"
    first = subprocess.Popen([*POLGRAPH, "ingest", str(tmp_path / "articles"), "--store", str(store_path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (store_path / "LOCK").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    second = subprocess.Popen([*POLGRAPH, "ingest", str(tmp_path / "articles"), "--store", str(store_path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reader = subprocess.Popen([*POLGRAPH, "query", "articles", "--store", str(store_path), "-f", "csv"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, second_err = second.communicate(timeout=120)
    _, reader_err = reader.communicate(timeout=120)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "articles ingested:  60" in out

    assert second.returncode == 2, second_err
    assert second_err.strip() == f"error: the store at {store_path} {LOCKED}"
    assert reader.returncode in (0, 2), reader_err  # reading does not wait for a writer…
    if reader.returncode == 2:  # …but a store still being created cannot be read yet
        assert reader_err.startswith(f"error: {store_path}: cannot open store"), reader_err

    again = polgraph.ingest(tmp_path / "articles", store=store_path)  # the lock is free again
    assert (again.ingested, again.unchanged) == (0, 60)
    store = Store(store_path, read_only=True)
    assert graph_sizes(store) == clean_counts(texts)
    assert check_rows(store) == {}


def test_the_lock_message_from_the_library(tmp_path: Path) -> None:
    holder = Store(tmp_path / "store")
    with pytest.raises(StoreError) as caught:
        polgraph.ingest(tmp_path, store=tmp_path / "store")
    assert str(caught.value) == f"the store at {tmp_path / 'store'} {LOCKED}"
    del holder
