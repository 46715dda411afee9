"""Corpus ingests at scale: articles/s and peak memory per process, 1 and 2 Dask workers, 1,000 to 16,000 articles.

Corpora of 1,000 / 4,000 / 16,000 articles are built from the peer data in ../shared/peer, read at
run time and never copied into the project: the TimeBank and AQUAINT news texts (with their
creation date as the `published` column), the TempEval-3 platinum texts, and the article bodies of
the Zyte extraction benchmark (with their URL). Each article is perturbed so that every one is
unique (its paragraphs rotated, a closing line of its own), and the corpus is written as Parquet
with row groups of 256 rows into a temporary folder. Each corpus is ingested with `--workers 1` and
`--workers 2` into a fresh store, each run in a process of its own (so that peak memory is its
own), and the script prints per run: articles/s (wall time, cluster start and model loads
included), seconds per article, the seconds before the first shard could start (cluster and
models), the client's peak memory and the largest worker's, and the CPU milliseconds per article of
the client (the one writer, with the local cluster's scheduler in its process) and of the workers
(extraction; `steady`: the client's from its first stored shard on, cluster start-up left out; '-' when
one shard held the whole corpus, as in --quick, whose corpora fit in one Parquet row group): the
client's must stay a small part of a worker's, or the second worker waits on it. Last:

    ratio_workers2  articles/s with 2 workers over 1, on the middle size (4,000)
    memory_growth   peak memory of the largest process at the largest size over the smallest (2 workers)
    time_growth     seconds per article at the largest size over the smallest (2 workers)
    client_share    the client's steady CPU per article over the workers' (2 workers, middle size)

    .venv/bin/python benchmarks/scale.py            # 1,000 / 4,000 / 16,000: needs a quiet machine (hours)
    .venv/bin/python benchmarks/scale.py --quick    # 40 / 80 / 160: checks that it works
    (--peer FOLDER when ../shared/peer is not beside the checkout)
"""

from __future__ import annotations

import argparse
import html
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT.parent / "shared" / "peer"
SIZES = (1000, 4000, 16000)
QUICK_SIZES = (40, 80, 160)
ROW_GROUP_ROWS = 256
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="([0-9-]+)"|value="([0-9-]+)"[^>]*'
                  r'functionInDocument="CREATION_TIME"')
_TAG = re.compile(r"<[^>]+>")


