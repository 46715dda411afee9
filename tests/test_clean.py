"""Cleaning real captures: boilerplate and repeats go, the article stays, offsets stay exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.documents.clean import classify_line, clean_text, cleaning_trace
from missive.documents.lines import phrase_table
from missive.model import REMOVAL_REASONS, Document, Metadata

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "missive" / "examples"
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"


def seed(prefix: str) -> str:
    return next(EXAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def assert_maps_back(original: str, cleaned: str, offsets) -> None:
    for i, char in enumerate(cleaned):
        assert original[offsets.to_original(i)] == char, i


def reasons_of(result) -> set[str]:
    return {r.reason for r in result.removals}


def test_a_body_printed_twice_appears_once():
    original = seed("002")
    result = clean_text(original)
    first_paragraph = next(line for line in original.splitlines() if line.startswith("(Reuters) -"))
    assert original.count(first_paragraph) == 2
    assert result.cleaned.count(first_paragraph) == 1
    assert "repeated_body" in reasons_of(result)
    assert result.cleaned.startswith(original.splitlines()[4])  # the article's own title is kept


def test_teaser_headlines_printed_twice_are_all_removed():
    original = seed("000")
    lines = original.splitlines()
    teasers = {line for i, line in enumerate(lines[1:], 1) if line == lines[i - 1]}
    assert len(teasers) == 2
    result = clean_text(original)
    for teaser in teasers:
        assert teaser not in result.cleaned
    assert [r.reason for r in result.removals] == ["other_story_headline"] * 2


def test_a_caption_printed_twice_is_kept_once_and_trailing_furniture_goes():
    original = seed("003")
    caption = next(line for line in original.splitlines() if line.startswith("In this photo"))
    result = clean_text(original)
    assert original.count(caption) == 2 and result.cleaned.count(caption) == 1
    assert result.cleaned.rstrip().endswith("pandemic.")
    assert {"caption_repeat", "credit_line", "comment_prompt", "site_furniture", "article_end",
            "date_header"} <= reasons_of(result)


def test_the_comment_prompt_is_removed():
    result = clean_text(seed("004"))
    assert [r.reason for r in result.removals] == ["comment_prompt"]
    assert result.cleaned.rstrip().endswith("for undisclosed reasons, but last month announced that it had "
                                            "appointed a new top envoy to Cuba.")


@pytest.mark.parametrize(
    ("prefix", "snippet", "reason"),
    [
        ("000", "Will North Korea follow China in ending zero-Covid policy?", "other_story_headline"),
        ("001", "Chinese President Xi Jinping / Korea Times file\n", "caption_repeat"),
        ("002", "Skip to main content", "chrome_phrase"),
        ("002", "Comment this post", "comment_prompt"),
        ("003", "Posted on : 2021-07-12", "date_header"),
        ("003", "By Lee Je-hun", "credit_line"),
        ("003", "Related stories", "article_end"),
        ("004", "COMMENTS", "comment_prompt"),
    ],
)
def test_each_removal_says_why(prefix, snippet, reason):
    removal = next(r for r in clean_text(seed(prefix)).removals if snippet in r.text)
    assert removal.reason == reason


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_articles_map_back_exactly(prefix):
    original = seed(prefix)
    result = clean_text(original)
    assert_maps_back(original, result.cleaned, result.offsets)
    assert len(result.cleaned) + sum(r.end_char - r.start_char for r in result.removals) == len(original)
    assert all(original[r.start_char:r.end_char] == r.text for r in result.removals)
    assert reasons_of(result) <= set(REMOVAL_REASONS)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to main content", "chrome_phrase"),
        ("Share this post", "chrome_phrase"),
        ("ADVERTISEMENT", "chrome_phrase"),
        ("Thumbnail", "chrome_phrase"),
        ("Leave a comment", "comment_prompt"),
        ("Please let us know if you're having issues with commenting.", "comment_prompt"),
        ("Related Stories", "article_end"),
        ("More From Example Wire Service", "article_end"),
        ("Most viewed articles", "article_end"),
        ("By Jane Roe, senior correspondent", "credit_line"),
        ("Copyright 2020 Example Media. All rights reserved.", "credit_line"),
        ("© Example Photo Agency", "credit_line"),
        ("<div class=\"share\">", "broken_markup"),
        ("!-- Analytics tag -->", "broken_markup"),
        ("He declined to comment.", ""),
        ("The Korean Central News Agency reported the letter on Sunday.", ""),
        ("Related talks are expected next month, officials said.", ""),
        ("Visitors came to see <The Palace> on stage.", ""),
        ("“We will share our experience with friends,” he said.", ""),
    ],
)
def test_single_lines_by_shape_and_phrase(line, reason):
    assert classify_line(line) == reason


ARTICLE = ("Leaders Pledge Closer Ties in Exchange of Letters\n\n"
           "The two leaders exchanged letters on Sunday, pledging closer ties between their countries.\n\n"
           "Leaders pledge closer ties in exchange of letters.\n\n"
           "Officials said no visit was planned.\n\n"
           "“We will stand together,” one leader wrote in his letter to the other on the occasion.\n")


def test_title_short_paragraphs_quotes_and_a_body_sentence_repeating_the_headline_are_kept():
    result = clean_text(ARTICLE)
    assert result.cleaned == ARTICLE
    assert result.removals == ()


def test_a_leading_date_prefix_is_cut_and_its_line_kept():
    original = " date 2019-03-04 Officials met in the capital on Monday to discuss trade and security issues.\n"
    result = clean_text(original)
    assert result.cleaned == original[len(" date 2019-03-04 "):]
    assert result.removals[0].reason == "date_header"
    assert_maps_back(original, result.cleaned, result.offsets)


def test_teasers_after_an_end_marker_go_until_the_article_resumes():
    body = "The minister arrived on Tuesday for two days of talks with his counterpart, officials said today."
    resumed = ("The talks covered trade, energy and security, and both sides agreed to meet again next year "
               "in the other capital, according to a statement issued after the meeting ended.")
    original = f"{body}\n\nRelated stories\n\nPresident Visits Flood Zone\n\nMarkets Rally On Rate Cut Hopes\n\n{resumed}\n"
    result = clean_text(original)
    assert result.cleaned == f"{body}\n\n{resumed}\n"
    assert [r.reason for r in result.removals] == ["article_end", "after_article_end"]


def test_the_cleaning_trace_lists_text_metadata_and_removals():
    original = seed("002")
    result = clean_text(original)
    doc = Document("002", original, result.cleaned, result.offsets, Metadata(title="t"), result.removals)
    trace = cleaning_trace(doc)
    json.dumps(trace)
    assert trace["cleaned"] == result.cleaned
    assert trace["metadata"]["title"] == "t"
    assert {r["reason"] for r in trace["removals"]} == reasons_of(result)


BODY = "The two foreign ministers met in the capital on Monday and agreed to expand trade and energy links.\n\n"


@pytest.mark.parametrize(
    "last_line",
    [
        "Later the same day, the president and his visiting counterpart exchanged congratulatory mes",
        "“We hope to meet again,” the minister told reporters after the talks in the old sta",
        "The two countries opened embassies in each other's capitals on March 3, 1991. Foreign News Desk",
        "Both governments signed a fisheries accord on 4 May 2002. State News Agency",
    ],
)
def test_a_last_line_cut_off_or_followed_by_a_credit_is_article_prose(last_line):
    original = BODY + last_line + "\n"
    assert clean_text(original).cleaned == original


@pytest.mark.parametrize(
    "last_line", ["Share on Facebook Twitter", "Trade Diplomacy Energy Foreign Policy Capital Region News",
                  "Senior Editor", "button that opens the gallery"],
)
def test_short_trailing_furniture_still_goes(last_line):
    assert clean_text(BODY + last_line + "\n").cleaned == BODY.rstrip("\n") + "\n"


def test_the_repeated_sign_offs_of_a_letter_collection_are_kept():
    sign_off = "Jan Novak\nPresident of the Federal Republic\n"
    letters = ["I extend warm congratulations to you on your national day and wish your people peace and prosperity.",
               "Please accept my sincere condolences for the victims of the floods that struck your country this week.",
               "I thank you for your kind message and hope that the friendship between our nations grows ever stronger."]
    original = BODY + "".join(f"The letter to the {n} leader read:\n\n{body}\n\n{sign_off}\n"
                              for n, body in zip(("first", "second", "third"), letters))
    result = clean_text(original)
    assert {r.reason for r in result.removals} <= {"blank_line"}
    assert result.cleaned.count(sign_off) == 3


def test_sign_offs_under_short_letters_at_the_top_of_a_collection_are_kept():
    sign_off = "Maia Sandu\nPresident of the Republic of Moldova\n"
    original = ("Published: 2024-03-08 09:00\n\nLetters sent for the holiday\n\n"
                "Her Excellency Ms. Zuzana Caputova\nPresident of the Slovak Republic\nBratislava\n\n"
                f"Please accept my warm greetings on the holiday.\n\n{sign_off}\n"
                "His Excellency Mr. Gitanas Nauseda\nPresident of the Republic of Lithuania\nVilnius\n\n"
                f"I sincerely congratulate you on the holiday.\n\n{sign_off}")
    result = clean_text(original)
    assert result.cleaned.count(sign_off) == 2, [r.reason for r in result.removals]


@pytest.mark.skipif(not DEVSET.exists(), reason="../shared/devset is not present")
def test_no_gold_evidence_is_cleaned_away():
    cleaned: dict[str, str] = {}
    for row in map(json.loads, (DEVSET / "gold.jsonl").read_text(encoding="utf-8").splitlines()):
        doc = row["doc"]
        if doc not in cleaned:
            text = (DEVSET / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
            result = clean_text(text)
            assert_maps_back(text, result.cleaned, result.offsets)
            cleaned[doc] = result.cleaned
        for piece in row["evidence"].split(" … "):
            assert piece in cleaned[doc], (doc, piece)


# ---------------------------------------------------------------- property: deletions only
WORDS = st.sampled_from("the minister said talks on trade and security would continue next week "
                        "in the capital after both sides agreed".split())
CHROME_LINES = [p for p, match in phrase_table()["chrome"] if match == "line"]


@st.composite
def captured_article(draw):
    """Unique body paragraphs with chrome lines, repeated paragraphs or a repeated body injected."""
    count = draw(st.integers(2, 6))
    paragraphs = [f"Para{n}x " + " ".join(draw(st.lists(WORDS, min_size=12, max_size=30))) + "."
                  for n in range(count)]
    pieces = list(paragraphs)
    for _ in range(draw(st.integers(0, 4))):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(CHROME_LINES)).title())
    if draw(st.booleans()):
        pieces += paragraphs  # the whole body printed again
    after_body = max(i for i, piece in enumerate(pieces) if piece == paragraphs[-1]) + 1
    for _ in range(draw(st.integers(0, 3))):
        pieces.insert(draw(st.integers(after_body, len(pieces))), draw(st.sampled_from(paragraphs)))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return separator.join(pieces), paragraphs


@settings(max_examples=150, deadline=None)
@given(captured_article())
def test_every_cleaned_character_maps_back_to_an_identical_original_character(case):
    original, paragraphs = case
    result = clean_text(original)
    assert_maps_back(original, result.cleaned, result.offsets)
    kept = [line for line in result.cleaned.splitlines() if line.strip()]
    assert kept == paragraphs  # each paragraph once, in order; no chrome left

