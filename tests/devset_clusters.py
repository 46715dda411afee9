"""The devset's cross-text clusters (../shared/devset/clusters.jsonl) and its gold events as reports.

Shared by the consolidation tests: the gold events fed to consolidation measure it apart from
extraction, and the same cluster check reads a real store's timeline (as eval/clusters.py does).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from missive.actors.resolver import ActorResolver
from missive.consolidation.consolidate import Report
from missive.model import Actor, event_from_flat


def load_clusters(devset: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (devset / "clusters.jsonl").read_text(encoding="utf-8").splitlines() if line]


def gold_rows(devset: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (devset / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


def gold_reports(devset: Path) -> list[Report]:
    """Every gold event as one report (id g<line>), with its evidence span found in its text and a
    named state ('North Korea', 'head of state of Vietnam') read as a state, not a person."""
    gazetteer = ActorResolver.default().gazetteer

    def actor(a: Actor | None) -> Actor | None:
        if a is None:
            return None
        is_state = gazetteer.country_of(a.name) or "(" in a.name or a.name[:1].islower()
        return replace(a, kind="state") if is_state else a

    reports = []
    for n, row in enumerate(gold_rows(devset)):
        text = (devset / "docs" / f"{row['doc']}.txt").read_text(encoding="utf-8")
        at = text.find(row["evidence"])
        flat = dict(row, participants=row.get("participants", []),
                    evidence_spans=[[at, at + len(row["evidence"])]] if at >= 0 else [])
        event = event_from_flat(flat)
        reports.append(Report(replace(event, source=actor(event.source), target=actor(event.target)),
                              event_id=f"g{n:03d}"))
    return reports


def cluster_countries(cluster: dict[str, Any]) -> list[str]:
    return sorted({x for r in cluster["reports"] for x in [r.get("source_country"), r.get("target_country"),
                                                          *r.get("participants", [])] if x})


def is_merged(cluster: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    """As eval/clusters.py: one event of the cluster's type and countries (and a message's direction)
    lists every report's document."""
    first = cluster["reports"][0]
    want = {r["doc"] for r in cluster["reports"]}
    countries = set(cluster_countries(cluster))

    def fits(e: dict[str, Any]) -> bool:
        if e.get("type") != first["type"] or not want <= set(e.get("docs") or []):
            return False
        if not countries <= set(e.get("countries") or [e.get("source_country"), e.get("target_country"),
                                                      *(e.get("participants") or [])]):
            return False
        return first["type"] != "message" or (e.get("source_country"), e.get("target_country")) == (
            first.get("source_country"), first.get("target_country"))
    return any(fits(e) for e in events)
