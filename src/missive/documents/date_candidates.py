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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from ..model import DateCandidate
from .lines import header_zone, phrase_table, split_lines, word_count


# ---------------------------------------------------------------- dates written in text
def _month_alternation() -> str:
    """Month names and their abbreviations (Sept, Sep, Dec...) as Title and UPPER case forms."""
    forms: set[str] = set()
    for name in calendar.month_name[1:]:
        for size in range(3, len(name) + 1):
            forms |= {name[:size], name[:size].upper()}
    return "|".join(sorted(forms, key=len, reverse=True))


MONTH = _month_alternation()
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
DATE_PATTERNS = {
    "iso": re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    "numeric": re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]" + _YEAR),
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


def month_number(token: str) -> int:
    token = token.rstrip(".").lower()
    for number, name in enumerate(calendar.month_name[1:], 1):
        if len(token) >= 3 and name.lower().startswith(token):
            return number
    return 0


def _readings(kind: str, match: re.Match[str]) -> tuple[tuple[date, str], ...]:
    """Valid calendar readings of one match; impossible ones (31 Feb, month 13) are dropped."""
    year = int(match["y"])
    if kind == "numeric":
        a, b = int(match["a"]), int(match["b"])
        options = [(b, a, "day-first reading (dd/mm/yyyy)"), (a, b, "month-first reading (mm/dd/yyyy)")]
        if a == b:
            options = options[:1]
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


def read_header_line(text: str) -> HeaderDate | None:
    """Read a line made of [label] date [time zone] ... pieces, e.g. 'Posted on : 2021-07-12 17:50 KST'."""
    pos, dates, labels = 0, [], []
    starts = {d.start: d for d in find_dates(text)}
    while pos < len(text):
        pos += len(text[pos:]) - len(text[pos:].lstrip(" \t\u00a0:>,.-–—()[]"))
        label = _match_label(text[pos:])
        time = TIME.match(text, pos) if dates else None
        if pos in starts:
            dates.append(starts[pos])
            pos = starts[pos].end
        elif label:
            labels.append(label)
            pos += len(label)
        elif time:
            pos = time.end()
        else:
            break
    if not dates:
        return None
    rest = text[pos:].strip()
    is_residue = rest.startswith("|") or (word_count(rest) <= 3 and any(c.isdigit() for c in rest))
    if not rest or is_residue:
        return HeaderDate(tuple(dates), len(text), True, " ".join(labels))
    if (labels or dates[0].is_iso) and (rest[0].isupper() or rest[0] in "\"'“‘"):
        return HeaderDate(tuple(dates), pos, False, " ".join(labels))
    return None


DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}}),\s+(?P<mon>{MONTH})\.?\s+(?P<d>\d{{1,2}})"
    r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?\s*(?:\((?P<credit>[^()]{2,40})\))?\s*(?:—|–|--|-|:)")
WEEKDAY = "|".join(calendar.day_name)


def find_dateline(line: str) -> tuple[re.Match[str], date, bool] | None:
    """'SEOUL, Sept. 9 (UPI) —': (match, value, has_year); year-less values get year 1."""
    match = DATELINE.match(line)
    if not match or not month_number(match["mon"]):
        return None
    year, month, day = int(match["y"] or 1), month_number(match["mon"]), int(match["d"])
    if not match["y"] and (month, day) == (2, 29):
        year = 4  # the first leap year: 29 February needs one to exist
    try:
        return match, date(year, month, day), bool(match["y"])
    except ValueError:
        return None


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
def header_candidates(original: str) -> Iterator[DateCandidate]:
    """Dates of header lines at the top, and dates right after a label anywhere in those lines."""
    lines = split_lines(original)
    for i in header_zone(lines):
        line = lines[i]
        header = read_header_line(line.text)
        if header:
            why = f"header line{' labelled ' + repr(header.label) if header.label else ' holding only a date'}"
            for found in header.dates:
                yield from _candidates(found, "header", why, line.start)
            continue
        for found in find_dates(line.text):
            label = date_label_before(line.text[:found.start])
            if label:
                yield from _candidates(found, "header", f"date labelled {label!r} in a top line", line.start)


def date_label_before(prefix: str) -> str:
    tail = prefix.rstrip(" \t\u00a0:>-")
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
            yield DateCandidate(value, "dateline", why, line.start + match.start("mon"), has_year)


def weekday_text_candidates(text: str) -> Iterator[DateCandidate]:
    """Full dates written next to a weekday ('Monday (09/10/2018)'): reports date their news so."""
    for found in find_dates(text):
        before = text[max(0, found.start - 14):found.start]
        day = re.search(rf"({WEEKDAY})\W*$", before)
        if not day:
            continue
        for value, reading in found.readings:
            agrees = calendar.day_name[value.weekday()] == day.group(1)
            reason = (f"date beside the weekday {day.group(1)!r} in the text; {reading}; "
                      f"{'agrees with' if agrees else 'contradicts'} the weekday")
            yield DateCandidate(value, "text", reason, found.start, True)


def collect_date_candidates(original: str, *, url: str, html_meta: dict, path: str) -> tuple[DateCandidate, ...]:
    found = [*header_candidates(original), *dateline_candidates(original), *weekday_text_candidates(original)]
    html_date = str(html_meta.get("date") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", html_date):
        found.append(DateCandidate(date.fromisoformat(html_date[:10]), "html", "date in the HTML metadata"))
    for value in find_url_dates(url):
        found.append(DateCandidate(value, "url", f"date written in the URL {url}"))
    for value in find_url_dates(Path(path).name if path else ""):
        found.append(DateCandidate(value, "filename", f"date written in the file name {Path(path).name}"))
    unique: dict[tuple[date, str, bool], DateCandidate] = {}
    for candidate in found:
        unique.setdefault((candidate.value, candidate.source, candidate.has_year), candidate)
    return tuple(unique.values())
