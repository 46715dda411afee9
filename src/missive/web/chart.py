"""Messages per year in each direction, drawn server-side as SVG (no script, no CDN).

Every year between the first and the last is drawn, empty ones included: a silence between
two states is information an analyst should see, not a gap the axis hides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

BAR_WIDTH = 14
BAR_GAP = 2
YEAR_GAP = 12
PLOT_HEIGHT = 140
MARGIN_LEFT, MARGIN_TOP, MARGIN_BOTTOM = 34, 26, 30


@dataclass(frozen=True, slots=True)
class YearCount:
    """Messages of one year: a->b and b->a."""

    year: int
    forward: int
    backward: int


def fill_years(per_year: Sequence[tuple[int, int, int]]) -> list[YearCount]:
    """Every year from the first to the last, with zero where nothing was sent."""
    if not per_year:
        return []
    known = {y: (f, b) for y, f, b in per_year}
    first, last = min(known), max(known)
    return [YearCount(y, *known.get(y, (0, 0))) for y in range(first, last + 1)]


def _bar(x: float, count: int, top: int, css: str, label: str) -> str:
    height = PLOT_HEIGHT * count / top if top else 0
    y = MARGIN_TOP + PLOT_HEIGHT - height
    text = f'<text x="{x + BAR_WIDTH / 2:.1f}" y="{y - 3:.1f}" class="count">{count}</text>' if count else ""
    return (f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{BAR_WIDTH}" height="{height:.1f}">'
            f"<title>{escape(label)}: {count}</title></rect>{text}")


def _axis(width: float, top: int) -> list[str]:
    base = MARGIN_TOP + PLOT_HEIGHT
    return [f'<line class="axis" x1="{MARGIN_LEFT}" y1="{base}" x2="{width}" y2="{base}"/>',
            f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{MARGIN_TOP + 4}">{top}</text>',
            f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{base}">0</text>']


def _legend(a: str, b: str) -> list[str]:
    return [f'<rect class="fwd" x="{MARGIN_LEFT}" y="4" width="10" height="10"/>',
            f'<text class="legend" x="{MARGIN_LEFT + 14}" y="13">{escape(a)} → {escape(b)}</text>',
            f'<rect class="bwd" x="{MARGIN_LEFT + 110}" y="4" width="10" height="10"/>',
            f'<text class="legend" x="{MARGIN_LEFT + 124}" y="13">{escape(b)} → {escape(a)}</text>']


def messages_chart(per_year: Sequence[tuple[int, int, int]], a: str, b: str) -> Markup:
    """An SVG bar chart: per year, one bar for a->b and one for b->a; empty when nothing is dated."""
    years = fill_years(per_year)
    if not years:
        return Markup("")
    top = max(max(y.forward, y.backward) for y in years) or 1
    step = 2 * BAR_WIDTH + BAR_GAP + YEAR_GAP
    width = max(MARGIN_LEFT + len(years) * step + 8, 260)
    height = MARGIN_TOP + PLOT_HEIGHT + MARGIN_BOTTOM
    parts = _legend(a, b) + _axis(width, top)
    for i, y in enumerate(years):
        x = MARGIN_LEFT + 6 + i * step
        parts.append(_bar(x, y.forward, top, "fwd", f"{y.year} {a} → {b}"))
        parts.append(_bar(x + BAR_WIDTH + BAR_GAP, y.backward, top, "bwd", f"{y.year} {b} → {a}"))
        parts.append(f'<text class="year" x="{x + BAR_WIDTH + BAR_GAP / 2:.1f}" '
                     f'y="{MARGIN_TOP + PLOT_HEIGHT + 16}">{y.year}</text>')
    label = f"Messages per year between {a} and {b}, in each direction"
    return Markup(f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
                  f'width="{width:.0f}" height="{height}" viewBox="0 0 {width:.0f} {height}">'
                  f"<title>{escape(label)}</title>{''.join(parts)}</svg>")
