"""What an analyst does with the pages: filter, download what is shown, open a country, search.

A real DuckDB store of real articles with events read by hand (tests/surfaces_store.py), served
by the real application through TestClient; no model. The browser tests do the same clicks in
chromium over the extractor's own events.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from missive.web import pages
from missive.web.app import create_app
from surfaces_store import build_store, label_of

ALL = {"greeting", "ties", "ties reply", "birthday", "kim letter", "xi letter", "vientiane meeting", "call",
       "summit", "treaty", "envoy"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_store(tmp_path_factory.mktemp("pages") / "pages.duckdb")))


def _labels(rows: list[dict]) -> list[str]:
    return [label_of(r) for r in rows]


def _shown_ids(html: str) -> list[str]:
    return re.findall(r'<article class="event[^"]*" id="e-([0-9a-f]+)"', html)


def _events_of(data: dict) -> list[dict]:
    if "timeline" in data:
        return [e for g in data["timeline"] for e in g["events"]]
    return data["events"]


@pytest.mark.parametrize("query, kept", [
    ("", ALL),
    ("type=call&type=meeting", {"vientiane meeting", "call", "summit"}),
    ("medium=reply", {"ties reply"}),
    ("since=2024", {"vientiane meeting", "call", "summit", "treaty"}),  # the undated envoy leaves
    ("since=2024&undated=1", {"vientiane meeting", "call", "summit", "treaty", "envoy"}),
    ("since=2019-10-02&until=2019-10-31", {"ties", "ties reply"}),  # exact days
    ("until=2019", {"greeting", "ties", "ties reply"}),
    ("peg=background", {"birthday", "kim letter", "vientiane meeting"}),
    ("peg=news&type=message", {"greeting", "ties", "ties reply", "xi letter"}),
    ("min_sources=2", {"greeting"}),
    ("min_confidence=0.8&type=message", {"greeting", "ties", "ties reply", "kim letter", "xi letter"}),
    ("outlet=tass", {"birthday", "summit", "treaty"}),
    ("since=abc&type=bogus&min_sources=x", ALL),  # a typo in a box means 'no filter', not an error page
])
def test_every_filter_keeps_what_it_says(client: TestClient, query: str, kept: set[str]):
    data = client.get(f"/events.json?{query}").json()
    assert set(_labels(data["events"])) == kept and data["n_shown"] == len(kept)
    assert client.get(f"/events?{query}").status_code == 200


@pytest.mark.parametrize("url, kept", [
    ("/pair/CHN/PRK.json?direction=from", {"xi letter"}),  # China wrote to North Korea
    ("/pair/CHN/PRK.json?direction=to", {"greeting", "ties", "kim letter"}),
    ("/pair/PRK/CHN.json?direction=from", {"greeting", "ties", "kim letter"}),
    ("/country/PRK.json?direction=mutual", {"summit", "treaty"}),
    ("/country/PRK.json?direction=to", {"xi letter", "envoy"}),
])
def test_a_direction_is_seen_from_the_first_country(client: TestClient, url: str, kept: set[str]):
    assert set(_labels(_events_of(client.get(url).json()))) - {"ties reply"} == kept


@pytest.mark.parametrize("page, query", [
    ("/pair/CHN/PRK", "type=message&since=2019-10-02"),
    ("/pair/PRK/RUS", ""),
    ("/country/PRK", "peg=news&sort=date"),
    ("/events", "type=message&sort=sources"),
    ("/search", "q=Xi+Jinping"),
])
def test_a_download_holds_exactly_the_rows_the_page_shows(client: TestClient, page: str, query: str):
    html = client.get(f"{page}?{query}").text
    shown = _shown_ids(html)
    assert shown and shown == [e["event_id"] for e in _events_of(client.get(f"{page}.json?{query}").json())]
    as_csv = client.get(f"{page}.csv?{query}")
    assert as_csv.headers["content-type"].startswith("text/csv") and "attachment" in as_csv.headers["content-disposition"]
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(as_csv.text))] == shown
    lines = client.get(f"{page}.jsonl?{query}").text.splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == shown
    table = pq.read_table(io.BytesIO(client.get(f"{page}.parquet?{query}").content))
    assert table.column("event_id").to_pylist() == shown
    assert str(table.schema.field("date_min").type) == "date32[day]"


def test_the_download_links_carry_the_page_filters(client: TestClient):
    html = client.get("/pair/CHN/PRK?type=message&since=2019-10-02&peg=news").text
    links = re.findall(r'href="(/pair/CHN/PRK\.(?:csv|jsonl|parquet)[^"]*)"', html)
    assert len(links) == 3
    for href in links:
        query = href.split("?", 1)[1].replace("&amp;", "&")
        assert set(query.split("&")) == {"type=message", "since=2019-10-02", "peg=news"}


def test_the_country_page_ranks_partners_and_counts_by_type_and_direction(client: TestClient):
    data = client.get("/country/PRK.json").json()
    assert [(p["partner"], p["n"]) for p in data["partners"]] == [("CHN", 5), ("RUS", 3), ("CUB", 1)]
    assert data["partners"][0]["by_direction"] == {"from": 3, "to": 2}
    assert data["tally"]["by_type_direction"]["meeting"] == {"from": 0, "to": 0, "mutual": 1}
    assert data["tally"]["by_type"] == {"message": 6, "meeting": 1, "agreement": 1, "relations": 1}
    assert _labels(data["events"])[:2] == ["summit", "treaty"] or _labels(data["events"])[:2] == ["treaty", "summit"]
    html = client.get("/country/PRK").text
    assert 'href="/pair/PRK/CHN"' in html and '<svg class="chart"' in html
    assert client.get("/country/prk", follow_redirects=False).headers["location"].startswith("/country/PRK")
    missing = client.get("/country/ATA")
    assert missing.status_code == 404 and "No event involving Antarctica (ATA)" in missing.text


@pytest.mark.parametrize("per, periods", [("year", ["2019", "2020", "2021", "2022", "2023", "2024"]), ("month", None)])
def test_the_chart_stacks_every_type_per_year_or_month(client: TestClient, per: str, periods):
    data = client.get(f"/country/PRK.json?per={per}").json()["chart"]
    assert data["unit"] == per and data["unplaced"] == 1  # the undated envoy cannot be drawn
    drawn = {(p, t) for p, t, _ in data["counts"]}
    assert {t for _, t in drawn} == {"message", "meeting", "agreement"}
    if periods:
        html = client.get(f"/country/PRK?per={per}").text
        assert all(f">{p}</text>" in html for p in ("2019", "2024"))


def test_the_home_lists_every_pair_and_country_sorted_and_paged(client: TestClient, monkeypatch):
    monkeypatch.setattr(pages, "TABLE_SIZE", 3)
    data = client.get("/index.json").json()
    assert [(p["a"], p["b"]) for p in data["pairs"]] == [("CHN", "PRK"), ("PRK", "RUS"), ("LAO", "VNM")]
    assert data["n_pairs"] == 4 and data["pair_paging"]["pages"] == 2
    second = client.get("/index.json?pairs_page=2&countries_by=name").json()
    assert [(p["a"], p["b"]) for p in second["pairs"]] == [("CUB", "PRK")]
    assert [c["name"] for c in second["countries"]] == ["China", "Cuba", "Laos"]
    html = client.get("/?pairs_page=2").text
    assert 'href="/pair/CUB/PRK"' in html and "pairs_page=1" in html


@pytest.mark.parametrize("query, found, because", [
    ("TASS", {"birthday", "summit", "treaty"}, "reported by TASS"),
    ("diplomatic relations", {"ties"}, "its occasion mentions"),
    ("phone call", {"call"}, "its evidence has the words “phone”, “call”"),
    ("Putin", {"birthday", "summit", "treaty"}, "names Vladimir Putin"),
])
def test_search_finds_outlets_occasions_leaders_and_words(client: TestClient, query: str, found: set[str], because: str):
    data = client.get("/search.json", params={"q": query}).json()
    assert set(_labels(data["events"])) == found
    assert all(any(because in why for why in e["found_because"]) for e in data["events"])


def test_a_short_id_as_the_command_line_prints_it_opens_the_event(client: TestClient):
    event_id = client.get("/pair/CHN/PRK.json?type=message&medium=letter").json()["timeline"][0]["events"][0]["event_id"]
    response = client.get(f"/event/{event_id[:8]}", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"].startswith(f"/event/{event_id}")


def test_every_decision_on_the_event_page_says_why(client: TestClient):
    greeting = client.get("/events.json?min_sources=2").json()["events"][0]
    html = client.get(f"/event/{greeting['event_id']}").text
    for words in ("why these parties", "source: Kim Jong Un named in the sentence", "“Tuesday” in the text",
                  "named elsewhere in the article", "read from the evidence around the trigger",
                  "near-duplicate articles (wire copies) count as one source", "on a 0–1 scale", "Why one event"):
        assert words in html.replace("&#34;", "“"), words
    assert "<details class=\"why-date\"><summary>" in html


@pytest.mark.parametrize("url", ["/", "/events", "/country/PRK", "/pair/CHN/PRK", "/search?q=Kim", "/pair/PRK/RUS"])
def test_no_page_shows_a_python_repr(client: TestClient, url: str):
    html = client.get(url).text
    events = re.findall(r'id="e-([0-9a-f]+)"', html)
    for page in [html] + [client.get(f"/event/{e}").text for e in events[:6]]:
        text = re.sub(r"<[^>]+>", " ", page)
        assert not re.search(r"\{'|\('|\[\s*'|': ", text), re.search(r".{40}(\{'|\('|\[\s*'|': ).{40}", text)
