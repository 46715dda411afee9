"""Publication-date candidates written in an article: header lines, datelines, URLs, weekday dates.

Captured pages date themselves in many places that can disagree (a crawl header, a "Posted on"
line, a year-less dateline, the URL). This module reads every such date with its source, its
reason and its offset into the original text, and never picks one: the choice belongs to the
reference-date inference, which can weigh them against what the content says.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..knowledge.words import MONTH_MIN_LETTERS, MONTH_NAMES, month_number
from ..model import DateCandidate
from .lines import header_zone, is_caption_like, normalise_line, phrase_table, split_lines, word_count


# ---------------------------------------------------------------- dates written in text
def _month_alternation() -> str:
    """Month names and their abbreviations (Sept, Sep, Dec...) as Title and UPPER case forms."""
    forms: set[str] = set()
    for name in MONTH_NAMES:
        for size in range(MONTH_MIN_LETTERS, len(name) + 1):
            forms |= {name[:size], name[:size].upper()}
    return "|".join(sorted(forms, key=len, reverse=True))


MONTH = _month_alternation()
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
DATE_PATTERNS = {
    "iso": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    "numeric": re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})[/.-]" + _YEAR),
    "month_day_year": re.compile(
        rf"(?<![A-Za-z])(?P<mon>{MONTH})\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:[,.]\s*|\s+)" + _YEAR),
    "day_month_year": re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\.?,?\s+" + _YEAR),
}
TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|[A-Z]{2,4}\b|[+-]\d{2}:?\d{2}\b")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date written in a text; an ambiguous numeric date has two readings."""

    start: int
    end: int
    readings: tuple[tuple[date, str], ...]  # (value, which reading)
    is_iso: bool = False


def _readings(kind: str, match: re.Match[str]) -> tuple[tuple[date, str], ...]:
    """Valid calendar readings of one match; impossible ones (31 Feb, month 13) are dropped."""
    year = int(match["y"])
    if kind == "numeric":
        a, b = int(match["a"]), int(match["b"])
        options = [(b, a, "day-first reading (dd/mm/yyyy)"), (a, b, "month-first reading (mm/dd/yyyy)")]
        if a == b:
            options = options[:1]
        elif match["sep"] == ".":  # "02.04.2024": dotted dates are written day first wherever they are used
            options = [(b, a, "day-first reading (dd.mm.yyyy)")]
    else:
        month = int(match["m"]) if kind == "iso" else month_number(match["mon"])
        options = [(month, int(match["d"]), f"{kind.replace('_', '-')} date")]
    found = []
    for month, day, why in options:
        try:
            found.append((date(year, month, day), why))
        except ValueError:
            continue
    return tuple(found)


def find_dates(text: str, offset: int = 0) -> list[FoundDate]:
    """Every full date (with a year) in a text, leftmost first, overlaps dropped."""
    hits = []
    for kind, pattern in DATE_PATTERNS.items():
        for match in pattern.finditer(text):
            readings = _readings(kind, match)
            if readings:
                hits.append(FoundDate(match.start() + offset, match.end() + offset, readings, kind == "iso"))
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[FoundDate] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


@dataclass(frozen=True, slots=True)
class HeaderDate:
    """A header line holding a date: whole (only dates, labels, times) or a junk prefix of text."""

    dates: tuple[FoundDate, ...]
    prefix_end: int  # offset inside the line where the article text starts; len(line) if whole
    is_whole: bool
    label: str


def _match_label(text: str) -> str:
    low = text.lower()
    for phrase, _ in sorted(phrase_table().get("date_label", ()), key=lambda p: -len(p[0])):
        if low.startswith(phrase) and not low[len(phrase):len(phrase) + 1].isalpha():
            return phrase
    return ""