def timeml_articles(peer: Path = PEER) -> Iterator[dict]:
    """News texts of TimeBank, AQUAINT and TempEval-3 platinum, with their creation date."""
    folders = [peer / "tbaq-cleaned" / "TimeBank", peer / "tbaq-cleaned" / "AQUAINT", peer / "te3-platinum" / "tml"]
    for path in sorted(p for folder in folders for p in folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body, dct = _TEXT.search(raw), _DCT.search(raw)
        if body:
            text = html.unescape(_TAG.sub("", body[1])).strip()
            yield {"id": path.stem, "text": text, "published": (dct[1] or dct[2]) if dct else None, "url": None}


def zyte_articles(peer: Path = PEER) -> Iterator[dict]:
    """Article bodies of the Zyte benchmark pages, with their URL."""
    data = json.loads((peer / "article-extraction-benchmark" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(data.items()):
        if item.get("articleBody", "").strip():
            yield {"id": key, "text": item["articleBody"], "published": None, "url": item.get("url")}


def perturbed(base: list[dict], n: int) -> Iterator[dict]:
    """`n` unique articles: base article i % len(base), paragraphs rotated by i // len(base), and a
    closing line naming the item."""
    for i in range(n):
        source = base[i % len(base)]
        paragraphs = [p for p in source["text"].split("\n") if p.strip()]
        turn = (i // len(base)) % max(1, len(paragraphs))
        text = "\n".join(paragraphs[turn:] + paragraphs[:turn]) + f"\n(Digest item {i}, from {source['id']}.)"
        yield {"id": f"a{i:06d}", "text": text, "published": source["published"], "url": source["url"]}


def write_corpus(path: Path, rows: Iterator[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("published", pa.string()), ("url", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == ROW_GROUP_ROWS:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        if chunk:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


def run_one(corpus: Path, workers: int, db: Path) -> None:
    """One ingest in this (fresh) process; prints its figures as one JSON line."""
    from missive.batch import ingest_corpus

    started, cpu = time.perf_counter(), time.process_time()
    ready: list[float] = []  # when the first shard came back, less its own work: cluster and models ready
    steady: list[float] = []  # the client's CPU and the articles stored when the first shard was

    def first_shard(result, summary) -> None:
        if not ready and not isinstance(result, str):
            ready.append(time.perf_counter() - started - result.seconds)
            steady.extend((time.process_time(), summary.processed + len(summary.skips)))

    summary = ingest_corpus([corpus], db, workers=workers, on_shard=first_shard)
    elapsed, client_cpu = time.perf_counter() - started, time.process_time() - cpu
    articles = summary.documents + summary.unchanged + len(summary.skips)
    # The client's CPU per article once the cluster runs: what each article costs the one writer
    # (None when the first shard held them all: nothing came after it to measure).
    later = articles - steady[1] if steady else 0
    client_steady = (time.process_time() - steady[0]) / later if later > 0 else None
    print(json.dumps({"articles": articles, "events": summary.events, "client_steady": client_steady,
                      "seconds": elapsed, "startup": ready[0] if ready else 0.0,
                      "client_cpu": client_cpu, "worker_cpu": summary.worker_cpu_seconds,
                      "client_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "worker_peaks_kb": sorted(summary.worker_peaks_kb.values()), "failures": summary.failures}))


def measure(corpus: Path, workers: int, folder: Path) -> dict:
    db = folder / f"{corpus.stem}-w{workers}.duckdb"
    out = subprocess.run([sys.executable, __file__, "--run", str(corpus), "--workers", str(workers), "--db", str(db)],
                         capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["peak_kb"] = max([figures["client_peak_kb"], *figures["worker_peaks_kb"]])
    return figures


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{1000 * seconds:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} instead of {SIZES}")
    ap.add_argument("--peer", type=Path, default=PEER, help="the peer data folder (default: ../shared/peer)")
    ap.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run_one(args.run, args.workers, args.db)
        return
    if not (args.peer / "tbaq-cleaned").is_dir():
        raise SystemExit(f"{args.peer}: not found (../shared must be beside the checkout, or give --peer)")
    base = [*timeml_articles(args.peer), *zyte_articles(args.peer)]
    sizes = QUICK_SIZES if args.quick else SIZES
    folder = Path(tempfile.mkdtemp(prefix="missive-scale-"))
    print(f"{len(base)} distinct peer articles; corpora and stores in {folder}")
    print(f"{'articles':>8} {'workers':>7} {'articles/s':>10} {'s/article':>9} {'wall s':>8} {'start s':>7} "
          f"{'client MB':>9} {'worker MB':>9} {'events':>7} {'client ms/a':>11} {'steady':>6} {'worker ms/a':>11}")
    results: dict[tuple[int, int], dict] = {}
    try:
        for size in sizes:
            corpus = folder / f"corpus-{size}.parquet"
            write_corpus(corpus, perturbed(base, size))
            for workers in (1, 2):
                r = results[size, workers] = measure(corpus, workers, folder)
                print(f"{size:>8} {workers:>7} {r['articles'] / r['seconds']:>10.2f} {r['seconds'] / r['articles']:>9.3f}"
                      f" {r['seconds']:>8.1f} {r['startup']:>7.1f} {r['client_peak_kb'] / 1024:>9.0f}"
                      f" {max(r['worker_peaks_kb'] or [0]) / 1024:>9.0f} {r['events']:>7}"
                      f" {1000 * r['client_cpu'] / r['articles']:>11.1f} {_ms(r['client_steady']):>6}"
                      f" {1000 * r['worker_cpu'] / r['articles']:>11.1f}",
                      flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    small, middle, large = sizes
    rate = {k: r["articles"] / r["seconds"] for k, r in results.items()}
    print(f"ratio_workers2 {rate[middle, 2] / rate[middle, 1]:.2f}")
    print(f"memory_growth {results[large, 2]['peak_kb'] / results[small, 2]['peak_kb']:.2f}")
    print(f"time_growth {rate[small, 2] / rate[large, 2]:.2f}")
    two = results[middle, 2]
    client = two["client_cpu"] if two["client_steady"] is None else two["client_steady"] * two["articles"]
    print(f"client_share {client / max(two['worker_cpu'], 1e-9):.2f}")


if __name__ == "__main__":
    main()
