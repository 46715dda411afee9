"""Roles read across clauses and sentences, on short articles of our own, through the model.

Each row is an article and every event a careful reader records (event_spec notation, compared
as the devset scorer compares). The constructions: parties borrowed from context only where they
belong, interactions told as earlier ones kept apart, "the first X since T", and whatever else
assembly reads beyond one clause. tests/test_assembly.py holds the same rules on hand-built parses.
"""

from __future__ import annotations

import pytest

import missive
from event_spec import compare

pytestmark = pytest.mark.model

STORIES = [
    pytest.param(
        "WINDHOEK, March 8, 2022 (NAMPA) - President Hage Geingob spoke by phone with Botswana's President "
        "Mokgweetsi Masisi on Monday about the drought. Following Masisi's re-election as party chairman last "
        "month, Geingob had also sent a congratulatory message.",
        ("call NAM-BWA 2022-03-07", "message NAM>BWA ..2022-03-08"), id="message-counterpart-from-the-articles-call"),
    pytest.param(
        "ACCRA, June 4, 2023 (GNA) - President Nana Akufo-Addo spoke by phone with Ivorian President Alassane "
        "Ouattara on Saturday. On Sunday he congratulated the Black Stars on their victory over Madagascar.",
        ("call GHA-CIV 2023-06-03",), id="domestic-addressee-borrows-nobody"),
    pytest.param(
        "LIMA, Aug. 2, 2023 (Andina) - President Dina Boluarte's letter was read out in Congress on Tuesday "
        "while Colombian President Gustavo Petro was touring Brazil.",
        (), id="no-recipient-from-another-clause"),
    pytest.param(
        "DJIBOUTI, Oct. 4, 2022 (ADI) - Djibouti restored diplomatic relations with Eritrea on Monday, three "
        "years after severing ties over the border clashes.",
        ("relations DJI-ERI 2022-10-03", "relations DJI-ERI ..2022-10-03"), id="severance-counterpart-from-governing-clause"),
    pytest.param(
        "KATHMANDU, May 9, 2024 (RSS) - Prime Minister Pushpa Kamal Dahal met Bangladeshi Prime Minister Sheikh "
        "Hasina in Dhaka on Wednesday. The transit treaty, signed in 1976, was reviewed for the first time.",
        ("meeting NPL-BGD 2024-05-08", "agreement NPL-BGD 1976"), id="signing-without-parties-is-the-pairs"),
    pytest.param(
        "OTTAWA, Nov. 3, 2023 (CP) - Prime Minister Justin Trudeau wrote to Irish Taoiseach Leo Varadkar on "
        "Thursday. The two leaders had already exchanged messages on St. Patrick's Day.",
        ("message CAN>IRL 2023-11-02", "message CAN>IRL ..2023-11-03", "message IRL>CAN ..2023-11-03"),
        id="an-earlier-exchange-stays-apart-from-the-news"),
    pytest.param(
        "MANILA, Feb. 9, 2023 (PNA) - Philippine President Ferdinand Marcos Jr. met Japanese Prime Minister "
        "Fumio Kishida in Tokyo on Thursday, their first meeting since November 2022.",
        ("meeting PHL-JPN 2023-02-09", "meeting PHL-JPN 2022-11"), id="first-meeting-since-a-month"),
]


@pytest.mark.parametrize(("text", "expected"), STORIES)
def test_roles_read_in_context(text: str, expected: tuple[str, ...], extractor):
    events = [missive.event_to_flat(e) for e in missive.extract(text + "\n", extractor)]
    verdict = compare(expected, events, ())
    assert verdict.ok, f"missing: {list(verdict.missing)}; unexpected: {list(verdict.extra)}"
