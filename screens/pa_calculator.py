"""The whole cost of employing personal assistants, worked out and put into the plan without
counting anything twice.

The PAs are the plan's own: every personal assistant line item paid by the hour is one, and the
person answers a few questions about each (days a week, pension, cover, sickness). PAs not yet in
the plan can be added here. The employer's own costs are asked once. The results scroll with the
keyboard like the rest of the dialog, and `phb pa-costs` gives the same figures in plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from phb_tui.plain_text import as_written
from phb_tui.planning.employer_rates import LoadedRates, rates_in_words
from phb_tui.planning.fields import LinkOptions
from phb_tui.planning.finance import convert
from phb_tui.planning.pa_costs import WAGE_KEYS, Costs
from phb_tui.planning.pa_plan import PlanChange, apply_to_plan, lines_that_may_repeat, plan_assistants, plan_costs
from phb_tui.planning.wizard import finance as step
from phb_tui.widgets.dialogs import ConfirmDialog
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.key_hints import keys_named
from phb_tui.widgets.keyed_dialog import KeyedDialog
from plan_store import Period, Plan, format_money
from plan_store.employing import EmployerCosts, PersonalAssistant


@dataclass(frozen=True)
class CalculatorAnswers:
    """What the calculator closes with: the answers, always (typed answers are never lost), and
    the change to the plan's lines when the person chose to put the figures in the plan."""

    assistants: list[PersonalAssistant]
    employer: EmployerCosts
    change: PlanChange | None


