"""Step 6: risks, the contingency plan, review dates and the log, and sign-off."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from textual.widgets import Static

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore
from plan_store.agreed import agree
from screens import base

from .helpers import error_text, fill, keys, plan_open_at, saved


async def test_review_details_are_saved(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.REVIEW) as (app, pilot, path):
        app.screen.query_one("#risks VirtualTable").focus()
        await pilot.press("a", *keys("PA leaves"), "tab", *keys("Agency cover"), "escape")
        await fill(pilot, "#field-contingency_plan", "Call my sister")
        await fill(pilot, "#field-first_review", "31/01/2027")
        await fill(pilot, "#field-every_months", "12")
        app.screen.query_one("#sign-off VirtualTable").focus()
        await pilot.press("a", *keys("Amira Khan"), "tab", *keys("Budget holder"), "escape")
        await pilot.press("ctrl+s")
    plan = saved(store, path)
    assert [(r.description, r.mitigation) for r in plan.risks] == [("PA leaves", "Agency cover")]
    assert plan.contingency_plan == "Call my sister"
    assert plan.reviews.first_review == date(2027, 1, 31)
    assert plan.reviews.every_months == 12
    assert [(s.name, s.role) for s in plan.sign_off] == [("Amira Khan", "Budget holder")]


async def test_impossible_dates_and_long_gaps_are_refused(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.REVIEW) as (app, pilot, path):
        before = saved(store, path).reviews
        await fill(pilot, "#field-first_review", "30/02/2027")
        assert "not a real date" in error_text(app, "first_review")
        await fill(pilot, "#field-every_months", "36")
        assert "12 or less" in error_text(app, "every_months")
        await pilot.press("ctrl+s")
        # Not even a date on the way to the refused one ("30/02/2"): the review dates from before.
        assert saved(store, path).reviews == before


async def test_the_journey_bar_catches_up_when_a_long_text_box_is_left(
    store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Figures from the whole plan wait while long text is typed, and are right once the box is
    left, however long they would otherwise wait."""
    monkeypatch.setattr(base, "TYPING_PAUSE", 3600)
    async with plan_open_at(store, step=Step.REVIEW) as (app, pilot, _path):

        def still_to_do() -> str:
            return str(app.screen.query_one("#journey").render())

        assert "(and 3 more)" in still_to_do()  # No risks, no contingency plan, no review date, no sign-off.
        app.screen.query_one("#field-contingency_plan").focus()
        await pilot.pause()
        await pilot.press(*keys("Mum stays over"))
        assert "(and 3 more)" in still_to_do()  # Still typing.
        await pilot.press("tab")
        await pilot.pause()
        assert "(and 2 more)" in still_to_do()


async def test_the_review_step_lists_the_changes_since_the_agreed_version(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    agree(store, opened, "Priya Shah", "CHC nurse assessor", date(2026, 11, 20))
    opened.plan.finance.line_items[0].unit_cost = Decimal("15.00")
    store.save(opened)
    app = PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.show_step(Step.REVIEW)
        await pilot.pause()
        shown = str(app.screen.query_one("#agreed-changes", Static).render())
        assert "Compared with revision 14, agreed on 20 November 2026 by Priya Shah" in shown
        assert "£14.50 -> £15.00 an hour" in shown and "Needs the NHS team's agreement: new money" in shown


async def test_the_review_step_says_when_a_plan_is_not_yet_agreed(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.REVIEW) as (app, _pilot, _path):
        assert "Not yet agreed" in str(app.screen.query_one("#agreed-changes", Static).render())
