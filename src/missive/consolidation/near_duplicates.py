"""Syndicated copies of one wire story are one source, found by MinHash over word shingles.

Consolidation counts independent sources, not articles: a Yonhap story reprinted by ten papers is one
voice. Two articles are copies when their signatures agree (`is_copy`); the sources of one event are
grouped among its own articles only (`source_groups`), so the count never depends on articles outside
the event (which a store reconsolidating one region at a time does not read). Signatures are stored
with each document and read back here, so the shingling, permutation count and hashing scheme below
are part of the stored format and live in their own module, apart from the consolidation rules that
change more often.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from datasketch import MinHash

SHINGLE_WORDS, NUM_PERM, DUPLICATE_THRESHOLD = 5, 128, 0.8
MINHASH_SCHEME = "affine32"  # datasketch 2's default; stored signatures are read back with it
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")  # own copy: stored signatures must not follow occasion matching


def text_signature(text: str) -> MinHash:
    """MinHash over word 5-shingles: a syndicated copy with a new headline still scores near 1."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    sig = MinHash(num_perm=NUM_PERM)
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    return MinHash(num_perm=num_perm).permutations  # drawing them is most of a MinHash's construction cost


def signature_from_values(values: Sequence[int]) -> MinHash:
    """A stored signature back as a MinHash (datasketch 2 wants the scheme named; older ones lack it)."""
    try:
        return MinHash(num_perm=len(values), hashvalues=list(values), permutations=_permutations(len(values)),
                       scheme=MINHASH_SCHEME)
    except TypeError:
        return MinHash(num_perm=len(values), hashvalues=list(values), permutations=_permutations(len(values)))


def is_copy(a: MinHash, b: MinHash) -> bool:
    return a.jaccard(b) >= DUPLICATE_THRESHOLD


def source_groups(articles: Mapping[str, tuple[str, MinHash | None]]) -> dict[str, str]:
    """article -> its group among these articles (named by the smallest member): articles with the same
    given group, or whose signatures are copies, are one source."""
    keys = sorted(articles)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            (ga, sa), (gb, sb) = articles[a], articles[b]
            if (ga and ga == gb) or (sa is not None and sb is not None and is_copy(sa, sb)):
                ra, rb = sorted((root(a), root(b)))
                parent[rb] = ra
    return {k: root(k) for k in keys}
