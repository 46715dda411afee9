"""An analyst's clicks, in Debian's chromium, against `missive serve` over the demo store.

The store is built once per session by `missive demo` (the real extractor) plus one hostile
article; the server runs as a subprocess on 127.0.0.1. The extractor improves in parallel, so
these tests assert orders and presence, never exact counts.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from screenshots import CHROMIUM, CHROMIUM_ARGS, MISSIVE, free_port, wait_until_up  # noqa: E402 - one way to serve

pytestmark = [pytest.mark.browser, pytest.mark.model]

HOSTILE = ("Pyongyang, May 4 (KCNA) -- Leaders exchange letters.\n"
           "<script>window.__pwned = 1</script>\n"
           "<img src=x onerror=\"window.__pwned = 2\"> Chinese President Xi Jinping sent a letter to "
           "North Korean leader Kim Jong Un on Tuesday, state media reported.\n")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("browser")
    db = folder / "demo.duckdb"
    subprocess.run([*MISSIVE, "demo", "--db", str(db)], check=True, capture_output=True, timeout=300)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    subprocess.run([*MISSIVE, "ingest", str(folder / "hostile.txt"), "--db", str(db)], check=True,
                   capture_output=True, timeout=300)
    return db


@pytest.fixture(scope="session")
def base_url(demo_db: Path) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen([*MISSIVE, "serve", "--db", str(demo_db), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(base_url: str):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, base_url: str):
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    yield tab
    context.close()


def _json(base_url: str, path: str) -> dict:
    with urllib.request.urlopen(base_url + path, timeout=10) as fh:
        return json.load(fh)


def _timeline(base_url: str) -> list[dict]:
    return [e for g in _json(base_url, "/pair/CHN/PRK.json")["timeline"] for e in g["events"]]


def test_the_pair_page_lists_the_bundled_letters_in_date_order(page, base_url: str):
    page.goto("/pair/CHN/PRK")
    shown = page.locator("article.event").evaluate_all("nodes => nodes.map(n => n.id.slice(2))")
    events = _timeline(base_url)
    assert shown == [e["event_id"] for e in events]
    dated = [e["date_min"] or e["date_max"] for e in events if e["date_min"] or e["date_max"]]
    assert dated == sorted(dated)
    letters = [e for e in events if e["type"] == "message" and e["source_country"] == "CHN"]
    assert len(letters) >= 2, "the bundled articles report several letters from Xi to Kim"
    years = page.locator("section.year h3").all_inner_texts()
    assert [y for y in years if y.isdigit()] == sorted(y for y in years if y.isdigit())


def test_clicking_an_event_shows_its_evidence_highlighted_in_the_article(page, base_url: str):
    page.goto("/pair/CHN/PRK")
    first = page.locator("article.event:not(.background) a.title").first
    first.click()
    page.wait_for_url("**/event/**")
    mark = page.locator("blockquote.excerpt mark.evidence").first
    mark.wait_for(state="visible")
    assert mark.inner_text().strip()
    colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    event_id = page.url.split("/event/")[1].split("#")[0]
    data = _json(base_url, f"/event/{event_id}.json")
    spans = data["reports"][0]["evidence_spans"]
    original = data["reports"][0]["document"]["original"]
    assert mark.inner_text() in original[spans[0][0]:spans[0][1]]


def _bar_heights(page) -> list[float]:
    return page.locator("svg.chart rect[class^='t-']").evaluate_all("rects => rects.map(r => r.getBBox().height)")


def test_the_chart_renders(page):
    page.goto("/pair/CHN/PRK")
    chart = page.locator("svg.chart")
    chart.wait_for(state="visible")
    box = chart.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100
    assert any(h > 10 for h in _bar_heights(page))


def test_a_script_inside_an_ingested_article_does_not_execute(page):
    errors: list[str] = []
    page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
    page.goto("/article/hostile")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.locator(".text.article").inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator(".text.article script, .text.article img").count() == 0 and not errors


@pytest.mark.parametrize("path, words", [
    ("/pair/CHN/ATA", "No interaction between China"),
    ("/event/0000000000000000", "No event"),
    ("/article/no-such-article", "No article"),
])
def test_a_missing_pair_or_event_answers_404_with_a_readable_page(page, path: str, words: str):
    response = page.goto(path)
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Not found"
    assert words in page.locator("p.detail").inner_text()
    page.locator("a[href='/']").first.click()
    page.wait_for_url("**/")


def test_the_pages_work_without_javascript(browser, base_url: str):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/")
    tab.fill("input[name=q]", "China and North Korea")
    tab.press("input[name=q]", "Enter")
    tab.wait_for_url("**/pair/CHN/PRK")
    tab.check("input[name=type][value=message]")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**type=message**")
    badges = tab.locator("article.event .badge").all_inner_texts()
    assert badges and {b.lower() for b in badges} == {"message"}
    context.close()


def test_the_article_page_can_show_only_the_cleaned_text(page, base_url: str):
    doc_id = _timeline(base_url)[0]["doc"]
    page.goto(f"/article/{doc_id}")
    removed = page.locator(".text.article del.removed")
    if removed.count() == 0:
        pytest.skip(f"cleaning removed nothing from {doc_id}")
    assert removed.first.is_visible()
    page.check("#hide-removed")
    assert not removed.first.is_visible()
    cleaned = _json(base_url, f"/article/{doc_id}.json")["document"]["cleaned"]
    shown = page.locator(".text.article").inner_text()
    assert " ".join(shown.split()) == " ".join(cleaned.split())


def test_a_filtered_pair_page_downloads_a_csv_of_the_rows_it_shows(page, tmp_path: Path):
    page.goto("/pair/CHN/PRK")
    page.check("input[name=type][value=message]")
    page.fill("input[name=since]", "2020")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**since=2020**")
    shown = page.locator("article.event").evaluate_all("nodes => nodes.map(n => n.id.slice(2))")
    assert shown, "the demo store holds messages between China and North Korea since 2020"
    with page.expect_download() as saved:
        page.click("p.downloads a:text('CSV')")
    path = tmp_path / saved.value.suggested_filename
    saved.value.save_as(path)
    assert path.name == "pair-CHN-PRK.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["event_id"] for r in rows] == shown
    assert {r["type"] for r in rows} == {"message"} and min(r["date_max"] or "9999" for r in rows) >= "2020"


def test_the_country_page_lists_partners_and_draws_its_chart(page):
    page.goto("/country/PRK")
    partners = page.locator("table.partners tbody tr td:first-child a").all_inner_texts()
    assert "China" in partners
    page.locator("table.partners a", has_text="China").first.click()
    page.wait_for_url("**/pair/PRK/CHN")
    page.goto("/country/PRK?per=month")
    page.locator("svg.chart").wait_for(state="visible")
    assert any(h > 10 for h in _bar_heights(page))
    legend = page.locator("svg.chart text.legend").all_text_contents()
    assert "message" in legend


PHONE_PAGES = ["/", "/events", "/pair/CHN/PRK", "/country/PRK", "/search?q=Xi+Jinping", "/search?q=letter",
               "/article/hostile", "/pair/CHN/ATA"]


def test_no_page_is_wider_than_a_phone(browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    events = _timeline(base_url)
    paths = PHONE_PAGES + [f"/event/{e['event_id']}" for e in events[:3]] + [f"/article/{events[0]['doc']}"]
    too_wide = {}
    for path in paths:
        tab.goto(path)
        width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            too_wide[path] = width
    context.close()
    assert too_wide == {}