# Words that join a label or a date to a time: "Posted at Nov 15 2012", "June 9, 2025 at 18:37 JST".
_CONNECTOR = re.compile(r"(?:at|as\s+of|on)(?![\w])", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?")
# A section or agency name before the date: "Politics 09:15 March 3, 2021", "Reuters, May 4, 2016".
_SECTION = (re.compile(r"[A-Z][\w&.'-]*\s*,?\s+"), re.compile(r"[A-Z][\w&.'-]*\s+[A-Z][\w&.'-]*\s*,?\s+"))
_SEPARATORS = " \t\u00a0:>,.-–—()[]•"
# "Updated 10:32 AM ET, Tue April 2, 2024": a weekday before the date is part of the header.
_WEEKDAY_WORD = re.compile(r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b\.?",
                           re.I)


@dataclass(frozen=True, slots=True)
class _Run:
    end: int
    dates: tuple[FoundDate, ...]
    labels: tuple[str, ...]


def _read_run(text: str, pos: int, starts: dict[int, FoundDate]) -> _Run:
    """[label] [time] date [at] [time] [zone] ... from pos: the pieces a date header is made of."""
    dates: list[FoundDate] = []
    labels: list[str] = []
    after_clock = False
    while pos < len(text):
        pos += len(text[pos:]) - len(text[pos:].lstrip(_SEPARATORS))
        label = _match_label(text[pos:])
        clock = _CLOCK.match(text, pos)
        zone = TIME.match(text, pos) if dates or after_clock else None
        weekday = _WEEKDAY_WORD.match(text, pos)
        joint = _CONNECTOR.match(text, pos) if dates or labels else None
        if joint:  # a joining word only before a date or a time: "at 18:37", not "On the occasion"
            after = joint.end() + len(text[joint.end():]) - len(text[joint.end():].lstrip())
            joint = joint if after in starts or _CLOCK.match(text, after) else None
        after_clock = bool(clock)
        if pos in starts:
            dates.append(starts[pos])
            pos = starts[pos].end
        elif label or clock or zone or joint or weekday:
            labels += [label] if label else []
            pos = (label and pos + len(label)) or (clock or zone or joint or weekday).end()
        else:
            break
    return _Run(pos, tuple(dates), tuple(labels))


def _read_dated_run(text: str, pos: int, starts: dict[int, FoundDate]) -> _Run:
    """A run of date pieces, maybe after a short section or agency name."""
    run = _read_run(text, pos, starts)
    if run.dates:
        return run
    for shape in _SECTION:
        section = shape.match(text, pos)
        after = _read_run(text, section.end(), starts) if section else run
        if after.dates:
            return after
    return run


def _is_residue(rest: str) -> bool:
    """What may follow a header's dates: a pipe, a few words with a digit, or page furniture."""
    if rest.startswith("|") or (word_count(rest) <= 3 and any(c.isdigit() for c in rest)):
        return True
    norm = normalise_line(rest)
    return any(norm == phrase for phrase, match in phrase_table().get("chrome", ()) if match == "line")


HEADER_SCAN = 400  # header pieces (labels, dates, times, pipes) fit in the first characters of a line


def read_header_line(text: str) -> HeaderDate | None:
    """Read a line made of [label] date [time zone] ... pieces, e.g. 'Posted on : 2021-07-12 17:50 KST';
    pipe-separated lines ('By: Reuters | Beijing | Updated: September 3, 2016 3:13 pm') piece by piece.

    Pieces are read in the line's first HEADER_SCAN characters only (each step slices what is left),
    so a long line costs its length once, not once per piece."""
    head = text[:HEADER_SCAN]
    starts = {d.start: d for d in find_dates(head)}
    run = _read_dated_run(head, 0, starts)
    if not run.dates:
        return _read_pipe_line(text, starts)
    if run.end >= HEADER_SCAN:
        return None
    rest = text[run.end:].strip()
    if not rest or _is_residue(rest):
        more = _read_pipe_line(text[run.end:], {k - run.end: v for k, v in starts.items() if k >= run.end})
        extra = tuple(replace(d, start=d.start + run.end, end=d.end + run.end) for d in more.dates) if more else ()
        return HeaderDate(run.dates + extra, len(text), True, " ".join(run.labels))
    if (run.labels or run.dates[0].is_iso) and (rest[0].isupper() or rest[0] in "\"'“‘"):
        return HeaderDate(run.dates, run.end, False, " ".join(run.labels))
    return None


# "By John Smith, Example Wire | April 2, 2024": a byline piece names a writer and an agency.
_BYLINE = re.compile(r"\s*by\b:?", re.I)
BYLINE_WORDS = 8


def _read_pipe_line(text: str, starts: dict[int, FoundDate]) -> HeaderDate | None:
    """Every piece between pipes is a date run or a few words (a byline, a place, an agency)."""
    if "|" not in text or len(text) > HEADER_SCAN:
        return None
    dates: list[FoundDate] = []
    labels: list[str] = []
    pos = 0
    for piece in text.split("|"):
        run = _read_dated_run(text, pos, starts)
        inside = run.end <= pos + len(piece) + 1
        if run.dates and inside and (not text[run.end:pos + len(piece)].strip() or _is_residue(
                text[run.end:pos + len(piece)].strip())):
            dates += run.dates
            labels += run.labels
        elif (word_count(piece) > (BYLINE_WORDS if _BYLINE.match(piece) else 3)
              or any(s <= pos + len(piece) for s in starts if s >= pos)):
            return None
        pos += len(piece) + 1
    return HeaderDate(tuple(dates), len(text), True, " ".join(labels)) if dates else None


DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}})(?:\s*\[[^\]\n]{{2,30}}\])?"
    r"(?:,\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?(?=,))?,\s+"
    rf"(?:(?P<mon>{MONTH})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{MONTH})\.?)"
    r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?\.?\s*"
    r"(?:\((?P<credit>[^()]{2,40})\)\s*(?:—|–|--|-|:)|/(?P<slash>[^/\n]{2,40})/\.?(?:\s*(?:—|–|--|-|:))?|—|–|--|-|:)")
