"""One frozen Settings object for the API, the CLI and batches: the limits that bound the cost of
one article, whatever a user feeds in.

A batch must finish whatever its inputs hold (a 2 GB gzip bomb, a 50 MB page, a 10 MB line):
each limit below turns an input past it into a Skip (``too_long`` or ``timed_out``) so the rest
of the batch is stored. The defaults are far above real news (a long article is 30-60 KB of
text) and can be raised per run through the environment, e.g. ``MISSIVE_MAX_ARTICLE_CHARS``:
every field reads ``MISSIVE_`` + its name in capitals.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from .errors import MissiveError

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """Per-article limits (sizes in bytes or characters, times in seconds)."""

    # A file larger than this on disk is not read at all (too_long).
    max_file_bytes: int = 64 * MB
    # Decompression stops once its output passes this (a gzip bomb is too_long, not 6 GB of memory).
    max_decompressed_bytes: int = 64 * MB
    # An HTML page larger than this is not given to the HTML parser (too_long).
    max_html_chars: int = 8 * MB
    # An article's plain text longer than this is not cleaned or parsed (too_long).
    max_article_chars: int = 2 * MB
    # A corpus line longer than this is not decoded as JSON (too_long); the rest of the corpus goes on.
    max_row_bytes: int = 16 * MB
    # CPU seconds one article may spend in cleaning, metadata, dating, actors and extraction;
    # checked between stages and in the long loops (timed_out). CPU, not wall-clock: a busy
    # machine must not time out a good article.
    article_seconds: float = 30.0
    # At most this many sentences of one article go to the parser, each at most this long: the
    # parser's cost grows with both, and no news sentence is longer.
    max_parsed_sentences: int = 300
    max_sentence_chars: int = 1_500
    # Articles parsed together and stored in one write; the store is held only while a batch is written.
    batch_docs: int = 32
    # Seconds a reader (a page, a read command) waits for a writer's batch before saying the store is busy.
    read_wait_seconds: float = 20.0
    # `missive watch`: seconds a connection or a read may stall, seconds one response may take in all
    # (a page that drips forever is a timeout), the largest feed or page read (too_large), and the
    # least pause between two requests to one site (a robots.txt Crawl-delay can only lengthen it).
    fetch_timeout_seconds: float = 20.0
    fetch_deadline_seconds: float = 60.0
    fetch_max_bytes: int = 5 * MB
    host_delay_seconds: float = 1.0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults, overridden by MISSIVE_<FIELD> variables (a malformed one is an error naming it)."""
        environ = os.environ if environ is None else environ
        changes: dict[str, float | int] = {}
        for f in fields(cls):
            raw = environ.get(f"MISSIVE_{f.name.upper()}")
            if raw is None:
                continue
            kind = float if f.type in ("float", float) else int
            try:
                value = kind(raw.replace("_", ""))
            except ValueError:
                raise MissiveError(f"MISSIVE_{f.name.upper()}={raw!r} is not a number") from None
            if value <= 0:
                raise MissiveError(f"MISSIVE_{f.name.upper()}={raw!r} must be above zero")
            changes[f.name] = value
        return replace(cls(), **changes)


def default_settings() -> Settings:
    """The settings of this run: the defaults and the environment."""
    return Settings.from_env()
