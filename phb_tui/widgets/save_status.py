"""One line that always says whether the plan is saved, and if not, why."""

from __future__ import annotations

from textual.widgets import Static


class SaveStatus(Static):
    def show(self, status: str) -> None:
        self.update(status)
        self.set_class(status.startswith("NOT SAVED"), "problem")
