"""Wherever the cursor goes, the person sees it: Tab through every step and every dialog at 80x24,
and each widget that takes the focus is on the screen and not under anything pinned (the running
total, the status line, the footer, a dialog's buttons).

"Seen" is read from Textual's compositor, as the terminal draws it: the widget at each corner of
the focused widget must be the widget itself or a part of it. A widget taller than the part of
the screen it scrolls in (a long table of figures) must show from its top down to that part's end.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import ConfirmDialog, EntryDialog
from phb_tui.widgets.help_dialog import HelpDialog
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Plan, PlanStore
from screens.pa_calculator import PACalculatorDialog

from .helpers import plan_open_at, until

MOST_TABS = 120
"""More than any screen has widgets to focus: a walk that never comes back round is a failure."""


def _scrolled_in(widget: Widget) -> Region | None:
    """The part of the screen where `widget` can be shown: its scrolling container's inside."""
    for ancestor in widget.ancestors:
        if isinstance(ancestor, Widget) and ancestor.is_scrollable and ancestor.allow_vertical_scroll:
            return ancestor.scrollable_content_region
    return None


def hidden(widget: Widget | None) -> str:
    """Why `widget` cannot be seen whole on the screen, or "" when it can."""
    if widget is None:
        return "nothing has the focus"
    screen = widget.screen
    region = widget.region
    if not region:
        return f"{widget!r} has no place on the screen"
    room = _scrolled_in(widget)
    if room is not None and region.height > room.height and room.y <= region.y < room.bottom:
        region = region.intersection(room)  # Too tall to show whole: from its top to the room's end.
    if not screen.region.contains_region(region):
        return f"{widget!r} at {region} is partly off the {screen.region.size} screen"
    corners = {(region.x, region.y), (region.right - 1, region.y)}
    corners |= {(region.x, region.bottom - 1), (region.right - 1, region.bottom - 1)}
    for x, y in sorted(corners):
        found, _ = screen.get_widget_at(x, y)
        if found is not widget and widget not in found.ancestors:
            return f"{widget!r} at {region} is covered at ({x}, {y}) by {found!r}"
    return ""


async def tab_round(pilot: Pilot[Any], where: str) -> list[str]:
    """Tab until the focus comes back to where it started; each widget focused is checked as it is
    reached. Returns what was focused, by name, so a caller can see the walk was not empty."""
    app = pilot.app
    screen: Screen[Any] = app.screen
    reached: set[int] = {id(app.focused)}
    seen: list[str] = []
    for _ in range(MOST_TABS):
        await pilot.press("tab")
        focused = app.focused
        assert focused is not None, f"{where}: Tab left nothing focused"
        assert app.screen is screen, f"{where}: Tab changed the screen"
        await until(pilot, lambda: not hidden(app.focused), f"{where}: {hidden(focused)}")
        seen.append(focused.id or type(focused).__name__)
        if id(focused) in reached:  # Round again (the first widget may be one Tab never comes back to).
            return seen
        reached.add(id(focused))
    raise AssertionError(f"{where}: the focus never came back round after {MOST_TABS} Tabs: {seen}")


async def in_dialog(
    pilot: Pilot[Any], opening: Callable[[], Awaitable[None]], kind: type[Screen[Any]], where: str, close: str
) -> None:
    app = pilot.app
    await opening()
    await until(pilot, lambda: isinstance(app.screen, kind), f"{where} opening")
    await until(pilot, lambda: app.focused is not None, f"{where} focusing its first widget")
    await until(pilot, lambda: not hidden(app.focused), f"{where}: first focus {hidden(app.focused)}")
    seen = await tab_round(pilot, where)
    assert len(seen) > 1, f"{where}: Tab reached only {seen}"
    await pilot.press(close)
    await until(pilot, lambda: not isinstance(app.screen, kind), f"{where} closing")


async def walk_step(pilot: Pilot[Any], step: Step) -> None:
    """Tab round the step, then round each dialog it opens: every list's entry, removing an
    entry, its help, and on the Financial plan the PA calculator."""
    app = pilot.app
    await until(pilot, lambda: app.focused is not None, f"step {step.value} focusing its first widget")
    await tab_round(pilot, f"step {step.value}")
    tables = list(app.screen.query(VirtualTable))
    for number, table in enumerate(tables):

        async def edit(table: VirtualTable = table) -> None:
            table.focus()
            await pilot.press("enter")

        await in_dialog(pilot, edit, EntryDialog, f"step {step.value}, list {number + 1}'s entry", "escape")
    if tables:

        async def remove() -> None:
            tables[0].focus()
            await pilot.press("delete")

        await in_dialog(pilot, remove, ConfirmDialog, f"step {step.value}, removing", "escape")
    await in_dialog(pilot, lambda: pilot.press("f1"), HelpDialog, f"step {step.value}'s help", "escape")
    if step == Step.FINANCE:
        await in_dialog(pilot, lambda: pilot.press("f6"), PACalculatorDialog, "the PA calculator", "escape")


SUMMARY_BACK = pytest.mark.xfail(
    strict=False,
    reason="On the Summary step the Back button at the end sometimes stops two rows short of coming into "
    "view, under the footer: the shared summary below it is still being laid out when the step scrolls "
    "to the button. Not yet mended; it passes when the layout is done first.",
)


@pytest.mark.parametrize(
    "step", [pytest.param(step, marks=SUMMARY_BACK) if step == Step.SUMMARY else step for step in Step], ids=str
)
async def test_every_focus_is_in_view_at_80x24(store: PlanStore, example_plan: Plan, step: Step) -> None:
    async with plan_open_at(store, example_plan, step) as (_, pilot, _path):
        await walk_step(pilot, step)


async def test_the_focus_is_in_view_at_60x20(store: PlanStore, example_plan: Plan) -> None:
    """A smaller terminal than anyone should have to use still works, and still shows the cursor."""
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(60, 20)) as (_, pilot, _path):
        await walk_step(pilot, Step.FINANCE)


async def test_the_list_of_plans_keeps_the_focus_in_view(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.focused is not None, "the list of plans focusing")
        await tab_round(pilot, "the list of plans")
