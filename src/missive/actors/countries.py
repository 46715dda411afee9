"""Countries by code or by name, for the people who type them: the CLI's arguments and the pages.

A listing that receives 'XYZ' or 'Narnia' must say so in one line, never answer an empty table:
`resolve_country` turns 'PRK', 'prk', 'North Korea' or 'Pyongyang' into 'PRK' or raises
InputError naming what was typed. Codes are looked up in the countries table alone (cheap); a
name goes through the gazetteer's surfaces (names, official names, aliases, demonyms, capitals).
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import InputError
from ..knowledge.tables import Table, read_table


def country_names() -> dict[str, str]:
    """ISO3 -> common name, from the countries table (the user's data folder included)."""
    return _country_names(read_table("countries"))


@lru_cache(maxsize=4)
def _country_names(table: Table) -> dict[str, str]:
    return {row["iso3"]: row["name"] for row in table.rows}


def country_name(iso3: str) -> str:
    """'PRK' -> 'North Korea'; an unknown code stays as it is."""
    return country_names().get(iso3, iso3)


def resolve_country(text: str) -> str:
    """The ISO3 code a user means by a code or a name; InputError when Missive knows no such country."""
    value = text.strip()
    if len(value) == 3 and value.upper() in country_names():
        return value.upper()
    from .resolver import ActorResolver  # the gazetteer: loaded only when a name, not a code, is typed

    found = ActorResolver.default().gazetteer.country_of(value) if value else None
    if not found:
        raise InputError(f"'{text}' is not a country code or name Missive knows (try an ISO3 code such as PRK, "
                         "or a name such as 'North Korea')")
    return found
