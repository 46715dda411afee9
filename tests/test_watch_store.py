"""`missive watch` end to end: a local news server on 127.0.0.1 (tests/news_server.py), rounds through
the real pipeline into real DuckDB files, the CLI as a user runs it (and kills it), the web's home.

Every client time is small, every server sleep bounded, and every subprocess waited for with a
timeout, so no test can hang. The network alone (conditional GET, robots.txt, redirects, caps) is
told in test_watch_fetch.py.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from missive.cli.app import app
from missive.following import FollowedRound, follow, follow_once
from missive.store.database import Sessions, Store
from missive.store.watch_state import is_content_seen, load_source, record_item, save_source, seen_urls
from missive.watch.failures import FailureReason
from missive.watch.fetch import FetchSettings
from missive.watch.sources import SourceKind, parse_sources
from missive.watch.state import ItemOutcome, SeenItem, SourceState
from missive.web.app import create_app

from news_server import (
    ARTICLES,
    ATOM_MODIFIED,
    FIRST_ITEMS,
    TROUBLE_REASONS,
    NewsServer,
    Resource,
    add_troubles,
)

ROOT = Path(__file__).resolve().parents[1]
QUICK = FetchSettings(timeout=0.5, deadline=2.0, max_bytes=100_000, retries=1, backoff=0.01, host_delay=0.0,
                      allow_private=True)
# The same limits for a `missive watch` run as a user starts it (MISSIVE_* variables).
QUICK_ENV = {"MISSIVE_FETCH_TIMEOUT_SECONDS": "0.5", "MISSIVE_FETCH_DEADLINE_SECONDS": "2",
             "MISSIVE_FETCH_MAX_BYTES": "100000", "MISSIVE_HOST_DELAY_SECONDS": "0.01"}
runner = CliRunner(env={"COLUMNS": "250", **QUICK_ENV})


def watch_round(server: NewsServer, db: Path, *paths: str, extractor=None) -> FollowedRound:  # noqa: ANN001
    return follow_once([server.url(path) for path in paths], db, extractor=extractor, fetch_settings=QUICK)


def table(db: Path, sql: str) -> list[tuple]:
    with Store.open(db, read_only=True) as store:
        return store.con.execute(sql).fetchall()


def counts(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        found = store.counts()
        found["consolidated"] = store.con.execute("SELECT count(*) FROM consolidated").fetchone()[0]
        found["watch_items"] = store.con.execute("SELECT count(*) FROM watch_items").fetchone()[0]
        return found


# ---------------------------------------------------------------- rounds into the store


@pytest.mark.model
def test_the_first_round_stores_each_article_with_its_events_and_announces_them(server, tmp_path, extractor):
    db = tmp_path / "watch.duckdb"
    followed = watch_round(server, db, "/rss.xml", "/atom.xml", extractor=extractor)

    assert followed.report.failures == []
    stored = table(db, "SELECT url, title, n_events, content_hash, metadata FROM documents ORDER BY url")
    paths = sorted([*FIRST_ITEMS, "/news/ghana-brazil-visit"])
    assert [(url, title) for url, title, *_ in stored] == [(server.url(p), ARTICLES[p][0]) for p in paths]
    assert all(n_events > 0 for _, _, n_events, *_ in stored)
    items = table(db, "SELECT url, outcome, content_hash FROM watch_items ORDER BY url")
    assert items == [(url, "stored", content_hash) for url, _, _, content_hash, _ in stored]
    ghana = json.loads(stored[0][4])
    dates = {candidate["source"]: candidate for candidate in ghana["date_candidates"]}
    assert "2026-03-02T09:15:00-03:00" in dates["row"]["reason"]  # the feed's stamp, as the feed wrote it
    assert dates["html"]["reason"] == "the page's original publication date (htmldate)"
    assert dict(ghana["corpus_fields"])["feed"] == server.url("/atom.xml")
    announced = {event["event_id"] for event in followed.new_events}
    assert announced == {row[0] for row in table(db, "SELECT event_id FROM consolidated")}
    assert len(announced) == len(followed.new_events)  # each announced once


@pytest.mark.model
def test_a_second_round_with_nothing_new_fetches_no_page_and_stores_nothing(server, tmp_path, extractor):
    db = tmp_path / "watch.duckdb"
    watch_round(server, db, "/rss.xml", "/atom.xml", extractor=extractor)
    before = counts(db)
    server.forget_requests()

    followed = watch_round(server, db, "/rss.xml", "/atom.xml", extractor=extractor)

    assert server.requests_to("/rss.xml")[0].headers.get("If-None-Match") == '"rss-1"'
    assert server.requests_to("/atom.xml")[0].headers.get("If-Modified-Since") == ATOM_MODIFIED
    assert followed.report.unchanged == [server.url("/rss.xml"), server.url("/atom.xml")]
    assert server.page_requests() == []
    assert counts(db) == before and followed.new_events == []


@pytest.mark.model
def test_a_new_item_is_the_only_page_fetched_and_its_events_the_only_ones_announced(server, tmp_path, extractor):
    db = tmp_path / "watch.duckdb"
    watch_round(server, db, "/rss.xml", extractor=extractor)
    before = counts(db)
    server.serve_feed("/rss.xml", ["/news/kenya-norway-call", *FIRST_ITEMS], etag='"rss-2"')
    server.forget_requests()

    followed = watch_round(server, db, "/rss.xml", extractor=extractor)

    assert server.page_requests() == ["/news/kenya-norway-call"]
    assert counts(db)["documents"] == before["documents"] + 1
    assert followed.new_events and {tuple(e["countries"]) for e in followed.new_events} == {("KEN", "NOR")}


@pytest.mark.model
def test_the_same_article_under_another_url_is_fetched_once_and_stored_once(server, tmp_path, extractor):
    db = tmp_path / "watch.duckdb"
    server.serve_page("/news/seoul-condolences?ref=world", "/news/seoul-condolences")
    both = ["/news/seoul-condolences", "/news/seoul-condolences?ref=world"]
    server.serve_feed("/rss.xml", both)

    watch_round(server, db, "/rss.xml", extractor=extractor)
    watch_round(server, db, "/rss.xml", extractor=extractor)

    assert counts(db)["documents"] == 1
    assert table(db, "SELECT url, outcome FROM watch_items ORDER BY url") == [
        (server.url(both[0]), "stored"), (server.url(both[1]), "duplicate")]
    assert server.page_requests() == both  # the second round asked for neither again


@pytest.fixture(params=["UTC", "Pacific/Auckland"])
def machine_zone(request, monkeypatch):
    """The watching machine's own zone: UTC, and one 13 hours ahead in March, where 21:30 +09:00 is
    already the next day. The publisher's day must win over both."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.model
