"""The records every stage passes on: immutable, typed, and free of I/O.

Provenance travels inside each record (a document id plus start_char/end_char into the
ORIGINAL article text), never as a position in a list, so a record can be stored, shipped to
another process or consolidated with records of other articles without losing where it came
from. Every decision a stage takes carries a human-readable ``reason``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

EVENT_TYPES = ("message", "call", "meeting", "agreement", "relations")
MEDIA = ("letter", "message", "cable", "verbal_message", "greeting", "reply", "call", "video_call")
PRECISIONS = ("day", "week", "month", "year", "range", "open")
SKIP_REASONS = (
    "missing",
    "empty",
    "binary",
    "not_utf8",
    "not_english",
    "unsupported_type",
    "no_text",
    "unreadable",
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of cleaned text copied verbatim from the original."""

    clean_start: int
    orig_start: int
    length: int


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps every character of the cleaned text back to the original.

    Cleaning only ever deletes pieces of the original, so the cleaned text is a sequence of
    verbatim runs; a character's original position is its run's origin plus its offset.
    """

    segments: tuple[Segment, ...] = ()

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls((Segment(0, 0, length),) if length else ())

    def to_original(self, clean_pos: int) -> int:
        """Original offset of the cleaned character at ``clean_pos`` (end positions allowed)."""
        if not self.segments:
            return clean_pos
        starts = [s.clean_start for s in self.segments]
        i = max(0, bisect_right(starts, clean_pos) - 1)
        seg = self.segments[i]
        if clean_pos > seg.clean_start + seg.length and i + 1 < len(self.segments):
            seg = self.segments[i + 1]
        return seg.orig_start + (clean_pos - seg.clean_start)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start_char, end_char) of a cleaned span; an end maps from its last char."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the original that cleaning removed, and why."""

    start_char: int
    end_char: int
    reason: str
    text: str = ""


# Where a publication-date candidate was read (a closed set: the reference date weighs them).
# row: a corpus row's published field; html: the page's metadata; url / filename: written there;
# header: a top line; dateline: "SEOUL, Sept. 9 (UPI) -"; credit: a trailing "(TNA - June 2, 2019)";
# text: a date beside a weekday in the body; embed: an embedded post's credit line;
# caption: a photo caption (used only when nothing else dates the article).
DATE_SOURCES = frozenset({"row", "html", "url", "filename", "header", "dateline", "credit", "text", "embed",
                          "caption"})


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A possible publication date of an article, with where it was read."""

    value: date
    source: str  # one of DATE_SOURCES
    reason: str
    start_char: int | None = None
    has_year: bool = True

    def __post_init__(self) -> None:
        if self.source not in DATE_SOURCES:
            raise ValueError(f"unknown date source {self.source!r}; one of {sorted(DATE_SOURCES)}")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text, each piece with its provenance."""

    title: str = ""
    url: str = ""
    outlet: str = ""
    author: str = ""
    language: str = "en"
    date_candidates: tuple[DateCandidate, ...] = ()
    agencies: tuple[str, ...] = ()  # wire agencies credited: Yonhap, Reuters, UPI...
    state_media: tuple[str, ...] = ()  # state media cited as source: KCNA, Rodong Sinmun...
    # A corpus row's columns besides id and text, as given (url, published/date, title, outlet, others).
    corpus_fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its original text (never altered), its cleaned text and the map between."""

    doc_id: str
    original: str
    cleaned: str
    offsets: OffsetMap
    metadata: Metadata = field(default_factory=Metadata)
    removals: tuple[Removal, ...] = ()
    path: str = ""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.original.encode("utf-8")).hexdigest()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of a span of the cleaned text."""
        return self.offsets.span_to_original(start, end)


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that produced no document, with a reason from SKIP_REASONS."""

    path: str
    reason: str
    detail: str = ""

    def message(self) -> str:
        return f"{self.path}: skipped ({self.reason}){': ' + self.detail if self.detail else ''}"


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: characters [start_char, end_char) of a document's ORIGINAL text."""

    doc_id: str
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical participant: a person or a state, always with an ISO 3166-1 alpha-3 code."""

    name: str
    country: str
    kind: str = "person"  # person | state | organisation
    role: str = ""  # head_of_state, head_of_government, party_leader, foreign_minister, ...
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The days an event can have happened on; None is an open bound."""

    start: date | None
    end: date | None
    precision: str = "open"
    reason: str = ""

    def iso(self) -> tuple[str | None, str | None]:
        return (
            self.start.isoformat() if self.start else None,
            self.end.isoformat() if self.end else None,
        )


