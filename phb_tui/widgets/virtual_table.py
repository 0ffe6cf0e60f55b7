"""A table of rows driven by keys that makes only the rows in view: a list of any length shows at once.

Textual's DataTable keeps an object for every row and measures every cell; adding a thousand costs
took a third of a second of slices, each slice laying the whole step out again, before the list
settled. This table is told how many rows there are and how to make one, and asks only for those
it paints (Textual's line API, as its Log draws long logs), so the work is the same for ten rows or
ten thousand. It looks and answers keys as the DataTable it replaces: the same styles (its
component classes, in widgets.tcss), a row cursor, Enter or a click on the cursor's row to select.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.styled import Styled
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cells = Callable[[int], Sequence[Text]]
"""The cells of row n (from 0), each already shortened to its column's width."""

_KEPT = 200
"""Rows kept once made: several screenfuls, so scrolling back and forth makes nothing again."""


class VirtualTable(ScrollView, can_focus=True):
    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor(-1)", "Cursor up", show=False),
        Binding("down", "cursor(1)", "Cursor down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+home", "first", "Top", show=False),
        Binding("ctrl+end", "last", "Bottom", show=False),
        # As in RowTable: Home and End go to the first and last row, which a person can see.
        Binding("home", "first", "First row", show=False),
        Binding("end", "last", "Last row", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--cursor",
        "datatable--header",
        "datatable--odd-row",
        "datatable--even-row",
    }

    cursor_row: reactive[int] = reactive(0, repaint=False, always_update=True)

    @dataclass
    class RowSelected(Message):
        """Enter (or a click) on the cursor's row."""

        table: VirtualTable
        cursor_row: int

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(self, *, classes: str | None = None, id: str | None = None):
        super().__init__(classes=classes, id=id)
        self._headers: list[Text] = []
        self._widths: list[int] = []
        self._count = 0
        self._cells: Cells = lambda row: ()
        self._made: dict[int, Sequence[Text]] = {}

    def show(self, headers: Sequence[Text], widths: Sequence[int], count: int, cells: Cells, cursor: int = 0) -> None:
        """Show `count` rows, made by `cells` as they come into view, with the cursor on row `cursor`."""
        self._headers, self._widths, self._count, self._cells = list(headers), list(widths), count, cells
        self._made = {}
        self.virtual_size = Size(sum(widths) + 2 * len(widths), count + 1)
        self.cursor_row = cursor
        self.refresh()

    @property
    def headers(self) -> list[Text]:
        """The columns' headings, in order."""
        return list(self._headers)

    @property
    def row_count(self) -> int:
        return self._count

    def get_row_at(self, row: int) -> list[Text]:
        """The cells of row `row`, as shown: what a screen reader or a test reads."""
        if not 0 <= row < self._count:
            raise IndexError(f"No row {row} in a table of {self._count}")
        return list(self._row(row))

    def row_text(self, row: int) -> str:
        """Row `row` in words, each cell after its column's name: how a screen reader should say it."""
        pairs = zip(self._headers, self.get_row_at(row), strict=False)
        return "; ".join(f"{header.plain}: {cell.plain.strip() or 'blank'}" for header, cell in pairs)

    def _row(self, row: int) -> Sequence[Text]:
        made = self._made.get(row)
        if made is None:
            if len(self._made) >= _KEPT:
                self._made.clear()
            made = self._made[row] = self._cells(row)
        return made

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self._count - 1))

    def watch_cursor_row(self) -> None:
        self.refresh()
        self.scroll_to_region(
            Region(0, self.cursor_row + 1, self.size.width, 1), spacing=Spacing(1, 0, 0, 0), animate=False, force=True
        )

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = row

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.rich_style
        cells: Sequence[Text]
        if y == 0:
            row, cells, style = -1, self._headers, self.get_component_styles("datatable--header").rich_style
        else:
            row = y - 1 + scroll_y
            if not 0 <= row < self._count:
                return Strip.blank(width, base)
            cells = self._row(row)
            style = self.get_component_styles("datatable--odd-row" if row % 2 else "datatable--even-row").rich_style
        cursor = Style()
        if row == self.cursor_row and row >= 0:
            cursor = self.get_component_rich_style("datatable--cursor")
        after = Style.from_color(color=cursor.color) if cursor.color else Style.null()
        console = self.app.console
        segments: list[Segment] = []
        # Each cell says where it is (as the DataTable's do), which is also how a click finds its row.
        for column, (cell, cell_width) in enumerate(zip(cells, self._widths, strict=False)):
            options = console.options.update_dimensions(cell_width + 2, 1).update(no_wrap=True)
            where = Style.from_meta({"row": row, "column": column})
            styled = Styled(Padding(cell, (0, 1)), pre_style=style + where + cursor, post_style=after)
            segments += console.render_lines(styled, options)[0]
        table_width = sum(self._widths) + 2 * len(self._widths)
        beyond = Style.from_meta({"row": row, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * max(0, width - table_width), style + cursor + beyond))
        strip = Strip(segments).crop(scroll_x, scroll_x + width)
        return strip.adjust_cell_length(width, base).simplify()

    def action_cursor(self, delta: int) -> None:
        self.cursor_row += delta

    def action_page(self, way: int) -> None:
        rows = max(1, self.scrollable_content_region.height - 1)
        self.scroll_relative(y=way * rows, animate=False, force=True)
        self.cursor_row += way * rows

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = self._count - 1

    def action_select_cursor(self) -> None:
        if self._count:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if row is None or not 0 <= row < self._count:
            return  # The header row, or below the last.
        event.stop()
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.cursor_row = row
