"""Consolidation cost per new article as one country pair grows from 100 to 1,600 reports, in one run.

Synthetic reports of one pair (no model): a letter every week between the same two leaders, each
told by three outlets as news does (the exact day, "sent on or before" the report day, "last week"),
some naming an occasion. For each pair size N the store is filled and consolidated once (not timed),
then NEW articles are stored one at a time and consolidation is brought up to date after each: the
figures are the seconds of that step per article and the reports it consolidated again (a count
that does not depend on how busy the machine is). New articles arrive at the end of the timeline
(news in time order) and, in the other columns, in the middle (an archive filled in). The last
lines are ratios, largest N over smallest, of reports consolidated again and of seconds; `ratio X`
(seconds, news at the end) is the last. 1.0 means the cost follows the new reports and their
neighbours in time, not the size of the pair: a report "sent on or before" its day may join any
letter of the year before, so a region spans up to a year, and the count grows until the pair
spans that much, then stays.

    .venv/bin/python benchmarks/consolidation_cost.py [--sizes 100,200,400,800,1600] [--new 12]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from missive.model import Actor, DateWindow, Document, Event, Span
from missive.pipeline import build_document
from missive.store.database import Store

XI, KIM = Actor("Xi Jinping", "CHN"), Actor("Kim Jong Un", "PRK")
START = date(2000, 1, 3)
OCCASIONS = ("", "", "New Year", "the {n}th anniversary of the treaty", "")
WORDS = "friendship cooperation socialism neighbours rivers mountains progress people party congress".split()


def article(name: str, rnd: random.Random) -> Document:
    """A short text of its own (distinct words, so no two articles are near-duplicates)."""
    filler = " ".join(rnd.choice(WORDS) + str(rnd.randint(0, 10**6)) for _ in range(30))
    doc = build_document(name, f"Xi Jinping sent a letter to Kim Jong Un. {filler}\n")
    assert isinstance(doc, Document)
    return doc


def reports_of_letter(k: int, rnd: random.Random, prefix: str = "letter") -> list[tuple[Document, Event, date]]:
    """Letter k (week k) as three outlets tell it: (article, its event, its publication day)."""
    day = START + timedelta(days=7 * k)
    occasion = rnd.choice(OCCASIONS).format(n=k % 90 + 10)
    out = []
    for outlet, (lo, hi), published in (("exact", (day, day), day + timedelta(days=1)),
                                         ("bound", (None, day + timedelta(days=2)), day + timedelta(days=2)),
                                         ("week", (day - timedelta(days=3), day + timedelta(days=3)), day + timedelta(days=5))):
        doc = article(f"{prefix}{k:05d}-{outlet}", rnd)
        event = Event(doc_id=doc.doc_id, doc_hash=doc.content_hash, type="message", source=XI, target=KIM,
                      when=DateWindow(lo, hi, "range", outlet), medium="letter", occasion=occasion,
                      evidence=(Span(doc.doc_id, 0, 20, doc.original[:20]),))
        out.append((doc, event, published))
    return out


def save(store: Store, item: tuple[Document, Event, date], consolidate: bool) -> None:
    doc, event, published = item
    store.save_document(doc, [event], report_day=DateWindow(published, published), consolidate=consolidate)


def per_article(store: Store, items: list[tuple[Document, Event, date]]) -> tuple[float, float]:
    """Seconds and reports consolidated again per article, consolidating after each one is stored."""
    spent, touched = 0.0, 0
    for item in items:
        save(store, item, consolidate=False)
        start = time.perf_counter()
        touched += store.reconsolidate()
        spent += time.perf_counter() - start
    return spent / len(items), touched / len(items)


def measure(size: int, n_new: int, where: str, folder: Path) -> tuple[float, float, int]:
    rnd = random.Random(size)
    letters = size // 3
    base = [r for k in range(letters) for r in reports_of_letter(k, rnd)]
    if where == "end":
        new = [r for k in range(letters, letters + n_new // 3 + 1) for r in reports_of_letter(k, rnd)][:n_new]
    else:  # letters of the middle of the timeline, reported again by other outlets (an archive filled in)
        new = [r for k in range(n_new) for r in reports_of_letter(letters // 2 + k, rnd, "archive")][:n_new]
    with Store.open(folder / f"pair-{size}-{where}.duckdb") as store:
        for item in base:
            save(store, item, consolidate=False)
        store.rebuild_consolidation()
        seconds, touched = per_article(store, new)
        n_events = len(store.consolidated())
    return seconds, touched, n_events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,200,400,800,1600")
    parser.add_argument("--new", type=int, default=12, help="new articles stored (and timed) per size")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print("per new article: seconds, and reports consolidated again (news at the end / an archive in the middle)")
    print(f"{'reports in pair':>15} {'events':>7} {'s (news)':>9} {'reports (news)':>15} {'s (archive)':>12}"
          f" {'reports (archive)':>18}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            end, end_touched, n_events = measure(size, args.new, "end", Path(tmp))
            middle, middle_touched, _ = measure(size, args.new, "middle", Path(tmp))
            rows.append((size, end, middle, end_touched, middle_touched))
            print(f"{size:>15} {n_events:>7} {end:>9.3f} {end_touched:>15.0f} {middle:>12.3f} {middle_touched:>18.0f}")
    print(f"ratio_reports {rows[-1][3] / rows[1 if len(rows) > 1 else 0][3]:.2f}"
          f" (news; from the second size, once the pair spans a year)")
    print(f"ratio_reports_archive {rows[-1][4] / rows[0][4]:.2f}")
    print(f"ratio_archive {rows[-1][2] / rows[0][2]:.2f}")
    print(f"ratio {rows[-1][1] / rows[0][1]:.2f}")


if __name__ == "__main__":
    main()
