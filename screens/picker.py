"""The start screen: the person's plans, newest first, and everything done to whole plans."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from phb_tui.listing import listing_row
from phb_tui.widgets.dialogs import ConfirmDialog
from plan_store import PlanListing

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

    @dataclass
    class PlanChosen(Message):
        path: Path

    @dataclass
    class NewPlanWanted(Message):
        title: str

    @dataclass
    class RenameWanted(Message):
        path: Path
        title: str

    @dataclass
    class DuplicateWanted(Message):
        path: Path

    @dataclass
    class TrashWanted(Message):
        path: Path

    class SampleWanted(Message):
        """Open the built-in sample plan, which is never saved."""

    class Refresh(Message):
        """Ask the app to read the plans folder again."""

    def __init__(self, listings: list[PlanListing]):
        super().__init__()
        self._listings: list[PlanListing] = []
        self._initial = listings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="intro")
        yield Static(id="problem")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Static(
            "N new plan · Enter open · R rename · C copy · Delete moves to the trash · S explore a sample plan",
            id="keys-help",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#plans", DataTable).add_columns(*_COLUMNS)
        self.show(self._initial)

    def show(self, listings: list[PlanListing]) -> None:
        """Fill the table, newest first, because that is usually the plan someone wants."""
        table = self.query_one("#plans", DataTable)
        table.clear()
        self._listings = sorted(listings, key=lambda l: (l.plan is not None, l.plan.updated.timestamp() if l.plan else 0), reverse=True)
        for listing in self._listings:
            title, person, stage, _budget, _planned, saved = listing_row(listing)
            table.add_row(title, person, stage, saved)
        intro = self.query_one("#intro", Static)
        if listings:
            intro.update("Your plans. Choose one and press Enter to open it, or press N to start a new one.")
        else:
            intro.update(
                "You have no plans yet. Press N to start your first plan, or S to look around a sample plan first."
            )

    def show_problem(self, text: str) -> None:
        """Keep a problem on screen until the next action, rather than a message that fades."""
        problem = self.query_one("#problem", Static)
        problem.update(text)
        problem.set_class(bool(text), "shown")

    def on_key(self) -> None:
        self.show_problem("")

    def _chosen(self) -> PlanListing | None:
        row = self.query_one("#plans", DataTable).cursor_row
        return self._listings[row] if 0 <= row < len(self._listings) else None

    def action_open_plan(self) -> None:
        if listing := self._chosen():
            self.post_message(self.PlanChosen(listing.path))

    @on(DataTable.RowSelected, "#plans")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_plan()

    def action_new_plan(self) -> None:
        def started(title: str | None) -> None:
            if title:
                self.post_message(self.NewPlanWanted(title))

        self.app.push_screen(TitleDialog("Start a new plan", "Start plan"), started)

    def action_rename(self) -> None:
        listing = self._chosen()
        if listing is None or listing.plan is None:
            return

        def renamed(title: str | None) -> None:
            if title and title != listing.plan.title:  # type: ignore[union-attr]
                self.post_message(self.RenameWanted(listing.path, title))

        self.app.push_screen(TitleDialog("Rename the plan", "Rename", listing.plan.title), renamed)

    def action_duplicate(self) -> None:
        listing = self._chosen()
        if listing is not None and listing.plan is not None:
            self.post_message(self.DuplicateWanted(listing.path))

    def action_trash(self) -> None:
        listing = self._chosen()
        if listing is None:
            return
        name = listing.plan.title if listing.plan else listing.path.name

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(self.TrashWanted(listing.path))

        question = f'Delete "{name}"?\n\nIt moves to the trash folder, from where it can be put back by hand.'
        self.app.push_screen(ConfirmDialog(question, "Yes, delete it"), answered)

    def action_sample(self) -> None:
        self.post_message(self.SampleWanted())

    def action_refresh(self) -> None:
        self.post_message(self.Refresh())
