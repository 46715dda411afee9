"""A fetched item page -> a corpus row: the page's HTML with what the feed said about it.

A feed item is a corpus row with a URL and a date, so a watched page takes the same road into
Missive as a row of a corpus (missive.documents.reading.row_article): trafilatura reads its text
and the page's own original date (htmldate), the feed's `published` value becomes the 'row' date
candidate and keeps the feed's time zone (a Seoul item stamped 00:30 +09:00 is reported on the
Seoul day, not on the UTC one before it), and the item's title wins over the page's. Nothing is
extracted here: this module only decodes the bytes and says what the row holds.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .failures import FailureReason, FetchFailure
from .feeds import FeedItem
from .fetch import Fetched
from .sources import SourceKind, classify_body

_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_CHARS = 48


@dataclass(frozen=True, slots=True)
class WatchedPage:
    """One fetched page and what its feed said of it ('' where the feed said nothing, or for a
    page watched directly)."""

    url: str  # as the feed listed it: the item's identity in the watch
    final_url: str  # where the page was, after redirects: the article's URL
    html: str
    title: str = ""
    published: str = ""  # the feed's date of the item as written, its zone included
    feed_url: str = ""
    feed_title: str = ""

    @property
    def doc_id(self) -> str:
        """A readable, stable id: the URL's last path segment as a slug, and a hash of the URL."""
        path = urlsplit(self.url).path.rstrip("/")
        stem = _SLUG.sub("-", path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()).strip("-")[:SLUG_CHARS]
        digest = hashlib.sha256(self.url.encode("utf-8")).hexdigest()[:10]
        return f"{stem or urlsplit(self.url).hostname or 'page'}-{digest}"

    def as_row(self) -> dict[str, str]:
        """The page as a corpus row (the README's columns; `feed`, `feed_title` and `item_url` travel
        as fields). No `outlet`: the page's own name (og:site_name, else its host) is the outlet."""
        row = {"id": self.doc_id, "html": self.html, "url": self.final_url or self.url, "title": self.title,
               "published": self.published, "feed": self.feed_url, "feed_title": self.feed_title,
               "item_url": self.url if self.final_url and self.final_url != self.url else ""}
        return {name: value for name, value in row.items() if value}


def read_page(fetched: Fetched, item: FeedItem | None = None) -> WatchedPage | FetchFailure:
    """The fetched page with its feed item's title and date; a failure if it is not an HTML page."""
    if classify_body(fetched.content_type, fetched.body) is not SourceKind.PAGE:
        detail = fetched.content_type or "no content type"
        return FetchFailure(fetched.url, FailureReason.UNSUPPORTED_CONTENT, detail)
    html = decode_html(fetched.body, fetched.content_type)
    if item is None:
        return WatchedPage(fetched.url, fetched.final_url, html)
    return WatchedPage(fetched.url, fetched.final_url, html, item.title, item.published, item.feed_url,
                       item.feed_title)


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


def _declared_charset(content_type: str) -> str:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"')
    return ""
