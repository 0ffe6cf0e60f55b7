"""The usual tasks offered as a list to tick: the person keeps those that fit their plan.

Every task that fits the plan is ticked to start with; Enter adds the ticked ones. Adding all of
them at once left a person deleting, one confirmation each, the tasks they did not want.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from phb_tui.widgets.keyed_dialog import KeyedDialog
from phb_tui.widgets.ticks import tick_list_class


class UsualTasksDialog(KeyedDialog[list[str] | None]):
    BINDINGS = [
        # Priority: the list would take Enter to tick, which Space does.
        Binding("enter", "add", "Add the ticked", id="tasks.add", priority=True),
        Binding("escape", "cancel", "Cancel", id="tasks.cancel"),
    ]

    def __init__(self, offered: list[str]):
        super().__init__(classes="dialog-screen")
        self.offered = offered

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Add the usual tasks", classes="dialog-heading")
            yield Static("Space ticks or unticks a task; Enter adds the ticked ones to your action plan.")
            yield tick_list_class()(*((task, task, True) for task in self.offered), id="usual-task-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add the ticked tasks (Enter)", id="add", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#usual-task-list").focus()

    @on(Button.Pressed, "#add")
    def action_add(self) -> None:
        if self.focused is not None and self.focused.id == "cancel":
            self.action_cancel()  # Enter on Cancel cancels, as it reads.
            return
        ticked = set(self.query_one("#usual-task-list", tick_list_class()).selected)
        self.dismiss([task for task in self.offered if task in ticked])

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
