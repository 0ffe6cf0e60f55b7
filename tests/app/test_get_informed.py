"""Step 1: typing who the plan is for and what to find out changes the saved file."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from plan_store import EligibilityRoute, PlanStore

from .helpers import choose, error_text, fill, keys, plan_open_at, saved


async def test_details_typed_are_saved(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        await fill(pilot, "#field-name", "Amira Khan")
        await fill(pilot, "#field-date_of_birth", "03/06/1991")
        await fill(pilot, "#field-nhs_number", "943 476 5919")
        await fill(pilot, "#field-icb_name", "NHS Kent and Medway ICB")
        await choose(pilot, "#field-eligibility", "section_117_aftercare")
        await pilot.press("ctrl+s")
        assert "legal right" in str(app.screen.query_one("#right-explained", Static).render())
    plan = saved(store, path)
    assert plan.person.name == "Amira Khan"
    assert plan.person.date_of_birth == date(1991, 6, 3)
    assert plan.person.nhs_number == "9434765919"
    assert plan.icb_name == "NHS Kent and Medway ICB"
    assert plan.eligibility == EligibilityRoute.SECTION_117


async def test_a_bad_nhs_number_and_date_are_refused_beside_the_field(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        before = path.read_bytes()
        await fill(pilot, "#field-nhs_number", "943 476 5918")
        assert "does not pass the NHS number check" in error_text(app, "nhs_number")
        await fill(pilot, "#field-date_of_birth", "31/02/1990")
        assert "not a real date" in error_text(app, "date_of_birth")
        await pilot.press("ctrl+s")
        assert path.read_bytes() == before
        # Correcting the number clears the message and saves it.
        await fill(pilot, "#field-nhs_number", "9434765919")
        assert error_text(app, "nhs_number") == ""
        await pilot.press("ctrl+s")
    assert saved(store, path).person.nhs_number == "9434765919"


async def test_worries_are_added_private_and_questions_shared(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        app.screen.query_one("#worries VirtualTable").focus()
        await pilot.press("a")
        await pilot.press(*keys("Who pays if a PA is ill?"))
        await pilot.press("escape")
        app.screen.query_one("#questions VirtualTable").focus()
        await pilot.press("a")
        await pilot.press(*keys("Can I pay my sister?"))
        await pilot.press("escape", "ctrl+s")
    plan = saved(store, path)
    assert [(w.text, w.private) for w in plan.informed.worries] == [("Who pays if a PA is ill?", True)]
    assert [(q.text, q.private) for q in plan.informed.questions] == [("Can I pay my sister?", False)]


async def test_ticking_off_a_thing_to_find_out(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        app.screen.query_one("#checklist VirtualTable").focus()
        await pilot.press("down", "enter")  # The second starter item.
        await pilot.press("tab", "space")  # From the question to the "found out" tick box.
        await pilot.press("escape", "ctrl+s")
    checklist = saved(store, path).informed.checklist
    assert [item.done for item in checklist[:3]] == [False, True, False]


async def test_an_empty_new_entry_is_not_kept(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        app.screen.query_one("#contacts VirtualTable").focus()
        await pilot.press("a", "escape", "ctrl+s")
    assert saved(store, path).informed.contacts == []
