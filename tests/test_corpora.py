"""Corpora in: JSONL, NDJSON and Parquet rows become articles; a broken row is a Skip with its row number."""

from __future__ import annotations

import gzip
import json
import random
import string
import subprocess
import sys
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from missive.documents.reading import read_articles
from missive.model import Document, Skip
from missive.pipeline import read_documents

LETTER = ("PYONGYANG, March 3 (KCNA) -- Kim Jong Un, general secretary of the Workers' Party of Korea, sent a "
          "letter to Vladimir Putin, President of the Russian Federation, on Sunday.")
CALL = "Brazilian President Luiz Inacio Lula da Silva spoke by phone with French President Emmanuel Macron on Monday."


def _write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _by_path(results: list[Document | Skip]) -> dict[str, Document | Skip]:
    return {r.path: r for r in results}


def test_every_jsonl_row_is_an_article_or_a_skip_naming_its_row(tmp_path: Path):
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", [
        {"id": "k1", "text": LETTER, "url": "https://news.example/k1", "published": "2024-03-04"},
        "{not json",
        {"id": "k3", "text": ""},
        ["a", "list"],
        {"id": "k5", "text": 42},
        "",
        "[" * 5000 + "]" * 5000,
        {"id": 7, "html": f"<html><body><article><p>{CALL}</p></article></body></html>"},
    ])
    results = _by_path(list(read_documents([corpus])))
    name = str(corpus)
    assert isinstance(results[f"{name} row 1"], Document) and results[f"{name} row 1"].doc_id == "k1"
    reasons = {path.rsplit(" ", 1)[-1]: r.reason for path, r in results.items() if isinstance(r, Skip)}
    assert reasons == {"2": "malformed", "3": "no_text", "4": "malformed", "5": "malformed", "7": "malformed"}
    assert results[f"{name} row 3"].message() == f"{name} row 3: skipped (no_text): " \
                                                 "the row has no text (no 'text' or 'html' value)"
    page = results[f"{name} row 8"]
    assert isinstance(page, Document) and page.doc_id == "7" and "Macron" in page.original


def test_row_columns_reach_the_metadata_and_unknown_columns_are_kept(tmp_path: Path):
    corpus = _write_jsonl(tmp_path / "wire.ndjson", [
        {"id": "k1", "text": LETTER, "url": "https://news.example/2024/03/04/k1", "published": "2024-03-04T08:00:00Z",
         "title": "Kim writes to Putin", "outlet": "Example Wire", "section": "Asia", "tags": ["dprk", "russia"]},
        {"text": CALL},
    ])
    first, second = read_documents([corpus])
    meta = first.metadata
    assert (meta.title, meta.outlet, meta.url) == ("Kim writes to Putin", "Example Wire",
                                                   "https://news.example/2024/03/04/k1")
    fields = dict(meta.corpus_fields)
    assert fields["published"] == "2024-03-04T08:00:00Z" and fields["section"] == "Asia"
    assert json.loads(fields["tags"]) == ["dprk", "russia"]
    assert second.doc_id == "wire-2" and second.metadata.corpus_fields == ()


def test_a_parquet_corpus_is_read_row_by_row_with_typed_columns(tmp_path: Path):
    table = pa.table({
        "id": ["p1", "p2", "p3"],
        "text": [LETTER, None, CALL],
        "published": pa.array([datetime(2024, 3, 4, 8, tzinfo=timezone.utc), None,
                               datetime(2024, 5, 6, tzinfo=timezone.utc)], pa.timestamp("s", tz="UTC")),
        "outlet": ["Example Wire", "Example Wire", None],
        "words": [25, 0, 18],
    })
    corpus = tmp_path / "corpus.parquet"
    pq.write_table(table, corpus, row_group_size=2)
    results = list(read_documents([corpus]))
    assert [type(r).__name__ for r in results] == ["Document", "Skip", "Document"]
    assert results[1].message().startswith(f"{corpus} row 2: skipped (no_text)")
    fields = dict(results[0].metadata.corpus_fields)
    assert fields["published"] == "2024-03-04T08:00:00+00:00" and fields["words"] == "25"
    assert results[0].metadata.outlet == "Example Wire" and results[2].doc_id == "p3"


