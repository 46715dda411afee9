"""The records: flat format round trip, offset maps (the public API is pinned in test_layout)."""

from __future__ import annotations

from datetime import date

from missive.model import (Actor, DateWindow, Event, OffsetMap, Segment, Span, event_from_flat,
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
