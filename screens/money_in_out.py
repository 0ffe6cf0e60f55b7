"""Money in and out: the plan set against what was really spent, for a period the person chooses.

It says exactly what `phb spending PLAN` says, from the same figures, so the app, the command line
and the monitoring return never disagree. The record is read and worked out beside the app: ten
thousand payments take a few tenths of a second, and keys must keep working meanwhile. The words
are shown in a read-only text area, which draws only the lines in view, however long the list of
payments is.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static, TextArea

from phb_tui.plain_text import as_written
from phb_tui.spending.figures import spending_view
from phb_tui.spending.period import period_from_words
from phb_tui.spending.report import view_text
from plan_store import Plan, visible, visible_name
from plan_store.errors import PlanError
from plan_store.spending import SpendingRecord
from plan_store.spending_files import read_record

NOTHING_YET = (
    "No money in or out is recorded for this plan yet.\n\n"
    "Once the money is being spent, bring in each bank or card statement with:\n"
    "  phb spending import PLAN FILE\n"
    "and this view sets what was really spent against the plan, line by line and outcome by outcome."
)

PERIOD_HELP = "Type a first and last day (like 01/04/2026) and press Enter. Leave both empty for everything recorded."


class MoneyInOutScreen(Screen[None]):
    """Over the plan, until Esc: the plan itself is not edited here."""

    CSS_PATH = "money_in_out.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back to the plan", id="money.close"),
        Binding("f3", "every_payment", "Every payment", id="money.every_payment"),
    ]

    def __init__(self, plan: Plan, plan_path: Path) -> None:
        super().__init__()
        self.plan = plan
        self.plan_path = plan_path
        self.record: SpendingRecord | None = None
        self.period: tuple[date | None, date | None] = (None, None)
        self.every_payment = False

    def compose(self) -> ComposeResult:
        yield Static(as_written(f"Money in and out: {visible_name(self.plan.title)}"), id="money-heading")
        yield Static(PERIOD_HELP, id="money-help")
        with Horizontal(id="money-period"):
            yield Label("First day", classes="period-label")
            yield Input(placeholder="dd/mm/yyyy", id="money-from", classes="period-day")
            yield Label("Last day", classes="period-label")
            yield Input(placeholder="dd/mm/yyyy", id="money-to", classes="period-day")
        yield Static("", id="money-problem")
        yield TextArea("Reading the record of money in and out...", id="money-text", read_only=True, soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    @on(Input.Submitted)
    def _period_chosen(self) -> None:
        problem = self.query_one("#money-problem", Static)
        try:
            period = period_from_words(
                self.query_one("#money-from", Input).value, self.query_one("#money-to", Input).value
            )
        except PlanError as error:  # The figures shown stay those of the period before.
            problem.update(as_written(f"✗ {error} The figures below are unchanged."))
            return
        problem.update("")
        self.period = period
        self._show()

    def action_every_payment(self) -> None:
        self.every_payment = not self.every_payment
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)

    @work(exclusive=True, group="money", description="Working out money in and out")
    async def _show(self) -> None:
        try:
            text = await asyncio.to_thread(self._words)
        except PlanError as error:  # A damaged record is named, and never shown as if it were empty.
            text = visible(str(error))
        area = self.query_one("#money-text", TextArea)
        area.load_text(text)

    def _words(self) -> str:
        """The view for the chosen period, in the words `phb spending` prints."""
        if self.record is None:
            self.record = read_record(self.plan_path)
        if not self.record.transactions:
            return NOTHING_YET
        start, end = self.period
        return view_text(self.plan, spending_view(self.plan, self.record, start, end), self.every_payment)
