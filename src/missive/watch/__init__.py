"""Watching news feeds and pages as they publish: the network half of `missive watch`.

Analysts follow correspondence as it happens, so Missive must read the feeds of news agencies
and ministries, not only files a user saved. This subpackage fetches, and only fetches:

    sources   SOURCES arguments and files -> Source; a fetched body -> feed or page
    fetch     the polite, guarded HTTP client (robots.txt, pacing, retries, caps, 304s)
    feeds     feed bytes -> FeedItem, dated in the item's own time zone
    pages     an item page -> PageRecord (text, title, dated candidates with provenance)
    state     what a watch remembers (SourceState, SeenItem) and the WatchLedger interface
    rounds    one round over all sources, writing through a WatchLedger
    failures  the closed set of reasons a URL gave nothing, as values

It depends on `missive.html` (trafilatura) and on nothing downstream: ingesting a PageRecord
as a document, storing the ledger and printing new events belong to the store and the CLI.
"""

from .failures import FailureReason, FetchFailure
from .feeds import FeedItem, FeedReading, parse_published, read_feed
from .fetch import Fetched, Fetcher, FetchResult, FetchSettings, NotModified, Validators, default_user_agent
from .pages import DateCandidate, DateProvenance, PageRecord, content_hash, read_page
from .rounds import RoundReport, watch_round
from .sources import Source, SourceKind, classify_body, parse_sources
from .state import MemoryLedger, SeenItem, SourceState, WatchLedger

__all__ = [
    "DateCandidate",
    "DateProvenance",
    "FailureReason",
    "FeedItem",
    "FeedReading",
    "FetchFailure",
    "FetchResult",
    "FetchSettings",
    "Fetched",
    "Fetcher",
    "MemoryLedger",
    "NotModified",
    "PageRecord",
    "RoundReport",
    "SeenItem",
    "Source",
    "SourceKind",
    "SourceState",
    "Validators",
    "WatchLedger",
    "classify_body",
    "content_hash",
    "default_user_agent",
    "parse_published",
    "parse_sources",
    "read_feed",
    "read_page",
    "watch_round",
]
