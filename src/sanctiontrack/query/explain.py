"""Turn the engine's raw states into results that explain themselves in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..engine.semantics import Engine, Item, PState
from ..model.countries import country_name
from ..model.dates import Confidence, DateValue, Precision, zone
from ..model.intervals import FOREVER
from ..model.records import Action, ControlledItem, Link, Source, Target
from ..model.vocabulary import ActionKind, Basis, DateKind, InstrumentType, Reason, State, Status
from .results import CarveOut, Charge, Citation, NotOperative, ProhibitionStatus, Restriction

__all__ = ["Explainer", "show_instant"]


def show_instant(ts: int | None, tz: str, *others: str) -> str | None:
    """An instant as the local date in ``tz`` (or in one of ``others``), with a time only when it is midnight in none of them.

    A date-only value is the start of its day in the zone of the action that gives it, which need
    not be ``tz``: a court order of 2020-09-19 in Los Angeles starts at 03:00 in New York, and no
    source gives that time, so it is shown as the day the order gives.

    >>> show_instant(1600498800, "America/New_York", "America/Los_Angeles")
    '2020-09-19'
    >>> show_instant(1558037700, "America/New_York")
    '2019-05-16 16:15 America/New_York'
    """
    if ts is None or abs(ts) >= FOREVER:
        return None
    for name in (tz, *others):
        local = dt.datetime.fromtimestamp(ts, zone(name))
        if local.hour == local.minute == local.second == 0:
            return local.date().isoformat()
    local = dt.datetime.fromtimestamp(ts, zone(tz))
    return f"{local.strftime('%Y-%m-%d %H:%M')} {tz}"


def _flag(value: DateValue | None) -> str:
    if value is None:
        return ""
    notes = []
    if value.precision in (Precision.MONTH, Precision.YEAR):
        notes.append(f"{value.precision.value} precision")
    if value.confidence is not Confidence.CONFIRMED:
        notes.append(value.confidence.value)
    return f" ({', '.join(notes)})" if notes else ""


def _date(value: DateValue | None) -> str:
    return f"{value}{_flag(value)}" if value is not None else "unknown"


def _country(code: str) -> str:
    name = country_name(code)
    return f"{code} ({name})" if name != code else code


def item_basis(item: ControlledItem, target: Target) -> tuple[Basis, str]:
    """How an item answer says why a rule reaches the export: what it controls, where to, from where."""
    label = item.codes[0] if item.codes and item.kind.value == "eccn" else _brief(item.name)
    text = f"controls {label} for {target.destinations.text()}"
    if target.exported_from:
        text += f", exported from {', '.join(target.exported_from)}"
    return Basis.CONTROLLED, text


def _brief(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


class Explainer:
    """Builds :class:`Restriction` and :class:`NotOperative` records from engine items."""

    def __init__(self, engine: Engine, sources: dict[str, Source]) -> None:
        self.engine = engine
        self.sources = sources

    def zones(self, by: Sequence[str]) -> tuple[str, ...]:
        """The zones of the actions ``by`` (whose dates may be what an instant came from)."""
        return tuple(a.zone for a in (self.engine.actions.get(b) for b in by) if a is not None)

    def title(self, aid: str) -> str:
        action = self.engine.actions.get(aid)
        return f"{action.title} ({aid})" if action else aid

    def citations(self, action: Action) -> tuple[Citation, ...]:
        """The action's sources, most authoritative first (the legal text, then official releases, seeds, reports), else in file order."""
        found = [Citation(self.sources[e.source], e) for e in action.evidence if e.source in self.sources]
        return tuple(sorted(found, key=lambda c: c.source.kind.authority))

    def basis(self, via: Sequence[Link]) -> tuple[Basis, str]:
        """Named directly, or reached through the ownership links in ``via`` (each with its dates)."""
        if not via:
            return Basis.NAMED, "named directly"
        steps = []
        for link in via:
            owner = self.engine.entities.get(link.entity)
            bounds = []
            if link.start is not None:
                bounds.append(f"from {link.start}")
            if link.until is not None:
                bounds.append(f"until {link.until}")
            span = f" ({', '.join(bounds)})" if bounds else ""
            steps.append(f"{link.relation.value.replace('_', ' ')} {owner.name if owner else link.entity}{span}")
        return Basis.AFFILIATE, "as " + ", then ".join(steps)

    def explain(self, entity_id: str, items: Sequence[Item]) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]:
        restrictions: list[Restriction] = []
        others: list[NotOperative] = []
        for item in items:
            if item.operative:
                restrictions.append(self.restriction(entity_id, item))
            else:
                others.append(self.not_operative(entity_id, item))
        restrictions.sort(
            key=lambda r: (r.action.dates.effective.start(r.action.zone).timestamp() if r.action.dates.effective else 0, r.action.id)
        )
        others.sort(key=lambda n: n.action.id)
        return tuple(restrictions), tuple(others)

    def _pstatus(self, action: Action, state: PState) -> ProhibitionStatus:
        prohibition = self.engine.prohibition(action.id, state.pid)
        return ProhibitionStatus(prohibition, state.state, show_instant(state.ts, action.zone, *self.zones(state.by)), state.by)

    def restriction(self, entity_id: str, item: Item, basis_of: tuple[Basis, str] | None = None) -> Restriction:
        action = self.engine.actions[item.action]
        basis, basis_text = basis_of or self.basis(item.via)
        statuses = tuple(self._pstatus(action, s) for s in item.states)
        suspended = [s for s in item.states if s.state is State.SUSPENDED]
        status = Status.PARTLY_SUSPENDED if suspended else Status.IN_FORCE
        carves = tuple(
            CarveOut(self.engine.actions[w.by], w.purpose, tuple(sorted(w.prohibitions or ())), tuple(sorted(w.entities or ())))
            for w in item.carves
        )
        operative = [s.ts for s in item.states if s.state is State.OPERATIVE and s.ts is not None]
        since = show_instant(min(operative), action.zone, *self.zones(item.by)) if operative else None
        flag = _flag(action.dates.effective)
        parts = [f"in force since {since}{flag}" if since else "in force", basis_text]
        if item.by:
            parts.insert(1, f"renewed by {', '.join(self.title(b) for b in item.by)}")
        for s in suspended:
            parts.append(f"'{s.pid}' suspended by {', '.join(self.title(b) for b in s.by)}")
        for s in item.states:
            if s.state is State.PENDING:
                parts.append(f"'{s.pid}' takes effect {show_instant(s.ts, action.zone, *self.zones(s.by))}")
            elif s.state is State.ENDED:
                parts.append(f"'{s.pid}' ended {show_instant(s.ts, action.zone, *self.zones(s.by))}")
        for carve in carves:
            what = carve.purpose or ", ".join(carve.prohibitions) or "part of it"
            parts.append(f"carve-out in force: {what} ({carve.action.title}, {carve.action.id})")
        return Restriction(
            action, status, basis, action.targets[item.target], item.via, statuses, carves, self.citations(action), "; ".join(parts)
        )

    def not_operative(
        self, entity_id: str, item: Item, basis_of: tuple[Basis, str] | None = None, export: tuple[str, str | None] = ("", None)
    ) -> NotOperative:
        action = self.engine.actions[item.action]
        basis, basis_text = basis_of or self.basis(item.via)
        reason = item.reason or Reason.NO_PROHIBITIONS
        when = show_instant(item.ts, action.zone, *self.zones(item.by))
        by = ", ".join(self.title(b) for b in item.by)
        dates = action.dates
        if reason is Reason.NON_BINDING:
            text = action.kind.phrase or "non-binding"
        elif reason is Reason.POSSIBLY_NAMED:
            target = action.targets[item.target]
            text = "possibly named: the record cannot confirm that this action named it, so it is not counted"
            if target.note:
                text += f" ({target.note})"
        elif reason is Reason.NOT_YET_EFFECTIVE:
            known = [f"{kind} {_date(value)}" for kind, value in dates.items() if kind is not DateKind.EFFECTIVE]
            text = ", ".join([*known, f"effective {when or _date(dates.effective)}"])
            pending = [s.pid for s in item.states if s.state is State.PENDING]
            if pending and len(pending) < len(action.restricts):
                text += f" (for {', '.join(pending)})"
        elif reason is Reason.NEVER_EFFECTIVE:
            known = [f"{kind} {_date(value)}" for kind, value in dates.items()]
            text = (", ".join(known) + "; " if known else "") + "never took effect"
        elif reason is Reason.NO_PROHIBITIONS:
            effects = "; ".join(f"{r.type.value} {self.title(r.action)}" for r in action.relations if r.type.value not in ("upholds",))
            if action.kind is ActionKind.EXECUTIVE_ORDER:
                text = "directs agencies to act; restricts nothing by itself"
            else:
                text = "restricts nothing by itself"
            if effects:
                text = f"{effects}; {text}"
            if item.by:
                text += f"; its restrictions operate through {by}"
            upheld = [r.action for r in action.relations if r.type.value == "upholds"]
            if upheld:
                text = f"upholds {', '.join(self.title(a) for a in upheld)}; changes nothing in force"
        elif reason is Reason.SUSPENDED:
            groups: dict[tuple[State, str | None, tuple[str, ...]], list[str]] = {}
            for s in item.states:
                groups.setdefault((s.state, show_instant(s.ts, action.zone, *self.zones(s.by)), s.by), []).append(f"'{s.pid}'")
            parts = []
            for (state, since, by_ids), pids in groups.items():
                names = ", ".join(pids)
                if state is State.SUSPENDED:
                    parts.append(f"{names} suspended by {', '.join(self.title(b) for b in by_ids)}" + (f" since {since}" if since else ""))
                elif state is State.PENDING:
                    parts.append(f"{names} not yet effective (from {since})")
                elif state is State.ENDED:
                    parts.append(f"{names} ended {since}")
            text = "; ".join(parts)
        elif reason is Reason.LAPSED:
            text = f"not in force between periods; in force again from {when}"
        elif reason is Reason.NOT_AFFILIATED:
            text = f"applies {basis_text}; that ownership ended {when}"
        elif reason is Reason.PARENT_ENDED:
            text = f"ended {when} when {by} ended"
        elif reason in _DESTINATION_REASONS:
            text = _destination_text(reason, action.targets[item.target], export, item)
        elif reason in (Reason.REVOKED, Reason.LIFTED, Reason.SUPERSEDED):
            text = f"{reason.value} by {by} on {when}" if by else f"{reason.value} on {when}"
        else:
            text = f"expired {when}" if when else "expired"
        if basis is Basis.AFFILIATE and reason is not Reason.NOT_AFFILIATED:
            text += f"; it would apply {basis_text}"
        return NotOperative(action, reason, text, basis, item.via, when, item.by, self.citations(action))

    def explain_item(
        self, items: dict[str, ControlledItem], raw: Sequence[Item], destination: str, origin: str | None
    ) -> tuple[tuple[Restriction, ...], tuple[NotOperative, ...]]:
        """Restrictions and non-operative actions for an export of controlled items (``raw`` from ``Engine.evaluate_item``)."""
        restrictions: list[Restriction] = []
        others: list[NotOperative] = []
        for entry in raw:
            target = self.engine.actions[entry.action].targets[entry.target]
            basis = item_basis(items[target.item or ""], target)
            if entry.operative:
                restrictions.append(self.restriction(destination, entry, basis))
            else:
                others.append(self.not_operative(destination, entry, basis, (destination, origin)))
        restrictions.sort(
            key=lambda r: (r.action.dates.effective.start(r.action.zone).timestamp() if r.action.dates.effective else 0, r.action.id)
        )
        others.sort(key=lambda n: n.action.id)
        return tuple(restrictions), tuple(others)

    def charge(self, action: Action, target: Target, start: int) -> Charge:
        """One case in which ``target`` is a named defendant, from the charging instrument ``action``."""
        docket = next((i for i in action.instruments if i.type is InstrumentType.COURT_DOCKET), None)
        dates = action.dates
        return Charge(
            action,
            action.kind.value.replace("_", " "),
            docket.value if docket else None,
            docket.court if docket else None,
            dates.signed,
            dates.published or dates.announced,
            show_instant(start, action.zone),
            target,
            self.citations(action),
        )


