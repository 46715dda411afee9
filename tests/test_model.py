"""The records: flat format round trip, offset maps, closed sets (the public API is pinned in test_layout)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from missive.model import (FLAT_NAMES, Actor, DateWindow, Event, EventType, Medium, OffsetMap, Precision,
                           RelationAction, Removal, Segment, Skip, SkipReason, Span, common_span, event_from_flat,
                           event_to_flat)


def test_an_event_survives_the_flat_format_and_back():
    event = Event(
        doc_id="d1", type="message", medium="letter",
        source=Actor("Xi Jinping", "CHN"), target=Actor("Kim Jong Un", "PRK"),
        when=DateWindow(date(2024, 9, 2), date(2024, 9, 9), "range", "the week before the anniversary"),
        occasion="76th anniversary", reported_by=("KCNA",), evidence=(Span("d1", 10, 30, "sent a letter to Kim"),),
    )
    flat = event_to_flat(event)
    assert flat["date_min"] == "2024-09-02" and flat["source_country"] == "CHN"
    back = event_from_flat(flat)
    assert back.event_id == event.event_id
    assert back.when.start == event.when.start and back.evidence[0].text == "sent a letter to Kim"


def test_offset_map_points_every_kept_character_home():
    original = "AAAA\nchrome\nBBBB\n"
    cleaned = "AAAA\nBBBB\n"
    offsets = OffsetMap((Segment(0, 0, 5), Segment(5, 12, 5)))
    assert all(cleaned[i] == original[offsets.to_original(i)] for i in range(len(cleaned)))
    assert offsets.span_to_original(5, 9) == (12, 16)


@pytest.mark.parametrize(("make", "what"), [
    (lambda: Skip("a.txt", "too_big"), "skip reason"),
    (lambda: DateWindow(None, None, "fortnight"), "precision"),
    (lambda: Event("d1", "letter", None, None), "event type"),
    (lambda: Event("d1", "message", None, None, medium="fax"), "medium"),
    (lambda: Removal(0, 4, "junk"), "removal reason"),
])
def test_a_record_with_a_value_outside_its_closed_set_cannot_be_made(make, what):
    with pytest.raises(ValueError, match=f"unknown {what}"):
        make()


def test_closed_sets_are_str_valued_so_storage_and_flat_output_keep_their_strings():
    event = Event("d1", EventType.MESSAGE, None, None, medium=Medium.CABLE)
    assert event_to_flat(event)["medium"] == "cable" and json.dumps(Medium.CABLE) == '"cable"'
    assert Skip("a.txt", SkipReason.EMPTY).message() == "a.txt: skipped (empty)"
    assert {RelationAction.SEVER, Precision.DAY} == {"sever", "day"}


@pytest.mark.parametrize(("spans", "expected"), [
    ([(date(2024, 1, 1), date(2024, 1, 31)), (date(2024, 1, 10), None)], (date(2024, 1, 10), date(2024, 1, 31))),
    ([(None, date(2024, 1, 5)), (date(2024, 1, 7), None)], (date(2024, 1, 7), date(2024, 1, 5))),  # none shared
    ([(None, None)], (None, None)),
    ([], (None, None)),
])
def test_the_days_every_window_allows(spans, expected):
    assert common_span(DateWindow(s, e, "range") for s, e in spans) == expected


def test_the_flat_format_has_the_fields_its_schema_names_in_order():
    event = Event("d1", "message", Actor("Xi Jinping", "CHN"), Actor("Kim Jong Un", "PRK"))
    assert tuple(event_to_flat(event)) == FLAT_NAMES
