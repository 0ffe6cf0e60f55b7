"""The start screen: the person's plans, and everything done to whole plans.

Made for someone with one plan at a hard moment and for a broker with thirty clients: every action
has a key shown in the footer, the list can be searched and sorted, and the highlight stays on
the plan it was on, whatever changes around it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Static

from phb_tui.keymap import SECOND_KEYS, keys_words
from phb_tui.plain_text import as_written
from phb_tui.plan_list.listing import ORDERS, Column, PlanRow, fit_app_columns, matching, sorted_rows
from phb_tui.widgets.dialogs import ConfirmDialog
from phb_tui.widgets.help_dialog import HelpDialog
from phb_tui.widgets.key_hints import keys_named
from phb_tui.widgets.row_table import RowTable
from phb_tui.widgets.wrapped_footer import WrappedFooter
from plan_store import visible, visible_name
from plan_store.fields import MAX_TITLE
from plan_store.trash import TrashedPlan

from .deleted_plans import DeletedPlansDialog
from .messages import (
    DeletedPlansWanted,
    DuplicateWanted,
    NewPlanWanted,
    PlanChosen,
    RefreshWanted,
    RenameWanted,
    RestoreWanted,
    SampleWanted,
    TrashWanted,
)
from .title_dialog import TitleDialog


class PickerCommands(Provider):
    """The list's actions in the command palette, by name, each with its key."""

    COMMANDS: ClassVar[list[tuple[str, str, str, str, str]]] = [
        ("Restore a deleted plan", "Put back a plan from the trash", "picker.restore", "t", "restore"),
        ("Find a plan", "Search by title or the person's name", "picker.find", "slash", "find"),
        ("Change the order", "Sort by last saved, name or next review", "picker.sort", "o", "sort"),
        ("New plan", "Start a new plan", "picker.new", "n", "new_plan"),
        ("Rename the plan", "Rename the highlighted plan", "picker.rename", "r", "rename"),
        ("Copy the plan", "Copy the highlighted plan, under a name you choose", "picker.copy", "c", "duplicate"),
        ("Delete the plan", "Move the highlighted plan to the trash", "picker.delete", "delete", "trash"),
        ("Explore a sample plan", "Look around a plan that is never saved", "picker.sample", "s", "sample"),
        ("Refresh the list", "Read the plans folder again", "picker.refresh", "f5", "refresh"),
        ("Help for the list of plans", "What each key does", "step.help", "f1", "help"),
    ]

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, PickerScreen):
            return []
        return [
            (name, f"{does} ({keys_named(screen, binding_id, usual, first=True)})", partial(_run, screen, action))
            for name, does, binding_id, usual, action in self.COMMANDS
        ]

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)


def _run(screen: PickerScreen, action: str) -> None:
    screen.call_later(screen.run_action, action)


