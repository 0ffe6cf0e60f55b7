"""Keys as the screen writes them: every letter a footer shows works as a capital too, each key is
named once, Next is not offered on the last step, the Summary pages wherever the cursor is, a
dialog's footer names the dialog's keys, and a click on the journey bar goes to the step."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, SelectionList

from phb_tui.app import PhbApp
from phb_tui.planning.person_centred import FOR_PA_EMPLOYERS
from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import ConfirmDialog, EntryDialog
from phb_tui.widgets.journey_bar import JourneyBar
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Plan, PlanStore, new_plan
from plan_store.vocabulary import ManagementOption
from screens.deleted_plans import DeletedPlansDialog
from screens.export_dialog import ExportDialog
from screens.picker import PickerScreen
from screens.summary import SummaryScreen
from screens.title_dialog import TitleDialog
from screens.usual_tasks_dialog import UsualTasksDialog

from .helpers import plan_open_at, screen_text, until


def _letters_shown(screen: Screen[Any]) -> set[str]:
    """The letters the footer shows on this screen, as it writes them (capitals)."""
    return {
        binding.key.upper()
        for _node, binding, enabled, _tip in screen.active_bindings.values()
        if binding.show and enabled and len(binding.key) == 1 and binding.key.isalpha()
    }


def _footer(app: PhbApp) -> str:
    """The last two lines with anything on them: the footer (two lines on the list of plans)."""
    return " ".join([line for line in screen_text(app).splitlines() if line.strip()][-2:])


async def _back_to(pilot: Pilot[None], screen: type) -> None:
    app = pilot.app
    while not isinstance(app.screen, screen):
        app.pop_screen()
        await pilot.pause()


async def test_every_letter_in_the_list_of_plans_footer_works_in_both_cases(store: PlanStore) -> None:
    for title in ("Ann", "Bob"):
        store.create(title)
    store.trash(store.create("Gone").path)
    app = PhbApp(store, keys_file=store.data_dir / "no-keys.toml")
    opens: dict[str, Callable[[PhbApp], bool]] = {
        "N": lambda app: isinstance(app.screen, TitleDialog) and app.screen.heading == "Start a new plan",
        "R": lambda app: isinstance(app.screen, TitleDialog) and app.screen.heading == "Rename the plan",
        "C": lambda app: isinstance(app.screen, TitleDialog) and app.screen.heading == "Copy the plan",
        "T": lambda app: isinstance(app.screen, DeletedPlansDialog),
        "S": lambda app: app.session is not None and app.session.sample,
    }
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the list of plans")
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        assert _letters_shown(picker) == {*opens, "O"}, "a letter in the footer this test does not try"
        footer = _footer(app)
        assert "Delete Delete" not in footer and "Delete Remove" in footer, footer  # Each key named once.
        for letter, opened in opens.items():
            for key in (letter.lower(), letter):
                await pilot.press(key)
                await until(pilot, partial(opened, app), f"{key} in the list of plans")
                if letter == "S":
                    await pilot.press("f2")
                    await until(pilot, lambda: isinstance(app.screen, PickerScreen), "back to the list")
                else:
                    await _back_to(pilot, PickerScreen)
        for key in ("o", "O"):
            before = app.screen.order  # type: ignore[attr-defined]
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.order != before, f"{key} did not change the order"  # type: ignore[attr-defined]


async def test_every_letter_on_a_step_and_in_its_dialogs_works_in_both_cases(
    store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(80, 24)) as (app, pilot, _path):
        app.screen.query_one("#line-items VirtualTable", VirtualTable).focus()
        await pilot.pause()
        step = app.screen
        assert _letters_shown(step) == {"A"}
        for key in ("a", "A"):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, EntryDialog), f"{key} on the list of costs")
            # The dialog's footer names its own keys, not the step's, and says what Esc and F4 do.
            await until(pilot, lambda: "Esc Done" in _footer(app), "the dialog's footer")
            shown = screen_text(app)
            footer = _footer(app)
            assert "Esc Done" in footer and "F4 Cancel" in footer and "A Add" not in footer, footer
            assert "Esc keeps what you typed; F4 undoes it." in shown
            await pilot.press("f4")
            await until(pilot, lambda: app.screen is step, "the dialog closed")
        for key, answer in (("n", False), ("N", False), ("y", True)):
            count = len(example_plan.finance.line_items)
            await pilot.press("delete")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
            assert _letters_shown(app.screen) == {"Y", "N"}
            await pilot.press(key)
            await until(pilot, lambda: app.screen is step, f"{key} answered")
            assert app.session is not None
            assert len(app.session.plan.finance.line_items) == count - (1 if answer else 0), key
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("Y")
        await until(pilot, lambda: app.screen is step, "Y answered")
        assert app.session is not None and len(app.session.plan.finance.line_items) == count - 2
        app.show_step(Step.SUMMARY)
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the Summary")
        summary = app.screen
        assert _letters_shown(summary) == {"E", "M"}
        for key in ("e", "E"):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, ExportDialog), f"{key} on the Summary")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is summary, "the export closed")
        for key in ("m", "M"):
            await pilot.press(key)
            await until(pilot, lambda: type(app.screen).__name__ == "MoneyInOutScreen", f"{key} on the Summary")
            app.pop_screen()
            await until(pilot, lambda: app.screen is summary, "money in and out closed")


async def test_no_next_on_the_last_step_nor_back_on_the_first(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.SUMMARY, size=(80, 24)) as (app, pilot, _path):
        footer = _footer(app)
        assert "F8 Next" not in footer and "F7 Back" in footer, footer
        await pilot.press("f8")
        await pilot.pause()
        assert app.current_step == Step.SUMMARY
        app.show_step(Step.GET_INFORMED)
        await until(pilot, lambda: app.current_step == Step.GET_INFORMED, "step 1")
        await pilot.pause()
        footer = _footer(app)
        assert "F7 Back" not in footer and "F8 Next" in footer, footer


async def test_page_down_scrolls_the_summary_wherever_the_cursor_is(store: PlanStore) -> None:
    plan = new_plan("Gaps to read")  # Many gaps: the list of them takes the cursor first.
    async with plan_open_at(store, plan, step=Step.SUMMARY, size=(80, 24)) as (app, pilot, _path):
        body = app.screen.query_one("#step-body")
        readiness = app.screen.query_one("#readiness", OptionList)
        readiness.focus()
        await pilot.pause()
        highlighted = readiness.highlighted
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0, "Page Down did not scroll the Summary"
        assert readiness.highlighted == highlighted
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_a_click_on_the_journey_bar_goes_to_the_step(store: PlanStore, example_plan: Plan) -> None:
    async def click_on(app: PhbApp, pilot: Pilot[None], words: str) -> None:
        """Click the middle of `words` on the bar, once the bar on the screen now shown is laid out:
        until it knows its width it names the steps by number alone, and a click lands elsewhere."""

        def laid_out() -> bool:
            bars = app.screen.query(JourneyBar)
            return bool(bars) and words in str(bars.first().render())

        await until(pilot, laid_out, f"the journey bar showing {words!r}")
        line = str(app.screen.query_one(JourneyBar).render()).splitlines()[0]
        await pilot.click(JourneyBar, offset=(line.index(words) + len(words) // 2, 0))

    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(80, 24)) as (app, pilot, _path):
        await click_on(app, pilot, "6 Review")
        await until(pilot, lambda: app.current_step == Step.REVIEW, "step 6 after a click")
        await click_on(app, pilot, "2 Outcomes")
        await until(pilot, lambda: app.current_step == Step.OUTCOMES, "step 2 after a click")


async def test_the_usual_tasks_are_those_the_plan_needs_offered_ticked(store: PlanStore) -> None:
    plan = new_plan("No PA")
    plan.management.option = ManagementOption.DIRECT_PAYMENT
    async with plan_open_at(store, plan, step=Step.REVIEW, size=(80, 24)) as (app, pilot, _path):
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app.screen, UsualTasksDialog), "the list of usual tasks")
        ticks = app.screen.query_one(SelectionList)
        offered = [str(ticks.get_option_at_index(n).prompt) for n in range(ticks.option_count)]
        assert offered and not FOR_PA_EMPLOYERS & set(offered), offered
        assert set(ticks.selected) == set(offered)  # All ticked to start with.
        await pilot.press("space")  # Untick the first.
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, UsualTasksDialog), "the ticked tasks added")
        assert app.session is not None
        assert [action.task for action in app.session.plan.actions] == offered[1:]


async def test_a_mixed_plan_shows_who_pays_and_the_list_of_plans_tells_copies_apart(
    store: PlanStore, example_plan: Plan
) -> None:
    store.create("Mum's plan 2026 with a long title")
    store.create("Mum's plan 2026 with a long title (copy)")
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(80, 24)) as (app, pilot, _path):
        table = app.screen.query_one("#line-items VirtualTable", VirtualTable)
        headings = [header.plain for header in table.headers]
        assert "Paid by" in headings, headings
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        paid_by = headings.index("Paid by")
        assert {row[paid_by].rstrip(".") for row in rows} >= {"Direct payment"}
        names = [row[headings.index("Item")] for row in rows]
        assert len(set(names)) == len(names), names  # The two PAs' lines differ.
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the list of plans")
        plans = app.screen.query_one("#plans", DataTable)
        titles = [str(plans.get_row_at(n)[0]) for n in range(plans.row_count)]
        assert len(set(titles)) == len(titles), titles
        assert any(title.endswith("(copy)") for title in titles), titles
        plans.focus()
        await pilot.press("end")
        await pilot.pause()
        assert plans.cursor_row == plans.row_count - 1
        await pilot.press("home")
        await pilot.pause()
        assert plans.cursor_row == 0
