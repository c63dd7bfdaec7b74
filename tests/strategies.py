"""Hypothesis strategies for valid, small but tangled datasets.

Relations only point from later actions to earlier ones, so there are no cycles; dates come from a
small pool so that starts, ends, injunctions and renewals often coincide or overlap.
"""

from __future__ import annotations

import pendulum
from hypothesis import strategies as st

from sanctiontrack import (
    Action,
    ActionKind,
    Alias,
    Category,
    Confidence,
    ControlledItem,
    Dataset,
    Dates,
    DateValue,
    Destinations,
    Entity,
    EntityKind,
    Evidence,
    Instrument,
    InstrumentType,
    ItemKind,
    Link,
    LinkRelation,
    Note,
    Precision,
    Prohibition,
    Relation,
    RelationType,
    Role,
    Scope,
    Source,
    SourceKind,
    Target,
)

DAYS = [pendulum.date(2020, 1, 1).add(days=n) for n in range(0, 60, 3)]
ZONES = {"US": "America/New_York", "CN": "Asia/Shanghai", "IN": "Asia/Kolkata"}
SOURCE = Source("fr-test", SourceKind.PRIMARY, "Office of the Federal Register", "A test rule", DateValue(DAYS[0]))
EVIDENCE = (Evidence("fr-test", locator="DATES", supports=("effective",)),)
NAMES = ["Acme Co., Ltd.", "Borealis Inc.", "Cathay Telecom", "Dragon Soft", "Eastern Apps", "Fenix Holdings", "Gamma Cloud"]
HAN = ["阿克米有限公司", "北极光", "华夏电信", "龙软件", "东方应用", "凤凰控股", "伽马云"]
COUNTRIES = ["CN", "CA", "US", "RU"]
ITEMS = (
    ControlledItem("i0", ItemKind.ECCN, "Test imagery software", "US", ("0D999",), (Alias("测试软件", "zh-Hans"),)),
    ControlledItem("i1", ItemKind.CATALOGUE_ENTRY, "Test push technology", "CN", ("999999X",)),
)


@st.composite
def destinations(draw: st.DrawFn) -> Destinations:
    """None stated, all, all but some, a list of countries, or a list with a group whose members are not recorded."""
    shape = draw(st.sampled_from(["none", "all", "except", "list", "list", "group"]))
    if shape == "none":
        return Destinations()
    if shape == "all":
        return Destinations(everywhere=True)
    picked = tuple(draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2, unique=True)))
    if shape == "except":
        return Destinations(everywhere=True, excepted=picked)
    return Destinations(countries=picked, groups=("Country Group D:1",) if shape == "group" else ())


@st.composite
def item_targets(draw: st.DrawFn) -> Target:
    """A target naming a controlled item, with destinations and sometimes countries of export."""
    origins = tuple(draw(st.lists(st.sampled_from(COUNTRIES), max_size=2, unique=True))) if draw(st.booleans()) else ()
    return Target(item=draw(st.sampled_from(ITEMS)).id, destinations=draw(destinations()), exported_from=origins)


@st.composite
def date_values(draw: st.DrawFn, *, instants: bool = True, zone: str = "America/New_York") -> DateValue:
    """A day, sometimes an instant (16:15 local), sometimes with a lower confidence."""
    day = draw(st.sampled_from(DAYS))
    confidence = draw(st.sampled_from([Confidence.CONFIRMED, Confidence.CONFIRMED, Confidence.REPORTED, Confidence.UNCONFIRMED]))
    note = "checked against nothing: test data" if confidence is not Confidence.CONFIRMED else None
    if instants and draw(st.sampled_from([False, False, False, False, True])):
        at = pendulum.datetime(day.year, day.month, day.day, 16, 15, tz=zone)
        return DateValue(day, Precision.INSTANT, confidence, note, at, zone)
    return DateValue(day, Precision.DAY, confidence, note)


