"""A polite, guarded HTTP fetcher: what a watcher that returns every 15 minutes owes the sites it reads.

Built on httpx, with every policy made explicit because each one answers a real failure of
crawlers: a named user agent (so a site can tell who we are and reach us), timeouts and an
overall deadline (a stalled server must not hang the round), retries with exponential backoff
on transient failures only, honouring Retry-After (a 503 during a deploy is not an error worth
reporting, a 404 is), a size cap enforced while streaming (a 2 GB "article" must not fill
memory), conditional GET (a feed that has not changed costs the site a 304, not the whole
feed), a pause between requests to one host, robots.txt, redirects followed by hand so that
every hop is checked again (scheme, private address, robots.txt) and a loop or a long chain
stops, and no request at all to a non-public address unless the user allows it.

`Fetcher.fetch` never raises for anything a server or network does: it returns `Fetched`,
`NotModified` or a `FetchFailure` with its reason.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, metadata
from typing import Any
from urllib.parse import urldefrag, urljoin

import httpx

from ..settings import Settings
from .addresses import check_target
from .failures import FailureReason, FetchFailure
from .robots import RobotsRules, site_of

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
GONE_STATUSES = frozenset({404, 410})
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
          "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")


def default_user_agent() -> str:
    """Missive/<version>, with (+<project URL>) when pyproject names a Homepage or Repository.

    A site owner reads the agent to find who crawls them; no URL is better than a made-up one.
    """
    try:
        meta = metadata("missive")
    except PackageNotFoundError:
        return "Missive"
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL") or [] if ", " in entry)
    homepage = urls.get("Homepage") or urls.get("Repository")
    return f"Missive/{meta['Version']}" + (f" (+{homepage})" if homepage else "")


_LIMITS = Settings()


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely and how defensively to fetch; tests shrink the times, users may widen them
    (the limits a user sets through MISSIVE_* variables come from missive.settings.Settings)."""

    user_agent: str = ""              # empty: default_user_agent()
    timeout: float = _LIMITS.fetch_timeout_seconds    # seconds for each connect, read or write
    deadline: float = _LIMITS.fetch_deadline_seconds  # seconds for one response, body included
    max_bytes: int = _LIMITS.fetch_max_bytes          # a body past this is refused (decoded size)
    retries: int = 3                  # extra attempts after a transient failure
    backoff: float = 1.0              # first wait before a retry; doubles each time
    max_backoff: float = 60.0         # longest wait; a longer Retry-After gives up for now
    host_delay: float = _LIMITS.host_delay_seconds     # least pause between two requests to one site
    max_host_delay: float = 30.0      # a robots.txt Crawl-delay is honoured up to this
    max_redirects: int = 5
    allow_private: bool = False       # True only for intranets and local test servers
    trusted_hosts: frozenset[str] = frozenset()  # host names allowed even if private
    robots_ttl: float = 86400.0       # how long a site's robots.txt is trusted

    @classmethod
    def from_settings(cls, settings: Settings, **changes: Any) -> FetchSettings:
        """The run's limits (defaults and MISSIVE_* variables), with the caller's changes."""
        limits = dict(timeout=settings.fetch_timeout_seconds, deadline=settings.fetch_deadline_seconds,
                      max_bytes=settings.fetch_max_bytes, host_delay=settings.host_delay_seconds)
        return cls(**{**limits, **changes})


@dataclass(frozen=True, slots=True)
class Validators:
    """The cache validators of a response, sent back so an unchanged resource costs a 304."""

    etag: str | None = None
    last_modified: str | None = None

    def request_headers(self) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for the validators we hold."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    @classmethod
    def from_headers(cls, headers: httpx.Headers) -> Validators:
        return cls(headers.get("ETag"), headers.get("Last-Modified"))


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the body in full (under the cap) and the validators to keep."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    validators: Validators


@dataclass(frozen=True, slots=True)
class NotModified:
    """A 304: the resource is as it was when its validators were stored, so nothing is new."""

    url: str
    final_url: str


FetchResult = Fetched | NotModified | FetchFailure


