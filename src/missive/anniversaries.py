"""Anniversaries and known occasions: the public facts that pin an undated article to a year.

News rarely prints the year of its own events, but it often names an occasion whose date any
careful reader knows: "the 76th anniversary of the founding of the DPRK" is 2024-09-09, "the
congress that gives Xi a third term" opened 2022-10-16. The facts live in two user-extendable
tables, ``data/foundings.csv`` (what was founded, signed or born, and when) and
``data/occasions.csv`` (congresses, plenums, national days, inaugurations, summits). This
module only matches their names in text and does the arithmetic; every answer says why.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .errors import DataFileError
from .model import DateWindow

# An anniversary this far past today cannot be what an article celebrates.
FUTURE_SLACK = timedelta(days=366)
# Words that name the subject of an anniversary by its kind rather than by its name.
GENERIC_REFERENTS = {"country": "state", "nation": "state", "republic": "state", "state": "state",
                     "party": "party", "army": "army", "armed forces": "army", "treaty": "treaty",
                     "diplomatic relations": "relations", "diplomatic ties": "relations",
                     "ties": "relations", "relations": "relations"}
# Anniversaries of people need a word saying which: birth or death.
PERSON_KINDS = {"birth": ("birth", "born", "birthday"), "death": ("death", "demise", "passing", "died")}
_ORD_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
              "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "centenary": 100,
             "centennial": 100, "bicentenary": 200, "bicentennial": 200}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORD_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:" + "|".join(_ORD_UNITS[:9])
             + r")|" + "|".join(sorted([*_ORD_UNITS, *_ORD_TENS], key=len, reverse=True)) + r")")
ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORD_WORD})"
_ANNIV_AFTER = re.compile(rf"\b(?P<ord>{ORDINAL})(?P<mod>(?:[\s-]+(?:founding|birth|death|signing|establishment))?)"
                          r"[\s-]+(?:anniversary|birthday)(?:\s+of)?\b", re.I)
_CENTENARY = re.compile(r"\b(?P<ord>(?:bi)?centenary|(?:bi)?centennial)\s+of\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n")


@dataclass(frozen=True, slots=True)
class Founding:
    """One row of foundings.csv: something whose anniversaries are counted from ``day``."""

    subject: str
    aliases: tuple[str, ...]
    kind: str  # state | party | army | treaty | relations | organisation | event | birth | death
    day: date
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Anniversary:
    """An ordinal anniversary found in a text, with the day it falls on."""

    start: int
    end: int
    ordinal: int
    founding: Founding
    day: date
    reason: str
    label: str  # "the 75th anniversary of the founding of the Workers' Party of Korea"


@dataclass(frozen=True, slots=True)
class Occasion:
    """One row of occasions.csv; a recurring day has ``start``/``end`` in year 1."""

    label: str
    aliases: tuple[str, ...]
    keywords: tuple[tuple[str, ...], ...]  # every group must occur in one sentence
    cues: tuple[str, ...]  # optional phrases that make this row the better of several
    start: date
    end: date
    countries: tuple[str, ...]
    kind: str
    is_recurring: bool


@dataclass(frozen=True, slots=True)
class OccasionMatch:
    occasion: Occasion
    start: int
    end: int
    score: float
    how: str


# -- tables -----------------------------------------------------------------------------------
def _read_rows(name: str, extra: Iterable[Path]) -> list[tuple[str, int, dict[str, str]]]:
    sources = [(f"missive/data/{name}", resources.files("missive.data").joinpath(name).read_text("utf-8"))]
    sources += [(str(p), Path(p).read_text("utf-8")) for p in extra]
    rows = []
    for label, text in sources:
        for n, row in enumerate(csv.DictReader(text.splitlines()), 2):
            rows.append((label, n, {k: (v or "").strip() for k, v in row.items() if k}))
    return rows


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _parse_day(value: str, where: str) -> tuple[date, bool]:
    try:
        if re.fullmatch(r"\d\d-\d\d", value):
            return date.fromisoformat(f"0004-{value}"), True  # year 4: leap, so Feb 29 is allowed
        return date.fromisoformat(value), False
    except ValueError as exc:
        raise DataFileError(f"{where}: bad date {value!r} (want YYYY-MM-DD, or MM-DD for every year)") from exc


@lru_cache(maxsize=8)
def load_foundings(extra: tuple[Path, ...] = ()) -> tuple[Founding, ...]:
    """The packaged foundings table plus a user's own files (same columns), in file order."""
    out = []
    for label, n, row in _read_rows("foundings.csv", extra):
        day, recurring = _parse_day(row.get("date", ""), f"{label}:{n}")
        if recurring:
            raise DataFileError(f"{label}:{n}: a founding needs a full date")
        out.append(Founding(row["subject"], _split(row.get("aliases", "")), row.get("kind", "event"), day,
                            _split(row.get("iso3", ""))))
    return tuple(out)


