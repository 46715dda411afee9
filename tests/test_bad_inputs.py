"""Every hostile input beside good articles: each gives its one line, the good ones are stored.

One batch holds the five bundled articles and every case of tests/hostile.py (big files are made
at test time in tmp); it goes through `missive extract` and `missive ingest` as real processes,
as a user runs them. Time and memory per case alone: benchmarks/bad_inputs.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import ARTICLE, CORPUS_ROWS, CORPUS_STORED, build_all, many_lines
from missive.store.database import Store

pytestmark = pytest.mark.model
MISSIVE = str(Path(sys.executable).parent / "missive")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("hostile") / "batch"
    built = build_all(folder)
    for article in examples.glob("*.txt"):
        shutil.copy(article, folder / article.name)
    return folder, built


def _run_over(folder: Path, built: dict, *args: str) -> subprocess.CompletedProcess[str]:
    """The command over the batch and a missing path, as a user runs it: it succeeds, prints no
    traceback, and gives each bad input its line."""
    run = subprocess.run([MISSIVE, *args[:1], str(folder), "/no/such/article.txt", *args[1:]], capture_output=True,
                         text=True, timeout=600, env={"PATH": "/usr/bin:/bin", "COLUMNS": "400", "HOME": str(Path.home())})
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    _check_lines(run.stderr, folder, built)
    return run


def _lines_for(stderr: str, name: str) -> list[str]:
    """The Skip lines of a file (and of its rows: 'corpus.jsonl row 7: skipped (...)')."""
    where = [(line, line.split(": skipped (")[0]) for line in stderr.splitlines() if ": skipped (" in line]
    return [line for line, path in where if path.endswith("/" + name) or path.split(" row ")[0].endswith("/" + name)]


def _check_lines(stderr: str, folder: Path, built: dict) -> None:
    for name, case in built.items():
        lines = _lines_for(stderr, name)
        if case.expect == "stored":
            assert lines == [], f"{name} was to be stored: {lines}"
        elif case.expect == "rows":
            for row, reason in CORPUS_ROWS.items():
                assert [line for line in lines if line.startswith(f"{folder}/{name} row {row}: skipped ({reason})")], \
                    f"{name} row {row}: no '{reason}' line in {lines}"
            assert len(lines) == len(CORPUS_ROWS), lines
        else:
            assert len(lines) == 1 and f": skipped ({case.expect})" in lines[0], f"{name}: {lines}"
    missing = "/no/such/article.txt"
    assert [line for line in stderr.splitlines() if line.startswith(f"{missing}: skipped (missing)")]


def test_extract_gives_one_line_per_bad_input_and_the_good_events(batch, tmp_path: Path, examples: Path):
    out = tmp_path / "events.jsonl"
    _run_over(*batch, "extract", "-o", str(out))
    docs = {json.loads(line)["doc"] for line in out.read_text().splitlines()}
    assert {p.stem for p in examples.glob("*.txt")} <= docs


def test_ingest_stores_the_good_articles_and_a_skip_row_per_bad_input(batch, tmp_path: Path, examples: Path):
    built = batch[1]
    db = tmp_path / "store.duckdb"
    run = _run_over(*batch, "ingest", "--db", str(db))
    with Store.open(db, read_only=True) as store:
        ids = {r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()}
        n_docs = store.counts()["documents"]
        skips = store.skips()
    assert {p.stem for p in examples.glob("*.txt")} <= ids
    stored = {name.rsplit(".", 1)[0] for name, case in built.items() if case.expect == "stored"}
    assert {"utf16", "control", "scripts", "caf\\xe9-\\xff"} <= stored
    assert stored <= ids and CORPUS_STORED <= ids
    bad = sum(1 for c in built.values() if c.expect not in ("stored", "rows")) + len(CORPUS_ROWS) + 1
    assert len(skips) == bad
    summary = run.stderr.strip().splitlines()[-1]
    assert f"the store holds {n_docs} articles (was 0)" in summary
    inputs, new = int(summary.split(" inputs:")[0]), int(summary.split("inputs: ")[1].split(" new")[0])
    assert inputs == new + bad + int(summary.split(", ")[1].split(" unchanged")[0].split()[-1])


def test_loading_the_model_is_no_articles_time(tmp_path: Path, examples: Path):
    """A budget of 3 CPU seconds (a tenth of the default) times out none of the bundled articles: the
    model's loading is charged to none of them, and wall-clock waits on a busy machine do not count."""
    run = subprocess.run([MISSIVE, "extract", str(examples), "-o", str(tmp_path / "ev.jsonl")], capture_output=True,
                         text=True, timeout=600, env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()),
                                                      "MISSIVE_ARTICLE_SECONDS": "2"})
    assert run.returncode == 0 and "timed_out" not in run.stderr, run.stderr
    assert "5 articles" in run.stderr