@pytest.mark.parametrize("path, local_day", [
    ("/news/seoul-jakarta-congratulations", date(2026, 3, 3)),  # 21:30 +09:00: 12:30 UTC, 01:30 the 4th in Auckland
    ("/news/seoul-canberra-call", date(2026, 3, 4)),  # 00:30 +09:00: 15:30 UTC on the day before
])
def test_a_feed_item_keeps_its_local_date_as_the_report_day(server, tmp_path, extractor, machine_zone, path,
                                                            local_day):
    """The page and its text carry no date: the feed's stamp alone dates it, and "on Tuesday" /
    "on Wednesday" fall on the publisher's day, whatever the zone of the machine that watches (with
    a UTC or a machine-local report day they would be a week off)."""
    db = tmp_path / "watch.duckdb"
    server.serve_feed("/rss.xml", [path])

    watch_round(server, db, "/rss.xml", extractor=extractor)

    [(start, end, reason)] = table(db, "SELECT report_start, report_end, report_reason FROM documents")
    assert (start, end) == (local_day, local_day) and reason.startswith("row date")
    assert local_day in {row[0] for row in table(db, "SELECT date_min FROM events")}


# ---------------------------------------------------------------- the command, its failures, a kill


@pytest.fixture
def troubled(server):
    add_troubles(server, ["/news/mongolia-chile-visas"])
    return server


