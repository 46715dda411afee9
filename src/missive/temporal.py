"""Dates: the article's own "now", relative expressions, anniversaries, known occasions.

(Stub: the dates issue replaces this; the signatures are the contract.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import DateWindow, Document, OPEN_WINDOW


@dataclass(frozen=True, slots=True)
class ReferenceDate:
    """The article's "now": the window of days it can have been written on."""

    window: DateWindow
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a text: [start, end) into that text."""

    start: int
    end: int
    text: str


def infer_reference_date(doc: Document) -> ReferenceDate:
    return ReferenceDate(OPEN_WINDOW)


def find_expressions(text: str) -> list[Expression]:
    return []


def resolve_expression(text: str, now: DateWindow, anchor: DateWindow | None = None) -> DateWindow | None:
    return None
