"""Word groups: the rows of frame_words.csv read one way for every stage that consults them.

A group ("report": the verbs of reporting, "negation", "modal", ...) is the union of its rows,
each a ';'-separated list of lower-case words: exact words, or lemmas when the row gives a part
of speech (`pos` VERB: "delay" stands for delays, delayed, delaying). The extractor's lexicon and the reference-date
inference both ask for groups by name; reading them here once keeps a user's added row reaching
both, with the same case and spacing rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .inflection import forms_of, irregular_forms
from .tables import Table, read_table


def read_word_groups(folder: str | Path | None = None) -> dict[str, frozenset[str]]:
    """Every word group of frame_words.csv (packaged rows plus the user's data folder)."""
    return word_groups_of(read_table("frame_words", folder), read_table("irregular_forms", folder))


@lru_cache(maxsize=4)
def word_groups_of(table: Table, irregular_table: Table) -> dict[str, frozenset[str]]:
    """The word groups of one frame_words table: group name -> every form it holds (cached per table)."""
    irregular = irregular_forms(irregular_table)
    groups: dict[str, frozenset[str]] = {}
    for row in table.rows:
        words = frozenset(w.strip().lower() for w in (row["word"] or "").split(";") if w.strip())
        if row.get("pos"):
            words = frozenset(form for w in words for form in forms_of(w, row["pos"], irregular))
        groups[row["group"]] = groups.get(row["group"], frozenset()) | words
    return groups
