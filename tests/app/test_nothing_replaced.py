"""Nothing a person typed is replaced by surprise: coming into a box adds to what is there, text
that was refused is unsaved work until it is put right, and a new entry can be cancelled."""

from __future__ import annotations

from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import ConfirmDialog, EntryDialog
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Plan, PlanStore

from .helpers import keys, plan_open_at, saved, screen_text


async def test_the_first_key_typed_after_opening_a_plan_adds_to_the_name(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan) as (app, pilot, _path):
        assert app.focused is not None and app.focused.id == "field-name"
        await pilot.press(*keys(" Jr"), "tab")
        await pilot.pause()
        assert app.session is not None and app.session.plan.person.name == "Daniel Price Jr"


async def test_refused_text_is_unsaved_work_and_quitting_asks(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.FINANCE) as (app, pilot, path):
        box = app.screen.query_one("#field-budget_amount")
        box.focus()
        await pilot.press("end", *keys("x"), "tab")
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "All changes saved" not in shown
        assert 'Not saved: what is typed in "Indicative budget' in shown
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConfirmDialog)
        question = " ".join(screen_text(app).split())
        assert "was not accepted" in question and "Indicative budget" in question
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
        # Put right, the line says saved again, and quitting does not ask.
        box.focus()
        await pilot.press("backspace", "tab", "ctrl+s")
        await pilot.pause()
        assert "All changes saved" in screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert saved(store, path).finance.budget_amount == example_plan.finance.budget_amount


async def _new_line_item(app, pilot) -> EntryDialog:  # type: ignore[no-untyped-def]
    app.screen.query_one(VirtualTable).focus()
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, EntryDialog)
    return app.screen


async def test_cancel_removes_a_new_entry_half_filled_in(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(100, 30)) as (app, pilot, _path):
        assert app.session is not None
        count = len(app.session.plan.finance.line_items)
        await _new_line_item(app, pilot)
        await pilot.press(*keys("Test item"), "tab")
        await pilot.press("f4")
        await pilot.pause()
        assert not isinstance(app.screen, EntryDialog)
        assert len(app.session.plan.finance.line_items) == count
        assert "Test item" not in screen_text(app)


async def test_cancel_puts_an_edited_entry_back_as_it_was(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(100, 30)) as (app, pilot, _path):
        assert app.session is not None
        first = app.session.plan.finance.line_items[0].model_copy(deep=True)
        app.screen.query_one(VirtualTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*keys(" changed"), "tab")
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.session.plan.finance.line_items[0] == first


async def test_esc_keeps_an_entry_that_was_filled_in(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(100, 30)) as (app, pilot, _path):
        assert app.session is not None
        count = len(app.session.plan.finance.line_items)
        await _new_line_item(app, pilot)
        await pilot.press(*keys("Gym membership"), "tab", "escape")
        await pilot.pause()
        assert len(app.session.plan.finance.line_items) == count + 1


async def test_a_new_entrys_starting_numbers_are_replaced_by_what_is_typed(
    store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, step=Step.FINANCE, size=(100, 30)) as (app, pilot, _path):
        dialog = await _new_line_item(app, pilot)
        await pilot.press(*keys("Wheelchair"), "tab")
        dialog.query_one("#field-unit_cost").focus()
        await pilot.pause()
        await pilot.press(*keys("3400"), "tab")
        dialog.query_one("#field-quantity").focus()
        await pilot.pause()
        await pilot.press(*keys("2"), "tab")
        await pilot.pause()
        assert app.session is not None
        item = app.session.plan.finance.line_items[-1]
        assert (item.unit_cost, item.quantity) == (3400, 2)


async def test_a_long_text_box_in_a_dialog_carries_on_from_the_end(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, step=Step.OUTCOMES, size=(100, 30)) as (app, pilot, _path):
        app.screen.query_one(VirtualTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        box = app.screen.query_one("#field-what_matters")
        box.focus()
        await pilot.pause()
        await pilot.press(*keys(" Extra"), "escape")
        await pilot.pause()
        assert app.session is not None and app.session.plan.outcomes[0].what_matters.endswith(" Extra")