# "April 2, 2024 (EIRNS)—", "2 April 2024 (AFP) –": a dateline that opens with its date and credit.
_DATE_FIRST = re.compile(
    rf"^\s*(?:(?P<mon>{MONTH})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{MONTH})\.?)"
    r",?\s+(?P<y>(?:19|20)\d{2})\s*\((?P<credit>[^()]{2,40})\)\s*(?:—|–|--|-|:)")


def match_dateline(text: str) -> re.Match[str] | None:
    """A dateline with a date at the start of text: place first ('SEOUL, Sept. 9 (UPI) —') or date first."""
    return DATELINE.match(text) or _DATE_FIRST.match(text)


# A dateline without a date, or a credit line: "CAIRO -", "KYIV, Ukraine —", "(AP) ACCRA —",
# "BEIJING (Reuters) -", "DAMASCUS:", "Bangkok, Thailand | TNA |". Where, and who reports: never who acts.
_PLACE_LINE = re.compile(
    r"^\s*(?:\((?P<agency>[A-Za-z .&]{2,30})\)\s*)?(?P<place>[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,2})"
    r"(?:,\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?)?\s*(?:\((?P<credit>[^()]{2,40})\)\s*)?(?:—|–|--|-|:)\s+"
    r"|^\s*\((?P<agency2>[A-Za-z .&]{2,30})\)\s*(?:—|–|--|-)\s+"
    r"|^\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,2}(?:,\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?)?\s*\|\s*"
    r"(?P<piped>[A-Z][\w .&-]{1,30}?)\s*\|\s*")
WEEKDAY = "|".join(calendar.day_name)


def dateline_credit(match: re.Match[str]) -> str | None:
    """The agency a dateline credits: '(UPI)' or '/Kazinform/'."""
    groups = match.groupdict()
    return next((groups[k].strip() for k in ("credit", "slash", "agency", "agency2", "piped") if groups.get(k)), None)


def find_dateline(line: str) -> tuple[re.Match[str], date, bool] | None:
    """'SEOUL, Sept. 9 (UPI) —': (match, value, has_year); year-less values get year 1."""
    match = match_dateline(line)
    if not match or not month_number(match["mon"] or match["mon2"]):
        return None
    month, day = month_number(match["mon"] or match["mon2"]), int(match["d"] or match["d2"])
    year = int(match["y"] or 1)
    if not match["y"] and (month, day) == (2, 29):
        year = 4  # the first leap year: 29 February needs one to exist
    try:
        return match, date(year, month, day), bool(match["y"])
    except ValueError:
        return None


# A dateline without a date opens a paragraph of prose, never a headline ("IRAN: ties restored").
PLACE_LINE_MIN_WORDS = 8


