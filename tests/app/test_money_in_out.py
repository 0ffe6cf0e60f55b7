"""Money in and out in the app: the same words as `phb spending`, a period typed by keys, and a
mistake named without losing the figures shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from phb_tui.app import PhbApp
from phb_tui.cli import main
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore

from ..spending_statements import BUILDING_SOCIETY
from .helpers import plan_open_at, until


def _shown(app: PhbApp) -> str:
    """The words in the view, or nothing until it is on screen."""
    found = app.screen.query("#money-text")
    return str(found.first(TextArea).text) if found else ""


def _is_money_screen(app: PhbApp) -> bool:
    return type(app.screen).__name__ == "MoneyInOutScreen"


async def test_the_view_says_what_phb_spending_says_and_a_period_can_be_typed(
    store: PlanStore, example_plan: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = tmp_path / "april.csv"
    statement.write_text(BUILDING_SOCIETY, encoding="utf-8")
    path = store.add(example_plan).path
    assert main(["spending", "import", path.stem, str(statement)]) == 0
    capsys.readouterr()
    assert main(["spending", path.stem]) == 0
    everything = capsys.readouterr().out
    app = PhbApp(store, store.open(path), autosave_seconds=3600, first_step=Step.SUMMARY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await until(pilot, lambda: _is_money_screen(app) and "Balance at the end" in _shown(app), "the figures")
        assert _shown(app) == everything
        assert "Money in and out" in str(app.screen.query_one("#money-heading", Static).render())

        await pilot.press(*"10/04/2026")
        app.screen.query_one("#money-to", Input).value = "20/04/2026"
        await pilot.press("enter")
        await until(pilot, lambda: "From 10 April 2026 to 20 April 2026" in _shown(app), "the period typed")
        assert "NHS WEST YORKSHIRE ICB DP" not in _shown(app)  # Paid in on 1 April, before the period.

        before = _shown(app)
        app.screen.query_one("#money-from", Input).value = "31/02/2026"
        await pilot.press("enter")
        await until(
            pilot, lambda: "31/02/2026" in str(app.screen.query_one("#money-problem", Static).render()), "a problem"
        )
        problem = str(app.screen.query_one("#money-problem", Static).render())
        assert "is not a date" in problem and "unchanged" in problem
        assert _shown(app) == before

        await pilot.press("escape")
        await until(pilot, lambda: not _is_money_screen(app), "back to the plan")
        assert app.current_step == Step.SUMMARY


async def test_a_plan_with_nothing_recorded_says_how_to_bring_a_statement_in(
    store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _):
        app.action_money_in_out()  # The command palette's "Money in and out".
        await until(pilot, lambda: _is_money_screen(app) and "phb spending import" in _shown(app), "the advice")
        assert "No money in or out is recorded" in _shown(app)
