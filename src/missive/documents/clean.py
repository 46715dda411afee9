"""Article text cleaning: boilerplate and repeats out, with an offset map back to the original.

Captured articles carry site chrome, comment prompts, teaser headlines of other stories, photo
captions printed twice and sometimes the whole body twice; each would become a false or
duplicated event downstream. Cleaning only DELETES pieces of the original (whole lines, or a
leading date prefix of a line), never rewrites, so every cleaned character maps back to an
identical original character and evidence spans can always index the original text.

The rules are general: a line's shape (short, headline-like, no sentence end), repetition (an
exact repeat of an earlier line, a block of such repeats), position (furniture after an
end-of-article marker such as 'Related stories', short non-sentences trailing the body) and a
small table of chrome phrases (data/chrome_phrases.csv). Every removal carries its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..knowledge.tables import Table, read_table
from ..model import Document, OffsetMap, Removal, Segment
from .date_candidates import read_header_line
from .lines import (
    BODY_MIN_WORDS,
    Line,
    header_zone,
    is_caption_like,
    is_headline_shaped,
    is_sentence_like,
    is_title_cased,
    normalise_line,
    phrase_table_of,
    split_lines,
    word_count,
)
from .metadata import BYLINE, title_line_index

CONTAINS_MAX_WORDS = 60  # a phrase inside a longer line is a paragraph quoting it, not chrome
START_MAX_WORDS = 15
REPEATED_HEADLINE_MAX_WORDS = 20
RESUME_BODY_WORDS = 25  # after an end marker, a paragraph this long means the article goes on
TRAILING_FURNITURE_MAX_LINES = 3  # more trailing non-sentences than this are a list, not furniture
REPEATED_BODY_MIN = 3  # this many repeated paragraphs in a row are the article printed again
PROSE_MIN_WORDS = 6  # a trailing line this long, in running prose, is a sentence of the article
SIGN_OFF_MAX_LINES = 4  # a name and a few lines of titles under a letter
SIGN_OFF_NAME_MAX_WORDS = 6  # the first line of a sign-off is a name, not a headline
SHORT_LETTER_MIN_WORDS = 6  # a letter's last sentence may be short ("I heartily congratulate you on Nowruz.")
MARKUP = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|<!--|-->|^\s*!--|\{[^{}]*:[^{}]*;[^{}]*\}|\bfunction\s*\(|"
                    r"\b(?:window|document)\.\w+|\bgtag\(|\bvar\s+\w+\s*=")


@dataclass(frozen=True, slots=True)
class CleanResult:
    cleaned: str
    offsets: OffsetMap
    removals: tuple[Removal, ...]


def clean_text(original: str) -> CleanResult:
    """Remove boilerplate from a plain-text article; cleaning only deletes, never rewrites."""
    lines = split_lines(original)
    plan = _Plan(lines, set(header_zone(lines)))
    plan.mark_header_dates()
    plan.mark_phrases_and_shapes()
    plan.mark_after_end_markers()
    plan.mark_repeats()
    plan.mark_trailing_furniture()
    return build_result(original, plan.removal_ranges())


class _Plan:
    """Per-line decisions: a reason for each removed line, a cut for each removed prefix."""

    def __init__(self, lines: list[Line], zone: set[int]) -> None:
        self.lines, self.zone = lines, zone
        self.reason: dict[int, str] = {}
        self.prefix: dict[int, int] = {}  # line index -> original offset where the kept text starts
        self.title = title_line_index(lines)
        self.head = {i for i in zone if not _is_body_sentence(lines[i].text)}  # title, deck, labels
        self.teasers: set[str] = set()  # repeat keys of other stories' headlines
        self.sign_offs: set[int] = set()  # signature lines repeated under the letters of a collection

    def text(self, i: int) -> str:
        """The line's text after any removed prefix."""
        line = self.lines[i]
        return self.lines[i].text[self.prefix.get(i, line.start) - line.start:]

    def open_lines(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if not line.is_blank and i not in self.reason]

    def mark_header_dates(self) -> None:
        for i in sorted(self.zone):
            header = read_header_line(self.lines[i].text)
            if header and header.is_whole:
                self.reason[i] = "date_header"
            elif header:
                self.prefix[i] = self.lines[i].start + header.prefix_end

    def mark_phrases_and_shapes(self) -> None:
        for i in self.open_lines():
            why = classify_line(self.text(i))
            if why and not (why == "credit_line" and i == self.title):
                self.reason[i] = why

    def mark_after_end_markers(self) -> None:
        """Teasers after 'Related stories' go, until a long paragraph shows the article resumes."""
        after_marker = False
        for i, line in enumerate(self.lines):
            if self.reason.get(i) == "article_end":
                after_marker = True
            elif after_marker and not line.is_blank and i not in self.reason:
                text = self.text(i)
                if is_sentence_like(text) and word_count(text) >= RESUME_BODY_WORDS:
                    after_marker = False
                else:
                    self.reason[i] = "after_article_end"

    def mark_repeats(self) -> None:
        """One pass in text order; what is kept so far is indexed, so each line costs its own length
        (a scan of every earlier line per line made cleaning quadratic in the number of lines)."""
        keys = {i: repeat_key(self.text(i)) for i in self.open_lines()}
        counts = Counter(keys.values())
        self.sign_offs = self._repeated_sign_offs(keys)
        self.teasers = self._teaser_keys(keys, counts) - {keys[i] for i in self.sign_offs}
        title_key = keys.get(self.title) if self.title is not None else None
        first: dict[str, int] = {}
        kept = _KeptParagraphs()
        last_kept: int | None = None
        for i, key in keys.items():
            why = self._repeat_reason(i, key, counts[key], first, title_key, last_kept, kept)
            if why:
                self.reason[i] = why
                continue
            last_kept = i
            if key and key not in first:
                first[key] = i
                if i not in self.head:
                    kept.add(key)
        self._relabel_repeated_bodies()

    def _repeat_reason(self, i: int, key: str, count: int, first: dict[str, int], title_key: str | None,
                       last_kept: int | None, kept: "_KeptParagraphs") -> str:
        text = self.text(i)
        if not key or i == self.title or i in self.sign_offs:
            return ""
        if title_key and key == title_key and is_headline_shaped(text):
            return "repeated_title"
        if key in self.teasers:
            return "other_story_headline"
        if count > 1 and is_headline_shaped(text, max_words=REPEATED_HEADLINE_MAX_WORDS) and is_caption_like(text):
            return "caption_repeat" if key in first else ""
        if key in first:
            if first[key] in self.head and is_sentence_like(text):
                return ""  # a body sentence that repeats the headline or deck is the article
            return "caption_repeat" if is_caption_like(text) or last_kept == first[key] else "repeated_paragraph"
        if word_count(text) >= 6 and kept.contains(key):
            return "repeated_paragraph"
        return ""

    def _teaser_keys(self, keys: dict[int, str], counts: Counter[str]) -> set[str]:
        """Headlines of other stories: short headline-shaped lines printed twice in a row, or
        repeated title-cased lines (a recurring subhead or question in sentence case is kept)."""
        teasers = set()
        order = list(keys)  # the open lines in text order: the next one is the next kept line
        for n, i in enumerate(order):
            key = keys[i]
            text = self.text(i)
            if counts[key] < 2 or key == keys.get(self.title) or is_caption_like(text):
                continue
            if not is_headline_shaped(text, max_words=REPEATED_HEADLINE_MAX_WORDS):
                continue
            following = keys[order[n + 1]] if n + 1 < len(order) else None
            if following == key or is_title_cased(text):
                teasers.add(key)
        return teasers

    def _repeated_sign_offs(self, keys: dict[int, str]) -> set[int]:
        """Signature blocks printed under several letters of a collection: the article, not repeats.

        A sign-off is a short name line (and a few title lines) right under a body sentence; the
        same block under two different paragraphs is how a page prints several letters, whereas a
        teaser printed twice follows itself or is a headline-long line.
        """
        closings: dict[tuple[str, ...], set[str]] = {}
        lines_of: dict[tuple[str, ...], list[int]] = {}
        previous: int | None = None  # the kept line before i (keys holds the kept lines in order)
        for i in keys:
            block = self._sign_off_at(i, previous)
            if block and previous is not None:
                signature = tuple(keys.get(j, "") for j in block)
                closings.setdefault(signature, set()).add(keys[previous])
                lines_of.setdefault(signature, []).extend(block)
            previous = i
        return {j for signature, under in closings.items() if len(under) >= 2 for j in lines_of[signature]}

    def _sign_off_at(self, i: int, closing: int | None) -> list[int]:
        """The lines of a sign-off starting at line i under the line `closing`, or []."""
        text = self.text(i)
        # (a body sentence closes a letter even in the header zone: a short collection's first letter sits there)
        in_header = closing is not None and closing in self.zone and not self._closes_letter(closing)
        if closing is None or in_header or is_sentence_like(text) \
                or word_count(text) > SIGN_OFF_NAME_MAX_WORDS or not self._closes_letter(closing):
            return []
        block = [i]
        for j in range(i + 1, min(i + SIGN_OFF_MAX_LINES, len(self.lines))):
            line = self.text(j)
            if self.lines[j].is_blank or j in self.reason or is_sentence_like(line) or line.rstrip().endswith(":") \
                    or word_count(line) > REPEATED_HEADLINE_MAX_WORDS:
                break
            block.append(j)
        return block

    def _closes_letter(self, i: int) -> bool:
        """A body sentence, or a complimentary close such as 'Sincerely yours,'."""
        text = self.text(i)
        short_letter = is_sentence_like(text) and word_count(text) >= SHORT_LETTER_MIN_WORDS
        return short_letter or (text.rstrip().endswith(",") and word_count(text) <= 4)

    def _relabel_repeated_bodies(self) -> None:
        """A run of several repeats with nothing kept in between is the body printed again."""
        repeat_kinds = {"repeated_title", "repeated_paragraph", "caption_repeat"}
        run: list[int] = []
        for i in [*range(len(self.lines)), None]:
            if i is not None and (self.lines[i].is_blank or i in self.reason):
                if self.reason.get(i) in repeat_kinds:
                    run.append(i)
                continue
            if len(run) >= REPEATED_BODY_MIN:
                self.reason.update({j: "repeated_body" for j in run})
            run = []

    def mark_trailing_furniture(self) -> None:
        """A few short non-sentences after the last body sentence are site furniture.

        A longer run (a list of tour dates, products, items) is content, so it is left alone; so
        are prose the capture cut off mid-word, a sentence followed by a credit ('... on July 12,
        1976. News Desk') and the sign-offs of a letter collection.
        """
        found: list[int] = []
        for i in range(len(self.lines) - 1, -1, -1):
            if self.lines[i].is_blank or i in self.reason:
                continue
            text = self.text(i)
            introduces = text.rstrip().endswith(":") and word_count(text) >= 5  # 'He wrote:' + an embed
            if i in self.zone or is_sentence_like(text) or introduces or word_count(text) > START_MAX_WORDS \
                    or i in self.sign_offs or holds_sentence(text) or (not found and is_cut_prose(text)):
                break
            found.append(i)
        if len(found) <= TRAILING_FURNITURE_MAX_LINES:
            self.reason.update({i: "site_furniture" for i in found})

    def removal_ranges(self) -> list[tuple[int, int, str]]:
        ranges = [(self.lines[i].start, cut, "date_header") for i, cut in self.prefix.items()
                  if i not in self.reason or self.reason[i] != "date_header"]
        for i, why in self.reason.items():
            start = self.prefix.get(i, self.lines[i].start) if why != "date_header" else self.lines[i].start
            ranges.append((start, self.lines[i].stop, why))
        ranges += [(self.lines[i].start, self.lines[i].stop, "blank_line") for i in self._spare_blank_lines()]
        return sorted(ranges)

    def _spare_blank_lines(self) -> list[int]:
        """Blank lines in a gap left by removals: keep one between paragraphs, none at the edges."""
        spare: list[int] = []
        gap: list[int] = []
        for i in [*range(len(self.lines)), None]:
            if i is not None and (self.lines[i].is_blank or i in self.reason):
                gap.append(i)
                continue
            blanks = [j for j in gap if j not in self.reason]
            if any(j in self.reason for j in gap) and blanks:
                inside = bool(gap) and gap[0] > 0 and i is not None
                spare += blanks[:-1] if inside else blanks
            gap = []
        return spare


