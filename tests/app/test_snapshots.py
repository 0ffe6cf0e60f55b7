"""What a person sees at 80x24, as pictures: every step, the list of plans and each dialog.

Text checks miss what these catch: a column pushed off the screen, a button drawn over another, a
label cut short. The pictures live in __snapshots__/ beside this file. When a change to a screen is
intended, look at the screen in a terminal first, then update them with --snapshot-update and
look at the new pictures (report.html from pytest-textual-snapshot shows old and new side by side).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore, new_plan

from .helpers import until

Snap = Callable[..., bool]


@pytest.fixture
def sample_app(store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch) -> PhbApp:
    opened = store.add(example_plan)
    return PhbApp(store, store.open(opened.path), autosave_seconds=3600, keys_file=store.data_dir / "none.toml")


def _at(step: Step, *then: Callable[[Pilot[Any]], Awaitable[None] | None]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        app.show_step(step)  # type: ignore[attr-defined]
        # The step is pictured once it is on screen with the cursor in its first place: a busy
        # machine can take many turns to get there, and a picture taken sooner shows a field
        # half-way to being focused (its text selected or not).
        await until(
            pilot,
            lambda: getattr(app.screen, "STEP", None) == step and app.screen.focused is not None,
            f"step {step.number} on screen with the cursor in it",
        )
        await pilot.pause()
        for action in then:
            result = action(pilot)
            if result is not None:
                await result
            await pilot.pause()

    return run_before


@pytest.mark.parametrize("step", list(Step), ids=lambda step: step.value)
def test_each_step_of_a_realistic_plan(snap_compare: Snap, sample_app: PhbApp, step: Step) -> None:
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=_at(step))


def test_the_list_of_plans(snap_compare: Snap, store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    other = new_plan("Amira's wheelchair 2026")
    other.person.name = "Amira Khan"
    other.created = other.updated = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    store.add(other)
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    assert snap_compare(app, terminal_size=(80, 24))


def test_a_new_plan_is_named(snap_compare: Snap, store: PlanStore) -> None:
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    assert snap_compare(app, terminal_size=(80, 24), press=["n"])


def _focus(selector: str) -> Callable[[Pilot[Any]], None]:
    def focus(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one(selector).focus()

    return focus


def _press(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    return lambda pilot: pilot.press(*keys)


def test_editing_a_line_item(snap_compare: Snap, sample_app: PhbApp) -> None:
    run_before = _at(Step.FINANCE, _focus("#line-items VirtualTable"), _press("enter"))
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=run_before)


def test_removing_asks_first(snap_compare: Snap, sample_app: PhbApp) -> None:
    run_before = _at(Step.FINANCE, _focus("#line-items VirtualTable"), _press("delete"))
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=run_before)


def test_the_pa_cost_calculator(snap_compare: Snap, sample_app: PhbApp) -> None:
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=_at(Step.FINANCE, _press("f6")))


def test_help_for_a_step(snap_compare: Snap, sample_app: PhbApp) -> None:
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=_at(Step.OUTCOMES, _press("f1")))


def test_exporting_the_summary(snap_compare: Snap, sample_app: PhbApp) -> None:
    def export(pilot: Pilot[Any]) -> None:
        pilot.app.screen.action_export(Path("/home/sam/Documents"))  # type: ignore[attr-defined]

    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=_at(Step.SUMMARY, export))


def test_editing_an_outcome(snap_compare: Snap, sample_app: PhbApp) -> None:
    run_before = _at(Step.OUTCOMES, _focus("#outcomes VirtualTable"), _press("enter"))
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=run_before)


def test_quitting_with_refused_text_asks(snap_compare: Snap, sample_app: PhbApp) -> None:
    run_before = _at(Step.FINANCE, _focus("#field-budget_amount"), _press("x", "tab", "ctrl+q"))
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=run_before)


def test_saving_a_copy_elsewhere(snap_compare: Snap, sample_app: PhbApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/sam")  # The folder offered is in the home folder: the same in every run.

    def save_copy(pilot: Pilot[Any]) -> None:
        pilot.app.action_save_copy()  # type: ignore[attr-defined]

    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=_at(Step.REVIEW, save_copy))


async def _palette_listed(pilot: Pilot[Any]) -> None:
    """The palette lists its commands in a worker: on a busy machine the picture waits for them."""

    def listed() -> bool:
        palette = pilot.app.screen
        return (
            isinstance(palette, CommandPalette)
            and palette.query_one(CommandList).option_count > 0
            and all(worker.is_finished for worker in pilot.app.workers)
        )

    await until(pilot, listed, "the command palette listing its commands")


def test_the_command_palette(snap_compare: Snap, sample_app: PhbApp) -> None:
    run_before = _at(Step.OUTCOMES, _press("ctrl+p"), _palette_listed)
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=run_before)


def test_a_step_on_a_wide_screen(snap_compare: Snap, sample_app: PhbApp) -> None:
    assert snap_compare(sample_app, terminal_size=(200, 60), run_before=_at(Step.FINANCE))


def test_the_summary_on_a_wide_screen(snap_compare: Snap, sample_app: PhbApp) -> None:
    assert snap_compare(sample_app, terminal_size=(200, 60), run_before=_at(Step.SUMMARY))


def test_the_front_sheet_at_80x24(snap_compare: Snap, sample_app: PhbApp) -> None:
    """The reviewer's first page, as the Summary step shows it: Tab into the summary, one page down."""
    assert snap_compare(sample_app, terminal_size=(80, 24), run_before=_at(Step.SUMMARY, _press("tab", "pagedown")))
