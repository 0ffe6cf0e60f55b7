"""The start screen: the person's plans, newest first, and a way to start a new one."""

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
from plan_store import PlanListing

from .new_plan import NewPlanDialog

_COLUMNS = ("Title", "Person", "Stage", "Last saved")


class PickerScreen(Screen[None]):
    CSS_PATH = "picker.tcss"
    BINDINGS = [
        # Priority, so the footer shows it: the table's own Enter binding is hidden and would win.
        Binding("enter", "open_plan", "Open", id="picker.open", priority=True),
        Binding("n", "new_plan", "New plan", id="picker.new"),
        Binding("f5", "refresh", "Refresh", id="picker.refresh"),
    ]

    @dataclass
    class PlanChosen(Message):
        path: Path

    @dataclass
    class NewPlanWanted(Message):
        title: str

    def __init__(self, listings: list[PlanListing]):
        super().__init__()
        self._paths: list[Path] = []
        self._listings = listings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="intro")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#plans", DataTable)
        table.add_columns(*_COLUMNS)
        self.show(self._listings)

    def show(self, listings: list[PlanListing]) -> None:
        """Fill the table; newest first, because that is usually the plan someone wants."""
        table = self.query_one("#plans", DataTable)
        table.clear()
        ordered = sorted(listings, key=lambda l: (l.plan is not None, l.plan.updated if l.plan else 0), reverse=True)
        self._paths = [listing.path for listing in ordered]
        for listing in ordered:
            title, person, stage, _budget, _planned, saved = listing_row(listing)
            table.add_row(title, person, stage, saved)
        intro = self.query_one("#intro", Static)
        if listings:
            intro.update("Choose a plan and press Enter to open it, or press N to start a new one.")
        else:
            intro.update("You have no plans yet. Press N to start your first plan.")

    def action_open_plan(self) -> None:
        table = self.query_one("#plans", DataTable)
        if self._paths and table.cursor_row is not None:
            self.post_message(self.PlanChosen(self._paths[table.cursor_row]))

    @on(DataTable.RowSelected, "#plans")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_plan()

    def action_new_plan(self) -> None:
        def started(title: str | None) -> None:
            if title:
                self.post_message(self.NewPlanWanted(title))

        self.app.push_screen(NewPlanDialog(), started)

    def action_refresh(self) -> None:
        self.post_message(self.Refresh())

    class Refresh(Message):
        """Ask the app to read the plans folder again."""
