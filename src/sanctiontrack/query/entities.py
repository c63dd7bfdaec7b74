"""Entity lookup by id, name or alias in any script, with ranked suggestions for near misses."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from ..model.errors import AmbiguousEntityError, UnknownEntityError
from ..model.names import name_key
from ..model.records import Entity, Link
from ..model.vocabulary import LinkRelation

if TYPE_CHECKING:
    from .reports import EntityMatch, Related

__all__ = ["SUGGEST_CUTOFF", "Entities", "closeness", "denoted"]

#: The lowest :func:`closeness` (0–100) of a name offered as "did you mean".
SUGGEST_CUTOFF = 80.0
_CANDIDATES = 200  # at most this many names alike as a whole are scored per suggestion
_WORD = 80.0  # the lowest similarity of a typed word to a word of the name for it to count as that word


class NameIndex(Protocol):
    """A name index that answers screening's bulk questions without decoding every entry (a compiled store's)."""

    def named_keys(self) -> list[str]:
        """The keys some name or alias has (not an id's words alone), in index order."""
        ...

    def named_many(self, keys: Sequence[str]) -> list[list[tuple[int, str, str]] | None]:
        """The entries filed under each key, None for a key not filed."""
        ...


def closeness(typed: str, known: str) -> float:
    """How close a typed name key is to a known one (0–100), for suggestions.

    The higher of the whole keys' similarity (rapidfuzz's ``ratio``: misspellings) and, when every
    typed word is like a word of the known name (``ratio`` at least 80), their similarity weighted by
    length, times 0.95 (a shorter form of the name ranks below a misspelling of all of it).

    >>> round(closeness("hauwei", "huawei")), round(closeness("hikvison digital", "hangzhou hikvision digital technology"))
    (83, 92)
    >>> round(closeness("smic", "qq music")), round(closeness("bytedanse", "dan")), round(closeness("acme widgets", "widgets"))
    (50, 50, 74)
    """
    from rapidfuzz import fuzz

    whole = float(fuzz.ratio(typed, known))
    words = known.split()
    typed_words = typed.split()
    if not words or not typed_words:
        return whole
    scores = [max(fuzz.ratio(w, k) for k in words) for w in typed_words]
    if min(scores) < _WORD:
        return whole
    covered = sum(s * len(w) for s, w in zip(scores, typed_words, strict=True)) / sum(len(w) for w in typed_words)
    return max(whole, covered * 0.95)


def _spelling(name: str) -> str:
    """A name as typed, with case and runs of spaces ignored (finer than :func:`name_key`)."""
    return " ".join(name.split()).casefold()


def denoted(matches: Sequence[tuple[int, str, str]], typed: str | None = None) -> str | None:
    """The entity id that name-key matches ``(rank, entity id, name)`` denote, or None when they name several alike.

    One entity: that one. Several: the one that alone bears the spelling ``typed`` (case and spacing
    aside), else the one that alone has the key as its canonical name (rank 0); otherwise none, and
    the question is ambiguous: a shared a.k.a. is never settled by a silent pick.

    >>> denoted([(1, "unicom-group", "China Unicom"), (1, "unicom-hk", "CHINA UNICOM LIMITED")], "china unicom")
    'unicom-group'
    >>> denoted([(1, "unicom-group", "China Unicom"), (1, "unicom-hk", "CHINA UNICOM LIMITED")], "China Unicom Ltd") is None
    True
    >>> denoted([(0, "acme-ltd", "Acme Ltd"), (1, "acme-group", "Acme")])
    'acme-ltd'
    """
    ids = {entity_id for _, entity_id, _ in matches}
    if len(ids) == 1:
        return next(iter(ids))
    narrowings = [[m for m in matches if _spelling(m[2]) == _spelling(typed)]] if typed is not None else []
    narrowings.append([m for m in matches if m[0] == 0])
    for narrowed in narrowings:
        found = {entity_id for _, entity_id, _ in narrowed}
        if len(found) == 1:
            return next(iter(found))
    return None


class Entities:
    """The entities of a dataset, resolvable by id, canonical name or any alias.

    >>> from sanctiontrack import load
    >>> load().entities.resolve("科大讯飞")[0].id
    'iflytek'
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        by_id: dict[str, Entity] = {}
        by_key: dict[str, list[tuple[int, str, str]]] = {}
        for entity in entities:
            by_id[entity.id] = entity
            for rank, name in enumerate(entity.names):
                key = name_key(name)
                if key:
                    by_key.setdefault(key, []).append((0 if rank == 0 else 1, entity.id, name))
            by_key.setdefault(name_key(entity.id.replace("-", " ")), []).append((2, entity.id, entity.id))
        for matches in by_key.values():
            matches.sort()
        self._by_id: Mapping[str, Entity] = by_id
        self._by_key: Mapping[str, list[tuple[int, str, str]]] = by_key
        self._key_list: list[str] | None = None
        self._cache: dict[str, tuple[Entity, str]] = {}
        self._covered: Callable[[], object] | None = None  # the tracker's coverage, named in the error for an unknown name
        self._words: list[str] | None = None
        self._linked: dict[str, list[tuple[Entity, Link]]] | None = None
        self._linked_from: Mapping[str, Sequence[str]] | None = None  # who links to whom, by id, when known (a store keeps it)
        self._index: NameIndex | None = None  # bulk lookups of a store's name index, when over one

    @classmethod
    def _over(
        cls,
        by_id: Mapping[str, Entity],
        by_key: Mapping[str, list[tuple[int, str, str]]],
        linked_from: Mapping[str, Sequence[str]] | None = None,
        index: NameIndex | None = None,
    ) -> Entities:
        """Entities over ready-made indexes (a compiled store's), read when asked.

        ``linked_from``: who links to each entity, by id; ``index``: bulk lookups of ``by_key`` for screening.
        """
        self = cls.__new__(cls)
        self._linked_from = linked_from
        self._index = index
        self._by_id, self._by_key, self._key_list, self._cache = by_id, by_key, None, {}
        self._covered = None
        self._words = None
        self._linked = None
        return self

    @property
    def _keys(self) -> list[str]:
        if self._key_list is None:
            self._key_list = list(self._by_key)
        return self._key_list

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __getitem__(self, entity_id: str) -> Entity:
        try:
            return self._by_id[entity_id]
        except KeyError:
            raise UnknownEntityError(entity_id, self.suggest(entity_id), coverage=self._coverage()) from None

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._by_id.get(entity_id)

    def resolve(self, query: str) -> tuple[Entity, str]:
        """The entity a name or id denotes, and the name that matched.

        Exact ids win; then names compared by :func:`name_key` (case, width, diacritics, punctuation
        and legal suffixes ignored), canonical names before aliases. Raises
        :class:`UnknownEntityError` with ranked suggestions when nothing matches.

        >>> from sanctiontrack import load
        >>> entity, matched = load().entities.resolve("HUAWEI TECHNOLOGIES CO., LTD")
        >>> entity.id, matched
        ('huawei', 'Huawei Technologies Co., Ltd.')
        """
        hit = self._cache.get(query)
        if hit is not None:
            return hit
        entity = self._by_id.get(query)
        if entity is not None:
            found = (entity, entity.name)
        else:
            matches = self._by_key.get(name_key(query)) if isinstance(query, str) else None
            if not matches:
                begun = self._begun_by(str(query))
                if begun:
                    raise AmbiguousEntityError(str(query), begun, coverage=self._coverage())
                raise UnknownEntityError(str(query), self.suggest(str(query)), coverage=self._coverage())
            entity_id, name = self._pick(str(query), matches)
            found = (self._by_id[entity_id], name)
        if len(self._cache) < 100_000:
            self._cache[query] = found
        return found

    def _pick(self, text: str, matches: Sequence[tuple[int, str, str]]) -> tuple[str, str]:
        """The one entity a name key denotes, and the name that matched; :class:`AmbiguousEntityError` when it names several.

        Several entities can share a key (``China Unicom`` is an a.k.a. of two listed companies); see
        :func:`denoted` for when the key still denotes one of them. Ids count only when no name does.
        """
        named = [m for m in matches if m[0] < 2]
        if not named:
            return matches[0][1], matches[0][2]
        entity_id = denoted(named, text)
        if entity_id is None:
            shared = sorted(f"{self._by_id[e].name} [{e}]" for e in {m[1] for m in named})
            raise AmbiguousEntityError(text, tuple(shared), coverage=self._coverage(), shared=True)
        rows = [m for m in named if m[1] == entity_id]
        if len(rows) < len(named):  # a shared key: the name it was settled by, when that was the spelling
            rows = [m for m in rows if _spelling(m[2]) == _spelling(text)] or rows
        return entity_id, rows[0][2]

    def _begun_by(self, text: str) -> tuple[str, ...]:
        """The entities (``name [id]``) whose name or alias begins with the words of ``text``: what a partial name could mean."""
        key = name_key(text)
        if not key:
            return ()
        start = key + " "
        found = {entity_id for k in self._keys if k.startswith(start) for rank, entity_id, _ in self._by_key[k] if rank < 2}
        return tuple(sorted(f"{self._by_id[e].name} [{e}]" for e in found))

    def _links_to(self, entity_id: str) -> list[tuple[Entity, Link]]:
        """The entities whose links point at ``entity_id`` (its subsidiaries, brands, parts and affiliates), with those links.

        Over a store, only the entities its index names as linking to ``entity_id`` are decoded.
        """
        if self._linked_from is not None:
            linking = (self._by_id[i] for i in self._linked_from.get(entity_id, ()))
            return [(entity, link) for entity in linking for link in entity.links if link.entity == entity_id]
        if self._linked is None:
            linked: dict[str, list[tuple[Entity, Link]]] = {}
            for entity in self:
                for link in entity.links:
                    linked.setdefault(link.entity, []).append((entity, link))
            self._linked = linked
        return self._linked.get(entity_id, [])

    def related(self, entity_id: str) -> tuple[Related, ...]:
        """The entities linked to ``entity_id`` either way, with each link's relation, dates, sources and note.

        ``role`` is what the other entity is to this one: ``parent`` (this one is its subsidiary,
        brand, part, or owned by it), ``subsidiary`` (the other way round) or ``affiliate`` (an
        affiliation or association, either way). Parents come first, then subsidiaries, then
        affiliates, each by name.

        >>> from sanctiontrack import load
        >>> [(r.role, r.entity.id, r.relation.value) for r in load().entities.related("alipay")]
        [('parent', 'ant-group', 'owned_by')]
        """
        from .reports import Related

        entity = self[entity_id]
        out: list[Related] = []
        for link in entity.links:
            other = self._by_id.get(link.entity)
            if other is not None:
                role = "parent" if link.relation.ownership else "affiliate"
                out.append(Related(other, role, link.relation, "from", link.start, link.until, link.sources, link.note))
        for other, link in self._links_to(entity.id):
            role = "subsidiary" if link.relation.ownership else "affiliate"
            out.append(Related(other, role, link.relation, "to", link.start, link.until, link.sources, link.note))
        order = {"parent": 0, "subsidiary": 1, "affiliate": 2}
        return tuple(sorted(out, key=lambda r: (order[r.role], r.entity.name.casefold(), r.entity.id)))

    def members(self, entity_id: str) -> tuple[Entity, ...]:
        """The group under ``entity_id``: the entity, then every entity linked to it as a subsidiary, brand, part or affiliate, and theirs.

        Links of any date count (a group question is then answered for each member on the day asked,
        where each link's own dates decide whether a restriction reaches it); ``associated_with``
        links do not make a member.

        >>> from sanctiontrack import load
        >>> [e.id for e in load().entities.members("ant-group")]
        ['ant-group', 'alipay']
        """
        first = self[entity_id]
        seen: dict[str, Entity] = {first.id: first}
        queue = [first.id]
        while queue:
            current = queue.pop(0)
            below = sorted(self._links_to(current), key=lambda pair: (pair[0].name.casefold(), pair[0].id))
            for other, link in below:
                if link.relation is not LinkRelation.ASSOCIATED_WITH and other.id not in seen:
                    seen[other.id] = other
                    queue.append(other.id)
        return tuple(seen.values())

    def search(self, text: str, limit: int = 10, cutoff: float = 60.0) -> tuple[EntityMatch, ...]:
        """Entities whose names resemble ``text``, best first, one row per entity.

        >>> from sanctiontrack import load
        >>> load().entities.search("hikvison")[0].entity.id
        'hikvision'
        """
        from rapidfuzz import fuzz, process  # imported here: plain lookups do not need it

        from .reports import EntityMatch

        key = name_key(text)
        if not key:
            return ()
        scored: dict[str, EntityMatch] = {}
        exact = self._by_key.get(key, ())
        for _, entity_id, name in exact:
            scored.setdefault(entity_id, EntityMatch(self._by_id[entity_id], name, 100.0))
        for choice, score, _ in process.extract(key, self._keys, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=cutoff):
            for _, entity_id, name in self._by_key[choice]:
                if entity_id not in scored or scored[entity_id].score < score:
                    scored[entity_id] = EntityMatch(self._by_id[entity_id], name, float(score))
        ranked = sorted(scored.values(), key=lambda m: (-m.score, -fuzz.ratio(key, name_key(m.name)), m.entity.id))
        return tuple(ranked[:limit])

    def suggest(self, text: str, limit: int = 5, cutoff: float = SUGGEST_CUTOFF) -> tuple[str, ...]:
        """Names close to ``text``, best first, for "did you mean" messages; none when no name scores ``cutoff`` (0–100).

        A name is close when the whole names are alike (a misspelling: ``Hauwei``), or when every
        word typed is, spelt right or nearly, a word of the name (a shorter form: ``Hikvison
        Digital``); see :func:`closeness`. A name that only shares some letters with the text, or
        only one of its words, is not offered (``SMIC`` never suggests ``QQ Music``).

        >>> from sanctiontrack import load
        >>> load().entities.suggest("Hauwei")[0]
        'Huawei (Huawei Technologies Co., Ltd.)'
        >>> load().entities.suggest("Acme Widgets")
        ()
        """
        found = self._close(text, limit, cutoff)
        return tuple(name if name == self._by_id[eid].name else f"{name} ({self._by_id[eid].name})" for _, eid, name in found)

    def _close(self, text: str, limit: int, cutoff: float) -> list[tuple[float, str, str]]:
        """The entities with a name close to ``text`` as (closeness, entity id, name), best first."""
        from rapidfuzz import fuzz, process  # imported here: plain lookups do not need it

        key = name_key(text)
        if not key:
            return []
        # Candidates: names alike as a whole, and names holding a word like each typed word
        candidates = {c for c, _, _ in process.extract(key, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=_CANDIDATES)}
        vocabulary = self._vocabulary()
        alike = [
            {w for w, _, _ in process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=_WORD, limit=None)} for word in key.split()
        ]
        alike.sort(key=len)
        if alike and alike[0]:
            rarest = alike[0]
            for known in self._keys:
                words = known.split()
                if not rarest.isdisjoint(words) and all(not others.isdisjoint(words) for others in alike[1:]):
                    candidates.add(known)
        best: dict[str, tuple[float, str]] = {}  # entity id -> (score, name)
        for choice in sorted(candidates):
            score = closeness(key, choice)
            if score < cutoff:
                continue
            for _, entity_id, name in self._by_key[choice]:
                if entity_id not in best or best[entity_id][0] < score:
                    best[entity_id] = (score, name)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
        return [(score, eid, name) for eid, (score, name) in ranked]

    def _vocabulary(self) -> list[str]:
        """Every word of a name key, once (built on the first suggestion)."""
        if self._words is None:
            self._words = sorted(set(" ".join(self._keys).split()))
        return self._words

    def _coverage(self) -> object:
        return self._covered() if self._covered is not None else None

    def _named(self, key: str) -> list[tuple[int, str, str]]:
        """The entities a normalized key names, by a name or alias (ids left out): for screening."""
        return [entry for entry in self._by_key.get(key, ()) if entry[0] < 2]

    def _named_many(self, keys: Sequence[str]) -> list[list[tuple[int, str, str]]]:
        """``_named`` of each key, looked up in bulk over a store (a screened list's matches)."""
        if self._index is None:
            return [self._named(key) for key in keys]
        return [[entry for entry in found if entry[0] < 2] if found else [] for found in self._index.named_many(keys)]

    def _name_keys(self) -> list[str]:
        """Every normalized key of a name or alias (ids left out: a screened list holds names).

        Over a store, from each key's stored best rank: no entry is decoded.
        """
        if self._index is not None:
            return self._index.named_keys()
        return [key for key, entries in self._by_key.items() if entries[0][0] < 2]
