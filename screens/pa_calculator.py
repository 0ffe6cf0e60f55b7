"""The cost of employing a personal assistant, worked out from a few answers and added to the plan."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Group, RenderableType
from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from phb_tui.plain_text import as_written
from phb_tui.planning.employer_rates import LoadedRates
from phb_tui.planning.finance import convert
from phb_tui.planning.pa_costs import PAInputs, as_line_items, pa_costs
from phb_tui.widgets.form import FieldSpec, LinkOptions, ModelForm
from plan_store import LineItem, Period, Plan, format_money

FIELDS = [
    FieldSpec("who", "Who is this for", placeholder="Personal assistant, mornings"),
    FieldSpec("hourly_rate", "Hourly rate (£)", placeholder="12.71"),
    FieldSpec("hours_per_week", "Hours a week", placeholder="20"),
    FieldSpec(
        "claim_employment_allowance",
        "Employment Allowance",
        placeholder="I can claim the Employment Allowance",
        help="Most people who employ care and support workers at home can. It takes up to £10,500 a year off employer's NI.",
    ),
    FieldSpec("pension_eligible", "Pension", placeholder="The PA is 22 or over, under State Pension age"),
    FieldSpec("holiday_cover", "Holiday cover", placeholder="Someone else covers the PA's holidays"),
    FieldSpec(
        "insurance_per_year",
        "Employer's liability insurance a year (£)",
        help="A legal requirement. Get a quote.",
    ),
    FieldSpec("payroll_per_year", "Payroll service a year (£)"),
    FieldSpec(
        "sickness_cover_weeks",
        "Weeks of sickness cover to keep",
        help="Some ICBs suggest one week of costs.",
    ),
    FieldSpec("outcome_ids", "Which outcomes the PA's support serves", help="Space to tick or untick."),
]


class PACalculatorDialog(ModalScreen[list[LineItem] | None]):
    BINDINGS = [Binding("escape", "cancel", "Close", id="pa.close")]

    def __init__(self, plan: Plan, rates: LoadedRates, links: LinkOptions):
        super().__init__(classes="dialog-screen")
        self.plan = plan
        self.rates = rates
        self.inputs = PAInputs()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("The full cost of employing a personal assistant", classes="dialog-heading")
            with VerticalScroll(classes="dialog-body"):
                yield ModelForm(self.inputs, FIELDS, self.links, id="pa-form")
                yield Static(id="pa-result")
                yield Static(as_written(f"Rates used: {self.rates.source}."), id="pa-rates")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add these to the plan", id="add", variant="primary")
                yield Button("Close (Esc)", id="close")

    def on_mount(self) -> None:
        if self.rates.problem:
            self.notify(self.rates.problem, title="Your rates file", severity="warning", timeout=15)
        self._show()
        self.query_one("#field-hourly_rate").focus()

    @on(ModelForm.Edited)
    def _recalculate(self, event: ModelForm.Edited) -> None:
        event.stop()  # These answers are not part of the plan until they are added to it.
        self._show()

    def _show(self) -> None:
        costs = pa_costs(self.inputs, self.rates.rates, self.plan.finance.year)
        period = self.plan.finance.budget_period
        # A second column in the budget's own period, when it recurs: a one-off budget has none.
        other = period not in (Period.YEAR, Period.ONE_OFF)
        table = Table("Cost", "A year", period.label.capitalize() if other else "", expand=True)

        def row(label: str, yearly: Decimal, style: str = "") -> None:
            in_period = format_money(convert(yearly, Period.YEAR, period, self.plan.finance.year)) if other else ""
            table.add_row(as_written(label), format_money(yearly), in_period, style=style)

        for part in costs.parts:
            row(part.description, part.yearly)  # Names the PA in the person's own words.
        row("Total", costs.yearly, style="bold")
        result: RenderableType = table
        if costs.warnings:
            result = Group(table, as_written("\n".join(f"Warning: {warning}" for warning in costs.warnings)))
        self.query_one("#pa-result", Static).update(result)

    @on(Button.Pressed, "#add")
    def _add(self) -> None:
        self.query_one(ModelForm).commit()
        costs = pa_costs(self.inputs, self.rates.rates, self.plan.finance.year)
        taken = {item.id for item in self.plan.finance.line_items}
        self.dismiss(as_line_items(costs, 1, taken, list(self.inputs.outcome_ids)))

    @on(Button.Pressed, "#close")
    def action_cancel(self) -> None:
        self.dismiss(None)