@dataclass(frozen=True, slots=True)
class _Reply:
    """One HTTP exchange before it is judged: status, headers and (for 2xx) the body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""


class Fetcher:
    """One polite client for a whole watch: shares connections, robots.txt and per-site pacing."""

    def __init__(self, settings: FetchSettings | None = None, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings or FetchSettings()
        self.user_agent = self.settings.user_agent or default_user_agent()
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": self.user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
        )
        self._robots = RobotsRules(self._fetch_robots, ttl=self.settings.robots_ttl)
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, validators: Validators | None = None) -> FetchResult:
        """GET a URL under every policy above; a 304 against `validators` is NotModified."""
        return self._follow(url, validators or Validators(), honour_robots=True)

    def _follow(self, url: str, validators: Validators, *, honour_robots: bool) -> FetchResult:
        """Follow redirects by hand, checking every hop, up to the cap."""
        visited = {urldefrag(url).url}
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            reply = self._refuse(current, honour_robots) or self._exchange(current, validators)
            if isinstance(reply, FetchFailure):
                return _at_hop(reply, url, current)
            if reply.status not in REDIRECT_STATUSES:
                return _settle(url, reply)
            location = reply.headers.get("Location")
            if not location:
                return FetchFailure(url, FailureReason.HTTP_ERROR, "redirect without Location", reply.status)
            current = urljoin(current, location)
            if urldefrag(current).url in visited:
                return FetchFailure(url, FailureReason.REDIRECT_LOOP, f"back to {current}", reply.status)
            visited.add(urldefrag(current).url)
        limit = self.settings.max_redirects
        return FetchFailure(url, FailureReason.TOO_MANY_REDIRECTS, f"more than {limit} redirects")

    def _refuse(self, url: str, honour_robots: bool) -> FetchFailure | None:
        """Why this hop may not be requested at all: scheme, address, then robots.txt."""
        refusal = check_target(url, allow_private=self.settings.allow_private,
                               trusted_hosts=self.settings.trusted_hosts)
        if refusal is None and honour_robots:
            refusal = self._robots.check(url)
        return refusal

    def _exchange(self, url: str, validators: Validators) -> _Reply | FetchFailure:
        """One hop, retried with exponential backoff while the failure is transient."""
        attempt = 0
        while True:
            self._pace(url)
            outcome, is_transient = self._attempt(url, validators)
            wait = self._retry_wait(outcome, attempt) if is_transient else None
            if wait is None:
                return outcome
            self._sleep(wait)
            attempt += 1

    def _attempt(self, url: str, validators: Validators) -> tuple[_Reply | FetchFailure, bool]:
        """One request; (outcome, whether trying again could help)."""
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=validators.request_headers()) as response:
                status = response.status_code
                if not 200 <= status < 300:
                    return _Reply(url, status, response.headers), status in RETRY_STATUSES
                body = self._read_body(url, response, started)
                if isinstance(body, FetchFailure):
                    return body, False
                return _Reply(url, status, response.headers, body), False
        except httpx.InvalidURL as error:
            return FetchFailure(url, FailureReason.BAD_URL, str(error)), False
        except httpx.RequestError as error:
            return _transport_failure(url, error)

    def _read_body(self, url: str, response: httpx.Response, started: float) -> bytes | FetchFailure:
        """The decoded body, stopped as soon as it passes the size cap or the deadline."""
        cap, deadline = self.settings.max_bytes, self.settings.deadline
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            return FetchFailure(url, FailureReason.TOO_LARGE, f"declares {declared} bytes, cap {cap}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                return FetchFailure(url, FailureReason.TOO_LARGE, f"more than {cap} bytes")
            if time.monotonic() - started > deadline:
                return FetchFailure(url, FailureReason.TIMEOUT, f"body took more than {deadline:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _retry_wait(self, outcome: _Reply | FetchFailure, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None to give up now."""
        if attempt >= self.settings.retries:
            return None
        wait = self.settings.backoff * 2**attempt
        asked = parse_retry_after(outcome.headers) if isinstance(outcome, _Reply) else None
        if asked is not None:
            if asked > self.settings.max_backoff:
                return None
            wait = max(wait, asked)
        return min(wait, self.settings.max_backoff)

    def _pace(self, url: str) -> None:
        """Sleep until this site's pause since our last request to it has passed."""
        site = site_of(url)
        crawl_delay = min(self._robots.crawl_delay(url), self.settings.max_host_delay)
        delay = max(self.settings.host_delay, crawl_delay)
        last = self._last_request.get(site)
        if last is not None and last + delay > time.monotonic():
            self._sleep(last + delay - time.monotonic())
        self._last_request[site] = time.monotonic()

    def _fetch_robots(self, robots_url: str) -> bytes | FetchFailure:
        """robots.txt through the same guards, but not itself subject to robots.txt."""
        outcome = self._follow(robots_url, Validators(), honour_robots=False)
        if isinstance(outcome, Fetched):
            return outcome.body
        return b"" if isinstance(outcome, NotModified) else outcome


def parse_retry_after(headers: httpx.Headers) -> float | None:
    """Retry-After in seconds, from either form the header takes (seconds or an HTTP date)."""
    value = headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _settle(url: str, reply: _Reply) -> FetchResult:
    """Judge the final (non-redirect) reply of a chain."""
    status = reply.status
    if 200 <= status < 300:
        content_type = reply.headers.get("Content-Type", "")
        return Fetched(url, reply.url, status, content_type, reply.body, Validators.from_headers(reply.headers))
    if status == 304:
        return NotModified(url, reply.url)
    if status in GONE_STATUSES:
        return FetchFailure(url, FailureReason.NOT_FOUND, f"HTTP {status}", status)
    if status == 429:
        return FetchFailure(url, FailureReason.RATE_LIMITED, "HTTP 429 after retries", status)
    return FetchFailure(url, FailureReason.HTTP_ERROR, f"HTTP {status}", status)


def _transport_failure(url: str, error: httpx.RequestError) -> tuple[FetchFailure, bool]:
    """Map httpx's error tree onto our reasons; only connection-level trouble is worth a retry."""
    detail = f"{type(error).__name__}: {error}".rstrip(": ")
    if isinstance(error, httpx.ConnectTimeout):
        return FetchFailure(url, FailureReason.TIMEOUT, detail), True
    if isinstance(error, httpx.TimeoutException):
        return FetchFailure(url, FailureReason.TIMEOUT, detail), False
    if isinstance(error, httpx.UnsupportedProtocol):
        return FetchFailure(url, FailureReason.BAD_SCHEME, detail), False
    is_transient = isinstance(error, (httpx.ConnectError, httpx.RemoteProtocolError))
    return FetchFailure(url, FailureReason.NETWORK_ERROR, detail), is_transient


def _at_hop(failure: FetchFailure, url: str, hop: str) -> FetchFailure:
    """Name the URL the caller asked for, and the hop where it failed if that was a redirect."""
    if hop == url:
        return failure
    return FetchFailure(url, failure.reason, f"at {hop}: {failure.detail}", failure.status)
