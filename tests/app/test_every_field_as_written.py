"""Every text field of every form, list entry and dialog, typed with what Rich and Textual would
read as markup or emoji codes: the app carries on, and the screen shows the words as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from phb_tui.planning.steps import Step
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Outcome, PlanStore, new_plan

from .helpers import error_text, fill, paste, plan_open_at, saved, screen_text

MARK = "Jo [/] [b]x[/b] :pill:"
TEXT_KINDS = ("line", "text", "note")


async def _fill_form(pilot, form: ModelForm) -> int:  # type: ignore[no-untyped-def]
    filled = 0
    for spec in form.specs.values():
        if spec.kind not in TEXT_KINDS:
            continue
        field = form.query_one(f"#field-{spec.name}")
        field.focus()
        field.scroll_visible(animate=False)
        await pilot.pause()
        await paste(pilot, MARK)
        await pilot.press("tab")
        await pilot.pause()
        filled += 1
    return filled


@pytest.mark.parametrize("step", [step for step in Step if step != Step.SUMMARY])
async def test_every_text_field_on_a_step_and_its_lists_shows_markup_as_written(store: PlanStore, step: Step) -> None:
    plan = new_plan("Marks")
    plan.outcomes = [Outcome(id="o1", outcome="Sleep well")]
    async with plan_open_at(store, plan, step, size=(100, 50)) as (app, pilot, _path):
        screen = app.screen
        filled = 0
        for form in list(screen.query(ModelForm)):
            filled += await _fill_form(pilot, form)
        for item_list in list(screen.query(ItemList)):
            table = item_list.query_one(VirtualTable)
            table.focus()
            await pilot.press("a")
            await pilot.pause()
            filled += await _fill_form(pilot, app.screen.query_one(ModelForm))
            await pilot.press("escape")
            await pilot.pause()
            table.scroll_visible(animate=False)
            await pilot.pause()
            assert MARK in screen_text(app), f"{step}: {item_list.id}"
        assert app.screen is screen and app.is_running
        assert filled or step == Step.RESOURCES  # Every step but "Other support" has a text field of its own.

        app.show_step(Step.SUMMARY)
        await pilot.pause()
        assert MARK in await _whole_summary(pilot), step


async def _whole_summary(pilot) -> str:  # type: ignore[no-untyped-def]
    """Every line the Summary step shows, scrolled through a screen at a time."""
    body = pilot.app.screen.query_one("#step-body")
    seen, y = [], 0
    while True:
        body.scroll_to(y=y, animate=False)
        await pilot.pause()
        seen.append(screen_text(pilot.app))
        if y >= body.max_scroll_y:
            return "\n".join(seen)
        y += body.size.height - 2


async def test_the_pa_cost_dialog_shows_a_name_with_markup_as_written(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 50)) as (app, pilot, _path):
        await pilot.press("f6")
        await pilot.pause()
        await _fill_form(pilot, app.screen.query_one("#pa-0", ModelForm))  # The PA not yet in the plan.
        await pilot.press("f5")  # Back to the figures.
        await pilot.pause()
        assert f"{MARK}: paid holiday" in screen_text(app)


@pytest.mark.parametrize("typed", ["²", "①", "١٢", "9" * 31, "1e30", "NaN"])
async def test_numbers_no_model_can_take_are_refused_in_words(store: PlanStore, typed: str) -> None:
    async with plan_open_at(store, step=Step.REVIEW) as (app, pilot, path):
        await fill(pilot, "#field-every_months", typed, pasted=True)
        assert error_text(app, "every_months").startswith("Not saved: Then every how many months must be")
        app.show_step(Step.FINANCE)
        await pilot.pause()
        await fill(pilot, "#field-budget_amount", typed, pasted=True)
        assert error_text(app, "budget_amount").startswith("Not saved: Indicative budget (£)")
        assert app.is_running
    assert saved(store, path).finance.budget_amount is None and saved(store, path).reviews.every_months is None


async def test_a_rates_file_named_with_markup_is_shown_as_written(store: PlanStore, isolated_folders: Path) -> None:
    shipped = (Path(__file__).parents[2] / "phb_tui" / "planning" / "rates-2026-27.toml").read_text(encoding="utf-8")
    own = isolated_folders.parent / "home" / ".config" / "phb-planner" / "rates.toml"
    own.parent.mkdir(parents=True)
    own.write_text(re.sub(r'(?m)^name = ".*"$', 'name = "Our [b]rates[/b] [/] :pill:"', shipped), encoding="utf-8")
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 50)) as (app, pilot, _path):
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#pa-rates").scroll_visible(animate=False)
        await pilot.pause()
        assert "Rates used: Our [b]rates[/b] [/] :pill: (your own file" in screen_text(app)
