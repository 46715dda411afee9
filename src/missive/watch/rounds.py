"""One watch round: poll every due source, fetch only the new item pages, hand them to the ledger.

This is the network half of `missive watch`, with no store and no extraction in it: the
`WatchLedger` it is given decides what a page becomes and where state goes. The order of writes
is what makes a round safe to kill at any point (see `missive.watch.state`): each new page is
accepted together with its item row before the next item, and a source's new validators are
saved last, and only when nothing of it is left to retry.

Nothing a source does stops the round: each source and each item ends in the report, as a page
the ledger took (stored, duplicate, skipped), a 304, a source not due yet, or a failure with its
reason, one line each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from .failures import FailureReason, FetchFailure
from .feeds import FeedItem, read_feed
from .fetch import Fetched, Fetcher, NotModified
from .pages import read_page
from .sources import Source, SourceKind, classify_body
from .state import ItemOutcome, PageResult, SeenItem, SourceState, WatchLedger


@dataclass
class RoundReport:
    """What one round did, in the order it happened."""

    started: datetime
    pages: list[PageResult] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    read: list[str] = field(default_factory=list)  # sources fetched and read (200)
    unchanged: list[str] = field(default_factory=list)  # sources that answered 304
    failed: list[str] = field(default_factory=list)  # sources that gave nothing
    not_due: list[str] = field(default_factory=list)  # sources left for a later round

    def outcomes(self, outcome: ItemOutcome) -> list[PageResult]:
        return [page for page in self.pages if page.seen.outcome is outcome]


@dataclass
class _SourceRound:
    """The context of one source's turn: where to record, and whether to keep old validators."""

    source: Source
    ledger: WatchLedger
    fetcher: Fetcher
    report: RoundReport
    on_page: Callable[[PageResult], None] | None
    has_pending: bool = False


def watch_round(sources: Iterable[Source], ledger: WatchLedger, fetcher: Fetcher, *,
                now: datetime | None = None, every: timedelta | None = None, once: bool = False,
                on_page: Callable[[PageResult], None] | None = None) -> RoundReport:
    """Poll each source due at `now` once (every source when `every` is None; see
    SourceState.is_due for `once`); new pages go to `ledger.accept_page` (and to `on_page` as
    they are taken), the rest to the report."""
    report = RoundReport(now or datetime.now(timezone.utc))
    for source in sources:
        state = ledger.source_state(source.url)
        if every is not None and not state.is_due(report.started, every, once=once):
            report.not_due.append(source.url)
            continue
        _poll_source(_SourceRound(source, ledger, fetcher, report, on_page), state)
    return report


def _poll_source(turn: _SourceRound, state: SourceState) -> None:
    """Conditional GET of the source, then its new items; its state saved last."""
    outcome = turn.fetcher.fetch(turn.source.url, state.validators)
    if isinstance(outcome, NotModified):
        turn.report.unchanged.append(turn.source.url)
        turn.ledger.record_source(state.unchanged(turn.report.started))
        return
    taken = outcome if isinstance(outcome, FetchFailure) else _take_source(turn, outcome)
    if isinstance(taken, FetchFailure):
        turn.report.failures.append(taken)
        turn.report.failed.append(turn.source.url)
        turn.ledger.record_source(state.failed(taken, turn.report.started))
        return
    assert isinstance(outcome, Fetched)
    turn.report.read.append(turn.source.url)
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
    seen = turn.ledger.seen_urls([item.url for item in reading.items])
    for item in reading.items:
        if item.url not in seen:
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
    """Hand a fetched page to the ledger (which stores it, or says it is a duplicate or skipped)."""
    page = read_page(fetched, item)
    if isinstance(page, FetchFailure):
        return page
    result = turn.ledger.accept_page(page, turn.source.url, turn.report.started)
    turn.report.pages.append(result)
    if turn.on_page is not None:
        turn.on_page(result)
    return None


def _give_up(turn: _SourceRound, failure: FetchFailure) -> None:
    """Report an item failure; remember a permanent one, leave a transient one for later."""
    turn.report.failures.append(failure)
    if failure.reason.is_permanent:
        turn.ledger.record_item(SeenItem(failure.url, turn.source.url, turn.report.started,
                                         ItemOutcome.GIVEN_UP, reason=failure.reason.value))
    else:
        turn.has_pending = True
