"""Watching feeds over real HTTP: a local news server on 127.0.0.1 (tests/news_server.py), started
and stopped by each test, and the network half of `missive watch` (missive.watch) against it.

Every client time is small and every server sleep is bounded, so no test can hang. What the
store makes of the pages is told in test_watch_store.py.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import metadata
from pathlib import Path

import pytest

from missive.documents.date_candidates import published_day
from missive.watch.addresses import is_public_address
from missive.watch.failures import FailureReason, FetchFailure
from missive.watch.feeds import read_feed
from missive.watch.fetch import Fetched, Fetcher, FetchSettings, NotModified, Validators, default_user_agent
from missive.watch.rounds import watch_round
from missive.watch.sources import Source, SourceKind, classify_body, parse_sources
from missive.watch.state import ItemOutcome, MemoryLedger, SourceState

from news_server import (
    ARTICLES,
    ATOM_MODIFIED,
    TROUBLE_REASONS,
    NewsServer,
    Resource,
    add_troubles,
)


def quick_settings(**overrides: object) -> FetchSettings:
    """Small times so every failure shows within a second, and the local server allowed."""
    values: dict[str, object] = dict(timeout=0.5, deadline=2.0, max_bytes=100_000, retries=2,
                                     backoff=0.01, max_backoff=2.0, host_delay=0.0, allow_private=True)
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def fetcher():
    with Fetcher(quick_settings()) as client:
        yield client


def sources(server: NewsServer, *paths: str) -> list[Source]:
    return [Source(server.url(path), "test") for path in paths]


# ---------------------------------------------------------------- rounds over feeds


def test_first_round_reads_rss_and_atom_and_hands_over_every_page(server, fetcher):
    ledger = MemoryLedger()
    report = watch_round(sources(server, "/rss.xml", "/atom.xml"), ledger, fetcher)

    assert report.failures == []
    assert [result.seen.url for result in report.pages] == [server.url(path) for path in (
        "/news/seoul-condolences", "/news/mongolia-chile-visas", "/news/ghana-brazil-visit")]
    ghana = ledger.pages[2]
    assert "first by a Ghanaian foreign minister" in ghana.html
    assert ghana.title == ARTICLES["/news/ghana-brazil-visit"][0]
    assert ghana.feed_url == server.url("/atom.xml") and ghana.feed_title == "Southern Desk"
    assert ghana.published == "2026-03-02T09:15:00-03:00"
    row = ghana.as_row()
    assert (row["url"], row["published"], row["feed"]) == (ghana.final_url, ghana.published, ghana.feed_url)
    assert ledger.source_state(server.url("/rss.xml")).kind is SourceKind.FEED
    assert ledger.source_state(server.url("/rss.xml")).etag == '"rss-1"'
    assert ledger.source_state(server.url("/atom.xml")).last_modified == ATOM_MODIFIED


def test_second_round_with_nothing_new_gets_304s_and_fetches_no_page(server, fetcher):
    ledger = MemoryLedger()
    watch_round(sources(server, "/rss.xml", "/atom.xml"), ledger, fetcher)
    server.forget_requests()

    report = watch_round(sources(server, "/rss.xml", "/atom.xml"), ledger, fetcher)

    assert report.pages == [] and report.failures == []
    assert report.unchanged == [server.url("/rss.xml"), server.url("/atom.xml")]
    assert server.requests_to("/rss.xml")[0].headers.get("If-None-Match") == '"rss-1"'
    assert server.requests_to("/atom.xml")[0].headers.get("If-Modified-Since") == ATOM_MODIFIED
    assert server.page_requests() == []
    assert len(ledger.pages) == 3


def test_a_new_item_in_the_feed_is_the_only_page_fetched(server, fetcher):
    ledger = MemoryLedger()
    watch_round(sources(server, "/rss.xml"), ledger, fetcher)
    paths = ["/news/kenya-norway-call", "/news/seoul-condolences", "/news/mongolia-chile-visas"]
    server.serve_feed("/rss.xml", paths, etag='"rss-2"')
    server.forget_requests()

    report = watch_round(sources(server, "/rss.xml"), ledger, fetcher)

    assert [result.seen.url for result in report.pages] == [server.url("/news/kenya-norway-call")]
    assert server.page_requests() == ["/news/kenya-norway-call"]
    assert ledger.source_state(server.url("/rss.xml")).etag == '"rss-2"'


def test_a_feed_item_keeps_its_date_as_written_zone_included(server, fetcher):
    ledger = MemoryLedger()
    watch_round(sources(server, "/rss.xml"), ledger, fetcher)

    seoul = ledger.pages[0]
    assert seoul.published == "Tue, 03 Mar 2026 21:30:00 +0900"
    assert published_day(seoul.as_row()["published"]) == date(2026, 3, 3)


# A Seoul item stamped 00:30 +09:00 is on the UTC day before, an evening item in New York on the UTC
# day after: the report day is the publisher's day, read from the stamp as the feed wrote it.
@pytest.mark.parametrize("stamp, day", [
    ("Tue, 03 Mar 2026 21:30:00 +0900", date(2026, 3, 3)),
    ("Wed, 04 Mar 2026 00:30:00 +0900", date(2026, 3, 4)),
    ("2026-03-04T00:30:00+09:00", date(2026, 3, 4)),
    ("Mon, 02 Mar 2026 21:30:00 -0500", date(2026, 3, 2)),
    ("2026-03-02T21:30:00-05:00", date(2026, 3, 2)),
    ("2026-03-02T08:00:00Z", date(2026, 3, 2)),
    ("Mon, 02 Mar 2026 08:00:00 -0000", date(2026, 3, 2)),
    ("Mon, 02 Mar 2026 08:00:00", date(2026, 3, 2)),
])
def test_a_feed_stamp_names_the_publishers_day_not_the_utc_one(stamp, day):
    assert published_day(stamp) == day


# ---------------------------------------------------------------- failures, one each


@pytest.fixture
def troubled(server):
    add_troubles(server, ["/news/seoul-condolences"])
    return server


EXPECTED_FAILURES = {path: FailureReason(reason) for path, reason in TROUBLE_REASONS.items()}


def test_each_broken_item_gives_one_failure_with_its_reason_and_the_round_completes(troubled, fetcher):
    ledger = MemoryLedger()
    report = watch_round(sources(troubled, "/troubled.xml", "/broken.xml", "/atom.xml"), ledger, fetcher)

    reasons = {failure.url.removeprefix(troubled.base): failure.reason for failure in report.failures}
    assert reasons == EXPECTED_FAILURES
    assert len(report.failures) == len(EXPECTED_FAILURES)
    assert [result.seen.url for result in report.pages] == [
        troubled.url("/news/seoul-condolences"), troubled.url("/news/ghana-brazil-visit")]
    for failure in report.failures:
        assert failure.message.startswith(f"{failure.url}: {failure.reason.value}")
        assert "\n" not in failure.message
    broken = ledger.source_state(troubled.url("/broken.xml"))
    assert (broken.consecutive_failures, broken.last_failure) == (1, FailureReason.MALFORMED_FEED)


def test_permanent_failures_are_not_asked_again_and_a_timeout_is_retried_next_round(troubled, fetcher):
    ledger = MemoryLedger()
    watch_round(sources(troubled, "/troubled.xml"), ledger, fetcher)
    given_up = {url.removeprefix(troubled.base): seen.reason for url, seen in ledger.items.items()
                if seen.outcome is ItemOutcome.GIVEN_UP}
    assert given_up == {"/news/missing": "not_found", "/news/big": "too_large", "/news/big-streamed": "too_large",
                        "/news/loop-a": "redirect_loop"}
    troubled.forget_requests()

    report = watch_round(sources(troubled, "/troubled.xml"), ledger, fetcher)

    # the slow item is still pending, so the feed was read again in full, not answered with a 304
    assert "If-None-Match" not in troubled.requests_to("/troubled.xml")[0].headers
    assert troubled.page_requests() == ["/news/slow"]
    assert [failure.reason for failure in report.failures] == [FailureReason.TIMEOUT]


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/pub/news.xml"])
def test_a_redirect_to_another_scheme_is_refused(server, fetcher, location):
    server.routes["/moved"] = Resource(status=301, headers={"Location": location})

    outcome = fetcher.fetch(server.url("/moved"))

    assert isinstance(outcome, FetchFailure)
    assert outcome.reason is FailureReason.BAD_SCHEME
    assert location in outcome.message


def test_a_redirect_chain_longer_than_the_cap_stops(server):
    for hop in range(4):
        server.routes[f"/hop{hop}"] = Resource(status=302, headers={"Location": f"/hop{hop + 1}"})
    server.routes["/hop4"] = Resource(b"<html><body>end</body></html>")
    with Fetcher(quick_settings(max_redirects=2)) as short, Fetcher(quick_settings()) as usual:
        assert short.fetch(server.url("/hop0")).reason is FailureReason.TOO_MANY_REDIRECTS
        assert isinstance(usual.fetch(server.url("/hop0")), Fetched)


def test_a_private_address_is_refused_unless_allowed(server):
    with Fetcher(quick_settings(allow_private=False)) as guarded:
        outcome = guarded.fetch(server.url("/rss.xml"))

    assert isinstance(outcome, FetchFailure)
    assert outcome.reason is FailureReason.PRIVATE_ADDRESS
    assert server.paths() == []  # not even robots.txt was asked for


@pytest.mark.parametrize("location", ["http://169.254.169.254/latest/meta-data/", "http://localhost/admin"])
def test_every_redirect_hop_is_checked_for_a_private_address(server, location):
    """Only 127.0.0.1 itself is trusted here, so a hop to any other private host is refused."""
    server.routes["/to-inside"] = Resource(status=302, headers={"Location": location})
    with Fetcher(quick_settings(allow_private=False, trusted_hosts=frozenset({"127.0.0.1"}))) as client:
        assert isinstance(client.fetch(server.url("/news/seoul-condolences")), Fetched)
        outcome = client.fetch(server.url("/to-inside"))

    assert outcome.reason is FailureReason.PRIVATE_ADDRESS
    assert location in outcome.message


@pytest.mark.parametrize("address, is_public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.10", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("93.184.216.34", True), ("2606:4700::1111", True),
])
def test_only_globally_routable_addresses_are_public(address, is_public):
    import ipaddress

    assert is_public_address(ipaddress.ip_address(address)) is is_public


def test_robots_txt_disallow_is_honoured_and_read_once_per_site(server, fetcher):
    server.serve_page("/private/memo", "/news/seoul-condolences")

    refused = fetcher.fetch(server.url("/private/memo"))
    allowed = fetcher.fetch(server.url("/news/seoul-condolences"))

    assert refused.reason is FailureReason.ROBOTS_DISALLOWED
    assert isinstance(allowed, Fetched)
    assert "/private/memo" not in server.paths()
    assert server.paths().count("/robots.txt") == 1


def test_a_site_whose_robots_txt_fails_is_not_crawled_but_one_without_it_is(server):
    del server.routes["/robots.txt"]
    with Fetcher(quick_settings()) as client:
        assert isinstance(client.fetch(server.url("/news/seoul-condolences")), Fetched)
    server.routes["/robots.txt"] = Resource(status=500)
    with Fetcher(quick_settings(retries=0)) as client:
        assert client.fetch(server.url("/news/seoul-condolences")).reason is FailureReason.ROBOTS_DISALLOWED


# ---------------------------------------------------------------- politeness


def test_a_503_is_retried_with_exponential_backoff_until_it_succeeds(server):
    server.serve_feed("/flaky.xml", [], fail_first=2)
    waits: list[float] = []
    with Fetcher(quick_settings(retries=3, backoff=0.01), sleep=waits.append) as client:
        outcome = client.fetch(server.url("/flaky.xml"))

    assert isinstance(outcome, Fetched)
    assert len(server.requests_to("/flaky.xml")) == 3
    assert waits == [0.01, 0.02]


def test_retry_after_is_honoured_and_a_503_that_persists_fails_after_the_retries(server):
    server.routes["/busy"] = Resource(b"<html></html>", fail_first=10, headers={"Retry-After": "1"})
    waits: list[float] = []
    with Fetcher(quick_settings(retries=2, backoff=0.01), sleep=waits.append) as client:
        outcome = client.fetch(server.url("/busy"))

    assert waits == [1.0, 1.0]
    assert (outcome.reason, outcome.status) == (FailureReason.HTTP_ERROR, 503)
    assert len(server.requests_to("/busy")) == 3


def test_a_404_is_not_retried(server, fetcher):
    outcome = fetcher.fetch(server.url("/news/withdrawn"))

    assert (outcome.reason, outcome.status) == (FailureReason.NOT_FOUND, 404)
    assert len(server.requests_to("/news/withdrawn")) == 1


def test_requests_carry_a_named_user_agent_and_keep_a_pause_per_host(server):
    with Fetcher(quick_settings(host_delay=0.2)) as client:
        client.fetch(server.url("/news/seoul-condolences"))
        client.fetch(server.url("/news/mongolia-chile-visas"))

    seen = server.requests
    assert [request.path for request in seen] == [
        "/robots.txt", "/news/seoul-condolences", "/news/mongolia-chile-visas"]
    assert {r.headers["User-Agent"] for r in seen} == {default_user_agent()}
    # The pause runs from the client's start of one request to its start of the next; the server
    # sees each one a connection's latency later, so a gap it sees may be a little shorter.
    gaps = [later.at - earlier.at for earlier, later in zip(seen, seen[1:])]
    assert min(gaps) >= 0.15 and sum(gaps) >= 0.35


def test_the_user_agent_names_the_project_url_only_when_pyproject_declares_one():
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))["project"]
    urls = project.get("urls", {})
    url = urls.get("Homepage") or urls.get("Repository")
    expected = f"Missive/{metadata('missive')['Version']}" + (f" (+{url})" if url else "")
    assert default_user_agent() == expected


def test_a_conditional_get_with_stored_validators_is_not_modified(server, fetcher):
    first = fetcher.fetch(server.url("/rss.xml"))
    assert isinstance(first, Fetched) and first.validators == Validators('"rss-1"', None)

    second = fetcher.fetch(server.url("/rss.xml"), first.validators)

    assert isinstance(second, NotModified)
    assert server.requests_to("/rss.xml")[-1].headers["If-None-Match"] == '"rss-1"'


def test_a_body_that_drips_past_the_deadline_is_a_timeout(server):
    """Each chunk comes within the read timeout, so only the overall deadline can stop it."""
    server.routes["/drip"] = Resource(b"x" * 80_000, send_length=False, chunk_delay=0.2)
    with Fetcher(quick_settings(deadline=0.3, timeout=0.5)) as client:
        outcome = client.fetch(server.url("/drip"))

    assert isinstance(outcome, FetchFailure)
    assert outcome.reason is FailureReason.TIMEOUT
    assert "0.3 s" in outcome.detail


# ---------------------------------------------------------------- sources and feeds


def test_a_sources_file_lists_urls_with_comments_and_bad_lines_are_reported(tmp_path: Path):
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# diplomacy feeds\n"
        "https://news.example.org/diplomacy/rss.xml\n"
        "\n"
        "https://ministry.example.net/press  # press releases\n"
        "ftp://files.example.org/feed.xml\n"
        "https://news.example.org/diplomacy/rss.xml#again\n",
        encoding="utf-8",
    )

    found, failures = parse_sources([str(listing), "http://wire.example.com/atom", "missing.txt"])

    assert [(s.url, s.origin) for s in found] == [
        ("https://news.example.org/diplomacy/rss.xml", "feeds.txt:2"),
        ("https://ministry.example.net/press", "feeds.txt:4"),
        ("http://wire.example.com/atom", "argument"),
    ]
    assert [(f.url, f.reason) for f in failures] == [
        ("ftp://files.example.org/feed.xml", FailureReason.BAD_SCHEME),
        ("missing.txt", FailureReason.BAD_URL),
    ]
    assert "feeds.txt:5" in failures[0].message


@pytest.mark.parametrize("content_type, body, kind", [
    ("application/rss+xml", b"<rss version='2.0'><channel/></rss>", SourceKind.FEED),
    ("text/html", b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>", SourceKind.FEED),
    ("text/html", b"<!doctype html><html><body>news</body></html>", SourceKind.PAGE),
    ("", b"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title></feed>", SourceKind.FEED),
    ("application/pdf", b"%PDF-1.7", SourceKind.UNKNOWN),
])
def test_a_source_is_a_feed_or_a_page_by_what_it_serves(content_type, body, kind):
    assert classify_body(content_type, body) is kind


def test_a_feed_with_xml_errors_but_entries_is_still_read():
    body = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>t &nbsp; x</title>"
            b"<item><title>Talks</title><link>https://wire.example.com/a</link>"
            b"<pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate></item>"
            b"<item><title>Bad link</title><link>javascript:alert(1)</link></item></channel></rss>")

    reading = read_feed(body, "https://wire.example.com/rss")

    assert [item.url for item in reading.items] == ["https://wire.example.com/a"]
    assert [failure.reason for failure in reading.rejected] == [FailureReason.BAD_SCHEME]


# ---------------------------------------------------------------- when a source is due

T0 = datetime(2026, 3, 4, 9, 0, tzinfo=timezone.utc)
EVERY = timedelta(minutes=15)


@pytest.mark.parametrize("failures, minutes_later, once, due", [
    (0, 14, False, True),     # a cron job a few seconds early still polls (10% slack)
    (0, 10, False, False),
    (0, 1, True, True),       # --once polls every healthy source
    (1, 14, False, True),     # a failing source is retried next round...
    (2, 20, False, False),    # ...then after two rounds, four, ... (capped)
    (2, 28, False, True),
    (3, 40, True, False),     # --once does not skip a failing source's backoff
    (3, 55, True, True),
])
def test_a_source_is_due_after_its_interval_and_a_failing_one_backs_off(failures, minutes_later, once, due):
    state = SourceState("https://wire.example.com/rss", last_round=T0, consecutive_failures=failures)
    assert state.is_due(T0 + timedelta(minutes=minutes_later), EVERY, once=once) is due
    assert SourceState("https://wire.example.com/rss").is_due(T0, EVERY)
