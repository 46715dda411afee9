"""False events on text that holds (almost) no diplomatic interaction, measured in one run.

Two sets from ../shared/peer, read at run time (never copied):
- the 181 general-news article bodies of article-extraction-benchmark (gaming, business, sport...);
- PLOVER's gold records whose event is not diplomatic (ASSAULT, PROTEST, DEMAND, ...: 255 of 323),
  each a one-sentence report, dated by its record.
For each it prints texts, events found, events per 100 texts, and every event with its evidence so
a reader can judge them (a few are real: a news body can mention a call between presidents).

    .venv/bin/python benchmarks/false_events.py
"""

from __future__ import annotations

import json
from pathlib import Path

from missive.extraction.extractor import Extractor
from missive.pipeline import build_document, process
from missive.model import Document

PEER = Path(__file__).resolve().parents[1].parent / "shared" / "peer"
DIPLOMATIC_PLOVER = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "DOCUMENT"}


def zyte_documents() -> list[Document]:
    data = json.loads((PEER / "article-extraction-benchmark" / "ground-truth.json").read_text(encoding="utf-8"))
    return [d for k, v in data.items() if isinstance(d := build_document(k[:12], v["articleBody"]), Document)]


def plover_documents() -> list[Document]:
    records = json.loads((PEER / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") in DIPLOMATIC_PLOVER or not r.get("text"):
            continue
        header = f"DATE: {r['date']}\n\n" if r.get("date") else ""
        doc = build_document(r["id"], header + r["text"])
        if isinstance(doc, Document):
            out.append(doc)
    return out


def report(name: str, docs: list[Document], extractor: Extractor) -> None:
    n = 0
    for doc, explained in process(docs, extractor):
        for e in explained.events:
            n += 1
            who = f"{e.source.country if e.source else ''}->{e.target.country if e.target else ''}"
            print(f"  {doc.doc_id} {e.type} {who} | {e.evidence[0].text[:140]!r}")
    print(f"{name}: {len(docs)} texts, {n} events, {100 * n / max(1, len(docs)):.1f} per 100 texts")


def main() -> None:
    extractor = Extractor()
    report("general news (Zyte bodies)", zyte_documents(), extractor)
    report("PLOVER non-diplomatic records", plover_documents(), extractor)


if __name__ == "__main__":
    main()
