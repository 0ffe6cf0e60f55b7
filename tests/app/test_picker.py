"""The plan picker: the start screen, and everything done to whole plans."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from phb_tui.app import PhbApp
from plan_store import Plan, PlanStore
from screens.base import StepScreen
from screens.get_informed import GetInformedScreen
from screens.picker import PickerScreen
from screens.title_dialog import TitleDialog

from .helpers import fill, keys, screen_text


def _rows(app: PhbApp) -> list[str]:
    table = app.screen.query_one("#plans", DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


def _app(store: PlanStore) -> PhbApp:
    return PhbApp(store, keys_file=store.data_dir / "no-keys.toml")


async def test_the_picker_lists_plans_newest_first(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    store.create("Started today")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        rows = _rows(app)
        assert rows[0].startswith("Started")
        assert rows[1].startswith("Daniel's")
        # At 80 columns the title has the room it needs first; the person's name gets what is left.
        assert rows[1].startswith("Daniel's plan 2026 | Daniel") and "| £52,000.00/yr | " in rows[1]


async def test_enter_opens_the_plan_at_the_first_step_and_f2_comes_back(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GetInformedScreen)
        assert app.screen.plan.title == "Daniel's plan 2026"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_a_new_plan_is_started_from_the_picker(store: PlanStore) -> None:
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no plans yet" in str(app.screen.query_one("#intro", Static).render())
        await pilot.press("n")
        assert isinstance(app.screen, TitleDialog)
        await pilot.press(*keys("Mum's plan"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
    assert store.open(store.plans_dir / "mums-plan.toml").plan.title == "Mum's plan"


async def test_an_empty_title_is_refused_in_the_dialog_and_nothing_is_saved(store: PlanStore) -> None:
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TitleDialog)
        assert "cannot be empty" in str(app.screen.query_one("#problem", Static).render())
        assert "Not accepted: the name cannot be empty" in screen_text(app)  # Shown, not only set.
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
    assert not store.plans_dir.exists() or list(store.plans_dir.iterdir()) == []


async def test_rename_copy_and_delete_to_the_trash(store: PlanStore) -> None:
    store.create("First plan")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await fill(pilot, "#title", "Renamed plan")
        await pilot.press("enter")  # Focus went to the button; Enter presses it.
        await pilot.pause()
        assert _rows(app)[0].startswith("Renamed plan")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, TitleDialog)  # The copy's name, "Renamed plan (copy)" to start with.
        await pilot.press("enter")
        await pilot.pause()
        assert len(_rows(app)) == 2
        await pilot.press("delete", "n")
        await pilot.pause()
        assert len(_rows(app)) == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        assert len(_rows(app)) == 1
    # The copy was just made, so it was the one highlighted and moved to the trash.
    assert sorted(p.name for p in store.plans_dir.iterdir()) == ["renamed-plan.toml", "renamed-plan.toml.bak"]
    assert [p.name.split("-", 2)[2] for p in (store.data_dir / "trash").iterdir()] == ["renamed-plan-copy.toml"]
    # Renaming kept the file as it was before as the backup, so nothing written before is lost.
    assert store.open(store.plans_dir / "renamed-plan.toml.bak").plan.title == "First plan"


async def test_the_sample_plan_can_be_explored_and_is_never_saved(store: PlanStore) -> None:
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, GetInformedScreen)
        await fill(pilot, "#field-name", "Someone else")
        await pilot.press("ctrl+s")
        assert "Sample plan: changes are not saved" in screen_text(app)
    assert not store.plans_dir.exists() or list(store.plans_dir.iterdir()) == []


async def test_a_broken_plan_is_explained_and_left_alone(store: PlanStore) -> None:
    store.plans_dir.mkdir(parents=True)
    broken = store.plans_dir / "broken.toml"
    broken.write_text('title = "Broken"\nicb_name = \n', encoding="utf-8")
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert "line 2" in screen_text(app)
    assert broken.read_text(encoding="utf-8") == 'title = "Broken"\nicb_name = \n'


async def test_opening_a_named_plan_shows_it_first(store: PlanStore, example_plan: Plan) -> None:
    opened = store.add(example_plan)
    app = PhbApp(store, store.open(opened.path), keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GetInformedScreen)
        assert "Daniel's plan 2026" in screen_text(app)


async def test_the_footer_shows_the_keys(store: PlanStore) -> None:
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # At 80 columns the keys take two lines.
        footer = " ".join(line for line in screen_text(app).splitlines() if "Quit" in line or "Open" in line)
        for key in ("Open", "New", "Rename", "Copy", "Delete", "Restore", "Find", "Sort", "Sample", "Refresh"):
            assert key in footer, footer
        assert "Help" in footer and "Quit" in footer


async def test_many_changed_plans_are_read_while_the_list_already_shows(
    store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hundreds of plans changed since the list was made take seconds to read: the plans it knows
    show at once, with a word about the rest, which appear when they are read."""
    from phb_tui import background
    from phb_tui.plan_list import listing

    store.add(example_plan)
    async with _app(store).run_test(size=(80, 24)) as pilot:  # The list is made, with one plan.
        await pilot.pause()
    store.create("Started today")
    store.create("Another plan")
    monkeypatch.setattr(background, "ASIDE_FROM", 1)
    gate = threading.Event()
    read = listing.read_rows

    def read_when_let(*args: Any, **kwargs: Any) -> Any:
        gate.wait(timeout=30)
        return read(*args, **kwargs)

    monkeypatch.setattr(listing, "read_rows", read_when_let)
    app = _app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Reading 2 plans changed since this list was last made" in screen_text(app)
        assert len(_rows(app)) == 1 and _rows(app)[0].startswith("Daniel's plan")
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(_rows(app)) == 3
        assert "Your 3 plans" in screen_text(app)
        # Refreshing the list after more plans arrive reads them aside the same way.
        gate.clear()
        store.create("Copied in later")
        store.create("Copied in too")
        await pilot.press("f5")
        await pilot.pause()
        assert "Reading 2 plans changed since this list was last made" in screen_text(app)
        assert len(_rows(app)) == 3
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(_rows(app)) == 5
        assert "Your 5 plans" in screen_text(app)
