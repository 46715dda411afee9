"""Missive: a verified record of diplomatic interactions between states, from news articles.

    >>> import missive
    >>> events = missive.extract("Chinese President Xi Jinping sent a letter to North Korean leader Kim Jong Un.")

The names below are loaded when first used (PEP 562): `import missive` and every `missive`
command that needs no model (`--help`, `events`, `serve`) start without paying for spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and readers see; at run time __getattr__ loads them
    from .extraction.extractor import Extractor
    from .model import Actor, DateWindow, Document, Event, Skip, Span, event_from_flat, event_to_flat
    from .pipeline import extract, ingest, process, read_documents

__all__ = [
    "Actor",
    "DateWindow",
    "Document",
    "Event",
    "Extractor",
    "Skip",
    "Span",
    "event_from_flat",
    "event_to_flat",
    "extract",
    "ingest",
    "process",
    "read_documents",
]

# Each public name and the module that defines it.
_HOMES = {
    "Extractor": ".extraction.extractor",
    **dict.fromkeys(("Actor", "DateWindow", "Document", "Event", "Skip", "Span", "event_from_flat", "event_to_flat"),
                    ".model"),
    **dict.fromkeys(("extract", "ingest", "process", "read_documents"), ".pipeline"),
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'missive' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API and the subpackages loaded so far (not the helpers this module imports)."""
    loaded = [n for n, v in globals().items() if getattr(v, "__name__", "").startswith(__name__ + ".")
              and type(v).__name__ == "module"]
    return sorted({*__all__, *loaded})
