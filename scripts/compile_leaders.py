"""Compile src/missive/data/leaders.csv from the shared Wikidata tables plus hand-curated rows.

Why: Wikidata (CC0) is the only open, current source of heads of state and government with term
dates, but its rows carry Portuguese labels, split and open-ended terms, vandalised labels and
no party leaders or foreign ministers. This script cleans it (dates >= 1945, terms touching 1990
or later, open ends closed by the next holder, split terms merged, one home country per person,
English ASCII names) and then applies leaders_curated.csv, whose rows survive every recompile:

  action=add     (default) add the row; Wikidata rows of that person and role are superseded
  action=rename  give that person's rows the curated name, aliases, short name (and title)
  action=drop    remove that person's rows (of that role, when given); with no name or qid,
                 every compiled row of that country and role

A person is matched by qid, or by iso3 plus a label equal to the curated name or an alias.

Usage: python scripts/compile_leaders.py [--shared ../shared/data/leaders] [--out PATH]
"""

from __future__ import annotations

import argparse
import calendar
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from csv_tables import read_csv, write_csv

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "missive" / "data"
CURATED = ROOT / "scripts" / "inputs" / "leaders_curated.csv"  # a build input: not shipped in the package
COLUMNS = ("iso3", "name", "aliases", "role", "title", "start", "end", "is_paramount", "short_name", "qid")
DEFAULT_TITLE = {"head_of_state": "President", "head_of_government": "Prime Minister"}
EARLIEST, HORIZON = date(1945, 1, 1), date(1990, 1, 1)
SNAPSHOT = date(2022, 1, 1)  # the English office titles describe holders in office since then
FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss"})
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}


