"""Relations fit the life of what they relate to, and never loop back on themselves."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.errors import ProblemCode, Severity
from ..model.records import Action
from ..model.vocabulary import DateKind, Effect
from .context import Context, order, rule

__all__ = ["cycles", "relation_periods"]


@rule(ProblemCode.RELATION_PERIOD, ProblemCode.DATE_ORDER)
def relation_periods(ctx: Context) -> None:
    """A relation starts after the related action exists and before it ended (an extension may renew it later)."""
    for action in ctx.read.dataset.actions:
        for index, relation in enumerate(action.relations):
            other = ctx.actions.get(relation.action)
            if other is None or relation.action == action.id or relation.type.effect in (Effect.INFORMATIONAL, Effect.IMPLEMENTS):
                continue
            _period(ctx, action, index, other)


def _period(ctx: Context, action: Action, index: int, other: Action) -> None:
    origin = ctx.origin("actions", action.id)
    aid = action.id
    relation = action.relations[index]
    tz = other.zone
    explicit = relation.effective is not None
    start = relation.effective or action.dates.effective or action.dates.signed
    if start is None:
        return
    life_start = min(
        (v for kind, v in other.dates.items() if kind is not DateKind.ENDED), key=lambda v: v.start(tz).timestamp(), default=None
    )
    field = ("relations", index, "effective") if explicit else ("relations", index)
    severity: Severity = "error" if explicit else "warning"
    if life_start is not None and order(start, life_start, tz) < 0:
        ctx.add(
            origin,
            field,
            aid,
            f"{relation.type.value} {other.id!r} from {start}, before that action's first date ({life_start})",
            ProblemCode.RELATION_PERIOD,
            severity,
        )
    end = other.dates.ended
    if end is not None and relation.type.effect is not Effect.EXTENDS:
        cmp = order(start, end, tz)
        if cmp > 0 or (cmp == 0 and not relation.type.terminates):
            ctx.add(
                origin,
                field,
                aid,
                f"{relation.type.value} {other.id!r} from {start}, after that action ended ({end})",
                ProblemCode.RELATION_PERIOD,
                severity,
            )
    if relation.until is not None and order(relation.until, start, tz) <= 0:
        ctx.add(
            origin,
            ("relations", index, "until"),
            aid,
            f"'until' ({relation.until}) must be after the relation starts ({start})",
            ProblemCode.DATE_ORDER,
        )


@rule(ProblemCode.CYCLE)
def cycles(ctx: Context) -> None:
    """Extensions, implementations, terminations and suspensions must not loop back on themselves."""
    looping = {Effect.EXTENDS, Effect.IMPLEMENTS, Effect.TERMINATES, Effect.SUSPENDS}
    edges: dict[str, list[str]] = {}
    for action in ctx.read.dataset.actions:
        edges[action.id] = [
            r.action for r in action.relations if r.type.effect in looping and r.action in ctx.actions and r.action != action.id
        ]
    state: dict[str, int] = {}
    for start in edges:
        for cycle in _find_cycles(start, edges, state):
            first = cycle[0]
            ctx.add(ctx.origin("actions", first), ("relations",), first, f"relations form a cycle: {' -> '.join(cycle)}", ProblemCode.CYCLE)


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
