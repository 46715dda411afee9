"""Anniversaries: the public facts that pin an undated article to a year.

News rarely prints the year of its own events, but it often names an anniversary whose date any
careful reader knows: "the 76th anniversary of the founding of the DPRK" is 2024-09-09. What was
founded, signed or born, and when, lives in the user-extendable ``data/foundings.csv``; this
module only finds the ordinal and its subject in text and does the arithmetic; every answer
says why. Known occasions (congresses, national days, summits) are found in ``occasions``; the
tables are read in ``fact_tables``. Their public names are re-exported here so that callers
keep one import for all the dated facts of a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Sequence

from ..knowledge.word_groups import read_word_groups
from ..knowledge.words import month_number, name_key
from .calendar_spans import month_span
from ..model import DateWindow
from .fact_tables import Founding, country_keys, country_names, load_foundings
from .name_matching import find_names, normalise
from .ordinals import ORDINAL, add_years, ordinal_value


# An anniversary this far past today cannot be what an article celebrates.
FUTURE_SLACK = timedelta(days=366)
# Words that name the subject of an anniversary by its kind rather than by its name.
GENERIC_REFERENTS = {"country": "state", "nation": "state", "republic": "state", "state": "state",
                     "party": "party", "army": "army", "armed forces": "army", "treaty": "treaty",
                     "diplomatic relations": "relations", "diplomatic ties": "relations",
                     "ties": "relations", "relations": "relations"}
# Anniversaries of people need a word saying which: birth, death, or a person's coming to office
# ("the tenth anniversary of his election" is the pope's, not his country's founding; no table row
# has the kind "office" unless a user adds one, so such an anniversary dates nothing by default).
PERSON_KINDS = {"birth": ("birth", "born", "birthday"), "death": ("death", "demise", "passing", "died"),
                "office": ("election", "elected", "re-election", "inauguration", "inaugurated", "accession",
                           "coronation", "enthronement", "pontificate", "papacy", "reign", "presidency",
                           "premiership", "taking office", "took office", "assumption of office")}
_ANNIV_AFTER = re.compile(rf"\b(?P<ord>{ORDINAL})(?P<mod>(?:[\s-]+(?:founding|birth|death|signing|establishment))?)"
                          r"[\s-]+(?:anniversary|birthday)(?:\s+of)?\b", re.I)
_CENTENARY = re.compile(r"\b(?P<ord>(?:bi)?centenary|(?:bi)?centennial)\s+of\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n")


@dataclass(frozen=True, slots=True)
class Anniversary:
    """An ordinal anniversary found in a text, with the day it falls on."""

    start: int
    end: int
    ordinal: int
    founding: Founding
    day: date
    reason: str
    label: str  # "the 75th anniversary of the founding of the Workers' Party of Korea"
    last: date | None = None  # the last day it can fall on, when the text dates its origin by month or year


def countries_named(text: str) -> list[str]:
    """ISO3 codes of the countries a text names, in order of first mention."""
    keys = country_keys()
    hits = find_names(text, [n for n, _ in country_names()])
    return list(dict.fromkeys(keys[k] for _, _, t in hits if (k := name_key(t)) in keys))


# The subject's noun phrase ends where a clause goes on: "of his election, compared the government".
_CLAUSE_GOES_ON = re.compile(r",\s+(?=[a-z])(?!and\b|or\b)")


def _subject_window(text: str, start: int) -> str:
    end = _SENTENCE_END.search(text, start)
    window = text[start:min(end.start() if end else len(text), start + 160)]
    cut = _CLAUSE_GOES_ON.search(window)
    return window[:cut.start()] if cut else window


def _allowed_kinds(phrase: str) -> set[str]:
    low = phrase.lower()
    for kind, words in PERSON_KINDS.items():
        if any(re.search(rf"\b{w}\b", low) for w in words):
            return {kind}
    return {"state", "party", "army", "treaty", "relations", "organisation", "event"}


def _first_chain(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names of the first noun phrase: hits that overlap or touch ("DPRK-China Treaty of ...")."""
    chain = hits[:1]
    for h in hits[1:]:
        if h[0] <= max(c[1] for c in chain) + 2:
            chain.append(h)
    return chain


def _by_alias(window: str, rows: Sequence[Founding]) -> list[Founding]:
    aliases = {a for f in rows for a in f.aliases}
    hits = [h for h in find_names(window, aliases) if not window[h[1]:h[1] + 2] in ("'s", "' ")]
    if not hits:
        return []
    best = max(_first_chain(hits), key=lambda h: h[1] - h[0])
    text = window[best[0]:best[1]]
    key = name_key(text)
    found = [f for f in rows if key in _alias_keys(f)]
    if _IN_A_PLACE_PHRASE.search(window[:best[0]]):  # "of the PM's visit to China": China is a place here
        found = [f for f in found if f.kind != "state"]
    return found


# "the 50th anniversary of Prime Minister X's visit to China", "... of his trip to Japan": a country
# after such a preposition is where the anniversary's event happened, not what was founded.
_IN_A_PLACE_PHRASE = re.compile(r"\b(?:to|in|into|with|from|at|for|between|on|against|towards?|across|through)\s",
                                re.I)


