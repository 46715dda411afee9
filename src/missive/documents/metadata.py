"""Article metadata: title, publication-date candidates, outlet, credited agencies, language.

Captured articles rarely say plainly when they were published: a crawl header, a "Posted on"
line, a year-less dateline, HTML metadata and the URL can all disagree. So this module never
picks one; it lists every candidate with where it was read (``source``), why (``reason``) and
its position in the ORIGINAL text, and leaves the choice to the date-reasoning stage.

The readers of line shapes (headline-shaped lines, the header zone at the top) live in
``article_lines`` and the readers of written dates (header lines, datelines, URLs) in
``date_candidates``; the cleaner imports them from here, so both stages agree on what the header
is, and none of these modules imports the cleaner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

from ..knowledge.tables import Table, read_table
from ..model import Metadata
from .date_candidates import (
    LABEL_REACH,
    Published,
    collect_date_candidates,
    date_label_before,
    dateline_credit,
    find_dateline,
    find_dates,
    find_place_credit,
    read_header_line,
)
from .lines import WORD_RE, Line, header_zone, is_headline_shaped, normalise_line, phrase_table, split_lines, word_count


# ---------------------------------------------------------------- title, outlet, author
def find_title(original: str) -> str:
    """The article's own headline: the first headline-shaped header line of five words or more.

    Site labels ('KCNA Chongnyon Chonwi (EN)') are shorter; a title fused with a date label
    ('... North Korea   DATE: 2024-07-15') is cut before the label.
    """
    lines = split_lines(original)
    index = title_line_index(lines)
    return _title_text(lines[index].text) if index is not None else ""


def title_line_index(lines: list[Line]) -> int | None:
    return next((i for i in header_zone(lines) if _title_text(lines[i].text)), None)


TITLE_MAX_CHARS = 400  # a title is a headline (at most 25 words), never a paragraph


def _title_text(text: str) -> str:
    if len(text) > TITLE_MAX_CHARS:
        return ""
    header = read_header_line(text)
    if header:
        text = "" if header.is_whole else text[header.prefix_end:]
    text = _cut_before_date_label(text).strip()
    return text if is_headline_shaped(text) and word_count(text) >= 5 and not _is_chrome(text) else ""


def _cut_before_date_label(text: str) -> str:
    for found in find_dates(text):
        label = date_label_before(text[max(0, found.start - LABEL_REACH):found.start])
        if label:
            head = text[:found.start].rstrip(" \t\u00a0:>-")
            return head[:len(head) - len(label)]
    return text


def _is_chrome(text: str) -> bool:
    norm = normalise_line(text)
    return any(norm == phrase for phrase, match in phrase_table().get("chrome", ()) if match == "line")


BYLINE = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*(?:,|$|\|)")


def find_author(original: str) -> str:
    for line in split_lines(original):
        match = BYLINE.match(line.text)
        if match and word_count(line.text) <= 10:
            return match["name"]
    return ""


def outlet_from(url: str, html_meta: dict) -> str:
    if html_meta.get("sitename"):
        return str(html_meta["sitename"])
    host = urlsplit(url).hostname or "" if "://" in url else ""
    return host.removeprefix("www.")


# ---------------------------------------------------------------- agencies and state media
@dataclass(frozen=True, slots=True)
class MediaName:
    canonical: str
    is_state_media: bool


def media_aliases() -> tuple[tuple[str, MediaName], ...]:
    """Every name and alias of media.csv (as written there) with its entry."""
    return _media_aliases(read_table("media"))


@lru_cache(maxsize=4)
def _media_aliases(table: Table) -> tuple[tuple[str, MediaName], ...]:
    found: list[tuple[str, MediaName]] = []
    for row in table.rows:
        entry = MediaName(row["name"], row["is_state_media"] == "1")
        aliases = {a.strip() for a in [row["name"], *row.get("aliases", "").split(";")] if a.strip()}
        found += [(alias, entry) for alias in sorted(aliases)]
    return tuple(found)


def _media_by_lower_alias() -> dict[str, MediaName]:
    return _lower_aliases(read_table("media"))


@lru_cache(maxsize=4)
def _lower_aliases(table: Table) -> dict[str, MediaName]:
    return {alias.lower(): entry for alias, entry in _media_aliases(table)}


def media_entry(name: str) -> MediaName | None:
    """The media.csv entry a credited name stands for ('Yonhap News' -> Yonhap), if any."""
    table = _media_by_lower_alias()
    short = re.sub(r"\s+News(?: Agency)?$", "", name.strip())
    return table.get(name.strip().lower()) or table.get(short.lower())


_NAME = r"[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,4}"
CREDIT_SHAPES = (
    re.compile(r"^\s*\((?P<n>[A-Z][^()]{1,40})\)\s*(?:—|–|--|-)", re.M),  # (Reuters) - ...
    re.compile(r"[.!?\"”’]\s*\((?P<n>[A-Z][^()]{1,40})\)\s*$", re.M),  # ... said. (Yonhap)
    re.compile(rf"(?:—|–|--)\s*(?P<n>{_NAME})\s*$", re.M),  # ... — Reuters
    re.compile(rf"[.!?\"”’](?P<n>{_NAME})\s*$"),  # ...level.Yonhap at the very end
)
STATE_SHAPE = re.compile(
    r"\bstate(?:-run|-owned|-controlled)?\s+(?:(?:news\s+agency|newspaper|broadcaster|television|TV|media"
    rf"|daily|outlet|radio|news\s+outlet)\s+)?(?:the\s+)?(?P<n>{_NAME})")
ATTRIBUTION_BEFORE = re.compile(r"(?:according to|told|citing|quoted by|via|reported by)\s+(?:the\s+)?$", re.I)
ATTRIBUTION_AFTER = re.compile(r"^(?:\s*\([A-Z]+\))?,?\s+(?:news agency\s+)?(?:reported|said|says|reports|"
                               r"quoted|cited|carried|added|wrote)\b")


def credited_names(text: str) -> list[str]:
    """Names in credit positions: dateline and paragraph credits, trailing wire tags."""
    names = []
    lines = split_lines(text)
    for line in (lines[i] for i in header_zone(lines)):
        hit = find_dateline(line.text)
        credit = dateline_credit(hit[0]) if hit else find_place_credit(line.text)
        if credit:
            names.append(credit)
    for pattern in CREDIT_SHAPES:
        names += [m["n"].strip() for m in pattern.finditer(text) if word_count(m["n"]) <= 4]
    return names


def media_mentions(text: str) -> list[tuple[MediaName, bool]]:
    """(entry, is_attributed) for every media.csv name written in the text, as cased in the file."""
    found = []
    for alias, entry in media_aliases():
        if len(alias) < 2 or alias not in text:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
            attributed = bool(ATTRIBUTION_BEFORE.search(text[max(0, match.start() - 20):match.start()])
                              or ATTRIBUTION_AFTER.match(text[match.end():match.end() + 30]))
            found.append((entry, attributed))
    return found


def find_sources(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(agencies credited, state media cited), each by canonical name.

    State media count when named at all (they are cited as the source of what they report);
    other outlets count as agencies only in a credit shape or with an attribution verb.
    """
    agencies: list[str] = []
    state: list[str] = []
    for raw in credited_names(text):
        entry = media_entry(raw)
        _add(state if entry and entry.is_state_media else agencies, entry.canonical if entry else
             re.sub(r"\s+News$", "", raw))
    for match in STATE_SHAPE.finditer(text):
        entry = media_entry(match["n"])
        _add(state, entry.canonical if entry else match["n"])
    for entry, attributed in media_mentions(text):
        if entry.is_state_media:
            _add(state, entry.canonical)
        elif attributed:
            _add(agencies, entry.canonical)
    return tuple(a for a in agencies if a not in state), tuple(state)


