"""Why a URL gave nothing: one closed set of reasons, and failures as values.

A watch round touches dozens of hosts, and any of them may be down, slow, hostile or wrong.
None of that may stop the round, so nothing here raises: every fetch, feed or page step
returns either its result or a `FetchFailure`. The reason comes from `FailureReason`, a closed
set, so the store can count failures per source and the CLI can print one line each; the
free-text detail is for people only.

Some reasons are permanent for a given URL (a 404 stays a 404, robots.txt will not change its
mind within a round): an item page that fails for one of them is not asked for again, while a
transient one (a timeout, a 503) is retried in a later round.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class FailureReason(str, enum.Enum):
    """Every way a fetch, feed or page can fail; the store keeps the value string."""

    NOT_FOUND = "not_found"                    # 404 or 410
    TIMEOUT = "timeout"                        # no answer, or the body took too long
    TOO_LARGE = "too_large"                    # the body passed the size cap
    MALFORMED_FEED = "malformed_feed"          # feedparser found no feed and no entries
    UNSUPPORTED_CONTENT = "unsupported_content"  # neither a feed nor an HTML page
    REDIRECT_LOOP = "redirect_loop"            # a redirect back to a URL already visited
    TOO_MANY_REDIRECTS = "too_many_redirects"  # a chain longer than the cap
    BAD_SCHEME = "bad_scheme"                  # not http(s), at the start or after a redirect
    BAD_URL = "bad_url"                        # no host, or a URL that does not parse
    PRIVATE_ADDRESS = "private_address"        # the host resolves to a non-public address
    ROBOTS_DISALLOWED = "robots_disallowed"    # robots.txt says no (or cannot be read)
    RATE_LIMITED = "rate_limited"              # 429 after every retry
    HTTP_ERROR = "http_error"                  # any other non-success status
    NETWORK_ERROR = "network_error"            # DNS, refused connection, broken transfer

    @property
    def is_permanent(self) -> bool:
        """True when asking again soon would get the same answer, so an item is given up."""
        return self in _PERMANENT


_PERMANENT = frozenset({
    FailureReason.NOT_FOUND,
    FailureReason.TOO_LARGE,
    FailureReason.UNSUPPORTED_CONTENT,
    FailureReason.REDIRECT_LOOP,
    FailureReason.TOO_MANY_REDIRECTS,
    FailureReason.BAD_SCHEME,
    FailureReason.BAD_URL,
    FailureReason.PRIVATE_ADDRESS,
    FailureReason.ROBOTS_DISALLOWED,
})


@dataclass(frozen=True, slots=True)
class FetchFailure:
    """A URL that gave nothing usable, with the reason from the closed set (and the HTTP status if any)."""

    url: str
    reason: FailureReason
    detail: str = ""
    status: int | None = None

    @property
    def message(self) -> str:
        """One line naming the URL and the reason, printable as is."""
        suffix = f" ({self.detail})" if self.detail else ""
        return f"{self.url}: {self.reason.value}{suffix}"
