"""Expected events written as short strings, and the devset scorer's rule for matching them.

A case of the world table lists what a careful reader records, one string per event:

    "message KAZ>UZB 2024-03-21"          a directed message on one day
    "call DEU-POL 2023-06-05..2023-06-06"  a call, either direction, within two days
    "meeting CHE+FRA+ITA 2019-05"          a multilateral meeting some day in May 2019
    "relations CAN-IND ..2023-09-20"       open start, ends no later than the report day
    "agreement KEN-TZA 2012"               a signing some day in 2012
    "meeting GHA-CIV"                      no window: any date (or none) will do

Parties: ``A>B`` is source>target and is the only form a message takes; ``A-B`` is a pair
read in either direction (calls, relations) or as a set (meetings, agreements); ``A+B+C`` is
the participant set of a multilateral meeting or agreement. A window is ``DAY``, ``MONTH``,
``YEAR`` or ``LOW..HIGH`` with either side empty (open); a month or year stands for all its days.

Matching follows ../shared/eval/score.py in its strict form, so the table measures what the
devset measures: the type and the countries must be the same (directed for messages, either
direction for calls and relations, as sets for meetings and agreements), and the expected
window widened by one day on each side must contain the predicted window. An open expected
bound accepts anything. Events pair one to one; a predicted event that pairs with no expected
event is a failure unless it pairs with one of the case's "also-ok" events.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

TYPES = ("message", "call", "meeting", "agreement", "relations")
DIRECTED = frozenset({"message"})
EITHER_WAY = frozenset({"call", "relations"})
OPEN_MIN, OPEN_MAX = date.min, date.max

_ISO3 = r"[A-Z]{3}"
_PARTIES = re.compile(rf"^(?:(?P<src>{_ISO3})(?P<op>[>-])(?P<tgt>{_ISO3})|(?P<set>{_ISO3}(?:\+{_ISO3}){{2,}}))$")
_BOUND = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Expected:
    """One event a reader records: its type, its parties and the window it must fall in."""

    type: str
    source: str
    target: str
    participants: frozenset[str]
    start: date
    end: date
    text: str

    def countries(self) -> frozenset[str]:
        return self.participants or frozenset({self.source, self.target})


def _bound(text: str, *, is_end: bool) -> date:
    """First (or last) day of a day, month or year written YYYY[-MM[-DD]]; empty is open."""
    if not text:
        return OPEN_MAX if is_end else OPEN_MIN
    if not _BOUND.match(text):
        raise ValueError(f"not a date bound: {text!r}")
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], (parts[1] if len(parts) == 2 else None)
    if month is None:
        return date(year, 12, 31) if is_end else date(year, 1, 1)
    return date(year, month, calendar.monthrange(year, month)[1] if is_end else 1)


def parse_window(text: str) -> tuple[date, date]:
    """``DAY|MONTH|YEAR`` is that period; ``LOW..HIGH`` runs from LOW's first to HIGH's last day."""
    low, sep, high = text.partition("..")
    if not sep:
        high = low
    start, end = _bound(low, is_end=False), _bound(high, is_end=True)
    if start > end:
        raise ValueError(f"window ends before it starts: {text!r}")
    return start, end


def parse_expected(spec: str) -> Expected:
    """An Expected from ``TYPE PARTIES [WINDOW]``; raises ValueError on any malformed piece."""
    words = spec.split()
    if len(words) not in (2, 3) or words[0] not in TYPES:
        raise ValueError(f"expected 'TYPE PARTIES [WINDOW]': {spec!r}")
    type_, parties = words[0], _PARTIES.match(words[1])
    if not parties:
        raise ValueError(f"parties must be A>B, A-B or A+B+C (ISO3): {spec!r}")
    start, end = parse_window(words[2] if len(words) == 3 else "..")
    if parties["set"]:
        if type_ not in ("meeting", "agreement"):
            raise ValueError(f"only meetings and agreements have participant sets: {spec!r}")
        members = frozenset(parties["set"].split("+"))
        return Expected(type_, "", "", members, start, end, spec)
    if type_ in DIRECTED and parties["op"] != ">":
        raise ValueError(f"a message has a direction, write A>B: {spec!r}")
    if parties["src"] == parties["tgt"]:
        raise ValueError(f"an interaction needs two countries: {spec!r}")
    return Expected(type_, parties["src"], parties["tgt"], frozenset(), start, end, spec)


def _flat_window(flat: Mapping[str, Any]) -> tuple[date, date]:
    lo, hi = flat.get("date_min"), flat.get("date_max")
    return (date.fromisoformat(lo[:10]) if lo else OPEN_MIN,
            date.fromisoformat(hi[:10]) if hi else OPEN_MAX)


def _flat_countries(flat: Mapping[str, Any]) -> frozenset[str]:
    named = {flat.get("source_country"), flat.get("target_country"), *(flat.get("participants") or ())}
    return frozenset(c for c in named if c)


def same_parties(expected: Expected, flat: Mapping[str, Any]) -> bool:
    """The scorer's rule: directed messages, either-way calls and relations, sets otherwise."""
    pair = (flat.get("source_country") or "", flat.get("target_country") or "")
    if expected.type in DIRECTED:
        return pair == (expected.source, expected.target)
    if expected.type in EITHER_WAY and not expected.participants:
        return {pair, pair[::-1]} >= {(expected.source, expected.target)}
    return _flat_countries(flat) == expected.countries()