def test_a_file_that_is_not_parquet_is_one_skip(tmp_path: Path):
    fake = tmp_path / "broken.parquet"
    fake.write_bytes(b"PAR1 this is not a parquet file")
    [result] = list(read_articles([fake]))
    assert isinstance(result, Skip) and result.reason == "malformed" and result.path == str(fake)


def test_a_folder_reads_its_corpora_and_gzipped_jsonl(tmp_path: Path):
    _write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": LETTER}])
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "b1", "text": CALL}).encode() + b"\n"))
    pq.write_table(pa.table({"id": ["c1"], "text": [CALL]}), tmp_path / "c.parquet")
    _write_jsonl(tmp_path / "d.ndjson", [{"id": "d1", "text": LETTER}])
    assert [r.doc_id for r in read_articles([tmp_path])] == ["a1", "b1", "c1", "d1"]


def _random_text(rnd: random.Random, words: list[str]) -> str:
    return " ".join(rnd.choices(words, k=160))


def test_reading_a_jsonl_corpus_keeps_memory_flat(tmp_path: Path):
    rnd = random.Random(14)
    words = ["".join(rnd.choices(string.ascii_lowercase, k=6)) for _ in range(3000)]
    corpus = _write_jsonl(tmp_path / "big.jsonl", [{"id": i, "text": _random_text(rnd, words)} for i in range(6000)])
    tracemalloc.start()
    count = sum(1 for _ in read_articles([corpus]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 6000
    assert peak < corpus.stat().st_size / 10, f"peak {peak} bytes for a {corpus.stat().st_size}-byte corpus"


def _arrow_peak(corpus: Path) -> tuple[int, int]:
    """(rows read, arrow's peak allocation) of reading a corpus in a fresh process."""
    probe = ("import sys, pyarrow as pa\nfrom pathlib import Path\nfrom missive.documents.reading import read_articles\n"
             "n = sum(1 for _ in read_articles([Path(sys.argv[1])]))\n"
             "print(n, pa.default_memory_pool().max_memory())")
    out = subprocess.run([sys.executable, "-c", probe, str(corpus)], capture_output=True, text=True, check=True)
    count, peak = map(int, out.stdout.split())
    return count, peak


def test_reading_a_parquet_corpus_keeps_memory_flat(tmp_path: Path):
    rnd = random.Random(14)
    words = ["".join(rnd.choices(string.ascii_lowercase, k=6)) for _ in range(3000)]
    peaks = {}
    for rows in (1000, 8000):
        corpus = tmp_path / f"big{rows}.parquet"
        pq.write_table(pa.table({"id": list(range(rows)), "text": [_random_text(rnd, words) for _ in range(rows)]}),
                       corpus, row_group_size=500)
        count, peaks[rows] = _arrow_peak(corpus)
        assert count == rows
    assert peaks[8000] < 1.25 * peaks[1000], f"arrow peaks {peaks} grow with the corpus"


@pytest.mark.model
def test_ingesting_a_parquet_corpus_stores_its_articles_and_names_its_broken_rows(tmp_path: Path):
    from typer.testing import CliRunner

    from missive.cli.app import app
    from missive.store.database import Store

    corpus = tmp_path / "wire.parquet"
    pq.write_table(pa.table({"id": ["k1", "bad", "c1"], "text": [LETTER, " ", CALL],
                             "url": ["https://wire.example/k1", None, "https://wire.example/c1"]}), corpus)
    db = tmp_path / "m.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{corpus} row 2: skipped (no_text)" in result.output
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 2
        assert [s["path"] for s in store.skips()] == [f"{corpus} row 2"]
        urls = dict(store.con.execute("SELECT doc_id, url FROM documents").fetchall())
        assert urls == {"k1": "https://wire.example/k1", "c1": "https://wire.example/c1"}
        assert {e["type"] for e in store.events()} == {"message", "call"}
