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
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Protocol



class EventType(StrEnum):
    """The kinds of interaction Missive records (the devset README's types)."""

    MESSAGE = "message"
    CALL = "call"
    MEETING = "meeting"
    AGREEMENT = "agreement"
    RELATIONS = "relations"


class Medium(StrEnum):
    """How a message or a call travelled."""

    LETTER = "letter"
    MESSAGE = "message"
    CABLE = "cable"
    VERBAL_MESSAGE = "verbal_message"
    GREETING = "greeting"
    REPLY = "reply"
    CALL = "call"
    VIDEO_CALL = "video_call"


# One precedence for every place that must pick one medium of several (two words for one message in
# an article, several reports of one event): the word that says more about how the message travelled
# wins. A reply says what it answers; a cable (telegram) and a verbal message name a channel that
# outlets paraphrase as "letter" or "message", never the other way round, so they rank above the
# letter; a greeting names the kind of message; a letter is the written default; a bare "message"
# names nothing; a video call says more than a call.
MEDIUM_PRECEDENCE = (Medium.REPLY, Medium.CABLE, Medium.VERBAL_MESSAGE, Medium.GREETING, Medium.LETTER,
                     Medium.MESSAGE, Medium.VIDEO_CALL, Medium.CALL)


class RelationAction(StrEnum):
    """What a relations event does to the relationship (its `medium`)."""

    ESTABLISH = "establish"
    RESTORE = "restore"
    SEVER = "sever"
    OPEN_MISSION = "open_mission"
    CLOSE_MISSION = "close_mission"
    APPOINT_ENVOY = "appoint_envoy"
    RECALL_ENVOY = "recall_envoy"
    EXPEL_ENVOY = "expel_envoy"
    SUMMON_ENVOY = "summon_envoy"


