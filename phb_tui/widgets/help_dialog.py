"""Longer help for a step, behind the help key, in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Label

from .keyed_dialog import KeyedDialog


class HelpDialog(KeyedDialog[None]):
    BINDINGS = [Binding("escape,f1", "close", "Close help", id="help.close")]

    def __init__(self, title: str, text: str):
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.text = text

    def compose(self) -> ComposeResult:
        # Markdown (and the parser behind it) adds about 50 ms to start-up; only help needs it.
        from textual.widgets import Markdown

        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-heading")
            with VerticalScroll(classes="dialog-body"):
                yield Markdown(self.text)
            yield Button("Close (Esc)", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
