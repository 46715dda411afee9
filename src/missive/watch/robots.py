"""robots.txt, read once per site and obeyed: a watcher that returns every 15 minutes must be welcome.

The file is fetched through the watcher's own fetcher (same user agent, size cap, address
checks, redirects) and parsed by the standard library's `urllib.robotparser`. Its absence is
handled as RFC 9309 says: a 4xx answer means no rules (everything allowed); a server error or
an unreachable host means everything is disallowed for now, since silence is not consent. An
unreachable file is asked for again after a few minutes, a readable one after `ttl` seconds.
A `Crawl-delay` line lengthens the pause between requests to that site.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .failures import FailureReason, FetchFailure

ROBOTS_AGENT = "Missive"
UNREACHABLE_TTL = 300.0

RobotsFetch = Callable[[str], "bytes | FetchFailure"]


@dataclass(frozen=True, slots=True)
class _Rules:
    """One site's parsed rules, or why everything is refused, until `expires` (monotonic)."""

    parser: RobotFileParser | None
    refusal: str
    expires: float


class RobotsRules:
    """Per-site robots.txt verdicts, fetched on first use and cached."""

    def __init__(self, fetch_robots: RobotsFetch, *, ttl: float = 86400.0) -> None:
        self._fetch_robots = fetch_robots
        self._ttl = ttl
        self._sites: dict[str, _Rules] = {}

    def check(self, url: str) -> FetchFailure | None:
        """None when robots.txt lets Missive fetch the URL; otherwise a robots_disallowed failure."""
        rules = self._rules_for(site_of(url))
        if rules.parser is None:
            return FetchFailure(url, FailureReason.ROBOTS_DISALLOWED, rules.refusal)
        if not rules.parser.can_fetch(ROBOTS_AGENT, url):
            return FetchFailure(url, FailureReason.ROBOTS_DISALLOWED, "disallowed by robots.txt")
        return None

    def crawl_delay(self, url: str) -> float:
        """The site's Crawl-delay for Missive in seconds, 0 when it sets none."""
        rules = self._sites.get(site_of(url))
        if rules is None or rules.parser is None:
            return 0.0
        return float(rules.parser.crawl_delay(ROBOTS_AGENT) or 0.0)

    def _rules_for(self, site: str) -> _Rules:
        cached = self._sites.get(site)
        if cached is None or cached.expires <= time.monotonic():
            cached = self._sites[site] = self._read(site)
        return cached

    def _read(self, site: str) -> _Rules:
        """Fetch and parse robots.txt, mapping each outcome to RFC 9309's reading of it."""
        outcome = self._fetch_robots(site + "/robots.txt")
        now = time.monotonic()
        if isinstance(outcome, FetchFailure):
            if outcome.status is not None and 400 <= outcome.status < 500:
                return _Rules(parse_robots(b""), "", now + self._ttl)
            return _Rules(None, f"robots.txt unreachable: {outcome.reason.value}", now + UNREACHABLE_TTL)
        return _Rules(parse_robots(outcome), "", now + self._ttl)


def parse_robots(body: bytes) -> RobotFileParser:
    """A parser loaded with the file's lines (an empty file allows everything)."""
    parser = RobotFileParser()
    parser.parse(body.decode("utf-8", errors="replace").splitlines())
    return parser


def site_of(url: str) -> str:
    """scheme://host[:port], the unit robots.txt and the per-host delay apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
