"""Actors: which canonical person or state a news mention means, with an ISO 3166-1 alpha-3 code.

News names one actor a dozen ways ("Kim Jong-un", "the North Korean leader", "Pyongyang") and one
title points at different people in different years. The resolver is lexical on purpose: it runs
on every candidate sentence, so it is a dictionary scan over normalised tokens (no parser), and all
knowledge comes from the CSV files in ``missive/data`` (or a user's extended copy of them).

    text -> tokens -> dictionary hits (longest first) -> patterns over adjacent hits
         ("<demonym> <title> <Name>", "<title> <Name>", "<Name>, <appositive>",
          "the <demonym> <title>", bare names, places) -> Mention(Actor with a reason)
"""

from __future__ import annotations

import calendar
import csv
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from missive.model import Actor

DATA_DIR = Path(__file__).parent / "data"
ROLE_ORDER = ("head_of_state", "head_of_government", "party_leader", "foreign_minister", "official", "ambassador")
HOLDER_ROLES = ("leader", "head_of_state", "head_of_government", "party_leader", "foreign_minister")
KIND_ORDER = ("media", "person", "place", "body", "short", "title")
TOKEN_RE = re.compile(r"[^\W_]+")
JOIN_GAP_RE = re.compile(r"[ \t\-'’.&]{0,3}")  # inside one name: "Jong-un", "People's", "U.S. Congress"
NAME_GAP_RE = re.compile(r"[ \t\-]{1,2}")  # between the words of a phrase
CLAUSE_END_RE = re.compile(r"[,;:]|(?<![A-Z])\.(?:\s|$)")
PAREN_GAP_RE = re.compile(r"[ \t()]{1,4}")  # "Democratic People's Republic of Korea (DPRK) ambassador"
TARGET_WORDS = frozenset({"to", "for", "with", "in", "on", "at"})  # "ambassador to China": not the sender
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name, *calendar.day_name) if w)
FORM_LABELS = {"official_names": "official name", "aliases": "alias", "capitals": "capital",
               "demonyms": "demonym", "short_forms": "short form"}
FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "’": "'"})


def fold(word: str) -> str:
    """Lower-case, accent-free form of a word: 'Díaz' and 'DIAZ' become 'diaz'."""
    if word.isascii():
        return word.lower()
    word = unicodedata.normalize("NFKD", word.translate(FOLD))
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """Spacing and hyphens do not matter: 'Kim Jong-un' = 'Kim Jong Un' = 'Kim Jongun'."""
    return "".join(fold(t) for t in TOKEN_RE.findall(text))


def parse_day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: offsets into the text given to find_mentions."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class MediaMention:
    """A news outlet cited in the text, and the state behind it when it is state media."""

    start: int
    end: int
    text: str
    name: str
    country: str
    is_state_media: bool


