"""The devset's 24 cross-text interactions, consolidated from their GOLD events (extraction apart).

Each cluster of ../shared/devset/clusters.jsonl must become one event holding all its reports; no
event may join gold events that are not one listed interaction (two gold events are two acts); and
the result is the same in any order of ingest.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from devset_clusters import gold_reports, is_merged, load_clusters

from missive.consolidation.consolidate import consolidate_events, consolidated_to_flat


@pytest.fixture(scope="module")
def reports(devset: Path) -> list:
    return gold_reports(devset)


@pytest.fixture(scope="module")
def events(reports) -> list[dict]:
    return [consolidated_to_flat(c) for c in consolidate_events(reports)]


def test_every_cluster_of_gold_reports_is_one_event(devset: Path, events):
    apart = [c["cluster"] for c in load_clusters(devset) if not is_merged(c, events)]
    assert apart == []


def test_no_event_joins_gold_events_that_are_not_one_interaction(devset: Path, reports, events):
    listed = {}
    for c in load_clusters(devset):
        for r in c["reports"]:
            listed[(r["doc"], r["type"], r["source_country"], r["target_country"], r["evidence"])] = c["cluster"]
    gold = {r.id: r.event for r in reports}
    wrong = []
    for e in events:
        names = {listed.get((g.doc_id, g.type, g.source.country if g.source else "",
                             g.target.country if g.target else "", g.evidence[0].text if g.evidence else ""))
                 for g in (gold[r["event_id"]] for r in e["reports"])}
        if len(e["reports"]) > 1 and (len(names) > 1 or None in names):
            wrong.append((e["type"], e["countries"], e["docs"]))
    assert wrong == []


def test_the_other_call_of_the_same_occasion_stays_apart(events):
    """d017 reports another leader's congratulatory call on the same election: a different call."""
    assert not [e for e in events if "d017" in e["docs"] and {"d015", "d016"} & set(e["docs"])]


def test_every_merge_says_which_evidence_decided_it(events):
    linked = [r for e in events if len(e["reports"]) > 1 for r in e["reports"]]
    assert linked and all(r["linked_by"] for r in linked)
    assert {r["linked_by"] for r in linked} >= {"seed", "dates", "occasion"}


@pytest.mark.parametrize("seed", range(6))
def test_the_same_events_in_any_ingest_order(reports, events, seed: int):
    shuffled = list(reports)
    random.Random(seed).shuffle(shuffled)
    assert [consolidated_to_flat(c) for c in consolidate_events(shuffled)] == events