class PACalculatorDialog(KeyedDialog[CalculatorAnswers]):
    CSS_PATH = ["pa_calculator.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="pa.close"),
        Binding("f3", "new_pa", "Add a PA", id="pa.new"),
        Binding("f5", "figures", "The figures", id="pa.figures"),
        Binding("f9", "add", "Put in the plan", id="pa.add"),
        Binding("ctrl+down", "part(1)", "Next part", id="pa.next_part"),
        Binding("ctrl+up", "part(-1)", "Previous part", id="pa.previous_part", show=False),
    ]

    def __init__(self, plan: Plan, rates: LoadedRates, links: LinkOptions):
        """The answers start from those kept in the plan; the step keeps them when this closes."""
        super().__init__(classes="dialog-screen")
        self.plan = plan
        self.rates = rates
        self.links = links
        self.pas = plan_assistants(plan.finance)
        stored = plan.finance.employing
        self.employer = EmployerCosts.model_validate(
            {name: getattr(stored, name) for name in EmployerCosts.model_fields}
        )

    def compose(self) -> ComposeResult:
        if not self.pas:  # A plan paying no PA by the hour yet: start with one to describe.
            self.pas.append(_offered(0))
        with Vertical(classes="dialog wide", id="pa-dialog"):
            yield Label("The whole cost of employing personal assistants", classes="dialog-heading")
            with VerticalScroll(classes="dialog-body", id="pa-body"):
                yield Static(self._intro(), classes="field-help", markup=False)
                # The figures come first, so they are what the person sees; the questions below
                # change them, and F5 comes back to them from anywhere.
                yield Static("What it costs", classes="step-section", id="pa-figures")
                result = Static(id="pa-result")
                result.can_focus = True  # So Tab reaches the figures and the keys scroll them.
                yield result
                with Vertical(id="pa-list"):
                    for number, pa in enumerate(self.pas):
                        yield from self._pa_form(number, pa)
                yield Static("You as the employer", classes="step-section")
                yield ModelForm(self.employer, step.EMPLOYER, id="employer-form")
                yield Static(as_written(rates_in_words(self.rates)), id="pa-rates")
            # The total stays in view whichever part is shown, so each answer's effect is seen.
            yield Static(id="pa-total")
            with Horizontal(classes="dialog-buttons"):
                add = keys_named(self, "pa.add", "f9", first=True)
                yield Button(f"Put in the plan ({add})", id="add", variant="primary", compact=True)
                yield Button(f"Add a PA ({keys_named(self, 'pa.new', 'f3', first=True)})", id="new-pa", compact=True)
                yield Button(
                    f"Figures ({keys_named(self, 'pa.figures', 'f5', first=True)})", id="figures", compact=True
                )
                yield Button("Close (Esc)", id="pa-close", compact=True)

    def _intro(self) -> str:
        if any(pa.wage_line for pa in self.pas):
            return (
                "Your PAs are the personal assistants your plan pays by the hour. Their wages are already "
                "in the plan, so only what is missing is added beside them: cover, National Insurance and "
                "pension. Running it again updates them, and asks before changing one you edited."
            )
        return (
            "Your plan pays no personal assistant by the hour yet. Describe one below: the figures show "
            "what they would cost, and F9 puts them in the plan. Only for a second PA, press F3."
        )

    def _pa_form(self, number: int, pa: PersonalAssistant) -> ComposeResult:
        if pa.wage_line:
            yield Static(
                as_written(
                    f"{pa.who}: {format_money(pa.hourly_rate)} an hour, {pa.hours_per_week:f} hours a week "
                    "(their wages are in the plan)"
                ),
                classes="step-section",
            )
            yield ModelForm(pa, step.PA, id=f"pa-{number}")
        else:
            yield Static(as_written(f"A PA not yet in the plan: {pa.who}"), classes="step-section")
            yield ModelForm(pa, [*step.NEW_PA, *step.PA, *step.NEW_PA_LINKS], self.links, id=f"pa-{number}")

    def on_mount(self) -> None:
        if self.rates.problem:
            self.notify(self.rates.problem, title="Your rates file", severity="warning", timeout=15)
        self._show()
        # The figures have the cursor, under the few lines saying what the calculator does.
        self.query_one("#pa-result").focus(scroll_visible=False)

    def action_figures(self) -> None:
        figures = self.query_one("#pa-result")
        figures.focus(scroll_visible=False)
        # The table at the top, rather than its heading: its own header names it, and a row more shows.
        self.query_one("#pa-body").scroll_to_widget(figures, top=True, animate=False)

    def action_part(self, delta: int) -> None:
        """The next or previous part (the figures, each PA, the employer): its heading at the top,
        the cursor in its first box, so a long calculator is crossed in a few keys."""
        body = self.query_one("#pa-body", VerticalScroll)
        headings = list(body.query(".step-section"))
        focused = self.focused
        here = 0
        for number, heading in enumerate(headings):
            if focused is not None and heading.region.y <= focused.region.y:
                here = number
        heading = headings[(here + delta) % len(headings)]
        if heading.id == "pa-figures":
            self.action_figures()
            return
        siblings = list(heading.parent.children) if heading.parent else []
        after = siblings[siblings.index(heading) + 1 :]
        first = next((w for part in after for w in (part, *part.query("*")) if w.focusable), None)
        body.scroll_to_widget(heading, top=True, animate=False)
        if first is not None:
            first.focus(scroll_visible=False)

    async def action_new_pa(self) -> None:
        pa = _offered(len(self.pas))
        self.pas.append(pa)
        form = list(self._pa_form(len(self.pas) - 1, pa))
        await self.query_one("#pa-list").mount(*form)
        self._show()
        # The new PA's questions are below the figures: go to them, so it is plain what F3 did.
        first = next((widget for widget in form[-1].query("*") if widget.focusable), None)
        self.query_one("#pa-body").scroll_to_widget(form[0], top=True, animate=False)
        if first is not None:
            first.focus(scroll_visible=False)

    @on(ModelForm.Edited)
    def _recalculate(self, event: ModelForm.Edited) -> None:
        event.stop()  # These answers are not part of the plan until they are put in it.
        self._show()

    def _costs(self) -> Costs:
        return plan_costs(self.plan.finance, self.rates.rates, pas=self.pas, employer=self.employer)

    def _show(self) -> None:
        costs = self._costs()
        period = self.plan.finance.budget_period
        # A second column in the budget's own period, when it recurs: a one-off budget has none.
        other = period not in (Period.YEAR, Period.ONE_OFF)
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        table.add_column("Cost", ratio=1)
        table.add_column("A year", justify="right", no_wrap=True)
        if other:
            table.add_column(period.label.capitalize(), justify="right", no_wrap=True)

        def row(label: str, yearly: Decimal, style: str = "") -> None:
            cells: list[Text | str] = [as_written(label), format_money(yearly)]
            if other:
                cells.append(format_money(convert(yearly, Period.YEAR, period, self.plan.finance.year)))
            table.add_row(*cells, style=style)

        for cost in costs.per_pa:
            for part in cost.parts:
                if part.yearly or part.key in WAGE_KEYS:
                    note = " (already in the plan)" if cost.pa.wage_line and part.key in WAGE_KEYS else ""
                    row(part.description + note, part.yearly)
        for part in costs.employer:
            if part.yearly:
                row(part.description, part.yearly)
        row("Total, a year", costs.yearly, style="bold")
        total = f"Total {format_money(costs.yearly)} a year"
        if other:
            total += (
                f" ({format_money(convert(costs.yearly, Period.YEAR, period, self.plan.finance.year))} {period.label})"
            )
        add = keys_named(self, "pa.add", "f9", first=True)
        self.query_one("#pa-total", Static).update(f"{total} · {add} puts it in the plan")
        parts: list[RenderableType] = [table]
        if costs.allowance_used:
            parts.append(
                Text(f"The Employment Allowance takes {format_money(costs.allowance_used)} off National Insurance.")
            )
        parts += [as_written(f"Warning: {warning}") for warning in costs.warnings]
        if repeats := lines_that_may_repeat(self.plan.finance.line_items, set(costs.own_lines.values())):
            names = "; ".join(f'"{name}"' for name in repeats)
            parts.append(
                as_written(
                    f"Your plan already has lines that may be some of these costs: {names}. Check them against "
                    "the figures here. Where one is the same cost, change the answer here (for example, untick "
                    "holiday cover) or remove the old line, so nothing is paid for twice."
                )
            )
        self.query_one("#pa-result", Static).update(Group(*parts))

    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        self._commit()
        finance = self.plan.finance
        change = apply_to_plan(self._costs(), finance.line_items, finance.employing.written)
        if not change.edits:
            self._close(change)
            return
        changes = "\n".join(f"- {edit}" for edit in change.edits)
        question = (
            "These lines were changed since the calculator put them in the plan, perhaps by you. "
            f"Putting in the new figures would change them:\n{changes}\n\n"
            "Change them? No leaves the plan as it is, and you can keep working here."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._close(change)

        self.app.push_screen(ConfirmDialog(question, yes="Yes, change them", no="No, keep them"), answered)

    def _commit(self) -> None:
        for form in self.query(ModelForm):
            form.commit()

    def _close(self, change: PlanChange | None) -> None:
        kept = self.pas
        if change is None:  # A PA offered to describe and left as offered was never an answer.
            kept = [pa for n, pa in enumerate(self.pas) if pa.wage_line or pa != _offered(n)]
        self.dismiss(CalculatorAnswers(kept, self.employer, change))

    @on(Button.Pressed, "#figures")
    def _figures_pressed(self) -> None:
        self.action_figures()

    @on(Button.Pressed, "#new-pa")
    async def _new_pa_pressed(self) -> None:
        await self.action_new_pa()

    @on(Button.Pressed, "#pa-close")
    def action_cancel(self) -> None:
        """Closing keeps the answers (they are the person's, and typed with care) but changes no line."""
        self._commit()
        self._close(None)


def _offered(number: int) -> PersonalAssistant:
    """The PA the calculator offers to describe, in position `number`, before anything is typed."""
    return PersonalAssistant(who=f"Personal assistant {number + 1}")
