"""Confidence: the probability that an event is right, from its evidence, by fitted weights.

A user reads 0.9 as "right nine times in ten": the weights come from the labelled devset
(scripts/fit_confidence.py), each event records the evidence they weigh as closed-set features,
and a better-supported event (a sender named in full, a day of its own, parties named by the
sentence's own syntax) must come out surer than a guessed one (a party borrowed from the article's
main pair, no date at all).
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import missive
from missive.extraction.confidence import ConfidenceModel, window_basis
from missive.knowledge.schema import EVIDENCE_FEATURES, INTERCEPT, DateBasis
from missive.knowledge.tables import PACKAGE_DATA, read_table
from missive.model import DateWindow

ROOT = Path(__file__).resolve().parents[1]
FIT_SCRIPT = ROOT / "scripts" / "fit_confidence.py"


def _model_features() -> dict[str, int]:
    """MODEL_FEATURES of the fit script, read without importing it (it needs scikit-learn)."""
    for node in ast.parse(FIT_SCRIPT.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "MODEL_FEATURES":
            return ast.literal_eval(node.value)
    raise AssertionError("MODEL_FEATURES not found in scripts/fit_confidence.py")


def test_the_shipped_weights_name_only_known_evidence_features_and_an_intercept():
    rows = read_table("confidence", PACKAGE_DATA).rows
    features = [row["feature"] for row in rows]
    assert features.count(INTERCEPT) == 1 and len(features) == len(set(features))
    assert set(features) - {INTERCEPT} <= set(EVIDENCE_FEATURES)
    assert len(features) > 3  # a model, not a constant


def test_the_fit_weighs_only_known_features_each_with_a_direction():
    features = _model_features()
    assert set(features) <= set(EVIDENCE_FEATURES) and set(features.values()) <= {-1, 1}
    shipped = ConfidenceModel.load(PACKAGE_DATA).weights
    assert set(shipped) <= set(features)
    assert all(weight * features[name] > 0 for name, weight in shipped.items())  # no weight turned round


def test_the_runtime_reads_its_weights_from_the_data_file_and_a_user_row_replaces_one(tmp_path: Path):
    packaged = {row["feature"]: float(row["weight"]) for row in read_table("confidence", PACKAGE_DATA).rows}
    model = ConfidenceModel.load(PACKAGE_DATA)
    assert model.intercept == packaged.pop(INTERCEPT) and model.weights == packaged
    (tmp_path / "confidence.csv").write_text("feature,weight\nlead,-3.5\n", encoding="utf-8")
    mine = ConfidenceModel.load(tmp_path)
    assert mine.weights["lead"] == -3.5 and mine.intercept == model.intercept
    assert mine.score(["lead"]).confidence < model.score(["lead"]).confidence


@pytest.mark.parametrize("weights, features, expected", [
    ({}, ["lead"], 0.5),
    ({"lead": 1.0}, ["lead"], 0.731),
    ({"lead": 1.0}, ["lead", "lead", "type.call"], 0.731),  # a feature counts once; unweighted ones add nothing
    ({"lead": 100.0}, ["lead"], 0.999),  # never certain
    ({"lead": -100.0}, ["lead"], 0.001),  # never impossible
])
def test_confidence_is_the_sigmoid_of_the_weights_present_and_stays_inside_zero_and_one(weights, features, expected):
    assert ConfidenceModel(0.0, weights).score(features).confidence == pytest.approx(expected, abs=1e-3)


def test_an_event_names_the_three_features_that_moved_it_most():
    model = ConfidenceModel(1.0, {"lead": 0.5, "agent.main_pair": -2.0, "date.day": 0.8, "quotes": 0.1})
    scored = model.score(["quotes", "lead", "date.day", "agent.main_pair", "type.call"])
    assert [f for f, _ in scored.drivers] == ["agent.main_pair", "date.day", "lead"]
    assert scored.explain() == "confidence 0.60: -2.00 agent.main_pair, +0.80 date.day, +0.50 lead"


DAY = DateWindow(date(2025, 3, 3), date(2025, 3, 3), "day")
BY_REPORT = DateWindow(None, date(2025, 3, 5), "range")
FROM_DAY = DateWindow(date(2025, 3, 1), date(2025, 3, 5), "range")


@pytest.mark.parametrize("window, own, expressions, anniversary, occasion, basis", [
    (DAY, True, ["21 June 2019"], False, False, DateBasis.EXPRESSION),
    (DAY, True, ["on Monday"], False, False, DateBasis.RELATIVE),
    (DAY, True, ["21 June 2019", "Monday"], False, False, DateBasis.RELATIVE),
    (DAY, True, [], False, False, DateBasis.STATEMENT),
    (BY_REPORT, False, [], True, False, DateBasis.REPORT_DAY),
    (FROM_DAY, False, [], True, False, DateBasis.ANNIVERSARY),
    (FROM_DAY, False, [], False, True, DateBasis.OCCASION),
    (FROM_DAY, False, [], False, False, DateBasis.BOUND),
])
def test_the_window_basis_says_why_a_frame_got_its_window(window, own, expressions, anniversary, occasion, basis):
    assert window_basis(window, own, expressions, anniversary, occasion) == basis


# -- stories: real sentences in, events out --------------------------------------------------------

DIRECT = ("SEOUL, March 5, 2025 (Yonhap) -- Chinese President Xi Jinping sent a letter to North Korean leader "
          "Kim Jong Un on Monday, state media reported.")
BORROWED = ("Chinese President Xi Jinping sent a letter to North Korean leader Kim Jong Un, state media reported. "
            "In return, a message of thanks was sent to Xi.")


@pytest.mark.model
def test_a_full_name_sender_on_a_dated_day_by_a_direct_pattern_is_surer_than_a_borrowed_party_in_an_open_window(
        extractor):
    [direct] = missive.extract(DIRECT, extractor)
    borrowed = next(e for e in missive.extract(BORROWED, extractor) if e.source.country == "PRK")
    assert {"actor.full_name", "parties.direct", "date.day", "report_day.dateline"} <= set(direct.features)
    assert {"agent.main_pair", "party.borrowed", "date.open"} <= set(borrowed.features)
    assert "parties.direct" not in borrowed.features
    assert 0 < borrowed.confidence < direct.confidence < 1


REPORTED = ("SEOUL, March 5, 2025 (Yonhap) -- North Korea's state media said on Wednesday that leader Kim Jong Un "
            "sent a letter to Russian President Vladimir Putin on Monday.")
WEAKER = {  # no report day, no day of its own, the recipient a pronoun
    "Russian President Vladimir Putin won another term last month. North Korean leader Kim Jong Un congratulated "
    "him on his re-election.": {"frame.congratulate", "party.pronoun", "recipient.object", "date.report_day"},
    "Officials in Moscow say Putin is pleased. Kim Jong Un's message to him was read out at a meeting of officials.":
        {"agent.possessive", "party.pronoun", "date.report_day"},
}


@pytest.mark.model
@pytest.mark.parametrize("text", list(WEAKER))
def test_a_dated_letter_in_reported_speech_is_surer_than_an_undated_message_to_a_pronoun(extractor, text: str):
    [reported] = missive.extract(REPORTED, extractor)
    [weak] = [e for e in missive.extract(text, extractor) if e.type == "message"]
    assert {"clause.complement", "date.day", "parties.direct"} <= set(reported.features)
    assert WEAKER[text] <= set(weak.features) and "date.day" not in weak.features
    assert (weak.source.name, weak.target.name) == (reported.source.name, reported.target.name)
    assert 0 < weak.confidence < reported.confidence < 1


@pytest.mark.model
def test_an_events_confidence_is_the_packaged_models_score_of_its_own_features(extractor):
    [event] = missive.extract(REPORTED, extractor)
    assert event.confidence == pytest.approx(ConfidenceModel.load(PACKAGE_DATA).score(event.features).confidence)


@pytest.mark.parametrize("text, present, absent", [
    ("North Korean leader Kim Jong Un returned from Beijing. He sent a letter to Chinese President Xi Jinping, "
     "KCNA said.", {"party.pronoun", "agent.subject", "recipient.to_phrase", "clause.complement"}, {"parties.direct"}),
    ("Russian President Vladimir Putin arrived in Ankara, where Turkish President Recep Tayyip Erdogan greeted him. "
     "The two leaders held talks.", {"party.group", "frame.meet", "type.meeting"}, {"parties.direct"}),
    ("Presidents Joao Lourenco of Angola, Felix Tshisekedi of Congo and Hakainde Hichilema of Zambia met in Luanda "
     "on Friday.", {"party.list", "multilateral", "parties.direct"}, set()),
    ("March 5, 2025\nThe South Korean president sent a message to the Japanese prime minister on Monday.",
     {"actor.title", "date.day", "date.relative", "report_day.header"}, {"actor.full_name"}),
    ("Putin called Erdogan to discuss grain exports.", {"actor.short_form", "frame.call", "date.report_day"}, set()),
    ("The text of Xi Jinping's letter to Kim Jong Un was published by state media.",
     {"clause.oblique", "agent.possessive"}, {"clause.main"}),
    ("KCNA said Kim Jong Un sent a letter to Xi Jinping on 21 June 2019.", {"date.expression", "date.day"}, set()),
    ("Kim Jong Un, who sent a letter to Xi Jinping, has not spoken since.", {"clause.relative"}, set()),
])
@pytest.mark.model
def test_each_event_records_how_its_evidence_was_found(extractor, text: str, present: set[str], absent: set[str]):
    [event] = missive.extract(text, extractor)
    assert present <= set(event.features) and not absent & set(event.features)
    assert set(event.features) <= set(EVIDENCE_FEATURES)


@pytest.mark.model
def test_confidence_varies_between_events_and_stays_inside_zero_and_one(extractor, examples: Path):
    events = [e for article in sorted(examples.glob("*.txt")) for e in missive.extract(article, extractor)]
    values = {round(e.confidence, 3) for e in events}
    assert len(values) > 2 and all(0 < v < 1 for v in values)
    for e in events:  # the last reason names what moved it: evidence the event has
        head, moved = e.reasons[-1].split(": ", 1)
        assert head == f"confidence {e.confidence:.2f}"
        assert moved == "no weighed feature" or {part.split(" ")[1] for part in moved.split(", ")} <= set(e.features)
