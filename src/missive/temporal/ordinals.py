"""Ordinals and the years they count: "76th", "seventy-sixth", "centenary".

An ordinal is how news dates what it does not date: the 76th anniversary of a founding is the
founding day plus 76 years, and the 20th congress is not the 19th. Anniversaries and numbered
occasions both read ordinals, so the words, their values and the year arithmetic live here once.
"""

from __future__ import annotations

import re
from datetime import date

_ORD_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
              "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "centenary": 100,
             "centennial": 100, "bicentenary": 200, "bicentennial": 200}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_ORD_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:" + "|".join(_ORD_UNITS[:9])
             + r")|" + "|".join(sorted([*_ORD_UNITS, *_ORD_TENS], key=len, reverse=True)) + r")")
ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORD_WORD})"


def ordinal_value(word: str) -> int:
    w = word.lower().replace("-", " ")
    if w[0].isdigit():
        return int(re.match(r"\d+", w).group())
    if w in _ORD_TENS:
        return _ORD_TENS[w]
    if " " in w:
        tens, unit = w.split()
        return _TENS[tens] + _ORD_UNITS.index(unit) + 1
    return _ORD_UNITS.index(w) + 1


def add_years(day: date, n: int) -> date:
    """``day`` n years later; Feb 29 falls on Feb 28 in a common year."""
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # Feb 29 in a common year
        return day.replace(year=day.year + n, day=28)