# "Moscow, November 10 Russian President ...": a place and a day with no separator before the
# prose, where a paragraph opens (a copy that lost its dash). Masked as a dateline, never read as
# the report day (it has no credit or dash to tell it from prose elsewhere).
_BARE_DATELINE = re.compile(
    rf"^\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}},\s+"
    rf"(?:(?:{MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH})\.?)(?:,?\s+(?:19|20)\d{{2}})?\s+(?=[A-Z])")


def dateline_end(text: str, *, opens_paragraph: bool = True) -> int:
    """Where the text proper starts after a dateline or credit prefix ("SEOUL, Sept. 9 (UPI) —"); 0 if none.
    A prefix without a date ("CAIRO -") or without a separator ("Moscow, November 10 Russian
    President ...") counts only where a paragraph of prose opens."""
    match = match_dateline(text)
    if not match and opens_paragraph:
        match = _PLACE_LINE.match(text) or _BARE_DATELINE.match(text)
        if match and word_count(text[match.end():]) < PLACE_LINE_MIN_WORDS:
            match = None
    end = match.end() + len(text[match.end():]) - len(text[match.end():].lstrip()) if match else 0
    return end if end < len(text) else 0


def find_place_credit(line: str) -> str | None:
    """The agency credited by a dateline without a date ('(AP) ACCRA —', 'Bangkok, Thailand | TNA |')."""
    match = _PLACE_LINE.match(line)
    return dateline_credit(match) if match else None


URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"),
)


def find_url_dates(url: str) -> list[date]:
    """Dates written in a URL path (/2022/10/16/, 2026-01-26, 20180520...)."""
    found: list[date] = []
    path = urlsplit(url).path if "://" in url else url
    for pattern in URL_DATES:
        for match in pattern.finditer(path):
            try:
                value = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
            if value not in found:
                found.append(value)
    return found


# ---------------------------------------------------------------- date candidates
# A line made only of dates, labels and a byline ("By: Reuters | Beijing | Updated: Sept. 3, 2016")
# dates the article also when a deck sentence came before it, within this many non-blank lines.
DATE_LINE_REACH = 12


def header_candidates(original: str) -> Iterator[DateCandidate]:
    """Dates of header lines at the top, dates right after a label anywhere in those lines, a date
    closing a title line ('Condolences to the people of X, 23.10.2018'), and whole date lines a
    little further down (under a deck sentence)."""
    lines = split_lines(original)
    zone = header_zone(lines)
    near = [i for i, line in enumerate(lines) if not line.is_blank][:DATE_LINE_REACH]
    for i in (i for i in near if i not in zone):
        header = read_header_line(lines[i].text)
        if header and header.is_whole:
            for found in header.dates:
                yield from _candidates(found, "header", "date line under the deck", lines[i].start)
    for i in zone:
        line = lines[i]
        header = read_header_line(line.text)
        if header:
            why = f"header line{' labelled ' + repr(header.label) if header.label else ' holding only a date'}"
            for found in header.dates:
                yield from _candidates(found, "header", why, line.start)
            continue
        last = len(line.text.rstrip())
        for found in find_dates(line.text[:LABELLED_SCAN]):
            before = line.text[max(0, found.start - LABEL_REACH):found.start]
            label = date_label_before(before)
            if label:
                yield from _candidates(found, "header", f"date labelled {label!r} in a top line", line.start)
            elif found.end >= last and before.rstrip().endswith(","):
                yield from _candidates(found, "header", "date closing a top line", line.start)


LABEL_REACH = 80  # a date label ('Updated:', 'Published on') sits right before its date
LABELLED_SCAN = 2_000  # labelled dates are looked for this far into each top line


def date_label_before(prefix: str) -> str:
    tail = prefix[-LABEL_REACH:].rstrip(" \t\u00a0:>-")
    for phrase, _ in phrase_table().get("date_label", ()):
        if tail.lower().endswith(phrase) and not tail[-len(phrase) - 1:-len(phrase)].isalpha():
            return phrase
    return ""


def _candidates(found: FoundDate, source: str, why: str, offset: int) -> Iterator[DateCandidate]:
    ambiguous = len(found.readings) > 1
    for value, reading in found.readings:
        reason = f"{why}; {reading}" + ("; ambiguous numeric date" if ambiguous else "")
        yield DateCandidate(value, source, reason, offset + found.start, True)


