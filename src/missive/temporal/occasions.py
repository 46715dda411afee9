"""Known occasions: congresses, plenums, national days, inaugurations, summits named in a text.

An article that says "the congress that gives Xi a third term" dates itself as surely as one
that prints 2022-10-16, if a reader knows the occasion. The occasions live in the user-extendable
``data/occasions.csv``; this module only finds which rows a text names (by alias, or by keywords
that meet in one sentence) and turns the best one into a date window with its reason. It is
apart from ``anniversaries`` because it answers a different question with different evidence:
a named event with its own days, not an ordinal counted from a founding.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Sequence

from ..documents.lines import ROUGH_SENTENCE
from ..model import DateWindow
from .fact_tables import Occasion, load_occasions
from .name_matching import find_names, normalise
from .ordinals import ORDINAL, add_years, ordinal_value

_ORDINAL_NEAR = re.compile(rf"\b({ORDINAL})\s+(?:\w+\s+){{0,4}}?(?:congress|plenum|plenary|session)\b", re.I)


@dataclass(frozen=True, slots=True)
class OccasionMatch:
    """A row of the occasions table that a text names, [start, end) into the normalised text.

    `score` ranks rival rows (a name over keywords, each cue word adds); `how` says which words
    matched, so the window's reason shows why this occasion was read."""

    occasion: Occasion
    start: int
    end: int
    score: float
    how: str


def _label_ordinal(label: str) -> int | None:
    m = re.match(rf"({ORDINAL})\b", label, re.I)
    return ordinal_value(m.group(1)) if m else None


class _TextIndex:
    """Name hits over one text, computed once per group of names and placed in sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = [(m.start(), m.end()) for m in ROUGH_SENTENCE.finditer(text)]
        self._hits: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}

    def hits(self, names: Sequence[str]) -> list[tuple[int, int, str]]:
        key = tuple(names)
        if key not in self._hits:
            self._hits[key] = find_names(self.text, key)
        return self._hits[key]

    def first_sentence_with_all(self, row: Occasion) -> tuple[int, int] | None:
        """The first hit of the row's first keyword group in a sentence that holds every group.

        Only the sentences of the first group's hits are tried, each by bisection into the sorted
        hits of the others: the cost follows the hits, not sentences times hits."""
        groups = [self.hits(g) for g in row.keywords]
        starts = [[h[0] for h in g] for g in groups]
        sentence_starts = [s0 for s0, _ in self.sentences]
        tried: set[int] = set()
        for hit in groups[0]:
            k = bisect_right(sentence_starts, hit[0]) - 1
            if k < 0 or k in tried or hit[0] >= self.sentences[k][1]:
                continue
            tried.add(k)
            s0, s1 = self.sentences[k]
            if all(bisect_left(st, s0) < len(st) and st[bisect_left(st, s0)] < s1 for st in starts[1:]) \
                    and _ordinal_fits(row, self.text[s0:s1]):
                return hit[0], hit[1]
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
        start = add_years(row.start, year - row.start.year)
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
