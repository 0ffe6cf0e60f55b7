"""The table every list of entries is drawn with: only the rows in view are made, whatever the
length, and it answers keys and clicks as Textual's DataTable did."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult

from phb_tui import widgets
from phb_tui.widgets.dialogs import EntryDialog
from phb_tui.widgets.item_list import ItemList
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import Risk

from .test_form_and_list import ListHost


class TableHost(App[None]):
    """A bare table of `count` rows that notes which rows it was asked to make, styled as in the app."""

    CSS_PATH = str(Path(widgets.__file__).parent / "widgets.tcss")

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.made: list[int] = []
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable()

    def on_mount(self) -> None:
        table = self.query_one(VirtualTable)
        table.show([Text("Name"), Text("Cost")], [12, 8], self.count, self._cells)
        table.focus()

    def _cells(self, row: int) -> list[Text]:
        self.made.append(row)
        return [Text(f"Row {row + 1}"), Text("£1.00")]

    def on_virtual_table_row_selected(self, message: VirtualTable.RowSelected) -> None:
        self.selected.append(message.cursor_row)


def _on_screen(table: VirtualTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_only_the_rows_in_view_are_made_however_long_the_list() -> None:
    app = TableHost(100_000)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        assert table.row_count == 100_000
        assert 0 < len(set(app.made)) <= table.size.height
        assert "Name" in _on_screen(table)[0] and "Row 1 " in _on_screen(table)[1]


async def test_the_last_row_shows_once_the_cursor_goes_there_and_back() -> None:
    app = TableHost(10_000)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.cursor_row == 9_999
        assert any("Row 10000 " in line for line in _on_screen(table))
        assert "Name" in _on_screen(table)[0]  # The header stays in view.
        await pilot.press("up", "up")
        assert table.cursor_row == 9_997
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert table.cursor_row == 0 and "Row 1 " in _on_screen(table)[1]
        assert len(set(app.made)) < 100  # Two screenfuls or so, never the rows between.


async def test_page_keys_move_a_screenful_and_stop_at_either_end() -> None:
    app = TableHost(50)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row == table.size.height - 1
        assert any(f"Row {table.cursor_row + 1} " in line for line in _on_screen(table))
        await pilot.press("pageup", "pageup", "up")
        assert table.cursor_row == 0
        await pilot.press(*["pagedown"] * 10, "down")
        assert table.cursor_row == 49
        await pilot.press("home")  # Home and End go to the first and last row.
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == 49


async def test_enter_and_a_click_on_the_cursor_row_select_it() -> None:
    app = TableHost(20)
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == [1]
        await pilot.click(VirtualTable, offset=(2, 4))  # Row 4 (the header is the first line).
        await pilot.pause()
        assert table.cursor_row == 3 and app.selected == [1]
        await pilot.click(VirtualTable, offset=(2, 4))
        await pilot.pause()
        assert app.selected == [1, 3]
        await pilot.click(VirtualTable, offset=(2, 0))  # The header selects nothing.
        await pilot.pause()
        assert app.selected == [1, 3] and table.cursor_row == 3


async def test_a_row_reads_as_words_for_a_screen_reader() -> None:
    app = TableHost(3)
    async with app.run_test(size=(40, 12)):
        table = app.query_one(VirtualTable)
        assert table.row_text(2) == "Name: Row 3; Cost: £1.00"
        assert [cell.plain for cell in table.get_row_at(0)] == ["Row 1", "£1.00"]


async def test_a_long_list_of_entries_edits_the_one_under_the_cursor() -> None:
    risks = [Risk(description=f"Risk {n}") for n in range(1, 10_001)]
    app = ListHost(risks)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(ItemList).table
        assert table.row_count == 10_000
        await pilot.press("ctrl+end", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryDialog)
        assert app.screen.entry is risks[9_998]
