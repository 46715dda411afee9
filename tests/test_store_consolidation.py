"""Consolidation kept in a real DuckDB store: by region, after a killed run, and with ids that never die.

Articles are small texts of our own; their events are hand-made (no model), so these tests check the
store's bookkeeping: a store filled in batches equals one consolidated at once, a run killed before
consolidating is finished by the next, and an id that disappears says what it became.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from fastapi.testclient import TestClient

from missive.model import Actor, CalendarFact, DateWindow, Document, Event, Span
from missive.pipeline import build_document
from missive.store.database import Store
from missive.store.migrations import MIGRATIONS
from missive.web.app import create_app

XI, KIM = Actor("Xi Jinping", "CHN"), Actor("Kim Jong Un", "PRK")
BASE = date(2023, 1, 1)


def article(name: str, text: str | None = None) -> Document:
    doc = build_document(name, text or f"{name}: Xi Jinping sent a letter to Kim Jong Un, state media said.\n")
    assert isinstance(doc, Document)
    return doc


def letter(doc: Document, start: date | None, end: date | None, *, occasion: str = "", source: Actor = XI,
           target: Actor = KIM, at: int = 0, length: int = 20) -> Event:
    text = doc.original[at:at + length]  # short: the articles' shared wording is no evidence here
    return Event(doc_id=doc.doc_id, doc_hash=doc.content_hash, type="message", source=source, target=target,
                 when=DateWindow(start, end, "day" if start and start == end else "range", "test"), medium="letter",
                 occasion=occasion, evidence=(Span(doc.doc_id, at, at + len(text), text),))


def snapshot(store: Store) -> list[tuple]:
    """The consolidated events as sets of report ids with their windows (ids and all)."""
    return sorted((e["event_id"], tuple(sorted(r["event_id"] for r in e["reports"])), e["date_min"], e["date_max"])
                  for e in store.consolidated())


# -- by region, equal to the whole -----------------------------------------------------------------------
reports_strategy = st.lists(st.tuples(st.integers(0, 700), st.one_of(st.none(), st.integers(0, 40)),
                                      st.booleans(), st.sampled_from(["", "New Year", "the 75th anniversary"])),
                            min_size=2, max_size=24)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports_strategy, st.randoms(use_true_random=False), st.integers(1, 6))
def test_a_store_filled_in_batches_equals_one_consolidated_at_once(tmp_path_factory, rows, rnd, batch: int):
    docs = []
    for n, (offset, width, open_start, occasion) in enumerate(rows):
        doc = article(f"a{n:02d}")
        end = BASE + timedelta(days=offset)
        start = None if open_start else end - timedelta(days=width or 0)
        docs.append((doc, [letter(doc, start if width is not None or not open_start else None, end,
                                  occasion=occasion, source=XI if n % 3 else KIM, target=KIM if n % 3 else XI)]))
    root = tmp_path_factory.mktemp("batches")
    with Store.open(root / "whole.duckdb") as whole:
        for doc, events in docs:
            whole.save_document(doc, events, consolidate=False)
        whole.rebuild_consolidation()
        expected = snapshot(whole)
    rnd.shuffle(docs)
    with Store.open(root / "batches.duckdb") as store:
        for n, (doc, events) in enumerate(docs, 1):
            store.save_document(doc, events, consolidate=False)
            if n % batch == 0:
                store.reconsolidate()
        store.reconsolidate()
        assert snapshot(store) == expected


def test_a_yearless_report_that_fits_letters_of_several_years_reads_the_same_in_any_order(tmp_path: Path):
    """'On February 1' without a year fits the 1 February letter of every year: kept apart, naming its
    rivals, whichever article came first and however the store's regions fell."""
    dated = [(article(f"y{year}"), date(year, 2, 1)) for year in (2019, 2021, 2023, 2025)]
    dated.append((article("july"), date(2024, 7, 15)))  # no rival: its region holds only it and the yearless
    yearless = article("yearless")
    vague = replace(letter(yearless, None, None), calendar=(CalendarFact(2, 1),))
    flats = []
    for n, order in enumerate((dated, dated[::-1], dated[-1:] + dated[:-1])):
        with Store.open(tmp_path / f"o{n}.duckdb") as store:
            store.save_document(yearless, [vague])
            for doc, day in order:
                store.save_document(doc, [letter(doc, day, day)])
            flats.append(sorted(json.dumps(e, sort_keys=True) for e in store.consolidated()))
    assert flats[0] == flats[1] == flats[2]
    [alone] = [json.loads(e) for e in flats[0] if '"yearless"' in e]
    assert alone["docs"] == ["yearless"] and alone["conflicts"][0]["kind"] == "ambiguous"


