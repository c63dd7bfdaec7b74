"""Checks beyond shape: references resolve, dates make sense, quotes are in their seeds.

Each check yields located problems; warnings flag what is unusual but legal (a rule effective
before it was published) and become errors under ``--strict``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..io.read import Origin, ReadResult
from ..io.seeds import SeedLibrary
from ..model.dates import Confidence, DateValue
from ..model.errors import Problem, Severity
from ..model.names import did_you_mean
from ..model.records import Action, Entity
from ..model.vocabulary import InstrumentType, RelationType, SourceKind

__all__ = ["check"]

_INSTRUMENT_FORMATS: dict[InstrumentType, tuple[re.Pattern[str], str]] = {
    InstrumentType.FR_CITATION: (re.compile(r"^\d{1,3} FR \d{1,6}$"), "a Federal Register citation like '84 FR 22961'"),
    InstrumentType.FR_DOCUMENT: (re.compile(r"^(?:E\d-)?\d{4}-\d{4,6}$"), "a Federal Register document number like '2019-10616'"),
    InstrumentType.EXECUTIVE_ORDER: (re.compile(r"^\d{5}$"), "an executive order number like '13942'"),
    InstrumentType.PUBLIC_LAW: (re.compile(r"^\d{2,3}-\d{1,3}\b.*$"), "a public law number like '115-232, sec. 889'"),
}
_RESTRICTION_FACTS = ("effective", "published", "signed", "announced", "ended")


class _Checker:
    def __init__(self, read: ReadResult, seeds: SeedLibrary) -> None:
        self.read = read
        self.seeds = seeds
        self.problems: list[Problem] = []
        data = read.dataset
        self.entities = {e.id for e in data.entities} | set(read.declared["entities"])
        self.sources = {s.id: s for s in data.sources}
        self.source_ids = set(self.sources) | set(read.declared["sources"])
        self.actions = {a.id: a for a in data.actions}
        self.action_ids = set(self.actions) | set(read.declared["actions"])
        self.cited: set[str] = set()

    def add(
        self,
        origin: Origin,
        rel: Sequence[str | int],
        record: str,
        message: str,
        code: str,
        severity: Severity = "error",
        key: bool = False,
    ) -> None:
        path, line, col = origin.where(rel, key=key)
        self.problems.append(Problem(path, line, col, record, message, severity, code))

    def reference(self, origin: Origin, rel: Sequence[str | int], record: str, kind: str, ref: str, known: set[str]) -> bool:
        if ref in known:
            return True
        hint = did_you_mean(ref, sorted(known))
        suffix = f"; did you mean {hint!r}?" if hint else ""
        self.add(origin, rel, record, f"unknown {kind} {ref!r}{suffix}", "unknown-reference")
        return False

    def run(self) -> list[Problem]:
        self.raw_records()
        for entity in self.read.dataset.entities:
            self.entity(entity)
        for action in self.read.dataset.actions:
            self.action(action)
        self.cycles()
        for source in self.read.dataset.sources:
            origin = self.read.origins[("sources", source.id)]
            if source.id not in self.cited:
                self.add(origin, ("id",), source.id, f"source {source.id!r} is never cited", "unused-source", "warning")
            if source.kind is SourceKind.SEED and source.seed and self.seeds.text(source.seed) is None:
                folders = ", ".join(str(f) for f in self.seeds.folders) or "no seed folder"
                self.add(origin, ("seed",), source.id, f"seed file {source.seed!r} not found (looked in {folders})", "seed-missing")
        return self.problems

    def raw_records(self) -> None:
        """References and identifiers in records that failed the schema, so one run reports them too."""
        valid = set(self.read.origins)
        for collection, declared in self.read.declared.items():
            for record_id, origin in declared.items():
                if (collection, record_id) in valid:
                    continue
                record = _at(origin.file.data, origin.prefix)
                if not isinstance(record, dict):
                    continue
                for rel, kind, ref in _raw_references(collection, record):
                    known = {"entity": self.entities, "source": self.source_ids, "action": self.action_ids}[kind]
                    if kind == "source" and ref in known:
                        self.cited.add(ref)
                    self.reference(origin, rel, record_id, kind, ref, known)
                for i, instrument in enumerate(record.get("instruments") or ()):
                    if isinstance(instrument, dict) and isinstance(instrument.get("value"), str):
                        try:
                            kind_of = InstrumentType(instrument.get("type"))
                        except ValueError:
                            continue
                        fmt = _INSTRUMENT_FORMATS.get(kind_of)
                        if fmt and not fmt[0].match(instrument["value"]):
                            self.add(
                                origin,
                                ("instruments", i, "value"),
                                record_id,
                                f"'instruments[{i}].value' must be {fmt[1]} (got {instrument['value']!r})",
                                "instrument-format",
                            )

    def entity(self, entity: Entity) -> None:
        entity_id = entity.id
        origin = self.read.origins[("entities", entity_id)]
        names: dict[str, int] = {}
        for i, alias in enumerate(entity.aliases):
            # Case variants are harmless (lookups ignore case) and may document a listed spelling.
            if alias.name == entity.name and alias.note is None and alias.lang is None:
                self.add(
                    origin,
                    ("aliases", i, "name"),
                    entity_id,
                    f"alias {alias.name!r} repeats the canonical name without a note",
                    "alias",
                    "warning",
                )
            if alias.name in names:
                self.add(
                    origin,
                    ("aliases", i, "name"),
                    entity_id,
                    f"alias {alias.name!r} is listed twice (first as aliases[{names[alias.name]}])",
                    "alias",
                    "warning",
                )
            names.setdefault(alias.name, i)
        for i, alias in enumerate(entity.aliases):
            for j, source in enumerate(alias.sources):
                if self.reference(origin, ("aliases", i, "sources", j), entity_id, "source", source, self.source_ids):
                    self.cited.add(source)
        for j, source in enumerate(entity.sources):
            if self.reference(origin, ("sources", j), entity_id, "source", source, self.source_ids):
                self.cited.add(source)
        for i, link in enumerate(entity.links):
            if link.entity == entity_id:
                self.add(origin, ("links", i, "entity"), entity_id, "an entity cannot be linked to itself", "self-reference")
            else:
                self.reference(origin, ("links", i, "entity"), entity_id, "entity", link.entity, self.entities)
            for j, source in enumerate(link.sources):
                if self.reference(origin, ("links", i, "sources", j), entity_id, "source", source, self.source_ids):
                    self.cited.add(source)
            if link.start and link.until and _order(link.until, link.start, "UTC") <= 0:
                self.add(
                    origin, ("links", i, "until"), entity_id, f"'until' ({link.until}) must be after 'from' ({link.start})", "date-order"
                )

    def action(self, action: Action) -> None:
        origin = self.read.origins[("actions", action.id)]
        aid = action.id
        tz = action.zone
        dates = action.dates
        # -- dates
        if dates.effective and dates.ended and _order(dates.ended, dates.effective, tz) <= 0:
            self.add(
                origin,
                ("dates", "ended"),
                aid,
                f"'ended' ({dates.ended}) must be after 'effective' ({dates.effective}); 'ended' is the first day no longer in force",
                "date-order",
            )
        if dates.ended and not dates.effective:
            self.add(
                origin,
                ("dates", "ended"),
                aid,
                "'ended' is set but 'effective' is not: an action that never took effect cannot end",
                "date-order",
            )
        quiet = set(action.acknowledged)
        on_signing = (
            dates.signed is not None and dates.effective is not None and dates.signed.local_day(tz) == dates.effective.local_day(tz)
        )
        if (
            dates.effective
            and dates.published
            and not on_signing
            and _order(dates.effective, dates.published, tz) < 0
            and "effective-before-published" not in quiet
        ):
            self.add(
                origin,
                ("dates", "effective"),
                aid,
                f"effective ({dates.effective}) before published ({dates.published}): unusual but legal; "
                "check the source, then add 'effective-before-published' to 'acknowledged'",
                "effective-before-published",
                "warning",
            )
        if dates.published and dates.signed and _order(dates.published, dates.signed, tz) < 0 and "published-before-signed" not in quiet:
            self.add(
                origin,
                ("dates", "published"),
                aid,
                f"published ({dates.published}) before signed ({dates.signed}); "
                "check the source, then add 'published-before-signed' to 'acknowledged'",
                "published-before-signed",
                "warning",
            )
        if dates.effective and dates.signed and _order(dates.effective, dates.signed, tz) < 0 and "effective-before-signed" not in quiet:
            self.add(
                origin,
                ("dates", "effective"),
                aid,
                f"effective ({dates.effective}) before signed ({dates.signed}): retroactive; "
                "check the source, then add 'effective-before-signed' to 'acknowledged'",
                "effective-before-signed",
                "warning",
            )
        # -- instruments
        for i, instrument in enumerate(action.instruments):
            fmt = _INSTRUMENT_FORMATS.get(instrument.type)
            if fmt and not fmt[0].match(instrument.value):
                self.add(
                    origin,
                    ("instruments", i, "value"),
                    aid,
                    f"'instruments[{i}].value' must be {fmt[1]} (got {instrument.value!r})",
                    "instrument-format",
                )
        # -- prohibitions
        prohibition_ids: dict[str, int] = {}
        for i, prohibition in enumerate(action.restricts):
            if prohibition.id in prohibition_ids:
                self.add(origin, ("restricts", i, "id"), aid, f"duplicate prohibition id {prohibition.id!r}", "duplicate-id")
            prohibition_ids.setdefault(prohibition.id, i)
            if prohibition.effective and prohibition.ended and _order(prohibition.ended, prohibition.effective, tz) <= 0:
                self.add(
                    origin,
                    ("restricts", i, "ended"),
                    aid,
                    f"'ended' ({prohibition.ended}) must be after 'effective' ({prohibition.effective})",
                    "date-order",
                )
            if prohibition.effective and dates.effective and _order(prohibition.effective, dates.effective, tz) < 0:
                self.add(
                    origin,
                    ("restricts", i, "effective"),
                    aid,
                    f"prohibition effective ({prohibition.effective}) before the action itself ({dates.effective})",
                    "date-order",
                )
        # -- targets
        for i, target in enumerate(action.targets):
            if target.entity is not None:
                self.reference(origin, ("targets", i, "entity"), aid, "entity", target.entity, self.entities)
            for j, pid in enumerate(target.prohibitions):
                if pid not in prohibition_ids:
                    hint = did_you_mean(pid, list(prohibition_ids))
                    suffix = f"; did you mean {hint!r}?" if hint else ""
                    self.add(
                        origin,
                        ("targets", i, "prohibitions", j),
                        aid,
                        f"unknown prohibition {pid!r} of this action{suffix}",
                        "unknown-reference",
                    )
        # -- relations
        for i, relation in enumerate(action.relations):
            rel = ("relations", i)
            if relation.action == aid:
                self.add(origin, (*rel, "action"), aid, "an action cannot relate to itself", "self-reference")
                continue
            if not self.reference(origin, (*rel, "action"), aid, "action", relation.action, self.action_ids):
                continue
            other = self.actions.get(relation.action)
            if other is None:
                continue
            own = {p.id for p in other.restricts}
            for j, pid in enumerate(relation.prohibitions):
                if pid not in own:
                    hint = did_you_mean(pid, sorted(own))
                    suffix = f"; did you mean {hint!r}?" if hint else f" (it has: {', '.join(sorted(own)) or 'none'})"
                    self.add(
                        origin,
                        (*rel, "prohibitions", j),
                        aid,
                        f"action {other.id!r} has no prohibition {pid!r}{suffix}",
                        "unknown-reference",
                    )
            targets = set(other.entity_ids)
            for j, eid in enumerate(relation.entities):
                if self.reference(origin, (*rel, "entities", j), aid, "entity", eid, self.entities) and eid not in targets:
                    self.add(origin, (*rel, "entities", j), aid, f"entity {eid!r} is not a target of {other.id!r}", "unknown-reference")
            self.relation_period(origin, aid, action, i, other)
        # -- evidence
        primary = False
        for i, evidence in enumerate(action.evidence):
            rel2 = ("evidence", i)
            if not self.reference(origin, (*rel2, "source"), aid, "source", evidence.source, self.source_ids):
                continue
            self.cited.add(evidence.source)
            source = self.sources.get(evidence.source)
            if source is None:
                continue
            if source.kind is SourceKind.SEED:
                if not evidence.quote:
                    self.add(origin, rel2, aid, f"evidence from seed {source.id!r} needs a verbatim 'quote'", "quote-required")
                elif source.seed and self.seeds.text(source.seed) is not None:
                    found = self.seeds.check(source.seed, evidence.quote)
                    if not found.found:
                        closest = f"; closest passage ({found.score:.0f}% similar): {found.closest!r}" if found.closest else ""
                        self.add(origin, (*rel2, "quote"), aid, f"quote not found in seed {source.seed}{closest}", "quote-not-found")
            else:
                primary = primary or source.kind in (SourceKind.PRIMARY, SourceKind.OFFICIAL)
                if evidence.quote:
                    self.add(
                        origin,
                        (*rel2, "quote"),
                        aid,
                        f"quotes come only from seed documents; for {source.kind.value} source {source.id!r} "
                        "give a 'locator' and say what it establishes in a 'note'",
                        "quote-forbidden",
                    )
                if not evidence.locator:
                    self.add(
                        origin,
                        rel2,
                        aid,
                        f"evidence from {source.kind.value} source {source.id!r} needs a 'locator' (section, page or paragraph)",
                        "locator-required",
                        "warning",
                    )
        confirmed = [name for name, value in dates.items() if value.confidence is Confidence.CONFIRMED]
        if confirmed and not primary:
            self.add(
                origin,
                ("dates",),
                aid,
                f"dates marked confirmed ({', '.join(confirmed)}) but no primary or official source is cited; cite one or set 'confidence'",
                "unconfirmed-basis",
                "warning",
            )

    def relation_period(self, origin: Origin, aid: str, action: Action, index: int, other: Action) -> None:
        relation = action.relations[index]
        if relation.type in (RelationType.UPHOLDS, RelationType.AMENDS, RelationType.IMPLEMENTS):
            return
        tz = other.zone
        explicit = relation.effective is not None
        start = relation.effective or action.dates.effective or action.dates.signed
        if start is None:
            return
        life_start = min((v for _, v in other.dates.items() if _ != "ended"), key=lambda v: v.start(tz).timestamp(), default=None)
        field = ("relations", index, "effective") if explicit else ("relations", index)
        severity: Severity = "error" if explicit else "warning"
        if life_start is not None and _order(start, life_start, tz) < 0:
            self.add(
                origin,
                field,
                aid,
                f"{relation.type.value} {other.id!r} from {start}, before that action's first date ({life_start})",
                "relation-period",
                severity,
            )
        end = other.dates.ended
        if end is not None and relation.type is not RelationType.EXTENDS:
            cmp = _order(start, end, tz)
            if cmp > 0 or (cmp == 0 and not relation.type.terminates):
                self.add(
                    origin,
                    field,
                    aid,
                    f"{relation.type.value} {other.id!r} from {start}, after that action ended ({end})",
                    "relation-period",
                    severity,
                )
        if relation.until is not None and _order(relation.until, start, tz) <= 0:
            self.add(
                origin,
                ("relations", index, "until"),
                aid,
                f"'until' ({relation.until}) must be after the relation starts ({start})",
                "date-order",
            )

    def cycles(self) -> None:
        """Extensions, implementations and terminations must not loop back on themselves."""
        edges: dict[str, list[str]] = {}
        kinds = (RelationType.EXTENDS, RelationType.IMPLEMENTS, *[t for t in RelationType if t.terminates or t.suspends])
        for action in self.read.dataset.actions:
            edges[action.id] = [
                r.action for r in action.relations if r.type in kinds and r.action in self.actions and r.action != action.id
            ]
        state: dict[str, int] = {}
        for start in edges:
            for cycle in _find_cycles(start, edges, state):
                first = cycle[0]
                origin = self.read.origins[("actions", first)]
                self.add(origin, ("relations",), first, f"relations form a cycle: {' -> '.join(cycle)}", "cycle")


def _find_cycles(start: str, edges: dict[str, list[str]], state: dict[str, int]) -> Iterator[list[str]]:
    if state.get(start):
        return
    stack: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, ())))]
    path = [start]
    state[start] = 1
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            state[node] = 2
            stack.pop()
            path.pop()
            continue
        mark = state.get(child, 0)
        if mark == 1:
            yield [*path[path.index(child) :], child]
        elif mark == 0:
            state[child] = 1
            path.append(child)
            stack.append((child, iter(edges.get(child, ()))))


def _at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def _raw_references(collection: str, record: dict[str, object]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """(path, kind, id) of every reference a raw record makes, where it is plain text."""
    fields: dict[str, list[tuple[str, str | None, str]]] = {
        "entities": [("links", "entity", "entity"), ("links", "sources", "source"), ("aliases", "sources", "source")],
        "actions": [
            ("targets", "entity", "entity"),
            ("relations", "action", "action"),
            ("relations", "entities", "entity"),
            ("evidence", "source", "source"),
        ],
    }
    for outer, inner, kind in fields.get(collection, []):
        items = record.get(outer)
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict) or inner is None:
                continue
            value = item.get(inner)
            if isinstance(value, str):
                yield (outer, i, inner), kind, value
            elif isinstance(value, list):
                for j, ref in enumerate(value):
                    if isinstance(ref, str):
                        yield (outer, i, inner, j), kind, ref


def _order(a: DateValue, b: DateValue, tz: str) -> int:
    """Compare two date values by their first instant: -1, 0 or 1."""
    x, y = a.start(tz).timestamp(), b.start(tz).timestamp()
    return (x > y) - (x < y)


def check(read: ReadResult, seeds: SeedLibrary) -> list[Problem]:
    """All semantic problems in what was read."""
    return _Checker(read, seeds).run()
