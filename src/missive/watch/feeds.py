"""RSS and Atom feeds -> FeedItems, each dated in its own time zone.

feedparser reads every feed dialect and survives most malformed ones, so it does the parsing,
but over bytes we fetched ourselves (through the polite, guarded fetcher), never by letting it
open a URL or a file. Two of its habits are worked around on purpose:

- its `*_parsed` dates are UTC struct_times. Converting a Seoul item published at 21:30 +09:00
  to UTC puts it on the previous day, and the report day is the day an event's date window is
  anchored on ("on Tuesday" means the publisher's Tuesday). So the date is read again from the
  raw string, keeping its offset. A raw date with no zone (or an unknown zone name) gives no
  datetime at all rather than a guess; the raw string is kept, and the page's date remains.
- a "bozo" feed is one with an XML error; many real feeds are, and still list good items, so
  a feed fails as malformed only when feedparser found no entries in it.
"""

from __future__ import annotations

import email.utils
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin

from .failures import FailureReason, FetchFailure
from .sources import check_web_url


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: where its article is, and what the feed says about it.

    `published` is timezone-aware in the offset the feed gave, never converted to UTC, so
    `published.date()` is the publisher's local date; None when the feed gave no zone.
    `summary` is as the feed gives it (HTML, sanitised by feedparser).
    """

    url: str
    title: str
    published: datetime | None
    published_raw: str
    summary: str
    feed_url: str


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
    items, rejected = _read_entries(parsed.entries, base_url or feed_url, feed_url)
    if not items and (parsed.get("bozo") or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f"no usable entries: {problem}" if problem else "no feed format recognised"
        return FetchFailure(feed_url, FailureReason.MALFORMED_FEED, detail)
    title = str(parsed.feed.get("title", ""))
    return FeedReading(feed_url, title, tuple(items), tuple(rejected))


def _read_entries(entries: list[Any], base_url: str,
                  feed_url: str) -> tuple[list[FeedItem], list[FetchFailure]]:
    """Items with an http(s) link, each URL once; the others as failures naming the entry."""
    items: dict[str, FeedItem] = {}
    rejected: list[FetchFailure] = []
    for position, entry in enumerate(entries, start=1):
        checked = _entry_url(entry, position, base_url, feed_url)
        if isinstance(checked, FetchFailure):
            rejected.append(checked)
        elif checked not in items:
            items[checked] = _feed_item(entry, checked, feed_url)
    return list(items.values()), rejected


def _entry_url(entry: Any, position: int, base_url: str, feed_url: str) -> str | FetchFailure:
    """The entry's absolute http(s) link; an empty link is a failure, not the feed's own URL."""
    link = str(entry.get("link", "")).strip()
    if not link:
        return FetchFailure(feed_url, FailureReason.BAD_URL, f"entry {position} has no link")
    return check_web_url(urljoin(base_url, link), f"{feed_url} entry {position}")


def _feed_item(entry: Any, url: str, feed_url: str) -> FeedItem:
    raw = str(entry.get("published") or entry.get("updated") or "")
    return FeedItem(
        url=url,
        title=str(entry.get("title", "")).strip(),
        published=parse_published(raw),
        published_raw=raw,
        summary=str(entry.get("summary", "")).strip(),
        feed_url=feed_url,
    )


def parse_published(raw: str) -> datetime | None:
    """An aware datetime in the string's own offset (RFC 822 or ISO 8601), or None without a zone.

    RFC 5322's "-0000" means "this is UTC, the local zone is unknown", so it is read as UTC.
    """
    text = raw.strip()
    if not text:
        return None
    when = _parse_rfc822(text) or _parse_iso8601(text)
    if when is not None and when.tzinfo is None:
        return when.replace(tzinfo=timezone.utc) if text.endswith("-0000") else None
    return when


def _parse_rfc822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_iso8601(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