class _KeptParagraphs:
    """Repeat keys of the paragraphs kept so far, indexed by their word n-grams, to answer "is this
    key inside one of them (as whole words)?" without scanning them all: only the paragraphs that
    hold the key's rarest n-gram are compared, and at most MAX_COMPARED of them."""

    GRAM = 4
    MAX_COMPARED = 32

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.postings: dict[str, list[int]] = {}

    @classmethod
    def grams(cls, words: list[str]) -> set[str]:
        return {" ".join(words[k:k + cls.GRAM]) for k in range(max(1, len(words) - cls.GRAM + 1))}

    def add(self, key: str) -> None:
        n = len(self.keys)
        self.keys.append(key)
        for gram in self.grams(key.split(" ")):
            self.postings.setdefault(gram, []).append(n)

    def contains(self, key: str) -> bool:
        lists = [self.postings.get(g, []) for g in self.grams(key.split(" "))]
        rarest = min(lists, key=len, default=[])
        padded = f" {key} "
        return any(padded in f" {self.keys[n]} " for n in rarest[-self.MAX_COMPARED:])


def _is_body_sentence(text: str) -> bool:
    return is_sentence_like(text) and word_count(text) >= BODY_MIN_WORDS


def is_cut_prose(text: str) -> bool:
    """Running prose that stops without a sentence end: a capture cut off mid-sentence or mid-word.

    It opens like a sentence and reads like one (not a title-cased list of tags or names).
    """
    stripped = text.strip().lstrip("\"'“‘")
    return bool(stripped) and stripped[0].isupper() and word_count(stripped) >= PROSE_MIN_WORDS \
        and not is_title_cased(stripped)


