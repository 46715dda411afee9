"""The web pages over a real DuckDB store: bundled articles, hand-built events, no spaCy model.

The events are written by hand (like spaCy's hand-built Docs) so these tests pin what the pages
show, whatever the extractor finds this week; the browser tests cover the extractor's output.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from missive.pipeline import build_document, read_documents
from missive.model import Actor, DateWindow, Document, Event, Skip, Span
from missive.store.database import Store
from missive.web.app import create_app
from missive.web.chart import events_chart, fill_periods
from missive.web.highlight import Layer, LayerKind, excerpt_bounds, render_text

XI = Actor("Xi Jinping", "CHN", role="head_of_state", reason="named in the sentence")
KIM = Actor("Kim Jong Un", "PRK", role="head_of_state", reason="'North Korean leader' on the report day")
HOSTILE = ("Leaders exchange letters.\n<script>window.__pwned = 1</script>\n"
           "<img src=x onerror=\"window.__pwned = 2\"> Chinese President Xi Jinping sent a letter to "
           "Kim Jong Un on 3 May 2022.\n")


def _span(doc: Document, phrase: str) -> Span:
    start = doc.original.index(phrase)
    return Span(doc.doc_id, start, start + len(phrase), phrase)


def _letter(doc: Document, phrase: str, src: Actor, tgt: Actor, lo: date, hi: date, **kw) -> Event:
    return Event(doc_id=doc.doc_id, type="message", source=src, target=tgt, medium=kw.pop("medium", "letter"),
                 when=DateWindow(lo, hi, "range" if lo != hi else "day", kw.pop("why", "test window")),
                 evidence=(_span(doc, phrase),), reasons=("trigger 'letter'", "sender named in the sentence"), **kw)


def _events_000(doc: Document) -> list[Event]:
    kim = _letter(doc, "a congratulatory message from Kim last month", KIM, XI, date(2023, 10, 1),
                  date(2023, 10, 31), medium="message", occasion="74th anniversary of the founding of the PRC",
                  background=True, why="'last month' before the report")
    xi = _letter(doc, "Xi Jinping sent a letter to North Korean leader Kim Jong-un", XI, KIM, date(2023, 10, 28),
                 date(2023, 10, 28), medium="reply", reported_by=("KCNA",), in_reply_to=kim.event_id,
                 why="'dated Saturday' before the Thursday report")
    april = _letter(doc, "They did so in April", KIM, XI, date(2023, 4, 1), date(2023, 4, 30), background=True)
    return [april, kim, xi]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    docs = {d.doc_id: d for d in read_documents([examples]) if isinstance(d, Document)}
    hostile = build_document("hostile", HOSTILE, path="hostile.txt")
    with Store.open(path) as store:
        doc = docs["000_98b24cfb14349093"]
        store.save_document(doc, _events_000(doc))
        store.save_document(hostile, [_letter(hostile, "Xi Jinping sent a letter", XI, KIM,
                                              date(2022, 5, 3), date(2022, 5, 3))])
        store.save_skip(Skip("broken.bin", "binary", "the file holds binary data (NUL bytes)"))
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _ids_in_order(html: str) -> list[str]:
    return re.findall(r'<article class="event[^"]*" id="e-([0-9a-f]+)"', html)


@pytest.mark.parametrize("url, kind", [
    ("/", "text/html"), ("/index.json", "application/json"), ("/pair/CHN/PRK", "text/html"),
    ("/pair/CHN/PRK.json", "application/json"), ("/article/000_98b24cfb14349093", "text/html"),
    ("/article/hostile.json", "application/json"), ("/search?q=Xi+Jinping", "text/html"),
    ("/static/missive.css", "text/css"), ("/static/missive.js", "text/javascript"),
])
def test_every_page_answers_with_its_kind(client: TestClient, url: str, kind: str):
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith(kind)
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_the_pair_page_lists_the_letters_oldest_first(client: TestClient):
    data = client.get("/pair/CHN/PRK.json").json()
    events = [e for group in data["timeline"] for e in group["events"]]
    starts = [e["date_min"] for e in events]
    assert starts == sorted(starts) and len(events) == 4
    assert [g["year"] for g in data["timeline"]] == [2022, 2023]
    assert _ids_in_order(client.get("/pair/CHN/PRK").text) == [e["event_id"] for e in events]


def test_the_pair_page_shows_direction_window_sources_and_chart(client: TestClient):
    html = client.get("/pair/CHN/PRK").text
    assert "Xi Jinping (China) → Kim Jong Un (North Korea)" in html
    assert "October 2023" in html and "&#39;last month&#39; before the report" in html
    assert "1 independent source" in html and "mentioned as background" in html
    svg = re.search(r"<svg class=\"chart\".*?</svg>", html, re.S).group(0)
    assert svg.count('class="t-message"') == 1 + 3  # the legend, and May 2022, April and October 2023


@pytest.mark.parametrize("query, shown_years, n_shown", [
    ("", [2022, 2023], 4),
    ("?since=2023", [2023], 3),
    ("?until=2022", [2022], 1),
    ("?type=call", [], 0),
    ("?since=abc&type=bogus", [2022, 2023], 4),  # a typo in a box means 'no filter', not an error page
])
def test_the_pair_filters_by_type_and_years(client: TestClient, query: str, shown_years: list[int], n_shown: int):
    data = client.get(f"/pair/CHN/PRK.json{query}").json()
    assert [g["year"] for g in data["timeline"]] == shown_years
    assert data["n_shown"] == n_shown and data["n_total"] == 4
    assert client.get(f"/pair/CHN/PRK{query}").status_code == 200


def test_a_lowercase_pair_lands_on_the_canonical_page(client: TestClient):
    response = client.get("/pair/chn/prk?type=message", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/pair/CHN/PRK?type=message"


def _event_id(client: TestClient, occasion_word: str = "", medium: str = "") -> str:
    data = client.get("/pair/CHN/PRK.json").json()
    return next(e["event_id"] for g in data["timeline"] for e in g["events"]
                if occasion_word in (e["occasion"] or "") and (not medium or e["medium"] == medium))


def test_the_event_page_marks_the_evidence_inside_the_article(client: TestClient):
    html = client.get(f"/event/{_event_id(client, medium='reply')}").text
    assert re.search(r'<mark class="evidence"[^>]*>Xi Jinping sent a letter to North Korean leader Kim Jong-un</mark>',
                     html)
    assert "trigger &#39;letter&#39;" in html  # the reasons behind the report
    assert "&#39;dated Saturday&#39; before the Thursday report" in html


def test_a_reply_and_the_message_it_answers_link_to_each_other(client: TestClient):
    reply, message = _event_id(client, medium="reply"), _event_id(client, occasion_word="74th")
    assert client.get(f"/event/{reply}.json").json()["in_reply_to"]["event_id"] == message
    assert f'href="/event/{message}"' in client.get(f"/event/{reply}").text
    answers = client.get(f"/event/{message}.json").json()["answers"]
    assert [a["event_id"] for a in answers] == [reply]


def test_a_report_id_leads_to_the_event_holding_it(client: TestClient):
    event = client.get(f"/event/{_event_id(client, medium='reply')}.json").json()["event"]
    report_id = event["reports"][0]["event_id"]
    if report_id == event["event_id"]:
        pytest.skip("this store does not consolidate: reports are the events")
    response = client.get(f"/event/{report_id}", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == f"/event/{event['event_id']}#report-{report_id}"


def test_the_article_page_marks_events_and_strikes_what_cleaning_removed(client: TestClient):
    data = client.get("/article/000_98b24cfb14349093.json").json()
    assert len(data["reports"]) == 3 and data["document"]["removals"]
    html = client.get("/article/000_98b24cfb14349093").text
    assert html.count('<del class="removed"') >= len(data["document"]["removals"])
    reason = data["document"]["removals"][0]["reason"]
    assert f'title="removed by cleaning: {reason}"' in html
    for report in data["reports"]:
        assert f'id="m-{report["event_id"]}"' in html
        assert f'href="/event/{report["owner"]}"' in html


def test_an_article_carrying_script_shows_it_as_text(client: TestClient):
    html = client.get("/article/hostile").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    assert "<script>window" not in html and "<img src=x" not in html


@pytest.mark.parametrize("url, words", [
    ("/pair/CHN/USA", "No interaction between China (CHN) and United States"),
    ("/pair/XXX/YYY", "No interaction between XXX (XXX) and YYY (YYY)"),
    ("/event/0000000000000000", "No event"),
    ("/article/no-such-article", "No article"),
    ("/no/such/page", "Not Found"),
])
def test_a_missing_page_answers_404_in_words(client: TestClient, url: str, words: str):
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in response.text and words in response.text and 'href="/"' in response.text


@pytest.mark.parametrize("url", ["/pair/CHN/USA.json", "/event/0000000000000000.json", "/article/nope.json"])
def test_a_missing_json_twin_answers_404_in_json(client: TestClient, url: str):
    response = client.get(url)
    assert response.status_code == 404 and response.json()["status"] == 404


@pytest.mark.parametrize("query, location", [
    ("China and North Korea", "/pair/CHN/PRK"),
    ("CHN PRK", "/pair/CHN/PRK"),
    ("prk / chn", "/pair/PRK/CHN"),
    ("Xi Jinping Kim Jong Un", "/pair/CHN/PRK"),
])
def test_the_search_box_takes_a_pair_in_many_spellings(client: TestClient, query: str, location: str):
    response = client.get("/search", params={"q": query}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == location


@pytest.mark.parametrize("query, pair, event", [
    ("North Korea", True, False),
    ("Xi Jinping", True, True),
    ("nobody at all", False, False),
])
def test_the_search_box_takes_a_country_or_a_leader(client: TestClient, query: str, pair: bool, event: bool):
    data = client.get("/search.json", params={"q": query}).json()
    assert bool(data["pairs"]) is pair and bool(data["events"]) is event
    assert client.get("/search", params={"q": query}).status_code == 200


def test_the_home_page_shows_the_corpus_at_a_glance(client: TestClient):
    data = client.get("/index.json").json()
    assert data["counts"]["documents"] == 2 and data["counts"]["events"] == 4
    assert [(p["a"], p["b"], p["n"]) for p in data["pairs"]] == [("CHN", "PRK", 4)]
    assert [(c["iso3"], c["n"], c["partners"]) for c in data["countries"]] == [("CHN", 4, 1), ("PRK", 4, 1)]
    assert [s["reason"] for s in data["skip_reasons"]] == ["binary"]
    html = client.get("/").text
    assert 'href="/pair/CHN/PRK"' in html and "broken.bin" in html and 'name="q"' in html


def test_serving_never_writes_the_store(db: Path, client: TestClient):
    before = db.read_bytes()
    for url in ("/", "/pair/CHN/PRK", "/article/hostile", "/search?q=Xi"):
        client.get(url)
    assert db.read_bytes() == before


@pytest.mark.parametrize("counts, periods", [
    ([], []),
    ([("2020", "message", 1)], ["2020"]),
    ([("2018", "call", 1), ("2018", "message", 2), ("2021", "meeting", 1)], ["2018", "2019", "2020", "2021"]),
    ([("2023-11", "message", 1), ("2024-02", "call", 3)], ["2023-11", "2023-12", "2024-01", "2024-02"]),
])
def test_the_chart_draws_every_period_between_the_first_and_the_last(counts, periods):
    """The silent periods are drawn empty; each type is a layer of its period's bar."""
    assert [p.label for p in fill_periods(counts)] == periods
    svg = str(events_chart(counts, "events"))
    bars = len(re.findall(r'<rect class="t-[a-z]+" x="[0-9.]+" y="[0-9.]+" width="[0-9.]+" height="[0-9.]+"><title>', svg))
    assert bars == len(counts)


