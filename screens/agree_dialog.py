"""Asks who agreed the plan, and on what day, before the app records it as agreed.

What is typed is checked here, as `phb agree` checks it: a name is needed, and the day can be
neither in the future nor before the plan was made. A refusal is said under the boxes and the
dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from plan_store import Plan, PlanError, clock
from plan_store.agreed import agreed_on_text
from plan_store.dates import format_date_text

NEEDS_A_NAME = "Say who agreed the plan: their name is needed."
ASKED = (
    "Record that the NHS team agreed the plan as it is now. A copy of it is kept, so every later change can be listed."
)


@dataclass(frozen=True)
class AgreedBy:
    """Who agreed the plan, and when, as the person gave it."""

    name: str
    role: str
    on: date


class AgreeDialog(ModalScreen[AgreedBy | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, plan: Plan):
        super().__init__(classes="dialog-screen")
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Mark as agreed", classes="dialog-heading")
            yield Static(ASKED)
            yield Label("Who agreed it")
            yield Input(placeholder="Their name", id="agreed-name")
            yield Label("Their role")
            yield Input(placeholder="Like: CHC nurse assessor", id="agreed-role")
            yield Label("Date agreed")
            yield Input(format_date_text(clock.today()), placeholder="dd/mm/yyyy", id="agreed-on")
            yield Static(id="problem", classes="field-error", markup=False)  # May quote what was typed.
            with Horizontal(classes="dialog-buttons"):
                yield Button("Record as agreed", variant="primary", id="ok")
                yield Button("Cancel (Esc)", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        name = " ".join(self.query_one("#agreed-name", Input).value.split())
        role = " ".join(self.query_one("#agreed-role", Input).value.split())
        try:
            if not name:
                raise PlanError(NEEDS_A_NAME)
            on = agreed_on_text(self.plan, self.query_one("#agreed-on", Input).value)
        except PlanError as error:
            problem = self.query_one("#problem", Static)
            problem.update(f"Not recorded. {error}")
            problem.add_class("shown")  # Hidden until there is something to say.
            return
        self.dismiss(AgreedBy(name, role, on))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
