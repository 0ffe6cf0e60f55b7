"""A plan with thousands of costs: what is worked out from the whole plan after typing is done
beside the app, so keys never wait for it, and still shows once it is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input, Static

from phb_tui import background
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore
from screens import base

from .helpers import keys, plan_open_at, until


async def test_a_big_plans_figures_catch_up_once_typing_pauses(
    store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "ASIDE_FROM", 1)  # This plan counts as big.
    monkeypatch.setattr(base, "TYPING_PAUSE", 0.001)
    aside: list[int] = []

    async def counted(work: Callable[[], Any], revision: Callable[[], int]) -> Any:
        aside.append(revision())
        return await background.worked_out(work, revision)

    monkeypatch.setattr(base, "worked_out", counted)
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(100, 30)) as (app, pilot, _path):
        budget = app.screen.query_one("#field-budget_amount", Input)
        budget.focus()
        budget.value = ""
        await pilot.press(*keys("99999"))

        def totals() -> str:
            return str(app.screen.query_one("#totals", Static).render())

        await until(pilot, lambda: "budget £99,999.00" in totals(), "the totals caught up")
        assert aside  # Worked out beside the app, and shown once done, with the focus still in the box.
        assert app.focused is budget
