"""English cardinal numbers as words: "the three countries", "a three-day summit", "six months after".

One reading for every stage that counts in words (groups of parties, a summit's length, a span of
time); each adds only what is its own ("both" is a pair; "several" a rough count of months).
"""

from __future__ import annotations

CARDINALS: dict[str, int] = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def cardinal(word: str) -> int | None:
    """"three" -> 3, "3" -> 3; None for anything else."""
    low = word.lower()
    return int(low) if low.isdigit() else CARDINALS.get(low)
