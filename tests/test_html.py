"""HTML articles: trafilatura's main text (no comments, no navigation) and metadata, then cleaning."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from missive.documents.clean import clean_text
from missive.documents.html import extract_html
from missive.documents.metadata import extract_metadata

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer" / "article-extraction-benchmark"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Leaders exchange letters on treaty anniversary | Example Times</title>
<meta property="og:title" content="Leaders exchange letters on treaty anniversary">
<meta property="og:site_name" content="Example Times">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-07-12T08:50:00+09:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Leaders exchange letters on treaty anniversary</h1>
<p>The leaders of two neighbouring countries exchanged personal letters on Sunday to mark the sixtieth
anniversary of their treaty of friendship, the state news agency reported.</p>
<p>In his letter, the first leader said the treaty had become a cornerstone of peace and stability in the
region and pledged to deepen strategic communication between the two sides.</p>
<p>The second leader replied that the friendship forged over six decades would grow stronger with the
passage of time, according to the report published on Monday morning.</p>
<p>Analysts said the exchange, which came without any visit by senior officials, reflected the long border
closures that both governments have maintained in recent years.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>This is a reader comment that should never be part of the article text at all.</p></div>
</section>
</body></html>"""
URL = "https://www.example.com/world/2021/07/12/leaders-exchange-letters"


def test_main_text_without_navigation_or_reader_comments():
    text, _ = extract_html(PAGE, URL)
    assert "exchanged personal letters on Sunday" in text
    assert "reader comment" not in text
    assert "Home" not in text.splitlines()


def test_html_metadata_reaches_the_article_metadata():
    text, meta = extract_html(PAGE, URL)
    assert meta["title"] == "Leaders exchange letters on treaty anniversary"
    assert (meta["date"], meta["sitename"], meta["author"]) == ("2021-07-12", "Example Times", "Jane Roe")
    cleaned = clean_text(text).cleaned
    metadata = extract_metadata(text, cleaned, url=URL, html_meta=meta)
    assert {(c.source, c.value.isoformat()) for c in metadata.date_candidates} >= {
        ("html", "2021-07-12"), ("url", "2021-07-12")}
    assert (metadata.outlet, metadata.author) == ("Example Times", "Jane Roe")


@pytest.mark.parametrize("html", ["", "   ", "<html><body></body></html>",
                                  "<html><head><script>var x = 1;</script></head><body><div></div></body></html>"])
def test_pages_without_an_article_give_no_text(html):
    assert extract_html(html) == ("", {})


@pytest.mark.skipif(not PEER.exists(), reason="../shared/peer benchmark is not present")
def test_benchmark_pages_clean_to_text_that_maps_back():
    truth = json.loads((PEER / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in list(truth.items())[:5]:
        html = gzip.decompress((PEER / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        text, _ = extract_html(html, item["url"])
        result = clean_text(text)
        assert result.cleaned.strip()
        assert all(text[result.offsets.to_original(i)] == ch for i, ch in enumerate(result.cleaned))