def holds_sentence(text: str) -> bool:
    """A line holding a whole sentence of prose followed by a tail, such as a credit."""
    return any(is_cut_prose(text[:end.end()]) and not _ends_abbreviation(text, end.start())
               for end in _INNER_SENTENCE_END.finditer(text))


_INNER_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)\s+(?=[\"'“‘]?[A-Z])")


def _ends_abbreviation(text: str, stop: int) -> bool:
    """'Jr.', 'U.S.', 'Mr.' and initials end a word, not a sentence."""
    word = re.search(r"[\w.]*$", text[:stop + 1]).group()
    return len(word.rstrip(".")) <= 3 and word[:1].isupper() or "." in word.rstrip(".")


def classify_line(text: str) -> str:
    """The reason a single line is boilerplate by its own shape or phrases, or ''."""
    if MARKUP.search(text):
        return "broken_markup"
    norm, words = normalise_line(text), word_count(text)
    for kind, (whole, start, inside) in phrase_matchers().items():
        if kind in ("caption", "date_label"):
            continue
        if (norm in whole or (words <= START_MAX_WORDS and start and start.match(norm))
                or (words <= CONTAINS_MAX_WORDS and inside and inside.search(norm))):
            return {"chrome": "chrome_phrase", "credit": "credit_line"}.get(kind, kind)
    if BYLINE.match(text) and words <= 10 and not is_sentence_like(text):
        return "credit_line"
    return ""


def phrase_matchers() -> dict[str, tuple[frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None]]:
    """Per kind of chrome_phrases.csv: whole-line phrases, a line-start regex, a contains regex."""
    return _phrase_matchers(read_table("chrome_phrases"))


@lru_cache(maxsize=4)
def _phrase_matchers(table: Table) -> dict[str, tuple[frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None]]:
    matchers = {}
    for kind, rows in phrase_table_of(table).items():
        whole = frozenset(p.rstrip(":.!") for p, match in rows if match == "line")
        start = [re.escape(p) for p, match in rows if match == "start"]
        inside = [re.escape(p) for p, match in rows if match == "contains"]
        matchers[kind] = (
            whole,
            re.compile(rf"(?:{'|'.join(start)})(?![^\W_])") if start else None,
            re.compile(rf"(?<![^\W_])(?:{'|'.join(inside)})(?![^\W_])") if inside else None,
        )
    return matchers


def repeat_key(text: str) -> str:
    """Text compared for repeats: case, punctuation and spacing ignored."""
    return " ".join(re.findall(r"[^\W_]+", text.translate(str.maketrans("’‘", "''")).lower()))


def build_result(original: str, ranges: list[tuple[int, int, str]]) -> CleanResult:
    """Cleaned text, offset map and removals from the removed (start, end, reason) ranges."""
    merged: list[list[Any]] = []
    for start, end, why in sorted(r for r in ranges if r[1] > r[0]):
        last = merged[-1] if merged else None
        if last and start <= last[1] and why in ("blank_line", last[2]):
            last[1] = max(last[1], end)
        elif last and start <= last[1] and last[2] == "blank_line":
            last[1], last[2] = max(last[1], end), why  # leading blank lines join the next removal
        elif not last or end > last[1]:
            merged.append([max(start, last[1]) if last else start, end, why])
    removals = tuple(Removal(s, e, why, original[s:e]) for s, e, why in merged if e > s)
    segments, pieces, pos, clean_pos = [], [], 0, 0
    for start, end in [(r.start_char, r.end_char) for r in removals] + [(len(original), len(original))]:
        if start > pos:
            segments.append(Segment(clean_pos, pos, start - pos))
            pieces.append(original[pos:start])
            clean_pos += start - pos
        pos = max(pos, end)
    return CleanResult("".join(pieces), OffsetMap(tuple(segments)), removals)


def cleaning_trace(doc: Document) -> dict[str, Any]:
    """What `missive clean --json` prints: the cleaned text, metadata with provenance, removals."""
    meta = doc.metadata
    return {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "cleaned": doc.cleaned,
        "original_chars": len(doc.original),
        "cleaned_chars": len(doc.cleaned),
        "metadata": {
            "title": meta.title, "url": meta.url, "outlet": meta.outlet, "author": meta.author,
            "language": meta.language, "agencies": list(meta.agencies), "state_media": list(meta.state_media),
            "date_candidates": [
                {"value": c.value.isoformat() if c.has_year else c.value.strftime("--%m-%d"),
                 "source": c.source, "reason": c.reason, "start_char": c.start_char, "has_year": c.has_year}
                for c in meta.date_candidates
            ],
        },
        "removals": [
            {"start_char": r.start_char, "end_char": r.end_char, "reason": r.reason, "text": r.text}
            for r in doc.removals
        ],
    }