def window_contains(expected: Expected, flat: Mapping[str, Any]) -> bool:
    """The expected window, widened by a day each side (open stays open), holds the predicted one."""
    lo = expected.start if expected.start == OPEN_MIN else expected.start - timedelta(days=1)
    hi = expected.end if expected.end == OPEN_MAX else expected.end + timedelta(days=1)
    start, end = _flat_window(flat)
    return lo <= start and end <= hi


def matches(expected: Expected, flat: Mapping[str, Any]) -> bool:
    return flat.get("type") == expected.type and same_parties(expected, flat) and window_contains(expected, flat)


def _pair_up(left: Sequence[Expected], right: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """A maximum one-to-one pairing (augmenting paths): right index -> left index."""
    owner: dict[int, int] = {}

    def claim(i: int, seen: set[int]) -> bool:
        for j, flat in enumerate(right):
            if j in seen or not matches(left[i], flat):
                continue
            seen.add(j)
            if j not in owner or claim(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        claim(i, set())
    return owner


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a comparison found: expected events nobody predicted, predictions nobody expected."""

    missing: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.extra


def describe(flat: Mapping[str, Any]) -> str:
    """A predicted event in the spec notation, with its window, medium and evidence, for messages."""
    if flat.get("participants") and not flat.get("source_country"):
        parties = "+".join(sorted(_flat_countries(flat)))
    else:
        parties = f"{flat.get('source_country') or '?'}>{flat.get('target_country') or '?'}"
    window = f"{flat.get('date_min') or ''}..{flat.get('date_max') or ''}"
    evidence = (flat.get("evidence") or "")[:80]
    return f"{flat.get('type')} {parties} {window} [{flat.get('medium') or '-'}] «{evidence}»"


def compare(expected: Iterable[str], predicted: Sequence[Mapping[str, Any]],
            also_ok: Iterable[str] = ()) -> Verdict:
    """Pair expected events with predicted ones one to one; left-overs on either side are errors,
    except predictions that pair with an also-ok event."""
    wanted = [parse_expected(s) for s in expected]
    pairing = _pair_up(wanted, predicted)
    paired = set(pairing.values())
    missing = tuple(w.text for i, w in enumerate(wanted) if i not in paired)
    rest = [flat for j, flat in enumerate(predicted) if j not in pairing]
    tolerated = _pair_up([parse_expected(s) for s in also_ok], rest)
    extra = tuple(describe(flat) for j, flat in enumerate(rest) if j not in tolerated)
    return Verdict(missing, extra)


def assert_extracted(text: str, expected: Iterable[str], extractor, also_ok: Iterable[str] = ()) -> None:
    """Extract the article and check its events against the specs: every expected one is there and
    nothing else but what `also_ok` accepts (the failure names what is missing and what is extra)."""
    import missive

    verdict = compare(expected, [missive.event_to_flat(e) for e in missive.extract(text, extractor)], also_ok)
    assert verdict.ok, f"missing: {list(verdict.missing)}; unexpected: {list(verdict.extra)}"