class PickerScreen(Screen[None]):
    CSS_PATH = "picker.tcss"
    COMMANDS = {PickerCommands}
    AUTO_FOCUS = "#plans"
    """The list, not the search box: letters are actions there, and typing starts with the find key."""
    BINDINGS = [
        # Priority, so the footer shows it and it opens the highlighted plan from the search box too:
        # the table's own Enter binding is hidden and would win.
        Binding("enter", "open_plan", "Open", id="picker.open", priority=True),
        Binding("n,N", "new_plan", "New", id="picker.new"),
        Binding("r,R", "rename", "Rename", id="picker.rename"),
        Binding("c,C", "duplicate", "Copy", id="picker.copy"),
        Binding("delete", "trash", "Remove", id="picker.delete"),
        Binding("t,T", "restore", "Restore", id="picker.restore"),
        Binding("slash", "find", "Find", id="picker.find"),
        Binding("o,O", "sort", "Sort", id="picker.sort"),
        Binding("s,S", "sample", "Sample", id="picker.sample"),
        Binding("f5", "refresh", "Refresh", id="picker.refresh"),
        # One help key everywhere: remapping "step.help" moves it here too.
        Binding(SECOND_KEYS["step.help"], "help", "Help", id="step.help"),
        Binding("escape", "clear_find", "Show all"),  # Shown only while something is typed in the search box.
        # In the search box, Up and Down move the highlight, so Enter opens what was found.
        Binding("down", "move(1)", "Next plan", show=False),
        Binding("up", "move(-1)", "Previous plan", show=False),
    ]

    def __init__(self, rows: list[PlanRow], plans_dir: Path, highlight: str | None = None, reading: int = 0):
        super().__init__()
        self.reading = reading
        """Plans still being read beside the app: the list fills in when they are."""
        self._all: list[PlanRow] = rows
        self._rows: list[PlanRow] = []
        """The rows as shown: found by the search, in the chosen order."""
        self._highlight = highlight
        self._fitted: tuple[list[PlanRow], int, list[Column]] | None = None
        """The columns, fitted to these rows at this width."""
        self.order = next(iter(ORDERS))
        self.plans_dir = plans_dir

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="intro", markup=False)  # It may quote what was typed in the search box.
        yield Static(id="problem", markup=False)  # It may quote a file name or what is wrong in a file.
        with Horizontal(id="find-bar"):
            yield Label("Find:", id="find-label")
            yield Input(placeholder="part of a title or a name", id="find", compact=True, select_on_focus=False)
            yield Static(id="order")
        yield RowTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield WrappedFooter()

    def on_mount(self) -> None:
        self.show(self._all, self._highlight)

    def on_resize(self) -> None:
        # Only a new width changes what the list shows; a resize that keeps it (the first ones,
        # as the screen is laid out) need not build every row again.
        if (self._rows or self._all) and (self._fitted is None or self._fitted[1] != self._room()):
            self._fill()

    def _room(self) -> int:
        """The width the columns share: the list's, less its scroll bar."""
        return (self.query_one("#plans", DataTable).size.width or self.app.size.width) - 1

    # --- what the list shows --------------------------------------------------------------------

    def show(self, rows: list[PlanRow], highlight: str | None = None, complete: bool = False) -> None:
        """Show these rows; the highlight goes to `highlight` (a file name), or stays on the plan it
        was on, or, if that plan has gone, on its neighbour. `complete`: every plan is read now."""
        if complete:
            self.reading = 0
        self._all = rows
        self._fill(highlight)

    @property
    def find_text(self) -> str:
        return self.query_one("#find", Input).value

    def _fill(self, highlight: str | None = None, top: bool = False) -> None:
        table = self.query_one("#plans", DataTable)
        before = self.chosen()
        row_before = table.cursor_row
        self._rows = sorted_rows(matching(self._all, self.find_text), self.order)
        room = self._room()
        if self._fitted is None or self._fitted[0] is not self._all or self._fitted[1] != room:
            # Fitted to every plan, not only those found, so the columns stay put while searching;
            # and only when the plans or the width change, not at every letter typed.
            self._fitted = (self._all, room, fit_app_columns(self._all, room))
        columns = self._fitted[2]
        table.clear(columns=True)
        for column in columns:
            table.add_column(as_written(column.heading), width=column.width)
        for row in self._rows:
            table.add_row(*(as_written(visible_name(column.shown(row))) for column in columns), key=row.file)
        files = [row.file for row in self._rows]
        wanted = highlight or (before.file if before and not top else None)
        if wanted in files:
            table.move_cursor(row=files.index(wanted))
        elif self._rows:  # Gone: its neighbour, which has moved up into its place.
            table.move_cursor(row=0 if top else min(max(row_before, 0), len(self._rows) - 1))
        self._describe()

    def _describe(self) -> None:
        """The line above the list, and the order it is in, in words."""
        help_key = self._key("step.help", SECOND_KEYS["step.help"])
        found, total, typed = len(self._rows), len(self._all), self.find_text.strip()
        if self.reading:
            words = (
                f"Reading {self.reading:,} plans changed since this list was last made. They appear here as "
                "soon as they are read; you can open the others now."
            )
        elif not total:
            words = (
                f"You have no plans yet. Press {self._key('picker.new', 'n')} to start your first plan, "
                f"or {self._key('picker.sample', 's')} to look around a sample plan first."
            )
        elif typed and not found:
            words = f'No plan matches "{typed}". Esc shows them all again.'
        elif typed:
            words = f'{found} of {total} plans match "{typed}". Enter opens the highlighted one; Esc shows all.'
        else:
            plans = "Your plan" if total == 1 else f"Your {total} plans"
            words = f"{plans}. Enter opens the highlighted one; {help_key} explains every key."
        self.query_one("#intro", Static).update(visible(words))
        self.query_one("#order", Static).update(f"Sorted by {ORDERS[self.order]}")

    def _key(self, binding_id: str, usual: str) -> str:
        """One of this screen's keys as the footer names it, after keys.toml.

        Read from the screen's own bindings: the app's `keys_for` would load every step's screen to
        learn the usual keys, which the list of plans, shown first, must not wait for.
        """
        for _node, binding, _enabled, _tooltip in self.active_bindings.values():
            if binding.id == binding_id:
                return self.app.get_key_display(binding)
        return keys_words(usual.split(",")[0])

    def show_problem(self, text: str) -> None:
        """Keep a problem on screen until the next action, rather than a message that fades."""
        problem = self.query_one("#problem", Static)
        problem.update(visible(text))
        problem.set_class(bool(text), "shown")

    def on_key(self) -> None:
        self.show_problem("")

    def chosen(self) -> PlanRow | None:
        """The highlighted plan, if any."""
        row = self.query_one("#plans", DataTable).cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _path(self, row: PlanRow) -> Path:
        return self.plans_dir / row.file

    # --- finding and sorting --------------------------------------------------------------------

    def action_find(self) -> None:
        self.query_one("#find", Input).focus()

    @on(Input.Changed, "#find")
    def _find_changed(self) -> None:
        self._fill(top=True)  # The best match first: Enter opens it.
        self.refresh_bindings()

    def action_clear_find(self) -> None:
        box = self.query_one("#find", Input)
        if box.value:
            with self.prevent(Input.Changed):
                box.value = ""
            self._fill()  # The highlight stays on the plan found.
            self.refresh_bindings()
        self.query_one("#plans", DataTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_find":
            return bool(self.is_mounted and self.find_text)
        if action == "find":  # Already there: "/" types itself.
            return not (self.is_mounted and self.query_one("#find", Input).has_focus)
        return True

    def action_move(self, delta: int) -> None:
        table = self.query_one("#plans", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.cursor_row + delta, table.row_count - 1)))

    def action_sort(self) -> None:
        orders = list(ORDERS)
        self.order = orders[(orders.index(self.order) + 1) % len(orders)]
        self._fill()  # The same plan stays highlighted, wherever it moved to.

    # --- actions on plans -----------------------------------------------------------------------

    def action_open_plan(self) -> None:
        if row := self.chosen():
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
        row = self.chosen()
        if row is None or row.problem:
            return

        def renamed(title: str | None) -> None:
            if title and title != row.title:
                self.post_message(RenameWanted(self._path(row), title))

        self.app.push_screen(TitleDialog("Rename the plan", "Rename", row.title), renamed)

    def action_duplicate(self) -> None:
        row = self.chosen()
        if row is None or row.problem:
            return

        def named(title: str | None) -> None:
            if title:
                self.post_message(DuplicateWanted(self._path(row), title))

        suffix = " (copy)"
        hint = f'The copy starts with everything in "{row.title}". Give it a name you will recognise.'
        dialog = TitleDialog("Copy the plan", "Make the copy", row.title[: MAX_TITLE - len(suffix)] + suffix, hint)
        self.app.push_screen(dialog, named)

    def action_trash(self) -> None:
        row = self.chosen()
        if row is None:
            return
        name = row.title or row.file

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(TrashWanted(self._path(row)))

        restore = keys_named(self, "picker.restore", "t", first=True)
        question = f'Delete "{name}"?\n\nIt moves to the trash. To put it back, press {restore} in this list.'
        self.app.push_screen(ConfirmDialog(question, "Yes, delete it"), answered)

    def action_restore(self) -> None:
        self.post_message(DeletedPlansWanted())

    def choose_deleted(self, deleted: list[TrashedPlan]) -> None:
        """Offer the plans in the trash; the one chosen is put back."""
        if not deleted:
            self.notify("There are no deleted plans to put back: the trash is empty.")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.post_message(RestoreWanted(path))

        self.app.push_screen(DeletedPlansDialog(deleted), chosen)

    def action_sample(self) -> None:
        self.post_message(SampleWanted())

    def action_refresh(self) -> None:
        self.post_message(RefreshWanted())

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog("Help: your list of plans", self._help_text()))

    def _help_text(self) -> str:
        def key(binding_id: str, usual: str) -> str:
            return keys_named(self, binding_id, usual)

        rows = [(key(binding_id, usual), does) for binding_id, usual, does in _HELP]
        rows[7:7] = [("Up, Down", "move the highlight, also while you type in the search box")]
        keys = "\n".join(f"- **{keys}**: {does}" for keys, does in rows)
        return f"{_HELP_INTRO}\n\n{keys}\n\n{_HELP_END}"


