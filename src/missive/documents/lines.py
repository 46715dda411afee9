"""Line shapes of a captured article: lines with offsets, headline and sentence shapes, the header zone.

The cleaner (what to drop as page furniture) and the metadata reader (where the title and the
header dates are) must agree on what the top of an article is; both read it through these
helpers, which know nothing about dates or boilerplate themselves. The chrome phrases they
normalise come from a user-extendable CSV table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.tables import Table, read_table

HEADER_ZONE_LINES = 8  # header furniture sits in the first few non-blank lines
BODY_MIN_WORDS = 12  # a sentence this long means the article body has begun


def phrase_table() -> dict[str, tuple[tuple[str, str], ...]]:
    """chrome_phrases.csv grouped by kind: {kind: ((phrase, match), ...)}."""
    return phrase_table_of(read_table("chrome_phrases"))


@lru_cache(maxsize=4)
def phrase_table_of(rows: Table) -> dict[str, tuple[tuple[str, str], ...]]:
    """The phrases of one chrome_phrases table, grouped by kind (cached per table)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for row in rows.rows:
        table.setdefault(row["kind"], []).append((normalise_line(row["phrase"], keep_end=True), row["match"]))
    return {kind: tuple(pairs) for kind, pairs in table.items()}


def normalise_line(text: str, *, keep_end: bool = False) -> str:
    """Lowercase, straight quotes, single spaces; trailing ':.!' dropped unless keep_end."""
    text = text.translate(_QUOTES).lower()
    text = " ".join(text.split()).lstrip("•*>|-–— ")
    return text if keep_end else text.rstrip(":.!…- ")


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’)\]]*)(?:\s*\([^()]{1,40}\))?\s*$")
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A rough sentence: a run up to a sentence end or a line break. Enough to keep a date and the occasion
# or anniversary it goes with in one piece of text, without parsing.
ROUGH_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@lru_cache(maxsize=4)
def _caption_words(rows: Table) -> re.Pattern[str] | None:
    words = [re.escape(p) for p, match in phrase_table_of(rows).get("caption", ()) if match == "contains"]
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(words)})(?![^\W_])") if words else None


def is_caption_like(text: str) -> bool:
    """A photo caption or credit: 'X / Outlet file', '... (Yonhap News)', 'file photo'."""
    words = _caption_words(read_table("chrome_phrases"))
    return " / " in text or bool(words and words.search(normalise_line(text)))


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


def is_sentence_like(text: str) -> bool:
    """Ends like a sentence (. ! ? …, maybe a closing quote and a credit such as '(Yonhap)')."""
    return bool(_SENTENCE_END.search(text.strip()))


def is_headline_shaped(text: str, *, max_words: int = 25) -> bool:
    """Short, starts with a capital, digit or quote, no full stop or colon at the end.

    Headlines may end with '?' or '!', so only '.', ':' and ';' rule a line out.
    """
    stripped = text.strip()
    if not stripped or not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"'“‘"):
        return False
    if re.search(r"[.:;,](?:[\"'”’)\]]*)\s*$", stripped):
        return False
    return 2 <= word_count(stripped) <= max_words


def is_title_cased(text: str) -> bool:
    """Most longer words capitalised, as in 'Kim Sends Message of Sympathy to Cuban Leaders'."""
    words = [w for w in WORD_RE.findall(text) if len(w) >= 4]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: [start, end) without its newline; stop includes the newline."""

    start: int
    end: int
    stop: int
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), pos + len(raw), body))
        pos += len(raw)
    return lines


def header_zone(lines: list[Line]) -> list[int]:
    """Indexes of the top lines: up to the first body sentence (inclusive), at most a few lines."""
    zone: list[int] = []
    for i, line in enumerate(lines):
        if line.is_blank:
            continue
        zone.append(i)
        if len(zone) >= HEADER_ZONE_LINES:
            break
        if is_sentence_like(line.text) and word_count(line.text) >= BODY_MIN_WORDS:
            break
    return zone
