"""The DuckDB store: documents, skipped inputs and events; the only module that imports duckdb.

Re-ingesting never duplicates: a document is keyed by the SHA-256 of its original text, and
its events are replaced as a whole when the same content is ingested again. Schema changes are
recorded migrations (``migrations``; table schema_migrations), each applied in its own
transaction, in order and only once.

DuckDB lets one process write a file, and no other process open it meanwhile, even to read.
So a writer holds its connection only while it writes (one batch), readers hold theirs only
for one request, and both retry a held file with a short backoff (``connect``): pages keep
answering while an ingest runs.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pyarrow as pa

from ..consolidation.consolidate import Report, pair_key
from ..consolidation.near_duplicates import signature_from_values, text_signature
from ..consolidation.pair_analysis import Comparison, PairStats, Wording, compare_wording, pair_stats, quoted_passages
from ..errors import StoreBusy, StoreError, StoreMissing
from ..model import FLAT_NAMES, Actor, CalendarFact, DateWindow, Document, Event, Skip, Span, event_from_flat, event_to_flat
from ..settings import default_settings
from ..temporal.reference_date import rests_on_stamp
from .consolidated import bring_up_to_date, enqueue, rebuild_all, report_reach, resolve, retired
from .filters import EventFilter, clauses, consolidated_where, order_sql, reports_where
from .migrations import MIGRATIONS
from .words import drop_words, index_words

DEFAULT_DB = "missive.duckdb"
# How long a writing connection waits for readers to let go of the file before saying so (seconds).
WRITE_WAIT = 60.0
# Rows of a table that a writer's checkpoint rewrites at most at once (a row group; DuckDB's smallest).
# Every write session appends row groups of its own, and the checkpoint that ends it merges small
# neighbours into fuller ones, in memory: with DuckDB's default of 122,880 rows, the merges grew with
# the store (documents hold both texts, ~6-12 KB a row) and a corpus ingest's writer peaked at
# 482 MB after 9,000 articles against 356 after 2,000 (benchmarks/scale.py, issue 14). At 2,048 rows
# a merge holds a few tens of MB whatever the store's size; scans of small tables lose nothing.
WRITER_ROW_GROUP_ROWS = 2048


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """An article as the store writes it: its row of table documents, its rows of table events and
    its near-duplicate signature. Built where the article was extracted (`article_rows`; a Dask
    worker in a corpus ingest), so that the one writer only writes: building them (JSON, MinHash) is
    most of what storing an article costs in Python."""

    content_hash: str
    identity: str  # Document.identity: a stored article with it and other content is an older version
    path: str  # the input's path (or id), as table skips names it
    n_events: int  # the events extracted (the document's count; repeated ids are stored once)
    pair_keys: frozenset[str]  # the pairs its events are in (to reconsolidate)
    document: tuple[Any, ...]  # DOCUMENT_COLUMNS
    events: tuple[tuple[Any, ...], ...]  # STORED_EVENT_COLUMNS
    signature: tuple[int, ...]  # doc_minhash.hashvalues


def article_rows(doc: Document, events: list[Event], report_day: DateWindow | None = None,
                 conflicts: Iterable[str] = ()) -> ArticleRows:
    """The rows that store one article and its events (pure: no connection needed)."""
    h = doc.content_hash
    document = (h, doc.doc_id, doc.path, doc.metadata.title, doc.metadata.url, doc.metadata.outlet, doc.original,
                doc.cleaned, json.dumps(_metadata_json(doc)), json.dumps([_removal_json(r) for r in doc.removals]),
                getattr(report_day, "start", None), getattr(report_day, "end", None),
                getattr(report_day, "reason", ""), json.dumps(list(conflicts)), len(events), doc.identity)
    return ArticleRows(h, doc.identity, doc.path or doc.doc_id, len(events),
                       frozenset(k for k in (pair_key(e) for e in events) if k is not None), document,
                       tuple(_event_row(e, h, rests_on_stamp(getattr(report_day, "reason", ""), e.when.reason))
                             for e in _unique_events(events)),
                       tuple(int(v) for v in text_signature(doc.cleaned).hashvalues))


def default_db_path() -> Path:
    return Path(os.environ.get("MISSIVE_DB") or DEFAULT_DB)


class Store:
    """A DuckDB file holding the record; open it with `Store.open(path)` or as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con, self.path = con, path

    @classmethod
    def open(cls, path: str | Path | None = None, read_only: bool = False, wait: float | None = None) -> "Store":
        """The store at path (default $MISSIVE_DB or ./missive.duckdb). Read-only opens refuse a
        file that does not exist; a writing open creates it and brings its schema up to date."""
        target = Path(path) if path else default_db_path()
        if read_only and not target.is_file():
            raise StoreMissing(f"{target}: no such store (create one with `missive ingest FILES --db {target}`)")
        if wait is None:
            wait = default_settings().read_wait_seconds if read_only else WRITE_WAIT
        con = connect(target, read_only, wait)
        store = cls(con, target)
        if not read_only:
            try:
                store.migrate()
            except BaseException:
                con.close()
                raise
        return store

    @classmethod
    def open_for_reading(cls, path: str | Path | None = None) -> "Store":
        """A read-only connection for the read commands; a store of an older schema is upgraded in
        place first (each migration is one transaction: nothing is lost if it is interrupted)."""
        store = cls.open(path, read_only=True)
        if not store.schema_behind():
            return store
        store.close()
        cls.open(path).close()
        return cls.open(path, read_only=True)

    def schema_behind(self) -> bool:
        """Whether migrations of this Missive are not recorded in the store yet."""
        try:
            done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        except duckdb.Error:
            return True
        return any(m.version not in done for m in MIGRATIONS)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def migrate(self) -> None:
        """Apply the migrations not yet recorded, each with its record in one transaction: a
        migration interrupted at any point leaves the store as it was before it. Consolidation is
        rebuilt in the last one's transaction when any of them asks (the rebuild needs the newest schema)."""
        with self._transaction():
            self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                             " applied_at TIMESTAMP DEFAULT current_timestamp)")
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        if done and max(done) > max(m.version for m in MIGRATIONS):
            raise StoreError(f"{self.path}: written by a newer Missive (schema {max(done)}); upgrade Missive")
        self._name_recorded_migrations()
        pending = [m for m in MIGRATIONS if m.version not in done]
        rebuild = any(m.rebuilds_consolidation for m in pending)
        for migration in pending:
            with self._transaction():
                self.con.execute(migration.sql)
                if rebuild and migration is pending[-1]:
                    self._rebuild_consolidation()
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                                 [migration.version, migration.name])

    def _name_recorded_migrations(self) -> None:
        """The table records each migration's name beside its version (a reader sees what the store
        went through); stores that recorded versions only get the names of the versions they hold."""
        columns = [d[0] for d in self.con.execute("SELECT * FROM schema_migrations LIMIT 0").description]
        if "name" in columns:
            return
        with self._transaction():
            self.con.execute("ALTER TABLE schema_migrations ADD COLUMN name VARCHAR")
            self.con.executemany("UPDATE schema_migrations SET name = ? WHERE version = ?",
                                 [[m.name, m.version] for m in MIGRATIONS])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        return bool(self.con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]).fetchone())

    def known_hashes(self, content_hashes: list[str]) -> set[str]:
        """Which of these contents are stored already (one query for a batch)."""
        rows = self.con.execute("SELECT content_hash FROM documents WHERE list_contains(?, content_hash)",
                                [content_hashes]).fetchall()
        return {r[0] for r in rows}

    def save_document(self, doc: Document, events: list[Event], report_day: DateWindow | None = None,
                      conflicts: Iterable[str] = (), consolidate: bool = True,
                      also: Callable[["Store"], None] | None = None) -> set[str]:
        """Store one article and its events atomically, replacing an earlier copy of it: the same
        content, or an older version of the same article (Document.identity: the same file, or the
        same corpus id, with other content), whose events go with it. `also` writes rows that must
        live or die with the article in the same transaction (a watched item's row: store.watch_state).

        Consolidation of every country pair the article touches (before or after) is recomputed in
        the same transaction, so every writer keeps it current and no reader sees it half done. A
        batch writer may pass consolidate=False and call `reconsolidate` with the returned pair keys
        once per batch: a pair with thousands of reports is then recomputed once, not per article.
        A write the database refuses is a StoreError naming the article (the batch goes on).
        """
        try:
            with self._transaction():
                keys, _ = self._write_articles([article_rows(doc, events, report_day, conflicts)])
                if also is not None:
                    also(self)
                if consolidate:
                    bring_up_to_date(self.con, self._load_reports, keys)
        except duckdb.Error as exc:
            raise StoreError(f"{doc.path or doc.doc_id}: not stored ({type(exc).__name__}: {str(exc)[:200]})") from exc
        return keys

    def _write_articles(self, articles: Sequence[ArticleRows]) -> tuple[set[str], int]:
        """Store articles, in order, inside the caller's transaction, each replacing an earlier copy of it
        (the same content, or an older version: the same identity); the pair keys touched and the
        number of older versions (other content) replaced. Set-based:
        a handful of statements for a whole shard, its rows inserted from Arrow tables, instead of ten
        statements an article. Articles are written in runs in which no content or identity repeats, so
        a later article replaces an earlier one of the same batch exactly as one by one."""
        touched: set[str] = set()
        older = 0
        for run in _distinct_runs(articles):
            keys, n_older = self._write_run(run)
            touched |= keys
            older += n_older
        return touched, older

    def _write_run(self, run: list[ArticleRows]) -> tuple[set[str], int]:
        hashes, identities = [a.content_hash for a in run], [a.identity for a in run]
        replaced = [r[0] for r in self.con.execute(
            "SELECT content_hash FROM documents WHERE list_contains(?, content_hash) OR list_contains(?, source_key)",
            [hashes, identities]).fetchall()]
        removed = self.con.execute("SELECT pair_key, reach_lo, reach_hi FROM events WHERE list_contains(?, content_hash)"
                                   " AND pair_key IS NOT NULL", [replaced]).fetchall() if replaced else []
        touched = self._delete_documents(replaced) if replaced else set()
        self.con.execute("DELETE FROM skips WHERE list_contains(?, path)", [[a.path for a in run]])
        self._insert_rows("documents", DOCUMENT_COLUMNS, [a.document for a in run])
        with self._incoming(STORED_EVENT_COLUMNS, [e for a in run for e in a.events]) as reports:
            if reports:
                self.con.execute(f"INSERT INTO events ({', '.join(STORED_EVENT_COLUMNS)})"
                                 f" SELECT {', '.join(STORED_EVENT_COLUMNS)} FROM {reports}")
                index_words(self.con, reports)
        self._insert_rows("doc_minhash", ("content_hash", "doc_id", "hashvalues"),
                          [(a.content_hash, a.document[1], list(a.signature)) for a in run])
        key, lo, hi = (STORED_EVENT_COLUMNS.index(c) for c in ("pair_key", "reach_lo", "reach_hi"))
        added = [(e[key], e[lo], e[hi]) for a in run for e in a.events if e[key]]
        enqueue(self.con, [tuple(r) for r in removed] + added)  # what consolidation must look at again
        return touched | {k for a in run for k in a.pair_keys}, len(set(replaced) - set(hashes))

    def _insert_rows(self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        with self._incoming(columns, rows) as incoming:
            if incoming:
                self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM {incoming}")

    @contextmanager
    def _incoming(self, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> Iterator[str]:
        """Rows as an Arrow table registered on the connection for one statement or two: the name to
        select from ('' when there are none). DuckDB casts each column to the table's type on insert."""
        if not rows:
            yield ""
            return
        name = "incoming_rows"
        self.con.register(name, pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)}))
        try:
            yield name
        finally:
            self.con.unregister(name)

    def save_shard(self, key: str, label: str, articles: Sequence[ArticleRows], skips: Sequence[Skip],
                   consolidate: bool = True) -> tuple[set[str], int]:
        """Store a finished shard of a corpus ingest in ONE transaction: its articles and skips, the
        consolidation of every pair they touch, and the shard's checkpoint row. A killed ingest
        thus leaves whole shards or none, and a re-run skips exactly the checkpointed ones. A write
        the database refuses is a StoreError naming the shard (nothing of it is stored). Returns the
        pair keys touched and how many older versions (other content, same identity) were replaced.

        With consolidate=False the caller reconsolidates the returned pair keys later (`reconsolidate`,
        once for several shards): sound only for new reports, which `stale_pairs` finds if the run is
        killed before, not for re-extracted ones (the same report ids with other content)."""
        try:
            with self._transaction():
                keys, replaced = self._write_articles(articles)
                for skip in skips:
                    self._write_skip(skip)
                if consolidate:
                    bring_up_to_date(self.con, self._load_reports, keys)
                self.con.execute("INSERT OR REPLACE INTO ingest_shards (shard_key, label, n_documents, n_skips,"
                                 " n_events) VALUES (?,?,?,?,?)", [key, label, len(articles), len(skips),
                                                                   sum(a.n_events for a in articles)])
        except duckdb.Error as exc:
            raise StoreError(f"{label}: not stored ({type(exc).__name__}: {str(exc)[:200]})") from exc
        return keys, replaced

    def finished_shards(self) -> set[str]:
        """The keys of the corpus shards already stored (see save_shard)."""
        return {r[0] for r in self.con.execute("SELECT shard_key FROM ingest_shards").fetchall()}

    def older_versions(self, doc: Document) -> list[str]:
        """Content hashes of stored versions of this article with other content (same identity)."""
        rows = self.con.execute("SELECT content_hash FROM documents WHERE source_key = ? AND content_hash <> ?",
                                [doc.identity, doc.content_hash]).fetchall()
        return [r[0] for r in rows]

    def _delete_documents(self, content_hashes: list[str]) -> set[str]:
        """Remove stored articles with their events and signatures; the pairs their events were in."""
        touched = {r[0] for r in self.con.execute(
            "SELECT DISTINCT pair_key FROM events WHERE list_contains(?, content_hash)", [content_hashes]).fetchall()}
        for table in ("events", "doc_minhash", "documents"):
            self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, content_hash)", [content_hashes])
        drop_words(self.con, content_hashes)
        return {k for k in touched if k is not None}

    def stale_pairs(self) -> set[str]:
        """Pairs whose consolidation disagrees with the stored reports: a report that is in no
        consolidated event, or a consolidated event holding a report that is gone. A writer killed
        between storing articles and reconsolidating leaves such pairs; the next ingest fixes them
        from what is stored, whatever that run itself processes."""
        rows = self.con.execute(
            "WITH members AS (SELECT pair_key, unnest(json_extract_string(flat, '$.reports[*].event_id')) AS report_id"
            " FROM consolidated)"
            " SELECT DISTINCT e.pair_key FROM events e ANTI JOIN members m ON e.event_id = m.report_id"
            " WHERE e.pair_key IS NOT NULL"
            " UNION SELECT DISTINCT m.pair_key FROM members m ANTI JOIN events e ON e.event_id = m.report_id"
        ).fetchall()
        return {r[0] for r in rows if r[0] is not None}

    def reconsolidate(self, pair_keys: Iterable[str] | None = None) -> int:
        """Bring consolidation up to date for these pairs (after writes with consolidate=False), or for
        every pair with queued changes when None (what a run killed before consolidating left).
        Returns how many reports were consolidated again."""
        with self._transaction():
            return bring_up_to_date(self.con, self._load_reports, pair_keys)

    def _save_signature(self, content_hash: str, doc_id: str, cleaned: str) -> None:
        values = [int(v) for v in text_signature(cleaned).hashvalues]
        self.con.execute("INSERT INTO doc_minhash VALUES (?,?,?)", [content_hash, doc_id, values])

    def save_skip(self, skip: Skip, also: Callable[["Store"], None] | None = None) -> None:
        """Store a skipped input (and `also`'s rows, as in save_document) in one transaction."""
        with self._transaction():
            self._write_skip(skip)
            if also is not None:
                also(self)

    def _write_skip(self, skip: Skip) -> None:
        self.con.execute("DELETE FROM skips WHERE path = ?", [skip.path])
        self.con.execute("INSERT INTO skips (path, reason, detail) VALUES (?,?,?)",
                         [skip.path, str(skip.reason), skip.detail])

    # -- consolidation: brought up to date by region, inside the writer's transaction ------------
    def _load_reports(self, report_ids: list[str]) -> list[Report]:
        """Stored reports as consolidation reads them: with quotes, year-less days, outlet, first day
        of publication and their article's near-duplicate signature."""
        cur = self.con.execute(
            "SELECT e.*, d.outlet AS doc_outlet, d.metadata AS doc_metadata, d.report_start AS doc_start,"
            " d.report_end AS doc_end, m.hashvalues AS doc_signature FROM events e JOIN documents d USING (content_hash)"
            " LEFT JOIN doc_minhash m USING (content_hash) WHERE list_contains(?, e.event_id)", [report_ids])
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
        signatures = {r["content_hash"]: signature_from_values(r["doc_signature"]) for r in rows if r["doc_signature"]}
        return [Report(_row_to_event(row), row["event_id"], article_outlet(row), "", row["doc_start"] or row["doc_end"],
                       signatures.get(row["content_hash"]), bool(row["stamp_dated"])) for row in rows]

    def rebuild_consolidation(self) -> int:
        """Recompute signatures and every pair's consolidation from the stored events (after upgrades)."""
        with self._transaction():
            self._rebuild_consolidation()
        return self.con.execute("SELECT count(*) FROM consolidated").fetchone()[0]

    def _rebuild_consolidation(self) -> None:
        for (h, doc_id, cleaned) in self.con.execute(
                "SELECT content_hash, doc_id, cleaned FROM documents WHERE content_hash NOT IN"
                " (SELECT content_hash FROM doc_minhash)").fetchall():
            self._save_signature(h, doc_id, cleaned)
        reasons = dict(self.con.execute("SELECT content_hash, report_reason FROM documents").fetchall())
        cur = self.con.execute("SELECT * FROM events")
        cols = [d[0] for d in cur.description]
        for row in [dict(zip(cols, r)) for r in cur.fetchall()]:
            event = _row_to_event(row)
            stamped = rests_on_stamp(reasons.get(row["content_hash"]) or "", event.when.reason)
            self.con.execute("UPDATE events SET pair_key = ?, reach_lo = ?, reach_hi = ?, stamp_dated = ?"
                             " WHERE event_id = ?", [pair_key(event) or None, *report_reach(event.when, stamped),
                                                     stamped, row["event_id"]])
        rebuild_all(self.con, self._load_reports)

    def resolve_event_id(self, event_id: str) -> tuple[str | None, list[dict[str, Any]]]:
        """The event an id names now: itself, the event it was merged into (following aliases), or
        None when it was withdrawn or never existed; with the aliases followed."""
        return resolve(self.con, event_id)

    def retired_events(self) -> list[dict[str, Any]]:
        """Every event id that no longer names an event and what became of it (merged, split, withdrawn)."""
        return retired(self.con)

    # -- reading ---------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "skips")}

    def events(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Stored reports as flat dicts, newest first (by the latest day they can have happened)."""
        where, args = reports_where(f)
        sql = "SELECT * FROM events" + clauses(where)
        sql += " ORDER BY coalesce(date_max, date_min) DESC NULLS LAST, doc_id, event_id"
        cur = self.con.execute(sql, args)
        cols = [d[0] for d in cur.description]
        return [row_to_flat(dict(zip(cols, row))) for row in cur.fetchall()]

    def consolidated(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Consolidated events as flat dicts (plus docs, n_sources, reports, conflicts), oldest first."""
        where, args = consolidated_where(f)
        sql = f"SELECT flat FROM consolidated{clauses(where)} ORDER BY {order_sql('date')}"
        return [json.loads(r[0]) for r in self.con.execute(sql, args).fetchall()]

    def store_time(self) -> datetime:
        """Now on the store's clock, the clock of ingested_at and first_seen (DuckDB's time zone)."""
        return self.con.execute("SELECT current_timestamp::TIMESTAMP").fetchone()[0]

    def new_events(self, since: datetime, pair_keys: Iterable[str] | None = None,
                   limit: int | None = None) -> list[dict[str, Any]]:
        """Consolidated events first seen at or after `since` (store clock), newest first: the flat
        record with its first_seen (ISO). `pair_keys` limits the question to those pairs."""
        sql, args = "SELECT flat, first_seen FROM consolidated WHERE first_seen >= ?", [since]
        if pair_keys is not None:
            sql, args = sql + " AND list_contains(?, pair_key)", args + [sorted(pair_keys)]
        sql += " ORDER BY first_seen DESC, coalesce(date_max, date_min) DESC NULLS LAST, event_id"
        if limit is not None:
            sql, args = sql + " LIMIT ?", args + [limit]
        return [{**json.loads(flat), "first_seen": seen.isoformat(sep=" ", timespec="seconds")}
                for flat, seen in self.con.execute(sql, args).fetchall()]

    def timeline(self, a: str, b: str, since: date | None = None) -> list[dict[str, Any]]:
        """The consolidated interactions between two states, oldest first."""
        return self.consolidated(EventFilter((a.upper(), b.upper()), since=since))

    def pair_stats(self, a: str, b: str) -> PairStats:
        a, b = a.upper(), b.upper()
        return pair_stats(self.consolidated(EventFilter((a, b), types=("message",))), a, b)

    def compare(self, left: str, right: str) -> Comparison:
        """The quoted wording of two messages (consolidated or report ids) and the phrases they differ in."""
        return compare_wording(self.wording(left), self.wording(right))

    def wording(self, event_id: str) -> Wording:
        row = self.con.execute("SELECT flat FROM consolidated WHERE event_id = ?", [event_id]).fetchone()
        if row:
            flat = json.loads(row[0])
            ids = [r["event_id"] for r in flat["reports"]]
        else:
            found = self.events_by_id([event_id])
            if not found:
                raise StoreError(f"{event_id}: no such event in {self.path}")
            flat, ids = found[0], [event_id]
        quotes = [q for i in ids for q in self._report_quotes(i)]
        label = (f"{flat.get('source') or flat.get('source_country')} → {flat.get('target') or flat.get('target_country')}"
                 f", {flat.get('date_min') or '…'}..{flat.get('date_max') or '…'}, {flat.get('medium') or flat['type']}")
        return Wording(event_id, label, tuple(dict.fromkeys(quotes)))

    def events_by_id(self, event_ids: list[str]) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM events WHERE list_contains(?, event_id) ORDER BY event_id", [event_ids])
        cols = [d[0] for d in cur.description]
        return [row_to_flat(dict(zip(cols, r))) for r in cur.fetchall()]

    def _report_quotes(self, event_id: str) -> tuple[str, ...]:
        """Stored quotes, else the quoted passages between the neighbouring events' evidence."""
        h, spans, quotes = self.con.execute(
            "SELECT content_hash, evidence_spans, quotes FROM events WHERE event_id = ?", [event_id]).fetchone()
        if quotes and json.loads(quotes):
            return tuple(q[2] for q in json.loads(quotes))
        start = (json.loads(spans or "[]") or [[0, 0]])[0][0]
        others = [json.loads(r[0] or "[]") for r in self.con.execute(
            "SELECT evidence_spans FROM events WHERE content_hash = ? AND event_id <> ?", [h, event_id]).fetchall()]
        firsts = [s[0] for s in others if s]
        before = max((end for begin, end in firsts if begin < start), default=0)
        after = min((begin for begin, _ in firsts if begin > start), default=None)
        original = self.con.execute("SELECT original FROM documents WHERE content_hash = ?", [h]).fetchone()[0]
        return quoted_passages(original, before, after)

    def skips(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT path, reason, detail FROM skips ORDER BY path")
        return [dict(zip(("path", "reason", "detail"), r)) for r in cur.fetchall()]


class Sessions:
    """Connections for a long writer: a fresh one per batch (so readers get the file between
    batches), or the caller's open Store throughout; and the lock that keeps a second writer out."""

    def __init__(self, store: "Store | str | Path | None") -> None:
        self.fixed = store if isinstance(store, Store) else None
        self.path = self.fixed.path if self.fixed else (Path(store) if store else default_db_path())

    @contextmanager
    def open(self) -> Iterator["Store"]:
        if self.fixed is not None:
            yield self.fixed
            return
        store = Store.open(self.path)
        try:
            yield store
        finally:
            store.close()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the store's ingest lock (a file beside it, released by the OS even on kill -9)."""
        import fcntl

        lock_path = Path(f"{self.path}.ingest.lock")
        with open(lock_path, "a+", encoding="utf-8") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "?"
                raise StoreBusy(f"{self.path}: another `missive ingest` or `missive watch` (PID {holder}) is writing"
                                " this store; wait for it to finish, or ingest into another --db") from None
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A connection, waiting with a short backoff while another process holds the file (DuckDB
    allows one writing process, and no reader beside it), then a StoreBusy saying what to do."""
    deadline, pause = time.monotonic() + wait, 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=True) if read_only else _writer(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError(f"{path}: cannot open the store ({_first_line(exc)})") from exc
            if time.monotonic() >= deadline:
                raise StoreBusy(_busy_message(path, read_only, wait)) from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({_first_line(exc)})") from exc
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, 0.25)


def _writer(path: Path) -> duckdb.DuckDBPyConnection:
    """A writing connection whose checkpoints rewrite at most WRITER_ROW_GROUP_ROWS rows of a table at
    once: the file attached to an in-memory database with that row group size (DuckDB keeps no row
    group size in the file; a plain connect would use its default of 122,880 rows)."""
    con = duckdb.connect(":memory:", config={"temp_directory": f"{path}.tmp"})
    try:
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS store (ROW_GROUP_SIZE {WRITER_ROW_GROUP_ROWS})")
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return con


def _busy_message(path: Path, read_only: bool, wait: float) -> str:
    doing = "read" if read_only else "write"
    return (f"{path}: another process has held the store for {wait:g} s, so this one cannot {doing} it"
            " (a long `missive ingest` batch, or a program other than Missive keeping it open);"
            " try again when it is done")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


# Table events holds every field of the flat format (doc as doc_id, doc_hash as content_hash) and what
# the store adds to it (reach, year-less days, actor kinds and the stamp flag are consolidation's).
STORED_EVENT_COLUMNS = ("content_hash", "doc_id", *(n for n in FLAT_NAMES if n not in ("doc", "doc_hash")), "pattern",
                        "reasons", "pair_key", "quotes", "reach_lo", "reach_hi", "calendar", "source_kind", "target_kind",
                        "stamp_dated", "participant_actors")
# The columns of table documents an article writes (ingested_at is the transaction's time).
DOCUMENT_COLUMNS = ("content_hash", "doc_id", "path", "title", "url", "outlet", "original", "cleaned", "metadata",
                    "removals", "report_start", "report_end", "report_reason", "conflicts", "n_events", "source_key")


def _event_row(event: Event, content_hash: str, stamp_dated: bool) -> tuple[Any, ...]:
    """A row of table events: the flat format (doc as doc_id, offsets as JSON) and what the store adds
    (its pair and reach: what consolidation must look at again when it comes or goes)."""
    flat = event_to_flat(event)
    lo, hi = report_reach(event.when, stamp_dated)
    row = {**flat, "doc_id": flat["doc"], "evidence_spans": json.dumps(flat["evidence_spans"]),
           "content_hash": content_hash, "pattern": event.pattern, "reasons": json.dumps(list(event.reasons)),
           "pair_key": pair_key(event) or None,
           "quotes": json.dumps([[q.start_char, q.end_char, q.text] for q in event.quotes]),
           "reach_lo": lo, "reach_hi": hi, "calendar": json.dumps([_fact_json(f) for f in event.calendar]),
           "source_kind": event.source.kind if event.source else None,
           "target_kind": event.target.kind if event.target else None, "stamp_dated": stamp_dated,
           "participant_actors": json.dumps([[p.country, p.name, p.kind] for p in event.participants])}
    return tuple(row[c] for c in STORED_EVENT_COLUMNS)


def _distinct_runs(articles: Sequence[ArticleRows]) -> Iterator[list[ArticleRows]]:
    """The articles in order, cut where a content or an identity comes again."""
    run: list[ArticleRows] = []
    hashes: set[str] = set()
    identities: set[str] = set()
    for a in articles:
        if a.content_hash in hashes or a.identity in identities:
            yield run
            run, hashes, identities = [], set(), set()
        run.append(a)
        hashes.add(a.content_hash)
        identities.add(a.identity)
    if run:
        yield run


def _unique_events(events: list[Event]) -> list[Event]:
    seen, out = set(), []
    for e in events:
        if e.event_id not in seen:
            seen.add(e.event_id)
            out.append(e)
    return out


def _metadata_json(doc: Document) -> dict[str, Any]:
    m = doc.metadata
    return {
        "title": m.title, "url": m.url, "outlet": m.outlet, "author": m.author, "language": m.language,
        "agencies": list(m.agencies), "state_media": list(m.state_media), "corpus_fields": dict(m.corpus_fields),
        "date_candidates": [
            {"value": c.value.isoformat() if c.has_year else c.value.strftime("--%m-%d"), "source": c.source,
             "reason": c.reason, "start_char": c.start_char, "has_year": c.has_year}
            for c in m.date_candidates
        ],
    }


def _removal_json(r: Any) -> dict[str, Any]:
    return {"start_char": r.start_char, "end_char": r.end_char, "reason": r.reason, "text": r.text}


def article_outlet(row: dict[str, Any]) -> str:
    """The article's outlet, else the wire agency it credits, else the state medium it is (a text has no site)."""
    if row.get("doc_outlet"):
        return row["doc_outlet"]
    meta = json.loads(row.get("doc_metadata") or "{}")
    return ", ".join(meta.get("agencies") or meta.get("state_media") or [])


def _fact_json(f: CalendarFact) -> dict[str, Any]:
    return {"month": f.month, "day": f.day, "weekday": f.weekday, "days_before": f.days_before,
            "days_after": f.days_after, "reason": f.reason}


def _row_to_event(row: dict[str, Any]) -> Event:
    """A stored report back as an Event, with what the flat format leaves out (quotes, year-less days)."""
    event = event_from_flat(row_to_flat(row))
    quotes = tuple(Span(row["doc_id"], s, e, t) for s, e, t in json.loads(row.get("quotes") or "[]"))
    facts = tuple(CalendarFact(**f) for f in json.loads(row.get("calendar") or "[]"))
    # a person or a state, as the resolver said (unknown in rows stored before it was kept: no person)
    source = replace(event.source, kind=row.get("source_kind") or "") if event.source else None
    target = replace(event.target, kind=row.get("target_kind") or "") if event.target else None
    return replace(event, quotes=quotes, calendar=facts, source=source, target=target, pattern=row.get("pattern") or "",
                   participants=_participants(row, event.participants))


def _participants(row: dict[str, Any], nameless: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The participants as stored with their names and kinds (rows of older stores: their states only)."""
    stored = json.loads(row.get("participant_actors") or "[]")
    if [c for c, _, _ in stored] != [p.country for p in nameless]:
        return nameless
    return tuple(Actor(name=name, country=country, kind=kind) for country, name, kind in stored)


_INTERNAL_COLUMNS = ("content_hash", "pair_key", "quotes", "reach_lo", "reach_hi", "calendar", "source_kind",
                     "target_kind", "stamp_dated", "participant_actors", "doc_outlet", "doc_metadata", "doc_start", "doc_end", "doc_signature",
                     "doc_reason")


def row_to_flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row of table events as the flat event format (dates ISO, JSON columns parsed)."""
    out = {k: v for k, v in row.items() if k not in _INTERNAL_COLUMNS}
    out["doc"] = out.pop("doc_id")
    out["doc_hash"] = row.get("content_hash") or ""
    for key in ("date_min", "date_max"):
        out[key] = out[key].isoformat() if out[key] else None
    for key in ("evidence_spans", "reasons"):
        out[key] = json.loads(out[key]) if out[key] else []
    out["participants"] = list(out["participants"] or [])
    out["reported_by"] = list(out["reported_by"] or [])
    return out
