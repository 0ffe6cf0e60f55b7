"""Step 7: the plan as the health professional will see it, what is still missing, and export.

It shows exactly what an export shares, private notes left out, so what a person reads here is
what they hand over.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from phb_tui.background import goes_aside, worked_out
from phb_tui.plain_text import as_written
from phb_tui.planning.checks import ALL_CLEAR, SET_ASIDE_HEADING, Gap, find_gaps, gaps_by_criterion, set_aside_texts
from phb_tui.planning.person_centred import tasks_to_settle
from phb_tui.planning.steps import Step
from phb_tui.summary.build import build_summary
from phb_tui.summary.privacy import without_private
from phb_tui.summary.render.terminal import Part, render_parts
from phb_tui.widgets.document_view import DocumentView
from phb_tui.widgets.step_keys import STEP_BINDINGS
from plan_store import Plan
from plan_store.clock import today

from .base import StepScreen
from .export_dialog import ExportDialog
from .messages import ExportChoice, ExportWanted


def _prepared(plan: Plan) -> tuple[list[Gap], list[str], list[Part]]:
    """What a reviewer would ask about, what the plan sets aside, and the summary as it will be shared."""
    return find_gaps(plan), set_aside_texts(plan), render_parts(build_summary(without_private(plan)))


class SummaryScreen(StepScreen):
    STEP = Step.SUMMARY
    CSS_PATH = ["base.tcss", "summary.tcss"]
    BINDINGS = [*STEP_BINDINGS, Binding("e", "export", "Export", id="summary.export")]

    _gaps: list[Gap] = []

    def compose_step(self) -> ComposeResult:
        yield Static(id="readiness-heading", classes="step-section")
        yield OptionList(id="readiness", markup=False)  # Gaps quote outcomes and names as written.
        yield Static("The summary as it will be shared", classes="step-section")
        yield DocumentView(id="document")

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    def plan_edited(self) -> None:
        if not goes_aside(costs=len(self.plan.finance.line_items)):
            self._show(*_prepared(self.plan))
            return
        self.query_one("#readiness-heading", Static).update("Preparing the summary of this long plan...")
        self.query_one("#readiness", OptionList).display = False
        self.query_one(DocumentView).show([])
        self._prepare_aside()

    @work(exclusive=True, group="summary", description="Preparing the summary")
    async def _prepare_aside(self) -> None:
        self._show(*await worked_out(partial(_prepared, self.plan), self.revision))

    def _show(self, gaps: list[Gap], aside: list[str], parts: list[Part]) -> None:
        self._gaps = gaps
        heading = self.query_one("#readiness-heading", Static)
        readiness = self.query_one("#readiness", OptionList)
        readiness.clear_options()
        if gaps:
            heading.update(
                f"What a reviewer would ask about ({len(gaps)}): press Enter on one to go to the step that fixes it"
            )
            number = {id(gap): n for n, gap in enumerate(gaps)}
            for criterion, found in gaps_by_criterion(gaps).items():
                readiness.add_option(Option(criterion.question, disabled=True))
                readiness.add_options([Option(as_written(f"  {gap}"), id=str(number[id(gap)])) for gap in found])
            readiness.highlighted = 1
        else:
            tasks = tasks_to_settle(self.plan, today())
            heading.update(f"Ready for review. {ALL_CLEAR}" + (f"\n{tasks}" if tasks else ""))
        if aside:  # Shown, not chosen: each was set aside on purpose, and the reviewer decides.
            readiness.add_option(Option(SET_ASIDE_HEADING, disabled=True))
            readiness.add_options([Option(as_written(f"  {text}"), disabled=True) for text in aside])
        readiness.display = bool(gaps or aside)
        self.query_one(DocumentView).show(parts)

    @on(OptionList.OptionSelected, "#readiness")
    def _fix_gap(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(self.GoTo(self._gaps[int(event.option.id)].step))

    def action_export(self, folder: Path | None = None) -> None:
        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.post_message(ExportWanted(choice))

        self.app.push_screen(ExportDialog(self.plan, folder), chosen)
