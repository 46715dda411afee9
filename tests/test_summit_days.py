"""How an organisation's summit is told, on hand-built parses (no trained model): which phrase is
the summit itself and which another one, whose summit it is, which of its days a sentence names,
its length, and the span every report of it then shares."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from missive.extraction.cast import Cast
from missive.extraction.drafts import Draft
from missive.extraction.lexicon import load_lexicon
from missive.extraction.summits import (another_summit, frame_organisation, span_summits, summit_told,
                                        _length, _which_day)
from missive.model import Actor, DateWindow
from parses import frame, parse, placed, token

LEX = load_lexicon(Path("/nonexistent"))  # the packaged rows only
G7 = Actor("Group of Seven", "", "organisation")


@pytest.mark.parametrize(("spec", "told"), [
    ("The/DT/det/1 summit/NN/nsubj/2 opened/VBD/ROOT/2", True),
    ("They/PRP/nsubj/1 met/VBD/ROOT/1 at/IN/prep/1 the/DT/det/4 summit/NN/pobj/2", True),
    ("They/PRP/nsubj/1 met/VBD/ROOT/1 on/IN/prep/1 the/DT/det/4 sidelines/NNS/pobj/2 of/IN/prep/4 "
     "the/DT/det/7 summit/NN/pobj/5", True),
    # a modifier, or a noun's topic, is not the gathering
    ("They/PRP/nsubj/1 adopted/VBD/ROOT/1 the/DT/det/4 summit/NN/compound/4 declaration/NN/dobj/1", False),
    ("They/PRP/nsubj/1 discussed/VBD/ROOT/1 plans/NNS/dobj/1 for/IN/prep/2 the/DT/det/5 summit/NN/pobj/3", False),
])
def test_the_summit_itself_is_told_as_an_event(spec: str, told: bool):
    doc = parse(spec)
    assert summit_told(token(doc, "summit"), LEX) is told


@pytest.mark.parametrize(("spec", "other"), [
    ("last/JJ/amod/1 year/NN/poss/4 's/POS/case/1 G20/NNP/compound/4 summit/NN/ROOT/4", True),
    ("the/DT/det/2 previous/JJ/amod/2 summit/NN/ROOT/2", True),
    ("the/DT/det/2 2019/CD/nummod/2 summit/NN/ROOT/2", False),  # may be the one reported: its date decides
    ("this/DT/det/1 year/NN/poss/4 's/POS/case/1 G20/NNP/compound/4 summit/NN/ROOT/4", False),
    ("the/DT/det/2 next/JJ/amod/2 summit/NN/ROOT/2", True),
    ("the/DT/det/3 41st/JJ/amod/3 GCC/NNP/compound/3 summit/NN/ROOT/3", False),
    ("their/PRP$/poss/2 annual/JJ/amod/2 summit/NN/ROOT/2", False),
])
def test_a_summit_set_apart_is_another_one(spec: str, other: bool):
    assert another_summit(token(parse(spec), "summit"), LEX) is other


@pytest.mark.parametrize(("spec", "word", "which"), [
    ("The/DT/det/1 summit/NN/nsubj/2 began/VBD/ROOT/2 on/IN/prep/2 Tuesday/NNP/pobj/3", "summit", "first"),
    ("The/DT/det/1 summit/NN/nsubj/2 closes/VBZ/ROOT/2 on/IN/prep/2 Wednesday/NNP/pobj/3", "summit", "last"),
    ("Leaders/NNS/nsubj/2 are/VBP/aux/2 meeting/VBG/ROOT/2 for/IN/prep/2 the/DT/det/6 first/JJ/amod/6 "
     "day/NN/pobj/3 of/IN/prep/6 their/PRP$/poss/9 summit/NN/pobj/7", "summit", "first"),
    ("During/IN/prep/6 the/DT/det/3 last/JJ/amod/3 day/NN/pobj/0 ,/,/punct/6 leaders/NNS/nsubj/6 "
     "signed/VBD/ROOT/6 it/PRP/dobj/6", "signed", "last"),
    ("The/DT/det/1 summit/NN/nsubj/2 took/VBD/ROOT/2 place/NN/dobj/2", "summit", ""),
])
def test_the_day_of_the_summit_a_sentence_names(spec: str, word: str, which: str):
    doc = parse(spec)
    f = frame(doc, word, "agreement" if word == "signed" else "meeting", "sign" if word == "signed" else "meet",
              pos="verb" if word == "signed" else "noun")
    assert _which_day(f, LEX) == which


@pytest.mark.parametrize(("spec", "days"), [
    ("The/DT/det/3 three-day/JJ/amod/3 annual/JJ/amod/3 summit/NN/nsubj/4 opened/VBD/ROOT/4", 3),
    ("A/DT/det/2 2-day/JJ/amod/2 summit/NN/nsubj/3 opened/VBD/ROOT/3", 2),
    ("The/DT/det/1 summit/NN/nsubj/2 opened/VBD/ROOT/2", 0),
])
def test_the_length_of_a_summit(spec: str, days: int):
    assert _length(frame(parse(spec), "summit", "meeting", "meet"), LEX) == days


def test_a_summit_names_its_organisation_or_is_the_articles_one():
    doc = parse("Scholz/NNP/nsubj/1 hosted/VBD/ROOT/1 the/DT/det/4 G7/NNP/compound/4 summit/NN/dobj/1")
    cast = Cast([placed(doc, "G7", G7)], [0])
    assert frame_organisation(frame(doc, "hosted", "meeting", "host", pos="verb"), cast, 0, LEX) == G7.name
    assert frame_organisation(frame(doc, "summit", "meeting", "meet"), cast, 0, LEX) == G7.name
    bare = parse("The/DT/det/1 summit/NN/nsubj/2 opened/VBD/ROOT/2")
    assert frame_organisation(frame(bare, "summit", "meeting", "meet"), Cast([], [0]), 0, LEX, G7.name) == G7.name
    assert frame_organisation(frame(bare, "summit", "meeting", "meet"), Cast([], [0]), 0, LEX) == ""


def _draft(spec: str, window: DateWindow, own: bool, sentence: int, type_: str = "meeting") -> Draft:
    f = frame(parse(spec), "summit", type_, "meet")
    return Draft(f, type_, "", None, None, window=window, has_own_date=own, sentence=sentence, summit=G7.name)


def _day(d: date) -> DateWindow:
    return DateWindow(d, d, "day", str(d))


def test_every_report_of_a_summit_shares_its_days():
    """"began on Thursday" ... "closes on Saturday" ... an undated mention: one span for all three."""
    began = _draft("The/DT/det/1 summit/NN/nsubj/2 began/VBD/ROOT/2", _day(date(2025, 2, 27)), True, 0)
    closes = _draft("The/DT/det/1 summit/NN/nsubj/2 closed/VBD/ROOT/2", _day(date(2025, 3, 1)), True, 1)
    undated = _draft("The/DT/det/1 summit/NN/nsubj/2 took/VBD/ROOT/2", DateWindow(None, date(2025, 3, 2), "range"),
                     False, 2)
    span_summits([began, closes, undated], LEX)
    assert {(d.window.start, d.window.end) for d in (began, closes, undated)} == {(date(2025, 2, 27), date(2025, 3, 1))}


def test_a_first_day_and_a_length_give_the_span_and_another_years_report_keeps_its_own():
    first = _draft("for/IN/ROOT/0 the/DT/det/3 first/JJ/amod/3 day/NN/pobj/0 of/IN/prep/3 the/DT/det/8 "
                   "three-day/JJ/amod/8 annual/JJ/amod/8 summit/NN/pobj/4", _day(date(2022, 6, 26)), True, 0)
    last_year = _draft("The/DT/det/1 summit/NN/nsubj/2 took/VBD/ROOT/2", DateWindow(date(2021, 1, 1), date(2021, 12, 31),
                                                                                 "year"), True, 1)
    span_summits([first, last_year], LEX)
    assert (first.window.start, first.window.end) == (date(2022, 6, 26), date(2022, 6, 28))
    assert (last_year.window.start, last_year.window.end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_a_day_of_a_summit_of_known_length_gives_the_days_around_it():
    """"a two-day summit" held on Monday, neither its first nor its last day said: Sunday..Tuesday."""
    monday = _draft("The/DT/det/2 two-day/JJ/amod/2 summit/NN/nsubj/3 met/VBD/ROOT/3", _day(date(2012, 6, 18)), True, 0)
    span_summits([monday], LEX)
    assert (monday.window.start, monday.window.end) == (date(2012, 6, 17), date(2012, 6, 19))
