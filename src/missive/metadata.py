"""Article metadata: title, publication-date candidates, outlet, credited agencies, language.

Captured articles rarely say plainly when they were published: a crawl header, a "Posted on"
line, a year-less dateline, HTML metadata and the URL can all disagree. So this module never
picks one; it lists every candidate with where it was read (``source``), why (``reason``) and
its position in the ORIGINAL text, and leaves the choice to the date-reasoning stage.

The readers of line shapes (dates in a line, headline-shaped lines, the header zone at the top)
live here and the cleaner imports them, so both stages agree on what the header is; this module
never imports the cleaner.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .model import DateCandidate, Metadata

DATA_DIR = Path(__file__).parent / "data"
HEADER_ZONE_LINES = 8  # header furniture sits in the first few non-blank lines
BODY_MIN_WORDS = 12  # a sentence this long means the article body has begun


# ---------------------------------------------------------------- phrase table and line shapes
@lru_cache(maxsize=1)
def phrase_table() -> dict[str, tuple[tuple[str, str], ...]]:
    """chrome_phrases.csv grouped by kind: {kind: ((phrase, match), ...)}."""
    table: dict[str, list[tuple[str, str]]] = {}
    with open(DATA_DIR / "chrome_phrases.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            phrase = normalise_line(row["phrase"], keep_end=True)
            table.setdefault(row["kind"].strip(), []).append((phrase, row["match"].strip()))
    return {kind: tuple(rows) for kind, rows in table.items()}


def normalise_line(text: str, *, keep_end: bool = False) -> str:
    """Lowercase, straight quotes, single spaces; trailing ':.!' dropped unless keep_end."""
    text = text.translate(_QUOTES).lower()
    text = " ".join(text.split()).lstrip("•*>|-–— ")
    return text if keep_end else text.rstrip(":.!…- ")


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’)\]]*)(?:\s*\([^()]{1,40}\))?\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_sentence_like(text: str) -> bool:
    """Ends like a sentence (. ! ? …, maybe a closing quote and a credit such as '(Yonhap)')."""
    return bool(_SENTENCE_END.search(text.strip()))


def is_headline_shaped(text: str, *, max_words: int = 25) -> bool:
    """Short, starts with a capital, digit or quote, no full stop or colon at the end.

    Headlines may end with '?' or '!', so only '.', ':' and ';' rule a line out.
    """
    stripped = text.strip()
    if not stripped or not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"'“‘"):
        return False
    if re.search(r"[.:;,](?:[\"'”’)\]]*)\s*$", stripped):
        return False
    return 2 <= word_count(stripped) <= max_words


def is_title_cased(text: str) -> bool:
    """Most longer words capitalised, as in 'Kim Sends Message of Sympathy to Cuban Leaders'."""
    words = [w for w in _WORD.findall(text) if len(w) >= 4]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: [start, end) without its newline; stop includes the newline."""

    start: int
    end: int
    stop: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), pos + len(raw), body))
        pos += len(raw)
    return lines


def header_zone(lines: list[Line]) -> list[int]:
    """Indexes of the top lines: up to the first body sentence (inclusive), at most a few lines."""
    zone: list[int] = []
    for i, line in enumerate(lines):
        if line.is_blank:
            continue
        zone.append(i)
        if len(zone) >= HEADER_ZONE_LINES:
            break
        if is_sentence_like(line.text) and word_count(line.text) >= BODY_MIN_WORDS:
            break
    return zone


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
            label = _label_before(line.text[:found.start])
            if label:
                yield from _candidates(found, "header", f"date labelled {label!r} in a top line", line.start)


def _label_before(prefix: str) -> str:
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


# ---------------------------------------------------------------- title, outlet, author
def find_title(original: str) -> str:
    """The article's own headline: the first headline-shaped header line of five words or more.

    Site labels ('KCNA Chongnyon Chonwi (EN)') are shorter; a title fused with a date label
    ('... North Korea   DATE: 2024-07-15') is cut before the label.
    """
    lines = split_lines(original)
    index = title_line_index(lines)
    return _title_text(lines[index].text) if index is not None else ""


