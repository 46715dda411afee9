"""Fuzzing: cleaning, metadata, the date resolver and the extractor on random text and on
mutations of the bundled articles never crash and never hang (hypothesis' deadline is the
hang alarm), and cleaning keeps its promise that every cleaned character maps back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from missive.documents.clean import clean_text
from missive.documents.metadata import extract_metadata
from missive.pipeline import build_document
from missive.temporal.expressions import find_expressions, resolve_expression
from missive.temporal.reference_date import infer_reference_date
from missive.model import DateWindow, Document, Skip

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "src" / "missive" / "examples").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in EXAMPLES]
FAST = settings(max_examples=60, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
# Characters that break naive text code: controls, NUL, separators, bidi marks, surrogate-free astral.
ODD = st.sampled_from(["\x00", "\x0b", "\x0c", "\x1b", "\u2028", "\u2029", "\u200f", "\u202e", "\ufeff", "\r",
                       "\r\n", "\t", "😀", "\u0301", "..", "—", "“", "’", "(", ")", "\n\n", "Jan.", "2024-", "31 "])
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=2000)


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """A bundled article with pieces deleted, repeated, swapped, or odd characters put in."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 400)))
        op = draw(st.sampled_from(["delete", "repeat", "insert", "odd", "lines"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "repeat":
            text = text[:b] + text[a:b] * draw(st.integers(1, 5)) + text[b:]
        elif op == "insert":
            text = text[:a] + draw(ANY_TEXT) + text[a:]
        elif op == "odd":
            text = text[:a] + draw(ODD) * draw(st.integers(1, 20)) + text[a:]
        else:
            lines = text.splitlines(keepends=True)
            text = "".join(draw(st.permutations(lines))) if len(lines) < 40 else text
    return text


def _maps_back(original: str) -> None:
    result = clean_text(original)
    for seg in result.offsets.segments:
        assert original[seg.orig_start:seg.orig_start + seg.length] == \
            result.cleaned[seg.clean_start:seg.clean_start + seg.length]
    assert sum(seg.length for seg in result.offsets.segments) == len(result.cleaned)


@FAST
@given(ANY_TEXT)
@example("\n" * 500)
@example("Related stories\n" + "A short teaser line\n" * 50)
@example("x " * 3000)
def test_cleaning_random_text_maps_every_character_back(text: str):
    _maps_back(text)


@FAST
@given(mutated_article())
def test_cleaning_mutated_articles_maps_every_character_back(text: str):
    _maps_back(text)


@FAST
@given(st.one_of(ANY_TEXT, mutated_article()), st.text(max_size=200))
@example("Posted on : 2021-07-12 17:50 KST " * 200, "")
@example("Updated: " + "2024-01-01 " * 300, "https://x/2024/01/02/a")
def test_metadata_never_fails(text: str, url: str):
    meta = extract_metadata(text, clean_text(text).cleaned, url=url, path="x/2024-01-02-a.txt")
    assert isinstance(meta.title, str) and meta.language


NOW = DateWindow(date(2024, 3, 14), date(2024, 3, 14), "day", "test")


@FAST
@given(st.one_of(ANY_TEXT, mutated_article()),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
@example("on February 29", date(2023, 3, 1))
@example("for the first time since 2017", date(2000, 1, 1))  # found by this test: an inverted window
@example("the 9999th anniversary of the founding, last Monday, 31 February 2024", date(2024, 3, 1))
def test_the_date_resolver_answers_every_expression(text: str, day: date):
    now = DateWindow(day, day, "day", "test")
    for expression in find_expressions(text)[:50]:
        window = resolve_expression(expression.text, now)
        assert window is None or window.start is None or window.end is None or window.start <= window.end


@FAST
@given(mutated_article())
def test_the_reference_date_of_mutated_articles(text: str):
    doc = build_document("fuzz", text)
    if isinstance(doc, Document):
        window = infer_reference_date(doc).window
        assert window.start is None or window.end is None or window.start <= window.end


@pytest.mark.model
@settings(max_examples=25, deadline=timedelta(seconds=30), suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated_article(), ANY_TEXT))
def test_the_extractor_survives_mutated_articles(extractor, text: str):
    from missive.pipeline import process

    doc = build_document("fuzz", text)
    for result in process([doc], extractor):
        if isinstance(result, Skip):
            assert result.reason in ("empty", "no_text", "not_english")  # never "failed"
        else:
            for event in result[1].events:
                for span in event.evidence:
                    assert 0 <= span.start_char <= span.end_char <= len(text)
