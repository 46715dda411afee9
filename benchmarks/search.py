"""Word search through the store's word index against splitting every evidence text, in one run.

Builds a DuckDB store of N synthetic reports (30 words each, drawn from a 20,000-word vocabulary
plus a few diplomatic words), indexes their words as the store does (missive.store.words), and
times the same queries both ways. The last line is `ratio_scan_to_index X` (how many times
faster the index answers).

    .venv/bin/python benchmarks/search.py [--n 300000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from missive.store.words import WORD_SPLIT, CREATE_SQL, reports_with_words

QUERIES = (["letter"], ["letter", "anniversary"], ["w17", "w42"])


def build(con: duckdb.DuckDBPyConnection, n: int) -> None:
    random.seed(1)
    vocab = [f"w{i}" for i in range(20000)] + ["letter", "congratulatory", "anniversary", "call", "summit"]
    evidence = [" ".join(random.choices(vocab, k=30)) for _ in range(n)]
    table = pa.table({"event_id": [f"{i:016x}" for i in range(n)], "content_hash": [f"h{i}" for i in range(n)],
                      "evidence": evidence, "occasion": [""] * n})
    con.register("rows", table)
    con.execute("CREATE TABLE events AS SELECT * FROM rows")
    con.execute(CREATE_SQL)


def timed(run) -> tuple[float, int]:
    start = time.perf_counter()
    found = run()
    return time.perf_counter() - start, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300_000)
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as folder:
        con = duckdb.connect(str(Path(folder) / "search.duckdb"))
        build(con, n)
        ratios = []
        for words in QUERIES:
            scan, a = timed(lambda: con.execute(
                "SELECT count(*) FROM events WHERE list_has_all(regexp_split_to_array(lower(evidence), ?), ?)",
                [WORD_SPLIT, words]).fetchone()[0])
            index, b = timed(lambda: len(reports_with_words(con, words)))
            assert a == b, (words, a, b)
            ratios.append(scan / index)
            print(f"{' '.join(words):24} {a:6} reports   scan {scan:.3f} s   index {index:.3f} s")
    print(f"ratio_scan_to_index {statistics.median(ratios):.1f}")


if __name__ == "__main__":
    main()
