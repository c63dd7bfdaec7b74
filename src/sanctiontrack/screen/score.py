"""Screening scores: every screened name against every known name key, in bulk.

The score of a screened key ``q`` against a known key ``k`` (both from ``name_key``) is the highest of

- ``ratio(q, k)``: the whole names alike, misspellings allowed (rapidfuzz's normalized Indel
  similarity, 0–100);
- ``token_sort_ratio(q, k)``: the same with the words of each put in order, so reordered names match;
- ``CONTAINED`` (90) when every word of one name is a word of the other: a listed name inside a
  longer trading name ("huawei technologies" in "huawei technologies shenzhen"), or the reverse.

Character-level substring matching (rapidfuzz's ``partial_ratio``, inside ``WRatio``) is left out on
purpose: it scores "shuda" 90 against "shudahai network technology", which is noise in screening.

The two ratios come from Indel distances that rapidfuzz computes in bulk (SIMD, on every core). From
``INDEXED_FROM`` (75) up, only the pairs a character-count bound cannot rule out are scored
(``_charindex.py``: about two keys per name at 85, instead of a third of them); below, every pair
whose lengths allow the threshold (``process.cdist``). Word containment comes from dictionaries of
word sets. The result is exactly what scoring every pair one by one would give, either way, which
property tests check.
"""

from __future__ import annotations

import math
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from ..model._pause import paused_gc

if TYPE_CHECKING:
    import numpy as np

    from ._charindex import CharIndex

__all__ = ["CONTAINED", "DISTINCTIVE", "Hits", "Screener", "distinctive", "length_window", "score"]

CONTAINED = 90.0
_EPSILON = 1e-9
_CELLS = 1 << 22  # cells per cdist block: 4M distances, a byte each
_SUBSETS_UP_TO = 10  # word sets enumerated for "known name inside the screened one"
#: A word's posting is searched by bisection for each candidate key when it is this many times
#: longer than the candidates (postings are sorted); otherwise the candidates are intersected with it.
_BISECT_BELOW = 8
#: From this threshold on, ``scores`` rescoring only the character index's candidates is faster than
#: scoring the whole length window (the answers are the same either way).
INDEXED_FROM = 75.0

Hits = dict[str, tuple[float, float]]  # known key -> (score, plain whole-name ratio)
Table = tuple[Sequence[str], Sequence[int], Sequence[int]]  # rows of key positions: labels, offsets (n + 1), positions


def _sorted_words(key: str) -> str:
    return " ".join(sorted(key.split()))


def _single_spaced(key: str) -> bool:
    """Whether the key's only whitespace is one space between words (then its words in order have its characters)."""
    return " ".join(key.split()) == key


#: A name inside another counts only when it has at least this many letters (digits aside): ``hua`` and
#: ``zte`` do, a lone ``1`` or ``id`` (a row number, a column header) does not.
DISTINCTIVE = 3


def distinctive(words: Iterable[str]) -> bool:
    """Whether a set of words is enough of a name to count when found inside another.

    >>> distinctive(["zte"]), distinctive(["1"]), distinctive(["id"]), distinctive(["no", "1"])
    (True, False, False, False)
    """
    return sum(len(w) for w in words if not w.isdigit()) >= DISTINCTIVE


def score(query: str, key: str) -> float:
    """The screening score of two normalized keys, computed directly (the reference for the bulk path).

    >>> score("hikvison", "hikvision") > 94
    True
    >>> score("huawei technologies shenzhen", "huawei technologies"), score("li ming", "ming li")
    (90.0, 100.0)
    """
    from rapidfuzz import fuzz

    best = max(fuzz.ratio(query, key), fuzz.ratio(_sorted_words(query), _sorted_words(key)))
    words, other = set(query.split()), set(key.split())
    if words and other and ((words <= other and distinctive(words)) or (other <= words and distinctive(other))):
        best = max(best, CONTAINED)
    return float(best)


def length_window(length: int, threshold: float) -> tuple[int, int]:
    """Key lengths that can reach ``threshold`` by ratio against a key of ``length`` characters.

    ``ratio`` is at most ``200 * shorter / (shorter + longer)``, so longer or shorter keys cannot
    reach the threshold whatever their characters.

    >>> length_window(10, 85.0)
    (8, 13)
    """
    if threshold <= 0:
        return 0, sys.maxsize
    low = math.ceil(length * threshold / (200 - threshold) - _EPSILON)
    high = math.floor(length * (200 - threshold) / threshold + _EPSILON)
    return low, high


