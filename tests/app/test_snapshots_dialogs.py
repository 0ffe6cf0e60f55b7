"""Pictures of the field with the cursor in the high-contrast and the default theme, and of each
dialog at 80x24 and at 120x40: a dialog uses the screen it has, with its own keys in its footer.

As in test_snapshots.py, look at the screen in a terminal before updating them with
--snapshot-update, and look at the new pictures afterwards.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore

Snap = Callable[..., bool]
Action = Callable[[Pilot[Any]], Awaitable[None]]


def _app(store: PlanStore, plan: Plan, step: Step, theme: str | None = None) -> PhbApp:
    opened = store.add(plan)
    return PhbApp(
        store,
        store.open(opened.path),
        autosave_seconds=3600,
        keys_file=store.data_dir / "none.toml",
        first_step=step,
        theme=theme,
    )


def _focus_then(selector: str, *keys: str) -> Action:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.screen.query_one(selector).focus()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


def _export(pilot: Pilot[Any]) -> Awaitable[None]:
    pilot.app.screen.action_export(Path("/home/sam/Documents"))  # type: ignore[attr-defined]
    return pilot.pause()


@pytest.mark.parametrize("theme", ["high-contrast", "textual-dark"])
def test_the_field_with_the_cursor(snap_compare: Snap, store: PlanStore, example_plan: Plan, theme: str) -> None:
    """The budget's start date has the cursor; the boxes around it are seen empty and filled."""
    example_plan.finance.budget_end = None  # An empty box beside a filled one.
    app = _app(store, example_plan, Step.FINANCE, theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_focus_then("#field-budget_start"))


DIALOGS: dict[str, tuple[Step, Action]] = {
    "a cost": (Step.FINANCE, _focus_then("#line-items VirtualTable", "enter")),
    "an outcome": (Step.OUTCOMES, _focus_then("#outcomes VirtualTable", "enter")),
    "the PA calculator": (Step.FINANCE, _focus_then("#line-items VirtualTable", "f6")),
    "the PA calculator's employer part": (Step.FINANCE, _focus_then("#line-items VirtualTable", "f6", "ctrl+up")),
    "help": (Step.OUTCOMES, _focus_then("#outcomes VirtualTable", "f1")),
    "removing": (Step.FINANCE, _focus_then("#line-items VirtualTable", "delete")),
    "exporting": (Step.SUMMARY, _export),
}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_each_dialog(
    snap_compare: Snap,
    store: PlanStore,
    example_plan: Plan,
    monkeypatch: pytest.MonkeyPatch,
    dialog: str,
    size: tuple[int, int],
) -> None:
    monkeypatch.setenv("HOME", "/home/sam")
    step, opening = DIALOGS[dialog]
    assert snap_compare(_app(store, example_plan, step), terminal_size=size, run_before=opening)
