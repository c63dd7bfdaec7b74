"""The vocabulary is declared once: the schema, the engine, the explanations, the checks and the docs agree with it."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

import sanctiontrack
from sanctiontrack import ActionKind, DateKind, Dates, Effect, Family, ProblemCode, Reason, RelationType
from sanctiontrack.io.read import _KIND_MODELS
from sanctiontrack.io.schema import KIND_MODELS, DatesIn, _ModifierIn, _RestrictingIn

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "docs"))
from sitegen.vocabulary import vocabulary_page  # noqa: E402

VOCABULARIES = [
    getattr(sanctiontrack, name)
    for name in sanctiontrack.__all__
    if isinstance(getattr(sanctiontrack, name), type) and issubclass(getattr(sanctiontrack, name), __import__("enum").Enum)
]


def test_every_kind_has_one_schema_model_shaped_by_its_family() -> None:
    assert set(KIND_MODELS) == set(ActionKind)
    assert set(_KIND_MODELS) == {k.value for k in ActionKind}
    for kind, model in KIND_MODELS.items():
        assert model.__doc__ == kind.description
        assert issubclass(model, _RestrictingIn) == (kind.family is Family.RESTRICTING)
        assert issubclass(model, _ModifierIn) == (kind.family is Family.MODIFIER)


def test_the_five_dates_are_the_same_five_everywhere() -> None:
    names = [kind.value for kind in DateKind]
    assert [field.name for field in attrs.fields(Dates)] == names
    assert list(DatesIn.model_fields) == names
    schema = sanctiontrack.json_schema()["$defs"]["DatesIn"]["properties"]
    assert {name: schema[name]["description"] for name in names} == {kind.value: kind.description for kind in DateKind}


def test_every_relation_type_has_an_effect_the_engine_applies() -> None:
    for relation in RelationType:
        assert relation.effect in Effect
        assert (relation.reason is not None) == (relation.effect is Effect.TERMINATES), relation
        if relation.reason is not None:
            assert relation.reason.terminal
    steps = sorted(e.step for e in Effect if e.step)
    assert steps == list(range(2, 2 + len(steps))), "effects apply in a gapless order, after the action's own period (step 1)"


def test_kinds_that_restrict_are_binding_and_non_binding_kinds_have_a_phrase() -> None:
    for kind in ActionKind:
        assert not (kind.is_restricting and not kind.is_binding)
        if kind.family is Family.NON_BINDING:
            assert kind.phrase, f"{kind.value} needs the phrase answers use for it"


def test_reasons_that_rank_causes_are_distinct() -> None:
    ranked = [r.precedence for r in Reason if r.precedence != 99]
    assert len(ranked) == len(set(ranked))


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_member_is_described(vocabulary: type) -> None:
    for member in vocabulary:  # type: ignore[attr-defined]
        if hasattr(member, "description"):
            assert member.description, f"{vocabulary.__name__}.{member.name} has no description"


@pytest.mark.parametrize(
    "vocabulary",
    [v for v in VOCABULARIES if v.__name__ not in ("Precision", "Confidence")],
    ids=lambda v: v.__name__,
)
def test_the_vocabulary_page_lists_every_member(vocabulary: type) -> None:
    page = vocabulary_page()
    missing = [m.value for m in vocabulary if f"`{m.value}`" not in page]  # type: ignore[attr-defined]
    assert not missing, f"reference/vocabulary.md lacks {vocabulary.__name__}: {missing}"


def test_every_problem_code_is_on_the_vocabulary_page() -> None:
    page = vocabulary_page()
    assert all(f"`{code.value}`" in page for code in ProblemCode)
