"""The word index behind the search box (DuckDB's fts extension cannot be installed offline).

Real DuckDB files; articles built from text and events read by hand. The index must follow the
reports it indexes: written with them, replaced with them, built for a store that predates it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from missive.model import Actor, DateWindow, Event, Span
from missive.pipeline import build_document
from missive.store.database import Store
from missive.store.migrations import MIGRATIONS
from missive.store.queries import Reader

TEXT = ("Hanoi, 2 March 2024 -- Prime Minister Phạm Minh Chính sent a letter of condolence to the Lao prime minister "
        "after the floods in Attapeu, the ministry said.\n")
CHINH, SONEXAY = Actor("Pham Minh Chinh", "VNM"), Actor("Sonexay Siphandone", "LAO")


def _save(store: Store, text: str, phrase: str) -> None:
    doc = build_document("condolence", text, path="condolence.txt")
    at = doc.original.index(phrase)
    event = Event(doc_id=doc.doc_id, type="message", source=CHINH, target=SONEXAY, medium="letter",
                  when=DateWindow(date(2024, 3, 2), date(2024, 3, 2), "day", "'2 March 2024': a dated day"),
                  evidence=(Span(doc.doc_id, at, at + len(phrase), phrase),), occasion="the floods in Attapeu")
    store.save_document(doc, [event])


def _found(path: Path, query: str) -> int:
    with Store.open(path, read_only=True) as store:
        reader = Reader(store)
        return len(reader.events_with_words(reader.words_of(query)))


def test_words_of_the_evidence_and_occasion_find_their_event_in_any_script(tmp_path: Path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        _save(store, TEXT, "Phạm Minh Chính sent a letter of condolence to the Lao prime minister")
    assert _found(path, "letter of condolence") == 1
    assert _found(path, "Chính condolence") == 1  # a word with diacritics, as typed
    assert _found(path, "Attapeu") == 1  # the occasion's words
    assert _found(path, "condolence congratulations") == 0  # every word must be there


def test_a_replaced_article_takes_its_words_with_it(tmp_path: Path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        _save(store, TEXT, "Phạm Minh Chính sent a letter of condolence to the Lao prime minister")
        _save(store, TEXT, "Phạm Minh Chính sent a letter")  # the same article read again, less evidence
        words = store.con.execute("SELECT word, count(*) FROM evidence_words GROUP BY word HAVING count(*) > 1").fetchall()
    assert words == []  # nothing indexed twice
    assert _found(path, "letter") == 1 and _found(path, "Lao minister") == 0


def test_a_store_from_before_the_index_gets_it_when_upgraded(tmp_path: Path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        _save(store, TEXT, "Phạm Minh Chính sent a letter of condolence to the Lao prime minister")
        version = next(m.version for m in MIGRATIONS if "words" in m.name)
        store.con.execute("DROP TABLE evidence_words")
        store.con.execute("DELETE FROM schema_migrations WHERE version = ?", [version])
    Store.open_for_reading(path).close()
    assert _found(path, "condolence") == 1
