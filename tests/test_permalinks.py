"""A saved event link keeps working: after a file is renamed, a new source joins and a forced re-ingest.

The story of an analyst: ingest the five example articles with the real CLI into a real DuckDB file,
bookmark every event page, then live through what happens to a store, opening each bookmark through
the web application after every step.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from missive.cli.app import app
from missive.pipeline import read_documents
from missive.store.database import Store
from missive.web.app import create_app

pytestmark = pytest.mark.model
runner = CliRunner()
NEW_SOURCE = """Xi writes back to Kim on China's founding anniversary

SEOUL, Nov. 2, 2023 (Wire) -- Chinese President Xi Jinping sent a reply letter to North Korean leader Kim Jong Un, \
thanking him for his message on the 74th anniversary of the founding of the People's Republic of China, North \
Korea's state news agency said on Thursday.
"I sincerely hope that the brotherly Korean people will achieve new and greater results in the cause of socialist \
construction," Xi wrote, according to the agency.
"""


def ingest(folder: Path, db: Path, *flags: str) -> None:
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), *flags])
    assert result.exit_code == 0, result.output


def event_ids(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [e["event_id"] for e in store.consolidated()]


def assert_every_bookmark_opens(db: Path, bookmarks: dict[str, set[str]]) -> None:
    """Each saved id opens an event page holding (at least) the reports it held when saved."""
    client = TestClient(create_app(db))
    for event_id, reports in bookmarks.items():
        page = client.get(f"/event/{event_id}")
        assert page.status_code == 200, (event_id, page.status_code)
        data = client.get(f"/event/{event_id}.json").json()
        held = {r["event_id"] for r in data["event"]["reports"]}
        assert reports <= held, event_id
        if data["event"]["event_id"] != event_id:
            assert f"Event <code>{event_id}</code> was merged into" in page.text


@pytest.fixture()
def folder(tmp_path: Path, examples: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(examples, target)
    return target


def test_saved_event_links_survive_rename_new_source_and_forced_reingest(tmp_path: Path, folder: Path):
    db = tmp_path / "missive.duckdb"
    ingest(folder, db)
    with Store.open(db, read_only=True) as store:
        bookmarks = {e["event_id"]: {r["event_id"] for r in e["reports"]} for e in store.consolidated()}
    assert len(bookmarks) > 10

    first = sorted(folder.glob("*.txt"))[0]
    first.rename(folder / "renamed-by-the-analyst.txt")
    ingest(folder, db)
    ingest(folder, db, "--force")
    assert event_ids(db) and sorted(event_ids(db)) == sorted(bookmarks)
    assert_every_bookmark_opens(db, bookmarks)

    (folder / "wire-copy.txt").write_text(NEW_SOURCE, encoding="utf-8")
    ingest(folder, db)
    with Store.open(db, read_only=True) as store:
        joined = [e for e in store.consolidated() if "wire-copy" in e["docs"] and len(e["docs"]) > 1]
    assert joined and all(e["event_id"] in bookmarks for e in joined)  # a later source keeps the id
    assert_every_bookmark_opens(db, bookmarks)

    ingest(folder, db, "--force")
    assert_every_bookmark_opens(db, bookmarks)


def test_a_withdrawn_event_answers_410_and_is_published(tmp_path: Path, folder: Path):
    db = tmp_path / "missive.duckdb"
    ingest(folder, db)
    [doc] = list(read_documents([sorted(folder.glob("*.txt"))[0]]))
    with Store.open(db) as store:
        gone = [e["event_id"] for e in store.consolidated() if e["docs"] == [doc.doc_id]]
        store.save_document(doc, [])  # read again, the article asserts nothing: its events are withdrawn
    assert gone
    client = TestClient(create_app(db))
    for event_id in gone:
        page = client.get(f"/event/{event_id}")
        assert page.status_code == 410 and "withdrawn" in page.text
    retired = client.get("/retired.json").json()["retired"]
    assert set(gone) <= {r["old_id"] for r in retired if r["reason"] == "withdrawn"}
