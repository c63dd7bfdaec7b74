"""An exact candidate filter for screening: character counts bound the Indel ratio from above.

A common subsequence of two keys holds each character at most as often as the rarer side does, so
``LCS(q, k) <= sum over characters c of min(count_q(c), count_k(c))``; counting characters in
buckets (several characters to a bucket) only raises that sum. Since ``ratio = 200 * LCS / (|q| +
|k|)``, a key whose bound falls below the threshold cannot reach it, by the plain ratio nor by the
word-order ratio (words put in order keep their characters). No pair that can reach the threshold is
ever dropped: the filter only decides which pairs are scored, and the scorer decides the scores.

The sums of minima for every query and key in a length window are one matrix product: a count ``n``
in a bucket is coded as ``n`` ones on the bucket's levels ``[n >= 1], [n >= 2], ...``, and
``min(a, b)`` is the dot product of two such codes. BLAS computes these in float32, exactly (small
integers), at well under a nanosecond a pair, against several for an Indel distance. Keys are coded
in tiers of similar length, each with the levels 99% of its keys need (short names need few): a key
with more of a bucket's characters than its tier has levels adds the rest to its bound instead,
since ``min(a, b) <= min(a, b, levels) + max(b - levels, 0)``.

Character bigrams (a q-gram count filter) were measured first and filter far less at the default 85:
15% of a 20-character name may differ, which leaves only about half of its bigrams certain to be
shared, and a prefix filter over bigram postings still proposed 7,700 of the 31,000 bundled keys per
query, against about two here (18,000 pairs for 9,500 names).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BUCKETS", "CharIndex", "Tier", "code_points", "least_common"]

BUCKETS = 24  # character buckets: more filter better, and widen the codes
_TIER_KEYS = 4096  # keys per tier at least (a tier ends where the key length changes)
_LEVEL_SHARE = 0.99  # a tier's levels cover this share of its keys (more levels: a wider product)
_MOST_LEVELS = 64  # levels a bucket gets at most, whatever the keys
_MARGIN = 1e-6  # the bound is compared with a threshold lowered by this much: float rounding never drops a pair


def code_points(strings: Sequence[str]) -> np.ndarray:
    """The code points of the strings, end to end (int64); lone surrogates pass through."""
    import numpy

    joined = "".join(strings).encode("utf-32-le", "surrogatepass")
    return numpy.frombuffer(joined, dtype=numpy.uint32).astype(numpy.int64)


class Tier:
    """Known keys of a range of lengths, coded with the levels that range needs.

    ``keys`` (positions in the screener's keys) are in order of length, with their ``lengths``, their
    level ``codes`` (a float32 row each) and their ``excess``: the characters past the levels, which
    the codes leave out and the bound adds back.
    """

    def __init__(self, keys: np.ndarray, lengths: np.ndarray, counts: np.ndarray) -> None:
        import numpy

        share = numpy.sort(counts, axis=0)[int(_LEVEL_SHARE * (len(keys) - 1))]
        self.levels = numpy.clip(share, 1, _MOST_LEVELS).astype(numpy.int64)
        self._columns()
        self.keys, self.lengths = keys, lengths
        self.codes = self.code(counts)
        self.excess = numpy.maximum(counts - self.levels, 0).sum(axis=1).astype(numpy.float32)

    @classmethod
    def from_arrays(cls, keys: np.ndarray, lengths: np.ndarray, levels: np.ndarray, codes: np.ndarray, excess: np.ndarray) -> Tier:
        """The tier whose arrays are these (as :class:`CharIndex` ``arrays()`` gave them), nothing recomputed."""
        tier = cls.__new__(cls)
        tier.keys, tier.lengths, tier.levels, tier.codes, tier.excess = keys, lengths, levels, codes, excess
        tier._columns()
        return tier

    def _columns(self) -> None:
        """Each code column's bucket and level, from the levels of each bucket."""
        import numpy

        self.column_bucket = numpy.repeat(numpy.arange(BUCKETS), self.levels)
        self.column_level = numpy.concatenate([numpy.arange(1, n + 1) for n in self.levels.tolist()])

    def code(self, counts: np.ndarray) -> np.ndarray:
        """Level codes of bucket counts, a one per level a count reaches: ``codes_a @ codes_b.T`` sums ``min(a, b, levels)``."""
        import numpy

        return (counts[:, self.column_bucket] >= self.column_level).astype(numpy.float32)


class CharIndex:
    """Known keys coded by their character counts (``tiers``), and the keys left uncoded (``uncoded``, by length)."""

    def __init__(self, keys: Sequence[str], exclude: np.ndarray) -> None:
        """Code ``keys`` but those where ``exclude`` is true (scored in full for every query instead)."""
        import numpy

        lengths = numpy.fromiter(map(len, keys), dtype=numpy.int64, count=len(keys))
        points = code_points(keys)
        frequency = numpy.bincount(points) if len(points) else numpy.zeros(1, dtype=numpy.int64)
        distinct = numpy.flatnonzero(frequency)
        self.bucket_of = numpy.full(len(frequency), -1, dtype=numpy.int64)  # by code point; -1: in no key
        self.bucket_of[distinct] = _balanced_buckets(frequency[distinct].tolist())
        counts = _counts(lengths, self.bucket_of[points])
        by_length = numpy.argsort(lengths, kind="stable")
        by_length = by_length[~exclude[by_length]]
        self.tiers: list[Tier] = []
        start = 0
        while start < len(by_length):
            stop = min(start + _TIER_KEYS, len(by_length))
            stop = int(numpy.searchsorted(lengths[by_length], lengths[by_length[stop - 1]], side="right"))
            members = by_length[start:stop]
            self.tiers.append(Tier(members, lengths[members], counts[members]))
            start = stop
        uncoded = numpy.flatnonzero(exclude)
        self.uncoded = uncoded[numpy.argsort(lengths[uncoded], kind="stable")]
        self.uncoded_lengths = lengths[self.uncoded]

    def arrays(self) -> dict[str, np.ndarray]:
        """The index as flat arrays, for a store to keep: the tiers end to end, with their sizes and levels."""
        import numpy

        tiers = self.tiers
        return {
            "bucket_of": self.bucket_of,
            "uncoded": self.uncoded,
            "tier_sizes": numpy.array([len(t.keys) for t in tiers], dtype=numpy.int64),
            "tier_levels": numpy.array([t.levels for t in tiers], dtype=numpy.int64).reshape(len(tiers), BUCKETS),
            "tier_keys": numpy.concatenate([t.keys for t in tiers]) if tiers else numpy.zeros(0, dtype=numpy.int64),
            "tier_excess": numpy.concatenate([t.excess for t in tiers]) if tiers else numpy.zeros(0, dtype=numpy.float32),
            "tier_codes": numpy.concatenate([t.codes.reshape(-1) for t in tiers]) if tiers else numpy.zeros(0, dtype=numpy.float32),
        }

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], lengths: np.ndarray) -> CharIndex:
        """The index that :meth:`arrays` gave ``arrays``, over keys of ``lengths``, checked for shape and range.

        Raises ``ValueError`` for arrays no index gives (a damaged store): a wrong shape or a key
        position out of range would otherwise fail later or drop candidates.
        """
        import numpy

        index = cls.__new__(cls)
        count = len(lengths)
        sizes, levels = arrays["tier_sizes"], arrays["tier_levels"]
        keys, excess, codes = arrays["tier_keys"], arrays["tier_excess"], arrays["tier_codes"]
        uncoded = arrays["uncoded"]
        if levels.shape != (len(sizes), BUCKETS) or (levels < 1).any() or (levels > _MOST_LEVELS).any() or (sizes < 1).any():
            raise ValueError("character index: tier sizes and levels disagree")
        widths = levels.sum(axis=1)
        if int(sizes.sum()) != len(keys) or len(excess) != len(keys) or int((sizes * widths).sum()) != len(codes):
            raise ValueError("character index: tier arrays of the wrong lengths")
        placed = numpy.concatenate((keys, uncoded))
        if len(placed) != count or (len(placed) and (placed.min() < 0 or placed.max() >= count)):
            raise ValueError("character index: key positions out of range")
        if len(numpy.unique(placed)) != count:
            raise ValueError("character index: a key placed twice")
        bucket_of = arrays["bucket_of"]
        if bucket_of.ndim != 1 or not len(bucket_of) or (bucket_of < -1).any() or (bucket_of >= BUCKETS).any():
            raise ValueError("character index: buckets out of range")
        index.bucket_of = bucket_of
        index.uncoded = uncoded
        index.uncoded_lengths = lengths[uncoded]
        index.tiers = []
        start = stop = 0
        for size, tier_levels, width in zip(sizes.tolist(), levels, widths.tolist(), strict=True):
            members = keys[start : start + size]
            block = codes[stop : stop + size * width].reshape(size, width)
            index.tiers.append(Tier.from_arrays(members, lengths[members], tier_levels, block, excess[start : start + size]))
            start, stop = start + size, stop + size * width
        if any((numpy.diff(t.lengths) < 0).any() for t in index.tiers) or (numpy.diff(index.uncoded_lengths) < 0).any():
            raise ValueError("character index: keys out of length order")  # the length windows are found by bisection
        return index

    def query_counts(self, queries: Sequence[str]) -> np.ndarray:
        """Bucket counts of the queries (a row each); a character no key has goes to a bucket by its code point."""
        import numpy

        lengths = numpy.fromiter(map(len, queries), dtype=numpy.int64, count=len(queries))
        points = code_points(queries)
        buckets = self.bucket_of[numpy.minimum(points, len(self.bucket_of) - 1)]
        buckets = numpy.where((points < len(self.bucket_of)) & (buckets >= 0), buckets, points % BUCKETS)
        return _counts(lengths, buckets)