@pytest.mark.model
def test_each_failure_is_one_line_with_its_reason_and_the_round_completes(troubled, tmp_path):
    db = tmp_path / "watch.duckdb"
    urls = [troubled.url(path) for path in ("/troubled.xml", "/broken.xml", "/atom.xml")]

    result = runner.invoke(app, ["watch", *urls, "--once", "--allow-private", "--db", str(db)])

    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    for path, reason in TROUBLE_REASONS.items():
        [line] = [line for line in lines if line.startswith(f"{troubled.url(path)}: ")]
        assert line.startswith(f"{troubled.url(path)}: {reason}")
    assert {row[0] for row in table(db, "SELECT url FROM documents")} == {
        troubled.url("/news/mongolia-chile-visas"), troubled.url("/news/ghana-brazil-visit")}
    new_lines = [line for line in result.stdout.splitlines() if line.startswith("new  ")]
    assert len(new_lines) == counts(db)["consolidated"] > 0
    assert {line.split()[1] for line in new_lines} == {row[0] for row in table(db, "SELECT event_id FROM consolidated")}

    listing = runner.invoke(app, ["watch", "--list", "--db", str(db)])
    assert listing.exit_code == 0
    [broken] = [line for line in listing.stdout.splitlines() if "/broken.xml" in line]
    assert "1: malformed_feed" in broken
    [atom] = [line for line in listing.stdout.splitlines() if "/atom.xml" in line]
    assert "Last-Modified" in atom and "1 stored" in atom


def test_a_private_address_is_refused_without_allow_private(server, tmp_path):
    db = tmp_path / "watch.duckdb"

    result = runner.invoke(app, ["watch", server.url("/rss.xml"), "--once", "--db", str(db)])

    assert result.exit_code == 1
    assert f"{server.url('/rss.xml')}: private_address" in result.stderr
    assert server.paths() == []


def run_watch(server: NewsServer, db: Path, *paths: str) -> subprocess.Popen:
    """`missive watch --once` in a process of its own, as cron would start it."""
    command = [str(Path(sys.executable).with_name("missive")), "watch", *(server.url(p) for p in paths), "--once",
               "--allow-private", "--db", str(db)]
    env = {**os.environ, **QUICK_ENV, "MISSIVE_FETCH_TIMEOUT_SECONDS": "60", "MISSIVE_FETCH_DEADLINE_SECONDS": "60"}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_request(server: NewsServer, path: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not server.requests_to(path):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"{path} never asked for: {process.communicate(timeout=30)}")
        time.sleep(0.1)


@pytest.mark.model
def test_a_watch_killed_mid_round_and_restarted_stores_each_item_once(server, tmp_path):
    db = tmp_path / "watch.duckdb"
    items = [*FIRST_ITEMS, "/news/slow", "/news/kenya-norway-call"]
    server.serve_page("/news/slow", "/news/ghana-brazil-visit", delay=30.0)
    server.serve_feed("/rss.xml", items, etag='"rss-1"')

    killed = run_watch(server, db, "/rss.xml")
    wait_for_request(server, "/news/slow", killed, seconds=240)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)

    assert {row[0] for row in table(db, "SELECT url FROM documents")} == {server.url(p) for p in FIRST_ITEMS}
    assert table(db, "SELECT count(*) FROM watch_sources") == [(0,)]  # validators come last: none saved
    server.serve_page("/news/slow", "/news/ghana-brazil-visit")
    restarted = run_watch(server, db, "/rss.xml")
    output, errors = restarted.communicate(timeout=300)

    assert restarted.returncode == 0, errors
    assert sorted(row[0] for row in table(db, "SELECT url FROM documents")) == sorted(server.url(p) for p in items)
    assert table(db, "SELECT count(*), count(DISTINCT url) FROM watch_items") == [(4, 4)]
    assert [server.page_requests().count(p) for p in items] == [1, 1, 2, 1]
    assert "If-None-Match" not in server.requests_to("/rss.xml")[1].headers  # re-read in full, not a 304
    assert {line.split()[1] for line in output.splitlines() if line.startswith("new  ")} <= {
        row[0] for row in table(db, "SELECT event_id FROM consolidated")}


class Stop(Exception):
    """Ends a `follow` loop from its sleep."""


