"""Asks for a plan's title (new, renamed or a copy), and refuses one that could not be saved, saying why."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from phb_tui.widgets.keyed_dialog import KeyedDialog
from plan_store.fields import check_title


class TitleDialog(KeyedDialog[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, heading: str, button: str, title: str = "", hint: str = ""):
        super().__init__(classes="dialog-screen")
        self.heading = heading
        self.button = button
        self.initial = title
        self.hint = hint or 'A short name you will recognise, like "Mum\'s plan 2026".'

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-heading")
            yield Static(self.hint, markup=False)  # It may quote a plan's title.
            # The cursor at the end of a title given to change, as in every box: "(copy)" is then one
            # Backspace away, and typing adds to the title instead of replacing it unseen.
            yield Input(self.initial, placeholder="Plan name", id="title", select_on_focus=False)
            yield Static(id="problem", classes="field-error", markup=False)  # May quote what was typed.
            yield Button(self.button, variant="primary", id="ok")

    @on(Input.Submitted, "#title")
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        try:
            title = check_title(self.query_one("#title", Input).value)
        except ValueError as error:
            problem = self.query_one("#problem", Static)
            problem.update(f"Not accepted: the name {error}.")
            problem.add_class("shown")  # Hidden until there is something to say.
            return
        self.dismiss(title)

    def action_cancel(self) -> None:
        self.dismiss(None)
