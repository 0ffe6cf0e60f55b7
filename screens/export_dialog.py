"""Choose how to export the summary: format, where to, and whether private notes go too."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from phb_tui.summary.exporting import export_file_name
from phb_tui.widgets.keyed_dialog import KeyedDialog
from phb_tui.widgets.ticks import TickBox
from plan_store import Plan

from .messages import ExportChoice

FORMATS = [
    ("Web page to view or print (HTML)", "html"),
    ("Word document, to edit or file (DOCX)", "docx"),
    ("PDF, to print or send (PDF)", "pdf"),
    ("Plain text, for screen readers and email", "txt"),
    ("Markdown", "md"),
    ("The plan file itself (TOML)", "toml"),
]


class ExportDialog(KeyedDialog[ExportChoice | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        # Enter exports from the list of formats too, as it does from the file name: the list opens
        # with Space or Down. A person pressing Enter to download found the list opening instead.
        Binding("enter", "export", "Export", show=False, priority=True),
    ]

    def __init__(self, plan: Plan, folder: Path | None = None, rescue: bool = False):
        super().__init__(classes="dialog-screen")
        self.rescue = rescue
        """Saving the whole plan somewhere else because it cannot be saved where it lives."""
        documents = Path(platformdirs.user_documents_dir())
        self.folder = folder or (documents if documents.is_dir() else Path.home())
        self.plan = plan

    def compose(self) -> ComposeResult:
        fmt = "toml" if self.rescue else "html"
        with Vertical(classes="dialog"):
            if self.rescue:
                yield Label("Save a copy of the whole plan somewhere else", classes="dialog-heading")
                where = "" if self.app.is_web else " Choose a folder you can write to, such as a USB stick."
                yield Static(f"Everything is kept, private notes too.{where}")
            else:
                yield Label("Export the summary", classes="dialog-heading")
            yield Select(FORMATS, value=fmt, allow_blank=False, id="format", disabled=self.rescue)
            if self.app.is_web:  # The file goes to the browser, which saves it where it saves downloads.
                yield Label("File name")
                yield Input(export_file_name(self.plan, fmt), id="path", select_on_focus=False)
                yield Static("Your browser saves it with your other downloads.", id="where")
            else:
                yield Label("Save to")
                yield Input(str(self.folder / export_file_name(self.plan, fmt)), id="path", select_on_focus=False)
            yield TickBox("Include notes marked private", self.rescue, id="private", disabled=self.rescue)
            yield Static("" if self.rescue else "Private notes are left out unless you tick this.", id="private-help")
            if not self.rescue:
                yield TickBox("Easy read (short sentences, larger type)", id="easy")
            label = "Download" if self.app.is_web else "Export"
            yield Button("Save the copy" if self.rescue else label, variant="primary", id="export")

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        defaults = {export_file_name(self.plan, fmt) for _, fmt in FORMATS}
        if path.name in defaults:
            path_input.value = str(path.with_name(export_file_name(self.plan, str(event.value))))
        else:  # A name the person typed is kept; only its ending follows the format.
            path_input.value = str(path.with_suffix(f".{event.value}"))

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            self.query_one("#private-help", Static).update("Give a file name to save to.")
            return
        fmt = str(self.query_one("#format", Select).value)
        easy = bool(self.query("#easy")) and self.query_one("#easy", Checkbox).value and fmt != "toml"
        path = Path(Path(raw).name or "plan") if self.app.is_web else Path(raw).expanduser()
        self.dismiss(ExportChoice(fmt, path, self.query_one("#private", Checkbox).value, easy))

    def action_export(self) -> None:
        self._export()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":  # Only from the closed list of formats or a button; elsewhere Enter is the field's.
            focused = self.focused
            return (isinstance(focused, Select) and not focused.expanded) or (
                isinstance(focused, Button) and focused.id == "export"
            )
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)