@lru_cache(maxsize=4096)
def _alias_keys(founding: Founding) -> frozenset[str]:
    return frozenset(name_key(a) for a in founding.aliases)


def _by_relations(window: str, rows: Sequence[Founding], context: Sequence[str]) -> list[Founding]:
    """ "... of diplomatic ties between China and Laos": only when relations are the subject's head."""
    head = re.search(r"\b(?:diplomatic|bilateral)\s+(?:relations|ties)\b|\b(?:relations|ties)\s+between\b", window[:90],
                     re.I)
    if not head or re.search(r"\b(?:founding|birth|death|signing)\b", window[:head.start()], re.I):
        return []
    named = set(countries_named(window[:head.end() + 60]))
    borrowed = len(named) < 2
    if borrowed:
        named |= set(context)
    found = [f for f in rows if f.kind == "relations" and len(f.countries) >= 2 and set(f.countries) <= named]
    return [] if borrowed and len(found) > 1 else found  # "bilateral ties" of an article about three states: which?


def _by_referent(window: str, rows: Sequence[Founding], context: Sequence[str]) -> list[Founding]:
    low = window.lower()
    kind = next((k for word, k in GENERIC_REFERENTS.items() if re.search(rf"\b{word}\b", low[:60])), None)
    named = countries_named(window[:60])
    owners = named or list(context)
    if kind is None and named and _country_heads(window[:60]):
        kind = "state"  # "North Korea's 76th anniversary": a possessive country alone
    if kind is None:
        return []
    return [f for iso in owners for f in rows if f.kind == kind and iso in f.countries]


def _country_heads(phrase: str) -> bool:
    """The phrase is a country itself ("China", "the DPRK"), not a noun a country word modifies or
    holds ("a Chilean leader's visit", "his visit to North Korea")."""
    hits = find_names(phrase, [n for n, _ in country_names()])
    if not hits:
        return False
    start, end, _ = min(hits)
    owns = re.match(r"\s*(?:'s?|’s?)\s+(?P<noun>\w+)", phrase[end:])
    return phrase[:start].strip(" ,").lower() in ("", "the") and (owns is None or owns["noun"].lower() in _origin_nouns())


def _origin_nouns() -> frozenset[str]:
    """What a country's own anniversary is of ("China's founding", "Ghana's independence"): the word
    group origin_nouns of frame_words.csv."""
    return frozenset(read_word_groups().get("origin_nouns", ()))


def _choose(found: list[Founding], n: int, window: str, context: Sequence[str],
            now: DateWindow | None) -> tuple[Founding, str] | None:
    """Plausible (not in the future), then about the named or context countries, then nearest now."""
    limit = date.today() + FUTURE_SLACK
    plausible = [f for f in found if add_years(f.day, n) <= limit]
    if not plausible:
        return None
    named = set(countries_named(window)) | set(context)
    plausible.sort(key=lambda f: -len(set(f.countries) & named))
    best = [f for f in plausible if len(set(f.countries) & named) == len(set(plausible[0].countries) & named)]
    if now and (now.start or now.end) and len(best) > 1:
        mid = now.start or now.end
        best.sort(key=lambda f: abs((add_years(f.day, n) - mid).days))
    note = f"; also read as {', '.join(f.subject for f in best[1:])}" if len(best) > 1 else ""
    return best[0], note


_RELATIONS_HEAD = re.compile(r"\s*(?:the\s+)?(?:(?:establishment|normali[sz]ation|restoration)\s+of\s+)?"
                            r"(?:(?:bilateral|diplomatic|friendly|\w+-\w+)\s+)*(?:relations|ties)\b", re.I)


def _match_subject(window: str, before: str, kinds: set[str], context: Sequence[str],
                   table: Sequence[Founding]) -> list[Founding]:
    rows = [f for f in table if f.kind in kinds]
    if _RELATIONS_HEAD.match(window):  # ties between two states are not the founding of either
        return _by_relations(window, rows, context)
    return (_by_relations(window, rows, context) or _by_alias(window, rows)
            or _by_referent(window, rows, context) or _by_alias(before, rows)
            or _by_referent(before, rows, context))