@st.composite
def periods(draw: st.DrawFn, zone: str, *, open_end: bool = True) -> tuple[DateValue, DateValue | None]:
    """An effective date and, maybe, a later ended date."""
    start = draw(date_values(zone=zone))
    if open_end and draw(st.booleans()):
        return start, None
    later = [d for d in DAYS if d > start.date]
    if not later:
        return start, None
    return start, DateValue(draw(st.sampled_from(later)))


@st.composite
def entities(draw: st.DrawFn, count: int) -> tuple[Entity, ...]:
    """Entities with aliases (Latin and Han) and dated ownership links to earlier entities."""
    out: list[Entity] = []
    for i in range(count):
        links: list[Link] = []
        if i > 0 and draw(st.booleans()):
            owner = draw(st.integers(0, i - 1))
            start = draw(st.none() | st.sampled_from(DAYS).map(DateValue))
            until_pool = [d for d in DAYS if start is None or d > start.date]
            until = draw(st.none() | st.sampled_from(until_pool).map(DateValue)) if until_pool else None
            relation = draw(st.sampled_from([LinkRelation.SUBSIDIARY_OF, LinkRelation.OWNED_BY, LinkRelation.AFFILIATE_OF]))
            links.append(Link(relation, f"e{owner}", start, until, ("fr-test",)))
        aliases = [Alias(NAMES[i].upper().replace(",", "")), Alias(HAN[i], "zh-Hans")]
        kind = draw(st.sampled_from([EntityKind.COMPANY, EntityKind.APP, EntityKind.PERSON]))
        notes = (Note(DateValue(DAYS[0]), "generated"),) if draw(st.booleans()) else ()
        out.append(Entity(f"e{i}", NAMES[i], kind, draw(st.sampled_from(["CN", "US", None])), tuple(aliases), tuple(links), notes))
    return tuple(out)


