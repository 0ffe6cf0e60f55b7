"""A table of rows (plans, costs, risks) where Home and End go to the first and last row.

Textual's table moves Home and End along the columns, which in a table of whole rows does nothing
a person can see: End did not reach the last plan.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import CellType


class RowTable(DataTable[CellType]):
    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]