def test_the_loop_polls_a_source_again_only_when_it_is_due(server, tmp_path):
    server.serve_feed("/rss.xml", [], etag='"empty"')
    rounds, naps = [], []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 2:
            raise Stop

    with pytest.raises(Stop):
        follow([server.url("/rss.xml")], tmp_path / "watch.duckdb", every=timedelta(hours=1), fetch_settings=QUICK,
               on_round=rounds.append, sleep=nap)

    assert [(len(r.report.read), len(r.report.not_due)) for r in rounds] == [(1, 0), (0, 1)]
    assert len(server.requests_to("/rss.xml")) == 1
    assert 3000 < naps[0] <= 3600  # until the source is due again (an hour, less the slack for cron)


def test_a_round_that_finds_the_store_held_by_another_writer_says_so_and_waits(server, tmp_path):
    db = tmp_path / "watch.duckdb"
    errors, naps = [], []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        raise Stop

    with Sessions(db).exclusive(), pytest.raises(Stop):
        follow([server.url("/rss.xml")], db, every=timedelta(minutes=5), fetch_settings=QUICK, on_error=errors.append,
               sleep=nap)

    assert len(errors) == 1 and "round not run" in errors[0] and "is writing this store" in errors[0]
    assert naps == [300.0] and server.paths() == []


# ---------------------------------------------------------------- what is new, on the web and in old stores


@pytest.mark.model
def test_the_home_page_lists_the_events_first_seen_since_a_time(server, tmp_path, extractor):
    db = tmp_path / "watch.duckdb"
    followed = watch_round(server, db, "/rss.xml", extractor=extractor)
    client = TestClient(create_app(db))

    recent = client.get("/index.json").json()["new"]
    assert {e["event_id"] for e in recent["events"]} == {e["event_id"] for e in followed.new_events}
    later = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert client.get(f"/index.json?new_since={later}").json()["new"]["events"] == []
    page = client.get("/").text
    assert "New since" in page and all(f"/event/{e['event_id']}" in page for e in followed.new_events)


def test_an_older_store_learns_when_it_first_saw_each_event(tmp_path):
    path = tmp_path / "old.duckdb"
    path.write_bytes(gzip.decompress((ROOT / "tests" / "fixtures" / "store_2e830dd.duckdb.gz").read_bytes()))
    with Store.open(path) as store:
        rows = store.con.execute("SELECT c.first_seen, min(d.ingested_at) FROM consolidated c JOIN documents d"
                                 " ON list_contains(c.docs, d.doc_id) GROUP BY c.event_id, c.first_seen").fetchall()
    assert rows and all(first_seen == earliest for first_seen, earliest in rows)


def test_the_example_sources_file_reads_without_a_bad_line():
    sources, bad = parse_sources([str(ROOT / "examples" / "sources.txt")])
    assert bad == [] and len(sources) >= 3


def test_a_sources_memory_and_its_items_survive_in_the_store(tmp_path):
    """What a round leaves in the store is what the next one reads back, time zones included."""
    polled = datetime(2026, 3, 4, 9, 15, tzinfo=timezone(timedelta(hours=9)))
    state = SourceState("https://wire.example.com/rss", SourceKind.FEED, '"v7"', "Wed, 04 Mar 2026 00:00:00 GMT",
                        polled, polled - timedelta(hours=1), 2, FailureReason.TIMEOUT, "ReadTimeout")
    item = SeenItem("https://wire.example.com/a", state.url, polled, ItemOutcome.GIVEN_UP, reason="not_found")
    with Store.open(tmp_path / "watch.duckdb") as store:
        save_source(store, state)
        record_item(store, item)
        record_item(store, replace(item, outcome=ItemOutcome.DUPLICATE, content_hash="ab12", reason=""))
    with Store.open(tmp_path / "watch.duckdb", read_only=True) as store:
        assert load_source(store, state.url) == state
        assert load_source(store, "https://other.example.org/feed") == SourceState("https://other.example.org/feed")
        assert seen_urls(store, [item.url, "https://wire.example.com/b"]) == {item.url}
        assert is_content_seen(store, "ab12") and not is_content_seen(store, "cd34")
