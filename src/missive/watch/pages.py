"""A fetched item page -> its article text, title and every date candidate with where it came from.

The text comes from trafilatura (through `missive.html`, which already owns that call and
leaves readers' comments out). The page's own date comes from htmldate, asked for the ORIGINAL
publication date rather than the last update, and only from the markup (extensive_search off):
a date found in the body text is as likely the date of the events reported as the date of the
report, and the body's dates are the temporal stage's business, with spans.

The feed's date and the page's date often disagree (a feed stamped at re-publication, a page
with a stale meta tag). Neither is discarded here: both travel as `DateCandidate`s with their
provenance, so the dating stage can weigh them and a user can see which one it chose and why.

The content hash is taken over the article text with white space folded, not over the HTML,
so a page whose ads or timestamps change is still the same article.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from ..documents.html import extract_html
from .failures import FailureReason, FetchFailure
from .feeds import FeedItem
from .fetch import Fetched
from .sources import SourceKind, classify_body


class DateProvenance(str, enum.Enum):
    """Where a publication date candidate was read."""

    FEED = "feed"                    # the item's date in the feed, in its own zone
    PAGE_METADATA = "page_metadata"  # htmldate over the page's markup and URL


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A publication day, the exact moment when the source gives one, and its provenance."""

    day: date
    at: datetime | None
    provenance: DateProvenance
    raw: str


@dataclass(frozen=True, slots=True)
class PageRecord:
    """One item page, ready to become a corpus row: text, title, dates, and where it came from."""

    url: str
    final_url: str
    html: str
    text: str
    title: str
    published: tuple[DateCandidate, ...]
    feed_url: str | None
    content_hash: str


def read_page(fetched: Fetched, item: FeedItem | None = None) -> PageRecord | FetchFailure:
    """Text, title and date candidates of a fetched page; a failure if it holds no article."""
    if classify_body(fetched.content_type, fetched.body) is not SourceKind.PAGE:
        detail = fetched.content_type or "no content type"
        return FetchFailure(fetched.url, FailureReason.UNSUPPORTED_CONTENT, detail)
    html = decode_html(fetched.body, fetched.content_type)
    text, meta = extract_html(html, fetched.final_url)
    if not text.strip():
        return FetchFailure(fetched.url, FailureReason.NO_TEXT, "no article text found")
    return PageRecord(
        url=fetched.url,
        final_url=fetched.final_url,
        html=html,
        text=text,
        title=meta.get("title") or (item.title if item else ""),
        published=date_candidates(html, fetched.final_url, item),
        feed_url=item.feed_url if item else None,
        content_hash=content_hash(text),
    )


def date_candidates(html: str, url: str, item: FeedItem | None) -> tuple[DateCandidate, ...]:
    """The feed's date (if it had a zone) then the page's original date (if htmldate finds one)."""
    candidates = []
    if item is not None and item.published is not None:
        published = item.published
        candidates.append(DateCandidate(published.date(), published, DateProvenance.FEED, item.published_raw))
    page_day = find_page_date(html, url)
    if page_day is not None:
        candidates.append(DateCandidate(page_day, None, DateProvenance.PAGE_METADATA, page_day.isoformat()))
    return tuple(candidates)


def find_page_date(html: str, url: str) -> date | None:
    """The page's original publication day from its markup and URL, through htmldate."""
    import htmldate

    found = htmldate.find_date(html, extensive_search=False, original_date=True, url=url or None)
    return date.fromisoformat(found) if found else None


def decode_html(body: bytes, content_type: str) -> str:
    """The page as text: the declared charset when there is one, else trafilatura's detection."""
    charset = _declared_charset(content_type)
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file

    return decode_file(body)


def content_hash(text: str) -> str:
    """sha256 of the text with white space folded: the identity of an article's content."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _declared_charset(content_type: str) -> str:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"')
    return ""
