"""Every app and step key, pressed inside every kind of field, on a step and in a dialog: the key
does what it says, and nothing the person typed is selected, replaced or changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea
from textual.widgets.input import Selection

from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.widgets.dialogs import EntryDialog
from phb_tui.widgets.help_dialog import HelpDialog
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Plan, PlanStore
from screens.base import StepScreen
from screens.pa_calculator import PACalculatorDialog
from screens.picker import PickerScreen

from .helpers import plan_open_at


@dataclass(frozen=True)
class Place:
    """A kind of field somewhere a person types."""

    name: str
    step: Step
    selector: str
    in_dialog: bool = False


PLACES = [
    Place("one-line box", Step.FINANCE, "#field-budget_amount"),
    Place("choice", Step.FINANCE, "#field-budget_period"),
    Place("long-text box", Step.FINANCE, "#field-contingency_notes"),
    Place("list", Step.FINANCE, "VirtualTable"),
    Place("tick box", Step.MANAGEMENT, "#field-agreement_signed"),
    Place("one-line box in a dialog", Step.FINANCE, "#field-description", in_dialog=True),
    Place("long-text box in a dialog", Step.FINANCE, "#field-notes", in_dialog=True),
    Place("list of choices in a dialog", Step.FINANCE, "#field-outcome_ids", in_dialog=True),
]


def _value(widget: Widget) -> object:
    if isinstance(widget, Input):
        return (widget.value, widget.selection)
    if isinstance(widget, TextArea):
        return (widget.text, widget.selection)
    if isinstance(widget, Select | Checkbox):
        return widget.value
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    assert isinstance(widget, VirtualTable)
    return widget.row_count


def _unchanged(field: Widget, before: object) -> bool:
    """The field as it was; a one-line box the key left shows the start of its text again, which is
    how leaving any one-line box works (so its beginning is read), not a change made by the key."""
    if isinstance(field, Input) and not field.has_focus and field.selection == Selection.cursor(0):
        return isinstance(before, tuple) and before[0] == field.value
    return _value(field) == before


async def _go_to(app: PhbApp, pilot: Pilot[None], place: Place) -> Widget:
    """Back to the place with nothing else open over it, the cursor in the field.

    A dialog a key left open underneath (the help, the command palette, after saving) is used
    again rather than opened afresh: opening the dialog for every key was most of this file's time.
    """
    while not isinstance(app.screen, StepScreen) and not (place.in_dialog and isinstance(app.screen, EntryDialog)):
        app.pop_screen()
        await pilot.pause()
    if isinstance(app.screen, StepScreen):
        app.show_step(place.step)
        await pilot.pause()
    if place.in_dialog and not isinstance(app.screen, EntryDialog):
        app.screen.query_one(VirtualTable).focus()
        await pilot.pause()
        await pilot.press("enter")  # Edit the first line item.
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
    field = app.screen.query_one(place.selector)
    field.focus()
    await pilot.pause()
    return field


Check = Callable[[PhbApp, Place], bool]


def _on_step(step: Step) -> Check:
    return lambda app, place: isinstance(app.screen, StepScreen) and step == app.screen.STEP


def _over(kind: type) -> Check:
    return lambda app, place: isinstance(app.screen, kind)


def _saved(app: PhbApp, place: Place) -> bool:
    return app.session is not None and not app.session.unsaved and app.session.problem is None


KEYS: list[tuple[str, Check]] = [
    ("f7", _on_step(Step.RESOURCES)),
    ("ctrl+o", _on_step(Step.RESOURCES)),
    ("f8", _on_step(Step.REVIEW)),
    ("ctrl+n", _on_step(Step.REVIEW)),
    ("f1", _over(HelpDialog)),
    ("ctrl+g", _over(HelpDialog)),
    ("f6", _over(PACalculatorDialog)),
    ("ctrl+t", _over(PACalculatorDialog)),
    ("ctrl+s", _saved),
    ("ctrl+p", _over(CommandPalette)),
    ("ctrl+r", _over(CommandPalette)),
]


KINDS = {
    kind: [place for place in PLACES if place.in_dialog == (kind == "in a dialog")]
    for kind in ("on a step", "in a dialog")
}
"""The places, in two apps: one app per place built the same steps and dialogs eight times over."""


@pytest.mark.parametrize("places", KINDS.values(), ids=KINDS.keys())
async def test_every_key_does_its_job_inside_every_kind_of_field(
    places: list[Place], store: PlanStore, example_plan: Plan
) -> None:
    async with plan_open_at(store, example_plan, size=(80, 24)) as (app, pilot, _path):
        for place in places:
            for key, done in KEYS:
                if place.step != Step.FINANCE and key in ("f6", "ctrl+t"):
                    continue  # PA costs belong to the Financial plan step.
                field = await _go_to(app, pilot, place)
                before, plan_before = _value(field), app.session.plan.model_dump() if app.session else None
                if key in ("f7", "ctrl+o") and place.step == Step.MANAGEMENT:
                    expected: Check = _on_step(Step.OUTCOMES)
                elif key in ("f8", "ctrl+n") and place.step == Step.MANAGEMENT:
                    expected = _on_step(Step.RESOURCES)
                else:
                    expected = done
                await pilot.press(key)
                await pilot.pause()
                assert expected(app, place), f"{key} in the {place.name}: now on {type(app.screen).__name__}"
                assert _unchanged(field, before), f"{key} changed the {place.name}"
                assert app.session is not None and app.session.plan.model_dump() == plan_before, (
                    f"{key} in the {place.name} changed the plan"
                )
        for place in places:
            if app.session is None:  # F2 closed it: open it again from the list, as a person would.
                await pilot.press("enter")
                await pilot.pause()
            await _go_to(app, pilot, place)
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen), f"F2 in the {place.name}"


@pytest.mark.parametrize("key", ["ctrl+q", "f10"])
async def test_quit_works_from_a_long_text_box_in_a_dialog(key: str, store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, size=(80, 24)) as (app, pilot, _path):
        await _go_to(app, pilot, PLACES[6])
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running