@lru_cache(maxsize=8)
def load_occasions(extra: tuple[Path, ...] = ()) -> tuple[Occasion, ...]:
    """The packaged occasions table plus a user's own files (same columns), in file order."""
    out = []
    for label, n, row in _read_rows("occasions.csv", extra):
        start, recurring = _parse_day(row.get("start", ""), f"{label}:{n}")
        end = _parse_day(row["end"], f"{label}:{n}")[0] if row.get("end") else start
        groups = tuple(tuple(a.strip() for a in g.split("|") if a.strip()) for g in _split(row.get("keywords", "")))
        out.append(Occasion(row["label"], _split(row.get("aliases", "")), groups, _split(row.get("cues", "")),
                            start, end, _split(row.get("iso3", "")), row.get("kind", ""), recurring))
    return tuple(out)


@lru_cache(maxsize=1)
def country_names() -> tuple[tuple[str, str], ...]:
    """(name, ISO3) pairs from data/countries.csv and the state rows of foundings.csv."""
    pairs = [(a, f.countries[0]) for f in load_foundings() if f.kind == "state" and f.countries for a in f.aliases]
    try:
        text = resources.files("missive.data").joinpath("countries.csv").read_text("utf-8")
    except FileNotFoundError:
        return tuple(pairs)
    for row in csv.DictReader(text.splitlines()):
        for col in ("name", "official_names", "aliases", "demonyms"):
            pairs += [(a, row["iso3"]) for a in _split(row.get(col) or "") if row.get("iso3")]
    return tuple(pairs)


# -- matching names ---------------------------------------------------------------------------
def normalise(text: str) -> str:
    """Same length as the input, so offsets hold: typographic quotes become plain ones."""
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "–": "-"}))


def name_key(name: str) -> str:
    """What two spellings of one name share: case, spacing, hyphens and a leading 'the' aside."""
    return re.sub(r"[\s-]+", " ", normalise(name).lower()).strip().removeprefix("the ")


def _is_acronym(name: str) -> bool:
    return len(name) <= 6 and name.replace(".", "").isupper()


