"""Sentences: where an article is cut before parsing, and why a hard-wrapped capture stays whole.

Feeds and e-mail digests wrap running prose at a column's width; a line break there is a space,
so a sentence keeps its subject, its roles and its date. Headlines, datelines, captions, address
blocks and signature lines keep their own breaks.
"""

from __future__ import annotations

import pytest

import missive
from missive.extraction.nlp import split_sentences

WRAPPED = (
    "Ghana and Togo agree to reopen border posts\n"
    "\n"
    "ACCRA, May 14, 2024 (GNA) - Ghanaian President Nana Akufo-Addo spoke by\n"
    "phone with Togolese President Faure Gnassingbe on Monday about the border\n"
    "posts, and the two leaders agreed that their ministers would meet in Lome\n"
    "before the end of the month to settle the remaining customs questions.\n"
)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_hard_wrapped_paragraph_is_one_sentence_and_keeps_its_offsets():
    sentences = split_sentences(WRAPPED)
    assert [s.text[:20] for s in sentences] == ["Ghana and Togo agree", "ACCRA, May 14, 2024 "]
    body = sentences[1]
    assert "spoke by phone with Togolese" in body.text and "\n" not in body.text
    assert len(body.text) == body.end - body.start  # the break became a space: offsets still hold


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The envoy met the minister of\nDefence on Friday.\n",
                 ["The envoy met the minister of Defence on Friday."], id="line-ends-on-a-preposition"),
    pytest.param("The president, who arrived on Monday,\nMet the king.\n",
                 ["The president, who arrived on Monday, Met the king."], id="line-ends-on-a-comma"),
    pytest.param("The talks in the capital went on until\nlate in the evening.\n",
                 ["The talks in the capital went on until late in the evening."], id="next-line-in-lower-case"),
    pytest.param("Leaders sign pact on fisheries\nWINDHOEK, June 3 (NAMPA) - The two presidents signed it.\n",
                 ["Leaders sign pact on fisheries", "WINDHOEK, June 3 (NAMPA) - The two presidents signed it."],
                 id="headline-then-dateline"),
    pytest.param("His Excellency Mr. Rumen Radev\nPresident of the Republic of Bulgaria\nSofia\n",
                 ["His Excellency Mr. Rumen Radev", "President of the Republic of Bulgaria", "Sofia"],
                 id="address-block"),
    pytest.param("Photo: the two ministers in Lusaka\n\nThe ministers met on Friday.\n",
                 ["Photo: the two ministers in Lusaka", "The ministers met on Friday."], id="blank-line"),
    pytest.param("The visit ended on Sunday\n• Trade deals signed\n", ["The visit ended on Sunday", "• Trade deals signed"],
                 id="bullet-line"),
])
def test_line_breaks_end_sentences_unless_the_prose_was_wrapped(text: str, expected: list[str]):
    assert texts(text) == expected


def test_a_break_after_a_line_wider_than_a_column_is_real():
    long_line = "The ministers reviewed the trade figures" + " and the border" * 8  # one line per paragraph
    assert texts(f"{long_line}\nThe talks ended on Friday.\n") == [long_line, "The talks ended on Friday."]


@pytest.mark.model
def test_a_hard_wrapped_capture_gives_its_call_with_roles_and_date(extractor):
    events = [missive.event_to_flat(e) for e in missive.extract(WRAPPED, extractor)]
    calls = [(e["source_country"], e["target_country"], e["date_min"]) for e in events if e["type"] == "call"]
    assert calls == [("GHA", "TGO", "2024-05-13")]


@pytest.mark.parametrize(("text", "closed"), [
    ("Having met the king in Amman on Sunday, Sisi telephoned the emir.", True),
    ("After hosting Museveni at State House, Ruto spoke by phone with Abiy.", True),
    ("      After meeting Orban on Monday, Fiala talked by phone with Tusk.", True),
    ("After the talks, Ruto spoke by phone with Abiy.", False),  # not a participial phrase
    ("Sisi telephoned the emir on Monday, the presidency said.", False),
])
def test_a_fronted_participial_phrase_is_parsed_apart_from_its_main_clause(text: str, closed: bool):
    from missive.extraction.nlp import for_parsing

    parsed = for_parsing(text)
    assert len(parsed) == len(text)
    assert (parsed != text) == closed
    if closed:
        assert parsed[:parsed.index(".")].strip().split()[0] == text.strip().split()[0]
