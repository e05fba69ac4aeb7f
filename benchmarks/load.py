"""Benchmark: load a polgraph-shaped graph into an Oxigraph server (Graph Store Protocol, SPARQL Update).

The graph is the reference article's graph (extracted with the real pipeline) copied under renamed
article IRIs until it reaches --triples: one named graph per copy, sharing the entity IRIs as real
articles about the same people do, plus the ontology and CAMEO graphs. Each run starts a fresh
`oxigraph serve` in a temporary folder, loads everything with `polgraph.endpoint.load`, checks the
triple count on the server, and stops it.

    python benchmarks/load.py --runs 1              # 1M triples: ~25 min here, most of it the GSP run
    python benchmarks/load.py --triples 300000      # 3 runs per method: ~10 min here

Oxigraph server's PUT slows down as its store grows, so the GSP run dominates at 1M triples; the
progress lines (every 100 graphs) show it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from polgraph.endpoint import DEFAULT_CHUNK_BYTES, Endpoint, load, oxigraph_command
from polgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"gsp": 20_000, "update": 10_000, "chunked": 5_000}  # triples/s: 1M in < 1, 2, 4 minutes
LABELS = {"gsp": "Graph Store Protocol: PUT per graph",
          "update": "SPARQL Update: whole graphs batched per request",
          "chunked": "SPARQL Update: chunks into a temporary graph + MOVE"}
ARTICLE = "cambojanews-2019-11-14-hun-sen-bail"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated graph")
    parser.add_argument("--runs", type=int, default=3, help="runs per method (the median is reported)")
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_BYTES,
                        help="SPARQL Update: bytes per request")
    parser.add_argument("--small-chunk-size", type=int, default=64_000,
                        help="the 'chunked' method: a size that splits every article graph")
    parser.add_argument("--methods", default="gsp,update,chunked",
                        help="comma-separated: gsp, update, chunked")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="polgraph-bench-") as tmp:
        source, graphs = generate(Path(tmp), args.triples)
        total = source.count()
        print(f"generated {total:,} triples in {graphs:,} graphs", file=sys.stderr)
        results = {}
        for method in args.methods.split(","):
            runs = []
            for run in range(args.runs):
                chunk = args.small_chunk_size if method == "chunked" else args.chunk_size
                report = one_run(Path(tmp) / f"server-{method}-{run}", source, method, chunk, total)
                runs.append(report)
                print(f"{method} run {run + 1}: {report.seconds:.1f} s, {report.requests} requests, "
                      f"{report.triples / report.seconds:,.0f} triples/s", file=sys.stderr)
            results[method] = runs
    print_table(results, total, args)


def generate(folder: Path, triples: int) -> tuple[Store, int]:
    """The reference article's graph, copied under renamed article IRIs, in an in-memory store."""
    import polgraph
    from polgraph.rdf import to_quads
    from polgraph.store import Store

    article = polgraph.read_articles(ROOT / "data" / "articles" / f"{ARTICLE}.txt")[0]
    seed = Store()
    seed.ensure_reference_graphs()
    seed.replace_graphs([to_quads(polgraph.extract(article))])
    graph = next(g for g in seed.graphs() if g.endswith(ARTICLE))
    template = seed.dump_graph(graph).decode("utf-8")
    per_copy = template.count("\n")
    reference = seed.count() - per_copy
    copies = max(1, round((triples - reference) / per_copy))
    path = folder / "graph.nq"
    with path.open("w", encoding="utf-8") as out:
        for name in (g for g in seed.graphs() if g != graph):
            for line in seed.dump_graph(name).decode("utf-8").splitlines():
                out.write(f"{line[:-1]}<{name}> .\n")
        for n in range(copies):
            renamed = f"{ARTICLE}-{n:05d}"
            iri = graph.replace(ARTICLE, renamed)
            for line in template.replace(ARTICLE, renamed).splitlines():
                out.write(f"{line[:-1]}<{iri}> .\n")
    source = Store()
    source.load_file(path)
    path.unlink()
    return source, copies + 2


def one_run(folder: Path, source: Store, method: str, chunk_bytes: int, expected: int):
    port = free_port()
    process = subprocess.Popen([oxigraph_command(), "serve", "--location", str(folder), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(port)
        endpoint = Endpoint(f"{base}/query", update_url=f"{base}/update",
                            gsp_url=f"{base}/store" if method == "gsp" else None)
        marks = [time.perf_counter()]

        def progress(graph: str, report) -> None:  # a line every 100 graphs: is the rate steady?
            if report.graphs % 100 == 0:
                marks.append(time.perf_counter())
                print(f"  {method}: {report.graphs} graphs, {report.triples:,} triples, last 100 graphs "
                      f"in {marks[-1] - marks[-2]:.1f} s", file=sys.stderr, flush=True)

        report = load(source, endpoint, chunk_bytes=chunk_bytes, progress=progress)
        loaded = sum(endpoint.graph_sizes().values())
        if loaded != expected:
            raise SystemExit(f"{method}: the server holds {loaded:,} triples, expected {expected:,}")
        return report
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def print_table(results: dict, total: int, args: argparse.Namespace) -> None:
    from importlib.metadata import version

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}, oxigraph {version('oxigraph')}, "
          f"pyoxigraph {version('pyoxigraph')}")
    print(f"graph: {total:,} triples; runs per method: {args.runs}; chunk sizes: {args.chunk_size:,} bytes "
          f"(update), {args.small_chunk_size:,} bytes (chunked)")
    header = ["method", "requests", "median s", "triples/s (median)", "min–max triples/s", "target", "met"]
    rows = []
    for method, runs in results.items():
        rates = [r.triples / r.seconds for r in runs]
        rate = statistics.median(rates)
        rows.append([
            LABELS[method],
            f"{runs[0].requests:,}", f"{statistics.median(r.seconds for r in runs):.1f}", f"{rate:,.0f}",
            f"{min(rates):,.0f}–{max(rates):,.0f}", f"≥ {TARGETS[method]:,}",
            "yes" if rate >= TARGETS[method] else "NO"])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"the Oxigraph server did not start on port {port}")


if __name__ == "__main__":
    main()
