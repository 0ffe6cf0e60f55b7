"""The step registry: each step declared once, and everything that names a step reads it there."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding

from phb_tui.guidance import guidance
from phb_tui.planning.progress import StepState, journey_progress
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import STEPS, entry, label
from plan_store import Outcome, Plan, new_plan

ROOT = Path(__file__).resolve().parent.parent


def test_every_step_has_exactly_one_entry_in_journey_order() -> None:
    assert [declared.step for declared in STEPS] == list(Step)
    for number, declared in enumerate(STEPS, 1):
        assert declared.step.number == number
        assert declared.step.heading == declared.title


@pytest.mark.parametrize("step", list(Step), ids=str)
def test_each_step_has_a_screen_that_draws_it(step: Step) -> None:
    from screens.step_screens import step_screen

    screen = step_screen(step)
    assert screen.STEP is step
    assert screen.__module__ == f"screens.{step.value}"
    bound = {binding.id: binding for binding in screen.BINDINGS if isinstance(binding, Binding)}
    for key in entry(step).keys:  # Each key the status line names is bound on the step's screen.
        assert key.usual in bound[key.binding_id].key.split(",")


def test_no_step_screen_is_imported_to_start_the_app() -> None:
    """Start-up loads the first step's screen only when it is shown, and the rest when they are."""
    code = "import sys, phb_tui.app; print(sorted(m for m in sys.modules if m.startswith('screens.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert not any(f"'screens.{step.value}'" in loaded for step in Step), loaded


_NUMBERED = re.compile(r"\bsteps? \d", re.IGNORECASE)


def _sentences_in_code() -> list[tuple[str, int, str]]:
    """Every string written into the code (docstrings aside) that names a step by its number."""
    found = []
    for folder in ("phb_tui", "screens"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                and node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in docstrings
                    and _NUMBERED.search(node.value)
                ):
                    found.append((str(path.relative_to(ROOT)), node.lineno, node.value))
    return found


def test_no_sentence_writes_a_step_number_of_its_own() -> None:
    """A step's number comes from the registry (`Step.FINANCE.number`), so moving a step cannot
    leave a sentence pointing at the wrong one."""
    assert _sentences_in_code() == []


def test_help_names_steps_through_the_registry() -> None:
    for path in sorted((ROOT / "phb_tui" / "guidance").glob("*.md")):
        assert not _NUMBERED.search(path.read_text(encoding="utf-8")), f"{path.name}: write {{step:finance}}"
    assert all("{step:" not in guidance(step) for step in Step)
    assert f"Link paid support to its cost in step {Step.FINANCE.number}," in guidance(Step.RESOURCES)


def test_a_new_plan_has_started_no_step_and_a_whole_plan_every_one(example_plan: Plan) -> None:
    fresh = journey_progress(new_plan("New"))
    assert {step for step, progress in fresh.items() if progress.state != StepState.NOT_STARTED} == {Step.SUMMARY}
    whole = journey_progress(example_plan)
    assert [step for step, progress in whole.items() if progress.state == StepState.NOT_STARTED] == []


@pytest.mark.parametrize(
    ("change", "step"),
    [
        (lambda plan: setattr(plan.person, "preferred_name", "Mira"), Step.GET_INFORMED),
        (lambda plan: setattr(plan.contacts, "gp", "Riverside Surgery"), Step.GET_INFORMED),
        (lambda plan: setattr(plan.informed.checklist[0].notes, "text", "Asked at the GP"), Step.GET_INFORMED),
        (lambda plan: setattr(plan, "assessed_needs", "Care at night"), Step.OUTCOMES),
        (lambda plan: setattr(plan.management, "helped_by", "My sister"), Step.MANAGEMENT),
        (lambda plan: setattr(plan.week, "support_around_the_clock", True), Step.RESOURCES),
        (lambda plan: setattr(plan.flexibility, "must_ask_first", "Anything over £100"), Step.FINANCE),
        (lambda plan: setattr(plan.reviews, "monitored_by", "The CHC nurse"), Step.REVIEW),
    ],
)
def test_any_field_a_step_shows_starts_it(change: object, step: Step) -> None:
    """Fields the old hand-kept list of "started" missed: each is on its step's form."""
    plan = new_plan("New")
    assert callable(change)
    change(plan)
    assert journey_progress(plan)[step].state != StepState.NOT_STARTED


def test_the_summary_labels_a_field_as_its_form_declares() -> None:
    outcome_form = entry(Step.OUTCOMES).forms[-1]
    assert outcome_form.model is Outcome
    assert label(Outcome, "how_i_will_know") == outcome_form.field("how_i_will_know").reported == "How I will know"
    assert label(Outcome, "priority") == outcome_form.field("priority").label == "Priority"
