"""Value accuracy of Missive's date resolver on TempEval-3 Platinum DATE timexes.

Usage: python benchmarks/timex_eval.py [--corpus ../shared/peer/te3-platinum/tml] [--misses N]

For every TIMEX3 of type DATE in the TimeML files (the corpus is read where it lies, never
copied), the gold text is resolved with ``resolve_expression`` against the document creation
time as "now", and the window compared with the gold value read as an interval (2013-03-22 is
a day, 2013-03 a month, 2013-W11 a week, 2013-Q1 a quarter, PRESENT_REF the creation day). A
second, end-to-end figure runs ``find_expressions`` over the plain text: a gold DATE counts as
found if a predicted span overlaps it (TempEval's relaxed match), and value-correct if that
span's window equals the gold interval.

The published reference is HeidelTime's TempEval-3 Task A value F1, 77.61 (HeidelTime-t,
UzZaman et al., SemEval-2013): end to end, official scorer, over all TIMEX3 types; ours is over
DATE only, the type the event record needs.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from missive.model import DateWindow
from missive.temporal.calendar_spans import month_span, week_span
from missive.temporal.expressions import find_expressions, resolve_expression

HEIDELTIME_TE3_VALUE_F1 = 77.61
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "peer" / "te3-platinum" / "tml"
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
Interval = tuple[date | None, date | None]


@dataclass
class Timex:
    text: str
    value: str
    type: str
    start: int
    end: int
    mod: str = ""


def read_tml(path: Path) -> tuple[date, str, list[Timex]]:
    """The creation date, the plain text of <TEXT> and its TIMEX3 elements with offsets."""
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    dct = date.fromisoformat(root.find("DCT/TIMEX3").get("value")[:10])
    parts: list[str] = []
    timexes: list[Timex] = []

    def walk(node: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if node.tag == "TIMEX3":
            inner = "".join(node.itertext())
            timexes.append(Timex(inner, node.get("value", ""), node.get("type", ""), start, start + len(inner),
                                 node.get("mod", "")))

    walk(root.find("TEXT"))
    return dct, "".join(parts), timexes


def gold_interval(value: str, dct: date) -> Interval | None:
    """A TIMEX3 value as the days it covers; None for values with no fixed days (XXXX, PAST_REF)."""
    v = re.sub(r"T(?:\d.*|MO|AF|EV|NI|DT)$", "", value)
    if v == "PRESENT_REF":
        return dct, dct
    patterns = [
        (r"(\d{4})-(\d\d)-(\d\d)$", lambda y, m, d: (date(y, m, d), date(y, m, d))),
        (r"(\d{4})-(\d\d)$", lambda y, m: month_span(y, m)),
        (r"(\d{4})-W(\d\d)(-WE)?$", lambda y, w, we=None: _week(y, w, bool(we))),
        (r"(\d{4})-Q([1-4])$", lambda y, q: (month_span(y, 3 * q - 2)[0], month_span(y, 3 * q)[1])),
        (r"(\d{4})-H([12])$", lambda y, h: (month_span(y, 6 * h - 5)[0], month_span(y, 6 * h)[1])),
        (r"(\d{4})-(SP|SU|FA|WI)$", lambda y, s: _season(y, s)),
        (r"(\d{4})$", lambda y: (date(y, 1, 1), date(y, 12, 31))),
        (r"(\d{3})$", lambda d: (date(d * 10, 1, 1), date(d * 10 + 9, 12, 31))),
    ]
    for pattern, make in patterns:
        m = re.match(pattern, v)
        if m:
            args = [int(g) if g and g.isdigit() else g for g in m.groups()]
            return make(*[a for a in args if a is not None])
    return None


def _week(year: int, week: int, weekend: bool) -> Interval:
    monday = date.fromisocalendar(year, week, 1)
    return (monday + timedelta(days=5), monday + timedelta(days=6)) if weekend else week_span(monday)


def _season(year: int, season: str) -> Interval:
    first = _SEASON_MONTHS[season]
    end_year, end_month = (year + 1, 2) if first == 12 else (year, first + 2)
    return date(year, first, 1), month_span(end_year, end_month)[1]


def is_correct(window: DateWindow | None, gold: Interval | None, mod: str = "") -> bool:
    """Equal intervals; with a START/MID/END mod ("early December") a part of the gold one is right."""
    if gold is None:  # no fixed days in the gold value: right only if we fix none either
        return window is None or window.start is None or window.end is None
    if window is None or window.start is None or window.end is None:
        return False
    if mod in ("START", "MID", "END", "EARLY", "LATE"):
        return gold[0] <= window.start <= window.end <= gold[1]
    return (window.start, window.end) == gold


def evaluate(corpus: Path, show: int) -> dict[str, float]:
    gold_n = right = found = found_right = predicted = 0
    misses: list[str] = []
    for path in sorted(corpus.glob("*.tml")):
        dct, text, timexes = read_tml(path)
        now = DateWindow(dct, dct, "day", f"document creation time {dct}")
        dates = [t for t in timexes if t.type == "DATE"]
        others = [t for t in timexes if t.type != "DATE"]
        for t in dates:
            window = resolve_expression(t.text, now)
            ok = is_correct(window, gold_interval(t.value, dct), t.mod)
            gold_n, right = gold_n + 1, right + ok
            if not ok and len(misses) < show:
                misses.append(f"{path.stem}: {t.text!r} gold {t.value} got {window.iso() if window else None}")
        for e in find_expressions(text):
            if any(e.start < o.end and o.start < e.end for o in others):
                continue  # a TIME/DURATION/SET in the gold: outside this DATE-only measure
            predicted += 1
            hit = next((t for t in dates if e.start < t.end and t.start < e.end), None)
            if hit is not None:
                found += 1
                found_right += is_correct(resolve_expression(e.text, now), gold_interval(hit.value, dct), hit.mod)
    print("\n".join(misses))
    precision = found_right / predicted if predicted else 0.0
    recall = found_right / gold_n if gold_n else 0.0
    return {"gold DATE timexes": gold_n, "value accuracy on gold spans": right / gold_n,
            "spans found (relaxed recall)": found / gold_n, "end-to-end value precision": precision,
            "end-to-end value recall": recall,
            "end-to-end value F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--misses", type=int, default=0, help="print up to N wrong values")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no TimeML corpus at {args.corpus}; nothing measured")
        return 0
    scores = evaluate(args.corpus, args.misses)
    for name, value in scores.items():
        print(f"{name:32} {value:.3f}" if isinstance(value, float) else f"{name:32} {value}")
    print(f"{'HeidelTime TE3 value F1 (pub.)':32} {HEIDELTIME_TE3_VALUE_F1 / 100:.3f}  (all TIMEX3 types, end to end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