OPEN_WINDOW = DateWindow(None, None, "open", "no date in the text")


@dataclass(frozen=True, slots=True)
class Event:
    """One diplomatic interaction asserted by one article."""

    doc_id: str
    type: str
    source: Actor | None
    target: Actor | None
    when: DateWindow = OPEN_WINDOW
    medium: str = ""
    participants: tuple[Actor, ...] = ()
    occasion: str = ""
    reported_by: tuple[str, ...] = ()
    background: bool = False
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5
    pattern: str = ""
    reasons: tuple[str, ...] = ()
    quotes: tuple[Span, ...] = ()
    in_reply_to: str | None = None

    @property
    def event_id(self) -> str:
        """Stable across runs: the document, type, parties, window and first evidence span
        (one sentence can assert several events of one pair: "did so in April and in September")."""
        first = self.evidence[0] if self.evidence else None
        key = "|".join(
            str(x)
            for x in (
                self.doc_id,
                self.type,
                self.medium,
                self.source.country if self.source else "",
                self.target.country if self.target else "",
                self.source.name if self.source else "",
                self.target.name if self.target else "",
                self.when.start,
                self.when.end,
                ",".join(sorted(p.country for p in self.participants)),
                first.start_char if first else "",
                first.end_char if first else "",
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def event_to_flat(event: Event) -> dict[str, Any]:
    """The flat event format of the devset README (one JSON object per event)."""
    date_min, date_max = event.when.iso()
    return {
        "doc": event.doc_id,
        "event_id": event.event_id,
        "type": event.type,
        "medium": event.medium,
        "source": event.source.name if event.source else "",
        "source_country": event.source.country if event.source else "",
        "target": event.target.name if event.target else "",
        "target_country": event.target.country if event.target else "",
        "participants": [p.country for p in event.participants],
        "date_min": date_min,
        "date_max": date_max,
        "date_reason": event.when.reason,
        "occasion": event.occasion,
        "reported_by": list(event.reported_by),
        "background": event.background,
        "evidence": " … ".join(s.text for s in event.evidence),
        "evidence_spans": [[s.start_char, s.end_char] for s in event.evidence],
        "confidence": round(event.confidence, 3),
        "in_reply_to": event.in_reply_to,
    }


def _actor_from_flat(name: str, country: str) -> Actor | None:
    if not name and not country:
        return None
    return Actor(name=name, country=country, kind="person" if name else "state")


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def event_from_flat(row: dict[str, Any]) -> Event:
    """Inverse of event_to_flat (evidence text is taken back from the row)."""
    spans = tuple(
        Span(row["doc"], s, e, "")
        for s, e in row.get("evidence_spans") or []
    )
    if spans and row.get("evidence"):
        texts = row["evidence"].split(" … ")
        if len(texts) == len(spans):
            spans = tuple(Span(s.doc_id, s.start_char, s.end_char, t) for s, t in zip(spans, texts))
    start, end = _parse_day(row.get("date_min")), _parse_day(row.get("date_max"))
    return Event(
        doc_id=row["doc"],
        type=row["type"],
        medium=row.get("medium") or "",
        source=_actor_from_flat(row.get("source") or "", row.get("source_country") or ""),
        target=_actor_from_flat(row.get("target") or "", row.get("target_country") or ""),
        participants=tuple(Actor(name="", country=c, kind="state") for c in row.get("participants") or []),
        when=DateWindow(start, end, "day" if start and start == end else ("range" if start or end else "open"),
                        row.get("date_reason") or ""),
        occasion=row.get("occasion") or "",
        reported_by=tuple(row.get("reported_by") or ()),
        background=bool(row.get("background")),
        evidence=spans,
        confidence=float(row.get("confidence", 0.5)),
        in_reply_to=row.get("in_reply_to"),
    )

