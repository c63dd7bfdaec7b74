"""Fuzzy candidates for screening: a bigram index narrows the names worth scoring with WRatio.

Scoring every screened name against every known name with rapidfuzz's WRatio (which finds a short
name inside a long one) costs about a millisecond per thousand names. Most known names share no
character n-grams with a query, so they cannot score high; the index skips them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

__all__ = ["NARROW_FROM", "Screener"]

NARROW_FROM = 80.0


def grams(key: str) -> set[str]:
    """Character bigrams of a key, spaces ignored ("beauty plus" and "beautyplus" share theirs).

    >>> sorted(grams("huawei"))
    ['aw', 'ei', 'hu', 'ua', 'we']
    >>> sorted(grams("华为技术"))
    ['为技', '华为', '技术']
    """
    key = key.replace(" ", "")
    return {key[i : i + 2] for i in range(len(key) - 1)} if len(key) >= 2 else {key}


class Screener:
    """Scores screened names against known name keys, fuzzy-matching only plausible candidates."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = list(keys)
        self.postings: dict[str, list[int]] = {}
        self.words: dict[str, list[int]] = {}
        self.sizes: list[int] = []
        self.short: list[int] = []  # one-character names have no bigram: always scored
        for index, key in enumerate(self.keys):
            own = grams(key)
            self.sizes.append(len(own))
            if len(key.replace(" ", "")) < 2:
                self.short.append(index)
            for gram in own:
                self.postings.setdefault(gram, []).append(index)
            for word in set(key.split()):
                self.words.setdefault(word, []).append(index)
        # n-grams shared by a large share of names say little and would make every name a candidate
        self.common = max(50, len(self.keys) // 20)
        self.memo: dict[tuple[str, float, int], list[tuple[str, float]]] = {}

    def candidates(self, key: str) -> list[str]:
        """Known keys sharing enough n-grams with ``key`` to be worth scoring."""
        wanted = grams(key)
        counts: Counter[int] = Counter()
        skipped = False
        for gram in wanted:
            posting = self.postings.get(gram)
            if posting is None:
                continue
            if len(posting) > self.common:
                skipped = True
                continue
            counts.update(posting)
        if not counts and skipped:
            return self.keys  # only common n-grams: nothing to narrow by, score everything
        need = max(1, len(wanted) // 4)
        chosen = {i for i, shared in counts.items() if shared >= need or 2 * shared >= self.sizes[i]}
        chosen.update(self.short)
        for word in set(key.split()):  # WRatio's token-set comparison rewards any shared word
            posting = self.words.get(word)
            if posting is not None and len(posting) <= self.common:
                chosen.update(posting)
        return [self.keys[i] for i in sorted(chosen)]

    def best(self, key: str, threshold: float, limit: int) -> list[tuple[str, float]]:
        """Up to ``limit`` known keys scoring at least ``threshold`` against ``key``, best first."""
        from rapidfuzz import fuzz, process

        memo_key = (key, threshold, limit)
        found = self.memo.get(memo_key)
        if found is None:
            # Below 80, WRatio rewards a single shared bigram; only a full scan is sure to find those.
            choices = self.candidates(key) if len(key) >= 4 and threshold >= NARROW_FROM else self.keys
            scored = process.extract(key, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=threshold)
            found = [(choice, float(score)) for choice, score, _ in scored]
            if len(self.memo) < 200_000:
                self.memo[memo_key] = found
        return found