class Screener:
    """Known name keys arranged for bulk scoring: sorted by length, with their word sets indexed.

    Keys whose words are already in order come first (``sorted_keys[i] == keys[i]`` below
    ``self.in_order``): against a query whose words are in order too, the word-order ratio is the
    plain ratio and is not computed twice.
    """

    def __init__(self, keys: Iterable[str]) -> None:
        ordered = {k: _sorted_words(k) for k in set(keys)}
        # by (words out of order, length, text): two stable sorts each, no tuple a key (a third of the time)
        in_order = sorted(k for k, o in ordered.items() if o == k)
        shuffled = sorted(k for k, o in ordered.items() if o != k)
        in_order.sort(key=len)
        shuffled.sort(key=len)
        self.keys: list[str] = in_order + shuffled
        self.sorted_keys = [ordered[k] for k in self.keys]
        self.in_order = len(in_order)
        self._index: CharIndex | None = None
        self._index_words()

    @classmethod
    def from_parts(
        cls, keys: list[str], sorted_keys: list[str], in_order: int, index: Mapping[str, np.ndarray], tables: Mapping[str, Table]
    ) -> Screener:
        """The screener whose :meth:`parts` these are (a store keeps them): nothing sorted, counted or split again.

        Raises ``ValueError`` for parts no screener gives (a damaged store).
        """
        import numpy

        from ._charindex import CharIndex

        if len(sorted_keys) != len(keys) or not 0 <= in_order <= len(keys) or len(set(keys)) != len(keys):
            raise ValueError("screener: keys, their words in order and the in-order count disagree")
        if keys[:in_order] != sorted_keys[:in_order] or any(map(str.__eq__, keys[in_order:], sorted_keys[in_order:])):
            raise ValueError("screener: keys on the wrong side of the in-order count")
        screener = cls.__new__(cls)
        screener.keys, screener.sorted_keys, screener.in_order = keys, sorted_keys, in_order
        lengths = screener.lengths = [len(k) for k in keys]  # the length windows are found by bisection: each part must rise
        if any(map(int.__gt__, lengths[:in_order], lengths[1:in_order])) or any(
            map(int.__gt__, lengths[in_order:], lengths[in_order + 1 :])
        ):
            raise ValueError("screener: keys out of length order")
        screener.postings = _rows(tables["postings"], len(keys), "postings")
        screener.word_sets = _rows(tables["word_sets"], len(keys), "word sets")
        screener._index = CharIndex.from_arrays(index, numpy.asarray(lengths, dtype=numpy.int64))
        screener._key_arrays = None
        return screener

    def parts(self) -> tuple[list[str], list[str], int, dict[str, np.ndarray], dict[str, Table]]:
        """What :meth:`from_parts` needs to make this screener again (a store keeps it).

        The keys and their words in order, as arranged; the in-order count; the character index's
        arrays; the postings and word sets as tables (labels, row offsets, key positions).
        """
        tables = {name: _table(rows) for name, rows in (("postings", self.postings), ("word_sets", self.word_sets))}
        return self.keys, self.sorted_keys, self.in_order, self._char_index().arrays(), tables

    def _index_words(self) -> None:
        """Lengths, word sets and postings of the arranged keys."""
        self.lengths = [len(k) for k in self.keys]
        word_sets: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        with paused_gc():  # a few hundred thousand new containers: generational passes over them find no cycles
            for index, key in enumerate(self.keys):
                words = set(key.split())
                # distinctive(words), without a generator unless a word is all digits
                if distinctive(words) if any(map(str.isdigit, words)) else sum(map(len, words)) >= DISTINCTIVE:
                    word_sets.setdefault(" ".join(sorted(words)), []).append(index)
                for word in words:
                    posting = postings.get(word)
                    if posting is None:
                        postings[word] = [index]
                    else:
                        posting.append(index)
        #: each distinctive word set (its words in order, one space between) -> the keys that have it; the others never count
        self.word_sets: Mapping[str, Sequence[int]] = word_sets
        #: the keys holding each word, in order (a key's words are a set, so each key once per word)
        self.postings: Mapping[str, Sequence[int]] = postings
        self._key_arrays: tuple[np.ndarray, np.ndarray] | None = None

    def scores(self, queries: Sequence[str], threshold: float) -> list[Hits]:
        """For each query key, every known key scoring at least ``threshold``: ``{key: (score, ratio)}``.

        >>> [hits] = Screener(["huawei technologies", "zte", "technologies huawei"]).scores(["huawei technologes"], 85.0)
        >>> {key: (round(score), round(ratio)) for key, (score, ratio) in hits.items()}
        {'huawei technologies': (97, 97), 'technologies huawei': (97, 59)}
        """
        return self._scores(queries, threshold, indexed=threshold >= INDEXED_FROM)

    def _scores(self, queries: Sequence[str], threshold: float, *, indexed: bool) -> list[Hits]:
        """``scores``, with the ratios of the candidates of the character index or of every pair in the length window.

        Both give the same hits and scores (a property test checks it); the index is faster at high
        thresholds, where it leaves out nearly every pair.
        """
        from rapidfuzz import fuzz

        found: list[Hits] = [{} for _ in queries]
        ordered = [_sorted_words(q) for q in queries]
        by_length: dict[int, list[int]] = {}
        for row, query in enumerate(queries):
            if query:
                by_length.setdefault(len(query), []).append(row)
        if indexed:
            self._indexed_ratios(queries, ordered, by_length, threshold, found)
        else:
            for length, rows in by_length.items():
                self._ratios(queries, ordered, rows, length, threshold, found)
        if threshold <= CONTAINED:
            for query, in_order, hits in zip(queries, ordered, found, strict=True):
                for index in self._contained(query):
                    key = self.keys[index]
                    prior = hits.get(key)
                    if prior is None:
                        plain = fuzz.ratio(query, key)
                        best = max(plain, fuzz.ratio(in_order, self.sorted_keys[index]), CONTAINED)
                        hits[key] = (float(best), float(plain))
                    elif prior[0] < CONTAINED:
                        hits[key] = (CONTAINED, prior[1])
        return found

    def _ratios(
        self, queries: Sequence[str], ordered: Sequence[str], rows: list[int], length: int, threshold: float, found: list[Hits]
    ) -> None:
        """Ratio and word-order ratio of the queries of one length against the keys that can match.

        ``cdist`` computes Indel distances in bulk, capped at the largest distance the threshold
        allows in the length window; scores come from the distances by rapidfuzz's own formula,
        ``(1 - distance / (len(a) + len(b))) * 100``, so they equal ``fuzz.ratio`` to the last bit.
        """
        import numpy
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import Indel

        low, high = length_window(length, threshold)
        in_order = [row for row in rows if ordered[row] == queries[row]]
        blocks = (
            (0, self.in_order, in_order, False),  # words in order on both sides
            (0, self.in_order, [row for row in rows if ordered[row] != queries[row]], True),
            (self.in_order, len(self.keys), rows, True),
        )
        slack = 1 - threshold / 100
        for begin, end, block_rows, twice in blocks:
            start = bisect_left(self.lengths, low, begin, end)
            stop = bisect_right(self.lengths, high, begin, end)
            if start >= stop or not block_rows:
                continue
            sums = length + numpy.asarray(self.lengths[start:stop], dtype=numpy.float64)
            limits = numpy.floor(slack * sums + _EPSILON)  # a hair generous: the exact score decides below
            cap = int(limits.max())
            dtype = numpy.uint8 if cap < 254 else numpy.int32
            limits = limits.astype(dtype)
            keys, sorted_keys = self.keys[start:stop], self.sorted_keys[start:stop]
            step = max(1, _CELLS // (stop - start))
            for first in range(0, len(block_rows), step):
                chunk = block_rows[first : first + step]
                plain_queries = [queries[row] for row in chunk]
                plain = process.cdist(plain_queries, keys, scorer=Indel.distance, score_cutoff=cap, dtype=dtype, workers=-1)
                if twice:
                    reordered = [ordered[row] for row in chunk]
                    closest = process.cdist(reordered, sorted_keys, scorer=Indel.distance, score_cutoff=cap, dtype=dtype, workers=-1)
                    numpy.minimum(closest, plain, out=closest)
                else:
                    closest = plain
                hit_rows, hit_columns = _true_cells(closest <= limits)
                if not len(hit_rows):
                    continue
                total = sums[hit_columns]
                best = (1.0 - closest[hit_rows, hit_columns] / total) * 100
                first_distance = plain[hit_rows, hit_columns]
                ratio = (1.0 - first_distance / total) * 100
                exact = first_distance <= cap  # above the cap cdist only says "too far": ask fuzz.ratio
                for r, c, score, plain_score, known in zip(
                    hit_rows.tolist(), hit_columns.tolist(), best.tolist(), ratio.tolist(), exact.tolist(), strict=True
                ):
                    if score >= threshold:
                        query = plain_queries[r]
                        key = keys[c]
                        found[chunk[r]][key] = (score, plain_score if known else float(fuzz.ratio(query, key)))

    def _indexed_ratios(
        self, queries: Sequence[str], ordered: Sequence[str], by_length: dict[int, list[int]], threshold: float, found: list[Hits]
    ) -> None:
        """Ratio and word-order ratio of each query against the keys the character index cannot rule out.

        A query whose spaces are not single spaces between words is scored against its whole length
        window (putting its words in order would change its characters, which the bound relies on).
        """
        import numpy

        from ._charindex import least_common

        index = self._char_index()
        regular: dict[int, list[int]] = {}
        for length, rows in by_length.items():
            odd = [row for row in rows if not _single_spaced(queries[row])]
            if odd:
                self._ratios(queries, ordered, odd, length, threshold, found)
            if len(odd) < len(rows):
                regular[length] = [row for row in rows if _single_spaced(queries[row])]
        if not regular:
            return
        counts = index.query_counts([queries[row] for rows in regular.values() for row in rows])
        pair_rows: list[np.ndarray] = []
        pair_keys: list[np.ndarray] = []
        at = 0
        for length, rows in regular.items():
            group, at = counts[at : at + len(rows)], at + len(rows)
            rows_array = numpy.asarray(rows, dtype=numpy.int64)
            low, high = length_window(length, threshold)
            for tier in index.tiers:
                start, stop = int(numpy.searchsorted(tier.lengths, low)), int(numpy.searchsorted(tier.lengths, high, side="right"))
                if start >= stop:
                    continue
                need = least_common(length, tier.lengths[start:stop], threshold) - tier.excess[start:stop]
                block = tier.codes[start:stop].T
                codes = tier.code(group)
                step = max(1, _CELLS // (stop - start))
                for first in range(0, len(rows), step):
                    hit_rows, hit_columns = _true_cells(codes[first : first + step] @ block >= need)
                    pair_rows.append(rows_array[first + hit_rows])
                    pair_keys.append(tier.keys[start + hit_columns])
            start = int(numpy.searchsorted(index.uncoded_lengths, low))
            stop = int(numpy.searchsorted(index.uncoded_lengths, high, side="right"))
            if start < stop:  # keys the codes leave out: every pair
                pair_rows.append(numpy.repeat(rows_array, stop - start))
                pair_keys.append(numpy.tile(index.uncoded[start:stop], len(rows)))
        if pair_rows:
            self._rescore(queries, ordered, numpy.concatenate(pair_rows), numpy.concatenate(pair_keys), threshold, found)

    def _rescore(
        self, queries: Sequence[str], ordered: Sequence[str], rows: np.ndarray, columns: np.ndarray, threshold: float, found: list[Hits]
    ) -> None:
        """Score (query row, key index) pairs by the formula of ``_ratios``, keeping those at or above ``threshold``."""
        import numpy
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        texts = _objects(queries)  # object arrays: picking a million strings by index costs a tenth of a list comprehension
        plain = process.cpdist(texts[rows], self._arrays()[0][columns], scorer=Indel.distance, dtype=numpy.int32, workers=-1)
        closest = plain.copy()
        shuffled = numpy.fromiter((o != q for o, q in zip(ordered, queries, strict=True)), dtype=bool, count=len(queries))
        twice = numpy.flatnonzero(shuffled[rows] | (columns >= self.in_order))  # words out of order on either side
        if len(twice):
            reordered = process.cpdist(
                _objects(ordered)[rows[twice]], self._arrays()[1][columns[twice]], scorer=Indel.distance, dtype=numpy.int32, workers=-1
            )
            closest[twice] = numpy.minimum(plain[twice], reordered)
        query_lengths = numpy.fromiter(map(len, queries), dtype=numpy.float64, count=len(queries))
        total = query_lengths[rows] + numpy.asarray(self.lengths, dtype=numpy.float64)[columns]
        best = (1.0 - closest / total) * 100
        ratio = (1.0 - plain / total) * 100
        kept = numpy.flatnonzero(best >= threshold)
        for row, column, score, plain_score in zip(
            rows[kept].tolist(), columns[kept].tolist(), best[kept].tolist(), ratio[kept].tolist(), strict=True
        ):
            found[row][self.keys[column]] = (score, plain_score)

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The keys and their words in order as object arrays (for picking many by index), made once."""
        if self._key_arrays is None:
            self._key_arrays = (_objects(self.keys), _objects(self.sorted_keys))
        return self._key_arrays

    def _char_index(self) -> CharIndex:
        """The character index of the keys, built on first use (keys not single-spaced are left uncoded)."""
        if self._index is None:
            import numpy

            from ._charindex import CharIndex

            odd = numpy.fromiter((not _single_spaced(k) for k in self.keys), dtype=bool, count=len(self.keys))
            self._index = CharIndex(self.keys, odd)
        return self._index

    def _contained(self, query: str) -> set[int]:
        """Keys whose words all appear in the query, or that hold all of the query's words."""
        words = set(query.split())
        known = sorted(w for w in words if w in self.postings)  # a word no key has rules out neither side
        out: set[int] = set()
        if not known:
            return out
        if len(known) == len(words) and distinctive(words):  # the query's words inside a known name: every posting holds it
            postings = sorted((self.postings[w] for w in known), key=len)
            inside = set(postings[0])
            for posting in postings[1:]:
                if len(inside) * _BISECT_BELOW < len(posting):  # a few candidates against a long posting: find each in it
                    inside = {i for i in inside if (at := bisect_left(posting, i)) < len(posting) and posting[at] == i}
                else:
                    inside.intersection_update(posting)
                if not inside:
                    break
            out |= inside
        if len(known) <= _SUBSETS_UP_TO:
            get = self.word_sets.get  # distinctive word sets only: a subset found there is distinctive
            for size in range(1, len(known) + 1):
                for subset in combinations(known, size):  # words in order, as the sets are labelled
                    found = get(" ".join(subset))
                    if found:
                        out.update(found)
        else:
            for word in known:
                out.update(i for i in self.postings[word] if (w := set(self.keys[i].split())) <= words and distinctive(w))
        return out


def _table(rows: Mapping[str, Sequence[int]]) -> Table:
    """Rows of key positions as flat lists: their labels, where each row starts (and the end), the positions end to end."""
    offsets: list[int] = [0]
    members: list[int] = []
    for row in rows.values():
        members.extend(row)
        offsets.append(len(members))
    return list(rows), offsets, members


def _rows(table: Table, count: int, what: str) -> dict[str, Sequence[int]]:
    """The rows of a :func:`_table` by label (slices of its positions), checked: rows not empty, rising, of keys there are."""
    import numpy

    labels, offsets, members = table
    bounds, found = numpy.asarray(offsets, dtype=numpy.int64), numpy.asarray(members, dtype=numpy.int64)
    if len(bounds) != len(labels) + 1 or bounds[0] != 0 or bounds[-1] != len(found) or (numpy.diff(bounds) < 1).any():
        raise ValueError(f"screener: {what}: rows and their offsets disagree")
    if len(found) and (found.min() < 0 or found.max() >= count):
        raise ValueError(f"screener: {what}: a key position out of range")
    rising = numpy.diff(found) > 0
    rising[bounds[1:-1] - 1] = True  # where one row ends and the next begins
    if not rising.all():
        raise ValueError(f"screener: {what}: a row out of order")  # postings are searched by bisection
    rows = dict(zip(labels, (members[a:b] for a, b in pairwise(offsets)), strict=True))
    if len(rows) != len(labels):
        raise ValueError(f"screener: {what}: a label twice")
    return rows


def _objects(strings: Sequence[str]) -> np.ndarray:
    """The strings as a one-dimensional NumPy object array."""
    import numpy

    out = numpy.empty(len(strings), dtype=object)
    out[:] = strings
    return out


def _true_cells(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the true cells of a sparse boolean matrix.

    ``numpy.nonzero`` costs about 3 ns a cell here; skipping all-false runs of eight cells first,
    read as 64-bit words, costs a tenth of that.
    """
    import numpy

    flat = numpy.ascontiguousarray(mask).reshape(-1)
    whole = flat.size - flat.size % 8
    words = numpy.flatnonzero(flat[:whole].view(numpy.uint64))
    cells = (words[:, None] * 8 + numpy.arange(8)).reshape(-1)
    found = numpy.concatenate((cells[flat[cells]], numpy.flatnonzero(flat[whole:]) + whole))
    rows, columns = numpy.divmod(found, mask.shape[1])
    return rows, columns