@st.composite
def datasets(draw: st.DrawFn, max_entities: int = 5, max_actions: int = 12) -> Dataset:
    """A valid dataset: restrictions (some of items, for destinations), renewals, injunctions, terminations, carve-outs."""
    ents = draw(entities(draw(st.integers(1, max_entities))))
    entity_ids = [e.id for e in ents]
    actions: list[Action] = []
    for i in range(draw(st.integers(1, max_actions))):
        jurisdiction = draw(st.sampled_from(list(ZONES)))
        zone = ZONES[jurisdiction]
        effective, ended = draw(periods(zone))
        dates = Dates(announced=DateValue(DAYS[0]) if draw(st.booleans()) else None, effective=effective, ended=ended)
        if draw(st.sampled_from([False] * 9 + [True])):
            dates = Dates(announced=effective)  # announced, never in force
        restricting = [a for a in actions if a.restricts]
        role = (
            draw(st.sampled_from(["restriction", "restriction", "modifier", "modifier", "non_binding"])) if restricting else "restriction"
        )
        if role == "restriction":
            count = draw(st.integers(1, 3))
            restricts = []
            for p in range(count):
                own_start = draw(st.none() | date_values(instants=False))
                own_end = draw(st.none() | st.sampled_from(DAYS).map(DateValue))
                if own_start is not None and own_end is not None and own_end.date <= own_start.date:
                    own_end = None
                restricts.append(Prohibition(f"p{p}", draw(st.sampled_from(list(Category))), "test prohibition", own_start, own_end))
            targets = tuple(
                Target(
                    entity=eid,
                    role=Role.LISTED,
                    scope=draw(st.sampled_from(list(Scope))),
                    listed_as=draw(st.none() | st.just(eid.upper())),
                    confidence=draw(st.sampled_from([Confidence.CONFIRMED] * 6 + [Confidence.REPORTED, Confidence.UNCONFIRMED])),
                    prohibitions=(
                        tuple(draw(st.lists(st.sampled_from([p.id for p in restricts]), min_size=1, max_size=2, unique=True)))
                        if draw(st.sampled_from([False, False, False, True]))
                        else ()
                    ),
                )
                for eid in draw(st.lists(st.sampled_from(entity_ids), min_size=1, max_size=3, unique=True))
            )
            if draw(st.sampled_from([False, False, True])):
                targets += tuple(draw(st.lists(item_targets(), min_size=1, max_size=2)))
            relations: tuple[Relation, ...] = ()
            if actions and draw(st.sampled_from([False, False, False, False, True])):
                parent = draw(st.sampled_from(actions))
                relations = (Relation(RelationType.IMPLEMENTS, parent.id),)
            kind = draw(
                st.sampled_from([ActionKind.ENTITY_LIST_ADDITION, ActionKind.APP_BAN, ActionKind.LEGISLATION, ActionKind.EXECUTIVE_ORDER])
            )
            actions.append(
                Action(
                    f"a{i}",
                    kind,
                    f"restriction {i}",
                    jurisdiction,
                    "Test Authority",
                    dates,
                    instruments=(Instrument(InstrumentType.OTHER, f"T-{i}"),),
                    targets=targets,
                    restricts=tuple(restricts),
                    relations=relations,
                    evidence=EVIDENCE,
                )
            )
        elif role == "modifier":
            target = draw(st.sampled_from(restricting))
            rtype = draw(
                st.sampled_from(
                    [
                        RelationType.EXTENDS,
                        RelationType.EXTENDS,
                        RelationType.ENJOINS,
                        RelationType.ENJOINS,
                        RelationType.STAYS,
                        RelationType.SUSPENDS,
                        RelationType.EXEMPTS,
                        RelationType.EXEMPTS,
                        RelationType.EXEMPTS,
                        RelationType.REVOKES,
                        RelationType.LIFTS,
                        RelationType.SUPERSEDES,
                        RelationType.AMENDS,
                        RelationType.UPHOLDS,
                    ]
                )
            )
            pids = tuple(p.id for p in target.restricts)
            scope_p = tuple(draw(st.lists(st.sampled_from(pids), max_size=2, unique=True))) if draw(st.booleans()) else ()
            scope_e = (
                tuple(draw(st.lists(st.sampled_from(list(target.entity_ids)), max_size=2, unique=True))) if draw(st.booleans()) else ()
            )
            if rtype in (RelationType.EXTENDS, RelationType.AMENDS, RelationType.UPHOLDS):
                scope_p, scope_e = (), ()
            rel_eff = draw(st.none() | st.sampled_from(DAYS).map(DateValue)) if rtype is not RelationType.EXTENDS else None
            rel_until = None
            if rtype.suspends or rtype is RelationType.EXEMPTS:
                later = [d for d in DAYS if rel_eff is None or d > rel_eff.date]
                rel_until = draw(st.none() | st.sampled_from(later).map(DateValue)) if later else None
            kind = {
                RelationType.EXTENDS: ActionKind.EXEMPTION,
                RelationType.EXEMPTS: ActionKind.EXEMPTION,
                RelationType.REVOKES: draw(st.sampled_from([ActionKind.REVOCATION, ActionKind.ENTITY_LIST_REMOVAL])),
            }.get(rtype, ActionKind.COURT_RULING)
            targets = tuple(Target(entity=e, role=Role.SUBJECT) for e in target.entity_ids[:1]) if kind is ActionKind.COURT_RULING else ()
            relation = Relation(
                rtype, target.id, scope_p, scope_e, rel_eff, rel_until, "a purpose" if rtype is RelationType.EXEMPTS else None
            )
            actions.append(
                Action(
                    f"a{i}",
                    kind,
                    f"modifier {i}",
                    target.jurisdiction,
                    "Test Court",
                    dates,
                    targets=targets,
                    relations=(relation,),
                    evidence=EVIDENCE,
                )
            )
        else:
            kind = draw(st.sampled_from([ActionKind.INDICTMENT, ActionKind.STATEMENT, ActionKind.POLICY_RECOMMENDATION]))
            targets = (Target(entity=draw(st.sampled_from(entity_ids)), role=Role.SUBJECT),)
            actions.append(
                Action(f"a{i}", kind, f"non-binding {i}", jurisdiction, "Test Office", dates, targets=targets, evidence=EVIDENCE)
            )
    return Dataset(ents, (SOURCE,), tuple(actions), ITEMS)
