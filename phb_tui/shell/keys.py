"""The key registry: the app's own keys, every key a person may remap, and each one's usual key.

keys.toml (phb_tui/keymap.py) checks a person's keys against it, and the app names keys from it in
messages and the status line.
"""

from __future__ import annotations

from functools import cache

from textual.binding import Binding, BindingType

from screens.base import StepScreen

from ..keymap import SECOND_KEYS
from ..widgets.dialogs import EntryDialog
from ..widgets.item_list import ItemList

APP_BINDINGS: list[BindingType] = [
    Binding(SECOND_KEYS["app.quit"], "quit", "Quit", id="app.quit", priority=True),
    # The command palette under an id of its own, so keys.toml can remap it like any other.
    Binding(SECOND_KEYS["app.palette"], "command_palette", "Commands", id="app.palette", show=False, priority=True),
    # The panel of keys (from the command palette) closes with Esc like everything else. No id:
    # Esc closes things everywhere, so it is not a key to remap.
    Binding("escape", "hide_help_panel", "Close the keys", show=False),
    # Priority, so it works in dialogs too. Saving is automatic, so the footer leaves it out to
    # fit 80 columns; the status line above the footer names it (and Ctrl+P) instead.
    Binding("ctrl+s", "save", "Save", id="app.save", show=False, priority=True),
]
"""The app's own keys, on every screen."""


Keys = list[BindingType]


def _screens_keys() -> tuple[Keys, Keys, Keys]:
    """The keys of the list of plans, the Financial plan and the Summary, screens with keys of
    their own, imported only when every key is wanted."""
    from screens.finance import FinanceScreen
    from screens.picker import PickerScreen
    from screens.summary import SummaryScreen

    return PickerScreen.BINDINGS, FinanceScreen.BINDINGS, SummaryScreen.BINDINGS


def _ids(together: list[Keys]) -> dict[str, str]:
    """Each remappable binding's id, with its usual key."""
    return {
        binding.id: binding.key for keys in together for binding in keys if isinstance(binding, Binding) and binding.id
    }


def remappable_ids() -> set[str]:
    """Every binding id a person may remap in keys.toml."""
    return {binding_id for together in usual_keys() for binding_id in together}


@cache
def usual_key(binding_id: str) -> str:
    """The key a binding has when no keymap changes it.

    The keys every step loads are looked through first, so naming a key on the first screen
    does not import the list of plans, the Financial plan and the Summary just to find it.
    """
    loaded = _ids([APP_BINDINGS, StepScreen.BINDINGS, ItemList.BINDINGS, EntryDialog.BINDINGS])
    return loaded.get(binding_id) or next((keys[binding_id] for keys in usual_keys() if binding_id in keys), "")


def usual_keys() -> list[dict[str, str]]:
    """For each screen, the remappable bindings in use together there, with their usual keys.

    keys.toml may give two actions one key when they are never on screen together (the list of
    plans and a step), so a clash is looked for one screen at a time.
    """
    picker, finance, summary = _screens_keys()
    return [
        _ids([APP_BINDINGS, picker]),
        _ids([APP_BINDINGS, StepScreen.BINDINGS, ItemList.BINDINGS]),
        _ids([APP_BINDINGS, finance, ItemList.BINDINGS]),
        _ids([APP_BINDINGS, summary]),
        _ids([APP_BINDINGS, EntryDialog.BINDINGS]),
    ]
