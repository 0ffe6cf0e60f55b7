"""One line that always says whether the plan is saved, and if not, why."""

from __future__ import annotations

from textual.widgets import Static

from .key_hints import keys_named

KEYS_REMINDED = (("app.save", "ctrl+s", "saves now"), ("app.palette", "ctrl+p", "all commands"))
"""Keys the footer has no room for, as (binding id, usual key, what it does)."""


class SaveStatus(Static):
    """Also names the keys the footer has no room for, so every key stays on screen.

    Keys are named as the person has them (keys.toml, or the key that works in this terminal),
    and the line wraps rather than cutting a key off at 80 columns.
    """

    def __init__(self, extra_keys: tuple[tuple[str, str, str], ...] = (), *, id: str | None = None):
        super().__init__(markup=False, id=id)  # It may quote a folder or an error.
        self.keys = KEYS_REMINDED + extra_keys
        self._shown: tuple[str, bool] | None = None
        self._status: tuple[str, bool] = ("", False)
        self.note = ""
        """A change just made that the person should hear of (a note made private), shown beside
        the status until `say` is called again."""

    def reminder(self) -> str:
        return " · ".join(
            f"{keys_named(self, binding, usual, first=True)} {does}" for binding, usual, does in self.keys
        )

    def say(self, note: str) -> None:
        """Show `note` beside the status (or nothing, with ""), whatever the status becomes."""
        self.note = note
        self.show(*self._status)

    def show(self, status: str, problem: bool) -> None:
        self._status = (status, problem)
        if self.note:
            status = f"{status} · {self.note}"
        text = status if problem else f"{status} · {self.reminder()}"
        if (text, problem) == self._shown:
            return
        self.update(text)
        self.set_class(problem, "problem")
        self._shown = (text, problem)