@pytest.mark.parametrize("text, layers, html", [
    ("a <b> c", [], "a &lt;b&gt; c"),
    ("Xi wrote to Kim", [Layer(3, 8, "evidence", event_id="e1")],
     'Xi <span class="anchor" id="m-e1"></span><mark class="evidence" data-events="e1" title="">wrote</mark> to Kim'),
    ("ab", [Layer(0, 2, "evidence", event_id="e1"), Layer(0, 2, "evidence", event_id="e2")],  # both land
     '<span class="anchor" id="m-e1"></span><span class="anchor" id="m-e2"></span>'
     '<mark class="evidence" data-events="e1 e2" title="">ab</mark>'),
    ("abcdef", [Layer(0, 4, "removed", "menu"), Layer(2, 6, "quote")],
     '<del class="removed" title="removed by cleaning: menu">ab</del>'
     '<del class="removed" title="removed by cleaning: menu"><mark class="quote" data-events="" title="">cd</mark></del>'
     '<mark class="quote" data-events="" title="">ef</mark>'),
    ("short", [Layer(3, 99, "quote"), Layer(4, 2, "evidence")], 'sho<mark class="quote" data-events="" title="">rt</mark>'),
])
def test_marked_text_is_escaped_and_layers_may_overlap(text: str, layers: list[Layer], html: str):
    assert str(render_text(text, layers)) == html


@pytest.mark.parametrize("text, spans, bounds", [
    ("one\ntwo\nthree\nfour", [(4, 7)], (0, 13)),
    ("one\ntwo\nthree\nfour", [(0, 3)], (0, 7)),
    ("\n\nevidence here\n\n\nlater", [(2, 10)], (2, 23)),  # blank lines are no context
    ("evidence\n\n", [(0, 8)], (0, 8)),  # nor an edge
    ("one\ntwo\nthree\nfour", [(15, 99)], (8, 18)),  # a span past the end is cut to it
])
def test_an_excerpt_is_the_evidence_lines_and_their_neighbours(text: str, spans, bounds):
    assert excerpt_bounds(text, spans) == bounds


def test_serve_refuses_a_store_that_does_not_exist(tmp_path: Path):
    from typer.testing import CliRunner

    from missive.cli.app import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output


def test_a_layer_kind_is_one_of_the_closed_set():
    assert Layer(0, 2, "quote").kind is LayerKind.QUOTE
    with pytest.raises(ValueError):
        Layer(0, 2, "highlight")  # a typo must not become a CSS class nobody styles
