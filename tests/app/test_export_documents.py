"""The export dialog makes Word documents too, and says plainly when the library they need is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore

from ..word_files import opened
from .helpers import choose, plan_open_at, until


async def test_the_summary_is_exported_as_a_word_document_named_for_it(
    store: PlanStore, example_plan: Plan, tmp_path: Path
) -> None:
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await pilot.press("e")
        await until(pilot, lambda: bool(app.screen.query("#format")), "the export dialog")
        app.screen.query_one("#path", Input).value = str(tmp_path / "daniels-plan-2026-summary.html")
        await choose(pilot, "#format", "docx")
        path = app.screen.query_one("#path", Input)
        assert path.value == str(tmp_path / "daniels-plan-2026-summary.docx")  # The name follows the format.
        path.focus()
        await pilot.press("enter")
        target = tmp_path / "daniels-plan-2026-summary.docx"
        await until(pilot, target.exists, "the Word document to be written")
    word = opened(target.read_bytes())
    assert word.paragraphs[0].text == "Daniel's plan 2026"
    assert "943 476 5919" in word.sections[0].header.paragraphs[0].text
    assert "payroll goes wrong" not in "\n".join(p.text for p in word.paragraphs)


async def test_without_the_documents_extra_the_app_says_what_to_install_and_writes_nothing(
    store: PlanStore, example_plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # As if python-docx were not installed.
    monkeypatch.delitem(sys.modules, "phb_tui.summary.render.docx", raising=False)
    folder = tmp_path / "out"
    folder.mkdir()
    async with plan_open_at(store, example_plan, Step.SUMMARY) as (app, pilot, _path):
        await pilot.press("e")
        await until(pilot, lambda: bool(app.screen.query("#format")), "the export dialog")
        await choose(pilot, "#format", "docx")
        app.screen.query_one("#path", Input).value = str(folder / "summary.docx")
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: bool(app._notifications), "a notice")
        (notice,) = list(app._notifications)
        assert notice.severity == "error"
        assert 'Word documents need the "documents" extra' in notice.message
        assert 'pip install "phb-planner[documents]"' in notice.message
    assert list(folder.iterdir()) == []