class Precision(StrEnum):
    """How narrow a date window is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"
    OPEN = "open"


class SkipReason(StrEnum):
    """Why an input produced no document: the closed set users can count and query."""

    MISSING = "missing"  # no such file or folder
    NOT_A_FILE = "not_a_file"  # a FIFO, device, socket or a symlink loop: never opened
    UNSUPPORTED_TYPE = "unsupported_type"  # a file in a folder whose suffix is not an article format
    EMPTY = "empty"  # nothing but whitespace
    BINARY = "binary"  # NUL bytes, an image, a PDF
    NOT_UTF8 = "not_utf8"  # undecodable text
    MALFORMED = "malformed"  # a corpus row that is not a JSON object with a string text; broken gzip
    NO_TEXT = "no_text"  # HTML with no article in it, a folder with no articles
    NOT_ENGLISH = "not_english"
    TOO_LONG = "too_long"  # above a size cap of the Settings (file, decompressed, HTML, article, row)
    TIMED_OUT = "timed_out"  # past the per-article time budget of the Settings
    UNREADABLE = "unreadable"  # the operating system refused to read it
    FAILED = "failed"  # an unexpected error in a stage: a bug to report; the batch goes on


class RemovalReason(StrEnum):
    """Why cleaning removed a piece of an article."""

    DATE_HEADER = "date_header"  # a header line (or line prefix) holding only a date, label or time
    BROKEN_MARKUP = "broken_markup"  # HTML or script left in the text
    CHROME_PHRASE = "chrome_phrase"  # site chrome: navigation, share buttons, ads (data/chrome_phrases.csv)
    COMMENT_PROMPT = "comment_prompt"  # invitations to comment
    CREDIT_LINE = "credit_line"  # bylines, copyright and photo credits
    ARTICLE_END = "article_end"  # a marker that the article is over: 'Related stories', 'More From ...'
    AFTER_ARTICLE_END = "after_article_end"  # teasers and furniture after such a marker
    OTHER_STORY_HEADLINE = "other_story_headline"  # a headline of another story interleaved in the body
    REPEATED_TITLE = "repeated_title"  # the article's own title printed again further down
    CAPTION_REPEAT = "caption_repeat"  # a photo caption printed twice: the first is kept
    REPEATED_PARAGRAPH = "repeated_paragraph"  # a paragraph repeating (or contained in) an earlier one
    REPEATED_BODY = "repeated_body"  # a block of several repeated paragraphs: the article printed twice
    SITE_FURNITURE = "site_furniture"  # short non-sentences trailing the article body
    BLANK_LINE = "blank_line"  # blank lines left over between removed pieces


class ActorBasis(StrEnum):
    """How an actor mention named its actor: the closed set the confidence of an event weighs
    (a leader named in full is surer than a short form, a bare title or an epithet)."""

    FULL_NAME = "full_name"  # a known person named in full, with or without a title, or a known spelling of it
    SHORT_FORM = "short_form"  # "Putin", "Sheikh Tamim": a leader's short name, or one named in full earlier
    NEW_NAME = "new_name"  # a name not in the data, its country from the title or appositive introducing it
    TITLE = "title"  # an office without a name: its holder on the day, or the office itself
    EPITHET = "epithet"  # "the Kingdom", "the island nation of Fiji"
    STATE = "state"  # the state by its name, alias, capital, demonym or short form
    BODY = "body"  # a body of the state: its ministry, army or agency
    NOT_STATE = "not_state"  # an organisation, a party or a legislature, or a person holding no state office


# The values of each closed set, for data-file schemas and loops over the kinds.
EVENT_TYPES: tuple[str, ...] = tuple(EventType)
MEDIA: tuple[str, ...] = tuple(Medium)
RELATION_ACTIONS: tuple[str, ...] = tuple(RelationAction)
PRECISIONS: tuple[str, ...] = tuple(Precision)
SKIP_REASONS: tuple[str, ...] = tuple(SkipReason)
REMOVAL_REASONS: tuple[str, ...] = tuple(RemovalReason)
ACTOR_BASES: tuple[str, ...] = tuple(ActorBasis)
EVENT_MEDIA = frozenset({"", *MEDIA, *RELATION_ACTIONS})  # an Event's medium: none, a Medium or a RelationAction


def check_closed(value: str, allowed: frozenset[str] | tuple[str, ...], what: str) -> None:
    """A record never holds a value outside its closed set: a typo fails where it is made."""
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; one of {sorted(allowed)}")


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
    reason: str  # a RemovalReason
    text: str = ""

    def __post_init__(self) -> None:
        check_closed(self.reason, REMOVAL_REASONS, "removal reason")


# Where a publication-date candidate was read (a closed set: the reference date weighs them).
# row: a corpus row's published field; html: the page's metadata; url / filename: written there;
# header: a top line; dateline: "SEOUL, Sept. 9 (UPI) -"; credit: a trailing "(TNA - June 2, 2019)";
# text: a date beside a weekday in the body; embed: an embedded post's credit line;
# caption: a photo caption (used only when nothing else dates the article).
DATE_SOURCES = frozenset({"row", "html", "url", "filename", "header", "dateline", "credit", "text", "embed",
                          "caption"})
# Sources read off the page, not in its text: a repost or a crawl can carry them years late, so the
# text's own dates overrule them (in the reference date and between the reports of one event).
STAMP_SOURCES = frozenset({"html", "url", "filename"})


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
    # What makes a later input the same article (a new version replaces this one): a corpus
    # row's id, else the file's absolute path; empty means the path, else the doc_id.
    source_key: str = ""

    @property
    def identity(self) -> str:
        return self.source_key or self.path or self.doc_id

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.original.encode("utf-8")).hexdigest()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of a span of the cleaned text."""
        return self.offsets.span_to_original(start, end)


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that produced no document, with its SkipReason."""

    path: str
    reason: str  # a SkipReason
    detail: str = ""

    def __post_init__(self) -> None:
        check_closed(self.reason, SKIP_REASONS, "skip reason")

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
    basis: str = ""  # an ActorBasis: how the mention named it (empty: not read from a text)

    def __post_init__(self) -> None:
        check_closed(self.basis, ("", *ACTOR_BASES), "actor basis")


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The days an event can have happened on; None is an open bound."""

    start: date | None
    end: date | None
    precision: str = "open"  # a Precision
    reason: str = ""

    def __post_init__(self) -> None:
        check_closed(self.precision, PRECISIONS, "precision")

    def iso(self) -> tuple[str | None, str | None]:
        return (
            self.start.isoformat() if self.start else None,
            self.end.isoformat() if self.end else None,
        )


OPEN_WINDOW = DateWindow(None, None, "open", "no date in the text")


class Bounded(Protocol):
    """Anything with a first and a last day (None: open): a DateWindow, a reference-date pin."""

    @property
    def start(self) -> date | None: ...

    @property
    def end(self) -> date | None: ...


def common_span(spans: Iterable[Bounded]) -> tuple[date | None, date | None]:
    """The days inside every span: the latest start and the earliest end (None is open); empty when
    start > end. Every intersection of date windows (two readings in one article, the reports of one
    event, the reference-date evidence) is this one."""
    spans = list(spans)
    return (max((s.start for s in spans if s.start), default=None), min((s.end for s in spans if s.end), default=None))


