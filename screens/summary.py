"""Step 7: the plan as the health professional will see it, what is still missing, and export.

It shows exactly what an export shares, private notes left out, so what a person reads here is
what they hand over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from phb_tui.background import goes_aside, worked_out
from phb_tui.plain_text import as_written
from phb_tui.planning.analysis import PlanAnalysis, analyse
from phb_tui.planning.checks import ALL_CLEAR, SET_ASIDE_HEADING, Gap
from phb_tui.planning.steps import Step
from phb_tui.summary.build import byline, notices, running_head, summary_sections
from phb_tui.summary.document import Document
from phb_tui.summary.privacy import without_private
from phb_tui.summary.render.terminal import Part, head_parts, section_parts
from phb_tui.widgets.document_view import DocumentView
from phb_tui.widgets.step_keys import STEP_BINDINGS
from plan_store import Plan, clock

from .base import StepScreen
from .export_dialog import ExportDialog
from .messages import ExportChoice, ExportWanted, MoneyWanted

WRITTEN_IN_PARTS_FROM = 500
"""Costs from which the summary is written a section at a time while keys work: for 1,000 the
whole takes a tenth of a second or more, too long to hold a key."""

CHANGED_MEANWHILE = "The plan changed while its summary was prepared: go to another step and back to see it."


def summary_parts(plan: Plan, analysis: PlanAnalysis, current: Callable[[], bool]) -> Iterator[Sequence[Part]]:
    """The summary as it will be shared, a section at a time, each written only when it is asked
    for, until the plan changes (`current` is then false): the screen shows the top while the rest
    is still to come. Its figures are the plan's own: leaving private notes out changes none."""
    shared = without_private(plan)
    yield []  # Each step short, so a key pressed meanwhile is answered in between.
    found = analysis if shared is plan else analyse(shared, analysis.today, figures=analysis.figures)
    yield []
    head = Document(
        shared.title, notices(False), [], byline=byline(shared, found.today), running_head=running_head(shared)
    )
    yield head_parts(head)
    for section in summary_sections(shared, found):
        if not current():
            return
        yield section_parts(section)


def _prepared(plan: Plan) -> tuple[PlanAnalysis, list[Part]]:
    """The plan worked out and its whole summary, beside the app: for a plan too long to do in it."""
    analysis = analyse(plan, clock.today())
    return analysis, [part for found in summary_parts(plan, analysis, lambda: True) for part in found]


class SummaryScreen(StepScreen):
    STEP = Step.SUMMARY
    CSS_PATH = ["base.tcss", "summary.tcss"]
    BINDINGS = [
        *STEP_BINDINGS,
        Binding("e,E", "export", "Export", id="summary.export"),
        Binding("m,M", "money", "Money in and out", id="summary.money"),
        # Priority, so the summary pages wherever the cursor is: the list of what a reviewer would
        # ask about would otherwise take them to move its own highlight, and the page stayed put.
        Binding("pagedown", "page(1)", "Page down", show=False, priority=True),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True),
        Binding("home", "page_end(0)", "Top", show=False, priority=True),
        Binding("end", "page_end(1)", "Bottom", show=False, priority=True),
    ]

    _gaps: Sequence[Gap] = ()

    def compose_step(self) -> ComposeResult:
        yield Static(id="readiness-heading", classes="step-section")
        yield OptionList(id="readiness", markup=False)  # Gaps quote outcomes and names as written.
        yield Static("The summary as it will be shared", classes="step-section")
        yield DocumentView(id="document")

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    def plan_edited(self) -> None:
        costs = len(self.plan.finance.line_items)
        if not goes_aside(costs=costs):
            analysis = self.analysis()
            revision = self.revision()
            self._show_readiness(analysis)
            parts = self._guarded(summary_parts(self.plan, analysis, lambda: self.revision() == revision))
            if costs < WRITTEN_IN_PARTS_FROM:  # Written whole at once: a screenful or two of costs takes moments.
                self.query_one(DocumentView).show([part for found in parts for part in found])
            else:
                self.query_one(DocumentView).show([], parts)
            return
        self.query_one("#readiness-heading", Static).update("Preparing the summary of this long plan...")
        self.query_one("#readiness", OptionList).display = False
        self.query_one(DocumentView).show([])
        self._prepare_aside()

    def _guarded(self, parts: Iterator[Sequence[Part]]) -> Iterator[Sequence[Part]]:
        try:
            yield from parts
        except Exception:  # The plan changed while it was read; the step prepares it again next time.
            self.query_one("#readiness-heading", Static).update(CHANGED_MEANWHILE)

    @work(exclusive=True, group="summary", description="Preparing the summary")
    async def _prepare_aside(self) -> None:
        analysis, parts = await worked_out(partial(_prepared, self.plan), self.revision)
        self._show_readiness(analysis)
        self.query_one(DocumentView).show(parts)

    def _show_readiness(self, analysis: PlanAnalysis) -> None:
        gaps = analysis.gaps
        self._gaps = gaps
        heading = self.query_one("#readiness-heading", Static)
        readiness = self.query_one("#readiness", OptionList)
        readiness.clear_options()
        if gaps:
            heading.update(
                f"What a reviewer would ask about ({len(gaps)}): press Enter on one to go to the step that fixes it"
            )
            number = {id(gap): n for n, gap in enumerate(gaps)}
            for criterion, found in analysis.gaps_by_criterion.items():
                readiness.add_option(Option(criterion.question, disabled=True))
                readiness.add_options([Option(as_written(f"  {gap}"), id=str(number[id(gap)])) for gap in found])
            readiness.highlighted = 1
        else:
            tasks = analysis.tasks_to_settle
            heading.update(f"Ready for review. {ALL_CLEAR}" + (f"\n{tasks}" if tasks else ""))
        aside = analysis.set_aside_texts
        if aside:  # Shown, not chosen: each was set aside on purpose, and the reviewer decides.
            readiness.add_option(Option(SET_ASIDE_HEADING, disabled=True))
            readiness.add_options([Option(as_written(f"  {text}"), disabled=True) for text in aside])
        readiness.display = bool(gaps or aside)

    @on(OptionList.OptionSelected, "#readiness")
    def _fix_gap(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(self.GoTo(self._gaps[int(event.option.id)].step))

    def action_page(self, way: int) -> None:
        body = self.query_one("#step-body", VerticalScroll)
        if way > 0:
            body.scroll_page_down()
        else:
            body.scroll_page_up()

    def action_page_end(self, end: int) -> None:
        body = self.query_one("#step-body", VerticalScroll)
        if end:
            body.scroll_end()
        else:
            body.scroll_home()

    def action_money(self) -> None:
        self.post_message(MoneyWanted())

    def action_export(self, folder: Path | None = None) -> None:
        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                self.post_message(ExportWanted(choice))

        self.app.push_screen(ExportDialog(self.plan, folder), chosen)