def dateline_candidates(original: str) -> Iterator[DateCandidate]:
    lines = split_lines(original)
    for line in (lines[i] for i in header_zone(lines)):
        hit = find_dateline(line.text)
        if hit:
            match, value, has_year = hit
            why = "dateline " + repr(match.group(0).strip()) + ("" if has_year else " (no year)")
            yield DateCandidate(value, "dateline", why, line.start + match.start("mon" if match["mon"] else "d2"),
                                has_year)


# "... said the minister. (TNA - June 2, 2019)": an agency's credit with its date, closing a paragraph.
_TRAILING_CREDIT = re.compile(r"\((?P<credit>[A-Z][\w .&'-]{1,30}?)\s*(?:-|–|—|,)\s*(?P<when>[^()]{6,40})\)\s*$")
# "— Chancellor Name (@handle) June 26, 2022": the credit line of an embedded post.
_EMBED_CREDIT = re.compile(r"^\s*(?:—|–|--?)\s*[^\n()]{1,80}\(@\w{1,30}\)\s*(?P<when>.{6,30})$")


def credit_candidates(original: str) -> Iterator[DateCandidate]:
    """Dates of trailing agency credits and of embedded posts' credit lines, anywhere in the text."""
    for line in split_lines(original):
        for pattern, source, why in ((_TRAILING_CREDIT, "credit", "trailing credit"),
                                     (_EMBED_CREDIT, "embed", "credit line of an embedded post")):
            match = pattern.search(line.text)
            if match:
                for found in find_dates(match["when"], match.start("when")):
                    yield from _candidates(found, source, f"{why} {match.group(0).strip()!r}", line.start)


def weekday_text_candidates(text: str) -> Iterator[DateCandidate]:
    """Full dates written next to a weekday ('Monday (09/10/2018)'): reports date their news so.
    In a photo caption such a date (and any full date) dates the photo: a candidate of last resort."""
    for line in split_lines(text):
        is_caption = is_caption_like(line.text)
        for found in find_dates(line.text, line.start):
            before = text[max(line.start, found.start - 14):found.start]
            day = re.search(rf"({WEEKDAY})\W*$", before)
            if not day and not is_caption:
                continue
            for value, reading in found.readings:
                if is_caption:
                    yield DateCandidate(value, "caption", f"date in a photo caption; {reading}", found.start, True)
                    continue
                agrees = calendar.day_name[value.weekday()] == day.group(1)
                reason = (f"date beside the weekday {day.group(1)!r} in the text; {reading}; "
                          f"{'agrees with' if agrees else 'contradicts'} the weekday")
                yield DateCandidate(value, "text", reason, found.start, True)


# A publication date given with the article: a date, a datetime (its day in its own zone) or text.
Published = date | datetime | str | None


def published_day(value: Published) -> date | None:
    """The day a `published` value names: ISO 8601 ('2024-07-15', '2024-07-15T23:30:00-05:00' is
    the 15th, the publisher's day), a feed's RFC 2822 stamp ('Mon, 15 Jul 2024 10:00:00 GMT'), or
    a date as news writes it; None when it names none."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_dates(text)
    return found[0].readings[0][0] if found and len(found[0].readings) == 1 else None


def collect_date_candidates(original: str, *, url: str, html_meta: dict, path: str,
                            published: Published = None) -> tuple[DateCandidate, ...]:
    found = [*header_candidates(original), *dateline_candidates(original), *credit_candidates(original),
             *weekday_text_candidates(original)]
    given = published_day(published)
    if given is not None:
        found.append(DateCandidate(given, "row", f"publication date given with the article ({published})"))
    html_date = str(html_meta.get("date") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", html_date):
        why = "the page's original publication date (htmldate)" if html_meta.get("date_source") == "htmldate" \
            else "date in the HTML metadata"
        found.append(DateCandidate(date.fromisoformat(html_date[:10]), "html", why))
    for value in find_url_dates(url):
        found.append(DateCandidate(value, "url", f"date written in the URL {url}"))
    for value in find_url_dates(Path(path).name if path else ""):
        found.append(DateCandidate(value, "filename", f"date written in the file name {Path(path).name}"))
    unique: dict[tuple[date, str, bool], DateCandidate] = {}
    for candidate in found:
        unique.setdefault((candidate.value, candidate.source, candidate.has_year), candidate)
    return tuple(unique.values())
