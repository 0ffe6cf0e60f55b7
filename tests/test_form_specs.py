"""Every form in the app, walked against the model it edits: the model says how each field is drawn.

A spec names a field and says what a person reads about it; whether it is a money box, a choice or
a tick box comes from the field's annotation. So a spec that names a field the model does not have,
or a field no form can draw, fails here rather than in front of a person.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest
from pydantic import BaseModel

import screens
from phb_tui.widgets.form import FieldSpec, FormField, field_kind
from phb_tui.widgets.item_list import ListSpec
from plan_store import (
    DirectPayment,
    FinancialPlan,
    Flexibility,
    KeyContacts,
    LineItem,
    Management,
    Outcome,
    Person,
    Plan,
    PrivateNote,
    Resource,
    Reviews,
    SelfAssessment,
)
from plan_store.employing import EmployerCosts, PersonalAssistant
from plan_store.models import ChecklistItem, Question
from plan_store.person_centred import AboutMe, Action, MyWeek, WhoDecides

# Module-level field lists and the model each one edits. A list's entries make their own model.
FORMS: dict[str, type[BaseModel]] = {
    "get_informed.PERSON_FIELDS": Person,
    "get_informed.PLAN_FIELDS": Plan,
    "get_informed.CONTACT_FIELDS": KeyContacts,
    "get_informed.CHECKLIST_FIELDS": ChecklistItem,
    "get_informed.QUESTION_FIELDS": Question,
    "get_informed.WORRY_FIELDS": PrivateNote,
    "outcomes.NEEDS_FIELDS": Plan,
    "outcomes.OUTCOME_FIELDS": Outcome,
    "management.QUESTIONS": SelfAssessment,
    "management.CHOICE": Management,
    "management.DIRECT_PAYMENT": DirectPayment,
    "resources.RESOURCE_FIELDS": Resource,
    "finance.BUDGET_FIELDS": FinancialPlan,
    "finance.ITEM_FIELDS": LineItem,
    "finance.CONTINGENCY_FIELDS": FinancialPlan,
    "finance.FLEXIBILITY_FIELDS": Flexibility,
    "review.CONTINGENCY_PLAN": Plan,
    "review.REVIEW_FIELDS": Reviews,
    "management.WHO_DECIDES": WhoDecides,
    "resources.WEEK_FIELDS": MyWeek,
    "outcomes.ABOUT_ME_FIELDS": AboutMe,
    "review.ACTION_FIELDS": Action,
    "pa_calculator.NEW_PA_FIELDS": PersonalAssistant,
    "pa_calculator.PA_FIELDS": PersonalAssistant,
    "pa_calculator.EMPLOYER_FIELDS": EmployerCosts,
}


def _screen_modules() -> list[ModuleType]:
    return [importlib.import_module(f"screens.{info.name}") for info in pkgutil.iter_modules(screens.__path__)]


def _every_form() -> list[tuple[str, list[FieldSpec], type[BaseModel]]]:
    found = []
    for module in _screen_modules():
        short = module.__name__.removeprefix("screens.")
        for name, value in vars(module).items():
            if isinstance(value, ListSpec):
                found.append((f"{short}.{name}", list(value.fields), type(value.make())))
            elif isinstance(value, list) and value and all(isinstance(item, FieldSpec) for item in value):
                key = f"{short}.{name}"
                assert key in FORMS, f"{key} is a form this test does not know: add the model it edits to FORMS"
                found.append((key, value, FORMS[key]))
    return found


def test_every_form_is_found() -> None:
    assert {key for key, _, _ in _every_form()} >= set(FORMS)


@pytest.mark.parametrize(
    ("key", "specs", "model"), _every_form(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_each_field_of_each_form_is_drawn_as_its_model_says(
    key: str, specs: list[FieldSpec], model: type[BaseModel]
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
