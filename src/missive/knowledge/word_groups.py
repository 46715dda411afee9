"""Word groups: the rows of frame_words.csv read one way for every stage that consults them.

A group ("report": the verbs of reporting, "negation", "modal", ...) is the union of its rows,
each a ';'-separated list of lower-case words. The extractor's lexicon and the reference-date
inference both ask for groups by name; reading them here once keeps a user's added row reaching
both, with the same case and spacing rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .tables import Table, read_table


def read_word_groups(folder: str | Path | None = None) -> dict[str, frozenset[str]]:
    """Every word group of frame_words.csv (packaged rows plus the user's data folder)."""
    return word_groups_of(read_table("frame_words", folder))


@lru_cache(maxsize=4)
def word_groups_of(table: Table) -> dict[str, frozenset[str]]:
    """The word groups of one frame_words table: group name -> its words (cached per table)."""
    groups: dict[str, frozenset[str]] = {}
    for row in table.rows:
        words = frozenset(w.strip().lower() for w in (row["word"] or "").split(";") if w.strip())
        groups[row["group"]] = groups.get(row["group"], frozenset()) | words
    return groups
