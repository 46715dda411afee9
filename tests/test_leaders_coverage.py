"""The leaders table must cover the states that diplomacy news is about, across the years.

Why: the resolver names a person behind 'the Chinese foreign minister' only when a dated term
covers the article's date; a gap silently turns a person into a bare state, so coverage of the
most newsworthy countries is checked here rather than discovered on unseen articles.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from missive.actors.resolver import ActorResolver

DATA = Path(__file__).resolve().parents[1] / "src" / "missive" / "data"
HEAD_ROLES = ("head_of_state", "head_of_government")
HEAD_DAYS = (date(2010, 1, 1), date(2024, 1, 1))
# Every half year the newsworthy countries were in the news (diplomacy coverage 2010-2026).
HALF_YEARS = tuple(date(y, m, 1) for y in range(2010, 2026) for m in (1, 7)) + (date(2026, 1, 1),)
# Where two holders of one office on one day are the record, not an error.
SHARED_OFFICES = {
    "CHE": "the Federal Council is a collective head of state and government",
    "KOR": "President Park, impeached and suspended, and acting President Hwang (Dec 2016 - Mar 2017)",
}
FOREIGN_MINISTER_DAYS = (date(2005, 1, 1), date(2015, 1, 1), date(2023, 1, 1))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


NEWSWORTHY = read_rows(Path(__file__).resolve().parent / "fixtures" / "newsworthy_countries.csv")  # a test input
LEADERS = read_rows(DATA / "leaders.csv")


def holders(iso3: str, role: str, on: date) -> list[str]:
    """Names whose term of that role covers the day (an empty end means still in office)."""
    day = on.isoformat()
    return [
        r["name"] for r in LEADERS
        if r["iso3"] == iso3 and r["role"] == role and r["start"] <= day and (not r["end"] or day < r["end"])
    ]


def test_the_newsworthy_list_has_at_least_sixty_known_countries() -> None:
    codes = [row["iso3"] for row in NEWSWORTHY]
    known = {row["iso3"] for row in read_rows(DATA / "countries.csv")}
    assert len(codes) >= 60
    assert len(set(codes)) == len(codes)
    assert set(codes) <= known


@pytest.mark.parametrize("on", HEAD_DAYS, ids=str)
@pytest.mark.parametrize("iso3", [row["iso3"] for row in NEWSWORTHY])
def test_every_newsworthy_country_has_a_head_on_the_day(iso3: str, on: date) -> None:
    """Realms whose monarch is filed under the United Kingdom and presidential systems with one
    role on record have a single head, so one of the two roles suffices here; the next test
    checks that most countries carry both."""
    heads = {role: holders(iso3, role, on) for role in HEAD_ROLES}
    assert any(heads.values()), f"{iso3} has no head of state or government on {on}"


@pytest.mark.parametrize("iso3", [row["iso3"] for row in NEWSWORTHY])
def test_every_newsworthy_country_has_a_head_every_half_year_since_2010(iso3: str) -> None:
    missing = [on for on in HALF_YEARS if not any(holders(iso3, role, on) for role in HEAD_ROLES)]
    assert missing == [], f"{iso3} has no head of state or government on {missing}"


@pytest.mark.parametrize("iso3", [row["iso3"] for row in NEWSWORTHY if row["iso3"] not in SHARED_OFFICES])
def test_one_holder_of_each_head_office_on_the_day(iso3: str) -> None:
    """Two presidents on one day make 'the president' ambiguous: a term's end is the day its
    successor took over, so overlaps are dating errors of the source."""
    doubled = [(on, role, names) for on in HALF_YEARS for role in HEAD_ROLES
               if len(names := sorted(set(holders(iso3, role, on)))) > 1]
    assert doubled == []


@pytest.mark.parametrize("on", HEAD_DAYS, ids=str)
def test_most_newsworthy_countries_have_both_heads_on_the_day(on: date) -> None:
    both = [row["iso3"] for row in NEWSWORTHY if all(holders(row["iso3"], role, on) for role in HEAD_ROLES)]
    assert len(both) >= 50, f"only {len(both)} with both heads on {on}"


def test_at_least_fifty_newsworthy_countries_have_foreign_ministers_across_the_years() -> None:
    covered = [
        row["iso3"] for row in NEWSWORTHY
        if all(holders(row["iso3"], "foreign_minister", on) for on in FOREIGN_MINISTER_DAYS)
    ]
    assert len(covered) >= 50, f"only {len(covered)}: {sorted(covered)}"


def test_foreign_minister_terms_of_a_country_do_not_overlap() -> None:
    """One foreign minister at a time: an overlap makes 'the foreign minister' ambiguous."""
    terms: dict[str, list[dict[str, str]]] = {}
    for row in LEADERS:
        if row["role"] == "foreign_minister":
            terms.setdefault(row["iso3"], []).append(row)
    overlaps = [
        (iso3, a["name"], b["name"])
        for iso3, rows in terms.items()
        for a, b in zip(sorted(rows, key=lambda r: r["start"]), sorted(rows, key=lambda r: r["start"])[1:])
        if not a["end"] or a["end"] > b["start"]
    ]
    assert overlaps == []


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("the Chinese foreign minister", date(2010, 6, 1), "Yang Jiechi"),
        ("the Chinese foreign minister", date(2015, 6, 1), "Wang Yi"),
        ("U.S. Secretary of State", date(2006, 3, 1), "Condoleezza Rice"),
        ("U.S. Secretary of State", date(2014, 3, 1), "John Kerry"),
        ("the Russian foreign minister", date(2003, 3, 1), "Igor Ivanov"),
        ("the Russian foreign minister", date(2010, 3, 1), "Sergei Lavrov"),
        ("British Foreign Secretary", date(2012, 3, 1), "William Hague"),
        ("the Japanese foreign minister", date(2014, 3, 1), "Fumio Kishida"),
        ("Indian External Affairs Minister", date(2016, 3, 1), "Sushma Swaraj"),
        ("the Turkish foreign minister", date(2005, 3, 1), "Abdullah Gul"),
        ("the Canadian foreign minister", date(2012, 3, 1), "John Baird"),
        ("the Australian foreign minister", date(2011, 3, 1), "Kevin Rudd"),
        ("the Mexican foreign minister", date(2010, 3, 1), "Patricia Espinosa"),
        ("the Brazilian foreign minister", date(2012, 3, 1), "Antonio Patriota"),
        ("the Egyptian foreign minister", date(2008, 3, 1), "Ahmed Aboul Gheit"),
        ("the Israeli foreign minister", date(2007, 3, 1), "Tzipi Livni"),
        ("the Syrian foreign minister", date(2012, 3, 1), "Walid Muallem"),
        ("the Swedish foreign minister", date(2010, 3, 1), "Carl Bildt"),
        ("the Polish foreign minister", date(2010, 3, 1), "Radoslaw Sikorski"),
        ("the Ukrainian foreign minister", date(2015, 3, 1), "Pavlo Klimkin"),
        ("the Iranian foreign minister", date(2015, 3, 1), "Mohammad Javad Zarif"),
        ("the South Korean foreign minister", date(2015, 3, 1), "Yun Byung-se"),
        ("the Vietnamese foreign minister", date(2008, 3, 1), "Pham Gia Khiem"),
        ("the Philippine foreign secretary", date(2013, 3, 1), "Albert del Rosario"),
    ],
)
def test_a_foreign_minister_title_names_the_holder_on_the_day(text: str, on: date, expected: str) -> None:
    people = [m.actor for m in ActorResolver.default().find_mentions(text, on) if m.actor.kind == "person"]
    assert [(a.name, a.role) for a in people] == [(expected, "foreign_minister")]
