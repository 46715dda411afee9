"""One watch round: poll every source, fetch only the new item pages, hand over new articles.

This is the network half of `missive watch`, with no store and no extraction in it: the
`WatchLedger` it is given decides where state and articles go. The order of writes is what
makes a round safe to kill at any point (see `missive.watch.state`): each new article is
accepted together with its seen row before the next item, and a source's new validators are
saved last, and only when nothing of it is left to retry.

Nothing a source does stops the round: each source and each item ends in the report, as an
article, a 304, a duplicate, or a failure with its reason, one line each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .failures import FailureReason, FetchFailure
from .feeds import FeedItem, read_feed
from .fetch import Fetched, Fetcher, NotModified
from .pages import PageRecord, read_page
from .sources import Source, SourceKind, classify_body
from .state import SeenItem, WatchLedger


@dataclass
class RoundReport:
    """What one round did, in the order it happened."""

    started: datetime
    pages: list[PageRecord] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


@dataclass
class _SourceRound:
    """The context of one source's turn: where to record, and whether to keep old validators."""

    source: Source
    ledger: WatchLedger
    fetcher: Fetcher
    report: RoundReport
    has_pending: bool = False


def watch_round(sources: Iterable[Source], ledger: WatchLedger, fetcher: Fetcher, *,
                now: datetime | None = None) -> RoundReport:
    """Poll each source once; new articles go to `ledger.accept_page`, the rest to the report."""
    report = RoundReport(now or datetime.now(timezone.utc))
    for source in sources:
        _poll_source(_SourceRound(source, ledger, fetcher, report))
    return report


def _poll_source(turn: _SourceRound) -> None:
    """Conditional GET of the source, then its new items; its state saved last."""
    state = turn.ledger.source_state(turn.source.url)
    outcome = turn.fetcher.fetch(turn.source.url, state.validators)
    if isinstance(outcome, NotModified):
        turn.report.unchanged.append(turn.source.url)
        turn.ledger.record_source(state.unchanged(turn.report.started))
        return
    taken = outcome if isinstance(outcome, FetchFailure) else _take_source(turn, outcome)
    if isinstance(taken, FetchFailure):
        turn.report.failures.append(taken)
        turn.ledger.record_source(state.failed(taken, turn.report.started))
        return
    assert isinstance(outcome, Fetched)
    validators = state.validators if turn.has_pending else outcome.validators
    turn.ledger.record_source(state.succeeded(taken, validators, turn.report.started))


def _take_source(turn: _SourceRound, fetched: Fetched) -> SourceKind | FetchFailure:
    """Read a fetched source as a feed or as a page: what it was, or why it gave nothing."""
    kind = classify_body(fetched.content_type, fetched.body)
    if kind is SourceKind.FEED:
        failure = _take_feed(turn, fetched)
    elif kind is SourceKind.PAGE:
        failure = _take_page(turn, fetched, None)
    else:
        detail = fetched.content_type or "no content type"
        failure = FetchFailure(fetched.url, FailureReason.UNSUPPORTED_CONTENT, detail)
    return failure or kind


def _take_feed(turn: _SourceRound, fetched: Fetched) -> FetchFailure | None:
    """Fetch and accept the feed's items never seen before."""
    reading = read_feed(fetched.body, turn.source.url, content_type=fetched.content_type,
                        base_url=fetched.final_url)
    if isinstance(reading, FetchFailure):
        return reading
    turn.report.failures.extend(reading.rejected)
    for item in reading.items:
        if not turn.ledger.has_seen_url(item.url):
            _take_item(turn, item)
    return None


def _take_item(turn: _SourceRound, item: FeedItem) -> None:
    """Fetch one new item page and accept it, or report why not."""
    outcome = turn.fetcher.fetch(item.url)
    if isinstance(outcome, NotModified):
        return
    failure = outcome if isinstance(outcome, FetchFailure) else _take_page(turn, outcome, item)
    if failure is not None:
        _give_up(turn, failure)


def _take_page(turn: _SourceRound, fetched: Fetched, item: FeedItem | None) -> FetchFailure | None:
    """Accept a page unless its article was seen before under any URL."""
    page = read_page(fetched, item)
    if isinstance(page, FetchFailure):
        return page
    seen = SeenItem(page.url, page.content_hash, turn.source.url, turn.report.started)
    if turn.ledger.has_seen_content(page.content_hash):
        turn.report.duplicates.append(page.url)
        turn.ledger.record_item(seen)
        return None
    turn.ledger.accept_page(page, seen)
    turn.report.pages.append(page)
    return None


def _give_up(turn: _SourceRound, failure: FetchFailure) -> None:
    """Report an item failure; remember a permanent one, leave a transient one for later."""
    turn.report.failures.append(failure)
    if failure.reason.is_permanent:
        seen = SeenItem(failure.url, "", turn.source.url, turn.report.started, failure.reason)
        turn.ledger.record_item(seen)
    else:
        turn.has_pending = True

