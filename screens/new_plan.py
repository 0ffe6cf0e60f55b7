"""Asks for a new plan's title, and refuses one that could not be saved, saying why."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from plan_store import new_plan


class NewPlanDialog(ModalScreen[str | None]):
    CSS_PATH = "new_plan.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Start a new plan", id="heading")
            yield Static("Give it a short name you will recognise, like \"Mum's plan 2026\". You can change it later.")
            yield Input(placeholder="Plan name", id="title")
            yield Static(id="problem")
            yield Button("Start plan", variant="primary", id="start")

    @on(Input.Submitted, "#title")
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        title = self.query_one("#title", Input).value
        try:
            new_plan(title)
        except ValidationError as error:
            problem = error.errors()[0]["ctx"]["error"]
            self.query_one("#problem", Static).update(f"The name {problem}.")
            return
        self.dismiss(title.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