@dataclass(frozen=True, slots=True)
class CalendarFact:
    """A day the text gives without a year ("Moscow, May 4", "on May 2"), kept for consolidation.

    When nothing in the article fixes the year, the report's window stays open, but the day still
    says something: in year Y the event lies in [Y-month-day - days_before, Y-month-day + days_after],
    on the given weekday (0 = Monday) if one is named. "May 4" as a dateline with "on Thursday" is
    CalendarFact(5, 4, weekday=3, days_before=6): the Thursday of the week up to May 4, whatever the
    year. Another report's dated window then tells which years fit (see consolidation.compatibility).
    """

    month: int
    day: int
    weekday: int | None = None
    days_before: int = 0
    days_after: int = 0
    reason: str = ""

    def window_in(self, year: int) -> tuple[date, date] | None:
        """The days the fact allows in one year (None when no day fits: Feb 29, a weekday missed)."""
        try:
            anchor = date(year, self.month, self.day)
        except ValueError:
            return None
        days = [anchor + timedelta(days=k) for k in range(-self.days_before, self.days_after + 1)]
        days = [d for d in days if self.weekday is None or d.weekday() == self.weekday]
        return (days[0], days[-1]) if days else None


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
    doc_hash: str = ""  # the article's content hash (Document.content_hash); empty in hand-made events
    calendar: tuple[CalendarFact, ...] = ()  # days without a year that no year was found for
    # The evidence the confidence weighs, from the closed set knowledge.schema.EVIDENCE_FEATURES
    # ("frame.message", "agent.subject", "date.day", "actor.full_name", "party.borrowed", ...).
    features: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_closed(self.type, EVENT_TYPES, "event type")
        check_closed(self.medium, EVENT_MEDIA, "medium")

    @property
    def event_id(self) -> str:
        """The report id: a function of the article's CONTENT and of what was read in it (type,
        parties, window, evidence spans), never of a path or file name, so a renamed or re-read
        file keeps its ids. One sentence can assert several events of one pair ("did so in April
        and in September"), hence the window and names in the key."""
        first = self.evidence[0] if self.evidence else None
        key = "|".join(
            str(x)
            for x in (
                self.doc_hash or self.doc_id,
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


@dataclass(frozen=True, slots=True)
class FlatField:
    """One field of the flat event format: its name, the kind of value (str, date, int, float, bool,
    list, spans) and what it means. The export's columns, the CLI's CSV, the store's events table
    and the README take the flat format from FLAT_FIELDS, so it is spelled out once."""

    name: str
    kind: str
    doc: str


FLAT_FIELDS = (
    FlatField("doc", "str", "the id of the article"),
    FlatField("event_id", "str", "the event's id: one article's report, or the consolidated event"),
    FlatField("type", "str", f"one of the EventType values: {', '.join(EventType)}"),
    FlatField("medium", "str", f"a Medium ({', '.join(Medium)}), or for relations a RelationAction "
                               f"({', '.join(RelationAction)})"),
    FlatField("source", "str", "who acted (the sender, caller, visitor), by canonical name"),
    FlatField("source_country", "str", "the source's state, ISO 3166-1 alpha-3"),
    FlatField("target", "str", "to whom (the addressee, the called, the host), by canonical name"),
    FlatField("target_country", "str", "the target's state, ISO 3166-1 alpha-3"),
    FlatField("participants", "list", "the states of a multilateral meeting or agreement (source and target empty)"),
    FlatField("date_min", "date", "first day the event can have happened on (empty: open)"),
    FlatField("date_max", "date", "last day the event can have happened on (empty: open)"),
    FlatField("date_reason", "str", "why this window: the expression read and the rule that resolved it"),
    FlatField("occasion", "str", "what the event marks, as the text names it"),
    FlatField("reported_by", "list", "the media the articles credit as their source (KCNA, Yonhap, ...)"),
    FlatField("background", "bool", "true when the event is context in every article, not its news"),
    FlatField("evidence", "str", "the sentences that assert it, joined with ' … '"),
    FlatField("evidence_spans", "spans", "[start_char, end_char) of each evidence sentence in the original article"),
    FlatField("confidence", "float", "the probability that the event is right, from its evidence (highest of "
                                     "the reports)"),
    FlatField("in_reply_to", "str", "the id of the message this one answers"),
    FlatField("doc_hash", "str", "the SHA-256 of the article's original text: its identity, whatever its file name"),
)
FLAT_NAMES = tuple(f.name for f in FLAT_FIELDS)


def flat_field(name: str) -> FlatField:
    return next(f for f in FLAT_FIELDS if f.name == name)


def event_to_flat(event: Event) -> dict[str, Any]:
    """The flat event format of the devset README (one JSON object per event; fields: FLAT_FIELDS)."""
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
        "doc_hash": event.doc_hash,
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
        doc_hash=row.get("doc_hash") or "",
    )

