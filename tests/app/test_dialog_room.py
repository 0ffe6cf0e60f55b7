"""Dialogs use the screen, and a one-line box shows how its text starts once it is left."""

from __future__ import annotations

from textual.widgets import Input, Static

from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore
from screens.pa_calculator import PACalculatorDialog

from .helpers import keys, plan_open_at, until
from .test_focus_visible import hidden


async def test_a_long_line_shows_its_start_after_leaving_it(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, _path):
        box = app.screen.query_one("#field-name", Input)
        box.focus()
        await pilot.press(*keys("Alexandra Josephine Wilhelmina Fotheringham-Smythe of Little Snoring"))
        await until(pilot, lambda: box.scroll_offset.x > 0, "the box scrolling to follow the typing")
        await pilot.press("tab")
        await until(pilot, lambda: box.scroll_offset.x == 0, "the box showing the start of its text")
        assert box.value.startswith("Alexandra")


async def test_the_pa_calculator_uses_the_screen_and_keeps_its_total_in_view(
    store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE) as (app, pilot, _path):
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, PACalculatorDialog), "the calculator opening")
        dialog = app.screen.query_one("#pa-dialog")
        await until(pilot, lambda: dialog.region.height >= 22, "the calculator taking the screen above its footer")
        total = app.screen.query_one("#pa-total", Static)
        assert str(total.render()).startswith("Total £"), total.render()
        assert "F9 puts it in the plan" in str(total.render())
        assert not hidden(total)
        # Each part in turn: the first PA's questions, then the second's, then the employer's.
        await pilot.press("ctrl+down")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "field-days_per_week", "PA 1")
        assert app.focused is not None and not hidden(app.focused)
        await pilot.press("ctrl+down", "ctrl+down")
        employer = app.screen.query_one("#employer-form")
        await until(
            pilot, lambda: app.focused is not None and employer in app.focused.ancestors, "the employer's questions"
        )
        await until(pilot, lambda: not hidden(app.focused), "the employer's first question in view")
        assert not hidden(total)
        await pilot.press("ctrl+up", "ctrl+up", "ctrl+up")
        await until(pilot, lambda: app.focused is app.screen.query_one("#pa-result"), "back at the figures")
