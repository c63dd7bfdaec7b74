"""The vocabulary page, generated from ``sanctiontrack.model.vocabulary`` and the problem codes.

Every word the action files and the answers use, with what it means and what the engine does with
it, read from the one table where each is declared, so the page cannot drift from the code.
"""

from __future__ import annotations

from sanctiontrack import (
    ActionKind,
    Basis,
    Category,
    ChangeKind,
    DateKind,
    Effect,
    EntityKind,
    Family,
    InstrumentType,
    ItemKind,
    LinkRelation,
    OfficialList,
    ProblemCode,
    Reason,
    RelationType,
    Role,
    Scope,
    SourceKind,
    SpanState,
    State,
    Status,
)
from sanctiontrack.checks.run import CHECKS, codes_of

from .common import md, table

__all__ = ["vocabulary_page"]


def _code(value: str) -> str:
    return f"`{value}`"


def vocabulary_page() -> str:
    """Markdown for ``reference/vocabulary.md``."""
    reporters: dict[ProblemCode, list[str]] = {}
    for check in CHECKS:
        for code in codes_of(check):
            reporters.setdefault(code, []).append(f"`{check.__name__}`")
    out = [
        "# Vocabulary",
        "",
        "Every word an action file or an answer uses, generated from the one table in",
        "`sanctiontrack/model/vocabulary.py` where each is declared with its traits. Adding a kind or a",
        "relation type is one row there; the schema, the engine, the explanations and this page follow.",
        "",
        "## Action kinds",
        "",
        "The family decides what an action can do by itself:",
        "",
        table(["family", "meaning"], ([_code(f.value), md(f.description)] for f in Family)),
        "",
        table(["kind", "family", "what it is"], ([_code(k.value), k.family.value, md(k.description)] for k in ActionKind)),
        "",
        "## Relation types",
        "",
        "Each type has an effect; effects apply in the order of their step, after the action's own period (step 1):",
        "",
        table(
            ["effect", "step", "meaning"],
            ([_code(e.value), str(e.step or "—"), md(e.description)] for e in sorted(Effect, key=lambda e: e.step)),
        ),
        "",
        table(
            ["type", "effect", "step", "reason it gives", "meaning"],
            (
                [_code(r.value), r.effect.value, str(r.effect.step or "—"), _code(r.reason.value) if r.reason else "", md(r.description)]
                for r in RelationType
            ),
        ),
        "",
        "## Dates",
        "",
        table(["date", "in timelines", "meaning"], ([_code(d.value), md(d.verb), md(d.description)] for d in DateKind)),
        "",
        "## Why an action did not apply",
        "",
        table(["reason", "meaning"], ([_code(r.value), md(r.description)] for r in Reason)),
        "",
        "## States of a prohibition, of a span, and changes",
        "",
        table(["state", "meaning"], ([_code(s.value), md(s.description)] for s in State)),
        "",
        table(["span state", "meaning"], ([_code(s.value), md(s.description)] for s in SpanState)),
        "",
        table(["change", "meaning"], ([_code(c.value), md(c.description)] for c in ChangeKind)),
        "",
        "## How a restriction reaches an entity, and how it stands",
        "",
        table(["basis", "meaning"], ([_code(b.value), md(b.description)] for b in Basis)),
        "",
        table(["status", "meaning"], ([_code(s.value), md(s.description)] for s in Status)),
        "",
        "## Prohibition categories",
        "",
        table(["category", "reach (as answers say it)", "meaning"], ([_code(c.value), md(c.reach), md(c.description)] for c in Category)),
        "",
        "## Targets, entities and links",
        "",
        table(["role", "meaning"], ([_code(r.value), md(r.description)] for r in Role)),
        "",
        table(["scope", "meaning"], ([_code(s.value), md(s.description)] for s in Scope)),
        "",
        table(["entity kind", "meaning"], ([_code(k.value), md(k.description)] for k in EntityKind)),
        "",
        table(["item kind", "meaning"], ([_code(k.value), md(k.description)] for k in ItemKind)),
        "",
        table(
            ["link", "carries ownership", "meaning"],
            ([_code(link.value), "yes" if link.is_ownership else "no", md(link.description)] for link in LinkRelation),
        ),
        "",
        "## Sources and instruments",
        "",
        table(
            ["source kind", "cited in order", "meaning"], ([_code(k.value), str(k.authority + 1), md(k.description)] for k in SourceKind)
        ),
        "",
        table(
            ["instrument", "example", "format checked"],
            ([_code(i.value), _code(i.format(i.example)) if i.example else "", "yes" if i.pattern else "no"] for i in InstrumentType),
        ),
        "",
        "## Official lists",
        "",
        "The lists a snapshot (`snapshots:` in an action file) can cover, by code; an importer turns a listing on",
        "each into an action of the kind shown, restricting what the category says.",
        "",
        table(
            ["list", "kind", "category", "kept by", "CSL `source`", "meaning"],
            (
                [_code(o.value), _code(o.kind.value), _code(o.category.value), md(o.authority), md(o.csl), md(o.description)]
                for o in OfficialList
            ),
        ),
        "",
        "## Problem codes",
        "",
        "What `sanctiontrack validate` can report; `stage` says whether reading the file, checking a record's",
        "shape or checking what the records say finds it. Each has a fixture in `tests/foundation/problems/`.",
        "",
        table(
            ["code", "stage", "meaning", "reported by"],
            ([_code(c.value), c.stage, md(c.description), ", ".join(reporters.get(c, [])) or "the reader"] for c in ProblemCode),
        ),
        "",
    ]
    return "\n".join(out)
