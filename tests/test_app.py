"""The app, driven with Textual's Pilot the way a person drives it with the keyboard."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.widgets import DataTable, Static

from phb_tui.app import PhbApp
from plan_store import Plan, PlanStore
from screens.new_plan import NewPlanDialog
from screens.picker import PickerScreen
from screens.summary import SummaryScreen


def _table_text(app: PhbApp) -> str:
    table = app.screen.query_one("#plans", DataTable)
    return "\n".join(" | ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count))


def _screen_text(app: PhbApp) -> str:
    """The words painted on the terminal, taken from Textual's own screenshot."""
    svg = app.export_screenshot()
    body = svg[svg.index("<g class"):] if "<g class" in svg else svg
    return html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")


async def test_the_picker_lists_plans_newest_first(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    store.create("Started today")
    app = PhbApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        rows = _table_text(app).splitlines()
        assert rows[0].startswith("Started today")
        assert rows[1].startswith("Daniel's plan 2026 | Dan | 5 Planning")


async def test_enter_opens_the_chosen_plan_and_escape_comes_back(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    app = PhbApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.plan.title == "Daniel's plan 2026"
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_a_new_plan_is_started_from_the_picker(store: PlanStore) -> None:
    app = PhbApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no plans yet" in str(app.screen.query_one("#intro", Static).render())
        await pilot.press("n")
        assert isinstance(app.screen, NewPlanDialog)
        await pilot.press(*"Mum's plan")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
    saved = store.open(store.plans_dir / "mums-plan.toml").plan
    assert saved.title == "Mum's plan"


async def test_an_empty_title_is_refused_in_the_dialog_and_nothing_is_saved(store: PlanStore) -> None:
    app = PhbApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPlanDialog)
        assert "cannot be empty" in str(app.screen.query_one("#problem", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
    assert not store.plans_dir.exists() or list(store.plans_dir.iterdir()) == []


async def test_a_broken_plan_is_explained_and_left_alone(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    broken = store.plans_dir / "broken.toml"
    broken.write_text('title = "Broken"\nicb_name = \n', encoding="utf-8")
    app = PhbApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        messages = [notification.message for notification in app._notifications]
        assert any("line 2" in message for message in messages)
    assert broken.read_text(encoding="utf-8") == 'title = "Broken"\nicb_name = \n'


async def test_opening_a_named_plan_shows_it_first(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    app = PhbApp(store, store.open(opened.path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        painted = _screen_text(app)
        assert "Daniel's plan 2026" in painted
        assert "Who the plan is for" in painted


async def test_the_footer_shows_the_keys(store: PlanStore, tmp_path: Path) -> None:
    app = PhbApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = {binding.key for _, binding, enabled, _ in app.screen.active_bindings.values() if binding.show and enabled}
        assert {"enter", "n", "q"} <= keys
