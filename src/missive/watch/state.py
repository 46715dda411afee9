"""What a watch remembers between rounds, and the interface a round reads and writes it through.

A watcher that forgets re-reads every feed in full, fetches every page again and stores every
article twice; one that remembers wrongly loses articles. So the memory is small and exact:

- per source: its validators (ETag, Last-Modified) for conditional GET, what it turned out to
  be, when it was last polled and last succeeded, and its run of consecutive failures with the
  last reason (so a dead feed is polled less often and `missive watch --list` can say why);
- per item URL: what became of it (`ItemOutcome`: stored, a duplicate of stored content, skipped
  by the pipeline, or given up after a permanent failure) and the hash of its article text, so an
  item is neither fetched again (URL seen) nor stored again under another URL (content seen).

`WatchLedger` is the interface; the store implements it over its tables (watch_sources,
watch_items: see missive.store.watch_state), and `MemoryLedger` keeps it in dicts for runs that
only fetch. Two rules make a kill -9 mid-round lose and duplicate nothing, and every ledger
keeps both: `accept_page` writes the article and its item row in ONE transaction, and a round
saves a source's new validators only after every new item of it is accepted or given up (a round
with a transient item failure keeps the old validators, so the next round re-reads the feed
instead of getting a 304 that hides the unfinished item).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from .failures import FailureReason, FetchFailure
from .fetch import Validators
from .sources import SourceKind

if TYPE_CHECKING:
    from .pages import WatchedPage

MAX_BACKOFF_DOUBLINGS = 5
# A source polled this much before its time is due anyway: a cron job every 15 minutes with
# --every 15m must not miss every other round because it started a second early.
DUE_SLACK = 0.1


class ItemOutcome(str, enum.Enum):
    """What became of an item URL; the store keeps the value string."""

    STORED = "stored"        # its article is in the store now
    DUPLICATE = "duplicate"  # its article text was stored before, under another URL
    SKIPPED = "skipped"      # the pipeline read it and kept no article (a Skip with its reason)
    GIVEN_UP = "given_up"    # a permanent failure (404, robots.txt, too large...): not asked again


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

    def next_due(self, every: timedelta) -> datetime | None:
        """When to poll next: `every` after the last round, doubled for each failure after the
        first (a failing source is retried next round, then ever more rarely); None: now."""
        if self.last_round is None:
            return None
        doublings = min(max(self.consecutive_failures - 1, 0), MAX_BACKOFF_DOUBLINGS)
        return self.last_round + every * 2**doublings * (1 - DUE_SLACK)

    def is_due(self, now: datetime, every: timedelta, *, once: bool = False) -> bool:
        """Whether to poll now; a one-off round (`once`) polls every source not in a failure run."""
        if once and self.consecutive_failures == 0:
            return True
        due = self.next_due(every)
        return due is None or now >= due


@dataclass(frozen=True, slots=True)
class SeenItem:
    """An item URL handled once, what became of it and why (a FailureReason or SkipReason value)."""

    url: str
    source_url: str
    seen_at: datetime
    outcome: ItemOutcome
    content_hash: str = ""  # of the article text; '' when the page gave none
    reason: str = ""


@dataclass(frozen=True, slots=True)
class PageResult:
    """What the ledger did with one fetched page: its item row, and a line for people."""

    seen: SeenItem
    detail: str = ""  # the Skip's message, or the stored document's id

    @property
    def message(self) -> str:
        suffix = f" ({self.detail})" if self.detail else ""
        return f"{self.seen.url}: {self.seen.outcome.value}{suffix}"


class WatchLedger(Protocol):
    """What a watch round reads and writes; the store implements it over its tables."""

    def source_state(self, url: str) -> SourceState:
        """The source's memory, or a fresh SourceState for a source never polled."""

    def seen_urls(self, urls: list[str]) -> set[str]:
        """Which of these item URLs were handled before (stored, skipped or given up)."""

    def accept_page(self, page: WatchedPage, source_url: str, at: datetime) -> PageResult:
        """Read the page as an article and store it with its item row atomically (both or neither);
        a page whose text is stored already is a duplicate, one the pipeline skips is skipped."""

    def record_item(self, seen: SeenItem) -> None:
        """Remember an item that yields no article (given up after a permanent failure)."""

    def record_source(self, state: SourceState) -> None:
        """Save a source's memory after its round."""


@dataclass
class MemoryLedger:
    """The watch memory in dicts, for rounds that only fetch: every page counts as stored (content
    is judged by the store's ledger, which reads the article through the pipeline)."""

    sources: dict[str, SourceState] = field(default_factory=dict)
    items: dict[str, SeenItem] = field(default_factory=dict)
    pages: list[WatchedPage] = field(default_factory=list)

    def source_state(self, url: str) -> SourceState:
        return self.sources.get(url) or SourceState(url)

    def seen_urls(self, urls: list[str]) -> set[str]:
        return {url for url in urls if url in self.items}

    def accept_page(self, page: WatchedPage, source_url: str, at: datetime) -> PageResult:
        self.pages.append(page)
        seen = SeenItem(page.url, source_url, at, ItemOutcome.STORED)
        self.record_item(seen)
        return PageResult(seen, page.doc_id)

    def record_item(self, seen: SeenItem) -> None:
        self.items.setdefault(seen.url, seen)

    def record_source(self, state: SourceState) -> None:
        self.sources[state.url] = state
