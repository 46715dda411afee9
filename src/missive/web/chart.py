"""Events per year or month, stacked by type, drawn server-side as SVG (no script, no CDN).

Every period between the first and the last is drawn, empty ones included: a silence between
two states is information an analyst should see, not a gap the axis hides. The SVG scales to
its container (viewBox), so a phone shows the same chart, smaller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import EVENT_TYPES

PLOT_HEIGHT = 150
MARGIN_LEFT, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_RIGHT = 34, 30, 34, 8
MAX_BAR, MIN_STEP = 26, 7


@dataclass(frozen=True, slots=True)
class Period:
    """One bar: a year ('2023') or a month ('2023-10') and its events by type."""

    label: str
    counts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def _next(label: str) -> str:
    if len(label) == 4:
        return str(int(label) + 1)
    year, month = int(label[:4]), int(label[5:7])
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def fill_periods(counts: Sequence[Sequence]) -> list[Period]:
    """Every period from the first to the last of (period, type, count) rows, zero where nothing happened."""
    if not counts:
        return []
    known: dict[str, dict[str, int]] = {}
    for label, type_, n in counts:
        known.setdefault(str(label), {})[type_] = known.get(str(label), {}).get(type_, 0) + int(n)
    labels, label = [], min(known)
    while label <= max(known):
        labels.append(label)
        label = _next(label)
    return [Period(p, tuple((t, known.get(p, {}).get(t, 0)) for t in EVENT_TYPES if known.get(p, {}).get(t)))
            for p in labels]


def _tick(label: str, i: int, n: int) -> bool:
    """Which periods get a label under the axis: every year when few; January (or every few years) when many."""
    if len(label) == 7:
        return label.endswith("-01") or i == 0 or n <= 12
    return n <= 16 or int(label) % (5 if n > 40 else 2) == 0 or i == 0


def _bar(x: float, width: float, period: Period, top: int) -> list[str]:
    parts, base = [], MARGIN_TOP + PLOT_HEIGHT
    for type_, n in period.counts:
        height = PLOT_HEIGHT * n / top
        base -= height
        parts.append(f'<rect class="t-{type_}" x="{x:.1f}" y="{base:.1f}" width="{width:.1f}" height="{height:.1f}">'
                     f"<title>{escape(period.label)}: {n} {escape(type_)}{'s' if n != 1 else ''}</title></rect>")
    if period.total:
        parts.append(f'<text class="count" x="{x + width / 2:.1f}" y="{base - 3:.1f}">{period.total}</text>')
    return parts


def _legend_width(type_: str) -> int:
    return 24 + 7 * len(type_)


def _legend(types: list[str]) -> list[str]:
    parts, x = [], MARGIN_LEFT
    for type_ in types:
        parts += [f'<rect class="t-{type_}" x="{x}" y="6" width="10" height="10"/>',
                  f'<text class="legend" x="{x + 14}" y="15">{escape(type_)}</text>']
        x += _legend_width(type_)
    return parts


def events_chart(counts: Sequence[Sequence], label: str) -> Markup:
    """An SVG of stacked bars, one per period; empty when nothing is placed in time."""
    periods = fill_periods(counts)
    if not periods:
        return Markup("")
    top = max(p.total for p in periods) or 1
    step = max(MIN_STEP, min(MAX_BAR + 6, 640 / len(periods)))
    types = [t for t in EVENT_TYPES if any(dict(p.counts).get(t) for p in periods)]
    width = max(MARGIN_LEFT + len(periods) * step + MARGIN_RIGHT, MARGIN_LEFT + sum(map(_legend_width, types)), 300)
    height = MARGIN_TOP + PLOT_HEIGHT + MARGIN_BOTTOM
    base = MARGIN_TOP + PLOT_HEIGHT
    parts = _legend(types) + [
        f'<line class="axis" x1="{MARGIN_LEFT}" y1="{base}" x2="{width - MARGIN_RIGHT}" y2="{base}"/>',
        f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}">{top}</text>',
        f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{base}">0</text>']
    for i, period in enumerate(periods):
        x = MARGIN_LEFT + 3 + i * step
        parts += _bar(x, step * 0.78, period, top)
        if _tick(period.label, i, len(periods)):
            text = period.label if len(period.label) == 4 or period.label.endswith("-01") or i == 0 else period.label[5:]
            parts.append(f'<text class="period" x="{x + step * 0.39:.1f}" y="{base + 16}">{escape(text)}</text>')
    return Markup(f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
                  f'width="{width:.0f}" height="{height}" viewBox="0 0 {width:.0f} {height}" '
                  f'preserveAspectRatio="xMinYMin meet"><title>{escape(label)}</title>{"".join(parts)}</svg>')
