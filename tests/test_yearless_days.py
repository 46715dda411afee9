"""Days without a year: an article that never says which year ("on May 2") keeps its event's window
open, but the day is kept (Event.calendar) and tells consolidation which dated reports it can be.

Articles of our own: a wire copy stripped of its header, a press release without a date line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from missive.model import CalendarFact, Skip
from missive.pipeline import ingest, process, read_documents
from missive.store.database import Store
from missive.temporal.expressions import year_less_fact

LETTER = "Chinese President Xi Jinping sent a letter to North Korean leader Kim Jong Un on {day}, state media said.\n"


@pytest.mark.parametrize("text,fact", [
    ("on May 2", CalendarFact(5, 2)),
    ("Thursday, 4 May", CalendarFact(5, 4, weekday=3)),
    ("3-5 June", CalendarFact(6, 3, days_after=2)),
    ("Sept. 9", CalendarFact(9, 9)),
    ("May 2, 2024", None),  # the year is there
    ("last Monday", None),  # no day of a month
    ("in March", None),
    ("May 2019", None),
])
def test_an_expression_naming_a_day_without_a_year_is_a_calendar_fact(text: str, fact: CalendarFact | None):
    found = year_less_fact(text)
    assert (found and CalendarFact(found.month, found.day, found.weekday, found.days_before, found.days_after)) == fact


def events_of(tmp_path: Path, name: str, text: str, extractor) -> list:
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    [(doc, explained)] = [r for r in process(read_documents([tmp_path / f"{name}.txt"]), extractor)
                          if not isinstance(r, Skip)]
    return explained.events


@pytest.mark.model
def test_a_letter_dated_by_a_day_without_a_year_keeps_the_day(tmp_path: Path, extractor):
    [event] = events_of(tmp_path, "undated", LETTER.format(day="May 2"), extractor)
    assert (event.when.start, event.when.end) == (None, None)
    assert [(f.month, f.day) for f in event.calendar] == [(5, 2)]


@pytest.mark.model
def test_a_day_whose_year_the_article_gives_is_no_calendar_fact(tmp_path: Path, extractor):
    [event] = events_of(tmp_path, "dated", "Pyongyang, May 3, 2024 (Example Wire) - " + LETTER.format(day="May 2"),
                        extractor)
    assert event.when.start is not None and event.calendar == ()


@pytest.mark.model
def test_a_yearless_report_joins_the_dated_letter_of_its_day_and_not_another(tmp_path: Path, extractor):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text("Pyongyang, May 3, 2024 (Example Wire) - " + LETTER.format(day="May 2"),
                                     encoding="utf-8")
    (folder / "copy.txt").write_text("On May 2 the leader of China, Xi Jinping, wrote a message of friendship to "
                                     "Kim Jong Un of North Korea, the agency reported.\n", encoding="utf-8")
    (folder / "other.txt").write_text(LETTER.format(day="May 20"), encoding="utf-8")
    db = tmp_path / "m.duckdb"
    ingest([folder], db, extractor)
    with Store.open(db, read_only=True) as store:
        events = store.consolidated()
    joined = next(e for e in events if "wire" in e["docs"])
    assert joined["docs"] == ["copy", "wire"]
    assert next(r["linked_by"] for r in joined["reports"] if r["doc"] == "copy") == "calendar"
    assert [e["docs"] for e in events if "other" in e["docs"]] == [["other"]]
