"""Small pop-up screens: edit one entry, or confirm something that cannot be undone lightly."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from ..planning.fields import FieldSpec, LinkOptions
from .form import ModelForm
from .key_hints import keys_named
from .keyed_dialog import KeyedDialog
from .step_keys import DIALOG_STEP_BINDINGS


class EntryDialog(KeyedDialog[bool]):
    """Edits one entry of a list (an outcome, a line item...). Changes apply as they are typed.

    Closes with True when the person chose Cancel: the list then puts the entry back as it was,
    or removes it if it was new.
    """

    BINDINGS = [
        Binding("escape", "close", "Done", id="entry.done"),
        Binding("f4", "cancel", "Cancel", id="entry.cancel"),
        *DIALOG_STEP_BINDINGS,
    ]
    AUTO_FOCUS = ""  # Off: `on_mount` chooses, without first focusing (and restyling) the scrolling body.

    def __init__(self, title: str, entry: BaseModel, fields: Sequence[FieldSpec], links: LinkOptions | None = None):
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.entry = entry
        self.fields = fields
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-heading")
            with VerticalScroll(classes="dialog-body"):
                yield ModelForm(self.entry, self.fields, self.links, id="entry-form")
            with Horizontal(classes="dialog-buttons"):
                done = keys_named(self, "entry.done", "escape", first=True)
                yield Button(f"Done ({done})", id="done", variant="primary", compact=True)
                cancel = keys_named(self, "entry.cancel", "f4", first=True)
                yield Button(f"Cancel ({cancel})", id="cancel", compact=True)
                # Many people expect Esc to cancel: here it keeps what was typed, so it says so.
                yield Static(f"{done} keeps what you typed; {cancel} undoes it.", classes="dialog-keys-note")

    def on_mount(self) -> None:
        """Start in the first field, so a person can type straight away."""
        first = self.query(
            ".field Input, .field TextArea, .field Select, .field Checkbox, .field SelectionList"
        ).first()
        first.focus()

    @on(Button.Pressed, "#done")
    def action_close(self) -> None:
        form = self.query_one(ModelForm)
        if form.commit():
            form.post_message(ModelForm.Edited(form, ""))
        refused = form.refused
        if refused:
            names = ", ".join(self.query_one(ModelForm).specs[name].label for name in refused)
            self.notify(
                f"Not saved, because it was not valid: {names}. The earlier value was kept.",
                severity="warning",
                timeout=8,
            )
        self.dismiss(False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(True)

    def action_on_step(self, action: str) -> None:
        """A step key pressed in the dialog: keep the entry as Done does, then act on the step."""
        below = self.app.screen_stack[-2]
        self.action_close()
        self.app.call_later(self.app.run_action, action, below)

    def action_step_help(self) -> None:
        self.app.call_later(self.app.run_action, "help", self.app.screen_stack[-2])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "on_step" and parameters:
            if len(self.app.screen_stack) < 2 or not self.is_current:
                return False  # Nothing below yet, or no longer on top (its footer asks as it goes).
            below = self.app.screen_stack[-2]
            name = str(parameters[0])
            if name.startswith("go("):  # Back and Next only where the step has them.
                return below.check_action("go", (int(name[3:-1]),))
            return name.startswith("app.") or hasattr(below, f"action_{name.split('(')[0]}")
        return True


class ConfirmDialog(KeyedDialog[bool]):
    """Asks before anything is removed or lost. Escape, or N, always means no."""

    BINDINGS = [
        Binding("y,Y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,N,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str, no: str = "No, keep it"):
        super().__init__(classes="dialog-screen")
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Scrolls if long (a save problem quoted in full), so the answers always show.
            with VerticalScroll(classes="dialog-question-box"):
                yield Static(self.question, classes="dialog-question", markup=False)  # It may quote a person's words.
            with Vertical(classes="dialog-buttons"):
                yield Button(f"{self.no} (N)", id="no", variant="primary")
                yield Button(f"{self.yes} (Y)", id="yes", variant="error")

    def on_mount(self) -> None:
        # A message shown just before would cover the question; what it said is in the question.
        self.app.clear_notifications()
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
