"""Quotations in a text: one pattern and one length for "someone's words", whoever asks.

Extraction attaches quoted passages to the message they quote, dating skips dates inside a
quotation (what a letter says is not when it was sent), and `missive compare` reads the quoted
wording of stored articles; all three must agree on where a quotation starts and ends and on when
it is long enough to be a sender's words rather than scare quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Curly or straight marks, consumed in pairs left to right; a quotation may run over a line break
# (hard-wrapped text) but never over a blank line, so one unclosed mark cannot swallow the article.
QUOTATION = re.compile(r"“((?:[^”\n]|\n(?![ \t]*\n))*)”|\"((?:[^\"\n]|\n(?![ \t]*\n))*)\"")
MIN_PASSAGE_CHARS = 12  # shorter quotations are scare quotes ("yes", "hostile"); "eternal friendship" is words


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: [start_char, end_char) includes its marks; words are what is quoted."""

    start_char: int
    end_char: int
    words: str

    @property
    def is_passage(self) -> bool:
        """Long enough to be what a sender wrote or said."""
        return len(self.words) >= MIN_PASSAGE_CHARS


def find_quotations(text: str, start: int = 0, end: int | None = None) -> list[Quotation]:
    """Every quotation within [start, end) of a text, in order."""
    found = QUOTATION.finditer(text, start, len(text) if end is None else end)
    return [Quotation(m.start(), m.end(), (m.group(1) if m.group(1) is not None else m.group(2)).strip())
            for m in found]
