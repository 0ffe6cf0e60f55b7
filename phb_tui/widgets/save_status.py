"""One line that always says whether the plan is saved, and if not, why."""

from __future__ import annotations

from textual.widgets import Static

KEYS_REMINDER = "Ctrl+S saves now · Ctrl+P: all commands"


class SaveStatus(Static):
    """Also names the keys the footer has no room for, so every key stays on screen."""

    def __init__(self, extra_keys: str = "", *, id: str | None = None):
        super().__init__(markup=False, id=id)  # It may quote a folder or an error.
        self.reminder = f"{KEYS_REMINDER} · {extra_keys}" if extra_keys else KEYS_REMINDER
        self._shown: tuple[str, bool] | None = None

    def show(self, status: str, problem: bool) -> None:
        if problem:
            text = f'{status} (Ctrl+P, then "Save a copy elsewhere", keeps your changes)'
        else:
            text = f"{status}   ({self.reminder})"
        if (text, problem) == self._shown:
            return
        # One line high unless there is a problem to explain, so only then can its size change.
        self.update(text, layout=problem or self.has_class("problem"))
        self.set_class(problem, "problem")
        self._shown = (text, problem)
