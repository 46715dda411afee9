"""A local news server for the watch tests: RSS and Atom feeds and their pages on 127.0.0.1.

The server is started by a test and stopped after it; it serves short diplomatic news items
written for these tests (no real article), robots.txt, and every kind of trouble a watcher meets
(set per path: a status, a delay, a dripping or oversize body, a 503 that recovers). It records
every request with its headers, so tests check what reached the wire: the conditional headers,
the user agent, which pages were fetched at all. Every server sleep is bounded by the test.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

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

    def page_requests(self) -> list[str]:
        """The article pages asked for, in order (feeds and robots.txt left out)."""
        return [path for path in self.paths() if path.startswith("/news/")]

    def serve_feed(self, path: str, items: list[str], **resource: Any) -> None:
        """An RSS feed of the article paths `items` at `path`; `resource` sets its ETag, delay, failures."""
        self.routes[path] = Resource(rss_feed(self.base, items), RSS_TYPE, **resource)

    def serve_page(self, path: str, article: str, **resource: Any) -> None:
        """The page of the article `article` at `path` too (another URL of it, a slow or private copy)."""
        self.routes[path] = Resource(page_html(article), **resource)

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


# Items whose text names no date: only the feed's stamp dates them (their pages carry no date
# either). A Seoul item at 00:30 +09:00 is on the UTC day before: a conversion would move it.
UNDATED_ARTICLES = {
    "/news/seoul-jakarta-congratulations": (
        "Seoul congratulates Jakarta on new trade office",
        "Tue, 03 Mar 2026 21:30:00 +0900",
        [
            "South Korea's foreign minister sent a congratulatory message to Indonesia's foreign minister on "
            "Tuesday on the opening of a joint trade promotion office in Jakarta, the foreign ministry said.",
            "The minister wrote that the office would help small firms of both countries find partners.",
        ],
    ),
    "/news/seoul-canberra-call": (
        "South Korean president and Australian prime minister talk by phone",
        "Wed, 04 Mar 2026 00:30:00 +0900",
        [
            "South Korea's president held a telephone conversation with Australia's prime minister on Wednesday "
            "about critical minerals and a planned joint naval exercise, the presidential office said.",
            "The two leaders agreed to meet on the sidelines of a regional summit later in the year.",
        ],
    ),
}


def page_html(path: str) -> bytes:
    """The page of an item: its article between a site's header and footer (dated in its markup
    unless it is one of the UNDATED_ARTICLES)."""
    if path in UNDATED_ARTICLES:
        title, _, paragraphs = UNDATED_ARTICLES[path]
        published = ""
    else:
        title, published, paragraphs = ARTICLES[path]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    stamp = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title>{stamp}"
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
    known = {**ARTICLES, **UNDATED_ARTICLES}
    stamps = {**RSS_DATES, **{path: item[1] for path, item in UNDATED_ARTICLES.items()}}
    items = "".join(
        f"<item><title>{known.get(path, ('Untitled',))[0]}</title><link>{base}{path}</link>"
        f"<guid>{base}{path}</guid><pubDate>{stamps.get(path, 'Mon, 02 Mar 2026 12:00:00 +0000')}"
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



FIRST_ITEMS = ["/news/seoul-condolences", "/news/mongolia-chile-visas"]


def news_site() -> NewsServer:
    """A started server with robots.txt, every article page, an RSS feed of FIRST_ITEMS (with an
    ETag) and an Atom feed (with a Last-Modified); the caller stops it."""
    news = NewsServer()
    news.routes["/robots.txt"] = Resource(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    for path in (*ARTICLES, *UNDATED_ARTICLES):
        news.routes[path] = Resource(page_html(path))
    news.serve_feed("/rss.xml", FIRST_ITEMS, etag='"rss-1"')
    news.routes["/atom.xml"] = Resource(atom_feed(news.base), ATOM_TYPE, last_modified=ATOM_MODIFIED)
    news.start()
    return news


# Each way an item or a feed fails, and the reason the watch must give for it.
TROUBLE_REASONS = {"/news/missing": "not_found", "/news/slow": "timeout", "/news/big": "too_large",
                   "/news/big-streamed": "too_large", "/news/loop-a": "redirect_loop", "/broken.xml": "malformed_feed"}


def add_troubles(server: NewsServer, good: list[str]) -> None:
    """A feed /troubled.xml whose items fail in every way (404, a page slower than the clients'
    timeout, oversize with and without Content-Length, a redirect loop) beside the `good` items,
    and a malformed feed /broken.xml."""
    big = b"<html><body><p>" + b"filler " * 30_000 + b"</p></body></html>"
    server.routes.update({
        "/news/big": Resource(big),
        "/news/big-streamed": Resource(big, send_length=False),
        "/news/loop-a": Resource(status=302, headers={"Location": "/news/loop-b"}),
        "/news/loop-b": Resource(status=302, headers={"Location": "/news/loop-a"}),
        "/broken.xml": Resource(b"<?xml version='1.0'?><rss><channel><item><title>cut", RSS_TYPE),
    })
    items = ["/news/missing", "/news/slow", "/news/big", "/news/big-streamed", "/news/loop-a", *good]
    server.serve_page("/news/slow", "/news/kenya-norway-call", delay=1.5)
    server.serve_feed("/troubled.xml", items, etag='"t-1"')
