"""The plan model: what it holds, how it round-trips through TOML, and how it explains mistakes."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from plan_store import (
    Agreement,
    LineItem,
    Note,
    Outcome,
    Plan,
    PlanValidationError,
    Resource,
    ResourceKind,
    new_plan,
    next_id,
)
from plan_store.codec import plan_from_toml, plan_to_toml
from plan_store.models import ChangeReason
from plan_store.plan import SCHEMA_VERSION
from plan_store.validation import model_in

from .conftest import agreements_toml, employing_toml, example_toml, not_applicable_toml, wheelchair_toml

HERE = Path("plan.toml")


def _fields_not_written(model: type[BaseModel], raw: Any) -> set[str]:
    """Every `Model.field` reachable from `model` that the raw TOML never writes a value for."""
    written: set[str] = set()
    every: set[str] = set()

    def walk(cls: type[BaseModel], table: Any) -> None:
        tables = table if isinstance(table, list) else [table]
        for name, field in cls.model_fields.items():
            every.add(f"{cls.__name__}.{name}")
            child = model_in(field.annotation)
            for entry in tables:
                if isinstance(entry, dict) and name in entry:
                    written.add(f"{cls.__name__}.{name}")
                    if child is not None:
                        walk(child, entry[name])

    walk(model, raw)
    return every - written


def test_the_documented_example_loads_and_uses_every_field(example_plan: Plan) -> None:
    assert example_plan.person.nhs_number == "9434765919"
    assert example_plan.finance.line_items[0].unit_cost == Decimal("14.50")
    # A complete example shows a reader every field at least once, so a new field must be added
    # to docs/plan-format.md before this passes.
    # Contributions belong in a wheelchair budget, and a model plan sets no rule aside: the format
    # document shows both in sections of their own. The calculator's own insurance, payroll and
    # what it wrote belong in a plan that has used it.
    missing = _fields_not_written(Plan, tomllib.loads(example_toml()))
    contributions = {"LineItem.contribution", "LineItem.contribution_from", "LineItem.contributor"}
    calculator = {"Employing.insurance_per_year", "Employing.payroll_per_year", "Employing.written"}
    # The reasons for changes belong in an agreed plan: the section on agreed versions shows them.
    agreed = {"Plan.agreements", "Plan.change_reasons"}
    assert missing == contributions | calculator | {"Plan.not_applicable"} | agreed
    agreements = tomllib.loads(agreements_toml())
    assert (
        _fields_not_written(Plan, agreements) & {"Plan.agreements", *(f"Agreement.{f}" for f in Agreement.model_fields)}
        == set()
    )
    reasons = {"Plan.change_reasons", *(f"ChangeReason.{f}" for f in ChangeReason.model_fields)}
    assert _fields_not_written(Plan, agreements) & reasons == set()
    shown_apart = {**tomllib.loads(wheelchair_toml()), **tomllib.loads(not_applicable_toml())}
    assert _fields_not_written(Plan, shown_apart) & (contributions | {"Plan.not_applicable"}) == set()
    employing = {"finance": tomllib.loads(employing_toml())["finance"]}
    written = {"WrittenLine.id", "WrittenLine.description", "WrittenLine.unit_cost"}
    assert _fields_not_written(Plan, employing) & (calculator | written) == set()


def test_a_fully_populated_plan_round_trips_exactly(example_plan: Plan, tmp_path: Path) -> None:
    text = plan_to_toml(example_plan)
    assert plan_from_toml(text, HERE) == example_plan
    # And the text itself is stable: writing what was read gives the same file.
    assert plan_to_toml(plan_from_toml(text, HERE)) == text


def test_money_is_stored_as_text_with_two_decimal_places(example_plan: Plan) -> None:
    raw = tomllib.loads(plan_to_toml(example_plan))
    assert raw["finance"]["budget_amount"] == "52000.00"
    assert raw["finance"]["line_items"][0]["unit_cost"] == "14.50"
    assert raw["finance"]["contingency"] == "837.50"


def test_no_float_ever_enters_a_plan() -> None:
    text = example_toml().replace('unit_cost = "14.50"', "unit_cost = 14.5")
    plan = plan_from_toml(text, HERE)
    cost = plan.finance.line_items[0].unit_cost
    assert isinstance(cost, Decimal) and cost == Decimal("14.50")
    assert all(isinstance(i.quantity, Decimal) for i in plan.finance.line_items)


def test_private_notes_are_written_as_tables_and_shared_ones_as_plain_text(example_plan: Plan) -> None:
    example_plan.informed.questions[0].answered = False
    raw = tomllib.loads(plan_to_toml(example_plan))
    assert raw["informed"]["questions"][1] == {
        "text": "Who do I call if payroll goes wrong?",
        "private": True,
        "answered": True,
    }
    assert raw["informed"]["questions"][0] == "Can the budget pay for a PA to come swimming with me?"
    # Worries are private unless said otherwise, so a plain worry stays private.
    assert example_plan.informed.worries[0].private is True
    assert raw["informed"]["worries"][0] == "What happens if both PAs are ill in the same week?"


def test_a_new_plan_starts_at_the_beginning_with_things_to_find_out() -> None:
    plan = new_plan("  My plan  ")
    assert plan.title == "My plan"
    assert plan.stage.number == 1
    assert len(plan.informed.checklist) >= 6
    assert not any(item.done for item in plan.informed.checklist)


@pytest.mark.parametrize("title", ["", "   ", "a\nb", "x" * 121, "bell\x07"])
def test_unusable_titles_are_refused(title: str) -> None:
    with pytest.raises(ValidationError):
        new_plan(title)


def _problems(text: str) -> list[str]:
    with pytest.raises(PlanValidationError) as refused:
        plan_from_toml(text, HERE)
    return [str(problem) for problem in refused.value.problems]


def test_a_link_to_a_missing_outcome_is_named_with_its_place() -> None:
    text = example_toml().replace(
        'outcome_ids = ["o2"]\nnotes = "Leisure card rate."', 'outcome_ids = ["o9"]\nnotes = "Leisure card rate."'
    )
    problems = _problems(text)
    assert problems == [
        'finance.line_items[4].outcome_ids[0]: links to outcome "o9", but the plan has no outcome '
        'with that id (outcome ids: "o1", "o2")'
    ]


def test_ids_used_twice_are_refused() -> None:
    text = example_toml().replace('id = "r2"', 'id = "r1"').replace('resource = "r2"', 'resource = "r1"')
    assert _problems(text) == ['resources: the id "r1" is used 2 times; each must be different']


def test_a_week_that_links_to_a_missing_cost_or_support_names_it() -> None:
    text = (
        example_toml()
        .replace('line_item = "swim"', 'line_item = "swimming"')
        .replace('resource = "r2"', 'resource = "r9"')
    )
    assert _problems(text) == [
        'week.entries[1].line_item: links to cost "swimming", but the plan has no cost with that id',
        'week.entries[9].line_item: links to cost "swimming", but the plan has no cost with that id',
        'week.entries[15].resource: links to "r9", but the plan has no support with that id',
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'unit_cost = "14.50"',
            'unit_cost = "14.505"',
            "finance.line_items[0].unit_cost: has more than two decimal places",
        ),
        ('budget_amount = "52000.00"', 'budget_amount = "-5"', "finance.budget_amount: cannot be less than £0"),
        (
            '\nperiod = "week"',
            '\nperiod = "fortnight"',
            'finance.line_items[0].period: must be one of "one_off", "week"',
        ),
        (
            "budget_end = 2027-11-30",
            "budget_end = 2026-01-31",
            "finance.budget_end: is 31/01/2026, before the budget starts (01/12/2026)",
        ),
        (
            'unit_cost = "389.99"',
            'unit_cost = "389.99"\ncontribution = "400.00"',
            "finance.line_items[5].contribution: is £400.00, more than the full price each time (£389.99)",
        ),
        (
            'checked_reason = "Advice on running the direct payment account, not paying off debts."',
            "",
            "finance.line_items[6].checked_reason: is needed when the item is marked as checked",
        ),
        (
            'nhs_number = "943 476 5919"',
            'nhs_number = "943 476 5918"',
            "person.nhs_number: does not pass the NHS number check",
        ),
        ("date_of_birth = 1991-06-03", "date_of_birth = 2999-06-03", "person.date_of_birth: is in the future"),
        ("done = true", 'done = "maybe"', "informed.checklist[0].done: must be true or false"),
        ("every_months = 12", "every_months = 13", "reviews.every_months: must be 12 or less"),
        # The PA cost calculator's answers: an impossible one is named with its field.
        ("sick_weeks = 1\n", "sick_weeks = -1\n", "finance.employing.assistants[0].sick_weeks: must be zero or more"),
        ("sick_weeks = 1\n", "sick_weeks = 60\n", "finance.employing.assistants[0].sick_weeks: must be 28 or less"),
        (
            "days_per_week = 4\n",
            "days_per_week = 9\n",
            "finance.employing.assistants[1].days_per_week: must be 7 or less",
        ),
        ("hours_per_week = 15\n", "hours_per_week = 200\n", "finance.employing.assistants[1].hours_per_week: must be"),
        (
            'pay_period = "week"',
            'pay_period = "fortnight"',
            "finance.employing.assistants[1].pay_period: must be one of",
        ),
        ('id = "o1"', 'id = "Outcome One"', "outcomes[0].id: 'Outcome One' is not a usable id"),
        (
            'priority = "high"',
            'priorty = "high"',
            'outcomes[0].priorty: is not a field this version of PHB Planner knows; did you mean "priority"?',
        ),
        (
            '[person]\nname = "Daniel Price"',
            '[person]\nname = "Daniel\\u0000Price"',
            "person.name: contains an invisible control character (U+0000)",
        ),
    ],
)
def test_a_bad_field_names_the_field_and_what_is_allowed(old: str, new: str, expected: str) -> None:
    text = example_toml()
    assert old in text
    problems = _problems(text.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported_at_once() -> None:
    text = (
        example_toml()
        .replace('unit_cost = "14.50"', 'unit_cost = "abc"', 1)
        .replace('kind = "own_skill"', 'kind = "talent"')
    )
    assert len(_problems(text)) == 2


def test_a_missing_required_field_says_so() -> None:
    assert _problems("schema_version = 1\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n") == [
        "title: is required but missing"
    ]


def test_in_memory_edits_are_validated_too(example_plan: Plan) -> None:
    with pytest.raises(ValidationError):
        example_plan.finance.line_items[0].unit_cost = "12.345"  # type: ignore[assignment]
    assert example_plan.finance.line_items[0].unit_cost == Decimal("14.50")


def test_next_id_never_reuses_a_taken_id() -> None:
    assert next_id("o", []) == "o1"
    assert next_id("o", ["o1", "o2", "o4"]) == "o3"


def test_resources_and_items_may_link_to_several_outcomes() -> None:
    plan = new_plan("Links")
    plan.outcomes = [Outcome(id="o1", outcome="Walk to the shops"), Outcome(id="o2", outcome="Sleep well")]
    plan.resources = [Resource(id="r1", kind=ResourceKind.PERSON, description="Sister", outcome_ids=["o1", "o2"])]
    plan.finance.line_items = [LineItem(id="i1", description="Physio", unit_cost="40", outcome_ids=["o1", "o2"])]
    assert plan_from_toml(plan_to_toml(plan), HERE) == plan


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=120), body=_TEXT, private=st.booleans())
def test_any_text_a_plan_accepts_survives_saving_exactly(title: str, body: str, private: bool) -> None:
    try:
        plan = new_plan(title)
        plan.contingency_plan = body
        plan.informed.questions = [Note(text=body, private=private)]
        plan.person.name = body.replace("\n", " ").replace("\r", " ")[:300]
    except ValidationError:
        return  # Refused with a message; the refusal itself is tested above.
    assert plan_from_toml(plan_to_toml(plan), HERE) == plan


def _walk_values(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _walk_values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _walk_values(item)]
    return [value]


def test_dates_are_toml_dates_and_numbers_are_never_floats(example_plan: Plan) -> None:
    example_plan.finance.line_items[0].quantity = Decimal("7.5")
    text = plan_to_toml(example_plan)
    assert "quantity = 7.5\n" in text and "quantity = 2\n" in text
    raw = tomllib.loads(text)
    assert raw["person"]["date_of_birth"] == date(1991, 6, 3)
    # Whole quantities are written as integers, so a plain TOML reader sees no float for them.
    floats = [v for v in _walk_values(raw) if isinstance(v, float)]
    assert floats == [7.5]
    assert plan_from_toml(text, HERE).finance.line_items[0].quantity == Decimal("7.5")


def test_a_version_2_plan_loads_unchanged_with_no_planning_tools_yet(example_plan: Plan) -> None:
    from plan_store.codec import plan_from_toml

    raw = tomllib.loads(example_toml())
    for added in ("about_me", "week", "who_decides", "actions"):
        raw.pop(added)
    raw["schema_version"] = 2
    older = plan_from_toml(tomli_w.dumps(raw), Path("older.toml"))
    assert older.schema_version == SCHEMA_VERSION
    assert older.actions == [] and older.week.entries == [] and older.about_me.important_to_me == ""
    assert older.outcomes == example_plan.outcomes and older.finance == example_plan.finance
