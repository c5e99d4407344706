"""Near-duplicate detection with MinHash signatures and LSH bands.

The bands are stored in the database (``minhash_bands``) and looked up with an
index, so finding the candidates for one new article costs the same whatever
the store's size; candidates are confirmed by their estimated Jaccard.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 16  # 16 bands of 8 rows: candidates from a Jaccard of about 0.7 upward
ROWS = NUM_PERM // BANDS
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Signature:
    values: np.ndarray  # uint64, NUM_PERM long

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8").copy())

    def bands(self) -> list[tuple[int, str]]:
        """(band number, bucket hash) pairs for the LSH lookup."""
        out = []
        for b in range(BANDS):
            chunk = self.values[b * ROWS : (b + 1) * ROWS].astype("<u8").tobytes()
            out.append((b, hashlib.blake2b(chunk, digest_size=12).hexdigest()))
        return out

    def jaccard(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))


def shingles(text: str) -> set[bytes]:
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature:
    """The MinHash signature of the text's word 3-shingles (datasketch, fixed seed)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(sorted(shingles(text)))
    return Signature(mh.hashvalues.astype(np.uint64))
