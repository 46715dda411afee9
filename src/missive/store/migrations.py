"""The store's schema, as named migrations applied in order and recorded by version and name.

A user's store outlives any one version of Missive: a schema change is a new migration at the
end of this list (never an edit of an applied one), so a store of any age is brought up to date
by running the ones it has not recorded (see ``Store.migrate``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .words import CREATE_SQL as EVIDENCE_WORDS_SQL


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str
    # After its SQL, the consolidated events are rebuilt from the reports already stored.
    rebuilds_consolidation: bool = False


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, skips and events", """
    CREATE TABLE documents (
        content_hash VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        path VARCHAR,
        title VARCHAR,
        url VARCHAR,
        outlet VARCHAR,
        original VARCHAR NOT NULL,
        cleaned VARCHAR NOT NULL,
        metadata JSON,
        removals JSON,
        report_start DATE,
        report_end DATE,
        report_reason VARCHAR,
        conflicts JSON,
        n_events INTEGER,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE skips (
        path VARCHAR PRIMARY KEY,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        skipped_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        medium VARCHAR,
        source VARCHAR,
        source_country VARCHAR,
        target VARCHAR,
        target_country VARCHAR,
        participants VARCHAR[],
        date_min DATE,
        date_max DATE,
        date_reason VARCHAR,
        occasion VARCHAR,
        reported_by VARCHAR[],
        background BOOLEAN,
        evidence VARCHAR,
        evidence_spans JSON,
        confidence DOUBLE,
        pattern VARCHAR,
        reasons JSON,
        in_reply_to VARCHAR
    );
    """),
    Migration(2, "consolidated events, near-duplicate signatures, quotes", """
    ALTER TABLE events ADD COLUMN pair_key VARCHAR;
    ALTER TABLE events ADD COLUMN quotes JSON;
    CREATE TABLE doc_minhash (
        content_hash VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        hashvalues BIGINT[] NOT NULL
    );
    CREATE TABLE consolidated (
        event_id VARCHAR PRIMARY KEY,
        pair_key VARCHAR NOT NULL,
        countries VARCHAR[],
        type VARCHAR NOT NULL,
        source_country VARCHAR,
        target_country VARCHAR,
        date_min DATE,
        date_max DATE,
        n_reports INTEGER,
        n_sources INTEGER,
        docs VARCHAR[],
        n_conflicts INTEGER,
        flat JSON NOT NULL
    );
    """,
              rebuilds_consolidation=True),
    Migration(3, "checkpoints of corpus ingests: the shards already stored", """
    CREATE TABLE ingest_shards (
        shard_key VARCHAR PRIMARY KEY,
        label VARCHAR,
        n_documents INTEGER,
        n_skips INTEGER,
        n_events INTEGER,
        finished_at TIMESTAMP DEFAULT current_timestamp
    );
    """),
    Migration(4, "the words of each report's evidence and occasion, indexed for search", EVIDENCE_WORDS_SQL),
    Migration(5, "article identity: a new version of an article replaces the old one", """
    ALTER TABLE documents ADD COLUMN source_key VARCHAR;
    UPDATE documents SET source_key = coalesce(nullif(path, ''), doc_id);
    """),
    # `missive watch`: what each source answered last (validators for conditional GET, failures) and
    # every item URL handled, with what became of it (missive.watch.state.ItemOutcome) and the hash
    # of its article text; an item row is written in the same transaction as its article.
    Migration(6, "watch state: sources polled and items seen", """
    CREATE TABLE watch_sources (
        url VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        etag VARCHAR,
        last_modified VARCHAR,
        last_round TIMESTAMPTZ,
        last_success TIMESTAMPTZ,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        last_failure VARCHAR,
        last_failure_detail VARCHAR NOT NULL DEFAULT ''
    );
    CREATE TABLE watch_items (
        url VARCHAR PRIMARY KEY,
        source_url VARCHAR NOT NULL,
        seen_at TIMESTAMPTZ NOT NULL,
        outcome VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL DEFAULT '',
        reason VARCHAR NOT NULL DEFAULT ''
    );
    CREATE INDEX watch_items_hash ON watch_items (content_hash);
    """),
    # When the store first held a report of each consolidated event (the earliest ingested_at of its
    # reports' articles, on the store's clock): what the web's "new since" list and `missive watch`
    # announce. Derived from the reports, so it survives every reconsolidation; stores of older
    # versions get it from their articles.
    Migration(7, "consolidated events' first_seen", """
    ALTER TABLE consolidated ADD COLUMN first_seen TIMESTAMP;
    UPDATE consolidated SET first_seen = seen.first_seen FROM (
        SELECT c.event_id, min(d.ingested_at) AS first_seen FROM consolidated c
        JOIN documents d ON list_contains(c.docs, d.doc_id) GROUP BY c.event_id) AS seen
    WHERE consolidated.event_id = seen.event_id;
    """),
    Migration(8, "consolidation by region: report reaches, year-less days, members, aliases, a queue", """
    ALTER TABLE events ADD COLUMN reach_lo DATE;
    ALTER TABLE events ADD COLUMN reach_hi DATE;
    ALTER TABLE events ADD COLUMN calendar JSON;
    ALTER TABLE events ADD COLUMN source_kind VARCHAR;
    ALTER TABLE events ADD COLUMN target_kind VARCHAR;
    ALTER TABLE events ADD COLUMN stamp_dated BOOLEAN;
    CREATE TABLE consolidated_members (
        report_id VARCHAR PRIMARY KEY,
        event_id VARCHAR NOT NULL,
        pair_key VARCHAR NOT NULL,
        linked_by VARCHAR NOT NULL,
        linked_to VARCHAR
    );
    CREATE TABLE event_aliases (
        old_id VARCHAR PRIMARY KEY,
        new_id VARCHAR,
        reason VARCHAR NOT NULL,
        retired_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE consolidation_queue (
        pair_key VARCHAR NOT NULL,
        reach_lo DATE,
        reach_hi DATE,
        queued_at TIMESTAMP DEFAULT current_timestamp
    );
    """,
              rebuilds_consolidation=True),
    # Who took part in a multilateral act, by name where the text named them: the flat format keeps only
    # their states, and an undated report of three named leaders joins the dated one by those names.
    # Rows stored before keep nameless participants (consolidation reads them as states, as it did).
    Migration(9, "participants' names", """
    ALTER TABLE events ADD COLUMN participant_actors JSON;
    """),
)