@dataclass(frozen=True, slots=True)
class Term:
    """One office held by one person; end is the day the successor took over (exclusive)."""

    role: str
    title: str
    start: date | None
    end: date | None
    is_paramount: bool

    def holds_on(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def describe(self) -> str:
        start = self.start.isoformat() if self.start else ""
        return f"{self.role} {start}..{self.end.isoformat() if self.end else ''}"


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    terms: tuple[Term, ...]

    def terms_on(self, on: date | None) -> list[Term]:
        return [t for t in self.terms if t.holds_on(on)]

    def best_term(self, on: date | None, role: str = "") -> Term | None:
        """The office that describes the person on a day: a title's role first, then rank."""
        current = self.terms_on(on) or sorted(self.terms, key=lambda t: (t.role == role, t.start or date.min))[-1:]
        return min(current, key=lambda t: (t.role != role, not t.is_paramount, rank(t.role)), default=None)


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    sovereign: str
    paramount_role: str


@dataclass(frozen=True, slots=True)
class Entry:
    """What one dictionary surface stands for."""

    kind: str  # person | short | place | body | title | media
    target: str  # person index, ISO3, title role or outlet name
    form: str  # how it was written: name, alias, demonym, capital, official, short_form, ...
    is_acronym: bool
    cap_at: int = 0  # the word that must be capitalised in the text ("the North": 1)


@dataclass(frozen=True, slots=True)
class Item:
    """A run of tokens [t0, t1) that the dictionary or the name rule recognised."""

    kind: str  # an Entry kind, or "name" for an unknown capitalised name
    t0: int
    t1: int
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    raw: str
    norm: str


def rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def person_role(title_role: str) -> str:
    """Roles of people introduced by a title alone ('leader' is a flag, not a role)."""
    return {"leader": "head_of_state", "address": "official", "": "official"}.get(title_role, title_role)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


class Lexicon:
    """Surfaces keyed by their joined folded tokens, with every token prefix for early stops."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = {}
        self.prefixes: set[str] = set()
        self.words: set[str] = set()  # single words of actor surfaces, for the pre-filter
        self.connecting: set[str] = set()  # 'of', 'the': lower-case inside capitalised names
        self.max_tokens = 1

    def add(self, surface: str, kind: str, target: str, form: str) -> None:
        words = TOKEN_RE.findall(surface)
        if not words:
            return
        letters = "".join(words)
        is_acronym = letters.isupper() and len(letters) <= 6
        folded = [fold(w) for w in words]
        key = "".join(folded)
        if kind != "media":
            self.words.update(folded)
            if words[0][:1].isupper():
                self.connecting.update(f for w, f in zip(words, folded) if w.islower())
        bucket = self.entries.setdefault(key, [])
        cap_at = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)
        entry = Entry(kind, target, form, is_acronym, cap_at)
        if entry not in bucket:
            bucket.append(entry)
        for i in range(1, len(folded) + 1):
            self.prefixes.add("".join(folded[:i]))
        self.max_tokens = max(self.max_tokens, len(folded) + 2)

    def scan(self, text: str, toks: list[Token], any_case: bool = False) -> list[Item]:
        """Leftmost-longest dictionary hits; case rules keep 'us' and 'may' out."""
        items, i, n = [], 0, len(toks)
        while i < n:
            key, best = "", None
            for j in range(i, min(n, i + self.max_tokens)):
                if j > i and not JOIN_GAP_RE.fullmatch(text, toks[j - 1].end, toks[j].start):
                    break
                key += toks[j].norm
                if key not in self.prefixes:
                    break
                fitting = tuple(e for e in self.entries.get(key, ()) if any_case or fits_case(e, toks[i : j + 1]))
                if fitting and all(e.form == "short_forms" for e in fitting) and j + 1 < n \
                        and toks[j + 1].raw[:1].isupper() and NAME_GAP_RE.fullmatch(text, toks[j].end, toks[j + 1].start):
                    fitting = ()  # "the South Korean ...": not the short form "the South"
                if fitting:
                    best = (j + 1, fitting)
            if best:
                kind = min((e.kind for e in best[1]), key=KIND_ORDER.index)
                items.append(Item(kind, i, best[0], tuple(e for e in best[1] if e.kind == kind)))
                i = best[0]
            else:
                i += 1
        return items


def fits_case(entry: Entry, toks: list[Token]) -> bool:
    if entry.is_acronym:
        return all(t.raw.isupper() for t in toks)
    return entry.kind == "title" or toks[min(entry.cap_at, len(toks) - 1)].raw[:1].isupper()


class ActorResolver:
    """Entities and title patterns -> canonical actors, time-aware through leaders' terms."""

    def __init__(self, countries: list[dict[str, str]], leaders: list[dict[str, str]],
                 titles: list[dict[str, str]], media: list[dict[str, str]]) -> None:
        self.lexicon = Lexicon()
        self.countries: dict[str, Country] = {}
        self.persons: list[Person] = []
        self.media: dict[str, tuple[str, bool]] = {}
        self.holders: dict[str, list[tuple[Person, Term]]] = {}
        self._load_countries(countries)
        self._load_leaders(leaders)
        for row in titles:
            for surface in [row["title"], *split(row.get("aliases", ""))]:
                self.lexicon.add(surface, "title", row["role"], "title")
        for row in media:
            self.media[row["name"]] = (row["country"], row["is_state_media"] in ("1", "true", "yes"))
            for surface in [row["name"], *split(row.get("aliases", ""))]:
                self.lexicon.add(surface, "media", row["name"], "media")
        self.fuzzy_index = self._fuzzy_index()
        self._vocabulary: frozenset[str] | None = None

    @classmethod
    def default(cls) -> "ActorResolver":
        """The package's own data, loaded once per process."""
        return _default_resolver()

    @classmethod
    def from_dir(cls, data_dir: Path) -> "ActorResolver":
        """A user's copy of the data files (countries, leaders, titles, media .csv)."""
        data_dir = Path(data_dir)
        tables = [read_rows(data_dir / f"{n}.csv") for n in ("countries", "leaders", "titles", "media")]
        return cls(*tables)

    def _load_countries(self, rows: list[dict[str, str]]) -> None:
        forms = ("name", "official_names", "aliases", "capitals", "demonyms", "short_forms")
        for row in rows:
            iso = row["iso3"]
            self.countries[iso] = Country(iso, row["name"], row.get("sovereign", ""), row.get("paramount_role", ""))
            for column in forms:
                for surface in split(row.get(column, "")):
                    self.lexicon.add(surface, "place", iso, column)
            for surface in split(row.get("bodies", "")):
                self.lexicon.add(surface, "body", iso, "body")

    def _load_leaders(self, rows: list[dict[str, str]]) -> None:
        grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
        for row in rows:
            grouped.setdefault((row["name"], row["iso3"]), []).append(row)
        for (name, iso), group in grouped.items():
            terms = tuple(
                Term(r["role"], r["title"], parse_day(r["start"]), parse_day(r["end"]), r["is_paramount"] == "1")
                for r in group
            )
            person = Person(name, iso, terms)
            index = str(len(self.persons))
            self.persons.append(person)
            for term in terms:
                self.holders.setdefault(iso, []).append((person, term))
            for surface in {name, *(a for r in group for a in split(r["aliases"]))}:
                self.lexicon.add(surface, "person", index, "name" if surface == name else "alias")
            for short in {r["short_name"] for r in group if r.get("short_name")}:
                self.lexicon.add(short, "short", index, "short_name")

    def _fuzzy_index(self) -> dict[str, list[int]]:
        """Word -> people whose full name has it, for transliteration variants ('Bounnang')."""
        index: dict[str, list[int]] = {}
        for i, person in enumerate(self.persons):
            words = TOKEN_RE.findall(person.name)
            if len(words) >= 2:
                for word in {fold(w) for w in words}:
                    index.setdefault(word, []).append(i)
        return {w: ids for w, ids in index.items() if len(ids) <= 25 and len(w) >= 3}

    def find_mentions(self, text: str, on: date | None = None, *, is_one_mention: bool = False) -> list[Mention]:
        """Every actor mention, longest match first, no overlaps, sorted by start.

        is_one_mention: the text is a single actor phrase ('head of state of Vietnam', 'Sung
        Kim'), so a bare title of a country names its holder and a capitalised word glued to a
        leader's short name makes another person's name even at the start."""
        toks = tokenize(text)
        items = self.lexicon.scan(text, toks, any_case=is_one_mention)

        def leads_now(item: Item) -> bool:
            people = (self.persons[int(e.target)] for e in item.entries)
            return not is_one_mention and any(t.is_paramount for p in people for t in p.terms_on(on))

        items = add_name_runs(text, toks, demote_glued_shorts(text, toks, items, leads_now))
        return MentionPass(self, text, toks, items, on, is_one_mention).run()

    def resolve(self, text: str, on: date | None = None) -> Actor | None:
        """One mention string -> its actor (the longest mention inside it, else a country)."""
        mentions = self.find_mentions(text, on, is_one_mention=True)
        if mentions:
            return max(mentions, key=lambda m: (m.end - m.start, m.actor.kind == "person")).actor
        iso = self.country_of(text)
        return self.state_actor(iso, "name", text.strip()) if iso else None

    def find_media(self, text: str) -> list[MediaMention]:
        """Outlets cited; 'the Korean Central News Agency (KCNA)' is one mention."""
        toks = tokenize(text)
        found: list[MediaMention] = []
        for item in (i for i in self.lexicon.scan(text, toks) if i.kind == "media"):
            name = item.entries[0].target
            start, end = toks[item.t0].start, toks[item.t1 - 1].end
            if found and found[-1].name == name and PAREN_GAP_RE.fullmatch(text, found[-1].end, start):
                start = found.pop().start  # "Korean Central News Agency (KCNA)"
                end += text[end : end + 1] == ")"
            country, is_state = self.media[name]
            found.append(MediaMention(start, end, text[start:end], name, country, is_state))
        return found

    def country_of(self, name_or_code: str) -> str | None:
        """'Cuba' / 'Cuban' / 'CUB' -> 'CUB' (a territory keeps its own code: see sovereign_of)."""
        value = name_or_code.strip()
        if value.upper() in self.countries and len(value) == 3 and value.isupper():
            return value.upper()
        key = name_key(re.sub(r"^the\s+", "", value, flags=re.I))
        places = [e for e in self.lexicon.entries.get(key, ()) if e.kind == "place"]
        return places[0].target if places else None

    def sovereign_of(self, iso3: str) -> str:
        """The state answering for a territory: 'HKG' -> 'CHN'; a state answers for itself."""
        country = self.countries.get(iso3)
        return country.sovereign if country and country.sovereign else iso3

    def country_name(self, iso3: str) -> str:
        country = self.countries.get(iso3)
        return country.name if country else iso3

    def trigger_vocabulary(self) -> frozenset[str]:
        """Lower-case single words that signal an actor, for a cheap pre-filter of sentences."""
        if self._vocabulary is None:
            self._vocabulary = _trigger_vocabulary(self)
        return self._vocabulary

    def state_actor(self, iso: str, form: str, surface: str) -> Actor:
        country = self.countries[iso]
        sovereign = self.sovereign_of(iso)
        reason = f"{FORM_LABELS.get(form, form)} '{surface}' stands for {country.name}"
        if sovereign != iso:
            reason += f" ({iso}), counted as {self.country_name(sovereign)} ({sovereign})"
        return Actor(country.name, sovereign, "state", "state", reason)

    def holder(self, iso: str, role: str, on: date | None) -> tuple[Person, Term] | None:
        """Who held an office ('leader' = the paramount one) on a day; None without a date
        means the present holder."""
        held = [(p, t) for p, t in self.holders.get(iso, ()) if t.holds_on(on)]
        if role == "leader":
            ranked = sorted(held, key=lambda pt: (not pt[1].is_paramount, rank(pt[1].role)))
            return ranked[0] if ranked and ranked[0][1].role in HOLDER_ROLES else None
        matching = [pt for pt in held if pt[1].role == role]
        return matching[0] if matching else None

    def fuzzy_person(self, words: list[str], country: str | None = None) -> Person | None:
        """A close spelling of a known full name (cheap: only people sharing a word)."""
        key = "".join(words)
        candidates = {i for w in words for i in self.fuzzy_index.get(w, ())}
        best, best_score = None, 0.86
        for i in candidates:
            person = self.persons[i]
            if country and person.country != country:
                continue
            score = difflib.SequenceMatcher(None, key, name_key(person.name)).ratio()
            if score > best_score:
                best, best_score = person, score
        return best


@lru_cache(maxsize=1)
def _default_resolver() -> ActorResolver:
    return ActorResolver.from_dir(DATA_DIR)


def _trigger_vocabulary(resolver: ActorResolver) -> frozenset[str]:
    lexicon = resolver.lexicon
    return frozenset(w for w in lexicon.words - lexicon.connecting if len(w) >= 2 and w.isalpha())


def describe_actors(text: str, on: date | None = None) -> list[Mention]:
    """The CLI's view: the resolved actors of a sentence with the package data."""
    return ActorResolver.default().find_mentions(text, on)


def is_sentence_start(text: str, toks: list[Token], i: int) -> bool:
    return i == 0 or bool(re.search(r"[.!?:\"“\n]\s*$", text[toks[i - 1].end : toks[i].start]))


def is_free_capital(text: str, toks: list[Token], covered: set[int], i: int, j: int) -> bool:
    """Token j is a capitalised word not otherwise recognised, glued to token i by a space."""
    if not 0 <= j < len(toks) or j in covered or not toks[j].raw[:1].isupper():
        return False
    a, b = (i, j) if i < j else (j, i)
    return bool(NAME_GAP_RE.fullmatch(text, toks[a].end, toks[b].start))


def demote_glued_shorts(text: str, toks: list[Token], items: list[Item], leads_now: Callable[[Item], bool]) -> list[Item]:
    """'Kim' alone may be the leader, but 'Sung Kim' or 'Kim Song' is someone else; after a
    capitalised first word of a sentence ('When Kim met') only a leader in charge stays."""
    covered = {t for it in items for t in range(it.t0, it.t1)}
    kept = []
    for item in items:
        if item.kind == "short":
            before = is_free_capital(text, toks, covered, item.t0, item.t0 - 1)
            before = before and not (is_sentence_start(text, toks, item.t0 - 1) and leads_now(item))
            if before or is_free_capital(text, toks, covered, item.t1 - 1, item.t1):
                continue
        kept.append(item)
    return kept


def add_name_runs(text: str, toks: list[Token], items: list[Item]) -> list[Item]:
    """Runs of capitalised words the dictionary does not know: candidate unknown names."""
    covered = {t for it in items for t in range(it.t0, it.t1)}
    runs, start = [], None
    for i, tok in enumerate(toks):
        hyphened = start is not None and text[tok.start - 1 : tok.start] == "-"  # "Kim Yeon-chul"
        ok = i not in covered and (tok.raw[:1].isupper() or hyphened) and not tok.raw.isdigit()
        if ok and start is not None and NAME_GAP_RE.fullmatch(text, toks[i - 1].end, tok.start) and i - start < 5:
            continue
        if start is not None:
            runs.append(Item("name", start, i))
        start = i if ok else None
    if start is not None:
        runs.append(Item("name", start, len(toks)))
    return sorted(items + runs, key=lambda it: it.t0)


class MentionPass:
    """One left-to-right pass over the recognised items of one text."""

    def __init__(self, resolver: ActorResolver, text: str, toks: list[Token], items: list[Item],
                 on: date | None, is_one_mention: bool = False):
        self.r, self.text, self.toks, self.items, self.on = resolver, text, toks, items, on
        self.is_one_mention = is_one_mention
        self.out: list[Mention] = []
        self.seen: set[str] = set()  # people named in full so far: their short name is safe
        self.last_country = ""
        self.countries_seen: set[str] = set()
        self.quiet_until = -1  # end of an appositive already used: its titles name no one else

    def run(self) -> list[Mention]:
        i = 0
        while i < len(self.items):
            step = getattr(self, f"at_{self.items[i].kind}")
            i = max(i + 1, step(i))
        return sorted(self.out, key=lambda m: m.start)

    # -- helpers --------------------------------------------------------------------------
    def span(self, t0: int, t1: int) -> str:
        return self.text[self.toks[t0].start : self.toks[t1 - 1].end]

    def emit(self, t0: int, t1: int, actor: Actor) -> None:
        start, end = self.toks[t0].start, self.toks[t1 - 1].end
        if self.text[end : end + 1] == "." and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", self.text[start:end]):
            end += 1  # "U.S."
        self.out.append(Mention(start, end, self.text[start:end], actor))
        self.last_country = actor.country
        self.countries_seen.add(actor.country)
        if actor.kind == "person":
            self.seen.add(actor.name)

    def glued(self, t: int, item: Item, gap: re.Pattern[str] = NAME_GAP_RE) -> bool:
        if item.t0 != t or t == 0:
            return False
        before, start = self.toks[t - 1], self.toks[t].start
        if len(before.raw) <= 3 and self.text[before.end : before.end + 1] == ".":  # "Mr. Xi"
            return bool(gap.fullmatch(self.text, before.end + 1, start))
        return bool(gap.fullmatch(self.text, before.end, start))

    def place_iso(self, item: Item) -> str | None:
        """A place's ISO3; a surface shared by several countries at the same rank is ambiguous."""
        forms = ("name", "official_names", "aliases", "capitals", "demonyms", "short_forms", "body")
        best = min(forms.index(e.form) for e in item.entries)
        isos = {e.target for e in item.entries if forms.index(e.form) == best}
        return isos.pop() if len(isos) == 1 else None

    def titles_from(self, j: int, t: int) -> tuple[list[Item], int]:
        titles = []
        while j < len(self.items) and self.items[j].kind == "title" and self.glued(t, self.items[j]):
            titles.append(self.items[j])
            t, j = self.items[j].t1, j + 1
        return titles, j

    def title_role(self, titles: list[Item]) -> str:
        roles = [e.target for it in titles for e in it.entries[:1] if e.target != "address"]
        return roles[-1] if roles else "address"

    def person_of(self, item: Item, country: str | None, role: str) -> Person | None:
        """The known person an item names, time-aware among namesakes and short names."""
        people = [self.r.persons[int(e.target)] for e in item.entries]
        if country:
            people = [p for p in people if p.country == country]
        seen = [p for p in people if p.name in self.seen]
        if seen:
            return seen[0]
        current = [p for p in people if p.terms_on(self.on)]
        if item.kind == "short" and not (role or country):  # bare 'Putin': only a leader in charge
            current = [p for p in current if any(t.is_paramount for t in p.terms_on(self.on))]
            if not current:
                return None
        pool = current or people
        key = lambda p: (role not in {t.role for t in p.terms_on(self.on)} if role else False,  # noqa: E731
                         not any(t.is_paramount for t in p.terms_on(self.on)),
                         min((rank(t.role) for t in p.terms_on(self.on)), default=9),
                         -max((t.start or date.min).toordinal() for t in p.terms))
        return min(pool, key=key, default=None)

    def person_actor(self, person: Person, role: str, why: str) -> Actor:
        term = person.best_term(self.on, role)
        when = f" on {self.on.isoformat()}" if self.on else ""
        held = f" ({term.describe()})" if term else ""
        if term and not term.holds_on(self.on):
            held = f" (not in office{when}; last known {term.describe()})"
            when = ""
        return Actor(person.name, person.country, "person", term.role if term else person_role(role),
                     f"{why} -> {person.name}{held}{when}")

    # -- patterns, one per kind of first item --------------------------------------------
    def at_media(self, i: int) -> int:
        return i + 1

    def at_body(self, i: int) -> int:
        item = self.items[i]
        iso = item.entries[0].target
        surface = self.span(item.t0, item.t1)
        self.emit(item.t0, item.t1, Actor(surface, self.r.sovereign_of(iso), "organisation", "",
                                          f"body '{surface}' belongs to {self.r.country_name(iso)}"))
        return i + 1

    def at_place(self, i: int) -> int:
        """'<demonym|Country's> <title> [<Name>]', else the state itself."""
        place = self.items[i]
        iso = self.place_iso(place)
        if iso is None:
            return i + 1
        t = place.t1
        if t + 1 < len(self.toks) and self.toks[t].norm == "s" and self.text[self.toks[t].start - 1] in "'’":
            t += 1  # possessive: "Vietnam's leader"
        titles, j = self.titles_from(i + 1, t)
        is_short_form = place.entries[0].form == "short_forms"
        if is_short_form and (titles or self.r.sovereign_of(iso) not in self.countries_seen):
            return i + 1  # "the North" only once North Korea is in context
        if not titles:
            self.emit(place.t0, place.t1, self.r.state_actor(iso, place.entries[0].form, self.span(place.t0, place.t1)))
            return i + 1
        return self.named_or_holder(i, j, titles, self.r.sovereign_of(iso))

    def at_title(self, i: int) -> int:
        """'<title> [of [the] <Country|body>] <Name>', or 'the President of China'."""
        titles, j = self.titles_from(i + 1, self.items[i].t1)
        titles.insert(0, self.items[i])
        t, country = titles[-1].t1, ""
        words = [tok.norm for tok in self.toks[t : t + 2]]
        if words[:1] == ["of"] and j < len(self.items):
            k = t + 1 + (words[1:2] == ["the"])
            nxt = self.items[j]
            iso = self.place_iso(nxt) if nxt.t0 == k and nxt.kind in ("place", "body") else None
            if iso and nxt.entries[0].form not in ("demonyms", "capitals"):  # not "of the Russian Peace..."
                country, j = self.r.sovereign_of(iso), j + 1
                is_party_title = self.title_role(titles) == "party_leader"
                if nxt.kind == "body" and not is_party_title and not self.next_is_name(j, nxt.t1):
                    return j  # "chairman of United Russia" is not the state's leader
        if country or self.next_is_name(j, titles[-1].t1):
            return self.named_or_holder(i, j, titles, country)
        return self.address_only(i, j, titles)

    def next_is_name(self, j: int, t: int) -> bool:
        return j < len(self.items) and self.items[j].kind in ("person", "short", "name") and self.glued(t, self.items[j])

    def named_or_holder(self, i: int, j: int, titles: list[Item], country: str) -> int:
        """After '<place> <title>' or '<title> of <place>': a name, or the office holder."""
        role = self.title_role(titles)
        end = self.items[j - 1].t1
        if j < len(self.items) and self.items[j].kind in ("person", "short", "name") and self.glued(end, self.items[j]):
            self.named(self.items[i].t0, self.items[j], role, country, self.span(self.items[i].t0, end))
            return j + 1
        start = self.items[i].t0
        article = start > 0 and self.toks[start - 1].norm == "the"
        follows_place = self.items[i].kind == "place"
        plural = self.toks[titles[0].t1 - 1].norm.endswith("s")
        if country and (follows_place or article or plural or self.is_one_mention):
            self.office(start, end, role, country, may_be_unnamed=follows_place)
        return j

    def named(self, t0: int, item: Item, role: str, country: str, intro: str) -> None:
        name = self.span(item.t0, item.t1)
        person = self.person_of(item, country or None, role) if item.kind != "name" else None
        if person is None and item.kind == "name":
            person = self.r.fuzzy_person([t.norm for t in self.toks[item.t0 : item.t1]], country or None)
        if person:
            self.emit(t0, item.t1, self.person_actor(person, role, f"'{intro}' + known name '{name}'"))
        elif country and role != "address":
            why = f"unknown name '{name}' introduced as '{intro}' -> {self.r.country_name(country)}"
            self.emit(t0, item.t1, Actor(" ".join(name.split()), country, "person", person_role(role), why))

    def office(self, t0: int, t1: int, role: str, country: str, may_be_unnamed: bool = True) -> None:
        """'the South Korean president' -> whoever held that office on the article's date;
        'Russian officials' -> unnamed people of that state (not '[Council of] Ministers of Cuba')."""
        surface = self.span(t0, t1)
        if self.toks[t0].start < self.quiet_until:
            return
        held = self.r.holder(country, role, self.on) if role in HOLDER_ROLES else None
        if held:
            person, term = held
            when = self.on.isoformat() if self.on else "now"
            self.emit(t0, t1, Actor(person.name, person.country, "person", term.role,
                                    f"title '{surface}' on {when} -> {person.name} ({term.describe()})"))
        elif role != "address" and may_be_unnamed:
            why = f"title '{surface}' names no one in the data -> {self.r.country_name(country)}"
            self.emit(t0, t1, Actor(surface, country, "person", person_role(role), why))

    def address_only(self, i: int, j: int, titles: list[Item]) -> int:
        """'Comrade Chairman': a form of address for the leader of the country in context."""
        role = self.title_role(titles)
        is_address = any(e.target == "address" for e in titles[0].entries)
        if is_address and role in HOLDER_ROLES and self.last_country:
            self.office(self.items[i].t0, titles[-1].t1, role, self.last_country)
        return j

    def at_person(self, i: int) -> int:
        item = self.items[i]
        person = self.person_of(item, None, "")
        if person:
            self.emit(item.t0, item.t1, self.person_actor(person, "", f"known name '{self.span(item.t0, item.t1)}'"))
        return i + 1

    def at_short(self, i: int) -> int:
        item = self.items[i]
        person = self.person_of(item, None, "")
        if person:
            why = f"short name '{self.span(item.t0, item.t1)}' of a leader in office or named before"
            self.emit(item.t0, item.t1, self.person_actor(person, "", why))
        return i + 1

    def at_name(self, i: int) -> int:
        """An unknown capitalised name: a spelling variant of a known one, or introduced by an
        appositive ('Ri Ryong Nam, the DPRK ambassador to China')."""
        item = self.items[i]
        words = [t.norm for t in self.toks[item.t0 : item.t1]]
        person = self.r.fuzzy_person(words) if len(words) >= 2 else None
        if person:
            name = self.span(item.t0, item.t1)
            self.emit(item.t0, item.t1, self.person_actor(person, "", f"name '{name}' spells known '{person.name}'"))
            return i + 1
        is_plain = len(words) >= 2 and not CALENDAR_WORDS.intersection(words)
        found = self.appositive(i) if is_plain else None
        if found:
            country, role, why = found
            name = " ".join(self.span(item.t0, item.t1).split())
            self.emit(item.t0, item.t1, Actor(name, country, "person", person_role(role), why))
        return i + 1

    def appositive(self, i: int) -> tuple[str, str, str] | None:
        """'<Name>, [the|a] ... <title> ... <Country>' up to the end of the clause."""
        item = self.items[i]
        comma = re.match(r"\s*,\s*", self.text[self.toks[item.t1 - 1].end :])
        if not comma or item.t1 >= len(self.toks):
            return None
        begin = self.toks[item.t1 - 1].end + comma.end()
        stop = CLAUSE_END_RE.search(self.text, begin)
        limit = stop.start() if stop else len(self.text)
        window = [it for it in self.items[i + 1 :] if self.toks[it.t0].start < limit]
        titles = [k for k, it in enumerate(window) if it.kind == "title" and it.entries[0].target != "address"]
        introduces = any(k + 1 < len(window) and window[k + 1].kind in ("person", "short", "name")
                         and self.glued(window[k].t1, window[k + 1]) for k in titles)
        if not titles or introduces:  # "On Monday, Chinese spokesman Wang said": not an appositive
            return None
        role = window[titles[0]].entries[0].target
        country = self.appositive_country(window, titles)
        if not country:
            return None
        self.quiet_until = limit
        why = f"appositive '{self.text[begin:limit].strip()}' -> {self.r.country_name(country)}"
        return country, role, why

    def appositive_country(self, window: list[Item], titles: list[int]) -> str:
        for k in titles:  # "the US special representative", "the DPRK (DPRK) ambassador"
            before, t = (window[k - 1] if k else None), window[k].t0
            possessive = before is not None and t == before.t1 + 1 and self.toks[before.t1].norm == "s"
            adjacent = before is not None and t == before.t1 and self.glued(t, window[k], PAREN_GAP_RE)
            if before and before.kind in ("place", "body") and (adjacent or possessive) and self.place_iso(before):
                return self.r.sovereign_of(self.place_iso(before) or "")
        for it in window[titles[0] + 1 :]:  # "first secretary of ... the Communist Party of Cuba"
            prev = self.toks[it.t0 - 1].norm if it.t0 else ""
            if it.kind in ("place", "body") and prev not in TARGET_WORDS and self.place_iso(it):
                return self.r.sovereign_of(self.place_iso(it) or "")
        return ""
