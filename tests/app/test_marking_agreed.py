"""Step 6: marking the plan as agreed, and recording how each outcome is going at a review."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import ConfirmDialog
from plan_store import Plan, PlanStore, new_plan
from plan_store.agreed import agree, read_agreed
from plan_store.vocabulary import Progress, SaidBy
from screens.agree_dialog import AgreeDialog
from screens.reason_dialog import ReasonDialog

from .helpers import choose, fill, plan_open_at, saved, until


@asynccontextmanager
async def plan_open_at_path(store: PlanStore, path: Path) -> AsyncIterator[tuple[PhbApp, Pilot[None]]]:
    """The app on a plan already saved (and agreed), at the Review step."""
    app = PhbApp(
        store,
        store.open(path),
        autosave_seconds=3600,
        keys_file=store.data_dir / "no-keys.toml",
        first_step=Step.REVIEW,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        yield app, pilot


def _shown(app: PhbApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _ask_to_agree(app: PhbApp, pilot: Pilot[None], name: str, on: str) -> None:
    """F3, then who and when, as a person types them."""
    await pilot.press("f3")
    await until(pilot, lambda: isinstance(app.screen, AgreeDialog), "the dialog asking who agreed")
    await fill(pilot, "#agreed-name", name)
    await fill(pilot, "#agreed-role", "CHC nurse assessor")
    await fill(pilot, "#agreed-on", on)
    await pilot.click("#ok")
    await pilot.pause()


async def test_marking_a_ready_plan_as_agreed_keeps_the_agreed_copy(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.REVIEW, size=(100, 40)) as (app, pilot, path):
        assert _shown(app, "#agreed-status") == "Not yet agreed."
        revision = saved(store, path).revision
        await _ask_to_agree(app, pilot, "Priya Shah", "20/11/2026")
        await until(pilot, lambda: "Agreed on" in _shown(app, "#agreed-status"), "the agreement shown")
        assert _shown(app, "#agreed-status") == f"Agreed on 20 November 2026 by Priya Shah (revision {revision})."
        assert "Nothing has changed since then." in _shown(app, "#agreed-changes")
    plan = saved(store, path)
    (agreement,) = plan.agreements
    assert (agreement.by, agreement.role, agreement.on) == ("Priya Shah", "CHC nurse assessor", date(2026, 11, 20))
    assert read_agreed(path, agreement).plan.revision == revision  # Checked against its digest as it is read.


async def test_bad_dates_and_no_name_are_refused_in_the_dialog_and_nothing_is_recorded(
    store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, step=Step.REVIEW, size=(100, 40)) as (app, pilot, path):
        await _ask_to_agree(app, pilot, "Priya Shah", "25/11/2026")  # The day after today (pinned).
        assert isinstance(app.screen, AgreeDialog)
        assert "is in the future" in _shown(app, "#problem")
        await fill(pilot, "#agreed-on", "01/01/2020")
        await pilot.click("#ok")
        await pilot.pause()
        assert "is before the plan was made" in _shown(app, "#problem")
        await fill(pilot, "#agreed-on", "31/02/2026")
        await pilot.click("#ok")
        await pilot.pause()
        assert "is not a date written like" in _shown(app, "#problem")
        await fill(pilot, "#agreed-name", "")
        await fill(pilot, "#agreed-on", "")  # Blank is today.
        await pilot.click("#ok")
        await pilot.pause()
        assert "their name is needed" in _shown(app, "#problem")
        assert app.screen.query_one("#agreed-role", Input).value == "CHC nurse assessor"  # Nothing typed is lost.
        await pilot.press("escape")
        await pilot.pause()
        assert _shown(app, "#agreed-status") == "Not yet agreed."
    assert saved(store, path).agreements == []


async def test_a_plan_with_gaps_is_agreed_only_after_saying_which_gaps_and_asking(store: PlanStore) -> None:
    blank = new_plan("Test plan")
    blank.created = datetime(2026, 11, 1, tzinfo=UTC)  # Before today as the one clock has it.
    async with plan_open_at(store, blank, step=Step.REVIEW, size=(100, 40)) as (app, pilot, path):
        await _ask_to_agree(app, pilot, "Priya Shah", "")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question about gaps")
        question = _shown(app, ".dialog-question")
        assert "a reviewer would ask about" in question and "Record it as agreed anyway?" in question
        assert "- " in question and "outcome" in question.lower()  # Each gap named.
        await pilot.press("n")
        await pilot.pause()
        assert saved(store, path).agreements == []
        await _ask_to_agree(app, pilot, "Priya Shah", "")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question about gaps")
        await pilot.press("y")
        await until(pilot, lambda: "Agreed on" in _shown(app, "#agreed-status"), "the agreement shown")
    (agreement,) = saved(store, path).agreements
    assert agreement.on == date(2026, 11, 24)  # Today, as the one clock has it.


async def test_each_outcomes_progress_is_recorded_at_a_review(store: PlanStore, example_plan: Plan) -> None:
    example_plan.reviews.outcomes.clear()
    async with plan_open_at(store, example_plan, step=Step.REVIEW, size=(100, 40)) as (app, pilot, path):
        app.screen.query_one("#outcome-progress VirtualTable").focus()
        await pilot.press("a")
        await pilot.pause()
        await choose(pilot, "#field-outcome_id", "o2")
        await choose(pilot, "#field-progress", Progress.SOME_PROGRESS.value)
        await fill(pilot, "#field-how_it_is_going", "Swimming once a week so far.")
        await choose(pilot, "#field-said_by", SaidBy.PA.value)
        await fill(pilot, "#field-what_will_change", "A second session when the pool has a slot.")
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
    (entry,) = saved(store, path).reviews.outcomes
    assert (entry.reviewed_on, entry.outcome_id, entry.progress, entry.said_by) == (
        date(2026, 11, 24),
        "o2",
        Progress.SOME_PROGRESS,
        SaidBy.PA,
    )
    assert entry.how_it_is_going == "Swimming once a week so far."


async def test_a_reason_for_a_change_is_given_on_the_review_step_and_kept_for_the_request(
    store: PlanStore, example_plan: Plan
) -> None:
    opened = store.add(example_plan)
    agree(store, opened, "Priya Shah", "CHC nurse assessor", date(2026, 11, 20))
    opened.plan.finance.line_items[0].unit_cost = Decimal("15.00")
    store.save(opened)
    async with plan_open_at_path(store, opened.path) as (app, pilot):
        assert "Your reason (change 1): not given yet." in _shown(app, "#agreed-changes")
        app.screen.query_one("#give-reason", Button).press()
        await until(pilot, lambda: isinstance(app.screen, ReasonDialog), "the dialog asking the reason")
        await fill(pilot, "#reason-words", "Sam's pay goes up in April.")
        await pilot.click("#ok")
        await until(pilot, lambda: "April" in _shown(app, "#agreed-changes"), "the reason shown")
        assert "Your reason (change 1): Sam's pay goes up in April." in _shown(app, "#agreed-changes")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (kept,) = saved(store, opened.path).change_reasons
    assert (kept.change, kept.since, kept.reason) == ("item:pa-mornings:cost", 14, "Sam's pay goes up in April.")


async def test_no_reason_is_asked_for_when_nothing_needs_agreement(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.REVIEW, size=(100, 40)) as (app, _pilot, _path):
        assert not app.screen.query_one("#give-reason", Button).display
