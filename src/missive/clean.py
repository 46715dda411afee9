"""Article text cleaning: boilerplate and repeats out, with an offset map back to the original.

(Stub: the cleaning issue replaces this with the real cleaner; the signature is the contract.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import OffsetMap, Removal


@dataclass(frozen=True, slots=True)
class CleanResult:
    cleaned: str
    offsets: OffsetMap
    removals: tuple[Removal, ...]


def clean_text(original: str) -> CleanResult:
    """Remove boilerplate from a plain-text article; cleaning only deletes, never rewrites."""
    return CleanResult(original, OffsetMap.identity(len(original)), ())