def _counts(lengths: np.ndarray, buckets: np.ndarray) -> np.ndarray:
    """Characters per bucket of each string (a row each), from every character's bucket, end to end."""
    import numpy

    rows = numpy.repeat(numpy.arange(len(lengths), dtype=numpy.int64), lengths)
    flat = numpy.bincount(rows * BUCKETS + buckets, minlength=len(lengths) * BUCKETS)
    return flat.reshape(len(lengths), BUCKETS)


def least_common(length: int, key_lengths: np.ndarray, threshold: float) -> np.ndarray:
    """Per key length, the fewest characters a key must share with a query of ``length`` to reach ``threshold``.

    ``ratio >= t`` needs ``200 * LCS >= t * (|q| + |k|)``; the threshold is lowered by a hair before
    rounding up, so float rounding never leaves out a pair that reaches it.

    >>> import numpy
    >>> least_common(20, numpy.array([16, 20, 24]), 85.0).tolist()  # 17 of 20 letters alike is 85
    [16.0, 17.0, 19.0]
    """
    import numpy

    need = (threshold - _MARGIN) * (length + key_lengths) / 200.0
    return numpy.ceil(need - _MARGIN).astype(numpy.float32)


def _balanced_buckets(frequency: list[int]) -> np.ndarray:
    """A bucket for each distinct character: the most frequent first, each into the lightest bucket."""
    import numpy

    out = numpy.zeros(len(frequency), dtype=numpy.int64)
    lightest = [(0, b) for b in range(BUCKETS)]
    for index in sorted(range(len(frequency)), key=lambda i: (-frequency[i], i)):
        load, bucket = heapq.heappop(lightest)
        out[index] = bucket
        heapq.heappush(lightest, (load + frequency[index], bucket))
    return out
