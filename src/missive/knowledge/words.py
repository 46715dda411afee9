"""How names and calendar words are spelled: one folding, one name key, one month-name reader.

Actors, foundings, occasions and countries are all looked up by name, and dates are read in
headers, datelines and sentences; if each stage had its own notion of "the same name" or of
"Sept." a name would match in one stage and not in the next. These rules are the language
knowledge the tables are matched with, so they sit beside the tables, below every stage.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

TOKEN_RE = re.compile(r"[^\W_]+")
FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "’": "'"})
MONTH_NAMES = tuple(calendar.month_name[1:])  # read once: the locale lookup costs a strftime per name
MONTH_MIN_LETTERS = 3  # "Jan", "Sept", "Sep", "Febr": any start of a month name this long


def fold(word: str) -> str:
    """Lower-case, accent-free form of a word: 'Díaz' and 'DIAZ' become 'diaz'."""
    if word.isascii():
        return word.lower()
    word = unicodedata.normalize("NFKD", word.translate(FOLD))
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """What two spellings of one name share: 'Kim Jong-un' = 'KIM JONG UN' = 'Kim Jongun'; case,
    accents, spacing, punctuation and a leading 'the' aside."""
    tokens = TOKEN_RE.findall(text)
    if len(tokens) > 1 and tokens[0].lower() == "the":
        tokens = tokens[1:]
    return "".join(fold(t) for t in tokens)


def month_number(word: str) -> int | None:
    """1-12 for a month name or its abbreviation ('September', 'Sept.', 'SEP'), else None."""
    word = word.rstrip(".").lower()
    if len(word) < MONTH_MIN_LETTERS:
        return None
    return next((n for n, name in enumerate(MONTH_NAMES, 1) if name.lower().startswith(word)), None)
