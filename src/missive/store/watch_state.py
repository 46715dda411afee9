"""The watch's memory in the store: tables watch_sources and watch_items (migration 6).

`missive watch` must survive a restart and a kill -9 without fetching or storing anything twice,
so what a round learns lives beside the articles it stored, in the same file: per source the
validators a conditional GET sends back and the run of failures; per item URL what became of it
and the hash of its article text. An item row is written inside the transaction of its article
(`Store.save_document(..., also=...)`), so the two exist together or not at all. Every statement
here is one statement, atomic on its own; none opens a transaction of its own, so each can run
inside the caller's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..watch.failures import FailureReason
from ..watch.sources import SourceKind
from ..watch.state import SeenItem, SourceState
from .database import Store

SOURCE_COLUMNS = ("url", "kind", "etag", "last_modified", "last_round", "last_success", "consecutive_failures",
                  "last_failure", "last_failure_detail")
ITEM_COLUMNS = ("url", "source_url", "seen_at", "outcome", "content_hash", "reason")


def load_source(store: Store, url: str) -> SourceState:
    """A source's memory, or a fresh one for a source never polled."""
    row = store.con.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM watch_sources WHERE url = ?", [url]).fetchone()
    return _source_state(row) if row else SourceState(url)


def load_sources(store: Store) -> list[SourceState]:
    """Every source polled so far, by URL."""
    rows = store.con.execute(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM watch_sources ORDER BY url").fetchall()
    return [_source_state(row) for row in rows]


def save_source(store: Store, state: SourceState) -> None:
    values = [state.url, state.kind.value, state.etag, state.last_modified, state.last_round, state.last_success,
              state.consecutive_failures, state.last_failure.value if state.last_failure else None,
              state.last_failure_detail]
    store.con.execute(f"INSERT OR REPLACE INTO watch_sources ({', '.join(SOURCE_COLUMNS)})"
                      f" VALUES ({', '.join('?' * len(SOURCE_COLUMNS))})", values)


def seen_urls(store: Store, urls: list[str]) -> set[str]:
    """The URLs among these that a watch handled, or that an article in the store came from."""
    if not urls:
        return set()
    rows = store.con.execute("SELECT url FROM watch_items WHERE list_contains(?, url)"
                             " UNION SELECT url FROM documents WHERE list_contains(?, url)", [urls, urls]).fetchall()
    return {row[0] for row in rows}


def is_content_seen(store: Store, content_hash: str) -> bool:
    """Whether an article with this text is stored (by any route), or was seen by a watch."""
    return bool(store.con.execute("SELECT 1 FROM documents WHERE content_hash = ? UNION ALL"
                                  " SELECT 1 FROM watch_items WHERE content_hash = ? LIMIT 1",
                                  [content_hash, content_hash]).fetchone())


def record_item(store: Store, seen: SeenItem) -> None:
    """Remember an item URL (the last word on it wins: a page watched directly may change)."""
    values = [seen.url, seen.source_url, seen.seen_at, seen.outcome.value, seen.content_hash, seen.reason]
    store.con.execute(f"INSERT OR REPLACE INTO watch_items ({', '.join(ITEM_COLUMNS)})"
                      f" VALUES ({', '.join('?' * len(ITEM_COLUMNS))})", values)


def item_writer(seen: SeenItem) -> Callable[[Store], None]:
    """record_item for `Store.save_document(..., also=...)`: the item row in the article's transaction."""
    return lambda store: record_item(store, seen)


def item_counts(store: Store) -> dict[str, dict[str, int]]:
    """Per source URL, how many of its items ended in each outcome."""
    counts: dict[str, dict[str, int]] = {}
    rows = store.con.execute("SELECT source_url, outcome, count(*) FROM watch_items GROUP BY ALL").fetchall()
    for source_url, outcome, n in rows:
        counts.setdefault(source_url, {})[outcome] = n
    return counts


def _source_state(row: tuple[Any, ...]) -> SourceState:
    values = dict(zip(SOURCE_COLUMNS, row))
    return SourceState(
        url=values["url"], kind=SourceKind(values["kind"]), etag=values["etag"],
        last_modified=values["last_modified"], last_round=values["last_round"], last_success=values["last_success"],
        consecutive_failures=values["consecutive_failures"],
        last_failure=FailureReason(values["last_failure"]) if values["last_failure"] else None,
        last_failure_detail=values["last_failure_detail"] or "",
    )
