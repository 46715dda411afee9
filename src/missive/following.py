"""Following feeds: `missive watch` rounds, their pages read through the pipeline into the store.

The network half (missive.watch) fetches politely and hands over pages; this module is where a
page becomes an article exactly as a corpus row does (missive.documents.reading.row_article: the
page's HTML with its URL, the item's title and the feed's `published` stamp in its own zone), is
described, extracted with the one Extractor of the run, and stored with its item row in one
transaction (so a kill -9 at any point loses and duplicates nothing). A round holds the store's
ingest lock (one writer), but opens the DuckDB file only for each read and write, so the web
pages keep answering between them. The consolidated events the store first sees during a round
are announced as they appear (`on_event`), each once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .documents.reading import ArticleText, row_article
from .errors import MissiveError, StoreError
from .extraction.extractor import Extractor
from .model import Skip
from .pipeline import Budgeted, describe_article, failure_skip, process
from .settings import Settings, default_settings
from .store.database import Sessions, Store
from .store.watch_state import (
    is_content_seen,
    item_counts,
    item_writer,
    load_source,
    load_sources,
    record_item,
    save_source,
    seen_urls,
)
from .watch.fetch import Fetcher, FetchSettings
from .watch.pages import WatchedPage
from .watch.rounds import RoundReport, watch_round
from .watch.sources import parse_sources
from .watch.state import ItemOutcome, PageResult, SeenItem, SourceState

DEFAULT_EVERY = timedelta(minutes=15)
EventSink = Callable[[dict[str, Any]], None]


@dataclass
class StoreLedger:
    """The WatchLedger of `missive watch`: its memory in the store's tables, its pages through the
    pipeline into the store, and the new consolidated events announced once each."""

    sessions: Sessions
    extractor: Extractor
    round_start: datetime  # on the store's clock: events first seen since then are new
    on_event: EventSink | None = None
    announced: list[dict[str, Any]] = field(default_factory=list)

    def source_state(self, url: str) -> SourceState:
        with self.sessions.open() as store:
            return load_source(store, url)

    def seen_urls(self, urls: list[str]) -> set[str]:
        with self.sessions.open() as store:
            return seen_urls(store, urls)

    def record_item(self, seen: SeenItem) -> None:
        with self.sessions.open() as store:
            record_item(store, seen)

    def record_source(self, state: SourceState) -> None:
        with self.sessions.open() as store:
            save_source(store, state)

    def accept_page(self, page: WatchedPage, source_url: str, at: datetime) -> PageResult:
        """The page as an article: a duplicate if its text is stored, a Skip if the pipeline keeps
        none, else stored with its events and its item row in one transaction."""
        article = _page_article(page, self.extractor.settings)
        described = article if isinstance(article, Skip) else describe_article(article, self.extractor.settings)
        seen = SeenItem(page.url, source_url, at, ItemOutcome.SKIPPED)
        if isinstance(described, Skip):
            return self._skip(described, seen)
        seen = replace(seen, content_hash=described.doc.content_hash)
        with self.sessions.open() as store:
            if is_content_seen(store, seen.content_hash):
                record_item(store, replace(seen, outcome=ItemOutcome.DUPLICATE))
                return PageResult(replace(seen, outcome=ItemOutcome.DUPLICATE), "its text is stored already")
        return self._store(described, replace(seen, outcome=ItemOutcome.STORED))

    def _store(self, described: Budgeted, seen: SeenItem) -> PageResult:
        result = next(iter(process([described], self.extractor)))
        if isinstance(result, Skip):
            return self._skip(result, replace(seen, outcome=ItemOutcome.SKIPPED))
        doc, explained = result
        try:
            with self.sessions.open() as store:
                keys = store.save_document(doc, explained.events, explained.report_day, explained.conflicts,
                                           also=item_writer(seen))
                self._announce(store, keys)
        except StoreError as exc:  # a write the database refuses is this page's Skip; the round goes on
            return self._skip(failure_skip(doc.path, exc), replace(seen, outcome=ItemOutcome.SKIPPED))
        return PageResult(seen, f"{doc.doc_id}, {len(explained.events)} events")

    def _skip(self, skip: Skip, seen: SeenItem) -> PageResult:
        seen = replace(seen, reason=str(skip.reason))
        with self.sessions.open() as store:
            store.save_skip(skip, also=item_writer(seen))
        return PageResult(seen, f"{skip.reason}: {skip.detail}")

    def _announce(self, store: Store, pair_keys: set[str]) -> None:
        """Tell of the events first seen since the round began that were not told yet."""
        told = {event["event_id"] for event in self.announced}
        for event in reversed(store.new_events(self.round_start, pair_keys)):
            if event["event_id"] not in told:
                self.announced.append(event)
                if self.on_event is not None:
                    self.on_event(event)


def _page_article(page: WatchedPage, settings: Settings) -> ArticleText | Skip:
    """The page as a corpus row. Its outlet is the page's own (og:site_name, else its host), never
    the feed's title: two feeds of one site (World, Diplomacy) are one outlet when sources are counted."""
    return row_article(page.as_row(), page.url, page.doc_id, settings)