def find_anniversaries(text: str, context_countries: Sequence[str] = (), now: DateWindow | None = None,
                       table: Sequence[Founding] | None = None) -> list[Anniversary]:
    """Every ordinal anniversary of a known founding, signing, birth or death in ``text``."""
    text = normalise(text)
    table = load_foundings() if table is None else table
    out = []
    for m in [*_ANNIV_AFTER.finditer(text), *_CENTENARY.finditer(text)]:
        n = ordinal_value(m.group("ord"))
        reach = max(0, m.start() - 81)  # only the 80 characters before the match are read
        sentence_start = max((e.end() for e in _SENTENCE_END.finditer(text, reach, m.start())), default=0)
        before = text[max(sentence_start, m.start() - 80):m.start()]
        window = _subject_window(text, m.end())
        phrase = m.group(0) + " " + window[:40]
        found = _match_subject(window, _possessor(before), _allowed_kinds(phrase),
                               context_countries, table)
        chosen = _choose(found, n, window, context_countries, now) if found else None
        if chosen is None:
            chosen = _dated_in_text(window, n)
        origin_end = None
        if chosen is None and (elsewhere := _dated_elsewhere(text, window, n)):
            *chosen, origin_end = elsewhere
        if chosen is None:
            continue
        founding, note = chosen
        day = add_years(founding.day, n)
        last = add_years(origin_end, n) if origin_end else None
        label = f"the {m.group('ord')} anniversary of {_with_article(founding.subject)}"
        source = "foundings.csv" if founding.countries or founding.aliases else "the text"
        days = f"{day.isoformat()}..{last.isoformat()}" if last else day.isoformat()
        reason = f"{label}: {founding.day.isoformat()} + {n} years = {days} ({source}){note}"
        out.append(Anniversary(m.start(), m.end(), n, founding, day, reason, label, last))
    return sorted(out, key=lambda a: a.start)


_WRITTEN_DAY = re.compile(r"\bon\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>1[89]\d\d|20\d\d)\b"
                          r"|\bon\s+(?P<d2>\d{1,2})\s+(?P<mon2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>1[89]\d\d|20\d\d)\b")


def _dated_in_text(window: str, n: int) -> tuple[Founding, str] | None:
    """"the 60th anniversary of the treaty signed ... on July 11, 1961": the text gives the day
    itself, so no data row is needed (a row, when there is one, wins: it also checks the name)."""
    m = _WRITTEN_DAY.search(window[:160])
    if not m:
        return None
    month = month_number(m["mon"] or m["mon2"])
    if not month:
        return None
    try:
        day = date(int(m["y"] or m["y2"]), month, int(m["d"] or m["d2"]))
    except ValueError:
        return None
    if add_years(day, n) > date.today() + FUTURE_SLACK:
        return None
    subject = re.sub(r"^(?:the|of)\s+", "", window[:m.start()].strip(" ,")) or "what the text names"
    return Founding(subject, (), "event", day, ()), "; the day is written in the text"


_PROPER_NAME = re.compile(r"^(?:the\s+)?(?P<name>[A-Z][\w'-]*(?:\s+(?:of\s+|on\s+|for\s+)?[A-Z][\w'-]*){0,6})")
_WHEN = re.compile(r"\s+(?:in|on)\s+(?:(?P<d>\d{1,2})\s+)?(?:(?P<mon>[A-Z][a-z]{2,8})\.?\s+)?(?:(?P<d2>\d{1,2}),?\s+)?"
                   r"(?P<y>1[89]\d\d|20\d\d)\b")


def _dated_elsewhere(text: str, window: str, n: int) -> tuple[Founding, str, date] | None:
    """"on the first anniversary of the Ankara Declaration" where the article says elsewhere
    "the declaration, signed in December 2024": the origin as the text dates it (a day, a month or
    a year), so the anniversary falls in that span n years on. The verbs are the word group
    dated_origin of frame_words.csv."""
    name = _PROPER_NAME.match(window.strip())
    if not name or " " not in name["name"]:
        return None  # one capitalised word ("the Kingdom") names nothing precise enough
    verbs = "|".join(sorted((re.escape(w) for w in read_word_groups().get("dated_origin", ())), key=len, reverse=True))
    if not verbs:
        return None
    words = name["name"].split()
    head = rf"\b(?:{re.escape(name['name'])}|the\s+{re.escape(words[-1])})\b"
    pattern = re.compile(rf"{head}[^.;]{{0,60}}?\b(?:{verbs})\b", re.I)
    for hit in pattern.finditer(text):
        when = _WHEN.match(text, hit.end())
        month = month_number(when["mon"]) if when and when["mon"] else None
        if when is None or (when["mon"] and not month):
            continue
        year, day_of = int(when["y"]), int(when["d"] or when["d2"] or 0)
        try:
            start = date(year, month or 1, day_of or 1) if day_of and month else date(year, month or 1, 1)
        except ValueError:
            continue
        end = start if day_of and month else (month_span(year, month)[1] if month else date(year, 12, 31))
        if add_years(start, n) > date.today() + FUTURE_SLACK:
            return None
        return Founding(name["name"], (), "event", start, ()), "; the text dates its origin", end
    return None


def _with_article(subject: str) -> str:
    return f"the {subject}" if subject[:1].islower() else subject


def _possessor(before: str) -> str:
    """ "... the WPK's 75th": the words that own the ordinal, if the ordinal follows a possessive."""
    m = re.search(r"([\w'.,\- ]{1,60}?)'s?\s*$", before)
    if not m or not re.search(r"'s?\s*$", before):
        return ""
    owner = m.group(1)
    return owner.split(",")[-1].strip()


def anniversary_date(text: str, context_countries: Sequence[str] = (),
                     now: DateWindow | None = None) -> tuple[date, str] | None:
    """The day of the first ordinal anniversary named in ``text`` and why, or None."""
    found = find_anniversaries(text, context_countries, now)
    return (found[0].day, found[0].reason) if found else None
