"""Whether two reports' date windows and occasions allow them to be one interaction.

Consolidation links reports only when these agree; the tests are plain functions of a DateWindow or
an occasion phrase, kept apart from the clustering so they can be read, tested and reused (the store
and the web pages ask the same question) without the linking machinery around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import DateWindow

OCCASION_OVERLAP = 0.5  # share of the shorter occasion's content words the other must contain
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def windows_overlap(a: DateWindow, b: DateWindow) -> bool:
    """Open bounds are compatible with anything."""
    return (a.start is None or b.end is None or a.start <= b.end) and (b.start is None or a.end is None or b.start <= a.end)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> frozenset[str]:
    words = {m.group().lower().replace("’", "'") for m in _WORD.finditer(text)}
    words = {w[:-2] if w.endswith("'s") else w for w in words} - STOP_WORDS
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _numbers(words: frozenset[str]) -> set[str]:
    return {re.sub(r"\D", "", w) for w in words if any(c.isdigit() for c in w)}


@lru_cache(maxsize=16384)
def occasion_affinity(a: str, b: str) -> float:
    """Share of the shorter occasion's words found in the other; -1 when their numbers disagree.

    Numbers only veto: 'the 70th anniversary of the founding' and 'the 70th anniversary of relations'
    share a number but are two occasions, which the remaining words tell apart.
    """
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return 0.0
    na, nb = _numbers(wa), _numbers(wb)
    if na and nb and not na & nb:
        return -1.0  # the 74th and the 75th anniversary are two occasions
    wa, wb = wa - {w for w in wa if any(c.isdigit() for c in w)}, wb - {w for w in wb if any(c.isdigit() for c in w)}
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 1.0


def occasions_compatible(a: str, b: str) -> bool:
    return not a.strip() or not b.strip() or occasion_affinity(a, b) >= OCCASION_OVERLAP
