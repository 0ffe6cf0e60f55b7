"""What a person writes is shown exactly as written: square brackets and colons in their words are
never read as formatting codes, which would hide words, add emoji, or stop the app."""

from __future__ import annotations

import pytest

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.widgets.document_view import DocumentView
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Helper, HelperRole, Note, Outcome, Plan, PlanStore, new_plan

from .helpers import plan_open_at, screen_text

TITLE = "Sam [b]plan[/b] [/]"
HELPER = "Ann [/] Smith :pill:"
QUESTION = "Ask about [red]respite[/red]"
OUTCOME = "Walk to [link=x]the shop[/link] :smile:"


@pytest.fixture
def bracketed() -> Plan:
    plan = new_plan(TITLE)
    plan.helpers = [Helper(role=HelperRole.FAMILY, name=HELPER)]
    plan.informed.questions = [Note(text=QUESTION)]
    plan.outcomes = [Outcome(id="o1", outcome=OUTCOME)]
    return plan


async def test_lists_on_a_step_show_brackets_and_colons_as_written(store: PlanStore, bracketed: Plan) -> None:
    async with plan_open_at(store, bracketed, size=(120, 60)) as (app, _pilot, _path):
        text = screen_text(app)
        assert HELPER in text
        assert TITLE in text  # In the header.
        questions = app.screen.query_one("#questions VirtualTable", VirtualTable)  # Below the fold.
        assert str(questions.get_row_at(0)[0]) == QUESTION


async def test_the_summary_screen_shows_brackets_and_colons_as_written(store: PlanStore, bracketed: Plan) -> None:
    async with plan_open_at(store, bracketed, Step.SUMMARY, size=(120, 60)) as (app, _pilot, _path):
        text = screen_text(app)
        assert f"Outcome 1 ({OUTCOME}) has no spending" in text
        assert "Walk to the shop" not in text  # Nowhere with its brackets lost, such as the list of gaps.
        # Who helped is under "Who the plan is for", below the front sheet: every drawn line of it.
        drawn = "\n".join(app.screen.query_one("#document", DocumentView).lines())
        assert HELPER in drawn


async def test_the_list_of_plans_shows_a_title_as_written(store: PlanStore, bracketed: Plan) -> None:
    store.add(bracketed)
    app = PhbApp(store, None, autosave_seconds=3600, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert TITLE in screen_text(app)


async def test_outcomes_to_link_are_offered_as_written(store: PlanStore, bracketed: Plan) -> None:
    async with plan_open_at(store, bracketed, Step.RESOURCES, size=(120, 40)) as (app, pilot, _path):
        app.screen.query_one("#resources VirtualTable").focus()
        await pilot.press("a")
        await pilot.pause()
        assert f"1. {OUTCOME}" in screen_text(app)


async def test_a_message_that_quotes_a_title_shows_it_as_written(store: PlanStore, bracketed: Plan) -> None:
    store.add(bracketed)
    app = PhbApp(store, None, autosave_seconds=3600, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(120, 30), notifications=True) as pilot:  # Tests hide messages unless asked.
        await pilot.pause()
        await pilot.press("c", "enter")  # Copy the plan under the name offered: the message names the copy.
        await pilot.pause()
        assert f'Made a copy: "{TITLE} (copy)"' in screen_text(app)
