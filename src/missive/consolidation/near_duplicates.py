"""Syndicated copies of one wire story are one source, found by MinHash LSH over word shingles.

Consolidation counts independent sources, not articles: a Yonhap story reprinted by ten papers is one
voice. Signatures are stored with each document and read back here, so the shingling, permutation
count and hashing scheme below are part of the stored format and live in their own module, apart
from the consolidation rules that change more often.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from datasketch import MinHash, MinHashLSH

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


@lru_cache(maxsize=1)
def _lsh_bands() -> tuple[int, int]:
    """datasketch's (bands, rows) for the threshold: found by numerical integration, so done once."""
    probe = MinHashLSH(threshold=DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    return probe.b, probe.r


def duplicate_groups(signatures: Mapping[str, MinHash]) -> dict[str, str]:
    """Each document's near-duplicate group, named by its smallest member key (order-independent)."""
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands())
    for key in sorted(signatures):
        lsh.insert(key, signatures[key])
    parent = {k: k for k in signatures}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k
    for key in sorted(signatures):
        for other in lsh.query(signatures[key]):
            if other != key and signatures[key].jaccard(signatures[other]) >= DUPLICATE_THRESHOLD:
                a, b = sorted((root(key), root(other)))
                parent[b] = a
    return {k: root(k) for k in signatures}
