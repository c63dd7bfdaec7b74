"""Controlled-item lookup by id, list number (ECCN, catalogue number), description or alias in any script."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model.errors import UnknownItemError
from ..model.names import name_key
from ..model.records import ControlledItem

__all__ = ["Items"]

_ID, _CODE, _NAME, _ALIAS = range(4)
_PREFIXES = ("eccn ", "ecc n ", "catalogue entry ", "catalog entry ")


class Items:
    """The controlled items of a dataset, resolvable by id, code, description or alias.

    An ECCN or catalogue number several items share (``3A090``, controlled by the 2022 and the 2023
    rules in their own words) resolves to all of them.

    >>> from sanctiontrack import load
    >>> [item.id for item in load().items.resolve("0D521")[0]]
    ['eccn-0d521-geospatial-imagery-software']
    """

    def __init__(self, items: Iterable[ControlledItem]) -> None:
        self._by_id: dict[str, ControlledItem] = {}
        self._by_key: dict[str, list[tuple[int, str, str]]] = {}
        for item in items:
            self._by_id[item.id] = item
            self._add(item.id, _ID, item.id)
            for code in item.codes:
                self._add(code, _CODE, item.id)
            self._add(item.name, _NAME, item.id)
            for alias in item.aliases:
                self._add(alias.name, _ALIAS, item.id)
        for matches in self._by_key.values():
            matches.sort()

    def _add(self, text: str, rank: int, item_id: str) -> None:
        key = name_key(text)
        if key:
            entries = self._by_key.setdefault(key, [])
            if not any(r == rank and i == item_id for r, i, _ in entries):
                entries.append((rank, item_id, text))

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[ControlledItem]:
        return iter(self._by_id.values())

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id

    def __getitem__(self, item_id: str) -> ControlledItem:
        try:
            return self._by_id[item_id]
        except KeyError:
            raise UnknownItemError(item_id, self.suggest(item_id)) from None

    def get(self, item_id: str) -> ControlledItem | None:
        """The item with this id, or None."""
        return self._by_id.get(item_id)

    def resolve(self, query: str) -> tuple[tuple[ControlledItem, ...], str]:
        """The items a query denotes (best-ranked match: id, then code, then description, then alias) and the text matched.

        Texts are compared by :func:`~sanctiontrack.model.names.name_key` (case, width and punctuation
        ignored); a leading ``ECCN`` is optional. Raises :class:`UnknownItemError` with suggestions.

        >>> from sanctiontrack import load
        >>> items, matched = load().items.resolve("eccn 0d521 no. 1")
        >>> [i.id for i in items], matched
        (['eccn-0d521-geospatial-imagery-software'], 'ECCN 0D521 No. 1')
        """
        if not isinstance(query, str) or not query.strip():
            raise UnknownItemError(str(query), ())
        key = name_key(query)
        matches = self._by_key.get(key)
        if not matches:
            for prefix in _PREFIXES:
                if key.startswith(prefix):
                    matches = self._by_key.get(key[len(prefix) :])
                    break
        if not matches:
            raise UnknownItemError(query, self.suggest(query))
        best = matches[0][0]
        chosen = [m for m in matches if m[0] == best]
        return tuple(self._by_id[item_id] for _, item_id, _ in chosen), chosen[0][2]

    def suggest(self, text: str, limit: int = 5) -> tuple[str, ...]:
        """Codes and descriptions close to ``text``, best first, for "did you mean" messages."""
        from rapidfuzz import fuzz, process  # imported here: plain lookups do not need it

        key = name_key(text)
        if not key:
            return ()
        found: dict[str, str] = {}  # one suggestion per item: the code that matched, else its id
        for choice, _score, _ in process.extract(key, list(self._by_key), scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=60):
            for rank, item_id, shown in self._by_key[choice]:
                if item_id not in found:
                    found[item_id] = shown if rank == _CODE else item_id
        return tuple(dict.fromkeys(found.values()))[:limit]
