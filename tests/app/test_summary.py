"""Step 7: the summary as a reviewer sees it, with gaps at the top, and export to a file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Select

from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore

from .helpers import plan_open_at, screen_text


async def test_the_summary_lists_gaps_first_and_enter_goes_to_the_fix(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.SUMMARY) as (app, pilot, _path):
        text = screen_text(app)
        assert "What a reviewer would ask about" in text
        assert "Is it the person's own plan?" in text and "No health and wellbeing outcomes yet" in text
        await pilot.press("enter")  # The first gap: whose plan it is, fixed in step 1.
        await pilot.pause()
        assert app.screen.STEP == Step.GET_INFORMED


async def test_a_ready_plan_says_so(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, _pilot, _path):
        assert "Ready for review" in screen_text(app)


async def test_export_writes_a_shareable_file_without_private_notes(
    store: PlanStore, example_plan: Plan, tmp_path: Path
) -> None:
    target = tmp_path / "for-the-nurse.md"
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "md"
        app.screen.query_one("#path", Input).value = str(target)
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Daniel's plan 2026")
        assert "payroll goes wrong" not in text
        # Exporting again asks before replacing the file.
        target.write_text("edited by hand", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#format", Select).value = "md"
        app.screen.query_one("#path", Input).value = str(target)
        app.screen.query_one("#private", Checkbox).value = True
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        assert target.read_text(encoding="utf-8") == "edited by hand"


async def test_an_easy_read_summary_can_be_exported_from_the_app(
    store: PlanStore, example_plan: Plan, tmp_path: Path
) -> None:
    target = tmp_path / "for-mum.html"
    async with plan_open_at(store, example_plan, Step.SUMMARY, size=(80, 30)) as (app, pilot, _path):
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        app.screen.query_one("#easy").focus()
        await pilot.press("space")
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    text = target.read_text(encoding="utf-8")
    assert "<h1>My health plan: Dan</h1>" in text and "font-size: 16pt" in text
