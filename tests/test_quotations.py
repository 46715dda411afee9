"""Quotations: one pattern for extraction, dating and `missive compare`."""

from __future__ import annotations

from missive.documents.quotations import find_quotations


def test_a_sender_s_words_are_a_passage_and_scare_quotes_are_not():
    text = 'He called the drills "hostile" and wrote: “Our friendship will last for ever.”'
    found = find_quotations(text)
    assert [q.words for q in found] == ["hostile", "Our friendship will last for ever."]
    assert [q.is_passage for q in found] == [False, True]
    assert text[found[1].start_char:found[1].end_char].startswith("“")


def test_a_quotation_runs_over_a_line_break_but_never_over_a_paragraph():
    wrapped = "“We will meet again\nnext spring in the capital,” she wrote."
    assert [q.words for q in find_quotations(wrapped)] == ["We will meet again\nnext spring in the capital,"]
    unclosed = "He said “we will see.\n\nThe talks ended on Monday” and left."
    assert find_quotations(unclosed) == []


def test_quotations_are_found_between_two_offsets():
    text = '"First words of one letter." Then "the second letter\'s words."'
    assert [q.words for q in find_quotations(text, 29)] == ["the second letter's words."]
