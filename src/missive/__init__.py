"""Missive: a verified record of diplomatic interactions between states, from news articles.

    >>> import missive
    >>> events = missive.extract("Chinese President Xi Jinping sent a letter to North Korean leader Kim Jong Un.")
"""

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