def title_line_index(lines: list[Line]) -> int | None:
    return next((i for i in header_zone(lines) if _title_text(lines[i].text)), None)


def _title_text(text: str) -> str:
    header = read_header_line(text)
    if header:
        text = "" if header.is_whole else text[header.prefix_end:]
    text = _cut_before_date_label(text).strip()
    return text if is_headline_shaped(text) and word_count(text) >= 5 and not _is_chrome(text) else ""


def _cut_before_date_label(text: str) -> str:
    for found in find_dates(text):
        label = _label_before(text[:found.start])
        if label:
            head = text[:found.start].rstrip(" \t\u00a0:>-")
            return head[:len(head) - len(label)]
    return text


def _is_chrome(text: str) -> bool:
    norm = normalise_line(text)
    return any(norm == phrase for phrase, match in phrase_table().get("chrome", ()) if match == "line")


BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*(?:,|$|\|)")


def find_author(original: str) -> str:
    for line in split_lines(original):
        match = BYLINE.match(line.text)
        if match and word_count(line.text) <= 10:
            return match["name"]
    return ""


def outlet_from(url: str, html_meta: dict) -> str:
    if html_meta.get("sitename"):
        return str(html_meta["sitename"])
    host = urlsplit(url).hostname or "" if "://" in url else ""
    return host.removeprefix("www.")


# ---------------------------------------------------------------- agencies and state media
@dataclass(frozen=True, slots=True)
class MediaName:
    canonical: str
    is_state_media: bool


@lru_cache(maxsize=1)
def media_aliases() -> tuple[tuple[str, MediaName], ...]:
    """Every name and alias of media.csv (as written there) with its entry; () when absent."""
    path = DATA_DIR / "media.csv"
    if not path.exists():
        return ()
    found: list[tuple[str, MediaName]] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            entry = MediaName(row["name"].strip(),
                              str(row.get("is_state_media", "")).strip().lower() in ("1", "true", "yes", "y"))
            aliases = {a.strip() for a in [row["name"], *str(row.get("aliases") or "").split(";")] if a.strip()}
            found += [(alias, entry) for alias in sorted(aliases)]
    return tuple(found)


@lru_cache(maxsize=1)
def _media_by_lower_alias() -> dict[str, MediaName]:
    return {alias.lower(): entry for alias, entry in media_aliases()}


def media_entry(name: str) -> MediaName | None:
    """The media.csv entry a credited name stands for ('Yonhap News' -> Yonhap), if any."""
    table = _media_by_lower_alias()
    short = re.sub(r"\s+News(?: Agency)?$", "", name.strip())
    return table.get(name.strip().lower()) or table.get(short.lower())


_NAME = r"[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,4}"
CREDIT_SHAPES = (
    re.compile(r"^\s*\((?P<n>[A-Z][^()]{1,40})\)\s*(?:—|–|--|-)", re.M),  # (Reuters) - ...
    re.compile(r"[.!?\"”’]\s*\((?P<n>[A-Z][^()]{1,40})\)\s*$", re.M),  # ... said. (Yonhap)
    re.compile(rf"(?:—|–|--)\s*(?P<n>{_NAME})\s*$", re.M),  # ... — Reuters
    re.compile(rf"[.!?\"”’](?P<n>{_NAME})\s*$"),  # ...level.Yonhap at the very end
)
STATE_SHAPE = re.compile(
    r"\bstate(?:-run|-owned|-controlled)?\s+(?:(?:news\s+agency|newspaper|broadcaster|television|TV|media"
    rf"|daily|outlet|radio|news\s+outlet)\s+)?(?:the\s+)?(?P<n>{_NAME})")
ATTRIBUTION_BEFORE = re.compile(r"(?:according to|told|citing|quoted by|via|reported by)\s+(?:the\s+)?$", re.I)
ATTRIBUTION_AFTER = re.compile(r"^(?:\s*\([A-Z]+\))?,?\s+(?:news agency\s+)?(?:reported|said|says|reports|"
                               r"quoted|cited|carried|added|wrote)\b")


