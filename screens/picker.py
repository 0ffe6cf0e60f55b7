"""The start screen: the person's plans, newest first, and everything done to whole plans."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from phb_tui.plain_text import as_written
from phb_tui.summary.listing import PlanRow
from phb_tui.widgets.dialogs import ConfirmDialog
from phb_tui.widgets.steady_footer import SteadyFooter
from plan_store import visible

from .messages import (
    DuplicateWanted,
    NewPlanWanted,
    PlanChosen,
    RefreshWanted,
    RenameWanted,
    SampleWanted,
    TrashWanted,
)
from .title_dialog import TitleDialog

_COLUMNS = ("Title", "Person", "Stage", "Last saved")


class PickerScreen(Screen[None]):
    CSS_PATH = "picker.tcss"
    BINDINGS = [
        # Priority, so the footer shows it: the table's own Enter binding is hidden and would win.
        Binding("enter", "open_plan", "Open", id="picker.open", priority=True),
        Binding("n", "new_plan", "New", id="picker.new"),
        Binding("r", "rename", "Rename", id="picker.rename"),
        Binding("c", "duplicate", "Copy", id="picker.copy"),
        Binding("delete", "trash", "Delete", id="picker.delete"),
        Binding("s", "sample", "Sample", id="picker.sample"),
        Binding("f5", "refresh", "Refresh", id="picker.refresh", show=False),
    ]

    def __init__(self, rows: list[PlanRow], plans_dir: Path):
        super().__init__()
        self._rows: list[PlanRow] = []
        self._initial = rows
        self.plans_dir = plans_dir

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="intro")
        yield Static(id="problem", markup=False)  # It may quote a file name or what is wrong in a file.
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Static(
            "N new plan · Enter open · R rename · C copy · Delete moves to the trash · S explore a sample plan",
            id="keys-help",
        )
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#plans", DataTable).add_columns(*map(as_written, _COLUMNS))
        self.show(self._initial)

    def show(self, rows: list[PlanRow]) -> None:
        """Fill the table, newest first, because that is usually the plan someone wants."""
        table = self.query_one("#plans", DataTable)
        table.clear()
        self._rows = sorted(rows, key=lambda row: (not row.problem, row.updated), reverse=True)
        for row in self._rows:
            title, person, stage, _budget, _planned, saved = row.cells()
            table.add_row(*map(as_written, (title, person, stage, saved)))
        intro = self.query_one("#intro", Static)
        if rows:
            intro.update("Your plans. Choose one and press Enter to open it, or press N to start a new one.")
        else:
            intro.update(
                "You have no plans yet. Press N to start your first plan, or S to look around a sample plan first."
            )

    def show_problem(self, text: str) -> None:
        """Keep a problem on screen until the next action, rather than a message that fades."""
        problem = self.query_one("#problem", Static)
        problem.update(visible(text))
        problem.set_class(bool(text), "shown")

    def on_key(self) -> None:
        self.show_problem("")

    def _chosen(self) -> PlanRow | None:
        row = self.query_one("#plans", DataTable).cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _path(self, row: PlanRow) -> Path:
        return self.plans_dir / row.file

    def action_open_plan(self) -> None:
        if row := self._chosen():
            self.post_message(PlanChosen(self._path(row)))

    @on(DataTable.RowSelected, "#plans")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_plan()

    def action_new_plan(self) -> None:
        def started(title: str | None) -> None:
            if title:
                self.post_message(NewPlanWanted(title))

        self.app.push_screen(TitleDialog("Start a new plan", "Start plan"), started)

    def action_rename(self) -> None:
        row = self._chosen()
        if row is None or row.problem:
            return

        def renamed(title: str | None) -> None:
            if title and title != row.title:
                self.post_message(RenameWanted(self._path(row), title))

        self.app.push_screen(TitleDialog("Rename the plan", "Rename", row.title), renamed)

    def action_duplicate(self) -> None:
        row = self._chosen()
        if row is not None and not row.problem:
            self.post_message(DuplicateWanted(self._path(row)))

    def action_trash(self) -> None:
        row = self._chosen()
        if row is None:
            return
        name = row.title or row.file

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(TrashWanted(self._path(row)))

        question = f'Delete "{name}"?\n\nIt moves to the trash folder, from where it can be put back by hand.'
        self.app.push_screen(ConfirmDialog(question, "Yes, delete it"), answered)

    def action_sample(self) -> None:
        self.post_message(SampleWanted())

    def action_refresh(self) -> None:
        self.post_message(RefreshWanted())
