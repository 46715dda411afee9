"""Corpora across processes: Dask workers extract, one writer stores, a killed run resumes.

Real processes throughout: `missive ingest` runs as a subprocess with a Dask LocalCluster of two
workers, into a real DuckDB file, compared with the one-process ingest of the same corpus.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from missive.documents.portions import plan_portions, read_portion
from missive.documents.reading import read_articles
from missive.model import Skip

MISSIVE = shutil.which("missive", path=str(Path(sys.executable).parent)) or "missive"
STORY = [
    "August 30, 2024\n\nTOKYO - Indian Prime Minister Narendra Modi visited Japan on Friday and held talks with "
    "Japanese Prime Minister Fumio Kishida on trade and security, officials said.",
    "August 6, 2024\n\nNIAMEY - Niger severed diplomatic relations with Ukraine on Tuesday, the military government "
    "said in a statement read on state television.",
    "July 2, 2024\n\nKazakhstan and Uzbekistan signed an agreement on sharing water from the Syr Darya in Tashkent on "
    "Monday, the two foreign ministries said.",
    "July 9, 2024\n\nFrench President Emmanuel Macron spoke by phone with Brazilian President Luiz Inacio Lula da Silva "
    "on Monday about climate finance, the Elysee said.",
    "June 5, 2024\n\nChinese President Xi Jinping sent a message to Mexican President-elect Claudia Sheinbaum on "
    "Tuesday to congratulate her on her election victory, state media reported.",
    "May 20, 2024\n\nPakistani Prime Minister Shehbaz Sharif sent a message of condolences to Iran's acting President "
    "Mohammad Mokhber on Monday after the death of President Ebrahim Raisi.",
]


def _story(n: int) -> str:
    """A unique article: one of the stories, with a closing line of its own."""
    return f"{STORY[n % len(STORY)]}\nThis is item {n} of the wire's daily digest."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples: Path) -> Path:
    """A folder holding every kind of input: text files, JSONL, gzipped JSONL, Parquet (row groups of 2)."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = folder / "texts"
    shutil.copytree(examples, texts)
    (folder / "wire.jsonl").write_text("".join(json.dumps({"id": f"j{n}", "text": _story(n), "outlet": "Wire"}) + "\n"
                                               for n in range(0, 14)) + "{broken\n", encoding="utf-8")
    (folder / "late.jsonl.gz").write_bytes(gzip.compress("".join(
        json.dumps({"id": f"g{n}", "text": _story(n)}) + "\n" for n in range(14, 20)).encode()))
    pq.write_table(pa.table({"id": [f"p{n}" for n in range(20, 30)], "text": [_story(n) for n in range(20, 30)],
                             "url": [f"https://wire.example/{n}" for n in range(20, 30)]}),
                   folder / "archive.parquet", row_group_size=2)
    return folder


ARTICLES = 5 + 14 + 6 + 10


