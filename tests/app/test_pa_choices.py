"""The PA cost calculator in the app keeps its answers in the plan, agrees with `phb pa-costs`,
and asks before it changes a line the person edited by hand."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path

from textual.pilot import Pilot

from phb_tui.app import PhbApp
from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.pa_plan import apply_to_plan, plan_costs
from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import ConfirmDialog
from plan_store import Plan, PlanStore
from screens.pa_calculator import PACalculatorDialog

from ..conftest import PINNED_TODAY, run_phb
from .helpers import choose, error_text, fill, plan_open_at, saved, screen_text


@asynccontextmanager
async def reopened(store: PlanStore, path: Path) -> AsyncIterator[tuple[PhbApp, Pilot[None]]]:
    """The saved plan opened in a new app, as on another day, at the Financial plan step."""
    app = PhbApp(store, store.open(path), autosave_seconds=3600, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:  # Its messages are read.
        await pilot.pause()
        app.show_step(Step.FINANCE)
        await pilot.pause()
        yield app, pilot


async def _calculator(pilot: Pilot[None]) -> None:
    await pilot.press("f6")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PACalculatorDialog)


def _plan(app: PhbApp) -> Plan:
    assert app.session is not None
    return app.session.plan


async def test_the_answers_survive_saving_reopening_and_running_again(store: PlanStore, example_plan: Plan) -> None:
    path = store.add(example_plan).path
    async with reopened(store, path) as (app, pilot):
        await _calculator(pilot)
        await fill(pilot, "#pa-0 #field-sick_weeks", "3")
        await choose(pilot, "#pa-0 #field-pay_period", "week")
        await pilot.press("f9")
        await pilot.pause()
        assert not isinstance(app.screen, (PACalculatorDialog, ConfirmDialog))  # Nothing edited: no question.
        told = " ".join(note.message for note in app._notifications)  # The toast wraps among other words.
        assert "Added: Sam: cover while off sick (3 weeks); Sam: workplace pension (employer's share);" in told
        await pilot.press("ctrl+s")
    plan = saved(store, path)
    sam = plan.finance.employing.assistants[0]
    assert (sam.who, sam.sick_weeks, sam.pay_period, sam.holiday_cover) == ("Sam", Decimal(3), "week", False)
    assert {"pa-mornings-sickcover", "pa-evenings-sickcover", "employer-recruitment"} <= {
        record.id for record in plan.finance.employing.written
    }
    # The plan's own insurance and payroll lines are kept, and no second set is made.
    ids = [item.id for item in plan.finance.line_items]
    assert "insurance" in ids and "payroll" in ids and "employer-insurance" not in ids
    items = plan.finance.line_items

    async with reopened(store, path) as (app, pilot):
        await _calculator(pilot)
        assert app.screen.query_one("#pa-0 #field-sick_weeks").value == "3"  # type: ignore[attr-defined]
        await pilot.press("f9")  # Again, with nothing changed: the same lines, and no question.
        await pilot.pause()
        assert not isinstance(app.screen, (PACalculatorDialog, ConfirmDialog))
        assert _plan(app).finance.line_items == items


async def test_closing_keeps_what_was_typed_and_changes_no_line(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(100, 40)) as (_app, pilot, path):
        await _calculator(pilot)
        await fill(pilot, "#pa-1 #field-sick_weeks", "4")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
    plan = saved(store, path)
    assert plan.finance.employing.assistants[1].sick_weeks == Decimal(4)
    assert plan.finance.line_items == example_plan.finance.line_items


async def test_a_negative_sick_week_count_is_refused_with_a_clear_message(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(100, 40)) as (app, pilot, path):
        await _calculator(pilot)
        await fill(pilot, "#pa-0 #field-sick_weeks", "-2")
        assert "must be zero or more" in error_text(app, "sick_weeks")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
    assert saved(store, path).finance.employing.assistants[0].sick_weeks == Decimal(1)  # As it was.


async def test_a_line_edited_by_hand_is_shown_and_asked_about_first(store: PlanStore, example_plan: Plan) -> None:
    # The calculator was used before; since then the person changed Sam's sick cover by hand.
    finance = example_plan.finance
    change = apply_to_plan(plan_costs(finance, load_rates().rates, PINNED_TODAY), finance.line_items)
    finance.line_items[:] = change.line_items
    finance.employing.written[:] = change.written
    edited = next(item for item in finance.line_items if item.id == "pa-mornings-sickcover")
    edited.unit_cost = Decimal("500.00")
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(100, 40)) as (app, pilot, path):
        await _calculator(pilot)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.question
        assert '- "Sam: cover while off sick (1 week)" (£500.00 a year): would become "Sam: cover while off' in question
        await pilot.press("escape")  # No: nothing changes, and the calculator is still open.
        await pilot.pause()
        assert isinstance(app.screen, PACalculatorDialog)
        line = next(item for item in _plan(app).finance.line_items if item.id == "pa-mornings-sickcover")
        assert line.unit_cost == Decimal("500.00")
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("y")  # Yes: the figure is put back.
        await pilot.pause()
        assert not isinstance(app.screen, (PACalculatorDialog, ConfirmDialog))
        await pilot.press("ctrl+s")
    line = next(item for item in saved(store, path).finance.line_items if item.id == "pa-mornings-sickcover")
    assert line.unit_cost == Decimal("325.00")  # £290 x 1.1207 for a week


async def test_the_app_and_phb_pa_costs_give_the_same_total(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(120, 50)) as (app, pilot, path):
        await _calculator(pilot)
        seen = ""
        for _ in range(8):
            seen += screen_text(app)
            await pilot.press("pagedown")
            await pilot.pause()
    done = run_phb("pa-costs", path.stem, "--json", data_dir=store.data_dir)
    total = Decimal(json.loads(done.stdout)["yearly"])
    shown = re.search(r"Total, a year\s+£([\d,.]+)", seen)
    assert shown is not None and Decimal(shown.group(1).replace(",", "")) == total == Decimal("28259.80")


async def test_the_pa_offered_and_left_as_offered_is_not_kept(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 40)) as (_app, pilot, path):
        await _calculator(pilot)  # A plan with no PA yet: one is offered to describe.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
    assert saved(store, path).finance.employing.assistants == []
