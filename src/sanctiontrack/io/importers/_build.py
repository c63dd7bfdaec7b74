"""Turning list rows into records: one entity per party, one listing action per list and first rule, merged with curated data.

A party (one or more rows of one list) becomes an entity with every name, a.k.a., address, its
country and the list's row ids. The curated data's entities are found again, in this order, by a
CSL row id recorded in their notes, then by name (canonical or alias) where exactly one curated
entity has it; a name shared by several curated entities is reported and not merged. A merged
entity keeps its curated record; the list's spellings become aliases noted with their row ids.

Parties first cited by the same Federal Register rule on the same list share one listing action
(a citation a few pages into a rule, ``84 FR 22963``, is the rule starting at ``84 FR 22961`` when
the list's date is the rule's publication or effective day: the CSL mostly gives the first, for some
rules the second). Its dates: the publication date where the list gives it; the effective date
from the curated action citing the same rule, else inferred from publication
(confidence ``inferred``, with a note); where the list gives no date at all, the snapshot's day
(``inferred``: the party was listed by then at the latest). A curated party a curated action
already lists under that rule is left to the curated action (its evidence and dates win).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import attrs
import pendulum

from ...model.dates import Confidence, DateValue
from ...model.names import name_key
from ...model.records import (
    Action,
    Alias,
    Dataset,
    Dates,
    Entity,
    Evidence,
    Identifier,
    Instrument,
    Note,
    Prohibition,
    Snapshot,
    Source,
    Target,
)
from ...model.vocabulary import EntityKind, InstrumentType, OfficialList, Role, SourceKind
from .report import ImportReport

__all__ = ["Builder", "Party", "fr_citations"]

_ROW_ID = re.compile(r"\b[0-9a-f]{40}\b")
_FR = re.compile(r"(\d{1,3})\s*F\.?\s*R\.?\s*(\d{1,6})")
RULE_PAGES = 60  # how far into a rule a list's citation may point
#: Lists whose ``start_date`` is the effective date of the listing (the Denied Persons List gives the order's dates).
START_IS_EFFECTIVE = frozenset({OfficialList.DPL, OfficialList.ISN})
#: Lists whose rows are one party each (Treasury's entity numbers); the others give one row per address.
ONE_ROW_PER_PARTY = frozenset(
    {OfficialList.SDN, OfficialList.SSI, OfficialList.FSE, OfficialList.PLC, OfficialList.CAP, OfficialList.NS_MBS, OfficialList.CMIC}
)


def fr_citations(text: str) -> tuple[tuple[int, int], ...]:
    """The Federal Register citations in a list's field, in order, as (volume, page).

    >>> fr_citations("84 FR 22963, 84 FR 43495; 68 F.R. 38290 6/27/03")
    ((84, 22963), (84, 43495), (68, 38290))
    """
    return tuple((int(v), int(p)) for v, p in _FR.findall(text))


@attrs.frozen(slots=True)
class Party:
    """What one row says about a listed party."""

    official: OfficialList
    row_id: str
    name: str
    path: str
    line: int
    kind: EntityKind = EntityKind.COMPANY
    alt_names: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    country: str | None = None
    citations: tuple[tuple[int, int], ...] = ()
    citation_text: str = ""
    start: pendulum.Date | None = None
    end: pendulum.Date | None = None
    published: pendulum.Date | None = None
    program: str = ""
    requirement: str = ""
    number: str = ""


@attrs.define
class _Draft:
    id: str
    name: str
    kind: EntityKind
    country: str | None
    snapshot: Snapshot
    curated: Entity | None = None
    aliases: list[Alias] = attrs.field(factory=list)
    addresses: list[str] = attrs.field(factory=list)
    row_ids: list[str] = attrs.field(factory=list)
    lists: set[OfficialList] = attrs.field(factory=set)
    known: set[str] = attrs.field(factory=set)  # casefolded names it has


@attrs.frozen(slots=True)
class _Rule:
    volume: int
    page: int
    days: frozenset[pendulum.Date]  # its publication and effective days: a list's start_date is one of them
    action: Action


@attrs.define
class _Group:
    official: OfficialList
    key: tuple[object, ...]
    citation: tuple[int, int] | None
    start: pendulum.Date | None
    end: pendulum.Date | None
    published: pendulum.Date | None
    rule: _Rule | None
    program: str
    requirement: str
    snapshot: Snapshot
    targets: dict[str, str] = attrs.field(factory=dict)  # entity id -> spelling on the list
    rows: int = 0


def _slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return slug or "party"


class Builder:
    """Collects the parties of one or more list files and turns them into records, merged with ``curated``."""

    def __init__(self, curated: Dataset | None, report: ImportReport) -> None:
        self.curated = curated or Dataset()
        self.report = report
        self.snapshots: list[Snapshot] = []
        self.sources: dict[str, Source] = {}
        self._drafts: dict[str, _Draft] = {}
        self._by_list_key: dict[tuple[OfficialList, str], list[str]] = {}  # (list, name key) -> its parties, first listed first
        self._first_rules: dict[
            tuple[OfficialList, str], set[tuple[tuple[int, int] | None, pendulum.Date | None]]
        ] = {}  # first rules, days
        self._by_row: dict[str, str] = {}
        self._by_name: dict[str, set[str]] = {}
        self._groups: dict[tuple[object, ...], _Group] = {}
        self._snapshot: Snapshot | None = None
        self._seen: dict[str, set[str]] = {}  # snapshot id -> entity ids seen in it, by list
        self._seen_lists: dict[tuple[str, OfficialList], set[str]] = {}
        self._curated_rows: dict[str, str] = {}
        self._curated_names: dict[str, set[str]] = {}
        self._curated_canonical: dict[str, set[str]] = {}  # name key -> curated entities with it as their canonical name
        self._curated_by_id = {e.id: e for e in self.curated.entities}
        self._curated_action_ids = {a.id for a in self.curated.actions}
        self._rules: list[_Rule] = []
        self._pages: dict[tuple[int, int], list[Action]] = {}
        self._keys: dict[str, str] = {}
        self._near: dict[tuple[object, ...], list[_Group]] = {}
        self._index_curated()

    # -- the curated data ------------------------------------------------------------------------

    def _index_curated(self) -> None:
        """Row ids in the curated entities' notes and identifiers, their name keys, and the rules curated actions cite."""
        for entity in self.curated.entities:
            texts = [a.note or "" for a in entity.aliases] + [n.text for n in entity.notes]
            for text in texts:
                for row_id in _ROW_ID.findall(text):
                    self._curated_rows.setdefault(row_id, entity.id)
            for identifier in entity.identifiers:
                self._curated_rows.setdefault(identifier.value, entity.id)
            for name in entity.names:
                self._curated_names.setdefault(name_key(name), set()).add(entity.id)
            self._curated_canonical.setdefault(name_key(entity.name), set()).add(entity.id)
        for action in self.curated.actions:
            for instrument in action.instruments:
                for page in fr_citations(instrument.value):  # any instrument naming a page (a rule whose first page is unknown)
                    self._pages.setdefault(page, []).append(action)
                if instrument.type is InstrumentType.FR_CITATION:
                    found = fr_citations(instrument.value)
                    if found:
                        days = frozenset(d.date for d in (action.dates.published, action.dates.effective) if d is not None)
                        self._rules.append(_Rule(found[0][0], found[0][1], days, action))

    def _rule(self, citation: tuple[int, int] | None, published: pendulum.Date | None) -> _Rule | None:
        """The curated action of the rule a list's citation points into, if any."""
        if citation is None:
            return None
        volume, page = citation
        best: _Rule | None = None
        for rule in self._rules:
            if rule.volume != volume or not 0 <= page - rule.page <= RULE_PAGES:
                continue
            if published is not None and rule.days and published not in rule.days:
                continue
            if best is None or rule.page > best.page:
                best = rule
        return best

    # -- snapshots ---------------------------------------------------------------------------------

    def begin(self, snapshot: Snapshot, source: Source | None) -> None:
        """Start reading the file of one snapshot."""
        if source is not None and not any(s.id == source.id for s in self.curated.sources):
            self.sources.setdefault(source.id, source)
        self.snapshots.append(snapshot)
        self._snapshot = snapshot

    @property
    def snapshot(self) -> Snapshot:
        assert self._snapshot is not None, "begin() a snapshot first"
        return self._snapshot

    def _snapshot_source(self) -> str:
        return _source_of(self.snapshot)

    # -- parties ------------------------------------------------------------------------------------

    def add(self, party: Party) -> None:
        """Add one row's party: find or make its entity, put it in its listing group, count the row."""
        entity_id, merged = self._entity_for(party)
        draft = self._drafts[entity_id]
        self._spell(draft, party)
        seen = self._seen_lists.setdefault((self.snapshot.id, party.official), set())
        seen.add(entity_id)
        if merged:
            self.report.merged += 1
        else:
            self.report.imported += 1
        self._group(party, entity_id)

    def _entity_for(self, party: Party) -> tuple[str, bool]:
        key = party.number if party.official in ONE_ROW_PER_PARTY and party.number else self._key(party.name)
        known = self._by_row.get(party.row_id)
        if known is None and party.row_id not in self._curated_rows:  # a row the curated data names is that entity's, whatever its key
            known = self._same_party(party, key)
        if known is not None:
            self._remember(party, key, known)
            return known, self._drafts[known].curated is not None
        curated_id = self._curated_rows.get(party.row_id)
        how = "row id"
        if curated_id is None:
            candidates = set(self._curated_names.get(self._key(party.name), set()))
            if len(candidates) > 1:  # one curated entity's own name beats others' a.k.a.s (``CHINA MOBILE LIMITED``)
                canonical = candidates & self._curated_canonical.get(self._key(party.name), set())
                if len(canonical) == 1:
                    candidates = canonical
            if not candidates:  # the list's own name first: an a.k.a. (``CHINA MOBILE``) may be shared by a group
                for name in party.alt_names:
                    candidates |= self._curated_names.get(self._key(name), set())
            if len(candidates) == 1:
                curated_id = next(iter(candidates))
                how = "name"
            elif len(candidates) > 1:
                self.report.ambiguous.append(
                    f"{party.path}:{party.line}: {party.name!r} ({party.official.value}) has the name of several curated entities "
                    f"({', '.join(sorted(candidates))}); imported as a new entity, not merged"
                )
        if curated_id is not None:
            if curated_id not in self._drafts:
                entity = self._curated_by_id[curated_id]
                self._drafts[curated_id] = _Draft(entity.id, entity.name, entity.kind, entity.country, self.snapshot, curated=entity)
            if how == "name":
                rule = self._rule(party.citations[0] if party.citations else None, party.published)
                if rule is None or curated_id not in rule.action.entity_ids:
                    self.report.ambiguous.append(
                        f"{party.path}:{party.line}: {party.name!r} ({party.official.value}) merged with curated entity "
                        f"{curated_id!r} by name only (no row id, no curated action of its rule lists it)"
                    )
            self._remember(party, key, curated_id)
            return curated_id, True
        if party.kind is not EntityKind.PERSON:
            others = {
                eid
                for eid in self._by_name.get(self._key(party.name), set())
                if self._drafts[eid].kind is not EntityKind.PERSON and party.official not in self._drafts[eid].lists
            }
            if len(others) == 1:
                found = next(iter(others))
                self._remember(party, key, found)
                return found, self._drafts[found].curated is not None
            if len(others) > 1:
                self.report.ambiguous.append(
                    f"{party.path}:{party.line}: {party.name!r} ({party.official.value}) has the name of several listed parties "
                    f"({', '.join(sorted(others))}); imported as a new entity"
                )
        entity_id = self._new_id(party)
        self._drafts[entity_id] = _Draft(entity_id, party.name, party.kind, party.country, self.snapshot)
        self._remember(party, key, entity_id)
        return entity_id, False

    def _same_party(self, party: Party, key: str) -> str | None:
        """The party already read from this list under the same name key that this row belongs to, or None.

        A list names one party in several rows when it is listed under several countries' headings
        or by several rules, and such rows are merged. Rows whose names differ in legal form only
        (``Corad Technology Limited``, HK, 2019; ``Corad Technology Pte Ltd.``, SG, 2021) are kept
        apart when they also differ in country and in the rule and day that first listed them: they
        are different companies, and merging them would date the later one's listing to the earlier's.
        """
        found = self._by_list_key.get((party.official, key))
        if not found:
            return None
        first = (party.citations[0] if party.citations else None, party.start)
        for entity_id in found:
            draft = self._drafts[entity_id]
            if party.country is None or draft.country is None or party.country == draft.country:
                return entity_id
            if party.name.casefold() in draft.known:  # the very name, under another country's heading
                return entity_id
            listed = self._first_rules.get((party.official, entity_id), set())
            if any(first[0] == rule or first[1] == day for rule, day in listed):
                return entity_id
        other = self._drafts[found[0]]
        self.report.ambiguous.append(
            f"{party.path}:{party.line}: {party.name!r} ({party.official.value}, {party.country}, first cited by "
            f"{_cite(first[0]) if first[0] else 'no rule'}) has the name key of {other.name!r} ({other.country}, {other.id}) "
            "on the same list but another spelling, country, first rule and day; imported as a separate party, not merged"
        )
        return None

    def _key(self, name: str) -> str:
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = name_key(name)
        return found

    def _new_id(self, party: Party) -> str:
        tail = re.sub(r"[^a-z0-9]", "", party.row_id.lower())[:8] or str(party.line)
        base = f"{_slug(party.name)}-{tail}"
        entity_id, n = base, 2
        while entity_id in self._drafts or entity_id in self._curated_by_id:
            entity_id, n = f"{base}-{n}", n + 1
        return entity_id

    def _remember(self, party: Party, key: str, entity_id: str) -> None:
        parties = self._by_list_key.setdefault((party.official, key), [])
        if entity_id not in parties:
            parties.append(entity_id)
        self._first_rules.setdefault((party.official, entity_id), set()).add((party.citations[0] if party.citations else None, party.start))
        if party.row_id:
            self._by_row.setdefault(party.row_id, entity_id)
        self._by_name.setdefault(self._key(party.name), set()).add(entity_id)
        self._drafts[entity_id].lists.add(party.official)

    def _spell(self, draft: _Draft, party: Party) -> None:
        """Add the row's spellings as aliases (noted with where they come from and the row id) and its addresses."""
        if party.row_id and party.row_id not in draft.row_ids:
            draft.row_ids.append(party.row_id)
        known = draft.known
        if not known:
            known.add(draft.name.casefold())
            if draft.curated is not None:
                known |= {name.casefold() for name in draft.curated.names}
        source = self._snapshot_source()
        where = f"{party.official.value} spelling in snapshot {self.snapshot.id}"
        row = f"; row id {party.row_id}" if party.row_id else ""
        for i, name in enumerate((party.name, *party.alt_names)):
            if name.casefold() in known:
                continue
            known.add(name.casefold())
            note = f"{where}{row}" if i == 0 else f"a.k.a. on the {where}{row}"
            draft.aliases.append(Alias(name, note=note, sources=(source,)))
        for address in party.addresses:
            if address not in draft.addresses:
                draft.addresses.append(address)
        if draft.country is None and party.country is not None:
            draft.country = party.country

    def _group(self, party: Party, entity_id: str) -> None:
        official = party.official
        citation = party.citations[0] if party.citations else None
        published = party.published
        rule = self._rule(citation, published)
        if rule is not None and entity_id in rule.action.entity_ids:
            return  # the curated action lists it under this rule: its evidence and dates win
        if entity_id in self._curated_by_id and self._listed_later(party, entity_id):
            return  # a curated addition lists it under a later rule the row also cites: the curated dates win
        if official in START_IS_EFFECTIVE:
            key: tuple[object, ...] = (official, citation, party.start, party.end)
            rule = None
        elif citation is not None:
            key = (official, rule.action.id) if rule is not None else (official, citation[0], published)
            if rule is None:
                near = [g for g in self._near.get(key[:3], ()) if g.citation is not None and abs(g.citation[1] - citation[1]) <= RULE_PAGES]
                key = near[0].key if near and published is not None else (*key, citation[1])
        else:
            key = (official, party.program.split(";")[0].strip())
        group = self._groups.get(key)
        if group is None:
            group = _Group(
                official, key, citation, party.start, party.end, published, rule, party.program, party.requirement, self.snapshot
            )
            self._groups[key] = group
            self._near.setdefault(key[:3], []).append(group)
        elif citation is not None and group.citation is not None and citation[1] < group.citation[1] and group.rule is None:
            group.citation = citation
        if group.published is None and published is not None:
            group.published = published
        group.rows += 1
        group.targets.setdefault(entity_id, party.name)

    def _listed_later(self, party: Party, entity_id: str) -> bool:
        """Whether a curated addition of this list's kind lists the entity under another rule the row cites.

        The CSL sometimes gives first the rule that added the entry's *neighbours* (NetPosa's row
        begins ``84 FR 54004`` although 85 FR 34505 listed it in June 2020); the curated record,
        checked against the rules, decides, and the disagreement is reported.
        """
        for citation in party.citations[1:]:
            rule = self._rule(citation, None)
            actions = ([rule.action] if rule is not None else []) + self._pages.get(citation, [])
            for action in actions:
                if action.kind is party.official.kind and entity_id in action.entity_ids:
                    self.report.ambiguous.append(
                        f"{party.path}:{party.line}: {party.name!r} ({party.official.value}) first cites {_cite(party.citations[0])}, "
                        f"but the curated action {action.id!r} lists it under {_cite(citation)}; the curated record's dates are kept"
                    )
                    return True
        return False

    # -- records ------------------------------------------------------------------------------------

    def entities(self) -> list[Entity]:
        """The new entities and the curated ones with the list's spellings, addresses and row ids added."""
        out: list[Entity] = []
        for draft in self._drafts.values():
            identifiers = tuple(Identifier("csl" if len(r) == 40 else "list", r) for r in draft.row_ids)
            if draft.curated is not None:
                entity = draft.curated
                have = {i.value for i in entity.identifiers}
                out.append(
                    attrs.evolve(
                        entity,
                        aliases=entity.aliases + tuple(draft.aliases),
                        addresses=entity.addresses + tuple(a for a in draft.addresses if a not in entity.addresses),
                        identifiers=entity.identifiers + tuple(i for i in identifiers if i.value not in have),
                    )
                )
                continue
            lists = ", ".join(sorted(o.value for o in draft.lists))
            out.append(
                Entity(
                    draft.id,
                    draft.name,
                    draft.kind,
                    draft.country,
                    tuple(draft.aliases[1:]) if draft.aliases and draft.aliases[0].name == draft.name else tuple(draft.aliases),
                    sources=(_source_of(draft.snapshot),),
                    addresses=tuple(draft.addresses),
                    identifiers=identifiers,
                    notes=(
                        Note(
                            draft.snapshot.as_of, f"Imported from {lists} in snapshot {draft.snapshot.id}; names as the list spells them."
                        ),
                    ),
                )
            )
        return out

    def actions(self) -> list[Action]:
        """One listing action per list and first rule (or program, for lists citing none)."""
        out: list[Action] = []
        used: set[str] = set(self._curated_action_ids)
        for group in self._groups.values():
            action = self._action(group, used)
            used.add(action.id)
            out.append(action)
        return out

    def _action(self, group: _Group, used: set[str]) -> Action:
        official = group.official
        snapshot = group.snapshot
        snapshot_source = _source_of(snapshot)
        evidence = [
            Evidence(
                snapshot_source,
                locator=f"rows with source {official.csl!r}"
                + (f" first citing {group.citation[0]} FR {group.citation[1]}" if group.citation else ""),
                supports=("targets", "published") if group.published else ("targets",),
                note=f"The list names these parties (snapshot {snapshot.id}).",
            )
        ]
        instruments: tuple[Instrument, ...] = ()
        if group.citation is not None:
            value = f"{group.citation[0]} FR {group.citation[1]}"
            instruments = (Instrument(InstrumentType.FR_CITATION, value),)
            if group.rule is not None:
                kinds = {src.id: src.kind for src in self.curated.sources}
                cited = [e.source for e in group.rule.action.evidence if kinds.get(e.source) in (SourceKind.PRIMARY, SourceKind.OFFICIAL)]
                if cited:
                    evidence.append(
                        Evidence(
                            cited[0],
                            locator="the rule's entries",
                            supports=("effective",),
                            note="The curated action's source for this rule.",
                        )
                    )
            else:
                source_id = f"fr-{group.citation[0]}-{group.citation[1]}"
                self.sources.setdefault(
                    source_id,
                    Source(
                        source_id,
                        SourceKind.PRIMARY,
                        "Office of the Federal Register",
                        f"Federal Register rule cited as {value}",
                        DateValue(group.published) if group.published is not None else None,
                        f"https://www.federalregister.gov/citation/{group.citation[0]}-FR-{group.citation[1]}",
                    ),
                )
                evidence.append(Evidence(source_id, locator=f"page {group.citation[1]}", supports=("instruments",)))
        dates, notes = self._dates(group)
        label = f"{group.citation[0]} FR {group.citation[1]}" if group.citation else (group.program or "no program given")
        base = f"{official.value.lower()}-" + (
            f"{group.citation[0]}-fr-{group.citation[1]}" if group.citation else _slug(group.program or "listed", 40)
        )
        action_id, n = base, 2
        while action_id in used:
            action_id, n = f"{base}-{n}", n + 1
        summary = group.requirement or official.description
        acknowledged: tuple[str, ...] = ()
        if dates.effective is not None and dates.published is not None and dates.effective.date < dates.published.date:
            acknowledged = ("effective-before-published",)
        return Action(
            id=action_id,
            kind=official.kind,
            title=f"{official.value}: parties first listed under {label}",
            jurisdiction="US",
            authority=official.authority,
            dates=dates,
            summary=f"Imported from snapshot {snapshot.id}.",
            instruments=instruments,
            targets=tuple(Target(entity=eid, role=Role.LISTED, listed_as=name) for eid, name in group.targets.items()),
            restricts=(Prohibition("listing", official.category, _sentence(summary)),),
            evidence=tuple(evidence),
            notes=tuple(notes),
            acknowledged=acknowledged,
        )

    def _dates(self, group: _Group) -> tuple[Dates, list[Note]]:
        snapshot = group.snapshot
        as_of = snapshot.as_of
        notes: list[Note] = []
        if group.official in START_IS_EFFECTIVE:
            effective = DateValue(group.start) if group.start is not None else None
            ended = DateValue(group.end) if group.end is not None else None
            published = DateValue(group.published) if group.published is not None else None
            if effective is None:
                effective = DateValue(
                    as_of.date,
                    confidence=Confidence.INFERRED,
                    note=f"listed by {as_of} (snapshot {snapshot.id}) at the latest; the list gives no usable date",
                )
            return Dates(published=published, effective=effective, ended=ended), notes
        published = DateValue(group.published) if group.published is not None else None
        if group.rule is not None and group.rule.action.dates.effective is not None:
            effective = group.rule.action.dates.effective
            notes.append(Note(as_of, f"Effective date from the curated action {group.rule.action.id!r}, which cites the same rule."))
        elif published is not None:
            effective = DateValue(
                published.date,
                confidence=Confidence.INFERRED,
                note="taken as the Federal Register publication date the list gives; the rule's effective date is not recorded",
            )
        else:
            effective = DateValue(
                as_of.date,
                confidence=Confidence.INFERRED,
                note=f"listed by {as_of} (snapshot {snapshot.id}) at the latest; the list gives no date",
            )
        return Dates(published=published, effective=effective), notes

    def dataset(self) -> Dataset:
        """The curated records with the imported ones added (curated entities replaced by their merged versions)."""
        entities = self.entities()
        self.report.entities = sum(1 for e in entities if e.id not in self._curated_by_id)
        replaced = {e.id: e for e in entities if e.id in self._curated_by_id}
        actions = self.actions()
        self.report.actions = len(actions)
        curated = self.curated
        return Dataset(
            tuple(replaced.get(e.id, e) for e in curated.entities) + tuple(e for e in entities if e.id not in self._curated_by_id),
            curated.sources + tuple(self.sources.values()),
            curated.actions + tuple(actions),
            curated.items,
            curated.snapshots + tuple(s for s in self.snapshots if s.id not in {c.id for c in curated.snapshots}),
        )

    def seen(self, snapshot_id: str, official: OfficialList) -> set[str]:
        """The entity ids a snapshot lists on one list."""
        return self._seen_lists.get((snapshot_id, official), set())


def _cite(citation: tuple[int, int]) -> str:
    return f"{citation[0]} FR {citation[1]}"


def _source_of(snapshot: Snapshot) -> str:
    return snapshot.sources[0] if snapshot.sources else f"snapshot-{snapshot.id}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith(".") else text + "."


def lists_in(parties: Iterable[Party]) -> Sequence[OfficialList]:
    """The lists some parties are on, in the table's order."""
    found = {p.official for p in parties}
    return [o for o in OfficialList if o in found]
