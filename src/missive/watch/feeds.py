"""RSS and Atom feeds -> FeedItems, each with its date as the feed wrote it.

feedparser reads every feed dialect and survives most malformed ones, so it does the parsing,
but over bytes we fetched ourselves (through the polite, guarded fetcher), never by letting it
open a URL or a file. Two of its habits are worked around on purpose:

- its `*_parsed` dates are UTC struct_times. Converting a Seoul item published at 00:30 +09:00
  to UTC puts it on the previous day, and the report day is the day an event's date window is
  anchored on ("on Tuesday" means the publisher's Tuesday). So the item keeps the raw string,
  zone included, and the pipeline reads the publisher's day from it as it reads a corpus row's
  `published` value (missive.documents.date_candidates.published_day).
- a "bozo" feed is one with an XML error; many real feeds are, and still list good items, so
  a feed fails as malformed only when feedparser found no entries in it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from .failures import FailureReason, FetchFailure
from .sources import check_web_url


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: where its article is, and what the feed says about it.

    `published` is the entry's date as written (RFC 822 or ISO 8601, with its zone), '' when
    it gives none; `summary` is as the feed gives it (HTML, sanitised by feedparser).
    """

    url: str
    title: str
    published: str
    summary: str
    feed_url: str
    feed_title: str = ""


@dataclass(frozen=True, slots=True)
class FeedReading:
    """A parsed feed: its items in feed order, and the entries that had no usable link."""

    feed_url: str
    title: str
    items: tuple[FeedItem, ...]
    rejected: tuple[FetchFailure, ...]


def read_feed(body: bytes, feed_url: str, *, content_type: str = "",
              base_url: str = "") -> FeedReading | FetchFailure:
    """Parse fetched feed bytes; relative links resolve against `base_url` (the final URL).

    A feed with XML errors fails as malformed only when no entry with a link survived.
    """
    import feedparser

    headers = {"content-location": base_url or feed_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    title = str(parsed.feed.get("title", "")).strip()
    items, rejected = _read_entries(parsed.entries, base_url or feed_url, feed_url, title)
    if not items and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f"no usable entries: {problem}" if problem else "no feed format recognised"
        return FetchFailure(feed_url, FailureReason.MALFORMED_FEED, detail)
    return FeedReading(feed_url, title, tuple(items), tuple(rejected))


def _read_entries(entries: list[Any], base_url: str, feed_url: str,
                  feed_title: str) -> tuple[list[FeedItem], list[FetchFailure]]:
    """Items with an http(s) link, each URL once; the others as failures naming the entry."""
    items: dict[str, FeedItem] = {}
    rejected: list[FetchFailure] = []
    for position, entry in enumerate(entries, start=1):
        checked = _entry_url(entry, position, base_url, feed_url)
        if isinstance(checked, FetchFailure):
            rejected.append(checked)
        elif checked not in items:
            items[checked] = _feed_item(entry, checked, feed_url, feed_title)
    return list(items.values()), rejected


def _entry_url(entry: Any, position: int, base_url: str, feed_url: str) -> str | FetchFailure:
    """The entry's absolute http(s) link; an empty link is a failure, not the feed's own URL."""
    link = str(entry.get("link", "")).strip()
    if not link:
        return FetchFailure(feed_url, FailureReason.BAD_URL, f"entry {position} has no link")
    return check_web_url(urljoin(base_url, link), f"{feed_url} entry {position}")


def _feed_item(entry: Any, url: str, feed_url: str, feed_title: str) -> FeedItem:
    return FeedItem(
        url=url,
        title=str(entry.get("title", "")).strip(),
        published=str(entry.get("published") or entry.get("updated") or "").strip(),
        summary=str(entry.get("summary", "")).strip(),
        feed_url=feed_url,
        feed_title=feed_title,
    )
