"""Turn the engine's raw states into results that explain themselves in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..engine.semantics import Engine, Item, PState
from ..model.dates import Confidence, DateValue, Precision, zone
from ..model.intervals import FOREVER
from ..model.records import Action, Link, Source
from ..model.vocabulary import ActionKind, DateKind, Reason, State
from .results import Basis, CarveOut, Citation, NotOperative, ProhibitionStatus, Restriction, Status

__all__ = ["Explainer", "show_instant"]


def show_instant(ts: int | None, tz: str) -> str | None:
    """An instant as the local date (or date and time when not midnight) in ``tz``."""
    if ts is None or abs(ts) >= FOREVER:
        return None
    local = dt.datetime.fromtimestamp(ts, zone(tz))
    if local.hour == local.minute == local.second == 0:
        return local.date().isoformat()
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


_NON_BINDING = {
    ActionKind.INDICTMENT: "an indictment: criminal charges, not a restriction on trade",
    ActionKind.POLICY_RECOMMENDATION: "a non-binding recommendation",
    ActionKind.STATEMENT: "a statement, not a binding measure",
}


class Explainer:
    """Builds :class:`Restriction` and :class:`NotOperative` records from engine items."""

    def __init__(self, engine: Engine, sources: dict[str, Source]) -> None:
        self.engine = engine
        self.sources = sources

    def title(self, aid: str) -> str:
        action = self.engine.actions.get(aid)
        return f"{action.title} ({aid})" if action else aid

    def citations(self, action: Action) -> tuple[Citation, ...]:
        return tuple(Citation(self.sources[e.source], e) for e in action.evidence if e.source in self.sources)

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
        return ProhibitionStatus(prohibition, state.state, show_instant(state.ts, action.zone), state.by)

    def restriction(self, entity_id: str, item: Item) -> Restriction:
        action = self.engine.actions[item.action]
        basis, basis_text = self.basis(item.via)
        statuses = tuple(self._pstatus(action, s) for s in item.states)
        suspended = [s for s in item.states if s.state is State.SUSPENDED]
        status = Status.PARTLY_SUSPENDED if suspended else Status.IN_FORCE
        carves = tuple(
            CarveOut(self.engine.actions[w.by], w.purpose, tuple(sorted(w.prohibitions or ())), tuple(sorted(w.entities or ())))
            for w in item.carves
        )
        operative = [s.ts for s in item.states if s.state is State.OPERATIVE and s.ts is not None]
        since = show_instant(min(operative), action.zone) if operative else None
        flag = _flag(action.dates.effective)
        parts = [f"in force since {since}{flag}" if since else "in force", basis_text]
        for s in suspended:
            parts.append(f"'{s.pid}' suspended by {', '.join(self.title(b) for b in s.by)}")
        for s in item.states:
            if s.state is State.PENDING:
                parts.append(f"'{s.pid}' takes effect {show_instant(s.ts, action.zone)}")
            elif s.state is State.ENDED:
                parts.append(f"'{s.pid}' ended {show_instant(s.ts, action.zone)}")
        for carve in carves:
            what = carve.purpose or ", ".join(carve.prohibitions) or "part of it"
            parts.append(f"carve-out in force: {what} ({carve.action.title}, {carve.action.id})")
        return Restriction(
            action, status, basis, action.targets[item.target], item.via, statuses, carves, self.citations(action), "; ".join(parts)
        )

    def not_operative(self, entity_id: str, item: Item) -> NotOperative:
        action = self.engine.actions[item.action]
        basis, basis_text = self.basis(item.via)
        reason = item.reason or Reason.NO_PROHIBITIONS
        when = show_instant(item.ts, action.zone)
        by = ", ".join(self.title(b) for b in item.by)
        dates = action.dates
        if reason is Reason.NON_BINDING:
            text = _NON_BINDING.get(action.kind, "non-binding")
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
            groups: dict[tuple[str, str | None, tuple[str, ...]], list[str]] = {}
            for s in item.states:
                groups.setdefault((s.state.value, show_instant(s.ts, action.zone), s.by), []).append(f"'{s.pid}'")
            parts = []
            for (state, since, by_ids), pids in groups.items():
                names = ", ".join(pids)
                if state == State.SUSPENDED.value:
                    parts.append(f"{names} suspended by {', '.join(self.title(b) for b in by_ids)}" + (f" since {since}" if since else ""))
                elif state == State.PENDING.value:
                    parts.append(f"{names} not yet effective (from {since})")
                elif state == State.ENDED.value:
                    parts.append(f"{names} ended {since}")
            text = "; ".join(parts)
        elif reason is Reason.LAPSED:
            text = f"not in force between periods; in force again from {when}"
        elif reason is Reason.NOT_AFFILIATED:
            text = f"applies {basis_text}; that ownership ended {when}"
        elif reason is Reason.PARENT_ENDED:
            text = f"ended {when} when {by} ended"
        elif reason in (Reason.REVOKED, Reason.LIFTED, Reason.SUPERSEDED):
            text = f"{reason.value} by {by} on {when}" if by else f"{reason.value} on {when}"
        else:
            text = f"expired {when}" if when else "expired"
        if basis is Basis.AFFILIATE and reason is not Reason.NOT_AFFILIATED:
            text += f"; it would apply {basis_text}"
        return NotOperative(action, reason, text, basis, item.via, when, item.by, self.citations(action))
