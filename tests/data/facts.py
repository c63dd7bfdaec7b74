"""Helpers that read like the facts they check: ``assert_restricted("iFlyTek", on="2019-10-09")``.

Each helper queries the bundled dataset through the public API, exactly as a user would.
"""

from __future__ import annotations

from functools import cache

import pytest

import sanctiontrack
from sanctiontrack import AmbiguousEntityError, Reason, Restrictions, Tracker


@cache
def tracker() -> Tracker:
    """The bundled dataset, loaded once per test session."""
    return sanctiontrack.load()


def _answer(name: str, on: str, jurisdiction: str | None) -> Restrictions:
    return tracker().restrictions(name, on=on, jurisdiction=jurisdiction)


def _where(jurisdiction: str | None) -> str:
    return f" in {jurisdiction}" if jurisdiction else ""


def assert_restricted(name: str, *, on: str, by: str | None = None, jurisdiction: str | None = None) -> None:
    """``name`` was restricted on ``on`` (by action ``by``, if given)."""
    answer = _answer(name, on, jurisdiction)
    operative = [r.action.id for r in answer.restrictions]
    assert answer.restricted, f"{name} should be restricted{_where(jurisdiction)} on {on}; nothing operative"
    if by is not None:
        assert by in operative, f"{name} on {on}: expected {by} among {operative}"


def assert_not_restricted(name: str, *, on: str, jurisdiction: str | None = None) -> None:
    """No binding restriction applied to ``name`` on ``on`` (in ``jurisdiction``, if given)."""
    answer = _answer(name, on, jurisdiction)
    operative = [r.action.id for r in answer.restrictions]
    assert not answer.restricted, f"{name} should not be restricted{_where(jurisdiction)} on {on}; operative: {operative}"


def assert_not_applied(name: str, *, on: str, action: str, reason: Reason | None = None, mentions: str | None = None) -> None:
    """``action`` concerned ``name`` on ``on`` but did not restrict it (for ``reason``; explanation mentioning ``mentions``)."""
    answer = _answer(name, on, None)
    assert action not in [r.action.id for r in answer.restrictions], f"{action} should not restrict {name} on {on}"
    entries = [n for n in answer.not_operative if n.action.id == action]
    assert entries, f"{action} should be listed as not operative for {name} on {on}"
    if reason is not None:
        assert entries[0].reason is reason, f"{action} for {name} on {on}: expected {reason.value}, got {entries[0].reason.value}"
    if mentions is not None:
        assert mentions in entries[0].explanation, f"{entries[0].explanation!r} should mention {mentions!r}"


def assert_exempted(name: str, *, on: str, restriction: str, by: str, purpose_mentions: str | None = None) -> None:
    """``restriction`` applied to ``name`` on ``on`` with a carve-out by exemption ``by``."""
    answer = _answer(name, on, None)
    found = [r for r in answer.restrictions if r.action.id == restriction]
    assert found, f"{restriction} should restrict {name} on {on}"
    carve_outs = {c.action.id: c for c in found[0].exemptions}
    assert by in carve_outs, f"{restriction} on {on}: expected carve-out {by}, got {sorted(carve_outs)}"
    if purpose_mentions is not None:
        assert purpose_mentions in (carve_outs[by].purpose or ""), carve_outs[by].purpose


def assert_not_exempted(name: str, *, on: str, restriction: str, by: str) -> None:
    """``restriction`` applied to ``name`` on ``on`` without the carve-out ``by``."""
    answer = _answer(name, on, None)
    found = [r for r in answer.restrictions if r.action.id == restriction]
    assert found, f"{restriction} should restrict {name} on {on}"
    assert by not in {c.action.id for c in found[0].exemptions}, f"{by} should not carve out {restriction} on {on}"


def assert_in_force(action: str, *, on: str) -> None:
    """Action ``action`` was operative on ``on``."""
    ids = [a.id for a in tracker().in_force(on=on)]
    assert action in ids, f"{action} should be in force on {on}"


def assert_not_in_force(action: str, *, on: str) -> None:
    """Action ``action`` was not operative on ``on``."""
    ids = [a.id for a in tracker().in_force(on=on)]
    assert action not in ids, f"{action} should not be in force on {on}"


def assert_resolves(name: str, entity_id: str) -> None:
    """The name (any script, any spelling) denotes ``entity_id``."""
    entity, _ = tracker().entities.resolve(name)
    assert entity.id == entity_id, f"{name!r} resolved to {entity.id}, expected {entity_id}"


def assert_ambiguous(name: str, *among: str) -> None:
    """Several entities bear ``name`` alike: resolving it names them all (``among`` are some of their ids), never picks one."""
    with pytest.raises(AmbiguousEntityError) as caught:
        tracker().entities.resolve(name)
    assert caught.value.shared, f"{name!r} should be a name several entities share"
    for entity_id in among:
        assert any(c.endswith(f"[{entity_id}]") for c in caught.value.candidates), f"{entity_id} is not among {caught.value.candidates}"


def assert_affiliate(name: str, *, on: str, by: str, owner: str) -> None:
    """``by`` restricted ``name`` on ``on`` because ``owner`` owned it then."""
    answer = _answer(name, on, None)
    found = [r for r in answer.restrictions if r.action.id == by]
    assert found, f"{by} should restrict {name} on {on}"
    assert found[0].basis.value == "affiliate", found[0].basis
    assert found[0].via[-1].entity == owner, found[0].via


def assert_export_restricted(item: str, *, to: str, on: str, by: str | None = None, origin: str | None = None) -> None:
    """Exporting ``item`` to ``to`` on ``on`` (from ``origin``, if given) needed a licence (under action ``by``, if given)."""
    answer = tracker().item_restrictions(item, to=to, on=on, from_=origin)
    operative = [r.action.id for r in answer.restrictions]
    assert answer.restricted, f"exporting {item} to {to} on {on} should be restricted; nothing operative ({answer.not_operative})"
    if by is not None:
        assert by in operative, f"{item} to {to} on {on}: expected {by} among {operative}"


def assert_export_not_restricted(
    item: str, *, to: str, on: str, action: str | None = None, reason: Reason | None = None, origin: str | None = None
) -> None:
    """Exporting ``item`` to ``to`` on ``on`` needed no licence; ``action`` (if given) is listed as not applying, for ``reason``."""
    answer = tracker().item_restrictions(item, to=to, on=on, from_=origin)
    operative = [r.action.id for r in answer.restrictions]
    assert not answer.restricted, f"exporting {item} to {to} on {on} should not be restricted; operative: {operative}"
    if action is not None:
        entries = [n for n in answer.not_operative if n.action.id == action]
        assert entries, f"{action} should be listed as not applying to {item} to {to} on {on}"
        if reason is not None:
            assert entries[0].reason is reason, f"{action}: expected {reason.value}, got {entries[0].reason.value}"


def assert_charged(name: str, *, on: str, by: str) -> None:
    """``name`` was a named defendant on ``on`` under charging instrument ``by``."""
    charges = [c.action.id for c in tracker().restrictions(name, on=on).charges]
    assert by in charges, f"{name} should be charged under {by} on {on}; charges: {charges}"


def assert_not_charged(name: str, *, on: str, by: str | None = None) -> None:
    """``name`` was not a named defendant on ``on`` (under ``by``, if given; else in no case)."""
    charges = [c.action.id for c in tracker().restrictions(name, on=on).charges]
    if by is None:
        assert not charges, f"{name} should not be charged on {on}; charges: {charges}"
    else:
        assert by not in charges, f"{name} should not be charged under {by} on {on}"
