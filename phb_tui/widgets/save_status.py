"""One line that always says whether the plan is saved, and if not, why."""

from __future__ import annotations

from textual.widgets import Static


KEYS_REMINDER = "Ctrl+S saves now · Ctrl+P: all commands"


class SaveStatus(Static):
    """Also names the two keys the footer has no room for, so every key stays on screen."""

    def show(self, status: str) -> None:
        self.update(f"{status}   ({KEYS_REMINDER})" if not status.startswith("NOT SAVED") else status)
        self.set_class(status.startswith("NOT SAVED"), "problem")