def ascii_fold(text: str) -> str:
    """'Tô Lâm' -> 'To Lam': the gold and most English wires write names without accents."""
    text = unicodedata.normalize("NFKD", text.translate(FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def parse_day(value: str) -> date | None:
    """Wikidata timestamps; unknown values, year 0 and typos give None."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        day = date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    return day if day >= EARLIEST else None


def english_labels(shared: Path) -> dict[str, str]:
    """English label per person qid; where the 2024 and 2026 runs disagree, the capitalised one
    wins (vandalised labels were lower-case or truncated at scrape time)."""
    seen: dict[str, list[str]] = defaultdict(list)
    for name in ("hos_hog_in_office_2022plus_wikidata_2024-10.csv", "hos_hog_in_office_2022plus_wikidata_2026.csv"):
        for row in read_csv(shared / name):
            seen[row["officeholder"]].append(row["officeholderLabel"])
    labels = {}
    for qid, values in seen.items():
        good = [v for v in values if v and all(w[:1].isupper() for w in v.split() if len(w) > 3)]
        labels[qid] = Counter(good or values).most_common(1)[0][0]
    return labels


def position_titles(shared: Path) -> dict[str, str]:
    """Office title per person qid ('Premier of North Korea' -> 'Premier')."""
    titles = {}
    for name in ("hos_hog_in_office_2022plus_wikidata_2024-10.csv", "hos_hog_in_office_2022plus_wikidata_2026.csv"):
        for row in read_csv(shared / name):
            label = row["positionLabel"].split(" of ")[0].strip()
            if label and not label.startswith("Q"):
                titles.setdefault(row["officeholder"], label[0].upper() + label[1:])
    return titles


def load_terms(shared: Path) -> list[dict]:
    """Dated Wikidata terms with a real label; undated and bare-Q-id rows are junk or legend."""
    terms = []
    for row in read_csv(shared / "hos_hog_history_wikidata_2025-10.csv"):
        start, end = parse_day(row["start"]), parse_day(row["end"])
        if start is None or re.fullmatch(r"Q\d+", row["person"]) or (end and end < start):
            continue
        terms.append({**row, "start": start, "end": end})
    return terms


def is_collective(rows: list[dict]) -> bool:
    """Offices held by several people at once (BIH presidency, Swiss council, San Marino)."""
    dated = [r for r in rows if r["end"]]
    overlaps = sum(
        1 for i, a in enumerate(dated) for b in dated[i + 1:]
        if a["person_qid"] != b["person_qid"] and a["start"] < b["end"] and b["start"] < a["end"]
        and (min(a["end"], b["end"]) - max(a["start"], b["start"])).days > 30
    )
    return overlaps >= 3


def close_open_terms(terms: list[dict]) -> None:
    """An open end means 'until the next holder of the same office took over'."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for term in terms:
        groups[(term["iso3"], term["role"])].append(term)
    for rows in groups.values():
        if is_collective(rows):
            continue
        rows.sort(key=lambda r: r["start"])
        for term in rows:
            if term["end"] is None:
                later = [r["start"] for r in rows if r["start"] > term["start"] and r["person_qid"] != term["person_qid"]]
                term["end"] = min(later) if later else None


def merge_split_terms(terms: list[dict]) -> list[dict]:
    """Re-appointments and reshuffles: overlapping or adjacent rows of one person become one."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for term in terms:
        groups[(term["iso3"], term["role"], term["person_qid"])].append(term)
    merged = []
    for rows in groups.values():
        rows.sort(key=lambda r: r["start"])
        current = dict(rows[0])
        for row in rows[1:]:
            if current["end"] is None or row["start"] <= current["end"] + timedelta(days=3):
                ends = [current["end"], row["end"]]
                current["end"] = None if None in ends else max(ends)
            else:
                merged.append(current)
                current = dict(row)
        merged.append(current)
    return merged


def home_country(terms: list[dict], hand_checked: set[str]) -> dict[str, str]:
    """One country per person: monarchs of several realms and co-princes belong to the state
    named in their label, else to a hand-checked state, else to where they hold most terms."""
    places: dict[str, Counter] = defaultdict(Counter)
    for term in terms:
        score = 1 + 10 * (term["country"] in term["person"]) + 5 * (term["iso3"] in hand_checked)
        places[term["person_qid"]][term["iso3"]] += score
    return {qid: counter.most_common(1)[0][0] for qid, counter in places.items()}


def short_name(name: str, short_name_first: bool) -> str:
    """The word wires use alone ('Xi', 'Putin'); calendar words ('May') would match dates."""
    words = [w for w in name.split() if w[:1].isupper() and "." not in w and "," not in w]
    if words and re.fullmatch(r"[IVXL]+", words[-1]):
        return words[0] if len(words) > 1 else ""  # 'Charles III' -> 'Charles'
    if len(words) < 2:
        return ""
    word = words[0] if short_name_first else words[-1]
    too_short = len(word) < (2 if short_name_first else 3)
    return "" if word.lower() in CALENDAR_WORDS or too_short else word


def compiled_rows(shared: Path, countries: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    terms = load_terms(shared)
    close_open_terms(terms)
    terms = [t for t in merge_split_terms(terms) if t["end"] is None or t["end"] >= HORIZON]
    hand_checked = {iso for iso, row in countries.items() if row["demonyms"]}
    homes = home_country(terms, hand_checked)
    labels, titles = english_labels(shared), position_titles(shared)
    offices = office_titles(terms, titles)
    rows = []
    for term in terms:
        if homes[term["person_qid"]] != term["iso3"]:
            continue
        rows.append(term_row(term, countries.get(term["iso3"], {}), labels, term_title(term, titles, offices)))
    return rows


def term_title(term: dict, titles: dict[str, str], offices: dict[tuple[str, str], str]) -> str | None:
    """The person's own title describes the office held in the English snapshot only; an older
    term takes the office's usual title (Tokayev's premiership is not a presidency)."""
    own = titles.get(term["person_qid"]) if is_recent(term) else None
    return own or offices.get((term["iso3"], term["role"]))


def is_recent(term: dict) -> bool:
    """A term the English snapshot describes (in office in 2022 or later): its position label
    is the title of this office, not of an office the person held before (Erdogan's
    premiership is not a presidency)."""
    return term["end"] is None or term["end"] >= SNAPSHOT


def office_titles(terms: list[dict], titles: dict[str, str]) -> dict[tuple[str, str], str]:
    """An office's title from its recent holders: older kings get 'King', not 'President'."""
    seen: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for term in terms:
        if term["person_qid"] in titles:
            seen[(term["iso3"], term["role"])][titles[term["person_qid"]]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in seen.items()}


def term_row(term: dict, country: dict[str, str], labels: dict[str, str], title: str | None) -> dict[str, str]:
    label = labels.get(term["person_qid"], term["person"])
    name = ascii_fold(label)
    aliases = sorted({v for v in (label, term["person"]) if v != name})
    paramount = country.get("paramount_role") == term["role"]
    return {
        "iso3": term["iso3"], "name": name, "aliases": ";".join(aliases), "role": term["role"],
        "title": title or DEFAULT_TITLE[term["role"]],
        "start": term["start"].isoformat(), "end": term["end"].isoformat() if term["end"] else "",
        "is_paramount": "1" if paramount else "", "qid": term["person_qid"],
        "short_name": short_name(name, country.get("short_name_first") == "1"),
    }


def person_matches(curated: dict[str, str], row: dict[str, str]) -> bool:
    if curated["qid"]:
        return curated["qid"] == row["qid"]
    if not curated["name"] or curated["iso3"] != row["iso3"]:
        return False
    names = {ascii_fold(n).lower() for n in [curated["name"], *curated["aliases"].split(";")] if n}
    return bool(names & {ascii_fold(n).lower() for n in [row["name"], *row["aliases"].split(";")] if n})


def rename(row: dict[str, str], curated: dict[str, str]) -> None:
    old = [row["name"], *row["aliases"].split(";")]
    row["name"] = curated["name"]
    row["aliases"] = ";".join(dict.fromkeys(a for a in [*curated["aliases"].split(";"), *old] if a and a != row["name"]))
    row["short_name"] = curated["short_name"] or row["short_name"]
    row["qid"] = row["qid"] or curated["qid"]


def apply_curated(rows: list[dict[str, str]], curated_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Curated rows win over Wikidata: they fix names, close terms and add missing offices."""
    for cur in curated_rows:
        action = cur.get("action") or "add"
        if action == "drop" and not cur["name"] and not cur["qid"]:
            rows = [r for r in rows if not (r["iso3"] == cur["iso3"] and r["role"] == cur["role"])]
            continue
        same = [r for r in rows if person_matches(cur, r) and not r.get("curated")]
        if action == "drop" or action == "add":
            gone = [r for r in same if action == "add" and r["role"] == cur["role"] or action == "drop" and (not cur["role"] or r["role"] == cur["role"])]
            rows = [r for r in rows if not any(r is g for g in gone)]
            same = [r for r in same if not any(r is g for g in gone)]
        if action == "drop":
            continue
        for row in same:
            rename(row, cur)
            row["title"] = cur["title"] if action == "rename" and cur["title"] else row["title"]
        if action == "add":
            rows.append({**{c: cur.get(c, "") for c in COLUMNS}, "curated": "1"})
    return [{c: r[c] for c in COLUMNS} for r in rows]


def finish(rows: list[dict[str, str]], countries: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Fill what curated rows left empty and give one person one name everywhere."""
    canonical = {r["qid"]: r for r in rows if r["qid"]}
    for row in rows:
        country = countries.get(row["iso3"], {})
        if row["qid"] in canonical and canonical[row["qid"]]["name"] != row["name"]:
            rename(row, canonical[row["qid"]])
        if not row["short_name"]:
            row["short_name"] = short_name(row["name"], country.get("short_name_first") == "1")
        if row["short_name"] == "-":
            row["short_name"] = ""
        if row["is_paramount"] == "" and country.get("paramount_role") == row["role"]:
            row["is_paramount"] = "1"
        row["is_paramount"] = "1" if row["is_paramount"] in ("1", "true", "yes") else ""
    return sorted(rows, key=lambda r: (r["iso3"], r["role"], r["start"], r["name"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = next((p / "shared" for p in ROOT.parents if (p / "shared" / "data").is_dir()), ROOT.parent / "shared")
    parser.add_argument("--shared", type=Path, default=shared / "data" / "leaders")
    parser.add_argument("--out", type=Path, default=DATA / "leaders.csv")
    args = parser.parse_args()
    countries = {row["iso3"]: row for row in read_csv(DATA / "countries.csv")}
    curated = [{c: row.get(c, "") for c in (*COLUMNS, "action")} for row in read_csv(CURATED)]
    rows = finish(apply_curated(compiled_rows(args.shared, countries), curated), countries)
    write_csv(args.out, rows, COLUMNS)
    print(f"{len(rows)} leader terms in {len({r['iso3'] for r in rows})} countries -> {args.out}")


if __name__ == "__main__":
    main()
