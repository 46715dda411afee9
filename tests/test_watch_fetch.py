"""Watching feeds over real HTTP: a local news server on 127.0.0.1, started and stopped here.

The server serves an RSS 2.0 feed and an Atom feed of short diplomatic news items written for
these tests, their article pages, robots.txt, and every kind of trouble a watcher meets (a
404, a stalled page, an oversize page, a malformed feed, redirect loops and scheme changes, a
503 that recovers). It records every request with its headers, so the tests check what
reached the wire: the conditional headers, the user agent, which pages were fetched at all.
Every client time is small and every server sleep is bounded, so no test can hang.
"""

from __future__ import annotations

import threading
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.metadata import metadata
from pathlib import Path

import pytest

from missive.watch import (
    DateProvenance,
    FailureReason,
    Fetched,
    Fetcher,
    FetchFailure,
    FetchSettings,
    MemoryLedger,
    NotModified,
    Source,
    SourceKind,
    Validators,
    classify_body,
    default_user_agent,
    parse_published,
    parse_sources,
    read_feed,
    watch_round,
)
from missive.watch.addresses import is_public_address

# ---------------------------------------------------------------- the local news server


@dataclass
class Resource:
    """What the server answers at one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0          # seconds before the status line
    fail_first: int = 0         # answer 503 this many times before the real answer
    send_length: bool = True    # False: no Content-Length, the body streams until close
    chunk_delay: float = 0.0    # seconds between 16 KB chunks of the body


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


class NewsServer:
    """A threaded HTTP server on a free port of 127.0.0.1 with a mutable route table."""

    def __init__(self) -> None:
        self.routes: dict[str, Resource] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self._lock:
            return [request.path for request in self.requests]

    def requests_to(self, path: str) -> list[Request]:
        with self._lock:
            return [request for request in self.requests if request.path == path]

    def record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def forget_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _handler_for(server: NewsServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            server.record(Request(self.path, dict(self.headers.items()), time.monotonic()))
            resource = server.routes.get(self.path)
            try:
                self._answer(resource)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on purpose (timeout, size cap)

        def _answer(self, resource: Resource | None) -> None:
            if resource is None:
                return self._send(404, {"Content-Type": "text/plain"}, b"no such page")
            time.sleep(resource.delay)
            if resource.fail_first > 0:
                resource.fail_first -= 1
                return self._send(503, {"Retry-After": resource.headers.get("Retry-After", "0")}, b"busy")
            if self._is_unchanged(resource):
                return self._send(304, {}, b"")
            headers = {"Content-Type": resource.content_type, **resource.headers}
            if resource.etag:
                headers["ETag"] = resource.etag
            if resource.last_modified:
                headers["Last-Modified"] = resource.last_modified
            return self._send(resource.status, headers, resource.body, resource.send_length,
                              resource.chunk_delay)

        def _is_unchanged(self, resource: Resource) -> bool:
            etag, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            return bool((resource.etag and etag == resource.etag)
                        or (resource.last_modified and since == resource.last_modified))

        def _send(self, status: int, headers: dict[str, str], body: bytes,
                  send_length: bool = True, chunk_delay: float = 0.0) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if send_length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for start in range(0, len(body), 16384):
                self.wfile.write(body[start:start + 16384])
                self.wfile.flush()
                time.sleep(chunk_delay)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


# ---------------------------------------------------------------- the news it serves

ARTICLES = {
    "/news/seoul-condolences": (
        "Seoul sends condolences to Hanoi after northern floods",
        "2026-03-03T21:30:00+09:00",
        [
            "SEOUL, March 3 -- South Korea's president sent a message of condolence to the "
            "president of Vietnam on Tuesday evening after floods in the country's northern "
            "provinces left dozens of people dead, the presidential office said.",
            "In the message, the president expressed deep sorrow over the loss of life and said "
            "Seoul stood ready to send emergency relief supplies if Hanoi requested them.",
            "The two countries marked the thirty-fourth anniversary of diplomatic relations in "
            "December, and their foreign ministers met in Singapore last month.",
        ],
    ),
    "/news/mongolia-chile-visas": (
        "Mongolia and Chile sign visa exemption agreement",
        "2026-03-02T08:00:00+00:00",
        [
            "ULAANBAATAR, March 2 -- Mongolia and Chile signed an agreement on Monday exempting "
            "holders of ordinary passports from visa requirements for stays of up to ninety days.",
            "The foreign ministers of the two countries signed the document in Ulaanbaatar during "
            "the Chilean minister's first official visit to Mongolia.",
            "Officials said the agreement would take effect sixty days after both sides complete "
            "their domestic ratification procedures.",
        ],
    ),
    "/news/ghana-brazil-visit": (
        "Ghana's foreign minister begins three-day visit to Brasilia",
        "2026-03-02T09:15:00-03:00",
        [
            "BRASILIA, March 2 -- Ghana's foreign minister arrived in Brasilia on Monday for a "
            "three-day official visit, the first by a Ghanaian foreign minister in a decade.",
            "She is scheduled to hold talks with her Brazilian counterpart on trade, agriculture "
            "and cooperation in multilateral forums, the Brazilian foreign ministry said.",
            "The visit follows a telephone call between the two ministers in January.",
        ],
    ),
    "/news/kenya-norway-call": (
        "Kenya and Norway leaders discuss climate finance in phone call",
        "2026-03-04T10:05:00+03:00",
        [
            "NAIROBI, March 4 -- Kenya's president and Norway's prime minister held a telephone "
            "conversation on Wednesday on climate finance and renewable energy investment.",
            "The two leaders agreed to convene a joint working group before the end of the year, "
            "according to a statement released by the State House in Nairobi.",
            "Norway opened its embassy in Nairobi in the nineteen-sixties.",
        ],
    ),
}


def page_html(path: str) -> bytes:
    title, published, paragraphs = ARTICLES[path]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        f"<meta property='article:published_time' content='{published}'>"
        "</head><body><header><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav></header>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Example Wire, all rights reserved</footer></body></html>"
    ).encode("utf-8")


RSS_DATES = {
    "/news/seoul-condolences": "Tue, 03 Mar 2026 21:30:00 +0900",
    "/news/mongolia-chile-visas": "Mon, 02 Mar 2026 08:00:00 +0000",
    "/news/kenya-norway-call": "Wed, 04 Mar 2026 10:05:00 +0300",
}


def rss_feed(base: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{ARTICLES.get(path, ('Untitled',))[0]}</title><link>{base}{path}</link>"
        f"<guid>{base}{path}</guid><pubDate>{RSS_DATES.get(path, 'Mon, 02 Mar 2026 12:00:00 +0000')}"
        f"</pubDate><description>A short summary.</description></item>"
        for path in paths
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>Example Wire: Diplomacy</title><link>{base}/</link>"
        f"<description>Diplomatic news</description>{items}</channel></rss>"
    ).encode("utf-8")


def atom_feed(base: str) -> bytes:
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Southern Desk</title><id>{base}/atom</id><updated>2026-03-02T12:00:00Z</updated>"
        f"<entry><title>{ARTICLES['/news/ghana-brazil-visit'][0]}</title>"
        f"<link href='{base}/news/ghana-brazil-visit'/><id>tag:example,2026:ghana</id>"
        "<published>2026-03-02T09:15:00-03:00</published><updated>2026-03-02T09:15:00-03:00</updated>"
        "<summary>The minister arrives for talks.</summary></entry></feed>"
    ).encode("utf-8")


RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
ATOM_MODIFIED = "Mon, 02 Mar 2026 12:00:00 GMT"


@pytest.fixture
def server():
    news = NewsServer()
    news.routes["/robots.txt"] = Resource(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    for path in ARTICLES:
        news.routes[path] = Resource(page_html(path))
    first_items = ["/news/seoul-condolences", "/news/mongolia-chile-visas"]
    news.routes["/rss.xml"] = Resource(rss_feed(news.base, first_items), RSS_TYPE, etag='"rss-1"')
    news.routes["/atom.xml"] = Resource(atom_feed(news.base), ATOM_TYPE, last_modified=ATOM_MODIFIED)
    news.start()
    yield news
    news.stop()


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


def page_requests(server: NewsServer) -> list[str]:
    return [path for path in server.paths() if path.startswith("/news/")]


# ---------------------------------------------------------------- rounds over feeds


def test_first_round_reads_rss_and_atom_and_stores_every_article(server, fetcher):
    ledger = MemoryLedger()
    report = watch_round(sources(server, "/rss.xml", "/atom.xml"), ledger, fetcher)

    assert report.failures == []
    assert [page.url for page in report.pages] == [server.url(path) for path in (
        "/news/seoul-condolences", "/news/mongolia-chile-visas", "/news/ghana-brazil-visit")]
    ghana = report.pages[2]
    assert "first by a Ghanaian foreign minister" in ghana.text
    assert "all rights reserved" not in ghana.text
    assert ghana.title == ARTICLES["/news/ghana-brazil-visit"][0]
    assert ghana.feed_url == server.url("/atom.xml")
    assert [c.provenance for c in ghana.published] == [DateProvenance.FEED, DateProvenance.PAGE_METADATA]
    assert {c.day for c in ghana.published} == {date(2026, 3, 2)}
    assert ledger.pages == report.pages
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
    assert page_requests(server) == []
    assert len(ledger.pages) == 3


def test_a_new_item_in_the_feed_is_the_only_page_fetched(server, fetcher):
    ledger = MemoryLedger()
    watch_round(sources(server, "/rss.xml"), ledger, fetcher)
    paths = ["/news/kenya-norway-call", "/news/seoul-condolences", "/news/mongolia-chile-visas"]
    server.routes["/rss.xml"] = Resource(rss_feed(server.base, paths), RSS_TYPE, etag='"rss-2"')
    server.forget_requests()

    report = watch_round(sources(server, "/rss.xml"), ledger, fetcher)

    assert [page.url for page in report.pages] == [server.url("/news/kenya-norway-call")]
    assert page_requests(server) == ["/news/kenya-norway-call"]
    assert ledger.source_state(server.url("/rss.xml")).etag == '"rss-2"'


def test_the_same_article_under_a_second_url_is_a_duplicate_not_a_new_article(server, fetcher):
    server.routes["/news/seoul-condolences?utm=feed"] = Resource(page_html("/news/seoul-condolences"))
    paths = ["/news/seoul-condolences", "/news/seoul-condolences?utm=feed"]
    server.routes["/rss.xml"] = Resource(rss_feed(server.base, paths), RSS_TYPE)
    ledger = MemoryLedger()

    report = watch_round(sources(server, "/rss.xml"), ledger, fetcher)

    assert len(report.pages) == 1
    assert report.duplicates == [server.url("/news/seoul-condolences?utm=feed")]


def test_a_seoul_evening_item_keeps_its_local_date_as_the_report_day(server, fetcher):
    report = watch_round(sources(server, "/rss.xml"), MemoryLedger(), fetcher)

    seoul = report.pages[0]
    from_feed = [c for c in seoul.published if c.provenance is DateProvenance.FEED][0]
    assert from_feed.day == date(2026, 3, 3)
    assert from_feed.at is not None and from_feed.at.utcoffset() == timedelta(hours=9)
    assert from_feed.raw == "Tue, 03 Mar 2026 21:30:00 +0900"


@pytest.mark.parametrize("raw, expected", [
    ("Tue, 03 Mar 2026 21:30:00 +0900", datetime(2026, 3, 3, 21, 30, tzinfo=timezone(timedelta(hours=9)))),
    ("2026-03-03T21:30:00+09:00", datetime(2026, 3, 3, 21, 30, tzinfo=timezone(timedelta(hours=9)))),
    ("Mon, 02 Mar 2026 23:10:00 -0500", datetime(2026, 3, 2, 23, 10, tzinfo=timezone(timedelta(hours=-5)))),
    ("2026-03-02T08:00:00Z", datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)),
    ("Mon, 02 Mar 2026 08:00:00 -0000", datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)),
    ("Mon, 02 Mar 2026 08:00:00", None),
    ("yesterday evening", None),
])
def test_feed_dates_keep_their_own_offset_and_a_missing_zone_is_not_guessed(raw, expected):
    parsed = parse_published(raw)
    assert parsed == expected
    if expected is not None:
        assert parsed.utcoffset() == expected.utcoffset()
        assert parsed.date() == expected.date()


# ---------------------------------------------------------------- failures, one each


@pytest.fixture
def troubled(server):
    """A feed whose items fail in every way, beside good ones; and a malformed feed."""
    big = b"<html><body><p>" + b"filler " * 30_000 + b"</p></body></html>"
    server.routes.update({
        "/news/slow": Resource(page_html("/news/kenya-norway-call"), delay=1.5),
        "/news/big": Resource(big),
        "/news/big-streamed": Resource(big, send_length=False),
        "/news/loop-a": Resource(status=302, headers={"Location": "/news/loop-b"}),
        "/news/loop-b": Resource(status=302, headers={"Location": "/news/loop-a"}),
        "/broken.xml": Resource(b"<?xml version='1.0'?><rss><channel><item><title>cut", RSS_TYPE),
    })
    paths = ["/news/missing", "/news/slow", "/news/big", "/news/big-streamed", "/news/loop-a",
             "/news/seoul-condolences"]
    server.routes["/troubled.xml"] = Resource(rss_feed(server.base, paths), RSS_TYPE, etag='"t-1"')
    return server


EXPECTED_FAILURES = {
    "/news/missing": FailureReason.NOT_FOUND,
    "/news/slow": FailureReason.TIMEOUT,
    "/news/big": FailureReason.TOO_LARGE,
    "/news/big-streamed": FailureReason.TOO_LARGE,
    "/news/loop-a": FailureReason.REDIRECT_LOOP,
    "/broken.xml": FailureReason.MALFORMED_FEED,
}


def test_each_broken_item_gives_one_failure_with_its_reason_and_the_round_completes(troubled, fetcher):
    ledger = MemoryLedger()
    report = watch_round(sources(troubled, "/troubled.xml", "/broken.xml", "/atom.xml"), ledger, fetcher)

    reasons = {failure.url.removeprefix(troubled.base): failure.reason for failure in report.failures}
    assert reasons == EXPECTED_FAILURES
    assert len(report.failures) == len(EXPECTED_FAILURES)
    assert [page.url for page in report.pages] == [
        troubled.url("/news/seoul-condolences"), troubled.url("/news/ghana-brazil-visit")]
    for failure in report.failures:
        assert failure.message.startswith(f"{failure.url}: {failure.reason.value}")
        assert "\n" not in failure.message
    broken = ledger.source_state(troubled.url("/broken.xml"))
    assert (broken.consecutive_failures, broken.last_failure) == (1, FailureReason.MALFORMED_FEED)


def test_permanent_failures_are_not_asked_again_and_a_timeout_is_retried_next_round(troubled, fetcher):
    ledger = MemoryLedger()
    watch_round(sources(troubled, "/troubled.xml"), ledger, fetcher)
    troubled.forget_requests()

    report = watch_round(sources(troubled, "/troubled.xml"), ledger, fetcher)

    # the slow item is still pending, so the feed was read again in full, not answered with a 304
    assert "If-None-Match" not in troubled.requests_to("/troubled.xml")[0].headers
    assert page_requests(troubled) == ["/news/slow"]
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
    server.routes["/private/memo"] = Resource(page_html("/news/seoul-condolences"))

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
    server.routes["/flaky.xml"] = Resource(rss_feed(server.base, []), RSS_TYPE, fail_first=2)
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
    gaps = [later.at - earlier.at for earlier, later in zip(seen, seen[1:])]
    assert min(gaps) >= 0.19


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
