"""Step 5: the budget, what it buys and for which outcome, the running total, and what may change."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Static

from phb_tui.planning.employer_rates import load_rates
from phb_tui.planning.finance import BudgetPosition, Verdict, budget_position, in_both_views, item_cost_each_time
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import finance as step
from phb_tui.planning.wizard import label
from phb_tui.summary.build import spending_charts
from phb_tui.summary.render.terminal import render_blocks
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from phb_tui.widgets.key_hints import keys_named
from phb_tui.widgets.step_keys import PA_COSTS_BINDING, STEP_BINDINGS
from plan_store import LineItem, Period, Plan, format_money, next_id
from plan_store.employing import Employing

from .base import StepScreen
from .pa_calculator import CalculatorAnswers, PACalculatorDialog
from .resources import outcome_choices, outcome_numbers

PAID_BY = label(LineItem, "route")
"""A column on a plan that pays for some things one way and some another (a mixed plan)."""


def _cost(item: LineItem) -> str:
    each = format_money(item_cost_each_time(item))
    return f"{each} once" if item.period == Period.ONE_OFF else f"{each} {item.period.label}"


class FinanceScreen(StepScreen):
    STEP = Step.FINANCE
    CSS_PATH = ["base.tcss", "finance.tcss"]
    BINDINGS = [*STEP_BINDINGS, PA_COSTS_BINDING]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        yield Static("The budget", classes="step-section")
        yield ModelForm(step.BUDGET.of(plan), step.BUDGET, id="budget-form")
        yield Static("What the budget buys", classes="step-section")
        spec = ListSpec[LineItem](
            noun="cost",
            columns=[
                ("Item", lambda i: i.description or "(not described yet)"),
                ("Provider", lambda i: i.provider),
                ("Cost", _cost),
                ("Outcomes", lambda i: outcome_numbers(plan, i.outcome_ids).replace("none", "✗ none")),
                (PAID_BY, lambda i: i.route.label if i.route else ""),
            ],
            fields=step.ITEMS.form,
            make=lambda: LineItem(
                id=next_id("i", (i.id for i in plan.finance.line_items)), description="", unit_cost="0"
            ),
            empty="Nothing yet: press A to add the first thing the budget will buy.",
            numbered=True,
            only_if_filled=frozenset({PAID_BY}),
            left_out_first=("Provider",),
        )
        yield ItemList(lambda: step.ITEMS.entries(plan), spec, links=lambda: outcome_choices(plan), id="line-items")
        pa_costs = keys_named(self, "finance.pa_costs", "f6", first=True)
        yield Button(f"Employing a personal assistant? Work out the full cost ({pa_costs})", id="pa-costs")
        yield Static("Where the money goes", classes="step-section")
        yield Static(id="chart", classes="step-note")
        yield Static("Money set aside", classes="step-section")
        yield ModelForm(step.SET_ASIDE.of(plan), step.SET_ASIDE, id="contingency-form")
        yield Static("Flexibility: agree this up front", classes="step-section")
        yield ModelForm(step.FLEXIBILITY.of(plan), step.FLEXIBILITY, id="flexibility-form")

    def compose_pinned(self) -> ComposeResult:
        yield Static(id="totals")

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    @on(Button.Pressed, "#pa-costs")
    def action_pa_costs(self) -> None:
        """The calculator starts from the answers kept in the plan, and they are kept again when it
        closes, whether or not its figures were put in the plan."""

        def closed(answers: CalculatorAnswers | None) -> None:
            if answers is None:
                return
            finance = self.plan.finance
            change = answers.change
            for number, line_id in (change.new_wage_lines if change else {}).items():
                answers.assistants[number].wage_line = line_id
            employing = Employing(
                **answers.employer.model_dump(),
                assistants=answers.assistants,
                written=change.written if change else finance.employing.written,
            )
            lines_changed = change is not None and change.line_items != finance.line_items
            if not lines_changed and employing == finance.employing:
                if change is not None:
                    self.notify(change.in_words())
                return  # Nothing was typed or changed: the plan is as it was, and is not saved again.
            finance.employing = employing
            if change is not None:
                finance.line_items[:] = change.line_items
            items = self.query_one("#line-items", ItemList)
            items.redraw()
            items.post_message(ItemList.Changed(items))
            if change is not None:
                self.notify(f"Employer's costs put in the plan, each paid for a year. {change.in_words()}", timeout=12)

        dialog = PACalculatorDialog(self.plan, load_rates(), lambda: outcome_choices(self.plan))
        self.app.push_screen(dialog, closed)

    def plan_edited(self) -> None:
        figures = self.analysis().figures
        self.query_one("#totals", Static).update(totals_text(self.plan, figures.position))
        charts = spending_charts(self.plan, figures)
        self.query_one("#chart", Static).update(render_blocks(charts) if charts else "Nothing planned yet.")


ONE_LINE = 76
"""The totals bar's width at 80 columns, inside its border and padding."""
_PERIOD_FIRST = {
    Period.WEEK: "Weekly",
    Period.FOUR_WEEKS: "Four-weekly",
    Period.MONTH: "Monthly",
    Period.YEAR: "Yearly",
    Period.ONE_OFF: "In all",
}


def totals_text(plan: Plan, position: BudgetPosition | None = None) -> str:
    """The running total in two lines: over budget is said in capitals, never by colour alone.

    Planned spending counts one-off purchases in every shape of budget: for a weekly, four-weekly
    or monthly budget, the second line gives what is left for the year too. `position` is the
    plan's, from its analysis, when already worked out.
    """
    position = position or budget_position(plan)
    figures = f"planned {format_money(position.planned)} · contingency fund {format_money(position.contingency)}"
    if position.budget is None:
        first = f"No budget entered yet · {figures}"
    else:
        # The period first, once, so the line fits 80 columns; one-off purchases are in "planned".
        first = f"{_PERIOD_FIRST[position.period]}: budget {format_money(position.budget)} · {figures}"
        with_one_offs = first.replace(" · contingency", " with one-offs · contingency")
        if position.one_off and position.has_period_view and len(with_one_offs) <= ONE_LINE:
            first = with_one_offs
    remaining = position.whole_remaining
    counted = ", one-offs counted once in the year" if position.one_off and position.has_period_view else ""
    if position.uncounted:
        second = "Recurring costs are not counted yet: add the dates the budget starts and runs to."
    elif remaining is None:
        second = "Enter the budget to see what is left."
    elif position.verdict == Verdict.NOTHING_PLANNED:
        second = "Nothing is planned yet: add what the budget will pay for."
    elif remaining < 0:
        second = (
            f"✗ Over budget by {in_both_views(position, -remaining)}{counted}: "
            "consider asking for a budget review rather than cutting care you need."
        )
    else:
        second = f"Left over: {in_both_views(position, remaining)}{counted}."
    return f"{first}\n{second}"
