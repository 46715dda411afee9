"""Article text as safe HTML: every character escaped, evidence marked, removed pieces greyed.

Spans index the ORIGINAL text, so the page renders the original and lays the layers over it
(what cleaning removed, each event's evidence, quotes) instead of re-finding sentences in the
cleaned text: the marks are then exactly the characters the extractor cited. An article can
carry HTML or script; it is only ever emitted through ``escape``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from markupsafe import Markup, escape


class LayerKind(StrEnum):
    """How a span is shown; the value is also the CSS class of its mark."""

    REMOVED = "removed"  # cut by cleaning, greyed with its reason
    EVIDENCE = "evidence"  # an event's evidence
    QUOTE = "quote"  # quoted wording


@dataclass(frozen=True, slots=True)
class Layer:
    """A span of the original text and how to show it: removed (with why) or marked for an event."""

    start_char: int
    end_char: int
    kind: LayerKind
    reason: str = ""
    event_id: str = ""
    href: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", LayerKind(self.kind))  # a closed set: an unknown kind fails here


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text under one unchanging set of layers."""

    start_char: int
    end_char: int
    layers: tuple[Layer, ...]


def clamp_layers(layers: Iterable[Layer], length: int) -> list[Layer]:
    """Spans cut to the text; empty or inverted ones dropped (a stale span must not break a page)."""
    out = []
    for layer in layers:
        start, end = max(0, layer.start_char), min(length, layer.end_char)
        if start < end:
            out.append(replace(layer, start_char=start, end_char=end))
    return out


def split_pieces(length: int, layers: Sequence[Layer]) -> list[Piece]:
    """Cut [0, length) at every layer boundary; each piece knows the layers covering it."""
    cuts = sorted({0, length, *(x.start_char for x in layers), *(x.end_char for x in layers)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        covering = tuple(x for x in layers if x.start_char <= start and end <= x.end_char)
        pieces.append(Piece(start, end, covering))
    return pieces


def _anchors(marks: list[Layer], anchored: set[str], anchor_prefix: str) -> str:
    """An empty landing point for each event whose first mark this is, even when marks overlap."""
    if not anchor_prefix:
        return ""
    fresh = [x.event_id for x in marks if x.event_id and x.event_id not in anchored]
    anchored.update(fresh)
    return "".join(f'<span class="anchor" id="{anchor_prefix}{escape(i)}"></span>' for i in dict.fromkeys(fresh))


def _open_tags(piece: Piece, anchored: set[str], anchor_prefix: str) -> tuple[str, str]:
    """Opening and closing markup of one piece: <del> for removals, <mark> (+ link) for events."""
    marks = [x for x in piece.layers if x.kind != LayerKind.REMOVED]
    head, tail = [_anchors(marks, anchored, anchor_prefix)], []
    removed = next((x for x in piece.layers if x.kind == LayerKind.REMOVED), None)
    if removed:
        head.append(f'<del class="removed" title="removed by cleaning: {escape(removed.reason)}">')
        tail.insert(0, "</del>")
    if marks:
        kinds = " ".join(sorted({x.kind for x in marks}))
        ids = " ".join(dict.fromkeys(x.event_id for x in marks if x.event_id))
        title = "; ".join(dict.fromkeys(x.reason for x in marks if x.reason))
        head.append(f'<mark class="{kinds}" data-events="{escape(ids)}" title="{escape(title)}">')
        tail.insert(0, "</mark>")
        link = next((x.href for x in marks if x.href), "")
        if link:
            head.append(f'<a href="{escape(link)}">')
            tail.insert(0, "</a>")
    return "".join(head), "".join(tail)


def render_text(text: str, layers: Iterable[Layer], anchor_prefix: str = "m-") -> Markup:
    """The whole text, escaped, with each piece wrapped in the markup of its layers.

    Before the first mark of each event sits an empty anchor ``anchor_prefix + event_id`` so a
    link can land on it; a page showing the same text twice passes another prefix (or "")."""
    kept = clamp_layers(layers, len(text))
    anchored: set[str] = set()
    parts = []
    for piece in split_pieces(len(text), kept):
        head, tail = _open_tags(piece, anchored, anchor_prefix)
        parts.append(head + str(escape(text[piece.start_char:piece.end_char])) + tail)
    return Markup("".join(parts))


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start_char, end_char) of every line, newline excluded."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _widen(lines: list[tuple[int, int]], text: str, index: int, step: int, count: int) -> int:
    """Move from line ``index`` by ``step`` until ``count`` more non-blank lines are taken in."""
    while count > 0 and 0 <= index + step < len(lines):
        index += step
        if text[lines[index][0]:lines[index][1]].strip():
            count -= 1
    return index


def excerpt_bounds(text: str, spans: Sequence[tuple[int, int]], context_lines: int = 1) -> tuple[int, int]:
    """The lines holding the spans, plus ``context_lines`` non-blank lines on each side.

    Enough to read the evidence in place; blank lines count for nothing, and the excerpt never
    opens or closes on empty space."""
    if not spans:
        return 0, min(len(text), 600)
    lines = _line_spans(text)
    first = max(0, min(s for s, _ in spans))
    last = min(len(text), max(e for _, e in spans))
    line_a = max(i for i, (s, _) in enumerate(lines) if s <= first)
    line_b = max(i for i, (s, _) in enumerate(lines) if s <= max(first, last - 1))
    line_a, line_b = _widen(lines, text, line_a, -1, context_lines), _widen(lines, text, line_b, 1, context_lines)
    start, end = lines[line_a][0], lines[line_b][1]
    while start < first and text[start].isspace():
        start += 1
    while end > last and text[end - 1].isspace():
        end -= 1
    return start, end


def render_excerpt(text: str, layers: Iterable[Layer], bounds: tuple[int, int], anchor_prefix: str = "") -> Markup:
    """A slice of the text rendered like render_text, layers shifted into the slice."""
    start, end = bounds
    shifted = [replace(x, start_char=x.start_char - start, end_char=x.end_char - start)
               for x in layers]
    return render_text(text[start:end], shifted, anchor_prefix)
