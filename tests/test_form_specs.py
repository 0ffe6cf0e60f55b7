"""Every form in the app, walked against the model it edits: the model says how each field is drawn.

A spec names a field and says what a person reads about it; whether it is a money box, a choice or
a tick box comes from the field's annotation. So a spec that names a field the model does not have,
or a field no form can draw, fails here rather than in front of a person.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel

import screens
from phb_tui.planning.fields import FieldSpec, Form, Listed, form
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import STEPS
from phb_tui.widgets.form import FormField, field_kind
from phb_tui.widgets.item_list import ListSpec
from plan_store import (
    Contact,
    DirectPayment,
    FinancialPlan,
    Flexibility,
    Helper,
    KeyContacts,
    LineItem,
    Management,
    Outcome,
    Person,
    Plan,
    PrivateNote,
    Resource,
    ReviewEntry,
    Reviews,
    Risk,
    SelfAssessment,
    SignOff,
    new_plan,
)
from plan_store.employing import EmployerCosts, PersonalAssistant
from plan_store.models import ChecklistItem, OutcomeReview, Question
from plan_store.person_centred import AboutMe, Action, Decision, MyWeek, WeekEntry, WhoDecides

# Every form declared for a step, and the model each one edits. A list's entries make their own model.
FORMS: dict[str, type[BaseModel]] = {
    "get_informed.PERSON": Person,
    "get_informed.RIGHT_TO_A_BUDGET": Plan,
    "get_informed.CONTACTS": KeyContacts,
    "get_informed.HELPERS": Helper,
    "get_informed.CHECKLIST": ChecklistItem,
    "get_informed.PEOPLE_TO_TALK_TO": Contact,
    "get_informed.QUESTIONS": Question,
    "get_informed.WORRIES": PrivateNote,
    "outcomes.NEEDS": Plan,
    "outcomes.OUTCOMES": Outcome,
    "management.QUESTIONS": SelfAssessment,
    "management.CHOICE": Management,
    "management.DIRECT_PAYMENT": DirectPayment,
    "management.DECISIONS": Decision,
    "resources.RESOURCES": Resource,
    "resources.WEEK_ENTRIES": WeekEntry,
    "finance.BUDGET": FinancialPlan,
    "finance.ITEMS": LineItem,
    "finance.SET_ASIDE": FinancialPlan,
    "finance.FLEXIBILITY": Flexibility,
    "review.RISKS": Risk,
    "review.CONTINGENCY_PLAN": Plan,
    "review.REVIEWS": Reviews,
    "review.LOG": ReviewEntry,
    "review.OUTCOME_PROGRESS": OutcomeReview,
    "review.SIGN_OFF": SignOff,
    "management.WHO_DECIDES": WhoDecides,
    "resources.WEEK": MyWeek,
    "outcomes.ABOUT_ME": AboutMe,
    "review.ACTIONS": Action,
    "finance.NEW_PA": PersonalAssistant,
    "finance.PA": PersonalAssistant,
    "finance.NEW_PA_LINKS": PersonalAssistant,
    "finance.EMPLOYER": EmployerCosts,
}


def _declaring_modules() -> list[ModuleType]:
    return [importlib.import_module(f"phb_tui.planning.wizard.{step.value}") for step in Step]


def _screen_modules() -> list[ModuleType]:
    return [importlib.import_module(f"screens.{info.name}") for info in pkgutil.iter_modules(screens.__path__)]


def _declared_forms() -> list[tuple[str, Form[Any]]]:
    found = []
    for module in _declaring_modules():
        short = module.__name__.removeprefix("phb_tui.planning.wizard.")
        for name, value in vars(module).items():
            if isinstance(value, Form | Listed):
                found.append((f"{short}.{name}", value.form if isinstance(value, Listed) else value))
    return found


def _every_form() -> list[tuple[str, Sequence[FieldSpec], type[BaseModel]]]:
    found: list[tuple[str, Sequence[FieldSpec], type[BaseModel]]] = []
    for key, declared in _declared_forms():
        assert key in FORMS, f"{key} is a form this test does not know: add the model it edits to FORMS"
        assert declared.model is FORMS[key], f"{key} says it edits {declared.model.__name__}"
        found.append((key, declared, declared.model))
    for module in _screen_modules():
        short = module.__name__.removeprefix("screens.")
        for name, value in vars(module).items():
            if isinstance(value, ListSpec):
                found.append((f"{short}.{name}", list(value.fields), type(value.make())))
            elif isinstance(value, list) and value and all(isinstance(item, FieldSpec) for item in value):
                raise AssertionError(f"screens.{short}.{name}: declare a form with the model it edits (Form)")
    return found


def test_every_form_is_found() -> None:
    assert {key for key, _, _ in _every_form()} >= set(FORMS)


def test_every_form_of_every_step_is_in_the_registry() -> None:
    """A form declared but left out of its step's entry would edit fields that never start the step."""
    registered = {id(form) for step_entry in STEPS for form in step_entry.forms}
    assert [key for key, form in _declared_forms() if id(form) not in registered] == []


def test_each_form_finds_its_model_in_a_plan(example_plan: Plan) -> None:
    """Where a form says its model lives in the plan, that is an instance of the model it declares."""
    for plan in (new_plan("New"), example_plan):
        for step_entry in STEPS:
            for part in step_entry.parts:
                if isinstance(part, Listed):
                    entries = part.entries(plan)
                    assert isinstance(entries, list)
                    assert all(isinstance(one, part.form.model) for one in entries)
                elif part.at is not None:
                    assert isinstance(part.of(plan), part.model)


def test_a_form_naming_a_field_its_model_lacks_fails_when_declared() -> None:
    with pytest.raises(TypeError, match="Person has no field gp"):
        form(Person, [FieldSpec("gp", "GP practice")], at=lambda plan: plan.person)


@pytest.mark.parametrize(
    ("key", "specs", "model"), _every_form(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_each_field_of_each_form_is_drawn_as_its_model_says(
    key: str, specs: Sequence[FieldSpec], model: type[BaseModel]
) -> None:
    for spec in specs:
        assert spec.name in model.model_fields, f"{key}: {model.__name__} has no field {spec.name!r}"
        drawn = FormField.of(spec, model)
        assert (drawn.choices is not None) == (drawn.kind == "choice")


def test_kinds_come_from_the_annotations() -> None:
    kinds = {
        name: field_kind(LineItem, name)[0]
        for name in ("description", "unit_cost", "quantity", "period", "notes", "outcome_ids", "checked_allowed")
    }
    assert kinds == {
        "description": "line",
        "unit_cost": "money",
        "quantity": "quantity",
        "period": "choice",
        "notes": "note",
        "outcome_ids": "links",
        "checked_allowed": "bool",
    }
    assert field_kind(FinancialPlan, "budget_amount") == ("money", None)  # Optional money too.
    assert field_kind(Reviews, "every_months")[0] == "int" and field_kind(Reviews, "first_review")[0] == "date"
    assert field_kind(Plan, "assessed_needs")[0] == "text"


def test_a_field_no_form_can_draw_is_named() -> None:
    with pytest.raises(TypeError, match=r"Plan\.finance: a form cannot edit"):
        field_kind(Plan, "finance")
