"""A list of entries in a plan (outcomes, contacts, line items...) as a table you drive by keys.

The widget never holds its own copy: it reads the list from the plan each time it draws, adds and
removes entries in that list, and says so with `ItemList.Changed` so the app saves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ..keymap import SECOND_KEYS
from ..plain_text import as_written
from ..planning.fields import FieldSpec, LinkOptions
from .dialogs import ConfirmDialog, EntryDialog
from .key_hints import keys_named
from .virtual_table import VirtualTable

Entry = TypeVar("Entry", bound=BaseModel)


@dataclass(frozen=True)
class ListSpec(Generic[Entry]):
    noun: str
    """What one entry is called: "outcome", "line item"."""
    columns: Sequence[tuple[str, Callable[[Entry], str]]]
    fields: Sequence[FieldSpec]
    make: Callable[[], Entry]
    """A new, blank entry (with a fresh id where the entry has one)."""
    empty: str = ""
    on_remove: Callable[[Entry], None] | None = field(default=None)
    """Tidy-up after removal, such as unlinking a removed outcome from spending."""
    numbered: bool = False
    """A first column "#" numbers the entries from 1, as the summary refers to them."""
    only_if_filled: frozenset[str] = frozenset()
    """Columns (by heading) shown only when some entry has something in them, such as who pays,
    which only a plan that mixes ways of holding the money records."""
    left_out_first: tuple[str, ...] = ()
    """Columns (by heading) left out, in this order, while the entries' names would otherwise
    be cut shorter than `NAME_AT_LEAST` (the full entry is one Enter away)."""


NAME_AT_LEAST = 20


class ItemList(Vertical, can_focus=False):
    BINDINGS = [
        Binding("a,A", "add", "Add", id="list.add"),
        # Priority, so the footer shows it: the table's own Enter binding is hidden and would win.
        Binding("enter", "edit", "Edit", id="list.edit", priority=True),
        Binding("delete", "remove", "Remove", id="list.remove"),
        Binding(SECOND_KEYS["list.up"], "move(-1)", "Move up", id="list.up", show=False),
        Binding(SECOND_KEYS["list.down"], "move(1)", "Move down", id="list.down", show=False),
    ]

    @dataclass
    class Changed(Message):
        item_list: ItemList

    def __init__(
        self, entries: Callable[[], list[Any]], spec: ListSpec[Any], links: LinkOptions | None = None, **kwargs: Any
    ):
        super().__init__(**kwargs)
        self.entries = entries
        self.spec = spec
        self.links = links

    def compose(self) -> ComposeResult:
        yield VirtualTable(classes="entries")
        up, down = (keys_named(self, f"list.{way}", f"alt+{way}", first=True) for way in ("up", "down"))
        hints = [keys_named(self, f"list.{name}", usual) + f": {does}" for name, usual, does in _HINTS]
        yield Static("   ".join([*hints, f"{up}/{down}: move"]), classes="list-keys", markup=False)

    _drawn_width: int | None = None

    def on_mount(self) -> None:
        if self.size.width:
            self.redraw()

    @property
    def table(self) -> VirtualTable:
        return self.query_one(VirtualTable)

    def on_resize(self) -> None:
        # Drawn again only for a new width (the columns are fitted to it): a resize that keeps the
        # width (a scroll bar appearing in the step) changes nothing here.
        if self.size.width != self._drawn_width:
            self.redraw()

    def redraw(self, cursor: int | None = None) -> None:
        """Draw the list from the plan again, with the cursor on row `cursor` (or where it was)."""
        table = self.table
        self._drawn_width = self.size.width
        row = table.cursor_row if cursor is None else cursor
        entries = self.entries()
        columns = [
            (title, show)
            for title, show in self.spec.columns
            if title not in self.spec.only_if_filled or any(show(entry) for entry in entries)
        ]
        headers, rows, widths = self._fitted(columns, entries)
        for heading in self.spec.left_out_first:
            name = 1 if self.spec.numbered else 0
            if not rows or widths[name] >= min(NAME_AT_LEAST, max(len(row[name]) for row in rows)):
                break
            columns = [column for column in columns if column[0] != heading]
            headers, rows, widths = self._fitted(columns, entries)
        _tell_apart(rows, 1 if self.spec.numbered else 0, widths)

        def cells(number: int) -> list[Text]:
            # Made as the row comes into view: a list of thousands costs no more than a screenful.
            return [as_written(_shortened(cell, width)) for cell, width in zip(rows[number], widths, strict=True)]

        table.show([as_written(header) for header in headers], widths, len(rows), cells, cursor=row)

    def _fitted(
        self, columns: list[tuple[str, Callable[[Any], str]]], entries: list[Any]
    ) -> tuple[list[str], list[list[str]], list[int]]:
        """Headings, cells and widths that fit what is shown now and the width there is: every
        column on screen, figures whole, and long text shortened to fit."""
        headers = [title for title, _ in columns]
        rows = [[_first_line(show(entry)) for _, show in columns] for entry in entries]
        if self.spec.numbered:
            headers = ["#", *headers]
            rows = [[str(number), *cells] for number, cells in enumerate(rows, 1)]
        if not rows and self.spec.empty:
            rows = [[self.spec.empty, *("" for _ in headers[1:])]]
        return headers, rows, fit_columns(headers, rows, (self.size.width or 80) - 2 * len(headers) - 2)

    async def drawn(self) -> None:
        """Every row is in the table once drawn (rows are made as they come into view): nothing to wait for."""

    def _current(self) -> Any | None:
        entries = self.entries()
        row = self.table.cursor_row
        return entries[row] if entries and 0 <= row < len(entries) else None

    def action_add(self) -> None:
        entry = self.spec.make()
        blank = entry.model_copy(deep=True)
        # In the plan from the start, so what is typed is saved with it; the list is drawn again
        # when the dialog closes, not now, which for a thousand entries would hold the dialog up.
        self.entries().append(entry)

        def finished(cancelled: bool | None) -> None:
            # Cancelled, or opened and left empty: nothing was added.
            if (cancelled or entry == blank) and entry in self.entries():
                self.entries().remove(entry)
                self._changed()

        self._edit(entry, f"New {self.spec.noun}", finished)

    def action_edit(self) -> None:
        entry = self._current()
        if entry is None:
            return
        before = entry.model_copy(deep=True)

        def finished(cancelled: bool | None) -> None:
            if cancelled:  # Back as it was when the dialog opened, every field.
                entry.__dict__.update(before.model_copy(deep=True).__dict__)

        self._edit(entry, f"Edit {self.spec.noun}", finished)

    def _edit(self, entry: Any, title: str, finished: Callable[[bool | None], None]) -> None:
        before = entry.model_copy(deep=True)

        def closed(result: bool | None) -> None:
            finished(result)
            row = next((n for n, kept in enumerate(self.entries()) if kept is entry), None)
            if entry != before:
                self._changed(cursor=row)  # So totals and progress on the step behind the dialog update.
            else:
                self.redraw(cursor=row)

        self.app.push_screen(EntryDialog(title, entry, self.spec.fields, self.links), closed)

    def action_remove(self) -> None:
        entry = self._current()
        if entry is None:
            return
        name = _shortened(_first_line(self.spec.columns[0][1](entry)), 36) or f"this {self.spec.noun}"

        def answered(yes: bool | None) -> None:
            if yes and entry in self.entries():
                self.entries().remove(entry)
                if self.spec.on_remove:
                    self.spec.on_remove(entry)
                self._changed()

        self.app.push_screen(
            ConfirmDialog(f'Remove the {self.spec.noun} "{name}"?', f"Yes, remove the {self.spec.noun}"), answered
        )

    def add_entries(self, entries: list[Any]) -> None:
        """Add entries made elsewhere (such as by the PA cost calculator), and say so."""
        self.entries().extend(entries)
        self._changed()

    def action_move(self, delta: int) -> None:
        entries = self.entries()
        row = self.table.cursor_row
        target = row + delta
        if 0 <= row < len(entries) and 0 <= target < len(entries):
            entries[row], entries[target] = entries[target], entries[row]
            self._changed(cursor=target)

    @on(VirtualTable.RowSelected)
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _changed(self, cursor: int | None = None) -> None:
        self.redraw(cursor)
        self.post_message(self.Changed(self))


_HINTS = (("add", "a", "add"), ("edit", "enter", "edit"), ("remove", "delete", "remove"))


def _first_line(text: str) -> str:
    """The first line of the text: enough to recognise an entry by."""
    return text.strip().splitlines()[0] if text.strip() else ""


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 3, 1)] + "..."


def _tell_apart(rows: list[list[str]], name: int, widths: list[int]) -> None:
    """Names that would look alike once cut short ("Personal assistant, mornings (Sam)" and
    "(Lee)") are cut in the middle instead, so their ends show."""
    limit = widths[name] if rows else 0
    alike: dict[str, set[str]] = {}
    for row in rows:
        alike.setdefault(_shortened(row[name], limit), set()).add(row[name])
    if limit <= 9:
        return
    for group in (texts for texts in alike.values() if len(texts) > 1):
        head = (limit - 2) // 2
        ends = {text: text[:head] + "..." + text[len(text) - (limit - 3 - head) :] for text in group}
        if len(set(ends.values())) < len(group):
            # Alike at both ends ("Workplace pension for Sam (employer's 3%)"): from where they differ.
            sizes = min(len(text) for text in group)
            differ = next((n for n, chars in enumerate(zip(*group, strict=False)) if len(set(chars)) > 1), sizes)
            head = min(differ, limit // 3)
            ends = {text: text[:head] + "..." + _shortened(text[differ:], limit - head - 3) for text in group}
        for row in rows:
            row[name] = ends.get(row[name], row[name])


def fit_columns(headers: Sequence[str], rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """Column widths that fit `room`: figures (amounts, numbers) whole, text columns giving way.

    A table cannot wrap, so a column wider than the screen pushes the others out of sight.
    """
    natural = [max([len(header), *(len(row[n]) for row in rows)]) for n, header in enumerate(headers)]
    figures = {
        n
        for n in range(len(headers))
        if rows and all(not row[n] or row[n][0] in "£0123456789" for row in rows) and any(row[n] for row in rows)
    }
    if sum(natural) <= room:
        return natural
    widths = [natural[n] if n in figures else min(natural[n], max(len(headers[n]), 9)) for n in range(len(headers))]
    spare = room - sum(widths)
    wanted = {n: natural[n] - widths[n] for n in range(len(headers)) if n not in figures and natural[n] > widths[n]}
    if wanted and spare > 0:
        # The first text column names the entry ("Sam: wages", "Sam: workplace pension"): it
        # comes first, up to two thirds of what is spare, so entries that start alike differ.
        first = min(wanted)
        extra = min(wanted.pop(first), spare * 2 // 3)
        widths[first] += extra
        spare -= extra
    total = sum(wanted.values())
    for n, want in wanted.items():
        if spare > 0 and total:
            widths[n] += min(want, spare * want // total)
    return widths