@dataclass
class FollowedRound:
    """One round of `missive watch`: what the network did, and the new events it brought."""

    report: RoundReport
    new_events: list[dict[str, Any]]


def follow_once(arguments: Iterable[str], db: str | Path | None, *, extractor: Extractor | None = None,
                fetch_settings: FetchSettings | None = None, every: timedelta = DEFAULT_EVERY, once: bool = True,
                on_event: EventSink | None = None,
                on_page: Callable[[PageResult], None] | None = None) -> FollowedRound:
    """One round over the sources named (URLs, or files listing them) into the store at `db`.

    With `once`, every healthy source is polled now; otherwise a source waits `every` since its
    last round. A failing source always waits its backoff (see SourceState.next_due). Bad
    SOURCES lines come first in the report's failures. Holds the store's ingest lock meanwhile.
    """
    sources, bad = parse_sources(arguments)
    extractor = extractor or Extractor()
    sessions = Sessions(db)
    with sessions.exclusive(), Fetcher(fetch_settings or FetchSettings.from_settings(default_settings())) as fetcher:
        with sessions.open() as store:
            round_start = store.store_time()
        ledger = StoreLedger(sessions, extractor, round_start, on_event)
        report = watch_round(sources, ledger, fetcher, every=every, once=once, on_page=on_page)
    report.failures[:0] = bad
    return FollowedRound(report, ledger.announced)


def follow(arguments: list[str], db: str | Path | None, *, every: timedelta = DEFAULT_EVERY,
           extractor: Extractor | None = None, fetch_settings: FetchSettings | None = None,
           on_round: Callable[[FollowedRound], None] | None = None, on_event: EventSink | None = None,
           on_page: Callable[[PageResult], None] | None = None, on_error: Callable[[str], None] | None = None,
           sleep: Callable[[float], None] = time.sleep) -> None:
    """Rounds for ever: each polls the sources due, then sleeps until the next one is due. The
    sources file is read again each round, so an edit takes effect without a restart; a round
    the store refuses (another writer holds it) is told to `on_error` and tried again later."""
    extractor = extractor or Extractor()
    while True:
        try:
            followed = follow_once(arguments, db, extractor=extractor, fetch_settings=fetch_settings, every=every,
                                   once=False, on_event=on_event, on_page=on_page)
        except MissiveError as exc:
            if on_error is not None:
                on_error(f"round not run: {exc}")
            sleep(every.total_seconds())
            continue
        if on_round is not None:
            on_round(followed)
        sleep(seconds_to_next_round(arguments, db, every))


def seconds_to_next_round(arguments: Iterable[str], db: str | Path | None, every: timedelta) -> float:
    """Until the first source is due again (at least a second, at most `every`)."""
    sources, _ = parse_sources(arguments)
    now = datetime.now(timezone.utc)
    with Sessions(db).open() as store:
        dues = [load_source(store, s.url).next_due(every) for s in sources]
    waits = [(due - now).total_seconds() for due in dues if due is not None] or [0.0]
    return min(max(min(waits), 1.0), every.total_seconds())


def watched_sources(db: str | Path | None) -> list[tuple[SourceState, dict[str, int]]]:
    """Every source the store has polled, with how many of its items ended in each outcome."""
    with Store.open_for_reading(db) as store:
        counts = item_counts(store)
        return [(state, counts.get(state.url, {})) for state in load_sources(store)]
