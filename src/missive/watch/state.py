"""What a watch remembers between rounds, and the interface the store will persist it through.

A watcher that forgets re-reads every feed in full, fetches every page again and stores every
article twice; one that remembers wrongly loses articles. So the memory is small and exact:

- per source: its validators (ETag, Last-Modified) for conditional GET, what it turned out to
  be, when it was last polled and last succeeded, and its run of consecutive failures with the
  last reason (so a dead feed is polled less often and `missive watch --list` can say why);
- per item: its URL and the hash of its article text, so an item is neither fetched again
  (URL seen) nor stored again under another URL (content seen), and an item given up after a
  permanent failure (a 404, robots.txt) is not asked for every round.

`WatchLedger` is the interface a round reads and writes through; `MemoryLedger` implements it
in memory for now. The store will implement it over DuckDB with two tables (proposal):

    CREATE TABLE watch_sources (
        url                  TEXT PRIMARY KEY,
        kind                 TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'unknown')),
        etag                 TEXT,
        last_modified        TEXT,          -- the header as the server sent it, sent back as is
        last_round           TIMESTAMPTZ,
        last_success         TIMESTAMPTZ,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_failure         TEXT,          -- a FailureReason value, or NULL
        last_failure_detail  TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE watch_items (
        url          TEXT NOT NULL,
        content_hash TEXT NOT NULL,         -- '' for an item given up before it had content
        source_url   TEXT NOT NULL,
        seen_at      TIMESTAMPTZ NOT NULL,
        failure      TEXT,                  -- a permanent FailureReason value, or NULL
        document_id  TEXT,                  -- the corpus row the page became, or NULL
        PRIMARY KEY (url, content_hash)
    );
    CREATE INDEX watch_items_hash ON watch_items (content_hash);

Two rules make a kill -9 mid-round lose and duplicate nothing, and the store must keep both:
`accept_page` writes the article and its watch_items row in ONE transaction, and a round saves
a source's new validators only after every new item of it is accepted or given up (a round
with a transient item failure keeps the old validators, so the next round re-reads the feed
instead of getting a 304 that hides the unfinished item).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from .failures import FailureReason, FetchFailure
from .fetch import Validators
from .sources import SourceKind

if TYPE_CHECKING:
    from .pages import PageRecord

MAX_BACKOFF_DOUBLINGS = 5


@dataclass(frozen=True, slots=True)
class SourceState:
    """One watched source's memory; each round returns a new one."""

    url: str
    kind: SourceKind = SourceKind.UNKNOWN
    etag: str | None = None
    last_modified: str | None = None
    last_round: datetime | None = None
    last_success: datetime | None = None
    consecutive_failures: int = 0
    last_failure: FailureReason | None = None
    last_failure_detail: str = ""

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)

    def succeeded(self, kind: SourceKind, validators: Validators, at: datetime) -> SourceState:
        """After a 200: the new validators, and the failure run ended."""
        return replace(self, kind=kind, etag=validators.etag, last_modified=validators.last_modified,
                       last_round=at, last_success=at, consecutive_failures=0,
                       last_failure=None, last_failure_detail="")

    def unchanged(self, at: datetime) -> SourceState:
        """After a 304: polled and fine, nothing new."""
        return replace(self, last_round=at, last_success=at, consecutive_failures=0,
                       last_failure=None, last_failure_detail="")

    def failed(self, failure: FetchFailure, at: datetime) -> SourceState:
        """After a failure: one more in the run, with its reason; validators kept."""
        return replace(self, last_round=at, consecutive_failures=self.consecutive_failures + 1,
                       last_failure=failure.reason, last_failure_detail=failure.detail)

    def is_due(self, now: datetime, every: timedelta) -> bool:
        """Whether to poll now: every `every`, doubled for each consecutive failure (capped)."""
        if self.last_round is None:
            return True
        doublings = min(self.consecutive_failures, MAX_BACKOFF_DOUBLINGS)
        return now - self.last_round >= every * 2**doublings


@dataclass(frozen=True, slots=True)
class SeenItem:
    """An item URL handled once: its content hash, or the permanent failure it was given up for."""

    url: str
    content_hash: str
    source_url: str
    seen_at: datetime
    failure: FailureReason | None = None


class WatchLedger(Protocol):
    """What a watch round reads and writes; the store implements it over its tables."""

    def source_state(self, url: str) -> SourceState:
        """The source's memory, or a fresh SourceState for a source never polled."""

    def source_states(self) -> list[SourceState]:
        """Every source polled so far (for `missive watch --list`)."""

    def has_seen_url(self, url: str) -> bool:
        """Whether this item URL was accepted or given up before."""

    def has_seen_content(self, content_hash: str) -> bool:
        """Whether an article with this text was accepted before, under any URL."""

    def accept_page(self, page: PageRecord, seen: SeenItem) -> None:
        """Store the new article and its seen row atomically: both or neither."""

    def record_item(self, seen: SeenItem) -> None:
        """Remember an item that yields no new article (given up, or a duplicate)."""

    def record_source(self, state: SourceState) -> None:
        """Save a source's memory after its round."""


@dataclass
class MemoryLedger:
    """The watch memory in plain dicts: for tests, and for one-off runs with no store."""

    sources: dict[str, SourceState] = field(default_factory=dict)
    items: dict[tuple[str, str], SeenItem] = field(default_factory=dict)
    pages: list[PageRecord] = field(default_factory=list)
    seen_urls: set[str] = field(default_factory=set)
    seen_hashes: set[str] = field(default_factory=set)

    def source_state(self, url: str) -> SourceState:
        return self.sources.get(url) or SourceState(url)

    def source_states(self) -> list[SourceState]:
        return list(self.sources.values())

    def has_seen_url(self, url: str) -> bool:
        return url in self.seen_urls

    def has_seen_content(self, content_hash: str) -> bool:
        return content_hash in self.seen_hashes

    def accept_page(self, page: PageRecord, seen: SeenItem) -> None:
        self.pages.append(page)
        self.record_item(seen)

    def record_item(self, seen: SeenItem) -> None:
        self.items.setdefault((seen.url, seen.content_hash), seen)
        self.seen_urls.add(seen.url)
        if seen.content_hash:
            self.seen_hashes.add(seen.content_hash)

    def record_source(self, state: SourceState) -> None:
        self.sources[state.url] = state
