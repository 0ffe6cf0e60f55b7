"""The plans in the trash, offered from the list of plans to be put back."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from phb_tui.plain_text import as_written
from phb_tui.widgets.keyed_dialog import KeyedDialog
from plan_store import visible, visible_name
from plan_store.trash import TrashedPlan


class DeletedPlansDialog(KeyedDialog[Path | None]):
    """The plans in the trash, most recently deleted first; the one chosen is put back."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]
    CSS_PATH = "picker.tcss"

    def __init__(self, deleted: list[TrashedPlan]):
        super().__init__(classes="dialog-screen")
        self.deleted = deleted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="deleted-dialog"):
            yield Label("Put back a deleted plan", classes="dialog-heading")
            yield Static("Most recently deleted first. Choose one and press Enter: it goes back in your list.")
            yield OptionList(*(Option(as_written(_deleted_words(plan))) for plan in self.deleted), id="deleted")
            yield Button("Cancel (Esc)", id="cancel")

    @on(OptionList.OptionSelected, "#deleted")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.deleted[event.option_index].path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _deleted_words(plan: TrashedPlan) -> str:
    """ "Daniel's plan 2026 (Daniel Price), deleted 24 Nov 2026 17:02"."""
    name = visible_name(plan.title) if plan.title else f"{visible_name(plan.path.name)} (cannot be opened)"
    if plan.person:
        name += f" ({visible(plan.person)})"
    if plan.deleted is None:
        return f"{name}, deleted at a time not known"
    local = plan.deleted.astimezone()
    return f"{name}, deleted {local.day} {local:%b %Y %H:%M}"
