"""Asks the person's reason for one change that needs the NHS team's agreement.

The changes are numbered as `phb changes` numbers them; the reason already given for the one
chosen is shown, to keep, change or clear. What is chosen goes back to the Review step, which
keeps it in the plan (`phb_tui.planning.change_reasons`), so the variation request shows it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from phb_tui.plain_text import as_written

ASKED = "Why do you want this change? The NHS team reads your reason on the request to change the plan."


class ReasonDialog(ModalScreen[tuple[int, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, changes: list[tuple[str, str]]):
        """`changes`: each change that needs agreement, in order, with the reason given so far."""
        super().__init__(classes="dialog-screen")
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Give a reason for a change", classes="dialog-heading")
            yield Static(ASKED)
            yield Label("Which change")
            yield Select(
                [(as_written(f"{n}. {text}"), n) for n, (text, _) in enumerate(self.changes, 1)],
                value=1,
                allow_blank=False,
                id="reason-change",
            )
            yield Label("Your reason")
            yield Input(self.changes[0][1], placeholder="Like: Sam's pay goes up in April", id="reason-words")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep this reason", variant="primary", id="ok")
                yield Button("Cancel (Esc)", id="cancel")

    @on(Select.Changed, "#reason-change")
    def _chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self.query_one("#reason-words", Input).value = self.changes[event.value - 1][1]

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        number = self.query_one("#reason-change", Select).value
        if isinstance(number, int):
            self.dismiss((number, self.query_one("#reason-words", Input).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
