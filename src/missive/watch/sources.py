"""What to watch: the SOURCES a user names, and whether a fetched source is a feed or a page.

Users name sources the way they collect them: a feed URL pasted from a site, an article page,
or a file of both kept under version control (one URL a line, `#` comments). This module turns
those arguments into `Source` records and reports every argument it cannot use as a failure
value naming it, so one typo in a list of forty feeds costs one line, not the round.

A source's kind is known only after fetching it: sites serve RSS as text/html and HTML as
text/xml, and a URL says nothing reliable. `classify_body` decides from the content type first,
then from the document's root element, then from feedparser's own sniffing.
"""

from __future__ import annotations

import enum
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from .failures import FailureReason, FetchFailure

WEB_SCHEMES = frozenset({"http", "https"})
FEED_MEDIA_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml", "application/x-rss+xml",
})
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<html[\s>]|<!doctype html", re.IGNORECASE)
_COMMENT = re.compile(r"(?:^|\s)#.*$")


class SourceKind(str, enum.Enum):
    """What a source turned out to be once fetched."""

    FEED = "feed"
    PAGE = "page"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Source:
    """A URL to watch and where the user named it (an argument, or file:line)."""

    url: str
    origin: str


def parse_sources(arguments: Iterable[str]) -> tuple[list[Source], list[FetchFailure]]:
    """Sources from URLs and source files, in order, each URL once; the rest as failures."""
    sources: dict[str, Source] = {}
    failures: list[FetchFailure] = []
    for text, origin in _expand_arguments(arguments, failures):
        checked = check_web_url(text, origin)
        if isinstance(checked, FetchFailure):
            failures.append(checked)
        else:
            sources.setdefault(checked, Source(checked, origin))
    return list(sources.values()), failures


def check_web_url(text: str, origin: str = "") -> str | FetchFailure:
    """The URL without its fragment if it is an absolute http(s) URL with a host.

    Fragments are dropped because they never reach the server, so two URLs differing only
    there are the same source.
    """
    try:
        parts = urlsplit(text.strip())
    except ValueError as error:
        return FetchFailure(text, FailureReason.BAD_URL, _join(origin, str(error)))
    if parts.scheme.lower() not in WEB_SCHEMES:
        return FetchFailure(text, FailureReason.BAD_SCHEME, _join(origin, "only http(s) URLs are fetched"))
    if not parts.hostname:
        return FetchFailure(text, FailureReason.BAD_URL, _join(origin, "no host"))
    return urldefrag(text.strip()).url


def _expand_arguments(
    arguments: Iterable[str], failures: list[FetchFailure]
) -> Iterator[tuple[str, str]]:
    """(URL text, origin) pairs: URLs as given, source files read line by line."""
    for argument in arguments:
        if "://" in argument:
            yield argument, "argument"
            continue
        path = Path(argument)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            detail = f"neither a URL nor a readable sources file: {type(error).__name__}"
            failures.append(FetchFailure(argument, FailureReason.BAD_URL, detail))
            continue
        yield from _source_lines(lines, path.name)


def _source_lines(lines: list[str], name: str) -> Iterator[tuple[str, str]]:
    """Non-blank lines with comments removed; a `#` starts a comment at line start or after a space."""
    for number, line in enumerate(lines, start=1):
        text = _COMMENT.sub("", line).strip()
        if text:
            yield text, f"{name}:{number}"


def classify_body(content_type: str, body: bytes) -> SourceKind:
    """Feed or page, from the media type, then the first root element, then feedparser's sniffing.

    The root element wins over a text/html media type because many servers label RSS that way;
    the first of <rss>/<feed> and <html> counts, since feeds quote HTML in their items.
    """
    media_type = content_type.split(";")[0].strip().lower()
    if media_type in FEED_MEDIA_TYPES:
        return SourceKind.FEED
    head = body[:4096]
    feed_at, html_at = _first_at(_FEED_ROOT, head), _first_at(_HTML_ROOT, head)
    if feed_at < html_at:
        return SourceKind.FEED
    if html_at < len(head) or media_type in HTML_MEDIA_TYPES:
        return SourceKind.PAGE
    return SourceKind.FEED if _feedparser_sees_feed(body) else SourceKind.UNKNOWN


def _first_at(pattern: re.Pattern[bytes], head: bytes) -> int:
    """Where the pattern first matches, or past the end when it does not."""
    found = pattern.search(head)
    return found.start() if found else len(head) + 1


def _feedparser_sees_feed(body: bytes) -> bool:
    """Whether feedparser recognises a feed format; a stream so it never fetches or opens files."""
    import feedparser

    return bool(feedparser.parse(io.BytesIO(body)).get("version"))


def _join(origin: str, detail: str) -> str:
    return f"{origin}: {detail}" if origin else detail
