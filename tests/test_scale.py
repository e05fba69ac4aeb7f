"""Speed and scale features: worker processes, streaming writes, incremental re-ingest, and extraction
as a pure function of a shard (the map step of a corpus spread over machines, here with Dask).

The figures themselves (throughput, memory, query times) are measured by benchmarks/run.py, never by
timed tests.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import polgraph
from polgraph import parallel
from polgraph.cli import app
from polgraph.model import Article
from polgraph.rdf import to_nquads, to_quads
from polgraph.store import Store

REFERENCE_GRAPHS = ("https://w3id.org/polgraph/graph/ontology", "https://w3id.org/polgraph/graph/cameo")
TEXTS = [
    "Prime Minister {a} on Thursday asked the Justice Ministry to grant bail to {b}, a jailed opposition "
    "activist.\n\nPolice arrested {b} in {place} on {day} March 2019, his lawyer said.",
    "Opposition leader {a} met {b}, the party's deputy president, in {place} on {day} May 2018.\n\n"
    "The court later charged {b} with incitement.",
    "{a}, president of the Candlelight Party, said on {day} June 2020 that the government had banned a rally "
    "in {place}.\n\nSecurity forces detained {b} outside the party's headquarters.",
]
PEOPLE = ["Sam Rainsy", "Kem Sokha", "Mu Sochua", "Meach Sovannara", "Sok Eysan", "Hun Manet", "Chea Vichea"]
PLACES = ["Phnom Penh", "Kampot province", "Siem Reap", "Battambang"]


def write_corpus(folder: Path, n: int, *, shards: int = 1) -> list[Path]:
    """`n` short articles as JSONL, split over `shards` files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{k}.jsonl" for k in range(shards)]
    lines: list[list[str]] = [[] for _ in paths]
    for i in range(n):
        text = TEXTS[i % len(TEXTS)].format(a=PEOPLE[i % 7], b=PEOPLE[(i + 3) % 7], place=PLACES[i % 4],
                                            day=i % 27 + 1)
        record = {"id": f"a{i:03d}", "text": text, "published": f"2019-{i % 12 + 1:02d}-15",
                  "title": f"Article {i}", "url": f"https://example.org/{i}"}
        lines[i * shards // n].append(json.dumps(record))
    for path, chunk in zip(paths, lines, strict=True):
        path.write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return paths


def article_quads(store: Store | Path) -> list[str]:
    """The store's article graphs as sorted N-Quads lines (the reference graphs have blank nodes)."""
    opened = store if isinstance(store, Store) else Store(store, read_only=True)
    out = io.BytesIO()
    opened.export(out, "nquads")
    lines = out.getvalue().decode("utf-8").splitlines()
    return sorted(line for line in lines if not line.endswith(tuple(f"<{g}> ." for g in REFERENCE_GRAPHS)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 24)[0]


@pytest.fixture(scope="module")
def single_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """The corpus ingested by one worker, in this process."""
    store = tmp_path_factory.mktemp("single") / "store"
    report = polgraph.ingest(corpus, store=store, workers=1)
    assert report.ok and report.ingested == 24, report.failed
    return store, report


@pytest.fixture(scope="module")
def single(single_run) -> Path:
    return single_run[0]


# ---- workers ---------------------------------------------------------------------------------------

def test_two_workers_write_the_same_triples_as_one(corpus: Path, single_run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "broken"\n', encoding="utf-8")
    store, one = single_run
    two = polgraph.ingest([corpus, bad, tmp_path / "missing.txt"], store=tmp_path / "store", workers=2)
    assert (two.ingested, two.entities, two.events, two.memberships, two.triples) == (
        one.ingested, one.entities, one.events, one.memberships, one.triples)
    assert article_quads(tmp_path / "store") == article_quads(store)
    assert [source for source, _ in two.failed] == [f"{bad}:1", str(tmp_path / "missing.txt")]  # in input order


def test_the_default_uses_the_cores_but_small_inputs_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert parallel.default_workers() >= 1
    started: list[int] = []
    monkeypatch.setattr(parallel, "_pooled", lambda items, workers: started.append(workers) or iter(()))
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    small = [Article(id="a", text="Hun Sen spoke.")]
    assert [r.article_id for r in parallel.extract_stream(small)] == ["a"]
    assert started == []
    big = [Article(id=f"a{i}", text="word " * 20_000) for i in range(2)]
    assert list(parallel.extract_stream(big)) == [] and started == [2]
    assert list(parallel.extract_stream([])) == [] and started == [2]  # nothing to do: nothing started



def test_plan_workers_says_how_many_processes_will_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    small = [Article(id="a", text="Hun Sen spoke.")]
    big = [Article(id=f"a{i}", text="word " * 20_000) for i in range(2)]
    for items, workers, count in ((small, 1, 1), (small, 3, 3), (small, None, 1), (big, None, 2), (big, 1, 1)):
        planned, stream = parallel.plan_workers(items, workers)
        assert planned == count and list(stream) == items  # nothing read ahead is lost


def test_one_process_ingest_writes_whenever_the_writer_is_free(corpus: Path, single: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Extracting in this process, the writer takes each batch worth a bulk load as soon as it is free, so
    the last write, after the extraction, is short, and it keeps off the extraction's core (the last core
    only); the triples are the same."""
    writes: list[int] = []
    cores = os.sched_getaffinity(0)
    writer_cores: list[set[int]] = []
    write = Store.replace_graphs

    def counted(self: Store, graphs: list) -> int:
        writes.append(len(graphs))
        writer_cores.append(os.sched_getaffinity(0))  # in the writer's thread
        return write(self, graphs)

    monkeypatch.setattr(Store, "replace_graphs", counted)
    polgraph.ingest(corpus, store=tmp_path / "whole", workers=1)
    assert writes == [24]  # 24 short articles: under BULK_MIN_QUADS until the end, one write
    writes.clear()
    monkeypatch.setattr("polgraph.ingestion.BULK_MIN_QUADS", 1)
    report = polgraph.ingest(corpus, store=tmp_path / "eager", workers=1)
    assert report.ok and report.ingested == 24
    assert len(writes) >= 2 and writes[0] == 1 and sum(writes) == 24  # the first as soon as an article was there
    assert article_quads(tmp_path / "eager") == article_quads(single)
    assert writer_cores and all(used == {max(cores)} for used in writer_cores)
    assert os.sched_getaffinity(0) == cores  # the caller's thread is left as it was


WORKER_EXIT = """
import atexit, multiprocessing, os, sys
from concurrent.futures import ProcessPoolExecutor
from polgraph import nlp, parallel

def torn_down() -> None:
    with open(os.environ["MARKER"], "w") as handle:
        handle.write("torn down")

if multiprocessing.current_process().name != "MainProcess":  # in the worker, as it imports this file:
    atexit.register(torn_down)  # registered before the worker starts, called by the interpreter's teardown

def shout() -> None:
    sys.stdout.write("from the worker")  # no newline, not flushed: only the worker's exit writes it out

if __name__ == "__main__":
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=parallel._start_worker, initargs=(nlp.model_name(), os.getpid()))
    pool.submit(shout).result()
    workers = list(pool._processes.values())
    pool.shutdown(wait=True)
    print("|exit codes", [w.exitcode for w in workers])
"""


def test_a_worker_skips_the_interpreter_teardown_but_keeps_its_output_and_exit_code(tmp_path: Path) -> None:
    script, marker = tmp_path / "pool.py", tmp_path / "teardown.txt"
    script.write_text(WORKER_EXIT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MARKER": str(marker)})
    assert done.returncode == 0, done.stderr
    assert "from the worker" in done.stdout and done.stdout.endswith("|exit codes [0]\n"), done.stdout
    assert not marker.exists()  # the exit handlers of the worker's interpreter did not run


def test_a_bad_worker_count_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(polgraph.InputError, match="workers must be 1 or more"):
        polgraph.ingest(tmp_path, store=tmp_path / "store", workers=0)
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2


# ---- store writes ----------------------------------------------------------------------------------

UNGUARDED = """
import sys
import polgraph

try:  # at the top of the script, not under `if __name__ == "__main__":`
    polgraph.ingest(sys.argv[1], store=sys.argv[2], workers=2)
except polgraph.PolgraphError as error:
    if __name__ != "__main__":  # a worker, importing the script (as __mp_main__)
        raise
    print("|error", error.what, "|hint", error.hint)
"""


def test_a_script_without_the_main_guard_is_told_what_to_change(corpus: Path, tmp_path: Path) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(corpus), str(tmp_path / "store")],
                          capture_output=True, text=True, timeout=120)
    assert "|error an extraction worker process died" in done.stdout, done.stdout + done.stderr
    assert 'if __name__ == "__main__":' in done.stdout.split("|hint", 1)[1]

def test_nquads_text_and_rdflib_quads_store_the_same_graph(single: Path, sample_extraction) -> None:
    graph, text = to_nquads(sample_extraction)
    name, quads = to_quads(sample_extraction)
    assert graph == str(name) and text.count("\n") == len(quads)
    as_text, as_terms = Store(), Store()
    assert as_text.replace_graphs([(graph, text)]) == as_terms.replace_graphs([(name, quads)]) == len(quads)
    assert article_quads(as_text) == article_quads(as_terms)


def test_bulk_written_batches_replace_graphs_whole(single: Path, tmp_path: Path) -> None:
    graphs = _graphs(single)
    store = Store(tmp_path / "store")
    assert store.replace_graphs(graphs) == sum(t.count("\n") for _, t in graphs)  # new graphs: bulk loaded
    assert store.replace_graphs(graphs[:5]) == sum(t.count("\n") for _, t in graphs[:5])  # replaced
    assert article_quads(store) == article_quads(single)


def test_bulk_written_text_is_still_checked_all_or_nothing(single: Path, tmp_path: Path) -> None:
    graphs = _graphs(single)
    broken = graphs[-1][1].replace(" .\n", " \n", 1)  # a quad without its closing dot
    store = Store(tmp_path / "store")
    with pytest.raises(polgraph.StoreError, match="invalid N-Quads"):
        store.replace_graphs([*graphs[:-1], (graphs[-1][0], broken)])
    assert store.count() == 0  # nothing of the batch was written
    assert store.replace_graphs(graphs) == sum(t.count("\n") for _, t in graphs)


def _graphs(store_path: Path) -> list[tuple[str, str]]:
    grouped: dict[str, list[str]] = {}
    for line in article_quads(store_path):
        grouped.setdefault(line[line.rindex("<", 0, len(line) - 2) + 1:-3], []).append(line + "\n")
    return [(g, "".join(lines)) for g, lines in grouped.items()]


# ---- incremental -----------------------------------------------------------------------------------

def test_an_unchanged_corpus_is_skipped_without_loading_spacy(corpus: Path, single: Path, tmp_path: Path) -> None:
    import shutil

    store = shutil.copytree(single, tmp_path / "store")
    code = ("import sys, polgraph; r = polgraph.ingest(sys.argv[1], store=sys.argv[2]); "
            "print(r.ingested, r.unchanged, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(corpus), str(store)], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["0", "24", "False"]


def test_an_article_another_version_extracted_is_extracted_again(corpus: Path, single: Path,
                                                                 tmp_path: Path) -> None:
    import shutil

    from polgraph import nlp
    from polgraph.vocab import PG

    current = nlp.describe()
    assert current.startswith(f"polgraph {polgraph.__version__} ") and current.endswith(" 3.8.0")
    import pyoxigraph

    raw = pyoxigraph.Store(str(shutil.copytree(single, tmp_path / "store")))
    older = sorted({q.graph_name.value for q in raw.quads_for_pattern(None, pyoxigraph.NamedNode(str(PG.contentHash)),
                                                                       None)})[:3]
    for graph in older:  # as if an earlier polgraph had extracted these three
        raw.update(f"DELETE {{ GRAPH <{graph}> {{ ?a <{PG.extractorVersion}> ?v }} }} "
                     f"INSERT {{ GRAPH <{graph}> {{ ?a <{PG.extractorVersion}> \"polgraph 0.0.9 x_model 1.0\" }} }} "
                     f"WHERE {{ GRAPH <{graph}> {{ ?a <{PG.extractorVersion}> ?v }} }}")
    del raw  # closes it
    store = Store(tmp_path / "store")
    assert [store.extractor(g) for g in older] == ["polgraph 0.0.9 x_model 1.0"] * 3
    report = polgraph.ingest(corpus, store=store, workers=1)
    assert (report.ingested, report.unchanged) == (3, 21)
    assert [store.extractor(g) for g in older] == [current] * 3
    assert article_quads(store) == article_quads(single)


def test_content_hashes_are_looked_up_one_by_one(single: Path) -> None:
    store = Store(single, read_only=True)
    hashes = store.content_hashes()
    assert len(hashes) == 24
    assert all(store.content_hash(graph) == value for graph, value in hashes.items())
    assert store.content_hash("https://w3id.org/polgraph/id/article/nothing-here") is None


# ---- extract → import ------------------------------------------------------------------------------

def test_extract_is_a_pure_function_of_its_input(corpus: Path, single: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    first, second = tmp_path / "one.nq", tmp_path / "two.nq"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(first), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "articles extracted: 24" in result.stderr and result.stdout == ""
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(second), "--workers", "2"]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()  # byte-identical, whatever the workers
    piped = runner.invoke(app, ["extract", str(corpus)])
    assert piped.stdout_bytes == first.read_bytes()
    assert not list(tmp_path.glob(".*.part")), "no temporary file is left behind"

    store = tmp_path / "store"
    result = runner.invoke(app, ["import", str(first), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert article_quads(store) == article_quads(single)
    assert runner.invoke(app, ["import", str(first), "--store", str(store)]).exit_code == 0
    assert article_quads(store) == article_quads(single), "importing twice leaves the same triples"
    again = polgraph.ingest(corpus, store=store)
    assert (again.ingested, again.unchanged) == (0, 24), "imported articles are known by their content hash"


def test_load_file_replaces_the_graphs_it_holds(tmp_path: Path, sample_extraction) -> None:
    graph, text = to_nquads(sample_extraction)
    stale = f"<{graph}> <https://example.org/stale> \"old\" <{graph}> .\n"
    store = Store(tmp_path / "store")
    store.replace_graphs([(graph, text + stale)])
    shard = tmp_path / "shard.nq"
    shard.write_text(text, encoding="utf-8")
    assert store.load_file(shard) == text.count("\n")
    assert store.count() == text.count("\n")  # the stale triple went with the old graph


def test_the_dask_recipe_gives_the_same_graph_as_one_ingest(single: Path, tmp_path: Path) -> None:
    """The README's recipe: dask.bag over shards on a local cluster of two processes, then one load."""
    import dask.bag as db  # the [distributed] extra is part of the test install: missing means failure
    from dask.distributed import Client, LocalCluster

    shards = write_corpus(tmp_path / "shards", 24, shards=4)
    outputs = [tmp_path / "graphs" / f"{shard.stem}.nq" for shard in shards]
    outputs[0].parent.mkdir()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        reports = (db.from_sequence(list(zip(shards, outputs, strict=True)), npartitions=len(shards))
                   .starmap(polgraph.extract_file, workers=1).compute())
    assert [r.articles for r in reports] == [6, 6, 6, 6] and all(r.ok for r in reports)
    store = polgraph.open_store(tmp_path / "store")
    store.ensure_reference_graphs()
    for nq in outputs:
        store.load_file(nq)
    assert article_quads(store) == article_quads(single)
