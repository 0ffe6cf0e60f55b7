"""Moving around the journey, saving, quitting and keys: the behaviour people rely on everywhere."""

from __future__ import annotations

from pathlib import Path

from textual import events

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import EntryDialog
from plan_store import Plan, PlanStore
from screens.base import StepScreen
from screens.finance import FinanceScreen
from screens.review import ReviewScreen
from screens.summary import SummaryScreen

from .helpers import fill, keys, plan_open_at, saved, screen_text, until


async def test_steps_can_be_visited_in_any_order(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, _path):
        visited = [app.screen.STEP]
        for key in ("f8", "f8", "f7", "f8", "f8", "f8", "f8", "f8", "f8"):
            await pilot.press(key)
            await pilot.pause()
            visited.append(app.screen.STEP)
        assert [step.number for step in visited] == [1, 2, 3, 2, 3, 4, 5, 6, 7, 7]
        app.show_step(Step.GET_INFORMED)
        await pilot.pause()
        assert app.screen.STEP == Step.GET_INFORMED
        assert len([s for s in app.screen_stack if isinstance(s, StepScreen)]) == 1


async def test_quick_presses_each_move_one_step(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, _path):
        for _ in range(4):  # Queued before any is handled, as when someone presses quickly.
            app.post_message(events.Key("f8", None))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.STEP == Step.FINANCE


async def test_the_journey_bar_says_where_you_are_and_what_is_missing(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(120, 40)) as (app, pilot, _path):
        text = screen_text(app)
        assert "▶5 Finance" in text
        assert "Step 5 of 7: Financial plan (not started)." in text
        await fill(pilot, "#field-budget_amount", "500")
        text = screen_text(app)
        assert "Step 5 of 7: Financial plan (done)." in text or "(in progress)" in text


async def test_the_command_palette_goes_to_a_step(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, _path):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*keys("step 6"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_the_command_palette_adds_a_line_item(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        await pilot.press("ctrl+p")
        await pilot.press(*keys("add a cost"))
        await pilot.pause()
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, EntryDialog) and app.focused is not None,
            "the cost dialog open with a field to type in",
        )
        await pilot.press(*keys("Taxi to the pool"), "escape", "ctrl+s")
        assert isinstance(app.screen, FinanceScreen)
    assert [i.description for i in saved(store, path).finance.line_items] == ["Taxi to the pool"]


async def test_edits_are_saved_automatically(store: PlanStore) -> None:
    opened = store.create("Autosave")
    app = PhbApp(store, store.open(opened.path), autosave_seconds=0, keys_file=store.data_dir / "no-keys.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await fill(pilot, "#field-name", "Amira")
        await pilot.pause()
        await pilot.pause()
        assert saved(store, opened.path).person.name == "Amira"
        assert "All changes saved" in screen_text(app)


async def test_typing_not_yet_left_is_saved_by_ctrl_s(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        app.screen.query_one("#field-name").focus()
        await pilot.press(*keys("Still typing"), "ctrl+s")
    assert saved(store, path).person.name == "Still typing"


async def test_quitting_saves_what_was_typed(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        app.screen.query_one("#field-name").focus()
        await pilot.press(*keys("Last words"), "ctrl+q")
        await pilot.pause()
        assert app.return_code is not None or not app.is_running
    assert saved(store, path).person.name == "Last words"


async def test_quitting_when_saving_fails_asks_and_keeps_the_work(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        await fill(pilot, "#field-name", "My version")
        # Someone else saves the same plan in the meantime.
        other = store.open(path)
        other.plan.icb_name = "Their version"
        store.save(other)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "could not be saved" in screen_text(app)
        await pilot.press("n")  # Stay.
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        assert app.session is not None and app.session.plan.person.name == "My version"
        assert "✗ Not saved" in screen_text(app)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    on_disk = saved(store, path)
    assert on_disk.icb_name == "Their version" and on_disk.person.name == ""


async def test_keys_can_be_remapped(store: PlanStore, tmp_path: Path) -> None:
    keys_file = tmp_path / "keys.toml"
    keys_file.write_text('[keys]\n"step.next" = "f9"\n"not.a.thing" = "x"\n', encoding="utf-8")
    opened = store.create("Keys")
    app = PhbApp(store, store.open(opened.path), keys_file=keys_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert app.screen.STEP == Step.OUTCOMES
        assert "F9 Next" in screen_text(app)


async def test_every_step_fits_80_by_24_and_reads_without_colour(
    store: PlanStore, example_plan: Plan, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    async with plan_open_at(store, example_plan) as (app, pilot, _path):
        for step in Step:
            app.show_step(step)
            await until(pilot, lambda: "Ctrl+Q Quit" in screen_text(app), f"the footer drawn on {step}")
            text = screen_text(app)
            assert f"▶{step.number} " in text, step
            # Back and Next wherever there is a step to go to, and only there.
            assert ("F7 Back" in text) == (step != Step.GET_INFORMED), step
            assert ("F8 Next" in text) == (step != Step.SUMMARY), step
            assert "Ctrl+Q Quit" in text, step
            assert "Ctrl+S saves now" in text and "Ctrl+P all commands" in text, step
        assert isinstance(app.screen, SummaryScreen)


async def test_moving_through_fields_without_changing_them_changes_nothing(
    store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE) as (app, pilot, path):
        before = path.read_bytes()
        await pilot.press("tab", "tab", "shift+tab", "shift+tab")
        assert app.session is not None and not app.session.unsaved
        await pilot.press("ctrl+s")
        assert path.read_bytes() == before


async def test_a_step_shown_again_shows_what_changed_elsewhere(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(100, 40)) as (app, pilot, _path):
        first_finance = app.screen
        app.show_step(Step.OUTCOMES)
        await pilot.pause()
        app.screen.query_one("#outcomes VirtualTable").focus()
        await pilot.press("down", "delete", "y")  # Remove outcome 2, which the swimming served.
        app.show_step(Step.FINANCE)
        await pilot.pause()
        assert app.screen is first_finance  # The same screen, reused...
        table = app.screen.query_one("#line-items VirtualTable")
        rows = [table.get_row_at(n) for n in range(table.row_count)]  # type: ignore[attr-defined]
        swim = next(row for row in rows if str(row[1]).startswith("Swimming"))
        assert str(swim[4]) == "✗ none"  # ...showing the change made on another step.
        assert "Step 5 of 7: Financial plan (in progress)." in screen_text(app)  # Spending now unlinked.


async def test_another_plan_never_gets_the_last_plans_screens(store: PlanStore, example_plan: Plan) -> None:
    store.add(example_plan)
    store.create("A different plan")
    app = PhbApp(store, keys_file=store.data_dir / "none.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # The newest: "A different plan".
        await pilot.pause()
        first = app.screen
        await pilot.press("f2", "down", "enter")  # Straight into the other plan.
        await pilot.pause()
        assert app.screen is not first
        assert app.screen.plan.title == "Daniel's plan 2026"  # type: ignore[attr-defined]
