"""Finding known names in text with one set of rules, whoever supplies the names.

Foundings, occasions and countries are all spotted the same way: typographic quotes and dashes
read as plain ones (without moving offsets), spacing and hyphens are interchangeable, a leading
'the' is optional, and short all-capital acronyms match only in capitals so that "WPK" never
hits an ordinary word. Keeping the rules in one module keeps every table's names matched alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable


def normalise(text: str) -> str:
    """Same length as the input, so offsets hold: typographic quotes become plain ones."""
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "–": "-"}))


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