def test_an_undated_report_of_three_named_leaders_joins_their_dated_act_through_the_store(tmp_path: Path):
    """The flat format keeps a multilateral act's participants as states; the store keeps their names, so
    'Ruto, Tinubu and Lula signed a declaration' (no date) finds the dated declaration they signed."""
    people = (Actor("William Ruto", "KEN"), Actor("Bola Tinubu", "NGA"), Actor("Luiz Inacio Lula da Silva", "BRA"))
    dated, undated = article("text", "Ruto, Tinubu and Lula signed a declaration on 4 May 2025.\n"), \
        article("news", "Ruto, Tinubu and Lula signed a declaration on trade.\n")

    def accord(doc: Document, day: date | None) -> Event:
        return Event(doc_id=doc.doc_id, doc_hash=doc.content_hash, type="agreement", source=None, target=None,
                     when=DateWindow(day, day, "day" if day else "open", "test"), participants=people,
                     evidence=(Span(doc.doc_id, 0, 20, doc.original[:20]),))
    for n, order in enumerate(((dated, undated), (undated, dated))):
        with Store.open(tmp_path / f"o{n}.duckdb") as store:
            for doc in order:
                store.save_document(doc, [accord(doc, date(2025, 5, 4) if doc is dated else None)])
            [event] = store.consolidated()
            assert event["docs"] == ["news", "text"] and event["participants"] == ["BRA", "KEN", "NGA"]
            assert {r["doc"]: r["linked_by"] for r in event["reports"]}["news"] == "named_parties"


def test_a_run_killed_before_consolidating_is_finished_by_the_next(tmp_path: Path):
    a, b = article("kcna"), article("yonhap")
    with Store.open(tmp_path / "m.duckdb") as store:
        store.save_document(a, [letter(a, BASE, BASE, occasion="New Year")], consolidate=False)
        store.save_document(b, [letter(b, None, BASE + timedelta(days=1), occasion="New Year")], consolidate=False)
    # the process died here: articles and events are stored, consolidation is not
    with Store.open(tmp_path / "m.duckdb") as store:
        assert store.consolidated() == []
        store.reconsolidate()
        [event] = store.consolidated()
        assert event["docs"] == ["kcna", "yonhap"]


# -- ids that never die ----------------------------------------------------------------------------------
def test_an_earlier_report_joining_retires_the_id_into_the_event(tmp_path: Path):
    later, earlier = article("later"), article("earlier")
    with Store.open(tmp_path / "m.duckdb") as store:
        store.save_document(later, [letter(later, BASE, BASE)], report_day=DateWindow(BASE, BASE))
        [first] = store.consolidated()
        store.save_document(earlier, [letter(earlier, BASE, BASE)], report_day=DateWindow(BASE, BASE))
        [merged] = store.consolidated()
        if merged["event_id"] != first["event_id"]:
            live, trail = store.resolve_event_id(first["event_id"])
            assert live == merged["event_id"] and trail[0]["reason"] == "merged"
        assert store.resolve_event_id(merged["event_id"]) == (merged["event_id"], [])


def test_a_new_source_published_later_keeps_the_id(tmp_path: Path):
    first, second = article("first"), article("second")
    with Store.open(tmp_path / "m.duckdb") as store:
        store.save_document(first, [letter(first, BASE, BASE)], report_day=DateWindow(BASE, BASE))
        [before] = store.consolidated()
        day_after = BASE + timedelta(days=1)
        store.save_document(second, [letter(second, None, day_after)], report_day=DateWindow(day_after, day_after))
        [after] = store.consolidated()
        assert after["event_id"] == before["event_id"] and after["docs"] == ["first", "second"]


def test_a_removed_article_withdraws_its_event_and_publishes_it(tmp_path: Path):
    doc = article("only")
    with Store.open(tmp_path / "m.duckdb") as store:
        store.save_document(doc, [letter(doc, BASE, BASE)])
        [event] = store.consolidated()
        store.save_document(doc, [])  # the article, read again, asserts nothing
        assert store.consolidated() == []
        assert store.resolve_event_id(event["event_id"])[0] is None
        assert [(r["old_id"], r["new_id"], r["reason"]) for r in store.retired_events()] == [
            (event["event_id"], None, "withdrawn")]