@lru_cache(maxsize=4096)
def names_regexes(names: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One regex per case rule for a set of names, longest first; acronyms match case-sensitively."""
    out = []
    for group, flags in (([n for n in names if not _is_acronym(n)], re.I), ([n for n in names if _is_acronym(n)], 0)):
        bodies = sorted({r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", normalise(n)) if w) for n in group},
                        key=len, reverse=True)
        if bodies:
            out.append(re.compile(rf"(?<![\w'])(?:the\s+)?(?:{'|'.join(bodies)})(?![\w-])", flags))
    return tuple(out)


@lru_cache(maxsize=4096)
def _probes(names: tuple[str, ...]) -> tuple[str, ...]:
    """A word of each name that any mention must contain: a cheap test before the regex."""
    return tuple({max(re.split(r"[\s-]+", normalise(n).lower()), key=len) for n in names})


def find_names(text: str, names: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, matched text) of every name found, leftmost-longest, sorted by position."""
    key = tuple(sorted(set(names)))
    low = text.lower()
    if not any(p in low for p in _probes(key)):
        return []
    hits = []
    for pattern in names_regexes(key):
        hits += [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    return sorted(hits)


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, iso in country_names():
        keys.setdefault(name_key(name), iso)
    return keys


def countries_named(text: str) -> list[str]:
    """ISO3 codes of the countries a text names, in order of first mention."""
    keys = _country_keys()
    hits = find_names(text, [n for n, _ in country_names()])
    return list(dict.fromkeys(keys[k] for _, _, t in hits if (k := name_key(t)) in keys))


# -- anniversaries ----------------------------------------------------------------------------
def ordinal_value(word: str) -> int:
    w = word.lower().replace("-", " ")
    if w[0].isdigit():
        return int(re.match(r"\d+", w).group())
    if w in _ORD_TENS:
        return _ORD_TENS[w]
    if " " in w:
        tens, unit = w.split()
        return _TENS[tens] + _ORD_UNITS.index(unit) + 1
    return _ORD_UNITS.index(w) + 1


def _subject_window(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    return text[start:min(end.start() if end else len(text), start + 160)]


def _allowed_kinds(phrase: str) -> set[str]:
    low = phrase.lower()
    for kind, words in PERSON_KINDS.items():
        if any(re.search(rf"\b{w}\b", low) for w in words):
            return {kind}
    return {"state", "party", "army", "treaty", "relations", "organisation", "event"}


def _first_chain(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names of the first noun phrase: hits that overlap or touch ("DPRK-China Treaty of ...")."""
    chain = hits[:1]
    for h in hits[1:]:
        if h[0] <= max(c[1] for c in chain) + 2:
            chain.append(h)
    return chain


def _by_alias(window: str, rows: Sequence[Founding]) -> list[Founding]:
    aliases = {a for f in rows for a in f.aliases}
    hits = [h for h in find_names(window, aliases) if not window[h[1]:h[1] + 2] in ("'s", "' ")]
    if not hits:
        return []
    best = max(_first_chain(hits), key=lambda h: h[1] - h[0])
    text = window[best[0]:best[1]]
    key = name_key(text)
    return [f for f in rows if key in _alias_keys(f)]


@lru_cache(maxsize=4096)
def _alias_keys(founding: Founding) -> frozenset[str]:
    return frozenset(name_key(a) for a in founding.aliases)


def _by_relations(window: str, rows: Sequence[Founding], context: Sequence[str]) -> list[Founding]:
    """ "... of diplomatic ties between China and Laos": only when relations are the subject's head."""
    head = re.search(r"\bdiplomatic\s+(?:relations|ties)\b|\b(?:relations|ties)\s+between\b", window[:90], re.I)
    if not head or re.search(r"\b(?:founding|birth|death|signing)\b", window[:head.start()], re.I):
        return []
    named = set(countries_named(window[:head.end() + 60]))
    if len(named) < 2:
        named |= set(context)
    return [f for f in rows if f.kind == "relations" and len(f.countries) >= 2 and set(f.countries) <= named]


def _by_referent(window: str, rows: Sequence[Founding], context: Sequence[str]) -> list[Founding]:
    low = window.lower()
    kind = next((k for word, k in GENERIC_REFERENTS.items() if re.search(rf"\b{word}\b", low[:60])), None)
    owners = countries_named(window[:60]) or list(context)
    if kind is None and owners and countries_named(window[:60]):
        kind = "state"  # "North Korea's 76th anniversary": a possessive country alone
    if kind is None:
        return []
    return [f for iso in owners for f in rows if f.kind == kind and iso in f.countries]


def _choose(found: list[Founding], n: int, window: str, context: Sequence[str],
            now: DateWindow | None) -> tuple[Founding, str] | None:
    """Plausible (not in the future), then about the named or context countries, then nearest now."""
    limit = date.today() + FUTURE_SLACK
    plausible = [f for f in found if _add_years(f.day, n) <= limit]
    if not plausible:
        return None
    named = set(countries_named(window)) | set(context)
    plausible.sort(key=lambda f: -len(set(f.countries) & named))
    best = [f for f in plausible if len(set(f.countries) & named) == len(set(plausible[0].countries) & named)]
    if now and (now.start or now.end) and len(best) > 1:
        mid = now.start or now.end
        best.sort(key=lambda f: abs((_add_years(f.day, n) - mid).days))
    note = f"; also read as {', '.join(f.subject for f in best[1:])}" if len(best) > 1 else ""
    return best[0], note


def _add_years(day: date, n: int) -> date:
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # Feb 29 in a common year
        return day.replace(year=day.year + n, day=28)


def _match_subject(window: str, before: str, kinds: set[str], context: Sequence[str],
                   table: Sequence[Founding]) -> list[Founding]:
    rows = [f for f in table if f.kind in kinds]
    return (_by_relations(window, rows, context) or _by_alias(window, rows)
            or _by_referent(window, rows, context) or _by_alias(before, rows)
            or _by_referent(before, rows, context))


def find_anniversaries(text: str, context_countries: Sequence[str] = (), now: DateWindow | None = None,
                       table: Sequence[Founding] | None = None) -> list[Anniversary]:
    """Every ordinal anniversary of a known founding, signing, birth or death in ``text``."""
    text = normalise(text)
    table = load_foundings() if table is None else table
    out = []
    for m in [*_ANNIV_AFTER.finditer(text), *_CENTENARY.finditer(text)]:
        n = ordinal_value(m.group("ord"))
        sentence_start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        before = text[max(sentence_start, m.start() - 80):m.start()]
        window = _subject_window(text, m.end())
        phrase = m.group(0) + " " + window[:40]
        found = _match_subject(window, _possessor(before), _allowed_kinds(phrase),
                               context_countries, table)
        chosen = _choose(found, n, window, context_countries, now) if found else None
        if chosen is None:
            chosen = _dated_in_text(window, n)
        if chosen is None:
            continue
        founding, note = chosen
        day = _add_years(founding.day, n)
        label = f"the {m.group('ord')} anniversary of {_with_article(founding.subject)}"
        source = "foundings.csv" if founding.countries or founding.aliases else "the text"
        reason = f"{label}: {founding.day.isoformat()} + {n} years = {day.isoformat()} ({source}){note}"
        out.append(Anniversary(m.start(), m.end(), n, founding, day, reason, label))
    return sorted(out, key=lambda a: a.start)


_WRITTEN_DAY = re.compile(r"\bon\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>1[89]\d\d|20\d\d)\b"
                          r"|\bon\s+(?P<d2>\d{1,2})\s+(?P<mon2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>1[89]\d\d|20\d\d)\b")


def _dated_in_text(window: str, n: int) -> tuple[Founding, str] | None:
    """"the 60th anniversary of the treaty signed ... on July 11, 1961": the text gives the day
    itself, so no data row is needed (a row, when there is one, wins: it also checks the name)."""
    m = _WRITTEN_DAY.search(window[:160])
    if not m:
        return None
    month = _month_number(m["mon"] or m["mon2"])
    if not month:
        return None
    try:
        day = date(int(m["y"] or m["y2"]), month, int(m["d"] or m["d2"]))
    except ValueError:
        return None
    if _add_years(day, n) > date.today() + FUTURE_SLACK:
        return None
    subject = re.sub(r"^(?:the|of)\s+", "", window[:m.start()].strip(" ,")) or "what the text names"
    return Founding(subject, (), "event", day, ()), "; the day is written in the text"


def _month_number(word: str) -> int | None:
    import calendar

    low = word.lower().rstrip(".")
    for i in range(1, 13):
        if low in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower()) or (i == 9 and low == "sept"):
            return i
    return None


def _with_article(subject: str) -> str:
    return f"the {subject}" if subject[:1].islower() else subject


def _possessor(before: str) -> str:
    """ "... the WPK's 75th": the words that own the ordinal, if the ordinal follows a possessive."""
    m = re.search(r"([\w'.,\- ]{1,60}?)'s?\s*$", before)
    if not m or not re.search(r"'s?\s*$", before):
        return ""
    owner = m.group(1)
    return owner.split(",")[-1].strip()


def anniversary_date(text: str, context_countries: Sequence[str] = (),
                     now: DateWindow | None = None) -> tuple[date, str] | None:
    """The day of the first ordinal anniversary named in ``text`` and why, or None."""
    found = find_anniversaries(text, context_countries, now)
    return (found[0].day, found[0].reason) if found else None


# -- occasions --------------------------------------------------------------------------------
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_ORDINAL_NEAR = re.compile(rf"\b({ORDINAL})\s+(?:\w+\s+){{0,4}}?(?:congress|plenum|plenary|session)\b", re.I)


def _label_ordinal(label: str) -> int | None:
    m = re.match(rf"({ORDINAL})\b", label, re.I)
    return ordinal_value(m.group(1)) if m else None


class _TextIndex:
    """Name hits over one text, computed once per group of names and placed in sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        self._hits: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}

    def hits(self, names: Sequence[str]) -> list[tuple[int, int, str]]:
        key = tuple(names)
        if key not in self._hits:
            self._hits[key] = find_names(self.text, key)
        return self._hits[key]

    def first_sentence_with_all(self, row: Occasion) -> tuple[int, int] | None:
        """The first hit of the row's first keyword group in a sentence that holds every group."""
        groups = [self.hits(g) for g in row.keywords]
        for s0, s1 in self.sentences:
            inside = [[h for h in g if s0 <= h[0] < s1] for g in groups]
            if all(inside) and _ordinal_fits(row, self.text[s0:s1]):
                return inside[0][0][0], inside[0][0][1]
        return None


def _ordinal_fits(row: Occasion, sentence: str) -> bool:
    """'the 19th congress' is not the 20th: an ordinal said beside the keyword must be the row's."""
    said = {ordinal_value(m.group(1)) for m in _ORDINAL_NEAR.finditer(sentence)}
    own = _label_ordinal(row.label)
    return not said or own is None or own in said


def match_occasions(text: str, table: Sequence[Occasion] | None = None) -> list[OccasionMatch]:
    """Every row of the occasions table that the text names, by alias or by keywords in one sentence."""
    index = _TextIndex(normalise(text))
    table = load_occasions() if table is None else table
    out = []
    for row in table:
        cue_bonus = 0.5 * len(index.hits(row.cues)) if row.cues else 0.0
        alias_hits = index.hits(row.aliases) if row.aliases else []
        if alias_hits:
            s, e, _ = max(alias_hits, key=lambda h: h[1] - h[0])
            out.append(OccasionMatch(row, s, e, 3 + (e - s) / 100 + cue_bonus, f"names '{index.text[s:e]}'"))
            continue
        if not row.keywords or not index.hits(row.keywords[0]):
            continue
        found = index.first_sentence_with_all(row)
        if found:
            out.append(OccasionMatch(row, found[0], found[1], 1 + cue_bonus,
                                     f"mentions {' + '.join('/'.join(g[:2]) for g in row.keywords)}"))
    return out


def occasion_window(row: Occasion, now: DateWindow | None) -> DateWindow | None:
    """A fixed occasion's days; a recurring one's nearest instance to now (a month ahead at most)."""
    span = f"{row.start.isoformat()}..{row.end.isoformat()}" if row.end != row.start else row.start.isoformat()
    if not row.is_recurring:
        precision = "day" if row.start == row.end else "range"
        return DateWindow(row.start, row.end, precision, f"{row.label}: {span} (occasions.csv)")
    ref = (now.end or now.start) if now else None
    if ref is None:
        return None
    for year in (ref.year + 1, ref.year, ref.year - 1):
        start = _add_years(row.start, year - row.start.year)
        if start <= ref + timedelta(days=31):
            end = start + (row.end - row.start)
            return DateWindow(start, end, "day" if start == end else "range",
                              f"{row.label}, every {row.start.strftime('%b %d')}: the one nearest {ref}")
    return None


def _distance(window: DateWindow, now: DateWindow | None) -> int:
    if now is None or window.start is None:
        return 0
    lo, hi = now.start or now.end, now.end or now.start
    if lo is None:
        return 0
    return max((window.start - hi).days, (lo - window.end).days, 0)


def find_occasion(text: str, now: DateWindow | None = None) -> tuple[str, DateWindow, str] | None:
    """The known occasion a text names: (label, window, reason); ties go to the one nearest now."""
    ranked = []
    for match in match_occasions(text):
        window = occasion_window(match.occasion, now)
        if window is None:
            window = DateWindow(None, None, "open", f"{match.occasion.label}: recurring, and no year is known")
        ranked.append((-match.score, _distance(window, now), match, window))
    if not ranked:
        return None
    ranked.sort(key=lambda r: (r[0], r[1]))
    best = ranked[0]
    rivals = [r for r in ranked[1:] if r[0] == best[0] and r[1] == best[1]
              and r[2].occasion.label != best[2].occasion.label]
    if rivals:
        return None  # several occasions fit equally well: naming one would be a guess
    match, window = best[2], best[3]
    return match.occasion.label, window, f"{match.how}: {window.reason}"