def test_an_article_past_its_time_budget_is_timed_out_and_the_rest_stored(tmp_path: Path, examples: Path):
    """A 1.9 MB article (under the size cap) costs more CPU seconds (6-7 on this machine) than a
    budget of 2 allows: it is one timed_out line, and the good articles beside it, among them two
    files of one name in two folders (ids come from content, not the name), are all stored."""
    batch = tmp_path / "batch"
    shutil.copytree(examples, batch)
    long_one = many_lines(batch)
    for folder, day in (("desk-a", "Tuesday"), ("desk-b", "Wednesday")):
        (batch / folder).mkdir()
        (batch / folder / "letter.txt").write_text(ARTICLE.replace("Monday", day), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    run = subprocess.run([MISSIVE, "ingest", str(batch), "--db", str(db)], capture_output=True, text=True, timeout=600,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "COLUMNS": "400",
                              "MISSIVE_ARTICLE_SECONDS": "2"})
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert [line for line in run.stderr.splitlines() if ": skipped (" in line] == \
        [line for line in run.stderr.splitlines() if line.startswith(f"{long_one}: skipped (timed_out)")]
    assert len([line for line in run.stderr.splitlines() if ": skipped (" in line]) == 1
    with Store.open(db, read_only=True) as store:
        paths = {r[0] for r in store.con.execute("SELECT path FROM documents").fetchall()}
        assert [s["reason"] for s in store.skips()] == ["timed_out"]
    assert {str(batch / f / "letter.txt") for f in ("desk-a", "desk-b")} <= paths and len(paths) == 7
    assert "7 new articles" in run.stderr and "the store holds 7 articles (was 0)" in run.stderr


def test_an_article_out_of_time_as_its_grounding_ends_leaves_the_others_their_own_events(extractor):
    """An article whose budget runs out just as its dating and actors finish is a Skip, and each
    article after it in the batch keeps its own events (they were once shifted one article on:
    a good article got the timed-out one's results and the next one its neighbour's events)."""
    from missive.budget import Budget
    from missive.pipeline import Budgeted, build_document, process

    texts = {"late": ARTICLE, "call": "Brazilian President Luiz Inacio Lula da Silva spoke by phone with French "
                                      "President Emmanuel Macron on Monday.",
             "visit": "Indian Prime Minister Narendra Modi visited Japan on Friday and held talks with Japanese "
                      "Prime Minister Fumio Kishida."}
    docs = [build_document(name, text) for name, text in texts.items()]
    items = [Budgeted(docs[0], Budget(0.0)), *(Budgeted(d, Budget(30.0)) for d in docs[1:])]
    late, call, visit = process(items, extractor)
    assert late.reason == "timed_out" and "dating and actors" in late.detail
    assert call[0].doc_id == "call" and {e.type for e in call[1].events} == {"call"}
    assert visit[0].doc_id == "visit" and {e.type for e in visit[1].events} == {"meeting"}