_HELP_INTRO = """Each line is one plan: its title, whose plan it is, the budget, whether it is **ready** \
for the NHS team to review or how many **gaps** a reviewer would ask about, when it is next \
reviewed, and when it was last saved."""

_HELP = [
    ("picker.open", "enter", "open the highlighted plan"),
    ("picker.new", "n", "start a new plan"),
    ("picker.rename", "r", "rename the highlighted plan"),
    ("picker.copy", "c", "copy it, under a name you choose"),
    ("picker.delete", "delete", "move it to the trash, from where it can be put back"),
    ("picker.restore", "t", "put back a plan you deleted"),
    ("picker.find", "slash", "find a plan: type part of its title or the person's name"),
    ("picker.sort", "o", "change the order: last saved, name, or next review"),
    ("picker.sample", "s", "explore a sample plan (nothing in it is saved)"),
    ("picker.refresh", "f5", "read the list again, after changes in another window"),
    ("step.help", SECOND_KEYS["step.help"], "this help"),
    ("app.palette", SECOND_KEYS["app.palette"], "every command, by name"),
    ("app.quit", SECOND_KEYS["app.quit"], "quit"),
]

_HELP_END = """Esc clears the search and shows every plan again. While you search, letters go into \
the search box; press Esc or Tab to use the keys above again."""
