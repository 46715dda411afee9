"""Article metadata: title, publication-date candidates, outlet, credited agencies, language.

(Stub: the cleaning issue replaces this; the signature is the contract.)
"""

from __future__ import annotations

from .model import Metadata


def extract_metadata(original: str, cleaned: str, *, url: str = "", html_meta: dict | None = None,
                     path: str = "") -> Metadata:
    """Collect metadata with provenance from the text (and HTML metadata when there is some)."""
    return Metadata()