def credited_names(text: str) -> list[str]:
    """Names in credit positions: dateline and paragraph credits, trailing wire tags."""
    names = []
    lines = split_lines(text)
    for line in (lines[i] for i in header_zone(lines)):
        hit = find_dateline(line.text)
        if hit and hit[0]["credit"]:
            names.append(hit[0]["credit"])
    for pattern in CREDIT_SHAPES:
        names += [m["n"].strip() for m in pattern.finditer(text) if word_count(m["n"]) <= 4]
    return names


def media_mentions(text: str) -> list[tuple[MediaName, bool]]:
    """(entry, is_attributed) for every media.csv name written in the text, as cased in the file."""
    found = []
    for alias, entry in media_aliases():
        if len(alias) < 2 or alias not in text:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            attributed = bool(ATTRIBUTION_BEFORE.search(text[max(0, match.start() - 20):match.start()])
                              or ATTRIBUTION_AFTER.match(text[match.end():match.end() + 30]))
            found.append((entry, attributed))
    return found


def find_sources(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(agencies credited, state media cited), each by canonical name.

    State media count when named at all (they are cited as the source of what they report);
    other outlets count as agencies only in a credit shape or with an attribution verb.
    """
    agencies: list[str] = []
    state: list[str] = []
    for raw in credited_names(text):
        entry = media_entry(raw)
        _add(state if entry and entry.is_state_media else agencies, entry.canonical if entry else
             re.sub(r"\s+News$", "", raw))
    for match in STATE_SHAPE.finditer(text):
        entry = media_entry(match["n"])
        _add(state, entry.canonical if entry else match["n"])
    for entry, attributed in media_mentions(text):
        if entry.is_state_media:
            _add(state, entry.canonical)
        elif attributed:
            _add(agencies, entry.canonical)
    return tuple(a for a in agencies if a not in state), tuple(state)


def _add(target: list[str], name: str) -> None:
    if name and name not in target:
        target.append(name)


# ---------------------------------------------------------------- language
@lru_cache(maxsize=1)
def stopword_languages() -> dict[str, frozenset[str]]:
    """ISO 639-1 code -> stopwords, from the stoplists jusText ships (a trafilatura dependency)."""
    import justext
    import pycountry

    table: dict[str, frozenset[str]] = {}
    for name in justext.get_stoplists():
        try:
            code = getattr(pycountry.languages.lookup(name.replace("_", " ")), "alpha_2", "")
        except LookupError:
            continue
        if code:
            table[code] = table.get(code, frozenset()) | justext.get_stoplist(name)
    return table


def detect_language(text: str) -> tuple[str, str]:
    """(code, reason): the language whose stopwords cover most of the first words of the text."""
    words = [w.lower() for w in _WORD.findall(text)[:400]]
    if len(words) < 5:
        return "unknown", "too few words to tell the language"
    shares = {code: sum(w in stops for w in words) / len(words) for code, stops in stopword_languages().items()}
    english = shares.get("en", 0.0)
    if english >= 0.2:
        return "en", f"{english:.0%} of the words are English stopwords"
    best = max(shares, key=shares.__getitem__, default="")
    if len(words) < 20:
        return "unknown", f"only {len(words)} words, {english:.0%} English stopwords: too few to call it foreign"
    if not best or shares[best] < 0.15:
        return "unknown", f"no stopword list covers the words (English {english:.0%})"
    return best, f"{shares[best]:.0%} of the words are '{best}' stopwords (English {english:.0%})"


# ---------------------------------------------------------------- the whole record
def extract_metadata(original: str, cleaned: str, *, url: str = "", html_meta: dict | None = None,
                     path: str = "") -> Metadata:
    """Collect metadata with provenance from the text (and HTML metadata when there is some)."""
    html_meta = html_meta or {}
    url = url or str(html_meta.get("url") or "")
    agencies, state_media = find_sources(cleaned)
    return Metadata(
        title=str(html_meta.get("title") or "") or find_title(original),
        url=url,
        outlet=outlet_from(url, html_meta),
        author=str(html_meta.get("author") or "") or find_author(original),
        language=detect_language(cleaned or original)[0],
        date_candidates=collect_date_candidates(original, url=url, html_meta=html_meta, path=path),
        agencies=agencies,
        state_media=state_media,
    )