_DESTINATION_REASONS = frozenset(
    {Reason.DESTINATION_EXCEPTED, Reason.DESTINATION_NOT_COVERED, Reason.DESTINATION_UNCONFIRMED, Reason.ORIGIN_NOT_COVERED}
)


def _destination_text(reason: Reason, target: Target, export: tuple[str, str | None], item: Item) -> str:
    """Why an item rule does not reach the export asked (``export`` is the destination and the country of export)."""
    destination, origin = export
    wanted = target.destinations
    if reason is Reason.DESTINATION_EXCEPTED:
        text = f"{_country(destination)} is excepted: it covers {wanted.text()}"
    elif reason is Reason.DESTINATION_NOT_COVERED:
        text = f"it covers {wanted.text()}, not {_country(destination)}"
    elif reason is Reason.DESTINATION_UNCONFIRMED:
        groups = ", ".join(wanted.groups)
        text = f"it covers {wanted.text()}; whether {_country(destination)} is in {groups} is not recorded, so it is not counted"
    else:
        text = f"it covers exports from {', '.join(target.exported_from)}, not from {_country(origin or '')}"
    if any(s.state is State.OPERATIVE for s in item.states):
        text += "; the rule was in force then"
    elif item.states:
        text += "; the rule was not in force then either"
    return text
