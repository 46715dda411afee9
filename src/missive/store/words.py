"""The words of each report's evidence and occasion, as an inverted index for the search box.

DuckDB's full-text search extension (`fts`) would be the tool, but it cannot be installed on a
machine without access to DuckDB's extension server, and the PyPI build (`duckdb-ext-fts`) is
made for DuckDB 1.4 and refused by 2.0. So the store keeps its own index: table evidence_words
holds one row per (word, report), written in the same transaction as the report, with an ART
index on the word. A search for 'congratulatory letter' is then two index lookups and an
intersection instead of splitting every stored evidence text into words (0.06-0.3 s against
about 20 s on 300,000 reports of 30 words, measured on this 2-core machine under load).

A word is a run of letters and digits in any script, lower-cased; the query is split the same
way, by the same expression, so the two always agree.
"""

from __future__ import annotations

from typing import Any

WORD_SPLIT = r"[^\pL\pN]+"


def words_select(where: str = "", reports: str = "events") -> str:
    """SELECT (word, report_id, content_hash) of the reports in relation `reports` (the stored ones,
    or a batch about to be stored), `where` narrowing which."""
    return ("SELECT DISTINCT word, event_id AS report_id, content_hash FROM (SELECT event_id, content_hash,"
            f" unnest(regexp_split_to_array(lower(concat_ws(' ', evidence, occasion)), '{WORD_SPLIT}')) AS word"
            f" FROM {reports}{where}) WHERE length(word) > 1")


CREATE_SQL = f"""
    CREATE TABLE evidence_words (word VARCHAR NOT NULL, report_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL);
    INSERT INTO evidence_words {words_select()};
    CREATE INDEX evidence_words_word ON evidence_words (word);
"""


def index_words(con: Any, reports: str) -> None:
    """Index the words of the reports in relation `reports` (rows of table events being written, in the
    writer's transaction): one statement for a whole batch, with no scan of the stored reports."""
    con.execute(f"INSERT INTO evidence_words {words_select(reports=reports)}")


def drop_words(con: Any, content_hashes: list[str]) -> None:
    """Forget the words of these articles' reports (before they are replaced)."""
    con.execute("DELETE FROM evidence_words WHERE list_contains(?, content_hash)", [content_hashes])


def query_words(con: Any, text: str) -> list[str]:
    """The words of a query, split as the evidence is, in the order typed."""
    row = con.execute("SELECT list_distinct(list_filter(regexp_split_to_array(lower(?), ?), lambda w: length(w) > 1))",
                      [text, WORD_SPLIT]).fetchone()
    return sorted(row[0] or [], key=text.lower().find)


def reports_with_words(con: Any, words: list[str]) -> list[str]:
    """Ids of the stored reports whose evidence or occasion holds every one of the words."""
    if not words:
        return []
    matches = " INTERSECT ".join("SELECT report_id FROM evidence_words WHERE word = ?" for _ in words)
    rows = con.execute(f"SELECT event_id FROM events WHERE event_id IN ({matches})", words).fetchall()
    return [r[0] for r in rows]
