"""Step 7: the plan as the health professional will see it, what is still missing, and export.

It shows exactly what an export shares, private notes left out, so what a person reads here is
what they hand over.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from phb_tui.privacy import without_private
from phb_tui.render.terminal import render_rich
from phb_tui.steps import Step
from phb_tui.summary import build_summary

from .base import STEP_BINDINGS, StepScreen
from .export_dialog import ExportChoice, ExportDialog


class SummaryScreen(StepScreen):
    STEP = Step.SUMMARY
    CSS_PATH = ["base.tcss", "summary.tcss"]
    BINDINGS = [*STEP_BINDINGS, Binding("e", "export", "Export", id="summary.export")]

    @dataclass
    class ExportWanted(Message):
        choice: ExportChoice

    def compose_step(self) -> ComposeResult:
        yield Static(id="document")

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()
        self.query_one("#step-body").focus()

    def plan_edited(self) -> None:
        self.query_one("#document", Static).update(render_rich(build_summary(without_private(self.plan))))

    def action_export(self, folder: Path | None = None) -> None:
        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.post_message(self.ExportWanted(choice))

        self.app.push_screen(ExportDialog(self.plan.title, folder), chosen)