def _ingest(corpus: Path, db: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([MISSIVE, "ingest", str(corpus), "--db", str(db), *options],
                          capture_output=True, text=True, timeout=600)


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {"documents": sorted(con.sql("SELECT * EXCLUDE (ingested_at) FROM documents").fetchall()),
                "events": sorted(con.sql("SELECT * FROM events").fetchall()),
                "consolidated": sorted(con.sql("SELECT event_id, flat::VARCHAR FROM consolidated").fetchall()),
                "skips": sorted(con.sql("SELECT path, reason, detail FROM skips").fetchall())}
    finally:
        con.close()


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    result = _ingest(corpus, db)
    assert result.returncode == 0, result.stderr
    return _tables(db)


def test_portions_cover_every_input_once_in_order(corpus: Path):
    portions = [p for p in plan_portions([corpus], 3) if not isinstance(p, Skip)]
    assert {p.kind for p in portions} == {"files", "jsonl", "rows", "parquet"}
    read = [a.path for p in portions for a in read_portion(p)]
    assert read == [a.path for a in read_articles([corpus])]
    assert len(read) == ARTICLES + 1 and len({p.key for p in portions}) == len(portions)


def test_a_portion_key_changes_with_its_rows_and_not_with_the_others(corpus: Path, tmp_path: Path):
    wire = tmp_path / "wire.jsonl"
    shutil.copy(corpus / "wire.jsonl", wire)
    before = [p.key for p in plan_portions([wire], 5)]
    lines = wire.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[7] = lines[7].replace("digest", "summary")
    wire.write_text("".join(lines), encoding="utf-8")
    after = [p.key for p in plan_portions([wire], 5)]
    assert [a == b for a, b in zip(before, after)] == [True, False, True]



def _worker_profiles(dask_worker) -> bool:  # noqa: ANN001 - a distributed.Worker
    return "profile" in dask_worker.periodic_callbacks or bool(dask_worker.profile_history)


def test_the_local_clusters_workers_keep_no_profile_history():
    """Dask's statistical profiler keeps a profile a second for 1,000 seconds (about 0.13 MB each with
    spaCy's stacks): a worker's memory would grow with the run's length (issue 14's memory_growth)."""
    from missive.batch import dask_client

    with dask_client(1) as client:
        time.sleep(2)  # more than a profile cycle
        assert client.run(_worker_profiles) and not any(client.run(_worker_profiles).values())


@pytest.mark.model
def test_two_workers_store_exactly_what_one_process_stores(corpus: Path, one_process: dict, tmp_path: Path):
    db = tmp_path / "two.duckdb"
    result = _ingest(corpus, db, "--workers", "2", "--shard-size", "3")
    assert result.returncode == 0, result.stderr
    assert f"{ARTICLES} new articles" in result.stderr and "1 skipped" in result.stderr
    assert "wire.jsonl row 15: skipped (malformed)" in result.stderr
    stored = _tables(db)
    assert len(stored["documents"]) == ARTICLES and stored["events"]
    for table in ("documents", "events", "consolidated", "skips"):
        assert stored[table] == one_process[table], table


def _shards(db: Path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql("SELECT shard_key, n_documents FROM ingest_shards").fetchall()
    finally:
        con.close()


@pytest.mark.model
def test_a_corpus_ingest_killed_mid_run_resumes_and_holds_each_article_once(corpus: Path, one_process: dict,
                                                                            tmp_path: Path):
    db = tmp_path / "killed.duckdb"
    run = subprocess.Popen([MISSIVE, "ingest", str(corpus), "--db", str(db), "--workers", "2", "--shard-size", "2"],
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 600
    stored = 0
    while stored < 3 and time.monotonic() < deadline:
        line = run.stderr.readline()
        assert line or run.poll() is None, "the ingest ended before it could be killed"
        stored += line.startswith("shard ")
    os.killpg(run.pid, signal.SIGKILL)  # the client, the nanny and the workers: the whole session
    run.wait()
    assert run.returncode == -signal.SIGKILL
    shards = _shards(db)
    documents = len(_tables(db)["documents"])
    assert 3 <= len(shards) and documents < ARTICLES, "the kill came too late to test a resume"
    assert documents == sum(n for _, n in shards), "a shard was half stored"
    resumed = _ingest(corpus, db, "--workers", "2", "--shard-size", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(shards)} shards" in resumed.stderr and "were stored by an earlier run" in resumed.stderr
    after = _tables(db)
    assert [row[1] for row in after["documents"]].count("j3") == 1
    assert len(after["documents"]) == ARTICLES == len({row[1] for row in after["documents"]})
    for table in ("documents", "events", "consolidated", "skips"):
        assert after[table] == one_process[table], table


@pytest.fixture
def cluster(tmp_path: Path):
    """A Dask cluster as users run one: `dask scheduler` and one `dask worker`, real processes."""
    dask = shutil.which("dask", path=str(Path(sys.executable).parent)) or "dask"
    address_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen([dask, "scheduler", "--port", "0", "--no-dashboard", "--scheduler-file",
                                  str(address_file)], stderr=subprocess.DEVNULL, start_new_session=True)
    worker = None
    try:
        deadline = time.monotonic() + 120
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        worker = subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard"],
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        yield address
    finally:
        for process in (worker, scheduler):
            if process is not None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.mark.model
def test_a_running_dask_cluster_extracts_what_one_process_does(corpus: Path, one_process: dict, cluster: str,
                                                               tmp_path: Path):
    db = tmp_path / "cluster.duckdb"
    result = subprocess.run([MISSIVE, "ingest", str(corpus / "wire.jsonl"), "--db", str(db), "--scheduler", cluster],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "14 new articles" in result.stderr
    stored = _tables(db)
    expected = {row[0] for row in one_process["documents"] if row[1].startswith("j")}
    assert {row[0] for row in stored["documents"]} == expected
    assert stored["events"] and stored["events"] == [e for e in one_process["events"] if e[1] in expected]


@pytest.mark.model
def test_new_versions_replace_the_old_in_workers_as_in_one_process(tmp_path: Path, examples: Path):
    """An edited file and a corpus id given twice (in different shards): the workers store the later
    version over the earlier, count it as a replacement, and end where one process ends."""
    folder = tmp_path / "corpus"
    shutil.copytree(examples, folder / "texts")
    rows = [{"id": f"r{n}", "text": _story(n)} for n in range(5)]
    rows.append({"id": "r1", "text": _story(1).replace("daily digest", "weekly digest")})  # row 6 updates row 2
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "workers.duckdb"
    first = _ingest(folder, db, "--workers", "2", "--shard-size", "2")
    assert first.returncode == 0, first.stderr
    assert "11 new articles (1 replacing an earlier version)" in first.stderr
    assert "the store holds 10 articles (was 0)" in first.stderr
    edited = folder / "texts" / "000_98b24cfb14349093.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "sent a letter to North Korean leader Kim Jong-un", "sent a letter to Russian President Vladimir Putin"),
        encoding="utf-8")
    again = _ingest(folder, db, "--workers", "2", "--shard-size", "2")
    assert again.returncode == 0, again.stderr
    assert "1 new articles (1 replacing an earlier version)" in again.stderr
    assert "the store holds 10 articles (was 10)" in again.stderr
    fresh = tmp_path / "one.duckdb"
    assert _ingest(folder, fresh).returncode == 0
    stored, expected = _tables(db), _tables(fresh)
    assert [row[1] for row in stored["documents"]].count("r1") == 1
    for table in ("documents", "events", "consolidated", "skips"):
        assert stored[table] == expected[table], table