def _add(target: list[str], name: str) -> None:
    if name and name not in target:
        target.append(name)


# ---------------------------------------------------------------- language
@lru_cache(maxsize=1)
def stopword_languages() -> dict[str, frozenset[str]]:
    """ISO 639-1 code -> stopwords, from the stoplists jusText ships (a trafilatura dependency)."""
    import justext
    import pycountry

    table: dict[str, frozenset[str]] = {}
    for name in sorted(justext.get_stoplists()):
        try:
            code = getattr(pycountry.languages.lookup(name.replace("_", " ")), "alpha_2", "")
        except LookupError:
            continue
        if code:
            table[code] = table.get(code, frozenset()) | justext.get_stoplist(name)
    return table


# Only words not written with a capital count as evidence: names, titles, months and datelines
# ("PHNOM PENH", "Prime Minister Hun Manet", "Monday") say nothing of the language, and a short
# English brief dense with them must not read as Slovak or Estonian because a name is a stopword there.
MIN_WORDS = 5  # fewer running words: no language can be told
MIN_FOREIGN_WORDS = 15  # fewer: too little text to call an article foreign and skip it
ENGLISH_SHARE = 0.25  # English prose has a third to a half of its running words on the stoplist
FOREIGN_SHARE = 0.3
FOREIGN_MARGIN = 0.15  # how far another language must lead English to be named


def detect_language(text: str) -> tuple[str, str]:
    """(code, reason): English when its stopwords are a fair share of the running (uncapitalised)
    words; another language only when there is enough running text and its stopwords clearly
    lead English's; else "unknown", which is read as English."""
    words = [w.lower() for w in (m.group() for m in islice(WORD_RE.finditer(text), 400))
             if not w[:1].isupper()]
    if len(words) < MIN_WORDS:
        return "unknown", "too few words to tell the language"
    shares = {code: sum(w in stops for w in words) / len(words) for code, stops in stopword_languages().items()}
    english = shares.get("en", 0.0)
    if english >= ENGLISH_SHARE:
        return "en", f"{english:.0%} of the running words are English stopwords"
    # a tie goes to the shorter stoplist: the same share from fewer words is the more specific match
    table = stopword_languages()
    best = max(sorted(shares), key=lambda code: (shares[code], -len(table[code])), default="")
    if len(words) < MIN_FOREIGN_WORDS:
        return "unknown", f"only {len(words)} running words, {english:.0%} English stopwords: too few to call it foreign"
    if not best or shares[best] < FOREIGN_SHARE or shares[best] - english < FOREIGN_MARGIN:
        return "unknown", f"no other language's stopwords clearly lead English's ({english:.0%})"
    return best, f"{shares[best]:.0%} of the running words are '{best}' stopwords (English {english:.0%})"


# ---------------------------------------------------------------- the whole record
def extract_metadata(original: str, cleaned: str, *, url: str = "", html_meta: dict | None = None,
                     path: str = "", published: Published = None) -> Metadata:
    """Collect metadata with provenance from the text (and HTML metadata when there is some); a
    publication date given with the article (`published`) is one more date candidate."""
    html_meta = html_meta or {}
    url = url or str(html_meta.get("url") or "")
    agencies, state_media = find_sources(cleaned)
    return Metadata(
        title=str(html_meta.get("title") or "") or find_title(original),
        url=url,
        outlet=outlet_from(url, html_meta),
        author=str(html_meta.get("author") or "") or find_author(original),
        language=detect_language(cleaned or original)[0],
        date_candidates=collect_date_candidates(original, url=url, html_meta=html_meta, path=path,
                                                published=published),
        agencies=agencies,
        state_media=state_media,
    )
