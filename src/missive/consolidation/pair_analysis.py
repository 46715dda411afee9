"""What the consolidated messages between two states say as a whole: counts, silences, reply lags, wording.

These analyses read flat consolidated rows (as stored) and quoted text, never Reports, so they sit
downstream of consolidation: each real message counts once, whatever the number of articles that
reported it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..documents.quotations import find_quotations


# -- pair statistics -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Gap:
    """Days between two messages, measured between the midpoints of their date windows."""

    from_id: str
    to_id: str
    from_day: date
    to_day: date
    days: int
    label: str


@dataclass(frozen=True, slots=True)
class PairStats:
    """Messages between two states: yearly counts per direction, silences, 'first since' and reply lags."""

    a: str
    b: str
    per_year: tuple[tuple[int, int, int], ...]  # (year, a->b, b->a)
    undated: int
    longest_silence: Gap | None
    first_since: tuple[Gap, ...]
    reply_lags: tuple[Gap, ...]


def window_midpoint(row: Mapping[str, Any]) -> date | None:
    """A message's day for counting; None when a bound is open (it cannot be placed in time)."""
    if not row.get("date_min") or not row.get("date_max"):
        return None
    start, end = date.fromisoformat(str(row["date_min"])[:10]), date.fromisoformat(str(row["date_max"])[:10])
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


def _gap(prev: tuple[date, Mapping[str, Any]], nxt: tuple[date, Mapping[str, Any]], label: str) -> Gap:
    return Gap(prev[1]["event_id"], nxt[1]["event_id"], prev[0], nxt[0], (nxt[0] - prev[0]).days, label)


def _direction(row: Mapping[str, Any]) -> str:
    return f"{row['source_country']}->{row['target_country']}"


def pair_stats(rows: Iterable[Mapping[str, Any]], a: str, b: str) -> PairStats:
    """Statistics over consolidated events (flat rows), so each real message counts once."""
    msgs = [r for r in rows if r["type"] == "message" and {r["source_country"], r["target_country"]} == {a, b}]
    dated = sorted(((d, r) for r in msgs if (d := window_midpoint(r))), key=lambda x: (x[0], x[1]["event_id"]))
    years = Counter((d.year, r["source_country"] == a) for d, r in dated)
    per_year = tuple((y, years[(y, True)], years[(y, False)]) for y in sorted({d.year for d, _ in dated}))
    silences = [_gap(p, n, "silence") for p, n in zip(dated, dated[1:])]
    first_since = []
    for direction in sorted({_direction(r) for _, r in dated}):
        same = [x for x in dated if _direction(x[1]) == direction]
        first_since += [_gap(p, n, f"first {direction} since") for p, n in zip(same, same[1:])]
    return PairStats(a, b, per_year, len(msgs) - len(dated),
                     max(silences, key=lambda g: (g.days, g.to_id)) if silences else None,
                     tuple(sorted(first_since, key=lambda g: (g.to_day, g.to_id))), tuple(_reply_lags(dated)))


def _reply_lags(dated: list[tuple[date, Mapping[str, Any]]]) -> Iterable[Gap]:
    """A reply answers its in_reply_to, else the latest earlier message of the other direction."""
    by_id = {r["event_id"]: (d, r) for d, r in dated}
    for day, row in dated:
        if row.get("medium") != "reply":
            continue
        answered = by_id.get(row.get("in_reply_to") or "")
        if answered is None:  # a same-day message counts: replies to greetings often carry the same date
            earlier = [x for x in dated if x[0] <= day and _direction(x[1]) != _direction(row)]
            answered = earlier[-1] if earlier else None
        if answered is not None:
            yield _gap(answered, (day, row), f"reply {_direction(row)}")


# -- wording of two messages -----------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Wording:
    """What a message is quoted as saying, gathered from every report of it."""

    event_id: str
    label: str
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two messages' wordings side by side: the key phrases only one of them says, and those they share."""

    left: Wording
    right: Wording
    only_left: tuple[str, ...]
    only_right: tuple[str, ...]
    shared: tuple[str, ...]


def quoted_passages(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """Quoted passages within [start, end) of a text: the words attributed to a sender."""
    return tuple(q.words for q in find_quotations(text, start, end) if q.is_passage)


def key_phrases(text: str) -> list[str]:
    """Runs of content words between stop words and punctuation (the RAKE candidates), in text order."""
    phrases, run = [], []
    for token in [t.lower().replace("’", "'") for t in _TOKEN.findall(text)] + ["."]:
        if token[0].isalnum() and token not in STOP_WORDS:
            run.append(token)
            continue
        if run:
            phrases.append(" ".join(run))
        run = []
    return list(dict.fromkeys(phrases))


def compare_wording(left: Wording, right: Wording) -> Comparison:
    """Key phrases one message has and the other lacks (by their normalised running text)."""
    def norm(w: Wording) -> str:
        return " " + " ".join(t.lower().replace("’", "'") for q in w.quotes for t in _TOKEN.findall(q)) + " "
    lt, rt = norm(left), norm(right)
    lp, rp = key_phrases(" . ".join(left.quotes)), key_phrases(" . ".join(right.quotes))

    def longest_first(phrases: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(phrases, key=lambda p: -len(p.split())))  # stable: text order within a length
    return Comparison(left, right, longest_first(p for p in lp if f" {p} " not in rt),
                      longest_first(p for p in rp if f" {p} " not in lt), longest_first(p for p in lp if f" {p} " in rt))