def merge_by_a_new_report(db: Path) -> tuple[str, str]:
    """A vague report fitting two letters equally stands alone; a copy of its story dated to one of
    them makes it join that letter. Returns (the id it had alone, the event now holding it)."""
    story = "Xi Jinping sent a warm letter of thanks to Kim Jong Un for his birthday greetings, KCNA said.\n"
    early, late, vague = article("early"), article("late"), article("vague", story)
    copy = article("copy", "Seoul: " + story)
    with Store.open(db) as store:
        def save(doc: Document, lo: int, hi: int, published: int, **kw) -> None:
            day = BASE + timedelta(days=published)
            store.save_document(doc, [letter(doc, BASE + timedelta(days=lo), BASE + timedelta(days=hi), **kw)],
                                report_day=DateWindow(day, day))
        save(early, -3, -3, -3)
        save(late, 3, 3, 3)
        save(vague, -6, 6, 7, length=90)
        assert len(store.consolidated()) == 3
        alone = next(e["event_id"] for e in store.consolidated() if e["docs"] == ["vague"])
        save(copy, -3, -3, 8, at=7, length=90)
        events = store.consolidated()
        assert sorted(e["docs"] for e in events) == [["copy", "early", "vague"], ["late"]]
        return alone, next(e["event_id"] for e in events if "vague" in e["docs"])


def test_two_events_joined_by_a_new_report_leave_one_alias_to_the_event(tmp_path: Path):
    alone, holder = merge_by_a_new_report(tmp_path / "m.duckdb")
    with Store.open(tmp_path / "m.duckdb", read_only=True) as store:
        [alias] = store.retired_events()
        assert (alias["old_id"], alias["new_id"], alias["reason"]) == (alone, holder, "merged")
        assert store.resolve_event_id(alone)[0] == holder


def test_the_page_of_a_merged_event_redirects_and_says_so(tmp_path: Path):
    alone, holder = merge_by_a_new_report(tmp_path / "m.duckdb")
    client = TestClient(create_app(tmp_path / "m.duckdb"))
    moved = client.get(f"/event/{alone}", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == f"/event/{holder}?from={alone}"
    page = client.get(f"/event/{alone}")
    assert page.status_code == 200 and f"Event <code>{alone}</code> was merged into this event" in page.text
    twin = client.get(f"/event/{alone}.json").json()
    assert twin["event"]["event_id"] == holder and twin["retired"][0]["old_id"] == alone


# -- upgrades -------------------------------------------------------------------------------------------
def test_a_store_of_the_previous_version_is_upgraded_in_place(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for migration in MIGRATIONS[:2]:
        con.execute(migration.sql)
        con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [migration.version])
    doc = article("kcna")
    con.execute("INSERT INTO documents (content_hash, doc_id, original, cleaned) VALUES (?,?,?,?)",
                [doc.content_hash, "kcna", doc.original, doc.cleaned])
    con.execute("INSERT INTO events (event_id, content_hash, doc_id, type, medium, source, source_country, target,"
                " target_country, participants, date_min, date_max, evidence_spans, confidence, pair_key)"
                " VALUES ('old-report', ?, 'kcna', 'message', 'letter', 'Xi Jinping', 'CHN', 'Kim Jong Un', 'PRK', [],"
                " DATE '2023-01-01', DATE '2023-01-01', '[[0, 10]]', 0.8, 'CHN-PRK')", [doc.content_hash])
    con.close()
    with Store.open(path) as store:
        [event] = store.consolidated()
        assert event["reports"][0]["event_id"] == "old-report"
        versions = [r[0] for r in store.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert versions == [m.version for m in MIGRATIONS]


@pytest.mark.parametrize("name", ["kcna.txt", "renamed.txt"])
def test_a_report_id_does_not_depend_on_the_file_name(name: str):
    text = "PYONGYANG, Jan. 1 (KCNA) -- Xi Jinping sent a letter to Kim Jong Un on Sunday.\n"
    doc = build_document(Path(name).stem, text, path=name)
    assert letter(doc, BASE, BASE).event_id == letter(article("kcna", text), BASE, BASE).event_id


def test_a_date_read_from_a_reposts_url_is_overruled_by_another_articles_text(tmp_path: Path):
    occasion = "the 75th anniversary of the treaty"
    text, repost = article("kcna"), article("repost")
    sunday = date(2023, 5, 21)  # a stamp months late: "Sunday" read from it is the wrong week
    with Store.open(tmp_path / "m.duckdb") as store:
        store.save_document(text, [letter(text, BASE, BASE, occasion=occasion)],
                            report_day=DateWindow(BASE, BASE, "day", "dateline 'Jan. 1, 2023'"))
        relative = replace(letter(repost, sunday, sunday, occasion=occasion),
                           when=DateWindow(sunday, sunday, "day", "'Sunday': a weekday (now 2023-05-22)"))
        store.save_document(repost, [relative], report_day=DateWindow(
            sunday + timedelta(days=1), sunday + timedelta(days=1), "day", "url date 2023-05-22: a date in the URL"))
        [event] = store.consolidated()
        assert event["docs"] == ["kcna", "repost"] and event["date_min"] == event["date_max"] == BASE.isoformat()
        assert any("stamp" in c["reason"] for c in event["conflicts"])
